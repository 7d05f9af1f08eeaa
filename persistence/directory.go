package persistence

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"github.com/proper-id/proper/domain"
)

type institutionRow struct {
	bun.BaseModel `bun:"table:institutions"`

	ID        uuid.UUID `bun:"id,pk,type:uuid"`
	Name      string    `bun:"name"`
	Code      string    `bun:"code"`
	CreatedAt time.Time `bun:"created_at"`
}

func (r institutionRow) toDomain() domain.Institution {
	return domain.Institution{ID: r.ID, Name: r.Name, Code: r.Code, CreatedAt: r.CreatedAt.UTC()}
}

// InstitutionStore implements domain.InstitutionStore.
type InstitutionStore struct{ db bun.IDB }

var _ domain.InstitutionStore = (*InstitutionStore)(nil)

// Create inserts an institution.
func (s *InstitutionStore) Create(ctx context.Context, in domain.Institution) error {
	row := institutionRow{ID: in.ID, Name: in.Name, Code: in.Code, CreatedAt: in.CreatedAt}
	_, err := s.db.NewInsert().Model(&row).Exec(ctx)
	return dbError(err)
}

// Get returns an institution by id.
func (s *InstitutionStore) Get(ctx context.Context, id uuid.UUID) (domain.Institution, error) {
	var row institutionRow
	err := s.db.NewSelect().Model(&row).Where("id = ?", id).Scan(ctx)
	return row.toDomain(), notFound(err, "institution")
}

// List returns institutions by name: all, or those with the given ids.
func (s *InstitutionStore) List(ctx context.Context, ids []uuid.UUID, all bool, page domain.PageRequest) (domain.Page[domain.Institution], error) {
	var afterName string
	var afterID uuid.UUID
	hasCursor, err := decodeCursor(page.Cursor, &afterName, &afterID)
	if err != nil {
		return domain.Page[domain.Institution]{}, err
	}
	if !all && len(ids) == 0 {
		return domain.Page[domain.Institution]{Items: []domain.Institution{}}, nil
	}
	var rows []institutionRow
	query := s.db.NewSelect().Model(&rows).OrderExpr("name, id").Limit(int64(page.Size() + 1))
	if !all {
		query.Where("id IN (?)", bun.List(ids))
	}
	if hasCursor {
		query.Where("(name, id) > (?, ?)", afterName, afterID)
	}
	if err := query.Scan(ctx); err != nil {
		return domain.Page[domain.Institution]{}, dbError(err)
	}
	return pageOf(rows, page.Size(), institutionRow.toDomain, func(r institutionRow) []any { return []any{r.Name, r.ID} }), nil
}

// OrganizedBy lists the institutions a user organizes for: those whose
// cohorts they may create and those of the cohorts they organize.
func (s *InstitutionStore) OrganizedBy(ctx context.Context, user uuid.UUID) ([]uuid.UUID, error) {
	var ids []uuid.UUID
	err := s.db.NewRaw(`SELECT institution_id FROM institution_organizers WHERE user_id = ?0
		UNION SELECT c.institution_id FROM cohort_staff s JOIN cohorts c ON c.id = s.cohort_id WHERE s.user_id = ?0 AND s.role = ?1`,
		user, domain.StaffOrganizer).Scan(ctx, &ids)
	return ids, dbError(err)
}

// AddOrganizer lets a user organize for an institution; adding them twice
// changes nothing.
func (s *InstitutionStore) AddOrganizer(ctx context.Context, institution, user uuid.UUID) error {
	_, err := s.db.NewRaw(`INSERT INTO institution_organizers (institution_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
		institution, user).Exec(ctx)
	return dbError(err)
}

type agencyRow struct {
	bun.BaseModel `bun:"table:agencies"`

	ID        uuid.UUID `bun:"id,pk,type:uuid"`
	Name      string    `bun:"name"`
	Province  string    `bun:"province"`
	Regency   string    `bun:"regency"`
	Region    string    `bun:"region"`
	Version   int64     `bun:"version"`
	CreatedAt time.Time `bun:"created_at"`
	// SortKey is lower(name) as PostgreSQL computes it, for cursors.
	SortKey string `bun:"sort_key,scanonly"`
}

func (r agencyRow) toDomain() domain.Agency {
	return domain.Agency{ID: r.ID, Name: r.Name, Province: r.Province, Regency: r.Regency, Region: r.Region, Version: r.Version, CreatedAt: r.CreatedAt.UTC()}
}

func agencyFromDomain(a domain.Agency) agencyRow {
	version := a.Version
	if version == 0 {
		version = 1
	}
	return agencyRow{ID: a.ID, Name: a.Name, Province: a.Province, Regency: a.Regency, Region: a.Region, Version: version, CreatedAt: a.CreatedAt}
}

// AgencyStore implements domain.AgencyStore.
type AgencyStore struct {
	db     bun.IDB
	search func() bun.IDB // where searches go (a replica, if any)
}

var _ domain.AgencyStore = (*AgencyStore)(nil)

// Create inserts agencies, in one statement.
func (s *AgencyStore) Create(ctx context.Context, agencies ...domain.Agency) error {
	rows := make([]agencyRow, len(agencies))
	for i, a := range agencies {
		rows[i] = agencyFromDomain(a)
	}
	_, err := s.db.NewInsert().Model(&rows).Exec(ctx)
	return dbError(err)
}

// ByNames returns agencies by lower-cased name.
func (s *AgencyStore) ByNames(ctx context.Context, names []string) (map[string]domain.Agency, error) {
	out := map[string]domain.Agency{}
	if len(names) == 0 {
		return out, nil
	}
	var rows []agencyRow
	if err := s.db.NewSelect().Model(&rows).Where("lower(name) IN (SELECT lower(n) FROM unnest(?::text[]) AS n)", pgdialect.Array(names)).Scan(ctx); err != nil {
		return nil, dbError(err)
	}
	for _, r := range rows {
		out[strings.ToLower(r.Name)] = r.toDomain()
	}
	return out, nil
}

// Exists reports whether an agency has the id.
func (s *AgencyStore) Exists(ctx context.Context, id uuid.UUID) (bool, error) {
	ok, err := s.db.NewSelect().Model((*agencyRow)(nil)).Where("id = ?", id).Exists(ctx)
	return ok, dbError(err)
}

// Get returns an agency by id.
func (s *AgencyStore) Get(ctx context.Context, id uuid.UUID) (domain.Agency, error) {
	var row agencyRow
	err := s.db.NewSelect().Model(&row).Where("id = ?", id).Scan(ctx)
	return row.toDomain(), notFound(err, "agency")
}

// Update writes an agency's name and place if nobody changed it since it
// was read.
func (s *AgencyStore) Update(ctx context.Context, a domain.Agency) error {
	row := agencyFromDomain(a)
	res, err := s.db.NewUpdate().Model(&row).Column("name", "province", "regency", "region", "version").
		WherePK().Where("version = ?", a.Version-1).Exec(ctx)
	return staleUnlessOne(res, err)
}

// List returns agencies by name, matching q as a substring when given.
func (s *AgencyStore) List(ctx context.Context, q string, page domain.PageRequest) (domain.Page[domain.Agency], error) {
	var afterName string
	var afterID uuid.UUID
	hasCursor, err := decodeCursor(page.Cursor, &afterName, &afterID)
	if err != nil {
		return domain.Page[domain.Agency]{}, err
	}
	var rows []agencyRow
	query := s.search().NewSelect().Model(&rows).ColumnExpr("*, lower(name) AS sort_key").OrderExpr("lower(name), id").Limit(int64(page.Size() + 1))
	if q = strings.TrimSpace(q); q != "" {
		query.Where("lower(name) LIKE lower(?)", "%"+likeEscape(q)+"%")
	}
	if hasCursor {
		query.Where("(lower(name), id) > (?, ?)", afterName, afterID)
	}
	if err := query.Scan(ctx); err != nil {
		return domain.Page[domain.Agency]{}, dbError(err)
	}
	return pageOf(rows, page.Size(), agencyRow.toDomain, func(r agencyRow) []any { return []any{r.SortKey, r.ID} }), nil
}
