package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

// myAssessmentsOutput lists the caller's own assessments in a cohort.
type myAssessmentsOutput struct {
	Body struct {
		Items []Assessment `json:"items" doc:"Your assessments in the cohort, oldest first, rescorings included (each names what it replaces); the latest of each project and seminar is what stands."`
	}
}

// registerMyAssessments registers list-my-assessments: what an examiner
// already scored in a cohort, so that their list of its projects takes two
// calls (get-cohort-progress and this) instead of one per project.
func registerMyAssessments(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "list-my-assessments", Method: http.MethodGet, Path: "/cohorts/{cohortId}/my-assessments",
		Summary: "List what I scored in a cohort", Tags: []string{"assessment"}, Security: signedIn,
		Description: "Returns the assessments you recorded in the cohort's projects, oldest first, for the examiner's list of its projects. " +
			"Not paged: a cohort's projects times its two seminars, with rescorings. Examiners of the cohort may do this.",
		Errors: []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound},
	}, func(ctx context.Context, in *CohortPath) (*myAssessmentsOutput, error) {
		list, err := s.Cohorts.MyAssessments(ctx, actorOf(ctx), in.CohortID)
		if err != nil {
			return nil, err
		}
		out := &myAssessmentsOutput{}
		out.Body.Items = make([]Assessment, len(list))
		for i, a := range list {
			out.Body.Items[i] = newAssessment(a)
		}
		return out, nil
	})
}
