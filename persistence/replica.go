package persistence

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/uptrace/bun"
)

// Replica sends the heavy read-only queries (cohort progress and its
// export, the review queue, timelines, directory searches) to a streaming
// replica of the database while the replica answers and is not behind by
// more than MaxLag, and to the primary otherwise. Writes, and reads that
// must see the caller's own writes (a resource after its change, lists of a
// project's milestones and evidence), always go to the primary.
type Replica struct {
	primary, replica *bun.DB
	maxLag           time.Duration
	healthy          atomic.Bool
	lag              atomic.Int64 // nanoseconds
	toReplica        atomic.Int64
	toPrimary        atomic.Int64
}

// NewReplica watches replica as a follower of primary; until its first
// check it is not used.
func NewReplica(primary, replica *bun.DB, maxLag time.Duration) *Replica {
	return &Replica{primary: primary, replica: replica, maxLag: maxLag}
}

// Watch checks the replica every interval until ctx ends.
func (r *Replica) Watch(ctx context.Context, interval time.Duration) {
	for {
		r.Check(ctx)
		select {
		case <-ctx.Done():
			return
		case <-time.After(interval):
		}
	}
}

// Check measures how far the replica is behind: nothing when it has
// replayed all the primary has written, else the time since it last
// replayed a transaction. An unreachable replica is unhealthy.
func (r *Replica) Check(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	var primaryLSN string
	if err := r.primary.QueryRowContext(ctx, `SELECT pg_current_wal_lsn()::text`).Scan(&primaryLSN); err != nil {
		r.healthy.Store(false) // without the primary nothing routes anyway
		return
	}
	var lagSeconds float64
	// Behind with nothing replayed yet (a fresh replica) counts as far behind.
	err := r.replica.QueryRowContext(ctx, `SELECT CASE WHEN pg_wal_lsn_diff(?::pg_lsn, pg_last_wal_replay_lsn()) <= 0 THEN 0
		ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 86400) END`, primaryLSN).Scan(&lagSeconds)
	if err != nil {
		r.healthy.Store(false)
		return
	}
	lag := time.Duration(lagSeconds * float64(time.Second))
	r.lag.Store(int64(lag))
	r.healthy.Store(lag <= r.maxLag)
}

// Healthy reports whether reads go to the replica.
func (r *Replica) Healthy() bool { return r.healthy.Load() }

// Lag is how far behind the replica was at the last check.
func (r *Replica) Lag() time.Duration { return time.Duration(r.lag.Load()) }

// Routed counts the reads sent to the replica and to the primary.
func (r *Replica) Routed() (toReplica, toPrimary int64) {
	return r.toReplica.Load(), r.toPrimary.Load()
}

// reads returns where a heavy read goes now.
func (r *Replica) reads() bun.IDB {
	if r.healthy.Load() {
		r.toReplica.Add(1)
		return r.replica
	}
	r.toPrimary.Add(1)
	return r.primary
}
