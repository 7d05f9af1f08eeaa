package domain

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
)

// AgendaStore keeps cohorts' agendas and their rules. The database keeps
// each cohort's phases as a projection of its agenda (Agenda.Phases).
type AgendaStore interface {
	// OfCohorts returns the items of the cohorts' agendas, by start date.
	OfCohorts(ctx context.Context, cohorts ...uuid.UUID) ([]AgendaItem, error)
	// Get returns an item, or KindNotFound.
	Get(ctx context.Context, id uuid.UUID) (AgendaItem, error)
	Create(ctx context.Context, items ...AgendaItem) error
	// Update stores a when its stored version is a.Version-1; else KindStale.
	Update(ctx context.Context, a AgendaItem) error
	Delete(ctx context.Context, id uuid.UUID) error
	// DeleteKinds removes a cohort's items of the kinds.
	DeleteKinds(ctx context.Context, cohort uuid.UUID, kinds []AgendaKind) error
	// Rules returns a cohort's agenda rules; a cohort that never set them
	// has the default (refuse nothing) at version 0.
	Rules(ctx context.Context, cohort uuid.UUID) (AgendaRules, error)
	// SaveRules stores r when its stored version is r.Version-1; else KindStale.
	SaveRules(ctx context.Context, r AgendaRules) error
	// ProjectsOf lists the projects of a participant, one per enrollment.
	ProjectsOf(ctx context.Context, participant uuid.UUID) ([]ParticipantProject, error)
	// TimingCounts counts the cohort's workflow steps flagged early and
	// late (of the projects a coach coaches, when coachedBy is set).
	TimingCounts(ctx context.Context, cohort uuid.UUID, coachedBy *uuid.UUID) (AgendaTimingCounts, error)
}

// ParticipantProject is a participant's project in one cohort.
type ParticipantProject struct {
	CohortID  uuid.UUID
	ProjectID uuid.UUID
	Title     string
	Status    ProjectStatus
}

// AgendaTimingCounts count workflow steps taken outside their agenda item.
type AgendaTimingCounts struct {
	Early, Late int
}

// The operations of an agenda and its items.
const (
	OpListAgenda        Operation = "list-agenda-items"
	OpCreateAgendaItem  Operation = "create-agenda-item"
	OpUpdateAgendaItem  Operation = "update-agenda-item"
	OpDeleteAgendaItem  Operation = "delete-agenda-item"
	OpUpdateAgendaRules Operation = "update-agenda-rules"
	OpExportAgenda      Operation = "export-cohort-agenda"
)

// agendaOffers are the operations on a cohort's agenda as a whole.
var agendaOffers = []offer[uuid.UUID]{
	{OpExportAgenda, ReadCohort, nil},
	{OpCreateAgendaItem, UpdateCohort, nil},
	{OpUpdateAgendaRules, UpdateCohort, nil},
}

// agendaItemOffers are the operations on one agenda item.
var agendaItemOffers = []offer[AgendaItem]{
	{OpUpdateAgendaItem, UpdateCohort, nil},
	{OpDeleteAgendaItem, UpdateCohort, nil},
}

// CohortAgenda is a cohort's agenda with its rules, and what the caller
// may do to it.
type CohortAgenda struct {
	CohortID uuid.UUID
	Items    Agenda
	Rules    AgendaRules
	Offer    Offer
}

// Agenda returns a cohort's agenda to anyone who holds a role in it.
func (s *Cohorts) Agenda(ctx context.Context, actor *Actor, cohortID uuid.UUID) (CohortAgenda, error) {
	if err := Authorize(actor, ReadCohort, Target{CohortID: cohortID}); err != nil {
		return CohortAgenda{}, err
	}
	if _, err := s.store.Cohorts().Get(ctx, cohortID); err != nil {
		return CohortAgenda{}, err
	}
	items, err := s.store.Agenda().OfCohorts(ctx, cohortID)
	if err != nil {
		return CohortAgenda{}, err
	}
	rules, err := s.store.Agenda().Rules(ctx, cohortID)
	if err != nil {
		return CohortAgenda{}, err
	}
	out := CohortAgenda{CohortID: cohortID, Items: items, Rules: rules,
		Offer: offerOf(actor, Target{CohortID: cohortID}, cohortID, agendaOffers)}
	offerDraft(&out.Offer, items)
	for i := range out.Items {
		offerAgendaItem(actor, &out.Items[i])
	}
	return out, nil
}

func offerAgendaItem(actor *Actor, a *AgendaItem) {
	a.Offer = offerOf(actor, Target{CohortID: a.CohortID}, *a, agendaItemOffers)
}

// changeAgenda runs fn in a transaction for an organizer of the cohort,
// after moving the cohort to its next version (the cohort's phases are
// derived from its agenda, so the cohort's answer changes with it).
func (s *Cohorts) changeAgenda(ctx context.Context, actor *Actor, cohortID uuid.UUID, fn func(tx Store, c Cohort) (Event, error)) error {
	if err := Authorize(actor, UpdateCohort, Target{CohortID: cohortID}); err != nil {
		return err
	}
	now := s.now()
	return s.store.WithinTx(ctx, func(tx Store) error {
		c, err := tx.Cohorts().Get(ctx, cohortID)
		if err != nil {
			return err
		}
		c.Version++
		c.UpdatedAt = now
		if err := tx.Cohorts().Update(ctx, c); err != nil {
			return err
		}
		e, err := fn(tx, c)
		if err != nil {
			return err
		}
		e.CohortID = &c.ID
		return tx.Events().Append(ctx, e)
	})
}

// CreateAgendaItem adds an item to a cohort's agenda.
func (s *Cohorts) CreateAgendaItem(ctx context.Context, actor *Actor, cohortID uuid.UUID, plan AgendaItemPlan) (AgendaItem, error) {
	var item AgendaItem
	err := s.changeAgenda(ctx, actor, cohortID, func(tx Store, c Cohort) (Event, error) {
		var err error
		if item, err = newAgendaItem(c, plan, s.now()); err != nil {
			return Event{}, err
		}
		if err := tx.Agenda().Create(ctx, item); err != nil {
			return Event{}, err
		}
		e := event(actor, s.now(), "agenda.item_created", "agenda_item", item.ID)
		e.After, e.Details.Title = item, item.Title
		return e, nil
	})
	offerAgendaItem(actor, &item)
	return item, err
}

// loadAgendaItem returns an item of a cohort the actor may see.
func (s *Cohorts) loadAgendaItem(ctx context.Context, tx Store, actor *Actor, id uuid.UUID) (AgendaItem, error) {
	item, err := tx.Agenda().Get(ctx, id)
	if err != nil {
		return AgendaItem{}, err
	}
	if err := Authorize(actor, ReadCohort, Target{CohortID: item.CohortID}); err != nil {
		return AgendaItem{}, NotFound("agenda item")
	}
	return item, nil
}

// UpdateAgendaItem changes an item of a cohort's agenda.
func (s *Cohorts) UpdateAgendaItem(ctx context.Context, actor *Actor, id uuid.UUID, ch AgendaItemChanges, ifMatch *int64) (AgendaItem, error) {
	item, err := s.loadAgendaItem(ctx, s.store, actor, id)
	if err != nil {
		return AgendaItem{}, err
	}
	err = s.changeAgenda(ctx, actor, item.CohortID, func(tx Store, c Cohort) (Event, error) {
		var err error
		if item, err = tx.Agenda().Get(ctx, id); err != nil {
			return Event{}, err
		}
		if err := checkVersion(ifMatch, item.Version); err != nil {
			return Event{}, err
		}
		before := item
		if err := item.apply(c, ch); err != nil {
			return Event{}, err
		}
		item.Version++
		item.UpdatedAt = s.now()
		if err := tx.Agenda().Update(ctx, item); err != nil {
			return Event{}, err
		}
		e := event(actor, s.now(), "agenda.item_updated", "agenda_item", item.ID)
		e.Before, e.After, e.Details.Title = before, item, item.Title
		return e, nil
	})
	offerAgendaItem(actor, &item)
	return item, err
}

// DeleteAgendaItem removes an item from a cohort's agenda.
func (s *Cohorts) DeleteAgendaItem(ctx context.Context, actor *Actor, id uuid.UUID, ifMatch *int64) error {
	item, err := s.loadAgendaItem(ctx, s.store, actor, id)
	if err != nil {
		return err
	}
	return s.changeAgenda(ctx, actor, item.CohortID, func(tx Store, c Cohort) (Event, error) {
		if err := checkVersion(ifMatch, item.Version); err != nil {
			return Event{}, err
		}
		if err := tx.Agenda().Delete(ctx, id); err != nil {
			return Event{}, err
		}
		e := event(actor, s.now(), "agenda.item_deleted", "agenda_item", item.ID)
		e.Before, e.Details.Title = item, item.Title
		return e, nil
	})
}

// UpdateAgendaRules sets which steps the cohort refuses outside their
// agenda item (none by default: they are flagged, not refused).
func (s *Cohorts) UpdateAgendaRules(ctx context.Context, actor *Actor, cohortID uuid.UUID, refuse []string, ifMatch *int64) (AgendaRules, error) {
	var rules AgendaRules
	err := s.changeAgenda(ctx, actor, cohortID, func(tx Store, c Cohort) (Event, error) {
		var err error
		if rules, err = tx.Agenda().Rules(ctx, cohortID); err != nil {
			return Event{}, err
		}
		if err := checkVersion(ifMatch, rules.Version); err != nil {
			return Event{}, err
		}
		before := rules
		var v Violations
		steps := []GatedStep{}
		for i, name := range refuse {
			step, err := ParseGatedStep(fmt.Sprintf("refuseOutside[%d]", i), name)
			v.AddError(fmt.Sprintf("refuseOutside[%d]", i), err)
			if err == nil && !slices.Contains(steps, step) {
				steps = append(steps, step)
			}
		}
		if err := v.Err(); err != nil {
			return Event{}, err
		}
		rules.CohortID, rules.RefuseOutside, rules.UpdatedAt = cohortID, steps, s.now()
		rules.Version++
		if err := tx.Agenda().SaveRules(ctx, rules); err != nil {
			return Event{}, err
		}
		e := event(actor, s.now(), "agenda.rules_updated", "cohort", cohortID)
		e.Before, e.After = before, rules
		return e, nil
	})
	return rules, err
}

// replacePhaseItems turns phases given to create-cohort or update-cohort
// into the cohort's agenda items of the phases' kinds, replacing those it
// had (items of other kinds stay).
func replacePhaseItems(ctx context.Context, tx Store, c Cohort, phases []Phase, now time.Time) error {
	if err := tx.Agenda().DeleteKinds(ctx, c.ID, phaseAgendaKindList()); err != nil {
		return err
	}
	return tx.Agenda().Create(ctx, agendaOfPhases(c, phases, now)...)
}

// checkAgendaWithin refuses new cohort dates that leave agenda items out.
func checkAgendaWithin(ctx context.Context, tx Store, c Cohort) error {
	items, err := tx.Agenda().OfCohorts(ctx, c.ID)
	if err != nil {
		return err
	}
	for _, it := range items {
		var v Violations
		it.validate(c, &v)
		if !v.Empty() {
			field := "startsOn"
			if !it.StartsOn.Before(c.StartsOn) {
				field = "endsOn"
			}
			return Invalid(field, CodeAgendaItemsOutside)
		}
	}
	return nil
}

// gate measures a workflow step of a project of cohort against its
// agenda: its timing (set in the step's event when early or late), or the
// refusal when the cohort's rules refuse it.
func gate(ctx context.Context, tx Store, cohort uuid.UUID, step GatedStep, today Date) (AgendaTiming, error) {
	items, err := tx.Agenda().OfCohorts(ctx, cohort)
	if err != nil {
		return "", err
	}
	rules, err := tx.Agenda().Rules(ctx, cohort)
	if err != nil {
		return "", err
	}
	return rules.Gate(items, step, today)
}

// flag names in e's details a step taken early or late.
func flag(e *Event, step GatedStep, timing AgendaTiming) {
	if timing.Flagged() {
		e.Details.Timing, e.Details.AgendaKind = timing, AgendaKindOfStep(step)
	}
}

// gateOffer refuses in o the operations whose step the cohort refuses
// today (see gateOffers).
func gateOffer(ctx context.Context, tx Store, cohort uuid.UUID, o *Offer, today Date, steps map[Operation]GatedStep) error {
	return gateOffers(ctx, tx, cohort, today, steps, o)
}

// gateOffers refuses in each offer the operations whose step the cohort
// refuses today, with the code the operation would answer. It reads the
// cohort's rules once, and its agenda only when the rules refuse a step.
func gateOffers(ctx context.Context, tx Store, cohort uuid.UUID, today Date, steps map[Operation]GatedStep, offers ...*Offer) error {
	gated := false
	for _, o := range offers {
		for op := range steps {
			gated = gated || o.Allows(op)
		}
	}
	if !gated {
		return nil
	}
	rules, err := tx.Agenda().Rules(ctx, cohort)
	if err != nil || len(rules.RefuseOutside) == 0 {
		return err
	}
	items, err := tx.Agenda().OfCohorts(ctx, cohort)
	if err != nil {
		return err
	}
	for op, step := range steps {
		_, refusal := rules.Gate(items, step, today)
		if refusal == nil {
			continue
		}
		for _, o := range offers {
			if o.Allows(op) {
				o.Allowed = slices.DeleteFunc(o.Allowed, func(a Operation) bool { return a == op })
				o.refuse(op, refusal)
			}
		}
	}
	return nil
}

// projectGatedOps are the operations on a project the agenda gates.
var projectGatedOps = map[Operation]GatedStep{
	OpSubmitDesign: StepSubmitDesign,
	OpReviewDesign: StepDecideDesign,
	OpSubmitFinal:  StepSubmitFinal,
}

// milestoneGatedOps are the operations on a milestone the agenda gates.
var milestoneGatedOps = map[Operation]GatedStep{OpSubmitEvidence: StepSubmitEvidence}

// AgendaTimingCounts counts the cohort's steps taken early and late, for
// the progress dashboard (a coach: of the participants they coach).
func (s *Cohorts) AgendaTimingCounts(ctx context.Context, actor *Actor, cohort uuid.UUID) (AgendaTimingCounts, error) {
	if err := Authorize(actor, ReadProgress, Target{CohortID: cohort}); err != nil {
		return AgendaTimingCounts{}, err
	}
	return s.store.Agenda().TimingCounts(ctx, cohort, ProgressScope(actor, cohort))
}
