package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/danielgtaylor/huma/v2"

	"github.com/proper-id/proper/domain"
)

// refuseNonText answers 422, naming the parameter or the body field, when a
// query parameter or a string of a JSON body is not text (domain.CheckText:
// invalid UTF-8, or a NUL). Huma would pass such strings on, and the
// database refuses them: without this, a search for "%00" is a 500. It is
// the one place for every operation; what more a field must be (one line,
// a valid e-mail address) is the domain's to say.
func refuseNonText(api huma.API) func(huma.Context, func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		u := ctx.URL()
		for name, values := range u.Query() {
			for _, value := range values {
				if err := domain.CheckText("query."+name, value); err != nil {
					writeNotText(api, ctx, "query."+printableName(name), err)
					return
				}
			}
		}
		if !hasJSONBody(ctx) {
			next(ctx)
			return
		}
		// Read as Huma does, up to the operation's limit: Huma reads on and
		// answers 413 when it is reached, or the error when reading fails.
		limit := ctx.Operation().MaxBodyBytes
		var buf bytes.Buffer
		if n, err := strconv.ParseInt(ctx.Header("Content-Length"), 10, 64); err == nil && n > 0 {
			buf.Grow(int(min(n, limit)))
		}
		_, err := buf.ReadFrom(io.LimitReader(ctx.BodyReader(), limit))
		if err == nil && int64(buf.Len()) < limit {
			if location, err := firstNonText(buf.Bytes()); err != nil {
				writeNotText(api, ctx, location, err)
				return
			}
		}
		next(&bodyContext{humaContext: ctx, body: io.MultiReader(&buf, ctx.BodyReader())})
	}
}

// hasJSONBody reports whether the request has a body that Huma decodes as
// JSON: the operation takes one and the client sends JSON (or does not say).
func hasJSONBody(ctx huma.Context) bool {
	op := ctx.Operation()
	if op.RequestBody == nil || op.MaxBodyBytes <= 0 {
		return false
	}
	takesJSON := false
	for mediaType := range op.RequestBody.Content {
		takesJSON = takesJSON || strings.Contains(mediaType, "json")
	}
	contentType := ctx.Header("Content-Type")
	return takesJSON && (contentType == "" || strings.Contains(contentType, "json"))
}

// writeNotText answers 422 for a string at location that is not text.
func writeNotText(api huma.API, ctx huma.Context, location string, err error) {
	code := domain.CodeTextNotUTF8
	var de *domain.Error
	if errors.As(err, &de) && len(de.Fields) > 0 {
		code = de.Fields[0].Code
	}
	huma.WriteErr(api, ctx, http.StatusUnprocessableEntity, "", domain.Invalid(location, code))
}

// printableName makes a client's parameter or property name safe to show
// in a location.
func printableName(name string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(name, "\uFFFD"), "\x00", "\uFFFD")
}

// firstNonText returns the location ("body.stakeholders[1].name") and the
// domain's error for the first string of a JSON body, key or value, that
// is not text; or no error. A body that is not valid JSON is left to Huma,
// which says so.
func firstNonText(body []byte) (string, error) {
	// A JSON string holds a NUL only as the escape \u0000, and invalid
	// UTF-8 only as itself; most bodies have neither and need no walk.
	if utf8.Valid(body) && !bytes.Contains(body, []byte(`\u0000`)) {
		return "", nil
	}
	if !json.Valid(body) {
		return "", nil
	}
	type level struct {
		array   bool
		index   int
		key     string
		wantKey bool
	}
	var stack []level
	// where is the location of the current value; a key is placed at its
	// object (its level still wants a key).
	where := func() string {
		var b strings.Builder
		b.WriteString("body")
		for _, l := range stack {
			if l.array {
				b.WriteString("[" + strconv.Itoa(l.index) + "]")
			} else if !l.wantKey {
				b.WriteString("." + printableName(l.key))
			}
		}
		return b.String()
	}
	// Each value ends its place: the next one in an array, a key's turn in
	// an object.
	endValue := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].array {
				stack[n-1].index++
			} else {
				stack[n-1].wantKey = true
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	for {
		start := dec.InputOffset()
		token, err := dec.Token()
		if err != nil {
			return "", nil // the end of the body
		}
		switch t := token.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, level{wantKey: true})
			case '[':
				stack = append(stack, level{array: true})
			default:
				stack = stack[:len(stack)-1]
				endValue()
			}
		case string:
			// The decoder turns invalid UTF-8 into U+FFFD: the string's own
			// bytes show it.
			s := t
			if raw := body[start:dec.InputOffset()]; !utf8.Valid(raw) {
				s = string(raw)
			}
			if err := domain.CheckText("", s); err != nil {
				return where(), err
			}
			if n := len(stack); n > 0 && stack[n-1].wantKey {
				stack[n-1].key, stack[n-1].wantKey = t, false
			} else {
				endValue()
			}
		default:
			endValue()
		}
	}
}

// bodyContext passes a request on with its body read ahead.
type bodyContext struct {
	humaContext
	body io.Reader
}

// BodyReader returns the body as it was read ahead.
func (c *bodyContext) BodyReader() io.Reader { return c.body }

// Unwrap returns the context of the request, for humago.Unwrap.
func (c *bodyContext) Unwrap() huma.Context { return c.humaContext }
