package domain

import (
	"context"
	"math"

	"github.com/google/uuid"
)

// Progress is how far the project is in what the training assesses: its
// achieved short-term milestones as a percentage of all its short-term
// milestones, rounded to the nearest whole number; 0 without any.
func (r ProgressRow) Progress() int {
	if r.Short.Total == 0 {
		return 0
	}
	return int(math.Round(float64(r.Short.Achieved) * 100 / float64(r.Short.Total)))
}

// ProgressTotals sums up a cohort's progress rows.
type ProgressTotals struct {
	Participants int
	ByStatus     map[ProjectStatus]int
	// MeanProgress is the mean of the participants' progress, to one decimal.
	MeanProgress float64
	// Overdue counts overdue milestones of all horizons.
	Overdue int
}

// SummarizeProgress computes the totals of progress rows.
func SummarizeProgress(rows []ProgressRow) ProgressTotals {
	t := ProgressTotals{Participants: len(rows), ByStatus: map[ProjectStatus]int{}}
	sum := 0
	for _, r := range rows {
		t.ByStatus[r.ProjectStatus]++
		sum += r.Progress()
		t.Overdue += r.Short.Overdue + r.Mid.Overdue + r.Long.Overdue
	}
	if len(rows) > 0 {
		t.MeanProgress = math.Round(float64(sum)/float64(len(rows))*10) / 10
	}
	return t
}

// ProgressSorts are the orders a cohort's progress can be listed in.
var ProgressSorts = []string{"name", "progress", "lastActivityAt"}

// CohortProgress calls each with the progress of every participant the
// actor may follow in the cohort (a coach: those they coach), from one
// database query. It is the one source of both the dashboard and its CSV.
func (s *Cohorts) CohortProgress(ctx context.Context, actor *Actor, q ProgressQuery, each func(ProgressRow) error) error {
	if err := Authorize(actor, ReadProgress, Target{CohortID: q.Cohort}); err != nil {
		return err
	}
	if q.Status != "" && !validProjectStatus(q.Status) {
		return Invalid("query.status", CodeQueryProjectStatus)
	}
	if err := CheckClassFilter(ctx, s.store, q.Cohort, q.ClassID); err != nil {
		return err
	}
	q.Today = DateOf(s.now())
	q.CoachedBy = ProgressScope(actor, q.Cohort)
	return s.store.Progress().Progress(ctx, q, func(r ProgressRow) error {
		r.ProjectStatus = EffectiveStatus(r.ProjectStatus, r.ImplementationStartsOn, q.Today)
		if q.Status != "" && r.ProjectStatus != q.Status {
			return nil
		}
		offerProgressRow(actor, Cohort{ID: q.Cohort}, &r)
		return each(r)
	})
}

func validProjectStatus(s ProjectStatus) bool {
	switch s {
	case ProjectDraft, ProjectDesignSubmitted, ProjectDesignApproved, ProjectImplementing, ProjectFinalSubmitted, ProjectCompleted:
		return true
	}
	return false
}

// CohortCode returns the code of a cohort the actor may follow, for naming
// an export of its progress.
func (s *Cohorts) CohortCode(ctx context.Context, actor *Actor, cohort uuid.UUID) (string, error) {
	if err := Authorize(actor, ReadProgress, Target{CohortID: cohort}); err != nil {
		return "", err
	}
	c, err := s.store.Cohorts().Get(ctx, cohort)
	return c.Code, err
}
