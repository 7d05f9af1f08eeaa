package persistence_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pgtest"
)

func TestLastPositionIsTheHighestOfItsHorizon(t *testing.T) {
	ctx := context.Background()
	db := pgtest.DB(t)
	now := time.Now()
	if err := persistence.Seed(ctx, db, persistence.SeedOptions{Projects: 1, Now: now}); err != nil {
		t.Fatal(err)
	}
	var project uuid.UUID
	if err := db.QueryRowContext(ctx, `SELECT id FROM projects LIMIT 1`).Scan(&project); err != nil {
		t.Fatal(err)
	}
	store := persistence.NewStore(db)
	for _, m := range []struct {
		horizon  domain.Horizon
		position int
	}{{domain.HorizonShort, 1000}, {domain.HorizonShort, 1005}, {domain.HorizonShort, 1002}, {domain.HorizonMid, 1007}} {
		if err := store.Milestones().Create(ctx, domain.Milestone{ID: domain.NewID(), ProjectID: project, Horizon: m.horizon,
			Title: "Milestone", DueOn: domain.DateOf(now), Position: m.position, Status: domain.MilestonePlanned,
			Version: 1, CreatedAt: now, UpdatedAt: now}); err != nil {
			t.Fatal(err)
		}
	}

	// Above every position the seed gave, one horizon apart from the other.
	for horizon, want := range map[domain.Horizon]int{domain.HorizonShort: 1005, domain.HorizonMid: 1007} {
		last, found, err := store.Milestones().LastPosition(ctx, project, horizon)
		if err != nil || !found || last != want {
			t.Errorf("LastPosition(%s) = %d, %t, %v; want %d", horizon, last, found, err, want)
		}
	}
	if last, found, err := store.Milestones().LastPosition(ctx, domain.NewID(), domain.HorizonLong); err != nil || found {
		t.Errorf("LastPosition of a horizon without milestones = %d, %t, %v; want none", last, found, err)
	}
}
