package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/backup"
	"github.com/proper-id/proper/persistence/pglocal"
)

func runBackup(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "backup", "backup --to FILE [flags]")
	to := fs.String("to", "", "the backup file to write (a .tar.gz)")
	where := addStorageFlags(fs)
	if err := parse(fs, env, args); err != nil {
		return err
	}
	if *to == "" {
		fs.Usage()
		return errUsage
	}
	return withBackupTools(ctx, where, func(bins pglocal.Binaries, url, blobDir string) error {
		f, err := os.OpenFile(*to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return err
		}
		if err := backup.Backup(ctx, bins, url, blobDir, f); err != nil {
			f.Close()
			os.Remove(*to)
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "wrote the backup to %s\n", *to)
		return nil
	})
}

func runRestore(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "restore", "restore --from FILE [flags]")
	from := fs.String("from", "", "the backup file to restore (from proper backup); it replaces everything")
	where := addStorageFlags(fs)
	if err := parse(fs, env, args); err != nil {
		return err
	}
	if *from == "" {
		fs.Usage()
		return errUsage
	}
	return withBackupTools(ctx, where, func(bins pglocal.Binaries, url, blobDir string) error {
		f, err := os.Open(*from)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := backup.Restore(ctx, bins, url, blobDir, f); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "restored %s\n", *from)
		return nil
	})
}

// withBackupTools finds pg_dump and pg_restore, the database and the blob
// folder (empty for a store that is not local), and runs fn with them.
func withBackupTools(ctx context.Context, where *storageFlags, fn func(bins pglocal.Binaries, url, blobDir string) error) error {
	bins, err := pglocal.FindBinaries()
	if err != nil {
		return err
	}
	url, release, err := where.database(ctx, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return err
	}
	defer release()
	blobURL, err := where.blobStoreURL()
	if err != nil {
		return err
	}
	blobDir, err := persistence.BlobDir(blobURL)
	if err != nil {
		return err
	}
	return fn(bins, url, blobDir)
}
