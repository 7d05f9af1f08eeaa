package persistence

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// AbandonedUploadAge is how long a resumable upload may go without a byte
// before housekeeping takes it for abandoned and removes it. A day lets a
// participant whose connection dropped resume the next morning.
const AbandonedUploadAge = 24 * time.Hour

// PartialUploadDir is the folder where resumable uploads keep their bytes
// until they complete: ".uploads" in the folder of a local blob store (the
// same volume as the evidence, so nothing is held in memory and backups
// see one folder), else "uploads" under dataDir (an S3 store has no folder).
func PartialUploadDir(blobURL, dataDir string) (string, error) {
	dir, err := BlobDir(blobURL)
	if err != nil {
		return "", err
	}
	if dir != "" {
		return filepath.Join(dir, ".uploads"), nil
	}
	return filepath.Abs(filepath.Join(dataDir, "uploads"))
}

// RemoveAbandonedUploads removes the resumable uploads in dir that have not
// been written for AbandonedUploadAge: each upload is a few files sharing a
// name ("<id>", "<id>.info", "<id>.lock"), removed together once the newest
// of them is that old. A completed upload is removed as it completes;
// these are the ones their senders gave up on. It returns how many uploads
// it removed; a missing folder has none.
func RemoveAbandonedUploads(dir string, now time.Time) (int64, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("remove abandoned uploads: %w", err)
	}
	newest := map[string]time.Time{}
	files := map[string][]string{}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if errors.Is(err, fs.ErrNotExist) {
			continue // completed or swept meanwhile
		}
		if err != nil {
			return 0, fmt.Errorf("remove abandoned uploads: %w", err)
		}
		id, _, _ := strings.Cut(e.Name(), ".")
		if info.ModTime().After(newest[id]) {
			newest[id] = info.ModTime()
		}
		files[id] = append(files[id], filepath.Join(dir, e.Name()))
	}
	var removed int64
	for id, last := range newest {
		if now.Sub(last) < AbandonedUploadAge {
			continue
		}
		for _, path := range files[id] {
			if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return removed, fmt.Errorf("remove abandoned uploads: %w", err)
			}
		}
		removed++
	}
	return removed, nil
}
