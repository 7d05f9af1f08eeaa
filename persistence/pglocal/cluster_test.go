package pglocal

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/proper-id/proper/persistence/pgtest/scratch"
)

func startCluster(t *testing.T, dir string) *Cluster {
	t.Helper()
	c, err := Start(context.Background(), Options{Dir: dir, Ephemeral: true})
	if err != nil {
		t.Fatalf("start cluster: %v", err)
	}
	return c
}

// dataDir returns a fresh data directory that the postgres user can reach
// when the test runs as root, of the test's own, so that the tests run in
// parallel.
func dataDir(t *testing.T) string {
	t.Helper()
	return scratch.Dir(t, "pglocal-")
}

func query(t *testing.T, c *Cluster, sql string) string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, c.URL(DefaultDatabase))
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	var out string
	if err := conn.QueryRow(ctx, sql).Scan(&out); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return out
}

func execSQL(t *testing.T, c *Cluster, statements ...string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, c.URL(DefaultDatabase))
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	for _, sql := range statements {
		if _, err := conn.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
}

func isRunning(t *testing.T, c *Cluster) bool {
	t.Helper()
	running, err := c.running()
	if err != nil {
		t.Fatal(err)
	}
	return running
}

func TestClusterKeepsDataAcrossRestarts(t *testing.T) {
	t.Parallel()
	dir := dataDir(t)
	first := startCluster(t, dir)
	if !first.Started() {
		t.Fatal("the first process should start the server")
	}
	execSQL(t, first, `CREATE TABLE kept (note text)`, `INSERT INTO kept VALUES ('survives')`)
	if err := first.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	if isRunning(t, first) {
		t.Fatal("the server should stop when its only user closes it")
	}

	second := startCluster(t, dir)
	defer second.Close()
	if got := query(t, second, `SELECT note FROM kept`); got != "survives" {
		t.Fatalf("after restart got %q, want the row written before", got)
	}
}

func TestSecondProcessAttachesAndLastOneOutStopsTheServer(t *testing.T) {
	t.Parallel()
	dir := dataDir(t)
	serve := startCluster(t, dir)
	admin := startCluster(t, dir)
	if admin.Started() {
		t.Fatal("a second user of a running cluster must attach, not start another server")
	}
	if serve.URL(DefaultDatabase) != admin.URL(DefaultDatabase) {
		t.Fatalf("both users should reach the same server: %s vs %s", serve.URL(DefaultDatabase), admin.URL(DefaultDatabase))
	}

	if err := serve.Close(); err != nil {
		t.Fatal(err)
	}
	if !isRunning(t, admin) {
		t.Fatal("the server stopped while another process still used it")
	}
	if got := query(t, admin, `SELECT 'still here'`); got != "still here" {
		t.Fatalf("got %q", got)
	}
	if err := admin.Close(); err != nil {
		t.Fatal(err)
	}
	if isRunning(t, admin) {
		t.Fatal("the last user out should stop the server")
	}
}

func TestClusterListensOnlyOnItsOwnSocket(t *testing.T) {
	t.Parallel()
	c := startCluster(t, dataDir(t))
	defer c.Close()
	if got := query(t, c, `SHOW listen_addresses`); got != "" {
		t.Fatalf("listen_addresses = %q, want no TCP listener", got)
	}
	if got := query(t, c, `SHOW unix_socket_directories`); got != filepath.Join(c.opts.Dir, "postgres-run") {
		t.Fatalf("socket in %q, want it inside the data dir", got)
	}
}

func TestDeepDataDirFallsBackToLoopback(t *testing.T) {
	t.Parallel()
	root := dataDir(t)
	deep := filepath.Join(root, "a-very-long-folder-name-to-push-the-socket-path", "past-the-kernel-limit-of-108-bytes")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	for d := deep; d != root; d = filepath.Dir(d) {
		os.Chmod(d, 0o755)
	}
	c := startCluster(t, deep)
	defer c.Close()
	if got := query(t, c, `SHOW listen_addresses`); got != "127.0.0.1" {
		t.Fatalf("listen_addresses = %q, want 127.0.0.1", got)
	}
}

func TestMissingServerBinariesNameThePackage(t *testing.T) {
	t.Parallel()
	_, err := findBinaries("", t.TempDir())
	if !errors.Is(err, ErrNoServerBinaries) {
		t.Fatalf("got %v, want ErrNoServerBinaries", err)
	}
	if want := "apt-get install postgresql"; !strings.Contains(err.Error(), want) {
		t.Fatalf("%q should name the package: %q", err, want)
	}
}

func TestNewestDebianVersionIsPreferred(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	for _, version := range []string{"13", "15", "9.6"} {
		bin := filepath.Join(root, version, "bin")
		os.MkdirAll(bin, 0o755)
		for _, program := range []string{"initdb", "pg_ctl", "postgres"} {
			os.WriteFile(filepath.Join(bin, program), []byte("#!/bin/sh\n"), 0o755)
		}
	}
	b, err := findBinaries("", root)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "15", "bin"); b.Dir != want {
		t.Fatalf("found %s, want %s", b.Dir, want)
	}
}

func TestAReplicaFollowsItsPrimary(t *testing.T) {
	t.Parallel()
	primary := startCluster(t, dataDir(t))
	defer primary.Close()
	replica, err := primary.StartReplica(context.Background(), dataDir(t))
	if err != nil {
		t.Fatal(err)
	}
	defer replica.Close()
	execSQL(t, primary, `CREATE TABLE followed (note text)`, `INSERT INTO followed VALUES ('mirrored')`)
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, replica.URL(DefaultDatabase))
		if err != nil {
			t.Fatal(err)
		}
		var note string
		err = conn.QueryRow(ctx, `SELECT note FROM followed`).Scan(&note)
		conn.Close(ctx)
		if err == nil && note == "mirrored" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the replica never saw the row: %v", err)
		}
	}
}
