package api_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/proper-id/proper/domain"
)

func TestEmailIsUniqueWhateverItsCase(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	admin := w.tokenOf(roleAdmin)
	expect(t, w.post("/v1/users", admin, map[string]string{"email": "Sekda@Batam.go.id", "name": "Jefridin"}), http.StatusCreated)
	res := expect(t, w.post("/v1/users", admin, map[string]string{"email": "sekda@batam.GO.ID", "name": "Orang Lain"}), http.StatusConflict)
	if locs := res.locations(t); len(locs) != 1 || locs[0] != "body.email" {
		t.Fatalf("a duplicate e-mail should be named: %v", locs)
	}
}

func TestInvalidNIPIsRefusedNamingIt(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for _, nip := range []string{"12345", "198002302005011002", "198001152005131002", "198001152005013002"} {
		res := expect(t, w.post("/v1/users", w.tokenOf(roleAdmin), map[string]string{"email": uniq() + "@batam.go.id", "name": "Budi", "nip": nip}), http.StatusUnprocessableEntity)
		if locs := res.locations(t); len(locs) != 1 || locs[0] != "body.nip" {
			t.Errorf("NIP %s: errors at %v, want body.nip", nip, locs)
		}
	}
	res := expect(t, w.post("/v1/users", w.tokenOf(roleAdmin), map[string]string{"email": uniq() + "@batam.go.id", "name": "Budi", "nip": "19800115 200501 1 002"}), http.StatusCreated)
	if nip := res.field(t, "nip"); nip != "198001152005011002" {
		t.Fatalf("NIP stored as %q, want its 18 digits", nip)
	}
	res = expect(t, w.post("/v1/users", w.tokenOf(roleAdmin), map[string]string{"email": uniq() + "@batam.go.id", "name": "Budi Lain", "nip": "198001152005011002"}), http.StatusConflict)
	if locs := res.locations(t); len(locs) != 1 || locs[0] != "body.nip" {
		t.Fatalf("a NIP of another account should be named: %v", locs)
	}
}

func TestUsersAreFoundByPartOfNameEmailOrNIP(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	admin := w.tokenOf(roleAdmin)
	expect(t, w.post("/v1/users", admin, map[string]string{"email": "rudi.hartono@klatenkab.go.id", "name": "Ir. Rudi Hartono", "nip": "197505202000031001"}), http.StatusCreated)
	for _, q := range []string{"hartono", "RUDI", "klatenkab", "7505202000"} {
		var page struct{ Items []struct{ Name string } }
		expect(t, w.get("/v1/users?q="+q, admin), http.StatusOK).decode(t, &page)
		if len(page.Items) != 1 || page.Items[0].Name != "Ir. Rudi Hartono" {
			t.Errorf("q=%s found %+v", q, page.Items)
		}
	}
	var none struct{ Items []any }
	expect(t, w.get("/v1/users?q=100%25_", admin), http.StatusOK).decode(t, &none)
	if len(none.Items) != 0 {
		t.Errorf("LIKE wildcards in q must match only themselves, found %v", none.Items)
	}
}

func TestUserSearchUsesTheTrigramIndex(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	// On an almost empty table the planner prefers a scan; forbid it to see
	// that the index serves the query (the load benchmark measures speed).
	tx, _ := a.db.BeginTx(context.Background(), nil)
	defer tx.Rollback()
	tx.Exec(`SET LOCAL enable_seqscan = off`)
	rows, err := tx.Query(`EXPLAIN SELECT * FROM users WHERE search LIKE '%hartono%' ORDER BY name, id LIMIT 51`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var line string
		rows.Scan(&line)
		lines = append(lines, line)
	}
	if !strings.Contains(strings.Join(lines, "\n"), "users_search_trgm") {
		t.Fatalf("the search should be able to use users_search_trgm:\n%s", strings.Join(lines, "\n"))
	}
}

func TestListsPageWithACursorAndALinkHeader(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	admin := w.tokenOf(roleAdmin)
	for i := range 7 {
		_, _, err := w.directory().CreateUser(context.Background(), w.admin, domain.UserProfile{Email: fmt.Sprintf("halaman%d@batam.go.id", i), Name: fmt.Sprintf("Pegawai Halaman %d", i)}, "")
		if err != nil {
			t.Fatal(err)
		}
	}
	var seen []string
	path := "/v1/users?q=halaman&limit=3"
	for pages := 0; path != ""; pages++ {
		if pages > 5 {
			t.Fatal("paging does not end")
		}
		res := expect(t, w.get(path, admin), http.StatusOK)
		var page struct {
			Items      []struct{ Name string }
			NextCursor string
		}
		res.decode(t, &page)
		for _, it := range page.Items {
			seen = append(seen, it.Name)
		}
		path = ""
		if link := res.header.Get("Link"); link != "" {
			if !strings.HasSuffix(link, `>; rel="next"`) || page.NextCursor == "" {
				t.Fatalf("Link %q / nextCursor %q", link, page.NextCursor)
			}
			path = strings.TrimSuffix(strings.TrimPrefix(link, "<"), `>; rel="next"`)
		} else if page.NextCursor != "" {
			t.Fatal("a nextCursor without a Link header")
		}
	}
	if len(seen) != 7 || seen[0] != "Pegawai Halaman 0" || seen[6] != "Pegawai Halaman 6" {
		t.Fatalf("pages gave %v, want all 7 in name order, each once", seen)
	}
	expect(t, w.get("/v1/users?cursor=not-a-cursor", admin), http.StatusUnprocessableEntity)
	expect(t, w.get("/v1/users?limit=201", admin), http.StatusUnprocessableEntity)
}

func TestOnlyPlatformAdminsGrantPlatformAdministration(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	path := "/v1/users/" + w.participant.ID.String()
	expect(t, w.patch(path, w.tokenOf(roleParticipant), map[string]any{"platformAdmin": true}, nil), http.StatusForbidden)
	expect(t, w.post("/v1/users", w.tokenOf(roleOrganizer), map[string]any{"email": uniq() + "@x.go.id", "name": "X", "platformAdmin": true}), http.StatusForbidden)
	res := expect(t, w.patch(path, w.tokenOf(roleAdmin), map[string]any{"platformAdmin": true}, nil), http.StatusOK)
	if !strings.Contains(string(res.body), `"platformAdmin":true`) {
		t.Fatalf("%s", res.body)
	}
}

func TestMergePatchChangesOnlyWhatItNamesAndNullRemoves(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	token := w.tokenOf(roleParticipant)
	path := "/v1/users/" + w.participant.ID.String()
	expect(t, w.patch(path, token, map[string]any{"nip": "198001152005011002", "rank": "Pembina (IV/a)"}, nil), http.StatusOK)
	res := expect(t, w.patch(path, token, map[string]any{"nip": nil}, nil), http.StatusOK)
	var u struct {
		NIP, Rank, Name string
	}
	res.decode(t, &u)
	if u.NIP != "" || u.Rank != "Pembina (IV/a)" || u.Name != w.participant.Name {
		t.Fatalf("after removing the NIP: %+v", u)
	}
}

func TestIfMatchRefusesToOverwriteANewerVersion(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	token := w.tokenOf(roleParticipant)
	path := "/v1/users/" + w.participant.ID.String()
	read := expect(t, w.get(path, token), http.StatusOK)
	tag := read.header.Get("ETag")
	if tag != `"1"` {
		t.Fatalf("ETag %q, want \"1\"", tag)
	}
	changed := expect(t, w.patch(path, token, map[string]any{"position": "Kepala Dinas"}, map[string]string{"If-Match": tag}), http.StatusOK)
	if changed.header.Get("ETag") != `"2"` {
		t.Fatalf("ETag after a change %q, want \"2\"", changed.header.Get("ETag"))
	}
	expect(t, w.patch(path, token, map[string]any{"position": "Sekretaris"}, map[string]string{"If-Match": tag}), http.StatusPreconditionFailed)
	var u struct{ Position string }
	expect(t, w.get(path, token), http.StatusOK).decode(t, &u)
	if u.Position != "Kepala Dinas" {
		t.Fatalf("a refused change must not be applied: %q", u.Position)
	}
}

func TestSearchTextIsNeverSQL(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for _, q := range []string{"'; DROP TABLE users; --", "%' OR '1'='1", `\`, "budi' UNION SELECT password_hash FROM users --"} {
		var page struct{ Items []any }
		for _, path := range []string{"/v1/users?q=", "/v1/agencies?q="} {
			expect(t, w.get(path+url.QueryEscape(q), w.tokenOf(roleAdmin)), http.StatusOK).decode(t, &page)
			if len(page.Items) != 0 {
				t.Errorf("%s%q found %d items", path, q, len(page.Items))
			}
		}
	}
	for _, group := range []string{"'; DROP TABLE enrollments; --", "Kelompok 1' OR '1'='1"} {
		var progress struct{ Items []any }
		expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/progress?group="+url.QueryEscape(group), w.tokenOf(roleOrganizer)), http.StatusOK).decode(t, &progress)
		if len(progress.Items) != 0 {
			t.Errorf("group %q found %d rows", group, len(progress.Items))
		}
	}
	expect(t, w.get("/v1/users/"+w.participant.ID.String(), w.tokenOf(roleAdmin)), http.StatusOK)
	expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/enrollments", w.tokenOf(roleOrganizer)), http.StatusOK)
}
