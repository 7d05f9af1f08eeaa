package persistence_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pgtest"
)

func TestHousekeepingDeletesOnlyWhatOutlivedItsUse(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.DB(t)
	store := persistence.NewStore(db)
	now := time.Now()
	u, err := domain.NewServices(store, nil, time.Now, domain.Options{}).Directory.CreatePlatformAdmin(ctx, "admin@lan.go.id", "Admin", "admin-password-123")
	if err != nil {
		t.Fatal(err)
	}
	store.Sessions().Create(ctx, domain.HashSecret("old"), u.ID, now.AddDate(0, 0, -8))
	store.Sessions().Create(ctx, domain.HashSecret("live"), u.ID, now.Add(time.Hour))
	store.LoginFailures().Reserve(ctx, "a@b.go.id", "127.0.0.1", now.Add(-time.Hour), now.Add(-2*time.Hour), 10)
	store.LoginFailures().Reserve(ctx, "a@b.go.id", "127.0.0.1", now, now.Add(-time.Hour), 10)
	keys := persistence.NewIdempotencyStore(db)
	keys.Claim(ctx, uuid.New(), "old", []byte("h"), now.Add(-25*time.Hour))
	keys.Claim(ctx, uuid.New(), "new", []byte("h"), now)

	deleted, err := persistence.Housekeeping(ctx, db, now)
	if err != nil {
		t.Fatal(err)
	}
	if deleted["sessions"] != 1 || deleted["login_failures"] != 1 || deleted["idempotency_keys"] != 1 {
		t.Fatalf("deleted %v, want one of each", deleted)
	}
	if _, err := store.Sessions().Actor(ctx, domain.HashSecret("live"), now); err != nil {
		t.Fatalf("the live session went too: %v", err)
	}
}
