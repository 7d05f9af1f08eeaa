package persistence

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// unitRow is a row of agency_units.
type unitRow struct {
	bun.BaseModel `bun:"table:agency_units,alias:u"`

	ID        uuid.UUID `bun:"id,pk,type:uuid"`
	AgencyID  uuid.UUID `bun:"agency_id,type:uuid"`
	Name      string    `bun:"name"`
	Kind      string    `bun:"kind"`
	Version   int64     `bun:"version"`
	CreatedAt time.Time `bun:"created_at"`
	UpdatedAt time.Time `bun:"updated_at"`
	// SortKey is lower(name) as PostgreSQL computes it, for cursors.
	SortKey string `bun:"sort_key,scanonly"`
}

func unitFromDomain(u domain.Unit) unitRow {
	return unitRow{ID: u.ID, AgencyID: u.AgencyID, Name: u.Name, Kind: string(u.Kind), Version: u.Version, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt}
}

func (r unitRow) toDomain() domain.Unit {
	return domain.Unit{ID: r.ID, AgencyID: r.AgencyID, Name: r.Name, Kind: domain.UnitKind(r.Kind), Version: r.Version,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

// UnitStore implements domain.UnitStore.
type UnitStore struct{ db bun.IDB }

var _ domain.UnitStore = (*UnitStore)(nil)

// Create inserts units, in one statement.
func (s *UnitStore) Create(ctx context.Context, units ...domain.Unit) error {
	if len(units) == 0 {
		return nil
	}
	rows := make([]unitRow, len(units))
	for i, u := range units {
		rows[i] = unitFromDomain(u)
	}
	_, err := s.db.NewInsert().Model(&rows).Exec(ctx)
	return dbError(err)
}

// Get returns a unit by id.
func (s *UnitStore) Get(ctx context.Context, id uuid.UUID) (domain.Unit, error) {
	var row unitRow
	err := s.db.NewSelect().Model(&row).Where("id = ?", id).Scan(ctx)
	return row.toDomain(), notFound(err, "unit")
}

// Update writes a unit if nobody changed it since it was read.
func (s *UnitStore) Update(ctx context.Context, u domain.Unit) error {
	row := unitFromDomain(u)
	res, err := s.db.NewUpdate().Model(&row).Column("name", "kind", "version", "updated_at").
		WherePK().Where("version = ?", u.Version-1).Exec(ctx)
	return staleUnlessOne(res, err)
}

// OfAgency returns a page of an agency's units by name (agency_units_page).
func (s *UnitStore) OfAgency(ctx context.Context, agency uuid.UUID, page domain.PageRequest) (domain.Page[domain.Unit], error) {
	var afterName string
	var afterID uuid.UUID
	hasCursor, err := decodeCursor(page.Cursor, &afterName, &afterID)
	if err != nil {
		return domain.Page[domain.Unit]{}, err
	}
	var rows []unitRow
	q := s.db.NewSelect().Model(&rows).ColumnExpr("*, lower(name) AS sort_key").Where("agency_id = ?", agency).
		OrderExpr("lower(name), id").Limit(int64(page.Size() + 1))
	if hasCursor {
		q.Where("(lower(name), id) > (?, ?)", afterName, afterID)
	}
	if err := q.Scan(ctx); err != nil {
		return domain.Page[domain.Unit]{}, dbError(err)
	}
	return pageOf(rows, page.Size(), unitRow.toDomain, func(r unitRow) []any { return []any{r.SortKey, r.ID} }), nil
}

// OfAgencies returns every unit of the agencies.
func (s *UnitStore) OfAgencies(ctx context.Context, agencies []uuid.UUID) ([]domain.Unit, error) {
	if len(agencies) == 0 {
		return nil, nil
	}
	var rows []unitRow
	if err := s.db.NewSelect().Model(&rows).Where("agency_id IN (?)", bun.List(agencies)).Scan(ctx); err != nil {
		return nil, dbError(err)
	}
	out := make([]domain.Unit, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}

// Affiliations returns where each of the users works, in one query.
func (s *UnitStore) Affiliations(ctx context.Context, users []uuid.UUID) (map[uuid.UUID]domain.Affiliation, error) {
	out := map[uuid.UUID]domain.Affiliation{}
	if len(users) == 0 {
		return out, nil
	}
	var rows []struct {
		UserID     uuid.UUID  `bun:"user_id"`
		AgencyID   *uuid.UUID `bun:"agency_id"`
		AgencyName *string    `bun:"agency_name"`
		Province   *string    `bun:"province"`
		Regency    *string    `bun:"regency"`
		UnitID     *uuid.UUID `bun:"unit_id"`
		UnitName   *string    `bun:"unit_name"`
		UnitKind   *string    `bun:"unit_kind"`
	}
	err := s.db.NewRaw(`SELECT us.id AS user_id, a.id AS agency_id, a.name AS agency_name, a.province, a.regency,
		       un.id AS unit_id, un.name AS unit_name, un.kind AS unit_kind
		FROM users us LEFT JOIN agencies a ON a.id = us.agency_id LEFT JOIN agency_units un ON un.id = us.unit_id
		WHERE us.id IN (?)`, bun.List(users)).Scan(ctx, &rows)
	if err != nil {
		return nil, dbError(err)
	}
	str := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	for _, r := range rows {
		out[r.UserID] = domain.Affiliation{AgencyID: r.AgencyID, AgencyName: str(r.AgencyName),
			Place:  domain.Place{Province: str(r.Province), Regency: str(r.Regency)},
			UnitID: r.UnitID, UnitName: str(r.UnitName), UnitKind: domain.UnitKind(str(r.UnitKind))}
	}
	return out, nil
}
