package api_test

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/proper-id/proper/domain"
)

// accountWithCode creates an account that is not yet activated and returns
// it with its one-time activation code.
func accountWithCode(t *testing.T, a *app) (domain.User, string) {
	t.Helper()
	u, code, err := a.directory().CreateUser(context.Background(), a.admin, domain.UserProfile{Email: uniq() + "@batam.go.id", Name: "Budi Santoso"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if code == "" {
		t.Fatal("an account created without a password should come with an activation code")
	}
	return u, code
}

// activateFrom activates an account through a, from the client address
// numbered n (a serves behind a trusted proxy: behindTrustedProxy).
func activateFrom(a *app, email, code, password string, n int) response {
	return a.do(request{method: http.MethodPost, path: "/v1/auth/activate", body: map[string]string{"email": email, "code": code, "password": password},
		header: map[string]string{"X-Forwarded-For": fmt.Sprintf("10.2.%d.%d", n/250, n%250+1)}})
}

// countBurst sorts the answers of a burst of attempts that should each be
// checked and refused (401) or turned away before any check (429 or 503,
// both with Retry-After).
func countBurst(t *testing.T, answers <-chan response) (checked, refused int) {
	t.Helper()
	for res := range answers {
		switch res.status {
		case http.StatusUnauthorized:
			checked++
		case http.StatusTooManyRequests, http.StatusServiceUnavailable:
			if res.header.Get("Retry-After") == "" {
				t.Errorf("%d without Retry-After", res.status)
			}
			refused++
		default:
			t.Errorf("answer %d: %s", res.status, res.body)
		}
	}
	return checked, refused
}

// TestABurstOfWrongActivationCodesGetsNoMoreChecksThanTheLimit sends 50
// activations for one account at once, half with its code already used and
// half with codes that were never issued, each from an address of its own
// (so that only the limit per account can hold them): at most 10 are
// checked (401), the rest are refused before any check (429 with
// Retry-After), as wrong passwords are.
func TestABurstOfWrongActivationCodesGetsNoMoreChecksThanTheLimit(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	u, used := accountWithCode(t, a)
	behindProxy := behindTrustedProxy(t, a)
	expect(t, activateFrom(behindProxy, u.Email, used, "sandi-pertama-saya", 0), http.StatusOK)
	const burst = 50
	answers := make(chan response, burst)
	var wg sync.WaitGroup
	for i := range burst {
		code := used
		if i%2 == 1 {
			code = fmt.Sprintf("SALAH-KODE-%04d", i)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			answers <- activateFrom(behindProxy, u.Email, code, "sandi-pengambil-alih", i+1)
		}()
	}
	wg.Wait()
	close(answers)
	checked, refused := countBurst(t, answers)
	t.Logf("%d of %d wrong or used codes checked, %d refused", checked, burst, refused)
	if checked > domain.LoginFailureLimit {
		t.Errorf("%d codes were checked; the limit is %d", checked, domain.LoginFailureLimit)
	}
}

// TestActivationWaitsForAHashingSlotAndAnswers503WhenNoneIsFree: setting a
// password hashes it, as signing in does, under the same bound. With room
// for one hash at a time and no wait, a burst of activations (each of its
// own account, from its own address) gets some 503s with Retry-After; the
// others activate.
func TestActivationWaitsForAHashingSlotAndAnswers503WhenNoneIsFree(t *testing.T) {
	a := newApp(t)
	a.accounts.Hashing = domain.NewHashingLimit(1, 0)
	behindProxy := behindTrustedProxy(t, a)
	const burst = 12
	busy, rounds := 0, 0
	for ; rounds < 10 && busy == 0; rounds++ {
		round := rounds
		answers := make(chan response, burst)
		var wg sync.WaitGroup
		for i := range burst {
			u, code := accountWithCode(t, a)
			wg.Add(1)
			go func() {
				defer wg.Done()
				answers <- activateFrom(behindProxy, u.Email, code, "sandi-pertama-saya", round*burst+i)
			}()
		}
		wg.Wait()
		close(answers)
		for res := range answers {
			switch {
			case res.status == http.StatusOK:
			case res.status == http.StatusServiceUnavailable && res.header.Get("Retry-After") != "":
				busy++
			default:
				t.Fatalf("answer %d %v: %s", res.status, res.header, res.body)
			}
		}
	}
	t.Logf("%d of %d activations asked to retry in round %d", busy, burst, rounds)
	if busy == 0 {
		t.Fatal("no activation was turned away although only one password may be hashed at a time")
	}
}

// TestABurstOfSignInsFromOneAddressAcrossManyEmailsGetsNoMoreChecksThanTheLimit
// sends 50 sign-ins at once from one address, each for an e-mail of its
// own: however concurrent, at most 10 passwords are checked (401), the rest
// are refused before any check (429 with Retry-After).
func TestABurstOfSignInsFromOneAddressAcrossManyEmailsGetsNoMoreChecksThanTheLimit(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	const burst = 50
	answers := make(chan response, burst)
	var wg sync.WaitGroup
	for i := range burst {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answers <- login(a, fmt.Sprintf("coba%03d.%s@batam.go.id", i, uniq()), "apa-saja-123")
		}()
	}
	wg.Wait()
	close(answers)
	checked, refused := countBurst(t, answers)
	t.Logf("%d of %d sign-ins from one address checked, %d refused", checked, burst, refused)
	if checked > domain.LoginFailureLimit {
		t.Errorf("%d passwords were checked from one address; the limit is %d", checked, domain.LoginFailureLimit)
	}
}

// TestTryingOtherPeoplesNIPsOnYourOwnProfileIsLimitedAsSignInIs: each
// refused change of one's own NIP tells that another account has it; after
// 10 in 15 minutes the answer is 429, whether or not the NIP is taken.
func TestTryingOtherPeoplesNIPsOnYourOwnProfileIsLimitedAsSignInIs(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	var taken []string
	for i, u := range []domain.User{w.mentor, w.otherMentor, w.coach, w.organizer, w.otherParticipant} {
		nip := fmt.Sprintf("19800115200501100%d", i+1)
		if _, err := w.directory().UpdateUser(context.Background(), w.admin, u.ID, domain.UserChanges{NIP: &nip}, nil); err != nil {
			t.Fatal(err)
		}
		taken = append(taken, nip)
	}
	me := "/v1/users/" + w.participant.ID.String()
	for i := range 10 {
		expect(t, w.patch(me, w.tokenOf(roleParticipant), map[string]string{"nip": taken[i%len(taken)]}, nil), http.StatusConflict)
	}
	res := w.patch(me, w.tokenOf(roleParticipant), map[string]string{"nip": "197901152005012009"}, nil)
	if res.status != http.StatusTooManyRequests || res.header.Get("Retry-After") == "" {
		t.Fatalf("the 11th change: %d %v %s", res.status, res.header, res.body)
	}
	expect(t, w.patch(me, w.tokenOf(roleParticipant), map[string]string{"position": "Kepala Bidang"}, nil), http.StatusOK)
}
