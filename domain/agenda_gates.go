package domain

import (
	"slices"
	"time"

	"github.com/google/uuid"
)

// GatedStep is a step of the change-project workflow that belongs to a
// part of the cohort's agenda: done outside it, it is flagged early or
// late (a soft gate), or refused when the cohort says so.
type GatedStep string

// The workflow steps the agenda gates.
const (
	StepSubmitDesign       GatedStep = "submit_design"        // the participant submits the design
	StepDecideDesign       GatedStep = "decide_design"        // the mentor or coach approves or returns it
	StepSubmitEvidence     GatedStep = "submit_evidence"      // evidence of milestone work
	StepSubmitFinal        GatedStep = "submit_final"         // the final report
	StepScoreDesignSeminar GatedStep = "score_design_seminar" // an examiner scores the seminar rancangan
	StepScoreFinalSeminar  GatedStep = "score_final_seminar"  // an examiner scores the seminar laporan
)

// GatedSteps lists the gated steps.
var GatedSteps = []GatedStep{StepSubmitDesign, StepDecideDesign, StepSubmitEvidence, StepSubmitFinal,
	StepScoreDesignSeminar, StepScoreFinalSeminar}

// ParseGatedStep returns the step named s, or an Invalid error naming field.
func ParseGatedStep(field, s string) (GatedStep, error) {
	for _, st := range GatedSteps {
		if string(st) == s {
			return st, nil
		}
	}
	return "", Invalid(field, CodeFieldNotOneOf, Params{"values": "submit_design, decide_design, submit_evidence, submit_final, score_design_seminar, score_final_seminar"})
}

// stepWindow is when a step is on time: from the first day of the first
// item of opens (no earliest day without one) to the last day of the last
// item of closes, or, with dueBefore, to the day before the first item of
// closes begins (no latest day without one). kind is the item the step
// belongs to, the one named to people.
type stepWindow struct {
	kind      AgendaKind
	opens     AgendaKind
	closes    AgendaKind
	dueBefore bool
}

// stepWindows is the one mapping of workflow steps to the agenda:
//   - the design is written from taking ownership on and is due the day
//     before the seminar rancangan; mentor and coach decide on it from
//     taking ownership until the seminar rancangan ends;
//   - evidence of milestone work belongs to the laboratorium kepemimpinan;
//   - the final report is written from the laboratorium on and is due the
//     day before the seminar laporan;
//   - each seminar is scored during its agenda item.
var stepWindows = map[GatedStep]stepWindow{
	StepSubmitDesign:       {kind: AgendaTakingOwnership, opens: AgendaTakingOwnership, closes: AgendaDesignSeminar, dueBefore: true},
	StepDecideDesign:       {kind: AgendaTakingOwnership, opens: AgendaTakingOwnership, closes: AgendaDesignSeminar},
	StepSubmitEvidence:     {kind: AgendaLaboratory, opens: AgendaLaboratory, closes: AgendaLaboratory},
	StepSubmitFinal:        {kind: AgendaFinalSeminar, opens: AgendaLaboratory, closes: AgendaFinalSeminar, dueBefore: true},
	StepScoreDesignSeminar: {kind: AgendaDesignSeminar, opens: AgendaDesignSeminar, closes: AgendaDesignSeminar},
	StepScoreFinalSeminar:  {kind: AgendaFinalSeminar, opens: AgendaFinalSeminar, closes: AgendaFinalSeminar},
}

// AgendaKindOfStep is the kind of agenda item a step belongs to.
func AgendaKindOfStep(step GatedStep) AgendaKind { return stepWindows[step].kind }

// AgendaTiming is when a step is taken, measured against its agenda item.
type AgendaTiming string

// The timings of a step.
const (
	TimingOnTime      AgendaTiming = "on_time"     // within its window
	TimingEarly       AgendaTiming = "early"       // before its window opens
	TimingLate        AgendaTiming = "late"        // after its window closes
	TimingUnscheduled AgendaTiming = "unscheduled" // the agenda has no item that bounds it
)

// Flagged reports whether the timing is early or late.
func (t AgendaTiming) Flagged() bool { return t == TimingEarly || t == TimingLate }

// Window returns the first and last day on which step is on time (a zero
// date: unbounded on that side).
func (a Agenda) Window(step GatedStep) (opens, closes Date) {
	w, ok := stepWindows[step]
	if !ok {
		return Date{}, Date{}
	}
	if first, _, ok := a.span(w.opens); ok {
		opens = first
	}
	if first, last, ok := a.span(w.closes); ok {
		closes = last
		if w.dueBefore {
			closes = DateOf(first.Time().AddDate(0, 0, -1))
		}
	}
	return opens, closes
}

// Timing says whether step taken today is early, on time or late against
// the agenda, and names the agenda item it belongs to: the item of its
// kind running today, else the next one, else the last one (nil when the
// agenda has none). The seminar scoring of issue #21 calls it too.
func (a Agenda) Timing(step GatedStep, today Date) (AgendaTiming, *AgendaItem) {
	item := a.itemOf(stepWindows[step].kind, today)
	opens, closes := a.Window(step)
	switch {
	case opens.IsZero() && closes.IsZero():
		return TimingUnscheduled, item
	case !opens.IsZero() && today.Before(opens):
		return TimingEarly, item
	case !closes.IsZero() && closes.Before(today):
		return TimingLate, item
	}
	return TimingOnTime, item
}

// itemOf is the item of kind that runs today, else the next, else the last.
func (a Agenda) itemOf(kind AgendaKind, today Date) *AgendaItem {
	var last *AgendaItem
	sorted := slices.Clone(a)
	SortAgenda(sorted)
	for i := range sorted {
		it := &sorted[i]
		if it.Kind != kind {
			continue
		}
		if !it.EndsOn.Before(today) {
			return it
		}
		last = it
	}
	return last
}

// AgendaRules are a cohort's rules for steps outside their agenda item.
// By default every step is accepted whenever it is taken and only flagged
// early or late; organizers may list the steps they refuse outside their
// window instead (all of GatedSteps for a strict agenda).
type AgendaRules struct {
	CohortID uuid.UUID
	// RefuseOutside are the steps refused when early or late.
	RefuseOutside []GatedStep
	Version       int64
	UpdatedAt     time.Time
}

// Gate decides a step taken today against agenda a: its timing, and a
// KindConflict error when the step is early or late and the rules refuse
// it outside its window.
func (r AgendaRules) Gate(a Agenda, step GatedStep, today Date) (AgendaTiming, error) {
	timing, _ := a.Timing(step, today)
	if !timing.Flagged() || !slices.Contains(r.RefuseOutside, step) {
		return timing, nil
	}
	opens, closes := a.Window(step)
	kind := stepWindows[step].kind
	if timing == TimingEarly {
		return timing, Conflict(CodeAgendaStepEarly, Params{"item": kind.Name(), "date": opens.Indonesian()})
	}
	return timing, Conflict(CodeAgendaStepLate, Params{"item": kind.Name(), "date": closes.Indonesian()})
}
