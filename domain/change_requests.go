package domain

import (
	"context"
	"strings"

	"github.com/google/uuid"
)

// ChangeRequestStore keeps change requests of approved plans and the
// plan's versions.
type ChangeRequestStore interface {
	Create(ctx context.Context, cr ChangeRequest) error
	// Get returns a change request with its reviews, or KindNotFound.
	Get(ctx context.Context, id uuid.UUID) (ChangeRequest, error)
	// List returns a page of a project's change requests, newest first.
	List(ctx context.Context, project uuid.UUID, page PageRequest) (Page[ChangeRequest], error)
	// Update stores cr's status and decision when its stored version is
	// cr.Version-1; else KindStale.
	Update(ctx context.Context, cr ChangeRequest) error
	// AddPlanVersion records an approved version of a project's plan.
	AddPlanVersion(ctx context.Context, project uuid.UUID, v PlanVersion) error
	// PlanVersions returns a project's approved plan versions, oldest first.
	PlanVersions(ctx context.Context, project uuid.UUID) ([]PlanVersion, error)
}

// changeRequestEvent is an audit event about a change request.
func changeRequestEvent(actor *Actor, s *Projects, p Project, cr ChangeRequest, action string) Event {
	e := projectEvent(actor, s.now(), p, action)
	e.TargetType, e.TargetID, e.Details.Comment = "change_request", cr.ID, cr.Reason
	return e
}

// CreateChangeRequest files the participant's request to change their
// approved plan, checked against the plan as it is now.
func (s *Projects) CreateChangeRequest(ctx context.Context, actor *Actor, projectID uuid.UUID, reason string, c PlanChanges) (ChangeRequest, error) {
	var cr ChangeRequest
	_, err := s.change(ctx, actor, projectID, EditProject, nil, func(tx Store, p *Project) ([]Event, error) {
		if err := p.checkChangeRequestsOpen(); err != nil {
			return nil, err
		}
		plan, err := tx.Milestones().OfProject(ctx, p.ID)
		if err != nil {
			return nil, err
		}
		now := s.now()
		reason, c, err := checkProposal(*p, plan, reason, c, now)
		if err != nil {
			return nil, err
		}
		cr = ChangeRequest{ID: NewID(), ProjectID: p.ID, Status: ChangeRequestPending, Reason: reason, Changes: c,
			BasePlanVersion: p.PlanVersion, ProposedBy: actor.UserID, Reviews: []Review{}, Version: 1, CreatedAt: now, UpdatedAt: now}
		if err := tx.ChangeRequests().Create(ctx, cr); err != nil {
			return nil, err
		}
		offerChangeRequest(actor, *p, &cr)
		e := changeRequestEvent(actor, s, *p, cr, "change_request.filed")
		e.After = cr
		return []Event{e}, nil
	})
	return cr, err
}

// ListChangeRequests returns a page of a project's change requests, newest first.
func (s *Projects) ListChangeRequests(ctx context.Context, actor *Actor, projectID uuid.UUID, page PageRequest) (Page[ChangeRequest], error) {
	p, err := s.loadProject(ctx, s.store, actor, projectID, ReadProject, false)
	if err != nil {
		return Page[ChangeRequest]{}, err
	}
	list, err := s.store.ChangeRequests().List(ctx, projectID, page)
	for i := range list.Items {
		offerChangeRequest(actor, p, &list.Items[i])
	}
	return list, err
}

// GetChangeRequest returns a change request of a project the actor may see.
func (s *Projects) GetChangeRequest(ctx context.Context, actor *Actor, id uuid.UUID) (ChangeRequest, error) {
	cr, err := s.store.ChangeRequests().Get(ctx, id)
	if err != nil {
		return cr, err
	}
	p, err := s.loadProject(ctx, s.store, actor, cr.ProjectID, ReadProject, false)
	if err != nil {
		return ChangeRequest{}, asMissing(err, "change request")
	}
	offerChangeRequest(actor, p, &cr)
	return cr, nil
}

// PlanVersions returns the approved versions of a project's plan, oldest first.
func (s *Projects) PlanVersions(ctx context.Context, actor *Actor, projectID uuid.UUID) ([]PlanVersion, error) {
	if _, err := s.loadProject(ctx, s.store, actor, projectID, ReadProject, false); err != nil {
		return nil, err
	}
	return s.store.ChangeRequests().PlanVersions(ctx, projectID)
}

// changeChangeRequest runs fn on a change request of a locked project the
// actor may act on, and stores the request when fn changed its status.
func (s *Projects) changeChangeRequest(ctx context.Context, actor *Actor, id uuid.UUID, action Action,
	fn func(tx Store, p *Project, cr *ChangeRequest) ([]Event, error)) (ChangeRequest, error) {
	cr, err := s.store.ChangeRequests().Get(ctx, id)
	if err != nil {
		return cr, err
	}
	_, err = s.change(ctx, actor, cr.ProjectID, action, nil, func(tx Store, p *Project) ([]Event, error) {
		// Read again under the project's lock: another decision may have come first.
		if cr, err = tx.ChangeRequests().Get(ctx, id); err != nil {
			return nil, err
		}
		before := cr.Status
		events, err := fn(tx, p, &cr)
		if err != nil {
			return nil, err
		}
		if cr.Status != before {
			cr.Version++
			cr.UpdatedAt = s.now()
			if err := tx.ChangeRequests().Update(ctx, cr); err != nil {
				return nil, err
			}
		}
		offerChangeRequest(actor, *p, &cr)
		return events, nil
	})
	return cr, asMissing(err, "change request")
}

// DecideChangeRequest records the mentor's or coach's verdict on a pending
// change request. When the last approval it needs arrives, the changes
// apply to the plan in the same transaction, all or none, and the plan's
// version goes up; a return changes nothing but the request.
func (s *Projects) DecideChangeRequest(ctx context.Context, actor *Actor, id uuid.UUID, decision DesignDecision, comment string) (ChangeRequest, error) {
	return s.changeChangeRequest(ctx, actor, id, ReviewDesign, func(tx Store, p *Project, cr *ChangeRequest) ([]Event, error) {
		now := s.now()
		role := p.designReviewerRole(actor.UserID)
		approved, err := cr.decide(*p, actor.UserID, role, decision, comment, now)
		if err != nil {
			return nil, err
		}
		review := Review{ID: NewID(), ProjectID: p.ID, TargetType: "change_request", TargetID: cr.ID, ReviewerID: actor.UserID,
			ReviewerRole: role, Decision: string(decision), Comment: strings.TrimSpace(comment), At: now}
		if err := tx.Reviews().Create(ctx, review); err != nil {
			return nil, err
		}
		cr.Reviews = append(cr.Reviews, review)
		e := changeRequestEvent(actor, s, *p, *cr, "change_request.reviewed")
		e.After, e.Details.Role, e.Details.Decision, e.Details.Comment = review, role, decision, review.Comment
		events := []Event{e}
		switch {
		case approved:
			applied, err := s.applyChangeRequest(ctx, tx, actor, p, cr)
			if err != nil {
				return nil, err
			}
			done := changeRequestEvent(actor, s, *p, *cr, "change_request.approved")
			done.After, done.Details.PlanVersion = *cr, p.PlanVersion
			events = append(append(events, applied...), done)
		case cr.Status == ChangeRequestReturned:
			done := changeRequestEvent(actor, s, *p, *cr, "change_request.returned")
			done.Details.Comment = cr.DecisionComment
			events = append(events, done)
		}
		return events, nil
	})
}

// applyChangeRequest applies an approved request to the plan: only to the
// plan version it was proposed against, and only if every change still
// holds against the plan as it is now (a milestone achieved, given evidence
// or removed meanwhile refuses the lot). Any failure rolls back the whole
// decision.
func (s *Projects) applyChangeRequest(ctx context.Context, tx Store, actor *Actor, p *Project, cr *ChangeRequest) ([]Event, error) {
	if cr.BasePlanVersion != p.PlanVersion {
		return nil, Conflict(CodeChangeRequestPlanChanged, Params{"base": cr.BasePlanVersion, "current": p.PlanVersion})
	}
	plan, err := tx.Milestones().OfProject(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	now := s.now()
	if _, _, err := checkProposal(*p, plan, cr.Reason, cr.Changes, now); err != nil {
		if de, ok := err.(*Error); ok && len(de.Fields) > 0 {
			f := de.Fields[0]
			return nil, ConflictOn(f.Field, f.Code, f.Params)
		}
		return nil, err
	}
	byID := map[uuid.UUID]*Milestone{}
	for i := range plan {
		byID[plan[i].ID] = &plan[i]
	}
	changed := map[uuid.UUID]bool{}
	var events []Event
	c := cr.Changes
	for _, id := range c.Remove {
		m := byID[id]
		if err := tx.Milestones().Delete(ctx, id); err != nil {
			return nil, err
		}
		e := milestoneEvent(actor, s, *p, *m, "milestone.deleted")
		e.Before = *m
		events = append(events, e)
	}
	for _, r := range c.Redate {
		byID[r.MilestoneID].DueOn, changed[r.MilestoneID] = r.DueOn, true
	}
	for _, r := range c.Retitle {
		byID[r.MilestoneID].Title, changed[r.MilestoneID] = r.Title, true
	}
	for _, id := range c.Continue {
		byID[id].ContinueToMid, changed[id] = true, true
	}
	for _, m := range plan {
		if !changed[m.ID] {
			continue
		}
		m.Version++
		m.UpdatedAt = now
		if err := tx.Milestones().Update(ctx, m); err != nil {
			return nil, err
		}
		e := milestoneEvent(actor, s, *p, m, "milestone.updated")
		e.After = m
		events = append(events, e)
	}
	for _, plan := range c.Add {
		m, err := newMilestone(p.ID, plan, now)
		if err != nil {
			return nil, err
		}
		if plan.Position == nil {
			err = tx.Milestones().CreateLast(ctx, &m)
		} else {
			err = tx.Milestones().Create(ctx, m)
		}
		if err != nil {
			return nil, err
		}
		e := milestoneEvent(actor, s, *p, m, "milestone.created")
		e.After = m
		events = append(events, e)
	}
	if c.Goal != nil {
		p.Goal = *c.Goal
	}
	if c.Scope != nil {
		p.Scope = *c.Scope
	}
	p.DesignSections.set(c.DesignSectionChanges)
	p.approvePlan(now)
	v := p.PlanVersion
	cr.PlanVersion = &v
	id := cr.ID
	return events, tx.ChangeRequests().AddPlanVersion(ctx, p.ID, PlanVersion{Version: v, ApprovedAt: now, ChangeRequestID: &id})
}

// WithdrawChangeRequest takes back the participant's pending change request.
func (s *Projects) WithdrawChangeRequest(ctx context.Context, actor *Actor, id uuid.UUID) (ChangeRequest, error) {
	return s.changeChangeRequest(ctx, actor, id, EditProject, func(tx Store, p *Project, cr *ChangeRequest) ([]Event, error) {
		if err := cr.checkWithdrawable(); err != nil {
			return nil, err
		}
		now := s.now()
		cr.Status, cr.DecidedAt = ChangeRequestWithdrawn, &now
		return []Event{changeRequestEvent(actor, s, *p, *cr, "change_request.withdrawn")}, nil
	})
}

// changeRequestOffers are the operations on a change request.
var changeRequestOffers = []offer[changeRequestState]{
	{OpDecideChangeRequest, ReviewDesign, func(s changeRequestState) error { return s.cr.checkDecidable(s.caller) }},
	{OpWithdrawChangeRequest, EditProject, func(s changeRequestState) error { return s.cr.checkWithdrawable() }},
}

// changeRequestState is what the operations on a change request are decided on.
type changeRequestState struct {
	cr     *ChangeRequest
	caller uuid.UUID
}

// The operations on change requests.
const (
	OpCreateChangeRequest   Operation = "create-change-request"
	OpDecideChangeRequest   Operation = "decide-change-request"
	OpWithdrawChangeRequest Operation = "withdraw-change-request"
)

// offerChangeRequest sets what actor may do to cr now.
func offerChangeRequest(actor *Actor, p Project, cr *ChangeRequest) {
	cr.Offer = offerOf(actor, projectTarget(p), changeRequestState{cr: cr, caller: actor.UserID}, changeRequestOffers)
}
