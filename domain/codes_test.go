package domain

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// codeName is how a code is spelled: a dotted area, then lower snake-case
// names saying why.
var codeName = regexp.MustCompile(`^[a-z]+(\.[a-z0-9_]+)+$`)

func TestEveryCodeIsWordedInBothLanguages(t *testing.T) {
	for _, w := range Catalogue() {
		if strings.TrimSpace(w.English) == "" {
			t.Errorf("%s has no English wording", w.Code)
		}
		if strings.TrimSpace(w.Indonesian) == "" {
			t.Errorf("%s has no Indonesian wording", w.Code)
		}
	}
}

func TestIndonesianWordingUsesOnlyTheEnglishPlaceholders(t *testing.T) {
	// The Indonesian may leave a parameter out (a raw status such as
	// "implementing" is no word of Bahasa Indonesia), never add one.
	for _, w := range Catalogue() {
		english := Placeholders(w.English)
		for _, p := range Placeholders(w.Indonesian) {
			if !slices.Contains(english, p) {
				t.Errorf("%s: the Indonesian uses {%s}, which the English does not (%v)", w.Code, p, english)
			}
		}
	}
}

func TestCodeNamesAreWellFormedAndUnique(t *testing.T) {
	seen := map[Code]bool{}
	for _, w := range Catalogue() {
		if !codeName.MatchString(string(w.Code)) {
			t.Errorf("%q does not match %s", w.Code, codeName)
		}
		if seen[w.Code] {
			t.Errorf("%s is listed twice", w.Code)
		}
		seen[w.Code] = true
		if !w.Code.Known() {
			t.Errorf("%s is listed but not known", w.Code)
		}
	}
	if len(seen) == 0 {
		t.Fatal("the catalogue is empty")
	}
}

// TestIndonesianWordingFollowsTheGlossary checks the catalogue against the
// forbidden variants of docs/GLOSSARY.md (see readGlossary).
func TestIndonesianWordingFollowsTheGlossary(t *testing.T) {
	g := readGlossary(t)
	for _, w := range Catalogue() {
		g.check(t, string(w.Code), w.Indonesian)
	}
}

func TestTextFillsPlaceholdersInEitherLanguage(t *testing.T) {
	if got, want := CodeFieldTooLong.Text(English, Params{"max": 200}), "must have at most 200 characters"; got != want {
		t.Errorf("English = %q, want %q", got, want)
	}
	if got, want := CodeFieldTooLong.Text(Indonesian, Params{"max": 200}), "Paling banyak 200 karakter."; got != want {
		t.Errorf("Indonesian = %q, want %q", got, want)
	}
	if got, want := CodeProjectNotDraft.Text(English, Params{"status": "implementing"}), "the design can only be edited while the project is a draft; it is implementing"; got != want {
		t.Errorf("English = %q, want %q", got, want)
	}
}
