// Package web is Proper's web app for people (participants, mentors, coaches,
// organizers, examiners), in Bahasa Indonesia. Its TypeScript sources are in
// src/; `make web` builds them with Vite into dist/, which is committed so
// that `go build` needs no Node.js, and embedded here for `proper serve`.
// `make web-check` (part of `make test`) fails when dist/ is stale.
package web

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Assets returns the built app: index.html at the root and the hashed
// scripts and styles under assets/.
func Assets() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // dist is embedded at build time; it is always there
	}
	return sub
}
