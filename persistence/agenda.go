package persistence

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"github.com/proper-id/proper/domain"
)

type agendaItemRow struct {
	bun.BaseModel `bun:"table:agenda_items"`

	ID        uuid.UUID `bun:"id,pk,type:uuid"`
	CohortID  uuid.UUID `bun:"cohort_id,type:uuid"`
	Kind      string    `bun:"kind"`
	Title     string    `bun:"title"`
	StartsOn  time.Time `bun:"starts_on,type:date"`
	EndsOn    time.Time `bun:"ends_on,type:date"`
	Place     string    `bun:"place"`
	OnlineURL string    `bun:"online_url"`
	Notes     string    `bun:"notes"`
	Version   int64     `bun:"version"`
	CreatedAt time.Time `bun:"created_at"`
	UpdatedAt time.Time `bun:"updated_at"`
}

func agendaItemFromDomain(a domain.AgendaItem) agendaItemRow {
	return agendaItemRow{ID: a.ID, CohortID: a.CohortID, Kind: string(a.Kind), Title: a.Title, StartsOn: a.StartsOn.Time(), EndsOn: a.EndsOn.Time(),
		Place: a.Place, OnlineURL: a.OnlineURL, Notes: a.Notes, Version: a.Version, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt}
}

func (r agendaItemRow) toDomain() domain.AgendaItem {
	return domain.AgendaItem{ID: r.ID, CohortID: r.CohortID, Kind: domain.AgendaKind(r.Kind), Title: r.Title, StartsOn: domain.DateOf(r.StartsOn),
		EndsOn: domain.DateOf(r.EndsOn), Place: r.Place, OnlineURL: r.OnlineURL, Notes: r.Notes, Version: r.Version,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

// AgendaStore implements domain.AgendaStore. Writing agenda_items fires
// the trigger of migration 0012 that keeps cohorts.phases.
type AgendaStore struct{ db bun.IDB }

var _ domain.AgendaStore = (*AgendaStore)(nil)

// OfCohorts returns the cohorts' agenda items, in the order they happen.
func (s *AgendaStore) OfCohorts(ctx context.Context, cohorts ...uuid.UUID) ([]domain.AgendaItem, error) {
	if len(cohorts) == 0 {
		return []domain.AgendaItem{}, nil
	}
	var rows []agendaItemRow
	if err := s.db.NewSelect().Model(&rows).Where("cohort_id IN (?)", bun.List(cohorts)).
		OrderExpr("starts_on, ends_on, id").Scan(ctx); err != nil {
		return nil, dbError(err)
	}
	items := make([]domain.AgendaItem, len(rows))
	for i, r := range rows {
		items[i] = r.toDomain()
	}
	domain.SortAgenda(items)
	return items, nil
}

// Get returns an agenda item.
func (s *AgendaStore) Get(ctx context.Context, id uuid.UUID) (domain.AgendaItem, error) {
	var row agendaItemRow
	err := s.db.NewSelect().Model(&row).Where("id = ?", id).Scan(ctx)
	return row.toDomain(), notFound(err, "agenda item")
}

// Create inserts agenda items, in one statement.
func (s *AgendaStore) Create(ctx context.Context, items ...domain.AgendaItem) error {
	if len(items) == 0 {
		return nil
	}
	rows := make([]agendaItemRow, len(items))
	for i, a := range items {
		rows[i] = agendaItemFromDomain(a)
	}
	_, err := s.db.NewInsert().Model(&rows).Exec(ctx)
	return dbError(err)
}

// Update writes an item if nobody changed it since it was read.
func (s *AgendaStore) Update(ctx context.Context, a domain.AgendaItem) error {
	row := agendaItemFromDomain(a)
	res, err := s.db.NewUpdate().Model(&row).Column("kind", "title", "starts_on", "ends_on", "place", "online_url", "notes", "version", "updated_at").
		WherePK().Where("version = ?", a.Version-1).Exec(ctx)
	return staleUnlessOne(res, err)
}

// Delete removes an item.
func (s *AgendaStore) Delete(ctx context.Context, id uuid.UUID) error {
	_, err := s.db.NewDelete().Model((*agendaItemRow)(nil)).Where("id = ?", id).Exec(ctx)
	return dbError(err)
}

// DeleteKinds removes a cohort's items of the kinds.
func (s *AgendaStore) DeleteKinds(ctx context.Context, cohort uuid.UUID, kinds []domain.AgendaKind) error {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	_, err := s.db.NewDelete().Model((*agendaItemRow)(nil)).Where("cohort_id = ? AND kind IN (?)", cohort, bun.List(names)).Exec(ctx)
	return dbError(err)
}

// Rules returns a cohort's agenda rules, the default at version 0 when it
// has none stored.
func (s *AgendaStore) Rules(ctx context.Context, cohort uuid.UUID) (domain.AgendaRules, error) {
	var rows []struct {
		RefuseOutside []string  `bun:"refuse_outside,array"`
		Version       int64     `bun:"version"`
		UpdatedAt     time.Time `bun:"updated_at"`
	}
	if err := s.db.NewRaw(`SELECT refuse_outside, version, updated_at FROM agenda_rules WHERE cohort_id = ?`, cohort).Scan(ctx, &rows); err != nil {
		return domain.AgendaRules{}, dbError(err)
	}
	r := domain.AgendaRules{CohortID: cohort, RefuseOutside: []domain.GatedStep{}}
	if len(rows) == 1 {
		r.Version, r.UpdatedAt = rows[0].Version, rows[0].UpdatedAt.UTC()
		for _, st := range rows[0].RefuseOutside {
			r.RefuseOutside = append(r.RefuseOutside, domain.GatedStep(st))
		}
	}
	return r, nil
}

// SaveRules stores a cohort's rules when nobody changed them since they
// were read (version 1 creates them).
func (s *AgendaStore) SaveRules(ctx context.Context, r domain.AgendaRules) error {
	steps := make([]string, len(r.RefuseOutside))
	for i, st := range r.RefuseOutside {
		steps[i] = string(st)
	}
	res, err := s.db.NewRaw(`INSERT INTO agenda_rules (cohort_id, refuse_outside, version, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (cohort_id) DO UPDATE SET refuse_outside = excluded.refuse_outside, version = excluded.version, updated_at = excluded.updated_at
		WHERE agenda_rules.version = ?`, r.CohortID, pgdialect.Array(steps), r.Version, r.UpdatedAt, r.Version-1).Exec(ctx)
	return staleUnlessOne(res, err)
}

// ProjectsOf lists a participant's projects.
func (s *AgendaStore) ProjectsOf(ctx context.Context, participant uuid.UUID) ([]domain.ParticipantProject, error) {
	var rows []struct {
		CohortID  uuid.UUID `bun:"cohort_id"`
		ProjectID uuid.UUID `bun:"project_id"`
		Title     string    `bun:"title"`
		Status    string    `bun:"status"`
	}
	if err := s.db.NewRaw(`SELECT e.cohort_id, p.id AS project_id, p.title, p.status
		FROM enrollments e JOIN projects p ON p.enrollment_id = e.id WHERE e.participant_id = ?`, participant).Scan(ctx, &rows); err != nil {
		return nil, dbError(err)
	}
	out := make([]domain.ParticipantProject, len(rows))
	for i, r := range rows {
		out[i] = domain.ParticipantProject{CohortID: r.CohortID, ProjectID: r.ProjectID, Title: r.Title, Status: domain.ProjectStatus(r.Status)}
	}
	return out, nil
}

// TimingCounts counts the cohort's events flagged early or late.
func (s *AgendaStore) TimingCounts(ctx context.Context, cohort uuid.UUID, coachedBy *uuid.UUID) (domain.AgendaTimingCounts, error) {
	var out struct {
		Early int `bun:"early"`
		Late  int `bun:"late"`
	}
	err := s.db.NewRaw(`SELECT count(*) FILTER (WHERE ev.details->>'timing' = ?) AS early,
		       count(*) FILTER (WHERE ev.details->>'timing' = ?) AS late
		FROM events ev
		JOIN projects p ON p.id = ev.project_id
		JOIN enrollments e ON e.id = p.enrollment_id
		WHERE ev.cohort_id = ? AND ev.details->>'timing' IN (?, ?) AND (?::uuid IS NULL OR e.coach_id = ?)`,
		string(domain.TimingEarly), string(domain.TimingLate), cohort, string(domain.TimingEarly), string(domain.TimingLate), coachedBy, coachedBy).Scan(ctx, &out)
	return domain.AgendaTimingCounts{Early: out.Early, Late: out.Late}, dbError(err)
}
