package api

import (
	"net/http"
	"strings"

	"github.com/klauspost/compress/gzhttp"
)

// compressMinSize is the smallest answer worth compressing: below about
// 1 KiB the compressed form saves less than a packet.
const compressMinSize = 1024

// compressJSON compresses the JSON answers of at least compressMinSize bytes
// (the API's, problems included, and the published spec) for clients that
// accept it: zstd or gzip, as the client's Accept-Encoding prefers
// (github.com/klauspost/compress/gzhttp; zstd when both are equal).
//
// Nothing else is compressed here. Evidence downloads are files as they were
// uploaded (mostly compressed already: PDF, JPEG, Office documents) and answer
// Range requests, whose offsets count the stored bytes; the progress export is
// CSV, which an evidence file may be too, so CSV is never compressed and
// its streaming is unchanged. The web app's files are compressed at build
// time and served by webApp. A request without Accept-Encoding, or with
// Range, passes through untouched: its answer is the same as without this
// middleware, at no cost.
//
// An ETag is left as it is: it names the version of the resource, which a
// client sends back in If-Match whatever the encoding of the answer it read.
func compressJSON(next http.Handler) http.Handler {
	wrap, err := gzhttp.NewWrapper(gzhttp.MinSize(compressMinSize), gzhttp.ContentTypeFilter(isJSON))
	if err != nil {
		panic("api: gzhttp options: " + err.Error()) // fixed options: a failure is a programming error
	}
	compressed := wrap(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept-Encoding") == "" || r.Header.Get("Range") != "" {
			next.ServeHTTP(w, r)
			return
		}
		compressed.ServeHTTP(w, r)
	})
}

// isJSON reports whether a Content-Type names JSON: application/json or a
// +json type (application/problem+json, application/openapi+json).
func isJSON(contentType string) bool {
	mediaType, _, _ := strings.Cut(contentType, ";")
	mediaType = strings.ToLower(strings.TrimSpace(mediaType))
	return mediaType == "application/json" || strings.HasPrefix(mediaType, "application/") && strings.HasSuffix(mediaType, "+json")
}
