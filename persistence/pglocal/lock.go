package pglocal

import (
	"context"
	"fmt"
	"os"
	"syscall"
	"time"
)

type lockMode int

const (
	shared    lockMode = syscall.LOCK_SH
	exclusive lockMode = syscall.LOCK_EX
)

// lockFile opens name and takes an flock on it, waiting until ctx ends. The
// lock is released when the returned file is closed, or when the process
// dies, so a crashed Proper never leaves the cluster locked.
func lockFile(ctx context.Context, name string, mode lockMode) (*os.File, error) {
	for {
		f, err := tryLockFile(name, mode)
		if err == nil {
			return f, nil
		}
		if err != syscall.EWOULDBLOCK {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("wait for lock %s: %w", name, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// tryLockFile is lockFile without waiting: it returns syscall.EWOULDBLOCK
// when another holder has the lock.
func tryLockFile(name string, mode lockMode) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), int(mode)|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
