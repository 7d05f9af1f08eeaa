package persistence

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

func init() {
	uniqueFields["classes_name_key"] = domain.FieldError{Field: "name", Code: domain.CodeClassNameTaken}
}

type classRow struct {
	bun.BaseModel `bun:"table:classes,alias:c"`

	ID        uuid.UUID `bun:"id,pk,type:uuid"`
	CohortID  uuid.UUID `bun:"cohort_id,type:uuid"`
	Name      string    `bun:"name"`
	Version   int64     `bun:"version"`
	CreatedAt time.Time `bun:"created_at"`
	UpdatedAt time.Time `bun:"updated_at"`
	// Read with the class: its coaches, participants and groups.
	CoachIDs     []string `bun:"coach_ids,array,scanonly"`
	Participants int      `bun:"participants,scanonly"`
	Groups       []string `bun:"groups,array,scanonly"`
}

func (r classRow) toDomain() domain.Class {
	c := domain.Class{ID: r.ID, CohortID: r.CohortID, Name: r.Name, CoachIDs: []uuid.UUID{}, Participants: r.Participants,
		Groups: r.Groups, Version: r.Version, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
	for _, id := range r.CoachIDs {
		c.CoachIDs = append(c.CoachIDs, uuid.MustParse(id))
	}
	if c.Groups == nil {
		c.Groups = []string{}
	}
	return c
}

// ClassStore implements domain.ClassStore.
type ClassStore struct{ db bun.IDB }

var _ domain.ClassStore = (*ClassStore)(nil)

// selectClasses selects classes with their coaches, participant count and
// groups, by name.
func (s *ClassStore) selectClasses(rows any) *bun.SelectQuery {
	return s.db.NewSelect().Model(rows).ColumnExpr("c.*").
		ColumnExpr(`coalesce((SELECT array_agg(cc.user_id::text ORDER BY cc.user_id) FROM class_coaches cc WHERE cc.class_id = c.id), '{}') AS coach_ids`).
		ColumnExpr(`(SELECT count(*) FROM enrollments e WHERE e.class_id = c.id) AS participants`).
		ColumnExpr(`coalesce((SELECT array_agg(DISTINCT e.group_name ORDER BY e.group_name) FROM enrollments e
			WHERE e.class_id = c.id AND e.group_name <> ''), '{}') AS groups`).
		OrderExpr("lower(c.name), c.id")
}

// List returns a cohort's classes by name.
func (s *ClassStore) List(ctx context.Context, cohort uuid.UUID) ([]domain.Class, error) {
	var rows []classRow
	if err := s.selectClasses(&rows).Where("c.cohort_id = ?", cohort).Scan(ctx); err != nil {
		return nil, dbError(err)
	}
	out := make([]domain.Class, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}

// Get returns a class by id.
func (s *ClassStore) Get(ctx context.Context, id uuid.UUID) (domain.Class, error) {
	var row classRow
	err := s.selectClasses(&row).Where("c.id = ?", id).Scan(ctx)
	if err != nil {
		return domain.Class{}, notFound(err, "class")
	}
	return row.toDomain(), nil
}

// Create stores a class and its coaches.
func (s *ClassStore) Create(ctx context.Context, c domain.Class) error {
	row := classRow{ID: c.ID, CohortID: c.CohortID, Name: c.Name, Version: c.Version, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
	if _, err := s.db.NewInsert().Model(&row).Exec(ctx); err != nil {
		return dbError(err)
	}
	return s.setCoaches(ctx, c)
}

// Update stores a class's name and coaches if nobody changed it since it
// was read.
func (s *ClassStore) Update(ctx context.Context, c domain.Class) error {
	row := classRow{ID: c.ID, Name: c.Name, Version: c.Version, UpdatedAt: c.UpdatedAt}
	res, err := s.db.NewUpdate().Model(&row).Column("name", "version", "updated_at").
		WherePK().Where("version = ?", c.Version-1).Exec(ctx)
	if err := staleUnlessOne(res, err); err != nil {
		return err
	}
	if _, err := s.db.NewRaw(`DELETE FROM class_coaches WHERE class_id = ?`, c.ID).Exec(ctx); err != nil {
		return dbError(err)
	}
	return s.setCoaches(ctx, c)
}

// setCoaches inserts the class's coaches.
func (s *ClassStore) setCoaches(ctx context.Context, c domain.Class) error {
	if len(c.CoachIDs) == 0 {
		return nil
	}
	_, err := s.db.NewRaw(`INSERT INTO class_coaches (class_id, user_id) SELECT ?, unnest(?::uuid[]) ON CONFLICT DO NOTHING`,
		c.ID, uuidArray(c.CoachIDs)).Exec(ctx)
	return dbError(err)
}

// Delete removes a class.
func (s *ClassStore) Delete(ctx context.Context, id uuid.UUID) error {
	res, err := s.db.NewDelete().Model((*classRow)(nil)).Where("id = ?", id).Exec(ctx)
	if err != nil {
		return dbError(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.NotFound("class")
	}
	return nil
}
