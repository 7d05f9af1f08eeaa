package api_test

import (
	"bytes"
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/proper-id/proper/domain"
)

// agendaItemOf is an agenda item as the tests read it.
type agendaItemOf struct {
	ID       string   `json:"id"`
	Kind     string   `json:"kind"`
	Title    string   `json:"title"`
	StartsOn string   `json:"startsOn"`
	EndsOn   string   `json:"endsOn"`
	Place    string   `json:"place"`
	Version  int64    `json:"version"`
	Actions  []string `json:"actions"`
}

// agendaAnswer is list-agenda-items as the tests read it.
type agendaAnswer struct {
	Items         []agendaItemOf `json:"items"`
	RefuseOutside []string       `json:"refuseOutside"`
	RulesVersion  int64          `json:"rulesVersion"`
	Actions       []string       `json:"actions"`
}

func (w *world) agenda(t *testing.T, token string) agendaAnswer {
	t.Helper()
	var a agendaAnswer
	expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/agenda", token), http.StatusOK).decode(t, &a)
	return a
}

// day is today moved by days, as the API writes dates.
func day(days int) string { return time.Now().UTC().AddDate(0, 0, days).Format(time.DateOnly) }

// moveAgendaKind moves the cohort's item of kind to from..to, as its organizer.
func (w *world) moveAgendaKind(t *testing.T, kind string, from, to int) {
	t.Helper()
	for _, it := range w.agenda(t, w.token(w.organizer.ID)).Items {
		if it.Kind == kind {
			expect(t, w.patch("/v1/agenda-items/"+it.ID, w.token(w.organizer.ID), map[string]any{"startsOn": day(from), "endsOn": day(to)}, nil), http.StatusOK)
		}
	}
}

func TestTheCohortsPhasesBecomeItsAgendaAndFollowIt(t *testing.T) {
	w := newWorld(t)
	a := w.agenda(t, w.token(w.participant.ID)) // every member reads it
	var kinds []string
	for _, it := range a.Items {
		kinds = append(kinds, it.Kind)
	}
	if want := []string{"taking_ownership", "seminar_rancangan", "laboratorium", "seminar_laporan"}; !slices.Equal(kinds, want) {
		t.Fatalf("the agenda of a cohort created with phases has %v, want %v", kinds, want)
	}
	if a.Items[1].Title != "Seminar rancangan" || a.Items[1].StartsOn != day(25) {
		t.Errorf("the seminar rancangan item is %+v", a.Items[1])
	}
	if len(a.Actions) != 1 || a.Actions[0] != "export-cohort-agenda" {
		t.Errorf("a participant is offered %v on the agenda, want only the export", a.Actions)
	}
	org := w.token(w.organizer.ID)
	if oa := w.agenda(t, org); !slices.Contains(oa.Actions, "create-agenda-item") || !slices.Contains(oa.Items[0].Actions, "update-agenda-item") {
		t.Errorf("the organizer is offered %v and %v", oa.Actions, oa.Items[0].Actions)
	}

	// Two coaching sessions and a second laboratorium stretch: several of a kind.
	for _, d := range []int{50, 80} {
		r := expect(t, w.post("/v1/cohorts/"+w.cohortA.ID.String()+"/agenda", org, map[string]any{"kind": "coaching", "startsOn": day(d), "endsOn": day(d), "place": "Ruang Coaching 2"}), http.StatusCreated)
		if r.field(t, "title") != "Sesi coaching" {
			t.Errorf("an item without a title is titled %q, want the kind's name", r.field(t, "title"))
		}
	}
	expect(t, w.post("/v1/cohorts/"+w.cohortA.ID.String()+"/agenda", org, map[string]any{"kind": "laboratorium", "title": "Laboratorium II", "startsOn": day(121), "endsOn": day(125)}), http.StatusCreated)
	var cohort struct {
		Phases  []struct{ Kind, StartsOn, EndsOn string } `json:"phases"`
		Version int64                                     `json:"version"`
	}
	expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String(), org), http.StatusOK).decode(t, &cohort)
	if len(cohort.Phases) != 4 || cohort.Phases[2].Kind != "implementation" || cohort.Phases[2].StartsOn != day(40) || cohort.Phases[2].EndsOn != day(125) {
		t.Errorf("the phases derived from the agenda are %+v, want implementation from the first to the last laboratorium day", cohort.Phases)
	}
	if cohort.Version <= w.cohortA.Version {
		t.Errorf("the cohort stays at version %d after its agenda changed", cohort.Version)
	}

	// update-cohort with phases replaces the items of the phases' kinds only.
	expect(t, w.patch("/v1/cohorts/"+w.cohortA.ID.String(), org, map[string]any{"phases": []map[string]string{
		{"kind": "design", "startsOn": day(-10), "endsOn": day(10)}, {"kind": "implementation", "startsOn": day(40), "endsOn": day(100)}}}, nil), http.StatusOK).decode(t, &cohort)
	if len(cohort.Phases) != 2 || cohort.Phases[1].EndsOn != day(100) {
		t.Errorf("after phases were replaced the cohort has %+v", cohort.Phases)
	}
	kinds = nil
	for _, it := range w.agenda(t, org).Items {
		kinds = append(kinds, it.Kind)
	}
	if want := []string{"taking_ownership", "laboratorium", "coaching", "coaching"}; !slices.Equal(kinds, want) {
		t.Errorf("after phases were replaced the agenda has %v, want %v", kinds, want)
	}
}

func TestAnAgendaItemsDatesLieWithinTheCohort(t *testing.T) {
	w := newWorld(t)
	org, path := w.token(w.organizer.ID), "/v1/cohorts/"+w.cohortA.ID.String()+"/agenda"
	for _, tc := range []struct {
		name           string
		body           map[string]any
		location, code string
	}{
		{"ends before it starts", map[string]any{"kind": "klasikal", "startsOn": day(5), "endsOn": day(3)}, "body.endsOn", "agenda.dates.order"},
		{"starts before the cohort", map[string]any{"kind": "mandiri", "startsOn": day(-30), "endsOn": day(-5)}, "body.startsOn", "agenda.outside_cohort"},
		{"ends after the cohort", map[string]any{"kind": "penutupan", "startsOn": day(150), "endsOn": day(151)}, "body.endsOn", "agenda.outside_cohort"},
		{"an unknown kind", map[string]any{"kind": "piknik", "startsOn": day(5), "endsOn": day(5)}, "body.kind", ""},
		{"a link that is no web address", map[string]any{"kind": "coaching", "startsOn": day(5), "endsOn": day(5), "onlineUrl": "javascript:alert(1)"}, "body.onlineUrl", "field.url"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := expect(t, w.post(path, org, tc.body), http.StatusUnprocessableEntity).problem(t)
			if len(p.Errors) != 1 || p.Errors[0].Location != tc.location || (tc.code != "" && p.Errors[0].Code != tc.code) {
				t.Errorf("the problem names %+v, want %s %s", p.Errors, tc.location, tc.code)
			}
		})
	}
	// The evaluasi pascapelatihan comes months after the training.
	expect(t, w.post(path, org, map[string]any{"kind": "evaluasi_pasca", "startsOn": day(240), "endsOn": day(242)}), http.StatusCreated)
	// Only organizers write it.
	expect(t, w.post(path, w.token(w.coach.ID), map[string]any{"kind": "coaching", "startsOn": day(5), "endsOn": day(5)}), http.StatusForbidden)
	expect(t, w.post(path, w.token(w.outsider.ID), map[string]any{"kind": "coaching", "startsOn": day(5), "endsOn": day(5)}), http.StatusNotFound)
	// A cohort cannot shrink away from its agenda: its phases say so as
	// before, its other items too.
	expect(t, w.post(path, org, map[string]any{"kind": "penutupan", "startsOn": day(145), "endsOn": day(145)}), http.StatusCreated)
	p := expect(t, w.patch("/v1/cohorts/"+w.cohortA.ID.String(), org, map[string]any{"endsOn": day(142)}, nil), http.StatusUnprocessableEntity).problem(t)
	if len(p.Errors) != 1 || p.Errors[0].Code != "cohort.agenda_outside" || p.Errors[0].Location != "body.endsOn" {
		t.Errorf("shortening the cohort past its penutupan answers %+v", p.Errors)
	}
	p = expect(t, w.patch("/v1/cohorts/"+w.cohortA.ID.String(), org, map[string]any{"endsOn": day(135)}, nil), http.StatusUnprocessableEntity).problem(t)
	if len(p.Errors) != 1 || p.Errors[0].Location != "body.phases[3]" {
		t.Errorf("shortening the cohort past its seminar laporan answers %+v", p.Errors)
	}
}

func TestAnAgendaItemChangesWithItsVersionAndIsDeleted(t *testing.T) {
	w := newWorld(t)
	org := w.token(w.organizer.ID)
	item := w.agenda(t, org).Items[1]
	r := expect(t, w.patch("/v1/agenda-items/"+item.ID, org, map[string]any{"place": "Aula Utama", "title": nil}, map[string]string{"If-Match": `"1"`}), http.StatusOK)
	if r.field(t, "place") != "Aula Utama" || r.field(t, "title") != "Seminar rancangan" || r.header.Get("ETag") != `"2"` {
		t.Errorf("the changed item is %s with ETag %s", r.body, r.header.Get("ETag"))
	}
	expect(t, w.patch("/v1/agenda-items/"+item.ID, org, map[string]any{"place": "Aula Lama"}, map[string]string{"If-Match": `"1"`}), http.StatusPreconditionFailed)
	expect(t, w.patch("/v1/agenda-items/"+item.ID, w.token(w.participant.ID), map[string]any{"place": "Rumah"}, nil), http.StatusForbidden)
	expect(t, w.do(request{method: http.MethodDelete, path: "/v1/agenda-items/" + item.ID, token: org}), http.StatusNoContent)
	if n := len(w.agenda(t, org).Items); n != 3 {
		t.Errorf("after a delete the agenda has %d items, want 3", n)
	}
	expect(t, w.do(request{method: http.MethodDelete, path: "/v1/agenda-items/" + item.ID, token: org}), http.StatusNotFound)
}

// timelineFlags returns the timing flags of a project's timeline, by action.
func (w *world) timelineFlags(t *testing.T, token string) map[string][2]string {
	t.Helper()
	var tl struct {
		Items []struct {
			Action  string `json:"action"`
			Details struct {
				Timing     string `json:"timing"`
				AgendaKind string `json:"agendaKind"`
			} `json:"details"`
		} `json:"items"`
	}
	expect(t, w.get("/v1/projects/"+w.project().String()+"/timeline", token), http.StatusOK).decode(t, &tl)
	out := map[string][2]string{}
	for _, e := range tl.Items {
		if _, seen := out[e.Action]; !seen {
			out[e.Action] = [2]string{e.Details.Timing, e.Details.AgendaKind}
		}
	}
	return out
}

func TestStepsOutsideTheirAgendaItemAreFlaggedNotLost(t *testing.T) {
	w := newWorld(t)
	// The seminar rancangan was last week: the design comes late; the
	// laboratorium starts in 40 days: evidence today comes early.
	w.moveAgendaKind(t, "taking_ownership", -10, -8)
	w.moveAgendaKind(t, "seminar_rancangan", -7, -5)
	w.arrangeWorkflow(t)

	flags := w.timelineFlags(t, w.token(w.coach.ID))
	for action, want := range map[string][2]string{
		"project.design_submitted": {"late", "taking_ownership"},
		"project.design_reviewed":  {"late", "taking_ownership"},
		"evidence.submitted":       {"early", "laboratorium"},
		"project.updated":          {"", ""},
	} {
		if flags[action] != want {
			t.Errorf("%s is flagged %v, want %v", action, flags[action], want)
		}
	}
	var progress struct {
		Totals struct {
			EarlySteps int `json:"earlySteps"`
			LateSteps  int `json:"lateSteps"`
		} `json:"totals"`
	}
	expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/progress", w.token(w.organizer.ID)), http.StatusOK).decode(t, &progress)
	// One late submission, two late decisions (mentor and coach), one early evidence.
	if progress.Totals.EarlySteps != 1 || progress.Totals.LateSteps != 3 {
		t.Errorf("the dashboard counts %+v, want 1 early and 3 late", progress.Totals)
	}
	expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/progress", w.token(w.otherCoach.ID)), http.StatusOK).decode(t, &progress)
	if progress.Totals.EarlySteps != 0 || progress.Totals.LateSteps != 0 {
		t.Errorf("another group's coach sees %+v, want none of the participant's steps", progress.Totals)
	}
}

func TestACohortMayRefuseStepsOutsideTheirAgendaItem(t *testing.T) {
	w := newWorld(t)
	org, participant := w.token(w.organizer.ID), w.token(w.participant.ID)
	w.moveAgendaKind(t, "taking_ownership", -10, -8)
	w.moveAgendaKind(t, "seminar_rancangan", -7, -5)
	w.draftDesign(t)
	rules := "/v1/cohorts/" + w.cohortA.ID.String() + "/agenda/rules"

	p := expect(t, w.do(request{method: http.MethodPut, path: rules, token: org, body: map[string]any{"refuseOutside": []string{"submit_design", "lunch"}}}), http.StatusUnprocessableEntity).problem(t)
	if len(p.Errors) != 1 || p.Errors[0].Location != "body.refuseOutside[1]" {
		t.Errorf("an unknown step answers %+v", p.Errors)
	}
	expect(t, w.do(request{method: http.MethodPut, path: rules, token: participant, body: map[string]any{"refuseOutside": []string{}}}), http.StatusForbidden)
	var a agendaAnswer
	expect(t, w.do(request{method: http.MethodPut, path: rules, token: org, body: map[string]any{"refuseOutside": []string{"submit_design"}},
		header: map[string]string{"If-Match": `"0"`}}), http.StatusOK).decode(t, &a)
	if !slices.Equal(a.RefuseOutside, []string{"submit_design"}) || a.RulesVersion != 1 {
		t.Errorf("the rules are %v at version %d", a.RefuseOutside, a.RulesVersion)
	}
	expect(t, w.do(request{method: http.MethodPut, path: rules, token: org, body: map[string]any{"refuseOutside": []string{}},
		header: map[string]string{"If-Match": `"0"`}}), http.StatusPreconditionFailed)

	var project struct {
		Actions        []string `json:"actions"`
		RefusedActions []struct {
			Action string         `json:"action"`
			Code   string         `json:"code"`
			Params map[string]any `json:"params"`
		} `json:"refusedActions"`
	}
	expect(t, w.get("/v1/projects/"+w.project().String(), participant), http.StatusOK).decode(t, &project)
	if slices.Contains(project.Actions, "submit-design") {
		t.Errorf("submit-design is offered past its deadline on a cohort that refuses it")
	}
	i := slices.IndexFunc(project.RefusedActions, func(r struct {
		Action string         `json:"action"`
		Code   string         `json:"code"`
		Params map[string]any `json:"params"`
	}) bool {
		return r.Action == "submit-design"
	})
	if i < 0 || project.RefusedActions[i].Code != "agenda.step_late" {
		t.Fatalf("refusedActions are %+v, want submit-design refused with agenda.step_late", project.RefusedActions)
	}
	pr := expect(t, w.post("/v1/projects/"+w.project().String()+"/design/submit", participant, nil), http.StatusConflict).problem(t)
	if pr.Code != "agenda.step_late" {
		t.Errorf("a late submission is refused with %q", pr.Code)
	}
	// Moving the seminar puts the step back in its window.
	w.moveAgendaKind(t, "seminar_rancangan", 5, 6)
	expect(t, w.post("/v1/projects/"+w.project().String()+"/design/submit", participant, nil), http.StatusOK)
}

func TestWhatIsNextForAParticipant(t *testing.T) {
	w := newWorld(t)
	var mine struct {
		Items []struct {
			Type     string `json:"type"`
			Deadline string `json:"deadline"`
			DueOn    string `json:"dueOn"`
			Overdue  bool   `json:"overdue"`
			Item     *struct {
				Kind string `json:"kind"`
			} `json:"item"`
		} `json:"items"`
	}
	expect(t, w.get("/v1/me/agenda", w.token(w.participant.ID)), http.StatusOK).decode(t, &mine)
	var got []string
	for _, e := range mine.Items {
		if e.Type == "deadline" {
			got = append(got, e.Deadline+"@"+e.DueOn)
		} else {
			got = append(got, e.Item.Kind)
		}
	}
	want := []string{"taking_ownership", "submit_design@" + day(24), "seminar_rancangan", "laboratorium", "submit_final@" + day(129), "seminar_laporan"}
	if !slices.Equal(got, want) {
		t.Errorf("what is next is %v, want %v", got, want)
	}
	expect(t, w.get("/v1/me/agenda", w.token(w.outsider.ID)), http.StatusOK).decode(t, &mine)
	if len(mine.Items) != 0 {
		t.Errorf("someone without a cohort has %d entries", len(mine.Items))
	}
	expect(t, w.get("/v1/me/agenda", ""), http.StatusUnauthorized)
}

// parseCalendar reads an .ics answer back with the iCalendar library.
func parseCalendar(t *testing.T, r response) *ics.Calendar {
	t.Helper()
	if ct := r.header.Get("Content-Type"); ct != "text/calendar; charset=utf-8" {
		t.Errorf("the calendar is served as %q", ct)
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(r.body))
	if err != nil {
		t.Fatalf("the calendar does not parse: %v\n%s", err, r.body)
	}
	return cal
}

func TestTheAgendaExportsAsACalendar(t *testing.T) {
	w := newWorld(t)
	org := w.token(w.organizer.ID)
	expect(t, w.post("/v1/cohorts/"+w.cohortA.ID.String()+"/agenda", org, map[string]any{"kind": "coaching", "title": "Coaching; kelompok 1, sesi \"awal\"",
		"startsOn": day(50), "endsOn": day(50), "place": "Ruang 2, Gedung A", "onlineUrl": "https://zoom.us/j/1"}), http.StatusCreated)
	items := w.agenda(t, org).Items
	r := expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/agenda.ics", w.token(w.participant.ID)), http.StatusOK)
	if !strings.Contains(string(r.body), "\r\nDTSTART;VALUE=DATE:") {
		t.Errorf("all-day items are not written as dates:\n%s", r.body)
	}
	cal := parseCalendar(t, r)
	events := cal.Events()
	if len(events) != len(items) {
		t.Fatalf("the calendar has %d events for %d items", len(events), len(items))
	}
	for i, e := range events {
		it := items[i]
		if e.Id() != "agenda-"+it.ID+"@proper" {
			t.Errorf("event %d has UID %q", i, e.Id())
		}
		start, err1 := e.GetAllDayStartAt()
		end, err2 := e.GetAllDayEndAt()
		if err1 != nil || err2 != nil || start.Format(time.DateOnly) != it.StartsOn || end.AddDate(0, 0, -1).Format(time.DateOnly) != it.EndsOn {
			t.Errorf("event %d runs %v to %v (%v %v), want %s to %s inclusive", i, start, end, err1, err2, it.StartsOn, it.EndsOn)
		}
		if summary := e.GetProperty(ics.ComponentPropertySummary).Value; !strings.HasPrefix(summary, it.Title+" — ") {
			t.Errorf("event %d is titled %q, want %q first", i, summary, it.Title)
		}
	}
	coaching := events[slices.IndexFunc(items, func(it agendaItemOf) bool { return it.Kind == "coaching" })]
	if loc := coaching.GetProperty(ics.ComponentPropertyLocation); loc == nil || loc.Value != "Ruang 2, Gedung A" {
		t.Errorf("the coaching session's place reads back as %v", loc)
	}
	// The UIDs stay when an item changes.
	expect(t, w.patch("/v1/agenda-items/"+items[0].ID, org, map[string]any{"place": "Aula"}, nil), http.StatusOK)
	again := parseCalendar(t, expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/agenda.ics", org), http.StatusOK))
	if again.Events()[0].Id() != events[0].Id() {
		t.Errorf("a changed item's UID changed from %s to %s", events[0].Id(), again.Events()[0].Id())
	}
	expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/agenda.ics", w.token(w.outsider.ID)), http.StatusNotFound)

	// A person's calendar: their cohorts' items and their own deadlines.
	mine := parseCalendar(t, expect(t, w.get("/v1/me/agenda.ics", w.token(w.participant.ID)), http.StatusOK))
	var uids []string
	for _, e := range mine.Events() {
		uids = append(uids, e.Id())
	}
	designDue := "deadline-submit_design-" + w.project().String() + "@proper"
	if !slices.Contains(uids, designDue) || !slices.Contains(uids, "agenda-"+items[1].ID+"@proper") || len(uids) != len(items)+2 {
		t.Errorf("the participant's calendar has %v", uids)
	}
}

func TestEvidenceOutsideTheLaboratoriumIsRefusedWhenTheCohortSaysSo(t *testing.T) {
	w := newWorld(t)
	w.arrangeWorkflow(t) // the laboratorium starts in 40 days: evidence today is early
	org := w.token(w.organizer.ID)
	expect(t, w.do(request{method: http.MethodPut, path: "/v1/cohorts/" + w.cohortA.ID.String() + "/agenda/rules", token: org,
		body: map[string]any{"refuseOutside": []string{"submit_evidence"}}}), http.StatusOK)

	var m struct {
		Actions        []string `json:"actions"`
		RefusedActions []struct {
			Action string `json:"action"`
			Code   string `json:"code"`
		} `json:"refusedActions"`
	}
	expect(t, w.get("/v1/milestones/"+w.milestone.ID.String(), w.token(w.participant.ID)), http.StatusOK).decode(t, &m)
	refused := ""
	for _, r := range m.RefusedActions {
		if r.Action == "submit-evidence" {
			refused = r.Code
		}
	}
	if slices.Contains(m.Actions, "submit-evidence") || refused != "agenda.step_early" {
		t.Errorf("the milestone offers %v and refuses %+v, want submit-evidence refused with agenda.step_early", m.Actions, m.RefusedActions)
	}
	_, err := w.projects().SubmitEvidence(context.Background(), w.actor(w.participant), w.milestone.ID,
		domain.EvidenceDraft{Title: "Notula rapat", URL: "https://batam.go.id/notula"})
	if e, ok := err.(*domain.Error); !ok || e.Code != domain.CodeAgendaStepEarly {
		t.Errorf("early evidence on a cohort that refuses it: %v", err)
	}
	// Once the laboratorium runs, evidence is on time again.
	w.moveAgendaKind(t, "laboratorium", -1, 100)
	w.linkEvidence(t, w.milestone.ID)
}

func TestAnEmptyAgendaIsDraftedFromTheProgramTemplate(t *testing.T) {
	w := newWorld(t)
	org := w.token(w.organizer.ID)
	r := expect(t, w.post("/v1/cohorts", org, map[string]any{"institutionId": w.instA.ID, "program": "pkn2", "code": "PKN2-" + uniq(),
		"name": "PKN II Angkatan XV", "startsOn": day(0), "endsOn": day(120)}), http.StatusCreated)
	cohort := r.field(t, "id")
	path := "/v1/cohorts/" + cohort + "/agenda"
	var a agendaAnswer
	expect(t, w.get(path, org), http.StatusOK).decode(t, &a)
	if len(a.Items) != 0 || !slices.Contains(a.Actions, "draft-agenda") {
		t.Fatalf("a new cohort without phases has %d items and offers %v", len(a.Items), a.Actions)
	}
	expect(t, w.post(path+"/draft", w.token(w.participant.ID), nil), http.StatusNotFound)
	expect(t, w.post(path+"/draft", org, nil), http.StatusOK).decode(t, &a)
	var kinds []string
	for _, it := range a.Items {
		kinds = append(kinds, it.Kind)
	}
	// LAN's PKN II template, laid out from the first day; the
	// evaluasi pascapelatihan three months after the training.
	if len(kinds) < 6 || kinds[0] != "mandiri" || a.Items[0].StartsOn != day(0) || kinds[len(kinds)-1] != "evaluasi_pasca" ||
		a.Items[len(a.Items)-1].StartsOn != day(210) || !slices.Contains(kinds, "laboratorium") {
		t.Errorf("the drafted agenda is %v (first %s, last %s)", kinds, a.Items[0].StartsOn, a.Items[len(a.Items)-1].StartsOn)
	}
	if slices.Contains(a.Actions, "draft-agenda") {
		t.Errorf("a drafted agenda still offers draft-agenda: %v", a.Actions)
	}
	var c struct {
		Phases []struct{ Kind string } `json:"phases"`
	}
	expect(t, w.get("/v1/cohorts/"+cohort, org), http.StatusOK).decode(t, &c)
	if len(c.Phases) < 3 {
		t.Errorf("the drafted agenda gives the phases %+v", c.Phases)
	}
	p := expect(t, w.post(path+"/draft", org, nil), http.StatusConflict).problem(t)
	if p.Code != "agenda.not_empty" {
		t.Errorf("drafting over an agenda answers %q", p.Code)
	}
}
