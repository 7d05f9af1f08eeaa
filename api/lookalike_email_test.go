package api_test

import (
	"net/http"
	"strings"
	"testing"
)

// lookAlikes display like admin@lan.go.id but are other addresses: a
// Cyrillic а, a NO-BREAK SPACE, a dotless ı, a Cyrillic о in the domain.
var lookAlikes = []string{"\u0430dmin@lan.go.id", "admin\u00a0@lan.go.id", "adm\u0131n@lan.go.id", "admin@lan.g\u043e.id"}

// fullWidthAt displays like admin@lan.go.id but is no address at all (its
// @ is full-width): the spec's format refuses it before the domain sees it,
// as a 422 that says no more than that.
const fullWidthAt = "admin\uff20lan.go.id"

// expectNotASCII fails the test unless res is a 422 naming location with
// the message that an address is ASCII only.
func expectNotASCII(t *testing.T, what string, res response, location string) {
	t.Helper()
	if res.status != http.StatusUnprocessableEntity {
		t.Errorf("%s: status %d, want 422 naming %s: %s", what, res.status, location, res.body)
		return
	}
	for _, e := range res.problem(t).Errors {
		if e.Location == location && strings.Contains(e.Message, "ASCII") {
			return
		}
	}
	t.Errorf("%s: want %s refused as not ASCII: %s", what, location, res.body)
}

func TestLookAlikeEmailsAreRefusedWhereverAnAccountIsMadeOrChanged(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	admin := w.tokenOf(roleAdmin)
	for _, email := range lookAlikes {
		expectNotASCII(t, "create-user "+email, w.post("/v1/users", admin, map[string]string{"email": email, "name": "Admin Palsu"}), "body.email")
		expectNotASCII(t, "update-user "+email, w.patch("/v1/users/"+w.outsider.ID.String(), admin, map[string]string{"email": email}, nil), "body.email")
		expectNotASCII(t, "import-roster "+email, w.importRoster(rosterHeader+",Admin Palsu,"+email+",,,,sekda@batam.go.id,Drs. Jefridin,,\n"), "body.rows[2].email")
		expectNotASCII(t, "import-roster mentor "+email, w.importRoster(rosterHeader+",Budi Santoso,budi@batam.go.id,,,,"+email+",Admin Palsu,,\n"), "body.rows[2].mentor_email")
		expectNotASCII(t, "propose-mentor-transfer "+email, w.post("/v1/enrollments/"+w.enrollment.ID.String()+"/mentor-transfers", w.tokenOf(roleParticipant),
			map[string]string{"mentorEmail": email}), "body.mentorEmail")
		expectNotASCII(t, "activate-account "+email, w.post("/v1/auth/activate", "", map[string]string{"email": email, "code": "AAAA-BBBB-CCCC", "password": "sandi-baru-andi"}), "body.email")
	}
	expectRefusedAt(t, "create-user "+fullWidthAt, w.post("/v1/users", admin, map[string]string{"email": fullWidthAt, "name": "Admin Palsu"}), "body.email")
	expectNotASCII(t, "import-roster "+fullWidthAt, w.importRoster(rosterHeader+",Admin Palsu,"+fullWidthAt+",,,,sekda@batam.go.id,Drs. Jefridin,,\n"), "body.rows[2].email")
	expectNotASCII(t, "propose-mentor-transfer "+fullWidthAt, w.post("/v1/enrollments/"+w.enrollment.ID.String()+"/mentor-transfers", w.tokenOf(roleParticipant),
		map[string]string{"mentorEmail": fullWidthAt}), "body.mentorEmail")
	var users int
	w.db.QueryRow(`SELECT count(*) FROM users WHERE email !~ '^[ -~]*$'`).Scan(&users)
	if users != 0 {
		t.Fatalf("%d accounts have an address that is not ASCII", users)
	}
}

func TestSigningInWithALookAlikeEmailFailsLikeAWrongPassword(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	signUp(t, a, "sandi-rahasia-123")
	for _, email := range lookAlikes {
		res := expect(t, login(a, email, "sandi-rahasia-123"), http.StatusUnauthorized)
		if strings.Contains(string(res.body), "ASCII") {
			t.Errorf("a failed sign-in should say no more than a wrong password: %s", res.body)
		}
	}
}
