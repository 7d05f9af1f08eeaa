package persistence

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// projectRow is a row of projects.
type projectRow struct {
	bun.BaseModel `bun:"table:projects,alias:p"`

	ID              uuid.UUID          `bun:"id,pk,type:uuid"`
	EnrollmentID    uuid.UUID          `bun:"enrollment_id,type:uuid"`
	Title           string             `bun:"title"`
	Problem         string             `bun:"problem"`
	Background      string             `bun:"background"`
	Goal            string             `bun:"goal"`
	Benefits        string             `bun:"benefits"`
	Scope           string             `bun:"scope"`
	InnovationAreas []string           `bun:"innovation_areas,array"`
	Stakeholders    []stakeholderValue `bun:"stakeholders,type:jsonb"`
	designSectionsValue
	Status            string     `bun:"status"`
	RevisionRequested bool       `bun:"revision_requested"`
	RevisionComment   string     `bun:"revision_comment"`
	DesignRound       int        `bun:"design_round"`
	DesignSubmittedAt *time.Time `bun:"design_submitted_at"`
	PlanVersion       int        `bun:"plan_version"`
	PlanApprovedAt    *time.Time `bun:"plan_approved_at"`
	Version           int64      `bun:"version"`
	CreatedAt         time.Time  `bun:"created_at"`
	UpdatedAt         time.Time  `bun:"updated_at"`

	// From the project's enrollment.
	CohortID      uuid.UUID  `bun:"cohort_id,scanonly"`
	ParticipantID uuid.UUID  `bun:"participant_id,scanonly"`
	MentorID      uuid.UUID  `bun:"mentor_id,scanonly"`
	CoachID       *uuid.UUID `bun:"coach_id,scanonly"`
	Assessed      bool       `bun:"assessed,scanonly"`
}

// stakeholderValue is one element of projects.stakeholders.
type stakeholderValue struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Power    string `json:"power"`
	Interest string `json:"interest"`
}

func projectFromDomain(p domain.Project) projectRow {
	r := projectRow{ID: p.ID, EnrollmentID: p.EnrollmentID, Title: p.Title, Problem: p.Problem, Background: p.Background,
		Goal: p.Goal, Benefits: p.Benefits, Scope: p.Scope, InnovationAreas: p.InnovationAreas, Stakeholders: []stakeholderValue{},
		Status: string(p.Status), RevisionRequested: p.RevisionRequested, RevisionComment: p.RevisionComment,
		DesignRound: p.DesignRound, DesignSubmittedAt: p.DesignSubmittedAt, PlanVersion: p.PlanVersion, PlanApprovedAt: p.PlanApprovedAt, Version: p.Version, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
	if r.InnovationAreas == nil {
		r.InnovationAreas = []string{}
	}
	for _, s := range p.Stakeholders {
		r.Stakeholders = append(r.Stakeholders, stakeholderValue{Name: s.Name, Kind: string(s.Kind), Power: string(s.Power), Interest: string(s.Interest)})
	}
	r.designSectionsValue = designSectionsFromDomain(p)
	return r
}

func (r projectRow) toDomain() domain.Project {
	p := domain.Project{ID: r.ID, EnrollmentID: r.EnrollmentID, CohortID: r.CohortID,
		Parties: domain.Parties{ParticipantID: r.ParticipantID, MentorID: r.MentorID, CoachID: r.CoachID},
		Title:   r.Title, Problem: r.Problem, Background: r.Background, Goal: r.Goal, Benefits: r.Benefits, Scope: r.Scope,
		InnovationAreas: r.InnovationAreas, Stakeholders: []domain.Stakeholder{}, Status: domain.ProjectStatus(r.Status),
		RevisionRequested: r.RevisionRequested, RevisionComment: r.RevisionComment, DesignRound: r.DesignRound,
		DesignSubmittedAt: r.DesignSubmittedAt, PlanVersion: r.PlanVersion, Assessed: r.Assessed, Version: r.Version, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
	if r.PlanApprovedAt != nil {
		at := r.PlanApprovedAt.UTC()
		p.PlanApprovedAt = &at
	}
	if p.InnovationAreas == nil {
		p.InnovationAreas = []string{}
	}
	for _, s := range r.Stakeholders {
		p.Stakeholders = append(p.Stakeholders, domain.Stakeholder{Name: s.Name, Kind: domain.StakeholderKind(s.Kind),
			Power: domain.Level(s.Power), Interest: domain.Level(s.Interest)})
	}
	r.designSectionsValue.into(&p)
	return p
}

// ProjectStore implements domain.ProjectStore.
type ProjectStore struct{ db bun.IDB }

var _ domain.ProjectStore = (*ProjectStore)(nil)

// Get returns a project with its enrollment's cohort and people, locking
// the project's row when forUpdate.
func (s *ProjectStore) Get(ctx context.Context, id uuid.UUID, forUpdate bool) (domain.Project, error) {
	query := projectByID
	if forUpdate {
		query = projectByIDForUpdate
	}
	var row projectRow
	err := preparedScan(ctx, s.db, query, &row, id)
	return row.toDomain(), notFound(err, "project")
}

// projectByID and projectByIDForUpdate read a project with its parties by
// its id ($1). Nearly every request about a project runs one of them, so
// they are prepared statements (preparedScan).
var projectByID, projectByIDForUpdate = projectQuery(false), projectQuery(true)

func projectQuery(forUpdate bool) string {
	return formatted(func(db *bun.DB) *bun.SelectQuery {
		q := db.NewSelect().Model((*projectRow)(nil)).ColumnExpr("?TableColumns, e.cohort_id, e.participant_id, e.mentor_id, e.coach_id").
			ColumnExpr("EXISTS (SELECT 1 FROM assessments a WHERE a.project_id = p.id) AS assessed").
			Join("JOIN enrollments AS e ON e.id = p.enrollment_id").Where("p.id = $1")
		if forUpdate {
			q.For("UPDATE OF p")
		}
		return q
	})
}

// Update writes a project if nobody changed it since it was read.
func (s *ProjectStore) Update(ctx context.Context, p domain.Project) error {
	row := projectFromDomain(p)
	res, err := s.db.NewUpdate().Model(&row).ExcludeColumn("id", "enrollment_id", "created_at").
		WherePK().Where("version = ?", p.Version-1).Exec(ctx)
	return staleUnlessOne(res, err)
}

// ReviewStore implements domain.ReviewStore.
type ReviewStore struct{ db bun.IDB }

var _ domain.ReviewStore = (*ReviewStore)(nil)

type reviewRow struct {
	bun.BaseModel `bun:"table:reviews"`

	ID           uuid.UUID `bun:"id,pk,type:uuid"`
	ProjectID    uuid.UUID `bun:"project_id,type:uuid"`
	TargetType   string    `bun:"target_type"`
	TargetID     uuid.UUID `bun:"target_id,type:uuid"`
	Round        int       `bun:"round"`
	ReviewerID   uuid.UUID `bun:"reviewer_id,type:uuid"`
	ReviewerRole string    `bun:"reviewer_role"`
	Decision     string    `bun:"decision"`
	Comment      string    `bun:"comment"`
	CreatedAt    time.Time `bun:"created_at"`
}

// Create adds a review.
func (s *ReviewStore) Create(ctx context.Context, r domain.Review) error {
	row := reviewRow{ID: r.ID, ProjectID: r.ProjectID, TargetType: r.TargetType, TargetID: r.TargetID, Round: r.Round,
		ReviewerID: r.ReviewerID, ReviewerRole: string(r.ReviewerRole), Decision: r.Decision, Comment: r.Comment, CreatedAt: r.At}
	_, err := s.db.NewInsert().Model(&row).Exec(ctx)
	return dbError(err)
}

// DesignRound returns the reviews of one round of a design.
func (s *ReviewStore) DesignRound(ctx context.Context, project uuid.UUID, round int) ([]domain.Review, error) {
	var rows []reviewRow
	err := s.db.NewSelect().Model(&rows).Where("target_type = 'design' AND target_id = ? AND round = ?", project, round).Order("created_at").Scan(ctx)
	out := make([]domain.Review, len(rows))
	for i, r := range rows {
		out[i] = domain.Review{ID: r.ID, ProjectID: r.ProjectID, TargetType: r.TargetType, TargetID: r.TargetID, Round: r.Round,
			ReviewerID: r.ReviewerID, ReviewerRole: domain.Role(r.ReviewerRole), Decision: r.Decision, Comment: r.Comment, At: r.CreatedAt.UTC()}
	}
	return out, dbError(err)
}

// LastDesignReturn returns the latest review of a design with the
// decision, with its reviewer's name, in one query.
func (s *ReviewStore) LastDesignReturn(ctx context.Context, project uuid.UUID, decision domain.DesignDecision) (*domain.DesignReturnNote, error) {
	var out []struct {
		Round        int       `bun:"round"`
		ReviewerID   uuid.UUID `bun:"reviewer_id"`
		ReviewerName string    `bun:"name"`
		ReviewerRole string    `bun:"reviewer_role"`
		Comment      string    `bun:"comment"`
		CreatedAt    time.Time `bun:"created_at"`
	}
	err := s.db.NewRaw(`SELECT r.round, r.reviewer_id, u.name, r.reviewer_role, r.comment, r.created_at
		FROM reviews r JOIN users u ON u.id = r.reviewer_id
		WHERE r.target_type = 'design' AND r.target_id = ? AND r.decision = ?
		ORDER BY r.created_at DESC, r.id DESC LIMIT 1`, project, string(decision)).Scan(ctx, &out)
	if err != nil || len(out) == 0 {
		return nil, dbError(err)
	}
	r := out[0]
	return &domain.DesignReturnNote{Round: r.Round, ReviewerID: r.ReviewerID, ReviewerName: r.ReviewerName, ReviewerRole: domain.Role(r.ReviewerRole),
		Comment: r.Comment, At: r.CreatedAt.UTC()}, nil
}

// CoachingNoteStore implements domain.CoachingNoteStore.
type CoachingNoteStore struct{ db bun.IDB }

var _ domain.CoachingNoteStore = (*CoachingNoteStore)(nil)

type coachingNoteRow struct {
	bun.BaseModel `bun:"table:coaching_notes,alias:n"`

	ID        uuid.UUID `bun:"id,pk,type:uuid"`
	ProjectID uuid.UUID `bun:"project_id,type:uuid"`
	CoachID   uuid.UUID `bun:"coach_id,type:uuid"`
	HeldOn    time.Time `bun:"held_on,type:date"`
	Topic     string    `bun:"topic"`
	Notes     string    `bun:"notes"`
	CreatedAt time.Time `bun:"created_at"`
	CoachName string    `bun:"coach_name,scanonly"`
}

// Create adds a coaching note.
func (s *CoachingNoteStore) Create(ctx context.Context, n domain.CoachingNote) error {
	row := coachingNoteRow{ID: n.ID, ProjectID: n.ProjectID, CoachID: n.CoachID, HeldOn: n.HeldOn.Time(), Topic: n.Topic, Notes: n.Notes, CreatedAt: n.CreatedAt}
	_, err := s.db.NewInsert().Model(&row).Exec(ctx)
	return dbError(err)
}

// List returns a page of a project's notes, newest first, with the coach's name.
func (s *CoachingNoteStore) List(ctx context.Context, project uuid.UUID, page domain.PageRequest) (domain.Page[domain.CoachingNote], error) {
	var afterCreated time.Time
	var afterID uuid.UUID
	hasCursor, err := decodeCursor(page.Cursor, &afterCreated, &afterID)
	if err != nil {
		return domain.Page[domain.CoachingNote]{}, err
	}
	var rows []coachingNoteRow
	q := s.db.NewSelect().Model(&rows).ColumnExpr("n.*, u.name AS coach_name").Join("JOIN users AS u ON u.id = n.coach_id").
		Where("n.project_id = ?", project).OrderExpr("n.created_at DESC, n.id DESC").Limit(int64(page.Size() + 1))
	if hasCursor {
		q.Where("(n.created_at, n.id) < (?, ?)", afterCreated, afterID)
	}
	if err := q.Scan(ctx); err != nil {
		return domain.Page[domain.CoachingNote]{}, dbError(err)
	}
	return pageOf(rows, page.Size(), func(r coachingNoteRow) domain.CoachingNote {
		return domain.CoachingNote{ID: r.ID, ProjectID: r.ProjectID, CoachID: r.CoachID, CoachName: r.CoachName,
			HeldOn: domain.DateOf(r.HeldOn), Topic: r.Topic, Notes: r.Notes, CreatedAt: r.CreatedAt.UTC()}
	}, func(r coachingNoteRow) []any { return []any{r.CreatedAt, r.ID} }), nil
}
