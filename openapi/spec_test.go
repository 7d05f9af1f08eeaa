package openapi_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"

	"github.com/proper-id/proper/api"
)

func TestCommittedSpecMatchesCode(t *testing.T) {
	for file, version := range map[string]string{"openapi.yaml": "3.1", "openapi-3.0.yaml": "3.0"} {
		committed, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		generated, err := api.Spec(version, "yaml")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(committed, generated) {
			t.Errorf("openapi/%s differs from the code: run `make openapi` and commit the result", file)
		}
	}
}

func TestSpecDescribesTheAPI(t *testing.T) {
	spec, err := api.Spec("3.1", "yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"title: Proper API", "operationId: get-readiness", "application/problem+json", "scheme: bearer"} {
		if !bytes.Contains(spec, []byte(want)) {
			t.Errorf("the spec lacks %q", want)
		}
	}
}

func TestThe30FileHasNo31Constructs(t *testing.T) {
	spec, err := api.Spec("3.0", "json")
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(spec, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(path string, v any, inSchema bool)
	walk = func(path string, v any, inSchema bool) {
		switch n := v.(type) {
		case map[string]any:
			for k, child := range n {
				switch {
				case k == "type":
					if _, isArray := child.([]any); isArray {
						t.Errorf("%s.type is an array (3.1 only)", path)
					}
				case k == "examples" && inSchema:
					t.Errorf("%s.examples inside a schema (3.1 only)", path)
				case k == "contentEncoding" || k == "contentMediaType" || k == "const" || k == "$defs" || k == "prefixItems":
					t.Errorf("%s.%s is 3.1 only", path, k)
				case k == "$ref" && len(n) > 1:
					t.Errorf("%s: a $ref with siblings", path)
					t.Errorf("%s.%s is 3.1 only", path, k)
				}
				walk(path+"."+k, child, inSchema || k == "schema" || k == "schemas" || k == "properties" || k == "items")
			}
		case []any:
			for i, child := range n {
				walk(fmt.Sprintf("%s[%d]", path, i), child, inSchema)
			}
		}
	}
	walk("$", doc, false)
}

// publicOperations are the operations of /v1 anyone may call without
// signing in: signing in itself, the public innovation showcase, and the
// verification of a certificate (the address its QR code holds).
var publicOperations = map[string]bool{
	"login": true, "activate-account": true,
	"search-showcase": true, "get-showcase-entry": true, "download-showcase-evidence": true,
	"verify-certificate": true,
}

func TestEveryOperationIsDocumented(t *testing.T) {
	oapi := api.New(api.Deps{}).API().OpenAPI()
	for path, item := range oapi.Paths {
		for _, op := range []*huma.Operation{item.Get, item.Put, item.Post, item.Patch, item.Delete} {
			if op == nil {
				continue
			}
			if op.OperationID == "" || op.Summary == "" || op.Description == "" || len(op.Tags) != 1 {
				t.Errorf("%s %s: needs an operationId, a summary, a description and one tag", op.Method, path)
			}
			if strings.HasPrefix(path, "/v1/") && !publicOperations[op.OperationID] && len(op.Security) == 0 {
				t.Errorf("%s: an operation of /v1 without a security requirement", op.OperationID)
			}
		}
	}
}
