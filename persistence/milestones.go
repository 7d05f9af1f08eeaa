package persistence

import (
	"context"
	"encoding/json"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

type milestoneRow struct {
	bun.BaseModel `bun:"table:milestones"`

	ID          uuid.UUID       `bun:"id,pk,type:uuid"`
	ProjectID   uuid.UUID       `bun:"project_id,type:uuid"`
	Horizon     string          `bun:"horizon"`
	Title       string          `bun:"title"`
	Description string          `bun:"description"`
	DueOn       time.Time       `bun:"due_on,type:date"`
	Position    int             `bun:"position"`
	Activities  []activityValue `bun:"activities,type:jsonb"`
	Status      string          `bun:"status"`
	ClaimedAt   *time.Time      `bun:"claimed_at"`
	// ContinueToMid is the mentor's agreement to continue it in the mid term.
	ContinueToMid bool `bun:"continue_to_mid"`
	// MissingEvidenceReason is why the mentor verified it without approved
	// evidence of every activity.
	MissingEvidenceReason string    `bun:"missing_evidence_reason"`
	Version               int64     `bun:"version"`
	CreatedAt             time.Time `bun:"created_at"`
	UpdatedAt             time.Time `bun:"updated_at"`
	// EvidenceTally counts the milestone's evidence by status
	// (selectMilestones); empty where the query does not read it.
	EvidenceTally map[string]int `bun:"evidence_tally,scanonly"`
	// ReviewComment is read from the milestone's latest verdict
	// (selectMilestones).
	ReviewComment string `bun:"review_comment,scanonly"`
}

// activityValue is one element of milestones.activities.
type activityValue struct {
	ID     uuid.UUID `json:"id"`
	Title  string    `json:"title"`
	Output string    `json:"output"`
}

func milestoneFromDomain(m domain.Milestone) milestoneRow {
	r := milestoneRow{ID: m.ID, ProjectID: m.ProjectID, Horizon: string(m.Horizon), Title: m.Title, Description: m.Description,
		DueOn: m.DueOn.Time(), Position: m.Position, Activities: []activityValue{}, Status: string(m.Status), ClaimedAt: m.ClaimedAt,
		ContinueToMid: m.ContinueToMid, MissingEvidenceReason: m.MissingEvidenceReason, Version: m.Version, CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt}
	for _, a := range m.Activities {
		r.Activities = append(r.Activities, activityValue(a))
	}
	return r
}

func (r milestoneRow) toDomain() domain.Milestone {
	m := domain.Milestone{ID: r.ID, ProjectID: r.ProjectID, Horizon: domain.Horizon(r.Horizon), Title: r.Title, Description: r.Description,
		DueOn: domain.DateOf(r.DueOn), Position: r.Position, Activities: []domain.Activity{}, Status: domain.MilestoneStatus(r.Status),
		ClaimedAt: r.ClaimedAt, ContinueToMid: r.ContinueToMid, MissingEvidenceReason: r.MissingEvidenceReason, Evidence: domain.EvidenceTally{}, ReviewComment: r.ReviewComment, Version: r.Version, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
	for status, n := range r.EvidenceTally {
		m.Evidence[domain.EvidenceStatus(status)] = n
	}
	for _, a := range r.Activities {
		m.Activities = append(m.Activities, domain.Activity(a))
	}
	return m
}

// MilestoneStore implements domain.MilestoneStore.
type MilestoneStore struct{ db bun.IDB }

var _ domain.MilestoneStore = (*MilestoneStore)(nil)

// Create inserts a milestone.
func (s *MilestoneStore) Create(ctx context.Context, m domain.Milestone) error {
	args, err := milestoneInsertArgs(m, m.Position)
	if err != nil {
		return err
	}
	return dbError(preparedExec(ctx, s.db, insertMilestone, args...))
}

// CreateLast inserts a milestone after the last of its horizon, at
// position 0 in an empty one (or one whose positions are all below 0), and
// sets m.Position to where it went. The last position is read from one
// entry of the index milestones_project_order, in the same statement.
func (s *MilestoneStore) CreateLast(ctx context.Context, m *domain.Milestone) error {
	args, err := milestoneInsertArgs(*m, horizonRanks[m.Horizon])
	if err != nil {
		return err
	}
	return dbError(preparedRow(ctx, s.db, insertMilestoneLast, args, &m.Position))
}

// milestoneInsertArgs are the parameters of insertMilestone and
// insertMilestoneLast; the seventh, placement, is the position for the
// first and the horizon's rank for the second.
func milestoneInsertArgs(m domain.Milestone, placement int) ([]any, error) {
	r := milestoneFromDomain(m)
	activities, err := json.Marshal(r.Activities)
	if err != nil {
		return nil, err
	}
	return []any{r.ID, r.ProjectID, r.Horizon, r.Title, r.Description, r.DueOn, placement, json.RawMessage(activities), r.Status,
		r.ClaimedAt, r.Version, r.CreatedAt, r.UpdatedAt}, nil
}

// The milestone inserts; participants plan many milestones, so they are
// prepared statements. insertMilestoneLast places the milestone after the
// last of the horizon whose rank is $7.
const (
	insertMilestoneInto = `INSERT INTO milestones (id, project_id, horizon, title, description, due_on, position, activities, status,
	claimed_at, version, created_at, updated_at) `
	insertMilestone     = insertMilestoneInto + `VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`
	insertMilestoneLast = insertMilestoneInto + `VALUES ($1, $2, $3, $4, $5, $6,
	coalesce((SELECT greatest(position + 1, 0) FROM milestones WHERE project_id = $2 AND horizon_rank = $7 ORDER BY position DESC LIMIT 1), 0),
	$8, $9, $10, $11, $12, $13) RETURNING position`
)

// selectMilestones selects milestone rows into dest with the tally of each
// one's evidence by status (one lookup of the index evidence_milestone)
// and the comment of its latest verdict (one of reviews_target).
func (s *MilestoneStore) selectMilestones(dest any) *bun.SelectQuery {
	return s.db.NewSelect().Model(dest).ColumnExpr("?TableColumns").
		ColumnExpr(`(SELECT coalesce(jsonb_object_agg(t.status, t.n), '{}') FROM
			(SELECT e.status, count(*) AS n FROM evidence e WHERE e.milestone_id = ?TableAlias.id GROUP BY e.status) t) AS evidence_tally`).
		ColumnExpr(`coalesce((SELECT r.comment FROM reviews r WHERE r.target_type = 'milestone' AND r.target_id = ?TableAlias.id
			ORDER BY r.created_at DESC LIMIT 1), '') AS review_comment`)
}

// Get returns a milestone by id, with the tally of its evidence.
func (s *MilestoneStore) Get(ctx context.Context, id uuid.UUID) (domain.Milestone, error) {
	var row milestoneRow
	err := s.selectMilestones(&row).Where("id = ?", id).Scan(ctx)
	return row.toDomain(), notFound(err, "milestone")
}

// OfProject returns all of a project's milestones in order, without the
// tallies of their evidence.
func (s *MilestoneStore) OfProject(ctx context.Context, project uuid.UUID) ([]domain.Milestone, error) {
	var rows []milestoneRow
	err := s.db.NewSelect().Model(&rows).Where("project_id = ?", project).OrderExpr("horizon_rank, position, id").Scan(ctx)
	out := make([]domain.Milestone, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, dbError(err)
}

// horizonRanks are the values of the generated column horizon_rank, which
// orders a project's milestones by horizon (migration 0003).
var horizonRanks = map[domain.Horizon]int{domain.HorizonShort: 1, domain.HorizonMid: 2, domain.HorizonLong: 3}

// List returns a page of a project's milestones in order.
func (s *MilestoneStore) List(ctx context.Context, project uuid.UUID, page domain.PageRequest) (domain.Page[domain.Milestone], error) {
	var rank, position int
	var afterID uuid.UUID
	hasCursor, err := decodeCursor(page.Cursor, &rank, &position, &afterID)
	if err != nil {
		return domain.Page[domain.Milestone]{}, err
	}
	var rows []milestoneRow
	q := s.selectMilestones(&rows).Where("project_id = ?", project).OrderExpr("horizon_rank, position, id").Limit(int64(page.Size() + 1))
	if hasCursor {
		q.Where("(horizon_rank, position, id) > (?, ?, ?)", rank, position, afterID)
	}
	if err := q.Scan(ctx); err != nil {
		return domain.Page[domain.Milestone]{}, dbError(err)
	}
	// The key's rank comes from the horizon: the model's SELECT does not
	// read the generated column, and a rank of 0 would lead back to the
	// first page.
	return pageOf(rows, page.Size(), milestoneRow.toDomain, func(r milestoneRow) []any {
		return []any{horizonRanks[domain.Horizon(r.Horizon)], r.Position, r.ID}
	}), nil
}

// Update writes a milestone if nobody changed it since it was read.
func (s *MilestoneStore) Update(ctx context.Context, m domain.Milestone) error {
	row := milestoneFromDomain(m)
	res, err := s.db.NewUpdate().Model(&row).ExcludeColumn("id", "project_id", "horizon", "created_at").
		WherePK().Where("version = ?", m.Version-1).Exec(ctx)
	return staleUnlessOne(res, err)
}

// Delete removes a milestone.
func (s *MilestoneStore) Delete(ctx context.Context, id uuid.UUID) error {
	_, err := s.db.NewDelete().Model((*milestoneRow)(nil)).Where("id = ?", id).Exec(ctx)
	return dbError(err)
}

type evidenceRow struct {
	bun.BaseModel `bun:"table:evidence"`

	ID          uuid.UUID  `bun:"id,pk,type:uuid"`
	MilestoneID uuid.UUID  `bun:"milestone_id,type:uuid"`
	ProjectID   uuid.UUID  `bun:"project_id,type:uuid"`
	ActivityID  *uuid.UUID `bun:"activity_id,type:uuid"`
	Type        *string    `bun:"evidence_type"`
	Title       string     `bun:"title"`
	Description string     `bun:"description"`
	URL         *string    `bun:"url"`
	FileName    *string    `bun:"file_name"`
	Size        *int64     `bun:"size"`
	MediaType   *string    `bun:"media_type"`
	SHA256      []byte     `bun:"sha256"`
	BlobKey     *string    `bun:"blob_key"`
	Status      string     `bun:"status"`
	SubmittedBy uuid.UUID  `bun:"submitted_by,type:uuid"`
	SubmittedAt time.Time  `bun:"submitted_at"`
	ReviewedAt  *time.Time `bun:"reviewed_at"`
	Version     int64      `bun:"version"`
	// ReviewComment is read from the evidence's latest review, and Horizon
	// from its milestone (selectEvidence).
	ReviewComment string `bun:"review_comment,scanonly"`
	Horizon       string `bun:"horizon,scanonly"`
}

func evidenceFromDomain(e domain.Evidence) evidenceRow {
	r := evidenceRow{ID: e.ID, MilestoneID: e.MilestoneID, ProjectID: e.ProjectID, Title: e.Title, Description: e.Description,
		ActivityID: e.ActivityID, Status: string(e.Status), SubmittedBy: e.SubmittedBy, SubmittedAt: e.SubmittedAt, ReviewedAt: e.ReviewedAt, Version: e.Version}
	if e.Type != "" {
		t := string(e.Type)
		r.Type = &t
	}
	if e.URL != "" {
		r.URL = &e.URL
	}
	if f := e.File; f != nil {
		r.FileName, r.Size, r.MediaType, r.SHA256, r.BlobKey = &f.Name, &f.Size, &f.MediaType, f.SHA256, &f.BlobKey
	}
	return r
}

func (r evidenceRow) toDomain() domain.Evidence {
	e := domain.Evidence{ID: r.ID, MilestoneID: r.MilestoneID, ProjectID: r.ProjectID, Horizon: domain.Horizon(r.Horizon), Title: r.Title, Description: r.Description,
		ActivityID: r.ActivityID, Status: domain.EvidenceStatus(r.Status), SubmittedBy: r.SubmittedBy, SubmittedAt: r.SubmittedAt.UTC(), ReviewedAt: r.ReviewedAt, ReviewComment: r.ReviewComment, Version: r.Version}
	if r.Type != nil {
		e.Type = domain.EvidenceType(*r.Type)
	}
	if r.URL != nil {
		e.URL = *r.URL
	}
	if r.BlobKey != nil {
		e.File = &domain.StoredFile{Name: *r.FileName, Size: *r.Size, MediaType: *r.MediaType, SHA256: r.SHA256, BlobKey: *r.BlobKey}
	}
	return e
}

// EvidenceStore implements domain.EvidenceStore.
type EvidenceStore struct{ db bun.IDB }

var _ domain.EvidenceStore = (*EvidenceStore)(nil)

// Create inserts evidence.
func (s *EvidenceStore) Create(ctx context.Context, e domain.Evidence) error {
	row := evidenceFromDomain(e)
	_, err := s.db.NewInsert().Model(&row).Exec(ctx)
	return dbError(err)
}

// selectEvidence selects evidence rows into dest with the comment of each
// one's latest review.
func (s *EvidenceStore) selectEvidence(dest any) *bun.SelectQuery {
	return s.db.NewSelect().Model(dest).ColumnExpr("?TableColumns").
		ColumnExpr(`coalesce((SELECT r.comment FROM reviews r WHERE r.target_type = 'evidence' AND r.target_id = ?TableAlias.id
			ORDER BY r.created_at DESC LIMIT 1), '') AS review_comment`).
		ColumnExpr(`(SELECT m.horizon FROM milestones m WHERE m.id = ?TableAlias.milestone_id) AS horizon`)
}

// Get returns evidence by id.
func (s *EvidenceStore) Get(ctx context.Context, id uuid.UUID) (domain.Evidence, error) {
	var row evidenceRow
	err := s.selectEvidence(&row).Where("id = ?", id).Scan(ctx)
	return row.toDomain(), notFound(err, "evidence")
}

// List returns a page of a milestone's evidence, oldest first.
func (s *EvidenceStore) List(ctx context.Context, milestone uuid.UUID, page domain.PageRequest) (domain.Page[domain.Evidence], error) {
	var after time.Time
	var afterID uuid.UUID
	hasCursor, err := decodeCursor(page.Cursor, &after, &afterID)
	if err != nil {
		return domain.Page[domain.Evidence]{}, err
	}
	var rows []evidenceRow
	q := s.selectEvidence(&rows).Where("milestone_id = ?", milestone).OrderExpr("submitted_at, id").Limit(int64(page.Size() + 1))
	if hasCursor {
		q.Where("(submitted_at, id) > (?, ?)", after, afterID)
	}
	if err := q.Scan(ctx); err != nil {
		return domain.Page[domain.Evidence]{}, dbError(err)
	}
	return pageOf(rows, page.Size(), evidenceRow.toDomain, func(r evidenceRow) []any { return []any{r.SubmittedAt, r.ID} }), nil
}

// Update writes the status of evidence if nobody changed it meanwhile.
func (s *EvidenceStore) Update(ctx context.Context, e domain.Evidence) error {
	row := evidenceFromDomain(e)
	res, err := s.db.NewUpdate().Model(&row).Column("status", "reviewed_at", "version").
		WherePK().Where("version = ?", e.Version-1).Exec(ctx)
	return staleUnlessOne(res, err)
}

// ProvedActivities returns the activities of a milestone that have approved
// evidence.
func (s *EvidenceStore) ProvedActivities(ctx context.Context, milestone uuid.UUID) ([]uuid.UUID, error) {
	var ids []uuid.UUID
	err := s.db.NewSelect().Model((*evidenceRow)(nil)).ColumnExpr("DISTINCT activity_id").
		Where("milestone_id = ? AND status = ? AND activity_id IS NOT NULL", milestone, domain.EvidenceApproved).Scan(ctx, &ids)
	return ids, dbError(err)
}
