package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/netip"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/proper-id/proper/domain"
)

// requestIDHeader carries the id that ties a request to its log lines. A
// client or proxy may send one; Proper makes one up otherwise.
const requestIDHeader = "X-Request-Id"

// maxRequestIDLength bounds a client-sent request id so logs stay tidy.
const maxRequestIDLength = 128

// requestInfo is what the middleware learns about a request as it passes
// through the layers; it lives in the request's context.
type requestInfo struct {
	id       string
	url      *url.URL
	remoteIP string
	// request is the request itself, for handlers that stream its body.
	request   *http.Request
	operation string
	logger    *slog.Logger
}

type requestInfoKey struct{}

func infoOf(ctx context.Context) *requestInfo {
	info, _ := ctx.Value(requestInfoKey{}).(*requestInfo)
	return info
}

// requestID returns the id of the request ctx belongs to, or "-".
func requestID(ctx context.Context) string {
	if info := infoOf(ctx); info != nil {
		return info.id
	}
	return "-"
}

// logUnexpected logs an error that the client is not shown.
func logUnexpected(ctx context.Context, msg string, err error) {
	logger := slog.Default()
	if info := infoOf(ctx); info != nil {
		logger = info.logger
	}
	logger.ErrorContext(ctx, msg, "request_id", requestID(ctx), "error", err)
}

// observe gives each request an id, logs it as one JSON line when it ends,
// and counts it in the metrics by operation and status.
func observe(logger *slog.Logger, metrics *requestMetrics, trustedProxies []netip.Prefix, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		begun := time.Now()
		info := &requestInfo{id: clientRequestID(r), url: r.URL, remoteIP: clientIP(r, trustedProxies), request: r, logger: logger}
		w.Header().Set(requestIDHeader, info.id)
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), requestInfoKey{}, info)))

		elapsed := time.Since(begun)
		status := rec.status
		if status == 0 {
			status = http.StatusOK
		}
		operation := info.operation
		if operation == "" {
			operation = "unmatched"
		}
		metrics.observe(operation, status, elapsed)
		logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("request_id", info.id),
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.String("operation", operation),
			slog.Int("status", status),
			slog.Int64("bytes", rec.bytes),
			slog.Float64("duration_ms", float64(elapsed.Microseconds())/1000),
		)
	})
}

// clientRequestID honours a sensible X-Request-Id and makes one up otherwise.
func clientRequestID(r *http.Request) string {
	if id := r.Header.Get(requestIDHeader); id != "" && len(id) <= maxRequestIDLength && printable(id) {
		return id
	}
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func printable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// nameOperation tells observe which Huma operation serves the request.
func nameOperation(ctx huma.Context, next func(huma.Context)) {
	if info := infoOf(ctx.Context()); info != nil {
		info.operation = ctx.Operation().OperationID
	}
	next(ctx)
}

// named labels requests served outside Huma (docs, metrics) for logs and
// metrics, as nameOperation does for Huma's operations.
func named(operation string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if info := infoOf(r.Context()); info != nil {
			info.operation = operation
		}
		next.ServeHTTP(w, r)
	})
}

// secureHeaders sets the headers every answer carries: no content-type
// sniffing, no referrer leaking ids to other sites, and no caching of the
// API's answers or of any answer given to a signed-in caller.
//
// Every answer of /v1 is no-store, signed in or not, successful or not:
// tokens (login, activate-account) and one-time codes (create-user,
// issue-activation, import-roster) travel in answers to callers who may not
// be signed in yet, and one rule for the whole API cannot miss the next
// such operation. An operation whose answer is public says so itself and
// replaces the header (the showcase: public, max-age=60). Outside /v1 the
// web app's assets and pages, the docs and the spec may be cached.
func secureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if r.Header.Get("Authorization") != "" || isAPIPath(r.URL.Path) {
			h.Set("Cache-Control", "no-store")
		}
		next.ServeHTTP(w, r)
	})
}

// isAPIPath reports whether path belongs to the API (/v1).
func isAPIPath(path string) bool {
	return path == "/v1" || strings.HasPrefix(path, "/v1/")
}

// recoverPanics turns a panic in a handler into a 500 problem, logged with
// its stack and the request id, so one bad request never kills the process.
func recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			ctx := r.Context()
			info := infoOf(ctx)
			if info != nil {
				info.logger.ErrorContext(ctx, "panic", "request_id", info.id, "panic", v, "stack", string(debug.Stack()))
			}
			if rec, ok := w.(*statusRecorder); ok && rec.status != 0 {
				return // the answer has begun; nothing more can be said
			}
			writeProblem(w, internalProblem(ctx, languageOfHeader(r.Header.Get("Accept-Language"))))
		}()
		next.ServeHTTP(w, r)
	})
}

// unmatched answers requests that no route serves: a page of the web app
// when a browser asks for one, else 405 with Allow when the path exists for
// other methods, else 404, both as problems.
func unmatched(mux *http.ServeMux, app *webApp) http.Handler {
	methods := []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if app != nil && app.wantsPage(r) {
			app.servePage(w, r)
			return
		}
		var allowed []string
		for _, m := range methods {
			probe := r.Clone(r.Context())
			probe.Method = m
			if _, pattern := mux.Handler(probe); pattern != "" && pattern != "/" {
				allowed = append(allowed, m)
			}
		}
		if len(allowed) > 0 {
			w.Header().Set("Allow", strings.Join(allowed, ", "))
			writeProblem(w, problem(http.StatusMethodNotAllowed, domain.CodeMethodNotAllowed, languageOfHeader(r.Header.Get("Accept-Language")),
				domain.Params{"method": r.Method, "path": r.URL.Path}))
			return
		}
		writeProblem(w, problem(http.StatusNotFound, domain.CodeNoResource, languageOfHeader(r.Header.Get("Accept-Language")),
			domain.Params{"path": r.URL.Path}))
	})
}

// writeProblem writes a problem outside Huma (for routes it does not own).
func writeProblem(w http.ResponseWriter, p *ErrorModel) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(p.Status)
	json.NewEncoder(w).Encode(p)
}

// statusRecorder remembers the status and size of a response.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *statusRecorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection (deadlines,
// flushing) through the recorder.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
