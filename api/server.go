package api

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// maxHeaderBytes bounds a request's headers (431 beyond).
const maxHeaderBytes = 64 << 10

// Timeouts bound how long the HTTP server waits. Slow clients are cut off
// while sending headers (slowloris); bodies are bounded per operation, not
// here: JSON and CSV bodies by Huma's read timeout, evidence uploads by a
// minimum pace (Deps.UploadPace), so that large files on slow links still
// arrive while a stalled upload does not hold its connection for ever.
type Timeouts struct {
	// ReadHeader is how long a client has to send its request's headers.
	ReadHeader time.Duration
	// Idle is how long a keep-alive connection may wait for its next request.
	Idle time.Duration
	// Grace is how long in-flight requests may finish after shutdown begins.
	Grace time.Duration
}

// DefaultTimeouts suit clients on slow mobile networks.
var DefaultTimeouts = Timeouts{ReadHeader: 10 * time.Second, Idle: 2 * time.Minute, Grace: 20 * time.Second}

// Serve answers requests on ln with handler until ctx ends, then stops
// accepting, lets in-flight requests finish for at most the grace period,
// and returns.
func Serve(ctx context.Context, ln net.Listener, handler http.Handler, logger *slog.Logger, timeouts Timeouts) error {
	grace := timeouts.Grace
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: timeouts.ReadHeader,
		IdleTimeout:       timeouts.Idle,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down: finishing in-flight requests", "grace", grace.String())
	shutdownCtx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := srv.Shutdown(shutdownCtx)
	if errors.Is(err, context.DeadlineExceeded) {
		logger.Warn("grace period over: closing remaining connections")
		err = srv.Close()
	}
	if serveErr := <-served; !errors.Is(serveErr, http.ErrServerClosed) {
		return serveErr
	}
	return err
}
