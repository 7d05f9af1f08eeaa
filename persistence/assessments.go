package persistence

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

type criterionValue struct {
	Key    string `json:"key"`
	Name   string `json:"name"`
	Weight int    `json:"weight"`
}

type scoreValue struct {
	Criterion string  `json:"criterion"`
	Score     float64 `json:"score"`
}

type rubricRow struct {
	bun.BaseModel `bun:"table:rubrics"`

	CohortID uuid.UUID        `bun:"cohort_id,pk,type:uuid"`
	Seminar  string           `bun:"seminar,pk"`
	Criteria []criterionValue `bun:"criteria,type:jsonb"`
}

type assessmentRow struct {
	bun.BaseModel `bun:"table:assessments,alias:a"`

	ID           uuid.UUID    `bun:"id,pk,type:uuid"`
	ProjectID    uuid.UUID    `bun:"project_id,type:uuid"`
	CohortID     uuid.UUID    `bun:"cohort_id,type:uuid"`
	Seminar      string       `bun:"seminar"`
	ExaminerID   uuid.UUID    `bun:"examiner_id,type:uuid"`
	Scores       []scoreValue `bun:"scores,type:jsonb"`
	Comment      string       `bun:"comment"`
	Total        float64      `bun:"total"`
	Predicate    string       `bun:"predicate"`
	CreatedAt    time.Time    `bun:"created_at"`
	SessionID    *uuid.UUID   `bun:"session_id,type:uuid"`
	Replaces     *uuid.UUID   `bun:"replaces,type:uuid"`
	Reason       string       `bun:"reason"`
	ExaminerName string       `bun:"examiner_name,scanonly"`
}

// AssessmentStore implements domain.AssessmentStore.
type AssessmentStore struct{ db bun.IDB }

var _ domain.AssessmentStore = (*AssessmentStore)(nil)

// Rubrics returns a cohort's rubrics, design first.
func (s *AssessmentStore) Rubrics(ctx context.Context, cohort uuid.UUID) ([]domain.Rubric, error) {
	var rows []rubricRow
	if err := s.db.NewSelect().Model(&rows).Where("cohort_id = ?", cohort).Order("seminar").Scan(ctx); err != nil {
		return nil, dbError(err)
	}
	out := make([]domain.Rubric, len(rows))
	for i, r := range rows {
		out[i] = domain.Rubric{CohortID: r.CohortID, Seminar: domain.Seminar(r.Seminar), Criteria: make([]domain.Criterion, len(r.Criteria))}
		for j, c := range r.Criteria {
			out[i].Criteria[j] = domain.Criterion{Key: c.Key, Name: c.Name, Weight: c.Weight}
		}
	}
	return out, nil
}

// SaveRubric creates or replaces a rubric.
func (s *AssessmentStore) SaveRubric(ctx context.Context, r domain.Rubric) error {
	row := rubricRow{CohortID: r.CohortID, Seminar: string(r.Seminar), Criteria: make([]criterionValue, len(r.Criteria))}
	for i, c := range r.Criteria {
		row.Criteria[i] = criterionValue{Key: c.Key, Name: c.Name, Weight: c.Weight}
	}
	_, err := s.db.NewInsert().Model(&row).On("CONFLICT (cohort_id, seminar) DO UPDATE").Set("criteria = EXCLUDED.criteria").Exec(ctx)
	return dbError(err)
}

// Create inserts an assessment.
func (s *AssessmentStore) Create(ctx context.Context, a domain.Assessment) error {
	row := assessmentRow{ID: a.ID, ProjectID: a.ProjectID, CohortID: a.CohortID, Seminar: string(a.Seminar), ExaminerID: a.ExaminerID,
		Scores: make([]scoreValue, len(a.Scores)), Comment: a.Comment, Total: a.Total, Predicate: string(a.Predicate), CreatedAt: a.At,
		SessionID: a.SessionID, Replaces: a.Replaces, Reason: a.Reason}
	for i, sc := range a.Scores {
		row.Scores[i] = scoreValue{Criterion: sc.Criterion, Score: sc.Score}
	}
	_, err := s.db.NewInsert().Model(&row).Exec(ctx)
	return dbError(err)
}

// OfProject returns a project's assessments with their examiners' names, oldest first.
func (s *AssessmentStore) OfProject(ctx context.Context, project uuid.UUID) ([]domain.Assessment, error) {
	var rows []assessmentRow
	err := preparedScan(ctx, s.db, assessmentsOfProject, &rows, project)
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

// assessmentsOfProject reads a project's ($1) assessments, oldest first,
// with their examiners' names. Every get-project runs it (the results the
// reader may see), so it is a prepared statement (preparedScan).
var assessmentsOfProject = formatted(func(db *bun.DB) *bun.SelectQuery {
	return db.NewSelect().Model((*assessmentRow)(nil)).ColumnExpr("a.*, u.name AS examiner_name").Join("JOIN users AS u ON u.id = a.examiner_id").
		Where("a.project_id = $1").OrderExpr("a.created_at, a.id")
})

// Recorded reports whether a seminar of the cohort has assessments.
func (s *AssessmentStore) Recorded(ctx context.Context, cohort uuid.UUID, seminar domain.Seminar) (bool, error) {
	ok, err := s.db.NewSelect().Model((*assessmentRow)(nil)).Where("cohort_id = ? AND seminar = ?", cohort, string(seminar)).Exists(ctx)
	return ok, dbError(err)
}

// Release records that a seminar's results are released; releasing again changes nothing.
func (s *AssessmentStore) Release(ctx context.Context, cohort uuid.UUID, seminar domain.Seminar, by uuid.UUID, at time.Time) error {
	_, err := s.db.NewRaw(`INSERT INTO result_releases (cohort_id, seminar, released_by, released_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		cohort, string(seminar), by, at).Exec(ctx)
	return dbError(err)
}

// Released lists the released seminars of a cohort.
func (s *AssessmentStore) Released(ctx context.Context, cohort uuid.UUID) ([]domain.Seminar, error) {
	var seminars []domain.Seminar
	err := s.db.NewRaw(`SELECT seminar FROM result_releases WHERE cohort_id = ?`, cohort).Scan(ctx, &seminars)
	return seminars, dbError(err)
}
