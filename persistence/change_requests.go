package persistence

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// ChangeRequestStore implements domain.ChangeRequestStore.
type ChangeRequestStore struct{ db bun.IDB }

var _ domain.ChangeRequestStore = (*ChangeRequestStore)(nil)

// changeRequestRow is a row of change_requests.
type changeRequestRow struct {
	bun.BaseModel `bun:"table:change_requests,alias:cr"`

	ID              uuid.UUID        `bun:"id,pk,type:uuid"`
	ProjectID       uuid.UUID        `bun:"project_id,type:uuid"`
	Status          string           `bun:"status"`
	Reason          string           `bun:"reason"`
	Changes         planChangesValue `bun:"changes,type:jsonb"`
	BasePlanVersion int              `bun:"base_plan_version"`
	PlanVersion     *int             `bun:"plan_version"`
	ProposedBy      uuid.UUID        `bun:"proposed_by,type:uuid"`
	DecidedAt       *time.Time       `bun:"decided_at"`
	DecisionComment string           `bun:"decision_comment"`
	Version         int64            `bun:"version"`
	CreatedAt       time.Time        `bun:"created_at"`
	UpdatedAt       time.Time        `bun:"updated_at"`
}

// planChangesValue is change_requests.changes.
type planChangesValue struct {
	Add      []milestonePlanValue `json:"add"`
	Remove   []uuid.UUID          `json:"remove"`
	Redate   []redateValue        `json:"redate"`
	Retitle  []retitleValue       `json:"retitle"`
	Continue []uuid.UUID          `json:"continue"`
	Goal     *string              `json:"goal,omitempty"`
	Scope    *string              `json:"scope,omitempty"`
	sectionChangesValue
}

type milestonePlanValue struct {
	Horizon     string          `json:"horizon"`
	Title       string          `json:"title"`
	Description string          `json:"description"`
	DueOn       domain.Date     `json:"dueOn"`
	Position    *int            `json:"position,omitempty"`
	Activities  []activityValue `json:"activities"`
}

type redateValue struct {
	MilestoneID uuid.UUID   `json:"milestoneId"`
	DueOn       domain.Date `json:"dueOn"`
}

type retitleValue struct {
	MilestoneID uuid.UUID `json:"milestoneId"`
	Title       string    `json:"title"`
}

func planChangesFromDomain(c domain.PlanChanges) planChangesValue {
	v := planChangesValue{Remove: orEmpty(c.Remove), Continue: orEmpty(c.Continue), Goal: c.Goal, Scope: c.Scope, sectionChangesValue: sectionChangesFromDomain(c.DesignSectionChanges),
		Add: []milestonePlanValue{}, Redate: []redateValue{}, Retitle: []retitleValue{}}
	for _, a := range c.Add {
		p := milestonePlanValue{Horizon: a.Horizon, Title: a.Title, Description: a.Description, DueOn: a.DueOn, Position: a.Position, Activities: []activityValue{}}
		for _, act := range a.Activities {
			p.Activities = append(p.Activities, activityValue(act))
		}
		v.Add = append(v.Add, p)
	}
	for _, r := range c.Redate {
		v.Redate = append(v.Redate, redateValue{MilestoneID: r.MilestoneID, DueOn: r.DueOn})
	}
	for _, r := range c.Retitle {
		v.Retitle = append(v.Retitle, retitleValue{MilestoneID: r.MilestoneID, Title: r.Title})
	}
	return v
}

func (v planChangesValue) toDomain() domain.PlanChanges {
	c := domain.PlanChanges{Remove: orEmpty(v.Remove), Continue: orEmpty(v.Continue), Goal: v.Goal, Scope: v.Scope, DesignSectionChanges: v.sectionChangesValue.toDomain(),
		Add: []domain.MilestonePlan{}, Redate: []domain.MilestoneRedate{}, Retitle: []domain.MilestoneRetitle{}}
	for _, a := range v.Add {
		p := domain.MilestonePlan{Horizon: a.Horizon, Title: a.Title, Description: a.Description, DueOn: a.DueOn, Position: a.Position, Activities: []domain.Activity{}}
		for _, act := range a.Activities {
			p.Activities = append(p.Activities, domain.Activity(act))
		}
		c.Add = append(c.Add, p)
	}
	for _, r := range v.Redate {
		c.Redate = append(c.Redate, domain.MilestoneRedate{MilestoneID: r.MilestoneID, DueOn: r.DueOn})
	}
	for _, r := range v.Retitle {
		c.Retitle = append(c.Retitle, domain.MilestoneRetitle{MilestoneID: r.MilestoneID, Title: r.Title})
	}
	return c
}

func orEmpty(ids []uuid.UUID) []uuid.UUID {
	if ids == nil {
		return []uuid.UUID{}
	}
	return ids
}

func changeRequestFromDomain(cr domain.ChangeRequest) changeRequestRow {
	return changeRequestRow{ID: cr.ID, ProjectID: cr.ProjectID, Status: string(cr.Status), Reason: cr.Reason,
		Changes: planChangesFromDomain(cr.Changes), BasePlanVersion: cr.BasePlanVersion, PlanVersion: cr.PlanVersion,
		ProposedBy: cr.ProposedBy, DecidedAt: cr.DecidedAt, DecisionComment: cr.DecisionComment, Version: cr.Version,
		CreatedAt: cr.CreatedAt, UpdatedAt: cr.UpdatedAt}
}

func (r changeRequestRow) toDomain(reviews []domain.Review) domain.ChangeRequest {
	cr := domain.ChangeRequest{ID: r.ID, ProjectID: r.ProjectID, Status: domain.ChangeRequestStatus(r.Status), Reason: r.Reason,
		Changes: r.Changes.toDomain(), BasePlanVersion: r.BasePlanVersion, PlanVersion: r.PlanVersion, ProposedBy: r.ProposedBy,
		DecisionComment: r.DecisionComment, Reviews: reviews, Version: r.Version, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
	if r.DecidedAt != nil {
		at := r.DecidedAt.UTC()
		cr.DecidedAt = &at
	}
	if cr.Reviews == nil {
		cr.Reviews = []domain.Review{}
	}
	return cr
}

// Create inserts a change request.
func (s *ChangeRequestStore) Create(ctx context.Context, cr domain.ChangeRequest) error {
	row := changeRequestFromDomain(cr)
	_, err := s.db.NewInsert().Model(&row).Exec(ctx)
	return dbError(err)
}

// Get returns a change request with its reviews.
func (s *ChangeRequestStore) Get(ctx context.Context, id uuid.UUID) (domain.ChangeRequest, error) {
	var row changeRequestRow
	if err := s.db.NewSelect().Model(&row).Where("id = ?", id).Scan(ctx); err != nil {
		return domain.ChangeRequest{}, notFound(err, "change request")
	}
	reviews, err := s.reviews(ctx, []uuid.UUID{id})
	return row.toDomain(reviews[id]), err
}

// reviews returns the reviews of change requests, oldest first, by request.
func (s *ChangeRequestStore) reviews(ctx context.Context, ids []uuid.UUID) (map[uuid.UUID][]domain.Review, error) {
	out := map[uuid.UUID][]domain.Review{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []reviewRow
	err := s.db.NewSelect().Model(&rows).Where("target_type = 'change_request' AND target_id IN (?)", bun.List(ids)).
		Order("created_at", "id").Scan(ctx)
	for _, r := range rows {
		out[r.TargetID] = append(out[r.TargetID], domain.Review{ID: r.ID, ProjectID: r.ProjectID, TargetType: r.TargetType, TargetID: r.TargetID,
			ReviewerID: r.ReviewerID, ReviewerRole: domain.Role(r.ReviewerRole), Decision: r.Decision, Comment: r.Comment, At: r.CreatedAt.UTC()})
	}
	return out, dbError(err)
}

// List returns a page of a project's change requests, newest first.
func (s *ChangeRequestStore) List(ctx context.Context, project uuid.UUID, page domain.PageRequest) (domain.Page[domain.ChangeRequest], error) {
	var afterCreated time.Time
	var afterID uuid.UUID
	hasCursor, err := decodeCursor(page.Cursor, &afterCreated, &afterID)
	if err != nil {
		return domain.Page[domain.ChangeRequest]{}, err
	}
	var rows []changeRequestRow
	q := s.db.NewSelect().Model(&rows).Where("project_id = ?", project).OrderExpr("created_at DESC, id DESC").Limit(int64(page.Size() + 1))
	if hasCursor {
		q.Where("(created_at, id) < (?, ?)", afterCreated, afterID)
	}
	if err := q.Scan(ctx); err != nil {
		return domain.Page[domain.ChangeRequest]{}, dbError(err)
	}
	ids := make([]uuid.UUID, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	reviews, err := s.reviews(ctx, ids)
	if err != nil {
		return domain.Page[domain.ChangeRequest]{}, err
	}
	return pageOf(rows, page.Size(), func(r changeRequestRow) domain.ChangeRequest { return r.toDomain(reviews[r.ID]) },
		func(r changeRequestRow) []any { return []any{r.CreatedAt, r.ID} }), nil
}

// Update writes a change request's status and decision if nobody changed
// it since it was read.
func (s *ChangeRequestStore) Update(ctx context.Context, cr domain.ChangeRequest) error {
	row := changeRequestFromDomain(cr)
	res, err := s.db.NewUpdate().Model(&row).Column("status", "plan_version", "decided_at", "decision_comment", "version", "updated_at").
		WherePK().Where("version = ?", cr.Version-1).Exec(ctx)
	return staleUnlessOne(res, err)
}

// planVersionRow is a row of plan_versions.
type planVersionRow struct {
	bun.BaseModel `bun:"table:plan_versions"`

	ProjectID       uuid.UUID  `bun:"project_id,pk,type:uuid"`
	Version         int        `bun:"version,pk"`
	ApprovedAt      time.Time  `bun:"approved_at"`
	ChangeRequestID *uuid.UUID `bun:"change_request_id,type:uuid"`
}

// AddPlanVersion records an approved plan version.
func (s *ChangeRequestStore) AddPlanVersion(ctx context.Context, project uuid.UUID, v domain.PlanVersion) error {
	row := planVersionRow{ProjectID: project, Version: v.Version, ApprovedAt: v.ApprovedAt, ChangeRequestID: v.ChangeRequestID}
	_, err := s.db.NewInsert().Model(&row).Exec(ctx)
	return dbError(err)
}

// PlanVersions returns a project's plan versions, oldest first.
func (s *ChangeRequestStore) PlanVersions(ctx context.Context, project uuid.UUID) ([]domain.PlanVersion, error) {
	var rows []planVersionRow
	err := s.db.NewSelect().Model(&rows).Where("project_id = ?", project).Order("version").Scan(ctx)
	out := make([]domain.PlanVersion, len(rows))
	for i, r := range rows {
		out[i] = domain.PlanVersion{Version: r.Version, ApprovedAt: r.ApprovedAt.UTC(), ChangeRequestID: r.ChangeRequestID}
	}
	return out, dbError(err)
}
