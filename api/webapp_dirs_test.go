package api_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/proper-id/proper/api"
	"github.com/proper-id/proper/web"
)

// TestTheWebAppsFoldersAreNotListed: /assets/ serves the app's files and
// nothing else. A folder, with or without its slash, answers 404 instead of
// a listing of the files in it (or of an index.html it holds).
func TestTheWebAppsFoldersAreNotListed(t *testing.T) {
	t.Parallel()
	for name, app := range map[string]api.Deps{
		"the built web app": {WebApp: web.Assets()},
		"nested folders": {WebApp: fstest.MapFS{
			"index.html":                {Data: []byte("<!doctype html><title>Proper</title>")},
			"assets/index-abc123.js":    {Data: []byte("console.log(1)")},
			"assets/fonts/inter.woff2":  {Data: []byte("wOF2")},
			"assets/pages/index.html":   {Data: []byte("<!doctype html><title>a folder's index</title>")},
			"assets/pages/page-a1b2.js": {Data: []byte("console.log(2)")},
		}},
	} {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(api.New(app).Handler())
			defer srv.Close()
			client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			for _, path := range []string{"/assets/", "/assets/fonts/", "/assets/fonts", "/assets/pages/", "/assets/pages"} {
				for _, accept := range []string{"*/*", "text/html"} {
					req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
					req.Header.Set("Accept", accept)
					res, err := client.Do(req)
					if err != nil {
						t.Fatal(err)
					}
					body, _ := io.ReadAll(res.Body)
					res.Body.Close()
					if res.StatusCode != http.StatusNotFound || strings.Contains(string(body), "<a href") || strings.Contains(string(body), ".js") {
						t.Errorf("GET %s (Accept %s): %d, want 404 without a listing: %.200s", path, accept, res.StatusCode, body)
					}
				}
			}
			if name == "nested folders" {
				for _, path := range []string{"/assets/index-abc123.js", "/assets/fonts/inter.woff2", "/assets/pages/page-a1b2.js"} {
					res, err := client.Get(srv.URL + path)
					if err != nil {
						t.Fatal(err)
					}
					res.Body.Close()
					if res.StatusCode != http.StatusOK {
						t.Errorf("GET %s: %d, want the file", path, res.StatusCode)
					}
				}
			}
		})
	}
}
