package api_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// sessionBody is a session as the API answers it, as much as tests read.
type sessionBody struct {
	ID            uuid.UUID
	Seminar       string
	Date          string
	OpenedEarlyAt *string
	OpenedEarlyBy *uuid.UUID
	DeterminedAt  *string
	Participants  []struct {
		EnrollmentID uuid.UUID
		ProjectID    uuid.UUID
		Name         string
		Scores       []struct {
			ExaminerID uuid.UUID
			Total      float64
			Revisions  int
		}
		Result *struct {
			Score     float64
			Predicate string
			Examiners int
		}
		Actions        []string
		RefusedActions []struct{ Action, Code string }
	}
	Examiners         []struct{ UserID uuid.UUID }
	ExaminersRequired int
	Actions           []string
	RefusedActions    []struct{ Action, Code string }
}

// sessionsPath is the path of the world's cohort's sessions, with rest.
func sessionsPath(w *world, rest string) string {
	return "/v1/cohorts/" + w.cohortA.ID.String() + "/seminar-sessions" + rest
}

// secondExaminer adds another examiner to the world's cohort.
func (w *world) secondExaminer(t *testing.T) domain.User {
	t.Helper()
	u := w.user("Dr. Rina Penguji Kedua")
	if _, err := w.cohorts().AddStaff(t.Context(), w.actor(w.organizer), w.cohortA.ID, u.ID, domain.StaffExaminer); err != nil {
		t.Fatal(err)
	}
	return u
}

// createSession creates a session of the world's cohort over the API, as its organizer.
func (w *world) createSession(t *testing.T, seminar domain.Seminar, enrollments []uuid.UUID, examiners ...uuid.UUID) sessionBody {
	t.Helper()
	body := map[string]any{"seminar": seminar, "date": seminarDay(t, w.cohortA, seminar).String(), "room": "Ruang Seminar 2",
		"participants": enrollments, "examiners": examiners}
	var ss sessionBody
	expect(t, w.post(sessionsPath(w, ""), w.tokenOf(roleOrganizer), body), http.StatusCreated).decode(t, &ss)
	return ss
}

func finalScoresBody(score float64) map[string]any {
	var scores []map[string]any
	for _, s := range finalScores(score) {
		scores = append(scores, map[string]any{"criterion": s.Criterion, "score": s.Score})
	}
	return map[string]any{"seminar": "final", "scores": scores}
}

// expectCode checks a problem's status and code.
func expectCode(t *testing.T, r response, status int, code string) problem {
	t.Helper()
	expect(t, r, status)
	p := r.problem(t)
	if p.Code != code {
		t.Fatalf("answered code %q, want %q: %s", p.Code, code, r.body)
	}
	return p
}

func TestOnlyTheExaminersAssignedToTheSessionScoreItsParticipants(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectDesignSubmitted)
	second := w.secondExaminer(t)

	// No session yet: nobody is assigned.
	expectCode(t, w.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), designScores(80)), http.StatusForbidden, "assessment.not_assigned")

	ss := w.createSession(t, domain.SeminarDesign, []uuid.UUID{w.enrollment.ID}, second.ID)
	expect(t, w.post(sessionsPath(w, "/"+ss.ID.String()+"/open"), w.tokenOf(roleOrganizer), nil), http.StatusOK)
	// The cohort's examiner who is not assigned: refused, and told why by the session.
	expectCode(t, w.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), designScores(80)), http.StatusForbidden, "assessment.not_assigned")
	var seen sessionBody
	expect(t, w.get(sessionsPath(w, "/"+ss.ID.String()), w.token(w.examiner.ID)), http.StatusOK).decode(t, &seen)
	if p := seen.Participants[0]; len(p.RefusedActions) != 1 || p.RefusedActions[0].Code != "assessment.not_assigned" || slices.Contains(p.Actions, "record-assessment") {
		t.Fatalf("an unassigned examiner is offered %v, refused %+v", p.Actions, p.RefusedActions)
	}
	var project struct {
		RefusedActions []struct{ Action, Code string }
	}
	expect(t, w.get(projectPath(w, ""), w.token(w.examiner.ID)), http.StatusOK).decode(t, &project)
	if !slices.Contains(project.RefusedActions, struct{ Action, Code string }{"record-assessment", "assessment.not_assigned"}) {
		t.Fatalf("the project refuses the unassigned examiner %+v", project.RefusedActions)
	}

	// The assigned examiner scores, and is offered it.
	expect(t, w.get(sessionsPath(w, "/"+ss.ID.String()), w.token(second.ID)), http.StatusOK).decode(t, &seen)
	if !slices.Contains(seen.Participants[0].Actions, "record-assessment") {
		t.Fatalf("the assigned examiner is not offered scoring: %+v", seen.Participants[0])
	}
	expect(t, w.post(projectPath(w, "/assessments"), w.token(second.ID), designScores(85.5)), http.StatusCreated)

	// Assigned later, the first examiner may score too.
	expect(t, w.do(request{method: http.MethodPut, path: sessionsPath(w, "/"+ss.ID.String()+"/examiners/"+w.examiner.ID.String()), token: w.tokenOf(roleOrganizer)}), http.StatusOK)
	expect(t, w.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), designScores(80)), http.StatusCreated)
}

func TestScoresAreAcceptedFromTheSessionsDateUnlessAnOrganizerOpensItEarly(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectDesignSubmitted)
	ss := w.createSession(t, domain.SeminarDesign, []uuid.UUID{w.enrollment.ID}, w.examiner.ID)
	p := expectCode(t, w.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), designScores(80)), http.StatusConflict, "assessment.session_not_open")
	if p.Params["date"] != ss.Date {
		t.Errorf("the refusal names the date %v, want %s", p.Params["date"], ss.Date)
	}
	if !slices.Contains(ss.Actions, "open-seminar-session") {
		t.Fatalf("the organizer is not offered to open the session early: %v", ss.Actions)
	}
	// Only organizers open it.
	expect(t, w.post(sessionsPath(w, "/"+ss.ID.String()+"/open"), w.token(w.examiner.ID), nil), http.StatusForbidden)
	var opened sessionBody
	expect(t, w.post(sessionsPath(w, "/"+ss.ID.String()+"/open"), w.tokenOf(roleOrganizer), nil), http.StatusOK).decode(t, &opened)
	if opened.OpenedEarlyAt == nil || opened.OpenedEarlyBy == nil || *opened.OpenedEarlyBy != w.organizer.ID {
		t.Fatalf("who opened it early and when are not recorded: %+v", opened)
	}
	expectCode(t, w.post(sessionsPath(w, "/"+ss.ID.String()+"/open"), w.tokenOf(roleOrganizer), nil), http.StatusConflict, "session.already_open")
	expect(t, w.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), designScores(80)), http.StatusCreated)
	var events int
	if err := w.db.QueryRow(`SELECT count(*) FROM events WHERE action = 'seminar_session.opened_early' AND target_id = ? AND actor_id = ?`, ss.ID, w.organizer.ID).Scan(&events); err != nil || events != 1 {
		t.Fatalf("opening early is an event: %d (%v)", events, err)
	}
}

func TestADesignScoreIsRefusedOnceTheProjectIsPastTheDesignStage(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectDesignSubmitted)
	w.sessionFor(t, w.project(), domain.SeminarDesign)
	w.bringProjectTo(t, domain.ProjectImplementing)
	expectCode(t, w.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), designScores(80)), http.StatusConflict, "assessment.design_stage_over")
}

func TestAnExaminerMayReviseTheirScoreUntilDeterminationAndEveryRevisionIsKept(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectDesignSubmitted)
	ss := w.sessionFor(t, w.project(), domain.SeminarDesign)
	examiner := w.token(w.examiner.ID)
	var first, second struct {
		ID       uuid.UUID
		Total    float64
		Replaces *uuid.UUID
	}
	expect(t, w.post(projectPath(w, "/assessments"), examiner, designScores(80)), http.StatusCreated).decode(t, &first)
	expect(t, w.post(projectPath(w, "/assessments"), examiner, designScores(90)), http.StatusCreated).decode(t, &second)
	if first.Replaces != nil || second.Replaces == nil || *second.Replaces != first.ID {
		t.Fatalf("the revision does not name the score it replaces: %+v then %+v", first, second)
	}
	var list struct{ Items []struct{ ID uuid.UUID } }
	expect(t, w.get(projectPath(w, "/assessments"), w.tokenOf(roleCoach)), http.StatusOK).decode(t, &list)
	if len(list.Items) != 2 {
		t.Fatalf("the history has %d scores, want both", len(list.Items))
	}
	var session sessionBody
	expect(t, w.get(sessionsPath(w, "/"+ss.ID.String()), w.tokenOf(roleOrganizer)), http.StatusOK).decode(t, &session)
	if sc := session.Participants[0].Scores; len(sc) != 1 || sc[0].Total != 90 || sc[0].Revisions != 1 {
		t.Fatalf("the session counts the latest score, with one revision before it: %+v", sc)
	}
	var timeline struct{ Items []struct{ Action string } }
	expect(t, w.get(projectPath(w, "/timeline"), w.tokenOf(roleCoach)), http.StatusOK).decode(t, &timeline)
	var actions []string
	for _, e := range timeline.Items {
		actions = append(actions, e.Action)
	}
	if !slices.Contains(actions, "assessment.recorded") || !slices.Contains(actions, "assessment.revised") {
		t.Fatalf("the timeline shows %v", actions)
	}
}

func TestDeterminationWaitsForEveryRequiredScoreThenFreezesTheResult(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectDesignSubmitted)
	second := w.secondExaminer(t)
	ss := w.sessionFor(t, w.project(), domain.SeminarDesign, w.examiner.ID, second.ID)
	organizer := w.tokenOf(roleOrganizer)
	determine := sessionsPath(w, "/"+ss.ID.String()+"/determination")

	expect(t, w.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), designScores(85.5)), http.StatusCreated)
	// PKN II asks two examiners' scores: one is not enough, and the
	// organizer is told so before trying.
	var session sessionBody
	expect(t, w.get(sessionsPath(w, "/"+ss.ID.String()), organizer), http.StatusOK).decode(t, &session)
	if session.ExaminersRequired != 2 || !slices.Contains(session.RefusedActions, struct{ Action, Code string }{"determine-seminar-session", "session.scores_missing"}) {
		t.Fatalf("required %d, refused %+v", session.ExaminersRequired, session.RefusedActions)
	}
	p := expectCode(t, w.post(determine, organizer, nil), http.StatusConflict, "session.scores_missing")
	if p.Params["scored"] != float64(1) || p.Params["required"] != float64(2) {
		t.Fatalf("the refusal says %v", p.Params)
	}

	// The result is provisional for the staff, unseen by the participant.
	expect(t, w.post(projectPath(w, "/assessments"), w.token(second.ID), designScores(95)), http.StatusCreated)
	type results struct {
		Results []struct {
			Seminar, Predicate string
			Score              float64
			Determined         bool
		}
	}
	var staff, participant results
	expect(t, w.get(projectPath(w, ""), organizer), http.StatusOK).decode(t, &staff)
	if len(staff.Results) != 1 || staff.Results[0].Determined || staff.Results[0].Score != 90.25 {
		t.Fatalf("the organizer reads %+v before determination, want a provisional 90.25", staff.Results)
	}
	expect(t, w.get(projectPath(w, ""), w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &participant)
	if len(participant.Results) != 0 {
		t.Fatalf("the participant reads %+v before determination", participant.Results)
	}

	// Determined: the mean of the two, frozen.
	expect(t, w.post(determine, w.token(w.examiner.ID), nil), http.StatusForbidden)
	expect(t, w.post(determine, organizer, nil), http.StatusOK).decode(t, &session)
	if r := session.Participants[0].Result; session.DeterminedAt == nil || r == nil || r.Score != 90.25 || r.Predicate != "sangat_memuaskan" || r.Examiners != 2 {
		t.Fatalf("determined %+v", session.Participants[0].Result)
	}
	refused := expectCode(t, w.post(projectPath(w, "/assessments"), w.token(second.ID), designScores(60)), http.StatusConflict, "assessment.determined")
	_ = refused
	expectCode(t, w.post(determine, organizer, nil), http.StatusConflict, "session.determined")
	expectCode(t, w.do(request{method: http.MethodDelete, path: sessionsPath(w, "/"+ss.ID.String()+"/examiners/"+second.ID.String()), token: organizer}),
		http.StatusConflict, "session.determined")
	expect(t, w.get(projectPath(w, ""), organizer), http.StatusOK).decode(t, &staff)
	if len(staff.Results) != 1 || !staff.Results[0].Determined || staff.Results[0].Score != 90.25 {
		t.Fatalf("after a refused rescore the result is %+v, want the frozen 90.25", staff.Results)
	}

	// Participants read it once released, without each examiner's scores
	// (PKN II shows only the result).
	expect(t, w.get(projectPath(w, ""), w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &participant)
	if len(participant.Results) != 0 {
		t.Fatalf("the participant reads %+v before the release", participant.Results)
	}
	expect(t, w.post("/v1/cohorts/"+w.cohortA.ID.String()+"/results/design/release", organizer, nil), http.StatusNoContent)
	expect(t, w.get(projectPath(w, ""), w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &participant)
	if len(participant.Results) != 1 || !participant.Results[0].Determined || participant.Results[0].Score != 90.25 {
		t.Fatalf("after the release the participant reads %+v", participant.Results)
	}
	var list struct{ Items []any }
	expect(t, w.get(projectPath(w, "/assessments"), w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &list)
	if len(list.Items) != 0 {
		t.Fatalf("the cohort shows only results, yet the participant reads %d scores", len(list.Items))
	}
	if _, err := w.db.Exec(`UPDATE cohorts SET show_examiner_scores = true WHERE id = ?`, w.cohortA.ID); err != nil {
		t.Fatal(err)
	}
	expect(t, w.get(projectPath(w, "/assessments"), w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &list)
	if len(list.Items) != 2 {
		t.Fatalf("a cohort that shows examiners' scores shows %d, want 2", len(list.Items))
	}
}

func TestTheProjectCompletesWhenTheFinalSeminarIsDeterminedNotAtTheFirstScore(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectFinalSubmitted)
	ss := w.sessionFor(t, w.project(), domain.SeminarFinal)
	expect(t, w.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), finalScoresBody(80)), http.StatusCreated)
	if p := w.projectState(t); p.Status != "final_submitted" {
		t.Fatalf("status %s after the first final score", p.Status)
	}
	// The PKN II cohort asks two scores, but one examiner is assigned: one suffices.
	expect(t, w.post("/v1/cohorts/"+w.cohortA.ID.String()+"/results/final/determination", w.tokenOf(roleOrganizer), nil), http.StatusOK)
	if p := w.projectState(t); p.Status != "completed" {
		t.Fatalf("status %s after the determination", p.Status)
	}
	expectCode(t, w.post("/v1/cohorts/"+w.cohortA.ID.String()+"/results/final/determination", w.tokenOf(roleOrganizer), nil),
		http.StatusConflict, "session.none_to_determine")
	var timeline struct{ Items []struct{ Action string } }
	expect(t, w.get(projectPath(w, "/timeline"), w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &timeline)
	var actions []string
	for _, e := range timeline.Items {
		actions = append(actions, e.Action)
	}
	if !slices.Contains(actions, "result.determined") || !slices.Contains(actions, "project.completed") {
		t.Fatalf("the timeline shows %v", actions)
	}
	_ = ss
}

func TestASessionIsRefusedNamingTheFieldThatBreaksARule(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	organizer := w.tokenOf(roleOrganizer)
	good := func() map[string]any {
		return map[string]any{"seminar": "final", "date": seminarDay(t, w.cohortA, domain.SeminarFinal).String(), "room": "Aula",
			"participants": []uuid.UUID{w.enrollment.ID}, "examiners": []uuid.UUID{w.examiner.ID}}
	}
	for name, c := range map[string]struct {
		change   func(map[string]any)
		location string
		code     string
	}{
		"a day outside the seminar's phase": {func(b map[string]any) {
			b["date"] = seminarDay(t, w.cohortA, domain.SeminarDesign).String()
		}, "body.date", "session.outside_phase"},
		"neither room nor link":         {func(b map[string]any) { delete(b, "room") }, "body.room", "session.place"},
		"a link that is no web address": {func(b map[string]any) { b["onlineLink"] = "zoom 123" }, "body.onlineLink", "session.link"},
		"a time that is no time":        {func(b map[string]any) { b["startsAt"] = "25:00" }, "body.startsAt", "session.time"},
		"a coach as examiner":           {func(b map[string]any) { b["examiners"] = []uuid.UUID{w.coach.ID} }, "body.examiners[0]", "session.not_examiner"},
		"an enrollment of another cohort": {func(b map[string]any) {
			b["participants"] = []uuid.UUID{uuid.New()}
		}, "body.participants[0]", "session.not_enrolled"},
	} {
		t.Run(name, func(t *testing.T) {
			b := good()
			c.change(b)
			res := expect(t, w.post(sessionsPath(w, ""), organizer, b), http.StatusUnprocessableEntity)
			p := res.problem(t)
			if len(p.Errors) != 1 || p.Errors[0].Location != c.location || p.Errors[0].Code != c.code {
				t.Fatalf("errors %+v, want %s at %s", p.Errors, c.code, c.location)
			}
		})
	}
	expect(t, w.post(sessionsPath(w, ""), organizer, good()), http.StatusCreated)
	res := w.post(sessionsPath(w, ""), organizer, good())
	expectCode(t, res, http.StatusConflict, "session.participant_taken")
	if locs := res.locations(t); !slices.Equal(locs, []string{"body.participants[0]"}) {
		t.Fatalf("the second session names %v", locs)
	}
	expect(t, w.post(sessionsPath(w, ""), w.tokenOf(roleCoach), good()), http.StatusForbidden)
	expect(t, w.post(sessionsPath(w, ""), w.tokenOf(roleOtherOrganizer), good()), http.StatusNotFound)
}

func TestAnExaminersHomeListsTheirSessionsAndWhatTheyScored(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectDesignSubmitted)
	second := w.secondExaminer(t)
	w.sessionFor(t, w.project(), domain.SeminarDesign, w.examiner.ID)
	expect(t, w.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), designScores(82)), http.StatusCreated)

	var mine struct{ Items []sessionBody }
	expect(t, w.get("/v1/me/seminar-sessions", w.token(w.examiner.ID)), http.StatusOK).decode(t, &mine)
	if len(mine.Items) != 1 || len(mine.Items[0].Participants) != 1 {
		t.Fatalf("the examiner's sessions: %+v", mine.Items)
	}
	p := mine.Items[0].Participants[0]
	if p.ProjectID != w.project() || len(p.Scores) != 1 || p.Scores[0].Total != 82 || !slices.Contains(p.Actions, "record-assessment") {
		t.Fatalf("the participant as the examiner sees them: %+v", p)
	}
	expect(t, w.get("/v1/me/seminar-sessions", w.token(second.ID)), http.StatusOK).decode(t, &mine)
	if len(mine.Items) != 0 {
		t.Fatalf("an examiner assigned nowhere lists %d sessions", len(mine.Items))
	}
	expect(t, w.get("/v1/me/seminar-sessions", ""), http.StatusUnauthorized)
}

func TestTheWorkloadCountsAnExaminersAssignmentsNotEveryReport(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectDesignSubmitted)
	second := w.secondExaminer(t)
	w.sessionFor(t, w.project(), domain.SeminarDesign, w.examiner.ID)
	var workload struct {
		Items []struct {
			UserID  uuid.UUID
			Role    string
			Pending int
		}
	}
	expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/workload", w.tokenOf(roleOrganizer)), http.StatusOK).decode(t, &workload)
	pending := map[uuid.UUID]int{}
	for _, r := range workload.Items {
		if r.Role == "examiner" {
			pending[r.UserID] = r.Pending
		}
	}
	if pending[w.examiner.ID] != 1 || pending[second.ID] != 0 {
		t.Fatalf("examiners' pending %v, want 1 for the assigned one and 0 for the other", pending)
	}
	expect(t, w.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), designScores(82)), http.StatusCreated)
	expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/workload", w.tokenOf(roleOrganizer)), http.StatusOK).decode(t, &workload)
	for _, r := range workload.Items {
		if r.UserID == w.examiner.ID && r.Role == "examiner" && r.Pending != 0 {
			t.Fatalf("after scoring the examiner still has %d pending", r.Pending)
		}
	}
	_ = strings.Contains
}
