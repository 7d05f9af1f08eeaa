package persistence

import (
	"strings"
	"testing"
)

// FuzzHighlightParts checks that cutting a ts_headline answer at its
// markers keeps every character of the text, in order, and lets no marker
// through, whatever the text holds.
func FuzzHighlightParts(f *testing.F) {
	for _, seed := range []string{"", "Layanan \x01Antrean\x02 Daring", "\x01\x02", "a\x02b\x01c", "<b>\x01x\x02</b>", "\x01\x01a\x02\x02"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var text strings.Builder
		parts := highlightParts(s)
		for i, p := range parts {
			if p.Text == "" || strings.ContainsAny(p.Text, markStart+markStop) {
				t.Fatalf("part %d of %q: %q", i, s, p.Text)
			}
			if i > 0 && parts[i-1].Match == p.Match {
				t.Fatalf("parts %d and %d of %q are alike: %+v", i-1, i, s, parts)
			}
			text.WriteString(p.Text)
		}
		if want := strings.NewReplacer(markStart, "", markStop, "").Replace(s); text.String() != want {
			t.Fatalf("parts of %q make %q", s, text.String())
		}
	})
}
