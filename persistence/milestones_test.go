package persistence_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pgtest"
	"github.com/proper-id/proper/persistence/seed"
)

func TestANewMilestoneGoesAfterTheLastOfItsHorizon(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.DB(t)
	now := time.Now()
	if err := seed.Load(ctx, db, seed.Options{Projects: 1, Now: now}); err != nil {
		t.Fatal(err)
	}
	var project uuid.UUID
	if err := db.QueryRowContext(ctx, `SELECT id FROM projects LIMIT 1`).Scan(&project); err != nil {
		t.Fatal(err)
	}
	// The long term keeps only milestones placed below 0, as a participant may.
	if _, err := db.ExecContext(ctx, `UPDATE milestones SET position = -5 WHERE project_id = ? AND horizon = 'long'`, project); err != nil {
		t.Fatal(err)
	}
	store := persistence.NewStore(db)
	milestone := func(horizon domain.Horizon) domain.Milestone {
		return domain.Milestone{ID: domain.NewID(), ProjectID: project, Horizon: horizon, Title: "Milestone",
			DueOn: domain.DateOf(now), Status: domain.MilestonePlanned, Version: 1, CreatedAt: now, UpdatedAt: now}
	}
	for _, m := range []struct {
		horizon  domain.Horizon
		position int
	}{{domain.HorizonShort, 1000}, {domain.HorizonShort, 1005}, {domain.HorizonShort, 1002}, {domain.HorizonMid, 1007}} {
		placed := milestone(m.horizon)
		placed.Position = m.position
		if err := store.Milestones().Create(ctx, placed); err != nil {
			t.Fatal(err)
		}
	}

	// After the highest position of its own horizon, whatever the others hold.
	for horizon, want := range map[domain.Horizon]int{domain.HorizonShort: 1006, domain.HorizonMid: 1008, domain.HorizonLong: 0} {
		m := milestone(horizon)
		if err := store.Milestones().CreateLast(ctx, &m); err != nil {
			t.Fatal(err)
		}
		stored, err := store.Milestones().Get(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if m.Position != want || stored.Position != want {
			t.Errorf("a new %s milestone went to %d (stored %d), want %d", horizon, m.Position, stored.Position, want)
		}
	}
}
