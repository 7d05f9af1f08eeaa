package domain_test

import (
	"testing"

	"github.com/proper-id/proper/domain"
)

func TestSpreadsheetTextQuotesWhatASpreadsheetWouldRun(t *testing.T) {
	for cell, want := range map[string]string{
		"=1+1": "'=1+1", "+62 812": "'+62 812", "-": "'-", "@SUM(A1)": "'@SUM(A1)", "\t=1": "'\t=1", "\r=1": "'\r=1",
		"": "", "Budi Peserta": "Budi Peserta", " =1": " =1", "'=1": "'=1", "1-2": "1-2", "Antrean; Daring": "Antrean; Daring",
	} {
		got, changed := domain.SpreadsheetText(cell)
		if got != want || changed != (got != cell) {
			t.Errorf("SpreadsheetText(%q) = %q, %v; want %q", cell, got, changed, want)
		}
	}
}
