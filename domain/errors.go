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

// FieldError names one field that breaks a rule, with a message a person can
// act on. Field is the JSON name of the field as the client sent it
// (for example "nip" or "phases[1].endsOn").
type FieldError struct {
	Field   string
	Message string
	// Value is the offending value when showing it helps; it may be nil.
	Value any
}

// Error is the one error type the domain returns to its callers. Message is
// safe to show to a client; Err, when set, is the cause and is only logged.
type Error struct {
	Kind    Kind
	Message string
	// Fields lists every offending field for KindInvalid (and the duplicate
	// field for KindConflict), so a client can show all problems at once.
	Fields []FieldError
	// RetryAfter tells, for KindTooManyRequests, how long to wait.
	RetryAfter time.Duration
	// Err is the underlying cause, kept for logs and errors.Is/As.
	Err error
}

// Error returns the client-safe message with the names of the fields.
func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return e.Message
	}
	msg := e.Message + ":"
	for i, f := range e.Fields {
		if i > 0 {
			msg += ";"
		}
		msg += " " + f.Field + " " + f.Message
	}
	return msg
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an Error of the given kind with a formatted client-safe message.
func Errorf(kind Kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// Invalid returns a KindInvalid error naming one field.
func Invalid(field, message string) *Error {
	return &Error{
		Kind:    KindInvalid,
		Message: "the request breaks a rule",
		Fields:  []FieldError{{Field: field, Message: message}},
	}
}

// Conflict returns a KindConflict error; field may be empty when the conflict
// is with the state of the resource rather than a duplicate value.
func Conflict(field, message string) *Error {
	e := &Error{Kind: KindConflict, Message: message}
	if field != "" {
		e.Fields = []FieldError{{Field: field, Message: message}}
	}
	return e
}

// NotFound returns a KindNotFound error for the named kind of thing
// ("project", "cohort"): the same answer whether it is missing or hidden.
func NotFound(what string) *Error {
	return &Error{Kind: KindNotFound, Message: what + " not found"}
}

// Unavailable wraps a cause that means a dependency cannot be reached.
func Unavailable(cause error) *Error {
	return &Error{Kind: KindUnavailable, Message: "the service is temporarily unavailable, try again shortly", Err: cause}
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

// Add records that field breaks a rule.
func (v *Violations) Add(field, message string) {
	v.fields = append(v.fields, FieldError{Field: field, Message: message})
}

// AddError records err when it is not nil: the messages of a domain
// error's fields, re-homed under field unless field is empty, or err's
// text under field otherwise.
func (v *Violations) AddError(field string, err error) {
	if err == nil {
		return
	}
	var de *Error
	if errors.As(err, &de) && len(de.Fields) > 0 {
		for _, f := range de.Fields {
			if field != "" {
				f.Field = field
			}
			v.fields = append(v.fields, f)
		}
		return
	}
	v.Add(field, err.Error())
}

// Empty reports whether no rule was broken.
func (v *Violations) Empty() bool { return len(v.fields) == 0 }

// Err returns nil when no rule was broken, else a KindInvalid error listing
// every broken rule.
func (v *Violations) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return &Error{Kind: KindInvalid, Message: "the request breaks some rules", Fields: v.fields}
}
