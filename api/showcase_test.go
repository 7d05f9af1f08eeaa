package api_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// innovation describes a project to put on the showcase in a test.
type innovation struct {
	title, problem, goal, text string
	areas                      []string
	agency                     *domain.Agency
	// unit is the participant's work unit, a unit of agency.
	unit *domain.Unit
	// cohort defaults to the world's cohort A (organized by w.organizer).
	cohort    *domain.Cohort
	organizer domain.User
}

// publishInnovation enrolls a new participant (of the innovation's agency)
// in the cohort, writes their design, approves it, and publishes it.
func (w *world) publishInnovation(t testing.TB, in innovation) (uuid.UUID, domain.Publication) {
	t.Helper()
	project := w.designedProject(t, in)
	pub, _, err := w.showcase().Publish(context.Background(), w.admin, project, domain.PublicationDraft{Innovation: in.text})
	if err != nil {
		t.Fatal(err)
	}
	return project, pub
}

// designedProject enrolls a new participant in the innovation's cohort
// with its design written and approved, and returns the project's id.
func (w *world) designedProject(t testing.TB, in innovation) uuid.UUID {
	t.Helper()
	ctx := context.Background()
	cohort, organizer := w.cohortA, w.organizer
	if in.cohort != nil {
		cohort, organizer = *in.cohort, in.organizer
	}
	profile := domain.UserProfile{Email: uniq() + "@example.go.id", Name: "Peserta " + uniq()}
	if in.agency != nil {
		profile.AgencyID = &in.agency.ID
	}
	if in.unit != nil {
		profile.UnitID = &in.unit.ID
	}
	participant, _, err := w.directory().CreateUser(ctx, w.admin, profile, "")
	if err != nil {
		t.Fatal(err)
	}
	e, err := w.cohorts().Enroll(ctx, w.actor(organizer), cohort.ID, domain.EnrollmentPlan{ParticipantID: participant.ID, MentorID: w.user("Mentor").ID})
	if err != nil {
		t.Fatal(err)
	}
	areas := in.areas
	for _, text := range []*string{&in.title, &in.problem, &in.goal} {
		if *text == "" {
			*text = "-" // a submitted design has all three; the search finds no word in this one
		}
	}
	if areas == nil {
		areas = []string{}
	}
	if _, err := w.projects().UpdateProject(ctx, w.actor(participant), e.ProjectID, domain.ProjectChanges{Title: &in.title, Problem: &in.problem,
		Goal: &in.goal, InnovationAreas: &areas}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := w.projects().CreateMilestone(ctx, w.actor(participant), e.ProjectID, domain.MilestonePlan{Horizon: "short", Title: "Uji coba layanan",
		DueOn: domain.DateOf(time.Now().AddDate(0, 1, 0))}); err != nil {
		t.Fatal(err)
	}
	w.bringTo(t, e.ProjectID, domain.ProjectImplementing)
	return e.ProjectID
}

// hits is a page of search-showcase as a test reads it.
type hits struct {
	Items []struct {
		ID             uuid.UUID
		Title          string
		TitleHighlight []highlightPart
		Snippet        []highlightPart
		AgencyName     string
		Region         string
		Program        string
		Year           int
		Score          float64
		Replications   struct{ Studied, Adopted int }
		Matched        []struct{ Term, Synonym string }
		Missing        []string
	}
	NextCursor string
	Terms      int
	Suggestion *string
}

type highlightPart struct {
	Text  string
	Match bool
}

// titles lists the titles of a page, in order.
func (h hits) titles() []string {
	var out []string
	for _, i := range h.Items {
		out = append(out, i.Title)
	}
	return out
}

// search asks the showcase anonymously.
func (w *world) search(t testing.TB, query url.Values) hits {
	t.Helper()
	var h hits
	expect(t, w.get("/v1/showcase?"+query.Encode(), ""), http.StatusOK).decode(t, &h)
	return h
}

func q(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}

func TestParticipantPublishesOnceTheDesignIsApprovedAndMayReplaceTheText(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	participant := w.tokenOf(roleParticipant)
	w.draftDesign(t)
	body := map[string]any{"innovation": "Antrean daring lewat WhatsApp"}
	if r := expect(t, w.post(projectPath(w, "/publication"), participant, body), http.StatusConflict); !strings.Contains(r.problem(t).Detail, "design is approved") {
		t.Errorf("a draft is published: %s", r.body)
	}
	w.arrangeWorkflow(t) // design approved, implementing, a PDF submitted (not yet approved)

	// Only approved evidence of this project may be made public; every bad entry is named.
	other := w.designedProject(t, innovation{title: "Proyek lain", problem: "Masalah lain"})
	body["publicEvidence"] = []uuid.UUID{w.fileEvidence.ID, uuid.New(), other}
	r := expect(t, w.post(projectPath(w, "/publication"), participant, body), http.StatusUnprocessableEntity)
	if got := r.locations(t); !slices.Equal(got, []string{"body.publicEvidence[0]", "body.publicEvidence[1]", "body.publicEvidence[2]"}) {
		t.Errorf("errors name %v", got)
	}
	expect(t, w.post(projectPath(w, "/publication"), participant, map[string]any{"innovation": "  "}), http.StatusUnprocessableEntity)

	w.approveEvidence(t, w.fileEvidence.ID)
	body["publicEvidence"] = []uuid.UUID{w.fileEvidence.ID}
	first := expect(t, w.post(projectPath(w, "/publication"), participant, body), http.StatusCreated)
	id := first.field(t, "id")
	if first.header.Get("ETag") != `"1"` {
		t.Errorf("ETag %q", first.header.Get("ETag"))
	}
	body["innovation"], body["publicEvidence"] = "Antrean daring lewat WhatsApp dan laman dinas", []uuid.UUID{}
	second := expect(t, w.post(projectPath(w, "/publication"), participant, body), http.StatusOK)
	var pub struct {
		ID             string
		Public         bool
		Innovation     string
		PublicEvidence []uuid.UUID
		Version        int
	}
	second.decode(t, &pub)
	if pub.ID != id || !pub.Public || pub.Innovation != body["innovation"] || len(pub.PublicEvidence) != 0 || pub.Version != 2 {
		t.Errorf("after replacing: %+v", pub)
	}
	var events []string
	rows, _ := w.db.Query(`SELECT action FROM events WHERE project_id = ? AND action LIKE 'project.publi%' ORDER BY id`, w.project())
	for rows.Next() {
		var a string
		rows.Scan(&a)
		events = append(events, a)
	}
	rows.Close()
	if !slices.Equal(events, []string{"project.published", "project.publication_updated"}) {
		t.Errorf("events %v", events)
	}
}

func TestAWithdrawnInnovationIsGoneAndComesBackWithItsIdAndStudiTiru(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	pub := w.published(t)
	entry := "/v1/showcase/" + pub.ID.String()
	file := entry + "/evidence/" + w.fileEvidence.ID.String() + "/content"
	expect(t, w.get(entry, ""), http.StatusOK)
	expect(t, w.get(file, ""), http.StatusOK)
	klaten := w.newAgency(t, "Pemerintah Kabupaten Klaten", "Jawa Tengah")
	expect(t, w.post(entry+"/replications", w.tokenOf(roleOrganizer), map[string]any{"agencyId": klaten.ID, "status": "studied", "date": "2026-01-15"}), http.StatusCreated)

	withdraw := request{method: http.MethodDelete, path: projectPath(w, "/publication"), token: w.tokenOf(roleParticipant)}
	expect(t, w.do(withdraw), http.StatusNoContent)
	expect(t, w.do(withdraw), http.StatusNotFound)
	missing := expect(t, w.get("/v1/showcase/"+uuid.NewString(), ""), http.StatusNotFound)
	if gone := expect(t, w.get(entry, ""), http.StatusNotFound); string(gone.body) != string(missing.body) {
		t.Errorf("a withdrawn entry answers %s, a missing one %s", gone.body, missing.body)
	}
	expect(t, w.get(file, ""), http.StatusNotFound)
	if h := w.search(t, q("q", "antrean")); len(h.Items) != 0 {
		t.Errorf("a withdrawn innovation is found: %v", h.titles())
	}
	expect(t, w.post(entry+"/replications", w.tokenOf(roleOrganizer), map[string]any{"agencyId": klaten.ID, "status": "adopted", "date": "2026-01-15"}), http.StatusNotFound)
	var p struct{ Public bool }
	expect(t, w.get(projectPath(w, "/publication"), w.tokenOf(roleMentor)), http.StatusOK).decode(t, &p)
	if p.Public {
		t.Error("get-publication says it is public")
	}

	again := expect(t, w.post(projectPath(w, "/publication"), w.tokenOf(roleParticipant), map[string]any{"innovation": "Kembali"}), http.StatusCreated)
	if again.field(t, "id") != pub.ID.String() {
		t.Errorf("published again as %s, was %s", again.field(t, "id"), pub.ID)
	}
	var e struct{ Replications struct{ Studied int } }
	expect(t, w.get(entry, ""), http.StatusOK).decode(t, &e)
	if e.Replications.Studied != 1 {
		t.Errorf("the studi tiru is lost: %+v", e)
	}
}

func TestOrganizersOfTheCohortTakeAnInnovationDown(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.published(t)
	expect(t, w.do(request{method: http.MethodDelete, path: projectPath(w, "/publication"), token: w.tokenOf(roleOtherOrganizer)}), http.StatusNotFound)
	expect(t, w.do(request{method: http.MethodDelete, path: projectPath(w, "/publication"), token: w.tokenOf(roleOrganizer)}), http.StatusNoContent)
	var action string
	w.db.QueryRow(`SELECT action FROM events WHERE project_id = ? ORDER BY id DESC LIMIT 1`, w.project()).Scan(&action)
	if action != "project.unpublished" {
		t.Errorf("the last event is %s", action)
	}
}

func TestSearchStemsIndonesianWords(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.publishInnovation(t, innovation{title: "Layanan Antrean Daring Kependudukan", problem: "Warga mengantre sejak subuh.", text: "Nomor antrean lewat WhatsApp."})
	w.publishInnovation(t, innovation{title: "Bank Sampah Sekolah", problem: "Sampah plastik menumpuk.", text: "Tabungan sampah siswa."})
	for _, query := range []string{"pelayanan", "melayani", "layanan", "kependudukan", "penduduk", "mengantre antrean"} {
		h := w.search(t, q("q", query))
		if !slices.Equal(h.titles(), []string{"Layanan Antrean Daring Kependudukan"}) {
			t.Errorf("q=%s found %v", query, h.titles())
		}
	}
	h := w.search(t, q("q", "pelayanan"))
	var marked []string
	for _, p := range h.Items[0].TitleHighlight {
		if p.Match {
			marked = append(marked, p.Text)
		}
	}
	if !slices.Equal(marked, []string{"Layanan"}) {
		t.Errorf("marked %v in %+v", marked, h.Items[0].TitleHighlight)
	}
	if h := w.search(t, q("q", "sampah -plastik")); len(h.Items) != 0 {
		t.Errorf("an excluded word is found: %v", h.titles())
	}
	if h := w.search(t, q("q", `"bank sampah"`)); !slices.Equal(h.titles(), []string{"Bank Sampah Sekolah"}) {
		t.Errorf("a phrase finds %v", h.titles())
	}
}

func TestSearchNeverReplacesAWordAndOnlySuggestsForUnknownOnes(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	soppeng := w.newAgency(t, "Pemerintah Kabupaten Soppeng", "Sulawesi Selatan")
	batam := w.newAgency(t, "Pemerintah Kota Batam", "Kepulauan Riau")
	w.publishInnovation(t, innovation{title: "Posyandu Digital Pencegahan Stunting", problem: "Angka stunting tinggi.", text: "Aplikasi posyandu.", agency: &soppeng})
	w.publishInnovation(t, innovation{title: "Perizinan Usaha Satu Pintu", problem: "Izin usaha lama.", text: "Izin daring.", agency: &batam})
	w.publishInnovation(t, innovation{title: "Surat Sampai Tepat Waktu", problem: "Surat dinas terlambat.", text: "Ekspedisi surat."})
	found := map[string]string{
		"posyandu digitl":   "Posyandu Digital Pencegahan Stunting", // one word is enough
		"tengkes":           "Posyandu Digital Pencegahan Stunting", // a synonym
		"soppeng":           "Posyandu Digital Pencegahan Stunting",
		"sulawesi":          "Posyandu Digital Pencegahan Stunting",
		"perizinan":         "Perizinan Usaha Satu Pintu",
		"perijinan":         "Perizinan Usaha Satu Pintu",
		"online":            "Perizinan Usaha Satu Pintu",
		"batam":             "Perizinan Usaha Satu Pintu",
		"kepulauan riau":    "Perizinan Usaha Satu Pintu",
		"pemerintah batam ": "Perizinan Usaha Satu Pintu",
	}
	for query, want := range found {
		h := w.search(t, q("q", query))
		if len(h.Items) == 0 || h.Items[0].Title != want || h.Suggestion != nil {
			t.Errorf("q=%q found %v (suggesting %v), want %s first", query, h.titles(), h.Suggestion, want)
		}
	}
	h := w.search(t, q("q", "tengkes"))
	if len(h.Items) != 1 || len(h.Items[0].Matched) != 1 || h.Items[0].Matched[0].Synonym != "stunting" {
		t.Errorf("tengkes says it matched %+v", h.Items)
	}
	// A valid word that is not on the showcase finds nothing and is not
	// "corrected" to a word that is.
	for _, query := range []string{"sampah", "bank sampah", "kelola", "pengelolaan", "mal pelayanan publik"} {
		if h := w.search(t, q("q", query)); len(h.Items) != 0 || h.Suggestion != nil {
			t.Errorf("q=%q found %v, suggesting %v", query, h.titles(), h.Suggestion)
		}
	}
	// An unknown word that found nothing gets a suggestion, only offered.
	suggested := map[string]string{"stuntng": "stunting", "sopeng": "soppeng", `"Perijinan Usha"`: `"Perijinan usaha"`}
	for query, want := range suggested {
		h := w.search(t, q("q", query))
		if len(h.Items) != 0 || h.Suggestion == nil || *h.Suggestion != want {
			t.Errorf("q=%q found %v, suggesting %v, want %q", query, h.titles(), h.Suggestion, want)
		}
	}
	if h := w.search(t, q("q", "xyzzy qwerty")); len(h.Items) != 0 || h.Suggestion != nil {
		t.Errorf("nonsense finds %v, suggesting %v", h.titles(), h.Suggestion)
	}
}

func TestSearchRanksTitleMatchesFirst(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.publishInnovation(t, innovation{title: "Gerakan Literasi Sekolah", problem: "Minat baca rendah; perpustakaan desa tidak aktif.", text: "Pojok baca."})
	w.publishInnovation(t, innovation{title: "Perpustakaan Desa Digital", problem: "Koleksi perpustakaan desa tidak terjangkau warga.", text: "Perpustakaan desa daring."})
	w.publishInnovation(t, innovation{title: "Layanan Kesehatan Keliling", problem: "Puskesmas jauh.", text: "Mobil sehat; pinjam buku perpustakaan."})
	h := w.search(t, q("q", "perpustakaan desa"))
	// Both words first, the title's best; then one word, saying which is missing.
	if want := []string{"Perpustakaan Desa Digital", "Gerakan Literasi Sekolah", "Layanan Kesehatan Keliling"}; !slices.Equal(h.titles(), want) {
		t.Fatalf("found %v, want %v", h.titles(), want)
	}
	if h.Terms != 2 || len(h.Items[1].Missing) != 0 || !slices.Equal(h.Items[2].Missing, []string{"desa"}) {
		t.Errorf("%d terms; missing %v, %v", h.Terms, h.Items[1].Missing, h.Items[2].Missing)
	}
	if !(h.Items[0].Score > h.Items[1].Score && h.Items[1].Score > h.Items[2].Score && h.Items[2].Score > 0 && h.Items[0].Score <= 1) {
		t.Errorf("scores %v, %v", h.Items[0].Score, h.Items[1].Score)
	}
	var snippet strings.Builder
	var marked int
	for _, p := range h.Items[1].Snippet {
		snippet.WriteString(p.Text)
		if p.Match {
			marked++
		}
	}
	if !strings.Contains(snippet.String(), "perpustakaan desa") || marked == 0 {
		t.Errorf("snippet %+v", h.Items[1].Snippet)
	}
}

func TestSearchFiltersByRegionProgramYearAndArea(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := context.Background()
	jateng := w.newAgency(t, "Pemerintah Kabupaten Batang", "Jawa Tengah")
	sumsel := w.newAgency(t, "Pemerintah Kota Palembang", "Sumatera Selatan")
	older, err := w.cohorts().CreateCohort(ctx, &domain.Actor{UserID: w.otherOrganizer.ID, Institutions: []uuid.UUID{w.instB.ID}},
		domain.CohortPlan{InstitutionID: w.instB.ID, Program: "pka", Code: "PKA-" + uniq(), Name: "PKA Angkatan III Tahun 2024",
			StartsOn: domain.NewDate(2024, 2, 1), EndsOn: domain.NewDate(2024, 7, 31)})
	if err != nil {
		t.Fatal(err)
	}
	w.publishInnovation(t, innovation{title: "Sekolah Ramah Anak", problem: "Perundungan.", text: "Satgas sekolah.", agency: &jateng, areas: []string{"Pendidikan"}})
	w.publishInnovation(t, innovation{title: "Pasar Sehat", problem: "Pasar kumuh.", text: "Pasar bersih.", agency: &sumsel, areas: []string{"kesehatan"},
		cohort: &older, organizer: w.otherOrganizer})
	year := fmt.Sprint(w.cohortA.StartsOn.Time().Year())
	cases := []struct {
		query url.Values
		want  []string
	}{
		{q("region", "jawa tengah"), []string{"Sekolah Ramah Anak"}},
		{q("program", "pka"), []string{"Pasar Sehat"}},
		{q("program", "pkn2", "year", year), []string{"Sekolah Ramah Anak"}},
		{q("year", "2024"), []string{"Pasar Sehat"}},
		{q("area", "pendidikan"), []string{"Sekolah Ramah Anak"}},
		{q("q", "pasar", "region", "Jawa Tengah"), nil},
		{q("q", "pasar", "program", "pka", "year", "2024", "area", "Kesehatan", "region", "Sumatera Selatan"), []string{"Pasar Sehat"}},
		{q(), []string{"Pasar Sehat", "Sekolah Ramah Anak"}}, // newest first
	}
	for _, c := range cases {
		if got := w.search(t, c.query).titles(); !slices.Equal(got, c.want) {
			t.Errorf("%s found %v, want %v", c.query.Encode(), got, c.want)
		}
	}
	for query, field := range map[string]string{"year=1800": "query.year", "program=pkn9": "query.program", "q=" + strings.Repeat("a", 201): "query.q"} {
		r := expect(t, w.get("/v1/showcase?"+query, ""), http.StatusUnprocessableEntity)
		if !slices.Contains(r.locations(t), field) {
			t.Errorf("%s: errors name %v", query, r.locations(t))
		}
	}
}

func TestSearchPagesWithCursorsWithoutRepeats(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for i := range 7 {
		w.publishInnovation(t, innovation{title: fmt.Sprintf("Inovasi Pelayanan Desa %d", i), problem: strings.Repeat("pelayanan ", i+1), text: "Inovasi."})
	}
	for _, query := range []url.Values{q("q", "pelayanan", "limit", "3"), q("limit", "3")} {
		var seen []string
		var scores []float64
		for page := 0; ; page++ {
			h := w.search(t, query)
			for _, i := range h.Items {
				seen = append(seen, i.Title)
				scores = append(scores, i.Score)
			}
			if h.NextCursor == "" {
				break
			}
			if page > 5 {
				t.Fatal("too many pages")
			}
			query.Set("cursor", h.NextCursor)
		}
		unique := slices.Compact(slices.Sorted(slices.Values(seen)))
		if len(seen) != 7 || len(unique) != 7 {
			t.Errorf("%s: pages gave %v", query.Encode(), seen)
		}
		if !slices.IsSortedFunc(scores, func(a, b float64) int { return int((b - a) * 1e9) }) {
			t.Errorf("scores not best first: %v", scores)
		}
	}
	r := expect(t, w.get("/v1/showcase?q=pelayanan&cursor="+w.search(t, q("limit", "1")).NextCursor, ""), http.StatusUnprocessableEntity)
	if !slices.Contains(r.locations(t), "query.cursor") {
		t.Errorf("a cursor of another list: %s", r.body)
	}
}

func TestHighlightsCarryNoMarkupOrMarkers(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	// The highlighter's own markers are control characters, which no title
	// may hold (TestNamesAndTitlesRefuseControlAndBidiCharacters).
	w.publishInnovation(t, innovation{title: "Layanan <b onmouseover=alert(1)>Cepat</b> Aman & Murah", problem: "Layanan lambat <script>alert(2)</script>.", text: "Layanan."})
	h := w.search(t, q("q", "layanan"))
	if len(h.Items) != 1 {
		t.Fatalf("found %v", h.titles())
	}
	// The parts are the text itself, markup included, to be shown as text:
	// nothing is added to it and the markers never reach a client.
	var title strings.Builder
	for _, p := range h.Items[0].TitleHighlight {
		title.WriteString(p.Text)
	}
	if want := "Layanan <b onmouseover=alert(1)>Cepat</b> Aman & Murah"; title.String() != want || h.Items[0].Title != want {
		t.Errorf("title parts make %q, want %q", title.String(), want)
	}
	for _, parts := range [][]highlightPart{h.Items[0].TitleHighlight, h.Items[0].Snippet} {
		for _, p := range parts {
			if strings.ContainsAny(p.Text, "\x01\x02") {
				t.Errorf("part %q", p.Text)
			}
			if p.Match && !strings.EqualFold(p.Text, "layanan") {
				t.Errorf("marked %q", p.Text)
			}
		}
	}
}

func TestPublicLinksHaveNoFileToDownload(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.published(t)
	link := w.linkEvidence(t, w.milestone.ID)
	w.approveEvidence(t, link.ID)
	r := expect(t, w.post(projectPath(w, "/publication"), w.tokenOf(roleParticipant), map[string]any{"innovation": "Antrean daring",
		"publicEvidence": []uuid.UUID{w.fileEvidence.ID, link.ID}}), http.StatusOK)
	id := r.field(t, "id")
	var e struct {
		Evidence []struct {
			ID                     uuid.UUID
			Kind, URL, ContentPath string
		}
	}
	expect(t, w.get("/v1/showcase/"+id, ""), http.StatusOK).decode(t, &e)
	if len(e.Evidence) != 2 {
		t.Fatalf("public evidence %+v", e.Evidence)
	}
	for _, ev := range e.Evidence {
		path := "/v1/showcase/" + id + "/evidence/" + ev.ID.String() + "/content"
		switch ev.Kind {
		case "file":
			if ev.ContentPath != path {
				t.Errorf("content path %q, want %q", ev.ContentPath, path)
			}
			got := expect(t, w.get(path, ""), http.StatusOK)
			if string(got.body) != string(pdf) || got.header.Get("Cache-Control") != "public, max-age=60" {
				t.Errorf("the public file: %d bytes, Cache-Control %q", len(got.body), got.header.Get("Cache-Control"))
			}
		case "link":
			if ev.URL != link.URL || ev.ContentPath != "" {
				t.Errorf("the public link %+v", ev)
			}
			expect(t, w.get(path, ""), http.StatusConflict)
		}
	}
}
