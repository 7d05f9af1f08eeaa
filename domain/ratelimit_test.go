package domain

import (
	"fmt"
	"testing"
	"time"
)

func TestRateLimiterLetsABurstThroughThenOneRequestPerInterval(t *testing.T) {
	l := NewRateLimiter(PerMinute(3)) // 3 at once, then one every 20 s
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	for i := range 3 {
		if err := l.Allow("10.0.0.1", now); err != nil {
			t.Fatalf("request %d refused: %v", i+1, err)
		}
	}
	err := l.Allow("10.0.0.1", now)
	if KindOf(err) != KindTooManyRequests || err.(*Error).RetryAfter != 20*time.Second {
		t.Fatalf("the fourth request: %v", err)
	}
	if err := l.Allow("10.0.0.2", now); err != nil {
		t.Errorf("another address is limited too: %v", err)
	}
	if err := l.Allow("10.0.0.1", now.Add(15*time.Second)); KindOf(err) != KindTooManyRequests || err.(*Error).RetryAfter != 5*time.Second {
		t.Errorf("15 s later: %v", err)
	}
	if err := l.Allow("10.0.0.1", now.Add(20*time.Second)); err != nil {
		t.Errorf("a token came back after 20 s: %v", err)
	}
	// Tokens do not pile up beyond the burst.
	later := now.Add(time.Hour)
	for i := range 4 {
		err := l.Allow("10.0.0.1", later)
		if (i < 3) != (err == nil) {
			t.Errorf("an hour later, request %d: %v", i+1, err)
		}
	}
}

func TestZeroRateLimitAllowsEverything(t *testing.T) {
	var nilLimiter *RateLimiter
	for _, l := range []*RateLimiter{NewRateLimiter(RateLimit{}), NewRateLimiter(PerMinute(0)), nilLimiter} {
		for range 1000 {
			if err := l.Allow("10.0.0.1", time.Now()); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestRateLimiterForgetsIdleClientsToBoundItsMemory(t *testing.T) {
	l := NewRateLimiter(PerMinute(60))
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	fill := func() {
		clear(l.clients)
		for i := range maxLimitedClients {
			l.Allow(fmt.Sprint(i), now)
		}
	}
	// A minute later every bucket is full again: all are forgotten but the new one.
	fill()
	l.Allow("new", now.Add(time.Minute))
	if len(l.clients) != 1 {
		t.Errorf("%d clients kept after they went idle", len(l.clients))
	}
	// While all are busy, they start afresh rather than grow without bound.
	fill()
	l.Allow("busy", now)
	if len(l.clients) != 1 {
		t.Errorf("%d clients kept", len(l.clients))
	}
}
