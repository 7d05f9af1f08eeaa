package api_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/fstest"

	"github.com/proper-id/proper/api"
)

// TestAnswersOfTheAPIAreNeverStored: an answer that carries a token or a
// one-time code must not stay in a browser's or a proxy's cache, signed in
// or not. Every answer of /v1 says Cache-Control: no-store; only the public
// showcase says it may be kept a minute.
func TestAnswersOfTheAPIAreNeverStored(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	organizer := w.tokenOf(roleOrganizer)
	created := expect(t, w.post("/v1/users", organizer, map[string]string{"email": uniq() + "@soppengkab.go.id", "name": "Andi Baso"}), http.StatusCreated)
	reissued := expect(t, w.post("/v1/users/"+w.participant.ID.String()+"/activation", w.tokenOf(roleAdmin), nil), http.StatusOK)
	activated := expect(t, w.post("/v1/auth/activate", "", map[string]string{"email": created.field(t, "email"),
		"code": created.field(t, "activationCode"), "password": "sandi-baru-andi"}), http.StatusOK)
	answers := map[string]response{
		"create-user":             created,
		"issue-activation":        reissued,
		"activate-account":        activated,
		"login":                   expect(t, login(w.app, created.field(t, "email"), "sandi-baru-andi"), http.StatusOK),
		"login refused":           expect(t, login(w.app, created.field(t, "email"), "salah-sandi-123"), http.StatusUnauthorized),
		"import-roster":           expect(t, w.importRoster(rosterHeader+",Siti Rahayu,siti."+uniq()+"@batam.go.id,Camat,III/d,Pemerintah Kota Batam,"+w.mentor.Email+",,,Kelompok 1\n"), http.StatusOK),
		"get-me":                  expect(t, w.get("/v1/me", organizer), http.StatusOK),
		"get-me signed out":       expect(t, w.get("/v1/me", ""), http.StatusUnauthorized),
		"an unknown path of /v1":  expect(t, w.get("/v1/nowhere", ""), http.StatusNotFound),
		"get-showcase-entry gone": expect(t, w.get("/v1/showcase/"+w.participant.ID.String(), ""), http.StatusNotFound),
	}
	for name, res := range answers {
		if cc := res.header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("%s answered Cache-Control %q, want no-store", name, cc)
		}
	}
	if cc := expect(t, w.get("/v1/showcase", ""), http.StatusOK).header.Get("Cache-Control"); cc != "public, max-age=60" {
		t.Errorf("search-showcase answered Cache-Control %q, want public, max-age=60: the public showcase may be cached", cc)
	}
}

// TestTheWebAppsAssetsMayBeCached: the static files are not answers of the
// API; hashed assets are kept for good, pages are revalidated.
func TestTheWebAppsAssetsMayBeCached(t *testing.T) {
	t.Parallel()
	srv := api.New(api.Deps{WebApp: fstest.MapFS{
		"index.html":             {Data: []byte("<!doctype html><title>Proper</title>")},
		"assets/index-abc123.js": {Data: []byte("console.log(1)")},
	}}).Handler()
	for path, want := range map[string]string{"/assets/index-abc123.js": "public, max-age=31536000, immutable", "/": "no-cache"} {
		req, _ := http.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Accept", "text/html")
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if cc := rec.Header().Get("Cache-Control"); rec.Code != http.StatusOK || cc != want {
			t.Errorf("%s answered %d with Cache-Control %q, want 200 with %q", path, rec.Code, cc, want)
		}
	}
}
