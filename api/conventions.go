package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/proper-id/proper/domain"
)

// etag is the entity tag of a resource at a version.
func etag(version int64) string { return `"` + strconv.FormatInt(version, 10) + `"` }

// Precondition is embedded in the input of every operation that changes a
// resource with an ETag: when sent, the change applies only to the version
// the client read (412 Precondition Failed otherwise).
type Precondition struct {
	IfMatch string `header:"If-Match" maxLength:"64" doc:"The ETag of the version you read. When given, the change is made only if nobody changed the resource since; otherwise 412 Precondition Failed." example:"\"3\""`
}

// expected returns the version If-Match names, nil when there is no
// precondition, or an impossible version for a tag that is not ours (which
// then fails as HTTP says it must).
func (m Precondition) expected() *int64 {
	tag := strings.TrimSpace(m.IfMatch)
	if tag == "" || tag == "*" {
		return nil
	}
	v, err := strconv.ParseInt(strings.Trim(strings.TrimPrefix(tag, "W/"), `"`), 10, 64)
	if err != nil {
		v = -1
	}
	return &v
}

// PageParams are the query parameters of every list.
type PageParams struct {
	Limit  int    `query:"limit" minimum:"1" maximum:"200" default:"50" doc:"How many items to return at most (1–200)."`
	Cursor string `query:"cursor" maxLength:"2048" doc:"Where to continue: the nextCursor of the previous page. Omit for the first page."`
}

func (p PageParams) request() domain.PageRequest {
	return domain.PageRequest{Limit: p.Limit, Cursor: p.Cursor}
}

// listOutput is the answer of every list: one page of items, the cursor of
// the next page, and a Link header pointing at it.
type listOutput[T any] struct {
	Link string `header:"Link" doc:"The URL of the next page, as <…>; rel=\"next\", when there is one."`
	Body struct {
		Items      []T    `json:"items" doc:"The items of this page."`
		NextCursor string `json:"nextCursor,omitempty" example:"WyIyMDI2LTExLTIzVDA5OjMwOjAwWiIsIjBiOWEzYzFlIl0" doc:"Pass as cursor to get the next page; absent on the last page."`
	}
}

// listAnswer shapes what a domain list returns as a list answer:
// return listAnswer(ctx, newUser)(s.Directory.ListUsers(ctx, ...)).
func listAnswer[D any, T any](ctx context.Context, convert func(D) T) func(domain.Page[D], error) (*listOutput[T], error) {
	return func(page domain.Page[D], err error) (*listOutput[T], error) {
		if err != nil {
			return nil, err
		}
		return newList(ctx, page, convert), nil
	}
}

// newList shapes a domain page as a list answer, converting each item.
func newList[D any, T any](ctx context.Context, page domain.Page[D], convert func(D) T) *listOutput[T] {
	out := &listOutput[T]{}
	out.Body.Items = make([]T, len(page.Items))
	for i, item := range page.Items {
		out.Body.Items[i] = convert(item)
	}
	out.Body.NextCursor = page.NextCursor
	if info := infoOf(ctx); page.NextCursor != "" && info != nil {
		next := *info.url
		q := next.Query()
		q.Set("cursor", page.NextCursor)
		next.RawQuery = q.Encode()
		out.Link = fmt.Sprintf(`<%s>; rel="next"`, (&url.URL{Path: next.Path, RawQuery: next.RawQuery}).String())
	}
	return out
}

// Optional is a field of a JSON merge patch (RFC 7396): absent (leave as
// is), null (remove), or a new value.
type Optional[T any] struct {
	Set   bool
	Null  bool
	Value T
}

// UnmarshalJSON records that the field was present, and whether it was null.
func (o *Optional[T]) UnmarshalJSON(b []byte) error {
	o.Set = true
	if string(b) == "null" {
		o.Null = true
		return nil
	}
	return json.Unmarshal(b, &o.Value)
}

// Schema documents the field as its value's schema, also accepting null.
func (o Optional[T]) Schema(r huma.Registry) *huma.Schema {
	s := *huma.SchemaFromType(r, reflect.TypeOf(o.Value))
	s.Nullable = true
	return &s
}

// ptr returns the new value, or nil when the field was absent or null.
func (o Optional[T]) ptr() *T {
	if !o.Set || o.Null {
		return nil
	}
	return &o.Value
}

// declareEarlyErrors documents, on every operation it is added to, the
// answers that do not come from its own rules, so that the spec lists every
// status a client can meet: an operation that takes a body answers 400 to
// one that does not parse (or is missing) and 413 to one over its limit; a
// create that takes an Idempotency-Key answers 409 while a request with the
// same key is still being answered; and every operation that declares its
// errors reaches the database, so it answers 503 with a Retry-After header
// while the database cannot be reached. The answers are problems like the
// operation's other errors. An operation that declares no errors (the
// liveness probe) has a default answer instead.
func declareEarlyErrors(_ *huma.OpenAPI, op *huma.Operation) {
	problem := op.Responses[strconv.Itoa(http.StatusInternalServerError)]
	if problem == nil {
		return
	}
	codes := []int{http.StatusServiceUnavailable}
	if op.RequestBody != nil {
		codes = append(codes, http.StatusBadRequest, http.StatusRequestEntityTooLarge)
	}
	if op.Metadata["idempotent"] == true {
		codes = append(codes, http.StatusConflict)
	}
	for _, code := range codes {
		if key := strconv.Itoa(code); op.Responses[key] == nil {
			op.Responses[key] = &huma.Response{Description: http.StatusText(code), Content: problem.Content}
		}
	}
	unavailable := op.Responses[strconv.Itoa(http.StatusServiceUnavailable)]
	if unavailable.Headers == nil {
		unavailable.Headers = map[string]*huma.Param{}
	}
	unavailable.Headers["Retry-After"] = &huma.Param{
		Description: "How many seconds to wait before trying again.",
		Schema:      &huma.Schema{Type: "integer", Format: "int32", Minimum: ptrTo(1.0), Examples: []any{5}},
	}
}

// ptrTo returns a pointer to v, for the optional numbers of a schema.
func ptrTo[T any](v T) *T { return &v }
