package persistence_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func TestReplicasStartingTogetherApplyEachMigrationOnce(t *testing.T) {
	t.Parallel()
	url := pgtest.EmptyURL(t)
	const replicas = 6
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		applied = map[int]int{}
		errs    []error
	)
	for range replicas {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each replica has its own pool, as separate processes would.
			db, err := persistence.Open(url, persistence.DefaultPoolOptions)
			if err != nil {
				t.Error(err)
				return
			}
			defer db.Close()
			done, err := persistence.NewMigrator(db).Up(context.Background())
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
			}
			for _, m := range done {
				applied[m.Version]++
			}
		}()
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("concurrent migrations failed: %v", errs)
	}
	for _, m := range persistence.Migrations() {
		if applied[m.Version] != 1 {
			t.Errorf("migration %04d applied %d times, want exactly once", m.Version, applied[m.Version])
		}
	}

	db := openDB(t, url)
	var rows int
	if err := db.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if rows != len(persistence.Migrations()) {
		t.Fatalf("schema_migrations has %d rows, want %d", rows, len(persistence.Migrations()))
	}
}

func TestDownRollsBackTheNewestMigrationAndUpReappliesIt(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.DB(t)
	migrator := persistence.NewMigrator(db)
	all := persistence.Migrations()
	newest := all[len(all)-1]

	undone, err := migrator.Down(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if undone == nil || undone.Version != newest.Version {
		t.Fatalf("Down undid %+v, want migration %04d", undone, newest.Version)
	}
	if err := migrator.CheckCurrent(ctx); !errors.Is(err, persistence.ErrSchemaBehind) {
		t.Fatalf("after Down, CheckCurrent = %v, want ErrSchemaBehind", err)
	}
	states, err := migrator.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if last := states[len(states)-1]; last.Applied() {
		t.Fatalf("status shows %04d applied after Down", last.Version)
	}

	redone, err := migrator.Up(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(redone) != 1 || redone[0].Version != newest.Version {
		t.Fatalf("Up applied %v, want only %04d", redone, newest.Version)
	}
	if err := migrator.CheckCurrent(ctx); err != nil {
		t.Fatalf("after Up, CheckCurrent = %v", err)
	}
}

func TestEveryMigrationRollsBackToAnEmptySchema(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.DB(t)
	migrator := persistence.NewMigrator(db)
	for range persistence.Migrations() {
		if _, err := migrator.Down(ctx); err != nil {
			t.Fatal(err)
		}
	}
	var tables int
	if err := db.QueryRow(`SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`).Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables != 0 {
		t.Fatalf("%d tables remain after rolling back every migration", tables)
	}
	if _, err := migrator.Up(ctx); err != nil {
		t.Fatalf("migrating up again: %v", err)
	}
}

func TestAnEmptyDatabaseIsBehind(t *testing.T) {
	t.Parallel()
	db := openDB(t, pgtest.EmptyURL(t))
	if err := persistence.NewMigrator(db).CheckCurrent(context.Background()); !errors.Is(err, persistence.ErrSchemaBehind) {
		t.Fatalf("CheckCurrent on an empty database = %v, want ErrSchemaBehind", err)
	}
}
