package domain

import "fmt"

// RosterRow is one participant of a training cohort as listed in an uploaded
// roster (package rostercsv reads the CSV), not yet matched to accounts or
// agencies. A reader fills it with the values as written, trimmed;
// CheckRoster validates and normalizes it.
type RosterRow struct {
	// Line is the line of the file on which the row starts, the header being
	// line 1: the row number a spreadsheet shows, unless a value of an
	// earlier row spans several lines.
	Line int
	// NIP is the participant's civil-servant id; empty when not given.
	NIP NIP
	// Name is the participant's full name.
	Name string
	// Email is the participant's normalized (lower-case) address.
	Email string
	// Position is the participant's office (jabatan).
	Position string
	// Rank is the participant's civil-service rank (pangkat/golongan).
	Rank string
	// Agency is the name of the participant's home agency.
	Agency string
	// MentorEmail is the normalized address of the participant's mentor,
	// usually their direct superior; it differs from Email.
	MentorEmail string
	// MentorName is the mentor's name, used when the mentor has no account yet.
	MentorName string
	// CoachEmail is the normalized address of the participant's coach from
	// the organizer; empty when not yet assigned.
	CoachEmail string
	// Group is the group of the cohort the participant is placed in; empty
	// when the cohort is not divided.
	Group string
	// Unit and MentorUnit name the work units (unit kerja, OPD) of the
	// participant and of the mentor in the row's agency; empty when not
	// given. A unit the agency lacks is created by the import.
	Unit       string
	MentorUnit string
	// Class is the name of the participant's class (kelas) in the cohort;
	// empty when not given. A class the cohort lacks is created.
	Class string
}

// Roster is an uploaded roster: its rows, as written, and the names its
// file gives the columns.
type Roster struct {
	Rows    []RosterRow
	Columns RosterColumns
}

// RosterColumns maps the domain's name of a roster column ("mentor_email")
// to the name the file wrote ("Email Mentor"), so that every problem of a
// row names the column as the organizer wrote it. A column it lacks keeps
// the domain's name.
type RosterColumns map[string]string

// Field is where a problem of the column on line is reported:
// "rows[<line>].<column as the file wrote it>".
func (c RosterColumns) Field(line int, column string) string {
	if written, ok := c[column]; ok {
		column = written
	}
	return fmt.Sprintf("rows[%d].%s", line, column)
}

// MaxRosterRows is the most participants one roster file may list; a larger
// cohort is uploaded in several files.
const MaxRosterRows = 5000

// CheckRosterSize returns nil when a roster of n rows may be imported, else
// the Invalid error that says it has none or too many.
func CheckRosterSize(n int) error {
	switch {
	case n == 0:
		return Invalid("roster", CodeRosterEmpty)
	case n > MaxRosterRows:
		return Invalid("roster", CodeRosterTooManyRows, Params{"max": MaxRosterRows})
	}
	return nil
}

// CheckRoster validates the rows of a roster, as read from a file, and
// returns them normalized (e-mail addresses in lower case, NIPs without
// spaces). A roster that breaks rules yields a KindInvalid error listing
// every problem, each under a field such as "rows[3].email" (3 being
// RosterRow.Line), or "roster" for its size.
func CheckRoster(rows []RosterRow) ([]RosterRow, error) { return Roster{Rows: rows}.Check() }

// Check is CheckRoster naming the columns of the problems as r.Columns does.
func (r Roster) Check() ([]RosterRow, error) {
	if err := CheckRosterSize(len(r.Rows)); err != nil {
		return nil, err
	}
	var v Violations
	check := NewRosterCheck(&v, r.Columns)
	out := make([]RosterRow, len(r.Rows))
	for i, row := range r.Rows {
		out[i] = check.Row(row)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// RosterCheck applies the rules of a roster to its rows one after another,
// in the file's order, recording every problem in a Violations: the rules
// of each value, a participant who is their own mentor or coach, and a
// participant (by e-mail or NIP) listed twice, which is a problem of the
// later row. A reader of roster files records the problems of the file
// itself in the same Violations as it goes, so that a client learns of all
// of them in the file's order.
type RosterCheck struct {
	v          *Violations
	columns    RosterColumns
	emailLines map[string]int
	nipLines   map[NIP]int
}

// NewRosterCheck returns a check that records problems in v, naming the
// columns as columns says.
func NewRosterCheck(v *Violations, columns RosterColumns) *RosterCheck {
	return &RosterCheck{v: v, columns: columns, emailLines: map[string]int{}, nipLines: map[NIP]int{}}
}

// Row validates one row, whose values are as written (trimmed), recording
// each problem under "rows[<line>].<column>", and returns it normalized.
func (c *RosterCheck) Row(raw RosterRow) RosterRow {
	v := c.v
	field := func(column string) string { return c.columns.Field(raw.Line, column) }
	email := func(column, value string) string {
		addr, err := ParseEmail(value)
		v.AddError(field(column), err)
		return addr
	}

	row := RosterRow{Line: raw.Line}
	row.Name = text(v, field("name"), raw.Name, true)
	row.Email = email("email", raw.Email)
	if raw.NIP != "" {
		nip, err := ParseNIP(string(raw.NIP))
		v.AddError(field("nip"), err)
		row.NIP = nip
	}
	row.Position = text(v, field("position"), raw.Position, false)
	row.Rank = text(v, field("rank"), raw.Rank, false)
	row.Agency = text(v, field("agency"), raw.Agency, false)
	row.Group = text(v, field("group"), raw.Group, false)
	row.Class = text(v, field("class"), raw.Class, false)
	row.Unit = text(v, field("unit"), raw.Unit, false)
	row.MentorUnit = text(v, field("mentor_unit"), raw.MentorUnit, false)
	if row.Agency == "" {
		// A unit is a unit of an agency: without one it names nothing.
		if row.Unit != "" {
			v.Add(field("unit"), CodeRosterUnitWithoutAgency)
		}
		if row.MentorUnit != "" {
			v.Add(field("mentor_unit"), CodeRosterUnitWithoutAgency)
		}
	}
	row.MentorName = text(v, field("mentor_name"), raw.MentorName, false)
	row.MentorEmail = email("mentor_email", raw.MentorEmail)
	if row.MentorEmail != "" && row.MentorEmail == row.Email {
		v.Add(field("mentor_email"), CodeRosterOwnMentor)
	}
	if raw.CoachEmail != "" {
		row.CoachEmail = email("coach_email", raw.CoachEmail)
		if row.CoachEmail != "" && row.CoachEmail == row.Email {
			v.Add(field("coach_email"), CodeRosterOwnCoach)
		}
	}

	if row.Email != "" {
		if first, ok := c.emailLines[row.Email]; ok {
			v.Add(field("email"), CodeRosterRepeated, Params{"row": first})
		} else {
			c.emailLines[row.Email] = row.Line
		}
	}
	if row.NIP != "" {
		if first, ok := c.nipLines[row.NIP]; ok {
			v.Add(field("nip"), CodeRosterRepeated, Params{"row": first})
		} else {
			c.nipLines[row.NIP] = row.Line
		}
	}
	return row
}
