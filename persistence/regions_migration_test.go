package persistence_test

import (
	"context"
	"testing"

	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pgtest"
)

// TestMigrationMovesOldRegionsToProvinces rolls the schema back to before
// migration 0015, registers agencies the way the first API did (a region
// in one line), and migrates again: a region becomes the province, and a
// region written "Kota X, Province" is split into regency and province.
func TestMigrationMovesOldRegionsToProvinces(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.DB(t)
	migrator := persistence.NewMigrator(db)
	for {
		undone, err := migrator.Down(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if undone == nil {
			t.Fatal("migration 0015 was never applied")
		}
		if undone.Version == 15 {
			break
		}
	}
	for _, a := range []struct{ name, region string }{
		{"Pemerintah Provinsi Jawa Timur", "Jawa Timur"},
		{"Pemerintah Kota Batam", "Kota Batam, Kepulauan Riau"},
		{"Lembaga Administrasi Negara", ""},
	} {
		if _, err := db.ExecContext(ctx, `INSERT INTO agencies (id, name, region, created_at) VALUES (gen_random_uuid(), ?, ?, now())`, a.name, a.region); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := migrator.Up(ctx); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string][3]string{
		"Pemerintah Provinsi Jawa Timur": {"Jawa Timur", "", "Jawa Timur"},
		"Pemerintah Kota Batam":          {"Kepulauan Riau", "Kota Batam", "Kota Batam, Kepulauan Riau"},
		"Lembaga Administrasi Negara":    {"", "", ""},
	} {
		var got [3]string
		if err := db.QueryRowContext(ctx, `SELECT province, regency, region FROM agencies WHERE name = ?`, name).Scan(&got[0], &got[1], &got[2]); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s: province, regency, region = %q, want %q", name, got, want)
		}
	}
}
