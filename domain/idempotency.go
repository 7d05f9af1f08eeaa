package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// IdempotencyKeyLifetime is how long the answer to a request sent with an
// idempotency key is kept: a retry within it gets the first answer again.
const IdempotencyKeyLifetime = 24 * time.Hour

// IdempotentAnswer is the stored first answer to a create sent with an
// idempotency key, as the transport wrote it; Status 0 means the first
// request is still running.
type IdempotentAnswer struct {
	RequestHash []byte
	Status      int
	Headers     map[string]string
	Body        []byte
}

// IdempotencyStore keeps the first answers to creates by user and key, in a
// place every replica shares, so that a retried create never creates twice.
type IdempotencyStore interface {
	// Claim reserves key for a new request, or returns the answer of the
	// request that used it before (claimed false). An expired key, or one
	// whose first request was abandoned, is claimed anew.
	Claim(ctx context.Context, user uuid.UUID, key string, requestHash []byte, now time.Time) (claimed bool, previous IdempotentAnswer, err error)
	// Finish stores the answer of the request that claimed key.
	Finish(ctx context.Context, user uuid.UUID, key string, answer IdempotentAnswer) error
	// Release gives up a claim whose request failed unexpectedly, so that a
	// retry runs it again.
	Release(ctx context.Context, user uuid.UUID, key string) error
}
