package persistence

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
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

// staleTemporaryAge is how long a temporary file of a local blob store must
// have gone unwritten before it is taken for the leftover of a crash. An
// upload writes to its temporary file at least once per piece (pieceSize,
// 1 MiB), which at the slowest pace the API lets a client send
// (api.DefaultUploadPace: 32 KiB in 30 s) takes under 16 minutes: an hour
// leaves every running upload of every replica alone.
const staleTemporaryAge = time.Hour

// temporaryBlobName matches the temporary files fileblob writes a blob into
// before renaming it into place: "<key>.<nanoseconds in hex>.tmp".
var temporaryBlobName = regexp.MustCompile(`\.[0-9a-f]+\.tmp$`)

// RemoveStaleTemporaryFiles removes the temporary files that writes into a
// local blob folder left behind when the process writing them died
// (fileblob removes them itself when a write fails or is abandoned), once
// they have not been written for an hour; newer ones may belong to an
// upload still running in this or another replica. It returns how many it
// removed; an S3 store has none (its lifecycle rule aborts incomplete
// uploads, see OpenBlobStore). OpenBlobStore runs it, and housekeeping
// should too.
func (s *BlobStore) RemoveStaleTemporaryFiles(now time.Time) (int64, error) {
	if s.dir == "" {
		return 0, nil
	}
	before := now.Add(-staleTemporaryAge)
	var removed int64
	err := filepath.WalkDir(s.dir, func(path string, d fs.DirEntry, err error) error {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil // removed meanwhile, by another replica's sweep
		case err != nil:
			return err
		case !d.Type().IsRegular() || !temporaryBlobName.MatchString(d.Name()):
			return nil
		}
		info, err := d.Info()
		if errors.Is(err, fs.ErrNotExist) {
			return nil // renamed into place or swept meanwhile
		}
		if err != nil {
			return err
		}
		if !info.ModTime().Before(before) {
			return nil
		}
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		removed++
		return nil
	})
	if err != nil {
		return removed, fmt.Errorf("remove stale temporary blob files: %w", err)
	}
	return removed, nil
}
