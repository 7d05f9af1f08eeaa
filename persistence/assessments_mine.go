package persistence

import (
	"context"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// ByExaminer returns the assessments an examiner recorded in a cohort,
// oldest first, with their name, in one query.
func (s *AssessmentStore) ByExaminer(ctx context.Context, cohort, examiner uuid.UUID) ([]domain.Assessment, error) {
	var rows []assessmentRow
	err := s.db.NewSelect().Model(&rows).ColumnExpr("a.*, u.name AS examiner_name").Join("JOIN users AS u ON u.id = a.examiner_id").
		Where("a.cohort_id = ? AND a.examiner_id = ?", cohort, examiner).OrderExpr("a.created_at, a.id").Scan(ctx)
	out := make([]domain.Assessment, len(rows))
	for i, r := range rows {
		out[i] = domain.Assessment{ID: r.ID, ProjectID: r.ProjectID, CohortID: r.CohortID, Seminar: domain.Seminar(r.Seminar),
			ExaminerID: r.ExaminerID, ExaminerName: r.ExaminerName, Scores: make([]domain.Score, len(r.Scores)), Comment: r.Comment,
			Total: r.Total, Predicate: domain.Predicate(r.Predicate), At: r.CreatedAt.UTC(),
			SessionID: r.SessionID, Replaces: r.Replaces, Reason: r.Reason}
		for j, sc := range r.Scores {
			out[i].Scores[j] = domain.Score{Criterion: sc.Criterion, Score: sc.Score}
		}
	}
	return out, dbError(err)
}
