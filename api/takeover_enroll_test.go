package api_test

import (
	"net/http"
	"testing"

	"github.com/proper-id/proper/domain"
)

// TestEnrollingOrStaffingAnExistingAccountLeavesItUntouched: an organizer
// names accounts of other people (activated, with passwords of their own,
// the platform admin among them) in her cohort: as a participant or a
// mentor through enroll-participant, and as staff through add-cohort-staff.
// Each is added, and gives her no power over the account: she may neither
// have its activation code nor rename it, and it still signs in with its
// own password under its own name and e-mail.
func TestEnrollingOrStaffingAnExistingAccountLeavesItUntouched(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	organizer := w.tokenOf(roleOrganizer)
	cohort := "/v1/cohorts/" + w.cohortA.ID.String()
	enroll := func(participant, mentor domain.User) response {
		return w.post(cohort+"/enrollments", organizer, map[string]string{"participantId": participant.ID.String(), "mentorId": mentor.ID.String()})
	}
	for _, c := range []struct {
		name   string
		victim func(t *testing.T) (domain.User, string)
		add    func(victim domain.User) response
	}{
		{"enrolled as a participant", ownAccount(w), func(v domain.User) response { return enroll(v, w.mentor) }},
		{"named as a participant's mentor", ownAccount(w), func(v domain.User) response { return enroll(w.user("Peserta Baru"), v) }},
		{"the platform admin named as a mentor", func(*testing.T) (domain.User, string) { return w.adminUser, "admin-password-123" },
			func(v domain.User) response { return enroll(w.user("Peserta Lain"), v) }},
		{"given a staff role", ownAccount(w), func(v domain.User) response {
			return w.post(cohort+"/staff", organizer, map[string]string{"userId": v.ID.String(), "role": "coach"})
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			victim, password := c.victim(t)
			expect(t, c.add(victim), http.StatusCreated)
			if res := w.post("/v1/users/"+victim.ID.String()+"/activation", organizer, nil); res.status != http.StatusForbidden {
				t.Errorf("issue-activation by the organizer: %d %s", res.status, res.body)
			}
			expect(t, w.patch("/v1/users/"+victim.ID.String(), organizer, map[string]string{"name": "Diambil Alih"}, nil), http.StatusForbidden)
			expect(t, login(w.app, victim.Email, password), http.StatusOK)
			var now struct{ Name, Email string }
			expect(t, w.get("/v1/users/"+victim.ID.String(), w.tokenOf(roleAdmin)), http.StatusOK).decode(t, &now)
			if now.Name != victim.Name || now.Email != victim.Email {
				t.Errorf("the account is now %q <%s>; it was %q <%s>", now.Name, now.Email, victim.Name, victim.Email)
			}
		})
	}
}

// ownAccount makes an activated account with a password of its owner's,
// registered by nobody the organizer works for, and returns it with its
// password.
func ownAccount(w *world) func(t *testing.T) (domain.User, string) {
	return func(t *testing.T) (domain.User, string) {
		const password = "milik-sendiri-123"
		return signUp(t, w.app, password), password
	}
}
