package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/proper-id/proper/persistence/pgtest"
)

// browserTests names the environment variable that turns the browser tests
// on. They need Node.js, web/node_modules and Chromium, so `go test ./...`
// skips them; `make test-web` (part of `make test`) runs them with -v,
// which shows where the screenshots went.
const browserTests = "PROPER_BROWSER_TESTS"

// TestWebAppWholeLoopInABrowser runs web/e2e/loop.mjs: the whole life of a
// change project through the web app in headless Chromium, against this
// binary's `proper serve` on a real database and blob store, with an axe
// check and screenshots of every screen at desktop and phone width.
func TestWebAppWholeLoopInABrowser(t *testing.T) {
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

	env := map[string]string{"PROPER_DATABASE_URL": pgtest.URL(t), "PROPER_BLOB_URL": "file://" + reachableDir(t)}
	const adminEmail, adminPassword = "admin@lan.go.id", "admin-kata-sandi-2026"
	var stdout, stderr syncBuffer
	adminEnv := testEnvironment(env, &stdout, &stderr)
	adminEnv.stdin = strings.NewReader(adminPassword + "\n")
	if code := run(context.Background(), adminEnv, []string{"admin", "create", "--email", adminEmail, "--name", "Admin LAN", "--password-stdin"}); code != 0 {
		t.Fatalf("admin create: %d: %s", code, stderr.String())
	}
	base, stop := serve(t, env)
	defer stop()

	screenshots := filepath.Join(web, "e2e", "screenshots", "loop")
	if err := os.RemoveAll(screenshots); err != nil {
		t.Fatal(err)
	}
	node := exec.Command("node", "e2e/loop.mjs")
	node.Dir = web
	node.Env = append(os.Environ(),
		"PROPER_BASE_URL="+base,
		"PROPER_ADMIN_EMAIL="+adminEmail,
		"PROPER_ADMIN_PASSWORD="+adminPassword,
		"PROPER_SCREENSHOTS="+screenshots,
	)
	out, err := node.CombinedOutput()
	t.Logf("node e2e/loop.mjs:\n%s", out)
	if err != nil {
		t.Fatalf("the browser loop failed: %v (screenshots so far in %s)", err, screenshots)
	}
	t.Logf("screenshots of every screen at desktop and phone width: %s", screenshots)
}
