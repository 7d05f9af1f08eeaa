package api_test

import (
	"github.com/proper-id/proper/domain"

	"net/http"
	"slices"
	"testing"
)

// designSectionsAnswer reads the structured sections of a project answer.
type designSectionsAnswer struct {
	SuccessIndicators []struct{ ID, Name, Baseline, Target, Unit string }
	Team              struct {
		Sponsor, Mentor, ProjectLeader string
		Members                        []struct{ Name, Role string }
	}
	Risks     []struct{ Description, Mitigation string }
	Resources []struct {
		Name, Source string
		AmountRupiah int64
	}
	StrategicAlignment string
}

// fullDesignSections is a patch of every structured section, complete.
func fullDesignSections() map[string]any {
	return map[string]any{
		"successIndicators": []map[string]string{
			{"name": "Waktu tunggu layanan KTP-el", "baseline": "180", "target": "30", "unit": "menit"},
			{"name": "SOP antrean daring", "baseline": "belum ada", "target": "ditetapkan", "unit": ""}},
		"team": map[string]any{"sponsor": "Kepala Disdukcapil", "mentor": "Sekretaris Dinas", "projectLeader": "Kepala Bidang Pelayanan",
			"members": []map[string]string{{"name": "Rina Marlina", "role": "Pengembang aplikasi"}}},
		"risks":              []map[string]string{{"description": "Jaringan kelurahan tidak stabil", "mitigation": "Formulir luring"}},
		"resources":          []map[string]any{{"name": "Aplikasi antrean", "source": "APBD Kota Batam 2027", "amountRupiah": 25000000}},
		"strategicAlignment": "RPJMD Kota Batam 2026–2031, Misi 3",
	}
}

func TestDesignSectionsAreKeptAndIndicatorsKeepTheirIDs(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	token := w.tokenOf(roleParticipant)
	var got designSectionsAnswer
	expect(t, w.patch(projectPath(w, ""), token, fullDesignSections(), nil), http.StatusOK).decode(t, &got)
	if len(got.SuccessIndicators) != 2 || got.SuccessIndicators[0].ID == "" || got.SuccessIndicators[0].Unit != "menit" ||
		got.Team.Members[0].Role != "Pengembang aplikasi" || got.Risks[0].Mitigation != "Formulir luring" ||
		got.Resources[0].AmountRupiah != 25000000 || got.StrategicAlignment != "RPJMD Kota Batam 2026–2031, Misi 3" {
		t.Fatalf("sections as answered: %+v", got)
	}
	kept := got.SuccessIndicators[1].ID
	// The second indicator is kept by its id and moved first; the first is dropped; a new one is added.
	patch := map[string]any{"successIndicators": []map[string]string{
		{"id": kept, "name": "SOP antrean daring", "baseline": "belum ada", "target": "ditetapkan", "unit": ""},
		{"name": "Kepuasan warga", "baseline": "70", "target": "85", "unit": "%"}}}
	expect(t, w.patch(projectPath(w, ""), token, patch, nil), http.StatusOK)
	var read designSectionsAnswer
	expect(t, w.get(projectPath(w, ""), token), http.StatusOK).decode(t, &read)
	if read.SuccessIndicators[0].ID != kept || read.SuccessIndicators[1].ID == kept || read.SuccessIndicators[1].ID == got.SuccessIndicators[0].ID {
		t.Fatalf("ids after the edit %+v, want %s kept first and a new one second", read.SuccessIndicators, kept)
	}
	if read.Team.Sponsor != "Kepala Disdukcapil" || len(read.Risks) != 1 {
		t.Fatalf("sections not in the patch changed: %+v", read)
	}
}

func TestDesignSectionRulesNameTheField(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	token := w.tokenOf(roleParticipant)
	res := expect(t, w.patch(projectPath(w, ""), token, map[string]any{
		"resources": []map[string]any{{"name": "Server", "source": "APBD", "amountRupiah": -1}},
		"team":      map[string]any{"sponsor": "Kepala\nDinas", "mentor": "", "projectLeader": "", "members": []any{}},
	}, nil), http.StatusUnprocessableEntity)
	if locs := res.locations(t); !slices.Contains(locs, "body.resources[0].amountRupiah") {
		t.Fatalf("errors at %v, want body.resources[0].amountRupiah", locs)
	}
	// The schema lets the line break through; the domain names it.
	res = expect(t, w.patch(projectPath(w, ""), token, map[string]any{
		"team": map[string]any{"sponsor": "Kepala\nDinas", "mentor": "", "projectLeader": "", "members": []any{}}}, nil), http.StatusUnprocessableEntity)
	if locs := res.locations(t); !slices.Contains(locs, "body.team.sponsor") {
		t.Fatalf("errors at %v, want body.team.sponsor", locs)
	}
}

func TestSubmittingTheDesignNamesEveryIncompleteSectionItem(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.draftDesign(t)
	token := w.tokenOf(roleParticipant)
	incomplete := map[string]any{
		"successIndicators": []map[string]string{
			{"name": "Waktu tunggu", "baseline": "180", "target": "30", "unit": "menit"},
			{"name": "Kepuasan warga", "baseline": "70", "target": " ", "unit": "%"}},
		"team":      map[string]any{"sponsor": "Kepala Dinas", "mentor": "Sekdis", "projectLeader": "Kabid", "members": []map[string]string{{"name": "Rina", "role": ""}}},
		"risks":     []map[string]string{{"description": "Jaringan tidak stabil", "mitigation": ""}},
		"resources": []map[string]any{{"name": "Server", "source": "", "amountRupiah": 0}},
	}
	expect(t, w.patch(projectPath(w, ""), token, incomplete, nil), http.StatusOK) // a draft may be incomplete
	pr := expect(t, w.post(projectPath(w, "/design/submit"), token, nil), http.StatusUnprocessableEntity).problem(t)
	want := map[string]bool{"body.successIndicators[1].target": false, "body.team.members[0].role": false,
		"body.risks[0].mitigation": false, "body.resources[0].source": false}
	for _, e := range pr.Errors {
		if _, ok := want[e.Location]; ok && e.Code == "design.required_to_submit" {
			want[e.Location] = true
		} else {
			t.Errorf("unexpected error %s at %s", e.Code, e.Location)
		}
	}
	for loc, seen := range want {
		if !seen {
			t.Errorf("no design.required_to_submit at %s: %+v", loc, pr.Errors)
		}
	}
	if p := w.projectState(t); p.Status != "draft" {
		t.Fatalf("a refused submission left the design %s", p.Status)
	}
	expect(t, w.patch(projectPath(w, ""), token, fullDesignSections(), nil), http.StatusOK)
	expect(t, w.post(projectPath(w, "/design/submit"), token, nil), http.StatusOK)
	// Submitted, the sections are frozen like the rest of the design.
	expect(t, w.patch(projectPath(w, ""), token, map[string]any{"strategicAlignment": "Renstra"}, nil), http.StatusConflict)
}

func TestApprovedDesignSectionsChangeOnlyByChangeRequest(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	participant := w.tokenOf(roleParticipant)
	w.draftDesign(t)
	var drafted designSectionsAnswer
	expect(t, w.patch(projectPath(w, ""), participant, fullDesignSections(), nil), http.StatusOK).decode(t, &drafted)
	w.bringProjectTo(t, domain.ProjectImplementing)
	wantProblem(t, "an approved indicator edited directly", w.patch(projectPath(w, ""), participant,
		map[string]any{"successIndicators": []map[string]string{}}, nil), http.StatusConflict, "plan.change_request_required")

	// An incomplete section is named under changes.
	wantProblem(t, "a risk without mitigation", w.post(projectPath(w, "/change-requests"), participant, map[string]any{"reason": "Risiko baru",
		"changes": map[string]any{"risks": []map[string]string{{"description": "Anggaran dipotong", "mitigation": " "}}}}),
		http.StatusUnprocessableEntity, "design.required_to_submit")

	kept := drafted.SuccessIndicators[0].ID
	id := w.fileChangeRequest(t, map[string]any{
		"successIndicators": []map[string]string{
			{"id": kept, "name": "Waktu tunggu layanan KTP-el", "baseline": "180", "target": "20", "unit": "menit"}},
		"strategicAlignment": "Renstra Disdukcapil 2026–2031, Sasaran 2"})
	var proposed struct {
		Changes struct {
			SuccessIndicators []struct{ ID, Target string }
			Team              *struct{ Sponsor string }
		}
	}
	expect(t, w.get("/v1/change-requests/"+id, participant), http.StatusOK).decode(t, &proposed)
	if len(proposed.Changes.SuccessIndicators) != 1 || proposed.Changes.SuccessIndicators[0].Target != "20" || proposed.Changes.Team != nil {
		t.Fatalf("the request as read: %+v", proposed.Changes)
	}
	var unchanged designSectionsAnswer
	expect(t, w.get(projectPath(w, ""), participant), http.StatusOK).decode(t, &unchanged)
	if unchanged.SuccessIndicators[0].Target != "30" || len(unchanged.SuccessIndicators) != 2 {
		t.Fatalf("a pending request changed the indicators: %+v", unchanged.SuccessIndicators)
	}
	expect(t, w.decide(roleMentor, id, "approve", ""), http.StatusOK)
	expect(t, w.decide(roleCoach, id, "approve", ""), http.StatusOK)
	var after designSectionsAnswer
	expect(t, w.get(projectPath(w, ""), participant), http.StatusOK).decode(t, &after)
	if len(after.SuccessIndicators) != 1 || after.SuccessIndicators[0].ID != kept || after.SuccessIndicators[0].Target != "20" ||
		after.StrategicAlignment != "Renstra Disdukcapil 2026–2031, Sasaran 2" || after.Team.Sponsor != "Kepala Disdukcapil" {
		t.Fatalf("after the approved request: %+v", after)
	}
}
