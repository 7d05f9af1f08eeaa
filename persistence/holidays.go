package persistence

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

func init() {
	uniqueFields["holidays_on_key"] = domain.FieldError{Field: "date", Code: domain.CodeHolidayDateTaken}
}

type holidayRow struct {
	bun.BaseModel `bun:"table:holidays,alias:h"`

	ID        uuid.UUID `bun:"id,pk,type:uuid"`
	On        time.Time `bun:"on_date,type:date"`
	Name      string    `bun:"name"`
	Kind      string    `bun:"kind"`
	CreatedAt time.Time `bun:"created_at"`
}

func (r holidayRow) toDomain() domain.Holiday {
	return domain.Holiday{ID: r.ID, On: domain.DateOf(r.On), Name: r.Name, Kind: domain.HolidayKind(r.Kind), CreatedAt: r.CreatedAt.UTC()}
}

// HolidayStore implements domain.HolidayStore.
type HolidayStore struct{ db bun.IDB }

var _ domain.HolidayStore = (*HolidayStore)(nil)

// List returns the holidays by date, of year unless it is 0.
func (s *HolidayStore) List(ctx context.Context, year int) ([]domain.Holiday, error) {
	var rows []holidayRow
	q := s.db.NewSelect().Model(&rows).OrderExpr("on_date")
	if year != 0 {
		q.Where("on_date >= make_date(?, 1, 1) AND on_date < make_date(?, 1, 1)", year, year+1)
	}
	if err := q.Scan(ctx); err != nil {
		return nil, dbError(err)
	}
	out := make([]domain.Holiday, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}

// Create stores a holiday; its date must be free.
func (s *HolidayStore) Create(ctx context.Context, h domain.Holiday) error {
	row := holidayRow{ID: h.ID, On: h.On.Time(), Name: h.Name, Kind: string(h.Kind), CreatedAt: h.CreatedAt}
	_, err := s.db.NewInsert().Model(&row).Exec(ctx)
	return dbError(err)
}

// Delete removes a holiday.
func (s *HolidayStore) Delete(ctx context.Context, id uuid.UUID) error {
	res, err := s.db.NewDelete().Model((*holidayRow)(nil)).Where("id = ?", id).Exec(ctx)
	if err != nil {
		return dbError(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.NotFound("holiday")
	}
	return nil
}
