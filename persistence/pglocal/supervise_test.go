package pglocal

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the pgx driver for database/sql
)

// testSupervision looks and retries often, so that tests see a restart
// within a second or two.
var testSupervision = Supervision{Every: 100 * time.Millisecond, FirstBackoff: 100 * time.Millisecond, MaxBackoff: time.Second}

// logLines collects JSON log lines, safe for the supervisor's goroutine.
type logLines struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logLines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// with returns the lines whose message is msg, decoded.
func (l *logLines) with(msg string) []map[string]any {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []map[string]any
	for _, line := range strings.Split(l.buf.String(), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil && m["msg"] == msg {
			out = append(out, m)
		}
	}
	return out
}

func startSupervised(t *testing.T, dir string, logs *logLines) *Cluster {
	t.Helper()
	c, err := Start(context.Background(), Options{Dir: dir, Ephemeral: true, Supervise: &testSupervision,
		Logger: slog.New(slog.NewJSONHandler(logs, nil))})
	if err != nil {
		t.Fatalf("start cluster: %v", err)
	}
	return c
}

// postmasterPID reads the server's process id from postmaster.pid.
func postmasterPID(t *testing.T, c *Cluster) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(c.Dir(), "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0]))
	if err != nil {
		t.Fatal(err)
	}
	return pid
}

// crash kills the server as the kernel's OOM killer would: SIGKILL to the
// postmaster, which leaves postmaster.pid behind.
func crash(t *testing.T, c *Cluster) int {
	t.Helper()
	pid := postmasterPID(t, c)
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatalf("kill postmaster %d: %v", pid, err)
	}
	return pid
}

// restartedWithin waits until postmaster.pid names a running server other
// than the killed one, for at most limit.
func restartedWithin(t *testing.T, c *Cluster, killed int, limit time.Duration) bool {
	t.Helper()
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		b, err := os.ReadFile(filepath.Join(c.Dir(), "postmaster.pid"))
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0]))
		if err == nil && pid != killed && syscall.Kill(pid, 0) == nil {
			return true
		}
	}
	return false
}

// answersWithin polls db with a query until it succeeds or limit passes.
func answersWithin(db *sql.DB, limit time.Duration) error {
	var err error
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		var one int
		if err = db.QueryRow(`SELECT 1`).Scan(&one); err == nil {
			return nil
		}
	}
	return err
}

func openPool(t *testing.T, c *Cluster) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", c.URL(DefaultDatabase))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := answersWithin(db, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	return db
}

// stopImmediately stops the server as `pg_ctl stop -m immediate` does by
// hand, without waiting: the supervisor may restart it at once.
func stopImmediately(t *testing.T, c *Cluster) int {
	t.Helper()
	pid := postmasterPID(t, c)
	if out, err := c.command(context.Background(), "pg_ctl", "stop", "-D", c.Dir(), "-m", "immediate", "-W").CombinedOutput(); err != nil {
		t.Fatalf("pg_ctl stop: %v: %s", err, out)
	}
	return pid
}

func TestAStoppedServerIsRestartedAndThePoolAnswersAgain(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		stop func(*testing.T, *Cluster) int
	}{
		{"killed", crash},
		{"stopped immediately", stopImmediately},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var logs logLines
			cluster := startSupervised(t, dataDir(t), &logs)
			defer cluster.Close()
			db := openPool(t, cluster)
			// The test cluster commits asynchronously: a checkpoint writes
			// the row out of the server's memory before it stops.
			execSQL(t, cluster, `CREATE TABLE kept (note text)`, `INSERT INTO kept VALUES ('survives')`, `CHECKPOINT`)

			stopped := c.stop(t, cluster)
			if !restartedWithin(t, cluster, stopped, time.Minute) {
				t.Fatalf("no server a minute after the server was %s: %s", c.name, logs.buf.String())
			}
			if err := answersWithin(db, 30*time.Second); err != nil {
				t.Fatalf("the pool does not answer after the restart: %v", err)
			}
			if got := query(t, cluster, `SELECT note FROM kept`); got != "survives" {
				t.Fatalf("after the restart got %q", got)
			}
			restarts := logs.with("restarting private PostgreSQL")
			if len(restarts) == 0 {
				t.Fatalf("no log line for the restart: %s", logs.buf.String())
			}
			if restarts[0]["attempt"] != 1.0 || restarts[0]["error"] == nil {
				t.Fatalf("the restart's log line should name its attempt and the error: %v", restarts[0])
			}
			t.Logf("logged: %v", restarts[0])
		})
	}
}

func TestTwoProcessesSharingAClusterRestartItOnce(t *testing.T) {
	t.Parallel()
	dir := dataDir(t)
	var serveLogs, otherLogs logLines
	serve := startSupervised(t, dir, &serveLogs)
	defer serve.Close()
	other := startSupervised(t, dir, &otherLogs)
	defer other.Close()
	db := openPool(t, serve)

	killed := crash(t, serve)
	if !restartedWithin(t, serve, killed, time.Minute) {
		t.Fatalf("no server a minute after the server was killed:\n%s\n%s", serveLogs.buf.String(), otherLogs.buf.String())
	}
	if err := answersWithin(db, 30*time.Second); err != nil {
		t.Fatalf("the pool does not answer after the restart: %v", err)
	}
	time.Sleep(10 * testSupervision.Every) // both supervisors have looked again
	restarted := len(serveLogs.with("restarted private PostgreSQL")) + len(otherLogs.with("restarted private PostgreSQL"))
	if restarted != 1 {
		t.Fatalf("the server was restarted %d times, want once:\n%s\n%s", restarted, serveLogs.buf.String(), otherLogs.buf.String())
	}
	if got := query(t, other, `SELECT 'both'`); got != "both" {
		t.Fatalf("the other process does not reach the restarted server: %q", got)
	}
}

func TestTheLastProcessOutStopsASupervisedServerForGood(t *testing.T) {
	t.Parallel()
	dir := dataDir(t)
	var logs logLines
	first := startSupervised(t, dir, &logs)
	second := startSupervised(t, dir, &logs)
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	if err := second.Close(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * testSupervision.Every)
	if isRunning(t, second) {
		t.Fatalf("a supervisor started the server its last user stopped: %s", logs.buf.String())
	}
	if restarts := logs.with("restarting private PostgreSQL"); len(restarts) != 0 {
		t.Fatalf("a clean stop was taken for a crash: %v", restarts)
	}
}
