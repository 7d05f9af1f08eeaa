package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/proper-id/proper/persistence/pgtest"
)

// TestWebAppFirstLoadOnSlow4G runs web/e2e/firstload.mjs against this
// binary's `proper serve`: the sign-in page loaded cold in headless Chromium
// throttled to slow 4G must transfer at most 110 kB and paint its first
// content within 1.5 s. The script prints both figures and each request;
// `make test-web` runs it with -v, which shows them.
func TestWebAppFirstLoadOnSlow4G(t *testing.T) {
	runWebScript(t, "e2e/firstload.mjs")
}

// runWebScript runs a browser script of web/e2e against a `proper serve` of
// this binary on a fresh database, with PROPER_BASE_URL set to it, and fails
// t when the script fails; its output goes to the test's log. It skips
// unless the browser tests are turned on.
func runWebScript(t *testing.T, script string) {
	t.Helper()
	if os.Getenv(browserTests) != "1" {
		t.Skip("browser test: run by make test-web (set " + browserTests + "=1)")
	}
	web, err := filepath.Abs("../../web")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(web, "node_modules", "playwright-core")); err != nil {
		t.Fatal("web/node_modules is missing: run web/build.sh (make web) first")
	}

	base, stop := serve(t, map[string]string{"PROPER_DATABASE_URL": pgtest.URL(t), "PROPER_BLOB_URL": "file://" + reachableDir(t)})
	defer stop()

	node := exec.Command("node", script)
	node.Dir = web
	node.Env = append(os.Environ(), "PROPER_BASE_URL="+base)
	out, err := node.CombinedOutput()
	t.Logf("node %s:\n%s", script, out)
	if err != nil {
		t.Fatalf("node %s failed: %v", script, err)
	}
}
