package domain

import (
	"testing"
	"time"
)

func TestParseNIPAcceptsTheDigitsTogetherOrInPrintedGroups(t *testing.T) {
	tests := []struct{ in, want string }{
		{"198001152005011002", "198001152005011002"},
		{"  198001152005011002\t", "198001152005011002"},
		{"19800115 200501 1 002", "198001152005011002"},
		{" 19920310 201503 2 001 ", "199203102015032001"},
		{"193001012099122999", "193001012099122999"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseNIP(tt.in)
			if err != nil {
				t.Fatalf("ParseNIP(%q) error = %v", tt.in, err)
			}
			if got.String() != tt.want {
				t.Errorf("ParseNIP(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNIPTellsBirthDateAppointmentAndSex(t *testing.T) {
	tests := []struct {
		nip   NIP
		birth time.Time
		year  int
		month time.Month
		sex   Sex
	}{
		{"198001152005011002", time.Date(1980, time.January, 15, 0, 0, 0, 0, time.UTC), 2005, time.January, SexMale},
		{"199203102015032001", time.Date(1992, time.March, 10, 0, 0, 0, 0, time.UTC), 2015, time.March, SexFemale},
		{"200002292019122001", time.Date(2000, time.February, 29, 0, 0, 0, 0, time.UTC), 2019, time.December, SexFemale},
	}
	for _, tt := range tests {
		t.Run(string(tt.nip), func(t *testing.T) {
			n, err := ParseNIP(string(tt.nip))
			if err != nil {
				t.Fatalf("ParseNIP(%q) error = %v", tt.nip, err)
			}
			if got := n.BirthDate(); !got.Equal(tt.birth) || got.Location() != time.UTC {
				t.Errorf("BirthDate() = %v, want %v", got, tt.birth)
			}
			if year, month := n.AppointedIn(); year != tt.year || month != tt.month {
				t.Errorf("AppointedIn() = %d, %v; want %d, %v", year, month, tt.year, tt.month)
			}
			if got := n.Sex(); got != tt.sex {
				t.Errorf("Sex() = %q, want %q", got, tt.sex)
			}
		})
	}
}

func TestNIPWithoutEighteenDigitsIsRejected(t *testing.T) {
	tests := []struct{ name, in string }{
		{"17 digits", "19800115200501100"},
		{"19 digits", "1980011520050110021"},
		{"a letter", "19800115200501100A"},
		{"hyphens between groups", "19800115-200501-1-002"},
		{"two spaces between groups", "19800115  200501 1 002"},
		{"groups of other lengths", "1980011 5200501 1 002"},
		{"spaces inside a group", "1980 0115 200501 1 002"},
		{"full-width digits", "１９８００１１５２００５０１１００２"},
		{"a sign", "+98001152005011002"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseNIP(tt.in)
			wantOneProblem(t, err, "nip", CodeNIPLength)
		})
	}
}

func TestEmptyNIPIsRequired(t *testing.T) {
	_, err := ParseNIP("  ")
	wantOneProblem(t, err, "nip", CodeFieldRequired)
}

func TestNIPWithImpossibleBirthDateIsRejected(t *testing.T) {
	tests := []struct{ name, in string }{
		{"30 February", "198002302005011002"},
		{"29 February of a common year", "198102292005011002"},
		{"31 April", "198004312005011002"},
		{"month 13", "198013152005011002"},
		{"month 00", "198000152005011002"},
		{"day 00", "198001002005011002"},
		{"born before 1930", "192912312005011002"},
		{"born after 2099", "210001012005011002"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseNIP(tt.in)
			wantOneProblem(t, err, "nip", CodeNIPBirthDate)
		})
	}
}

func TestNIPWithImplausibleAppointmentIsRejected(t *testing.T) {
	tests := []struct {
		name, in string
		want     Code
	}{
		{"month 00", "198001152005001002", CodeNIPAppointment},
		{"month 13", "198001152005131002", CodeNIPAppointment},
		{"appointed before 1950", "193001011949121002", CodeNIPAppointment},
		{"appointed after 2099", "198001152100011002", CodeNIPAppointment},
		{"appointed at 16", "198001151996121002", CodeNIPAppointmentAge},
		{"appointed before birth", "198001151979011002", CodeNIPAppointmentAge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseNIP(tt.in)
			wantOneProblem(t, err, "nip", tt.want)
		})
	}
}

func TestNIPAppointedSeventeenYearsAfterTheBirthYearIsAccepted(t *testing.T) {
	if _, err := ParseNIP("198001151997121002"); err != nil {
		t.Fatalf("ParseNIP error = %v", err)
	}
}

func TestNIPWithSexDigitOtherThanOneOrTwoIsRejected(t *testing.T) {
	for _, in := range []string{"198001152005010002", "198001152005013002", "198001152005019002"} {
		_, err := ParseNIP(in)
		wantOneProblem(t, err, "nip", CodeNIPSex)
	}
}

func TestMalformedNIPValueTellsNothing(t *testing.T) {
	for _, n := range []NIP{"", "abc", "19800115200501100x", "19800115 200501 1 002"} {
		if !n.BirthDate().IsZero() {
			t.Errorf("NIP(%q).BirthDate() = %v, want zero", n, n.BirthDate())
		}
		if year, month := n.AppointedIn(); year != 0 || month != 0 {
			t.Errorf("NIP(%q).AppointedIn() = %d, %v; want zeros", n, year, month)
		}
		if sex := n.Sex(); sex != "" {
			t.Errorf("NIP(%q).Sex() = %q, want empty", n, sex)
		}
	}
}

func FuzzParseNIP(f *testing.F) {
	for _, seed := range []string{
		"198001152005011002", "19800115 200501 1 002", "199203102015032001",
		"198002302005011002", "198001152005131002", "198001152005013002",
		"1980011520050110021", " 19920310 201503 2 001 ", "", "１９８０",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		n, err := ParseNIP(in)
		if err != nil {
			if KindOf(err) != KindInvalid {
				t.Fatalf("ParseNIP(%q) error kind = %v, want invalid", in, KindOf(err))
			}
			return
		}
		if len(n) != 18 || !allDigits(string(n)) {
			t.Fatalf("ParseNIP(%q) = %q, want 18 digits", in, n)
		}
		again, err := ParseNIP(string(n))
		if err != nil || again != n {
			t.Fatalf("ParseNIP(%q) = %q, %v; want the same NIP back", n, again, err)
		}
		if got := n.BirthDate().Format("20060102"); got != string(n[:8]) {
			t.Fatalf("NIP %q: BirthDate formats as %s, want %s", n, got, n[:8])
		}
		if year, _ := n.AppointedIn(); year == 0 || n.Sex() == "" {
			t.Fatalf("NIP %q: accepted but AppointedIn or Sex is zero", n)
		}
	})
}
