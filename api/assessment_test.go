package api_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/proper-id/proper/domain"
)

func TestBadScoresAreRefusedNamingThem(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectDesignSubmitted)
	w.sessionFor(t, w.project(), domain.SeminarDesign)
	body := designScores(80)
	scores := body["scores"].([]map[string]any)
	body["scores"] = append(scores[1:], map[string]any{"criterion": "charisma", "score": 100})
	res := expect(t, w.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), body), http.StatusUnprocessableEntity)
	locs := res.locations(t)
	if !slices.Contains(locs, "body.scores") || !slices.Contains(locs, "body.scores[4].criterion") {
		t.Fatalf("a missing and an unknown criterion: errors at %v", locs)
	}
	body = designScores(80)
	body["scores"].([]map[string]any)[0]["score"] = 101
	expect(t, w.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), body), http.StatusUnprocessableEntity)
}

func TestARubricIsFixedOnceItsSeminarIsScored(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	path := "/v1/cohorts/" + w.cohortA.ID.String() + "/rubrics/design"
	organizer := w.tokenOf(roleOrganizer)
	bad := map[string]any{"criteria": []map[string]any{{"key": "a", "name": "A", "weight": 50}, {"key": "b", "name": "B", "weight": 40}}}
	res := expect(t, w.do(request{method: http.MethodPut, path: path, token: organizer, body: bad}), http.StatusUnprocessableEntity)
	if locs := res.locations(t); !slices.Contains(locs, "body.criteria") {
		t.Fatalf("errors at %v", locs)
	}
	w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectDesignSubmitted)
	w.sessionFor(t, w.project(), domain.SeminarDesign)
	expect(t, w.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), designScores(80)), http.StatusCreated)
	good := map[string]any{"criteria": []map[string]any{{"key": "a", "name": "A", "weight": 60}, {"key": "b", "name": "B", "weight": 40}}}
	expect(t, w.do(request{method: http.MethodPut, path: path, token: organizer, body: good}), http.StatusConflict)
	expect(t, w.do(request{method: http.MethodPut, path: strings.Replace(path, "design", "final", 1), token: organizer, body: good}), http.StatusOK)
}
