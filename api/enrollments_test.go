package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"testing"
)

func TestEnrollingCreatesTheParticipantsDraftProject(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	participant := w.user("Dedi Peserta")
	res := expect(t, w.post("/v1/cohorts/"+w.cohortA.ID.String()+"/enrollments", w.tokenOf(roleOrganizer),
		map[string]any{"participantId": participant.ID, "mentorId": w.mentor.ID, "coachId": w.coach.ID, "group": "Kelompok 1"}), http.StatusCreated)
	projectID := res.field(t, "projectId")
	var status string
	if err := w.db.QueryRowContext(context.Background(), `SELECT status FROM projects WHERE id = ?`, projectID).Scan(&status); err != nil || status != "draft" {
		t.Fatalf("project %s: status %q, %v; want draft", projectID, status, err)
	}
	var me struct {
		Roles []struct{ CohortID, Role string }
	}
	expect(t, w.get("/v1/me", w.token(participant.ID)), http.StatusOK).decode(t, &me)
	if len(me.Roles) != 1 || me.Roles[0].Role != "participant" || me.Roles[0].CohortID != w.cohortA.ID.String() {
		t.Fatalf("roles %+v: want participant of cohort A", me.Roles)
	}
}

func TestEnrollmentRulesNameTheBadField(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	path := "/v1/cohorts/" + w.cohortA.ID.String() + "/enrollments"
	token := w.tokenOf(roleOrganizer)
	res := expect(t, w.post(path, token, map[string]any{"participantId": w.participant.ID, "mentorId": w.otherMentor.ID}), http.StatusConflict)
	if locs := res.locations(t); len(locs) != 1 || locs[0] != "body.participantId" {
		t.Fatalf("a second enrollment: errors at %v", locs)
	}
	newcomer := w.user("Eka Peserta")
	res = expect(t, w.post(path, token, map[string]any{"participantId": newcomer.ID, "mentorId": newcomer.ID}), http.StatusUnprocessableEntity)
	if locs := res.locations(t); !slices.Contains(locs, "body.mentorId") {
		t.Fatalf("mentor = participant: errors at %v", locs)
	}
	res = expect(t, w.post(path, token, map[string]any{"participantId": newcomer.ID, "mentorId": w.mentor.ID, "coachId": w.examiner.ID}), http.StatusUnprocessableEntity)
	if locs := res.locations(t); !slices.Contains(locs, "body.coachId") {
		t.Fatalf("a coach who is not a coach of the cohort: errors at %v", locs)
	}
}

func TestACoachOrMentorSeesOnlyTheirOwnParticipants(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	path := "/v1/cohorts/" + w.cohortA.ID.String() + "/enrollments"
	for role, want := range map[string][]string{
		roleOrganizer:        {w.participant.ID.String(), w.otherParticipant.ID.String()},
		roleCoach:            {w.participant.ID.String()},
		roleMentor:           {w.participant.ID.String()},
		roleOtherParticipant: {w.otherParticipant.ID.String()},
	} {
		var page struct {
			Items []struct{ ParticipantID string }
		}
		expect(t, w.get(path, w.tokenOf(role)), http.StatusOK).decode(t, &page)
		var got []string
		for _, it := range page.Items {
			got = append(got, it.ParticipantID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s sees %v, want %v", role, got, want)
		}
	}
}

func TestAReplacedMentorLosesAccessAndTheChangeIsAudited(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	path := "/v1/enrollments/" + w.enrollment.ID.String()
	oldMentor := w.tokenOf(roleMentor)
	expect(t, w.get(path, oldMentor), http.StatusOK)
	newMentor := w.user("Mentor Baru")
	res := expect(t, w.patch(path, w.tokenOf(roleOrganizer), map[string]any{"mentorId": newMentor.ID}, map[string]string{"If-Match": `"1"`}), http.StatusOK)
	if res.field(t, "mentorId") != newMentor.ID.String() {
		t.Fatalf("%s", res.body)
	}
	expect(t, w.get(path, oldMentor), http.StatusNotFound)
	expect(t, w.get(path, w.token(newMentor.ID)), http.StatusOK)

	var before, after json.RawMessage
	var actor string
	err := w.db.QueryRowContext(context.Background(),
		`SELECT actor_id, before, after FROM events WHERE action = 'enrollment.updated' AND target_id = ?`, w.enrollment.ID).Scan(&actor, &before, &after)
	if err != nil {
		t.Fatalf("no audit event for the change: %v", err)
	}
	var b, a struct{ MentorID string }
	json.Unmarshal(before, &b)
	json.Unmarshal(after, &a)
	if actor != w.organizer.ID.String() || b.MentorID != w.mentor.ID.String() || a.MentorID != newMentor.ID.String() {
		t.Fatalf("event by %s, before %s, after %s", actor, before, after)
	}
}

func TestRemovingACoachFromAnEnrollmentWithNull(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	res := expect(t, w.patch("/v1/enrollments/"+w.enrollment.ID.String(), w.tokenOf(roleOrganizer), map[string]any{"coachId": nil}, nil), http.StatusOK)
	var e map[string]any
	res.decode(t, &e)
	if _, has := e["coachId"]; has {
		t.Fatalf("coach should be gone: %s", res.body)
	}
	expect(t, w.get("/v1/enrollments/"+w.enrollment.ID.String(), w.tokenOf(roleCoach)), http.StatusNotFound)
}
