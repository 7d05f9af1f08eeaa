package persistence

import (
	"os"

	"golang.org/x/sys/unix"
)

// setDirectIO turns O_DIRECT on or off for an open file; a file system
// without direct writes refuses to turn it on.
func setDirectIO(f *os.File, on bool) error {
	raw, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var fcntlErr error
	err = raw.Control(func(fd uintptr) {
		flags, err := unix.FcntlInt(fd, unix.F_GETFL, 0)
		if err != nil {
			fcntlErr = err
			return
		}
		if on {
			flags |= unix.O_DIRECT
		} else {
			flags &^= unix.O_DIRECT
		}
		_, fcntlErr = unix.FcntlInt(fd, unix.F_SETFL, flags)
	})
	if err != nil {
		return err
	}
	return fcntlErr
}
