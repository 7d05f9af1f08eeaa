package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"

	"github.com/uptrace/bun"

	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pglocal"
)

// defaultDataDir is where Proper keeps its private PostgreSQL cluster (and,
// later, evidence files) when no other folder is given.
const defaultDataDir = ".proper"

// databaseFlags are the flags of every subcommand that needs the database.
type databaseFlags struct {
	url     string
	dataDir string
}

func addDatabaseFlags(fs *flag.FlagSet, env *environment) *databaseFlags {
	f := &databaseFlags{}
	fs.StringVar(&f.url, "database-url", env.getenv("PROPER_DATABASE_URL"),
		"PostgreSQL URL to use instead of the private cluster (env PROPER_DATABASE_URL)")
	fs.StringVar(&f.dataDir, "data-dir", envOr(env, "PROPER_DATA_DIR", defaultDataDir),
		"folder for the private PostgreSQL cluster, used when no database URL is set (env PROPER_DATA_DIR)")
	return f
}

// open connects to the configured database: the given URL, or the private
// cluster in the data folder, started or attached to. close releases it
// and stops the cluster when this was its last user.
func (f *databaseFlags) open(ctx context.Context, logger *slog.Logger) (db *bun.DB, close func(), err error) {
	url := f.url
	release := func() {}
	if url == "" {
		cluster, err := pglocal.Start(ctx, pglocal.Options{Dir: f.dataDir, Logger: logger})
		if err != nil {
			return nil, nil, err
		}
		url = cluster.URL(pglocal.DefaultDatabase)
		release = func() {
			if err := cluster.Close(); err != nil {
				logger.Error("stop private PostgreSQL", "error", err)
			}
		}
	}
	db, err = persistence.Open(url, persistence.DefaultPoolOptions)
	if err != nil {
		release()
		return nil, nil, fmt.Errorf("open database: %w", err)
	}
	return db, func() { db.Close(); release() }, nil
}
