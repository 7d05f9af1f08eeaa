package api_test

import (
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/proper-id/proper/api"
	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
)

// clock is a time the test moves by hand.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock(t time.Time) *clock { return &clock{now: t} }

// Now returns the clock's time.
func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// advance moves the clock on.
func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// clocked is another Proper server on the world's database whose workflow,
// cohort and follow-up services read the test's clock (sign-ins keep the
// real one, so tokens stay valid), and that queues e-mail when mail is set.
type clocked struct {
	*app
	clock     *clock
	projects  *domain.Projects
	cohorts   *domain.Cohorts
	followUps *domain.FollowUps
}

func (w *world) clocked(t testing.TB, c *clock, mail bool) *clocked {
	t.Helper()
	return w.clockedWith(t, c, domain.Options{Mail: mail})
}

// clockedWith is clocked with the services built with options o.
func (w *world) clockedWith(t testing.TB, c *clock, o domain.Options) *clocked {
	t.Helper()
	services := domain.NewServices(persistence.NewStore(w.db), newBlobs(t, w.blobDir), c.Now, o)
	srv := api.New(api.Deps{Logger: slog.New(slog.NewTextHandler(testLog{t}, &slog.HandlerOptions{Level: slog.LevelWarn})),
		Services: &api.Services{Services: services, Idempotency: persistence.NewIdempotencyStore(w.db), Now: time.Now}})
	ts := serve(t, srv.Handler())
	a := *w.app
	a.server = ts
	return &clocked{app: &a, clock: c, projects: services.Projects, cohorts: services.Cohorts, followUps: services.FollowUps}
}
