package api_test

import (
	"encoding/base64"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// expectRefusedAt fails the test unless res is a 422 naming location.
func expectRefusedAt(t *testing.T, what string, res response, location string) {
	t.Helper()
	if res.status != http.StatusUnprocessableEntity {
		t.Errorf("%s: status %d, want 422 naming %s: %s", what, res.status, location, res.body)
		return
	}
	if locs := res.locations(t); !slices.Contains(locs, location) {
		t.Errorf("%s: errors at %v, want %s", what, locs, location)
	}
}

func TestANulInTheShowcaseSearchIsRefusedNamingQueryQ(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	for _, q := range []string{"%00", "antrean%00daring", "%FF%FE", "layanan%C0%AF"} {
		expectRefusedAt(t, "q="+q, a.get("/v1/showcase?q="+q, ""), "query.q")
	}
	expectRefusedAt(t, "region=%00", a.get("/v1/showcase?region=Riau%00", ""), "query.region")
}

func TestANulOrBrokenUTF8InAJSONStringIsRefusedNamingTheField(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	admin, participant := w.tokenOf(roleAdmin), w.tokenOf(roleParticipant)
	expectRefusedAt(t, "a NUL in a name", w.post("/v1/users", admin, map[string]string{"email": uniq() + "@batam.go.id", "name": "Budi\x00Santoso"}), "body.name")
	expectRefusedAt(t, "broken UTF-8 in a name", w.do(request{method: http.MethodPost, path: "/v1/users", token: admin, contentType: "application/json",
		body: []byte(`{"email":"` + uniq() + `@batam.go.id","name":"Budi ` + "\xff\xfe" + ` Santoso"}`)}), "body.name")
	expectRefusedAt(t, "a NUL in a title", w.patch(projectPath(w, ""), participant, map[string]string{"title": "Antrean\x00Daring"}, nil), "body.title")
	expectRefusedAt(t, "a NUL in a nested name", w.patch(projectPath(w, ""), participant, map[string]any{"stakeholders": []map[string]string{
		{"name": "Dinas Kominfo", "kind": "internal", "power": "high", "interest": "low"},
		{"name": "Camat\x00", "kind": "internal", "power": "high", "interest": "low"}}}, nil), "body.stakeholders[1].name")
	expectRefusedAt(t, "a NUL in a search", w.get("/v1/users?q=budi%00", admin), "query.q")
	expectRefusedAt(t, "a NUL in the e-mail of a sign-in", login(w.app, "budi\x00@batam.go.id", "sandi-rahasia-123"), "body.email")
}

func TestACursorHoldingANulIsRefusedNamingIt(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	admin := w.tokenOf(roleAdmin)
	expectRefusedAt(t, "a NUL as the cursor", w.get("/v1/users?cursor=%00", admin), "query.cursor")
	forged := base64.RawURLEncoding.EncodeToString([]byte(`["Budi\u0000","0b9a3c1e-5d2f-4a8b-9c7e-2f4d6a8b1c3e"]`))
	expectRefusedAt(t, "a cursor holding a NUL", w.get("/v1/users?cursor="+forged, admin), "query.cursor")
	expectRefusedAt(t, "a cursor holding a NUL", w.get("/v1/agencies?cursor="+forged, admin), "query.cursor")
}

func TestARosterValueWithANulOrAControlCharacterIsRefusedNamingTheRow(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for name, row := range map[string]string{
		"rows[2].name":     ",Budi\x00Santoso,budi@batam.go.id,,,,sekda@batam.go.id,Drs. Jefridin,,\n",
		"rows[2].position": ",Budi Santoso,budi@batam.go.id,Kepala\x07Dinas,,,sekda@batam.go.id,Drs. Jefridin,,\n",
		"rows[2].agency":   ",Budi Santoso,budi@batam.go.id,,,Pemkot \u202eBatam,sekda@batam.go.id,Drs. Jefridin,,\n",
	} {
		expectRefusedAt(t, name, w.importRoster(rosterHeader+row), "body."+name)
	}
}

func TestNamesAndTitlesRefuseControlAndBidiCharacters(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	admin, participant := w.tokenOf(roleAdmin), w.tokenOf(roleParticipant)
	for _, name := range []string{"Budi\u202eatnaS", "Budi\u2066Santoso\u2069", "Budi\tSantoso", "Budi\nSantoso", "Budi\u0085Santoso", "Budi\x1bSantoso", "Budi\x7fSantoso"} {
		expectRefusedAt(t, strings.ToValidUTF8(name, "?"), w.post("/v1/users", admin, map[string]string{"email": uniq() + "@batam.go.id", "name": name}), "body.name")
	}
	milestone := func(title, description string) response {
		return w.post(projectPath(w, "/milestones"), participant, map[string]any{"horizon": "short", "title": title, "description": description, "dueOn": "2027-06-30"})
	}
	expectRefusedAt(t, "a bell in a title", milestone("Tim\x07Efektif", ""), "body.title")
	expectRefusedAt(t, "a right-to-left override in a title", milestone("Tim \u202eEfektif", ""), "body.title")
	expectRefusedAt(t, "an escape in a description", milestone("Tim Efektif", "Baris satu\x1b[31m"), "body.description")
	expectRefusedAt(t, "a C1 control in a description", milestone("Tim Efektif", "Baris satu\u009b"), "body.description")
	expectRefusedAt(t, "an isolate in a project title", w.patch(projectPath(w, ""), participant, map[string]string{"title": "Antrean \u2067Daring"}, nil), "body.title")
	expectRefusedAt(t, "an override in an activity", w.post(projectPath(w, "/milestones"), participant, map[string]any{"horizon": "short", "title": "Tim Efektif", "dueOn": "2027-06-30",
		"activities": []map[string]string{{"title": "Menyusun SK\u202d"}}}), "body.activities[0].title")
	expect(t, milestone("Tim Efektif", "Baris satu\nBaris dua\r\n\tdengan tab"), http.StatusCreated)
}
