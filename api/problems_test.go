package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/danielgtaylor/huma/v2"

	"github.com/proper-id/proper/api"
	"github.com/proper-id/proper/domain"
)

// testServer serves the real API with a few extra operations that exercise
// the error paths, behind the same middleware, over real HTTP.
type testServer struct {
	*httptest.Server
	logs *syncBuffer
}

type echoInput struct {
	Body struct {
		Name string `json:"name" maxLength:"50"`
	}
}

type echoOutput struct {
	Body struct {
		Name string `json:"name"`
	}
}

// failure is what the "fail" test operation returns, chosen per request: the
// tests that set it do not run in parallel.
var failure = struct {
	sync.Mutex
	err error
}{}

func newTestServer(t *testing.T, deps api.Deps) *testServer {
	t.Helper()
	logs := &syncBuffer{}
	deps.Logger = slog.New(slog.NewJSONHandler(logs, nil))
	srv := api.New(deps)
	huma.Register(srv.API(), huma.Operation{OperationID: "test-echo", Method: http.MethodPost, Path: "/test/echo", MaxBodyBytes: 1024},
		func(ctx context.Context, in *echoInput) (*echoOutput, error) {
			out := &echoOutput{}
			out.Body.Name = in.Body.Name
			return out, nil
		})
	huma.Register(srv.API(), huma.Operation{OperationID: "test-panic", Method: http.MethodGet, Path: "/test/panic"},
		func(ctx context.Context, _ *struct{}) (*struct{}, error) {
			panic("secret internal state")
		})
	huma.Register(srv.API(), huma.Operation{OperationID: "test-fail", Method: http.MethodGet, Path: "/test/fail"},
		func(ctx context.Context, _ *struct{}) (*struct{}, error) {
			failure.Lock()
			defer failure.Unlock()
			return nil, failure.err
		})
	ts := serve(t, srv.Handler())
	return &testServer{Server: ts, logs: logs}
}

// problem is an RFC 9457 problem document as clients read it.
type problem struct {
	Title  string         `json:"title"`
	Status int            `json:"status"`
	Detail string         `json:"detail"`
	Code   string         `json:"code"`
	Params map[string]any `json:"params"`
	Errors []struct {
		Code     string         `json:"code"`
		Message  string         `json:"message"`
		Location string         `json:"location"`
		Params   map[string]any `json:"params"`
	} `json:"errors"`
}

func (s *testServer) do(t *testing.T, method, path, contentType string, body io.Reader) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	res, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

func expectProblem(t *testing.T, res *http.Response, body []byte, status int) problem {
	t.Helper()
	if res.StatusCode != status {
		t.Fatalf("status %d, want %d; body %s", res.StatusCode, status, body)
	}
	if ct := res.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type %q, want application/problem+json", ct)
	}
	var p problem
	if err := json.Unmarshal(body, &p); err != nil {
		t.Fatalf("body is not a problem document: %v: %s", err, body)
	}
	if p.Status != status || p.Title == "" {
		t.Fatalf("problem %+v lacks status %d or a title", p, status)
	}
	return p
}

func TestMalformedJSONIsA400Problem(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, api.Deps{})
	res, body := s.do(t, http.MethodPost, "/test/echo", "application/json", strings.NewReader(`{"name": "Budi"`))
	expectProblem(t, res, body, http.StatusBadRequest)
}

func TestInvalidFieldIsA422ProblemNamingTheField(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, api.Deps{})
	res, body := s.do(t, http.MethodPost, "/test/echo", "application/json", strings.NewReader(`{"name": "`+strings.Repeat("x", 60)+`"}`))
	p := expectProblem(t, res, body, http.StatusUnprocessableEntity)
	if len(p.Errors) != 1 || p.Errors[0].Location != "body.name" {
		t.Fatalf("errors %+v should name body.name", p.Errors)
	}
}

func TestBodyOverTheLimitIsA413Problem(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, api.Deps{})
	big := `{"name": "` + strings.Repeat("x", 4096) + `"}`
	res, body := s.do(t, http.MethodPost, "/test/echo", "application/json", strings.NewReader(big))
	expectProblem(t, res, body, http.StatusRequestEntityTooLarge)
}

func TestUnknownRouteIsA404Problem(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, api.Deps{})
	res, body := s.do(t, http.MethodGet, "/v1/no-such-thing", "", nil)
	expectProblem(t, res, body, http.StatusNotFound)
}

func TestWrongMethodIsA405ProblemWithAllow(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, api.Deps{})
	res, body := s.do(t, http.MethodDelete, "/healthz", "", nil)
	expectProblem(t, res, body, http.StatusMethodNotAllowed)
	if allow := res.Header.Get("Allow"); !strings.Contains(allow, "GET") {
		t.Fatalf("Allow = %q, want GET listed", allow)
	}
}

func TestPanicIsA500ProblemThatHidesInternals(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, api.Deps{})
	res, body := s.do(t, http.MethodGet, "/test/panic", "", nil)
	p := expectProblem(t, res, body, http.StatusInternalServerError)
	id := res.Header.Get("X-Request-Id")
	if strings.Contains(string(body), "secret") {
		t.Fatalf("500 body shows internals: %s", body)
	}
	if !strings.Contains(p.Detail, id) {
		t.Fatalf("detail %q should quote the request id %q", p.Detail, id)
	}
	if logs := s.logs.String(); !strings.Contains(logs, "secret internal state") || !strings.Contains(logs, id) {
		t.Fatalf("the panic should be logged with the request id; logs:\n%s", logs)
	}
	// The process survives: the next request is answered.
	if res, _ := s.do(t, http.MethodGet, "/healthz", "", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("after a panic /healthz answered %d", res.StatusCode)
	}
}

func TestUnexpectedErrorIsA500ThatHidesInternals(t *testing.T) {
	s := newTestServer(t, api.Deps{})
	setFailure(t, errors.New(`ERROR: relation "secret_table" does not exist (SQLSTATE 42P01)`))
	res, body := s.do(t, http.MethodGet, "/test/fail", "", nil)
	expectProblem(t, res, body, http.StatusInternalServerError)
	if strings.Contains(string(body), "secret_table") {
		t.Fatalf("500 body shows SQL: %s", body)
	}
	if !strings.Contains(s.logs.String(), "secret_table") {
		t.Fatal("the cause should be in the log")
	}
}

func TestDomainErrorKindsMapToStatusCodes(t *testing.T) {
	s := newTestServer(t, api.Deps{})
	cases := []struct {
		err    error
		status int
	}{
		{domain.Invalid("nip", domain.CodeNIPLength), http.StatusUnprocessableEntity},
		{domain.Fail(domain.KindUnauthenticated, domain.CodeSignInRequired), http.StatusUnauthorized},
		{domain.Fail(domain.KindForbidden, domain.CodeForbidden, domain.Params{"action": "verify"}), http.StatusForbidden},
		{domain.NotFound("project"), http.StatusNotFound},
		{domain.ConflictOn("email", domain.CodeEmailTaken), http.StatusConflict},
		{domain.Fail(domain.KindStale, domain.CodeStale), http.StatusPreconditionFailed},
		{domain.Fail(domain.KindTooManyRequests, domain.CodeTooManyRequests), http.StatusTooManyRequests},
		{domain.Unavailable(errors.New("dial unix: connection refused")), http.StatusServiceUnavailable},
		{errors.Join(errors.New("while saving"), domain.NotFound("milestone")), http.StatusNotFound},
	}
	for _, c := range cases {
		t.Run(http.StatusText(c.status), func(t *testing.T) {
			setFailure(t, c.err)
			res, body := s.do(t, http.MethodGet, "/test/fail", "", nil)
			p := expectProblem(t, res, body, c.status)
			if strings.Contains(p.Detail, "connection refused") {
				t.Fatalf("problem shows the cause: %s", body)
			}
		})
	}
	setFailure(t, domain.Invalid("phases[1].endsOn", domain.CodeCohortDatesOrder))
	res, body := s.do(t, http.MethodGet, "/test/fail", "", nil)
	p := expectProblem(t, res, body, http.StatusUnprocessableEntity)
	if len(p.Errors) != 1 || p.Errors[0].Location != "body.phases[1].endsOn" {
		t.Fatalf("errors %+v should locate body.phases[1].endsOn", p.Errors)
	}
}

func TestRequestIdIsHonouredOrMadeUp(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, api.Deps{})
	req, _ := http.NewRequest(http.MethodGet, s.URL+"/healthz", nil)
	req.Header.Set("X-Request-Id", "lb-1234")
	res, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if got := res.Header.Get("X-Request-Id"); got != "lb-1234" {
		t.Fatalf("X-Request-Id = %q, want the client's lb-1234", got)
	}
	if !strings.Contains(s.logs.String(), `"request_id":"lb-1234"`) {
		t.Fatalf("the access log should carry the request id:\n%s", s.logs)
	}

	res, _ = s.do(t, http.MethodGet, "/healthz", "", nil)
	if got := res.Header.Get("X-Request-Id"); len(got) < 16 {
		t.Fatalf("made-up X-Request-Id %q is too short", got)
	}
}

func TestMetricsCountRequestsByOperationAndStatus(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, api.Deps{})
	s.do(t, http.MethodGet, "/healthz", "", nil)
	s.do(t, http.MethodGet, "/nowhere", "", nil)
	_, body := s.do(t, http.MethodGet, "/metrics", "", nil)
	for _, want := range []string{
		`proper_http_requests_total{operation="get-health",status="200"} 1`,
		`proper_http_requests_total{operation="unmatched",status="404"} 1`,
		`proper_http_request_duration_seconds_bucket{operation="get-health"`,
	} {
		if !bytes.Contains(body, []byte(want)) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestDocsWorkWithoutInternet(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, api.Deps{})
	res, page := s.do(t, http.MethodGet, "/docs", "", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("/docs answered %d", res.StatusCode)
	}
	if bytes.Contains(page, []byte("https://")) || bytes.Contains(page, []byte("http://")) {
		t.Fatalf("/docs loads something from elsewhere:\n%s", page)
	}
	for _, asset := range []string{"/docs/assets/web-components.min.js", "/docs/assets/styles.min.css", "/openapi.yaml"} {
		if !bytes.Contains(page, []byte(asset)) {
			t.Errorf("/docs does not reference %s", asset)
		}
		if res, body := s.do(t, http.MethodGet, asset, "", nil); res.StatusCode != http.StatusOK || len(body) < 1000 {
			t.Errorf("%s answered %d with %d bytes", asset, res.StatusCode, len(body))
		}
	}
}

func TestSpecIsServedInBothVersions(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, api.Deps{})
	for path, version := range map[string]string{"/openapi.json": `"openapi": "3.1.0"`, "/openapi-3.0.json": `"openapi": "3.0.3"`, "/openapi.yaml": "openapi: 3.1.0"} {
		res, body := s.do(t, http.MethodGet, path, "", nil)
		if res.StatusCode != http.StatusOK || !bytes.Contains(body, []byte(version)) {
			t.Errorf("%s answered %d without %s", path, res.StatusCode, version)
		}
	}
}

func setFailure(t *testing.T, err error) {
	t.Helper()
	failure.Lock()
	failure.err = err
	failure.Unlock()
}

// syncBuffer is a bytes.Buffer that many request goroutines may log to.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestHostileBodiesAndHeadersAreRefused(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, api.Deps{})
	deep := `{"email":"a@b.go.id","password":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`
	res, body := s.do(t, http.MethodPost, "/v1/auth/login", "application/json", strings.NewReader(deep))
	if res.StatusCode != http.StatusBadRequest && res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("JSON nested 20,000 deep: %d %s", res.StatusCode, body)
	}

	// The header limit is the real server's (api.Serve), not httptest's.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan struct{})
	go func() {
		api.Serve(ctx, ln, api.New(api.Deps{Logger: slog.New(slog.DiscardHandler)}).Handler(), slog.New(slog.DiscardHandler), api.DefaultTimeouts)
		close(served)
	}()
	t.Cleanup(func() { stop(); <-served })
	req, _ := http.NewRequest(http.MethodGet, "http://"+ln.Addr().String()+"/healthz", nil)
	req.Header.Set("X-Padding", strings.Repeat("x", 128<<10))
	res2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res2.Body.Close()
	if res2.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("128 KiB of headers: %d, want 431", res2.StatusCode)
	}
}
