package persistence

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

type cohortRow struct {
	bun.BaseModel `bun:"table:cohorts"`

	ID                   uuid.UUID  `bun:"id,pk,type:uuid"`
	InstitutionID        uuid.UUID  `bun:"institution_id,type:uuid"`
	Program              string     `bun:"program"`
	Code                 string     `bun:"code"`
	Name                 string     `bun:"name"`
	StartsOn             time.Time  `bun:"starts_on,type:date"`
	EndsOn               time.Time  `bun:"ends_on,type:date"`
	Phases               []phaseRow `bun:"phases,type:jsonb"`
	ResponseDeadlineDays int        `bun:"response_deadline_days"`
	// The cohort's copy of its program template (migration 0011).
	TemplateID            *uuid.UUID     `bun:"template_id,type:uuid"`
	PartnerInstitutionID  *uuid.UUID     `bun:"partner_institution_id,type:uuid"`
	Terms                 termsRow       `bun:"terms,type:jsonb"`
	Thresholds            []thresholdRow `bun:"thresholds,type:jsonb"`
	Graduation            []componentRow `bun:"graduation,type:jsonb"`
	ExaminersRequired     int            `bun:"examiners_required"`
	ShowExaminerScores    bool           `bun:"show_examiner_scores"`
	AppealWorkingDays     int            `bun:"appeal_working_days"`
	ReportLeadWorkingDays int            `bun:"report_lead_working_days"`
	Version               int64          `bun:"version"`
	CreatedAt             time.Time      `bun:"created_at"`
	UpdatedAt             time.Time      `bun:"updated_at"`
}

// phaseRow is one element of cohorts.phases.
type phaseRow struct {
	Kind     string `json:"kind"`
	StartsOn string `json:"startsOn"`
	EndsOn   string `json:"endsOn"`
}

func cohortFromDomain(c domain.Cohort) cohortRow {
	r := cohortRow{ID: c.ID, InstitutionID: c.InstitutionID, Program: string(c.Program), Code: c.Code, Name: c.Name,
		StartsOn: c.StartsOn.Time(), EndsOn: c.EndsOn.Time(), Phases: []phaseRow{}, ResponseDeadlineDays: c.ResponseDeadlineDays, Version: c.Version, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
	for _, p := range c.Phases {
		r.Phases = append(r.Phases, phaseRow{Kind: string(p.Kind), StartsOn: p.StartsOn.String(), EndsOn: p.EndsOn.String()})
	}
	r.TemplateID, r.PartnerInstitutionID, r.Terms = c.TemplateID, c.PartnerInstitutionID, termsFromDomain(c.Terms)
	r.Thresholds, r.Graduation = thresholdsFromDomain(c.Thresholds), graduationFromDomain(c.Graduation)
	r.ExaminersRequired, r.ShowExaminerScores = c.ExaminersRequired, c.ShowExaminerScores
	r.AppealWorkingDays, r.ReportLeadWorkingDays = c.AppealWorkingDays, c.ReportLeadWorkingDays
	return r
}

func (r cohortRow) toDomain() domain.Cohort {
	c := domain.Cohort{ID: r.ID, InstitutionID: r.InstitutionID, Program: domain.Program(r.Program), Code: r.Code, Name: r.Name,
		StartsOn: domain.DateOf(r.StartsOn), EndsOn: domain.DateOf(r.EndsOn), Phases: []domain.Phase{}, ResponseDeadlineDays: r.ResponseDeadlineDays, Version: r.Version,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
	for _, p := range r.Phases {
		starts, _ := domain.ParseDate("", p.StartsOn)
		ends, _ := domain.ParseDate("", p.EndsOn)
		c.Phases = append(c.Phases, domain.Phase{Kind: domain.PhaseKind(p.Kind), StartsOn: starts, EndsOn: ends})
	}
	c.TemplateID, c.PartnerInstitutionID, c.Terms = r.TemplateID, r.PartnerInstitutionID, r.Terms.toDomain()
	c.Thresholds, c.Graduation = thresholdsToDomain(r.Thresholds), graduationToDomain(r.Graduation)
	c.ExaminersRequired, c.ShowExaminerScores = r.ExaminersRequired, r.ShowExaminerScores
	c.AppealWorkingDays, c.ReportLeadWorkingDays = r.AppealWorkingDays, r.ReportLeadWorkingDays
	return c
}

// CohortStore implements domain.CohortStore.
type CohortStore struct{ db bun.IDB }

var _ domain.CohortStore = (*CohortStore)(nil)

// Create inserts a cohort.
func (s *CohortStore) Create(ctx context.Context, c domain.Cohort) error {
	row := cohortFromDomain(c)
	_, err := s.db.NewInsert().Model(&row).Exec(ctx)
	return dbError(err)
}

// Get returns a cohort by id.
func (s *CohortStore) Get(ctx context.Context, id uuid.UUID) (domain.Cohort, error) {
	var row cohortRow
	err := s.db.NewSelect().Model(&row).Where("id = ?", id).Scan(ctx)
	return row.toDomain(), notFound(err, "cohort")
}

// Update writes a cohort if nobody changed it since it was read.
func (s *CohortStore) Update(ctx context.Context, c domain.Cohort) error {
	row := cohortFromDomain(c)
	res, err := s.db.NewUpdate().Model(&row).Column("code", "name", "starts_on", "ends_on", "phases", "response_deadline_days",
		"partner_institution_id", "terms", "thresholds", "graduation", "examiners_required", "show_examiner_scores",
		"appeal_working_days", "report_lead_working_days", "version", "updated_at").
		WherePK().Where("version = ?", c.Version-1).Exec(ctx)
	return staleUnlessOne(res, err)
}

// List returns cohorts, newest first: all, or those in scope.
func (s *CohortStore) List(ctx context.Context, scope domain.CohortScope, page domain.PageRequest) (domain.Page[domain.Cohort], error) {
	var afterCreated time.Time
	var afterID uuid.UUID
	hasCursor, err := decodeCursor(page.Cursor, &afterCreated, &afterID)
	if err != nil {
		return domain.Page[domain.Cohort]{}, err
	}
	if !scope.All && len(scope.IDs) == 0 {
		return domain.Page[domain.Cohort]{Items: []domain.Cohort{}}, nil
	}
	var rows []cohortRow
	query := s.db.NewSelect().Model(&rows).OrderExpr("created_at DESC, id DESC").Limit(int64(page.Size() + 1))
	if !scope.All {
		query.Where("id IN (?)", bun.List(scope.IDs))
	}
	if hasCursor {
		query.Where("(created_at, id) < (?, ?)", afterCreated, afterID)
	}
	if err := query.Scan(ctx); err != nil {
		return domain.Page[domain.Cohort]{}, dbError(err)
	}
	return pageOf(rows, page.Size(), cohortRow.toDomain, func(r cohortRow) []any { return []any{r.CreatedAt, r.ID} }), nil
}

// AddStaff gives a staff role; it reports false when the user had it.
func (s *CohortStore) AddStaff(ctx context.Context, m domain.StaffMember) (bool, error) {
	res, err := s.db.NewRaw(`INSERT INTO cohort_staff (cohort_id, user_id, role, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		m.CohortID, m.UserID, string(m.Role), m.AddedAt).Exec(ctx)
	if err != nil {
		return false, dbError(err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// RemoveStaff takes one role, or all when role is empty.
func (s *CohortStore) RemoveStaff(ctx context.Context, cohort, user uuid.UUID, role domain.StaffRole) (int, error) {
	res, err := s.db.NewRaw(`DELETE FROM cohort_staff WHERE cohort_id = ? AND user_id = ? AND (? = '' OR role = ?)`,
		cohort, user, string(role), string(role)).Exec(ctx)
	if err != nil {
		return 0, dbError(err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// Staff lists a cohort's staff with their names, by role and name.
func (s *CohortStore) Staff(ctx context.Context, cohort uuid.UUID) ([]domain.StaffMember, error) {
	var rows []struct {
		UserID    uuid.UUID `bun:"user_id"`
		Role      string    `bun:"role"`
		Name      string    `bun:"name"`
		Email     string    `bun:"email"`
		CreatedAt time.Time `bun:"created_at"`
	}
	err := s.db.NewRaw(`SELECT s.user_id, s.role, u.name, u.email, s.created_at
		FROM cohort_staff s JOIN users u ON u.id = s.user_id
		WHERE s.cohort_id = ? ORDER BY s.role, u.sort_name, u.name, u.id`, cohort).Scan(ctx, &rows)
	if err != nil {
		return nil, dbError(err)
	}
	staff := make([]domain.StaffMember, len(rows))
	for i, r := range rows {
		staff[i] = domain.StaffMember{CohortID: cohort, UserID: r.UserID, Role: domain.StaffRole(r.Role), Name: r.Name, Email: r.Email, AddedAt: r.CreatedAt.UTC()}
	}
	return staff, nil
}
