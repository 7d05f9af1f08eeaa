package api

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/proper-id/proper/domain"
)

// idempotent marks an operation whose retries with one Idempotency-Key must
// return the first answer.
var idempotent = map[string]any{"idempotent": true}

// IdempotencyKeyHeader documents the Idempotency-Key header on creates.
type IdempotencyKeyHeader struct {
	IdempotencyKey string `header:"Idempotency-Key" maxLength:"255" doc:"A key of your choice (a UUID, say) that makes retries safe: a request repeated with the same key and the same body returns the first answer instead of creating again; the same key with another body is refused with 422. Keys are kept for 24 hours. A replay never repeats a one-time secret: a retried create-user returns the account without its activation code." example:"4b1e6f0e-3a52-4d7e-9c55-7f0b8a1f2d11"`
}

// defaultMaxBodyBytes is Huma's body limit of an operation that sets none.
const defaultMaxBodyBytes = 1 << 20

// replayedHeaders are the response headers a replay repeats.
var replayedHeaders = []string{"Content-Type", "ETag", "Location"}

// keepIdempotent makes creates safe to retry. A signed-in request with an
// Idempotency-Key claims the key, runs, and stores its answer; a retry with
// the same key and body gets that answer again, even from another replica;
// the same key with another body is a 422; a retry while the first request
// still runs is a 409. Answers of 5xx are not kept, so those retries run
// again; one-time secrets in an answer are not kept either (see
// secretFields).
func keepIdempotent(api huma.API, store domain.IdempotencyStore, now func() time.Time) func(huma.Context, func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		key := ctx.Header("Idempotency-Key")
		actor := actorOf(ctx.Context())
		if key == "" || actor == nil || ctx.Operation().Metadata["idempotent"] != true {
			next(ctx)
			return
		}
		// The operation's body limit holds before anything is kept: a body
		// over it is refused as it arrives, as it would be without a key.
		limit := ctx.Operation().MaxBodyBytes
		if limit <= 0 {
			limit = defaultMaxBodyBytes
		}
		body, err := io.ReadAll(io.LimitReader(ctx.BodyReader(), limit+1))
		switch {
		case err != nil:
			huma.WriteErr(api, ctx, http.StatusBadRequest, "", &failure{status: http.StatusBadRequest, code: domain.CodeMalformed})
			return
		case int64(len(body)) > limit:
			huma.WriteErr(api, ctx, http.StatusRequestEntityTooLarge, "", &failure{status: http.StatusRequestEntityTooLarge, code: domain.CodeTooLarge, params: domain.Params{"max": limit}})
			return
		}
		hash := sha256.New()
		io.WriteString(hash, ctx.Method()+" "+ctx.URL().Path+"\n")
		hash.Write(body)
		requestHash := hash.Sum(nil)

		claimed, previous, err := store.Claim(ctx.Context(), actor.UserID, key, requestHash, now())
		switch {
		case err != nil:
			huma.WriteErr(api, ctx, http.StatusInternalServerError, "", err)
		case !claimed && !bytes.Equal(previous.RequestHash, requestHash):
			huma.WriteErr(api, ctx, http.StatusUnprocessableEntity, "", &failure{status: http.StatusUnprocessableEntity, code: domain.CodeIdempotencyKeyReused,
				fields: []domain.FieldError{{Field: "header.Idempotency-Key", Code: domain.CodeIdempotencyKeyReused, Value: key}}})
		case !claimed && previous.Status == 0:
			huma.WriteErr(api, ctx, http.StatusConflict, "", &failure{status: http.StatusConflict, code: domain.CodeIdempotencyInFlight})
		case !claimed:
			for name, value := range previous.Headers {
				ctx.SetHeader(name, value)
			}
			ctx.SetHeader("Idempotent-Replayed", "true")
			ctx.SetStatus(previous.Status)
			ctx.BodyWriter().Write(previous.Body)
		default:
			rec := &recordingContext{humaContext: ctx, body: bytes.NewReader(body)}
			next(rec)
			if rec.status >= http.StatusInternalServerError || rec.status == 0 {
				store.Release(context.WithoutCancel(ctx.Context()), actor.UserID, key)
				return
			}
			answer := domain.IdempotentAnswer{RequestHash: requestHash, Status: rec.status, Headers: map[string]string{}, Body: withoutSecrets(rec.written.Bytes())}
			for _, name := range replayedHeaders {
				if v := rec.headers.Get(name); v != "" {
					answer.Headers[name] = v
				}
			}
			if err := store.Finish(context.WithoutCancel(ctx.Context()), actor.UserID, key, answer); err != nil {
				logUnexpected(ctx.Context(), "store idempotent answer", err)
			}
		}
	}
}

// secretFields name the properties of answers that hold a one-time secret:
// shown once, to the first answer, never kept for a replay (a retry of
// create-user gets the account without its activation code; the organizer
// issues a new one if the first answer was lost).
var secretFields = []string{"activationCode", "participantActivationCode", "mentorActivationCode", "token"}

// withoutSecrets returns a JSON answer without its secretFields.
func withoutSecrets(body []byte) []byte {
	if !slices.ContainsFunc(secretFields, func(f string) bool { return bytes.Contains(body, []byte(`"`+f+`"`)) }) {
		return body
	}
	var doc any
	if json.Unmarshal(body, &doc) != nil {
		return nil // not JSON: keep nothing rather than a secret
	}
	dropSecrets(doc)
	redacted, err := json.Marshal(doc)
	if err != nil {
		return nil
	}
	return redacted
}

// dropSecrets removes secretFields from every object within v.
func dropSecrets(v any) {
	switch v := v.(type) {
	case map[string]any:
		for _, f := range secretFields {
			delete(v, f)
		}
		for _, child := range v {
			dropSecrets(child)
		}
	case []any:
		for _, child := range v {
			dropSecrets(child)
		}
	}
}

// humaContext lets recordingContext embed a huma.Context, whose own method
// Context would clash with an embedded field of that name.
type humaContext = huma.Context

// recordingContext passes a request on with its already-read body and
// keeps a copy of the answer.
type recordingContext struct {
	humaContext
	body    io.Reader
	status  int
	headers http.Header
	written bytes.Buffer
}

func (c *recordingContext) BodyReader() io.Reader { return c.body }

func (c *recordingContext) SetStatus(status int) {
	c.status = status
	c.humaContext.SetStatus(status)
}

func (c *recordingContext) SetHeader(name, value string) {
	if c.headers == nil {
		c.headers = http.Header{}
	}
	c.headers.Set(name, value)
	c.humaContext.SetHeader(name, value)
}

func (c *recordingContext) AppendHeader(name, value string) {
	if c.headers == nil {
		c.headers = http.Header{}
	}
	c.headers.Add(name, value)
	c.humaContext.AppendHeader(name, value)
}

func (c *recordingContext) BodyWriter() io.Writer {
	return io.MultiWriter(c.humaContext.BodyWriter(), &c.written)
}
