package persistence_test

import (
	"testing"

	"github.com/uptrace/bun"

	"github.com/proper-id/proper/persistence"
)

func openDB(t *testing.T, url string) *bun.DB {
	t.Helper()
	db, err := persistence.Open(url, persistence.DefaultPoolOptions)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
