package domain

import (
	"errors"
	"fmt"
	"time"
)

// Kind classifies a failure for callers; the api package maps each kind to
// exactly one HTTP status code, so adding a kind is a change in this file and
// in that one mapping.
type Kind int

// The kinds of failure. Each comment names the status code it becomes.
const (
	KindInvalid          Kind = iota + 1 // 422: a field breaks a rule; Field says which
	KindUnauthenticated                  // 401: no valid credentials
	KindForbidden                        // 403: the caller sees the thing but may not do this
	KindNotFound                         // 404: missing, or the caller may not see it
	KindConflict                         // 409: a duplicate, or the state forbids the transition
	KindStale                            // 412: If-Match did not match the current version
	KindTooManyRequests                  // 429: the caller must wait before trying again
	KindUnavailable                      // 503: a dependency (the database) cannot be reached
	KindTooLarge                         // 413: an upload is over its limit
	KindUnsupportedMedia                 // 415: an upload is of a type that is not accepted
)

// String names the kind for logs.
func (k Kind) String() string {
	switch k {
	case KindInvalid:
		return "invalid"
	case KindUnauthenticated:
		return "unauthenticated"
	case KindForbidden:
		return "forbidden"
	case KindNotFound:
		return "not_found"
	case KindConflict:
		return "conflict"
	case KindStale:
		return "stale"
	case KindTooManyRequests:
		return "too_many_requests"
	case KindUnavailable:
		return "unavailable"
	case KindTooLarge:
		return "too_large"
	case KindUnsupportedMedia:
		return "unsupported_media"
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// FieldError names one field that breaks a rule and why, by code. Field is
// the JSON name of the field as the client sent it (for example "nip" or
// "phases[1].endsOn").
type FieldError struct {
	Field string
	Code  Code
	// Params fill the code's wording, such as the {max} of field.too_long.
	Params Params
	// Value is the offending value when showing it helps; it may be nil.
	Value any
}

// Text words the rule the field breaks in lang.
func (f FieldError) Text(lang Language) string { return f.Code.Text(lang, f.Params) }

// Error is the one error type the domain returns to its callers. Its code
// says why, and its wording is safe to show to a client; Err, when set, is
// the cause and is only logged.
type Error struct {
	Kind   Kind
	Code   Code
	Params Params
	// Fields lists every offending field for KindInvalid (and the duplicate
	// field for KindConflict), so a client can show all problems at once.
	Fields []FieldError
	// RetryAfter tells, for KindTooManyRequests and KindUnavailable, how
	// long to wait.
	RetryAfter time.Duration
	// Err is the underlying cause, kept for logs and errors.Is/As.
	Err error
}

// Text words the error (without its fields) in lang.
func (e *Error) Text(lang Language) string { return e.Code.Text(lang, e.Params) }

// Error returns the English wording with the names of the fields.
func (e *Error) Error() string {
	msg := e.Text(English)
	if len(e.Fields) == 0 {
		return msg
	}
	msg += ":"
	for i, f := range e.Fields {
		if i > 0 {
			msg += ";"
		}
		msg += " " + f.Field + " " + f.Text(English)
	}
	return msg
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Fail returns an Error of the given kind and code.
func Fail(kind Kind, code Code, params ...Params) *Error {
	return &Error{Kind: kind, Code: code, Params: merge(params)}
}

// Invalid returns a KindInvalid error naming one field and the rule it
// breaks.
func Invalid(field string, code Code, params ...Params) *Error {
	return &Error{Kind: KindInvalid, Code: CodeInvalid, Fields: []FieldError{{Field: field, Code: code, Params: merge(params)}}}
}

// Conflict returns a KindConflict error: the state of the resource forbids
// what was asked.
func Conflict(code Code, params ...Params) *Error {
	return Fail(KindConflict, code, params...)
}

// ConflictOn returns a KindConflict error that also names the field: its
// value another record has already, or the state of the resource refuses it.
func ConflictOn(field string, code Code, params ...Params) *Error {
	p := merge(params)
	return &Error{Kind: KindConflict, Code: code, Params: p, Fields: []FieldError{{Field: field, Code: code, Params: p}}}
}

// NotFound returns a KindNotFound error for the named kind of thing
// ("project", "cohort"): the same answer whether it is missing or hidden.
func NotFound(what string) *Error {
	return Fail(KindNotFound, CodeNotFound, Params{"what": what})
}

// Unavailable wraps a cause that means a dependency cannot be reached.
func Unavailable(cause error) *Error {
	return &Error{Kind: KindUnavailable, Code: CodeUnavailable, Err: cause}
}

// KindOf returns the kind of the first *Error in err's chain, or 0 when err
// is nil or not a domain error (an unexpected failure).
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}

// Violations collects every rule a request breaks, so that a client learns
// of all of them at once rather than one per attempt.
type Violations struct {
	fields []FieldError
}

// Add records that field breaks the rule code names.
func (v *Violations) Add(field string, code Code, params ...Params) {
	v.fields = append(v.fields, FieldError{Field: field, Code: code, Params: merge(params)})
}

// AddError records err when it is not nil: the fields of a domain error,
// re-homed under field unless field is empty, or the error's own code under
// field otherwise.
func (v *Violations) AddError(field string, err error) {
	if err == nil {
		return
	}
	var de *Error
	if !errors.As(err, &de) {
		v.Add(field, CodeFieldInvalid, Params{"reason": err.Error()})
		return
	}
	if len(de.Fields) == 0 {
		v.Add(field, de.Code, de.Params)
		return
	}
	for _, f := range de.Fields {
		if field != "" {
			f.Field = field
		}
		v.fields = append(v.fields, f)
	}
}

// AddUnder records err's field errors nested under prefix ("prefix.field"),
// for a part checked on its own, such as one milestone of a change request
// or one rubric of a template; an error without fields is recorded at prefix.
func (v *Violations) AddUnder(prefix string, err error) {
	var de *Error
	if !errors.As(err, &de) || len(de.Fields) == 0 {
		v.AddError(prefix, err)
		return
	}
	for _, f := range de.Fields {
		f.Field = prefix + "." + f.Field
		v.fields = append(v.fields, f)
	}
}

// Empty reports whether no rule was broken.
func (v *Violations) Empty() bool { return len(v.fields) == 0 }

// Err returns nil when no rule was broken, else a KindInvalid error listing
// every broken rule.
func (v *Violations) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return &Error{Kind: KindInvalid, Code: CodeInvalid, Fields: v.fields}
}
