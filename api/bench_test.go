package api_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/proper-id/proper/api"
)

// BenchmarkMiddlewareOverhead measures what every request pays for request
// ids, logging, metrics and panic recovery, on the cheapest operation.
func BenchmarkMiddlewareOverhead(b *testing.B) {
	handler := api.New(api.Deps{Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))}).Handler()
	req := httptest.NewRequest(http.MethodGet, "/healthz", nil)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}

// BenchmarkGetProject measures get-project through the whole stack (auth,
// policy, two queries, JSON) on a real database, for profiling.
func BenchmarkGetProject(b *testing.B) {
	w := newWorld(b)
	token := w.tokenOf(roleParticipant)
	handler := w.server.Config.Handler
	req := httptest.NewRequest(http.MethodGet, "/v1/projects/"+w.project().String(), nil)
	req.Header.Set("Authorization", "Bearer "+token)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code, rec.Body.String())
		}
	}
}
