package domain

import (
	"testing"
	"time"

	"github.com/google/uuid"
)

// sessionOn is a session on day with examiners and one participant scored
// by the given examiners' totals (in the order of examiners).
func sessionOn(day Date, examiners []uuid.UUID, totals ...float64) SeminarSession {
	s := SeminarSession{ID: uuid.New(), CohortID: uuid.New(), Seminar: SeminarFinal, HeldOn: day}
	p := SessionParticipant{ProjectID: uuid.New(), Name: "Budi"}
	for i, e := range examiners {
		s.Examiners = append(s.Examiners, SessionExaminer{UserID: e})
		if i < len(totals) {
			p.Scores = append(p.Scores, ExaminerScore{ExaminerID: e, Total: totals[i]})
		}
	}
	s.Participants = []SessionParticipant{p}
	return s
}

func TestScoringOpensOnTheSessionsDayOrWhenOpenedEarlyAndClosesAtDetermination(t *testing.T) {
	day := NewDate(2026, 12, 10)
	examiner := uuid.New()
	s := sessionOn(day, []uuid.UUID{examiner})
	final := Project{Status: ProjectFinalSubmitted}
	for _, c := range []struct {
		name  string
		today Date
		early bool
		done  bool
		who   uuid.UUID
		want  Code
	}{
		{"the day before", NewDate(2026, 12, 9), false, false, examiner, CodeAssessmentSessionNotOpen},
		{"the day before, opened early", NewDate(2026, 12, 9), true, false, examiner, ""},
		{"the day itself", day, false, false, examiner, ""},
		{"a week later", NewDate(2026, 12, 17), false, false, examiner, ""},
		{"after determination", NewDate(2026, 12, 17), false, true, examiner, CodeAssessmentDetermined},
		{"an examiner not assigned", day, false, false, uuid.New(), CodeAssessmentNotAssigned},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := s
			now := time.Now()
			if c.early {
				s.OpenedEarlyAt = &now
			}
			if c.done {
				s.DeterminedAt = &now
			}
			err := s.checkScorable(c.who, final, c.today)
			if c.want == "" && err != nil || c.want != "" && (err == nil || err.(*Error).Code != c.want) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
		})
	}
}

func TestADesignScoreIsRefusedPastTheDesignStage(t *testing.T) {
	for status, ok := range map[ProjectStatus]bool{ProjectDraft: false, ProjectDesignSubmitted: true, ProjectDesignApproved: true,
		ProjectImplementing: false, ProjectFinalSubmitted: false, ProjectCompleted: false} {
		p := Project{Status: status}
		if err := p.checkSeminarStage(SeminarDesign); (err == nil) != ok {
			t.Errorf("%s: design score refused = %v, want refused = %v", status, err, !ok)
		}
	}
}

func TestDeterminationNeedsTheRequiredScoresAndTakesTheMeanOfTheAssigned(t *testing.T) {
	a, b, removed := uuid.New(), uuid.New(), uuid.New()
	cohort := Cohort{Thresholds: []Threshold{{90, PredicateSangatMemuaskan}, {80, PredicateMemuaskan}, {70, PredicateCukupMemuaskan}}, ExaminersRequired: 2}

	one := sessionOn(NewDate(2026, 12, 10), []uuid.UUID{a, b}, 85.5)
	if err := one.checkDeterminable(cohort); err == nil || err.(*Error).Code != CodeSessionScoresMissing {
		t.Fatalf("one of two scores: %v", err)
	}
	// Never more than the examiners assigned: one examiner suffices alone.
	if err := sessionOn(NewDate(2026, 12, 10), []uuid.UUID{a}, 85.5).checkDeterminable(cohort); err != nil {
		t.Fatalf("the one assigned examiner scored: %v", err)
	}

	both := sessionOn(NewDate(2026, 12, 10), []uuid.UUID{a, b}, 85.5, 95)
	// A score by an examiner taken off the session does not count.
	both.Participants[0].Scores = append(both.Participants[0].Scores, ExaminerScore{ExaminerID: removed, Total: 10})
	if err := both.checkDeterminable(cohort); err != nil {
		t.Fatal(err)
	}
	by, now := uuid.New(), time.Now()
	results := both.determine(cohort, by, now)
	if len(results) != 1 || results[0].Score != 90.25 || results[0].Predicate != PredicateSangatMemuaskan || results[0].Examiners != 2 {
		t.Fatalf("determined %+v, want 90.25 sangat_memuaskan from two examiners", results)
	}
	if both.DeterminedAt == nil || *both.DeterminedBy != by {
		t.Fatal("the determination is not recorded on the session")
	}
	if err := both.checkDeterminable(cohort); err == nil || err.(*Error).Code != CodeSessionDetermined {
		t.Fatalf("determining again: %v", err)
	}
}
