package persistence_test

import (
	"context"
	"testing"
	"time"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pgtest"
	"github.com/proper-id/proper/persistence/seed"
)

func TestASearchMatchingTooManyRanksABoundedShareAndSaysSo(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.DB(t)
	if err := seed.Load(ctx, db, seed.Options{Projects: 400, Published: 1, Now: time.Now()}); err != nil {
		t.Fatal(err)
	}
	showcase := persistence.NewStore(db).WithSearchRankLimit(50).Showcase()
	// Every seeded innovation promises "standar pelayanan".
	broad, err := showcase.Search(ctx, domain.ShowcaseQuery{Text: "pelayanan"}, domain.PageRequest{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	if !broad.Truncated || len(broad.Items) != 20 {
		t.Errorf("a word in every innovation: truncated %v, %d items", broad.Truncated, len(broad.Items))
	}
	// Its pages end with the ranked share.
	seen, page := 0, domain.PageRequest{Limit: 20}
	for {
		r, err := showcase.Search(ctx, domain.ShowcaseQuery{Text: "pelayanan"}, page)
		if err != nil {
			t.Fatal(err)
		}
		seen += len(r.Items)
		if page.Cursor = r.NextCursor; page.Cursor == "" {
			break
		}
	}
	if seen != 50 {
		t.Errorf("the pages hold %d innovations, want the 50 ranked", seen)
	}
	narrow, err := showcase.Search(ctx, domain.ShowcaseQuery{Text: "sampah"}, domain.PageRequest{Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	if narrow.Truncated || len(narrow.Items) == 0 || len(narrow.Items) >= 50 {
		t.Errorf("a narrow search: truncated %v, %d items", narrow.Truncated, len(narrow.Items))
	}
}
