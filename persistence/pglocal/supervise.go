package pglocal

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Supervision says how a process watches the server of the cluster it uses
// and starts it again when it stops without being asked to: killed (by the
// kernel's out-of-memory killer, by hand) or crashed.
type Supervision struct {
	// Every is how often the supervisor checks that the server runs.
	Every time.Duration
	// FirstBackoff is how long the supervisor waits after a failed restart
	// before trying again; the wait doubles after each failure, up to
	// MaxBackoff.
	FirstBackoff time.Duration
	// MaxBackoff is the longest wait between two restarts.
	MaxBackoff time.Duration
}

// DefaultSupervision checks every second and, while restarting fails,
// tries again after 1 s, 2 s, 4 s, … and then every 30 s.
var DefaultSupervision = Supervision{Every: time.Second, FirstBackoff: time.Second, MaxBackoff: 30 * time.Second}

// withDefaults fills the fields left zero from DefaultSupervision.
func (s Supervision) withDefaults() Supervision {
	if s.Every <= 0 {
		s.Every = DefaultSupervision.Every
	}
	if s.FirstBackoff <= 0 {
		s.FirstBackoff = DefaultSupervision.FirstBackoff
	}
	if s.MaxBackoff < s.FirstBackoff {
		s.MaxBackoff = max(s.FirstBackoff, DefaultSupervision.MaxBackoff)
	}
	return s
}

// startSupervisor watches the server until stopSupervisor. It runs only
// while this process holds its share of postgres.users, so no other
// process's Close stops the server meanwhile: a server found gone was
// killed or crashed, never stopped on purpose, and is started again.
func (c *Cluster) startSupervisor(s Supervision) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	c.stopSupervising = func() { cancel(); <-done }
	go func() {
		defer close(done)
		c.supervise(ctx, s.withDefaults())
	}()
}

// stopSupervisor stops the supervisor, if any, and waits until it no longer
// runs: after it, nothing restarts the server that Close is about to stop.
func (c *Cluster) stopSupervisor() {
	if c.stopSupervising != nil {
		c.stopSupervising()
		c.stopSupervising = nil
	}
}

// supervise checks the server every s.Every and restarts it when it is
// gone, until ctx ends.
func (c *Cluster) supervise(ctx context.Context, s Supervision) {
	ticker := time.NewTicker(s.Every)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		if gone := c.serverGone(); gone != nil {
			c.restart(ctx, s, gone)
		}
	}
}

// restart starts the server again, waiting longer after each failed
// attempt, until it runs or ctx ends. cause is why it is restarted.
func (c *Cluster) restart(ctx context.Context, s Supervision, cause error) {
	wait := s.FirstBackoff
	for attempt := 1; ; attempt++ {
		err := c.restartOnce(ctx, attempt, cause)
		if err == nil || ctx.Err() != nil {
			return
		}
		c.opts.Logger.Error("restart private PostgreSQL failed", "dir", c.Dir(), "attempt", attempt, "error", err.Error(), "retry_in", wait.String())
		cause = err
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(2*wait, s.MaxBackoff)
	}
}

// restartOnce starts the server, under the lock that guards starts and
// stops, unless another process sharing the cluster did it first.
func (c *Cluster) restartOnce(ctx context.Context, attempt int, cause error) error {
	mutex, err := lockFile(ctx, c.path("postgres.lock"), exclusive)
	if err != nil {
		return err
	}
	defer mutex.Close()
	if c.serverGone() == nil {
		c.opts.Logger.Info("private PostgreSQL runs again, started by another process", "dir", c.Dir())
		return nil
	}
	c.opts.Logger.Warn("restarting private PostgreSQL", "dir", c.Dir(), "attempt", attempt, "error", cause.Error())
	if err := c.startServer(ctx); err != nil {
		return err
	}
	c.opts.Logger.Info("restarted private PostgreSQL", "dir", c.Dir(), "attempt", attempt)
	return nil
}

// serverGone returns why the server is not running, or nil when it runs:
// the process that postmaster.pid names is alive. It reads two small files
// rather than run pg_ctl status, being called every second.
func (c *Cluster) serverGone() error {
	b, err := os.ReadFile(filepath.Join(c.Dir(), "postmaster.pid"))
	if err != nil {
		return fmt.Errorf("the server stopped: %w", err)
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil || pid <= 0 {
		return fmt.Errorf("the server stopped: postmaster.pid names no process: %q", first)
	}
	if !processAlive(pid) {
		return fmt.Errorf("the server stopped: its process %d is gone", pid)
	}
	return nil
}

// processAlive reports whether process pid runs. A zombie (dead, not yet
// reaped by its new parent) does not.
func processAlive(pid int) bool {
	if stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); err == nil {
		// The state follows the command name, which is in parentheses.
		if i := bytes.LastIndexByte(stat, ')'); i >= 0 && i+2 < len(stat) {
			return stat[i+2] != 'Z'
		}
		return true
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
