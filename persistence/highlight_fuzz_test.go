package persistence

import (
	"strings"
	"testing"

	"github.com/proper-id/proper/domain/bahasa"
)

// FuzzHighlight checks that marking the words of a text whose stems match
// keeps every character of the text, in order (line breaks as spaces),
// marks only whole matching words, and never yields two alike parts in a
// row, whatever the text holds.
func FuzzHighlight(f *testing.F) {
	for _, seed := range []string{"", "Layanan Antrean Daring", "pelayanan\npublik", "e-KTP dan KTP-el", "--a-", "sampah-sampah"} {
		f.Add(seed)
	}
	stems := map[string]bool{"layan": true, "daring": true, "ektp": true, "sampah": true, "publik": true}
	f.Fuzz(func(t *testing.T, s string) {
		var text strings.Builder
		parts := highlight(s, stems, 0)
		for i, p := range parts {
			if p.Text == "" {
				t.Fatalf("part %d of %q is empty", i, s)
			}
			if i > 0 && parts[i-1].Match == p.Match {
				t.Fatalf("parts %d and %d of %q are alike: %+v", i-1, i, s, parts)
			}
			if p.Match {
				for _, w := range bahasa.Words(p.Text) {
					if !stems[w.Stem] {
						t.Fatalf("part %d of %q marks %q", i, s, w.Text)
					}
				}
			}
			text.WriteString(p.Text)
		}
		if want := strings.ReplaceAll(s, "\n", " "); text.String() != want {
			t.Fatalf("parts of %q make %q", s, text.String())
		}
	})
}
