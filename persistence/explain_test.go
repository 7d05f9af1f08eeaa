package persistence_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pgtest"
	"github.com/proper-id/proper/persistence/seed"
)

// statement is one SQL statement sent, with its arguments.
type statement struct {
	sql  string
	args []any
}

// statementRecorder keeps every statement sent to the database: Bun's,
// with their arguments written in, and the prepared ones with theirs.
type statementRecorder struct {
	mu         sync.Mutex
	statements []statement
}

func (r *statementRecorder) TraceQueryStart(ctx context.Context, _ *pgx.Conn, data pgx.TraceQueryStartData) context.Context {
	r.mu.Lock()
	defer r.mu.Unlock()
	var args []any
	for _, a := range data.Args {
		switch v := a.(type) {
		case pgx.QueryExecMode, pgx.QueryResultFormats, pgx.QueryResultFormatsByOID: // how to send, not what
		case [16]byte: // a uuid as prepared statements get it; EXPLAIN takes its text
			args = append(args, uuid.UUID(v))
		default:
			args = append(args, a)
		}
	}
	r.statements = append(r.statements, statement{data.SQL, args})
	return ctx
}
func (r *statementRecorder) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// largeTables grow with the number of projects: a query that reads one of
// them whole would not survive a national dataset.
var largeTables = []string{"users", "enrollments", "projects", "milestones", "evidence", "events", "reviews", "sessions", "publications", "replications"}

// TestTheMainQueriesUseIndexes runs the queries behind the busy screens on
// a seeded dataset and asks PostgreSQL how it would run them with
// sequential scans priced out of reach: a large table still read whole has
// no index that serves the query. (At this small size the planner would
// rightly prefer some scans; on a national dataset it would not.)
func TestTheMainQueriesUseIndexes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.DB(t)
	if err := seed.Load(ctx, db, seed.Options{Projects: 3000, FirstCohortSize: 500, Published: 0.5, Now: time.Now()}); err != nil {
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

	recorder := &statementRecorder{}
	store := persistence.NewStore(pgtest.Reopen(t, db, persistence.PoolOptions{MaxOpen: 2, ConnectTimeout: 5 * time.Second, Tracer: recorder}))
	page := domain.PageRequest{}
	calls := map[string]func() error{
		"list-enrollments": func() error {
			_, err := store.Enrollments().List(ctx, cohort, domain.EnrollmentScope{All: true}, page)
			return err
		},
		"list-milestones": func() error { _, err := store.Milestones().List(ctx, project, page); return err },
		"create-milestone (last in its horizon)": func() error {
			now := time.Now()
			return store.Milestones().CreateLast(ctx, &domain.Milestone{ID: domain.NewID(), ProjectID: project, Horizon: domain.HorizonMid,
				Title: "Milestone", DueOn: domain.DateOf(now), Status: domain.MilestonePlanned, Version: 1, CreatedAt: now, UpdatedAt: now})
		},
		"list-evidence":     func() error { _, err := store.Evidence().List(ctx, milestone, page); return err },
		"list-review-queue": func() error { _, err := store.ReviewQueue().Queue(ctx, mentor, page); return err },
		"timeline":          func() error { _, err := store.Timeline().Timeline(ctx, project, page); return err },
		"user search":       func() error { _, err := store.Users().List(ctx, "dewi lestari", page); return err },
		"get-project":       func() error { _, err := store.Projects().Get(ctx, project, false); return err },
		"cohort progress": func() error {
			return store.Progress().Progress(ctx, domain.ProgressQuery{Cohort: cohort, Today: domain.DateOf(time.Now())}, func(domain.ProgressRow) error { return nil })
		},
		"digest: waiting reviews": func() error { _, err := store.FollowUps().WaitingReviews(ctx); return err },
		"session":                 func() error { store.Sessions().Actor(ctx, []byte("no such token"), time.Now()); return nil },
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
		"showcase entry": func() error { _, err := store.Showcase().Entry(ctx, publication); return err },
		"similar projects": func() error {
			_, err := store.Similarity().Similar(ctx, project, domain.PageRequest{Limit: 10})
			return err
		},
		"agency replications": func() error { _, err := store.Replications().OfAgency(ctx, agency, page); return err },
		"innovation replications": func() error {
			_, err := store.Replications().OfPublication(ctx, publication, page)
			return err
		},
	}
	for name, call := range calls {
		recorder.statements = nil
		if err := call(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(recorder.statements) == 0 {
			t.Fatalf("%s sent no statement", name)
		}
		for _, q := range recorder.statements {
			if verb := strings.ToUpper(strings.Fields(q.sql)[0]); verb != "SELECT" && verb != "WITH" && verb != "INSERT" {
				continue // BEGIN, SET LOCAL, COMMIT
			}
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tx.ExecContext(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
				t.Fatal(err)
			}
			rows, err := tx.Tx.QueryContext(ctx, "EXPLAIN "+q.sql, q.args...) // as sent: Bun would format it again
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
