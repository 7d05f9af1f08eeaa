package domain

import "testing"

func TestPeopleAreListedByTheirNameWithoutTitlesOrDegrees(t *testing.T) {
	for name, want := range map[string]string{
		"Budi Santoso":                      "budi santoso",
		"Dr. Budi Santoso":                  "budi santoso",
		"Prof. Dr. Ir. Budi Santoso, M.Si.": "budi santoso",
		"Drs. Jefridin, M.Pd.":              "jefridin",
		"dr. Citra Lestari, Sp.A":           "citra lestari",
		"Hj. Siti Aminah, S.E., M.M.":       "siti aminah",
		"Ir Hendra":                         "ir hendra", // without the dot it may be a name
		"Dra.":                              "dra.",      // only a title: kept
		"  Ahmad   Dahlan ":                 "ahmad dahlan",
	} {
		if got := SortName(name); got != want {
			t.Errorf("SortName(%q) = %q, want %q", name, got, want)
		}
	}
}
