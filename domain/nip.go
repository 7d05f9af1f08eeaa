package domain

import (
	"strings"
	"time"
)

// NIP is a Nomor Induk Pegawai, the 18-digit national id of an Indonesian
// civil servant, such as "198001152005011002". Its digits say who it
// belongs to: 1–8 the birth date (YYYYMMDD), 9–14 the year and month of
// appointment as a candidate civil servant (TMT CPNS, YYYYMM), 15 the sex
// (1 male, 2 female) and 16–18 a sequence number. A NIP from ParseNIP always
// has that shape; the methods return zero values for any other string.
type NIP string

// Sex is a civil servant's sex as recorded in digit 15 of the NIP.
type Sex string

// The sexes a NIP records.
const (
	SexMale   Sex = "male"
	SexFemale Sex = "female"
)

// nipLength is the number of digits of a NIP.
const nipLength = 18

// nipGroups are the lengths of the digit groups of the printed form
// "19800115 200501 1 002".
var nipGroups = [...]int{8, 6, 1, 3}

// The plausible ranges of the dates a NIP encodes. A candidate civil servant
// is at least about 18 when appointed, so the appointment year comes at least
// 17 years after the birth year (a January birthday, a December appointment).
const (
	minBirthYear       = 1930
	minAppointmentYear = 1950
	maxNIPYear         = 2099
	minAppointmentAge  = 17
)

// ParseNIP returns s as a NIP, or an Invalid error naming the field "nip"
// that says which digits are wrong. It accepts the 18 digits written
// together ("198001152005011002") or in the printed form with one space
// between the groups ("19800115 200501 1 002"); surrounding spaces are ignored.
func ParseNIP(s string) (NIP, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", Invalid("nip", CodeFieldRequired)
	}
	if printed, ok := joinNIPGroups(s); ok {
		s = printed
	}
	if len(s) != nipLength || !allDigits(s) {
		return "", Invalid("nip", CodeNIPLength)
	}
	n := NIP(s)
	birth := n.BirthDate()
	if birth.IsZero() {
		return "", Invalid("nip", CodeNIPBirthDate)
	}
	year, _ := n.AppointedIn()
	if year == 0 {
		return "", Invalid("nip", CodeNIPAppointment)
	}
	if year-birth.Year() < minAppointmentAge {
		return "", Invalid("nip", CodeNIPAppointmentAge)
	}
	if n.Sex() == "" {
		return "", Invalid("nip", CodeNIPSex)
	}
	return n, nil
}

// joinNIPGroups returns the digits of s when s is the printed form of a NIP,
// four groups of 8, 6, 1 and 3 digits separated by single spaces.
func joinNIPGroups(s string) (string, bool) {
	groups := strings.Split(s, " ")
	if len(groups) != len(nipGroups) {
		return "", false
	}
	for i, g := range groups {
		if len(g) != nipGroups[i] || !allDigits(g) {
			return "", false
		}
	}
	return strings.Join(groups, ""), true
}

// allDigits reports whether s consists of ASCII digits only.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// number returns the decimal value of n[from:to], or -1 when n is not
// 18 ASCII digits.
func (n NIP) number(from, to int) int {
	if len(n) != nipLength || !allDigits(string(n)) {
		return -1
	}
	v := 0
	for i := from; i < to; i++ {
		v = v*10 + int(n[i]-'0')
	}
	return v
}

// BirthDate returns the birth date in digits 1–8 at midnight UTC, or the
// zero time when those digits are not a real date between 1930 and 2099.
func (n NIP) BirthDate() time.Time {
	y, m, d := n.number(0, 4), n.number(4, 6), n.number(6, 8)
	if y < minBirthYear || y > maxNIPYear {
		return time.Time{}
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	// time.Date normalizes 30 February to 2 March; a real date survives intact.
	if t.Year() != y || t.Month() != time.Month(m) || t.Day() != d {
		return time.Time{}
	}
	return t
}

// AppointedIn returns the year and month of appointment as a candidate civil
// servant in digits 9–14, or zeros when they are not a month between 1950
// and 2099. The NIP does not record the day.
func (n NIP) AppointedIn() (year int, month time.Month) {
	y, m := n.number(8, 12), n.number(12, 14)
	if y < minAppointmentYear || y > maxNIPYear || m < 1 || m > 12 {
		return 0, 0
	}
	return y, time.Month(m)
}

// Sex returns the sex recorded in digit 15, or "" when it is neither 1 nor 2.
func (n NIP) Sex() Sex {
	switch n.number(14, 15) {
	case 1:
		return SexMale
	case 2:
		return SexFemale
	}
	return ""
}

// String returns the 18 digits, written together.
func (n NIP) String() string { return string(n) }
