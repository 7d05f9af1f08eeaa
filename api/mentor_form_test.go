package api_test

import (
	"net/http"
	"slices"
	"testing"
)

// TestAnEmptyMentorProposalMarksTheFieldTheFormShows: the participant's
// form asks for an e-mail address, the organizer's for a chosen account;
// sent empty, the problem names both fields, so whichever form sent it marks
// its field.
func TestAnEmptyMentorProposalMarksTheFieldTheFormShows(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for _, body := range []map[string]string{{"mentorEmail": ""}, {}} {
		locations := expect(t, proposeMentor(w, body), http.StatusUnprocessableEntity).locations(t)
		if !slices.Contains(locations, "body.mentorEmail") || !slices.Contains(locations, "body.mentorId") {
			t.Errorf("proposing %v names %v, want body.mentorEmail and body.mentorId", body, locations)
		}
	}
}
