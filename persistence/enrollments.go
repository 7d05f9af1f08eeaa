package persistence

import (
	"context"
	"encoding/json"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

type enrollmentRow struct {
	bun.BaseModel `bun:"table:enrollments,alias:e"`

	ID            uuid.UUID  `bun:"id,pk,type:uuid"`
	CohortID      uuid.UUID  `bun:"cohort_id,type:uuid"`
	ParticipantID uuid.UUID  `bun:"participant_id,type:uuid"`
	MentorID      uuid.UUID  `bun:"mentor_id,type:uuid"`
	CoachID       *uuid.UUID `bun:"coach_id,type:uuid"`
	Group         string     `bun:"group_name"`
	Version       int64      `bun:"version"`
	CreatedAt     time.Time  `bun:"created_at"`
	UpdatedAt     time.Time  `bun:"updated_at"`
	ProjectID     uuid.UUID  `bun:"project_id,scanonly"`
}

func enrollmentFromDomain(e domain.Enrollment) enrollmentRow {
	return enrollmentRow{ID: e.ID, CohortID: e.CohortID, ParticipantID: e.ParticipantID, MentorID: e.MentorID, CoachID: e.CoachID,
		Group: e.Group, Version: e.Version, CreatedAt: e.CreatedAt, UpdatedAt: e.UpdatedAt}
}

func (r enrollmentRow) toDomain() domain.Enrollment {
	return domain.Enrollment{ID: r.ID, CohortID: r.CohortID, ParticipantID: r.ParticipantID, MentorID: r.MentorID, CoachID: r.CoachID,
		Group: r.Group, ProjectID: r.ProjectID, Version: r.Version, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

// EnrollmentStore implements domain.EnrollmentStore.
type EnrollmentStore struct{ db bun.IDB }

var _ domain.EnrollmentStore = (*EnrollmentStore)(nil)

// Create inserts an enrollment and its project.
func (s *EnrollmentStore) Create(ctx context.Context, e domain.Enrollment, p domain.Project) error {
	row := enrollmentFromDomain(e)
	if _, err := s.db.NewInsert().Model(&row).Exec(ctx); err != nil {
		return dbError(err)
	}
	_, err := s.db.NewRaw(`INSERT INTO projects (id, enrollment_id, status, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
		p.ID, p.EnrollmentID, string(p.Status), p.Version, p.CreatedAt, p.UpdatedAt).Exec(ctx)
	return dbError(err)
}

// selectEnrollments selects enrollments with their project's id.
func (s *EnrollmentStore) selectEnrollments(rows any) *bun.SelectQuery {
	return s.db.NewSelect().Model(rows).ColumnExpr("e.*, p.id AS project_id").Join("JOIN projects AS p ON p.enrollment_id = e.id")
}

// Get returns an enrollment by id.
func (s *EnrollmentStore) Get(ctx context.Context, id uuid.UUID) (domain.Enrollment, error) {
	var row enrollmentRow
	err := s.selectEnrollments(&row).Where("e.id = ?", id).Scan(ctx)
	return row.toDomain(), notFound(err, "enrollment")
}

// ByParticipants returns a cohort's enrollments of the given users.
func (s *EnrollmentStore) ByParticipants(ctx context.Context, cohort uuid.UUID, participants []uuid.UUID) (map[uuid.UUID]domain.Enrollment, error) {
	out := map[uuid.UUID]domain.Enrollment{}
	if len(participants) == 0 {
		return out, nil
	}
	var rows []enrollmentRow
	if err := s.selectEnrollments(&rows).Where("e.cohort_id = ? AND e.participant_id IN (?)", cohort, bun.In(participants)).Scan(ctx); err != nil {
		return nil, dbError(err)
	}
	for _, r := range rows {
		out[r.ParticipantID] = r.toDomain()
	}
	return out, nil
}

// Update writes an enrollment if nobody changed it since it was read.
func (s *EnrollmentStore) Update(ctx context.Context, e domain.Enrollment) error {
	row := enrollmentFromDomain(e)
	res, err := s.db.NewUpdate().Model(&row).Column("mentor_id", "coach_id", "group_name", "version", "updated_at").
		WherePK().Where("version = ?", e.Version-1).Exec(ctx)
	return staleUnlessOne(res, err)
}

// List returns a cohort's enrollments in the order they were made.
func (s *EnrollmentStore) List(ctx context.Context, cohort uuid.UUID, scope domain.EnrollmentScope, page domain.PageRequest) (domain.Page[domain.Enrollment], error) {
	var afterCreated time.Time
	var afterID uuid.UUID
	hasCursor, err := decodeCursor(page.Cursor, &afterCreated, &afterID)
	if err != nil {
		return domain.Page[domain.Enrollment]{}, err
	}
	var rows []enrollmentRow
	query := s.selectEnrollments(&rows).Where("e.cohort_id = ?", cohort).OrderExpr("e.created_at, e.id").Limit(int64(page.Size() + 1))
	if !scope.All {
		query.Where("(e.participant_id = ?0 OR e.mentor_id = ?0 OR e.coach_id = ?0)", scope.Involving)
	}
	if hasCursor {
		query.Where("(e.created_at, e.id) > (?, ?)", afterCreated, afterID)
	}
	if err := query.Scan(ctx); err != nil {
		return domain.Page[domain.Enrollment]{}, dbError(err)
	}
	return pageOf(rows, page.Size(), enrollmentRow.toDomain, func(r enrollmentRow) []any { return []any{r.CreatedAt, r.ID} }), nil
}

// CountCoachedBy counts a cohort's enrollments coached by user.
func (s *EnrollmentStore) CountCoachedBy(ctx context.Context, cohort, user uuid.UUID) (int, error) {
	n, err := s.db.NewSelect().Model((*enrollmentRow)(nil)).Where("cohort_id = ? AND coach_id = ?", cohort, user).Count(ctx)
	return int(n), dbError(err)
}

// EventStore implements domain.EventStore.
type EventStore struct{ db bun.IDB }

var _ domain.EventStore = (*EventStore)(nil)

// Append writes one audit event.
func (s *EventStore) Append(ctx context.Context, e domain.Event) error {
	before, err := snapshot(e.Before)
	if err != nil {
		return err
	}
	after, err := snapshot(e.After)
	if err != nil {
		return err
	}
	_, err = s.db.NewRaw(`INSERT INTO events (at, actor_id, action, target_type, target_id, cohort_id, project_id, before, after)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.At, e.ActorID, e.Action, e.TargetType, e.TargetID, e.CohortID, e.ProjectID, before, after).Exec(ctx)
	return dbError(err)
}

// snapshot encodes an event's before or after state as JSON (nil stays NULL).
func snapshot(v any) (*string, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	s := string(b)
	return &s, nil
}
