package api_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/proper-id/proper/domain"
)

func TestTheProjectCarriesItsDesignsLastReturnForTheNextRoundsReview(t *testing.T) {
	w := newWorld(t)
	w.draftDesign(t)
	ctx := context.Background()
	token := w.token(w.mentor.ID)
	path := "/v1/projects/" + w.project().String()

	var before struct {
		LastDesignReturn *struct{} `json:"lastDesignReturn"`
	}
	expect(t, w.get(path, token), http.StatusOK).decode(t, &before)
	if before.LastDesignReturn != nil {
		t.Fatalf("a design never returned has a last return")
	}

	if _, err := w.projects().SubmitDesign(ctx, w.actor(w.participant), w.project(), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := w.projects().ReviewDesign(ctx, w.actor(w.mentor), w.project(), domain.DesignReturn, "Perjelas indikator keberhasilan"); err != nil {
		t.Fatal(err)
	}
	// The participant submits again: the project's own revision comment is
	// cleared, but the reviewers of round 2 still read round 1's note.
	if _, err := w.projects().SubmitDesign(ctx, w.actor(w.participant), w.project(), nil); err != nil {
		t.Fatal(err)
	}
	var p struct {
		DesignRound      int    `json:"designRound"`
		RevisionComment  string `json:"revisionComment"`
		LastDesignReturn *struct {
			Round        int    `json:"round"`
			ReviewerName string `json:"reviewerName"`
			ReviewerRole string `json:"reviewerRole"`
			Comment      string `json:"comment"`
		} `json:"lastDesignReturn"`
	}
	expect(t, w.get(path, w.token(w.coach.ID)), http.StatusOK).decode(t, &p)
	r := p.LastDesignReturn
	if p.DesignRound != 2 || r == nil || r.Round != 1 || r.Comment != "Perjelas indikator keberhasilan" || r.ReviewerName != w.mentor.Name || r.ReviewerRole != "mentor" {
		t.Errorf("round %d, revision comment %q, last return %+v", p.DesignRound, p.RevisionComment, r)
	}
}
