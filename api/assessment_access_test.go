package api_test

import "github.com/proper-id/proper/domain"

func init() {
	cohortPath := func(w *world, rest string) string { return "/v1/cohorts/" + w.cohortA.ID.String() + rest }
	// Roles: admin, organizer, organizer of another cohort, coach, mentor,
	// participant, another participant, user with no role, anonymous.
	followsCohort := [9]int{ok, ok, notFound, ok, forbidden, forbidden, forbidden, notFound, unauth}
	rows := map[string]accessCase{
		"get-cohort-progress":    {func(w *world) request { return request{method: "GET", path: cohortPath(w, "/progress")} }, followsCohort},
		"export-cohort-progress": {func(w *world) request { return request{method: "GET", path: cohortPath(w, "/progress.csv?sep=;")} }, followsCohort},
		"list-rubrics":           {func(w *world) request { return request{method: "GET", path: cohortPath(w, "/rubrics")} }, followsCohort},
		"replace-rubric": {func(w *world) request {
			return request{method: "PUT", path: cohortPath(w, "/rubrics/final"), body: map[string]any{"criteria": []map[string]any{
				{"key": "results", "name": "Capaian", "weight": 60}, {"key": "presentation", "name": "Penyajian", "weight": 40}}}}
		}, [9]int{ok, ok, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}},
		"release-results": {func(w *world) request { return request{method: "POST", path: cohortPath(w, "/results/design/release")} },
			[9]int{noContent, noContent, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}},
		"record-assessment": {func(w *world) request {
			w.setProjectStatus(w.t, domain.ProjectDesignSubmitted)
			return request{method: "POST", path: projectPath(w, "/assessments"), body: designScores(87)}
		}, [9]int{created, forbidden, notFound, forbidden, forbidden, forbidden, notFound, notFound, unauth}},
		"list-assessments": {func(w *world) request { return request{method: "GET", path: projectPath(w, "/assessments")} },
			[9]int{ok, ok, notFound, ok, ok, ok, notFound, notFound, unauth}},
	}
	for op, c := range rows {
		accessMatrix[op] = c
	}
}

// designScores scores every criterion of the PKN II design rubric alike.
func designScores(score float64) map[string]any {
	var scores []map[string]any
	for _, c := range domain.DefaultRubrics([16]byte{}, domain.ProgramPKN2)[0].Criteria {
		scores = append(scores, map[string]any{"criterion": c.Key, "score": score})
	}
	return map[string]any{"seminar": "design", "scores": scores, "comment": "Baik"}
}
