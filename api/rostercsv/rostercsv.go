// Package rostercsv reads the roster of a training cohort from the CSV file
// an organizer exports from a spreadsheet: it finds the separator, skips a
// byte order mark, maps the header's columns and reports the problems of
// the file itself, and leaves the rules of the rows to the domain
// (domain.RosterCheck).
package rostercsv

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/proper-id/proper/domain"
)

// The columns of a roster file, as indexes into columns.
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
	colUnit
	colMentorUnit
	colClass
	numColumns
)

// optionalColumns may be left out of a header: their values are then empty.
// The unit columns came after rosters were already kept without them.
// So did the class column (kelas).
var optionalColumns = map[int]bool{colUnit: true, colMentorUnit: true, colClass: true}

// columns are the English header names of a roster file, in the order of
// the template an organizer downloads. They are also the domain's names of
// the columns (domain.RosterColumns).
var columns = [numColumns]string{
	"nip", "name", "email", "position", "rank", "agency",
	"mentor_email", "mentor_name", "coach_email", "group",
	"unit", "mentor_unit", "class",
}

// indonesianColumns are the Indonesian header names of the same columns, as
// a roster kept by an institution heads them.
var indonesianColumns = [numColumns]string{
	"NIP", "Nama", "Email", "Jabatan", "Pangkat/Golongan", "Instansi",
	"Email Mentor", "Nama Mentor", "Email Coach", "Kelompok",
	"Unit Kerja", "Unit Kerja Mentor", "Kelas",
}

// utf8BOM is the byte order mark Excel writes at the start of "CSV UTF-8".
const utf8BOM = "\uFEFF"

// peekSize is how much of the file is inspected to find the separator;
// the header line is far shorter.
const peekSize = 64 << 10

// Parse reads the roster CSV of a cohort from r and returns its rows,
// checked by domain.RosterCheck.
//
// The file is UTF-8 (a leading byte order mark is allowed), separated by
// semicolons, as Indonesian Excel writes it, or by commas, whichever the
// header line uses. The header names the columns nip, name, email, position,
// rank, agency, mentor_email, mentor_name, coach_email and group, or in
// Indonesian NIP, Nama, Email, Jabatan, Pangkat/Golongan, Instansi, Email
// Mentor, Nama Mentor, Email Coach and Kelompok, in any order, in any case
// and with any spaces. Two columns may be left out: unit and mentor_unit
// (Unit Kerja, Unit Kerja Mentor), the work units of the participant and
// the mentor in their agency; so may class (Kelas), the participant's class
// in the cohort. Blank lines are skipped and values are trimmed.
//
// A file that breaks rules yields a KindInvalid error listing every problem,
// each under a field such as "rows[3].email" (3 being RosterRow.Line, the
// column named as the header wrote it, "rows[3].Email Mentor") or "header".
// Errors of r itself are returned wrapped, not as domain errors.
func Parse(r io.Reader) (domain.Roster, error) {
	br := bufio.NewReaderSize(r, peekSize)
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
		return domain.Roster{}, domain.CheckRosterSize(0)
	}
	if err != nil {
		var pe *csv.ParseError
		if !errors.As(err, &pe) {
			return domain.Roster{}, fmt.Errorf("read roster: %w", err)
		}
		code, params := csvProblem(pe)
		return domain.Roster{}, domain.Invalid("header", code, params)
	}
	headerLine, _ := cr.FieldPos(0)
	if !allValidUTF8(header) {
		return domain.Roster{}, notUTF8(headerLine)
	}
	cols, unnamed, err := parseHeader(header)
	if err != nil {
		return domain.Roster{}, err
	}
	names := domain.RosterColumns{}
	for c, i := range cols {
		if i >= 0 { // an optional column the file leaves out keeps its name
			names[columns[c]] = strings.TrimSpace(header[i])
		}
	}

	var (
		v     domain.Violations
		check = domain.NewRosterCheck(&v, names)
		rows  []domain.RosterRow
		count int
	)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			// An unreadable record counts as a row, which bounds the number
			// of problems a broken file can produce.
			if count++; count > domain.MaxRosterRows {
				return domain.Roster{}, domain.CheckRosterSize(count)
			}
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return domain.Roster{}, fmt.Errorf("read roster: %w", err)
			}
			// The reader resumes on the line after the error, so the rest
			// of the file is still checked.
			code, params := csvProblem(pe)
			v.Add(fmt.Sprintf("rows[%d]", pe.StartLine), code, params)
			continue
		}
		line, _ := cr.FieldPos(0)
		if !allValidUTF8(rec) {
			return domain.Roster{}, notUTF8(line)
		}
		blank := true
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
			blank = blank && rec[i] == ""
		}
		if blank {
			continue
		}
		if count++; count > domain.MaxRosterRows {
			return domain.Roster{}, domain.CheckRosterSize(count)
		}
		rowField := fmt.Sprintf("rows[%d]", line)
		if len(rec) != len(header) {
			v.Add(rowField, domain.CodeRosterValueCount, domain.Params{"values": len(rec), "columns": len(header), "separator": fmt.Sprintf("%q", sep)})
			continue
		}
		for _, i := range unnamed {
			if rec[i] != "" {
				v.Add(rowField, domain.CodeRosterUnnamedColumn, domain.Params{"column": columnLetters(i)})
			}
		}
		rows = append(rows, check.Row(rowOf(line, rec, cols)))
	}
	if err := v.Err(); err != nil {
		return domain.Roster{}, err
	}
	if err := domain.CheckRosterSize(len(rows)); err != nil {
		return domain.Roster{}, err
	}
	return domain.Roster{Rows: rows, Columns: names}, nil
}

// rowOf returns the trimmed values of one data row as written.
func rowOf(line int, rec []string, cols [numColumns]int) domain.RosterRow {
	value := func(c int) string {
		if cols[c] < 0 { // an optional column the file leaves out
			return ""
		}
		return rec[cols[c]]
	}
	return domain.RosterRow{
		Line: line, NIP: domain.NIP(value(colNIP)), Name: value(colName), Email: value(colEmail),
		Position: value(colPosition), Rank: value(colRank), Agency: value(colAgency),
		MentorEmail: value(colMentorEmail), MentorName: value(colMentorName), CoachEmail: value(colCoachEmail), Group: value(colGroup),
		Unit: value(colUnit), MentorUnit: value(colMentorUnit), Class: value(colClass),
	}
}

// detectSeparator returns the separator of the first non-blank line at the
// start of br, without consuming it: ';' when it has more semicolons than
// commas, else ','.
func detectSeparator(br *bufio.Reader) rune {
	head, _ := br.Peek(peekSize) // a short read just means a short file
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

// parseHeader maps each roster column to its index in header, and lists
// the indexes of unnamed columns, which Excel leaves behind when cells
// right of the table were once used. It reports every missing, unknown or
// duplicate column: an unknown or duplicate one as the file wrote it; a
// missing one, and the list of known ones, in Indonesian when more of the
// header's names are Indonesian than English.
func parseHeader(header []string) (cols [numColumns]int, unnamed []int, err error) {
	for c := range cols {
		cols[c] = -1
	}
	var (
		problems            []domain.FieldError
		english, indonesian int
	)
	for i, h := range header {
		written := strings.TrimSpace(h)
		if written == "" {
			unnamed = append(unnamed, i)
			continue
		}
		c, lang := columnIndex(written)
		switch {
		case c < 0:
			problems = append(problems, domain.FieldError{Field: "header", Code: domain.CodeRosterUnknownColumn, Params: domain.Params{"column": fmt.Sprintf("%q", written)}})
		case cols[c] >= 0:
			problems = append(problems, domain.FieldError{Field: "header", Code: domain.CodeRosterDuplicateColumn, Params: domain.Params{"column": written}})
		default:
			cols[c] = i
		}
		switch lang {
		case domain.English:
			english++
		case domain.Indonesian:
			indonesian++
		}
	}
	names := columns
	if indonesian > english {
		names = indonesianColumns
	}
	var v domain.Violations
	for _, p := range problems {
		if p.Code == domain.CodeRosterUnknownColumn {
			p.Params["columns"] = strings.Join(names[:], ", ")
		}
		v.Add(p.Field, p.Code, p.Params)
	}
	for c, i := range cols {
		if i < 0 && !optionalColumns[c] {
			v.Add("header", domain.CodeRosterMissingColumn, domain.Params{"column": names[c]})
		}
	}
	return cols, unnamed, v.Err()
}

// columnIndex returns the index of the column a header's name names, in
// English or in Indonesian, whatever its case and spaces, and the language
// of the name ("" for NIP and Email, which both languages write); -1 when it
// names none.
func columnIndex(name string) (int, domain.Language) {
	key := columnKey(name)
	for c := range columns {
		en, id := columnKey(columns[c]), columnKey(indonesianColumns[c])
		switch key {
		case en:
			if en == id {
				return c, ""
			}
			return c, domain.English
		case id:
			return c, domain.Indonesian
		}
	}
	return -1, ""
}

// columnKey is a column's name without case, spaces, underscores and
// hyphens, so that "Email Mentor", "EMAIL_MENTOR" and "emailmentor" are one
// name, as are "mentor_email" and "Mentor Email".
func columnKey(name string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '_' || r == '-' {
			return -1
		}
		return unicode.ToLower(r)
	}, name)
}

// csvProblem says what is wrong with the record of a CSV parse error and
// how to fix it in the file.
func csvProblem(pe *csv.ParseError) (domain.Code, domain.Params) {
	params := domain.Params{"line": pe.Line}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return domain.CodeRosterBareQuote, params
	case errors.Is(pe.Err, csv.ErrQuote):
		// Either the quote is never closed, or text follows a closing quote
		// some lines down; both ways the quoted value reaches that line.
		return domain.CodeRosterOpenQuote, params
	}
	params["reason"] = pe.Err.Error()
	return domain.CodeRosterUnreadable, params
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
	return domain.Invalid("roster", domain.CodeRosterNotUTF8, domain.Params{"line": line})
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
