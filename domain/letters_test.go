package domain

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/google/uuid"
)

// TestTheWebAppRoutesEveryPageLettersLinkTo reads the web app's routes
// (web/src/app.tsx): a letter's link must open a page, not a dead end.
func TestTheWebAppRoutesEveryPageLettersLinkTo(t *testing.T) {
	source, err := os.ReadFile("../web/src/app.tsx")
	if err != nil {
		t.Fatal(err)
	}
	var routes [][]string
	// Routes are ["/pattern", …] entries, or public screens chosen by path === "/path".
	for _, m := range regexp.MustCompile(`\["(/[^"]*)"|path === "(/[^"]*)"`).FindAllStringSubmatch(string(source), -1) {
		routes = append(routes, strings.Split(strings.Trim(m[1]+m[2], "/"), "/"))
	}
	id := uuid.New()
	for _, page := range []string{homePage, activationPage, projectPage(id), designReviewPage(id), transferPage(id)} {
		got := strings.Split(strings.Trim(page, "/"), "/")
		routed := false
		for _, r := range routes {
			if len(r) != len(got) {
				continue
			}
			routed = true
			for i := range r {
				if r[i] != got[i] && !strings.HasPrefix(r[i], ":") {
					routed = false
					break
				}
			}
			if routed {
				break
			}
		}
		if !routed {
			t.Errorf("letters link to %s, which the web app does not route", page)
		}
	}
}
