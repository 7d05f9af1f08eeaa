package domain

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// ChangeRequestStatus is where a change request stands.
type ChangeRequestStatus string

// The statuses of a change request: pending until both reviewers approve
// (approved, applied to the plan), one returns it (returned, nothing
// changed), or the participant withdraws it.
const (
	ChangeRequestPending   ChangeRequestStatus = "pending"
	ChangeRequestApproved  ChangeRequestStatus = "approved"
	ChangeRequestReturned  ChangeRequestStatus = "returned"
	ChangeRequestWithdrawn ChangeRequestStatus = "withdrawn"
)

// MilestoneRedate moves an approved milestone's due date.
type MilestoneRedate struct {
	MilestoneID uuid.UUID
	DueOn       Date
}

// MilestoneRetitle renames an approved milestone.
type MilestoneRetitle struct {
	MilestoneID uuid.UUID
	Title       string
}

// PlanChanges are the changes a change request proposes to the approved
// plan: milestones added, removed, re-dated or retitled, short-term
// milestones to continue in the mid term when the project completes (the
// mentor's agreement is their approval of the request), and the design's
// goal and scope and its structured sections (nil: unchanged).
type PlanChanges struct {
	Add      []MilestonePlan
	Remove   []uuid.UUID
	Redate   []MilestoneRedate
	Retitle  []MilestoneRetitle
	Continue []uuid.UUID
	Goal     *string
	Scope    *string
	DesignSectionChanges
}

// empty reports whether c proposes nothing.
func (c PlanChanges) empty() bool {
	return len(c.Add)+len(c.Remove)+len(c.Redate)+len(c.Retitle)+len(c.Continue) == 0 && c.Goal == nil && c.Scope == nil &&
		c.DesignSectionChanges.empty()
}

// ChangeRequest is a participant's request to change their approved plan,
// decided like the design: the mentor and the coach (when the participant
// has one) each approve, and it applies when both have; either may return
// it with a comment.
type ChangeRequest struct {
	ID        uuid.UUID
	ProjectID uuid.UUID
	Status    ChangeRequestStatus
	Reason    string
	Changes   PlanChanges
	// BasePlanVersion is the plan version it was proposed against; it
	// applies only to that version. PlanVersion is the version it made.
	BasePlanVersion int
	PlanVersion     *int
	ProposedBy      uuid.UUID
	DecidedAt       *time.Time
	// DecisionComment is the comment of the decision that ended it.
	DecisionComment string
	// Reviews are the reviewers' verdicts so far, oldest first.
	Reviews   []Review
	Version   int64
	CreatedAt time.Time
	UpdatedAt time.Time
	// Offer is what the caller who read it may do to it now.
	Offer Offer `json:"-"`
}

// PlanVersion is one approved version of a project's plan.
type PlanVersion struct {
	Version         int
	ApprovedAt      time.Time
	ChangeRequestID *uuid.UUID
}

// terminalMilestone reports whether a milestone's status is final: achieved
// (verified by the mentor), or closed at completion.
func terminalMilestone(s MilestoneStatus) bool {
	return s == MilestoneAchieved || s == MilestoneNotAchieved || s == MilestoneContinued
}

// checkWritable refuses any change to an achieved or closed milestone: what
// was verified, or closed at completion, stays as it was.
func (m *Milestone) checkWritable() error {
	if terminalMilestone(m.Status) {
		return Conflict(CodeMilestoneReadOnly, Params{"status": m.Status})
	}
	return nil
}

// sameWords reports whether a and b have the same title, description,
// due date, position and activities.
func sameWords(a, b Milestone) bool {
	return a.Title == b.Title && a.Description == b.Description && a.DueOn.String() == b.DueOn.String() &&
		a.Position == b.Position && slices.Equal(a.Activities, b.Activities)
}

// checkPlanOpen refuses a direct change of the plan (adding, removing,
// re-dating or retitling milestones, the goal and the scope) once the
// design is approved: from then on the plan changes by change request.
// Change control covers the training: once the project completes, its
// short-term horizon is closed (ClosedHorizons) and the mid- and long-term
// follow-up stays the participant's to plan, as it always was after the
// training, verified milestone by milestone by the mentor.
func (p *Project) checkPlanOpen() error {
	if p.designApproved() && p.Status != ProjectCompleted {
		return Conflict(CodePlanChangeRequestRequired, Params{"planVersion": p.PlanVersion})
	}
	return nil
}

// checkChangeRequestsOpen refuses a change request before the design is
// approved: until then the participant edits the design directly.
func (p *Project) checkChangeRequestsOpen() error {
	if !p.designApproved() {
		return Conflict(CodeChangeRequestDesignNotApproved, Params{"status": p.Status})
	}
	return nil
}

// approvePlan records the approval of the plan's next version at now.
func (p *Project) approvePlan(now time.Time) {
	p.PlanVersion++
	p.PlanApprovedAt = &now
}

// checkProposal validates a proposal against the project's current plan
// (its milestones): every field that breaks a rule is named, as
// changes.add[0].title, changes.remove[1] and so on.
func checkProposal(p Project, plan []Milestone, reason string, c PlanChanges, now time.Time) (string, PlanChanges, error) {
	var v Violations
	reason = text(&v, "reason", reason, false)
	if reason == "" && v.Empty() {
		v.Add("reason", CodeChangeRequestReasonRequired)
	}
	if c.empty() {
		v.Add("changes", CodeChangeRequestEmpty)
	}
	byID := map[uuid.UUID]Milestone{}
	for _, m := range plan {
		byID[m.ID] = m
	}
	named := map[uuid.UUID]string{}
	// name checks that a change names a writable milestone of the plan, and
	// that a removed one is named by no other change.
	name := func(field string, id uuid.UUID, removing bool) (Milestone, bool) {
		m, ok := byID[id]
		if !ok {
			v.Add(field, CodeChangeRequestMilestoneUnknown)
			return m, false
		}
		if err := m.checkWritable(); err != nil {
			v.AddError(field, err)
			return m, false
		}
		if prev, seen := named[id]; seen && (removing || prev == "remove") {
			v.Add(field, CodeChangeRequestMilestoneTwice)
			return m, false
		}
		if removing {
			named[id] = "remove"
		} else if _, seen := named[id]; !seen {
			named[id] = "other"
		}
		return m, true
	}
	for i, id := range c.Remove {
		field := fmt.Sprintf("changes.remove[%d]", i)
		if m, ok := name(field, id, true); ok {
			v.AddError(field, m.checkDeletable())
		}
	}
	for i, r := range c.Redate {
		field := fmt.Sprintf("changes.redate[%d]", i)
		if _, ok := name(field+".milestoneId", r.MilestoneID, false); ok && r.DueOn.IsZero() {
			v.Add(field+".dueOn", CodeFieldRequired)
		}
	}
	for i := range c.Retitle {
		field := fmt.Sprintf("changes.retitle[%d]", i)
		if _, ok := name(field+".milestoneId", c.Retitle[i].MilestoneID, false); ok {
			c.Retitle[i].Title = text(&v, field+".title", c.Retitle[i].Title, true)
		}
	}
	for i, id := range c.Continue {
		field := fmt.Sprintf("changes.continue[%d]", i)
		if m, ok := name(field, id, false); ok && m.Horizon != HorizonShort {
			v.Add(field, CodeChangeRequestContinueShortOnly)
		}
	}
	for i, plan := range c.Add {
		field := fmt.Sprintf("changes.add[%d]", i)
		m, err := newMilestone(p.ID, plan, now)
		v.AddUnder(field, err)
		if err == nil {
			v.AddError(field+".horizon", p.checkHorizonOpen(m.Horizon))
		}
	}
	if c.Goal != nil {
		g := longText(&v, "changes.goal", *c.Goal)
		if g == "" {
			v.Add("changes.goal", CodeFieldRequired)
		}
		c.Goal = &g
	}
	if c.Scope != nil {
		s := longText(&v, "changes.scope", *c.Scope)
		c.Scope = &s
	}
	if !c.DesignSectionChanges.empty() {
		var sections Violations
		c.DesignSectionChanges = c.DesignSectionChanges.validated(&sections, p.DesignSections)
		v.AddUnder("changes", sections.Err())
	}
	return reason, c, v.Err()
}

// checkDecidable refuses a verdict on a change request that is not pending
// or that reviewer has decided already.
func (cr *ChangeRequest) checkDecidable(reviewer uuid.UUID) error {
	if cr.Status != ChangeRequestPending {
		return Conflict(CodeChangeRequestNotPending, Params{"status": cr.Status})
	}
	if slices.ContainsFunc(cr.Reviews, func(r Review) bool { return r.ReviewerID == reviewer }) {
		return Conflict(CodeChangeRequestAlreadyReviewed)
	}
	return nil
}

// checkWithdrawable refuses to withdraw a decided change request.
func (cr *ChangeRequest) checkWithdrawable() error {
	if cr.Status != ChangeRequestPending {
		return Conflict(CodeChangeRequestNotPending, Params{"status": cr.Status})
	}
	return nil
}

// decide records a reviewer's verdict and reports whether the request is
// now approved by everyone it needs (the mentor, and the coach when the
// participant has one), so that it applies. A return ends it.
func (cr *ChangeRequest) decide(p Project, reviewer uuid.UUID, role Role, decision DesignDecision, comment string, now time.Time) (approved bool, err error) {
	if err := cr.checkDecidable(reviewer); err != nil {
		return false, err
	}
	comment = strings.TrimSpace(comment)
	switch decision {
	case DesignReturn:
		if comment == "" {
			return false, Invalid("comment", CodeChangeRequestReturnNeedsComment)
		}
		cr.Status, cr.DecidedAt, cr.DecisionComment = ChangeRequestReturned, &now, comment
		return false, nil
	case DesignApprove:
		by := map[Role]bool{role: true}
		for _, r := range cr.Reviews {
			if r.Decision == string(DesignApprove) {
				by[r.ReviewerRole] = true
			}
		}
		if by[RoleMentor] && (by[RoleCoach] || p.Parties.CoachID == nil) {
			cr.Status, cr.DecidedAt, cr.DecisionComment = ChangeRequestApproved, &now, comment
			return true, nil
		}
		return false, nil
	}
	return false, Invalid("decision", CodeReviewApproveOrReturn)
}
