package persistence

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// MentorTransferStore implements domain.MentorTransferStore.
type MentorTransferStore struct{ db bun.IDB }

var _ domain.MentorTransferStore = (*MentorTransferStore)(nil)

type mentorTransferRow struct {
	bun.BaseModel `bun:"table:mentor_transfers,alias:t"`

	ID               uuid.UUID  `bun:"id,pk,type:uuid"`
	EnrollmentID     uuid.UUID  `bun:"enrollment_id,type:uuid"`
	ProposedBy       uuid.UUID  `bun:"proposed_by,type:uuid"`
	MentorID         uuid.UUID  `bun:"mentor_id,type:uuid"`
	PreviousMentorID uuid.UUID  `bun:"previous_mentor_id,type:uuid"`
	Note             string     `bun:"note"`
	Status           string     `bun:"status"`
	Comment          string     `bun:"comment"`
	DecidedAt        *time.Time `bun:"decided_at"`
	Version          int64      `bun:"version"`
	CreatedAt        time.Time  `bun:"created_at"`

	CohortID        uuid.UUID `bun:"cohort_id,scanonly"`
	ProjectID       uuid.UUID `bun:"project_id,scanonly"`
	ParticipantID   uuid.UUID `bun:"participant_id,scanonly"`
	ParticipantName string    `bun:"participant_name,scanonly"`
	MentorName      string    `bun:"mentor_name,scanonly"`
	PreviousMentor  string    `bun:"previous_mentor_name,scanonly"`
	ProjectTitle    string    `bun:"project_title,scanonly"`
}

func (r mentorTransferRow) toDomain() domain.MentorTransfer {
	t := domain.MentorTransfer{ID: r.ID, EnrollmentID: r.EnrollmentID, CohortID: r.CohortID, ProjectID: r.ProjectID, ParticipantID: r.ParticipantID,
		ProposedBy: r.ProposedBy, MentorID: r.MentorID, PreviousMentorID: r.PreviousMentorID, Note: r.Note, Status: domain.MentorTransferStatus(r.Status),
		Comment: r.Comment, Version: r.Version, CreatedAt: r.CreatedAt.UTC(), ParticipantName: r.ParticipantName, MentorName: r.MentorName,
		PreviousMentor: r.PreviousMentor, ProjectTitle: r.ProjectTitle}
	if r.DecidedAt != nil {
		at := r.DecidedAt.UTC()
		t.DecidedAt = &at
	}
	return t
}

// Create inserts a proposal.
func (s *MentorTransferStore) Create(ctx context.Context, t domain.MentorTransfer) error {
	row := mentorTransferRow{ID: t.ID, EnrollmentID: t.EnrollmentID, ProposedBy: t.ProposedBy, MentorID: t.MentorID, PreviousMentorID: t.PreviousMentorID,
		Note: t.Note, Status: string(t.Status), Version: t.Version, CreatedAt: t.CreatedAt}
	_, err := s.db.NewInsert().Model(&row).Exec(ctx)
	return dbError(err)
}

// selectTransfers selects proposals with their enrollment's ids and the names shown with them.
func (s *MentorTransferStore) selectTransfers(rows any) *bun.SelectQuery {
	return s.db.NewSelect().Model(rows).
		ColumnExpr("t.*, e.cohort_id, p.id AS project_id, e.participant_id, pu.name AS participant_name, mu.name AS mentor_name").
		ColumnExpr("pm.name AS previous_mentor_name, p.title AS project_title").
		Join("JOIN enrollments AS e ON e.id = t.enrollment_id").Join("JOIN projects AS p ON p.enrollment_id = e.id").
		Join("JOIN users AS pu ON pu.id = e.participant_id").Join("JOIN users AS mu ON mu.id = t.mentor_id").
		Join("JOIN users AS pm ON pm.id = t.previous_mentor_id")
}

// Get returns a proposal, locking its row when forUpdate.
func (s *MentorTransferStore) Get(ctx context.Context, id uuid.UUID, forUpdate bool) (domain.MentorTransfer, error) {
	var row mentorTransferRow
	q := s.selectTransfers(&row).Where("t.id = ?", id)
	if forUpdate {
		q.For("UPDATE OF t")
	}
	err := q.Scan(ctx)
	return row.toDomain(), notFound(err, "mentor transfer")
}

// Update writes a proposal's outcome if nobody changed it since it was read.
func (s *MentorTransferStore) Update(ctx context.Context, t domain.MentorTransfer) error {
	res, err := s.db.NewRaw(`UPDATE mentor_transfers SET status = ?, comment = ?, decided_at = ?, version = ? WHERE id = ? AND version = ?`,
		string(t.Status), t.Comment, t.DecidedAt, t.Version, t.ID, t.Version-1).Exec(ctx)
	return staleUnlessOne(res, err)
}

// List returns a page of an enrollment's proposals, oldest first.
func (s *MentorTransferStore) List(ctx context.Context, enrollment uuid.UUID, page domain.PageRequest) (domain.Page[domain.MentorTransfer], error) {
	var afterCreated time.Time
	var afterID uuid.UUID
	hasCursor, err := decodeCursor(page.Cursor, &afterCreated, &afterID)
	if err != nil {
		return domain.Page[domain.MentorTransfer]{}, err
	}
	var rows []mentorTransferRow
	q := s.selectTransfers(&rows).Where("t.enrollment_id = ?", enrollment).OrderExpr("t.created_at, t.id").Limit(int64(page.Size() + 1))
	if hasCursor {
		q.Where("(t.created_at, t.id) > (?, ?)", afterCreated, afterID)
	}
	if err := q.Scan(ctx); err != nil {
		return domain.Page[domain.MentorTransfer]{}, dbError(err)
	}
	return pageOf(rows, page.Size(), mentorTransferRow.toDomain, func(r mentorTransferRow) []any { return []any{r.CreatedAt, r.ID} }), nil
}
