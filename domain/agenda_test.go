package domain

import (
	"testing"
	"time"
)

// pkn2Agenda is a PKN II agenda around day 0: taking ownership on days
// 0–9, the seminar rancangan on 12–13, the laboratorium on 20–79 with a
// coaching session on 40, the seminar laporan on 90–93.
func pkn2Agenda() Agenda {
	d := func(n int) Date { return DateOf(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)) }
	item := func(k AgendaKind, from, to int) AgendaItem {
		return AgendaItem{ID: NewID(), Kind: k, Title: k.Name(), StartsOn: d(from), EndsOn: d(to)}
	}
	return Agenda{item(AgendaTakingOwnership, 0, 9), item(AgendaDesignSeminar, 12, 13), item(AgendaLaboratory, 20, 79),
		item(AgendaCoaching, 40, 40), item(AgendaFinalSeminar, 90, 93)}
}

func day0(n int) Date { return DateOf(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)) }

func TestEachStepIsTimedAgainstItsAgendaItem(t *testing.T) {
	a := pkn2Agenda()
	for _, tc := range []struct {
		step GatedStep
		day  int
		want AgendaTiming
		item AgendaKind
	}{
		{StepSubmitDesign, -1, TimingEarly, AgendaTakingOwnership},
		{StepSubmitDesign, 0, TimingOnTime, AgendaTakingOwnership},
		{StepSubmitDesign, 11, TimingOnTime, AgendaTakingOwnership}, // due the day before the seminar
		{StepSubmitDesign, 12, TimingLate, AgendaTakingOwnership},
		{StepDecideDesign, 13, TimingOnTime, AgendaTakingOwnership}, // decided until the seminar ends
		{StepDecideDesign, 14, TimingLate, AgendaTakingOwnership},
		{StepSubmitEvidence, 19, TimingEarly, AgendaLaboratory},
		{StepSubmitEvidence, 79, TimingOnTime, AgendaLaboratory},
		{StepSubmitEvidence, 80, TimingLate, AgendaLaboratory},
		{StepSubmitFinal, 19, TimingEarly, AgendaFinalSeminar},
		{StepSubmitFinal, 89, TimingOnTime, AgendaFinalSeminar},
		{StepSubmitFinal, 90, TimingLate, AgendaFinalSeminar},
		{StepScoreDesignSeminar, 11, TimingEarly, AgendaDesignSeminar},
		{StepScoreDesignSeminar, 13, TimingOnTime, AgendaDesignSeminar},
		{StepScoreFinalSeminar, 94, TimingLate, AgendaFinalSeminar},
	} {
		got, item := a.Timing(tc.step, day0(tc.day))
		if got != tc.want || item == nil || item.Kind != tc.item {
			t.Errorf("%s on day %d: %s (item %v), want %s (%s)", tc.step, tc.day, got, item, tc.want, tc.item)
		}
	}
	if got, item := (Agenda{}).Timing(StepSubmitFinal, day0(0)); got != TimingUnscheduled || item != nil {
		t.Errorf("without an agenda a step is %s with item %v, want unscheduled and none", got, item)
	}
}

func TestRulesRefuseOnlyTheStepsTheyName(t *testing.T) {
	a := pkn2Agenda()
	rules := AgendaRules{RefuseOutside: []GatedStep{StepSubmitFinal}}
	if timing, err := rules.Gate(a, StepSubmitEvidence, day0(0)); timing != TimingEarly || err != nil {
		t.Errorf("early evidence on a cohort that refuses only late reports: %s, %v", timing, err)
	}
	timing, err := rules.Gate(a, StepSubmitFinal, day0(95))
	if timing != TimingLate || KindOf(err) != KindConflict || err.(*Error).Code != CodeAgendaStepLate {
		t.Fatalf("a late final report on a cohort that refuses it: %s, %v", timing, err)
	}
	if got := err.(*Error).Params["date"]; got != "29 Mei 2026" {
		t.Errorf("the refusal names %v as the last day, want the day before the seminar laporan", got)
	}
	if _, err := rules.Gate(a, StepSubmitFinal, day0(50)); err != nil {
		t.Errorf("a final report on time is refused: %v", err)
	}
}

func TestThePhasesAreDerivedFromTheAgenda(t *testing.T) {
	a := append(pkn2Agenda(), AgendaItem{Kind: AgendaLaboratory, StartsOn: day0(82), EndsOn: day0(85)})
	got := a.Phases()
	want := []Phase{{PhaseDesign, day0(0), day0(9)}, {PhaseDesignSeminar, day0(12), day0(13)},
		{PhaseImplementation, day0(20), day0(85)}, {PhaseFinalSeminar, day0(90), day0(93)}}
	if len(got) != len(want) {
		t.Fatalf("phases %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("phase %d is %v, want %v", i, got[i], want[i])
		}
	}
	if p := (Agenda{{Kind: AgendaCoaching, StartsOn: day0(1), EndsOn: day0(1)}}).Phases(); len(p) != 0 {
		t.Errorf("an agenda of coaching only has phases %v", p)
	}
}

func TestATemplatesAgendaIsLaidOutOverTheCohort(t *testing.T) {
	c := Cohort{StartsOn: day0(0), EndsOn: day0(99)}
	steps := []AgendaStep{{AgendaMandiri, 21}, {AgendaKlasikal, 10}, {AgendaTakingOwnership, 7}, {AgendaDesignSeminar, 2},
		{AgendaLaboratory, 60}, {AgendaFinalSeminar, 4}, {AgendaClosing, 1}, {AgendaPostEvaluation, 3}}
	got := draftAgenda(c, steps, time.Now())
	want := []struct {
		kind     AgendaKind
		from, to int
	}{
		{AgendaMandiri, 0, 20}, {AgendaKlasikal, 21, 30}, {AgendaTakingOwnership, 31, 37}, {AgendaDesignSeminar, 38, 39},
		{AgendaLaboratory, 40, 99}, // cut at the cohort's last day; the seminar laporan and closing would begin after it
		{AgendaPostEvaluation, 189, 191},
	}
	if len(got) != len(want) {
		t.Fatalf("drafted %d items, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Kind != w.kind || got[i].StartsOn != day0(w.from) || got[i].EndsOn != day0(w.to) || got[i].Title != w.kind.Name() {
			t.Errorf("item %d is %s %s–%s, want %s %s–%s", i, got[i].Kind, got[i].StartsOn, got[i].EndsOn, w.kind, day0(w.from), day0(w.to))
		}
	}
}
