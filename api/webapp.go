package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

// webAppPolicy lets the web app load only its own scripts and styles (and
// the inline style blocks of index.html named by their hashes, which paint
// the shell before the style sheet arrives), call only this origin, and show
// evidence it fetched (blob: URLs) inline.
func webAppPolicy(styleHashes []string) string {
	styles := "style-src 'self'"
	for _, h := range styleHashes {
		styles += " '" + h + "'"
	}
	return strings.Join([]string{
		"default-src 'none'",
		"base-uri 'none'",
		"connect-src 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'",
		"frame-src blob:",
		"img-src 'self' blob: data:",
		"manifest-src 'self'",
		"script-src 'self'",
		styles,
	}, "; ")
}

// webApp serves the single-page web app: its hashed assets under /assets/,
// and index.html for any page a browser asks for (a GET for text/html that
// is not an API path), so that /proyek/… can be reloaded and bookmarked.
//
// The build writes a brotli (.br) and a gzip (.gz) copy beside each script,
// style sheet and page (web/vite.config.ts); a browser that accepts one gets
// it with Content-Encoding, so nothing is compressed at run time.
type webApp struct {
	fsys   fs.FS
	assets http.Handler
	// encoded lists, for each file that has them, its precompressed copies.
	encoded map[string]encodings
	index   encodedBytes
	policy  string
}

// encodings says which precompressed copies of a file the build wrote.
type encodings struct{ brotli, gzip bool }

// encodedBytes is a file held in memory with its precompressed copies (nil
// when the build wrote none).
type encodedBytes struct{ identity, brotli, gzip []byte }

func newWebApp(fsys fs.FS) (*webApp, error) {
	a := &webApp{fsys: fsys, assets: http.FileServerFS(filesOnly{fsys}), encoded: map[string]encodings{}}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if original, ok := strings.CutSuffix(name, ".br"); ok {
			e := a.encoded[original]
			e.brotli = true
			a.encoded[original] = e
		} else if original, ok := strings.CutSuffix(name, ".gz"); ok {
			e := a.encoded[original]
			e.gzip = true
			a.encoded[original] = e
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if a.index.identity, err = fs.ReadFile(fsys, "index.html"); err != nil {
		return nil, err
	}
	if e := a.encoded["index.html"]; e.brotli || e.gzip {
		if e.brotli {
			a.index.brotli, err = fs.ReadFile(fsys, "index.html.br")
		}
		if err == nil && e.gzip {
			a.index.gzip, err = fs.ReadFile(fsys, "index.html.gz")
		}
		if err != nil {
			return nil, err
		}
	}
	a.policy = webAppPolicy(inlineStyleHashes(a.index.identity))
	return a, nil
}

// inlineStyleHashes returns the CSP hashes ('sha256-…') of the contents of
// the <style> elements of page.
func inlineStyleHashes(page []byte) []string {
	var hashes []string
	for {
		start := bytes.Index(page, []byte("<style"))
		if start < 0 {
			return hashes
		}
		page = page[start:]
		open := bytes.IndexByte(page, '>')
		end := bytes.Index(page, []byte("</style>"))
		if open < 0 || end < open {
			return hashes
		}
		sum := sha256.Sum256(page[open+1 : end])
		hashes = append(hashes, "sha256-"+base64.StdEncoding.EncodeToString(sum[:]))
		page = page[end:]
	}
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
		if !a.serveEncoded(w, r) {
			a.assets.ServeHTTP(w, r)
		}
	})))
}

// serveEncoded answers a request for an asset with its precompressed copy
// when there is one the client accepts, and reports whether it did.
func (a *webApp) serveEncoded(w http.ResponseWriter, r *http.Request) bool {
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	e, ok := a.encoded[name]
	if !ok {
		return false
	}
	addVary(w.Header(), "Accept-Encoding")
	coding := preferredCoding(r.Header.Get("Accept-Encoding"), e.brotli, e.gzip)
	if coding == "" {
		return false
	}
	suffix := ".gz"
	if coding == codingBrotli {
		suffix = ".br"
	}
	file, err := a.fsys.Open(name + suffix)
	if err != nil {
		return false
	}
	defer file.Close()
	content, ok := file.(io.ReadSeeker)
	if !ok {
		return false
	}
	h := w.Header()
	h.Set("Content-Type", contentTypeOf(name))
	h.Set("Content-Encoding", coding)
	http.ServeContent(w, r, name, time.Time{}, content)
	return true
}

// contentTypeOf is the media type of a file of the app, by its extension,
// as the file server would send it.
func contentTypeOf(name string) string {
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
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
// is picked up at once, compressed when the client accepts it.
func (a *webApp) servePage(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", a.policy)
	h.Set("Cache-Control", "no-cache")
	h.Set("Content-Type", "text/html; charset=utf-8")
	page := a.index.identity
	if a.index.brotli != nil || a.index.gzip != nil {
		addVary(h, "Accept-Encoding")
		switch preferredCoding(r.Header.Get("Accept-Encoding"), a.index.brotli != nil, a.index.gzip != nil) {
		case codingBrotli:
			page = a.index.brotli
			h.Set("Content-Encoding", codingBrotli)
		case codingGzip:
			page = a.index.gzip
			h.Set("Content-Encoding", codingGzip)
		}
	}
	http.ServeContent(w, r, "index.html", time.Time{}, bytes.NewReader(page))
}

// Content codings of the web app's precompressed files.
const (
	codingBrotli = "br"
	codingGzip   = "gzip"
)

// preferredCoding picks the content coding to answer with, given the
// request's Accept-Encoding and whether a brotli and a gzip form exist: the
// one the client weighs highest, brotli on a tie (it is smaller), none ("")
// when the client accepts neither (a missing header, or q=0).
func preferredCoding(acceptEncoding string, haveBrotli, haveGzip bool) string {
	if acceptEncoding == "" || !haveBrotli && !haveGzip {
		return ""
	}
	var brQ, gzipQ float64
	for _, part := range strings.Split(acceptEncoding, ",") {
		name, params, _ := strings.Cut(part, ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			parsed, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				continue
			}
			q = parsed
		}
		switch strings.ToLower(strings.TrimSpace(name)) {
		case codingBrotli:
			brQ = q
		case codingGzip, "x-gzip":
			gzipQ = q
		}
	}
	if !haveBrotli {
		brQ = 0
	}
	if !haveGzip {
		gzipQ = 0
	}
	switch {
	case brQ > 0 && brQ >= gzipQ:
		return codingBrotli
	case gzipQ > 0:
		return codingGzip
	}
	return ""
}

// addVary adds a field name to Vary unless it is listed already (CORS adds
// Origin, gzhttp adds Accept-Encoding).
func addVary(h http.Header, field string) {
	for _, line := range h.Values("Vary") {
		for _, name := range strings.Split(line, ",") {
			if strings.EqualFold(strings.TrimSpace(name), field) {
				return
			}
		}
	}
	h.Add("Vary", field)
}
