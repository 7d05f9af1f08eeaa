// Package scratch makes the temporary folders that tests keep private
// PostgreSQL clusters in: reachable by the server's account when the tests
// run as root, and in RAM when the machine has room there. It imports
// nothing of Proper's, so that pglocal's own tests can use it as well as
// pgtest.
package scratch

import (
	"os"
	"sync"
	"syscall"
	"testing"
)

// ramFS is where Linux mounts its RAM-backed file system (tmpfs), and
// ramFSRoom the free space it must have for the tests' clusters to go
// there: Docker's default of 64 MiB is too small for them.
const (
	ramFS     = "/dev/shm"
	ramFSRoom = 2 << 30
)

// tmpfsMagic is the file system type statfs reports for tmpfs.
const tmpfsMagic = 0x01021994

// Root is the folder the test clusters go in: $TMPDIR when it is set,
// otherwise /dev/shm when it is a tmpfs with room, otherwise os.TempDir.
// Each test's CREATE DATABASE and DROP DATABASE, and every initdb, create
// and remove hundreds of files; on a journaling file system (ext4) that
// costs the server a third of the CPU time of the api package's tests, on
// tmpfs next to nothing. The clusters are ephemeral test data, which RAM
// suits.
var Root = sync.OnceValue(func() string {
	if os.Getenv("TMPDIR") != "" {
		return os.TempDir()
	}
	var fs syscall.Statfs_t
	if err := syscall.Statfs(ramFS, &fs); err == nil && fs.Type == tmpfsMagic && fs.Bavail*uint64(fs.Bsize) >= ramFSRoom {
		return ramFS
	}
	return os.TempDir()
})

// New makes a new folder in Root that the postgres user can reach when the
// tests run as root; the caller removes it.
func New(prefix string) (string, error) {
	dir, err := os.MkdirTemp(Root(), prefix)
	if err != nil {
		return "", err
	}
	return dir, os.Chmod(dir, 0o755)
}

// Dir is New for a test: the folder is removed when t ends, after the
// cleanups registered later (a cluster's Close) have run.
func Dir(t testing.TB, prefix string) string {
	t.Helper()
	dir, err := New(prefix)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}
