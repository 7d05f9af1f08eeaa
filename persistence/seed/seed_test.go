package seed_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pgtest"
	"github.com/proper-id/proper/persistence/seed"
)

// TestMain stops the package's private PostgreSQL when its tests end; without
// it every run left a server running.
func TestMain(m *testing.M) { pgtest.Main(m) }

func TestSeedLoadsAConsistentNationalDataset(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.DB(t)
	indexes := func() (all []string) {
		if err := db.NewRaw(`SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`).Scan(ctx, &all); err != nil {
			t.Fatal(err)
		}
		return all
	}
	before := indexes()
	loaded := map[string]int{}
	err := seed.Load(ctx, db, seed.Options{Projects: 300, Published: 0.5, Now: time.Now(),
		Progress: func(table string, rows int) { loaded[table] += rows }})
	if err != nil {
		t.Fatal(err)
	}
	if loaded["projects"] != 300 || loaded["enrollments"] != 300 || loaded["milestones"] != 1500 || loaded["evidence"] == 0 {
		t.Fatalf("loaded %v", loaded)
	}
	// The indexes dropped for the load are all back, and the rows loaded
	// without foreign-key checks have their parents.
	if after := indexes(); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("indexes after the seed:\n%s\nbefore:\n%s", strings.Join(after, "\n"), strings.Join(before, "\n"))
	}
	var orphans int
	db.QueryRow(`SELECT (SELECT count(*) FROM evidence ev WHERE NOT EXISTS (SELECT 1 FROM milestones m WHERE m.id = ev.milestone_id))
		+ (SELECT count(*) FROM milestones m WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = m.project_id))
		+ (SELECT count(*) FROM enrollments e WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = e.mentor_id))
		+ (SELECT count(*) FROM publications pub WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = pub.project_id))`).Scan(&orphans)
	if orphans != 0 {
		t.Errorf("%d seeded rows lack their parent", orphans)
	}
	// Every seeded cohort copies LAN's template of its program: PKA and PKP
	// say Aksi Perubahan, PKN I and II Proyek Perubahan.
	var wrongWords int
	db.QueryRow(`SELECT count(*) FROM cohorts WHERE template_id IS NULL
		OR (terms->>'product' = 'Aksi Perubahan') <> (program IN ('pka', 'pkp'))`).Scan(&wrongWords)
	if wrongWords != 0 {
		t.Errorf("%d seeded cohorts lack their program's template or words", wrongWords)
	}
	// Every cohort's phases are those its agenda gives (migration 0012):
	// the seed's cohorts have neither.
	var withoutAgenda int
	db.QueryRow(`SELECT count(*) FROM cohorts c WHERE c.phases <> agenda_phases(c.id)`).Scan(&withoutAgenda)
	if withoutAgenda != 0 {
		t.Errorf("%d seeded cohorts have phases that their agenda does not give", withoutAgenda)
	}
	var statuses int
	db.QueryRow(`SELECT count(DISTINCT status) FROM projects`).Scan(&statuses)
	if statuses < 5 {
		t.Errorf("projects in %d statuses, want nearly every one", statuses)
	}
	// About half the projects are on the showcase, none of them in design,
	// and their words are varied enough for a search to choose among them.
	var published, inDesign, titles int
	db.QueryRow(`SELECT count(*), count(*) FILTER (WHERE p.status IN ('draft', 'design_submitted')), count(DISTINCT pub.title)
		FROM publications pub JOIN projects p ON p.id = pub.project_id`).Scan(&published, &inDesign, &titles)
	if published < 100 || published > 200 || inDesign != 0 || titles < published*9/10 {
		t.Errorf("%d published, %d of them in design, %d distinct titles", published, inDesign, titles)
	}
	hits, err := persistence.NewStore(db).Showcase().Search(ctx, domain.ShowcaseQuery{Text: "pelayanan sampah"}, domain.PageRequest{Limit: 200})
	// Any word finds (every innovation promises "pelayanan"); those with
	// both words come first and are few.
	both := 0
	for _, h := range hits.Items {
		if len(h.Missing) == 0 {
			both++
		} else if both == 0 {
			t.Errorf("a partial match before a full one: %s", h.Title)
		}
	}
	if err != nil || both == 0 || both > published/4 {
		t.Errorf("searching the seeded showcase: %d of %d with both words, %v", both, published, err)
	}
	// The dataset serves the real queries: a cohort's progress.
	var cohort uuid.UUID
	if err := db.QueryRow(`SELECT id FROM cohorts LIMIT 1`).Scan(&cohort); err != nil {
		t.Fatal(err)
	}
	rows := 0
	err = domain.NewServices(persistence.NewStore(db), nil, time.Now, domain.Options{}).Cohorts.CohortProgress(ctx, &domain.Actor{PlatformAdmin: true},
		domain.ProgressQuery{Cohort: cohort}, func(domain.ProgressRow) error { rows++; return nil })
	if err != nil || rows < 20 {
		t.Fatalf("progress of a seeded cohort: %d rows, %v", rows, err)
	}
}
