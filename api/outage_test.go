package api_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pglocal"
	"github.com/proper-id/proper/persistence/pgtest"
)

// appOnOwnCluster starts Proper on a PostgreSQL cluster of the test's own,
// which the test may stop and start, and signs in a platform admin.
func appOnOwnCluster(t *testing.T) (*pglocal.Cluster, *app, string) {
	t.Helper()
	cluster := pgtest.NewCluster(t)
	db, err := persistence.Open(cluster.URL(pglocal.DefaultDatabase), persistence.DefaultPoolOptions)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := persistence.NewMigrator(db).Up(context.Background()); err != nil {
		t.Fatal(err)
	}
	a := newAppLogging(t, db, slog.New(slog.DiscardHandler))
	admin, err := a.directory().CreatePlatformAdmin(context.Background(), "admin@lan.go.id", "Admin", "admin-password-123")
	if err != nil {
		t.Fatal(err)
	}
	return cluster, a, a.token(admin.ID)
}

// TestADatabaseRestartUnderLoadLosesNothing runs a bounded load of creates
// while PostgreSQL stops and starts again: every request answers, with 201
// or a 503 problem (never a 500, never a hang), /readyz follows the
// database, the service recovers by itself, and every 201 was stored.
func TestADatabaseRestartUnderLoadLosesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cluster, a, token := appOnOwnCluster(t)

	type outcome struct {
		name   string
		status int
		took   time.Duration
	}
	var (
		mu       sync.Mutex
		outcomes []outcome
		stop     atomic.Bool
		wg       sync.WaitGroup
	)
	client := &http.Client{Transport: a.server.Client().Transport, Timeout: 20 * time.Second}
	for worker := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500 && !stop.Load(); i++ { // bounded: stops by itself
				name := fmt.Sprintf("Pemerintah Daerah %d-%d", worker, i)
				begun := time.Now()
				res := a.doWith(client, request{method: http.MethodPost, path: "/v1/agencies", token: token, body: map[string]string{"name": name}})
				mu.Lock()
				outcomes = append(outcomes, outcome{name, res.status, time.Since(begun)})
				mu.Unlock()
				time.Sleep(5 * time.Millisecond)
			}
		}()
	}

	time.Sleep(300 * time.Millisecond)
	if err := cluster.StopServer(ctx); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	if res := a.get("/readyz", ""); res.status != http.StatusServiceUnavailable {
		t.Errorf("/readyz answered %d while the database was down", res.status)
	}
	if err := cluster.StartServer(ctx); err != nil {
		t.Fatal(err)
	}
	if !eventually(func() bool { return a.get("/readyz", "").status == http.StatusOK }) {
		t.Fatal("the service did not become ready again")
	}
	time.Sleep(300 * time.Millisecond)
	stop.Store(true)
	wg.Wait()

	counts := map[int]int{}
	var stored []string
	var slowest time.Duration
	for _, o := range outcomes {
		counts[o.status]++
		slowest = max(slowest, o.took)
		if o.status == http.StatusCreated {
			stored = append(stored, o.name)
		}
	}
	t.Logf("%d requests during the restart: %v; slowest %v", len(outcomes), counts, slowest.Round(time.Millisecond))
	for status := range counts {
		if status != http.StatusCreated && status != http.StatusServiceUnavailable {
			t.Errorf("%d requests answered %d: want only 201 or 503", counts[status], status)
		}
	}
	if counts[http.StatusServiceUnavailable] == 0 || counts[http.StatusCreated] == 0 {
		t.Errorf("the load should meet the outage and the recovery: %v", counts)
	}
	page, err := a.store.Agencies().List(ctx, "Pemerintah Daerah", domain.PageRequest{Limit: domain.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for ; ; page, err = a.store.Agencies().List(ctx, "Pemerintah Daerah", domain.PageRequest{Limit: domain.MaxPageSize, Cursor: page.NextCursor}) {
		if err != nil {
			t.Fatal(err)
		}
		for _, ag := range page.Items {
			found[ag.Name] = true
		}
		if page.NextCursor == "" {
			break
		}
	}
	for _, name := range stored {
		if !found[name] {
			t.Errorf("%q was answered 201 but is not stored", name)
		}
	}
}
