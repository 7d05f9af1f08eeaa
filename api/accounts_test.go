package api_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/proper-id/proper/domain"
)

func signUp(t *testing.T, a *app, password string) domain.User {
	t.Helper()
	u, _, err := a.directory().CreateUser(context.Background(), &domain.Actor{PlatformAdmin: true},
		domain.UserProfile{Email: uniq() + "@batam.go.id", Name: "Budi Santoso"}, password)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func login(a *app, email, password string) response {
	return a.post("/v1/auth/login", "", map[string]string{"email": email, "password": password})
}

func TestLoginGivesATokenThatLogoutRevokes(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	u := signUp(t, a, "kata-sandi-rahasia")

	res := expect(t, login(a, u.Email, "kata-sandi-rahasia"), http.StatusOK)
	var session struct {
		Token     string    `json:"token"`
		ExpiresAt time.Time `json:"expiresAt"`
		User      struct{ Email string }
	}
	res.decode(t, &session)
	if len(session.Token) < 43 || session.User.Email != u.Email {
		t.Fatalf("session %+v: want a 32-byte token and the user", session)
	}
	if d := time.Until(session.ExpiresAt); d < 11*time.Hour || d > 13*time.Hour {
		t.Fatalf("token expires in %v, want the default 12h", d)
	}
	expect(t, a.get("/v1/me", session.Token), http.StatusOK)
	expect(t, a.post("/v1/auth/logout", session.Token, nil), http.StatusNoContent)
	res = expect(t, a.get("/v1/me", session.Token), http.StatusUnauthorized)
	if res.header.Get("WWW-Authenticate") == "" {
		t.Error("a 401 should say how to authenticate (WWW-Authenticate)")
	}
}

func TestLoginWithAnyCaseOfTheEmailWorks(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	u := signUp(t, a, "kata-sandi-rahasia")
	expect(t, login(a, "  "+strings.ToUpper(u.Email)+" ", "kata-sandi-rahasia"), http.StatusOK)
}

func TestWrongPasswordAndUnknownEmailAnswerTheSame(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	u := signUp(t, a, "kata-sandi-rahasia")
	wrong := expect(t, login(a, u.Email, "bukan-sandinya"), http.StatusUnauthorized)
	unknown := expect(t, login(a, "tidak.ada@batam.go.id", "bukan-sandinya"), http.StatusUnauthorized)
	if string(wrong.body) != string(unknown.body) {
		t.Fatalf("a wrong password (%s) and an unknown e-mail (%s) must look alike", wrong.body, unknown.body)
	}
}

func TestExpiredAndUnknownTokensAre401(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	u := signUp(t, a, "")
	expired := domain.NewSecret()
	if err := a.store.Sessions().Create(context.Background(), domain.HashSecret(expired), u.ID, time.Now().Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	for name, token := range map[string]string{"expired": expired, "unknown": domain.NewSecret(), "missing": ""} {
		if res := a.get("/v1/me", token); res.status != http.StatusUnauthorized {
			t.Errorf("%s token: %d, want 401", name, res.status)
		}
	}
	res := a.do(request{method: http.MethodGet, path: "/v1/me", header: map[string]string{"Authorization": "Basic Zm9vOmJhcg=="}})
	expect(t, res, http.StatusUnauthorized)
}

func TestTenFailedLoginsPerEmailLockItForAWhileOnEveryReplica(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	replica := newAppOn(t, a.db) // a second process on the same database
	u := signUp(t, a, "kata-sandi-rahasia")
	for i := range domain.LoginFailureLimit {
		server := []*app{a, replica}[i%2]
		expect(t, login(server, u.Email, "salah-"+strconv.Itoa(i)), http.StatusUnauthorized)
	}
	for _, server := range []*app{a, replica} {
		res := expect(t, login(server, u.Email, "kata-sandi-rahasia"), http.StatusTooManyRequests)
		seconds, err := strconv.Atoi(res.header.Get("Retry-After"))
		if err != nil || seconds < 1 || seconds > 15*60 {
			t.Fatalf("Retry-After %q should say how many seconds to wait (at most 15 minutes)", res.header.Get("Retry-After"))
		}
	}
}

func TestFailuresFromOneAddressAcrossEmailsAreLimitedToo(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	for i := range domain.LoginFailureLimit {
		expect(t, login(a, "coba"+strconv.Itoa(i)+"@batam.go.id", "apa-saja-123"), http.StatusUnauthorized)
	}
	u := signUp(t, a, "kata-sandi-rahasia")
	expect(t, login(a, u.Email, "kata-sandi-rahasia"), http.StatusTooManyRequests)
}

func TestAnImportedPersonActivatesTheirAccountOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	res := expect(t, w.post("/v1/users", w.tokenOf(roleOrganizer), map[string]string{"email": uniq() + "@soppengkab.go.id", "name": "Andi Baso"}), http.StatusCreated)
	code, email := res.field(t, "activationCode"), res.field(t, "email")
	if code == "" {
		t.Fatal("an account created without a password should come with an activation code")
	}
	expect(t, login(w.app, email, "sandi-baru-andi"), http.StatusUnauthorized)

	activate := func(code string) response {
		return w.post("/v1/auth/activate", "", map[string]string{"email": email, "code": code, "password": "sandi-baru-andi"})
	}
	expect(t, activate("AAAA-BBBB-CCCC"), http.StatusUnauthorized)
	session := expect(t, activate(strings.ToLower(code)), http.StatusOK) // case does not matter
	expect(t, w.get("/v1/me", session.field(t, "token")), http.StatusOK)
	expect(t, activate(code), http.StatusUnauthorized) // used up
	expect(t, login(w.app, email, "sandi-baru-andi"), http.StatusOK)
}

func TestShortPasswordsAreRefusedNamingTheField(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	res := expect(t, w.post("/v1/users", w.tokenOf(roleAdmin), map[string]string{"email": uniq() + "@batam.go.id", "name": "Andi", "password": "pendek"}), http.StatusUnprocessableEntity)
	if locs := res.locations(t); len(locs) != 1 || locs[0] != "body.password" {
		t.Fatalf("errors at %v, want body.password", locs)
	}
}

func TestOrganizerIssuesANewActivationCodeForTheirParticipant(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	res := expect(t, w.post("/v1/users/"+w.participant.ID.String()+"/activation", w.tokenOf(roleOrganizer), nil), http.StatusOK)
	code := res.field(t, "code")
	session := w.post("/v1/auth/activate", "", map[string]string{"email": w.participant.Email, "code": code, "password": "sandi-peserta-baru"})
	expect(t, session, http.StatusOK)
}

func TestLoginCountsAreSafeUnderConcurrency(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	u := signUp(t, a, "kata-sandi-rahasia")
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := login(a, u.Email, "kata-sandi-rahasia")
			if res.status != http.StatusOK {
				t.Errorf("concurrent login: %d %s", res.status, res.body)
			}
		}()
	}
	wg.Wait()
}
