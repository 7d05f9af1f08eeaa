package domain

import (
	"context"
	"reflect"
	"strings"

	"github.com/google/uuid"
)

// milestoneEvent is an audit event about a milestone of a project, naming
// the milestone's title.
func milestoneEvent(actor *Actor, s *Projects, p Project, m Milestone, action string) Event {
	e := projectEvent(actor, s.now(), p, action)
	e.TargetType, e.TargetID, e.Details.Title = "milestone", m.ID, m.Title
	return e
}

// CreateMilestone adds a milestone to the participant's project. Before the
// design is approved it is part of the design; afterwards the change is in
// the timeline like every other.
func (s *Projects) CreateMilestone(ctx context.Context, actor *Actor, projectID uuid.UUID, plan MilestonePlan) (Milestone, error) {
	var m Milestone
	_, err := s.change(ctx, actor, projectID, EditProject, nil, func(tx Store, p *Project) ([]Event, error) {
		var err error
		if err := p.checkPlanOpen(); err != nil {
			return nil, err
		}
		if m, err = newMilestone(p.ID, plan, s.now()); err != nil {
			return nil, err
		}
		if err := p.checkHorizonOpen(m.Horizon); err != nil {
			return nil, err
		}
		if plan.Position == nil { // last in its horizon
			err = tx.Milestones().CreateLast(ctx, &m)
		} else {
			err = tx.Milestones().Create(ctx, m)
		}
		if err != nil {
			return nil, err
		}
		e := milestoneEvent(actor, s, *p, m, "milestone.created")
		e.After = m
		offerMilestone(actor, *p, &m)
		return []Event{e}, nil
	})
	return m, err
}

// ListMilestones returns a page of a project's milestones by horizon and position.
func (s *Projects) ListMilestones(ctx context.Context, actor *Actor, projectID uuid.UUID, page PageRequest) (Page[Milestone], error) {
	p, err := s.loadProject(ctx, s.store, actor, projectID, ReadProject, false)
	if err != nil {
		return Page[Milestone]{}, err
	}
	list, err := s.store.Milestones().List(ctx, projectID, page)
	if err != nil {
		return list, err
	}
	offers := make([]*Offer, len(list.Items))
	for i := range list.Items {
		offerMilestone(actor, p, &list.Items[i])
		offers[i] = &list.Items[i].Offer
	}
	return list, gateOffers(ctx, s.store, p.CohortID, s.Today(), milestoneGatedOps, offers...)
}

// GetMilestone returns a milestone of a project the actor may see.
func (s *Projects) GetMilestone(ctx context.Context, actor *Actor, id uuid.UUID) (Milestone, error) {
	m, _, err := s.loadMilestone(ctx, actor, id)
	return m, err
}

// loadMilestone returns a milestone of a project the actor may see, with
// the project.
func (s *Projects) loadMilestone(ctx context.Context, actor *Actor, id uuid.UUID) (Milestone, Project, error) {
	m, err := s.store.Milestones().Get(ctx, id)
	if err != nil {
		return Milestone{}, Project{}, err
	}
	p, err := s.loadProject(ctx, s.store, actor, m.ProjectID, ReadProject, false)
	if err != nil {
		return Milestone{}, Project{}, asMissing(err, "milestone")
	}
	offerMilestone(actor, p, &m)
	return m, p, gateOffers(ctx, s.store, p.CohortID, s.Today(), milestoneGatedOps, &m.Offer)
}

// asMissing reports a thing inside an invisible project as missing itself.
func asMissing(err error, what string) error {
	if KindOf(err) == KindNotFound {
		return NotFound(what)
	}
	return err
}

// changeMilestone runs fn on a milestone of a locked project the actor may
// act on, and stores the events fn returns and the milestone, if fn changed it.
func (s *Projects) changeMilestone(ctx context.Context, actor *Actor, id uuid.UUID, action Action, ifMatch *int64,
	fn func(tx Store, p *Project, m *Milestone) ([]Event, error)) (Milestone, error) {
	m, err := s.store.Milestones().Get(ctx, id)
	if err != nil {
		return Milestone{}, err
	}
	_, err = s.change(ctx, actor, m.ProjectID, action, nil, func(tx Store, p *Project) ([]Event, error) {
		// Read again under the project's lock: it may have changed meanwhile.
		if m, err = tx.Milestones().Get(ctx, id); err != nil {
			return nil, err
		}
		if err := checkVersion(ifMatch, m.Version); err != nil {
			return nil, err
		}
		if action == EditProject { // the participant's work; decisions stay possible
			if err := p.checkHorizonOpen(m.Horizon); err != nil {
				return nil, err
			}
		}
		before := m
		events, err := fn(tx, p, &m)
		if err != nil {
			return nil, err
		}
		if !reflect.DeepEqual(before, m) {
			m.Version++
			m.UpdatedAt = s.now()
			if err := tx.Milestones().Update(ctx, m); err != nil {
				return nil, err
			}
		}
		offerMilestone(actor, *p, &m)
		return events, gateOffers(ctx, tx, p.CohortID, s.Today(), milestoneGatedOps, &m.Offer)
	})
	return m, asMissing(err, "milestone")
}

// UpdateMilestone changes a milestone; its status may move between planned
// and in_progress.
func (s *Projects) UpdateMilestone(ctx context.Context, actor *Actor, id uuid.UUID, c MilestoneChanges, ifMatch *int64) (Milestone, error) {
	return s.changeMilestone(ctx, actor, id, EditProject, ifMatch, func(tx Store, p *Project, m *Milestone) ([]Event, error) {
		before := *m
		if err := m.edit(c); err != nil {
			return nil, err
		}
		if m.Title != before.Title || m.DueOn.String() != before.DueOn.String() {
			// Re-dating and retitling change the approved plan.
			if err := p.checkPlanOpen(); err != nil {
				return nil, err
			}
		}
		e := milestoneEvent(actor, s, *p, *m, "milestone.updated")
		e.Before, e.After = before, *m
		return []Event{e}, nil
	})
}

// DeleteMilestone removes a planned milestone without evidence.
func (s *Projects) DeleteMilestone(ctx context.Context, actor *Actor, id uuid.UUID, ifMatch *int64) error {
	_, err := s.changeMilestone(ctx, actor, id, EditProject, ifMatch, func(tx Store, p *Project, m *Milestone) ([]Event, error) {
		for _, check := range []func() error{m.checkWritable, p.checkPlanOpen, m.checkDeletable} {
			if err := check(); err != nil {
				return nil, err
			}
		}
		e := milestoneEvent(actor, s, *p, *m, "milestone.deleted")
		e.Before = *m
		return []Event{e}, tx.Milestones().Delete(ctx, m.ID)
	})
	return err
}

// ClaimMilestone asks the mentor to verify that a milestone is achieved.
func (s *Projects) ClaimMilestone(ctx context.Context, actor *Actor, id uuid.UUID) (Milestone, error) {
	return s.changeMilestone(ctx, actor, id, EditProject, nil, func(tx Store, p *Project, m *Milestone) ([]Event, error) {
		if err := p.checkClaimsOpen(); err != nil {
			return nil, err
		}
		if err := m.claim(s.now()); err != nil {
			return nil, err
		}
		return []Event{milestoneEvent(actor, s, *p, *m, "milestone.claimed")}, nil
	})
}

// VerifyMilestone records the mentor's verdict on a claimed milestone.
//
// Approving needs approved evidence of each of the milestone's activities,
// or missingEvidenceReason: why the mentor verifies it without.
func (s *Projects) VerifyMilestone(ctx context.Context, actor *Actor, id uuid.UUID, decision VerificationDecision, comment, missingEvidenceReason string) (Milestone, error) {
	return s.changeMilestone(ctx, actor, id, VerifyMilestone, nil, func(tx Store, p *Project, m *Milestone) ([]Event, error) {
		proved, err := tx.Evidence().ProvedActivities(ctx, m.ID)
		if err != nil {
			return nil, err
		}
		if err := m.verify(decision, comment, proved, missingEvidenceReason); err != nil {
			return nil, err
		}
		now := s.now()
		comment = strings.TrimSpace(comment)
		review := Review{ID: NewID(), ProjectID: p.ID, TargetType: "milestone", TargetID: m.ID, ReviewerID: actor.UserID,
			ReviewerRole: RoleMentor, Decision: string(decision), Comment: comment, At: now}
		if err := tx.Reviews().Create(ctx, review); err != nil {
			return nil, err
		}
		m.ReviewComment = comment
		action := "milestone.verified"
		if decision == VerifyReturn {
			action = "milestone.returned"
		}
		e := milestoneEvent(actor, s, *p, *m, action)
		e.After, e.Details.Comment = review, comment
		return []Event{e}, s.notifyParticipant(ctx, tx, actor, *p, func(reviewer string) letterText {
			return milestoneVerifiedLetter(reviewer, p.Title, m.Title, decision, comment)
		})
	})
}
