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

// TestMigrationStemsThePublicationsThereAre rolls the schema back to before
// migration 0022 with publications on the showcase, and migrates again: the
// Go step stems every publication, so the new search finds them by family
// (pengelolaan for kelola) at once.
func TestMigrationStemsThePublicationsThereAre(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.DB(t)
	if err := seed.Load(ctx, db, seed.Options{Projects: 6, Published: 1, Now: time.Now()}); err != nil {
		t.Fatal(err)
	}
	migrator := persistence.NewMigrator(db)
	for {
		undone, err := migrator.Down(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if undone == nil {
			t.Fatal("migration 0022 was never applied")
		}
		if undone.Version == 22 {
			break
		}
	}
	if _, err := db.ExecContext(ctx, `UPDATE publications SET title = 'Pengelolaan Bank Sampah Digitalisasi' WHERE id = (SELECT id FROM publications ORDER BY id LIMIT 1)`); err != nil {
		t.Fatal(err)
	}
	if _, err := migrator.Up(ctx); err != nil {
		t.Fatal(err)
	}
	var empty int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM publications WHERE search_title = '' OR search_body = ''`).Scan(&empty); err != nil {
		t.Fatal(err)
	}
	if empty != 0 {
		t.Errorf("%d publications are not stemmed", empty)
	}
	r, err := persistence.NewStore(db).Showcase().Search(ctx, domain.ShowcaseQuery{Text: "kelola digital"}, domain.PageRequest{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Items) == 0 || r.Items[0].Title != "Pengelolaan Bank Sampah Digitalisasi" || len(r.Items[0].Missing) != 0 {
		t.Errorf("kelola digital finds %+v", r.Items)
	}
}
