package domain

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Limits of a project's texts.
const (
	MaxProjectText     = 10000 // characters of a long text (problem, background, ...)
	MaxInnovationAreas = 20
	MaxStakeholders    = 100
)

// Project is a participant's proyek perubahan: the change they design, carry
// out and prove during and after their leadership training.
type Project struct {
	ID           uuid.UUID
	EnrollmentID uuid.UUID
	// CohortID and Parties say whose project it is, for the policy.
	CohortID   uuid.UUID
	Parties    Parties
	Title      string
	Problem    string // the problem the change addresses (isu/masalah)
	Background string
	Goal       string
	Benefits   string
	Scope      string
	// InnovationAreas are free tags, e.g. "pelayanan publik", "digitalisasi".
	InnovationAreas []string
	Stakeholders    []Stakeholder
	// DesignSections are the structured sections of the design.
	DesignSections
	Status ProjectStatus
	// RevisionRequested is set when a reviewer returned the design; the
	// comment says what to change.
	RevisionRequested bool
	RevisionComment   string
	// DesignRound counts the submissions of the design; approvals count only
	// within the current round.
	DesignRound       int
	DesignSubmittedAt *time.Time
	// Assessed tells whether an examiner has assessed the project at a
	// seminar, so that reading one without assessments costs no lookup of
	// them. ProjectStore.Get sets it; lists leave it false.
	Assessed bool
	// PlanVersion is the approved plan's version: 0 before approval, 1 at
	// the design's approval, one more with each approved change request.
	// Progress counts the milestones of this version (see
	// checkPlanOpen: the plan changes only by approved change requests).
	PlanVersion    int
	PlanApprovedAt *time.Time
	Version        int64
	CreatedAt      time.Time
	UpdatedAt      time.Time
	// Offer is what the caller who read it may do to it now; it is theirs,
	// so audit snapshots leave it out.
	Offer Offer `json:"-"`
}

// StakeholderKind says whether a stakeholder belongs to the participant's
// own organisation.
type StakeholderKind string

// The kinds of stakeholder.
const (
	StakeholderInternal StakeholderKind = "internal"
	StakeholderExternal StakeholderKind = "external"
)

// Level is high or low, for a stakeholder's power and interest (the
// power/interest grid of stakeholder mapping).
type Level string

// The levels of power and interest.
const (
	LevelHigh Level = "high"
	LevelLow  Level = "low"
)

// Stakeholder is a person or body the change depends on or affects.
type Stakeholder struct {
	Name     string
	Kind     StakeholderKind
	Power    Level
	Interest Level
}

// ProjectChanges is a partial update of a project's design; nil fields stay.
type ProjectChanges struct {
	Title, Problem, Background, Goal, Benefits, Scope *string
	InnovationAreas                                   *[]string
	Stakeholders                                      *[]Stakeholder
	DesignSectionChanges
}

// editDesign applies changes to the design. Only a draft can be edited: a
// submitted design is under review, an approved one is the agreed plan.
func (p *Project) editDesign(c ProjectChanges) error {
	if err := p.checkPlanOpen(); err != nil {
		return err
	}
	if err := p.checkDraft(CodeProjectNotDraft); err != nil {
		return err
	}
	var v Violations
	// The title is a single line; the rest are paragraphs.
	set := func(dst *string, src *string, field string, max int, check func(field, s string) error) {
		if src == nil {
			return
		}
		s := strings.TrimSpace(*src)
		if err := check(field, s); err != nil {
			v.AddError(field, err)
		} else if utf8.RuneCountInString(s) > max {
			v.Add(field, CodeFieldTooLong, Params{"max": max})
		}
		*dst = s
	}
	set(&p.Title, c.Title, "title", MaxTextLength, CheckSingleLine)
	set(&p.Problem, c.Problem, "problem", MaxProjectText, CheckMultiLine)
	set(&p.Background, c.Background, "background", MaxProjectText, CheckMultiLine)
	set(&p.Goal, c.Goal, "goal", MaxProjectText, CheckMultiLine)
	set(&p.Benefits, c.Benefits, "benefits", MaxProjectText, CheckMultiLine)
	set(&p.Scope, c.Scope, "scope", MaxProjectText, CheckMultiLine)
	if c.InnovationAreas != nil {
		p.InnovationAreas = innovationAreas(&v, *c.InnovationAreas)
	}
	if c.Stakeholders != nil {
		p.Stakeholders = stakeholders(&v, *c.Stakeholders)
	}
	p.DesignSections.apply(&v, c.DesignSectionChanges)
	return v.Err()
}

// innovationAreas trims, lower-cases and de-duplicates tags.
func innovationAreas(v *Violations, tags []string) []string {
	out := []string{}
	for i, t := range tags {
		t = strings.ToLower(strings.TrimSpace(t))
		switch err := CheckSingleLine("", t); {
		case err != nil:
			v.AddError(fmt.Sprintf("innovationAreas[%d]", i), err)
		case t == "":
			v.Add(fmt.Sprintf("innovationAreas[%d]", i), CodeProjectAreaEmpty)
		case utf8.RuneCountInString(t) > 60:
			v.Add(fmt.Sprintf("innovationAreas[%d]", i), CodeFieldTooLong, Params{"max": 60})
		case !slices.Contains(out, t):
			out = append(out, t)
		}
	}
	if len(out) > MaxInnovationAreas {
		v.Add("innovationAreas", CodeProjectTooManyAreas, Params{"max": MaxInnovationAreas})
	}
	return out
}

func stakeholders(v *Violations, in []Stakeholder) []Stakeholder {
	if len(in) > MaxStakeholders {
		v.Add("stakeholders", CodeFieldTooMany, Params{"max": MaxStakeholders})
	}
	out := make([]Stakeholder, len(in))
	for i, s := range in {
		field := fmt.Sprintf("stakeholders[%d]", i)
		s.Name = text(v, field+".name", s.Name, true)
		if s.Kind != StakeholderInternal && s.Kind != StakeholderExternal {
			v.Add(field+".kind", CodeStakeholderKind)
		}
		for name, level := range map[string]Level{"power": s.Power, "interest": s.Interest} {
			if level != LevelHigh && level != LevelLow {
				v.Add(field+"."+name, CodeStakeholderLevel)
			}
		}
		out[i] = s
	}
	return out
}

// submitDesign sends a draft to its reviewers, starting a new round of
// review. The design must have a title, a problem, a goal, at least one
// short-term milestone and its structured sections complete
// (DesignSections.checkComplete): every missing item is named.
func (p *Project) submitDesign(milestones []Milestone, now time.Time) error {
	if err := p.checkDraft(CodeDesignNotDraft); err != nil {
		return err
	}
	var v Violations
	for field, value := range map[string]string{"title": p.Title, "problem": p.Problem, "goal": p.Goal} {
		if value == "" {
			v.Add(field, CodeDesignRequired)
		}
	}
	if !slices.ContainsFunc(milestones, func(m Milestone) bool { return m.Horizon == HorizonShort }) {
		v.Add("milestones", CodeDesignNeedsShortMilestone)
	}
	p.DesignSections.checkComplete(&v)
	if err := v.Err(); err != nil {
		return err
	}
	p.Status = ProjectDesignSubmitted
	p.DesignRound++
	p.DesignSubmittedAt = &now
	p.RevisionRequested, p.RevisionComment = false, ""
	return nil
}

// checkDraft refuses, with code, what only a draft allows: editing and
// submitting the design.
func (p *Project) checkDraft(code Code) error {
	if p.Status != ProjectDraft {
		return Conflict(code, Params{"status": p.Status})
	}
	return nil
}

// DesignDecision is a reviewer's verdict on a submitted design.
type DesignDecision string

// The verdicts on a design.
const (
	DesignApprove DesignDecision = "approve"
	DesignReturn  DesignDecision = "return"
)

// reviewDesign records a mentor's or coach's verdict. A return sends the
// design back to draft with the comment; the design is approved when both
// the mentor and the coach have approved in the current round. approvals
// are the reviews of the current round so far.
func (p *Project) reviewDesign(reviewer uuid.UUID, role Role, decision DesignDecision, comment string, round []Review) (approved bool, err error) {
	if err := p.checkReviewable(reviewer, round); err != nil {
		return false, err
	}
	comment = strings.TrimSpace(comment)
	switch decision {
	case DesignReturn:
		if comment == "" {
			return false, Invalid("comment", CodeDesignReturnNeedsComment)
		}
		p.Status, p.RevisionRequested, p.RevisionComment = ProjectDraft, true, comment
		return false, nil
	case DesignApprove:
		approvedBy := map[Role]bool{role: true}
		for _, r := range round {
			if r.Decision == string(DesignApprove) {
				approvedBy[r.ReviewerRole] = true
			}
		}
		if approvedBy[RoleMentor] && (approvedBy[RoleCoach] || p.Parties.CoachID == nil) {
			p.Status = ProjectDesignApproved
			return true, nil
		}
		return false, nil
	}
	return false, Invalid("decision", CodeReviewApproveOrReturn)
}

// checkReviewable refuses a review of the design unless it is submitted
// and reviewer has not yet decided in this round.
func (p *Project) checkReviewable(reviewer uuid.UUID, round []Review) error {
	if p.Status != ProjectDesignSubmitted {
		return Conflict(CodeDesignNotSubmitted, Params{"status": p.Status})
	}
	if slices.ContainsFunc(round, func(r Review) bool { return r.ReviewerID == reviewer }) {
		return Conflict(CodeDesignAlreadyReviewed)
	}
	return nil
}

// designReviewerRole says in which capacity a user reviews the design: as
// the participant's mentor or as their coach (a user who is both counts as
// mentor).
func (p *Project) designReviewerRole(user uuid.UUID) Role {
	if p.Parties.MentorID == user {
		return RoleMentor
	}
	return RoleCoach
}

// advance moves an approved design into implementation once the cohort's
// implementation phase has begun.
func (p *Project) advance(cohort Cohort, now time.Time) {
	p.Status = EffectiveStatus(p.Status, cohort.ImplementationStartsOn(), DateOf(now))
}

// EffectiveStatus is a project's status as of today: an approved design is
// implementing once its cohort's implementation phase has begun, even
// before the project is next changed and the move stored.
func EffectiveStatus(stored ProjectStatus, implementationStartsOn *Date, today Date) ProjectStatus {
	if stored == ProjectDesignApproved && implementationStartsOn != nil && !today.Before(*implementationStartsOn) {
		return ProjectImplementing
	}
	return stored
}

// startImplementation moves an approved design into implementation at the
// participant's word, before the cohort's phase begins (which starts it
// for every approved design).
func (p *Project) startImplementation() error {
	if err := p.checkStartable(); err != nil {
		return err
	}
	p.Status = ProjectImplementing
	return nil
}

// checkStartable refuses to start an implementation that has begun, or a
// design that is not approved.
func (p *Project) checkStartable() error {
	switch p.Status {
	case ProjectDesignApproved:
		return nil
	case ProjectImplementing:
		return Conflict(CodeProjectAlreadyImplementing)
	}
	return Conflict(CodeProjectNotApproved, Params{"status": p.Status})
}

// submitFinal hands in the final report of an implemented project.
func (p *Project) submitFinal() error {
	if err := p.checkFinalSubmittable(); err != nil {
		return err
	}
	p.Status = ProjectFinalSubmitted
	return nil
}

// checkFinalSubmittable refuses the final report of a project that is not
// in implementation.
func (p *Project) checkFinalSubmittable() error {
	if p.Status != ProjectImplementing {
		return Conflict(CodeProjectNotImplementing, Params{"status": p.Status})
	}
	return nil
}

// checkAssessable refuses an assessment of seminar that the project is not
// ready for: the design seminar assesses a submitted design, the final
// seminar a submitted final report.
func (p *Project) checkAssessable(seminar Seminar) error {
	switch {
	case seminar == SeminarDesign && p.Status == ProjectDraft:
		return Conflict(CodeAssessmentDesignDraft, Params{"seminar": seminar})
	case seminar == SeminarFinal && p.Status != ProjectFinalSubmitted && p.Status != ProjectCompleted:
		return Conflict(CodeAssessmentFinalNotSubmitted, Params{"status": p.Status, "seminar": seminar})
	}
	return nil
}

// checkClaimsOpen refuses a claim that a milestone is achieved before the
// design is approved: until then the milestones are a plan under review.
func (p *Project) checkClaimsOpen() error {
	if !p.designApproved() {
		return Conflict(CodeMilestoneDesignNotApproved)
	}
	return nil
}

// designApproved reports whether the design has been approved, which is
// when evidence and claims begin to count.
func (p *Project) designApproved() bool {
	switch p.Status {
	case ProjectDraft, ProjectDesignSubmitted:
		return false
	}
	return true
}
