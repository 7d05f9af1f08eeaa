package persistence_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pglocal"
	"github.com/proper-id/proper/persistence/pgtest"
)

func TestHeavyReadsFollowTheReplicaOnlyWhileItKeepsUp(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	primaryCluster := pgtest.NewCluster(t)
	replicaDir, err := os.MkdirTemp("", "proper-replica-")
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(replicaDir, 0o755) // the postgres user must reach it when tests run as root
	t.Cleanup(func() { os.RemoveAll(replicaDir) })
	replicaCluster, err := primaryCluster.StartReplica(ctx, replicaDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { replicaCluster.Close() })
	primary := openDB(t, primaryCluster.URL(pglocal.DefaultDatabase))
	replicaDB := openDB(t, replicaCluster.URL(pglocal.DefaultDatabase))
	if _, err := persistence.NewMigrator(primary).Up(ctx); err != nil {
		t.Fatal(err)
	}
	replica := persistence.NewReplica(primary, replicaDB, 500*time.Millisecond)
	store := persistence.NewStore(primary).WithReplica(replica)
	progress := func() {
		t.Helper()
		err := store.Progress().Progress(ctx, domain.ProgressQuery{Cohort: uuid.New(), Today: domain.DateOf(time.Now())}, func(domain.ProgressRow) error { return nil })
		if err != nil {
			t.Fatalf("progress: %v", err)
		}
	}
	// waitFor waits until the replica is healthy and fully caught up (a
	// replica within the lag allowance may still miss the last commits),
	// or until it is not healthy.
	waitFor := func(healthy bool) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for replica.Check(ctx); replica.Healthy() != healthy || healthy && replica.Lag() != 0; replica.Check(ctx) {
			if time.Now().After(deadline) {
				t.Fatalf("the replica stayed healthy=%v (lag %v)", !healthy, replica.Lag())
			}
			time.Sleep(100 * time.Millisecond)
		}
	}

	waitFor(true) // caught up with the migrations
	progress()
	if toReplica, toPrimary := replica.Routed(); toReplica != 1 || toPrimary != 0 {
		t.Fatalf("a healthy replica should take the read: %d to the replica, %d to the primary", toReplica, toPrimary)
	}

	// The replica stops replaying while the primary writes: it falls behind.
	if _, err := replicaDB.ExecContext(ctx, `SELECT pg_wal_replay_pause()`); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if err := persistence.NewStore(primary).Agencies().Create(ctx, domain.Agency{ID: uuid.New(), Name: "Agency " + uuid.NewString(), CreatedAt: time.Now()}); err != nil {
			t.Fatal(err, i)
		}
		time.Sleep(300 * time.Millisecond)
	}
	waitFor(false)
	progress()
	if _, toPrimary := replica.Routed(); toPrimary != 1 {
		t.Fatalf("a lagging replica (lag %v) should not take reads", replica.Lag())
	}

	if _, err := replicaDB.ExecContext(ctx, `SELECT pg_wal_replay_resume()`); err != nil {
		t.Fatal(err)
	}
	waitFor(true)

	// The replica goes down: reads fall back to the primary.
	if err := replicaCluster.StopServer(ctx); err != nil {
		t.Fatal(err)
	}
	waitFor(false)
	progress()
	if _, toPrimary := replica.Routed(); toPrimary != 2 {
		t.Fatal("a replica that is down should not take reads")
	}
}
