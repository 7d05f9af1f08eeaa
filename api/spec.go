package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/yaml"
)

// Spec returns the OpenAPI document of the API in the given version ("3.1"
// or "3.0") and format ("yaml" or "json"). It needs no database.
func Spec(version, format string) ([]byte, error) {
	return specOf(New(Deps{}).API().OpenAPI(), version, format)
}

// specOf renders a spec. The 3.0 rendering is Huma's downgrade, made valid
// 3.0: a $ref may have no siblings there (a description beside one is
// wrapped in allOf), and contentMediaType does not exist.
func specOf(oapi *huma.OpenAPI, version, format string) ([]byte, error) {
	var doc []byte
	var err error
	switch version {
	case "3.1":
		doc, err = json.Marshal(oapi)
	case "3.0":
		if doc, err = oapi.Downgrade(); err == nil {
			doc, err = clean30(doc)
		}
	default:
		return nil, fmt.Errorf("unknown OpenAPI version %q: 3.1 or 3.0", version)
	}
	if err != nil {
		return nil, err
	}
	switch format {
	case "json":
		var out bytes.Buffer
		err := json.Indent(&out, doc, "", "  ")
		return out.Bytes(), err
	case "yaml":
		var out bytes.Buffer
		err := yaml.Convert(&out, bytes.NewReader(doc))
		return out.Bytes(), err
	}
	return nil, fmt.Errorf("unknown format %q: yaml or json", format)
}

func clean30(doc []byte) ([]byte, error) {
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		return nil, err
	}
	var walk func(any)
	walk = func(n any) {
		switch m := n.(type) {
		case map[string]any:
			delete(m, "contentMediaType")
			if ref, ok := m["$ref"]; ok && len(m) > 1 {
				delete(m, "$ref")
				m["allOf"] = []any{map[string]any{"$ref": ref}}
			}
			for _, child := range m {
				walk(child)
			}
		case []any:
			for _, child := range m {
				walk(child)
			}
		}
	}
	walk(v)
	return json.Marshal(v)
}

// registerSpec serves the spec in both versions and both formats, rendered
// once, from the same code as `proper openapi` and the committed files.
func registerSpec(mux *http.ServeMux, oapi *huma.OpenAPI) {
	for path, render := range map[string]struct{ version, format, contentType string }{
		"/openapi.json":     {"3.1", "json", "application/openapi+json"},
		"/openapi.yaml":     {"3.1", "yaml", "application/openapi+yaml"},
		"/openapi-3.0.json": {"3.0", "json", "application/openapi+json"},
		"/openapi-3.0.yaml": {"3.0", "yaml", "application/openapi+yaml"},
	} {
		spec := sync.OnceValues(func() ([]byte, error) { return specOf(oapi, render.version, render.format) })
		mux.Handle("GET "+path, named("spec", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, err := spec()
			if err != nil {
				logUnexpected(r.Context(), "render spec", err)
				writeProblem(w, internalProblem(r.Context(), languageOfHeader(r.Header.Get("Accept-Language"))))
				return
			}
			w.Header().Set("Content-Type", render.contentType)
			w.Write(body)
		})))
	}
}

// formatLengths are the longest strings of the formats Proper uses.
var formatLengths = map[string]int{"uuid": 36, "date": 10, "date-time": 64, "email": 254, "uri": 2048}

// formatExamples stand for any value of a format where a field names none,
// so that every request and answer in the docs is a whole example.
var formatExamples = map[string]any{
	"uuid":      "0b9a3c1e-5d2f-4a8b-9c7e-2f4d6a8b1c3e",
	"date":      "2026-11-23",
	"date-time": "2026-11-23T09:30:00Z",
	"email":     "budi.santoso@batam.go.id",
}

// completeSchemas gives every string of a bounded format its maximum
// length, so that the spec states (and the validation enforces) what a uuid
// or a date can be, and an example when the field has none; in the schemas
// and in the parameters and headers of every operation.
func completeSchemas(oapi *huma.OpenAPI) {
	seen := map[*huma.Schema]bool{}
	var bound func(s *huma.Schema)
	bound = func(s *huma.Schema) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		if n, ok := formatLengths[s.Format]; ok && s.Type == "string" && s.MaxLength == nil && len(s.Enum) == 0 {
			s.MaxLength = &n
			s.PrecomputeMessages()
		}
		if example, ok := formatExamples[s.Format]; ok && len(s.Examples) == 0 {
			s.Examples = []any{example}
		}
		if s.Type == "boolean" && len(s.Examples) == 0 {
			s.Examples = []any{false}
		}
		for _, p := range s.Properties {
			bound(p)
		}
		bound(s.Items)
		if extra, ok := s.AdditionalProperties.(*huma.Schema); ok {
			bound(extra)
		}
		for _, sub := range append(append(s.AllOf, s.AnyOf...), s.OneOf...) {
			bound(sub)
		}
	}
	for _, s := range oapi.Components.Schemas.Map() {
		bound(s)
	}
	for _, item := range oapi.Paths {
		for _, op := range []*huma.Operation{item.Get, item.Put, item.Post, item.Patch, item.Delete} {
			if op == nil {
				continue
			}
			for _, p := range op.Parameters {
				bound(p.Schema)
			}
			for _, r := range op.Responses {
				for _, h := range r.Headers {
					bound(h.Schema)
				}
			}
		}
	}
}
