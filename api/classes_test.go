package api_test

import (
	"context"
	"encoding/csv"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/proper-id/proper/domain"
)

// class is a class as the tests read it.
type class struct {
	ID             string
	Name           string
	CoachIDs       []string
	Participants   int
	Groups         []string
	Actions        []string
	RefusedActions []struct{ Action, Code string }
}

// createClass creates a class in the world's cohort A as its organizer.
func (w *world) createClass(t *testing.T, name string, coaches ...string) class {
	t.Helper()
	var c class
	body := map[string]any{"name": name}
	if len(coaches) > 0 {
		body["coachIds"] = coaches
	}
	expect(t, w.post("/v1/cohorts/"+w.cohortA.ID.String()+"/classes", w.tokenOf(roleOrganizer), body), http.StatusCreated).decode(t, &c)
	return c
}

// placeIn moves an enrollment into a class (nil: out of any) as the organizer.
func (w *world) placeIn(t *testing.T, enrollment string, classID any) response {
	t.Helper()
	return w.patch("/v1/enrollments/"+enrollment, w.tokenOf(roleOrganizer), map[string]any{"classId": classID}, nil)
}

func (w *world) classes(t *testing.T, role string) []class {
	t.Helper()
	var list struct{ Items []class }
	expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/classes", w.tokenOf(role)), http.StatusOK).decode(t, &list)
	return list.Items
}

func TestOrganizersManageClassesAndPlaceParticipantsInThem(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	path := "/v1/cohorts/" + w.cohortA.ID.String() + "/classes"
	organizer := w.tokenOf(roleOrganizer)

	a := w.createClass(t, "Kelas A", w.coach.ID.String())
	if a.Name != "Kelas A" || !slices.Equal(a.CoachIDs, []string{w.coach.ID.String()}) || a.Participants != 0 ||
		!slices.Contains(a.Actions, "update-class") || !slices.Contains(a.Actions, "delete-class") {
		t.Errorf("create-class answered %+v", a)
	}
	b := w.createClass(t, "Kelas B")

	// Unhappy paths, each naming its field.
	for _, c := range []struct {
		body           map[string]any
		status         int
		code, location string
	}{
		{map[string]any{"name": "kelas a"}, http.StatusConflict, "class.name_taken", "body.name"},
		{map[string]any{"name": ""}, http.StatusUnprocessableEntity, "", "body.name"},
		{map[string]any{"name": "Kelas C", "coachIds": []string{w.mentor.ID.String()}}, http.StatusUnprocessableEntity, "enrollment.coach_not_staff", "body.coachIds[0]"},
	} {
		p := expect(t, w.post(path, organizer, c.body), c.status).problem(t)
		if len(p.Errors) == 0 || p.Errors[0].Location != c.location || (c.code != "" && p.Errors[0].Code != c.code) {
			t.Errorf("%v answered %+v, want %s at %s", c.body, p, c.code, c.location)
		}
	}
	expect(t, w.post(path, w.tokenOf(roleCoach), map[string]any{"name": "Kelas D"}), http.StatusForbidden)
	expect(t, w.post(path, w.tokenOf(roleOtherOrganizer), map[string]any{"name": "Kelas D"}), http.StatusNotFound)
	var cohort struct{ Actions []string }
	expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String(), organizer), http.StatusOK).decode(t, &cohort)
	if !slices.Contains(cohort.Actions, "create-class") || !slices.Contains(cohort.Actions, "list-classes") {
		t.Errorf("the organizer's cohort offers %v, want create-class and list-classes", cohort.Actions)
	}

	// Participants are placed in classes; a class of another cohort, or
	// none at all, is refused naming classId.
	var e struct{ ClassID string }
	expect(t, w.placeIn(t, w.enrollment.ID.String(), a.ID), http.StatusOK).decode(t, &e)
	if e.ClassID != a.ID {
		t.Errorf("update-enrollment answered class %q, want %s", e.ClassID, a.ID)
	}
	expect(t, w.placeIn(t, w.otherEnrollment.ID.String(), b.ID), http.StatusOK)
	// The move is in the project's timeline, naming the class.
	var timeline struct {
		Items []struct {
			Action  string
			Details struct {
				Changes []struct{ Field, From, To string }
			}
		}
	}
	expect(t, w.get("/v1/projects/"+w.enrollment.ProjectID.String()+"/timeline", organizer), http.StatusOK).decode(t, &timeline)
	if len(timeline.Items) == 0 || timeline.Items[0].Action != "enrollment.updated" || len(timeline.Items[0].Details.Changes) != 1 ||
		timeline.Items[0].Details.Changes[0] != (struct{ Field, From, To string }{"class", "", "Kelas A"}) {
		t.Errorf("the timeline's latest event is %+v, want the move into Kelas A", timeline.Items[0])
	}
	otherCohortClass, err := w.services.Classes.CreateClass(context.Background(), w.actor(w.otherOrganizer), w.cohortB.ID, domain.ClassPlan{Name: "Kelas A"})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{otherCohortClass.ID.String(), domain.NewID().String()} {
		p := expect(t, w.placeIn(t, w.enrollment.ID.String(), bad), http.StatusUnprocessableEntity).problem(t)
		if len(p.Errors) != 1 || p.Errors[0].Location != "body.classId" || p.Errors[0].Code != "class.unknown" {
			t.Errorf("class %s answered %+v, want class.unknown at body.classId", bad, p)
		}
	}
	// Enrolling straight into a class checks the same.
	p := expect(t, w.post("/v1/cohorts/"+w.cohortA.ID.String()+"/enrollments", organizer, map[string]any{
		"participantId": w.outsider.ID, "mentorId": w.mentor.ID, "classId": otherCohortClass.ID}), http.StatusUnprocessableEntity).problem(t)
	if len(p.Errors) != 1 || p.Errors[0].Location != "body.classId" || p.Errors[0].Code != "class.unknown" {
		t.Errorf("enrolling into another cohort's class answered %+v", p)
	}

	// Anyone in the cohort sees the classes with their people and groups;
	// a class with participants offers no deletion, and refuses it.
	list := w.classes(t, roleParticipant)
	if len(list) != 2 || list[0].Name != "Kelas A" || list[0].Participants != 1 || !slices.Equal(list[0].Groups, []string{"Kelompok 1"}) ||
		list[1].Name != "Kelas B" || list[1].Participants != 1 || len(list[0].Actions) != 0 {
		t.Errorf("list-classes answered %+v", list)
	}
	refusal := w.classes(t, roleOrganizer)[0].RefusedActions
	if len(refusal) != 1 || refusal[0].Action != "delete-class" || refusal[0].Code != "class.not_empty" {
		t.Errorf("a class with participants refuses %+v, want delete-class refused with class.not_empty", refusal)
	}
	del := func(id, token string) response {
		return w.do(request{method: http.MethodDelete, path: "/v1/classes/" + id, token: token})
	}
	if p := expect(t, del(a.ID, organizer), http.StatusConflict).problem(t); p.Code != "class.not_empty" || p.Params["count"] != float64(1) {
		t.Errorf("deleting a class with a participant answered %+v", p)
	}
	expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/classes", w.tokenOf(roleNoRole)), http.StatusNotFound)

	// Renaming, with If-Match; a rename onto another class's name conflicts.
	rename := func(name, ifMatch string) response {
		h := map[string]string{}
		if ifMatch != "" {
			h["If-Match"] = ifMatch
		}
		return w.patch("/v1/classes/"+b.ID, organizer, map[string]any{"name": name}, h)
	}
	expect(t, rename("Kelas Bakti", `"7"`), http.StatusPreconditionFailed)
	expect(t, rename("KELAS A", ""), http.StatusConflict)
	expect(t, w.patch("/v1/classes/"+b.ID, w.tokenOf(roleCoach), map[string]any{"name": "X"}, nil), http.StatusForbidden)
	var renamed class
	expect(t, rename("Kelas Bakti", `"1"`), http.StatusOK).decode(t, &renamed)
	if renamed.Name != "Kelas Bakti" {
		t.Errorf("update-class answered %+v", renamed)
	}

	// Out of its class, the participant leaves it empty: it can go.
	var out struct{ ClassID *string }
	expect(t, w.placeIn(t, w.otherEnrollment.ID.String(), nil), http.StatusOK).decode(t, &out)
	if out.ClassID != nil {
		t.Errorf("after classId null the enrollment is in %v", *out.ClassID)
	}
	expect(t, del(b.ID, w.tokenOf(roleCoach)), http.StatusForbidden)
	expect(t, del(b.ID, organizer), http.StatusNoContent)
	expect(t, del(b.ID, organizer), http.StatusNotFound)
	if list := w.classes(t, roleOrganizer); len(list) != 1 {
		t.Errorf("after the deletion the cohort has %+v", list)
	}
}

func TestProgressExportAndWorkloadFilterByClass(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	a, b := w.createClass(t, "Kelas A", w.coach.ID.String()), w.createClass(t, "Kelas B")
	expect(t, w.placeIn(t, w.enrollment.ID.String(), a.ID), http.StatusOK)
	expect(t, w.placeIn(t, w.otherEnrollment.ID.String(), b.ID), http.StatusOK)
	cohort := "/v1/cohorts/" + w.cohortA.ID.String()
	organizer := w.tokenOf(roleOrganizer)

	progress := func(query string) []string {
		t.Helper()
		var got struct {
			Items  []struct{ ParticipantName, ClassName, ClassID string }
			Totals struct{ Participants int }
		}
		expect(t, w.get(cohort+"/progress"+query, organizer), http.StatusOK).decode(t, &got)
		var out []string
		for _, it := range got.Items {
			out = append(out, it.ParticipantName+"/"+it.ClassName)
		}
		if got.Totals.Participants != len(got.Items) {
			t.Errorf("%s: totals count %d of %d lines", query, got.Totals.Participants, len(got.Items))
		}
		return out
	}
	for query, want := range map[string]string{
		"":                 "Budi Peserta/Kelas A,Citra Peserta Lain/Kelas B",
		"?classId=" + a.ID: "Budi Peserta/Kelas A",
		"?classId=" + b.ID: "Citra Peserta Lain/Kelas B",
	} {
		if got := strings.Join(progress(query), ","); got != want {
			t.Errorf("progress%s lists %s, want %s", query, got, want)
		}
	}

	res := expect(t, w.get(cohort+"/progress.csv?lang=en&classId="+b.ID, organizer), http.StatusOK)
	recs, err := csv.NewReader(strings.NewReader(string(res.body))).ReadAll()
	if err != nil || len(recs) != 2 || recs[0][1] != "class" || recs[1][0] != "Citra Peserta Lain" || recs[1][1] != "Kelas B" {
		t.Errorf("the export of Kelas B reads %q (%v)", recs, err)
	}

	// A class of another cohort, or no class id at all, names the parameter.
	other, err := w.services.Classes.CreateClass(context.Background(), w.actor(w.otherOrganizer), w.cohortB.ID, domain.ClassPlan{Name: "Kelas A"})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/progress", "/progress.csv", "/workload"} {
		for _, bad := range []string{other.ID.String(), "kelas-a"} {
			p := expect(t, w.get(cohort+path+"?classId="+bad, organizer), http.StatusUnprocessableEntity).problem(t)
			if len(p.Errors) != 1 || p.Errors[0].Location != "query.classId" {
				t.Errorf("%s?classId=%s answered %+v, want query.classId named", path, bad, p)
			}
		}
	}

	// The workload of Kelas A: its participant's mentor, the coaches of the
	// class and of its participants, and the examiners.
	workload := func(query string) string {
		t.Helper()
		var got struct{ Items []load }
		expect(t, w.get(cohort+"/workload"+query, organizer), http.StatusOK).decode(t, &got)
		var names []string
		for _, l := range got.Items {
			names = append(names, l.Role+":"+l.Name)
		}
		return strings.Join(names, "|")
	}
	if got, want := workload("?classId="+a.ID), "mentor:Sekda Mentor|coach:Drs. Ahmad Coach|examiner:Prof. Hadi Penguji"; got != want {
		t.Errorf("the workload of Kelas A lists %s, want %s", got, want)
	}
	if got, want := workload("?classId="+b.ID), "mentor:Asisten Mentor Lain|coach:Dewi Coach Lain|examiner:Prof. Hadi Penguji"; got != want {
		t.Errorf("the workload of Kelas B lists %s, want %s", got, want)
	}
	if got := workload(""); !strings.Contains(got, "Sekda Mentor") || !strings.Contains(got, "Asisten Mentor Lain") {
		t.Errorf("the whole cohort's workload lists %s", got)
	}
}
