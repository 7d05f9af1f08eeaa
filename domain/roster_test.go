package domain

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The rules of a roster's rows, whatever file they were read from; the
// reading of CSV is tested in package rostercsv.

func TestCheckRosterNormalizesValidRows(t *testing.T) {
	rows, err := CheckRoster([]RosterRow{
		{Line: 2, NIP: "19800115 200501 1 002", Name: "Budi Santoso", Email: "Budi@Kemendagri.GO.ID", Agency: "Kementerian Dalam Negeri",
			MentorEmail: "ratna@kemendagri.go.id", MentorName: "Ratna Dewi", CoachEmail: "Coach@lan.go.id", Group: "Kelompok 1"},
		{Line: 4, Name: "Siti Aminah", Email: "siti@bpsdm.jatimprov.go.id", MentorEmail: "agus@jatimprov.go.id"},
	})
	want := []RosterRow{
		{Line: 2, NIP: "198001152005011002", Name: "Budi Santoso", Email: "budi@kemendagri.go.id", Agency: "Kementerian Dalam Negeri",
			MentorEmail: "ratna@kemendagri.go.id", MentorName: "Ratna Dewi", CoachEmail: "coach@lan.go.id", Group: "Kelompok 1"},
		{Line: 4, Name: "Siti Aminah", Email: "siti@bpsdm.jatimprov.go.id", MentorEmail: "agus@jatimprov.go.id"},
	}
	if err != nil || !slices.Equal(rows, want) {
		t.Fatalf("CheckRoster = %+v, %v; want %+v", rows, err, want)
	}
	// Checked rows pass again unchanged, so a reader may check as it reads.
	if again, err := CheckRoster(rows); err != nil || !slices.Equal(again, rows) {
		t.Fatalf("CheckRoster of checked rows = %+v, %v", again, err)
	}
}

func TestCheckRosterNamesEveryBrokenRuleByLineAndColumn(t *testing.T) {
	_, err := CheckRoster([]RosterRow{
		{Line: 2, NIP: "198001152005011002", Name: "Budi Santoso", Email: "budi@kemendagri.go.id", MentorEmail: "ratna@kemendagri.go.id"},
		{Line: 3, Name: "Bad Email", Email: "budi@", MentorEmail: "ratna@kemendagri.go.id"},
		{Line: 4, NIP: "198002302005011002", Name: "Bad NIP", Email: "nip@kemendagri.go.id", MentorEmail: "ratna@kemendagri.go.id"},
		{Line: 5, Email: "noname@kemendagri.go.id", MentorEmail: "ratna@kemendagri.go.id"},
		{Line: 6, Name: "Own Mentor", Email: "self@kemendagri.go.id", MentorEmail: "SELF@kemendagri.go.id"},
		{Line: 7, Name: "Budi Again", Email: "Budi@Kemendagri.go.id", MentorEmail: "ratna@kemendagri.go.id"},
		{Line: 9, NIP: "198001152005011002", Name: "Same NIP", Email: "other@kemendagri.go.id", MentorEmail: "ratna@kemendagri.go.id"},
		{Line: 10, Name: "No Mentor", Email: "nomentor@kemendagri.go.id", CoachEmail: "coach@"},
		{Line: 11, Name: "Own Coach", Email: "coach@kemendagri.go.id", MentorEmail: "ratna@kemendagri.go.id", CoachEmail: "coach@kemendagri.go.id",
			Group: strings.Repeat("g", 201)},
		{Line: 12, Name: "Siti\x00Aminah", Email: "siti@kemendagri.go.id", MentorEmail: "ratna@kemendagri.go.id", Agency: "Pemprov \u202eJatim",
			Position: "Camat\x1b[2J"},
	})
	want := []FieldError{
		{Field: "rows[3].email", Code: CodeEmailInvalid},
		{Field: "rows[4].nip", Code: CodeNIPBirthDate},
		{Field: "rows[5].name", Code: CodeFieldRequired},
		{Field: "rows[6].mentor_email", Code: CodeRosterOwnMentor},
		{Field: "rows[7].email", Code: CodeRosterRepeated, Params: Params{"row": 2}},
		{Field: "rows[9].nip", Code: CodeRosterRepeated, Params: Params{"row": 2}},
		{Field: "rows[10].mentor_email", Code: CodeFieldRequired},
		{Field: "rows[10].coach_email", Code: CodeEmailInvalid},
		{Field: "rows[11].group", Code: CodeFieldTooLong, Params: Params{"max": 200}},
		{Field: "rows[11].coach_email", Code: CodeRosterOwnCoach},
		{Field: "rows[12].name", Code: CodeTextNotUTF8},
		{Field: "rows[12].position", Code: CodeTextSingleLine},
		{Field: "rows[12].agency", Code: CodeTextBidi},
	}
	if got := fieldProblems(t, err); !reflect.DeepEqual(got, want) {
		t.Fatalf("problems =\n%v\nwant\n%v", got, want)
	}
}

func TestCheckRosterRefusesNoRowsAndTooMany(t *testing.T) {
	_, err := CheckRoster(nil)
	wantOneProblem(t, err, "roster", CodeRosterEmpty)
	many := make([]RosterRow, MaxRosterRows+1)
	_, err = CheckRoster(many)
	wantOneProblem(t, err, "roster", CodeRosterTooManyRows)
}
