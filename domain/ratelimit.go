package domain

import (
	"math"
	"sync"
	"time"
)

// RateLimit is how many requests one client may make: Burst at once, then
// one more every Every. A zero RateLimit allows everything.
type RateLimit struct {
	Burst int
	Every time.Duration
}

// PerMinute is a limit of n requests a minute, all of which may come at once.
func PerMinute(n int) RateLimit {
	if n <= 0 {
		return RateLimit{}
	}
	return RateLimit{Burst: n, Every: time.Minute / time.Duration(n)}
}

// maxLimitedClients bounds the memory of a RateLimiter: beyond it, clients
// whose buckets are full again are forgotten (they are as good as new), and
// if that is not enough every client starts afresh.
const maxLimitedClients = 100_000

// RateLimiter keeps a token bucket per client (an address) in this process:
// each request takes a token, and tokens come back at the limit's pace. It
// is safe for concurrent use. The count is per process, not shared between
// replicas: n replicas behind a load balancer together allow n times the
// limit, which suits its purpose, keeping one client from taking every
// replica's capacity away from the others.
type RateLimiter struct {
	limit   RateLimit
	mu      sync.Mutex
	clients map[string]*tokenBucket
}

type tokenBucket struct {
	tokens float64
	at     time.Time
}

// NewRateLimiter returns a limiter for the limit; a zero limit allows everything.
func NewRateLimiter(limit RateLimit) *RateLimiter {
	return &RateLimiter{limit: limit, clients: map[string]*tokenBucket{}}
}

// Allow takes a token from client's bucket at now. Without one it returns a
// KindTooManyRequests error saying how long until the next token.
func (l *RateLimiter) Allow(client string, now time.Time) error {
	if l == nil || l.limit.Burst <= 0 || l.limit.Every <= 0 {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.clients[client]
	if !ok {
		if len(l.clients) >= maxLimitedClients {
			l.forgetIdle(now)
		}
		b = &tokenBucket{tokens: float64(l.limit.Burst), at: now}
		l.clients[client] = b
	}
	b.refill(l.limit, now)
	if b.tokens >= 1 {
		b.tokens--
		return nil
	}
	wait := time.Duration(math.Ceil((1 - b.tokens) * float64(l.limit.Every)))
	return &Error{Kind: KindTooManyRequests, Code: CodeAddressLimited, RetryAfter: max(wait, time.Second)}
}

// refill adds the tokens earned since the bucket was last used.
func (b *tokenBucket) refill(limit RateLimit, now time.Time) {
	if elapsed := now.Sub(b.at); elapsed > 0 {
		b.tokens = min(float64(limit.Burst), b.tokens+float64(elapsed)/float64(limit.Every))
		b.at = now
	}
}

// forgetIdle drops the clients whose buckets are full again, or all of them
// when every client is busy.
func (l *RateLimiter) forgetIdle(now time.Time) {
	for client, b := range l.clients {
		if b.refill(l.limit, now); b.tokens >= float64(l.limit.Burst) {
			delete(l.clients, client)
		}
	}
	if len(l.clients) >= maxLimitedClients {
		clear(l.clients)
	}
}
