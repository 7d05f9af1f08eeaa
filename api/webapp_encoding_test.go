package api_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/proper-id/proper/api"
	"github.com/proper-id/proper/web"
)

// TestTheWebAppIsSentPrecompressed: a browser that accepts brotli gets the
// build's .br copy of a script or page, one that accepts only gzip the .gz
// copy, any other the file itself; each with its own Content-Type and
// Content-Length, Vary: Accept-Encoding, and the caching of before.
func TestTheWebAppIsSentPrecompressed(t *testing.T) {
	t.Parallel()
	const style = "body{margin:0}"
	page := "<!doctype html><style>" + style + "</style><div id=root>Proper</div>"
	script := strings.Repeat("console.log('Proper');", 100)
	app := fstest.MapFS{
		"index.html":                {Data: []byte(page)},
		"index.html.br":             {Data: []byte("page in brotli")},
		"index.html.gz":             {Data: []byte("page in gzip")},
		"assets/index-abc123.js":    {Data: []byte(script)},
		"assets/index-abc123.js.br": {Data: []byte("script in brotli")},
		"assets/index-abc123.js.gz": {Data: []byte("script in gzip")},
		"assets/logo-abc123.png":    {Data: []byte("\x89PNG")},
	}
	srv := httptest.NewServer(api.New(api.Deps{WebApp: app}).Handler())
	defer srv.Close()

	for _, c := range []struct{ accept, coding, body string }{
		{"gzip, deflate, br, zstd", "br", "script in brotli"}, // Chromium
		{"gzip, deflate", "gzip", "script in gzip"},
		{"br;q=0, gzip", "gzip", "script in gzip"},
		{"br;q=0.4, gzip;q=0.5", "gzip", "script in gzip"},
		{"br, gzip;q=0", "br", "script in brotli"},
		{"", "", script},
		{"identity", "", script},
		{"gzip;q=0", "", script},
	} {
		res, body := rawGet(t, srv.URL+"/assets/index-abc123.js", map[string]string{"Accept-Encoding": c.accept})
		h := res.Header
		if res.StatusCode != http.StatusOK || h.Get("Content-Encoding") != c.coding || string(body) != c.body {
			t.Errorf("script, Accept-Encoding %q: %d, Content-Encoding %q, %.20q; want %q, %.20q", c.accept, res.StatusCode, h.Get("Content-Encoding"), body, c.coding, c.body)
		}
		if h.Get("Content-Type") != "text/javascript; charset=utf-8" || h.Get("Content-Length") != strconv.Itoa(len(c.body)) ||
			h.Get("Cache-Control") != "public, max-age=31536000, immutable" || !varies(h) {
			t.Errorf("script, Accept-Encoding %q: Content-Type %q, Content-Length %q, Cache-Control %q, Vary %q", c.accept,
				h.Get("Content-Type"), h.Get("Content-Length"), h.Get("Cache-Control"), h.Values("Vary"))
		}
	}

	res, body := rawGet(t, srv.URL+"/assets/logo-abc123.png", map[string]string{"Accept-Encoding": "br, gzip"})
	if res.Header.Get("Content-Encoding") != "" || string(body) != "\x89PNG" {
		t.Errorf("a file without copies: Content-Encoding %q, %q", res.Header.Get("Content-Encoding"), body)
	}
	if res, _ := rawGet(t, srv.URL+"/assets/missing.js", map[string]string{"Accept-Encoding": "br"}); res.StatusCode != http.StatusNotFound {
		t.Errorf("a missing asset: %d, want 404", res.StatusCode)
	}

	sum := sha256.Sum256([]byte(style))
	hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	for _, c := range []struct{ accept, coding, body string }{
		{"gzip, deflate, br, zstd", "br", "page in brotli"},
		{"gzip", "gzip", "page in gzip"},
		{"", "", page},
	} {
		res, body := rawGet(t, srv.URL+"/masuk", map[string]string{"Accept": "text/html", "Accept-Encoding": c.accept})
		h := res.Header
		if res.StatusCode != http.StatusOK || h.Get("Content-Encoding") != c.coding || string(body) != c.body ||
			h.Get("Content-Type") != "text/html; charset=utf-8" || h.Get("Content-Length") != strconv.Itoa(len(c.body)) ||
			h.Get("Cache-Control") != "no-cache" || !varies(h) {
			t.Errorf("page, Accept-Encoding %q: %d, %q, %.20q, headers %v", c.accept, res.StatusCode, h.Get("Content-Encoding"), body, h)
		}
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "style-src 'self' "+hash) || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("page: Content-Security-Policy %q, want the inline style allowed by its hash %s", csp, hash)
		}
	}
}

// TestTheBuiltWebAppHasItsCompressedCopies: the committed build has a
// brotli and a gzip copy of its page, scripts and style sheets, and each
// gzip copy holds its file's very bytes.
func TestTheBuiltWebAppHasItsCompressedCopies(t *testing.T) {
	t.Parallel()
	dist := web.Assets()
	var checked int
	err := fs.WalkDir(dist, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(name, ".js") || strings.HasSuffix(name, ".css") || strings.HasSuffix(name, ".html")) {
			return err
		}
		original, err := fs.ReadFile(dist, name)
		if err != nil {
			return err
		}
		if len(original) < 1024 {
			return nil // a copy of a small file may not be smaller, and is then not written
		}
		checked++
		if _, err := fs.Stat(dist, name+".br"); err != nil {
			t.Errorf("%s has no brotli copy: %v", name, err)
		}
		gz, err := fs.ReadFile(dist, name+".gz")
		if err != nil {
			t.Errorf("%s has no gzip copy: %v", name, err)
			return nil
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Errorf("%s.gz: %v", name, err)
			return nil
		}
		if got, err := io.ReadAll(zr); err != nil || !bytes.Equal(got, original) {
			t.Errorf("%s.gz does not hold %s (%v)", name, name, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("the build has no page, script or style sheet to check")
	}
}
