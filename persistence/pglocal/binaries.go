// Package pglocal runs Proper's private PostgreSQL cluster: the embedded
// default used when no database URL is configured, and the server the tests
// run against. It uses the machine's own PostgreSQL server binaries (initdb,
// pg_ctl); nothing is downloaded.
package pglocal

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// ErrNoServerBinaries is returned when initdb and pg_ctl cannot be found. Its
// text is the one line a person needs to fix it.
var ErrNoServerBinaries = errors.New("PostgreSQL server binaries (initdb, pg_ctl) not found: install the server with `apt-get install postgresql`, or pass --database-url")

// debianPostgresRoot is where Debian's postgresql-NN packages put their
// binaries, one folder per major version.
const debianPostgresRoot = "/usr/lib/postgresql"

// Binaries is the folder that holds a PostgreSQL installation's initdb and pg_ctl.
type Binaries struct {
	Dir string
}

// Path returns the absolute path of the named program in the folder.
func (b Binaries) Path(program string) string { return filepath.Join(b.Dir, program) }

// FindBinaries locates the server binaries: first on PATH, then in the folder
// that `pg_config --bindir` names, then in the newest version folder of
// Debian's PostgreSQL packages.
func FindBinaries() (Binaries, error) {
	return findBinaries(os.Getenv("PATH"), debianPostgresRoot)
}

// findBinaries is FindBinaries with the search path and Debian's folder as
// parameters, so that tests can search an empty machine.
func findBinaries(pathList, debianRoot string) (Binaries, error) {
	if initdb, ok := lookPath(pathList, "initdb"); ok {
		if dir, ok := serverDir(filepath.Dir(initdb)); ok {
			return Binaries{Dir: dir}, nil
		}
	}
	if pgConfig, ok := lookPath(pathList, "pg_config"); ok {
		if out, err := exec.Command(pgConfig, "--bindir").Output(); err == nil {
			if dir, ok := serverDir(strings.TrimSpace(string(out))); ok {
				return Binaries{Dir: dir}, nil
			}
		}
	}
	if dir, ok := newestDebianBinDir(debianRoot); ok {
		return Binaries{Dir: dir}, nil
	}
	return Binaries{}, ErrNoServerBinaries
}

// lookPath finds an executable file named program in a PATH-style list.
func lookPath(pathList, program string) (string, bool) {
	for _, dir := range filepath.SplitList(pathList) {
		if dir == "" {
			continue
		}
		candidate := filepath.Join(dir, program)
		if info, err := os.Stat(candidate); err == nil && !info.IsDir() && info.Mode()&0o111 != 0 {
			return candidate, true
		}
	}
	return "", false
}

// serverDir reports whether dir holds both initdb and pg_ctl, resolving a
// folder of symbolic links (as /usr/local/bin may be) to the real one.
func serverDir(dir string) (string, bool) {
	initdb, err := filepath.EvalSymlinks(filepath.Join(dir, "initdb"))
	if err != nil {
		return "", false
	}
	real := filepath.Dir(initdb)
	for _, program := range []string{"initdb", "pg_ctl", "postgres"} {
		if info, err := os.Stat(filepath.Join(real, program)); err != nil || info.IsDir() {
			return "", false
		}
	}
	return real, true
}

// newestDebianBinDir returns root/<highest major version>/bin when it holds
// the server binaries.
func newestDebianBinDir(root string) (string, bool) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return "", false
	}
	var versions []float64
	names := map[float64]string{}
	for _, e := range entries {
		v, err := strconv.ParseFloat(e.Name(), 64)
		if err != nil || !e.IsDir() {
			continue
		}
		versions = append(versions, v)
		names[v] = e.Name()
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(versions)))
	for _, v := range versions {
		if dir, ok := serverDir(filepath.Join(root, names[v], "bin")); ok {
			return dir, true
		}
	}
	return "", false
}
