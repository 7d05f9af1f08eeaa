package persistence_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/proper-id/proper/persistence"
)

// leftFile writes a file under dir as a crash would have left it, last
// written age ago.
func leftFile(t *testing.T, dir, name string, age time.Duration) string {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("half an upload"), 0o600); err != nil {
		t.Fatal(err)
	}
	then := time.Now().Add(-age)
	if err := os.Chtimes(path, then, then); err != nil {
		t.Fatal(err)
	}
	return path
}

// crashLeftovers fills a blob folder with what crashes and running uploads
// leave: the temporary files of fileblob (<key>.<nanoseconds in hex>.tmp)
// old and fresh, next to finished blobs old and fresh. It returns the files
// that must stay.
func crashLeftovers(t *testing.T, dir string) (kept []string) {
	t.Helper()
	leftFile(t, dir, "evidence/0b6f1c52-5d2b-4a53-9a3c-3f1f2b7a9e01.17f3a2b4c5d6e7f8.tmp", 3*time.Hour)
	leftFile(t, dir, "evidence/1c7f2d63-6e3c-4b64-8b4d-4a2a3c8b0f12.17f3a2b4c5d6e7f9.tmp", 25*time.Hour)
	return []string{
		// another replica's upload, still being written
		leftFile(t, dir, "evidence/2d803e74-7f4d-4c75-9c5e-5b3b4d9c1a23.17f3a2b4c5d6e800.tmp", time.Minute),
		// finished evidence, however old
		leftFile(t, dir, "evidence/3e914f85-805e-4d86-ad6f-6c4c5e0d2b34", 400*24*time.Hour),
		leftFile(t, dir, "evidence/4fa25096-916f-4e97-be70-7d5d6f1e3c45", time.Minute),
		// not fileblob's: a name that merely ends in .tmp
		leftFile(t, dir, "notes.tmp", 3*time.Hour),
	}
}

func assertFiles(t *testing.T, dir string, want []string) {
	t.Helper()
	got := filesIn(t, dir)
	slices.Sort(got)
	want = slices.Clone(want)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("files in the blob folder:\n got %q\nwant %q", got, want)
	}
}

func TestOpeningTheBlobStoreRemovesTemporaryFilesLeftByACrash(t *testing.T) {
	t.Parallel()
	dataDir := t.TempDir()
	dir := filepath.Join(dataDir, "blobs")
	kept := crashLeftovers(t, dir)
	url, err := persistence.LocalBlobURL(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	openBlobStore(t, url)
	assertFiles(t, dir, kept)
}

func TestHousekeepingRemovesOnlyStaleTemporaryBlobFiles(t *testing.T) {
	t.Parallel()
	store, dir := localBlobStore(t)
	kept := crashLeftovers(t, dir)
	removed, err := store.RemoveStaleTemporaryFiles(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if removed != 2 {
		t.Errorf("removed %d files, want the 2 stale temporary ones", removed)
	}
	assertFiles(t, dir, kept)

	// An hour later, the upload that was running is stale too.
	if removed, err = store.RemoveStaleTemporaryFiles(time.Now().Add(2 * time.Hour)); err != nil || removed != 1 {
		t.Fatalf("two hours on: removed %d, %v; want the upload abandoned since", removed, err)
	}
}
