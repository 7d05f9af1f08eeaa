// Package openapi holds Proper's published API description, generated from
// the code: openapi.yaml (OpenAPI 3.1) and openapi-3.0.yaml (for tools that
// read only 3.0). `make openapi` regenerates them; `make openapi-check` and
// this package's test fail when they are stale.
package openapi
