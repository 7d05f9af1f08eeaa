package domain

import "testing"

func TestSingleLineTextRefusesControlAndBidiCharacters(t *testing.T) {
	for in, want := range map[string]string{
		"Budi Santoso":            "",
		"Ir. Rudi Hartono, M.Si.": "",
		"محمد":                    "",
		"Budi\x00Santoso":         notText,
		"Budi \xff Santoso":       notText,
		"Budi\tSantoso":           controlInLine,
		"Budi\nSantoso":           controlInLine,
		"Budi\rSantoso":           controlInLine,
		"Budi\x1b[31mSantoso":     controlInLine,
		"Budi\x7fSantoso":         controlInLine,
		"Budi\u0085Santoso":       controlInLine,
		"Budi\u009bSantoso":       controlInLine,
		"Budi\u202aSantoso":       bidiControlInLine,
		"Budi\u202eotnas":         bidiControlInLine,
		"Budi\u2066Santoso\u2069": bidiControlInLine,
		"Budi\u2068Santoso":       bidiControlInLine,
	} {
		assertTextRule(t, "CheckSingleLine", CheckSingleLine("name", in), in, want)
	}
}

func TestMultiLineTextAllowsTabsAndLineBreaksOnly(t *testing.T) {
	for in, want := range map[string]string{
		"Paragraf satu.\n\nParagraf dua.":  "",
		"Baris\r\n\tdengan tab":            "",
		"Arah \u202eteks":                  "",
		"Baris satu\x00":                   notText,
		"Baris \xc0\xaf":                   notText,
		"Baris satu\x07":                   controlInLines,
		"Baris satu\x1b[2J":                controlInLines,
		"Baris satu\u0085Baris dua":        controlInLines,
		"Baris satu\x0bBaris dua\x0cTamat": controlInLines,
	} {
		assertTextRule(t, "CheckMultiLine", CheckMultiLine("description", in), in, want)
	}
}

func assertTextRule(t *testing.T, rule string, err error, in, want string) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Errorf("%s(%q) = %v, want it accepted", rule, in, err)
		}
		return
	}
	de, ok := err.(*Error)
	if !ok || de.Kind != KindInvalid || len(de.Fields) != 1 || de.Fields[0].Message != want {
		t.Errorf("%s(%q) = %v, want %q", rule, in, err, want)
	}
}
