package domain

import (
	"context"

	"github.com/google/uuid"
)

// checkStartable refuses to start work on a milestone before the design is
// approved (the plan is not settled), once its horizon has closed, or when
// work on it has already begun (it is not planned any more).
func checkStartable(p Project, m Milestone) error {
	if !p.designApproved() {
		return Conflict(CodeMilestoneStartBeforeApproval)
	}
	if err := p.checkHorizonOpen(m.Horizon); err != nil {
		return err
	}
	if m.Status != MilestonePlanned {
		return Conflict(CodeMilestoneAlreadyStarted, Params{"status": m.Status})
	}
	return nil
}

// StartMilestone says that work on a planned milestone has begun: it is in
// progress. Its first evidence does the same on its own; starting says so
// before there is evidence to show (a participant who begins a milestone's
// activities and wants their mentor and coach to see it under way).
func (s *Projects) StartMilestone(ctx context.Context, actor *Actor, id uuid.UUID) (Milestone, error) {
	return s.changeMilestone(ctx, actor, id, EditProject, nil, func(tx Store, p *Project, m *Milestone) ([]Event, error) {
		if err := checkStartable(*p, *m); err != nil {
			return nil, err
		}
		m.Status = MilestoneInProgress
		return []Event{milestoneEvent(actor, s, *p, *m, "milestone.started")}, nil
	})
}
