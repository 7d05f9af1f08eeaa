package persistence_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pgtest"
)

// queryRecorder keeps the SQL a database runs.
type queryRecorder struct {
	mu      sync.Mutex
	queries []string
}

func (r *queryRecorder) BeforeQuery(ctx context.Context, _ *bun.QueryEvent) context.Context {
	return ctx
}
func (r *queryRecorder) AfterQuery(_ context.Context, e *bun.QueryEvent) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.queries = append(r.queries, e.Query)
}

// largeTables grow with the number of projects: a query that reads one of
// them whole would not survive a national dataset.
var largeTables = []string{"users", "enrollments", "projects", "milestones", "evidence", "events", "reviews", "sessions", "publications", "replications"}

// TestTheMainQueriesUseIndexes runs the queries behind the busy screens on
// a seeded dataset and asks PostgreSQL how it would run them with
// sequential scans priced out of reach: a large table still read whole has
// no index that serves the query. (At this small size the planner would
// rightly prefer some scans; on a national dataset it would not.)
func TestTheMainQueriesUseIndexes(t *testing.T) {
	ctx := context.Background()
	db := pgtest.DB(t)
	if err := persistence.Seed(ctx, db, persistence.SeedOptions{Projects: 3000, FirstCohortSize: 500, Published: 0.5, Now: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "ANALYZE"); err != nil {
		t.Fatal(err)
	}
	var cohort, project, milestone, mentor uuid.UUID
	if err := db.QueryRowContext(ctx, `SELECT e.cohort_id, p.id, e.mentor_id, m.id FROM enrollments e JOIN projects p ON p.enrollment_id = e.id
		JOIN milestones m ON m.project_id = p.id LIMIT 1`).Scan(&cohort, &project, &mentor, &milestone); err != nil {
		t.Fatal(err)
	}

	var publication, agency uuid.UUID
	if err := db.QueryRowContext(ctx, `SELECT pub.id, r.agency_id FROM publications pub JOIN replications r ON r.publication_id = pub.id LIMIT 1`).Scan(&publication, &agency); err != nil {
		t.Fatal(err)
	}

	recorder := &queryRecorder{}
	store := persistence.NewStore(db.WithQueryHook(recorder))
	page := domain.PageRequest{}
	calls := map[string]func() error{
		"list-enrollments": func() error {
			_, err := store.Enrollments().List(ctx, cohort, domain.EnrollmentScope{All: true}, page)
			return err
		},
		"list-milestones":   func() error { _, err := store.Milestones().List(ctx, project, page); return err },
		"list-evidence":     func() error { _, err := store.Evidence().List(ctx, milestone, page); return err },
		"list-review-queue": func() error { _, err := store.ReviewQueue().Queue(ctx, mentor, page); return err },
		"timeline":          func() error { _, err := store.Timeline().Timeline(ctx, project, page); return err },
		"user search":       func() error { _, err := store.Users().List(ctx, "dewi lestari", page); return err },
		"get-project":       func() error { _, err := store.Projects().Get(ctx, project, false); return err },
		"cohort progress": func() error {
			return store.Progress().Progress(ctx, domain.ProgressQuery{Cohort: cohort, Today: domain.DateOf(time.Now())}, func(domain.ProgressRow) error { return nil })
		},
		"session": func() error { store.Sessions().Actor(ctx, []byte("no such token"), time.Now()); return nil },
		"showcase search": func() error {
			_, err := store.Showcase().Search(ctx, domain.ShowcaseQuery{Text: "sampah rumah tangga", Region: "Jawa Tengah"}, page)
			return err
		},
		"showcase typo": func() error {
			_, err := store.Showcase().Search(ctx, domain.ShowcaseQuery{Text: "perijinan"}, page)
			return err
		},
		"showcase newest": func() error {
			_, err := store.Showcase().Search(ctx, domain.ShowcaseQuery{Program: domain.ProgramPKA}, page)
			return err
		},
		"showcase entry":      func() error { _, err := store.Showcase().Entry(ctx, publication); return err },
		"similar projects":    func() error { _, err := store.Similarity().Similar(ctx, project, 10); return err },
		"agency replications": func() error { _, err := store.Replications().OfAgency(ctx, agency, page); return err },
	}
	for name, call := range calls {
		recorder.queries = nil
		if err := call(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, q := range recorder.queries {
			if verb := strings.ToUpper(strings.Fields(q)[0]); verb != "SELECT" && verb != "WITH" {
				continue // BEGIN, SET LOCAL, COMMIT
			}
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tx.ExecContext(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
				t.Fatal(err)
			}
			rows, err := tx.QueryContext(ctx, "EXPLAIN "+q)
			if err != nil {
				t.Fatalf("%s: explain: %v", name, err)
			}
			var plan []string
			for rows.Next() {
				var line string
				rows.Scan(&line)
				plan = append(plan, line)
			}
			rows.Close()
			tx.Rollback()
			for _, table := range largeTables {
				for _, line := range plan {
					if strings.Contains(line, "Seq Scan on "+table+" ") || strings.HasSuffix(line, "Seq Scan on "+table) {
						t.Errorf("%s reads %s whole:\n%s", name, table, strings.Join(plan, "\n"))
					}
				}
			}
		}
	}
}
