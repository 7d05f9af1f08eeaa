package persistence

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// abandonedAfter is when a key whose first request never finished (its
// process died) may be claimed again.
const abandonedAfter = 2 * time.Minute

// IdempotencyStore keeps the answers to creates by (user, key), in
// PostgreSQL so that a retry reaching another replica finds them.
type IdempotencyStore struct{ db *bun.DB }

var _ domain.IdempotencyStore = (*IdempotencyStore)(nil)

// NewIdempotencyStore returns the store on db.
func NewIdempotencyStore(db *bun.DB) *IdempotencyStore { return &IdempotencyStore{db: db} }

// Claim reserves key for a new request (see domain.IdempotencyStore).
func (s *IdempotencyStore) Claim(ctx context.Context, user uuid.UUID, key string, requestHash []byte, now time.Time) (claimed bool, previous domain.IdempotentAnswer, err error) {
	res, err := s.db.NewRaw(`
		INSERT INTO idempotency_keys (user_id, key, request_hash, created_at) VALUES (?0, ?1, ?2, ?3)
		ON CONFLICT (user_id, key) DO UPDATE
		  SET request_hash = EXCLUDED.request_hash, status = NULL, headers = NULL, body = NULL, created_at = EXCLUDED.created_at
		  WHERE idempotency_keys.created_at < ?4 OR (idempotency_keys.status IS NULL AND idempotency_keys.created_at < ?5)`,
		user, key, requestHash, now, now.Add(-domain.IdempotencyKeyLifetime), now.Add(-abandonedAfter)).Exec(ctx)
	if err != nil {
		return false, previous, dbError(err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return true, previous, nil
	}
	var row struct {
		RequestHash []byte            `bun:"request_hash"`
		Status      sql.NullInt64     `bun:"status"`
		Headers     map[string]string `bun:"headers,type:jsonb"`
		Body        []byte            `bun:"body"`
	}
	err = s.db.NewRaw(`SELECT request_hash, status, headers, body FROM idempotency_keys WHERE user_id = ? AND key = ?`, user, key).Scan(ctx, &row)
	if errors.Is(err, sql.ErrNoRows) {
		return s.Claim(ctx, user, key, requestHash, now) // purged in between: try again
	}
	return false, domain.IdempotentAnswer{RequestHash: row.RequestHash, Status: int(row.Status.Int64), Headers: row.Headers, Body: row.Body}, dbError(err)
}

// Finish stores the answer of the request that claimed key.
func (s *IdempotencyStore) Finish(ctx context.Context, user uuid.UUID, key string, answer domain.IdempotentAnswer) error {
	_, err := s.db.NewRaw(`UPDATE idempotency_keys SET status = ?, headers = ?, body = ? WHERE user_id = ? AND key = ?`,
		answer.Status, answer.Headers, answer.Body, user, key).Exec(ctx)
	return dbError(err)
}

// Release gives up a claim whose request failed unexpectedly, so that a
// retry runs it again.
func (s *IdempotencyStore) Release(ctx context.Context, user uuid.UUID, key string) error {
	_, err := s.db.NewRaw(`DELETE FROM idempotency_keys WHERE user_id = ? AND key = ? AND status IS NULL`, user, key).Exec(ctx)
	return dbError(err)
}
