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

// TestTheOriginalityCheckFindsAVerbatimCopyAtAnySize copies one project's
// problem and goal word for word (case and spacing aside) into another, in
// a corpus of 2 and of 30 projects (1 M is in make bench): the copy comes
// first, its problem and goal wholly alike, whatever share of projects its
// words are in. Its own project and an unrelated one are not listed.
func TestTheOriginalityCheckFindsAVerbatimCopyAtAnySize(t *testing.T) {
	t.Parallel()
	for _, size := range []int{2, 30} {
		t.Run("", func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db := pgtest.DB(t)
			if err := seed.Load(ctx, db, seed.Options{Projects: size, Now: time.Now()}); err != nil {
				t.Fatal(err)
			}
			var ids []uuid.UUID
			if err := db.NewRaw(`SELECT id FROM projects ORDER BY id`).Scan(ctx, &ids); err != nil {
				t.Fatal(err)
			}
			if len(ids) != size {
				t.Fatalf("%d projects, want %d", len(ids), size)
			}
			original, copied := ids[0], ids[len(ids)-1]
			problem := "Pelayanan administrasi kependudukan di kecamatan lambat karena berkas masih diperiksa manual dan warga harus datang berkali-kali."
			goal := "Berkas kependudukan diperiksa dalam satu hari dan warga cukup datang sekali."
			if _, err := db.ExecContext(ctx, `UPDATE projects SET title = 'Percepatan Layanan Berkas Kecamatan', problem = ?, goal = ? WHERE id = ?`, problem, goal, original); err != nil {
				t.Fatal(err)
			}
			if _, err := db.ExecContext(ctx, `UPDATE projects SET title = 'Gerakan Tertib Arsip', problem = upper(?) || '  ', goal = replace(?, ' ', '   ') WHERE id = ?`, problem, goal, copied); err != nil {
				t.Fatal(err)
			}
			if _, err := db.ExecContext(ctx, "ANALYZE projects"); err != nil {
				t.Fatal(err)
			}
			page, err := persistence.NewStore(db).Similarity().Similar(ctx, original, domain.PageRequest{Limit: 50})
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Items) == 0 || page.Items[0].ProjectID != copied || page.Items[0].GoalSimilarity < 0.99 || page.Items[0].ProblemSimilarity < 0.99 {
				t.Fatalf("among %d projects the copy is not first: %+v", size, page.Items)
			}
			for _, p := range page.Items {
				if p.ProjectID == original || p.Score <= 0 {
					t.Errorf("listed %+v", p)
				}
			}
			if page.NextCursor != "" {
				t.Errorf("a next page after %d of %d projects", len(page.Items), size)
			}
		})
	}
}
