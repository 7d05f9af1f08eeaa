package domain

import (
	"testing"
	"time"
)

func TestOnlyACompletedProjectClosesItsShortTermMilestones(t *testing.T) {
	for _, status := range []ProjectStatus{ProjectDraft, ProjectDesignApproved, ProjectImplementing, ProjectFinalSubmitted, ProjectCompleted} {
		for _, h := range []Horizon{HorizonShort, HorizonMid, HorizonLong} {
			p := Project{Status: status}
			closed := p.checkHorizonOpen(h) != nil
			if want := status == ProjectCompleted && h == HorizonShort; closed != want {
				t.Errorf("%s project, %s-term milestone: closed %v, want %v", status, h, closed, want)
			}
		}
	}
}

func TestCohortResponseDeadlineIsValidated(t *testing.T) {
	plan := CohortPlan{Program: "pkn2", Code: "X", Name: "X", StartsOn: NewDate(2026, 1, 1), EndsOn: NewDate(2026, 6, 1)}
	c, err := newCohort(plan, LANTemplate(ProgramPKN2), time.Now())
	if err != nil || c.ResponseDeadlineDays != DefaultResponseDeadlineDays {
		t.Fatalf("a cohort without a deadline: %d days, %v", c.ResponseDeadlineDays, err)
	}
	for _, days := range []int{0, -1, MaxResponseDeadlineDays + 1} {
		if err := c.apply(CohortChanges{ResponseDeadlineDays: &days}); KindOf(err) != KindInvalid || err.(*Error).Fields[0].Field != "responseDeadlineDays" {
			t.Errorf("%d days: %v, want the field named", days, err)
		}
	}
}
