package domain

import (
	"strconv"
	"time"
)

// Date is a calendar day without a time or zone, written YYYY-MM-DD.
type Date struct {
	t time.Time // midnight UTC
}

// NewDate returns the date of year, month and day.
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar day of t in UTC.
func DateOf(t time.Time) Date {
	y, m, d := t.UTC().Date()
	return NewDate(y, m, d)
}

// ParseDate reads a YYYY-MM-DD date; field names the input for the error.
func ParseDate(field, s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, Invalid(field, CodeFieldDate)
	}
	return Date{t}, nil
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Before reports whether d is earlier than other.
func (d Date) Before(other Date) bool { return d.t.Before(other.t) }

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time { return d.t }

// String formats the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// MarshalText writes the date as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a YYYY-MM-DD date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	parsed, err := ParseDate("date", string(b))
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}

// WIB is Western Indonesian Time (Asia/Jakarta), the zone of the
// institutions' letters and files: UTC+7, without daylight saving since
// 1964, so a fixed zone needs no time zone database on the server.
var WIB = time.FixedZone("WIB", 7*60*60)

// indonesianMonths name the months in Bahasa Indonesia, January first.
var indonesianMonths = [12]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni",
	"Juli", "Agustus", "September", "Oktober", "November", "Desember"}

// Indonesian writes the date as Indonesian letters do, "14 Desember 2026",
// or "" when unset.
func (d Date) Indonesian() string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.t.Date()
	return strconv.Itoa(day) + " " + indonesianMonths[m-1] + " " + strconv.Itoa(y)
}

// IndonesianDateTime writes the moment t as a letter does, in WIB:
// "14 Desember 2026 pukul 09.30 WIB".
func IndonesianDateTime(t time.Time) string {
	t = t.In(WIB)
	return NewDate(t.Year(), t.Month(), t.Day()).Indonesian() + " pukul " + t.Format("15.04") + " WIB"
}

// FileTime writes the moment t as the files Proper exports for
// spreadsheets write it, in WIB: "2026-12-07 14:05 WIB".
func FileTime(t time.Time) string { return t.In(WIB).Format("2006-01-02 15:04") + " WIB" }
