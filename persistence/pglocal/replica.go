package pglocal

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// StartReplica makes a streaming replica of the cluster in dir with
// pg_basebackup (-R writes its connection to the primary) and starts it. It
// shares the primary's password. Close stops it. For tests and for trying
// read replicas on one machine.
func (c *Cluster) StartReplica(ctx context.Context, dir string) (*Cluster, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := c.owner.checkReachable(dir); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "postgres.secret"), []byte(c.password+"\n"), 0o600); err != nil {
		return nil, err
	}
	r := &Cluster{opts: Options{Dir: dir, Ephemeral: c.opts.Ephemeral, Logger: c.opts.Logger}, bins: c.bins, owner: c.owner, password: c.password}
	for _, d := range []string{r.Dir(), r.path("postgres-run")} {
		if err := r.owner.makePrivateDir(d); err != nil {
			return nil, err
		}
	}
	if out, err := r.command(ctx, "pg_basebackup", "--pgdata="+r.Dir(), "--write-recovery-conf", "--wal-method=stream",
		"--checkpoint=fast", "--dbname="+c.URL("postgres")).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pg_basebackup: %w: %s", err, bytes.TrimSpace(out))
	}
	os.Remove(filepath.Join(r.Dir(), "postmaster.pid"))
	if err := r.startServer(ctx); err != nil {
		return nil, err
	}
	r.started = true
	if r.users, err = lockFile(ctx, r.path("postgres.users"), shared); err != nil {
		return nil, err
	}
	return r, nil
}
