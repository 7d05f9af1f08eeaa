package domain

import (
	"testing"

	"github.com/google/uuid"
)

// graduationRules are LAN's components with a minimum of 70 in sikap
// perilaku, under LAN's thresholds.
func graduationRules() []GraduationComponent {
	return []GraduationComponent{
		{Key: "sikap_perilaku", Name: "Sikap perilaku", Weight: 20, Minimum: 70},
		{Key: GraduationAcademicKey, Name: "Evaluasi akademik", Weight: 70},
		{Key: "kehadiran", Name: "Kehadiran", Weight: 10},
	}
}

// graduate is a participant's input: sikap perilaku, akademik (nil: not
// determined) and kehadiran (negative: not entered).
func graduate(name string, sikap float64, academic *float64, attendance float64) GraduationInput {
	in := GraduationInput{EnrollmentID: uuid.New(), ParticipantID: uuid.New(), Name: name, Academic: academic,
		Entered: map[string]float64{"sikap_perilaku": sikap}}
	if attendance >= 0 {
		in.Entered["kehadiran"] = attendance
	}
	return in
}

func score(f float64) *float64 { return &f }

func standingOf(t *testing.T, list []GraduationStanding, name string) GraduationStanding {
	t.Helper()
	for _, s := range list {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no standing of %s in %+v", name, list)
	return GraduationStanding{}
}

// TestGraduationAtTheBoundaries: a total exactly at a threshold earns the
// lower kualifikasi (a threshold is to be exceeded), exactly at 70 is
// Kurang Memuaskan and so tidak lulus; a component exactly at its minimum
// passes and one below fails whatever the total; a missing component (not
// entered, or a final seminar not determined) leaves the participant
// pending, neither graduated nor failed, and unranked.
func TestGraduationAtTheBoundaries(t *testing.T) {
	list := GraduationStandings(graduationRules(), LANThresholds(), true, []GraduationInput{
		graduate("Ayu", 90, score(90), 90),           // 90.00: Memuaskan, not Sangat
		graduate("Bima", 70, score(90.5), 100),       // 14 + 63.35 + 10 = 87.35, sikap exactly at its minimum
		graduate("Citra", 69.99, score(100), 100),    // 13.998 + 70 + 10 = 94: the best total, but below sikap's minimum
		graduate("Dedi", 70, score(70), 70),          // 70.00: Kurang Memuaskan, tidak lulus
		graduate("Eka", 95, score(92), -1),           // kehadiran not entered
		graduate("Fajar", 95, nil, 100),              // final seminar not determined
		graduate("Gita", 90, score(90), 90),          // equal to Ayu: shares her place
		graduate("Hana", 90.01, score(90.01), 90.01), // 90.01: Sangat Memuaskan
	})
	cases := []struct {
		name      string
		total     float64
		outcome   GraduationOutcome
		predicate Predicate
		rank      int
		best      bool
	}{
		{"Citra", 94, GraduationFailed, PredicateSangatMemuaskan, 1, false},
		{"Hana", 90.01, GraduationPassed, PredicateSangatMemuaskan, 2, true},
		{"Ayu", 90, GraduationPassed, PredicateMemuaskan, 3, false},
		{"Gita", 90, GraduationPassed, PredicateMemuaskan, 3, false},
		{"Bima", 87.35, GraduationPassed, PredicateMemuaskan, 5, false},
		{"Dedi", 70, GraduationFailed, PredicateKurangMemuaskan, 6, false},
		{"Eka", 0, GraduationPending, "", 0, false},
		{"Fajar", 0, GraduationPending, "", 0, false},
	}
	for i, c := range cases {
		s := standingOf(t, list, c.name)
		if s.Total != c.total || s.Outcome != c.outcome || s.Predicate != c.predicate || s.Rank != c.rank || s.Best != c.best {
			t.Errorf("%s: total %v %s %s rank %d best %v, want %v %s %s rank %d best %v", c.name, s.Total, s.Outcome, s.Predicate,
				s.Rank, s.Best, c.total, c.outcome, c.predicate, c.rank, c.best)
		}
		if list[i].Name != c.name {
			t.Errorf("place %d is %s, want %s", i, list[i].Name, c.name)
		}
	}
	if s := standingOf(t, list, "Citra"); len(s.BelowMinimum) != 1 || s.BelowMinimum[0] != "sikap_perilaku" {
		t.Errorf("Citra below minimum in %v", s.BelowMinimum)
	}
	if s := standingOf(t, list, "Eka"); len(s.Missing) != 1 || s.Missing[0] != "kehadiran" {
		t.Errorf("Eka misses %v", s.Missing)
	}
	if s := standingOf(t, list, "Fajar"); len(s.Missing) != 1 || s.Missing[0] != GraduationAcademicKey {
		t.Errorf("Fajar misses %v", s.Missing)
	}
}

// TestNoBestParticipantUnlessTheCohortNamesOne, and equal best graduates
// share the title.
func TestNoBestParticipantUnlessTheCohortNamesOne(t *testing.T) {
	inputs := []GraduationInput{graduate("Ayu", 90, score(90), 90), graduate("Gita", 90, score(90), 90)}
	for _, s := range GraduationStandings(graduationRules(), LANThresholds(), false, inputs) {
		if s.Best {
			t.Errorf("%s is named best in a cohort that names none", s.Name)
		}
	}
	for _, s := range GraduationStandings(graduationRules(), LANThresholds(), true, inputs) {
		if !s.Best || s.Rank != 1 {
			t.Errorf("%s: rank %d best %v, want both first and best", s.Name, s.Rank, s.Best)
		}
	}
}

// TestGraduationDeterminationNeedsEveryScore: determination is refused
// without components, without participants, and while a score is missing,
// naming the participant and the component.
func TestGraduationDeterminationNeedsEveryScore(t *testing.T) {
	g := Graduation{Components: graduationRules(), Thresholds: LANThresholds()}
	if KindOf(g.checkDeterminable()) != KindConflict {
		t.Error("a graduation without participants is determinable")
	}
	g.Standings = GraduationStandings(g.Components, g.Thresholds, false, []GraduationInput{graduate("Eka", 95, score(92), -1)})
	err := g.checkDeterminable()
	if e, ok := err.(*Error); !ok || e.Code != CodeGraduationScoresMissing || e.Params["component"] != "Kehadiran" || e.Params["name"] != "Eka" {
		t.Errorf("determination with a missing score: %v", err)
	}
	g.Standings = GraduationStandings(g.Components, g.Thresholds, false, []GraduationInput{graduate("Ayu", 90, score(90), 90)})
	if err := g.checkDeterminable(); err != nil {
		t.Errorf("a complete graduation is refused: %v", err)
	}
	g.Components = nil
	if e, ok := g.checkDeterminable().(*Error); !ok || e.Code != CodeGraduationNoComponents {
		t.Errorf("a graduation without components: %v", e)
	}
}

// TestACertificateNumberFormatNamesTheSequenceOnce.
func TestACertificateNumberFormatNamesTheSequenceOnce(t *testing.T) {
	for format, ok := range map[string]bool{
		DefaultCertificateNumberFormat:  true,
		"{seq}":                         true,
		"SERT-{cohort}.{year}-{seq:03}": true,
		"{program}/{year}":              false,
		"{seq}/{seq}":                   false,
		"{program}/{tahun}/{seq}":       false,
		"{program}?{seq}":               false,
		"{seq:4}":                       false,
	} {
		var v Violations
		GraduationSettings{NumberFormat: format}.validate(&v)
		if (v.Err() == nil) != ok {
			t.Errorf("%q: %v", format, v.Err())
		}
	}
}
