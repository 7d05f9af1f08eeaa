package domain

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
)

// HolidayKind says why a day is not a working day although it falls on a
// weekday: a national holiday or a cuti bersama of the joint ministerial
// decree (SKB 3 Menteri).
type HolidayKind string

// The kinds of holiday.
const (
	HolidayNational   HolidayKind = "national"    // libur nasional
	HolidayJointLeave HolidayKind = "joint_leave" // cuti bersama
)

// HolidayKinds lists every kind of holiday.
var HolidayKinds = []HolidayKind{HolidayNational, HolidayJointLeave}

// ParseHolidayKind returns the kind named s, or an Invalid error naming
// field "kind".
func ParseHolidayKind(s string) (HolidayKind, error) {
	for _, k := range HolidayKinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", Invalid("kind", CodeFieldNotOneOf, Params{"values": "national, joint_leave"})
}

// Holiday is a day off in Indonesia, kept as data by platform admins: the
// decree is published a year ahead and revised, so the calendar is never
// code.
type Holiday struct {
	ID        uuid.UUID
	On        Date
	Name      string
	Kind      HolidayKind
	CreatedAt time.Time
	// Offer is what the caller who read it may do to it now.
	Offer Offer `json:"-"`
}

// MaxHolidayNameLength bounds a holiday's name.
const MaxHolidayNameLength = 200

// Validate checks a holiday before it is stored.
func (h Holiday) Validate() error {
	var v Violations
	if h.On.IsZero() {
		v.Add("date", CodeFieldRequired)
	}
	name := strings.TrimSpace(h.Name)
	switch {
	case name == "":
		v.Add("name", CodeFieldRequired)
	case len([]rune(name)) > MaxHolidayNameLength:
		v.Add("name", CodeFieldTooLong, Params{"max": MaxHolidayNameLength})
	default:
		v.AddError("name", CheckSingleLine("name", name))
	}
	if _, err := ParseHolidayKind(string(h.Kind)); err != nil {
		v.Add("kind", CodeFieldNotOneOf, Params{"values": "national, joint_leave"})
	}
	return v.Err()
}

// HolidayStore keeps the holiday calendar.
type HolidayStore interface {
	// List returns the holidays by date; year limits them unless 0.
	List(ctx context.Context, year int) ([]Holiday, error)
	// Create stores a holiday; a date that has one already is a
	// KindConflict error naming field "date".
	Create(ctx context.Context, h Holiday) error
	// Delete removes a holiday, or answers KindNotFound.
	Delete(ctx context.Context, id uuid.UUID) error
}

// WorkCalendar tells working days from days off: Saturdays, Sundays and
// the holidays of the calendar are not working days. Its dates are the
// days of Asia/Jakarta (WIB), where the institutions work. The zero
// WorkCalendar knows no holidays and counts weekdays only.
//
// Deadlines in working days (a mentor's response deadline, an appeal
// window) are counted with AddWorkingDays: the n-th working day after the
// day something happened is its last day.
type WorkCalendar struct {
	off map[int64]bool // days since 1970-01-01 of the holidays
}

// NewWorkCalendar returns the calendar with the given holidays.
func NewWorkCalendar(holidays []Holiday) WorkCalendar {
	c := WorkCalendar{off: make(map[int64]bool, len(holidays))}
	for _, h := range holidays {
		c.off[dayNumber(h.On)] = true
	}
	return c
}

// LoadWorkCalendar reads the holiday calendar from the store. Services
// load it per request or per job (it is a few dozen rows a year, one
// indexed query) instead of caching it: replicas never count with a
// holiday an admin has corrected on another one.
func LoadWorkCalendar(ctx context.Context, store Store) (WorkCalendar, error) {
	holidays, err := store.Holidays().List(ctx, 0)
	if err != nil {
		return WorkCalendar{}, err
	}
	return NewWorkCalendar(holidays), nil
}

func dayNumber(d Date) int64 { return d.Time().Unix() / 86400 }

// plusDays returns the date n calendar days after d (before it when n < 0).
func plusDays(d Date, n int) Date {
	y, m, day := d.Time().Date()
	return NewDate(y, m, day+n)
}

// WIBDate returns the day of Asia/Jakarta in which t falls.
func WIBDate(t time.Time) Date {
	y, m, d := t.In(WIB).Date()
	return NewDate(y, m, d)
}

// startOfWIBDay returns the first moment of day d in Asia/Jakarta.
func startOfWIBDay(d Date) time.Time {
	y, m, day := d.Time().Date()
	return time.Date(y, m, day, 0, 0, 0, 0, WIB)
}

// IsWorkingDay reports whether d is a weekday that is no holiday.
func (c WorkCalendar) IsWorkingDay(d Date) bool {
	switch d.Time().Weekday() {
	case time.Saturday, time.Sunday:
		return false
	}
	return !c.off[dayNumber(d)]
}

// AddWorkingDays returns the n-th working day after d: with n = 3 from a
// Friday without holidays, the Wednesday after. With n <= 0 it returns d
// itself, working day or not.
func (c WorkCalendar) AddWorkingDays(d Date, n int) Date {
	for n > 0 {
		d = plusDays(d, 1)
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// WorkingDaysBefore returns the n-th working day before d: with n = 5 from
// a Monday without holidays, the Monday before; a holiday in between moves
// it one working day earlier. With n <= 0 it returns d itself.
func (c WorkCalendar) WorkingDaysBefore(d Date, n int) Date {
	for n > 0 {
		d = plusDays(d, -1)
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// WorkingDaysBetween counts the working days after from up to and
// including to: from a Friday to the Monday after, 1. It is 0 when to is
// not after from. AddWorkingDays(from, WorkingDaysBetween(from, to)) is
// the last working day up to to.
func (c WorkCalendar) WorkingDaysBetween(from, to Date) int {
	n := 0
	for d := plusDays(from, 1); !to.Before(d); d = plusDays(d, 1) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
}

// DueOn is the last day of a deadline of days working days for something
// that started at since: the days-th working day after since's day (WIB).
func (c WorkCalendar) DueOn(days int, since time.Time) Date {
	return c.AddWorkingDays(WIBDate(since), days)
}

// Late is the response-deadline rule: an item submitted at since must be
// answered by the deadlineDays-th working day after the day it was
// submitted (dueOn), and is late from the day after dueOn (WIB). A weekend
// or a holiday does not count against the reviewer: seven working days
// over Idul Fitri with its cuti bersama are more than two calendar weeks.
// waitingDays is how many whole calendar days it has waited, which is what
// the person waiting for an answer experiences.
func (c WorkCalendar) Late(deadlineDays int, since, now time.Time) (late bool, waitingDays int, dueOn Date) {
	waited := now.Sub(since)
	if waited < 0 {
		waited = 0
	}
	dueOn = c.DueOn(deadlineDays, since)
	return dueOn.Before(WIBDate(now)), int(waited / (24 * time.Hour)), dueOn
}

// LateBefore returns the moment before which an item must have been
// submitted to be late at now under a deadline of deadlineDays working
// days (see Late), for stores that select late items in one query: an
// item submitted at since is late exactly when since is before it.
func (c WorkCalendar) LateBefore(deadlineDays int, now time.Time) time.Time {
	today := WIBDate(now)
	// The last day of submission that is late today: the due date only
	// grows with the day of submission, so walk back from yesterday.
	d := plusDays(today, -1)
	for !c.DueOn(deadlineDays, startOfWIBDay(d)).Before(today) {
		d = plusDays(d, -1)
	}
	return startOfWIBDay(plusDays(d, 1))
}
