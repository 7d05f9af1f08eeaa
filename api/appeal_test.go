package api_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// appealBody is an appeal as the API answers it, as much as tests read.
type appealBody struct {
	ID        uuid.UUID
	Status    string
	Examiners []uuid.UUID
	Before    *struct {
		Score     float64
		Predicate string
	}
	After *struct {
		Score     float64
		Predicate string
	}
	Actions []string
}

// releasedDesignResult has the world's examiner and a second one score the
// world's project's design seminar (85.5 and 95: 90.25, Sangat Memuaskan),
// an organizer determine it and release the cohort's design results, on
// the clocked app c. It returns the second examiner.
func (w *world) releasedDesignResult(t *testing.T, c *clocked) domain.User {
	t.Helper()
	w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectDesignSubmitted)
	second := w.secondExaminer(t)
	ss := w.sessionFor(t, w.project(), domain.SeminarDesign, w.examiner.ID, second.ID)
	expect(t, c.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), designScores(85.5)), http.StatusCreated)
	expect(t, c.post(projectPath(w, "/assessments"), w.token(second.ID), designScores(95)), http.StatusCreated)
	expect(t, c.post(sessionsPath(w, "/"+ss.ID.String()+"/determination"), w.tokenOf(roleOrganizer), nil), http.StatusOK)
	expect(t, c.post("/v1/cohorts/"+w.cohortA.ID.String()+"/results/design/release", w.tokenOf(roleOrganizer), nil), http.StatusNoContent)
	return second
}

func TestAnAppealReopensOnlyTheAssignedExaminersScoreWithAReasonAndItsDecisionRedeterminesTheResult(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	c := w.clocked(t, newClock(time.Now()), true)
	second := w.releasedDesignResult(t, c)
	organizer, participant := w.tokenOf(roleOrganizer), w.tokenOf(roleParticipant)
	appeals := "/v1/cohorts/" + w.cohortA.ID.String() + "/appeals"

	// Outside an appeal the determined scores stay.
	expectCode(t, c.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), designScores(60)), http.StatusConflict, "assessment.determined")

	type offered struct {
		Actions        []string
		RefusedActions []struct{ Action, Code string }
	}
	var project0 offered
	expect(t, c.get(projectPath(w, ""), participant), http.StatusOK).decode(t, &project0)
	if !slices.Contains(project0.Actions, "file-appeal") {
		t.Fatalf("the participant is not offered an appeal of the released result: %v", project0.Actions)
	}
	var a appealBody
	expect(t, c.post(projectPath(w, "/appeals"), participant, map[string]any{"seminar": "design", "reasons": "Kriteria pemetaan stakeholder belum menilai lampiran."}),
		http.StatusCreated).decode(t, &a)
	if a.Status != "filed" || a.Before == nil || a.Before.Score != 90.25 {
		t.Fatalf("filed %+v", a)
	}
	expectCode(t, c.post(projectPath(w, "/appeals"), participant, map[string]any{"seminar": "design", "reasons": "Sekali lagi."}), http.StatusConflict, "appeal.open_exists")
	expect(t, c.get(projectPath(w, ""), participant), http.StatusOK).decode(t, &project0)
	if !slices.Contains(project0.RefusedActions, struct{ Action, Code string }{"file-appeal", "appeal.open_exists"}) {
		t.Fatalf("with an appeal open the project refuses another: %+v", project0.RefusedActions)
	}
	expect(t, c.post(projectPath(w, "/appeals"), w.tokenOf(roleMentor), map[string]any{"seminar": "design", "reasons": "Atas nama peserta."}), http.StatusForbidden)
	// Filed, not yet assigned: still frozen.
	expectCode(t, c.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), designScores(60)), http.StatusConflict, "assessment.determined")

	// The organizer assigns it to the examiners concerned: examiners of the session.
	res := c.post(appeals+"/"+a.ID.String()+"/assignment", organizer, map[string]any{"examiners": []uuid.UUID{w.coach.ID}})
	expect(t, res, http.StatusUnprocessableEntity)
	if p := res.problem(t); len(p.Errors) != 1 || p.Errors[0].Location != "body.examiners[0]" || p.Errors[0].Code != "appeal.not_session_examiner" {
		t.Fatalf("assigning a coach: %+v", p.Errors)
	}
	expect(t, c.post(appeals+"/"+a.ID.String()+"/assignment", w.tokenOf(roleCoach), map[string]any{"examiners": []uuid.UUID{w.examiner.ID}}), http.StatusForbidden)
	assignedBefore := len(w.outbox(t))
	expect(t, c.post(appeals+"/"+a.ID.String()+"/assignment", organizer, map[string]any{"examiners": []uuid.UUID{w.examiner.ID}}), http.StatusOK).decode(t, &a)
	if a.Status != "assigned" || !slices.Equal(a.Examiners, []uuid.UUID{w.examiner.ID}) {
		t.Fatalf("assigned %+v", a)
	}
	// The examiner concerned is told, with the reasons; the other examiner is not.
	if mails := w.outbox(t)[assignedBefore:]; len(mails) != 1 || mails[0].ToAddress != w.examiner.Email ||
		!strings.Contains(mails[0].Subject, "ditugaskan") || !strings.Contains(mails[0].Body, "Kriteria pemetaan stakeholder") {
		t.Fatalf("the assignment mailed %+v", mails)
	}

	// The examiner concerned is offered scoring again on their home; the other is not.
	var mine struct{ Items []sessionBody }
	expect(t, c.get("/v1/me/seminar-sessions", w.token(w.examiner.ID)), http.StatusOK).decode(t, &mine)
	if len(mine.Items) != 1 || !slices.Contains(mine.Items[0].Participants[0].Actions, "record-assessment") {
		t.Fatalf("the examiner of the appeal is not offered to score: %+v", mine.Items)
	}
	expect(t, c.get("/v1/me/seminar-sessions", w.token(second.ID)), http.StatusOK).decode(t, &mine)
	if len(mine.Items) != 1 || slices.Contains(mine.Items[0].Participants[0].Actions, "record-assessment") {
		t.Fatalf("an examiner the appeal does not concern is offered to score: %+v", mine.Items)
	}
	// Only the examiner concerned rescores, and only with a reason.
	expectCode(t, c.post(projectPath(w, "/assessments"), w.token(second.ID), designScores(60)), http.StatusConflict, "assessment.determined")
	res = c.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), designScores(60))
	expect(t, res, http.StatusUnprocessableEntity)
	if p := res.problem(t); len(p.Errors) != 1 || p.Errors[0].Location != "body.reason" || p.Errors[0].Code != "appeal.reason_required" {
		t.Fatalf("a change without a reason: %+v", p.Errors)
	}
	body := designScores(60)
	body["reason"] = "Lampiran pemetaan stakeholder ditelaah ulang; bobot capaian disesuaikan."
	var revised struct {
		Reason   string
		Replaces *uuid.UUID
	}
	expect(t, c.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), body), http.StatusCreated).decode(t, &revised)
	if revised.Reason == "" || revised.Replaces == nil {
		t.Fatalf("the revision keeps its reason and what it replaces: %+v", revised)
	}
	// The released result does not move until the decision.
	var project struct {
		Results []struct {
			Score     float64
			Predicate string
		}
	}
	expect(t, c.get(projectPath(w, ""), participant), http.StatusOK).decode(t, &project)
	if len(project.Results) != 1 || project.Results[0].Score != 90.25 {
		t.Fatalf("before the decision the participant reads %+v", project.Results)
	}

	// The decision determines the result again and tells the participant.
	mailsBefore := len(w.outbox(t))
	expect(t, c.post(appeals+"/"+a.ID.String()+"/decision", organizer, map[string]any{"decision": "accepted"}), http.StatusUnprocessableEntity)
	expect(t, c.post(appeals+"/"+a.ID.String()+"/decision", organizer, map[string]any{"decision": "partly_granted", "note": "Nilai penguji pertama disesuaikan."}),
		http.StatusOK).decode(t, &a)
	if a.Status != "partly_granted" || a.After == nil || a.After.Score != 77.5 || a.After.Predicate != "cukup_memuaskan" {
		t.Fatalf("decided %+v, want 77.5 cukup_memuaskan", a.After)
	}
	expect(t, c.get(projectPath(w, ""), participant), http.StatusOK).decode(t, &project)
	if len(project.Results) != 1 || project.Results[0].Score != 77.5 || project.Results[0].Predicate != "cukup_memuaskan" {
		t.Fatalf("after the decision the participant reads %+v", project.Results)
	}
	mails := w.outbox(t)[mailsBefore:]
	if len(mails) != 1 || mails[0].ToAddress != w.participant.Email || !strings.Contains(mails[0].Body, "Cukup Memuaskan") || !strings.Contains(mails[0].Subject, "keberatan") {
		t.Fatalf("the participant is told the decision: %+v", mails)
	}
	expectCode(t, c.post(appeals+"/"+a.ID.String()+"/decision", organizer, map[string]any{"decision": "refused"}), http.StatusConflict, "appeal.closed")
	// Closed: the scores are frozen again.
	expectCode(t, c.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), body), http.StatusConflict, "assessment.determined")

	var timeline struct{ Items []struct{ Action string } }
	expect(t, c.get(projectPath(w, "/timeline"), participant), http.StatusOK).decode(t, &timeline)
	var actions []string
	for _, e := range timeline.Items {
		actions = append(actions, e.Action)
	}
	for _, want := range []string{"appeal.filed", "appeal.assigned", "assessment.revised", "appeal.closed", "result.redetermined"} {
		if !slices.Contains(actions, want) {
			t.Errorf("the timeline lacks %s: %v", want, actions)
		}
	}
}

func TestAnAppealIsFiledWithinTheCohortsWorkingDaysOfTheRelease(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	// Released on a Friday: PKN II gives three working days. With the
	// Monday a holiday, the last day is Thursday.
	friday := time.Now().UTC()
	for friday.Weekday() != time.Friday {
		friday = friday.AddDate(0, 0, -1)
	}
	friday = time.Date(friday.Year(), friday.Month(), friday.Day(), 3, 0, 0, 0, time.UTC) // 10.00 WIB
	monday := domain.DateOf(friday.AddDate(0, 0, 3))
	// The test's own calendar for those two weeks: only that Monday.
	if _, err := w.db.Exec(`DELETE FROM holidays WHERE on_date BETWEEN ? AND ?`, friday, friday.AddDate(0, 0, 14)); err != nil {
		t.Fatal(err)
	}
	if _, err := w.db.Exec(`INSERT INTO holidays (id, on_date, name, kind, created_at) VALUES (?, ?, 'Libur nasional', 'national', now())`, uuid.New(), monday.Time()); err != nil {
		t.Fatal(err)
	}
	clk := newClock(friday)
	c := w.clocked(t, clk, false)
	w.releasedDesignResult(t, c)
	file := func() response {
		return c.post(projectPath(w, "/appeals"), w.tokenOf(roleParticipant), map[string]any{"seminar": "design", "reasons": "Mohon ditinjau kembali nilai saya."})
	}
	clk.advance(7 * 24 * time.Hour) // the next Friday: past Thursday
	p := expectCode(t, file(), http.StatusConflict, "appeal.window_closed")
	if want := domain.DateOf(friday.AddDate(0, 0, 6)).String(); p.Params["date"] != want {
		t.Fatalf("the last day is %v, want Thursday %s", p.Params["date"], want)
	}
	clk.advance(-24 * time.Hour) // Thursday, the last day
	expect(t, file(), http.StatusCreated)
}
