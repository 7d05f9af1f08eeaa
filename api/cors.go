package api

import (
	"net/http"
	"slices"
	"strings"
)

// CORS answers. Proper's own web app is served from the API's origin and
// needs no CORS; other origins (a web app on its own domain) are allowed
// only when listed. Tokens travel in the Authorization header, not in
// cookies, so credentials are never allowed.
const (
	corsAllowMethods  = "GET, HEAD, POST, PUT, PATCH, DELETE"
	corsAllowHeaders  = "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, Range, X-Request-Id, " + tusRequestHeaders
	corsExposeHeaders = "ETag, Link, Location, Retry-After, X-Request-Id, Idempotent-Replayed, Content-Disposition, " + tusResponseHeaders
	corsMaxAge        = "600"
)

// The headers of the tus protocol, which resumable uploads send and read.
const (
	tusRequestHeaders  = "Tus-Resumable, Upload-Length, Upload-Offset, Upload-Metadata"
	tusResponseHeaders = "Tus-Resumable, Tus-Version, Tus-Max-Size, Upload-Offset, Upload-Length"
)

// allowOrigins lets browsers on the listed origins call the API, and
// answers their preflight requests. With no origins it changes nothing.
func allowOrigins(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin == "" || !slices.Contains(origins, strings.TrimSuffix(origin, "/")) {
			next.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		h.Add("Vary", "Origin")
		h.Set("Access-Control-Allow-Origin", origin)
		h.Set("Access-Control-Expose-Headers", corsExposeHeaders)
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			h.Set("Access-Control-Allow-Methods", corsAllowMethods)
			h.Set("Access-Control-Allow-Headers", corsAllowHeaders)
			h.Set("Access-Control-Max-Age", corsMaxAge)
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}
