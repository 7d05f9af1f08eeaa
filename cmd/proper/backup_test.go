package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/proper-id/proper/persistence/pglocal"
)

func TestABackupOfTheDemoRestoresByteForByte(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	from, to := map[string]string{"PROPER_DATA_DIR": reachableDir(t)}, map[string]string{"PROPER_DATA_DIR": reachableDir(t)}
	archive := filepath.Join(t.TempDir(), "proper-backup.tar.gz")

	if code, _, stderr := proper(t, ctx, from, "demo"); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	if code, _, stderr := proper(t, ctx, from, "backup", "--to", archive); code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	if code, _, stderr := proper(t, ctx, to, "restore", "--from", archive); code != 0 {
		t.Fatalf("restore: %s", stderr)
	}
	if code, out, _ := proper(t, ctx, to, "demo"); code != 0 || !strings.Contains(out, "there already") {
		t.Fatalf("the restored installation should hold the demo: %s", out)
	}

	want, got := tableContents(t, from["PROPER_DATA_DIR"]), tableContents(t, to["PROPER_DATA_DIR"])
	if len(want) < 10 {
		t.Fatalf("only %d tables dumped", len(want))
	}
	for table, rows := range want {
		if got[table] != rows {
			t.Errorf("table %s differs after the restore", table)
		}
	}
	wantFiles, gotFiles := files(t, filepath.Join(from["PROPER_DATA_DIR"], "blobs")), files(t, filepath.Join(to["PROPER_DATA_DIR"], "blobs"))
	if len(wantFiles) == 0 || len(gotFiles) != len(wantFiles) {
		t.Fatalf("%d evidence files restored of %d", len(gotFiles), len(wantFiles))
	}
	for name, content := range wantFiles {
		if !bytes.Equal(gotFiles[name], content) {
			t.Errorf("evidence file %s differs after the restore", name)
		}
	}
}

// tableContents reads every table of a data dir's database as text, rows in
// a stable order.
func tableContents(t *testing.T, dataDir string) map[string]string {
	t.Helper()
	ctx := context.Background()
	cluster, err := pglocal.Start(ctx, pglocal.Options{Dir: dataDir, Ephemeral: true})
	if err != nil {
		t.Fatal(err)
	}
	defer cluster.Close()
	conn, err := pgx.Connect(ctx, cluster.URL(pglocal.DefaultDatabase))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, table := range tables {
		var content string
		q := `SELECT coalesce(string_agg(r::text, E'\n' ORDER BY r::text), '') FROM ` + pgx.Identifier{table}.Sanitize() + ` r`
		if err := conn.QueryRow(ctx, q).Scan(&content); err != nil {
			t.Fatal(err)
		}
		out[table] = content
	}
	return out
}

func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(dir, path)
			out[rel] = b
		}
		return err
	})
	return out
}
