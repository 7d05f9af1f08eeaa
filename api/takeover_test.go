package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// sendNowhere is a mail sender that accepts every message.
type sendNowhere struct{}

func (sendNowhere) Send(context.Context, domain.Mail) error { return nil }

// addStaff gives user a staff role in the organizer's cohort through the API.
func addStaff(t *testing.T, w *world, user uuid.UUID, role string) {
	t.Helper()
	expect(t, w.post("/v1/cohorts/"+w.cohortA.ID.String()+"/staff", w.tokenOf(roleOrganizer),
		map[string]string{"userId": user.String(), "role": role}), http.StatusCreated)
}

// TestAddingAnAccountToACohortGivesTheOrganizerNoPowerOverIt replays the
// takeover: an organizer adds the platform admin (and the organizer of
// another institution) to her cohort, then asks for their activation code
// and edits their profile. Both are refused, and the accounts still sign in
// with their own passwords.
func TestAddingAnAccountToACohortGivesTheOrganizerNoPowerOverIt(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	organizer := w.tokenOf(roleOrganizer)
	expect(t, w.post("/v1/users/"+w.otherOrganizer.ID.String()+"/activation", w.tokenOf(roleAdmin), nil), http.StatusOK)
	for _, victim := range []struct {
		name, role string
		id         uuid.UUID
		email      string
	}{
		{"the platform admin", "examiner", w.adminUser.ID, w.adminUser.Email},
		{"another institution's organizer", "coach", w.otherOrganizer.ID, w.otherOrganizer.Email},
	} {
		t.Run(victim.name, func(t *testing.T) {
			addStaff(t, w, victim.id, victim.role)
			res := w.post("/v1/users/"+victim.id.String()+"/activation", organizer, nil)
			// The answer is a problem, whose code says why: no activation code.
			if res.status != http.StatusForbidden || !domain.Code(res.problem(t).Code).Known() {
				t.Fatalf("issue-activation for %s: %d %s", victim.name, res.status, res.body)
			}
			expect(t, w.patch("/v1/users/"+victim.id.String(), organizer, map[string]string{"name": "Diambil Alih"}, nil), http.StatusForbidden)
		})
	}
	expect(t, login(w.app, w.adminUser.Email, "admin-password-123"), http.StatusOK)
	if got := expect(t, w.get("/v1/users/"+w.adminUser.ID.String(), w.tokenOf(roleAdmin)), http.StatusOK).field(t, "name"); got != "Admin Platform" {
		t.Errorf("the admin is now called %q", got)
	}
}

// TestARosterRowNamingAnExistingAccountEnrollsItUntouched: an organizer
// imports a row whose participant is an activated account of somebody
// else. It is enrolled; the answer says the account existed; its password,
// name and e-mail are as before, and no code for it is returned.
func TestARosterRowNamingAnExistingAccountEnrollsItUntouched(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	victim := signUp(t, w.app, "milik-sendiri-123")
	roster := "nip,name,email,position,rank,agency,mentor_email,mentor_name,coach_email,group\n" +
		"198001152005011002,Nama Palsu," + victim.Email + ",Staf,,,baru." + uniq() + "@batam.go.id,Mentor Baru,,\n"
	res := expect(t, w.do(request{method: http.MethodPost, path: "/v1/cohorts/" + w.cohortA.ID.String() + "/roster",
		token: w.tokenOf(roleOrganizer), body: []byte(roster)}), http.StatusOK)
	var out struct {
		Rows []struct {
			ParticipantID             uuid.UUID `json:"participantId"`
			CreatedParticipant        bool      `json:"createdParticipant"`
			ParticipantActivationCode string    `json:"participantActivationCode"`
		} `json:"rows"`
	}
	res.decode(t, &out)
	if len(out.Rows) != 1 || out.Rows[0].ParticipantID != victim.ID || out.Rows[0].CreatedParticipant || out.Rows[0].ParticipantActivationCode != "" {
		t.Fatalf("the import answered %s", res.body)
	}
	expect(t, login(w.app, victim.Email, "milik-sendiri-123"), http.StatusOK)
	if got := expect(t, w.get("/v1/users/"+victim.ID.String(), w.tokenOf(roleAdmin)), http.StatusOK).field(t, "name"); got != victim.Name {
		t.Errorf("the roster renamed the account to %q", got)
	}
	res = w.post("/v1/users/"+victim.ID.String()+"/activation", w.tokenOf(roleOrganizer), nil)
	if res.status != http.StatusForbidden {
		t.Errorf("issue-activation for the enrolled account: %d %s", res.status, res.body)
	}
}

// TestAnOrganizerManagesTheAccountsTheirInstitutionRegisteredUntilActivated:
// the organizer who creates an account may correct it and give a new code
// until the person activates it; after that only the person changes it.
// Another institution's organizer never may.
func TestAnOrganizerManagesTheAccountsTheirInstitutionRegisteredUntilActivated(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	organizer := w.tokenOf(roleOrganizer)
	email := "baru." + uniq() + "@soppengkab.go.id"
	created := expect(t, w.post("/v1/users", organizer, map[string]string{"email": email, "name": "Siti Rahayu"}), http.StatusCreated)
	id := created.field(t, "id")
	if created.field(t, "activationCode") == "" {
		t.Fatalf("no code for a new account: %s", created.body)
	}
	addStaffOther := w.post("/v1/cohorts/"+w.cohortB.ID.String()+"/staff", w.tokenOf(roleOtherOrganizer), map[string]string{"userId": id, "role": "coach"})
	expect(t, addStaffOther, http.StatusCreated)
	if res := w.post("/v1/users/"+id+"/activation", w.tokenOf(roleOtherOrganizer), nil); res.status != http.StatusForbidden {
		t.Errorf("another institution's organizer got %d %s", res.status, res.body)
	}
	expect(t, w.patch("/v1/users/"+id, organizer, map[string]string{"name": "Siti Rahayu, S.Sos."}, nil), http.StatusOK)
	code := expect(t, w.post("/v1/users/"+id+"/activation", organizer, nil), http.StatusOK).field(t, "code")
	expect(t, w.post("/v1/auth/activate", "", map[string]string{"email": email, "code": code, "password": "sandi-pilihan-saya"}), http.StatusOK)

	expect(t, w.patch("/v1/users/"+id, organizer, map[string]string{"name": "Nama Lain"}, nil), http.StatusForbidden)
	if res := w.post("/v1/users/"+id+"/activation", organizer, nil); res.status != http.StatusForbidden {
		t.Errorf("issue-activation after activation: %d %s", res.status, res.body)
	}
}

// TestACodeForSomebodyElsesAccountGoesToThePersonByEmail: with SMTP, an
// organizer may have a new code sent to a person of their cohort whom they
// do not manage (the coach, registered by a platform admin); the code is mailed to that person and not shown to the
// organizer. A platform admin is out of reach even so.
func TestACodeForSomebodyElsesAccountGoesToThePersonByEmail(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	c := w.clocked(t, newClock(time.Now()), true)
	organizer := w.tokenOf(roleOrganizer)
	res := expect(t, c.post("/v1/users/"+w.coach.ID.String()+"/activation", organizer, nil), http.StatusOK)
	if res.field(t, "code") != "" || res.field(t, "delivery") != "email" {
		t.Fatalf("issue-activation answered %s", res.body)
	}
	mails := w.outbox(t)
	if len(mails) != 1 || mails[0].ToAddress != w.coach.Email || !strings.Contains(mails[0].Body, "kode aktivasi") {
		t.Fatalf("the outbox holds %+v", mails)
	}
	// Once sent, the outbox keeps the message without its code.
	var sent []string
	if err := domain.NewOutbox(w.store, time.Now).Drain(context.Background(), sendNowhere{}, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.db.NewRaw(`SELECT body FROM outbox WHERE kind = ?`, domain.MailActivation).Scan(context.Background(), &sent); err != nil {
		t.Fatal(err)
	}
	if len(sent) != 1 || sent[0] != "" {
		t.Errorf("after sending, the outbox holds %q", sent)
	}
	addStaff(t, w, w.adminUser.ID, "examiner")
	if res := c.post("/v1/users/"+w.adminUser.ID.String()+"/activation", organizer, nil); res.status != http.StatusForbidden {
		t.Errorf("a code for the platform admin: %d %s", res.status, res.body)
	}
}
