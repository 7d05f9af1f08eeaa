package domain

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Horizon is how far ahead a milestone looks: short (during the training's
// implementation phase), mid (about a year) or long (two years or more).
type Horizon string

// The horizons of milestones.
const (
	HorizonShort Horizon = "short"
	HorizonMid   Horizon = "mid"
	HorizonLong  Horizon = "long"
)

// ParseHorizon returns the horizon named s, or an Invalid error naming "horizon".
func ParseHorizon(s string) (Horizon, error) {
	switch h := Horizon(s); h {
	case HorizonShort, HorizonMid, HorizonLong:
		return h, nil
	}
	return "", Invalid("horizon", CodeMilestoneHorizon)
}

// MilestoneStatus is where a milestone stands.
type MilestoneStatus string

// The statuses of a milestone.
const (
	MilestonePlanned              MilestoneStatus = "planned"
	MilestoneInProgress           MilestoneStatus = "in_progress"
	MilestoneAwaitingVerification MilestoneStatus = "awaiting_verification"
	MilestoneAchieved             MilestoneStatus = "achieved"
	// A short-term milestone left unachieved when its project completes is
	// closed: not_achieved, or continued when the mentor agreed (by
	// approving a change request that names it) to carry it on in the mid
	// term, where a planned copy of it is added. Both are terminal and never
	// overdue (see closeShortTerm).
	MilestoneNotAchieved MilestoneStatus = "not_achieved"
	MilestoneContinued   MilestoneStatus = "continued"
)

// MaxActivities bounds the activities of one milestone.
const MaxActivities = 50

// Activity is a kegiatan: a step towards a milestone and the output it is
// expected to produce. Evidence names the activity it proves by its ID,
// which stays while the milestone is edited.
type Activity struct {
	ID     uuid.UUID
	Title  string
	Output string
}

// Milestone is a tahapan of a project with its due date, proved by evidence
// and verified by the mentor.
type Milestone struct {
	ID          uuid.UUID
	ProjectID   uuid.UUID
	Horizon     Horizon
	Title       string
	Description string
	DueOn       Date
	// Position orders the milestones of a horizon; lower first.
	Position   int
	Activities []Activity
	Status     MilestoneStatus
	// ClaimedAt is when the participant last claimed it achieved.
	ClaimedAt *time.Time
	// Evidence counts the milestone's evidence by status, as read with it.
	Evidence EvidenceTally
	// ReviewComment is what the mentor wrote with the latest verdict: why,
	// when they returned it ("" before any). It is kept with the review.
	ReviewComment string
	// MissingEvidenceReason is why the mentor verified it achieved although
	// some of its activities had no approved evidence ("" when all had).
	MissingEvidenceReason string
	// ContinueToMid says the mentor agreed to continue it in the mid term if
	// it is not achieved when the project completes.
	ContinueToMid bool
	Version       int64
	CreatedAt     time.Time
	UpdatedAt     time.Time
	// Offer is what the caller who read it may do to it now; it is theirs,
	// so audit snapshots leave it out.
	Offer Offer `json:"-"`
}

// EvidenceTally counts a milestone's evidence by status; a status without
// evidence may be missing.
type EvidenceTally map[EvidenceStatus]int

// total is the number of evidence of every status.
func (t EvidenceTally) total() int {
	n := 0
	for _, c := range t {
		n += c
	}
	return n
}

// Overdue reports whether the milestone is past its due date and not
// achieved (nor closed at completion) on the given day. It is derived,
// never stored.
func (m Milestone) Overdue(today Date) bool {
	return !terminalMilestone(m.Status) && m.DueOn.Before(today)
}

// MilestonePlan is what a participant gives to add a milestone.
type MilestonePlan struct {
	Horizon     string
	Title       string
	Description string
	DueOn       Date
	Position    *int
	Activities  []Activity
}

// MilestoneChanges is a partial update of a milestone; nil fields stay. The
// status may only move between planned and in_progress here.
type MilestoneChanges struct {
	Title       *string
	Description *string
	DueOn       *Date
	Position    *int
	Activities  *[]Activity
	Status      *MilestoneStatus
}

// newMilestone validates a plan into a milestone of project, placed last of
// its horizon unless a position is given.
func newMilestone(project uuid.UUID, plan MilestonePlan, now time.Time) (Milestone, error) {
	var v Violations
	horizon, err := ParseHorizon(plan.Horizon)
	v.AddError("horizon", err)
	m := Milestone{ID: NewID(), ProjectID: project, Horizon: horizon, DueOn: plan.DueOn, Status: MilestonePlanned,
		Version: 1, CreatedAt: now, UpdatedAt: now}
	m.Title = text(&v, "title", plan.Title, true)
	m.Description = longText(&v, "description", plan.Description)
	if m.DueOn.IsZero() {
		v.Add("dueOn", CodeFieldRequired)
	}
	m.Activities = activities(&v, nil, plan.Activities)
	if plan.Position != nil {
		m.Position = *plan.Position
	}
	return m, v.Err()
}

// edit applies changes. The status may move between planned and
// in_progress only: claiming and verifying have their own operations.
func (m *Milestone) edit(c MilestoneChanges) error {
	before := *m
	var v Violations
	if c.Title != nil {
		m.Title = text(&v, "title", *c.Title, true)
	}
	if c.Description != nil {
		m.Description = longText(&v, "description", *c.Description)
	}
	if c.DueOn != nil {
		m.DueOn = *c.DueOn
	}
	if c.Position != nil {
		m.Position = *c.Position
	}
	if c.Activities != nil {
		m.Activities = activities(&v, m.Activities, *c.Activities)
	}
	if err := v.Err(); err != nil {
		return err
	}
	if !sameWords(before, *m) {
		if err := before.checkWritable(); err != nil { // achieved or closed: read-only
			*m = before
			return err
		}
	}
	if c.Status != nil && *c.Status != m.Status {
		movable := []MilestoneStatus{MilestonePlanned, MilestoneInProgress}
		if !slices.Contains(movable, m.Status) || !slices.Contains(movable, *c.Status) {
			return ConflictOn("status", CodeMilestoneStatusMove, Params{"status": m.Status})
		}
		m.Status = *c.Status
	}
	return nil
}

// checkDeletable allows deleting a milestone only while it is planned and
// has no evidence: what was proved stays on record.
func (m *Milestone) checkDeletable() error {
	if m.Status != MilestonePlanned {
		return Conflict(CodeMilestoneNotPlanned, Params{"status": m.Status})
	}
	if m.Evidence.total() > 0 {
		return Conflict(CodeMilestoneHasEvidence)
	}
	return nil
}

// claim asks the mentor to verify the milestone.
func (m *Milestone) claim(now time.Time) error {
	if err := m.checkClaimable(); err != nil {
		return err
	}
	m.Status, m.ClaimedAt = MilestoneAwaitingVerification, &now
	return nil
}

// checkClaimable refuses a claim of a milestone that is not open or has no
// evidence that is submitted or approved.
func (m *Milestone) checkClaimable() error {
	if m.Status != MilestonePlanned && m.Status != MilestoneInProgress {
		return Conflict(CodeMilestoneNotOpen, Params{"status": m.Status})
	}
	if m.Evidence[EvidenceSubmitted]+m.Evidence[EvidenceApproved] == 0 {
		return Conflict(CodeMilestoneNeedsEvidence)
	}
	return nil
}

// VerificationDecision is the mentor's verdict on a claimed milestone.
type VerificationDecision string

// The verdicts on a claimed milestone.
const (
	VerifyApprove VerificationDecision = "approve"
	VerifyReturn  VerificationDecision = "return"
)

// verify records the mentor's verdict: approve makes the milestone achieved
// (see checkApprovable) when each of its activities has approved evidence
// (proved lists the activities that have), or the mentor says why not
// (missingReason, kept with the milestone); return sends it back to
// in_progress with a comment.
func (m *Milestone) verify(decision VerificationDecision, comment string, proved []uuid.UUID, missingReason string) error {
	if err := m.checkClaimed(); err != nil {
		return err
	}
	switch decision {
	case VerifyApprove:
		if err := m.checkApprovable(); err != nil {
			return err
		}
		var v Violations
		missingReason = longText(&v, "missingEvidenceReason", missingReason)
		if err := v.Err(); err != nil {
			return err
		}
		unproved := m.unprovedActivities(proved)
		if len(unproved) > 0 && missingReason == "" {
			return Conflict(CodeMilestoneActivityUnproved, Params{"decision": VerifyApprove, "activities": strings.Join(unproved, "; ")})
		}
		if len(unproved) == 0 {
			missingReason = ""
		}
		m.Status, m.MissingEvidenceReason = MilestoneAchieved, missingReason
	case VerifyReturn:
		if strings.TrimSpace(comment) == "" {
			return Invalid("comment", CodeMilestoneReturnNeedsComment)
		}
		m.Status = MilestoneInProgress
	default:
		return Invalid("decision", CodeReviewApproveOrReturn)
	}
	return nil
}

// checkClaimed refuses a verdict on a milestone nobody claimed achieved.
func (m *Milestone) checkClaimed() error {
	if m.Status != MilestoneAwaitingVerification {
		return Conflict(CodeMilestoneNotClaimed, Params{"status": m.Status})
	}
	return nil
}

// checkApprovable refuses to verify a claimed milestone achieved while
// evidence of it waits for review, or when none is approved.
func (m *Milestone) checkApprovable() error {
	if m.Evidence[EvidenceSubmitted] > 0 {
		return Conflict(CodeMilestoneEvidencePending, Params{"decision": VerifyApprove})
	}
	if m.Evidence[EvidenceApproved] == 0 {
		return Conflict(CodeMilestoneNeedsApproved, Params{"decision": VerifyApprove})
	}
	return nil
}

// unprovedActivities are the titles of the milestone's activities that are
// not among proved (those with approved evidence).
func (m *Milestone) unprovedActivities(proved []uuid.UUID) []string {
	var out []string
	for _, a := range m.Activities {
		if !slices.Contains(proved, a.ID) {
			out = append(out, a.Title)
		}
	}
	return out
}

// activity returns the milestone's activity id, or false.
func (m *Milestone) activity(id uuid.UUID) (Activity, bool) {
	i := slices.IndexFunc(m.Activities, func(a Activity) bool { return a.ID == id })
	if i < 0 {
		return Activity{}, false
	}
	return m.Activities[i], true
}

// startOnEvidence moves a planned milestone to in_progress when its first
// evidence arrives.
func (m *Milestone) startOnEvidence() {
	if m.Status == MilestonePlanned {
		m.Status = MilestoneInProgress
	}
}

// activities validates a new list of activities; one that names the ID of
// an activity in old keeps it, any other gets a new ID.
func activities(v *Violations, old, in []Activity) []Activity {
	if len(in) > MaxActivities {
		v.Add("activities", CodeFieldTooMany, Params{"max": MaxActivities})
	}
	known := map[uuid.UUID]bool{}
	for _, a := range old {
		known[a.ID] = true
	}
	out := make([]Activity, len(in))
	for i, a := range in {
		field := fmt.Sprintf("activities[%d]", i)
		if !known[a.ID] {
			a.ID = NewID()
		}
		delete(known, a.ID)
		out[i] = Activity{ID: a.ID, Title: text(v, field+".title", a.Title, true), Output: text(v, field+".output", a.Output, false)}
	}
	return out
}

// longText trims s and checks it is multi-line text (CheckMultiLine) no
// longer than MaxProjectText.
func longText(v *Violations, field, s string) string {
	s = strings.TrimSpace(s)
	if err := CheckMultiLine(field, s); err != nil {
		v.AddError(field, err)
		return s
	}
	if len([]rune(s)) > MaxProjectText {
		v.Add(field, CodeFieldTooLong, Params{"max": MaxProjectText})
	}
	return s
}
