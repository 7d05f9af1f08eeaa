package api_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"
)

// TestWhileTheDatabaseIsDownAnswersSay503AndWhenToRetry: with PostgreSQL
// stopped, every request that needs it answers 503 with a Retry-After of a
// few seconds, public or signed in. A signed-in caller is not told that
// their token is bad (401 with WWW-Authenticate, which makes clients throw
// the token away and sign out): their session could not be looked up.
func TestWhileTheDatabaseIsDownAnswersSay503AndWhenToRetry(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cluster, a, token := appOnOwnCluster(t)
	expect(t, a.get("/v1/me", token), http.StatusOK) // the pool holds a connection that the stop breaks

	if err := cluster.StopServer(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cluster.StartServer(context.Background()) })
	client := &http.Client{Transport: a.server.Client().Transport, Timeout: 30 * time.Second}
	for _, r := range []request{
		{method: http.MethodGet, path: "/v1/me", token: token},
		{method: http.MethodGet, path: "/v1/agencies", token: token},
		{method: http.MethodPost, path: "/v1/agencies", token: token, body: map[string]string{"name": "Pemerintah Kota Batam"}},
		{method: http.MethodPost, path: "/v1/auth/login", body: map[string]string{"email": "admin@lan.go.id", "password": "admin-password-123"}},
		{method: http.MethodGet, path: "/v1/showcase"},
		{method: http.MethodGet, path: "/readyz"},
	} {
		for try := 1; try <= 2; try++ { // the first meets a broken connection, the next cannot connect
			res := a.doWith(client, r)
			retryAfter, err := strconv.Atoi(res.header.Get("Retry-After"))
			if res.status != http.StatusServiceUnavailable || err != nil || retryAfter < 1 || retryAfter > 60 {
				t.Errorf("%s %s (try %d): %d with Retry-After %q, want 503 with Retry-After of a few seconds: %s",
					r.method, r.path, try, res.status, res.header.Get("Retry-After"), res.body)
			}
			if h := res.header.Get("WWW-Authenticate"); h != "" {
				t.Errorf("%s %s (try %d): WWW-Authenticate %q: the token is not at fault", r.method, r.path, try, h)
			}
		}
	}
}
