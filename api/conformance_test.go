package api_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/proper-id/proper/api"
)

// publishedRouter finds the operations of the 3.0 spec the binary
// publishes (the same document `proper openapi --version 3.0` prints and
// the server serves at /openapi-3.0.json), loaded once per test process.
var publishedRouter = sync.OnceValues(func() (routers.Router, error) {
	raw, err := api.Spec("3.0", "json")
	if err != nil {
		return nil, err
	}
	doc, err := openapi3.NewLoader().LoadFromData(raw)
	if err != nil {
		return nil, err
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("the published 3.0 spec is invalid: %w", err)
	}
	// Match paths on whatever address the test server has.
	doc.Servers = nil
	// The progress export is declared as a string of text/csv, which may be
	// separated by semicolons (sep=;); kin-openapi's CSV decoder reads only
	// commas, so CSV is read as the text the schema says it is.
	openapi3filter.RegisterBodyDecoder("text/csv", openapi3filter.PlainBodyDecoder)
	// So are the agenda's calendar files (text/calendar, RFC 5545).
	openapi3filter.RegisterBodyDecoder("text/calendar", openapi3filter.PlainBodyDecoder)
	return legacy.NewRouter(doc)
})

// serve starts handler over real HTTP for the test, with a Client whose
// every answer is checked against the published spec (see conformingTo).
func serve(t testing.TB, handler http.Handler) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(handler)
	t.Cleanup(ts.Close)
	checkAnswers(t, ts)
	return ts
}

// checkAnswers makes the server's Client check every answer against the
// published spec, failing t on the first that does not conform.
func checkAnswers(t testing.TB, ts *httptest.Server) {
	client := ts.Client()
	if _, ok := client.Transport.(*conformingTransport); !ok {
		client.Transport = conformingTo(t, client.Transport)
	}
}

// reportingTo returns rt checking for t instead, for a fuzz target whose
// server was started by its *testing.F (which may not fail inside the
// target); a transport that checks nothing is wrapped.
func reportingTo(t testing.TB, rt http.RoundTripper) http.RoundTripper {
	if c, ok := rt.(*conformingTransport); ok {
		rt = c.base
	}
	return conformingTo(t, rt)
}

// conformingTo wraps base in a transport that validates each response to a
// request of an operation of the published spec: its status must be
// declared, its declared headers must match their schemas, and its media
// type and body must be among those the operation declares for the status.
// Requests are not validated (tests send malformed ones on purpose), and
// paths the spec does not list (the web app, /docs, /metrics, the spec
// itself, operations tests register) are passed through unchecked.
func conformingTo(t testing.TB, base http.RoundTripper) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return &conformingTransport{t: t, base: base}
}

type conformingTransport struct {
	t    testing.TB
	base http.RoundTripper
}

// RoundTrip sends the request and checks its answer, which the caller then
// reads from a buffer.
func (c *conformingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	router, err := publishedRouter()
	if err != nil {
		c.t.Errorf("load the published spec: %v", err)
		return c.base.RoundTrip(req)
	}
	route, params, findErr := router.FindRoute(req)
	res, err := c.base.RoundTrip(req)
	if err != nil || findErr != nil {
		return res, err
	}
	body, readErr := io.ReadAll(res.Body)
	res.Body.Close()
	if readErr != nil { // the connection broke: hand the caller what came, and the error
		res.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), errReader{readErr}))
		return res, nil
	}
	res.Body = io.NopCloser(bytes.NewReader(body))
	input := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status:                 res.StatusCode,
		Header:                 res.Header,
		Body:                   io.NopCloser(bytes.NewReader(body)),
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	if err := openapi3filter.ValidateResponse(req.Context(), input); err != nil {
		c.t.Errorf("the answer of %s (%s %s) breaks the spec: %d %s: %v\nbody: %s",
			route.Operation.OperationID, req.Method, req.URL.Path, res.StatusCode, res.Header.Get("Content-Type"), err, preview(body))
	}
	return res, nil
}

// errReader fails every read with err.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }
