package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/proper-id/proper/domain"
)

// completeProject has the world's participant submit the final report and
// the examiner assess it at the final seminar, which completes the project.
func (w *world) completeProject(t testing.TB) {
	t.Helper()
	w.bringProjectTo(t, domain.ProjectCompleted)
}

func TestACompletedProjectKeepsItsMidAndLongTermMilestonesOpen(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeWorkflow(t)
	participant, mentor := w.tokenOf(roleParticipant), w.tokenOf(roleMentor)
	mid, _ := w.freshMilestone(false)
	w.completeProject(t)

	// The participant keeps working on the mid-term milestone...
	e := expect(t, w.upload(participant, mid.ID, map[string]string{"title": "Laporan tahun pertama", "url": "https://batam.go.id/laporan-2027"}, "", nil), http.StatusCreated)
	expect(t, w.patch("/v1/milestones/"+mid.ID.String(), participant, map[string]string{"description": "Replikasi ke 12 kecamatan"}, nil), http.StatusOK)
	expect(t, w.post("/v1/milestones/"+mid.ID.String()+"/claim", participant, nil), http.StatusOK)
	// ...and the mentor keeps verifying it.
	expect(t, w.post("/v1/evidence/"+e.field(t, "id")+"/reviews", mentor, map[string]string{"decision": "approve"}), http.StatusOK)
	if got := expect(t, w.post("/v1/milestones/"+mid.ID.String()+"/verification", mentor, map[string]string{"decision": "approve"}), http.StatusOK).field(t, "status"); got != "achieved" {
		t.Errorf("the mid-term milestone is %s after verification, want achieved", got)
	}
	// New mid- and long-term milestones may be planned.
	expect(t, w.post(projectPath(w, "/milestones"), participant, map[string]any{"horizon": "long", "title": "Perda layanan daring", "dueOn": "2029-12-31"}), http.StatusCreated)

	// The short-term milestones were assessed at the final seminar: closed.
	short := "/v1/milestones/" + w.milestone.ID.String()
	for name, r := range map[string]response{
		"new evidence": w.upload(participant, w.milestone.ID, map[string]string{"title": "Terlambat", "url": "https://batam.go.id/x"}, "", nil),
		"an edit":      w.patch(short, participant, map[string]string{"title": "Diubah"}, nil),
		"a claim":      w.post(short+"/claim", participant, nil),
		"a new one":    w.post(projectPath(w, "/milestones"), participant, map[string]any{"horizon": "short", "title": "Baru", "dueOn": "2026-12-31"}),
		"a withdrawal": w.do(request{method: http.MethodDelete, path: "/v1/evidence/" + w.fileEvidence.ID.String(), token: participant}),
	} {
		if r.status != http.StatusConflict || !strings.Contains(string(r.body), "short-term milestones were assessed") {
			t.Errorf("%s on a short-term milestone of a completed project answered %d %s, want 409", name, r.status, r.body)
		}
	}
	// What already waited for the mentor can still be decided.
	expect(t, w.post("/v1/evidence/"+w.fileEvidence.ID.String()+"/reviews", mentor, map[string]string{"decision": "approve"}), http.StatusOK)
}

func TestAnOrganizerMovesAProjectToANewMentorAndTheHistoryStays(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeWorkflow(t)
	w.completeProject(t)
	newMentor := w.registeredUser("Drs. Hendra Mentor Baru", nil, &w.agency.ID)
	expect(t, w.patch("/v1/enrollments/"+w.enrollment.ID.String(), w.tokenOf(roleOrganizer), map[string]string{"mentorId": newMentor.ID.String()}, nil), http.StatusOK)

	expect(t, w.get(projectPath(w, ""), w.tokenOf(roleMentor)), http.StatusNotFound)
	var timeline struct {
		Items []struct {
			Action, TargetType string
			Details            struct {
				Changes []struct{ Field, From, To string }
			}
		}
	}
	expect(t, w.get(projectPath(w, "/timeline"), w.token(newMentor.ID)), http.StatusOK).decode(t, &timeline)
	if len(timeline.Items) < 3 {
		t.Fatalf("the new mentor reads %d events of the project's history, want all of them", len(timeline.Items))
	}
	latest := timeline.Items[0]
	if latest.Action != "enrollment.updated" || len(latest.Details.Changes) != 1 ||
		latest.Details.Changes[0] != (struct{ Field, From, To string }{"mentor", "Sekda Mentor", "Drs. Hendra Mentor Baru"}) {
		t.Errorf("the timeline's latest event is %+v, want the change of mentor naming both", latest)
	}
	if last := timeline.Items[len(timeline.Items)-1]; last.Action != "enrollment.created" {
		t.Errorf("the oldest event the new mentor reads is %s: the history before the change is gone", last.Action)
	}
}

func TestAParticipantProposesANewMentorWhoMustAccept(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeWorkflow(t)
	w.completeProject(t)
	participant := w.tokenOf(roleParticipant)
	newMentor := w.registeredUser("Ir. Sari Mentor Baru", nil, &w.agency.ID)
	newMentorToken := w.token(newMentor.ID)
	transfers := "/v1/enrollments/" + w.enrollment.ID.String() + "/mentor-transfers"

	// Unhappy proposals, each naming the field.
	for name, c := range map[string]struct {
		body   map[string]string
		status int
		field  string
	}{
		"no mentor":          {map[string]string{}, http.StatusUnprocessableEntity, "body.mentorId"},
		"both id and e-mail": {map[string]string{"mentorId": w.otherMentor.ID.String(), "mentorEmail": "x@y.go.id"}, http.StatusUnprocessableEntity, "body.mentorEmail"},
		"an unknown e-mail":  {map[string]string{"mentorEmail": "tidak.ada@semarangkota.go.id"}, http.StatusUnprocessableEntity, "body.mentorEmail"},
		"own e-mail":         {map[string]string{"mentorEmail": w.participant.Email}, http.StatusUnprocessableEntity, "body.mentorEmail"},
		"themselves":         {map[string]string{"mentorId": w.participant.ID.String()}, http.StatusUnprocessableEntity, "body.mentorId"},
		"the current mentor": {map[string]string{"mentorId": w.mentor.ID.String()}, http.StatusUnprocessableEntity, "body.mentorId"},
		"nobody":             {map[string]string{"mentorId": "5f0c6a8e-3d0b-4a53-9a57-0d2f3c1e9b7a"}, http.StatusUnprocessableEntity, "body.mentorId"},
	} {
		r := w.post(transfers, participant, c.body)
		if r.status != c.status || !strings.Contains(strings.Join(r.locations(t), " "), c.field) {
			t.Errorf("proposing %s answered %d %s, want %d naming %s", name, r.status, r.body, c.status, c.field)
		}
	}
	expect(t, w.post(transfers, w.tokenOf(roleMentor), map[string]string{"mentorId": newMentor.ID.String()}), http.StatusForbidden)

	// By the e-mail address of the new mentor's account, in any case: a participant cannot look up ids.
	r := expect(t, w.post(transfers, participant, map[string]string{"mentorEmail": strings.ToUpper(newMentor.Email), "note": "Saya pindah ke Dinas Kominfo"}), http.StatusCreated)
	id := r.field(t, "id")
	if r.field(t, "status") != "pending" || r.field(t, "previousMentorName") != "Sekda Mentor" || r.field(t, "mentorId") != newMentor.ID.String() {
		t.Errorf("the proposal is %s", r.body)
	}
	expect(t, w.post(transfers, participant, map[string]string{"mentorId": w.otherMentor.ID.String()}), http.StatusConflict)

	// Until they accept, the proposed mentor sees the proposal but not the project.
	expect(t, w.get(projectPath(w, ""), newMentorToken), http.StatusNotFound)
	expect(t, w.get("/v1/mentor-transfers/"+id, newMentorToken), http.StatusOK)
	var reminders struct{ Items []Reminder }
	expect(t, w.get("/v1/me/reminders", newMentorToken), http.StatusOK).decode(t, &reminders)
	if len(reminders.Items) != 1 || reminders.Items[0].Kind != "accept_mentor_transfer" || reminders.Items[0].Target.Path != "/v1/mentor-transfers/"+id {
		t.Errorf("the proposed mentor's reminders are %+v, want the proposal to accept", reminders.Items)
	}
	expect(t, w.post("/v1/mentor-transfers/"+id+"/accept", participant, nil), http.StatusForbidden)
	expect(t, w.post("/v1/mentor-transfers/"+id+"/accept", w.token(w.outsider.ID), nil), http.StatusNotFound)
	expect(t, w.get(projectPath(w, ""), w.tokenOf(roleMentor)), http.StatusOK)

	if got := expect(t, w.post("/v1/mentor-transfers/"+id+"/accept", newMentorToken, nil), http.StatusOK).field(t, "status"); got != "accepted" {
		t.Errorf("accepted proposal is %s", got)
	}
	expect(t, w.post("/v1/mentor-transfers/"+id+"/accept", newMentorToken, nil), http.StatusConflict)
	expect(t, w.post("/v1/mentor-transfers/"+id+"/cancel", participant, nil), http.StatusConflict)
	expect(t, w.get(projectPath(w, ""), w.tokenOf(roleMentor)), http.StatusNotFound)
	expect(t, w.get(projectPath(w, ""), newMentorToken), http.StatusOK)
	if got := expect(t, w.get("/v1/enrollments/"+w.enrollment.ID.String(), newMentorToken), http.StatusOK).field(t, "mentorId"); got != newMentor.ID.String() {
		t.Errorf("the enrollment's mentor is %s, want the new mentor", got)
	}
	// The new mentor verifies the mid-term work after the training.
	mid, e := w.freshMilestone(true)
	w.completeProject(t)
	expect(t, w.post("/v1/evidence/"+e.ID.String()+"/reviews", newMentorToken, map[string]string{"decision": "approve"}), http.StatusOK)
	expect(t, w.post("/v1/milestones/"+mid.ID.String()+"/claim", participant, nil), http.StatusOK)
	expect(t, w.post("/v1/milestones/"+mid.ID.String()+"/verification", newMentorToken, map[string]string{"decision": "approve"}), http.StatusOK)

	var timeline struct {
		Items []struct{ Action string }
	}
	expect(t, w.get(projectPath(w, "/timeline?limit=200"), newMentorToken), http.StatusOK).decode(t, &timeline)
	var actions []string
	for _, e := range timeline.Items {
		actions = append(actions, e.Action)
	}
	for _, want := range []string{"mentor_transfer.proposed", "mentor_transfer.accepted", "enrollment.updated", "evidence.submitted"} {
		if !strings.Contains(strings.Join(actions, " "), want) {
			t.Errorf("the timeline lacks %s: %v", want, actions)
		}
	}

	// Declining and cancelling leave the mentor as it is, on record.
	second := expect(t, w.post(transfers, participant, map[string]string{"mentorId": w.otherMentor.ID.String()}), http.StatusCreated).field(t, "id")
	declined := expect(t, w.post("/v1/mentor-transfers/"+second+"/decline", w.tokenOf(roleOtherMentor), map[string]string{"comment": "Saya sudah pensiun"}), http.StatusOK)
	if declined.field(t, "status") != "declined" || declined.field(t, "comment") != "Saya sudah pensiun" {
		t.Errorf("declined proposal is %s", declined.body)
	}
	third := expect(t, w.post(transfers, participant, map[string]string{"mentorId": w.otherMentor.ID.String()}), http.StatusCreated).field(t, "id")
	expect(t, w.post("/v1/mentor-transfers/"+third+"/cancel", participant, nil), http.StatusOK)
	expect(t, w.post("/v1/mentor-transfers/"+third+"/accept", w.tokenOf(roleOtherMentor), nil), http.StatusConflict)
	var list struct{ Items []struct{ Status string } }
	expect(t, w.get(transfers, participant), http.StatusOK).decode(t, &list)
	if len(list.Items) != 3 || list.Items[0].Status != "accepted" || list.Items[1].Status != "declined" || list.Items[2].Status != "cancelled" {
		t.Errorf("the enrollment's proposals are %+v", list.Items)
	}
	if got := expect(t, w.get("/v1/enrollments/"+w.enrollment.ID.String(), participant), http.StatusOK).field(t, "mentorId"); got != newMentor.ID.String() {
		t.Errorf("after a decline and a cancel the mentor is %s, want still the accepted one", got)
	}
}

// Reminder is list-reminders' item as the tests read it.
type Reminder struct {
	Kind         string
	Title        string
	DueOn        string
	WaitingSince *time.Time
	WaitingDays  *int
	Late         bool
	Target       struct{ Type, ID, Path string }
}

func TestRemindersListMyDueMilestonesAndWhatWaitsForMe(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeWorkflow(t)
	ctx := context.Background()
	participant := w.actor(w.participant)
	today := domain.DateOf(time.Now())
	plan := func(horizon, title string, days int) domain.Milestone {
		m, err := w.addMilestone(t, w.project(), domain.MilestonePlan{Horizon: horizon, Title: title, DueOn: domain.DateOf(today.Time().AddDate(0, 0, days))})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	soon, overdue := plan("mid", "Replikasi ke kecamatan", 5), plan("long", "Perda layanan daring", -3)
	plan("mid", "Evaluasi tahun pertama", 20)
	claimed := plan("mid", "Aplikasi diluncurkan", 2)
	w.linkEvidence(t, claimed.ID)
	if _, err := w.projects().ClaimMilestone(ctx, participant, claimed.ID); err != nil {
		t.Fatal(err)
	}

	var mine struct{ Items []Reminder }
	expect(t, w.get("/v1/me/reminders", w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &mine)
	var got []string
	for _, r := range mine.Items {
		got = append(got, r.Kind+":"+r.Title)
	}
	want := []string{"milestone_overdue:Perda layanan daring", "milestone_due_soon:Replikasi ke kecamatan"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("the participant's reminders are %v, want %v (in 20 days is not yet due, a claimed one waits for the mentor)", got, want)
	}
	if len(mine.Items) == 2 && (mine.Items[0].Target.Path != "/v1/milestones/"+overdue.ID.String() || mine.Items[1].DueOn != soon.DueOn.String()) {
		t.Errorf("reminders %+v lack their link or due day", mine.Items)
	}

	var theirs struct{ Items []Reminder }
	expect(t, w.get("/v1/me/reminders", w.tokenOf(roleMentor)), http.StatusOK).decode(t, &theirs)
	kinds := map[string]Reminder{}
	for _, r := range theirs.Items {
		kinds[r.Kind+":"+r.Target.Type] = r
	}
	if r, ok := kinds["review_evidence:evidence"]; !ok || r.Target.Path != "/v1/evidence/"+w.fileEvidence.ID.String() && !strings.HasPrefix(r.Target.Path, "/v1/evidence/") || r.WaitingDays == nil || r.Late {
		t.Errorf("the mentor's reminders %+v lack the evidence to review", theirs.Items)
	}
	if _, ok := kinds["verify_milestone:milestone"]; !ok || len(theirs.Items) != 3 {
		t.Errorf("the mentor's reminders are %+v, want two evidence and the claimed milestone", theirs.Items)
	}

	// After the training, only the mid- and long-term milestones remind.
	w.db.Exec(`UPDATE milestones SET due_on = ? WHERE id = ?`, today.Time().AddDate(0, 0, -1), w.milestone.ID)
	expect(t, w.get("/v1/me/reminders", w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &mine)
	if len(mine.Items) != 3 {
		t.Errorf("with the short-term milestone overdue, reminders are %+v, want it listed", mine.Items)
	}
	w.completeProject(t)
	expect(t, w.get("/v1/me/reminders", w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &mine)
	if len(mine.Items) != 2 {
		t.Errorf("in a completed project, reminders are %+v, want only the mid- and long-term ones", mine.Items)
	}
	// Pages are keyset pages.
	var first struct {
		Items      []Reminder
		NextCursor string
	}
	expect(t, w.get("/v1/me/reminders?limit=2", w.tokenOf(roleMentor)), http.StatusOK).decode(t, &first)
	if len(first.Items) != 2 || first.NextCursor == "" {
		t.Fatalf("first page %+v", first)
	}
	expect(t, w.get("/v1/me/reminders?limit=2&cursor="+first.NextCursor, w.tokenOf(roleMentor)), http.StatusOK).decode(t, &first)
	if len(first.Items) != 1 {
		t.Errorf("second page has %d items, want 1", len(first.Items))
	}
}

// TestTheTimelineTellsWhatHappenedAndNothingElse: saving a design without a
// change adds no event (and no new version), and the enrollment's event
// says in words what it was.
func TestTheTimelineTellsWhatHappenedAndNothingElse(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.draftDesign(t)
	participant := w.tokenOf(roleParticipant)
	var timeline struct {
		Items []struct {
			Action, ActorName string
			Details           map[string]any
		}
	}
	expect(t, w.get(projectPath(w, "/timeline"), participant), http.StatusOK).decode(t, &timeline)
	before := len(timeline.Items)
	version := expect(t, w.get(projectPath(w, ""), participant), http.StatusOK).field(t, "version")

	expect(t, w.patch(projectPath(w, ""), participant, map[string]string{"title": "Antrean Daring Adminduk"}, nil), http.StatusOK)
	expect(t, w.get(projectPath(w, "/timeline"), participant), http.StatusOK).decode(t, &timeline)
	if len(timeline.Items) != before {
		t.Errorf("saving the same title added %d events: %+v", len(timeline.Items)-before, timeline.Items[0])
	}
	if got := expect(t, w.get(projectPath(w, ""), participant), http.StatusOK).field(t, "version"); got != version {
		t.Errorf("saving the same title moved the version from %s to %s", version, got)
	}
	first := timeline.Items[len(timeline.Items)-1]
	if first.Action != "enrollment.created" || first.ActorName != w.organizer.Name {
		t.Errorf("the first event is %+v, want the enrollment by the organizer", first)
	}
	if latest := timeline.Items[0]; latest.Action != "milestone.created" || latest.Details["title"] != "Terbentuknya Tim Efektif" {
		t.Errorf("the latest event is %+v, want the milestone naming its title", latest)
	}
}
