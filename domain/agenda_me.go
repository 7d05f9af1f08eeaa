package domain

import (
	"context"
	"slices"

	"github.com/google/uuid"
)

// AgendaEntry is one line of a person's agenda: an item of the agenda of a
// cohort they take part in, or a deadline of their own project.
type AgendaEntry struct {
	CohortID   uuid.UUID
	CohortName string
	// Item is the agenda item; nil for a deadline.
	Item *AgendaItem
	// Deadline is the step that is due (submit_design, submit_final) and
	// DueOn its last day; ProjectID and ProjectTitle name the project.
	Deadline     GatedStep
	DueOn        Date
	ProjectID    *uuid.UUID
	ProjectTitle string
	// Overdue marks a deadline already past and its step not taken.
	Overdue bool
}

// StartsOn is the first day of the entry.
func (e AgendaEntry) StartsOn() Date {
	if e.Item != nil {
		return e.Item.StartsOn
	}
	return e.DueOn
}

// MyAgenda returns what is next for the actor from today on, in the order
// it happens: the items of the agendas of every cohort they hold a role
// in that have not ended, and, for their own projects, the design due the
// day before the seminar rancangan (while it is not submitted) and the
// final report due the day before the seminar laporan (while it is not
// submitted); a deadline already missed stays listed, marked overdue.
func (s *Cohorts) MyAgenda(ctx context.Context, actor *Actor) ([]AgendaEntry, error) {
	if actor == nil {
		return nil, Fail(KindUnauthenticated, CodeSignInRequired)
	}
	today := DateOf(s.now())
	var cohorts []uuid.UUID
	for _, r := range actor.Roles {
		if !slices.Contains(cohorts, r.CohortID) {
			cohorts = append(cohorts, r.CohortID)
		}
	}
	if len(cohorts) == 0 {
		return []AgendaEntry{}, nil
	}
	items, err := s.store.Agenda().OfCohorts(ctx, cohorts...)
	if err != nil {
		return nil, err
	}
	names := map[uuid.UUID]string{}
	for _, id := range cohorts {
		c, err := s.store.Cohorts().Get(ctx, id)
		if err != nil {
			return nil, err
		}
		names[id] = c.Name
	}
	byCohort := map[uuid.UUID]Agenda{}
	out := []AgendaEntry{}
	for i := range items {
		it := items[i]
		byCohort[it.CohortID] = append(byCohort[it.CohortID], it)
		if it.EndsOn.Before(today) {
			continue
		}
		out = append(out, AgendaEntry{CohortID: it.CohortID, CohortName: names[it.CohortID], Item: &it})
	}
	projects, err := s.store.Agenda().ProjectsOf(ctx, actor.UserID)
	if err != nil {
		return nil, err
	}
	for _, p := range projects {
		if _, ok := names[p.CohortID]; !ok {
			continue
		}
		for _, d := range []struct {
			step GatedStep
			open bool
		}{
			{StepSubmitDesign, p.Status == ProjectDraft},
			{StepSubmitFinal, !slices.Contains([]ProjectStatus{ProjectFinalSubmitted, ProjectCompleted}, p.Status)},
		} {
			_, due := byCohort[p.CohortID].Window(d.step)
			if !d.open || due.IsZero() {
				continue
			}
			id := p.ProjectID
			out = append(out, AgendaEntry{CohortID: p.CohortID, CohortName: names[p.CohortID], Deadline: d.step, DueOn: due,
				ProjectID: &id, ProjectTitle: p.Title, Overdue: due.Before(today)})
		}
	}
	slices.SortStableFunc(out, func(a, b AgendaEntry) int { return a.StartsOn().Time().Compare(b.StartsOn().Time()) })
	return out, nil
}

// CohortAgendaFile returns a cohort's agenda and name for its calendar
// file, to anyone who holds a role in it.
func (s *Cohorts) CohortAgendaFile(ctx context.Context, actor *Actor, cohortID uuid.UUID) (Cohort, Agenda, error) {
	a, err := s.Agenda(ctx, actor, cohortID)
	if err != nil {
		return Cohort{}, nil, err
	}
	c, err := s.store.Cohorts().Get(ctx, cohortID)
	return c, a.Items, err
}
