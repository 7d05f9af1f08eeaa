package domain

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
)

// The operations on the holiday calendar.
const (
	OpListHolidays  Operation = "list-holidays"
	OpCreateHoliday Operation = "create-holiday"
	OpDeleteHoliday Operation = "delete-holiday"
)

// offerHoliday sets what actor may do to a holiday now.
func offerHoliday(actor *Actor, h *Holiday) {
	h.Offer = offerOf(actor, Target{}, *h, []offer[Holiday]{{OpDeleteHoliday, ManageHolidays, nil}})
}

// Calendar keeps the holiday calendar that working days are counted with.
// Everyone signed in reads it; platform admins correct it, since the
// decree is revised during the year.
type Calendar struct {
	store Store
	now   func() time.Time
}

// NewCalendar returns the holiday calendar service.
func NewCalendar(store Store, now func() time.Time) *Calendar {
	return &Calendar{store: store, now: now}
}

// ListHolidays returns the holidays by date, of year unless it is 0.
func (c *Calendar) ListHolidays(ctx context.Context, actor *Actor, year int) ([]Holiday, error) {
	if err := Authorize(actor, ListHolidays, Target{}); err != nil {
		return nil, err
	}
	list, err := c.store.Holidays().List(ctx, year)
	for i := range list {
		offerHoliday(actor, &list[i])
	}
	return list, err
}

// CreateHoliday adds a day off to the calendar; a date that has a holiday
// already is a KindConflict naming "date".
func (c *Calendar) CreateHoliday(ctx context.Context, actor *Actor, on Date, name string, kind HolidayKind) (Holiday, error) {
	if err := Authorize(actor, ManageHolidays, Target{}); err != nil {
		return Holiday{}, err
	}
	h := Holiday{ID: NewID(), On: on, Name: strings.TrimSpace(name), Kind: kind, CreatedAt: c.now().UTC()}
	if err := h.Validate(); err != nil {
		return Holiday{}, err
	}
	err := c.store.WithinTx(ctx, func(tx Store) error {
		if err := tx.Holidays().Create(ctx, h); err != nil {
			return err
		}
		e := event(actor, h.CreatedAt, "holiday.created", "holiday", h.ID)
		e.After, e.Details.Title = h, h.Name
		return tx.Events().Append(ctx, e)
	})
	offerHoliday(actor, &h)
	return h, err
}

// DeleteHoliday removes a day off from the calendar: from then on it
// counts as a working day, for deadlines already running too.
func (c *Calendar) DeleteHoliday(ctx context.Context, actor *Actor, id uuid.UUID) error {
	if err := Authorize(actor, ManageHolidays, Target{}); err != nil {
		return err
	}
	return c.store.WithinTx(ctx, func(tx Store) error {
		if err := tx.Holidays().Delete(ctx, id); err != nil {
			return err
		}
		return tx.Events().Append(ctx, event(actor, c.now().UTC(), "holiday.deleted", "holiday", id))
	})
}

// WorkCalendar returns the current working-day calendar, read from the
// store for this call (see LoadWorkCalendar): the API for any service that
// counts a deadline in working days, such as an appeal window of three
// working days after results are released:
//
//	cal, err := services.Calendar.WorkCalendar(ctx)
//	lastDay := cal.AddWorkingDays(WIBDate(releasedAt), 3)
func (c *Calendar) WorkCalendar(ctx context.Context) (WorkCalendar, error) {
	return LoadWorkCalendar(ctx, c.store)
}
