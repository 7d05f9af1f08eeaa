package persistence

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// sessionsKeptAfterExpiry is how long an ended session stays, so that a
// token presented late still reads as expired in the logs of an incident.
const sessionsKeptAfterExpiry = 7 * 24 * time.Hour

// outboxKept is how long sent and given-up e-mail stays in the outbox, for
// looking into what was sent.
const outboxKept = 30 * 24 * time.Hour

// Housekeeping deletes what has outlived its use: idempotency keys past
// their lifetime, sessions ended a week ago, and failed sign-ins older than
// the rate limit's window, and e-mail sent or given up a month ago. Every replica may run it; overlapping runs are
// harmless. It returns how many rows each kind lost.
func Housekeeping(ctx context.Context, db *bun.DB, now time.Time) (map[string]int64, error) {
	deleted := map[string]int64{}
	for kind, stmt := range map[string]struct {
		query  string
		before time.Time
	}{
		"idempotency_keys": {`DELETE FROM idempotency_keys WHERE created_at < ?`, now.Add(-domain.IdempotencyKeyLifetime)},
		"sessions":         {`DELETE FROM sessions WHERE expires_at < ?0 OR revoked_at < ?0`, now.Add(-sessionsKeptAfterExpiry)},
		"login_failures":   {`DELETE FROM login_failures WHERE failed_at < ?`, now.Add(-domain.LoginFailureWindow)},
		"outbox":           {`DELETE FROM outbox WHERE sent_at < ?0 OR failed_at < ?0`, now.Add(-outboxKept)},
	} {
		res, err := db.NewRaw(stmt.query, stmt.before).Exec(ctx)
		if err != nil {
			return deleted, dbError(err)
		}
		deleted[kind], _ = res.RowsAffected()
	}
	return deleted, nil
}
