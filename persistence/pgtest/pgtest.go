// Package pgtest gives each test its own real, migrated PostgreSQL database.
//
// Once per test process it starts a private PostgreSQL cluster from the
// machine's server binaries, in RAM when there is room (package scratch)
// (or uses the server named by
// PROPER_TEST_DATABASE_URL, a postgres:// URL whose role may create
// databases), migrates a template database once, and then creates one
// database per test from that template, which takes a few milliseconds. A
// package that uses it calls Main from its TestMain so that the cluster is
// stopped and its folder removed when the tests end.
package pgtest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pglocal"
	"github.com/proper-id/proper/persistence/pgtest/scratch"
)

// EnvDatabaseURL names the variable that points the tests at an existing
// PostgreSQL server instead of a private one.
const EnvDatabaseURL = "PROPER_TEST_DATABASE_URL"

var server struct {
	once     sync.Once
	err      error
	adminURL string // a database to connect to for CREATE/DROP DATABASE
	template string // the migrated template's name
	// strategy is how CREATE DATABASE copies the template: FILE_COPY where
	// the server knows it (PostgreSQL 15 and later), which copies the files
	// instead of writing every page of the template through the WAL as
	// WAL_LOG, the default, does: a few times faster for a small template.
	strategy string
	cluster  *pglocal.Cluster
	dir      string
}

// Main runs the tests of a package and then stops the private cluster.
// Call it from TestMain: func TestMain(m *testing.M) { pgtest.Main(m) }.
func Main(m *testing.M) {
	code := m.Run()
	if server.cluster != nil {
		if err := server.cluster.Close(); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest: stop cluster:", err)
		}
		os.RemoveAll(server.dir)
	}
	os.Exit(code)
}

// URL returns the connection URL of a new database for t, migrated to the
// newest schema and dropped when t ends.
func URL(t testing.TB) string {
	t.Helper()
	return newDatabase(t, true)
}

// Reopen returns another handle, with opts, on the test database of db (a
// handle from DB), closed when t ends: for a test that needs the pool
// configured otherwise, e.g. with a tracer.
func Reopen(t testing.TB, db *bun.DB, opts persistence.PoolOptions) *bun.DB {
	t.Helper()
	var name string
	if err := db.QueryRow("SELECT current_database()").Scan(&name); err != nil {
		t.Fatal(err)
	}
	other, err := persistence.Open(withDatabase(server.adminURL, name), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	return other
}

// EmptyURL returns the connection URL of a new database for t with no
// schema at all, for tests of the migrations themselves.
func EmptyURL(t testing.TB) string {
	t.Helper()
	return newDatabase(t, false)
}

func newDatabase(t testing.TB, migrated bool) string {
	t.Helper()
	server.once.Do(setUp)
	if server.err != nil {
		t.Fatalf("pgtest: %v", server.err)
	}
	ctx := context.Background()
	name := "t_" + randomHex(6)
	template := "template0"
	if migrated {
		template = server.template
	}
	if err := adminExec(ctx, "CREATE DATABASE "+quote(name)+" TEMPLATE "+quote(template)+server.strategy); err != nil {
		t.Fatalf("pgtest: create test database: %v", err)
	}
	t.Cleanup(func() {
		if err := adminExec(context.Background(), "DROP DATABASE IF EXISTS "+quote(name)+" WITH (FORCE)"); err != nil {
			t.Logf("pgtest: drop %s: %v", name, err)
		}
	})
	return withDatabase(server.adminURL, name)
}

// DB returns a Bun handle on a new migrated database for t, closed and
// dropped when t ends. PROPER_TEST_DB_CONNECTIONS caps its pool (the
// default pool's size otherwise): at 1, any request that holds a second
// connection while in a transaction waits for ever, which `make test` checks.
func DB(t testing.TB) *bun.DB {
	t.Helper()
	opts := persistence.DefaultPoolOptions
	if n := os.Getenv("PROPER_TEST_DB_CONNECTIONS"); n != "" {
		var err error
		if opts.MaxOpen, err = strconv.Atoi(n); err != nil || opts.MaxOpen < 1 {
			t.Fatalf("pgtest: PROPER_TEST_DB_CONNECTIONS=%q is not a number of connections", n)
		}
	}
	db, err := persistence.Open(URL(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// NewCluster starts a private cluster of t's own, for tests that stop and
// start the server; it is stopped when t ends. Its "proper" database is
// empty (not migrated).
func NewCluster(t testing.TB) *pglocal.Cluster {
	t.Helper()
	dir := DataDir(t)
	c, err := pglocal.Start(context.Background(), pglocal.Options{Dir: dir, Ephemeral: true})
	if err != nil {
		t.Fatalf("pgtest: start cluster: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// setUp finds or starts the server and migrates the template database once.
func setUp() {
	ctx := context.Background()
	if external := os.Getenv(EnvDatabaseURL); external != "" {
		server.adminURL = external
	} else {
		if server.dir, server.err = scratch.New("proper-pgtest-"); server.err != nil {
			return
		}
		server.cluster, server.err = pglocal.Start(ctx, pglocal.Options{Dir: server.dir, Ephemeral: true})
		if server.err != nil {
			return
		}
		server.adminURL = server.cluster.URL("postgres")
	}
	server.template = "proper_template_" + migrationsHash()
	server.err = createTemplate(ctx)
}

// createTemplate migrates the template database unless another test process
// already did; an advisory lock keeps two processes from racing.
func createTemplate(ctx context.Context) error {
	conn, err := pgx.Connect(ctx, server.adminURL)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock(hashtext($1))`, server.template); err != nil {
		return err
	}
	defer conn.Exec(context.Background(), `SELECT pg_advisory_unlock(hashtext($1))`, server.template)
	var version int
	if err := conn.QueryRow(ctx, `SELECT current_setting('server_version_num')::int`).Scan(&version); err != nil {
		return err
	}
	if version >= 150000 {
		server.strategy = " STRATEGY FILE_COPY"
	}
	var exists bool
	if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, server.template).Scan(&exists); err != nil || exists {
		return err
	}
	building := server.template + "_wip"
	if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+quote(building)+" WITH (FORCE)"); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+quote(building)); err != nil {
		return err
	}
	db, err := persistence.Open(withDatabase(server.adminURL, building), persistence.DefaultPoolOptions)
	if err != nil {
		return err
	}
	_, err = persistence.NewMigrator(db).Up(ctx)
	db.Close()
	if err != nil {
		return fmt.Errorf("migrate template: %w", err)
	}
	_, err = conn.Exec(ctx, "ALTER DATABASE "+quote(building)+" RENAME TO "+quote(server.template))
	return err
}

// migrationsHash names the template after the migrations it holds, so a
// changed migration never reuses a stale template on an external server.
func migrationsHash() string {
	h := sha256.New()
	for _, m := range persistence.Migrations() {
		fmt.Fprintf(h, "%d\x00%s\x00%s\x00", m.Version, m.Up, m.Down)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func adminExec(ctx context.Context, sql string) error {
	conn, err := pgx.Connect(ctx, server.adminURL)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

func withDatabase(rawURL, database string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		panic(fmt.Sprintf("pgtest: %s must be a postgres:// URL: %v", EnvDatabaseURL, err))
	}
	u.Path = "/" + database
	return u.String()
}

func quote(name string) string { return pgx.Identifier{name}.Sanitize() }

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// DataDir returns a new folder for a private cluster's data (and what else
// a test keeps beside it), in RAM when the machine has room there (see
// scratch.Root), which the postgres user can reach when the tests run as
// root; it is removed when t ends.
func DataDir(t testing.TB) string {
	t.Helper()
	return scratch.Dir(t, "proper-pgtest-")
}
