package domain

import (
	"math/rand/v2"
	"testing"
	"time"
)

// idulFitri2026 is the calendar around Idul Fitri 1447 H as the decree of
// 2026 sets it: Nyepi on Thursday 19 March with cuti bersama on the 18th,
// cuti bersama on Friday 20, Idul Fitri on Saturday 21 and Sunday 22, cuti
// bersama on Monday 23 and Tuesday 24, and Good Friday on 3 April.
func idulFitri2026() WorkCalendar {
	var hs []Holiday
	for _, d := range []int{18, 19, 20, 21, 22, 23, 24} {
		hs = append(hs, Holiday{On: NewDate(2026, time.March, d), Name: "libur", Kind: HolidayJointLeave})
	}
	hs = append(hs, Holiday{On: NewDate(2026, time.April, 3), Name: "Wafat Yesus Kristus", Kind: HolidayNational})
	return NewWorkCalendar(hs)
}

// wib is a moment in Asia/Jakarta.
func wib(month time.Month, day, hour int) time.Time {
	return time.Date(2026, month, day, hour, 0, 0, 0, WIB)
}

func TestWeekendsAndHolidaysAreNoWorkingDays(t *testing.T) {
	cal := idulFitri2026()
	for _, c := range []struct {
		day     Date
		working bool
	}{
		{NewDate(2026, time.March, 16), true},  // Monday
		{NewDate(2026, time.March, 17), true},  // Tuesday
		{NewDate(2026, time.March, 18), false}, // cuti bersama Nyepi
		{NewDate(2026, time.March, 19), false}, // Nyepi
		{NewDate(2026, time.March, 21), false}, // Idul Fitri, a Saturday anyway
		{NewDate(2026, time.March, 24), false}, // cuti bersama Idul Fitri
		{NewDate(2026, time.March, 25), true},  // Wednesday, back at work
		{NewDate(2026, time.March, 28), false}, // Saturday
		{NewDate(2026, time.March, 29), false}, // Sunday
		{NewDate(2026, time.April, 3), false},  // Good Friday
	} {
		if got := cal.IsWorkingDay(c.day); got != c.working {
			t.Errorf("%s: working %v, want %v", c.day, got, c.working)
		}
	}
}

func TestAddWorkingDaysSkipsWeekendsAndHolidays(t *testing.T) {
	cal := idulFitri2026()
	for _, c := range []struct {
		from Date
		n    int
		want Date
	}{
		{NewDate(2026, time.November, 6), 0, NewDate(2026, time.November, 6)},  // no days: the day itself
		{NewDate(2026, time.November, 6), 1, NewDate(2026, time.November, 9)},  // Friday + 1: Monday
		{NewDate(2026, time.November, 6), 3, NewDate(2026, time.November, 11)}, // Friday + 3: Wednesday
		{NewDate(2026, time.November, 7), 1, NewDate(2026, time.November, 9)},  // from a Saturday
		{NewDate(2026, time.November, 2), 7, NewDate(2026, time.November, 11)}, // Monday + 7: Wednesday after
		{NewDate(2026, time.March, 17), 1, NewDate(2026, time.March, 25)},      // over the whole break
		{NewDate(2026, time.March, 17), 7, NewDate(2026, time.April, 2)},
		{NewDate(2026, time.April, 2), 1, NewDate(2026, time.April, 6)}, // over Good Friday and the weekend
		{NewDate(2026, time.December, 31), 2, NewDate(2027, time.January, 4)},
	} {
		if got := cal.AddWorkingDays(c.from, c.n); got != c.want {
			t.Errorf("%s + %d working days = %s, want %s", c.from, c.n, got, c.want)
		}
	}
}

func TestWorkingDaysBetweenCountsTheDaysAfterFromUpToTo(t *testing.T) {
	cal := idulFitri2026()
	for _, c := range []struct {
		from, to Date
		want     int
	}{
		{NewDate(2026, time.November, 6), NewDate(2026, time.November, 6), 0},
		{NewDate(2026, time.November, 6), NewDate(2026, time.November, 9), 1},   // Friday to Monday
		{NewDate(2026, time.November, 9), NewDate(2026, time.November, 6), 0},   // backwards
		{NewDate(2026, time.November, 2), NewDate(2026, time.November, 30), 20}, // four weeks
		{NewDate(2026, time.March, 17), NewDate(2026, time.March, 24), 0},       // the break
		{NewDate(2026, time.March, 13), NewDate(2026, time.April, 6), 10},
	} {
		if got := cal.WorkingDaysBetween(c.from, c.to); got != c.want {
			t.Errorf("working days after %s up to %s = %d, want %d", c.from, c.to, got, c.want)
		}
	}
}

// TestWorkingDayArithmeticAgrees checks the calendar's functions against
// each other on random days and counts: adding n working days lands on a
// working day n working days later, and every day strictly between is
// counted by WorkingDaysBetween.
func TestWorkingDayArithmeticAgrees(t *testing.T) {
	cal := idulFitri2026()
	rng := rand.New(rand.NewPCG(20, 26))
	start := NewDate(2026, time.January, 1)
	for range 2000 {
		from := plusDays(start, rng.IntN(500))
		n := 1 + rng.IntN(30)
		to := cal.AddWorkingDays(from, n)
		if !cal.IsWorkingDay(to) {
			t.Fatalf("%s + %d = %s, not a working day", from, n, to)
		}
		if got := cal.WorkingDaysBetween(from, to); got != n {
			t.Fatalf("%s + %d = %s, but %d working days lie between", from, n, to, got)
		}
		if got := cal.WorkingDaysBetween(from, plusDays(to, -1)); got != n-1 {
			t.Fatalf("%s + %d = %s, but the day before it is %d working days on", from, n, to, got)
		}
		if later := cal.AddWorkingDays(plusDays(from, 1), n); later.Before(to) {
			t.Fatalf("a later start (%s) ends earlier (%s) than %s", plusDays(from, 1), later, to)
		}
	}
}

// TestSevenWorkingDaysOverIdulFitriDoNotMakeAMentorLate is the issue's
// case: a participant submits on the Tuesday before the 2026 Idul Fitri
// break. Seven calendar days later the mentor has had no working day at
// all, so the item is not late and not escalated; it is late once seven
// working days have passed.
func TestSevenWorkingDaysOverIdulFitriDoNotMakeAMentorLate(t *testing.T) {
	cal := idulFitri2026()
	since := wib(time.March, 17, 15)
	for _, c := range []struct {
		what string
		now  time.Time
		late bool
		days int
	}{
		{"7 calendar days later", since.Add(7 * 24 * time.Hour), false, 7},
		{"8 calendar days later, the first working day after the break", since.Add(8 * 24 * time.Hour), false, 8},
		{"on the 7th working day, Thursday 2 April, late in the evening", wib(time.April, 2, 23), false, 16},
		{"on Good Friday, the day after the 7th working day", wib(time.April, 3, 0), true, 16},
		{"a month later", wib(time.April, 17, 9), true, 30},
	} {
		late, days, due := cal.Late(7, since, c.now)
		if late != c.late || days != c.days || due != NewDate(2026, time.April, 2) {
			t.Errorf("%s: late %v after %d days, due %s; want late %v after %d days, due 2026-04-02", c.what, late, days, due, c.late, c.days)
		}
		// The stores select late items with LateBefore: the same rule.
		if byQuery := since.Before(cal.LateBefore(7, c.now)); byQuery != c.late {
			t.Errorf("%s: LateBefore says late %v, Late says %v", c.what, byQuery, c.late)
		}
	}
	// Counted in calendar days, as before, the mentor would have been late.
	if plain := (WorkCalendar{}); plain.AddWorkingDays(WIBDate(since), 7) != NewDate(2026, time.March, 26) {
		t.Errorf("without holidays 7 working days after 17 March end on %s, want 26 March", plain.AddWorkingDays(WIBDate(since), 7))
	}
}

// TestLateBeforeAgreesWithLate checks the query form of the rule against
// the rule on random submissions and deadlines.
func TestLateBeforeAgreesWithLate(t *testing.T) {
	cal := idulFitri2026()
	rng := rand.New(rand.NewPCG(7, 1447))
	base := time.Date(2026, time.February, 1, 0, 0, 0, 0, WIB)
	for range 3000 {
		since := base.Add(time.Duration(rng.IntN(120*24*60)) * time.Minute)
		now := since.Add(time.Duration(rng.IntN(40*24*60)) * time.Minute)
		days := 1 + rng.IntN(15)
		late, _, _ := cal.Late(days, since, now)
		if byQuery := since.Before(cal.LateBefore(days, now)); byQuery != late {
			t.Fatalf("submitted %s, now %s, %d days: Late %v, LateBefore %v", since, now, days, late, byQuery)
		}
	}
}

func TestTheDayOfADeadlineIsTheDayInJakarta(t *testing.T) {
	cal := WorkCalendar{}
	// 18:00 UTC on Friday 6 November is Saturday 01:00 in Jakarta: a
	// submission of Saturday, whose first working day after is Monday.
	since := time.Date(2026, time.November, 6, 18, 0, 0, 0, time.UTC)
	if got := cal.DueOn(1, since); got != NewDate(2026, time.November, 9) {
		t.Errorf("one working day after Saturday 01:00 WIB ends on %s, want Monday 9 November", got)
	}
	if got := WIBDate(since); got != NewDate(2026, time.November, 7) {
		t.Errorf("WIBDate = %s, want 2026-11-07", got)
	}
}

func TestAHolidayNeedsADateANameAndAKind(t *testing.T) {
	err := Holiday{Name: " ", Kind: "libur"}.Validate()
	for field, code := range map[string]Code{"date": CodeFieldRequired, "name": CodeFieldRequired, "kind": CodeFieldNotOneOf} {
		if !holidayFieldError(err, field, code) {
			t.Errorf("%v does not name %s with %s", err, field, code)
		}
	}
	if err := (Holiday{On: NewDate(2027, time.March, 12), Name: "Cuti bersama Idul Fitri", Kind: HolidayJointLeave}).Validate(); err != nil {
		t.Errorf("a good holiday: %v", err)
	}
}

// holidayFieldError reports whether err is a domain error naming field
// with code.
func holidayFieldError(err error, field string, code Code) bool {
	e, ok := err.(*Error)
	if !ok {
		return false
	}
	for _, f := range e.Fields {
		if f.Field == field && f.Code == code {
			return true
		}
	}
	return false
}
