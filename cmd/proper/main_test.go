package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/proper-id/proper/persistence/pglocal"
	"github.com/proper-id/proper/persistence/pgtest"
)

// runAsProper makes the test binary act as the proper command when the
// tests start it as a subprocess, so they can run several real processes.
const runAsProper = "PROPER_TEST_RUN_AS_PROPER"

func TestMain(m *testing.M) {
	if os.Getenv(runAsProper) == "1" {
		main()
		return
	}
	pgtest.Main(m)
}

// proper runs a command line in-process and returns its exit code and output.
func proper(t *testing.T, ctx context.Context, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr syncBuffer
	code := run(ctx, testEnvironment(env, &stdout, &stderr), args)
	return code, stdout.String(), stderr.String()
}

func testEnvironment(env map[string]string, stdout, stderr *syncBuffer) *environment {
	return &environment{stdin: strings.NewReader(""), stdout: stdout, stderr: stderr, getenv: func(k string) string { return env[k] }}
}

func TestHelpListsEveryCommand(t *testing.T) {
	t.Parallel()
	code, out, _ := proper(t, context.Background(), nil, "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, c := range commands() {
		if !strings.Contains(out, c.name) {
			t.Errorf("--help does not list %s", c.name)
		}
	}
}

func TestUnknownCommandIsAUsageError(t *testing.T) {
	t.Parallel()
	if code, _, stderr := proper(t, context.Background(), nil, "frobnicate"); code != 2 || !strings.Contains(stderr, "unknown command") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if code, _, _ := proper(t, context.Background(), nil, "migrate", "sideways", "--database-url", "postgres://x/y"); code != 2 {
		t.Fatalf("migrate sideways: exit %d, want 2", code)
	}
}

func TestOpenAPIPrintsTheSpecWithoutADatabase(t *testing.T) {
	t.Parallel()
	env := map[string]string{"PROPER_DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"}
	code, out, stderr := proper(t, context.Background(), env, "openapi", "--version", "3.0", "--format", "json")
	if code != 0 || !strings.Contains(out, `"openapi": "3.0.3"`) {
		t.Fatalf("exit %d, stderr %q, spec starts %.80q", code, stderr, out)
	}
}

func TestServeRunsOnItsOwnDatabaseAndKeepsItsData(t *testing.T) {
	t.Parallel()
	dataDir := reachableDir(t)
	env := map[string]string{"PROPER_DATA_DIR": dataDir}

	base, stop := serve(t, env)
	if res, err := http.Get(base + "/readyz"); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("/readyz: %v %v", res, err)
	}

	// Second processes (migrate status, admin create) attach to the running cluster.
	code, before, stderr := proper(t, context.Background(), env, "migrate", "status")
	if code != 0 || !strings.Contains(before, "0001") || strings.Contains(before, "pending") {
		t.Fatalf("migrate status while serving: exit %d, %q %q", code, before, stderr)
	}
	var out, errs syncBuffer
	e := testEnvironment(env, &out, &errs)
	e.stdin = strings.NewReader("sandi-admin-rahasia\n")
	if code := run(context.Background(), e, []string{"admin", "create", "--email", "admin@lan.go.id", "--name", "Admin LAN", "--password-stdin"}); code != 0 {
		t.Fatalf("admin create while serving: exit %d: %s", code, errs.String())
	}
	res, err := http.Post(base+"/v1/auth/login", "application/json", strings.NewReader(`{"email":"admin@lan.go.id","password":"sandi-admin-rahasia"}`))
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("the admin created on the command line cannot sign in: %v %v", res, err)
	}
	stop()
	if _, err := os.Stat(filepath.Join(dataDir, "postgres", "postmaster.pid")); !os.IsNotExist(err) {
		t.Fatal("the private PostgreSQL should stop when proper serve, its last user, exits")
	}

	_, stop = serve(t, env)
	defer stop()
	_, after, _ := proper(t, context.Background(), env, "migrate", "status")
	if after != before {
		t.Fatalf("after a restart the database should be the same:\nbefore %s\nafter  %s", before, after)
	}
}

func TestReplicaProcessesMigrateOneDatabaseTogether(t *testing.T) {
	t.Parallel()
	url := pgtest.EmptyURL(t)
	const replicas = 4
	outputs := make([][]byte, replicas)
	var wg sync.WaitGroup
	for i := range replicas {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "migrate", "up", "--database-url", url)
			cmd.Env = append(os.Environ(), runAsProper+"=1")
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Errorf("replica %d: %v: %s", i, err, out)
			}
			outputs[i] = out
		}()
	}
	wg.Wait()
	applied := 0
	for _, out := range outputs {
		applied += bytes.Count(out, []byte("applied 0001_"))
	}
	if applied != 1 {
		t.Fatalf("migration 0001 was applied %d times across %d processes, want once:\n%s", applied, replicas, bytes.Join(outputs, []byte("\n")))
	}
}

var servingAt = regexp.MustCompile(`API:\s+(http://localhost:\d+)/v1`)

// serve starts `proper serve` on a free port and returns its base URL and a
// function that stops it as SIGTERM would and waits for it to exit.
func serve(t *testing.T, env map[string]string) (string, func()) {
	t.Helper()
	s := startServe(env)
	return s.wait(t)
}

// serving is a `proper serve` running in the test process.
type serving struct {
	cancel         context.CancelFunc
	stdout, stderr *syncBuffer
	exited         chan int
}

// startServe starts `proper serve` on a free port without waiting for it.
func startServe(env map[string]string) *serving {
	ctx, cancel := context.WithCancel(context.Background())
	s := &serving{cancel: cancel, stdout: &syncBuffer{}, stderr: &syncBuffer{}, exited: make(chan int, 1)}
	go func() {
		s.exited <- run(ctx, testEnvironment(env, s.stdout, s.stderr), []string{"serve", "--port", "0"})
	}()
	return s
}

// wait waits until the server announces where it serves, and returns that
// and a function that stops it as SIGTERM would.
func (s *serving) wait(t *testing.T) (string, func()) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for !servingAt.MatchString(s.stdout.String()) {
		select {
		case code := <-s.exited:
			t.Fatalf("proper serve exited with %d: %s", code, s.stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			s.cancel()
			t.Fatalf("proper serve did not start: %s", s.stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	stopped := false
	return servingAt.FindStringSubmatch(s.stdout.String())[1], func() {
		if stopped {
			return
		}
		stopped = true
		s.cancel()
		if code := <-s.exited; code != 0 {
			t.Errorf("proper serve exited with %d after SIGTERM: %s", code, s.stderr.String())
		}
	}
}

// reachableDir returns a new folder, removed when t ends, that the private
// PostgreSQL's account can reach: a data dir of its own for each test, so
// that the tests run in parallel.
func reachableDir(t *testing.T) string {
	t.Helper()
	return pgtest.DataDir(t)
}

// syncBuffer collects output written from several goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestTwoReplicasStartingOnAnEmptyDatabaseBothServe(t *testing.T) {
	t.Parallel()
	env := map[string]string{"PROPER_DATABASE_URL": pgtest.EmptyURL(t), "PROPER_BLOB_URL": "file://" + reachableDir(t)}
	first, second := startServe(env), startServe(env) // both migrate at once
	for _, replica := range []*serving{first, second} {
		base, stop := replica.wait(t)
		defer stop()
		if res, err := http.Get(base + "/readyz"); err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("a replica is not ready: %v %v", res, err)
		}
	}
}

func TestServeSendsHeavyReadsToAReplicaAndSaysSoInMetrics(t *testing.T) {
	t.Parallel()
	primary := pgtest.NewCluster(t)
	replica, err := primary.StartReplica(context.Background(), reachableDir(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { replica.Close() })
	base, stop := serve(t, map[string]string{
		"PROPER_DATABASE_URL":         primary.URL(pglocal.DefaultDatabase),
		"PROPER_REPLICA_DATABASE_URL": replica.URL(pglocal.DefaultDatabase),
		"PROPER_BLOB_URL":             "file://" + reachableDir(t),
	})
	defer stop()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		res, err := http.Get(base + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if bytes.Contains(body, []byte("proper_replica_in_use 1")) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the replica was never in use:\n%s", grepLines(body, "proper_replica"))
		}
	}
}

func grepLines(b []byte, prefix string) string {
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, prefix) {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

func TestServeRefusesAPoolWithoutConnections(t *testing.T) {
	t.Parallel()
	code, _, stderr := proper(t, context.Background(), map[string]string{"PROPER_DB_MAX_CONNECTIONS": "0"}, "serve", "--data-dir", t.TempDir())
	if code != 1 || !strings.Contains(stderr, "--db-max-connections must be at least 1") {
		t.Errorf("exit %d, %s; want 1 naming --db-max-connections", code, stderr)
	}
}
