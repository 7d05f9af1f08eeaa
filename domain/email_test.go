package domain

import (
	"errors"
	"strings"
	"testing"
)

// fieldProblems returns the fields of a KindInvalid domain error, failing
// the test when err is anything else.
func fieldProblems(t *testing.T, err error) []FieldError {
	t.Helper()
	var de *Error
	if !errors.As(err, &de) {
		t.Fatalf("error = %v, want a *domain.Error", err)
	}
	if de.Kind != KindInvalid {
		t.Fatalf("kind = %v, want %v", de.Kind, KindInvalid)
	}
	return de.Fields
}

// wantOneProblem fails the test unless err names exactly field with a
// message containing wantMessage.
func wantOneProblem(t *testing.T, err error, field, wantMessage string) {
	t.Helper()
	fields := fieldProblems(t, err)
	if len(fields) != 1 || fields[0].Field != field || !strings.Contains(fields[0].Message, wantMessage) {
		t.Fatalf("problems = %+v, want one on %q containing %q", fields, field, wantMessage)
	}
}

func TestParseEmailTrimsAndLowerCasesAValidAddress(t *testing.T) {
	tests := []struct{ in, want string }{
		{"budi.santoso@kemendagri.go.id", "budi.santoso@kemendagri.go.id"},
		{"  Budi.Santoso@Kemendagri.GO.ID\t", "budi.santoso@kemendagri.go.id"},
		{"siti+pkn2@bpsdm.jatimprov.go.id", "siti+pkn2@bpsdm.jatimprov.go.id"},
		{"o'neil@sub-domain.example.id", "o'neil@sub-domain.example.id"},
		{"x@a1.id", "x@a1.id"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseEmail(tt.in)
			if err != nil {
				t.Fatalf("ParseEmail(%q) error = %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseEmail(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEmptyEmailIsRequired(t *testing.T) {
	for _, in := range []string{"", "   ", "\t\n"} {
		_, err := ParseEmail(in)
		wantOneProblem(t, err, "email", "is required")
	}
}

func TestEmailThatIsNotABareAddressIsRejected(t *testing.T) {
	tests := []struct{ name, in, message string }{
		{"no at sign", "budi", "is not a valid e-mail address"},
		{"no local part", "@kemendagri.go.id", "is not a valid e-mail address"},
		{"no domain", "budi@", "is not a valid e-mail address"},
		{"two at signs", "budi@x@kemendagri.go.id", "is not a valid e-mail address"},
		{"double dot in local part", "budi..s@kemendagri.go.id", "is not a valid e-mail address"},
		{"inner space", "budi santoso@kemendagri.go.id", "is not a valid e-mail address"},
		{"two addresses", "a@x.go.id, b@x.go.id", "is not a valid e-mail address"},
		{"invalid UTF-8", "budi\xff@kemendagri.go.id", "is not a valid e-mail address"},
		{"display name", "Budi Santoso <budi@kemendagri.go.id>", "without a name"},
		{"angle brackets", "<budi@kemendagri.go.id>", "without a name"},
		{"comment", "budi@kemendagri.go.id (kantor)", "without a name"},
		{"quoted local part", `"budi"@kemendagri.go.id`, "without a name"},
		{"domain without dot", "budi@localhost", "domain with a dot"},
		{"empty label", "budi@kemendagri..go.id", "is not a valid e-mail address"},
		{"trailing dot", "budi@kemendagri.go.id.", "is not a valid e-mail address"},
		{"address literal", "budi@[10.0.0.1]", "domain with a dot"},
		{"hyphen starts label", "budi@-kemendagri.go.id", "domain with a dot"},
		{"odd character in domain", "budi@kemen!dagri.go.id", "domain with a dot"},
		{"Cyrillic a", "\u0430dmin@lan.go.id", "ASCII"},
		{"Cyrillic o in the domain", "admin@lan.g\u043e.id", "ASCII"},
		{"dotless i", "adm\u0131n@lan.go.id", "ASCII"},
		{"no-break space inside", "admin\u00a0@lan.go.id", "ASCII"},
		{"full-width at sign", "admin\uff20lan.go.id", "ASCII"},
		{"accented letter", "jos\u00e9@kemendagri.go.id", "ASCII"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseEmail(tt.in)
			if err == nil {
				t.Fatalf("ParseEmail(%q) = %q, want an error", tt.in, got)
			}
			wantOneProblem(t, err, "email", tt.message)
		})
	}
}

func TestEmailOfAtMost254CharactersIsAccepted(t *testing.T) {
	domain := "@" + strings.Repeat("a", 60) + "." + strings.Repeat("b", 60) + "." + strings.Repeat("c", 60) + ".id"
	longest := strings.Repeat("x", MaxEmailLength-len(domain)) + domain
	if got, err := ParseEmail(longest); err != nil || got != longest {
		t.Fatalf("ParseEmail(254 characters) = %q, %v; want it accepted", got, err)
	}
	_, err := ParseEmail("x" + longest)
	wantOneProblem(t, err, "email", "must have at most 254 characters")
}

func FuzzParseEmail(f *testing.F) {
	for _, seed := range []string{
		"budi.santoso@kemendagri.go.id", " Siti@BPSDM.go.id ", "Budi <budi@x.id>",
		"budi@localhost", `"a b"@x.id`, "a@[1.2.3.4]", "İ@x.id", "a@b.c\u00a0", "",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParseEmail(in)
		if err != nil {
			if KindOf(err) != KindInvalid {
				t.Fatalf("ParseEmail(%q) error kind = %v, want invalid", in, KindOf(err))
			}
			return
		}
		for i := 0; i < len(got); i++ {
			if got[i] < 0x21 || got[i] > 0x7e {
				t.Fatalf("ParseEmail(%q) = %q, which is not printable ASCII", in, got)
			}
		}
		if len(got) > MaxEmailLength || got != strings.ToLower(got) || got != strings.TrimSpace(got) {
			t.Fatalf("ParseEmail(%q) = %q, not normalized", in, got)
		}
		again, err := ParseEmail(got)
		if err != nil || again != got {
			t.Fatalf("ParseEmail(%q) = %q, %v; want the same address back", got, again, err)
		}
	})
}
