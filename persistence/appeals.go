package persistence

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// resultValue is a determined result as an appeal keeps it (before/after).
type resultValue struct {
	SessionID    uuid.UUID `json:"sessionId"`
	Score        float64   `json:"score"`
	Predicate    string    `json:"predicate"`
	Examiners    int       `json:"examiners"`
	DeterminedAt time.Time `json:"determinedAt"`
	DeterminedBy uuid.UUID `json:"determinedBy"`
}

type appealRow struct {
	bun.BaseModel `bun:"table:appeals,alias:ap"`

	ID         uuid.UUID    `bun:"id,pk,type:uuid"`
	CohortID   uuid.UUID    `bun:"cohort_id,type:uuid"`
	ProjectID  uuid.UUID    `bun:"project_id,type:uuid"`
	SessionID  uuid.UUID    `bun:"session_id,type:uuid"`
	Seminar    string       `bun:"seminar"`
	Reasons    string       `bun:"reasons"`
	Status     string       `bun:"status"`
	FiledBy    uuid.UUID    `bun:"filed_by,type:uuid"`
	FiledAt    time.Time    `bun:"filed_at"`
	Examiners  []uuid.UUID  `bun:"examiners,type:uuid[],array"`
	AssignedAt *time.Time   `bun:"assigned_at"`
	ClosedAt   *time.Time   `bun:"closed_at"`
	ClosedBy   *uuid.UUID   `bun:"closed_by,type:uuid"`
	Note       string       `bun:"note"`
	Before     *resultValue `bun:"before,type:jsonb"`
	After      *resultValue `bun:"after,type:jsonb"`
	Version    int64        `bun:"version"`
}

func resultOf(r *domain.DeterminedResult) *resultValue {
	if r == nil {
		return nil
	}
	return &resultValue{SessionID: r.SessionID, Score: r.Score, Predicate: string(r.Predicate), Examiners: r.Examiners, DeterminedAt: r.DeterminedAt, DeterminedBy: r.DeterminedBy}
}

func appealFromDomain(a domain.Appeal) appealRow {
	examiners := a.Examiners
	if examiners == nil {
		examiners = []uuid.UUID{}
	}
	return appealRow{ID: a.ID, CohortID: a.CohortID, ProjectID: a.ProjectID, SessionID: a.SessionID, Seminar: string(a.Seminar), Reasons: a.Reasons,
		Status: string(a.Status), FiledBy: a.FiledBy, FiledAt: a.FiledAt, Examiners: examiners, AssignedAt: a.AssignedAt, ClosedAt: a.ClosedAt,
		ClosedBy: a.ClosedBy, Note: a.Note, Before: resultOf(a.Before), After: resultOf(a.After), Version: a.Version}
}

func (r appealRow) toDomain() domain.Appeal {
	result := func(v *resultValue) *domain.DeterminedResult {
		if v == nil {
			return nil
		}
		return &domain.DeterminedResult{ProjectID: r.ProjectID, CohortID: r.CohortID, Seminar: domain.Seminar(r.Seminar), SessionID: v.SessionID,
			Score: v.Score, Predicate: domain.Predicate(v.Predicate), Examiners: v.Examiners, DeterminedAt: v.DeterminedAt.UTC(), DeterminedBy: v.DeterminedBy}
	}
	utc := func(t *time.Time) *time.Time {
		if t == nil {
			return nil
		}
		u := t.UTC()
		return &u
	}
	examiners := r.Examiners
	if examiners == nil {
		examiners = []uuid.UUID{}
	}
	return domain.Appeal{ID: r.ID, CohortID: r.CohortID, ProjectID: r.ProjectID, SessionID: r.SessionID, Seminar: domain.Seminar(r.Seminar),
		Reasons: r.Reasons, Status: domain.AppealStatus(r.Status), FiledBy: r.FiledBy, FiledAt: r.FiledAt.UTC(), Examiners: examiners,
		AssignedAt: utc(r.AssignedAt), ClosedAt: utc(r.ClosedAt), ClosedBy: r.ClosedBy, Note: r.Note, Before: result(r.Before), After: result(r.After),
		Version: r.Version}
}

// ReleasedAt returns when a cohort's seminar results were released.
func (s *SeminarStore) ReleasedAt(ctx context.Context, cohort uuid.UUID, seminar domain.Seminar) (*time.Time, error) {
	var at time.Time
	err := s.db.NewRaw(`SELECT released_at FROM result_releases WHERE cohort_id = ? AND seminar = ?`, cohort, string(seminar)).Scan(ctx, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, dbError(err)
	}
	at = at.UTC()
	return &at, nil
}

// CreateAppeal stores an appeal; a second open one of a project's seminar
// is a conflict (appeals_open_once).
func (s *SeminarStore) CreateAppeal(ctx context.Context, a domain.Appeal) error {
	row := appealFromDomain(a)
	_, err := s.db.NewInsert().Model(&row).Exec(ctx)
	return dbError(err)
}

// UpdateAppeal saves an appeal when its stored version is a.Version-1.
func (s *SeminarStore) UpdateAppeal(ctx context.Context, a domain.Appeal) error {
	row := appealFromDomain(a)
	res, err := s.db.NewUpdate().Model(&row).ExcludeColumn("id", "cohort_id", "project_id", "session_id", "seminar", "filed_by", "filed_at").
		WherePK().Where("version = ?", a.Version-1).Exec(ctx)
	return staleUnlessOne(res, err)
}

// GetAppeal returns an appeal; forUpdate locks it.
func (s *SeminarStore) GetAppeal(ctx context.Context, id uuid.UUID, forUpdate bool) (domain.Appeal, error) {
	var row appealRow
	q := s.db.NewSelect().Model(&row).Where("ap.id = ?", id)
	if forUpdate {
		q = q.For("UPDATE")
	}
	if err := q.Scan(ctx); errors.Is(err, sql.ErrNoRows) {
		return domain.Appeal{}, domain.NotFound("appeal")
	} else if err != nil {
		return domain.Appeal{}, dbError(err)
	}
	return row.toDomain(), nil
}

// OpenAppeal returns the open appeal of a project's seminar.
func (s *SeminarStore) OpenAppeal(ctx context.Context, project uuid.UUID, seminar domain.Seminar) (domain.Appeal, error) {
	var row appealRow
	err := s.db.NewSelect().Model(&row).Where("ap.project_id = ? AND ap.seminar = ? AND ap.status IN (?)", project, string(seminar),
		bun.List([]string{string(domain.AppealFiled), string(domain.AppealAssigned)})).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Appeal{}, domain.NotFound("appeal")
	}
	if err != nil {
		return domain.Appeal{}, dbError(err)
	}
	return row.toDomain(), nil
}

// Appeals returns a cohort's (or one project's) appeals, newest first.
func (s *SeminarStore) Appeals(ctx context.Context, cohort uuid.UUID, project *uuid.UUID) ([]domain.Appeal, error) {
	var rows []appealRow
	q := s.db.NewSelect().Model(&rows).Where("ap.cohort_id = ?", cohort)
	if project != nil {
		q = q.Where("ap.project_id = ?", *project)
	}
	if err := q.Order("ap.filed_at DESC", "ap.id").Scan(ctx); err != nil {
		return nil, dbError(err)
	}
	out := make([]domain.Appeal, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}
