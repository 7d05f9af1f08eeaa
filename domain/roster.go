package domain

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// RosterRow is one participant of a training cohort as listed in an uploaded
// roster CSV, validated but not yet matched to accounts or agencies.
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
}

// MaxRosterRows is the most participants one roster file may list; a larger
// cohort is uploaded in several files.
const MaxRosterRows = 5000

// The columns of a roster file, as indexes into rosterColumns.
const (
	colNIP = iota
	colName
	colEmail
	colPosition
	colRank
	colAgency
	colMentorEmail
	colMentorName
	colCoachEmail
	colGroup
	numRosterColumns
)

// rosterColumns are the header names of a roster file, in the order of the
// template an organizer downloads.
var rosterColumns = [numRosterColumns]string{
	"nip", "name", "email", "position", "rank", "agency",
	"mentor_email", "mentor_name", "coach_email", "group",
}

// utf8BOM is the byte order mark Excel writes at the start of "CSV UTF-8".
const utf8BOM = "\uFEFF"

// rosterPeekSize is how much of the file is inspected to find the separator;
// the header line is far shorter.
const rosterPeekSize = 64 << 10

// ParseRoster reads the roster CSV of a cohort from r and returns its rows.
//
// The file is UTF-8 (a leading byte order mark is allowed), separated by
// semicolons, as Indonesian Excel writes it, or by commas, whichever the
// header line uses. The header names the columns nip, name, email, position,
// rank, agency, mentor_email, mentor_name, coach_email and group, in any
// order and any case. Blank lines are skipped and values are trimmed.
//
// A file that breaks rules yields a KindInvalid error listing every problem,
// each under a field such as "rows[3].email" (3 being RosterRow.Line) or
// "header". Errors of r itself are returned wrapped, not as domain errors.
func ParseRoster(r io.Reader) ([]RosterRow, error) {
	br := bufio.NewReaderSize(r, rosterPeekSize)
	if b, err := br.Peek(len(utf8BOM)); err == nil && string(b) == utf8BOM {
		_, _ = br.Discard(len(utf8BOM))
	}
	sep := detectSeparator(br)
	cr := csv.NewReader(br)
	cr.Comma = sep
	cr.FieldsPerRecord = -1 // counted below, with a message that helps
	cr.TrimLeadingSpace = true

	header, err := cr.Read()
	if err == io.EOF {
		return nil, Invalid("roster", "has no rows")
	}
	if err != nil {
		var pe *csv.ParseError
		if !errors.As(err, &pe) {
			return nil, fmt.Errorf("read roster: %w", err)
		}
		return nil, Invalid("header", csvProblem(pe))
	}
	headerLine, _ := cr.FieldPos(0)
	if !allValidUTF8(header) {
		return nil, notUTF8(headerLine)
	}
	cols, unnamed, err := parseRosterHeader(header)
	if err != nil {
		return nil, err
	}

	var (
		v          Violations
		rows       []RosterRow
		count      int
		emailLines = map[string]int{}
		nipLines   = map[NIP]int{}
	)
	tooMany := Invalid("roster", fmt.Sprintf("has more than %d rows; split it into several files", MaxRosterRows))
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			// An unreadable record counts as a row, which bounds the number
			// of problems a broken file can produce.
			if count++; count > MaxRosterRows {
				return nil, tooMany
			}
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return nil, fmt.Errorf("read roster: %w", err)
			}
			// The reader resumes on the line after the error, so the rest
			// of the file is still checked.
			v.Add(fmt.Sprintf("rows[%d]", pe.StartLine), csvProblem(pe))
			continue
		}
		line, _ := cr.FieldPos(0)
		if !allValidUTF8(rec) {
			return nil, notUTF8(line)
		}
		blank := true
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
			blank = blank && rec[i] == ""
		}
		if blank {
			continue
		}
		if count++; count > MaxRosterRows {
			return nil, tooMany
		}
		rowField := fmt.Sprintf("rows[%d]", line)
		if len(rec) != len(header) {
			v.Add(rowField, fmt.Sprintf("has %d values but the header has %d columns; look for a missing or extra %q", len(rec), len(header), sep))
			continue
		}
		for _, i := range unnamed {
			if rec[i] != "" {
				v.Add(rowField, fmt.Sprintf("has a value in column %s, which has no name in the header", columnLetters(i)))
			}
		}
		row := parseRosterRow(&v, line, rec, cols)
		if row.Email != "" {
			if first, ok := emailLines[row.Email]; ok {
				v.Add(rowField+".email", fmt.Sprintf("is also on row %d; list each participant once", first))
			} else {
				emailLines[row.Email] = line
			}
		}
		if row.NIP != "" {
			if first, ok := nipLines[row.NIP]; ok {
				v.Add(rowField+".nip", fmt.Sprintf("is also on row %d; list each participant once", first))
			} else {
				nipLines[row.NIP] = line
			}
		}
		rows = append(rows, row)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, Invalid("roster", "has no rows")
	}
	return rows, nil
}

// detectSeparator returns the separator of the first non-blank line at the
// start of br, without consuming it: ';' when it has more semicolons than
// commas, else ','.
func detectSeparator(br *bufio.Reader) rune {
	head, _ := br.Peek(rosterPeekSize) // a short read just means a short file
	for len(head) > 0 {
		line := head
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line, head = head[:i], head[i+1:]
		} else {
			head = nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if bytes.Count(line, []byte{';'}) > bytes.Count(line, []byte{','}) {
			return ';'
		}
		return ','
	}
	return ','
}

// parseRosterHeader maps each roster column to its index in header, and
// lists the indexes of unnamed columns, which Excel leaves behind when cells
// right of the table were once used. It reports every missing, unknown or
// duplicate column.
func parseRosterHeader(header []string) (cols [numRosterColumns]int, unnamed []int, err error) {
	for c := range cols {
		cols[c] = -1
	}
	var v Violations
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		if name == "" {
			unnamed = append(unnamed, i)
			continue
		}
		c := rosterColumnIndex(name)
		switch {
		case c < 0:
			v.Add("header", fmt.Sprintf("unknown column %q; the columns are %s", strings.TrimSpace(h), strings.Join(rosterColumns[:], ", ")))
		case cols[c] >= 0:
			v.Add("header", "duplicate column "+name)
		default:
			cols[c] = i
		}
	}
	for c, i := range cols {
		if i < 0 {
			v.Add("header", "missing column "+rosterColumns[c])
		}
	}
	return cols, unnamed, v.Err()
}

// rosterColumnIndex returns the index of name in rosterColumns, or -1.
func rosterColumnIndex(name string) int {
	for c, col := range rosterColumns {
		if col == name {
			return c
		}
	}
	return -1
}

// parseRosterRow validates the trimmed values of one data row, recording
// each problem under "rows[<line>].<column>".
func parseRosterRow(v *Violations, line int, rec []string, cols [numRosterColumns]int) RosterRow {
	value := func(c int) string { return rec[cols[c]] }
	field := func(c int) string { return fmt.Sprintf("rows[%d].%s", line, rosterColumns[c]) }
	email := func(c int) string {
		addr, err := ParseEmail(value(c))
		v.AddError(field(c), err)
		return addr
	}

	row := RosterRow{Line: line}
	row.Name = text(v, field(colName), value(colName), true)
	row.Email = email(colEmail)
	if value(colNIP) != "" {
		nip, err := ParseNIP(value(colNIP))
		v.AddError(field(colNIP), err)
		row.NIP = nip
	}
	row.Position = text(v, field(colPosition), value(colPosition), false)
	row.Rank = text(v, field(colRank), value(colRank), false)
	row.Agency = text(v, field(colAgency), value(colAgency), false)
	row.Group = text(v, field(colGroup), value(colGroup), false)
	row.MentorName = text(v, field(colMentorName), value(colMentorName), false)
	row.MentorEmail = email(colMentorEmail)
	if row.MentorEmail != "" && row.MentorEmail == row.Email {
		v.Add(field(colMentorEmail), "must differ from the participant's email; a participant cannot be their own mentor")
	}
	if value(colCoachEmail) != "" {
		row.CoachEmail = email(colCoachEmail)
		if row.CoachEmail != "" && row.CoachEmail == row.Email {
			v.Add(field(colCoachEmail), "must differ from the participant's email; a participant cannot be their own coach")
		}
	}
	return row
}

// csvProblem says what is wrong with the record of a CSV parse error and
// how to fix it in the file.
func csvProblem(pe *csv.ParseError) string {
	var msg string
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		msg = `has a quote (") inside a value that does not start with one; put the whole value in quotes and double the quote inside ("")`
	case errors.Is(pe.Err, csv.ErrQuote):
		msg = `has a value in quotes that is not closed, or that has text after its closing quote`
	default:
		msg = "cannot be read: " + pe.Err.Error()
	}
	switch {
	case pe.Line == pe.StartLine:
	case errors.Is(pe.Err, csv.ErrQuote):
		// Either the quote is never closed, or text follows a closing quote
		// some lines down; both ways the quoted value reaches that line.
		msg += fmt.Sprintf(" (the quoted value runs on to line %d)", pe.Line)
	default:
		msg += fmt.Sprintf(" (the problem is on line %d)", pe.Line)
	}
	return msg
}

// allValidUTF8 reports whether every value is valid UTF-8. Only separators,
// quotes and line ends fall outside the values, so this checks the whole file.
func allValidUTF8(rec []string) bool {
	for _, s := range rec {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}

// notUTF8 is the error for a file in another encoding, which is what Excel's
// plain "CSV" writes.
func notUTF8(line int) error {
	return Invalid("roster", fmt.Sprintf(`is not UTF-8 text (see line %d); in Excel, save it as "CSV UTF-8" and upload it again`, line))
}

// columnLetters returns the spreadsheet name of the column at index i
// (0 is "A", 26 is "AA"), so a message points where a person looks.
func columnLetters(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}
