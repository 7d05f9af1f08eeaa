//go:build !linux

package persistence

import (
	"errors"
	"os"
)

// setDirectIO reports that direct writes are not used outside Linux: files
// are written through the cache and synced.
func setDirectIO(*os.File, bool) error {
	return errors.ErrUnsupported
}
