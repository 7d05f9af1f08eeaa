package persistence_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/proper-id/proper/persistence"
)

func TestHousekeepingRemovesUploadsAbandonedForADayAndKeepsThoseStillSent(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	write := func(name string, age time.Duration) {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, now.Add(-age), now.Add(-age)); err != nil {
			t.Fatal(err)
		}
	}
	// Abandoned two days ago: its bytes, its info and its lock go.
	write("aaaa", 48*time.Hour)
	write("aaaa.info", 48*time.Hour)
	write("aaaa.lock", 48*time.Hour)
	// Begun two days ago but written an hour ago: still being sent.
	write("bbbb", time.Hour)
	write("bbbb.info", 48*time.Hour)
	// Begun a moment ago.
	write("cccc", time.Minute)
	write("cccc.info", time.Minute)

	removed, err := persistence.RemoveAbandonedUploads(dir, now)
	if err != nil {
		t.Fatal(err)
	}
	if removed != 1 {
		t.Errorf("removed %d uploads, want 1", removed)
	}
	entries, _ := os.ReadDir(dir)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if want := []string{"bbbb", "bbbb.info", "cccc", "cccc.info"}; !slices.Equal(left, want) {
		t.Errorf("left %v, want %v", left, want)
	}
	if n, err := persistence.RemoveAbandonedUploads(filepath.Join(dir, "missing"), now); n != 0 || err != nil {
		t.Errorf("a missing folder: %d, %v", n, err)
	}
}

func TestPartialUploadsLiveInTheBlobFolderOrUnderTheDataFolder(t *testing.T) {
	dir, err := persistence.PartialUploadDir("file:///srv/proper/blobs", "/srv/proper")
	if err != nil || dir != "/srv/proper/blobs/.uploads" {
		t.Errorf("a local blob store: %q, %v", dir, err)
	}
	dir, err = persistence.PartialUploadDir("s3://bukti?region=ap-southeast-3", "/srv/proper")
	if err != nil || dir != "/srv/proper/uploads" {
		t.Errorf("an S3 store: %q, %v", dir, err)
	}
}
