package openapi_test

import (
	"bytes"
	"os"
	"testing"

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
