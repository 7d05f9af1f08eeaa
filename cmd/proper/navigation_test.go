package main

import "testing"

// TestWebAppNavigationFocusesAndAnnouncesEachPage runs web/e2e/navigation.mjs
// against this binary's `proper serve`: following a link or going Back puts
// focus on the new page's heading and announces it in a live region, and at
// phone width every button, field and link drawn as a button is at least
// 44 px high.
func TestWebAppNavigationFocusesAndAnnouncesEachPage(t *testing.T) {
	runWebScript(t, "e2e/navigation.mjs")
}
