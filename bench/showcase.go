//go:build bench

package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
)

// showcaseDetail asks for the showcase's per-query timings and plans.
var showcaseDetail bool

// showcaseQueries are what the public asks the showcase: words of every
// kind of project, a common misspelling (which the trigram fallback
// answers), and filters with and without words.
var showcaseQueries = []string{
	"q=antrean+daring", "q=pelayanan+kependudukan", "q=stunting", "q=bank+sampah", "q=perizinan+usaha", "q=pajak+daerah",
	"q=kesehatan+ibu+anak", "q=literasi+sekolah", "q=air+bersih+desa", "q=perijinan", "q=aplikasi+posyandu&area=kesehatan",
	"region=Jawa+Tengah&program=pka", "q=sampah&region=Jawa+Timur", "q=batam",
}

// showcaseTargets are the anonymous searches of the load and the entries
// of 50 publications.
func showcaseTargets(ctx context.Context, db *bun.DB) (searches, entries []target, err error) {
	for _, q := range showcaseQueries {
		searches = append(searches, target{path: "/v1/showcase?" + q + "&limit=20"})
	}
	rows, err := db.QueryContext(ctx, `SELECT id FROM publications WHERE withdrawn_at IS NULL ORDER BY id LIMIT 50`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id uuid.UUID
		if err := rows.Scan(&id); err != nil {
			return nil, nil, err
		}
		entries = append(entries, target{path: "/v1/showcase/" + id.String()})
	}
	if len(entries) == 0 {
		return nil, nil, fmt.Errorf("the dataset has no publication: seed with -published above 0")
	}
	return searches, entries, rows.Err()
}

// timeEachSearch loads each showcase query alone on one connection and
// prints its p50 and p99.
func timeEachSearch(server string, searches []target, duration time.Duration) {
	w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "\nshowcase query (1 connection)\treq/s\tp50\tp99\t\n")
	for _, s := range searches {
		r := load(server, []target{s}, nil, max(duration/4, time.Second), 1)
		fmt.Fprintf(w, "%s\t%.0f\t%s\t%s\t\n", strings.TrimPrefix(s.path, "/v1/showcase?"), r.rps(), r.at(0.50), r.at(0.99))
	}
	w.Flush()
}

// timeSimilar times the originality check of 20 projects, alone, and
// prints the median and the slowest.
func timeSimilar(ctx context.Context, db *bun.DB) error {
	rows, err := db.QueryContext(ctx, `SELECT id FROM projects ORDER BY id LIMIT 20`)
	if err != nil {
		return err
	}
	var ids []uuid.UUID
	for rows.Next() {
		var id uuid.UUID
		if err := rows.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	store := persistence.NewStore(db)
	var took []time.Duration
	for _, id := range ids {
		begun := time.Now()
		if _, err := store.Similarity().Similar(ctx, id, domain.PageRequest{Limit: 10}); err != nil {
			return err
		}
		took = append(took, time.Since(begun))
	}
	slices.Sort(took)
	fmt.Printf("\nlist-similar-projects (store, %d projects, one at a time): median %s, slowest %s\n",
		len(took), took[len(took)/2].Round(10*time.Microsecond), took[len(took)-1].Round(10*time.Microsecond))
	return nil
}

// planRecorder keeps the text of the queries a database runs.
type planRecorder struct{ queries []string }

func (r *planRecorder) BeforeQuery(ctx context.Context, _ *bun.QueryEvent) context.Context {
	return ctx
}
func (r *planRecorder) AfterQuery(_ context.Context, e *bun.QueryEvent) {
	r.queries = append(r.queries, e.Query)
}

// explainShowcase prints how PostgreSQL runs three searches: a common
// pair of words, a rare word with a filter, and a misspelling.
func explainShowcase(ctx context.Context, db *bun.DB) error {
	for _, q := range []domain.ShowcaseQuery{{Text: "antrean daring"}, {Text: "stunting", Region: "Jawa Tengah"}, {Text: "perijinan"}} {
		recorder := &planRecorder{}
		store := persistence.NewStore(db.WithQueryHook(recorder))
		if _, err := store.Showcase().Search(ctx, q, domain.PageRequest{Limit: 20}); err != nil {
			return err
		}
		for _, query := range recorder.queries {
			rows, err := db.QueryContext(ctx, "EXPLAIN (ANALYZE, BUFFERS) "+query)
			if err != nil {
				return err
			}
			fmt.Printf("\n%+v:\n", q)
			for rows.Next() {
				var line string
				rows.Scan(&line)
				fmt.Println("  " + line)
			}
			rows.Close()
		}
	}
	return nil
}
