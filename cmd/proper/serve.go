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

	"github.com/proper-id/proper/api"
	"github.com/proper-id/proper/persistence"
)

// shutdownGrace bounds how long in-flight requests may run after SIGTERM.
const shutdownGrace = 20 * time.Second

func runServe(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "serve", "serve [flags]")
	port := fs.Int("port", 8080, "TCP port to serve HTTP on (env PROPER_PORT)")
	db := addDatabaseFlags(fs, env)
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
	server := api.New(api.Deps{
		Logger:  logger,
		Ready:   func(ctx context.Context) error { return persistence.CheckReady(ctx, conn) },
		Metrics: metrics,
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
