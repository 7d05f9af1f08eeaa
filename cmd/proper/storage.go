package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"time"

	"github.com/uptrace/bun"

	"github.com/proper-id/proper/api"
	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pglocal"
)

// defaultDataDir is where Proper keeps its private PostgreSQL cluster and
// evidence files when no other folder is given.
const defaultDataDir = ".proper"

// storageFlags say where the data lives: the database and the blob store.
type storageFlags struct {
	databaseURL string
	dataDir     string
	blobURL     string
	// pool sizes the connection pools (the primary's and the replica's).
	pool persistence.PoolOptions
	// replicaURL and replicaMaxLag are set by serve only (addReplicaFlags).
	replicaURL    string
	replicaMaxLag time.Duration
	// supervise restarts the private PostgreSQL when it stops while this
	// process uses it: set by serve, which runs for long.
	supervise bool
}

func addStorageFlags(fs *flag.FlagSet) *storageFlags {
	f := &storageFlags{pool: persistence.DefaultPoolOptions}
	fs.StringVar(&f.databaseURL, "database-url", "", "PostgreSQL URL to use instead of the private cluster")
	fs.StringVar(&f.dataDir, "data-dir", defaultDataDir, "folder of the private PostgreSQL cluster (used when no database URL is set) and, by default, of evidence files")
	fs.StringVar(&f.blobURL, "blob-url", "", "where evidence files go: file:///folder or s3://bucket?endpoint=…&region=… (default: <data-dir>/blobs)")
	fs.IntVar(&f.pool.MaxOpen, "db-max-connections", f.pool.MaxOpen, "the most connections this process opens to the database (and as many to the replica); default: 4 per core")
	return f
}

// database returns the URL of the configured database: the given one, or
// the private cluster's in the data folder, started or attached to. release
// stops the cluster when this was its last user.
func (f *storageFlags) database(ctx context.Context, logger *slog.Logger) (url string, release func(), err error) {
	if f.databaseURL != "" {
		return f.databaseURL, func() {}, nil
	}
	opts := pglocal.Options{Dir: f.dataDir, Logger: logger}
	if f.supervise {
		opts.Supervise = &pglocal.DefaultSupervision
	}
	cluster, err := pglocal.Start(ctx, opts)
	if err != nil {
		return "", nil, err
	}
	return cluster.URL(pglocal.DefaultDatabase), func() {
		if err := cluster.Close(); err != nil {
			logger.Error("stop private PostgreSQL", "error", err)
		}
	}, nil
}

// blobStoreURL returns the configured blob store's URL.
func (f *storageFlags) blobStoreURL() (string, error) {
	if f.blobURL != "" {
		return f.blobURL, nil
	}
	return persistence.LocalBlobURL(f.dataDir)
}

// addReplicaFlags adds the read replica's flags (serve only).
func (f *storageFlags) addReplicaFlags(fs *flag.FlagSet) {
	fs.StringVar(&f.replicaURL, "replica-database-url", "", "a streaming replica of the database for heavy reads (progress, exports, searches, queues)")
	fs.DurationVar(&f.replicaMaxLag, "replica-max-lag", 5*time.Second, "how far behind the replica may be before reads go back to the primary")
}

// openDatabase connects to the configured database (see database); close
// releases it.
func (f *storageFlags) openDatabase(ctx context.Context, logger *slog.Logger) (db *bun.DB, close func(), err error) {
	if f.pool.MaxOpen < 1 {
		return nil, nil, fmt.Errorf("--db-max-connections must be at least 1, not %d", f.pool.MaxOpen)
	}
	url, release, err := f.database(ctx, logger)
	if err != nil {
		return nil, nil, err
	}
	db, err = persistence.Open(url, f.pool)
	if err != nil {
		release()
		return nil, nil, fmt.Errorf("open database: %w", err)
	}
	return db, func() { db.Close(); release() }, nil
}

// storage is an open database, migrated, and blob store, with a read
// replica when one is configured.
type storage struct {
	db      *bun.DB
	blobs   *persistence.BlobStore
	replica *persistence.Replica
	// uploads is the folder of resumable uploads in progress.
	uploads string
}

// open opens the database, applies pending migrations, and opens the blob
// store. close releases both.
func (f *storageFlags) open(ctx context.Context, logger *slog.Logger) (*storage, func(), error) {
	db, closeDB, err := f.openDatabase(ctx, logger)
	if err != nil {
		return nil, nil, err
	}
	applied, err := persistence.NewMigrator(db).Up(ctx)
	if err != nil {
		closeDB()
		return nil, nil, err
	}
	for _, m := range applied {
		logger.Info("applied migration", "version", m.Version, "name", m.Name)
	}
	url, err := f.blobStoreURL()
	if err != nil {
		closeDB()
		return nil, nil, err
	}
	blobs, err := persistence.OpenBlobStore(ctx, url)
	if err != nil {
		closeDB()
		return nil, nil, fmt.Errorf("open blob store %s: %w", url, err)
	}
	uploads, err := persistence.PartialUploadDir(url, f.dataDir)
	if err != nil {
		blobs.Close()
		closeDB()
		return nil, nil, fmt.Errorf("folder of resumable uploads: %w", err)
	}
	st := &storage{db: db, blobs: blobs, uploads: uploads}
	closeAll := func() { blobs.Close(); closeDB() }
	if f.replicaURL != "" {
		replicaDB, err := persistence.Open(f.replicaURL, f.pool)
		if err != nil {
			closeAll()
			return nil, nil, fmt.Errorf("open the replica: %w", err)
		}
		st.replica = persistence.NewReplica(db, replicaDB, f.replicaMaxLag)
		closeAll = func() { replicaDB.Close(); blobs.Close(); closeDB() }
	}
	return st, closeAll, nil
}

// serviceOptions tune the domain services.
type serviceOptions struct {
	sessionTTL       time.Duration
	maxEvidenceBytes int64
	// mail queues e-mail notifications (an SMTP server is configured).
	mail bool
	// publicURL is where people open the web app, for links in e-mails.
	publicURL string
	// showcaseRate is how many showcase requests a minute one client
	// address may make; 0 allows any number.
	showcaseRate int
}

// services wires the domain services to the storage.
func (s *storage) services(opts serviceOptions) *api.Services {
	store := persistence.NewStore(s.db)
	if s.replica != nil {
		store = store.WithReplica(s.replica)
	}
	return &api.Services{
		Services: domain.NewServices(store, s.blobs, time.Now, domain.Options{SessionTTL: opts.sessionTTL, MaxEvidenceBytes: opts.maxEvidenceBytes,
			Mail: opts.mail, PublicURL: opts.publicURL, ShowcaseRate: domain.PerMinute(opts.showcaseRate)}),
		Idempotency: persistence.NewIdempotencyStore(s.db),
		Now:         time.Now,
	}
}
