package domain

import (
	"context"
	"time"
)

// closeShortTerm closes the short-term horizon of a project that has just
// completed (issue #22 part 5): each short-term milestone not achieved
// becomes not_achieved, or continued when the mentor agreed to continue it
// (ContinueToMid, set by an approved change request). A continued milestone
// gets a planned mid-term copy (its title, description and activities) due
// a year after completion, the mid term's length, which the participant
// re-dates by change request as the follow-up goes. Closed milestones are
// terminal: never overdue, never changed again. It returns the events of
// what it did, for the completion's transaction.
func closeShortTerm(ctx context.Context, tx Store, actor *Actor, p Project, now time.Time) ([]Event, error) {
	plan, err := tx.Milestones().OfProject(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	var events []Event
	for _, m := range plan {
		if m.Horizon != HorizonShort || terminalMilestone(m.Status) {
			continue
		}
		before := m
		m.Status = MilestoneNotAchieved
		if m.ContinueToMid {
			m.Status = MilestoneContinued
		}
		m.Version++
		m.UpdatedAt = now
		if err := tx.Milestones().Update(ctx, m); err != nil {
			return nil, err
		}
		e := projectEvent(actor, now, p, "milestone.closed")
		e.TargetType, e.TargetID, e.Details.Title = "milestone", m.ID, m.Title
		e.Before, e.After = before, m
		events = append(events, e)
		if m.Status != MilestoneContinued {
			continue
		}
		due := DateOf(now.AddDate(1, 0, 0))
		copied, err := newMilestone(p.ID, MilestonePlan{Horizon: string(HorizonMid), Title: m.Title, Description: m.Description,
			DueOn: due, Activities: m.Activities}, now)
		if err != nil {
			return nil, err
		}
		if err := tx.Milestones().CreateLast(ctx, &copied); err != nil {
			return nil, err
		}
		c := projectEvent(actor, now, p, "milestone.created")
		c.TargetType, c.TargetID, c.Details.Title, c.After = "milestone", copied.ID, copied.Title, copied
		events = append(events, c)
	}
	return events, nil
}
