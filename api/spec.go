package api

import (
	"encoding/json"
	"fmt"
)

// Spec returns the OpenAPI document of the API in the given version ("3.1"
// or "3.0") and format ("yaml" or "json"). It needs no database.
func Spec(version, format string) ([]byte, error) {
	oapi := New(Deps{}).API().OpenAPI()
	switch version + "/" + format {
	case "3.1/yaml":
		return oapi.YAML()
	case "3.1/json":
		return json.MarshalIndent(oapi, "", "  ")
	case "3.0/yaml":
		return oapi.DowngradeYAML()
	case "3.0/json":
		return oapi.Downgrade()
	}
	return nil, fmt.Errorf("unknown spec %s in %s: version is 3.1 or 3.0, format yaml or json", version, format)
}
