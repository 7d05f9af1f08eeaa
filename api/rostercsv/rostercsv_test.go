package rostercsv_test

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/proper-id/proper/api/rostercsv"
	"github.com/proper-id/proper/domain"
)

// The domain's messages for values that break its rules, as clients read them.
const (
	notAnEmail        = "is not a valid e-mail address; write it like name@agency.go.id"
	notText           = "must be UTF-8 text without NUL characters"
	controlInLine     = "must be a single line of text, without tabs, line breaks or other control characters"
	bidiControlInLine = "must not contain characters that reverse the direction of text (U+202A to U+202E, U+2066 to U+2069)"
)

// fieldProblems returns the fields of a domain.KindInvalid domain error, failing
// the test when err is anything else.
func fieldProblems(t *testing.T, err error) []problem {
	t.Helper()
	var de *domain.Error
	if !errors.As(err, &de) {
		t.Fatalf("error = %v, want a *domain.Error", err)
	}
	if de.Kind != domain.KindInvalid {
		t.Fatalf("kind = %v, want %v", de.Kind, domain.KindInvalid)
	}
	out := make([]problem, len(de.Fields))
	for i, f := range de.Fields {
		out[i] = problem{Field: f.Field, Message: f.Text(domain.English)}
	}
	return out
}

// problem is a field error as a person reads it, in English.
type problem struct{ Field, Message string }

// wantOneProblem fails the test unless err names exactly field with a
// message containing wantMessage.
func wantOneProblem(t *testing.T, err error, field, wantMessage string) {
	t.Helper()
	fields := fieldProblems(t, err)
	if len(fields) != 1 || fields[0].Field != field || !strings.Contains(fields[0].Message, wantMessage) {
		t.Fatalf("problems = %+v, want one on %q containing %q", fields, field, wantMessage)
	}
}

// rosterHeader is the header of the roster template, comma-separated.
const rosterHeader = "nip,name,email,position,rank,agency,mentor_email,mentor_name,coach_email,group"

// lines joins the lines of a file with LF endings.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// parseRosterString parses a roster held in a string, returning its rows.
func parseRosterString(s string) ([]domain.RosterRow, error) {
	r, err := rostercsv.Parse(strings.NewReader(s))
	return r.Rows, err
}

// wantRows fails the test unless the roster parsed into exactly want.
func wantRows(t *testing.T, got []domain.RosterRow, err error, want []domain.RosterRow) {
	t.Helper()
	if err != nil {
		t.Fatalf("Parse error = %v", err)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("Parse rows =\n%+v\nwant\n%+v", got, want)
	}
}

// wantProblems fails the test unless err is domain.KindInvalid with exactly want.
func wantProblems(t *testing.T, err error, want ...problem) {
	t.Helper()
	if got := fieldProblems(t, err); !slices.Equal(got, want) {
		t.Fatalf("problems =\n%q\nwant\n%q", got, want)
	}
}

// budi is the participant of the first row of most examples.
var budi = domain.RosterRow{
	Line: 2, NIP: "198001152005011002", Name: "Budi Santoso", Email: "budi@kemendagri.go.id",
	Position: "Kepala Bagian Umum", Rank: "Pembina (IV/a)", Agency: "Kementerian Dalam Negeri",
	MentorEmail: "ratna@kemendagri.go.id", MentorName: "Ratna Dewi", CoachEmail: "coach@lan.go.id", Group: "Kelompok 1",
}

func TestParseReadsACommaSeparatedFile(t *testing.T) {
	rows, err := parseRosterString(lines(
		rosterHeader,
		"198001152005011002,Budi Santoso, Budi@Kemendagri.GO.ID ,Kepala Bagian Umum,Pembina (IV/a),Kementerian Dalam Negeri,ratna@kemendagri.go.id,Ratna Dewi,coach@lan.go.id,Kelompok 1",
		",Siti Aminah,siti@bpsdm.jatimprov.go.id,,,,agus@jatimprov.go.id,,,",
	))
	wantRows(t, rows, err, []domain.RosterRow{
		budi,
		{Line: 3, Name: "Siti Aminah", Email: "siti@bpsdm.jatimprov.go.id", MentorEmail: "agus@jatimprov.go.id"},
	})
}

func TestParseReadsASemicolonExcelFileWithBOMAndCRLF(t *testing.T) {
	file := "\uFEFFnip;name;email;position;rank;agency;mentor_email;mentor_name;coach_email;group\r\n" +
		"19800115 200501 1 002;Budi Santoso;budi@kemendagri.go.id;Kepala Bagian Umum;Pembina (IV/a);Kementerian Dalam Negeri;ratna@kemendagri.go.id;Ratna Dewi;coach@lan.go.id;Kelompok 1\r\n" +
		"199203102015032001;Siti Aminah, S.Kom.;siti@bpsdm.jatimprov.go.id;Analis;Penata, III/c;Pemprov Jawa Timur;agus@jatimprov.go.id;;;\r\n"
	rows, err := parseRosterString(file)
	wantRows(t, rows, err, []domain.RosterRow{
		budi,
		{Line: 3, NIP: "199203102015032001", Name: "Siti Aminah, S.Kom.", Email: "siti@bpsdm.jatimprov.go.id",
			Position: "Analis", Rank: "Penata, III/c", Agency: "Pemprov Jawa Timur", MentorEmail: "agus@jatimprov.go.id"},
	})
}

func TestRosterValuesInQuotesMayHoldSeparatorsAndQuotes(t *testing.T) {
	rows, err := parseRosterString(lines(
		rosterHeader,
		`,"Santoso, Budi","budi@kemendagri.go.id","Kepala Bagian Umum",,"Kementerian ""Dalam"" Negeri",ratna@kemendagri.go.id,,,`,
		",Siti Aminah,siti@bpsdm.jatimprov.go.id,,,,agus@jatimprov.go.id,,,",
	))
	wantRows(t, rows, err, []domain.RosterRow{
		{Line: 2, Name: "Santoso, Budi", Email: "budi@kemendagri.go.id", Position: "Kepala Bagian Umum",
			Agency: `Kementerian "Dalam" Negeri`, MentorEmail: "ratna@kemendagri.go.id"},
		{Line: 3, Name: "Siti Aminah", Email: "siti@bpsdm.jatimprov.go.id", MentorEmail: "agus@jatimprov.go.id"},
	})
}

// Every value of a roster is a single line (a name, a position): a line
// break in a quoted value is read through, so the rows below keep their
// lines, and refused like any control character.
func TestRosterValuesAreSingleLinesWithoutControlOrBidiCharacters(t *testing.T) {
	_, err := parseRosterString(lines(
		rosterHeader,
		`,"Santoso, Budi",budi@kemendagri.go.id,"Kepala Bagian
Umum",,,ratna@kemendagri.go.id,,,`,
		",Siti\x00Aminah,siti@bpsdm.jatimprov.go.id,,,Pemprov \u202eJatim,agus@jatimprov.go.id,,,",
		",Andi Baso,andi@soppengkab.go.id,Camat\x1b[2J,,,agus@jatimprov.go.id,Agus\tSalim,,",
	))
	wantProblems(t, err,
		problem{Field: "rows[2].position", Message: controlInLine},
		problem{Field: "rows[4].name", Message: notText},
		problem{Field: "rows[4].agency", Message: bidiControlInLine},
		problem{Field: "rows[5].position", Message: controlInLine},
		problem{Field: "rows[5].mentor_name", Message: controlInLine},
	)
}

func TestRosterColumnsMayComeInAnyOrderAndCase(t *testing.T) {
	rows, err := parseRosterString(lines(
		"GROUP, Email ,Name,Mentor_Email,NIP,Coach_Email,Position,Rank,Agency,MENTOR_NAME",
		"Kelompok 1,budi@kemendagri.go.id,Budi Santoso,ratna@kemendagri.go.id,198001152005011002,coach@lan.go.id,Kepala Bagian Umum,Pembina (IV/a),Kementerian Dalam Negeri,Ratna Dewi",
	))
	wantRows(t, rows, err, []domain.RosterRow{budi})
}

func TestRosterWithMissingColumnsIsRejected(t *testing.T) {
	_, err := parseRosterString(lines(
		"nip,name,email,position,rank,agency,mentor_name,group",
		",Budi Santoso,budi@kemendagri.go.id,,,,,",
	))
	wantProblems(t, err,
		problem{Field: "header", Message: "missing column mentor_email"},
		problem{Field: "header", Message: "missing column coach_email"},
	)
}

func TestRosterWithUnknownOrDuplicateColumnIsRejected(t *testing.T) {
	_, err := parseRosterString(lines(
		rosterHeader+",Telepon,Email",
		",Budi Santoso,budi@kemendagri.go.id,,,,ratna@kemendagri.go.id,,,,0812,budi@kemendagri.go.id",
	))
	wantProblems(t, err,
		problem{Field: "header", Message: `unknown column "Telepon"; the columns are ` +
			"nip, name, email, position, rank, agency, mentor_email, mentor_name, coach_email, group, unit, mentor_unit, class"},
		problem{Field: "header", Message: "duplicate column Email"},
	)
}

// indonesianHeader is the header of a roster kept in Indonesian, as an
// institution's spreadsheet heads it, semicolon-separated.
const indonesianHeader = "NIP;Nama;Email;Jabatan;Pangkat/Golongan;Instansi;Email Mentor;Nama Mentor;Email Coach;Kelompok"

func TestRosterColumnsMayHaveTheirIndonesianNames(t *testing.T) {
	for name, header := range map[string]string{
		"as the template of an institution":  indonesianHeader,
		"in any case and with any spaces":    "nip; NAMA ;email;jabatan;Pangkat / Golongan;INSTANSI;EmailMentor;nama_mentor;Email  Coach;kelompok",
		"mixed with the English names":       "nip;Nama;email;position;Pangkat/Golongan;agency;Email Mentor;mentor_name;Coach Email;Kelompok",
		"in another order, separated by ','": "",
	} {
		t.Run(name, func(t *testing.T) {
			row := "198001152005011002;Budi Santoso;budi@kemendagri.go.id;Kepala Bagian Umum;Pembina (IV/a);Kementerian Dalam Negeri;ratna@kemendagri.go.id;Ratna Dewi;coach@lan.go.id;Kelompok 1"
			if header == "" {
				header, row = "Kelompok,Email Coach,Nama Mentor,Email Mentor,Instansi,Pangkat/Golongan,Jabatan,Email,Nama,NIP",
					`Kelompok 1,coach@lan.go.id,Ratna Dewi,ratna@kemendagri.go.id,Kementerian Dalam Negeri,Pembina (IV/a),Kepala Bagian Umum,budi@kemendagri.go.id,Budi Santoso,198001152005011002`
			}
			rows, err := parseRosterString(lines(header, row))
			wantRows(t, rows, err, []domain.RosterRow{budi})
		})
	}
}

func TestRosterProblemsNameTheColumnAsTheFileWroteIt(t *testing.T) {
	_, err := parseRosterString(lines(
		"NIP;Nama;EMAIL;Jabatan;Pangkat / Golongan;Instansi;Email Mentor;Nama Mentor;email_coach;Kelompok",
		"198002302005011002;Budi Santoso;budi@;;;;ratna@;;coach@;Kelompok 1",
		";Siti;siti@kemendagri.go.id;;;;SITI@kemendagri.go.id;;;",
	))
	wantProblems(t, err,
		problem{Field: "rows[2].EMAIL", Message: notAnEmail},
		problem{Field: "rows[2].NIP", Message: "digits 1–8 must be a real birth date (YYYYMMDD) between 1930 and 2099"},
		problem{Field: "rows[2].Email Mentor", Message: notAnEmail},
		problem{Field: "rows[2].email_coach", Message: notAnEmail},
		problem{Field: "rows[3].Email Mentor", Message: "must differ from the participant's email; a participant cannot be their own mentor"},
	)
}

func TestRosterInIndonesianNamesItsMissingAndKnownColumnsInIndonesian(t *testing.T) {
	_, err := parseRosterString(lines(
		"NIP;Nama;Email;Jabatan;Pangkat/Golongan;Instansi;Nama Mentor;Kelompok;Telepon;nama",
		";Budi Santoso;budi@kemendagri.go.id;;;;;;0812;Budi",
	))
	wantProblems(t, err,
		problem{Field: "header", Message: `unknown column "Telepon"; the columns are ` +
			"NIP, Nama, Email, Jabatan, Pangkat/Golongan, Instansi, Email Mentor, Nama Mentor, Email Coach, Kelompok, Unit Kerja, Unit Kerja Mentor, Kelas"},
		problem{Field: "header", Message: "duplicate column nama"},
		problem{Field: "header", Message: "missing column Email Mentor"},
		problem{Field: "header", Message: "missing column Email Coach"},
	)
}

func TestRosterReportsEveryBadRowWithItsLine(t *testing.T) {
	_, err := parseRosterString(lines(
		rosterHeader,
		"198001152005011002,Budi Santoso,budi@kemendagri.go.id,,,,ratna@kemendagri.go.id,,,",
		",Bad Email,budi@,,,,ratna@kemendagri.go.id,,,",
		"198002302005011002,Bad NIP,nip@kemendagri.go.id,,,,ratna@kemendagri.go.id,,,",
		",,noname@kemendagri.go.id,,,,ratna@kemendagri.go.id,,,",
		",Own Mentor,self@kemendagri.go.id,,,,SELF@kemendagri.go.id,,,",
		",Budi Again,Budi@Kemendagri.go.id,,,,ratna@kemendagri.go.id,,,",
		",Short Row,short@kemendagri.go.id,,,",
		"198001152005011002,Same NIP,other@kemendagri.go.id,,,,ratna@kemendagri.go.id,,,",
		",No Mentor,nomentor@kemendagri.go.id,,,,,,coach@,",
		",Own Coach,coach@kemendagri.go.id,,,,ratna@kemendagri.go.id,,coach@kemendagri.go.id,"+strings.Repeat("g", 201),
	))
	wantProblems(t, err,
		problem{Field: "rows[3].email", Message: "is not a valid e-mail address; write it like name@agency.go.id"},
		problem{Field: "rows[4].nip", Message: "digits 1–8 must be a real birth date (YYYYMMDD) between 1930 and 2099"},
		problem{Field: "rows[5].name", Message: "is required"},
		problem{Field: "rows[6].mentor_email", Message: "must differ from the participant's email; a participant cannot be their own mentor"},
		problem{Field: "rows[7].email", Message: "is also on row 2; list each participant once"},
		problem{Field: "rows[8]", Message: `has 6 values but the header has 10 columns; look for a missing or extra ','`},
		problem{Field: "rows[9].nip", Message: "is also on row 2; list each participant once"},
		problem{Field: "rows[10].mentor_email", Message: "is required"},
		problem{Field: "rows[10].coach_email", Message: "is not a valid e-mail address; write it like name@agency.go.id"},
		problem{Field: "rows[11].group", Message: "must have at most 200 characters"},
		problem{Field: "rows[11].coach_email", Message: "must differ from the participant's email; a participant cannot be their own coach"},
	)
}

func TestRosterSkipsBlankLinesButKeepsTheFilesLineNumbers(t *testing.T) {
	rows, err := parseRosterString(lines(
		rosterHeader,
		"",
		",Budi Santoso,budi@kemendagri.go.id,,,,ratna@kemendagri.go.id,,,",
		",,,,,,,,,",
		"   ",
		" , ,,,,,,,,\t",
		",Siti Aminah,siti@bpsdm.jatimprov.go.id,,,,agus@jatimprov.go.id,,,",
		"",
	))
	wantRows(t, rows, err, []domain.RosterRow{
		{Line: 3, Name: "Budi Santoso", Email: "budi@kemendagri.go.id", MentorEmail: "ratna@kemendagri.go.id"},
		{Line: 7, Name: "Siti Aminah", Email: "siti@bpsdm.jatimprov.go.id", MentorEmail: "agus@jatimprov.go.id"},
	})
}

func TestRosterIgnoresUnnamedColumnsUnlessTheyHoldValues(t *testing.T) {
	rows, err := parseRosterString(lines(
		"nip;name;email;position;rank;agency;mentor_email;mentor_name;coach_email;group;;",
		";Budi Santoso;budi@kemendagri.go.id;;;;ratna@kemendagri.go.id;;;;;",
	))
	wantRows(t, rows, err, []domain.RosterRow{
		{Line: 2, Name: "Budi Santoso", Email: "budi@kemendagri.go.id", MentorEmail: "ratna@kemendagri.go.id"},
	})

	_, err = parseRosterString(lines(
		"nip;name;email;position;rank;agency;mentor_email;mentor_name;coach_email;group;;",
		";Budi Santoso;budi@kemendagri.go.id;;;;ratna@kemendagri.go.id;;;;;catatan",
	))
	wantProblems(t, err, problem{Field: "rows[2]", Message: "has a value in column L, which has no name in the header"})
}

func TestRosterThatIsNotUTF8IsRejected(t *testing.T) {
	// "José" as Excel's plain "CSV" writes it, in Windows-1252.
	_, err := parseRosterString(lines(
		rosterHeader,
		",Budi Santoso,budi@kemendagri.go.id,,,,ratna@kemendagri.go.id,,,",
		",Jos\xe9 Rizal,jose@kemendagri.go.id,,,,ratna@kemendagri.go.id,,,",
	))
	wantProblems(t, err, problem{Field: "roster", Message: `is not UTF-8 text (see line 3); in Excel, save it as "CSV UTF-8" and upload it again`})

	// The same file saved as UTF-16, which Excel calls "Unicode Text".
	_, err = parseRosterString("\xff\xfen\x00i\x00p\x00")
	wantOneProblem(t, err, "roster", "is not UTF-8 text (see line 1)")
}

func TestRosterWithoutRowsIsRejected(t *testing.T) {
	for name, file := range map[string]string{
		"empty":                   "",
		"only a byte order mark":  "\uFEFF",
		"only the header":         rosterHeader,
		"header and blank lines":  lines(rosterHeader, "", ",,,,,,,,,", "  "),
		"semicolon header, CRLF ": "nip;name;email;position;rank;agency;mentor_email;mentor_name;coach_email;group\r\n\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := parseRosterString(file)
			wantProblems(t, err, problem{Field: "roster", Message: "has no rows"})
		})
	}
}

// rosterOf returns a valid roster file of n participants.
func rosterOf(n int) string {
	var b strings.Builder
	b.WriteString(rosterHeader + "\n")
	for i := range n {
		fmt.Fprintf(&b, ",Peserta %d,peserta%d@kemendagri.go.id,,,,mentor@kemendagri.go.id,,,\n", i, i)
	}
	return b.String()
}

func TestRosterOfMaxRosterRowsIsAcceptedAndOneMoreIsRejected(t *testing.T) {
	rows, err := parseRosterString(rosterOf(domain.MaxRosterRows))
	if err != nil || len(rows) != domain.MaxRosterRows {
		t.Fatalf("Parse(%d rows) = %d rows, %v", domain.MaxRosterRows, len(rows), err)
	}
	_, err = parseRosterString(rosterOf(domain.MaxRosterRows + 1))
	wantProblems(t, err, problem{Field: "roster", Message: "has more than 5000 rows; split it into several files"})
}

func TestRosterWithStrayQuotesReportsEachRowAndGoesOn(t *testing.T) {
	_, err := parseRosterString(lines(
		rosterHeader,
		`,Budi "Bud" Santoso,budi@kemendagri.go.id,,,,ratna@kemendagri.go.id,,,`,
		",Bad Email,siti@,,,,ratna@kemendagri.go.id,,,",
		`,"Siti" Aminah,siti@kemendagri.go.id,,,,ratna@kemendagri.go.id,,,`,
		`,"Agus,agus@kemendagri.go.id,,,,ratna@kemendagri.go.id,,,`,
		",Never Read,x@kemendagri.go.id,,,,ratna@kemendagri.go.id,,,",
	))
	wantProblems(t, err,
		problem{Field: "rows[2]", Message: `has a quote (") inside a value that does not start with one; put the whole value in quotes and double the quote inside ("") (see line 2)`},
		problem{Field: "rows[3].email", Message: "is not a valid e-mail address; write it like name@agency.go.id"},
		problem{Field: "rows[4]", Message: "has a value in quotes that is not closed, or that has text after its closing quote (see line 4)"},
		problem{Field: "rows[5]", Message: "has a value in quotes that is not closed, or that has text after its closing quote (see line 6)"},
	)
}

func TestRosterWithStrayQuoteInHeaderIsRejected(t *testing.T) {
	_, err := parseRosterString(lines(`nip,"name"x,email`, ",Budi,budi@kemendagri.go.id"))
	wantOneProblem(t, err, "header", "has a value in quotes that is not closed")
}

// failingReader yields its text, then fails as a broken upload would.
type failingReader struct {
	text io.Reader
	err  error
}

func (r failingReader) Read(p []byte) (int, error) {
	n, err := r.text.Read(p)
	if err == io.EOF {
		return n, r.err
	}
	return n, err
}

func TestRosterReadFailureIsPassedOnAsItIs(t *testing.T) {
	broken := errors.New("connection reset")
	for name, text := range map[string]string{
		"in the header": "nip,na",
		"in a row":      lines(rosterHeader, ",Budi Santoso,budi@kemendagri.go.id,,,,ratna@kemendagri.go.id,,,") + ",Siti",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := rostercsv.Parse(failingReader{strings.NewReader(text), broken})
			if !errors.Is(err, broken) || domain.KindOf(err) != 0 {
				t.Fatalf("Parse error = %v (kind %v), want the reader's error", err, domain.KindOf(err))
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add(lines(rosterHeader,
		"198001152005011002,Budi Santoso,Budi@Kemendagri.GO.ID,Kepala Bagian Umum,Pembina (IV/a),Kementerian Dalam Negeri,ratna@kemendagri.go.id,Ratna Dewi,coach@lan.go.id,Kelompok 1",
		",Siti Aminah,siti@bpsdm.jatimprov.go.id,,,,agus@jatimprov.go.id,,,"))
	f.Add("\uFEFFnip;name;email;position;rank;agency;mentor_email;mentor_name;coach_email;group\r\n" +
		"19800115 200501 1 002;Budi Santoso;budi@kemendagri.go.id;;Penata, III/c;;ratna@kemendagri.go.id;;;\r\n")
	f.Add(lines(rosterHeader, `,"Santoso, Budi","budi@kemendagri.go.id","Kepala
Umum",,"Kementerian ""Dalam"" Negeri",ratna@kemendagri.go.id,,,`))
	f.Add(lines("GROUP,Email,Name,Mentor_Email,NIP,Coach_Email,Position,Rank,Agency,MENTOR_NAME,,",
		"1,b@x.go.id,Budi,m@x.go.id,,,,,,,,"))
	f.Add(lines(rosterHeader, ",Bad,budi@,,,,budi@,,,", ",,a@x.id,,,,a@x.id,,,", `,Budi "B",b@x.id,,,,m@x.id,,,`))
	f.Add(lines(rosterHeader, ",Jos\xe9,jose@x.id,,,,m@x.id,,,"))
	f.Add(lines(indonesianHeader, ";Budi Santoso;budi@kemendagri.go.id;;Penata (III/c);;ratna@kemendagri.go.id;;;"))
	f.Add(lines("nama,EMAIL, Email Mentor ,pangkat/golongan,nip", "Budi,b@x.go.id,m@x.go.id,,"))
	f.Add(rosterHeader)
	f.Add("")
	f.Fuzz(func(t *testing.T, file string) {
		rows, err := parseRosterString(file)
		if err != nil {
			if rows != nil {
				t.Fatalf("Parse returned %d rows with error %v", len(rows), err)
			}
			if domain.KindOf(err) != domain.KindInvalid {
				t.Fatalf("Parse error kind = %v, want invalid: %v", domain.KindOf(err), err)
			}
			return
		}
		if len(rows) == 0 || len(rows) > domain.MaxRosterRows {
			t.Fatalf("Parse returned %d rows and no error", len(rows))
		}
		prev := 1
		for _, row := range rows {
			if row.Line <= prev {
				t.Fatalf("row line %d after %d, want increasing lines from 2", row.Line, prev)
			}
			prev = row.Line
			if row.Name == "" {
				t.Fatalf("row %d has no name", row.Line)
			}
			for _, value := range []string{row.Name, row.Position, row.Rank, row.Agency, row.MentorName, row.Group} {
				if domain.CheckSingleLine("", value) != nil {
					t.Fatalf("row %d: %q is not a single line of text", row.Line, value)
				}
			}
			for _, addr := range []string{row.Email, row.MentorEmail} {
				if got, err := domain.ParseEmail(addr); err != nil || got != addr {
					t.Fatalf("row %d: address %q is not a valid normalized e-mail address", row.Line, addr)
				}
			}
			if row.Email == row.MentorEmail {
				t.Fatalf("row %d: participant is their own mentor", row.Line)
			}
			if row.NIP != "" {
				if again, err := domain.ParseNIP(string(row.NIP)); err != nil || again != row.NIP {
					t.Fatalf("row %d: NIP %q is not valid", row.Line, row.NIP)
				}
			}
		}
	})
}

func TestRosterStrayQuoteBelowAMultiLineValueNamesItsLine(t *testing.T) {
	_, err := parseRosterString(lines(
		rosterHeader,
		`,Budi Santoso,budi@kemendagri.go.id,"Kepala`,
		`Bagian",,Kementerian "Dalam" Negeri,ratna@kemendagri.go.id,,,`,
	))
	wantProblems(t, err, problem{Field: "rows[2]", Message: `has a quote (") inside a value that does not start with one; ` +
		`put the whole value in quotes and double the quote inside ("") (see line 3)`})
}
