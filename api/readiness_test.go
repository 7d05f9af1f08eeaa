package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/proper-id/proper/api"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pglocal"
	"github.com/proper-id/proper/persistence/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func TestReadinessFollowsTheDatabaseWithoutARestart(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cluster := pgtest.NewCluster(t)
	db, err := persistence.Open(cluster.URL(pglocal.DefaultDatabase), persistence.DefaultPoolOptions)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := newTestServer(t, api.Deps{Ready: func(ctx context.Context) error { return persistence.CheckReady(ctx, db) }})

	res, body := s.do(t, http.MethodGet, "/readyz", "", nil)
	p := expectProblem(t, res, body, http.StatusServiceUnavailable)
	if !strings.Contains(p.Detail, "schema is behind") {
		t.Fatalf("an unmigrated database should be reported as such, got %q", p.Detail)
	}

	if _, err := persistence.NewMigrator(db).Up(ctx); err != nil {
		t.Fatal(err)
	}
	if res, body := s.do(t, http.MethodGet, "/readyz", "", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("migrated and running: /readyz answered %d %s", res.StatusCode, body)
	}

	if err := cluster.StopServer(ctx); err != nil {
		t.Fatal(err)
	}
	res, body = s.do(t, http.MethodGet, "/readyz", "", nil)
	p = expectProblem(t, res, body, http.StatusServiceUnavailable)
	if strings.Contains(string(body), "postgres-run") || strings.Contains(string(body), "dial") {
		t.Fatalf("the problem shows connection internals: %s", body)
	}
	if res, _ := s.do(t, http.MethodGet, "/healthz", "", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("/healthz should stay 200 while the database is down, got %d", res.StatusCode)
	}

	if err := cluster.StartServer(ctx); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, body := s.do(t, http.MethodGet, "/readyz", "", nil)
		if res.StatusCode == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the service did not become ready again after the database returned: %d %s", res.StatusCode, body)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
