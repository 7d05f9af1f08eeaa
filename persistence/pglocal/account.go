package pglocal

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
)

// serverUser is the system account PostgreSQL runs as when Proper runs as
// root: PostgreSQL refuses to run as root.
const serverUser = "postgres"

// account is the system user that owns and runs the cluster when it is not
// the current user. A nil *account means the current user.
type account struct {
	uid, gid uint32
}

// serverAccount returns the postgres account when running as root, else nil.
func serverAccount() (*account, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup(serverUser)
	if err != nil {
		return nil, fmt.Errorf("running as root needs the %q system user to run PostgreSQL (apt-get install postgresql creates it): %w", serverUser, err)
	}
	uid, _ := strconv.ParseUint(u.Uid, 10, 32)
	gid, _ := strconv.ParseUint(u.Gid, 10, 32)
	return &account{uid: uint32(uid), gid: uint32(gid)}, nil
}

// apply makes cmd run as the account.
func (a *account) apply(cmd *exec.Cmd) {
	if a == nil {
		return
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: a.uid, Gid: a.gid}}
}

// makePrivateDir creates dir with mode 0700, owned by the account.
func (a *account) makePrivateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return err
	}
	return a.chown(dir)
}

// writeFile writes a file that only the account can read.
func (a *account) writeFile(name, content string) error {
	if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
		return err
	}
	return a.chown(name)
}

func (a *account) chown(name string) error {
	if a == nil {
		return nil
	}
	return os.Chown(name, int(a.uid), int(a.gid))
}

// checkReachable makes sure the account can reach dir: every folder above it
// must let others search it, or PostgreSQL fails with a confusing error.
func (a *account) checkReachable(dir string) error {
	if a == nil {
		return nil
	}
	for d := dir; ; d = filepath.Dir(d) {
		info, err := os.Stat(d)
		if err != nil {
			return err
		}
		st, _ := info.Sys().(*syscall.Stat_t)
		ownedByAccount := st != nil && st.Uid == a.uid
		if !ownedByAccount && info.Mode().Perm()&0o001 == 0 {
			return fmt.Errorf("the %s user cannot reach %s (folder %s is not searchable by others): choose a --data-dir outside it, or chmod o+x %s", serverUser, dir, d, d)
		}
		if d == filepath.Dir(d) {
			return nil
		}
	}
}
