package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/proper-id/proper/domain"
)

// problemType is the type of every problem: RFC 9457's "about:blank", the
// status code says it all. It is sent, not left out, as the spec promises.
const problemType = "about:blank"

// statusOf is the one mapping of domain error kinds to HTTP status codes.
var statusOf = map[domain.Kind]int{
	domain.KindInvalid:          http.StatusUnprocessableEntity,
	domain.KindUnauthenticated:  http.StatusUnauthorized,
	domain.KindForbidden:        http.StatusForbidden,
	domain.KindNotFound:         http.StatusNotFound,
	domain.KindConflict:         http.StatusConflict,
	domain.KindStale:            http.StatusPreconditionFailed,
	domain.KindTooManyRequests:  http.StatusTooManyRequests,
	domain.KindUnavailable:      http.StatusServiceUnavailable,
	domain.KindTooLarge:         http.StatusRequestEntityTooLarge,
	domain.KindUnsupportedMedia: http.StatusUnsupportedMediaType,
}

// Huma turns every error a handler returns, and every failure of its own
// (bad JSON, a body over the limit), into a problem through this hook; it is
// process-wide by Huma's design. So is the choice that arrays are never
// null: Proper always answers lists as arrays, and generated clients then
// get plain slices.
func init() {
	huma.NewErrorWithContext = newProblem
	huma.DefaultArrayNullable = false
}

// newProblem maps domain errors to their status, passes Huma's own 4xx
// problems through, and hides the internals of anything unexpected: those
// are logged with the request id, which the client sees instead.
func newProblem(ctx huma.Context, status int, msg string, errs ...error) huma.StatusError {
	for _, err := range errs {
		var de *domain.Error
		if errors.As(err, &de) {
			if de.Kind == domain.KindUnavailable && de.RetryAfter == 0 {
				logUnexpected(ctxOf(ctx), "dependency unavailable", de)
			}
			setRetryAfter(ctx, de)
			return domainProblem(de)
		}
	}
	if status < http.StatusInternalServerError {
		p := huma.NewError(status, msg, errs...)
		if model, ok := p.(*huma.ErrorModel); ok {
			model.Type = problemType
			model.Errors = boundedDetails(model.Errors)
		}
		return p
	}
	logUnexpected(ctxOf(ctx), msg, errors.Join(errs...))
	return internalProblem(ctxOf(ctx))
}

// domainProblem shapes a domain error as a problem; field names become
// locations in the request ("body.nip"), as in Huma's own validation errors.
func domainProblem(de *domain.Error) *huma.ErrorModel {
	status, ok := statusOf[de.Kind]
	if !ok {
		status = http.StatusInternalServerError
	}
	p := &huma.ErrorModel{Type: problemType, Status: status, Title: http.StatusText(status), Detail: de.Text(domain.English)}
	for _, f := range de.Fields {
		p.Errors = append(p.Errors, &huma.ErrorDetail{Message: f.Text(domain.English), Location: location(f.Field), Value: f.Value})
	}
	return p
}

// maxErrorDetails is how many field errors one problem lists; a body with
// thousands of mistakes gets the first ones and a count of the rest.
const maxErrorDetails = 20

// maxEchoedValue is the longest value a field error repeats back.
const maxEchoedValue = 200

// boundedDetails keeps an answer in proportion to what the client needs:
// at most maxErrorDetails errors, then one saying how many more there were,
// and no value that would repeat a whole object, array or long text of the
// request (Huma's "unexpected property" error carries the whole object as
// its value, once per unknown key: quadratic in the body's size).
func boundedDetails(details []*huma.ErrorDetail) []*huma.ErrorDetail {
	if len(details) > maxErrorDetails {
		more := len(details) - maxErrorDetails
		details = append(details[:maxErrorDetails:maxErrorDetails],
			&huma.ErrorDetail{Message: fmt.Sprintf("and %d more errors", more), Location: "body"})
	}
	for _, d := range details {
		if d == nil {
			continue
		}
		switch v := d.Value.(type) {
		case map[string]any, []any:
			d.Value = nil
		case string:
			if len(v) > maxEchoedValue {
				d.Value = nil
			}
		}
	}
	return details
}

func location(field string) string {
	for _, prefix := range []string{"body.", "query.", "path.", "header."} {
		if strings.HasPrefix(field, prefix) {
			return field
		}
	}
	return "body." + field
}

// internalProblem is the whole answer a client gets for an unexpected error.
func internalProblem(ctx context.Context) *huma.ErrorModel {
	return &huma.ErrorModel{
		Type:   problemType,
		Status: http.StatusInternalServerError,
		Title:  http.StatusText(http.StatusInternalServerError),
		Detail: fmt.Sprintf("An unexpected error occurred. Quote request id %s when reporting it.", requestID(ctx)),
	}
}

func ctxOf(ctx huma.Context) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return ctx.Context()
}
