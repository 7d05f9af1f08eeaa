package api_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

func TestStudiTiruIsRecordedOnceADayAndCounted(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	batam := w.newAgency(t, "Pemerintah Kota Batam", "Kepulauan Riau")
	klaten := w.newAgency(t, "Pemerintah Kabupaten Klaten", "Jawa Tengah")
	soppeng := w.newAgency(t, "Pemerintah Kabupaten Soppeng", "Sulawesi Selatan")
	_, pub := w.publishInnovation(t, innovation{title: "Antrean Daring Adminduk", problem: "Antre lama.", text: "Antrean daring.", agency: &batam})
	path := "/v1/showcase/" + pub.ID.String() + "/replications"
	organizer, other := w.tokenOf(roleOrganizer), w.tokenOf(roleOtherOrganizer)
	today := domain.DateOf(time.Now())
	record := func(token string, agency uuid.UUID, status string, on domain.Date) response {
		return w.post(path, token, map[string]any{"agencyId": agency, "status": status, "date": on.String(), "note": "Kunjungan studi tiru"})
	}
	expect(t, record(organizer, klaten.ID, "studied", domain.NewDate(2025, 10, 2)), http.StatusCreated)
	expect(t, record(other, klaten.ID, "adopted", domain.NewDate(2026, 1, 5)), http.StatusCreated)
	expect(t, record(other, soppeng.ID, "studied", today), http.StatusCreated)
	if r := expect(t, record(organizer, klaten.ID, "studied", domain.NewDate(2025, 10, 2)), http.StatusConflict); !slices.Contains(r.locations(t), "body.agencyId") {
		t.Errorf("a repeat names %v", r.locations(t))
	}
	for name, c := range map[string]struct {
		agency uuid.UUID
		status string
		on     domain.Date
		field  string
	}{
		"own agency":   {batam.ID, "studied", today, "body.agencyId"},
		"no agency":    {uuid.New(), "studied", today, "body.agencyId"},
		"future":       {soppeng.ID, "adopted", domain.DateOf(time.Now().AddDate(0, 0, 2)), "body.date"},
		"wrong status": {soppeng.ID, "copied", today, "body.status"},
	} {
		r := expect(t, record(organizer, c.agency, c.status, c.on), http.StatusUnprocessableEntity)
		if !slices.Contains(r.locations(t), c.field) {
			t.Errorf("%s: errors name %v", name, r.locations(t))
		}
	}
	expect(t, w.post("/v1/showcase/"+uuid.NewString()+"/replications", organizer, map[string]any{"agencyId": klaten.ID, "status": "studied", "date": today.String()}), http.StatusNotFound)

	h := w.search(t, q("q", "antrean"))
	if c := h.Items[0].Replications; c.Studied != 2 || c.Adopted != 1 {
		t.Errorf("search counts %+v", c)
	}
	var e struct {
		Replications struct{ Studied, Adopted int }
		ReplicatedBy []struct{ AgencyName, Status, Date string }
	}
	expect(t, w.get("/v1/showcase/"+pub.ID.String(), ""), http.StatusOK).decode(t, &e)
	if e.Replications.Studied != 2 || e.Replications.Adopted != 1 || len(e.ReplicatedBy) != 3 || e.ReplicatedBy[0].AgencyName != soppeng.Name {
		t.Errorf("entry %+v", e)
	}

	var list struct {
		Items []struct {
			Status, Date, PublicationTitle, InnovatorName, Note string
		}
	}
	expect(t, w.get("/v1/agencies/"+klaten.ID.String()+"/replications", other), http.StatusOK).decode(t, &list)
	if len(list.Items) != 2 || list.Items[0].Status != "adopted" || list.Items[0].PublicationTitle != "Antrean Daring Adminduk" ||
		list.Items[0].InnovatorName != batam.Name || list.Items[1].Date != "2025-10-02" {
		t.Errorf("klaten's studi tiru %+v", list.Items)
	}
	expect(t, w.get("/v1/agencies/"+uuid.NewString()+"/replications", other), http.StatusNotFound)
}

// TestAVisitingOfficialRecordsTheirOwnAgencysVisits: any signed-in
// official records their own agency's studi tiru (not another agency's),
// visits repeat as dated records with their documents, the agency's
// officials read its history, and the innovation's participant and mentor
// read the records in full while others may not.
func TestAVisitingOfficialRecordsTheirOwnAgencysVisits(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := context.Background()
	semarang := w.newAgency(t, "Pemerintah Kota Semarang", "Jawa Tengah")
	batang := w.newAgency(t, "Pemerintah Kabupaten Batang", "Jawa Tengah")
	project, pub := w.publishInnovation(t, innovation{title: "Semarang Smart City", problem: "Data tersebar.", text: "Dasbor kota cerdas.", agency: &semarang})
	official := w.token(w.registeredUser("Kabag Organisasi Batang", &w.instA.ID, &batang.ID).ID)
	colleague := w.token(w.registeredUser("Kasubbag Tata Laksana Batang", &w.instA.ID, &batang.ID).ID)
	stranger := w.token(w.registeredUser("Staf Semarang", &w.instA.ID, &semarang.ID).ID)
	path := "/v1/showcase/" + pub.ID.String() + "/replications"
	visit := func(token string, agency uuid.UUID, on domain.Date, docs ...map[string]any) response {
		return w.post(path, token, map[string]any{"agencyId": agency, "status": "studied", "date": on.String(), "note": "Studi tiru kota cerdas", "documents": docs})
	}

	// The visitors' own official records, with the MoU; then a second visit.
	mou := map[string]any{"kind": "mou", "title": "Nota Kesepahaman Kota Cerdas", "url": "https://jdih.batangkab.go.id/mou-kota-cerdas"}
	var first struct {
		ID        uuid.UUID
		Documents []struct{ Kind, Title, URL string }
	}
	expect(t, visit(official, batang.ID, domain.NewDate(2026, 3, 10), mou), http.StatusCreated).decode(t, &first)
	if len(first.Documents) != 1 || first.Documents[0].Kind != "mou" || first.Documents[0].URL != mou["url"] {
		t.Errorf("the record keeps %+v", first.Documents)
	}
	expect(t, visit(colleague, batang.ID, domain.NewDate(2026, 6, 2)), http.StatusCreated)
	// The same day twice is a repeat; another agency's visit is not theirs to record.
	expect(t, visit(official, batang.ID, domain.NewDate(2026, 3, 10)), http.StatusConflict)
	if r := expect(t, visit(official, semarang.ID, domain.NewDate(2026, 3, 11)), http.StatusForbidden); r.problem(t).Code != string(domain.CodeForbidden) {
		t.Errorf("another agency's visit: %s", r.body)
	}
	expect(t, visit(w.tokenOf(roleNoRole), batang.ID, domain.NewDate(2026, 3, 12)), http.StatusForbidden) // no agency at all
	for name, doc := range map[string]map[string]any{
		"kind":  {"kind": "surat", "title": "Surat", "url": "https://batangkab.go.id/x"},
		"url":   {"kind": "pks", "title": "PKS", "url": "javascript:alert(1)"},
		"title": {"kind": "sk_adopsi", "title": "", "url": "https://batangkab.go.id/sk"},
	} {
		r := expect(t, visit(official, batang.ID, domain.NewDate(2026, 7, 1), doc), http.StatusUnprocessableEntity)
		if !slices.ContainsFunc(r.locations(t), func(l string) bool { return strings.HasPrefix(l, "body.documents[0]") }) {
			t.Errorf("a bad document's %s: errors name %v", name, r.locations(t))
		}
	}

	// The agency's officials read its history; others may not.
	var history struct{ Items []struct{ Date string } }
	expect(t, w.get("/v1/agencies/"+batang.ID.String()+"/replications", colleague), http.StatusOK).decode(t, &history)
	if len(history.Items) != 2 || history.Items[0].Date != "2026-06-02" {
		t.Errorf("batang's history %+v", history.Items)
	}
	expect(t, w.get("/v1/agencies/"+batang.ID.String()+"/replications", stranger), http.StatusForbidden)
	var e struct{ Replications struct{ Studied int } }
	expect(t, w.get("/v1/showcase/"+pub.ID.String(), ""), http.StatusOK).decode(t, &e)
	if e.Replications.Studied != 2 {
		t.Errorf("the entry counts %d visits", e.Replications.Studied)
	}

	// The innovation's own people read the records in full.
	p, err := w.store.Projects().Get(ctx, project, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, who := range []uuid.UUID{p.Parties.ParticipantID, p.Parties.MentorID} {
		var full struct {
			Items []struct {
				Note      string
				Documents []struct{ Kind string }
			}
		}
		expect(t, w.get(path, w.token(who)), http.StatusOK).decode(t, &full)
		if len(full.Items) != 2 || len(full.Items[1].Documents) != 1 || full.Items[1].Note != "Studi tiru kota cerdas" {
			t.Errorf("the innovation's records %+v", full.Items)
		}
	}
	var offered struct{ Actions []string }
	expect(t, w.get("/v1/projects/"+project.String()+"/publication", w.token(p.Parties.ParticipantID)), http.StatusOK).decode(t, &offered)
	if !slices.Contains(offered.Actions, "list-innovation-replications") {
		t.Errorf("get-publication offers %v", offered.Actions)
	}
	expect(t, w.get(path, official), http.StatusNotFound)
	expect(t, w.get(path, ""), http.StatusUnauthorized)
	expect(t, w.get("/v1/showcase/"+uuid.NewString()+"/replications", w.token(p.Parties.ParticipantID)), http.StatusNotFound)
}

func TestOriginalityCheckFindsACopiedProjectInAnotherCohort(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := context.Background()
	title, problem := "Antrean Daring Layanan Administrasi Kependudukan", "Warga menunggu tiga sampai empat jam untuk layanan KTP-el dan kartu keluarga; sebagian pulang tanpa terlayani karena kuota harian habis."
	goal := "Waktu tunggu layanan administrasi kependudukan kurang dari 30 menit dengan antrean daring."
	participant := w.actor(w.participant)
	if _, err := w.projects().UpdateProject(ctx, participant, w.project(), domain.ProjectChanges{Title: &title, Problem: &problem, Goal: &goal}, nil); err != nil {
		t.Fatal(err)
	}
	batam := w.newAgency(t, "Pemerintah Kota Batam", "Kepulauan Riau")
	copied, pub := w.publishInnovation(t, innovation{title: "Antrean Daring Layanan Adminduk", problem: problem, goal: "Waktu tunggu kurang dari 30 menit.",
		text: "Antrean daring.", agency: &batam, cohort: &w.cohortB, organizer: w.otherOrganizer})
	w.db.Exec(`UPDATE projects SET background = 'RAHASIA-LATAR' WHERE id = ?`, copied)
	alike := w.designedProject(t, innovation{title: "Layanan Administrasi Kependudukan Keliling", problem: "Warga desa jauh dari kantor dinas.", goal: "Layanan sampai ke desa."})
	unrelated := w.designedProject(t, innovation{title: "Bank Sampah Sekolah", problem: "Sampah plastik menumpuk di sekolah.", goal: "Sekolah bebas sampah."})

	r := expect(t, w.get(projectPath(w, "/similar"), w.tokenOf(roleExaminer)), http.StatusOK)
	if strings.Contains(string(r.body), "RAHASIA") || strings.Contains(string(r.body), "kuota harian") {
		t.Errorf("private fields of another project: %s", r.body)
	}
	var page struct {
		Items []struct {
			ProjectID     uuid.UUID
			Title         string
			AgencyName    string
			CohortName    string
			Status        string
			PublicationID *uuid.UUID
			Score         float64
			MatchedFields []string
			Similarity    struct{ Title, Problem, Goal float64 }
		}
		NextCursor string
	}
	r.decode(t, &page)
	found := page.Items
	if len(found) == 0 || found[0].ProjectID != copied {
		t.Fatalf("found %+v", found)
	}
	top := found[0]
	if top.AgencyName != batam.Name || top.CohortName != w.cohortB.Name || top.Status != "implementing" || top.PublicationID == nil || *top.PublicationID != pub.ID ||
		top.Score < 0.6 || top.Score > 1 || top.Similarity.Problem != 1 || !slices.Equal(top.MatchedFields[:2], []string{"problem", "title"}) {
		t.Errorf("the copy: %+v", top)
	}
	ids := []uuid.UUID{}
	for _, f := range found {
		ids = append(ids, f.ProjectID)
	}
	if slices.Contains(ids, w.project()) || slices.Contains(ids, unrelated) || !slices.Contains(ids, alike) {
		t.Errorf("found %v; itself %s, unrelated %s, alike %s", ids, w.project(), unrelated, alike)
	}
	// Paged like every other list: one at a time, each once, in order.
	var paged []uuid.UUID
	path := projectPath(w, "/similar?limit=1")
	for range len(found) + 1 {
		var one struct {
			Items      []struct{ ProjectID uuid.UUID }
			NextCursor string
		}
		expect(t, w.get(path, w.tokenOf(roleCoach)), http.StatusOK).decode(t, &one)
		if len(one.Items) != 1 {
			t.Fatalf("limit=1 gave %d", len(one.Items))
		}
		paged = append(paged, one.Items[0].ProjectID)
		if one.NextCursor == "" {
			break
		}
		path = projectPath(w, "/similar?limit=1&cursor="+one.NextCursor)
	}
	if !slices.Equal(paged, ids) {
		t.Errorf("paged %v, want %v", paged, ids)
	}
	expect(t, w.get(projectPath(w, "/similar?cursor=notacursor"), w.tokenOf(roleCoach)), http.StatusUnprocessableEntity)
}
