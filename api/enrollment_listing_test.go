package api_test

import (
	"net/http"
	"testing"

	"github.com/proper-id/proper/domain"
)

// A mentor's home lists their mentees with the name, title and status of
// each from the one list of the cohort's enrollments (no call per mentee).
func TestAMentorsListOfEnrollmentsNamesEachMenteeAndTheirProject(t *testing.T) {
	w := newWorld(t)
	w.draftDesign(t) // titles the project
	var list struct {
		Items []struct {
			ParticipantID       string `json:"participantId"`
			MentorID            string `json:"mentorId"`
			ProjectID           string `json:"projectId"`
			ParticipantName     string `json:"participantName"`
			ParticipantSortName string `json:"participantSortName"`
			ProjectTitle        string `json:"projectTitle"`
			ProjectStatus       string `json:"projectStatus"`
		} `json:"items"`
	}
	expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/enrollments?limit=200", w.token(w.mentor.ID)), http.StatusOK).decode(t, &list)
	found := false
	for _, e := range list.Items {
		if e.ParticipantID != w.participant.ID.String() {
			continue
		}
		found = true
		if e.ParticipantName != w.participant.Name || e.ParticipantSortName != domain.SortName(w.participant.Name) ||
			e.ProjectTitle != "Antrean Daring Adminduk" || e.ProjectStatus != "draft" || e.ProjectID != w.project().String() {
			t.Errorf("the mentee's enrollment lists %+v", e)
		}
	}
	if !found {
		t.Fatalf("the mentor's list has no enrollment of their mentee: %+v", list.Items)
	}
	// The same on a single read, once the project moves on.
	w.bringProjectTo(t, domain.ProjectImplementing)
	var one struct {
		ProjectStatus string `json:"projectStatus"`
	}
	expect(t, w.get("/v1/enrollments/"+w.enrollment.ID.String(), w.token(w.mentor.ID)), http.StatusOK).decode(t, &one)
	if one.ProjectStatus != "implementing" {
		t.Errorf("get-enrollment says the project is %q, want implementing", one.ProjectStatus)
	}
}
