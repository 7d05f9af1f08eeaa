package domain

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSafeFileNamesCannotEscapeOrBreakHeaders(t *testing.T) {
	for in, want := range map[string]string{
		`C:\scan\SK "final".pdf`:    "SK _final_.pdf",
		"../../etc/passwd":          "passwd",
		"laporan\r\nX-Evil: 1.pdf":  "laporan__X-Evil_ 1.pdf",
		"   ":                       "bukti",
		"..":                        "bukti",
		"foto kegiatan.jpg":         "foto kegiatan.jpg",
		"SK\u202efdp.exe":           "SK_fdp.exe",
		"bukti\u2066.pdf\u2069.zip": "bukti_.pdf_.zip",
		"laporan\u0085akhir.pdf":    "laporan_akhir.pdf",
	} {
		if got := SafeFileName(in); got != want {
			t.Errorf("SafeFileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzSafeFileName(f *testing.F) {
	for _, seed := range []string{"SK.pdf", `C:\a\b.docx`, "../x", "\x00\xff", strings.Repeat("a", 300) + ".pdf"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := SafeFileName(name)
		if got == "" || strings.ContainsAny(got, "/\\\"") || CheckSingleLine("", got) != nil || got == "." || got == ".." {
			t.Fatalf("SafeFileName(%q) = %q", name, got)
		}
		if utf8.ValidString(name) && utf8.RuneCountInString(got) > 120 {
			t.Fatalf("SafeFileName(%q) has %d characters", name, utf8.RuneCountInString(got))
		}
	})
}
