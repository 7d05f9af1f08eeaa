package persistence

import (
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

func TestCursorsRoundTrip(t *testing.T) {
	t.Parallel()
	at, id := time.Date(2026, 11, 23, 9, 30, 0, 123456000, time.UTC), uuid.New()
	var gotAt time.Time
	var gotID uuid.UUID
	ok, err := decodeCursor(encodeCursor(at, id), &gotAt, &gotID)
	if !ok || err != nil || !gotAt.Equal(at) || gotID != id {
		t.Fatalf("round trip gave %v %v %v %v", ok, err, gotAt, gotID)
	}
}

func FuzzDecodeCursor(f *testing.F) {
	f.Add(encodeCursor("Budi", uuid.Nil.String()))
	f.Add(encodeCursor(time.Now(), uuid.New()))
	f.Add("not-a-cursor")
	f.Add("WyJhIl0")
	f.Add(encodeCursor("Budi\x00", uuid.Nil.String()))
	f.Fuzz(func(t *testing.T, cursor string) {
		var name string
		var id uuid.UUID
		ok, err := decodeCursor(cursor, &name, &id)
		if err != nil && err != domain.ErrBadCursor {
			t.Fatalf("decodeCursor(%q) failed with %v, want ErrBadCursor", cursor, err)
		}
		if ok && err != nil {
			t.Fatalf("decodeCursor(%q) reported a cursor and an error", cursor)
		}
		if ok && domain.CheckText("", name) != nil {
			t.Fatalf("decodeCursor(%q) gave %q, which is not text", cursor, name)
		}
	})
}
