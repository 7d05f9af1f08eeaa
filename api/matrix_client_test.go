package api_test

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"testing"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/proper-id/proper/openapi/client"
)

// clientCall calls one operation of the access matrix through the
// generated Go client, after arranging what the call needs in w.
type clientCall func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error)

// answer turns a typed answer of the generated client into the test's
// response (status, headers, raw body); a failure to send the request or to
// decode the answer into the client's types stays an error.
func answer[R interface{ StatusCode() int }](res R, err error) (response, error) {
	if err != nil {
		return response{}, err
	}
	// Every generated answer has HTTPResponse and Body; StatusCode is the
	// only method they share.
	v := reflect.ValueOf(res).Elem()
	raw := v.FieldByName("HTTPResponse").Interface().(*http.Response)
	return response{status: res.StatusCode(), header: raw.Header, body: v.FieldByName("Body").Bytes()}, nil
}

// signedInClient returns the generated client speaking to the world's
// server through the server's own http.Client, whose transport checks every
// answer against the published spec (see serve), sending token as a bearer
// token unless it is empty (anonymous), and applying editors to every
// request after that.
func (w *world) signedInClient(t testing.TB, token string, editors ...client.RequestEditorFn) *client.ClientWithResponses {
	t.Helper()
	if _, checked := w.server.Client().Transport.(*conformingTransport); !checked {
		t.Fatal("the world's server has no spec-checking transport: its answers would go unchecked")
	}
	opts := []client.ClientOption{client.WithHTTPClient(w.server.Client())}
	if token != "" {
		opts = append(opts, client.WithRequestEditorFn(func(_ context.Context, r *http.Request) error {
			r.Header.Set("Authorization", "Bearer "+token)
			return nil
		}))
	}
	for _, e := range editors {
		opts = append(opts, client.WithRequestEditorFn(e))
	}
	c, err := client.NewClientWithResponses(w.server.URL, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// recordOperations returns a request editor that appends to ops the
// operationId of the published spec each request is for, so that a row of
// the matrix is known to call the operation it is listed under.
func recordOperations(ops *[]string) client.RequestEditorFn {
	return func(_ context.Context, r *http.Request) error {
		router, err := publishedRouter()
		if err != nil {
			return err
		}
		route, _, err := router.FindRoute(r)
		if err != nil {
			*ops = append(*ops, fmt.Sprintf("%s %s (in no operation: %v)", r.Method, r.URL.Path, err))
			return nil
		}
		*ops = append(*ops, route.Operation.OperationID)
		return nil
	}
}

// calendarDay is a date as the generated client sends it.
func calendarDay(y int, m time.Month, d int) openapi_types.Date {
	return openapi_types.Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}
