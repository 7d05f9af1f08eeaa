// Package backup writes and restores a whole Proper installation, the
// database (with pg_dump and pg_restore) and the files of a local blob
// store, as one archive, for the command's backup and restore subcommands.
package backup

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/proper-id/proper/persistence/pglocal"
)

// A backup is a gzipped tar archive: "database.pgdump", pg_dump's custom
// format of the whole database, and "blobs/…", the evidence files of a
// local blob store (an S3 store keeps its own backups).
const (
	backupDumpName  = "database.pgdump"
	backupBlobsRoot = "blobs/"
)

// Backup writes the database at databaseURL and the files under blobDir
// (none when empty) to w, with the pg_dump of the PostgreSQL installation
// bins (the version of the server).
func Backup(ctx context.Context, bins pglocal.Binaries, databaseURL, blobDir string, w io.Writer) error {
	dump, err := os.CreateTemp("", "proper-backup-*.pgdump")
	if err != nil {
		return err
	}
	defer os.Remove(dump.Name())
	defer dump.Close()
	cmd := exec.CommandContext(ctx, bins.Path("pg_dump"), "--format=custom", "--no-owner", "--dbname="+databaseURL)
	cmd.Stdout = dump
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("pg_dump: %w: %s", err, strings.TrimSpace(stderr.String()))
	}

	gz := gzip.NewWriter(w)
	archive := tar.NewWriter(gz)
	if err := addFile(archive, backupDumpName, dump.Name()); err != nil {
		return err
	}
	if blobDir != "" {
		err := filepath.WalkDir(blobDir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(blobDir, path)
			if err != nil {
				return err
			}
			return addFile(archive, backupBlobsRoot+filepath.ToSlash(rel), path)
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := archive.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func addFile(archive *tar.Writer, name, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if err := archive.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: info.Size(), ModTime: info.ModTime()}); err != nil {
		return err
	}
	_, err = io.Copy(archive, f)
	return err
}

// Restore replaces the database at databaseURL and the files under blobDir
// with a backup's: tables are dropped and recreated by pg_restore, files
// are written back (an S3 store is restored by its own means when blobDir
// is empty).
func Restore(ctx context.Context, bins pglocal.Binaries, databaseURL, blobDir string, r io.Reader) error {
	gz, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("not a Proper backup: %w", err)
	}
	archive := tar.NewReader(gz)
	restoredDatabase := false
	for {
		h, err := archive.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("read the backup: %w", err)
		}
		switch {
		case h.Name == backupDumpName:
			if err := restoreDatabase(ctx, bins, databaseURL, archive); err != nil {
				return err
			}
			restoredDatabase = true
		case strings.HasPrefix(h.Name, backupBlobsRoot) && blobDir != "":
			if err := restoreBlob(blobDir, strings.TrimPrefix(h.Name, backupBlobsRoot), archive); err != nil {
				return err
			}
		}
	}
	if !restoredDatabase {
		return errors.New("not a Proper backup: it holds no database")
	}
	return nil
}

func restoreDatabase(ctx context.Context, bins pglocal.Binaries, databaseURL string, dump io.Reader) error {
	tmp, err := os.CreateTemp("", "proper-restore-*.pgdump")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	if _, err := io.Copy(tmp, dump); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, bins.Path("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
		"--dbname="+databaseURL, tmp.Name())
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("pg_restore: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

// restoreBlob writes one file of a backup under dir, refusing names that
// would land outside it.
func restoreBlob(dir, name string, r io.Reader) error {
	path := filepath.Join(dir, filepath.FromSlash(name))
	if rel, err := filepath.Rel(dir, path); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(name) {
		return fmt.Errorf("the backup names a file outside the blob folder: %q", name)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
