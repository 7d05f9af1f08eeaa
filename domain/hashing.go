package domain

import (
	"context"
	"math"
	"runtime"
	"runtime/debug"
	"time"
)

// PasswordHashBytes is what one argon2id hash holds in memory while it runs.
const PasswordHashBytes = argonMemoryKiB << 10

// HashingLimit bounds how many password hashes run at once. Each holds
// 19 MiB for tens of milliseconds: without a bound, a burst of sign-ins
// would take as much memory as it has requests (100 at once took 1.8 GB).
// A request waits up to its wait for a free slot, then is turned away with
// KindUnavailable and a Retry-After.
type HashingLimit struct {
	slots chan struct{}
	wait  time.Duration
}

// NewHashingLimit allows slots hashes at once; a request waits up to wait
// for one.
func NewHashingLimit(slots int, wait time.Duration) *HashingLimit {
	return &HashingLimit{slots: make(chan struct{}, max(1, slots)), wait: wait}
}

// DefaultHashingLimit sizes the bound from the process: two hashes per core
// it may use (GOMAXPROCS; more would only queue for the processor). When
// memoryBytes, the process's memory limit (GOMEMLIMIT), is not 0, it also
// allows no more hashes than an eighth of that limit holds, and at least
// one; at 0 memory plays no part (the machine's memory is not looked at).
// A request waits up to 5 s for a slot.
func DefaultHashingLimit(memoryBytes int64) *HashingLimit {
	slots := 2 * runtime.GOMAXPROCS(0)
	if memoryBytes > 0 {
		slots = min(slots, int(memoryBytes/8/PasswordHashBytes))
	}
	return NewHashingLimit(slots, 5*time.Second)
}

// Slots is how many hashes the limit lets run at once.
func (l *HashingLimit) Slots() int { return cap(l.slots) }

// errHashingBusy answers a request that found no free slot.
var errHashingBusy = &Error{Kind: KindUnavailable, Code: CodeHashingBusy, RetryAfter: time.Second}

// run calls f in a free slot, or returns errHashingBusy when none frees up
// in time.
func (l *HashingLimit) run(ctx context.Context, f func()) error {
	select {
	case l.slots <- struct{}{}:
	default:
		timer := time.NewTimer(l.wait)
		defer timer.Stop()
		select {
		case l.slots <- struct{}{}:
		case <-timer.C:
			return errHashingBusy
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	defer func() { <-l.slots }()
	f()
	return nil
}

// memoryLimit is the process's soft memory limit (GOMEMLIMIT), or 0 when
// none is set.
func memoryLimit() int64 {
	if limit := debug.SetMemoryLimit(-1); limit != math.MaxInt64 {
		return limit
	}
	return 0
}
