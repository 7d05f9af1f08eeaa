package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/api"
	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
)

// shutdownGrace bounds how long in-flight requests may run after SIGTERM.
const shutdownGrace = 20 * time.Second

func runServe(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "serve", "serve [flags]")
	port := fs.Int("port", 8080, "TCP port to serve HTTP on (env PROPER_PORT)")
	sessionTTL := fs.Duration("session-ttl", domain.DefaultSessionTTL, "how long a sign-in lasts (env PROPER_SESSION_TTL)")
	blobURL := fs.String("blob-url", env.getenv("PROPER_BLOB_URL"),
		"where evidence files go: file:///folder or s3://bucket?endpoint=…&region=… (default: <data-dir>/blobs; env PROPER_BLOB_URL)")
	maxEvidenceMB := fs.Int64("max-evidence-mb", domain.DefaultMaxEvidenceBytes>>20, "largest evidence file in MiB (env PROPER_MAX_EVIDENCE_MB)")
	db := addDatabaseFlags(fs, env)
	if v := env.getenv("PROPER_MAX_EVIDENCE_MB"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return fmt.Errorf("PROPER_MAX_EVIDENCE_MB=%q is not a positive number", v)
		}
		*maxEvidenceMB = n
	}
	if v := env.getenv("PROPER_SESSION_TTL"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			return fmt.Errorf("PROPER_SESSION_TTL=%q is not a duration such as 12h", v)
		}
		*sessionTTL = d
	}
	if p := env.getenv("PROPER_PORT"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil {
			return fmt.Errorf("PROPER_PORT=%q is not a port number", p)
		}
		*port = n
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	logger := slog.New(slog.NewJSONHandler(env.stderr, nil))
	begun := time.Now()

	conn, closeDB, err := db.open(ctx, logger)
	if err != nil {
		return err
	}
	defer closeDB()
	applied, err := persistence.NewMigrator(conn).Up(ctx)
	if err != nil {
		return err
	}
	for _, m := range applied {
		logger.Info("applied migration", "version", m.Version, "name", m.Name)
	}

	metrics := prometheus.NewRegistry()
	metrics.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewDBStatsCollector(conn.DB, "proper"),
	)
	if *blobURL == "" {
		if *blobURL, err = persistence.LocalBlobURL(db.dataDir); err != nil {
			return err
		}
	}
	blobs, err := persistence.OpenBlobStore(ctx, *blobURL)
	if err != nil {
		return fmt.Errorf("open blob store %s: %w", *blobURL, err)
	}
	defer blobs.Close()

	idempotency := persistence.NewIdempotencyStore(conn)
	go purgeIdempotencyKeys(ctx, idempotency, logger)
	server := api.New(api.Deps{
		Logger:   logger,
		Ready:    func(ctx context.Context) error { return persistence.CheckReady(ctx, conn) },
		Metrics:  metrics,
		Services: services(conn, blobs, *sessionTTL, *maxEvidenceMB<<20, idempotency),
	})

	ln, err := net.Listen("tcp", fmt.Sprintf(":%d", *port))
	if err != nil {
		return err
	}
	base := fmt.Sprintf("http://localhost:%d", ln.Addr().(*net.TCPAddr).Port)
	logger.Info("ready", "api", base+"/v1", "docs", base+"/docs", "took", time.Since(begun).Round(time.Millisecond).String())
	fmt.Fprintf(env.stdout, "Proper is serving\n  API:  %s/v1\n  docs: %s/docs\n  spec: %s/openapi.yaml\n", base, base, base)
	return api.Serve(ctx, ln, server.Handler(), logger, shutdownGrace)
}

// services wires the domain services to the database and the blob store.
func services(conn *bun.DB, blobs domain.BlobStore, sessionTTL time.Duration, maxEvidenceBytes int64, idempotency domain.IdempotencyStore) *api.Services {
	store := persistence.NewStore(conn)
	projects := domain.NewProjects(store, blobs, time.Now)
	projects.MaxEvidenceBytes = maxEvidenceBytes
	return &api.Services{
		Projects:    projects,
		Accounts:    domain.NewAccounts(store, time.Now, sessionTTL),
		Directory:   domain.NewDirectory(store, time.Now),
		Cohorts:     domain.NewCohorts(store, time.Now),
		Idempotency: idempotency,
		Now:         time.Now,
	}
}

// purgeIdempotencyKeys deletes expired idempotency keys every hour until ctx
// ends. Every replica does it; the deletes are harmless when they overlap.
func purgeIdempotencyKeys(ctx context.Context, store *persistence.IdempotencyStore, logger *slog.Logger) {
	ticker := time.NewTicker(time.Hour)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			if n, err := store.Purge(ctx, time.Now()); err != nil {
				logger.Warn("purge idempotency keys", "error", err)
			} else if n > 0 {
				logger.Info("purged idempotency keys", "count", n)
			}
		}
	}
}
