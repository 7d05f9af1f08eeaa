package api

import "github.com/danielgtaylor/huma/v2"

// registerRoutes lists every operation of the versioned API, one register
// call per resource, so the whole surface is visible in one place.
func registerRoutes(v1 huma.API) {
	_ = v1
}
