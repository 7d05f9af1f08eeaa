package domain

import "testing"

func TestSingleLineTextRefusesControlAndBidiCharacters(t *testing.T) {
	for in, want := range map[string]Code{
		"Budi Santoso":            "",
		"Ir. Rudi Hartono, M.Si.": "",
		"محمد":                    "",
		"Budi\x00Santoso":         CodeTextNotUTF8,
		"Budi \xff Santoso":       CodeTextNotUTF8,
		"Budi\tSantoso":           CodeTextSingleLine,
		"Budi\nSantoso":           CodeTextSingleLine,
		"Budi\rSantoso":           CodeTextSingleLine,
		"Budi\x1b[31mSantoso":     CodeTextSingleLine,
		"Budi\x7fSantoso":         CodeTextSingleLine,
		"Budi\u0085Santoso":       CodeTextSingleLine,
		"Budi\u009bSantoso":       CodeTextSingleLine,
		"Budi\u202aSantoso":       CodeTextBidi,
		"Budi\u202eotnas":         CodeTextBidi,
		"Budi\u2066Santoso\u2069": CodeTextBidi,
		"Budi\u2068Santoso":       CodeTextBidi,
	} {
		assertTextRule(t, "CheckSingleLine", CheckSingleLine("name", in), in, want)
	}
}

func TestMultiLineTextAllowsTabsAndLineBreaksOnly(t *testing.T) {
	for in, want := range map[string]Code{
		"Paragraf satu.\n\nParagraf dua.":  "",
		"Baris\r\n\tdengan tab":            "",
		"Arah \u202eteks":                  "",
		"Baris satu\x00":                   CodeTextNotUTF8,
		"Baris \xc0\xaf":                   CodeTextNotUTF8,
		"Baris satu\x07":                   CodeTextControl,
		"Baris satu\x1b[2J":                CodeTextControl,
		"Baris satu\u0085Baris dua":        CodeTextControl,
		"Baris satu\x0bBaris dua\x0cTamat": CodeTextControl,
	} {
		assertTextRule(t, "CheckMultiLine", CheckMultiLine("description", in), in, want)
	}
}

func assertTextRule(t *testing.T, rule string, err error, in string, want Code) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Errorf("%s(%q) = %v, want it accepted", rule, in, err)
		}
		return
	}
	de, ok := err.(*Error)
	if !ok || de.Kind != KindInvalid || len(de.Fields) != 1 || de.Fields[0].Code != want {
		t.Errorf("%s(%q) = %v, want %q", rule, in, err, want)
	}
}
