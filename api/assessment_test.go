package api_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/proper-id/proper/domain"
)

func TestExaminersScoreAndParticipantsSeeResultsOnceReleased(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.draftDesign(t)
	expect(t, w.post(projectPath(w, "/design/submit"), w.tokenOf(roleParticipant), nil), http.StatusOK)
	examiner := w.token(w.examiner.ID)

	res := expect(t, w.post(projectPath(w, "/assessments"), examiner, designScores(85.5)), http.StatusCreated)
	if !strings.Contains(string(res.body), `"total":85.5`) || !strings.Contains(string(res.body), `"predicate":"memuaskan"`) {
		t.Fatalf("%s", res.body)
	}
	var list struct{ Items []struct{ Total float64 } }
	expect(t, w.get(projectPath(w, "/assessments"), w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &list)
	if len(list.Items) != 0 {
		t.Fatalf("the participant sees %d assessments before the release", len(list.Items))
	}
	expect(t, w.get(projectPath(w, "/assessments"), w.tokenOf(roleCoach)), http.StatusOK).decode(t, &list)
	if len(list.Items) != 1 {
		t.Fatalf("the coach should see the assessment at once: %+v", list.Items)
	}

	expect(t, w.post("/v1/cohorts/"+w.cohortA.ID.String()+"/results/design/release", w.tokenOf(roleOrganizer), nil), http.StatusNoContent)
	expect(t, w.get(projectPath(w, "/assessments"), w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &list)
	if len(list.Items) != 1 || list.Items[0].Total != 85.5 {
		t.Fatalf("after the release: %+v", list.Items)
	}
	// A second examiner's score makes the result their mean.
	second := w.user("Dr. Rina Penguji Kedua")
	if _, err := w.cohorts().AddStaff(t.Context(), w.admin, w.cohortA.ID, second.ID, domain.StaffExaminer); err != nil {
		t.Fatal(err)
	}
	expect(t, w.post(projectPath(w, "/assessments"), w.token(second.ID), designScores(95)), http.StatusCreated)
	var project struct {
		Results []struct {
			Seminar, Predicate string
			Score              float64
			Examiners          int
		}
	}
	expect(t, w.get(projectPath(w, ""), w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &project)
	if len(project.Results) != 1 || project.Results[0].Score != 90.25 || project.Results[0].Predicate != "sangat_memuaskan" || project.Results[0].Examiners != 2 {
		t.Fatalf("results %+v, want design 90.25 sangat_memuaskan", project.Results)
	}
}

func TestTheFinalAssessmentCompletesTheProject(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectImplementing)
	examiner := w.token(w.examiner.ID)
	var final []map[string]any
	for _, c := range domain.DefaultRubrics(w.cohortA.ID, domain.ProgramPKN2)[1].Criteria {
		final = append(final, map[string]any{"criterion": c.Key, "score": 80})
	}
	body := map[string]any{"seminar": "final", "scores": final}
	expect(t, w.post(projectPath(w, "/assessments"), examiner, body), http.StatusConflict) // no final report yet
	expect(t, w.post(projectPath(w, "/final/submit"), w.tokenOf(roleParticipant), nil), http.StatusOK)
	res := expect(t, w.post(projectPath(w, "/assessments"), examiner, body), http.StatusCreated)
	if !strings.Contains(string(res.body), `"predicate":"cukup_memuaskan"`) {
		t.Fatalf("80 is cukup_memuaskan: %s", res.body)
	}
	if p := w.projectState(t); p.Status != "completed" {
		t.Fatalf("status %s after the final assessment", p.Status)
	}
}

func TestBadScoresAreRefusedNamingThem(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectDesignSubmitted)
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
	expect(t, w.post(projectPath(w, "/assessments"), w.token(w.examiner.ID), designScores(80)), http.StatusCreated)
	good := map[string]any{"criteria": []map[string]any{{"key": "a", "name": "A", "weight": 60}, {"key": "b", "name": "B", "weight": 40}}}
	expect(t, w.do(request{method: http.MethodPut, path: path, token: organizer, body: good}), http.StatusConflict)
	expect(t, w.do(request{method: http.MethodPut, path: strings.Replace(path, "design", "final", 1), token: organizer, body: good}), http.StatusOK)
}
