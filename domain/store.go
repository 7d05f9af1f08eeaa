package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// Store is every repository the services need, bound either to the
// connection pool or to one transaction. The services decide what is atomic
// (WithinTx); the persistence package decides how.
type Store interface {
	// WithinTx runs fn with a Store bound to one transaction, committed when
	// fn returns nil and rolled back otherwise. Inside a transaction it runs
	// fn in the same transaction.
	WithinTx(ctx context.Context, fn func(tx Store) error) error

	Users() UserStore
	Sessions() SessionStore
	LoginFailures() LoginFailureStore
	Institutions() InstitutionStore
	Agencies() AgencyStore
	Units() UnitStore
	Cohorts() CohortStore
	// Agenda keeps the cohorts' agendas and their rules.
	Agenda() AgendaStore
	Enrollments() EnrollmentStore
	Events() EventStore
	Projects() ProjectStore
	Milestones() MilestoneStore
	Evidence() EvidenceStore
	Reviews() ReviewStore
	CoachingNotes() CoachingNoteStore
	ReviewQueue() ReviewQueueStore
	Timeline() TimelineStore
	Assessments() AssessmentStore
	Progress() ProgressStore
	MentorTransfers() MentorTransferStore
	FollowUps() FollowUpStore
	Outbox() OutboxStore
	// The holiday calendar of working days, and the classes of cohorts.
	Holidays() HolidayStore
	Classes() ClassStore
	// Program templates (domain/program_templates.go).
	ProgramTemplates() ProgramTemplateStore

	// The innovation showcase and the originality check.
	Publications() PublicationStore
	Showcase() ShowcaseStore
	Replications() ReplicationStore
	Similarity() SimilarityStore

	// Seminar sessions and determined results (issue #21).
	Seminars() SeminarStore
	// A cohort's graduation and its certificates (issue #21).
	Graduations() GraduationStore

	// Change requests of approved plans and the plans' versions (issue #22).
	ChangeRequests() ChangeRequestStore

	// Final reports, their versions and endorsements (issue #22 part 4).
	Reports() ReportStore
}

// Credentials are the secrets stored with a user: a password hash, or a
// one-time activation code's hash until the person sets a password.
type Credentials struct {
	PasswordHash      string
	ActivationHash    []byte
	ActivationExpires time.Time
}

// Account is a new user with their first credentials.
type Account struct {
	User        User
	Credentials Credentials
}

// UserStore keeps accounts.
type UserStore interface {
	// Create stores new users; a taken email or NIP is a KindConflict error
	// naming the field.
	Create(ctx context.Context, accounts ...Account) error
	// TakenNIPs returns which of the NIPs belong to an account already.
	TakenNIPs(ctx context.Context, nips []NIP) (map[NIP]bool, error)
	// Get returns the user with id, or KindNotFound.
	Get(ctx context.Context, id uuid.UUID) (User, error)
	// ByEmail returns the user with the e-mail address (any case) and their
	// credentials, or KindNotFound.
	ByEmail(ctx context.Context, email string) (User, Credentials, error)
	// ByEmails returns the users with the given addresses, by address.
	ByEmails(ctx context.Context, emails []string) (map[string]User, error)
	// Update stores u's profile when its stored version is u.Version-1;
	// otherwise KindStale. Conflicts as in Create.
	Update(ctx context.Context, u User) error
	// SetCredentials replaces a user's secrets.
	SetCredentials(ctx context.Context, id uuid.UUID, c Credentials) error
	// Cohorts lists the cohorts where the user holds any role.
	Cohorts(ctx context.Context, id uuid.UUID) ([]uuid.UUID, error)
	// List returns a page of users, by name, matching q in name, e-mail or
	// NIP when q is not empty.
	List(ctx context.Context, q string, page PageRequest) (Page[User], error)
	// RolesIn lists the roles a user holds in a cohort.
	RolesIn(ctx context.Context, user, cohort uuid.UUID) (CohortRoles, error)
}

// SessionStore keeps sign-in sessions, by the hash of their token.
type SessionStore interface {
	Create(ctx context.Context, tokenHash []byte, user uuid.UUID, expiresAt time.Time) error
	// Actor returns the signed-in user of a live session (not expired at
	// now, not revoked) with all their roles, or KindUnauthenticated.
	Actor(ctx context.Context, tokenHash []byte, now time.Time) (Actor, error)
	Revoke(ctx context.Context, tokenHash []byte, now time.Time) error
	// RevokeAll ends every live session of a user.
	RevokeAll(ctx context.Context, user uuid.UUID, now time.Time) error
}

// LoginFailureStore counts failed sign-ins, in the database so that the
// limit holds across replicas.
type LoginFailureStore interface {
	// Reserve counts an attempt, for an e-mail and from a client address,
	// as a failure (id > 0), unless limit failures since since already count
	// against either: then id is 0 and oldest is the earliest of them. It is
	// atomic: however many attempts arrive at once, no more than limit are
	// counted in.
	Reserve(ctx context.Context, email, clientAddress string, now, since time.Time, limit int) (id int64, oldest time.Time, err error)
	// Forget takes back one reserved attempt that was never made.
	Forget(ctx context.Context, id int64) error
	// Clear forgets the failures of an e-mail after a successful sign-in.
	Clear(ctx context.Context, email string) error
}

// InstitutionStore keeps training institutions and who organizes for them.
type InstitutionStore interface {
	Create(ctx context.Context, in Institution) error
	Get(ctx context.Context, id uuid.UUID) (Institution, error)
	// List returns institutions by name; ids limits them unless nil.
	List(ctx context.Context, ids []uuid.UUID, all bool, page PageRequest) (Page[Institution], error)
	AddOrganizer(ctx context.Context, institution, user uuid.UUID) error
	// OrganizedBy lists the institutions a user organizes for: those whose
	// cohorts they may create and those of the cohorts they organize.
	OrganizedBy(ctx context.Context, user uuid.UUID) ([]uuid.UUID, error)
}

// AgencyStore keeps government agencies.
type AgencyStore interface {
	// Create stores new agencies; a taken name is a KindConflict error.
	Create(ctx context.Context, agencies ...Agency) error
	// ByNames returns the agencies with the given names (any case), by
	// lower-cased name.
	ByNames(ctx context.Context, names []string) (map[string]Agency, error)
	Exists(ctx context.Context, id uuid.UUID) (bool, error)
	// Get returns an agency, or KindNotFound.
	Get(ctx context.Context, id uuid.UUID) (Agency, error)
	List(ctx context.Context, q string, page PageRequest) (Page[Agency], error)
	// Update stores a when its stored version is a.Version-1; else KindStale.
	Update(ctx context.Context, a Agency) error
}

// CohortStore keeps cohorts and their staff.
type CohortStore interface {
	// Create stores a cohort; a code already used in the institution is a
	// KindConflict error naming "code".
	Create(ctx context.Context, c Cohort) error
	Get(ctx context.Context, id uuid.UUID) (Cohort, error)
	Update(ctx context.Context, c Cohort) error
	List(ctx context.Context, scope CohortScope, page PageRequest) (Page[Cohort], error)
	// AddStaff gives a user a staff role; it reports false when they had it.
	AddStaff(ctx context.Context, m StaffMember) (bool, error)
	// RemoveStaff takes roles from a user (all when role is empty) and
	// reports how many were removed.
	RemoveStaff(ctx context.Context, cohort, user uuid.UUID, role StaffRole) (int, error)
	Staff(ctx context.Context, cohort uuid.UUID) ([]StaffMember, error)
}

// EnrollmentStore keeps enrollments and creates their projects.
type EnrollmentStore interface {
	// Create stores enrollments with their projects (projects[i] belongs to
	// enrollments[i]); a second enrollment of a participant in a cohort is a
	// KindConflict error.
	Create(ctx context.Context, enrollments []Enrollment, projects []Project) error
	Get(ctx context.Context, id uuid.UUID) (Enrollment, error)
	// ByParticipants returns the cohort's enrollments of the given users.
	ByParticipants(ctx context.Context, cohort uuid.UUID, participants []uuid.UUID) (map[uuid.UUID]Enrollment, error)
	Update(ctx context.Context, e Enrollment) error
	List(ctx context.Context, cohort uuid.UUID, scope EnrollmentScope, page PageRequest) (Page[Enrollment], error)
	// CountCoachedBy counts the cohort's enrollments whose coach is user.
	CountCoachedBy(ctx context.Context, cohort, user uuid.UUID) (int, error)
}

// EventStore appends to the audit trail; events are never changed.
type EventStore interface {
	Append(ctx context.Context, events ...Event) error
}

// ProjectStore keeps projects.
type ProjectStore interface {
	// Get returns a project with its cohort and parties. With forUpdate the
	// project's row stays locked until the transaction ends, so that the
	// changes to one project's workflow happen one after the other.
	Get(ctx context.Context, id uuid.UUID, forUpdate bool) (Project, error)
	// Update stores p when its stored version is p.Version-1; else KindStale.
	Update(ctx context.Context, p Project) error
}

// MilestoneStore keeps milestones.
type MilestoneStore interface {
	Create(ctx context.Context, m Milestone) error
	// CreateLast stores m after the last milestone of its horizon, at
	// position 0 when the horizon has none (or only positions below 0),
	// and sets m.Position to where it went.
	CreateLast(ctx context.Context, m *Milestone) error
	Get(ctx context.Context, id uuid.UUID) (Milestone, error)
	// OfProject returns all of a project's milestones, by horizon and position.
	OfProject(ctx context.Context, project uuid.UUID) ([]Milestone, error)
	// List returns a page of a project's milestones, by horizon and position.
	List(ctx context.Context, project uuid.UUID, page PageRequest) (Page[Milestone], error)
	// Update stores m when its stored version is m.Version-1; else KindStale.
	Update(ctx context.Context, m Milestone) error
	Delete(ctx context.Context, id uuid.UUID) error
}

// EvidenceStore keeps evidence.
type EvidenceStore interface {
	Create(ctx context.Context, e Evidence) error
	Get(ctx context.Context, id uuid.UUID) (Evidence, error)
	// List returns a page of a milestone's evidence, oldest first.
	List(ctx context.Context, milestone uuid.UUID, page PageRequest) (Page[Evidence], error)
	// Update stores e's status when its stored version is e.Version-1.
	Update(ctx context.Context, e Evidence) error
	// ProvedActivities returns the activities of a milestone that have
	// approved evidence.
	ProvedActivities(ctx context.Context, milestone uuid.UUID) ([]uuid.UUID, error)
}

// ReviewStore keeps reviews, which are only ever added.
type ReviewStore interface {
	Create(ctx context.Context, r Review) error
	// DesignRound returns the reviews of one round of a project's design.
	DesignRound(ctx context.Context, project uuid.UUID, round int) ([]Review, error)
	// LastDesignReturn returns the latest review of a project's design with
	// the decision (DesignReturn), with the reviewer's name; nil without one.
	LastDesignReturn(ctx context.Context, project uuid.UUID, decision DesignDecision) (*DesignReturnNote, error)
}

// CoachingNote is a coach's dated note on a participant's project.
type CoachingNote struct {
	ID        uuid.UUID
	ProjectID uuid.UUID
	CoachID   uuid.UUID
	CoachName string
	HeldOn    Date
	Topic     string
	Notes     string
	CreatedAt time.Time
}

// CoachingNoteStore keeps coaching notes.
type CoachingNoteStore interface {
	Create(ctx context.Context, n CoachingNote) error
	// List returns a page of a project's notes, newest first.
	List(ctx context.Context, project uuid.UUID, page PageRequest) (Page[CoachingNote], error)
}

// ReviewQueueItem is something waiting for a reviewer's decision.
type ReviewQueueItem struct {
	Kind            string // "design", "milestone" or "evidence"
	ID              uuid.UUID
	ProjectID       uuid.UUID
	ParticipantName string
	Title           string
	SubmittedAt     time.Time
	// ResponseDeadlineDays is the cohort's; Late, WaitingDays and DueOn
	// follow from it in working days (see WorkCalendar.Late).
	ResponseDeadlineDays int
	Late                 bool
	WaitingDays          int
	DueOn                Date
}

// ReviewQueueStore finds what waits for a reviewer.
type ReviewQueueStore interface {
	// Queue returns, oldest first, the evidence and milestone claims of the
	// user's mentees and the designs waiting for the user's approval as
	// their mentor or coach.
	Queue(ctx context.Context, user uuid.UUID, page PageRequest) (Page[ReviewQueueItem], error)
}

// TimelineStore reads a project's audit trail.
type TimelineStore interface {
	// Timeline returns a page of the project's events, newest first.
	Timeline(ctx context.Context, project uuid.UUID, page PageRequest) (Page[TimelineEntry], error)
}

// AssessmentStore keeps rubrics, assessments and the release of results.
type AssessmentStore interface {
	// Rubrics returns a cohort's rubrics.
	Rubrics(ctx context.Context, cohort uuid.UUID) ([]Rubric, error)
	// SaveRubric creates or replaces a cohort's rubric for a seminar.
	SaveRubric(ctx context.Context, r Rubric) error
	Create(ctx context.Context, a Assessment) error
	// OfProject returns a project's assessments, oldest first.
	OfProject(ctx context.Context, project uuid.UUID) ([]Assessment, error)
	// ByExaminer returns the assessments an examiner recorded in a cohort,
	// oldest first.
	ByExaminer(ctx context.Context, cohort, examiner uuid.UUID) ([]Assessment, error)
	// Recorded reports whether any assessment of the seminar exists in the cohort.
	Recorded(ctx context.Context, cohort uuid.UUID, seminar Seminar) (bool, error)
	// Release records that a seminar's results are released to participants.
	Release(ctx context.Context, cohort uuid.UUID, seminar Seminar, by uuid.UUID, at time.Time) error
	// Released lists the seminars whose results are released in the cohort.
	Released(ctx context.Context, cohort uuid.UUID) ([]Seminar, error)
}

// HorizonProgress counts one horizon's milestones of a project.
type HorizonProgress struct {
	Total                int
	Achieved             int
	AwaitingVerification int
	Overdue              int
}

// ProgressRow is one participant's line of a cohort's progress.
type ProgressRow struct {
	EnrollmentID    uuid.UUID
	ParticipantName string
	Group           string
	// ClassID and ClassName are the participant's class (kelas), if any.
	ClassID          *uuid.UUID
	ClassName        string
	MentorName       string
	ProjectID        uuid.UUID
	ProjectTitle     string
	ProjectStatus    ProjectStatus
	Short, Mid, Long HorizonProgress
	// PendingEvidence counts evidence waiting for the mentor's review.
	PendingEvidence int
	// PlanVersion is the approved plan version progress counts (0 before
	// the design is approved).
	PlanVersion    int
	LastActivityAt *time.Time
	// ImplementationStartsOn is the cohort's, which decides the project's
	// effective status (see EffectiveStatus).
	ImplementationStartsOn *Date
	// Parties are whose project it is, for the policy (the row's offer).
	Parties Parties
	// Offer is what the caller may do on the row's project now (see
	// offerProgressRow).
	Offer Offer
}

// ProgressQuery selects and orders a cohort's progress rows.
type ProgressQuery struct {
	Cohort uuid.UUID
	// Today decides which milestones are overdue.
	Today Date
	Group string
	// ClassID keeps only the participants of this class, when set.
	ClassID *uuid.UUID
	// Status keeps only projects in it (effective status), when set.
	Status ProjectStatus
	// CoachedBy keeps only the participants of this coach, when set.
	CoachedBy *uuid.UUID
	// Sort is "name" (default), "progress" (highest first) or
	// "lastActivityAt" (most recent first).
	Sort string
}

// ProgressStore computes a cohort's progress.
type ProgressStore interface {
	// Progress calls each with every participant's row, in order, from one
	// query (q.Status is not applied: the caller filters on the effective
	// status); it stops at each's first error.
	Progress(ctx context.Context, q ProgressQuery, each func(ProgressRow) error) error
}
