package persistence_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pgtest"
	"github.com/proper-id/proper/persistence/seed"
)

// seeded is a database with 5,000 seeded projects, the first cohort of
// 1,000 participants, and the ids the benchmarks ask about.
func seeded(b *testing.B) (db *bun.DB, cohort, mentor uuid.UUID) {
	b.Helper()
	ctx := context.Background()
	db = pgtest.DB(b)
	if err := seed.Load(ctx, db, seed.Options{Projects: 5000, FirstCohortSize: 1000, Now: time.Now()}); err != nil {
		b.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	err := db.QueryRowContext(ctx, `SELECT e.cohort_id, e.mentor_id FROM enrollments e
		GROUP BY e.cohort_id, e.mentor_id ORDER BY count(*) OVER (PARTITION BY e.cohort_id) DESC LIMIT 1`).Scan(&cohort, &mentor)
	if err != nil {
		b.Fatal(err)
	}
	return db, cohort, mentor
}

// BenchmarkHotQueries measures the queries behind the busiest screens on a
// seeded database: a 1,000-participant cohort's progress, a mentor's review
// queue and a directory search.
func BenchmarkHotQueries(b *testing.B) {
	db, cohort, mentor := seeded(b)
	ctx := context.Background()
	store := persistence.NewStore(db)
	cohorts := domain.NewServices(store, nil, time.Now, domain.Options{}).Cohorts
	admin := &domain.Actor{PlatformAdmin: true}

	b.Run("cohort progress, 1000 participants", func(b *testing.B) {
		for b.Loop() {
			rows := 0
			if err := cohorts.CohortProgress(ctx, admin, domain.ProgressQuery{Cohort: cohort, Sort: "progress"}, func(domain.ProgressRow) error { rows++; return nil }); err != nil || rows != 1000 {
				b.Fatalf("%d rows, %v", rows, err)
			}
		}
	})
	b.Run("review queue of a mentor", func(b *testing.B) {
		for b.Loop() {
			if _, err := store.ReviewQueue().Queue(ctx, mentor, domain.PageRequest{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The three round trips of get-project, one by one.
	var project, participant uuid.UUID
	if err := db.QueryRowContext(ctx, `SELECT p.id, e.participant_id FROM projects p JOIN enrollments e ON e.id = p.enrollment_id LIMIT 1`).Scan(&project, &participant); err != nil {
		b.Fatal(err)
	}
	token := domain.HashSecret(domain.NewSecret())
	if err := store.Sessions().Create(ctx, token, participant, time.Now().Add(time.Hour)); err != nil {
		b.Fatal(err)
	}
	b.Run("get-project: session actor", func(b *testing.B) {
		for b.Loop() {
			if _, err := store.Sessions().Actor(ctx, token, time.Now()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("get-project: project", func(b *testing.B) {
		for b.Loop() {
			if _, err := store.Projects().Get(ctx, project, false); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("get-project: assessments", func(b *testing.B) {
		for b.Loop() {
			if _, err := store.Assessments().OfProject(ctx, project); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("user search", func(b *testing.B) {
		for b.Loop() {
			if _, err := store.Users().List(ctx, "dewi lestari", domain.PageRequest{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
