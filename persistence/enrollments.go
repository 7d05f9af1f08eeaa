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
	ClassID       *uuid.UUID `bun:"class_id,type:uuid"`
	Group         string     `bun:"group_name"`
	Version       int64      `bun:"version"`
	CreatedAt     time.Time  `bun:"created_at"`
	UpdatedAt     time.Time  `bun:"updated_at"`
	ProjectID     uuid.UUID  `bun:"project_id,scanonly"`
	// The listing, read with the enrollment (selectEnrollments).
	ParticipantName string `bun:"participant_name,scanonly"`
	ProjectTitle    string `bun:"project_title,scanonly"`
	ProjectStatus   string `bun:"project_status,scanonly"`
}

func enrollmentFromDomain(e domain.Enrollment) enrollmentRow {
	return enrollmentRow{ID: e.ID, CohortID: e.CohortID, ParticipantID: e.ParticipantID, MentorID: e.MentorID, CoachID: e.CoachID,
		ClassID: e.ClassID, Group: e.Group, Version: e.Version, CreatedAt: e.CreatedAt, UpdatedAt: e.UpdatedAt}
}

func (r enrollmentRow) toDomain() domain.Enrollment {
	return domain.Enrollment{ID: r.ID, CohortID: r.CohortID, ParticipantID: r.ParticipantID, MentorID: r.MentorID, CoachID: r.CoachID,
		ClassID: r.ClassID, Group: r.Group, ProjectID: r.ProjectID, Version: r.Version, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
		Listing: domain.EnrollmentListing{ParticipantName: r.ParticipantName, ProjectTitle: r.ProjectTitle, ProjectStatus: domain.ProjectStatus(r.ProjectStatus)}}
}

// EnrollmentStore implements domain.EnrollmentStore.
type EnrollmentStore struct{ db bun.IDB }

var _ domain.EnrollmentStore = (*EnrollmentStore)(nil)

// Create inserts enrollments and their projects, one statement each.
func (s *EnrollmentStore) Create(ctx context.Context, enrollments []domain.Enrollment, projects []domain.Project) error {
	rows := make([]enrollmentRow, len(enrollments))
	for i, e := range enrollments {
		rows[i] = enrollmentFromDomain(e)
	}
	if _, err := s.db.NewInsert().Model(&rows).Exec(ctx); err != nil {
		return dbError(err)
	}
	projectRows := make([]projectRow, len(projects))
	for i, p := range projects {
		projectRows[i] = projectFromDomain(p)
	}
	_, err := s.db.NewInsert().Model(&projectRows).Exec(ctx)
	return dbError(err)
}

// selectEnrollments selects enrollments with their project's id, and the
// listing: the participant's name, the project's title and status.
func (s *EnrollmentStore) selectEnrollments(rows any) *bun.SelectQuery {
	return s.db.NewSelect().Model(rows).
		ColumnExpr("e.*, p.id AS project_id, p.title AS project_title, p.status AS project_status, u.name AS participant_name").
		Join("JOIN projects AS p ON p.enrollment_id = e.id").Join("JOIN users AS u ON u.id = e.participant_id")
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
	if err := s.selectEnrollments(&rows).Where("e.cohort_id = ? AND e.participant_id IN (?)", cohort, bun.List(participants)).Scan(ctx); err != nil {
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
	res, err := s.db.NewUpdate().Model(&row).Column("mentor_id", "coach_id", "class_id", "group_name", "version", "updated_at").
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

// eventRow is a row of the audit trail.
type eventRow struct {
	bun.BaseModel `bun:"table:events,alias:ev"`

	ID         int64           `bun:"id,pk,autoincrement"`
	At         time.Time       `bun:"at"`
	ActorID    *uuid.UUID      `bun:"actor_id,type:uuid"`
	Action     string          `bun:"action"`
	TargetType string          `bun:"target_type"`
	TargetID   uuid.UUID       `bun:"target_id,type:uuid"`
	CohortID   *uuid.UUID      `bun:"cohort_id,type:uuid"`
	ProjectID  *uuid.UUID      `bun:"project_id,type:uuid"`
	Before     json.RawMessage `bun:"before,type:jsonb,nullzero"`
	After      json.RawMessage `bun:"after,type:jsonb,nullzero"`
	Details    eventDetails    `bun:"details,type:jsonb"`
}

// eventDetails is events.details: domain.EventDetails as JSON.
type eventDetails struct {
	Title          string             `json:"title,omitempty"`
	Comment        string             `json:"comment,omitempty"`
	Role           string             `json:"role,omitempty"`
	Decision       string             `json:"decision,omitempty"`
	Seminar        string             `json:"seminar,omitempty"`
	Mentor         string             `json:"mentor,omitempty"`
	PreviousMentor string             `json:"previousMentor,omitempty"`
	Changes        []enrollmentChange `json:"changes,omitempty"`
	Timing         string             `json:"timing,omitempty"`
	AgendaKind     string             `json:"agendaKind,omitempty"`
	PlanVersion    int                `json:"planVersion,omitempty"`
}

// enrollmentChange is one change of events.details.changes.
type enrollmentChange struct {
	Field string `json:"field"`
	From  string `json:"from"`
	To    string `json:"to"`
}

func eventDetailsOf(d domain.EventDetails) eventDetails {
	out := eventDetails{Title: d.Title, Comment: d.Comment, Role: string(d.Role), Decision: string(d.Decision), Seminar: string(d.Seminar), Mentor: d.Mentor,
		PreviousMentor: d.PreviousMentor, Timing: string(d.Timing), AgendaKind: string(d.AgendaKind), PlanVersion: d.PlanVersion}
	for _, c := range d.Changes {
		out.Changes = append(out.Changes, enrollmentChange{Field: c.Field, From: c.From, To: c.To})
	}
	return out
}

func (d eventDetails) toDomain() domain.EventDetails {
	out := domain.EventDetails{Title: d.Title, Comment: d.Comment, Role: domain.Role(d.Role), Decision: domain.DesignDecision(d.Decision), Seminar: domain.Seminar(d.Seminar),
		Mentor: d.Mentor, PreviousMentor: d.PreviousMentor, Timing: domain.AgendaTiming(d.Timing), AgendaKind: domain.AgendaKind(d.AgendaKind),
		PlanVersion: d.PlanVersion}
	for _, c := range d.Changes {
		out.Changes = append(out.Changes, domain.EnrollmentChange{Field: c.Field, From: c.From, To: c.To})
	}
	return out
}

// EventStore implements domain.EventStore.
type EventStore struct{ db bun.IDB }

var _ domain.EventStore = (*EventStore)(nil)

// Append writes audit events, in one statement.
func (s *EventStore) Append(ctx context.Context, events ...domain.Event) error {
	if len(events) == 0 {
		return nil
	}
	rows := make([]eventRow, len(events))
	for i, e := range events {
		rows[i] = eventRow{At: e.At, ActorID: e.ActorID, Action: e.Action, TargetType: e.TargetType, TargetID: e.TargetID,
			CohortID: e.CohortID, ProjectID: e.ProjectID, Details: eventDetailsOf(e.Details)}
		var err error
		if rows[i].Before, err = snapshot(e.Before); err != nil {
			return err
		}
		if rows[i].After, err = snapshot(e.After); err != nil {
			return err
		}
	}
	if len(rows) == 1 { // as most changes make: a prepared statement
		r := rows[0]
		details, err := json.Marshal(r.Details)
		if err != nil {
			return err
		}
		return dbError(preparedExec(ctx, s.db, insertEvent, json.RawMessage(details), r.At, r.ActorID, r.Action, r.TargetType, r.TargetID, r.CohortID,
			r.ProjectID, jsonOrNull(r.Before), jsonOrNull(r.After)))
	}
	_, err := s.db.NewInsert().Model(&rows).Exec(ctx)
	return dbError(err)
}

// insertEvent appends one event.
const insertEvent = `INSERT INTO events (details, at, actor_id, action, target_type, target_id, cohort_id, project_id, before, after)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`

// jsonOrNull is a JSON argument, or NULL when there is none.
func jsonOrNull(j json.RawMessage) any {
	if len(j) == 0 {
		return nil
	}
	return []byte(j)
}

// snapshot encodes an event's before or after state as JSON (nil stays NULL).
func snapshot(v any) (json.RawMessage, error) {
	if v == nil {
		return nil, nil
	}
	return json.Marshal(v)
}
