package api

import (
	"encoding/json"
	"testing"
)

// FuzzMergePatch feeds arbitrary JSON to the merge-patch bodies: decoding
// and turning them into domain changes never panics, and a field that is
// absent never becomes a change.
func FuzzMergePatch(f *testing.F) {
	for _, seed := range []string{`{}`, `{"name":null}`, `{"nip":"198001152005011002","agencyId":null}`, `{"title":"x","innovationAreas":["a"]}`, `[1,2]`, `{"stakeholders":[{"name":1}]}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var user UserPatch
		if json.Unmarshal(body, &user) == nil {
			c := user.changes()
			if !user.Name.Set && c.Name != nil {
				t.Fatalf("an absent name became a change: %s", body)
			}
		}
		var project ProjectPatch
		if json.Unmarshal(body, &project) == nil {
			c := project.changes()
			if !project.Title.Set && c.Title != nil {
				t.Fatalf("an absent title became a change: %s", body)
			}
		}
	})
}
