package api_test

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// planned arranges the participant's design with three short-term
// milestones (the first due in a month, then two more), drafted before
// approval, and returns them in order.
func (w *world) plannedThree(t *testing.T, dues ...time.Time) []domain.Milestone {
	t.Helper()
	ms := []domain.Milestone{w.draftDesign(t)}
	for i, title := range []string{"Sosialisasi layanan daring", "Uji coba di dua kecamatan"} {
		due := time.Now().AddDate(0, 2, 0)
		if i < len(dues) {
			due = dues[i]
		}
		m, err := w.projects().CreateMilestone(context.Background(), w.actor(w.participant), w.project(),
			domain.MilestonePlan{Horizon: "short", Title: title, DueOn: domain.DateOf(due)})
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	return ms
}

// fileChangeRequest has the participant propose changes; it returns the
// request's id.
func (w *world) fileChangeRequest(t *testing.T, changes map[string]any) string {
	t.Helper()
	body := map[string]any{"reason": "Jadwal rapat koordinasi lintas OPD diundur.", "changes": changes}
	return expect(t, w.post(projectPath(w, "/change-requests"), w.tokenOf(roleParticipant), body), http.StatusCreated).field(t, "id")
}

// decide posts a reviewer's verdict on a change request.
func (w *world) decide(role, id, decision, comment string) response {
	return w.post("/v1/change-requests/"+id+"/decisions", w.tokenOf(role), map[string]string{"decision": decision, "comment": comment})
}

// progressOf is the participant's line of the cohort's progress.
func (w *world) progressOf(t *testing.T) (progress, planVersion, shortOverdue, totalOverdue int) {
	t.Helper()
	var answer struct {
		Items []struct {
			ProjectID     uuid.UUID
			Progress      int
			ProgressBasis struct{ Achieved, Total, PlanVersion int }
			Short         struct{ Overdue int }
		}
		Totals struct{ Overdue int }
	}
	expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/progress", w.tokenOf(roleOrganizer)), http.StatusOK).decode(t, &answer)
	for _, it := range answer.Items {
		if it.ProjectID == w.project() {
			return it.Progress, it.ProgressBasis.PlanVersion, it.Short.Overdue, answer.Totals.Overdue
		}
	}
	t.Fatal("the participant has no line of progress")
	return
}

// milestoneTitles lists the project's milestones as horizon:title:status.
func (w *world) milestoneTitles(t *testing.T) []string {
	t.Helper()
	var list struct {
		Items []struct{ Horizon, Title, Status, DueOn string }
	}
	expect(t, w.get(projectPath(w, "/milestones?limit=100"), w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &list)
	var out []string
	for _, m := range list.Items {
		out = append(out, m.Horizon+":"+m.Title+":"+m.Status+":"+m.DueOn)
	}
	return out
}

// wantProblem checks a problem's status and code.
func wantProblem(t *testing.T, what string, r response, status int, code string) problem {
	t.Helper()
	if r.status != status {
		t.Fatalf("%s: status %d, want %d %s: %s", what, r.status, status, code, r.body)
	}
	p := r.problem(t)
	codes := []string{p.Code}
	for _, e := range p.Errors {
		codes = append(codes, e.Code)
	}
	if !slices.Contains(codes, code) {
		t.Fatalf("%s: codes %v, want %s: %s", what, codes, code, r.body)
	}
	return p
}

func TestProgressCannotBeRaisedByEditingTheApprovedPlan(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ms := w.plannedThree(t)
	w.bringProjectTo(t, domain.ProjectImplementing)
	w.achieveMilestone(t, ms[0].ID)
	participant := w.tokenOf(roleParticipant)
	if got, v, _, _ := w.progressOf(t); got != 33 || v != 1 {
		t.Fatalf("progress %d%% on plan v%d, want 33%% on v1", got, v)
	}

	// The walk: none of these reaches the plan without approval.
	planned := "/v1/milestones/" + ms[2].ID.String()
	for what, r := range map[string]response{
		"deleting a planned milestone": w.do(request{method: http.MethodDelete, path: planned, token: participant}),
		"retitling it":                 w.patch(planned, participant, map[string]string{"title": "Judul baru"}, nil),
		"re-dating it":                 w.patch(planned, participant, map[string]string{"dueOn": "2031-01-31"}, nil),
		"adding one":                   w.post(projectPath(w, "/milestones"), participant, map[string]any{"horizon": "short", "title": "Tambahan", "dueOn": "2026-12-31"}),
		"changing the goal":            w.patch(projectPath(w, ""), participant, map[string]string{"goal": "Tujuan lain"}, nil),
	} {
		wantProblem(t, what, r, http.StatusConflict, "plan.change_request_required")
	}
	if got, _, _, _ := w.progressOf(t); got != 33 {
		t.Fatalf("progress is %d%% after refused edits, want 33%%", got)
	}
	// Work on a milestone is no change of the plan.
	expect(t, w.patch(planned, participant, map[string]string{"status": "in_progress", "description": "Dimulai"}, nil), http.StatusOK)
	expect(t, w.patch(planned, participant, map[string]string{"status": "planned"}, nil), http.StatusOK)
	// The project offers the change request, and refuses the direct edits.
	project := expect(t, w.get(projectPath(w, ""), participant), http.StatusOK)
	var offer struct {
		PlanVersion    int
		Actions        []string
		RefusedActions []struct{ Action, Code string }
	}
	project.decode(t, &offer)
	if offer.PlanVersion != 1 || !slices.Contains(offer.Actions, "create-change-request") ||
		!slices.ContainsFunc(offer.RefusedActions, func(r struct{ Action, Code string }) bool {
			return r.Action == "create-milestone" && r.Code == "plan.change_request_required"
		}) {
		t.Errorf("the approved project offers %s", project.body)
	}

	// Through a change request: pending changes nothing...
	id := w.fileChangeRequest(t, map[string]any{"remove": []string{ms[2].ID.String()}})
	if got, _, _, _ := w.progressOf(t); got != 33 {
		t.Fatalf("progress is %d%% with a pending change request, want 33%%", got)
	}
	if r := expect(t, w.decide(roleMentor, id, "approve", ""), http.StatusOK); r.field(t, "status") != "pending" {
		t.Fatalf("approved by the mentor alone the request is %s, want pending (the coach decides too)", r.field(t, "status"))
	}
	if got, _, _, _ := w.progressOf(t); got != 33 {
		t.Fatalf("progress is %d%% after the mentor alone approved, want 33%%", got)
	}
	// ...approved by both, it applies, and the plan is v2.
	if r := expect(t, w.decide(roleCoach, id, "approve", "Setuju"), http.StatusOK); r.field(t, "status") != "approved" {
		t.Fatalf("approved by both the request is %s", r.field(t, "status"))
	}
	if got, v, _, _ := w.progressOf(t); got != 50 || v != 2 {
		t.Fatalf("progress %d%% on plan v%d after the approved removal, want 50%% on v2", got, v)
	}
	var versions struct{ Items []struct{ Version int } }
	expect(t, w.get(projectPath(w, "/plan-versions"), w.tokenOf(roleCoach)), http.StatusOK).decode(t, &versions)
	if len(versions.Items) != 2 || versions.Items[1].Version != 2 {
		t.Errorf("plan versions %+v, want v1 and v2", versions.Items)
	}
	var timeline struct {
		Items []struct {
			Action  string
			Details struct{ PlanVersion int }
		}
	}
	expect(t, w.get(projectPath(w, "/timeline?limit=100"), participant), http.StatusOK).decode(t, &timeline)
	var actions []string
	for _, e := range timeline.Items {
		actions = append(actions, e.Action)
		if e.Action == "change_request.approved" && e.Details.PlanVersion != 2 {
			t.Errorf("the approval's event names plan v%d, want v2", e.Details.PlanVersion)
		}
	}
	for _, a := range []string{"change_request.filed", "change_request.reviewed", "change_request.approved", "milestone.deleted"} {
		if !slices.Contains(actions, a) {
			t.Errorf("the timeline lacks %s: %v", a, actions)
		}
	}
}

func TestAnAchievedMilestoneCannotBeChanged(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ms := w.plannedThree(t)
	w.bringProjectTo(t, domain.ProjectImplementing)
	w.achieveMilestone(t, ms[0].ID)
	participant := w.tokenOf(roleParticipant)
	achieved := "/v1/milestones/" + ms[0].ID.String()
	for what, r := range map[string]response{
		"retitling it":          w.patch(achieved, participant, map[string]string{"title": "Judul baru"}, nil),
		"changing its words":    w.patch(achieved, participant, map[string]string{"description": "Lain"}, nil),
		"deleting it":           w.do(request{method: http.MethodDelete, path: achieved, token: participant}),
		"changing its due date": w.patch(achieved, participant, map[string]string{"dueOn": "2031-01-01"}, nil),
	} {
		wantProblem(t, what, r, http.StatusConflict, "milestone.read_only")
	}
	// Nor by change request: the proposal names the field.
	body := map[string]any{"reason": "Ganti judul", "changes": map[string]any{
		"retitle": []map[string]string{{"milestoneId": ms[0].ID.String(), "title": "Diubah"}},
		"redate":  []map[string]string{{"milestoneId": ms[0].ID.String(), "dueOn": "2031-01-01"}},
		"remove":  []string{ms[0].ID.String()},
	}}
	p := wantProblem(t, "a change request of it", w.post(projectPath(w, "/change-requests"), participant, body), http.StatusUnprocessableEntity, "milestone.read_only")
	var locs []string
	for _, e := range p.Errors {
		locs = append(locs, e.Location)
	}
	for _, want := range []string{"body.changes.retitle[0].milestoneId", "body.changes.redate[0].milestoneId", "body.changes.remove[0]"} {
		if !slices.Contains(locs, want) {
			t.Errorf("the problem names %v, want %s among them", locs, want)
		}
	}
	if offer := expect(t, w.get(achieved, participant), http.StatusOK); slices.Contains(offerOf(t, offer), "update-milestone") {
		t.Errorf("an achieved milestone offers update-milestone: %s", offer.body)
	}
	if got := w.milestoneTitles(t)[0]; got != "short:Terbentuknya Tim Efektif:achieved:"+ms[0].DueOn.String() {
		t.Errorf("the achieved milestone is now %s", got)
	}
}

// offerOf lists the actions an answer offers.
func offerOf(t *testing.T, r response) []string {
	var o struct{ Actions []string }
	r.decode(t, &o)
	return o.Actions
}

func TestAChangeRequestIsCheckedAndAReturnedOneChangesNothing(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ms := w.plannedThree(t)
	participant := w.tokenOf(roleParticipant)
	// Before approval the design is edited directly.
	wantProblem(t, "a request before approval", w.post(projectPath(w, "/change-requests"), participant,
		map[string]any{"reason": "x", "changes": map[string]any{"goal": "y"}}), http.StatusConflict, "plan.request_design_not_approved")
	w.bringProjectTo(t, domain.ProjectImplementing)
	before := w.milestoneTitles(t)

	// Unhappy proposals name their fields.
	p := wantProblem(t, "an empty request", w.post(projectPath(w, "/change-requests"), participant, map[string]any{"reason": " ", "changes": map[string]any{}}),
		http.StatusUnprocessableEntity, "plan.request_empty")
	if !slices.ContainsFunc(p.Errors, func(e struct {
		Code     string         `json:"code"`
		Message  string         `json:"message"`
		Location string         `json:"location"`
		Params   map[string]any `json:"params"`
	}) bool {
		return e.Location == "body.reason" && e.Code == "plan.request_reason_required"
	}) {
		t.Errorf("an empty request without a reason: %+v", p.Errors)
	}
	wantProblem(t, "a stranger's milestone", w.post(projectPath(w, "/change-requests"), participant,
		map[string]any{"reason": "x", "changes": map[string]any{"remove": []string{uuid.NewString()}}}), http.StatusUnprocessableEntity, "plan.request_milestone_unknown")
	wantProblem(t, "a milestone removed and re-dated", w.post(projectPath(w, "/change-requests"), participant,
		map[string]any{"reason": "x", "changes": map[string]any{"remove": []string{ms[1].ID.String()},
			"redate": []map[string]string{{"milestoneId": ms[1].ID.String(), "dueOn": "2030-01-01"}}}}), http.StatusUnprocessableEntity, "plan.request_milestone_twice")
	wantProblem(t, "an addition without a title", w.post(projectPath(w, "/change-requests"), participant,
		map[string]any{"reason": "x", "changes": map[string]any{"add": []map[string]string{{"horizon": "short", "title": " ", "dueOn": "2026-12-01"}}}}),
		http.StatusUnprocessableEntity, "field.required")

	id := w.fileChangeRequest(t, map[string]any{"redate": []map[string]string{{"milestoneId": ms[1].ID.String(), "dueOn": "2031-01-31"}}, "goal": "Tujuan baru"})
	wantProblem(t, "a return without a comment", w.decide(roleMentor, id, "return", " "), http.StatusUnprocessableEntity, "plan.request_return_needs_comment")
	wantProblem(t, "the participant deciding", w.decide(roleParticipant, id, "approve", ""), http.StatusForbidden, "auth.forbidden")
	expect(t, w.decide(roleCoach, id, "approve", ""), http.StatusOK)
	wantProblem(t, "a second verdict", w.decide(roleCoach, id, "approve", ""), http.StatusConflict, "plan.request_already_reviewed")
	if r := expect(t, w.decide(roleMentor, id, "return", "Tanggal baru melewati seminar akhir."), http.StatusOK); r.field(t, "status") != "returned" {
		t.Fatalf("a returned request is %s", r.field(t, "status"))
	}
	if after := w.milestoneTitles(t); !slices.Equal(before, after) {
		t.Errorf("a returned request changed the plan: %v, was %v", after, before)
	}
	var project struct {
		Goal        string
		PlanVersion int
	}
	expect(t, w.get(projectPath(w, ""), participant), http.StatusOK).decode(t, &project)
	if project.Goal == "Tujuan baru" || project.PlanVersion != 1 {
		t.Errorf("after the return the project is %+v, want the old goal on v1", project)
	}
	wantProblem(t, "a verdict on a returned request", w.decide(roleMentor, id, "approve", ""), http.StatusConflict, "plan.request_not_pending")

	// Withdrawn by the participant: gone from the reviewers' hands.
	other := w.fileChangeRequest(t, map[string]any{"goal": "Tujuan lain"})
	expect(t, w.post("/v1/change-requests/"+other+"/withdrawal", participant, nil), http.StatusOK)
	wantProblem(t, "a verdict on a withdrawn request", w.decide(roleMentor, other, "approve", ""), http.StatusConflict, "plan.request_not_pending")
	wantProblem(t, "withdrawing twice", w.post("/v1/change-requests/"+other+"/withdrawal", participant, nil), http.StatusConflict, "plan.request_not_pending")
	var list struct{ Items []struct{ Status string } }
	expect(t, w.get(projectPath(w, "/change-requests"), w.tokenOf(roleMentor)), http.StatusOK).decode(t, &list)
	if len(list.Items) != 2 || list.Items[0].Status != "withdrawn" || list.Items[1].Status != "returned" {
		t.Errorf("the requests, newest first: %+v", list.Items)
	}
	expect(t, w.get(projectPath(w, "/change-requests"), w.tokenOf(roleOtherParticipant)), http.StatusNotFound)
}

func TestConcurrentApprovalsApplyAChangeRequestOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ms := w.plannedThree(t)
	w.bringProjectTo(t, domain.ProjectImplementing)
	base := len(w.milestoneTitles(t))
	add := map[string]any{"add": []map[string]string{{"horizon": "short", "title": "Evaluasi layanan", "dueOn": "2026-12-15"}}}

	// The mentor and the coach approve one request at the same moment.
	id := w.fileChangeRequest(t, add)
	var wg sync.WaitGroup
	answers := make([]response, 2)
	for i, role := range []string{roleMentor, roleCoach} {
		wg.Add(1)
		go func() { defer wg.Done(); answers[i] = w.decide(role, id, "approve", "") }()
	}
	wg.Wait()
	for _, r := range answers {
		expect(t, r, http.StatusOK)
	}
	if got := len(w.milestoneTitles(t)); got != base+1 {
		t.Fatalf("%d milestones after two concurrent approvals, want %d: it applied more or less than once", got, base+1)
	}

	// Two requests on the same plan, each with the coach's approval, and
	// the mentor's two approvals at once: one applies, the other finds the
	// plan changed and applies nothing.
	a := w.fileChangeRequest(t, map[string]any{"remove": []string{ms[2].ID.String()}})
	b := w.fileChangeRequest(t, map[string]any{"retitle": []map[string]string{{"milestoneId": ms[1].ID.String(), "title": "Sosialisasi ke RT/RW"}},
		"add": []map[string]string{{"horizon": "short", "title": "Survei kepuasan", "dueOn": "2026-12-20"}}})
	expect(t, w.decide(roleCoach, a, "approve", ""), http.StatusOK)
	expect(t, w.decide(roleCoach, b, "approve", ""), http.StatusOK)
	ids := []string{a, b}
	for i := range ids {
		wg.Add(1)
		go func() { defer wg.Done(); answers[i] = w.decide(roleMentor, ids[i], "approve", "") }()
	}
	wg.Wait()
	won := -1
	for i, r := range answers {
		switch r.status {
		case http.StatusOK:
			if won >= 0 {
				t.Fatalf("both requests on plan v2 applied")
			}
			won = i
		default:
			wantProblem(t, "the second approval", r, http.StatusConflict, "plan.request_plan_changed")
		}
	}
	if won < 0 {
		t.Fatal("neither request applied")
	}
	titles := w.milestoneTitles(t)
	hasRetitle := slices.ContainsFunc(titles, func(s string) bool { return s[:len("short:Sosialisasi ke RT/RW")] == "short:Sosialisasi ke RT/RW" })
	hasSurvey := slices.ContainsFunc(titles, func(s string) bool { return len(s) > 20 && s[:len("short:Survei kepuasan")] == "short:Survei kepuasan" })
	switch {
	case won == 0 && (hasRetitle || hasSurvey || len(titles) != base):
		t.Errorf("the removal won but the plan is %v", titles)
	case won == 1 && (!hasRetitle || !hasSurvey || len(titles) != base+2):
		t.Errorf("the retitling won but the plan is %v", titles)
	}
	var project struct{ PlanVersion int }
	expect(t, w.get(projectPath(w, ""), w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &project)
	if project.PlanVersion != 3 {
		t.Errorf("plan v%d, want v3 (v1, the addition, one of the two)", project.PlanVersion)
	}
}

func TestAChangeRequestAppliesAllOrNothingWhenThePlanMovedOn(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ms := w.plannedThree(t)
	w.bringProjectTo(t, domain.ProjectImplementing)
	before := w.milestoneTitles(t)
	// Proposed: re-date one milestone and remove another; meanwhile the
	// participant gives the second evidence, so it can no longer go.
	id := w.fileChangeRequest(t, map[string]any{
		"redate": []map[string]string{{"milestoneId": ms[1].ID.String(), "dueOn": "2031-03-31"}},
		"remove": []string{ms[2].ID.String()}})
	w.linkEvidence(t, ms[2].ID)
	expect(t, w.decide(roleCoach, id, "approve", ""), http.StatusOK)
	p := wantProblem(t, "the last approval", w.decide(roleMentor, id, "approve", ""), http.StatusConflict, "milestone.not_planned")
	_ = p
	after := w.milestoneTitles(t)
	if after[1] != before[1] {
		t.Errorf("the re-dating applied without the removal: %s, was %s", after[1], before[1])
	}
	if len(after) != len(before) {
		t.Errorf("the plan is %v, was %v", after, before)
	}
	var cr struct {
		Status  string
		Reviews []struct{ Role string }
	}
	expect(t, w.get("/v1/change-requests/"+id, w.tokenOf(roleMentor)), http.StatusOK).decode(t, &cr)
	if cr.Status != "pending" || len(cr.Reviews) != 1 {
		t.Errorf("after the refused approval the request is %+v, want pending with the coach's verdict only", cr)
	}
	// The mentor returns it instead; the participant proposes again.
	expect(t, w.decide(roleMentor, id, "return", "Tahapan ini sudah punya bukti dukung."), http.StatusOK)
}

func TestCompletionClosesShortTermMilestonesAndTheyStopBeingOverdue(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	past := time.Now().AddDate(0, 0, -5)
	ms := w.plannedThree(t, past, past) // the last two due five days ago
	w.bringProjectTo(t, domain.ProjectImplementing)
	w.achieveMilestone(t, ms[0].ID)
	// The mentor agrees, by approving the request, to continue one in the mid term.
	id := w.fileChangeRequest(t, map[string]any{"continue": []string{ms[2].ID.String()}})
	expect(t, w.decide(roleCoach, id, "approve", ""), http.StatusOK)
	expect(t, w.decide(roleMentor, id, "approve", "Lanjutkan pada jangka menengah."), http.StatusOK)
	if _, _, short, total := w.progressOf(t); short != 2 || total != 2 {
		t.Fatalf("before completion %d short-term and %d in all overdue, want 2 and 2", short, total)
	}
	w.bringProjectTo(t, domain.ProjectCompleted)

	var list struct {
		Items []struct {
			ID      uuid.UUID
			Horizon string
			Title   string
			Status  string
			Overdue bool
		}
	}
	expect(t, w.get(projectPath(w, "/milestones?limit=100"), w.tokenOf(roleMentor)), http.StatusOK).decode(t, &list)
	statuses := map[uuid.UUID]string{}
	var continued []string
	for _, m := range list.Items {
		statuses[m.ID] = m.Status
		if m.Overdue {
			t.Errorf("%s (%s, %s) is overdue after completion", m.Title, m.Horizon, m.Status)
		}
		if m.Horizon == "mid" {
			continued = append(continued, m.Title+":"+m.Status)
		}
	}
	if statuses[ms[0].ID] != "achieved" || statuses[ms[1].ID] != "not_achieved" || statuses[ms[2].ID] != "continued" {
		t.Errorf("after completion the short-term milestones are %s, %s, %s; want achieved, not_achieved, continued",
			statuses[ms[0].ID], statuses[ms[1].ID], statuses[ms[2].ID])
	}
	if !slices.Equal(continued, []string{ms[2].Title + ":planned"}) {
		t.Errorf("the mid term holds %v, want the continued milestone, planned", continued)
	}
	if progress, _, short, total := w.progressOf(t); short != 0 || total != 0 || progress != 33 {
		t.Errorf("after completion: progress %d%%, %d short-term and %d in all overdue; want 33%%, 0 and 0", progress, short, total)
	}
	// Closed milestones stay closed.
	closed := "/v1/milestones/" + ms[1].ID.String()
	if r := w.patch(closed, w.tokenOf(roleParticipant), map[string]string{"status": "in_progress"}, nil); r.status != http.StatusConflict {
		t.Errorf("a closed milestone moved: %d %s", r.status, r.body)
	}
	var timeline struct{ Items []struct{ Action string } }
	expect(t, w.get(projectPath(w, "/timeline?limit=100"), w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &timeline)
	n := 0
	for _, e := range timeline.Items {
		if e.Action == "milestone.closed" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d milestone.closed events, want 2", n)
	}
}

// approvedAddition adds a milestone to the world's approved plan by a
// change request that the mentor and the coach approve, and returns it.
func (w *world) approvedAddition(t testing.TB, plan domain.MilestonePlan) (domain.Milestone, error) {
	t.Helper()
	return w.addMilestone(t, w.project(), plan)
}

// addMilestone adds a milestone to a project of the world: directly while
// the design is a draft, by a change request its reviewers approve once
// the plan is approved.
func (w *world) addMilestone(t testing.TB, project uuid.UUID, plan domain.MilestonePlan) (domain.Milestone, error) {
	t.Helper()
	ctx := context.Background()
	p := w.currentProject(t, project)
	m, err := w.projects().CreateMilestone(ctx, w.as(p.Parties.ParticipantID), project, plan)
	if domain.KindOf(err) != domain.KindConflict {
		return m, err
	}
	cr, err := w.projects().CreateChangeRequest(ctx, w.as(p.Parties.ParticipantID), project, "Tahapan baru", domain.PlanChanges{Add: []domain.MilestonePlan{plan}})
	if err != nil {
		return domain.Milestone{}, err
	}
	for _, reviewer := range reviewers(p) {
		if _, err := w.projects().DecideChangeRequest(ctx, w.as(reviewer), cr.ID, domain.DesignApprove, ""); err != nil {
			return domain.Milestone{}, err
		}
	}
	all, err := w.store.Milestones().OfProject(ctx, project)
	if err != nil {
		return domain.Milestone{}, err
	}
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].Horizon == domain.Horizon(plan.Horizon) && all[i].Title == plan.Title {
			return w.projects().GetMilestone(ctx, w.admin, all[i].ID)
		}
	}
	return domain.Milestone{}, nil
}

func TestAPendingChangeRequestWaitsInTheReviewersQueuesUntilEachDecides(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.plannedThree(t)
	w.bringProjectTo(t, domain.ProjectImplementing)
	id := w.fileChangeRequest(t, map[string]any{"goal": "Waktu tunggu di bawah 20 menit"})
	queued := func(role string) bool {
		var q struct{ Items []struct{ Kind, ID string } }
		expect(t, w.get("/v1/review-queue", w.tokenOf(role)), http.StatusOK).decode(t, &q)
		return slices.ContainsFunc(q.Items, func(it struct{ Kind, ID string }) bool { return it.Kind == "change_request" && it.ID == id })
	}
	if !queued(roleMentor) || !queued(roleCoach) {
		t.Fatalf("the pending request waits for the mentor: %v, the coach: %v; want both", queued(roleMentor), queued(roleCoach))
	}
	expect(t, w.decide(roleCoach, id, "approve", ""), http.StatusOK)
	if !queued(roleMentor) || queued(roleCoach) {
		t.Errorf("after the coach's approval it waits for the mentor: %v, the coach: %v; want only the mentor", queued(roleMentor), queued(roleCoach))
	}
	expect(t, w.decide(roleMentor, id, "approve", ""), http.StatusOK)
	if queued(roleMentor) {
		t.Error("an approved request still waits for the mentor")
	}
}
