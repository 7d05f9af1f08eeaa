package domain

import (
	"strings"
	"time"

	"github.com/google/uuid"
)

// Enrollment is a participant in a cohort with their mentor, their coach and
// their group (kelompok). Enrolling creates the participant's project.
type Enrollment struct {
	ID            uuid.UUID
	CohortID      uuid.UUID
	ParticipantID uuid.UUID
	MentorID      uuid.UUID
	// CoachID is nil until a coach is assigned.
	CoachID *uuid.UUID
	// ClassID is the participant's class (kelas), nil until they have one;
	// their group is a group of that class.
	ClassID   *uuid.UUID
	Group     string
	ProjectID uuid.UUID
	Version   int64
	CreatedAt time.Time
	UpdatedAt time.Time
	// Offer is what the caller who read it may do to it now; it is theirs,
	// so audit snapshots leave it out.
	Offer Offer `json:"-"`
	// Listing is read with the enrollment, never written through it.
	Listing EnrollmentListing `json:"-"`
}

// EnrollmentPlan is what an organizer gives to enroll a participant.
type EnrollmentPlan struct {
	ParticipantID uuid.UUID
	MentorID      uuid.UUID
	CoachID       *uuid.UUID
	ClassID       *uuid.UUID
	Group         string
}

// EnrollmentChanges is a partial update of an enrollment.
type EnrollmentChanges struct {
	MentorID   *uuid.UUID
	CoachID    *uuid.UUID
	ClearCoach bool
	// ClassID moves the participant to a class; ClearClass takes them out
	// of theirs.
	ClassID    *uuid.UUID
	ClearClass bool
	Group      *string
}

// newEnrollment returns an enrollment as planned, with its participant's
// new project, empty and in draft.
func newEnrollment(cohortID uuid.UUID, plan EnrollmentPlan, now time.Time) (Enrollment, Project) {
	e := Enrollment{ID: NewID(), CohortID: cohortID, ParticipantID: plan.ParticipantID, MentorID: plan.MentorID,
		CoachID: plan.CoachID, ClassID: plan.ClassID, Group: plan.Group, ProjectID: NewID(), Version: 1, CreatedAt: now, UpdatedAt: now,
		Listing: EnrollmentListing{ProjectStatus: ProjectDraft}}
	return e, Project{ID: e.ProjectID, EnrollmentID: e.ID, CohortID: cohortID, Parties: e.Parties(), Status: ProjectDraft,
		InnovationAreas: []string{}, Stakeholders: []Stakeholder{}, Version: 1, CreatedAt: now, UpdatedAt: now}
}

// enrollmentCreated is the audit event of a new enrollment.
func enrollmentCreated(actor *Actor, e Enrollment, now time.Time) Event {
	ev := event(actor, now, "enrollment.created", "enrollment", e.ID)
	cohortID, projectID := e.CohortID, e.ProjectID
	ev.CohortID, ev.ProjectID, ev.After = &cohortID, &projectID, e
	return ev
}

// Parties are the people an enrollment concerns, which is what the policy
// needs to know about it.
func (e Enrollment) Parties() Parties {
	return Parties{ParticipantID: e.ParticipantID, MentorID: e.MentorID, CoachID: e.CoachID}
}

// checkParties enforces who may fill which part of an enrollment: the mentor
// is someone else than the participant, and the coach is a coach of the
// cohort. isCoach tells whether a user is a coach of the cohort.
func (e *Enrollment) checkParties(isCoach func(uuid.UUID) bool) error {
	var v Violations
	e.Group = text(&v, "group", e.Group, false)
	if e.ParticipantID == uuid.Nil {
		v.Add("participantId", CodeFieldRequired)
	}
	if e.MentorID == uuid.Nil {
		v.Add("mentorId", CodeFieldRequired)
	} else if e.MentorID == e.ParticipantID {
		v.Add("mentorId", CodeEnrollmentSelf)
	}
	if e.CoachID != nil {
		switch {
		case *e.CoachID == e.ParticipantID:
			v.Add("coachId", CodeEnrollmentSelf)
		case !isCoach(*e.CoachID):
			v.Add("coachId", CodeEnrollmentCoachNotStaff)
		}
	}
	return v.Err()
}

// apply changes the enrollment's mentor, coach or group.
func (e *Enrollment) apply(c EnrollmentChanges) {
	if c.MentorID != nil {
		e.MentorID = *c.MentorID
	}
	if c.CoachID != nil {
		e.CoachID = c.CoachID
	}
	if c.ClearCoach {
		e.CoachID = nil
	}
	if c.ClassID != nil {
		e.ClassID = c.ClassID
	}
	if c.ClearClass {
		e.ClassID = nil
	}
	if c.Group != nil {
		e.Group = strings.TrimSpace(*c.Group)
	}
}

// ProjectStatus is where a change project stands in its life.
type ProjectStatus string

// The statuses of a project, in the order they are reached.
const (
	ProjectDraft           ProjectStatus = "draft"
	ProjectDesignSubmitted ProjectStatus = "design_submitted"
	ProjectDesignApproved  ProjectStatus = "design_approved"
	ProjectImplementing    ProjectStatus = "implementing"
	ProjectFinalSubmitted  ProjectStatus = "final_submitted"
	ProjectCompleted       ProjectStatus = "completed" // at the final seminar's determination (Cohorts.DetermineSeminarSession)
)
