package api_test

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/proper-id/proper/api"
	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
)

func TestShowcaseCallersAreRateLimitedPerAddress(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	pub := w.published(t)
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	limited := api.New(api.Deps{Services: &api.Services{
		Services:    domain.NewServices(persistence.NewStore(w.db), newBlobs(t, w.blobDir), clock, domain.Options{ShowcaseRate: domain.PerMinute(3)}),
		Idempotency: persistence.NewIdempotencyStore(w.db), Now: time.Now,
	}})
	server := serve(t, limited.Handler())
	get := func(path string) *http.Response {
		t.Helper()
		res, err := server.Client().Get(server.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	entry := "/v1/showcase/" + pub.ID.String()
	// Search, entries and public files share one allowance per address.
	for _, path := range []string{"/v1/showcase?q=antrean", entry, entry + "/evidence/" + w.fileEvidence.ID.String() + "/content"} {
		if res := get(path); res.StatusCode != http.StatusOK {
			t.Fatalf("%s answered %d within the limit", path, res.StatusCode)
		}
	}
	res := get(entry)
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") != "20" || res.Header.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("over the limit: %d, Retry-After %q, %s", res.StatusCode, res.Header.Get("Retry-After"), res.Header.Get("Content-Type"))
	}
	// Signed-in operations are not counted against it.
	if res := get("/v1/me"); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("get-me answered %d", res.StatusCode)
	}
	mu.Lock()
	now = now.Add(20 * time.Second)
	mu.Unlock()
	if res := get("/v1/showcase"); res.StatusCode != http.StatusOK {
		t.Errorf("20 s later: %d", res.StatusCode)
	}
	if res := get("/v1/showcase"); res.StatusCode != http.StatusTooManyRequests {
		t.Errorf("again at once: %d", res.StatusCode)
	}
}

func TestClientsBehindTrustedProxiesAreToldApartByXForwardedFor(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	store := persistence.NewStore(w.db)
	serve := func(trusted string) *httptest.Server {
		proxies, err := api.ParseTrustedProxies(trusted)
		if err != nil {
			t.Fatal(err)
		}
		return serve(t, api.New(api.Deps{TrustedProxies: proxies, Services: &api.Services{
			Services: domain.NewServices(store, newBlobs(t, w.blobDir), time.Now, domain.Options{ShowcaseRate: domain.PerMinute(1)}),
		}}).Handler())
	}
	search := func(s *httptest.Server, forwardedFor string) int {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, s.URL+"/v1/showcase", nil)
		if forwardedFor != "" {
			req.Header.Set("X-Forwarded-For", forwardedFor)
		}
		res, err := s.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	behindProxy := serve("127.0.0.0/8, ::1")
	for i, c := range []struct {
		forwardedFor string
		want         int
	}{
		{"203.0.113.5", http.StatusOK},
		{"203.0.113.5", http.StatusTooManyRequests},
		{"203.0.113.6", http.StatusOK},
		// A client cannot escape by adding addresses of its own on the left.
		{"198.51.100.1, 203.0.113.5", http.StatusTooManyRequests},
		// Trusted hops on the right are skipped.
		{"203.0.113.7, 127.0.0.2", http.StatusOK},
	} {
		if got := search(behindProxy, c.forwardedFor); got != c.want {
			t.Errorf("request %d from %s: %d, want %d", i+1, c.forwardedFor, got, c.want)
		}
	}
	direct := serve("")
	if search(direct, "203.0.113.8") != http.StatusOK || search(direct, "203.0.113.9") != http.StatusTooManyRequests {
		t.Error("X-Forwarded-For is believed without a trusted proxy")
	}
	if _, err := api.ParseTrustedProxies("10.0.0.0/8, proxy.example"); err == nil {
		t.Error("a host name is accepted as a trusted proxy")
	}
}
