package api_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/openapi/client"
)

func init() {
	accessMatrix["list-my-assessments"] = accessCase{func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.ListMyAssessmentsWithResponse(ctx, w.cohortA.ID))
	}, [9]int{ok, forbidden, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}}
	moreAccess["list-my-assessments"] = [3]int{forbidden, forbidden, ok}
}

// The examiner's list of a cohort's projects shows what they already
// scored from one call for the whole cohort, not one per project.
func TestAnExaminerReadsWhatTheyScoredInTheCohortInOneCall(t *testing.T) {
	w := newWorld(t)
	e := w.enrollInNewCohort(t)
	w.bringTo(t, e.ProjectID, domain.ProjectDesignSubmitted)
	w.sessionFor(t, e.ProjectID, domain.SeminarDesign)
	token := w.token(w.examiner.ID)
	path := "/v1/cohorts/" + e.CohortID.String() + "/my-assessments"
	var mine struct {
		Items []struct {
			ProjectID  string  `json:"projectId"`
			Seminar    string  `json:"seminar"`
			ExaminerID string  `json:"examinerId"`
			Total      float64 `json:"total"`
		} `json:"items"`
	}
	expect(t, w.get(path, token), http.StatusOK).decode(t, &mine)
	if len(mine.Items) != 0 {
		t.Fatalf("before scoring: %+v", mine.Items)
	}
	var scores []domain.Score
	for _, c := range domain.DefaultRubrics(uuid.Nil, domain.ProgramPKN2)[0].Criteria {
		scores = append(scores, domain.Score{Criterion: c.Key, Score: 81})
	}
	if _, err := w.projects().RecordAssessment(context.Background(), w.actor(w.examiner), e.ProjectID, domain.SeminarDesign, scores, ""); err != nil {
		t.Fatal(err)
	}
	expect(t, w.get(path, token), http.StatusOK).decode(t, &mine)
	if len(mine.Items) != 1 || mine.Items[0].ProjectID != e.ProjectID.String() || mine.Items[0].Seminar != "design" || mine.Items[0].ExaminerID != w.examiner.ID.String() {
		t.Errorf("after scoring the design: %+v", mine.Items)
	}
}
