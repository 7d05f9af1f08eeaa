package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// OpDraftAgenda fills an empty agenda from the cohort's program template.
const OpDraftAgenda Operation = "draft-agenda"

// postEvaluationAfterDays is how long after the training the drafted
// evaluasi pascapelatihan begins: about three months (DOMAIN-NOTES: "months
// later").
const postEvaluationAfterDays = 90

// draftAgenda lays a template's agenda steps out one after another from
// the cohort's first day, each for its typical days, cut at the cohort's
// last day (a step that would begin after it is left out), except the
// evaluasi pascapelatihan, which begins three months after the training.
func draftAgenda(c Cohort, steps []AgendaStep, now time.Time) []AgendaItem {
	items := []AgendaItem{}
	next := c.StartsOn
	for _, st := range steps {
		days := max(st.TypicalDays, 1)
		starts := next
		if st.Kind == AgendaPostEvaluation {
			starts = DateOf(c.EndsOn.Time().AddDate(0, 0, postEvaluationAfterDays))
		} else {
			next = DateOf(starts.Time().AddDate(0, 0, days))
		}
		ends := DateOf(starts.Time().AddDate(0, 0, days-1))
		if st.Kind != AgendaPostEvaluation {
			if c.EndsOn.Before(starts) {
				continue
			}
			if c.EndsOn.Before(ends) {
				ends = c.EndsOn
			}
		}
		items = append(items, AgendaItem{ID: NewID(), CohortID: c.ID, Kind: st.Kind, Title: st.Kind.Name(), StartsOn: starts, EndsOn: ends,
			Version: 1, CreatedAt: now, UpdatedAt: now})
	}
	return items
}

// DraftAgenda fills an empty agenda with the agenda of the program
// template the cohort was created from, laid out over the cohort's dates
// (draftAgenda), for the organizers to adjust. An agenda that has items
// is left alone (agenda.not_empty): delete them first.
func (s *Cohorts) DraftAgenda(ctx context.Context, actor *Actor, cohortID uuid.UUID) (CohortAgenda, error) {
	err := s.changeAgenda(ctx, actor, cohortID, func(tx Store, c Cohort) (Event, error) {
		items, err := tx.Agenda().OfCohorts(ctx, cohortID)
		if err != nil {
			return Event{}, err
		}
		if len(items) > 0 {
			return Event{}, Conflict(CodeAgendaNotEmpty)
		}
		if c.TemplateID == nil {
			return Event{}, Conflict(CodeAgendaNoTemplate)
		}
		t, err := tx.ProgramTemplates().Get(ctx, *c.TemplateID)
		if KindOf(err) == KindNotFound {
			return Event{}, Conflict(CodeAgendaNoTemplate)
		} else if err != nil {
			return Event{}, err
		}
		drafted := draftAgenda(c, t.Agenda, s.now())
		if err := tx.Agenda().Create(ctx, drafted...); err != nil {
			return Event{}, err
		}
		e := event(actor, s.now(), "agenda.drafted", "cohort", cohortID)
		e.After, e.Details.Title = drafted, t.Name
		return e, nil
	})
	if err != nil {
		return CohortAgenda{}, err
	}
	return s.Agenda(ctx, actor, cohortID)
}

// offerDraft offers draft-agenda to whoever may change the agenda, refused
// while the agenda has items.
func offerDraft(o *Offer, items Agenda) {
	if !o.Allows(OpCreateAgendaItem) {
		return
	}
	if len(items) > 0 {
		o.Refused = append(o.Refused, Refusal{Operation: OpDraftAgenda, Code: CodeAgendaNotEmpty})
		return
	}
	o.Allowed = append(o.Allowed, OpDraftAgenda)
}
