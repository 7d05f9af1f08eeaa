package api_test

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/proper-id/proper/api"
)

func TestEveryAnswerCarriesTheSecurityHeaders(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for _, r := range []request{
		{method: http.MethodGet, path: "/healthz"},
		{method: http.MethodGet, path: "/v1/me", token: w.tokenOf(roleParticipant)},
		{method: http.MethodGet, path: "/v1/nowhere"},
	} {
		res := w.do(r)
		if res.header.Get("X-Content-Type-Options") != "nosniff" || res.header.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: headers %v", r.path, res.header)
		}
		if private := r.token != "" || strings.HasPrefix(r.path, "/v1/"); private != (res.header.Get("Cache-Control") == "no-store") {
			t.Errorf("%s: Cache-Control %q; answers of the API and to signed-in callers must not be stored", r.path, res.header.Get("Cache-Control"))
		}
	}
	if csp := w.get("/docs", "").header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("/docs CSP %q", csp)
	}
}

func TestPasswordsAndTokensNeverReachTheLog(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	var logs bytes.Buffer
	var mu sync.Mutex
	logged := slog.New(slog.NewJSONHandler(writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return logs.Write(p)
	}), &slog.HandlerOptions{Level: slog.LevelDebug}))
	server := newAppLogging(t, a.db, logged)
	u := signUp(t, a, "rahasia-sekali-123")
	res := expect(t, login(server, u.Email, "rahasia-sekali-123"), http.StatusOK)
	token := res.field(t, "token")
	expect(t, login(server, u.Email, "tebakan-salah-999"), http.StatusUnauthorized)
	expect(t, server.get("/v1/me?token="+token, token), http.StatusOK)
	mu.Lock()
	defer mu.Unlock()
	for _, secret := range []string{"rahasia-sekali-123", "tebakan-salah-999", token} {
		if strings.Contains(logs.String(), secret) {
			t.Fatalf("the log holds a secret %q:\n%s", secret, logs.String())
		}
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

var _ io.Writer = writerFunc(nil)

func TestCORSIsOffUnlessAnOriginIsAllowed(t *testing.T) {
	t.Parallel()
	preflight := func(h http.Handler, origin string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodOptions, "/v1/me", nil)
		r.Header.Set("Origin", origin)
		r.Header.Set("Access-Control-Request-Method", "GET")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec
	}
	closed := api.New(api.Deps{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}).Handler()
	if rec := preflight(closed, "https://evil.example"); rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Fatalf("CORS must be off by default: %v", rec.Header())
	}
	open := api.New(api.Deps{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), CORSOrigins: []string{"https://proper.bpsdm.jatimprov.go.id"}}).Handler()
	rec := preflight(open, "https://proper.bpsdm.jatimprov.go.id")
	if rec.Code != http.StatusNoContent || rec.Header().Get("Access-Control-Allow-Origin") != "https://proper.bpsdm.jatimprov.go.id" ||
		!strings.Contains(rec.Header().Get("Access-Control-Allow-Headers"), "Idempotency-Key") || rec.Header().Get("Access-Control-Allow-Credentials") != "" {
		t.Fatalf("an allowed origin's preflight: %d %v", rec.Code, rec.Header())
	}
	if rec := preflight(open, "https://evil.example"); rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Fatalf("an origin not listed got %v", rec.Header())
	}
}
