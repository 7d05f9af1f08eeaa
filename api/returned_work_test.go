package api_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/proper-id/proper/domain"
)

// returnedWork is what the participant's reminders say of their returned
// work: each reminder's kind, title and the reviewer's comment.
func returnedWork(t *testing.T, w *world) map[string]string {
	t.Helper()
	var reminders struct {
		Items []struct{ Kind, Title, Comment string }
	}
	expect(t, w.get("/v1/me/reminders", w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &reminders)
	out := map[string]string{}
	for _, r := range reminders.Items {
		switch r.Kind {
		case "revise_design", "replace_evidence", "rework_milestone":
			out[r.Kind+" "+r.Title] = r.Comment
		}
	}
	return out
}

func TestTheParticipantIsRemindedOfReturnedWorkWithTheReviewersWord(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := context.Background()

	w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectDesignSubmitted)
	w.returnDesign(t, w.currentProject(t, w.project()))
	if got := returnedWork(t, w); len(got) != 1 || got["revise_design Antrean Daring Adminduk"] != "Perjelas indikator" {
		t.Fatalf("after the design came back: %v", got)
	}

	w.bringProjectTo(t, domain.ProjectImplementing) // submitted again and approved: the design is no longer returned
	m, err := w.addMilestone(t, w.project(), domain.MilestonePlan{Horizon: "short", Title: "Sosialisasi",
		DueOn: domain.DateOf(time.Now().AddDate(0, 1, 0))})
	if err != nil {
		t.Fatal(err)
	}
	w.rejectEvidence(t, w.linkEvidence(t, m.ID).ID)
	if got := returnedWork(t, w); len(got) != 1 || got["replace_evidence Berita acara rapat"] != "Belum ditandatangani" {
		t.Fatalf("after the evidence was rejected: %v", got)
	}

	w.linkEvidence(t, m.ID) // newer evidence replaces the rejected one
	w.claimMilestone(t, m.ID)
	if _, err := w.projects().VerifyMilestone(ctx, w.actor(w.mentor), m.ID, domain.VerifyReturn, "Foto kegiatan belum ada", ""); err != nil {
		t.Fatal(err)
	}
	if got := returnedWork(t, w); len(got) != 1 || got["rework_milestone Sosialisasi"] != "Foto kegiatan belum ada" {
		t.Fatalf("after the milestone was returned: %v", got)
	}

	w.claimMilestone(t, m.ID) // claimed again: nothing is returned any more
	if got := returnedWork(t, w); len(got) != 0 {
		t.Fatalf("after the milestone was claimed again: %v", got)
	}
}
