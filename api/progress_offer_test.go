package api_test

import (
	"net/http"
	"slices"
	"testing"
)

// Progress rows say what the caller may do on each project from the
// dashboard, as every resource does: the participant's coach writes
// coaching notes; an organizer, who follows the cohort, does not.
func TestProgressRowsOfferWhatTheCallerMayDoOnEachProject(t *testing.T) {
	w := newWorld(t)
	rows := func(token string) map[string][]string {
		t.Helper()
		var page struct {
			Items []struct {
				ProjectID      string   `json:"projectId"`
				Actions        []string `json:"actions"`
				RefusedActions []any    `json:"refusedActions"`
			} `json:"items"`
		}
		expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/progress", token), http.StatusOK).decode(t, &page)
		out := map[string][]string{}
		for _, r := range page.Items {
			if r.Actions == nil || r.RefusedActions == nil {
				t.Errorf("row %s has no actions or refusedActions", r.ProjectID)
			}
			out[r.ProjectID] = r.Actions
		}
		return out
	}
	project := w.project().String()
	coach := rows(w.token(w.coach.ID))[project]
	if !slices.Contains(coach, "add-coaching-note") || !slices.Contains(coach, "list-coaching-notes") {
		t.Errorf("the coach's row offers %v, want the coaching notes", coach)
	}
	if organizer := rows(w.token(w.organizer.ID))[project]; slices.Contains(organizer, "add-coaching-note") {
		t.Errorf("the organizer's row offers %v: only the coach writes coaching notes", organizer)
	}
}
