package domain

import (
	"context"

	"github.com/google/uuid"
)

// MyAssessments returns the assessments the actor recorded in a cohort,
// oldest first (rescorings included, each naming what it replaces): what an
// examiner already scored, for their list of the cohort's projects, in one
// call instead of one list-assessments per project. Those who may assess the
// cohort's projects may read it; others of the cohort are refused (403),
// those outside it do not see it (404).
func (s *Cohorts) MyAssessments(ctx context.Context, actor *Actor, cohortID uuid.UUID) ([]Assessment, error) {
	target := Target{CohortID: cohortID}
	if err := Authorize(actor, ReadCohort, target); err != nil {
		return nil, err // 404 for those outside the cohort
	}
	if err := Authorize(actor, AssessProject, target); err != nil {
		return nil, Fail(KindForbidden, CodeForbidden) // in the cohort, but not its examiner
	}
	return s.store.Assessments().ByExaminer(ctx, cohortID, actor.UserID)
}
