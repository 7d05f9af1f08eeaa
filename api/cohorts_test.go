package api_test

import (
	"net/http"
	"slices"
	"testing"
)

func cohortBody(w *world, changes map[string]any) map[string]any {
	body := map[string]any{"institutionId": w.instA.ID, "program": "pkn2", "code": "PKN2-" + uniq(), "name": "PKN II Angkatan XIII",
		"startsOn": "2026-03-02", "endsOn": "2026-09-30", "phases": []map[string]string{
			{"kind": "design", "startsOn": "2026-03-02", "endsOn": "2026-03-27"},
			{"kind": "design_seminar", "startsOn": "2026-03-30", "endsOn": "2026-04-03"},
			{"kind": "implementation", "startsOn": "2026-04-06", "endsOn": "2026-08-28"},
			{"kind": "final_seminar", "startsOn": "2026-09-07", "endsOn": "2026-09-18"},
		}}
	for k, v := range changes {
		body[k] = v
	}
	return body
}

func TestOrganizerCreatesACohortAndBecomesItsOrganizer(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	token := w.tokenOf(roleOrganizer)
	res := expect(t, w.post("/v1/cohorts", token, cohortBody(w, nil)), http.StatusCreated)
	id := res.field(t, "id")
	if res.header.Get("ETag") != `"1"` {
		t.Fatalf("ETag %q", res.header.Get("ETag"))
	}
	var staff struct {
		Items []struct{ UserID, Role string }
	}
	expect(t, w.get("/v1/cohorts/"+id+"/staff", token), http.StatusOK).decode(t, &staff)
	if len(staff.Items) != 1 || staff.Items[0].UserID != w.organizer.ID.String() || staff.Items[0].Role != "organizer" {
		t.Fatalf("staff %+v: the creator should be the organizer", staff.Items)
	}
	var mine struct{ Items []struct{ ID string } }
	expect(t, w.get("/v1/cohorts", token), http.StatusOK).decode(t, &mine)
	if len(mine.Items) != 2 || mine.Items[0].ID != id {
		t.Fatalf("list-cohorts %+v: want the new cohort first, then cohort A", mine.Items)
	}
}

func TestCohortScheduleRulesNameTheBadField(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	cases := map[string]struct {
		changes map[string]any
		field   string
	}{
		"ends before it starts": {map[string]any{"endsOn": "2026-03-01", "phases": []any{}}, "body.endsOn"},
		"unknown program":       {map[string]any{"program": "pkn3"}, "body.program"},
		"phase outside the window": {map[string]any{"phases": []map[string]string{
			{"kind": "design", "startsOn": "2026-02-02", "endsOn": "2026-03-27"}}}, "body.phases[0]"},
		"phases out of order": {map[string]any{"phases": []map[string]string{
			{"kind": "implementation", "startsOn": "2026-04-06", "endsOn": "2026-08-28"},
			{"kind": "design", "startsOn": "2026-08-30", "endsOn": "2026-09-03"}}}, "body.phases[1].kind"},
		"overlapping phases": {map[string]any{"phases": []map[string]string{
			{"kind": "design", "startsOn": "2026-03-02", "endsOn": "2026-04-10"},
			{"kind": "design_seminar", "startsOn": "2026-04-06", "endsOn": "2026-04-12"}}}, "body.phases[1].startsOn"},
		"phase ends before it starts": {map[string]any{"phases": []map[string]string{
			{"kind": "design", "startsOn": "2026-03-20", "endsOn": "2026-03-10"}}}, "body.phases[0].endsOn"},
		"not a date": {map[string]any{"startsOn": "2 Maret 2026"}, "body.startsOn"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			res := expect(t, w.post("/v1/cohorts", w.tokenOf(roleOrganizer), cohortBody(w, c.changes)), http.StatusUnprocessableEntity)
			if locs := res.locations(t); !slices.Contains(locs, c.field) {
				t.Fatalf("errors at %v, want %s: %s", locs, c.field, res.body)
			}
		})
	}
}

func TestCohortCodeIsUniqueWithinItsInstitution(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	token := w.tokenOf(roleOrganizer)
	body := cohortBody(w, nil)
	expect(t, w.post("/v1/cohorts", token, body), http.StatusCreated)
	res := expect(t, w.post("/v1/cohorts", token, body), http.StatusConflict)
	if locs := res.locations(t); len(locs) != 1 || locs[0] != "body.code" {
		t.Fatalf("errors at %v, want body.code", locs)
	}
	body["institutionId"] = w.instB.ID
	expect(t, w.post("/v1/cohorts", w.tokenOf(roleOtherOrganizer), body), http.StatusCreated)
}

func TestUpdateCohortChecksTheWholeScheduleAndTheVersion(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	token := w.tokenOf(roleOrganizer)
	path := "/v1/cohorts/" + w.cohortA.ID.String()
	res := expect(t, w.patch(path, token, map[string]any{"endsOn": "2026-05-01"}, nil), http.StatusUnprocessableEntity)
	if locs := res.locations(t); !slices.Contains(locs, "body.phases[2]") {
		t.Fatalf("shortening the cohort must flag the phases now outside it: %v", locs)
	}
	res = expect(t, w.patch(path, token, map[string]any{"name": "PKN II Angkatan XIV"}, map[string]string{"If-Match": `"1"`}), http.StatusOK)
	if res.field(t, "name") != "PKN II Angkatan XIV" || res.header.Get("ETag") != `"2"` {
		t.Fatalf("%s %s", res.header.Get("ETag"), res.body)
	}
	expect(t, w.patch(path, token, map[string]any{"name": "Lagi"}, map[string]string{"If-Match": `"1"`}), http.StatusPreconditionFailed)
}

func TestRemovingStaffKeepsTheCohortWorkable(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	token := w.tokenOf(roleOrganizer)
	base := "/v1/cohorts/" + w.cohortA.ID.String() + "/staff/"
	expect(t, w.do(request{method: http.MethodDelete, path: base + w.coach.ID.String(), token: token}), http.StatusConflict)
	expect(t, w.do(request{method: http.MethodDelete, path: base + w.organizer.ID.String(), token: token}), http.StatusConflict)
	expect(t, w.do(request{method: http.MethodDelete, path: base + w.examiner.ID.String() + "?role=coach", token: token}), http.StatusNotFound)
	expect(t, w.do(request{method: http.MethodDelete, path: base + w.examiner.ID.String(), token: token}), http.StatusNoContent)
}
