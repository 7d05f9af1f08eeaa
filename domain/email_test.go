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

// wantOneProblem fails the test unless err names exactly field, breaking
// the rule want.
func wantOneProblem(t *testing.T, err error, field string, want Code) {
	t.Helper()
	fields := fieldProblems(t, err)
	if len(fields) != 1 || fields[0].Field != field || fields[0].Code != want {
		t.Fatalf("problems = %+v, want one on %q with code %q", fields, field, want)
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
		wantOneProblem(t, err, "email", CodeFieldRequired)
	}
}

func TestEmailThatIsNotABareAddressIsRejected(t *testing.T) {
	tests := []struct {
		name, in string
		want     Code
	}{
		{"no at sign", "budi", CodeEmailInvalid},
		{"no local part", "@kemendagri.go.id", CodeEmailInvalid},
		{"no domain", "budi@", CodeEmailInvalid},
		{"two at signs", "budi@x@kemendagri.go.id", CodeEmailInvalid},
		{"double dot in local part", "budi..s@kemendagri.go.id", CodeEmailInvalid},
		{"inner space", "budi santoso@kemendagri.go.id", CodeEmailInvalid},
		{"two addresses", "a@x.go.id, b@x.go.id", CodeEmailInvalid},
		{"invalid UTF-8", "budi\xff@kemendagri.go.id", CodeEmailInvalid},
		{"display name", "Budi Santoso <budi@kemendagri.go.id>", CodeEmailAddressOnly},
		{"angle brackets", "<budi@kemendagri.go.id>", CodeEmailAddressOnly},
		{"comment", "budi@kemendagri.go.id (kantor)", CodeEmailAddressOnly},
		{"quoted local part", `"budi"@kemendagri.go.id`, CodeEmailAddressOnly},
		{"domain without dot", "budi@localhost", CodeEmailDomain},
		{"empty label", "budi@kemendagri..go.id", CodeEmailInvalid},
		{"trailing dot", "budi@kemendagri.go.id.", CodeEmailInvalid},
		{"address literal", "budi@[10.0.0.1]", CodeEmailDomain},
		{"hyphen starts label", "budi@-kemendagri.go.id", CodeEmailDomain},
		{"odd character in domain", "budi@kemen!dagri.go.id", CodeEmailDomain},
		{"Cyrillic a", "\u0430dmin@lan.go.id", CodeEmailNotASCII},
		{"Cyrillic o in the domain", "admin@lan.g\u043e.id", CodeEmailNotASCII},
		{"dotless i", "adm\u0131n@lan.go.id", CodeEmailNotASCII},
		{"no-break space inside", "admin\u00a0@lan.go.id", CodeEmailNotASCII},
		{"full-width at sign", "admin\uff20lan.go.id", CodeEmailNotASCII},
		{"accented letter", "jos\u00e9@kemendagri.go.id", CodeEmailNotASCII},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseEmail(tt.in)
			if err == nil {
				t.Fatalf("ParseEmail(%q) = %q, want an error", tt.in, got)
			}
			wantOneProblem(t, err, "email", tt.want)
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
	wantOneProblem(t, err, "email", CodeFieldTooLong)
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
