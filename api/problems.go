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
			if de.Kind == domain.KindUnavailable {
				logUnexpected(ctxOf(ctx), "dependency unavailable", de)
			}
			return domainProblem(de)
		}
	}
	if status < http.StatusInternalServerError {
		p := huma.NewError(status, msg, errs...)
		if model, ok := p.(*huma.ErrorModel); ok {
			model.Type = problemType
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
	p := &huma.ErrorModel{Type: problemType, Status: status, Title: http.StatusText(status), Detail: de.Message}
	for _, f := range de.Fields {
		p.Errors = append(p.Errors, &huma.ErrorDetail{Message: f.Message, Location: location(f.Field), Value: f.Value})
	}
	return p
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
