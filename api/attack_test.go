package api_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/api"
	"github.com/proper-id/proper/domain"
)

// unknownKeysBody is a JSON object of n properties that no operation knows,
// padded so that it is about size bytes long when size > 0.
func unknownKeysBody(n, size int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"email":"a@b.id","password":"x"`)
	pad := 0
	if size > 0 {
		pad = max(0, size/n-11)
	}
	for i := range n {
		fmt.Fprintf(&b, `,"k%d%s":1`, i, strings.Repeat("x", pad))
	}
	b.WriteString("}")
	return b.Bytes()
}

// allocatedDuring reports how many bytes the process allocated while f ran:
// an upper bound of how much its heap could grow.
func allocatedDuring(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestManyUnknownPropertiesCostMemoryInProportionToTheBody sends bodies of
// thousands of unknown properties to the unauthenticated sign-in, and a
// 1 MiB one to a signed-in merge patch: each answer names at most 20 errors
// and repeats none of the body, and the whole exchange (client and server
// share this process) allocates less than 64 MiB.
func TestManyUnknownPropertiesCostMemoryInProportionToTheBody(t *testing.T) {
	w := newWorld(t)
	const bound = 64 << 20
	for _, c := range []struct {
		name  string
		req   func(body []byte) request
		keys  int
		bytes int
	}{
		{"sign-in, 2,000 keys", func(body []byte) request {
			return request{method: http.MethodPost, path: "/v1/auth/login", body: body, contentType: "application/json"}
		}, 2000, 0},
		{"merge patch, 1 MiB of keys", func(body []byte) request {
			return request{method: http.MethodPatch, path: "/v1/users/" + w.participant.ID.String(), body: body,
				contentType: "application/merge-patch+json", token: w.tokenOf(roleParticipant)}
		}, 40000, 1<<20 - 4096},
	} {
		t.Run(c.name, func(t *testing.T) {
			body := unknownKeysBody(c.keys, c.bytes)
			var res response
			allocated := allocatedDuring(func() { res = w.do(c.req(body)) })
			p := expect(t, res, http.StatusUnprocessableEntity).problem(t)
			if len(p.Errors) > 21 {
				t.Errorf("%d errors in the answer; want at most 20 and one that counts the rest", len(p.Errors))
			}
			if len(res.body) > 16<<10 {
				t.Errorf("the answer is %d bytes for a %d-byte request", len(res.body), len(body))
			}
			if allocated > bound {
				t.Errorf("%d MiB allocated for a %d KiB body; want under %d MiB", allocated>>20, len(body)>>10, bound>>20)
			}
			t.Logf("%d KiB body: %d MiB allocated, %d-byte answer", len(body)>>10, allocated>>20, len(res.body))
		})
	}
}

// TestABurstOfWrongPasswordsGetsNoMoreChecksThanTheLimit sends 50 wrong
// passwords for one e-mail at once: at most 10 of them are checked (401),
// the rest are refused before any check (429 with Retry-After).
func TestABurstOfWrongPasswordsGetsNoMoreChecksThanTheLimit(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	u := signUp(t, a, "kata-sandi-rahasia")
	const burst = 50
	statuses := make(chan response, burst)
	var wg sync.WaitGroup
	for i := range burst {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses <- login(a, u.Email, fmt.Sprintf("tebakan-salah-%03d", i))
		}()
	}
	wg.Wait()
	close(statuses)
	checked, refused := countBurst(t, statuses)
	t.Logf("%d of %d wrong passwords checked, %d refused", checked, burst, refused)
	if checked > domain.LoginFailureLimit {
		t.Errorf("%d passwords were checked; the limit is %d", checked, domain.LoginFailureLimit)
	}
}

// TestPasswordHashingWaitsForASlotAndAnswers503WhenNoneIsFree: with room
// for one password check at a time and no wait, a burst of sign-ins (each
// for its own account) gets some 503s with Retry-After and never more than
// one check at once; the others sign in.
func TestPasswordHashingWaitsForASlotAndAnswers503WhenNoneIsFree(t *testing.T) {
	a := newApp(t)
	a.accounts.Hashing = domain.NewHashingLimit(1, 0)
	const burst = 12
	users := make([]domain.User, burst)
	for i := range users {
		users[i] = signUp(t, a, "kata-sandi-rahasia")
	}
	// Each from an address of its own, so that only the hashing bound (and
	// no rate limit on sign-ins in flight) can turn any away.
	behindProxy := behindTrustedProxy(t, a)
	busy := 0
	for round := 0; round < 10 && busy == 0; round++ {
		statuses := make(chan response, burst)
		var wg sync.WaitGroup
		for i, u := range users {
			wg.Add(1)
			go func() { defer wg.Done(); statuses <- loginFrom(behindProxy, u.Email, "kata-sandi-rahasia", i) }()
		}
		wg.Wait()
		close(statuses)
		for res := range statuses {
			switch {
			case res.status == http.StatusOK:
			case res.status == http.StatusServiceUnavailable && res.header.Get("Retry-After") != "":
				busy++
			default:
				t.Fatalf("answer %d %v: %s", res.status, res.header, res.body)
			}
		}
	}
	if busy == 0 {
		t.Fatal("no sign-in was turned away although only one password check may run at a time")
	}
}

// behindTrustedProxy serves a's services again, trusting the loopback as a
// proxy, so that a test can send requests from addresses of its choice
// (loginFrom).
func behindTrustedProxy(t *testing.T, a *app) *app {
	t.Helper()
	deps := a.deps
	var err error
	if deps.TrustedProxies, err = api.ParseTrustedProxies("127.0.0.1"); err != nil {
		t.Fatal(err)
	}
	proxied := *a
	proxied.server = serve(t, api.New(deps).Handler())
	return &proxied
}

// loginFrom signs in through a, from the client address numbered n.
func loginFrom(a *app, email, password string, n int) response {
	return a.do(request{method: http.MethodPost, path: "/v1/auth/login", body: map[string]string{"email": email, "password": password},
		header: map[string]string{"X-Forwarded-For": fmt.Sprintf("10.1.%d.%d", n/250, n%250+1)}})
}

// peakHeapDuring samples the heap in use while f runs and returns how far
// it rose above where it started.
func peakHeapDuring(f func()) uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	before, peak := m.HeapInuse, m.HeapInuse
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	f()
	close(done)
	<-sampled
	return peak - before
}

// TestAHundredSimultaneousSignInsHoldAFewPasswordHashesOfMemory: each
// password check holds 19 MiB, and only a few run at once (the default
// bound, two per core), so 100 sign-ins at once raise the heap by what the
// bound's slots hold (with room for the garbage of finished checks), far
// less than 100 checks would (1.9 GiB).
func TestAHundredSimultaneousSignInsHoldAFewPasswordHashesOfMemory(t *testing.T) {
	a := newApp(t)
	// The bound the server sizes for this process by default, made explicit
	// so that the test knows its slots.
	limit := domain.DefaultHashingLimit(memoryLimit())
	a.accounts.Hashing = limit
	const signIns = 100
	hash := domain.HashPassword("kata-sandi-rahasia")
	emails := make([]string, signIns)
	for i := range emails {
		emails[i] = uniq() + "@batam.go.id"
		u, _, err := a.directory().CreateUser(context.Background(), a.admin, domain.UserProfile{Email: emails[i], Name: "Budi Santoso"}, "")
		if err != nil {
			t.Fatal(err)
		}
		if err := a.store.Users().SetCredentials(context.Background(), u.ID, domain.Credentials{PasswordHash: hash}); err != nil {
			t.Fatal(err)
		}
	}
	// Each from an address of its own, so that no rate limit turns any away.
	behindProxy := behindTrustedProxy(t, a)
	var signedIn, busy atomic.Int32
	growth := peakHeapDuring(func() {
		var wg sync.WaitGroup
		for i, email := range emails {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res := loginFrom(behindProxy, email, "kata-sandi-rahasia", i)
				switch res.status {
				case http.StatusOK:
					signedIn.Add(1)
				case http.StatusServiceUnavailable:
					busy.Add(1)
				default:
					t.Errorf("sign-in answered %d: %s", res.status, res.body)
				}
			}()
		}
		wg.Wait()
	})
	// A finished check's 19 MiB stays on the heap until the collector has
	// run (GOGC 100 lets the heap double first, and it grows on while the
	// collector marks): measured, the heap rises by about 2.5 checks' worth
	// per slot (48–52 MiB with 4 to 16 slots). The bound allows three, and
	// a margin for the requests, sessions and the test's clients.
	bound := uint64(3*limit.Slots()*domain.PasswordHashBytes + signInsMargin)
	t.Logf("%d signed in, %d asked to retry; the heap rose by %d MiB at the peak (bound %d MiB: %d slots)",
		signedIn.Load(), busy.Load(), growth>>20, bound>>20, limit.Slots())
	if growth > bound {
		t.Errorf("the heap rose by %d MiB for %d simultaneous sign-ins; want under %d MiB (%d hashing slots)", growth>>20, signIns, bound>>20, limit.Slots())
	}
}

// signInsMargin is the heap that 100 simultaneous sign-ins take besides
// their password checks: their requests, answers, sessions and clients.
const signInsMargin = 64 << 20

// memoryLimit is the process's soft memory limit (GOMEMLIMIT), or 0 when
// none is set, as the server reads it to size its hashing bound.
func memoryLimit() int64 {
	if limit := debug.SetMemoryLimit(-1); limit != math.MaxInt64 {
		return limit
	}
	return 0
}

// TestSettingAPasswordWithACodeEndsEveryOtherSession: whoever held a token
// of the account before it was recovered with a new code loses it; and a
// person can sign out on every device at once.
func TestSettingAPasswordWithACodeEndsEveryOtherSession(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	stolen := w.tokenOf(roleParticipant)
	code := expect(t, w.post("/v1/users/"+w.participant.ID.String()+"/activation", w.tokenOf(roleOrganizer), nil), http.StatusOK).field(t, "code")
	fresh := expect(t, w.post("/v1/auth/activate", "", map[string]string{"email": w.participant.Email, "code": code, "password": "sandi-baru-peserta"}), http.StatusOK).field(t, "token")
	expect(t, w.get("/v1/me", stolen), http.StatusUnauthorized)
	expect(t, w.get("/v1/me", fresh), http.StatusOK)

	other := expect(t, login(w.app, w.participant.Email, "sandi-baru-peserta"), http.StatusOK).field(t, "token")
	expect(t, w.post("/v1/auth/logout-everywhere", fresh, nil), http.StatusNoContent)
	expect(t, w.get("/v1/me", fresh), http.StatusUnauthorized)
	expect(t, w.get("/v1/me", other), http.StatusUnauthorized)
}

// repeatedReader yields the same byte for ever, so a test can send a huge
// body without holding it.
type repeatedReader byte

func (r repeatedReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// TestAnIdempotencyKeyDoesNotLiftTheBodyLimit: a participant sends 100 MiB
// with an Idempotency-Key to an operation whose body may be 1 MiB. The
// answer is 413, and the server never holds the body.
func TestAnIdempotencyKeyDoesNotLiftTheBodyLimit(t *testing.T) {
	w := newWorld(t)
	const size = 100 << 20
	var res *http.Response
	allocated := allocatedDuring(func() {
		body := io.MultiReader(strings.NewReader(`{"name":"`), io.LimitReader(repeatedReader('a'), size), strings.NewReader(`"}`))
		req, err := http.NewRequest(http.MethodPost, w.server.URL+"/v1/institutions", body)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+w.tokenOf(roleParticipant))
		req.Header.Set("Idempotency-Key", uuid.NewString())
		if res, err = w.server.Client().Do(req); err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
	})
	t.Logf("%d MiB sent: %d, %d MiB allocated", size>>20, res.StatusCode, allocated>>20)
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("answered %d, want 413", res.StatusCode)
	}
	if allocated > 16<<20 {
		t.Errorf("%d MiB allocated for a body over the limit", allocated>>20)
	}
}

// TestTheIdempotencyStoreKeepsNoActivationCode: a create-user retried with
// its key replays the account without its one-time code, and the stored
// answer holds no code either (it is shown once, to the first answer).
func TestTheIdempotencyStoreKeepsNoActivationCode(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	key := map[string]string{"Idempotency-Key": uuid.NewString()}
	body := map[string]string{"email": uniq() + "@soppengkab.go.id", "name": "Andi Baso"}
	first := expect(t, w.do(request{method: http.MethodPost, path: "/v1/users", token: w.tokenOf(roleOrganizer), body: body, header: key}), http.StatusCreated)
	code := first.field(t, "activationCode")
	if code == "" {
		t.Fatalf("no code in the first answer: %s", first.body)
	}
	var stored []string
	if err := w.db.NewRaw(`SELECT convert_from(body, 'UTF8') FROM idempotency_keys`).Scan(context.Background(), &stored); err != nil {
		t.Fatal(err)
	}
	for _, s := range stored {
		if strings.Contains(s, code) {
			t.Errorf("the idempotency store keeps the code: %s", s)
		}
	}
	replay := expect(t, w.do(request{method: http.MethodPost, path: "/v1/users", token: w.tokenOf(roleOrganizer), body: body, header: key}), http.StatusCreated)
	if replay.header.Get("Idempotent-Replayed") != "true" || replay.field(t, "activationCode") != "" || replay.field(t, "id") != first.field(t, "id") {
		t.Errorf("the replay is %v %s", replay.header, replay.body)
	}
}
