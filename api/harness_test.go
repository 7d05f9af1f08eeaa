package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/api"
	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pgtest"
)

// app is a running Proper on its own fresh database, served over real HTTP.
type app struct {
	t      testing.TB
	db     *bun.DB
	store  *persistence.Store
	server *httptest.Server
	admin  *domain.Actor
	// blobDir is the folder of the app's evidence files.
	blobDir string
	// services are the domain services the server uses.
	services *domain.Services
	// workflow is the workflow service the server uses, to tune its limits.
	workflow *domain.Projects
	// accounts is the sign-in service the server uses, to tune its limits.
	accounts *domain.Accounts
	// deps built the server, for tests that serve the same services with
	// other settings (serveWith).
	deps api.Deps
}

// testMaxEvidenceBytes keeps evidence uploads small in tests.
const testMaxEvidenceBytes = 1 << 20

// newApp starts Proper with every service on a new database.
func newApp(t testing.TB) *app {
	t.Helper()
	db := pgtest.DB(t)
	return newAppOn(t, db)
}

// newAppOn starts another replica of Proper on the same database, with
// its evidence files in a folder of the test's; its warnings go to the
// test's log.
func newAppOn(t testing.TB, db *bun.DB) *app {
	t.Helper()
	return newAppLogging(t, db, slog.New(slog.NewTextHandler(testLog{t}, &slog.HandlerOptions{Level: slog.LevelWarn})))
}

// newAppLogging is newAppOn with the server's logs going to logger.
func newAppLogging(t testing.TB, db *bun.DB, logger *slog.Logger) *app {
	t.Helper()
	store := persistence.NewStore(db)
	blobDir := t.TempDir()
	services := domain.NewServices(store, newBlobs(t, blobDir), time.Now, domain.Options{MaxEvidenceBytes: testMaxEvidenceBytes})
	// Each app bounds its own password hashes, and waits long for a slot:
	// the process-wide bound would make hundreds of parallel tests, slowed
	// down by the race detector, turn each other's sign-ins away (503).
	// The tests of the bound set their own (attack_test.go).
	services.Accounts.Hashing = domain.NewHashingLimit(2*runtime.GOMAXPROCS(0), time.Minute)
	deps := api.Deps{Logger: logger, Services: &api.Services{Services: services, Idempotency: persistence.NewIdempotencyStore(db), Now: time.Now},
		Ready: func(ctx context.Context) error { return persistence.CheckReady(ctx, db) }, UploadDir: filepath.Join(blobDir, ".uploads")}
	ts := serve(t, api.New(deps).Handler())
	return &app{t: t, db: db, store: store, server: ts, admin: &domain.Actor{PlatformAdmin: true}, blobDir: blobDir,
		services: services, workflow: services.Projects, accounts: services.Accounts, deps: deps}
}

// directory and cohorts are the services the server uses, for arranging a
// test's world without going through HTTP.
func (a *app) directory() *domain.Directory { return a.services.Directory }
func (a *app) cohorts() *domain.Cohorts     { return a.services.Cohorts }

// response is an answer as the test sees it.
type response struct {
	status int
	header http.Header
	body   []byte
}

// json decodes the body into v.
func (r response) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
}

// field returns a top-level string field of a JSON object body.
func (r response) field(t testing.TB, name string) string {
	t.Helper()
	var m map[string]any
	r.decode(t, &m)
	s, _ := m[name].(string)
	return s
}

// problem decodes a problem document.
func (r response) problem(t testing.TB) problem {
	t.Helper()
	var p problem
	r.decode(t, &p)
	return p
}

// locations lists the locations named in a problem's errors.
func (r response) locations(t testing.TB) []string {
	var out []string
	for _, e := range r.problem(t).Errors {
		out = append(out, e.Location)
	}
	return out
}

// request is one call: body may be nil, a []byte sent as is, or a value sent as JSON.
type request struct {
	method, path, token string
	body                any
	// contentType overrides the type of a []byte body (text/csv by default).
	contentType string
	header      map[string]string
}

func (a *app) do(r request) response {
	a.t.Helper()
	return a.doWith(a.server.Client(), r)
}

// doWith sends a request with the given client.
func (a *app) doWith(client *http.Client, r request) response {
	a.t.Helper()
	var body io.Reader
	contentType := "application/json"
	switch b := r.body.(type) {
	case nil:
	case []byte:
		body = bytes.NewReader(b)
		contentType = "text/csv"
		if r.contentType != "" {
			contentType = r.contentType
		}
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			a.t.Fatal(err)
		}
		body = bytes.NewReader(raw)
		if r.method == http.MethodPatch {
			contentType = "application/merge-patch+json"
		}
	}
	req, err := http.NewRequest(r.method, a.server.URL+r.path, body)
	if err != nil {
		a.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", contentType)
	}
	if r.token != "" {
		req.Header.Set("Authorization", "Bearer "+r.token)
	}
	for k, v := range r.header {
		req.Header.Set(k, v)
	}
	res, err := client.Do(req)
	if err != nil {
		a.t.Error(err) // not Fatal: doWith may run in a goroutine of the test
		return response{}
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{status: res.StatusCode, header: res.Header, body: b}
}

func (a *app) get(path, token string) response {
	return a.do(request{method: http.MethodGet, path: path, token: token})
}
func (a *app) post(path, token string, body any) response {
	return a.do(request{method: http.MethodPost, path: path, token: token, body: body})
}
func (a *app) patch(path, token string, body any, header map[string]string) response {
	return a.do(request{method: http.MethodPatch, path: path, token: token, body: body, header: header})
}

// expect fails the test unless the response has the status.
func expect(t testing.TB, r response, status int) response {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, r.body)
	}
	return r
}

// longSequential skips, in a -short run, a long test that sends many
// requests one after another and checks their answers, not concurrency.
// make test runs the race detector's pass with -short, where these tests
// would take minutes for nothing the detector could find, and its second
// pass (one-connection pools, no race detector) without it: every test
// still runs on every make test.
func longSequential(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("long and sequential: make test runs it in its pass without the race detector")
	}
}

// uniq returns a short string no other call returns, for e-mail addresses
// and codes that must not collide, also between tests running in parallel.
func uniq() string {
	n := uniqCount.Add(1)
	return strings.ReplaceAll(uuid.NewString()[:8], "-", "") + string(rune('a'+n%26))
}

// uniqCount numbers the calls of uniq.
var uniqCount atomic.Int64

// user creates an account with no password (tests sign people in with
// tokens they mint, which keeps password hashing out of the setup).
func (a *app) user(name string) domain.User {
	a.t.Helper()
	return a.registeredUser(name, nil, nil)
}

// registeredUser creates an account as user does, working at an agency and
// registered by an institution (whose organizers then manage it until it
// is activated).
func (a *app) registeredUser(name string, institution, agency *uuid.UUID) domain.User {
	a.t.Helper()
	u, _, err := a.directory().CreateUser(context.Background(), a.admin,
		domain.UserProfile{Email: uniq() + "@example.go.id", Name: name, RegisteredBy: institution, AgencyID: agency}, "")
	if err != nil {
		a.t.Fatal(err)
	}
	return u
}

// testSessionTTL is how long the sessions that tests mint last: long enough
// for the tests whose clock runs days ahead (clocked) to stay signed in.
const testSessionTTL = 60 * 24 * time.Hour

// token signs a user in for testSessionTTL.
func (a *app) token(user uuid.UUID) string {
	a.t.Helper()
	token := domain.NewSecret()
	if err := a.store.Sessions().Create(context.Background(), domain.HashSecret(token), user, time.Now().Add(testSessionTTL)); err != nil {
		a.t.Fatal(err)
	}
	return token
}

// newBlobs opens the blob store in a folder.
func newBlobs(t testing.TB, dir string) *persistence.BlobStore {
	t.Helper()
	blobs, err := persistence.OpenBlobStore(context.Background(), "file://"+dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { blobs.Close() })
	return blobs
}

// testLog sends the server's warnings and errors to the test's log, shown
// when the test fails.
type testLog struct{ t testing.TB }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}
