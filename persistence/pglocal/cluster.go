package pglocal

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// superuser is the role initdb creates; Proper connects as it.
const superuser = "proper"

// DefaultDatabase is the database the cluster creates for Proper's data.
const DefaultDatabase = "proper"

// maxSocketPath keeps the Unix socket path under the kernel's 108-byte limit;
// a data directory deeper than that listens on 127.0.0.1 instead.
const maxSocketPath = 100

// Options configure a private cluster.
type Options struct {
	// Dir is Proper's data directory. The cluster lives in Dir/postgres, its
	// socket in Dir/postgres-run, its password in Dir/postgres.secret.
	Dir string
	// Ephemeral turns off fsync and synchronous commit: faster, but data may
	// be lost if the machine crashes. For tests only.
	Ephemeral bool
	// Logger receives progress messages; nil discards them.
	Logger *slog.Logger
	// Supervise, when set, watches the server while this process uses the
	// cluster and starts it again, with backoff, when it stops without being
	// asked to (killed, crashed). Close stops the supervisor first. Fields
	// left zero take DefaultSupervision's.
	Supervise *Supervision
}

// Cluster is a private PostgreSQL cluster in use by this process. Several
// processes may use one cluster at once: the first starts it, the others
// attach, and the last one to Close stops it.
type Cluster struct {
	opts     Options
	bins     Binaries
	owner    *account
	password string
	// addr guards host and port, which a supervisor's restart rewrites.
	addr    sync.Mutex
	host    string
	port    int
	started bool
	users   *os.File // a shared lock held while this process uses the cluster
	// stopSupervising stops the supervisor and waits for it; nil when the
	// cluster is not supervised.
	stopSupervising func()
}

// Start starts the cluster in opts.Dir, creating it on first use, or attaches
// to it when another process already runs it. It returns ErrNoServerBinaries
// when PostgreSQL is not installed.
func Start(ctx context.Context, opts Options) (*Cluster, error) {
	bins, err := FindBinaries()
	if err != nil {
		return nil, err
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opts.Dir, err = filepath.Abs(opts.Dir); err != nil {
		return nil, err
	}
	owner, err := serverAccount()
	if err != nil {
		return nil, err
	}
	c := &Cluster{opts: opts, bins: bins, owner: owner}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	if err := owner.checkReachable(opts.Dir); err != nil {
		return nil, err
	}

	mutex, err := lockFile(ctx, c.path("postgres.lock"), exclusive)
	if err != nil {
		return nil, err
	}
	defer mutex.Close()

	if c.password, err = c.secret(); err != nil {
		return nil, err
	}
	if err := c.initIfNeeded(ctx); err != nil {
		return nil, err
	}
	running, err := c.running()
	if err != nil {
		return nil, err
	}
	if !running {
		if err := c.startServer(ctx); err != nil {
			return nil, err
		}
		c.started = true
	}
	if err := c.readAddress(); err != nil {
		return nil, err
	}
	if c.users, err = lockFile(ctx, c.path("postgres.users"), shared); err != nil {
		return nil, err
	}
	if err := c.CreateDatabase(ctx, DefaultDatabase, ""); err != nil && !errors.Is(err, errDatabaseExists) {
		c.users.Close()
		return nil, err
	}
	if opts.Supervise != nil {
		c.startSupervisor(*opts.Supervise)
	}
	return c, nil
}

// Started reports whether this process started the server rather than
// attaching to one that was already running.
func (c *Cluster) Started() bool { return c.started }

// Dir is the cluster's data folder (PGDATA).
func (c *Cluster) Dir() string { return c.path("postgres") }

// URL returns a connection URL for the named database of the cluster.
func (c *Cluster) URL(database string) string {
	c.addr.Lock()
	defer c.addr.Unlock()
	u := url.URL{
		Scheme:   "postgres",
		User:     url.UserPassword(superuser, c.password),
		Host:     "localhost",
		Path:     "/" + database,
		RawQuery: url.Values{"host": {c.host}, "port": {strconv.Itoa(c.port)}, "sslmode": {"disable"}}.Encode(),
	}
	return u.String()
}

var errDatabaseExists = errors.New("database exists")

// CreateDatabase creates database name, as a copy of template when template
// is not empty. It returns an error wrapping errDatabaseExists when it exists.
func (c *Cluster) CreateDatabase(ctx context.Context, name, template string) error {
	conn, err := pgx.Connect(ctx, c.URL("postgres"))
	if err != nil {
		return fmt.Errorf("connect to private PostgreSQL: %w", err)
	}
	defer conn.Close(context.Background())
	var exists bool
	if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return fmt.Errorf("%w: %s", errDatabaseExists, name)
	}
	stmt := "CREATE DATABASE " + pgx.Identifier{name}.Sanitize()
	if template != "" {
		stmt += " TEMPLATE " + pgx.Identifier{template}.Sanitize()
	}
	_, err = conn.Exec(ctx, stmt)
	return err
}

// Close ends this process's use of the cluster and stops the server when no
// other process uses it any more.
func (c *Cluster) Close() error {
	c.stopSupervisor()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	mutex, err := lockFile(ctx, c.path("postgres.lock"), exclusive)
	if err != nil {
		return err
	}
	defer mutex.Close()
	// A child that this process is forking at this instant holds a copy of
	// every descriptor, our shared lock's included, until it execs: another
	// cluster's pg_ctl (tests run several clusters at once), or any other
	// program. It would pass for another user of the cluster, which would
	// then never be stopped. Forks hold syscall.ForkLock for writing until
	// the child has exec'd, so none is under way while we hold it to look.
	syscall.ForkLock.RLock()
	c.users.Close()
	last, err := tryLockFile(c.path("postgres.users"), exclusive)
	syscall.ForkLock.RUnlock()
	if err != nil {
		return nil // another process still uses the cluster; it will stop it
	}
	defer last.Close()
	return c.StopServer(ctx)
}

// StopServer stops the PostgreSQL server now (fast shutdown: open sessions
// are disconnected). Tests use it to simulate a database outage.
func (c *Cluster) StopServer(ctx context.Context) error {
	running, err := c.running()
	if err != nil || !running {
		return err
	}
	if out, err := c.command(ctx, "pg_ctl", "stop", "-D", c.Dir(), "-m", "fast", "-w", "-t", "60").CombinedOutput(); err != nil {
		return fmt.Errorf("stop private PostgreSQL: %w: %s", err, bytes.TrimSpace(out))
	}
	c.opts.Logger.Info("stopped private PostgreSQL", "dir", c.Dir())
	return nil
}

// StartServer starts the server again after StopServer, on the same address.
func (c *Cluster) StartServer(ctx context.Context) error {
	return c.startServer(ctx)
}

func (c *Cluster) path(name string) string { return filepath.Join(c.opts.Dir, name) }

// secret returns the superuser's password, creating it on first use. It is
// kept in a file only the current user can read.
func (c *Cluster) secret() (string, error) {
	file := c.path("postgres.secret")
	if b, err := os.ReadFile(file); err == nil {
		return strings.TrimSpace(string(b)), nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	raw := make([]byte, 24)
	if _, err := rand.Read(raw); err != nil {
		return "", err
	}
	password := hex.EncodeToString(raw)
	if err := os.WriteFile(file, []byte(password+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("write cluster password: %w", err)
	}
	return password, nil
}

// initIfNeeded runs initdb when the cluster folder holds no cluster yet.
func (c *Cluster) initIfNeeded(ctx context.Context) error {
	for _, dir := range []string{c.Dir(), c.path("postgres-run")} {
		if err := c.owner.makePrivateDir(dir); err != nil {
			return err
		}
	}
	if _, err := os.Stat(filepath.Join(c.Dir(), "PG_VERSION")); err == nil {
		return nil
	}
	begun := time.Now()
	pwfile := filepath.Join(c.path("postgres-run"), "initdb.pw")
	if err := c.owner.writeFile(pwfile, c.password); err != nil {
		return err
	}
	defer os.Remove(pwfile)
	args := []string{"-D", c.Dir(), "-U", superuser, "--auth=scram-sha-256", "--pwfile=" + pwfile,
		"-E", "UTF8", "--no-locale", "--no-instructions"}
	if c.opts.Ephemeral {
		args = append(args, "--no-sync")
	}
	if out, err := c.command(ctx, "initdb", args...).CombinedOutput(); err != nil {
		return fmt.Errorf("initdb %s: %w: %s", c.Dir(), err, lastLine(out))
	}
	conf, err := os.OpenFile(filepath.Join(c.Dir(), "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer conf.Close()
	if _, err := conf.WriteString("\n# Written by Proper: where to listen, rewritten at each start.\ninclude_if_exists = 'proper.conf'\n"); err != nil {
		return err
	}
	c.opts.Logger.Info("created private PostgreSQL cluster", "dir", c.Dir(), "took", time.Since(begun).Round(time.Millisecond).String())
	return nil
}

// startServer writes where to listen and starts the server with pg_ctl.
func (c *Cluster) startServer(ctx context.Context) error {
	begun := time.Now()
	settings, err := c.listenSettings()
	if err != nil {
		return err
	}
	if c.opts.Ephemeral {
		settings += "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
	}
	if err := c.owner.writeFile(filepath.Join(c.Dir(), "proper.conf"), settings); err != nil {
		return err
	}
	logFile := filepath.Join(c.Dir(), "server.log")
	if out, err := c.command(ctx, "pg_ctl", "start", "-D", c.Dir(), "-l", logFile, "-w", "-t", "120").CombinedOutput(); err != nil {
		return fmt.Errorf("start private PostgreSQL (log: %s): %w: %s", logFile, err, lastLine(out))
	}
	c.opts.Logger.Info("started private PostgreSQL", "dir", c.Dir(), "took", time.Since(begun).Round(time.Millisecond).String())
	return c.readAddress()
}

// listenSettings chooses a Unix socket in the data directory, or 127.0.0.1
// on a free port when the socket's path would be too long. A server started
// again keeps its port, so that connection URLs handed out stay valid.
func (c *Cluster) listenSettings() (string, error) {
	runDir := c.path("postgres-run")
	if len(filepath.Join(runDir, ".s.PGSQL.5432")) <= maxSocketPath {
		return fmt.Sprintf("listen_addresses = ''\nport = 5432\nunix_socket_directories = '%s'\nunix_socket_permissions = 0700\n",
			strings.ReplaceAll(runDir, "'", "''")), nil
	}
	c.addr.Lock()
	port := c.port
	c.addr.Unlock()
	if port == 0 {
		var err error
		if port, err = freePort(); err != nil {
			return "", err
		}
	}
	return fmt.Sprintf("listen_addresses = '127.0.0.1'\nport = %d\nunix_socket_directories = ''\n", port), nil
}

// readAddress learns where the running server listens from postmaster.pid.
func (c *Cluster) readAddress() error {
	b, err := os.ReadFile(filepath.Join(c.Dir(), "postmaster.pid"))
	if err != nil {
		return fmt.Errorf("private PostgreSQL is not running: %w", err)
	}
	// Lines: pid, data dir, start time, port, socket dir, listen address, ...
	lines := strings.Split(string(b), "\n")
	if len(lines) < 6 {
		return fmt.Errorf("unexpected postmaster.pid in %s", c.Dir())
	}
	port, err := strconv.Atoi(strings.TrimSpace(lines[3]))
	if err != nil {
		return fmt.Errorf("unexpected port in postmaster.pid: %w", err)
	}
	host := strings.TrimSpace(lines[4])
	if host == "" {
		host = strings.TrimSpace(lines[5])
	}
	c.addr.Lock()
	c.host, c.port = host, port
	c.addr.Unlock()
	return nil
}

// running asks pg_ctl whether the server of the cluster runs.
func (c *Cluster) running() (bool, error) {
	err := c.command(context.Background(), "pg_ctl", "status", "-D", c.Dir()).Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return true, nil
	case errors.As(err, &exit) && exit.ExitCode() == 3:
		return false, nil
	default:
		return false, fmt.Errorf("pg_ctl status %s: %w", c.Dir(), err)
	}
}

// command prepares a PostgreSQL program to run as the cluster's owner.
func (c *Cluster) command(ctx context.Context, program string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, c.bins.Path(program), args...)
	cmd.Dir = "/"
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	c.owner.apply(cmd)
	return cmd
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func lastLine(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return lines[len(lines)-1]
}
