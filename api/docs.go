package api

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

// docsAssets are Stoplight Elements 9.0.15 (npm @stoplight/elements, Apache
// 2.0), served by the binary itself so /docs works without internet.
//
//go:embed docsassets
var docsAssets embed.FS

const docsPage = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="referrer" content="no-referrer">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Proper API Reference</title>
    <link rel="stylesheet" href="/docs/assets/styles.min.css">
    <script src="/docs/assets/web-components.min.js"></script>
  </head>
  <body style="height: 100vh;">
    <elements-api apiDescriptionUrl="/openapi.yaml" router="hash" layout="sidebar" tryItCredentialsPolicy="same-origin"></elements-api>
  </body>
</html>
`

var docsPolicy = strings.Join([]string{
	"default-src 'none'",
	"base-uri 'none'",
	"connect-src 'self'",
	"form-action 'none'",
	"frame-ancestors 'none'",
	"img-src 'self' data:",
	"font-src 'self' data:",
	"script-src 'self'",
	"style-src 'self' 'unsafe-inline'",
}, "; ")

// registerDocs serves the API reference at /docs and its assets.
func registerDocs(mux *http.ServeMux) {
	mux.Handle("GET /docs", named("docs", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", docsPolicy)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(docsPage))
	})))
	assets := http.StripPrefix("/docs/assets/", http.FileServerFS(mustSub(docsAssets, "docsassets")))
	mux.Handle("GET /docs/assets/", named("docs-assets", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		assets.ServeHTTP(w, r)
	})))
}

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err)
	}
	return sub
}
