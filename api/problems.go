package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"golang.org/x/text/language"

	"github.com/proper-id/proper/domain"
)

// problemType is the type of every problem: RFC 9457's "about:blank"; the
// status says what kind of failure it is and the code says why.
const problemType = "about:blank"

// ErrorModel is the RFC 9457 problem every failure answers with. It keeps
// the name of Huma's own model, which generated clients know, and adds the
// code: the stable reason a client decides on and words for its users.
type ErrorModel struct {
	Type     string         `json:"type,omitempty" doc:"Always about:blank: the status says what kind of failure it is, the code says why." example:"about:blank"`
	Title    string         `json:"title,omitempty" doc:"The status's standard name." example:"Conflict"`
	Status   int            `json:"status,omitempty" doc:"The HTTP status code." example:"409"`
	Detail   string         `json:"detail,omitempty" doc:"The code worded for a person: in English, or in Indonesian when the request's Accept-Language asks for id." example:"submit at least one evidence before claiming the milestone achieved"`
	Instance string         `json:"instance,omitempty" format:"uri" doc:"Unused; kept from RFC 9457."`
	Code     domain.Code    `json:"code" doc:"Why the request failed, as a stable code (listed with their English wording below)." example:"milestone.needs_evidence"`
	Params   map[string]any `json:"params,omitempty" doc:"The values the code's wording names, such as max or status."`
	Errors   []*ErrorDetail `json:"errors,omitempty" doc:"Each field that breaks a rule, at most 20."`
}

// ErrorDetail is one field of a request that breaks a rule.
type ErrorDetail struct {
	Code     domain.Code    `json:"code" doc:"Which rule the field breaks, as a stable code." example:"field.too_long"`
	Message  string         `json:"message,omitempty" doc:"The code worded for a person, in the problem's language." example:"must have at most 200 characters"`
	Location string         `json:"location,omitempty" doc:"Where the field is, e.g. body.milestones[3].title or query.cursor." example:"body.title"`
	Params   map[string]any `json:"params,omitempty" doc:"The values the code's wording names, such as max."`
	Value    any            `json:"value,omitempty" doc:"The value the client sent, when repeating it helps."`
}

// Error says what failed, for logs.
func (e *ErrorModel) Error() string { return e.Detail }

// GetStatus is the answer's status code.
func (e *ErrorModel) GetStatus() int { return e.Status }

// ContentType answers problems as application/problem+json.
func (e *ErrorModel) ContentType(ct string) string {
	if ct == "application/json" {
		return "application/problem+json"
	}
	return ct
}

// Error says what is wrong with the field, for logs.
func (d *ErrorDetail) Error() string { return d.Location + " " + d.Message }

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

// codeOfStatus is the code of a failure Huma or the HTTP layer found before
// the domain was asked, by its status.
var codeOfStatus = map[int]domain.Code{
	http.StatusBadRequest:            domain.CodeMalformed,
	http.StatusUnauthorized:          domain.CodeSignInRequired,
	http.StatusForbidden:             domain.CodeForbidden,
	http.StatusNotFound:              domain.CodeNotFound,
	http.StatusMethodNotAllowed:      domain.CodeMethodNotAllowed,
	http.StatusRequestTimeout:        domain.CodeUploadTooSlow,
	http.StatusPreconditionFailed:    domain.CodeStale,
	http.StatusRequestEntityTooLarge: domain.CodeTooLarge,
	http.StatusUnsupportedMediaType:  domain.CodeUnsupportedMedia,
	http.StatusUnprocessableEntity:   domain.CodeInvalid,
	http.StatusTooManyRequests:       domain.CodeTooManyRequests,
	http.StatusServiceUnavailable:    domain.CodeUnavailable,
}

// Huma turns every error a handler returns, and every failure of its own
// (bad JSON, a body over the limit), into a problem through these hooks;
// they are process-wide by Huma's design. So is the choice that arrays are
// never null: Proper always answers lists as arrays, and generated clients
// then get plain slices.
func init() {
	huma.NewError = func(status int, msg string, errs ...error) huma.StatusError {
		return newProblem(nil, status, msg, errs...)
	}
	huma.NewErrorWithContext = newProblem
	huma.DefaultArrayNullable = false
}

// newProblem is the single error mapping: domain errors get their status,
// code and wording; Huma's own 4xx problems get a code by status and their
// field errors a code by rule; anything unexpected is logged with the
// request id, which the client sees instead of the internals.
func newProblem(ctx huma.Context, status int, msg string, errs ...error) huma.StatusError {
	lang := languageOf(ctx)
	for _, err := range errs {
		var de *domain.Error
		if errors.As(err, &de) {
			if de.Kind == domain.KindUnavailable && de.RetryAfter == 0 && !clientGone(ctx) {
				logUnexpected(ctxOf(ctx), "dependency unavailable", de)
			}
			setRetryAfter(ctx, de)
			return domainProblem(de, lang)
		}
		var f *failure
		if errors.As(err, &f) {
			p := problem(f.status, f.code, lang, f.params)
			for _, d := range f.fields {
				p.Errors = append(p.Errors, &ErrorDetail{Code: d.Code, Message: d.Text(lang), Params: d.Params, Location: d.Field, Value: d.Value})
			}
			return p
		}
	}
	if status >= http.StatusInternalServerError {
		if clientGone(ctx) { // nobody reads this answer, and nothing failed: nothing to log
			return problem(http.StatusServiceUnavailable, domain.CodeUnavailable, lang, nil)
		}
		logUnexpected(ctxOf(ctx), msg, errors.Join(errs...))
		return internalProblem(ctxOf(ctx), lang)
	}
	code, ok := codeOfStatus[status]
	if !ok {
		code = domain.CodeInvalid
	}
	p := problem(status, code, lang, nil)
	for i, err := range errs {
		if i == maxErrorDetails+1 { // the rest are counted, not worded
			p.Errors = append(p.Errors, make([]*ErrorDetail, len(errs)-i)...)
			break
		}
		if err != nil {
			p.Errors = append(p.Errors, fieldProblem(err, lang))
		}
	}
	p.Errors = boundedDetails(p.Errors, lang)
	return p
}

// failure is a failure the HTTP layer finds before the domain is asked (a
// body that cannot be read, an upload too slow, an idempotency key used
// twice): a status and a code, worded by newProblem like every other error.
type failure struct {
	status int
	code   domain.Code
	params domain.Params
	// fields name the offending parts by their location ("header.X").
	fields []domain.FieldError
}

func (f *failure) Error() string { return f.code.Text(domain.English, f.params) }

// problem is a problem of status for code, worded in lang.
func problem(status int, code domain.Code, lang domain.Language, params domain.Params) *ErrorModel {
	return &ErrorModel{Type: problemType, Status: status, Title: http.StatusText(status), Code: code,
		Detail: code.Text(lang, params), Params: params}
}

// domainProblem shapes a domain error as a problem; field names become
// locations in the request ("body.nip"), as in Huma's own validation errors.
func domainProblem(de *domain.Error, lang domain.Language) *ErrorModel {
	status, ok := statusOf[de.Kind]
	if !ok {
		status = http.StatusInternalServerError
	}
	p := problem(status, de.Code, lang, de.Params)
	for _, f := range de.Fields {
		p.Errors = append(p.Errors, &ErrorDetail{Code: f.Code, Message: f.Text(lang), Params: f.Params, Location: location(f.Field), Value: f.Value})
	}
	p.Errors = boundedDetails(p.Errors, lang)
	return p
}

// schemaRules maps the messages of Huma's schema validation (see
// huma/validation/messages.go) to the code of the rule, with the name of
// the parameter the message's number or list fills.
var schemaRules = []struct {
	pattern *regexp.Regexp
	code    domain.Code
	param   string
}{
	{regexp.MustCompile(`^expected required property (\S+) to be present$`), domain.CodeFieldRequired, ""},
	{regexp.MustCompile(`^expected length <= (\d+)$`), domain.CodeFieldTooLong, "max"},
	{regexp.MustCompile(`^expected length >= (\d+)$`), domain.CodeFieldTooShort, "min"},
	{regexp.MustCompile(`^expected array length <= (\d+)$`), domain.CodeFieldTooMany, "max"},
	{regexp.MustCompile(`^expected array length >= (\d+)$`), domain.CodeFieldTooFew, "min"},
	{regexp.MustCompile(`^expected number >=? (\S+)$`), domain.CodeFieldBelowMinimum, "min"},
	{regexp.MustCompile(`^expected number <=? (\S+)$`), domain.CodeFieldAboveMaximum, "max"},
	{regexp.MustCompile(`^expected value to be one of "(.*)"$`), domain.CodeFieldNotOneOf, "values"},
	{regexp.MustCompile(`^expected string to be RFC 3339 date-time$`), domain.CodeFieldDateTime, ""},
	{regexp.MustCompile(`^expected string to be RFC 3339 date`), domain.CodeFieldDate, ""},
	{regexp.MustCompile(`^expected string to be RFC 5322 email`), domain.CodeFieldEmail, ""},
	{regexp.MustCompile(`^expected string to be RFC 3986 uri`), domain.CodeFieldURL, ""},
	{regexp.MustCompile(`^expected string to be RFC 4122 uuid`), domain.CodeFieldUUID, ""},
	{regexp.MustCompile(`^expected string to match pattern (.*)$`), domain.CodeFieldPattern, "pattern"},
	{regexp.MustCompile(`^unexpected property$`), domain.CodeFieldUnknown, ""},
	{regexp.MustCompile(`^expected array items to be unique$`), domain.CodeFieldUnique, ""},
	{regexp.MustCompile(`^expected (boolean|number|integer|string|array|object)$`), domain.CodeFieldWrongType, "type"},
}

// fieldProblem gives an error Huma found in a request its code: a schema
// rule's, or field.invalid with Huma's words as the reason.
func fieldProblem(err error, lang domain.Language) *ErrorDetail {
	var d *ErrorDetail
	if errors.As(err, &d) {
		return d
	}
	// A detail's Error() would format its value, which may be the whole
	// body: read its message instead.
	var hd *huma.ErrorDetail
	var detailer huma.ErrorDetailer
	if errors.As(err, &detailer) {
		hd = detailer.ErrorDetail()
	} else {
		hd = &huma.ErrorDetail{Message: err.Error()}
	}
	out := &ErrorDetail{Location: hd.Location, Value: hd.Value}
	for _, rule := range schemaRules {
		m := rule.pattern.FindStringSubmatch(hd.Message)
		if m == nil {
			continue
		}
		out.Code = rule.code
		switch {
		case rule.code == domain.CodeFieldRequired:
			// Huma places a missing property at its object; it belongs at
			// the property itself.
			out.Location = strings.TrimSuffix(hd.Location, ".") + "." + m[1]
			if hd.Location == "" {
				out.Location = "body." + m[1]
			}
		case rule.param != "":
			out.Params = domain.Params{rule.param: number(m[1])}
		}
		out.Message = out.Code.Text(lang, out.Params)
		return out
	}
	out.Code, out.Params = domain.CodeFieldInvalid, domain.Params{"reason": hd.Message}
	out.Message = out.Code.Text(lang, out.Params)
	return out
}

// number is s as a number when it is one, so that params carry numbers.
func number(s string) any {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return s
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
func boundedDetails(details []*ErrorDetail, lang domain.Language) []*ErrorDetail {
	if len(details) > maxErrorDetails {
		params := domain.Params{"count": len(details) - maxErrorDetails}
		details = append(details[:maxErrorDetails:maxErrorDetails],
			&ErrorDetail{Code: domain.CodeFieldMoreErrors, Message: domain.CodeFieldMoreErrors.Text(lang, params), Params: params, Location: "body"})
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
func internalProblem(ctx context.Context, lang domain.Language) *ErrorModel {
	return problem(http.StatusInternalServerError, domain.CodeInternal, lang, domain.Params{"requestId": requestID(ctx)})
}

// languages are the languages problems are worded in, English first: the
// API's language when a request names no other.
var languages = language.NewMatcher([]language.Tag{language.English, language.Indonesian})

// languageOf is the language a request's Accept-Language prefers among
// English and Indonesian.
func languageOf(ctx huma.Context) domain.Language {
	if ctx == nil {
		return domain.English
	}
	return languageOfHeader(ctx.Header("Accept-Language"))
}

func languageOfHeader(accept string) domain.Language {
	if accept == "" {
		return domain.English
	}
	tags, _, err := language.ParseAcceptLanguage(accept)
	if err != nil || len(tags) == 0 {
		return domain.English
	}
	if _, i, confidence := languages.Match(tags...); i == 1 && confidence != language.No {
		return domain.Indonesian
	}
	return domain.English
}

// describeCodes documents every code of the catalogue in the spec: the
// problem's and the field error's code are enums, and the problem's
// description lists each code with its English wording.
func describeCodes(oapi *huma.OpenAPI) {
	schemas := oapi.Components.Schemas.Map()
	var codes []any
	var table strings.Builder
	table.WriteString("An RFC 9457 problem. Its `code` says why, stably: clients decide on it and word it for their users. `detail` and each error's `message` word the code in English, or in Indonesian when the request asks with `Accept-Language: id`.\n\n| code | meaning |\n|---|---|\n")
	for _, w := range domain.Catalogue() {
		codes = append(codes, string(w.Code))
		fmt.Fprintf(&table, "| `%s` | %s |\n", w.Code, strings.ReplaceAll(w.English, "|", "\\|"))
	}
	if s, ok := schemas["ErrorModel"]; ok {
		s.Description = table.String()
		s.Properties["code"].Enum = codes
	}
	for _, name := range []string{"ErrorDetail", "RefusedAction"} {
		if s, ok := schemas[name]; ok {
			s.Properties["code"].Enum = codes
		}
	}
}

// clientGone reports whether the request's context was canceled: its
// client hung up, or the server cut the connection (a stalled upload, whose
// own problem comes first).
func clientGone(ctx huma.Context) bool {
	return errors.Is(ctxOf(ctx).Err(), context.Canceled)
}

func ctxOf(ctx huma.Context) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return ctx.Context()
}
