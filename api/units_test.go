package api_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// agencyAnswer is an agency as a test reads it.
type agencyAnswer struct {
	ID                        uuid.UUID
	Name                      string
	Province, Regency, Region string
	Version                   int
}

// unitAnswer is a work unit as a test reads it.
type unitAnswer struct {
	ID        uuid.UUID
	AgencyID  uuid.UUID
	Name      string
	Kind      string
	KindLabel string
	Version   int
	Actions   []string
}

// newUnit adds a work unit to an agency.
func (w *world) newUnit(t testing.TB, agency uuid.UUID, name string) domain.Unit {
	t.Helper()
	u, err := w.directory().CreateUnit(context.Background(), w.admin, agency, domain.UnitDraft{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// newPlacedAgency registers an agency with a unique name in a regency.
func (w *world) newPlacedAgency(t testing.TB, name, province, regency string) domain.Agency {
	t.Helper()
	a, err := w.directory().CreateAgencyOf(context.Background(), w.admin, domain.AgencyDraft{Name: name + " " + uniq(), Province: province, Regency: regency})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// errorAt returns the code of the problem's error at location, "" when none.
func errorAt(t testing.TB, r response, location string) string {
	t.Helper()
	for _, e := range r.problem(t).Errors {
		if e.Location == location {
			return e.Code
		}
	}
	return ""
}

func TestAnAgencyIsInAProvinceAndARegencyAndStillAnswersItsRegion(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	organizer := w.tokenOf(roleOrganizer)
	var a agencyAnswer
	expect(t, w.post("/v1/agencies", organizer, map[string]any{"name": "Pemerintah Kabupaten Klaten " + uniq(), "province": "jawa tengah", "regency": "Kab. Klaten"}),
		http.StatusCreated).decode(t, &a)
	if a.Province != "Jawa Tengah" || a.Regency != "Kabupaten Klaten" || a.Region != "Kabupaten Klaten, Jawa Tengah" || a.Version != 1 {
		t.Fatalf("created %+v", a)
	}
	// The first API's region is still understood: a province, or "regency, province".
	var old agencyAnswer
	expect(t, w.post("/v1/agencies", organizer, map[string]any{"name": "Pemerintah Kota Batam " + uniq(), "region": "Kota Batam, Kepulauan Riau"}),
		http.StatusCreated).decode(t, &old)
	if old.Province != "Kepulauan Riau" || old.Regency != "Kota Batam" {
		t.Errorf("from a region: %+v", old)
	}

	for _, tc := range []struct {
		body     map[string]any
		location string
		code     string
	}{
		{map[string]any{"province": "Jawa Tengah Raya"}, "body.province", "region.province_unknown"},
		{map[string]any{"province": "Jawa Tengah", "regency": "Klaten"}, "body.regency", "region.regency_form"},
		{map[string]any{"regency": "Kabupaten Klaten"}, "body.province", "region.regency_needs_province"},
		{map[string]any{"region": "Atlantis"}, "body.region", "region.form"},
	} {
		tc.body["name"] = "Pemerintah " + uniq()
		r := expect(t, w.post("/v1/agencies", organizer, tc.body), http.StatusUnprocessableEntity)
		if got := errorAt(t, r, tc.location); got != tc.code {
			t.Errorf("%v: %s at %s, want %s (%s)", tc.body, got, tc.location, tc.code, r.body)
		}
	}

	// Organizers change an agency's place with a merge patch and If-Match.
	path := "/v1/agencies/" + a.ID.String()
	expect(t, w.patch(path, w.tokenOf(roleCoach), map[string]any{"regency": "Kota Surakarta"}, nil), http.StatusForbidden)
	expect(t, w.patch(path, organizer, map[string]any{"regency": "Kota Surakarta"}, map[string]string{"If-Match": `"7"`}), http.StatusPreconditionFailed)
	changed := expect(t, w.patch(path, organizer, map[string]any{"regency": "Kota Surakarta"}, map[string]string{"If-Match": `"1"`}), http.StatusOK)
	var after agencyAnswer
	changed.decode(t, &after)
	if after.Regency != "Kota Surakarta" || after.Province != "Jawa Tengah" || after.Region != "Kota Surakarta, Jawa Tengah" || changed.header.Get("ETag") != `"2"` {
		t.Errorf("after the patch: %+v, ETag %s", after, changed.header.Get("ETag"))
	}
	r := expect(t, w.patch(path, organizer, map[string]any{"province": nil}, nil), http.StatusUnprocessableEntity)
	if got := errorAt(t, r, "body.province"); got != "region.regency_needs_province" {
		t.Errorf("a regency left without its province: %s", r.body)
	}
	var got agencyAnswer
	expect(t, w.get(path, w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &got)
	if got.Regency != "Kota Surakarta" {
		t.Errorf("get-agency: %+v", got)
	}
	expect(t, w.get("/v1/agencies/"+uuid.NewString(), organizer), http.StatusNotFound)
}

func TestOrganizersManageAnAgencysUnitsAndEveryoneListsThem(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	organizer := w.tokenOf(roleOrganizer)
	units := "/v1/agencies/" + w.agency.ID.String() + "/units"

	var dukcapil unitAnswer
	expect(t, w.post(units, organizer, map[string]any{"name": "Dinas Kependudukan dan Pencatatan Sipil"}), http.StatusCreated).decode(t, &dukcapil)
	if dukcapil.Kind != "dinas" || dukcapil.KindLabel != "Dinas" || dukcapil.AgencyID != w.agency.ID || !slices.Contains(dukcapil.Actions, "update-unit") {
		t.Fatalf("created %+v", dukcapil)
	}
	expect(t, w.post(units, organizer, map[string]any{"name": "Inspektorat", "kind": "inspektorat"}), http.StatusCreated)
	expect(t, w.post(units, organizer, map[string]any{"name": "Bappeda"}), http.StatusCreated)

	// One name per agency, whatever the case; a kind from the list.
	dup := expect(t, w.post(units, organizer, map[string]any{"name": "dinas kependudukan dan pencatatan sipil"}), http.StatusConflict)
	if code := errorAt(t, dup, "body.name"); code != "unit.name_taken" && dup.problem(t).Code != "unit.name_taken" {
		t.Errorf("a second unit of the same name: %s", dup.body)
	}
	bad := expect(t, w.post(units, organizer, map[string]any{"name": "Kementerian", "kind": "kementerian"}), http.StatusUnprocessableEntity)
	if code := errorAt(t, bad, "body.kind"); code != "field.not_one_of" {
		t.Errorf("an unknown kind: %s", bad.body)
	}
	expect(t, w.post(units, w.tokenOf(roleCoach), map[string]any{"name": "Dinas Sosial"}), http.StatusForbidden)
	expect(t, w.post("/v1/agencies/"+uuid.NewString()+"/units", organizer, map[string]any{"name": "Dinas Sosial"}), http.StatusNotFound)

	// Everyone signed in lists them by name; a participant may change none.
	var list struct{ Items []unitAnswer }
	expect(t, w.get(units, w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &list)
	var names []string
	for _, u := range list.Items {
		names = append(names, u.Name+"/"+u.Kind)
		if len(u.Actions) != 0 {
			t.Errorf("a participant is offered %v", u.Actions)
		}
	}
	if want := []string{"Bappeda/badan", "Dinas Kependudukan dan Pencatatan Sipil/dinas", "Inspektorat/inspektorat"}; !slices.Equal(names, want) {
		t.Errorf("listed %v, want %v", names, want)
	}
	expect(t, w.get(units, ""), http.StatusUnauthorized)

	// Renaming honours If-Match.
	path := "/v1/units/" + dukcapil.ID.String()
	expect(t, w.patch(path, organizer, map[string]any{"name": "Disdukcapil"}, map[string]string{"If-Match": `"5"`}), http.StatusPreconditionFailed)
	var renamed unitAnswer
	expect(t, w.patch(path, organizer, map[string]any{"name": "Disdukcapil"}, map[string]string{"If-Match": `"1"`}), http.StatusOK).decode(t, &renamed)
	if renamed.Name != "Disdukcapil" || renamed.Kind != "dinas" || renamed.Version != 2 {
		t.Errorf("renamed %+v", renamed)
	}
	expect(t, w.patch(path, w.tokenOf(roleMentor), map[string]any{"name": "X"}, nil), http.StatusForbidden)
	expect(t, w.patch("/v1/units/"+uuid.NewString(), organizer, map[string]any{"name": "X"}, nil), http.StatusNotFound)

	var kinds struct {
		Items []struct{ Kind, Label string }
	}
	expect(t, w.get("/v1/unit-kinds", organizer), http.StatusOK).decode(t, &kinds)
	if len(kinds.Items) != len(domain.UnitKinds) || kinds.Items[0].Label != "Dinas" {
		t.Errorf("kinds %+v", kinds)
	}
}

func TestAPersonsUnitMustBeAUnitOfTheirAgency(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	admin := w.tokenOf(roleAdmin)
	own := w.newUnit(t, w.agency.ID, "Dinas Komunikasi dan Informatika")
	klaten := w.newPlacedAgency(t, "Pemerintah Kabupaten Klaten", "Jawa Tengah", "Kabupaten Klaten")
	foreign := w.newUnit(t, klaten.ID, "Dinas Komunikasi dan Informatika")

	body := map[string]any{"email": uniq() + "@batam.go.id", "name": "Budi", "agencyId": w.agency.ID, "unitId": foreign.ID}
	r := expect(t, w.post("/v1/users", admin, body), http.StatusUnprocessableEntity)
	if code := errorAt(t, r, "body.unitId"); code != "unit.not_of_agency" {
		t.Errorf("a unit of another agency: %s", r.body)
	}
	body["unitId"] = uuid.New()
	if r := expect(t, w.post("/v1/users", admin, body), http.StatusUnprocessableEntity); errorAt(t, r, "body.unitId") != "unit.unknown" {
		t.Errorf("an unknown unit: %s", r.body)
	}
	delete(body, "agencyId")
	body["unitId"] = own.ID
	if r := expect(t, w.post("/v1/users", admin, body), http.StatusUnprocessableEntity); errorAt(t, r, "body.unitId") != "unit.not_of_agency" {
		t.Errorf("a unit without an agency: %s", r.body)
	}
	body["agencyId"] = w.agency.ID
	created := expect(t, w.post("/v1/users", admin, body), http.StatusCreated)
	if created.field(t, "unitId") != own.ID.String() {
		t.Fatalf("created %s", created.body)
	}

	// A new agency without a unit drops the old agency's unit; a unit of
	// the other agency is refused unless the agency changes with it.
	path := "/v1/users/" + created.field(t, "id")
	if r := expect(t, w.patch(path, admin, map[string]any{"unitId": foreign.ID}, nil), http.StatusUnprocessableEntity); errorAt(t, r, "body.unitId") != "unit.not_of_agency" {
		t.Errorf("a unit of another agency: %s", r.body)
	}
	moved := expect(t, w.patch(path, admin, map[string]any{"agencyId": klaten.ID, "unitId": foreign.ID}, nil), http.StatusOK)
	if moved.field(t, "unitId") != foreign.ID.String() {
		t.Errorf("moved with the unit: %s", moved.body)
	}
	back := expect(t, w.patch(path, admin, map[string]any{"agencyId": w.agency.ID}, nil), http.StatusOK)
	if strings.Contains(string(back.body), `"unitId"`) {
		t.Errorf("the old agency's unit stayed: %s", back.body)
	}
}

func TestRosterImportFindsOrCreatesTheUnitsItNames(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	agency := "Pemerintah Kota Batam " + uniq()
	header := "NIP;Nama;Email;Jabatan;Pangkat/Golongan;Instansi;Email Mentor;Nama Mentor;Email Coach;Kelompok;Unit Kerja;Unit Kerja Mentor\n"
	mentor := uniq() + "@batam.go.id"
	csv := header +
		";Budi;" + uniq() + "@batam.go.id;Kepala Dinas;IV/b;" + agency + ";" + mentor + ";Sekda;;;Disdukcapil;Sekretariat Daerah\n" +
		";Siti;" + uniq() + "@batam.go.id;Kepala Dinas;IV/b;" + agency + ";" + mentor + ";Sekda;;;DISDUKCAPIL;Sekretariat Daerah\n" +
		";Andi;" + uniq() + "@batam.go.id;Kepala Dinas;IV/b;" + agency + ";" + mentor + ";Sekda;;;Diskominfo;\n"
	res := expect(t, w.importRoster(csv), http.StatusOK)
	var result struct {
		Rows []struct {
			ParticipantID, MentorID string
			AgencyID                uuid.UUID
			UnitID, MentorUnitID    *uuid.UUID
			CreatedUnits            int
		}
	}
	res.decode(t, &result)
	first, second, third := result.Rows[0], result.Rows[1], result.Rows[2]
	if first.UnitID == nil || first.MentorUnitID == nil || first.CreatedUnits != 2 {
		t.Fatalf("row 2 creates the participant's and the mentor's units: %s", res.body)
	}
	if second.UnitID == nil || *second.UnitID != *first.UnitID || *second.MentorUnitID != *first.MentorUnitID || second.CreatedUnits != 0 {
		t.Errorf("row 3 finds them, whatever the case: %+v", second)
	}
	if third.UnitID == nil || *third.UnitID == *first.UnitID || third.MentorUnitID != nil || third.CreatedUnits != 1 {
		t.Errorf("row 4 creates another unit and names no mentor unit: %+v", third)
	}
	var units struct{ Items []unitAnswer }
	expect(t, w.get("/v1/agencies/"+first.AgencyID.String()+"/units", w.tokenOf(roleOrganizer)), http.StatusOK).decode(t, &units)
	var names []string
	for _, u := range units.Items {
		names = append(names, u.Name+"/"+u.Kind)
	}
	if want := []string{"Disdukcapil/dinas", "Diskominfo/dinas", "Sekretariat Daerah/sekretariat"}; !slices.Equal(names, want) {
		t.Errorf("the agency's units: %v, want %v", names, want)
	}
	var participantUnit, mentorUnit uuid.UUID
	w.db.QueryRow(`SELECT unit_id FROM users WHERE id = ?`, first.ParticipantID).Scan(&participantUnit)
	w.db.QueryRow(`SELECT unit_id FROM users WHERE id = ?`, first.MentorID).Scan(&mentorUnit)
	if participantUnit != *first.UnitID || mentorUnit != *first.MentorUnitID {
		t.Errorf("accounts' units: %s, %s", participantUnit, mentorUnit)
	}

	// An existing account of the agency without a unit gets the row's;
	// the same file without the unit columns is still a roster.
	w.db.Exec(`UPDATE users SET unit_id = NULL WHERE id = ?`, first.ParticipantID)
	expect(t, w.importRoster(csv), http.StatusOK)
	w.db.QueryRow(`SELECT unit_id FROM users WHERE id = ?`, first.ParticipantID).Scan(&participantUnit)
	if participantUnit != *first.UnitID {
		t.Errorf("the unit was not filled in: %s", participantUnit)
	}
	plain := strings.ReplaceAll(strings.ReplaceAll(csv, ";Unit Kerja;Unit Kerja Mentor", ""), ";Disdukcapil;Sekretariat Daerah", "")
	plain = strings.ReplaceAll(strings.ReplaceAll(plain, ";DISDUKCAPIL;Sekretariat Daerah", ""), ";Diskominfo;", "")
	expect(t, w.importRoster(plain), http.StatusOK)
}

func TestARosterUnitWithoutAnAgencyIsNamedByRowAndColumn(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	csv := "nip,name,email,position,rank,agency,mentor_email,mentor_name,coach_email,group,unit\n" +
		",Budi," + uniq() + "@batam.go.id,,,,sekda@batam.go.id,Sekda,,,Disdukcapil\n"
	r := expect(t, w.importRoster(csv), http.StatusUnprocessableEntity)
	if code := errorAt(t, r, "body.rows[2].unit"); code != "roster.unit_without_agency" {
		t.Errorf("a unit without an agency: %s", r.body)
	}
}

func TestTheShowcaseNamesUnitsAndRegenciesAndFiltersByRegency(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := context.Background()
	klaten := w.newPlacedAgency(t, "Pemerintah Kabupaten Klaten", "Jawa Tengah", "Kabupaten Klaten")
	semarang := w.newPlacedAgency(t, "Pemerintah Kota Semarang", "Jawa Tengah", "Kota Semarang")
	batam := w.newPlacedAgency(t, "Pemerintah Kota Batam", "Kepulauan Riau", "Kota Batam")
	dukcapil := w.newUnit(t, klaten.ID, "Dinas Kependudukan dan Pencatatan Sipil")
	inspektorat := w.newUnit(t, semarang.ID, "Inspektorat Daerah")
	project, pspk := w.publishInnovation(t, innovation{title: "Pelayanan Satu Pintu Kependudukan", problem: "Antrean panjang.", text: "Satu loket.",
		agency: &klaten, unit: &dukcapil})
	w.publishInnovation(t, innovation{title: "Audit Berbasis Risiko", problem: "Temuan berulang.", text: "Peta risiko.", agency: &semarang, unit: &inspektorat})
	w.publishInnovation(t, innovation{title: "Mal Pelayanan Publik", problem: "Izin tersebar.", text: "Satu gedung.", agency: &batam})

	if pspk.UnitName != dukcapil.Name || pspk.Regency != "Kabupaten Klaten" || pspk.Province != "Jawa Tengah" || pspk.Region != "Kabupaten Klaten, Jawa Tengah" {
		t.Fatalf("published %+v", pspk)
	}
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"regency=Kabupaten+Klaten", []string{"Pelayanan Satu Pintu Kependudukan"}},
		{"regency=kab.+klaten", []string{"Pelayanan Satu Pintu Kependudukan"}},
		{"regency=Semarang", []string{"Audit Berbasis Risiko"}},
		{"regency=Kota+Klaten", nil},
		{"province=Jateng", []string{"Audit Berbasis Risiko", "Pelayanan Satu Pintu Kependudukan"}},
		{"region=Jawa+Tengah", []string{"Audit Berbasis Risiko", "Pelayanan Satu Pintu Kependudukan"}},
		{"region=Kota+Batam", []string{"Mal Pelayanan Publik"}},
		{"q=pelayanan&regency=Kota+Batam", []string{"Mal Pelayanan Publik"}},
		{"unit=dinas+kependudukan+dan+pencatatan+sipil", []string{"Pelayanan Satu Pintu Kependudukan"}},
		{"unit=Inspektorat+Daerah&province=Jawa+Tengah", []string{"Audit Berbasis Risiko"}},
	} {
		var h struct {
			Items []struct{ Title, UnitName, Regency, Province string }
		}
		expect(t, w.get("/v1/showcase?"+c.query, ""), http.StatusOK).decode(t, &h)
		var got []string
		for _, i := range h.Items {
			got = append(got, i.Title)
			if i.Title == "Pelayanan Satu Pintu Kependudukan" && (i.UnitName != dukcapil.Name || i.Regency != "Kabupaten Klaten" || i.Province != "Jawa Tengah") {
				t.Errorf("%s: the hit names %+v", c.query, i)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s found %v, want %v", c.query, got, c.want)
		}
	}
	if r := expect(t, w.get("/v1/showcase?province=Atlantis", ""), http.StatusUnprocessableEntity); !slices.Contains(r.locations(t), "query.province") {
		t.Errorf("an unknown province: %s", r.body)
	}

	// The project names its participant's unit and regency.
	var p struct {
		Participant struct{ AgencyName, UnitName, Regency, Province, Region string }
	}
	expect(t, w.get("/v1/projects/"+project.String(), w.tokenOf(roleOrganizer)), http.StatusOK).decode(t, &p)
	if p.Participant.UnitName != dukcapil.Name || p.Participant.Regency != "Kabupaten Klaten" || p.Participant.AgencyName != klaten.Name {
		t.Errorf("the project names %+v", p.Participant)
	}

	// A studi tiru names the visiting unit, a unit of the visiting agency.
	organizer := w.tokenOf(roleOrganizer)
	replications := "/v1/showcase/" + pspk.ID.String() + "/replications"
	visiting := w.newUnit(t, batam.ID, "Bagian Organisasi")
	r := expect(t, w.post(replications, organizer, map[string]any{"agencyId": batam.ID, "unitId": inspektorat.ID, "status": "studied", "date": "2026-01-15"}),
		http.StatusUnprocessableEntity)
	if code := errorAt(t, r, "body.unitId"); code != "unit.not_of_agency" {
		t.Errorf("a unit of another agency: %s", r.body)
	}
	created := expect(t, w.post(replications, organizer, map[string]any{"agencyId": batam.ID, "unitId": visiting.ID, "status": "studied", "date": "2026-01-15"}),
		http.StatusCreated)
	if created.field(t, "unitId") != visiting.ID.String() {
		t.Errorf("recorded %s", created.body)
	}
	var entry struct {
		UnitName, Regency string
		ReplicatedBy      []struct{ AgencyName, UnitName, Regency, Province string }
	}
	expect(t, w.get("/v1/showcase/"+pspk.ID.String(), ""), http.StatusOK).decode(t, &entry)
	if entry.UnitName != dukcapil.Name || entry.Regency != "Kabupaten Klaten" || len(entry.ReplicatedBy) != 1 ||
		entry.ReplicatedBy[0].UnitName != "Bagian Organisasi" || entry.ReplicatedBy[0].Regency != "Kota Batam" {
		t.Errorf("the entry names %+v", entry)
	}
	var history struct {
		Items []struct{ UnitName, InnovatorRegency, InnovatorUnit string }
	}
	expect(t, w.get("/v1/agencies/"+batam.ID.String()+"/replications", organizer), http.StatusOK).decode(t, &history)
	if len(history.Items) != 1 || history.Items[0].UnitName != "Bagian Organisasi" || history.Items[0].InnovatorRegency != "Kabupaten Klaten" ||
		history.Items[0].InnovatorUnit != dukcapil.Name {
		t.Errorf("the visitors' history: %+v", history.Items)
	}
	_ = ctx
}
