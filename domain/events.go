package domain

import (
	"time"

	"github.com/google/uuid"
)

// Event is one entry of the audit trail: who changed what, when, and how it
// looked before and after. It is written in the same transaction as the
// change it records. Before and After are JSON-serializable snapshots and
// never hold secrets.
type Event struct {
	At         time.Time
	ActorID    *uuid.UUID
	Action     string
	TargetType string
	TargetID   uuid.UUID
	// CohortID and ProjectID place the event for timelines; either may be nil.
	CohortID  *uuid.UUID
	ProjectID *uuid.UUID
	Before    any
	After     any
	// Details are what the event names besides its actor and target, so
	// that clients word it in their own language: the server keeps no
	// sentences.
	Details EventDetails
}

// EventDetails are the facts an event names; each action uses some.
type EventDetails struct {
	// Title is the title of what it happened to when it happened: the
	// project, milestone, evidence or publication; a coaching note's topic.
	Title string
	// Comment is what the actor wrote with a decision: why a design or a
	// milestone was returned, evidence rejected, a proposal declined.
	Comment string
	// Role is the capacity in which the actor reviewed a design, and
	// Decision their verdict.
	Role     Role
	Decision DesignDecision
	// Seminar is the seminar an assessment scored.
	Seminar Seminar
	// Mentor and PreviousMentor name the people of a mentor transfer.
	Mentor, PreviousMentor string
	// Changes list what changed in an enrollment.
	Changes []EnrollmentChange
	// Timing flags a workflow step taken outside its part of the cohort's
	// agenda (early or late; empty when on time), and AgendaKind names the
	// kind of agenda item the step belongs to.
	Timing     AgendaTiming
	AgendaKind AgendaKind
	// PlanVersion is the plan version an approval made: 1 with the
	// design's, then one more per approved change request.
	PlanVersion int
}

// EnrollmentChange is one change of an enrollment, with the names or
// values before and after ("" for no coach).
type EnrollmentChange struct {
	// Field is mentor, coach, group or class.
	Field    string
	From, To string
}

// TimelineActions are the actions of the events of a project's timeline.
var TimelineActions = []string{
	"project.updated", "project.design_submitted", "project.design_reviewed", "project.design_approved",
	"project.implementation_started", "project.final_submitted", "project.completed",
	"project.published", "project.publication_updated", "project.withdrawn", "project.unpublished",
	"milestone.created", "milestone.updated", "milestone.deleted", "milestone.claimed", "milestone.verified", "milestone.returned",
	"milestone.started", "milestone.closed",
	"report.file_uploaded", "report.summary_updated", "report.statement_signed", "report.approval_endorsed", "report.ratification_endorsed", "report.ratified",
	"report.late_allowed", "report.revision_required",
	"change_request.filed", "change_request.reviewed", "change_request.approved", "change_request.returned", "change_request.withdrawn",
	"evidence.submitted", "evidence.withdrawn", "evidence.approved", "evidence.rejected",
	"coaching_note.added", "assessment.recorded", "assessment.revised", "result.determined",
	"appeal.filed", "appeal.assigned", "appeal.closed", "result.redetermined", "enrollment.created", "enrollment.updated",
	"mentor_transfer.proposed", "mentor_transfer.confirmed", "mentor_transfer.refused", "mentor_transfer.accepted",
	"mentor_transfer.declined", "mentor_transfer.cancelled",
}

// TimelineEntry is an event of a project's timeline with its actor's name.
type TimelineEntry struct {
	Event
	ID        int64
	ActorName string
}

// event returns an event by actor (nil for the system) at now.
func event(actor *Actor, now time.Time, action, targetType string, target uuid.UUID) Event {
	e := Event{At: now, Action: action, TargetType: targetType, TargetID: target}
	if actor != nil {
		id := actor.UserID
		e.ActorID = &id
	}
	return e
}
