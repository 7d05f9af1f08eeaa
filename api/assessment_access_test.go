package api_test

import (
	"context"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/openapi/client"
)

func init() {
	// Roles: admin, organizer, organizer of another cohort, coach, mentor,
	// participant, another participant, user with no role, anonymous.
	followsCohort := [9]int{ok, ok, notFound, ok, forbidden, forbidden, forbidden, notFound, unauth}
	rows := map[string]accessCase{
		"get-cohort-progress": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.GetCohortProgressWithResponse(ctx, w.cohortA.ID, nil))
		}, followsCohort},
		"export-cohort-progress": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ExportCohortProgressWithResponse(ctx, w.cohortA.ID, &client.ExportCohortProgressParams{Sep: ptr(";")}))
		}, followsCohort},
		"list-rubrics": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListRubricsWithResponse(ctx, w.cohortA.ID))
		}, followsCohort},
		"replace-rubric": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ReplaceRubricWithResponse(ctx, w.cohortA.ID, client.ReplaceRubricParamsSeminarFinal, client.RubricReplace{Criteria: []client.Criterion{
				{Key: "results", Name: "Capaian", Weight: 60}, {Key: "presentation", Name: "Penyajian", Weight: 40}}}))
		}, [9]int{ok, ok, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}},
		"release-results": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ReleaseResultsWithResponse(ctx, w.cohortA.ID, client.ReleaseResultsParamsSeminarDesign))
		}, [9]int{noContent, noContent, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}},
		"list-assessments": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListAssessmentsWithResponse(ctx, w.project()))
		}, [9]int{ok, ok, notFound, ok, ok, ok, notFound, notFound, unauth}},
	}
	for op, c := range rows {
		accessMatrix[op] = c
	}
}

// designAssessment is designScores as the generated client sends it.
func designAssessment(score float64) client.AssessmentCreate {
	var scores []client.ScoreBody
	for _, c := range domain.DefaultRubrics([16]byte{}, domain.ProgramPKN2)[0].Criteria {
		scores = append(scores, client.ScoreBody{Criterion: c.Key, Score: score})
	}
	return client.AssessmentCreate{Seminar: client.AssessmentCreateSeminarDesign, Scores: scores, Comment: ptr("Baik")}
}

// designScores scores every criterion of the PKN II design rubric alike.
func designScores(score float64) map[string]any {
	var scores []map[string]any
	for _, c := range domain.DefaultRubrics([16]byte{}, domain.ProgramPKN2)[0].Criteria {
		scores = append(scores, map[string]any{"criterion": c.Key, "score": score})
	}
	return map[string]any{"seminar": "design", "scores": scores, "comment": "Baik"}
}
