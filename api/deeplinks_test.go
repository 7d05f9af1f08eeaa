package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/proper-id/proper/domain"
)

// TestEmailsLinkStraightToThePageTheyAreAbout: with the installation's
// address known, a busy mentor opens the design to review in one tap, and
// the participant their project.
func TestEmailsLinkStraightToThePageTheyAreAbout(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.draftDesign(t)
	c := w.clockedWith(t, newClock(time.Now()), domain.Options{Mail: true, PublicURL: "https://proper.bpsdm.jatimprov.go.id/"})
	expect(t, c.post(projectPath(w, "/design/submit"), w.tokenOf(roleParticipant), nil), http.StatusOK)
	expect(t, c.post(projectPath(w, "/design/reviews"), w.tokenOf(roleMentor), map[string]string{"decision": "return", "comment": "Perjelas indikator"}),
		http.StatusOK)
	want := map[string]string{
		w.mentor.Email:      "https://proper.bpsdm.jatimprov.go.id/telaah/rancangan/" + w.project().String(),
		w.coach.Email:       "https://proper.bpsdm.jatimprov.go.id/telaah/rancangan/" + w.project().String(),
		w.participant.Email: "https://proper.bpsdm.jatimprov.go.id/proyek/" + w.project().String(),
	}
	mails := w.outbox(t)
	if len(mails) != 3 {
		t.Fatalf("the outbox holds %+v", mails)
	}
	for _, m := range mails {
		if link := want[m.ToAddress]; !strings.Contains(m.Body, "Buka langsung: "+link+"\n") {
			t.Errorf("the mail to %s does not link to %s:\n%s", m.ToAddress, link, m.Body)
		}
	}
}
