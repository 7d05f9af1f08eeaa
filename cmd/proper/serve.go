package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"net/url"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/proper-id/proper/api"
	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/mail"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/web"
)

// serveGCPercent is the garbage collector's target proper serve runs with
// unless GOGC is set: the server's live heap is small (tens of MB), so
// letting it grow to three times that instead of twice halves the
// collector's work, about a tenth more requests a second on two cores
// (bench/main.go sets the same).
const serveGCPercent = 200

func runServe(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "serve", "serve [flags]")
	port := fs.Int("port", 8080, "TCP port to serve HTTP on (0: any free port)")
	sessionTTL := fs.Duration("session-ttl", domain.DefaultSessionTTL, "how long a sign-in lasts")
	maxEvidenceMB := fs.Int64("max-evidence-mb", domain.DefaultMaxEvidenceBytes>>20, "largest evidence file, in MiB")
	loadDemo := fs.Bool("demo", false, "load the demo cohort first, unless it is there already, and print its logins")
	uploadStall := fs.Duration("upload-stall", api.DefaultUploadPace.Window, "how long an evidence upload may take to send its next 32 KiB before it is cut off (408) and discarded")
	showcaseRate := fs.Int("showcase-rate", domain.DefaultShowcaseRate, "public showcase requests a minute allowed per client address, in each replica (0: no limit)")
	var proxies []netip.Prefix
	fs.Func("trusted-proxies", "comma-separated addresses or networks of the proxies in front of Proper, whose X-Forwarded-For names the client that rate limits count against (none by default)",
		func(s string) (err error) { proxies, err = api.ParseTrustedProxies(s); return err })
	corsOrigins := fs.String("cors-origins", "", "comma-separated web origins allowed to call the API from a browser (none by default)")
	smtpURL := fs.String("smtp-url", "", "send e-mail notifications and digests through this server: smtp://user:pass@host:587?from=noreply@example.go.id (smtps:// for TLS from the start); none without it")
	publicURL := fs.String("public-url", "", "the address people open Proper at (https://proper.bpsdm.example.go.id): e-mails then link straight to the page they are about")
	where := addStorageFlags(fs)
	where.addReplicaFlags(fs)
	where.supervise = true
	if err := parse(fs, env, args); err != nil {
		return err
	}
	if *uploadStall <= 0 {
		return fmt.Errorf("--upload-stall must be positive, not %s", *uploadStall)
	}
	if u, err := url.Parse(*publicURL); *publicURL != "" && (err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "") {
		return fmt.Errorf("--public-url must be an http or https address, not %q", *publicURL)
	}
	logger := slog.New(slog.NewJSONHandler(env.stderr, nil))
	begun := time.Now()
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
	}
	var sender *mail.Sender
	if *smtpURL != "" {
		var err error
		if sender, err = mail.ParseURL(*smtpURL); err != nil {
			return err
		}
	}

	st, closeStorage, err := where.open(ctx, logger)
	if err != nil {
		return err
	}
	defer closeStorage()
	services := st.services(serviceOptions{sessionTTL: *sessionTTL, maxEvidenceBytes: *maxEvidenceMB << 20, mail: sender != nil,
		publicURL: *publicURL, showcaseRate: *showcaseRate})
	if *loadDemo {
		if err := printDemo(ctx, env, services); err != nil {
			return err
		}
	}

	metrics := prometheus.NewRegistry()
	metrics.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewDBStatsCollector(st.db.DB, "proper"),
	)
	go keepHouse(ctx, st, logger)
	if sender != nil {
		worker := mail.NewWorker(domain.NewOutbox(persistence.NewStore(st.db), time.Now), services.FollowUps, sender, logger)
		metrics.MustRegister(worker.Collectors()...)
		go worker.Run(ctx)
		logger.Info("e-mail on", "smtp", sender.Address())
	}
	if st.replica != nil {
		go st.replica.Watch(ctx, time.Second)
		metrics.MustRegister(replicaMetrics(st.replica)...)
	}
	server := api.New(api.Deps{
		Logger:         logger,
		Ready:          func(ctx context.Context) error { return persistence.CheckReady(ctx, st.db) },
		Metrics:        metrics,
		Services:       services,
		CORSOrigins:    splitList(*corsOrigins),
		TrustedProxies: proxies,
		WebApp:         web.Assets(),
		UploadPace:     api.UploadPace{Bytes: api.DefaultUploadPace.Bytes, Window: *uploadStall},
		UploadDir:      st.uploads,
	})

	ln, err := net.Listen("tcp", fmt.Sprintf(":%d", *port))
	if err != nil {
		return err
	}
	base := fmt.Sprintf("http://localhost:%d", ln.Addr().(*net.TCPAddr).Port)
	logger.Info("ready", "api", base+"/v1", "docs", base+"/docs", "took", time.Since(begun).Round(time.Millisecond).String())
	fmt.Fprintf(env.stdout, "Proper is serving\n  API:  %s/v1\n  docs: %s/docs\n  spec: %s/openapi.yaml\n", base, base, base)
	return api.Serve(ctx, ln, server.Handler(), logger, api.DefaultTimeouts)
}

// splitList splits a comma-separated flag into its trimmed, non-empty parts.
func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSuffix(strings.TrimSpace(part), "/"); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// replicaMetrics expose whether reads go to the replica, its lag, and how
// many reads went where.
func replicaMetrics(r *persistence.Replica) []prometheus.Collector {
	healthy := func() float64 {
		if r.Healthy() {
			return 1
		}
		return 0
	}
	routed := func(toReplica bool) func() float64 {
		return func() float64 {
			replica, primary := r.Routed()
			if toReplica {
				return float64(replica)
			}
			return float64(primary)
		}
	}
	return []prometheus.Collector{
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "proper_replica_in_use", Help: "1 while heavy reads go to the read replica, 0 while they fall back to the primary."}, healthy),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "proper_replica_lag_seconds", Help: "How far behind the read replica was at its last check."},
			func() float64 { return r.Lag().Seconds() }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "proper_heavy_reads_total", Help: "Heavy reads sent to the replica or the primary.",
			ConstLabels: prometheus.Labels{"target": "replica"}}, routed(true)),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "proper_heavy_reads_total", Help: "Heavy reads sent to the replica or the primary.",
			ConstLabels: prometheus.Labels{"target": "primary"}}, routed(false)),
	}
}

// keepHouse runs persistence.Housekeeping, and removes the blob store's
// stale temporary files and abandoned resumable uploads, every hour until
// ctx ends.
func keepHouse(ctx context.Context, st *storage, logger *slog.Logger) {
	ticker := time.NewTicker(time.Hour)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			now := time.Now()
			deleted, err := persistence.Housekeeping(ctx, st.db, now)
			if err != nil {
				logger.Warn("housekeeping", "error", err)
				continue
			}
			if deleted["blob_temporary_files"], err = st.blobs.RemoveStaleTemporaryFiles(now); err != nil {
				logger.Warn("housekeeping", "error", err)
			}
			if deleted["abandoned_uploads"], err = persistence.RemoveAbandonedUploads(st.uploads, now); err != nil {
				logger.Warn("housekeeping", "error", err)
			}
			logger.Info("housekeeping", "deleted", deleted)
		}
	}
}
