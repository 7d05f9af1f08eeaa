package api

import (
	"bytes"
	"io/fs"
	"net/http"
	"strings"
	"time"
)

// webAppPolicy lets the web app load only its own scripts and styles, call
// only this origin, and show evidence it fetched (blob: URLs) inline.
var webAppPolicy = strings.Join([]string{
	"default-src 'none'",
	"base-uri 'none'",
	"connect-src 'self'",
	"form-action 'self'",
	"frame-ancestors 'none'",
	"frame-src blob:",
	"img-src 'self' blob: data:",
	"manifest-src 'self'",
	"script-src 'self'",
	"style-src 'self'",
}, "; ")

// webApp serves the single-page web app: its hashed assets under /assets/,
// and index.html for any page a browser asks for (a GET for text/html that
// is not an API path), so that /proyek/… can be reloaded and bookmarked.
type webApp struct {
	assets http.Handler
	index  []byte
}

func newWebApp(fsys fs.FS) (*webApp, error) {
	index, err := fs.ReadFile(fsys, "index.html")
	if err != nil {
		return nil, err
	}
	return &webApp{assets: http.FileServerFS(filesOnly{fsys}), index: index}, nil
}

// filesOnly is the web app's files without their folders: opening a folder
// fails as if it did not exist, so that the file server answers 404 for
// /assets/ and its subfolders instead of listing them (or serving an
// index.html they hold).
type filesOnly struct{ fsys fs.FS }

func (f filesOnly) Open(name string) (fs.File, error) {
	file, err := f.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	info, err := file.Stat()
	if err != nil || info.IsDir() {
		file.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return file, nil
}

// register adds the asset route to mux; pages are answered by wantsPage.
func (a *webApp) register(mux *http.ServeMux) {
	mux.Handle("GET /assets/", named("web-assets", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// File names carry a hash of their content: cache them for good.
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		a.assets.ServeHTTP(w, r)
	})))
}

// wantsPage reports whether r is a browser asking for a page of the app.
func (a *webApp) wantsPage(r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	if r.URL.Path == "/" {
		return true
	}
	if isAPIPath(r.URL.Path) {
		return false
	}
	return strings.Contains(r.Header.Get("Accept"), "text/html")
}

// servePage answers index.html, revalidated on every load so a new release
// is picked up at once.
func (a *webApp) servePage(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", webAppPolicy)
	h.Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "index.html", time.Time{}, bytes.NewReader(a.index))
}
