package domain_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// rawStatusUpdate matches an SQL UPDATE that sets a status column.
var rawStatusUpdate = regexp.MustCompile("(?i)update\\s+\\w+\\s+set[^`\"]*\\bstatus\\s*=")

// TestNoTestWritesAStatusWithRawSQL keeps every test of the module reaching
// its states through the domain's calls: a status written straight into the
// database can arrange what the workflow forbids, and a test built on it
// proves nothing about the workflow.
func TestNoTestWritesAStatusWithRawSQL(t *testing.T) {
	root := moduleRoot(t)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, loc := range rawStatusUpdate.FindAllIndex(src, -1) {
			line := 1 + strings.Count(string(src[:loc[0]]), "\n")
			rel, _ := filepath.Rel(root, path)
			t.Errorf("%s:%d writes a status with raw SQL (%q): reach the state through the domain instead", rel, line, src[loc[0]:loc[1]])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// moduleRoot is the directory of go.mod above the test's directory.
func moduleRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}
