package api_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/proper-id/proper/api"
)

// TestWebAppPagesAndAssets: browsers get index.html for the app's pages
// (so deep links and reloads work) with a strict CSP; hashed assets are
// cached for good; API paths and non-browser callers still get problems.
func TestWebAppPagesAndAssets(t *testing.T) {
	t.Parallel()
	app := fstest.MapFS{
		"index.html":             {Data: []byte("<!doctype html><title>Proper</title>")},
		"assets/index-abc123.js": {Data: []byte("console.log(1)")},
	}
	srv := httptest.NewServer(api.New(api.Deps{WebApp: app}).Handler())
	defer srv.Close()

	get := func(path, accept string) *http.Response {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	const browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

	for _, path := range []string{"/", "/masuk", "/proyek/0b7e0c3a-56a4-4f0e-9f55-2b1d5d9c0f10", "/angkatan/x/kelola?group=1"} {
		res := get(path, browser)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			t.Errorf("GET %s from a browser: %d %s, want the app's index.html", path, res.StatusCode, res.Header.Get("Content-Type"))
		}
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("GET %s: Content-Security-Policy %q", path, csp)
		}
		if cc := res.Header.Get("Cache-Control"); cc != "no-cache" {
			t.Errorf("GET %s: Cache-Control %q, want no-cache so a new release shows at once", path, cc)
		}
	}
	if res := get("/", ""); res.StatusCode != http.StatusOK {
		t.Errorf("GET / without Accept: %d, want the app", res.StatusCode)
	}

	res := get("/assets/index-abc123.js", "*/*")
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("asset: %d, Cache-Control %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}

	for _, c := range []struct{ path, accept string }{
		{"/v1/nothing-here", browser},     // an API path stays an API path
		{"/proyek/x", "application/json"}, // API clients get problems, not HTML
		{"/assets/missing.js", browser},   // a missing asset is missing
	} {
		res := get(c.path, c.accept)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s (Accept %s): %d, want 404", c.path, c.accept, res.StatusCode)
		}
	}
	if res := get("/v1/nothing-here", browser); res.Header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("unknown API path: Content-Type %q, want a problem", res.Header.Get("Content-Type"))
	}
}

// TestWithoutTheWebAppTheRootIsAProblem: an API-only server (no WebApp)
// answers / with a 404 problem, as before the web app existed.
func TestWithoutTheWebAppTheRootIsAProblem(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(api.New(api.Deps{}).Handler())
	defer srv.Close()
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/", nil)
	req.Header.Set("Accept", "text/html")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound || res.Header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("GET /: %d %s, want a 404 problem", res.StatusCode, res.Header.Get("Content-Type"))
	}
}
