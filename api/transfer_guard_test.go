package api_test

import (
	"fmt"
	"net/http"
	"testing"
)

// proposeMentor proposes body as the participant's new mentor.
func proposeMentor(w *world, body map[string]string) response {
	return w.post("/v1/enrollments/"+w.enrollment.ID.String()+"/mentor-transfers", w.tokenOf(roleParticipant), body)
}

// TestNobodyWithAnotherRoleInTheCohortCanBecomeAParticipantsMentor: a
// participant cannot make another participant, a coach or an examiner of
// their cohort their mentor (who would then approve their own peer's
// evidence).
func TestNobodyWithAnotherRoleInTheCohortCanBecomeAParticipantsMentor(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for name, id := range map[string]string{"another participant": w.otherParticipant.ID.String(), "a coach": w.coach.ID.String(), "an examiner": w.examiner.ID.String()} {
		res := proposeMentor(w, map[string]string{"mentorId": id})
		if res.status != http.StatusUnprocessableEntity || len(res.locations(t)) != 1 || res.locations(t)[0] != "body.mentorId" {
			t.Errorf("%s as mentor: %d %s", name, res.status, res.body)
		}
	}
}

// TestAMentorFromOutsideTheParticipantsAgencyNeedsAnOrganizersConfirmation:
// the proposal waits for an organizer of the cohort before the proposed
// mentor may accept; an organizer may also refuse it.
func TestAMentorFromOutsideTheParticipantsAgencyNeedsAnOrganizersConfirmation(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	res := expect(t, proposeMentor(w, map[string]string{"mentorId": w.outsider.ID.String(), "note": "Atasan baru"}), http.StatusCreated)
	id := res.field(t, "id")
	if status := res.field(t, "status"); status != "awaiting_organizer" {
		t.Fatalf("status %q, want awaiting_organizer", status)
	}
	outsider := w.token(w.outsider.ID)
	expect(t, w.get("/v1/mentor-transfers/"+id, outsider), http.StatusNotFound) // not asked yet
	expect(t, w.post("/v1/mentor-transfers/"+id+"/accept", outsider, nil), http.StatusNotFound)
	expect(t, w.post("/v1/mentor-transfers/"+id+"/confirm", w.tokenOf(roleParticipant), nil), http.StatusForbidden)
	confirmed := expect(t, w.post("/v1/mentor-transfers/"+id+"/confirm", w.tokenOf(roleOrganizer), nil), http.StatusOK)
	if confirmed.field(t, "status") != "pending" {
		t.Fatalf("after the confirmation: %s", confirmed.body)
	}
	expect(t, w.post("/v1/mentor-transfers/"+id+"/accept", outsider, nil), http.StatusOK)

	again := expect(t, w.post("/v1/enrollments/"+w.otherEnrollment.ID.String()+"/mentor-transfers", w.tokenOf(roleOtherParticipant),
		map[string]string{"mentorId": w.outsider.ID.String()}), http.StatusCreated).field(t, "id")
	refused := expect(t, w.post("/v1/mentor-transfers/"+again+"/refuse", w.tokenOf(roleOrganizer), map[string]string{"comment": "Bukan atasan langsung"}), http.StatusOK)
	if refused.field(t, "status") != "refused" || refused.field(t, "comment") != "Bukan atasan langsung" {
		t.Fatalf("refused: %s", refused.body)
	}
}

// TestLookingUpMentorsByEmailIsLimitedAsSignInIs: a participant who tries
// e-mail after e-mail to learn who has an account is stopped after 10
// tries in 15 minutes, with 429 and Retry-After.
func TestLookingUpMentorsByEmailIsLimitedAsSignInIs(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for i := range 10 {
		res := proposeMentor(w, map[string]string{"mentorEmail": fmt.Sprintf("tebak%d.%s@batam.go.id", i, uniq())})
		expect(t, res, http.StatusUnprocessableEntity)
	}
	res := proposeMentor(w, map[string]string{"mentorEmail": w.otherMentor.Email})
	if res.status != http.StatusTooManyRequests || res.header.Get("Retry-After") == "" {
		t.Fatalf("the 11th look-up: %d %v %s", res.status, res.header, res.body)
	}
}

// TestTryingOtherPeoplesEmailsOnYourOwnProfileIsLimitedAsSignInIs: each
// refused change of one's own e-mail tells that another account has the
// address; after 10 in 15 minutes the answer is 429, whether or not the
// address is taken.
func TestTryingOtherPeoplesEmailsOnYourOwnProfileIsLimitedAsSignInIs(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	me := "/v1/users/" + w.participant.ID.String()
	taken := []string{w.mentor.Email, w.otherMentor.Email, w.coach.Email, w.organizer.Email, w.otherParticipant.Email}
	for i := range 10 {
		expect(t, w.patch(me, w.tokenOf(roleParticipant), map[string]string{"email": taken[i%len(taken)]}, nil), http.StatusConflict)
	}
	res := w.patch(me, w.tokenOf(roleParticipant), map[string]string{"email": "bebas." + uniq() + "@batam.go.id"}, nil)
	if res.status != http.StatusTooManyRequests || res.header.Get("Retry-After") == "" {
		t.Fatalf("the 11th change: %d %v %s", res.status, res.header, res.body)
	}
	expect(t, w.patch(me, w.tokenOf(roleParticipant), map[string]string{"position": "Kepala Bidang"}, nil), http.StatusOK)
}
