package domain

import (
	"slices"

	"github.com/google/uuid"
)

// Role is what a user is in one cohort. Staff roles are given by organizers;
// participant and mentor follow from enrollments.
type Role string

// The roles a user can hold in a cohort.
const (
	RoleOrganizer   Role = Role(StaffOrganizer)
	RoleCoach       Role = Role(StaffCoach)
	RoleExaminer    Role = Role(StaffExaminer)
	RoleParticipant Role = "participant" // peserta
	RoleMentor      Role = "mentor"      // the participant's superior at home
	// RolePartner is held by the organizers of a cohort's partner
	// institution (a co-organized cohort): they read the cohort, its
	// progress and its projects, and change nothing.
	RolePartner Role = "partner"
)

// CohortRole is one role of a user in one cohort.
type CohortRole struct {
	CohortID uuid.UUID
	Role     Role
}

// Actor is the signed-in user making a request, with every role they hold.
type Actor struct {
	UserID        uuid.UUID
	PlatformAdmin bool
	Roles         []CohortRole
	// Institutions lists the institutions whose cohorts the user may create.
	Institutions []uuid.UUID
	// OrganizesFor lists the institutions the user organizes for (see
	// InstitutionStore.OrganizedBy), whose registered accounts they manage
	// until the person activates theirs. Only the services that manage
	// accounts load it (withOrganizing), so that signing in a request costs
	// nothing more.
	OrganizesFor []uuid.UUID
	// SessionHash identifies the session the request came with, for logout.
	SessionHash []byte
	// AgencyID is the agency (instansi) the user works for, if any: its
	// officials record and read its own studi tiru.
	AgencyID *uuid.UUID
}

// Has reports whether the actor holds role in cohort.
func (a *Actor) Has(cohort uuid.UUID, role Role) bool {
	return slices.Contains(a.Roles, CohortRole{CohortID: cohort, Role: role})
}

// InCohort reports whether the actor holds any role in cohort.
func (a *Actor) InCohort(cohort uuid.UUID) bool {
	return slices.ContainsFunc(a.Roles, func(r CohortRole) bool { return r.CohortID == cohort })
}

// CohortIDs lists the cohorts where the actor holds a role.
func (a *Actor) CohortIDs() []uuid.UUID {
	var ids []uuid.UUID
	for _, r := range a.Roles {
		if !slices.Contains(ids, r.CohortID) {
			ids = append(ids, r.CohortID)
		}
	}
	return ids
}

// organizesAnything reports whether the actor organizes some cohort or may
// create cohorts for some institution.
func (a *Actor) organizesAnything() bool {
	return len(a.Institutions) > 0 || slices.ContainsFunc(a.Roles, func(r CohortRole) bool { return r.Role == RoleOrganizer })
}

// Parties are the people an enrollment (and so its project) concerns.
type Parties struct {
	ParticipantID uuid.UUID
	MentorID      uuid.UUID
	CoachID       *uuid.UUID
}

// involves reports whether user is the participant, mentor or coach.
func (p Parties) involves(user uuid.UUID) bool {
	return p.ParticipantID == user || p.MentorID == user || (p.CoachID != nil && *p.CoachID == user)
}

// Target describes what an action is about, as much as the policy needs.
type Target struct {
	CohortID      uuid.UUID
	InstitutionID uuid.UUID
	// Enrollment names the people of the enrollment or project concerned.
	Enrollment *Parties
	// User is the user an action on an account concerns, with the cohorts
	// where that user holds a role.
	User        uuid.UUID
	UserCohorts []uuid.UUID
	// UserAccount is the state of that user's account, for the actions
	// that manage it.
	UserAccount AccountState
	// Invitee is the user a proposal waits for: the proposed mentor of a
	// mentor transfer, who is not yet a party of the enrollment.
	Invitee *uuid.UUID
	// AgencyID is the agency an action concerns, such as the visiting
	// agency of a studi tiru; nil when it concerns none in particular.
	AgencyID *uuid.UUID
}

// AccountState is what the policy needs of an account to decide who may
// manage it.
type AccountState struct {
	// Activated is true once the person has set their own password.
	Activated bool
	// PlatformAdmin is true for the installation's administrators.
	PlatformAdmin bool
	// RegisteredBy is the training institution that created the account,
	// if any.
	RegisteredBy *uuid.UUID
}

// Action is something an actor may try to do.
type Action string

// The actions the policy decides.
const (
	CreateUser         Action = "user.create"
	ListUsers          Action = "user.list"
	ReadUser           Action = "user.read"
	UpdateUser         Action = "user.update"
	GrantPlatformAdmin Action = "user.grant_admin"
	IssueActivation    Action = "user.issue_activation"
	// SendActivation mails a new one-time code to the person themself, for
	// an account the caller may not manage.
	SendActivation    Action = "user.send_activation"
	CreateInstitution Action = "institution.create"
	ManageInstitution Action = "institution.manage"
	CreateAgency      Action = "agency.create"
	// UpdateAgency changes an agency's name and place; ManageUnits creates
	// and changes the work units (unit kerja) of agencies.
	UpdateAgency      Action = "agency.update"
	ManageUnits       Action = "agency.manage_units"
	CreateCohort      Action = "cohort.create"
	ReadCohort        Action = "cohort.read"
	UpdateCohort      Action = "cohort.update"
	ReadStaff         Action = "staff.read"
	ManageStaff       Action = "staff.manage"
	ListEnrollments   Action = "enrollment.list"
	ReadEnrollment    Action = "enrollment.read"
	ManageEnrollments Action = "enrollment.manage"
	ReadProject       Action = "project.read"
	EditProject       Action = "project.edit"
	ReviewDesign      Action = "project.review_design"
	VerifyMilestone   Action = "milestone.verify"
	ReviewEvidence    Action = "evidence.review"
	ReadCoachingNotes Action = "coaching_note.read"
	WriteCoachingNote Action = "coaching_note.write"
	ReadRubrics       Action = "rubric.read"
	ManageRubrics     Action = "rubric.manage"
	AssessProject     Action = "assessment.record"
	ReadAssessments   Action = "assessment.read"
	ReleaseResults    Action = "assessment.release"

	// Seminar sessions: organizers arrange and determine them; the cohort's
	// staff read them.
	ManageSeminarSessions Action = "seminar_session.manage"
	ReadSeminarSessions   Action = "seminar_session.read"

	// Graduation: everyone in the cohort reads its rules; organizers (and
	// partners, read only) read every standing; organizers enter scores,
	// determine and release it, and revoke certificates.
	ReadGraduation          Action = "graduation.read"
	ReadGraduationStandings Action = "graduation.read_standings"
	ManageGraduation        Action = "graduation.manage"
	// DownloadCertificate: the graduate and the cohort's organizers;
	// RevokeCertificate: the cohort's organizers.
	DownloadCertificate Action = "certificate.download"
	RevokeCertificate   Action = "certificate.revoke"

	ReadProgress    Action = "progress.read"
	ReadEscalations Action = "escalation.read"
	ReadWorkload    Action = "workload.read"
	// Mentor transfers: the participant proposes a new mentor, who accepts
	// or declines; the participant may cancel while it waits.
	ProposeMentorTransfer Action = "mentor_transfer.propose"
	ReadMentorTransfer    Action = "mentor_transfer.read"
	DecideMentorTransfer  Action = "mentor_transfer.decide"
	CancelMentorTransfer  Action = "mentor_transfer.cancel"
	// ConfirmMentorTransfer: an organizer confirms or refuses a proposed
	// mentor from outside the participant's agency.
	ConfirmMentorTransfer Action = "mentor_transfer.confirm"
	PublishProject        Action = "project.publish"
	UnpublishProject      Action = "project.unpublish"
	RecordReplication     Action = "replication.record"
	ListReplications      Action = "replication.list"
	// ReadInnovationReplications: the full studi tiru records of a
	// published innovation (notes, documents), for its own people.
	ReadInnovationReplications Action = "replication.read_innovation"
	FindSimilar                Action = "project.find_similar"
	// Program templates: LAN's are read by every organizer; an
	// institution's by its organizers, who copy and adapt them.
	ListProgramTemplates  Action = "program_template.list"
	ReadProgramTemplate   Action = "program_template.read"
	CreateProgramTemplate Action = "program_template.create"
	UpdateProgramTemplate Action = "program_template.update"
	// The holiday calendar: everyone signed in reads it, platform admins
	// keep it. Classes are kept by the cohort's organizers.
	ListHolidays   Action = "holiday.list"
	ManageHolidays Action = "holiday.manage"
	ManageClasses  Action = "class.manage"
	// The final report: the project's mentor and coach endorse it; the
	// cohort's organizers may allow a late submission.
	EndorseReport   Action = "report.endorse"
	AllowLateReport Action = "report.allow_late"
)

// rule is the policy for one action. A target the actor may not see is
// reported as missing (404), so its existence is not revealed; a visible
// target the actor may not act on is forbidden (403).
type rule struct {
	noun    string
	visible func(*Actor, Target) bool // nil: the action concerns no particular thing
	allowed func(*Actor, Target) bool
}

func inCohort(a *Actor, t Target) bool { return a.InCohort(t.CohortID) }

func hasCohortRole(roles ...Role) func(*Actor, Target) bool {
	return func(a *Actor, t Target) bool {
		return slices.ContainsFunc(roles, func(r Role) bool { return a.Has(t.CohortID, r) })
	}
}

func organizer(a *Actor, _ Target) bool { return a.organizesAnything() }

// officialOf allows an official of the agency concerned: a user of that
// agency, or of any agency when the target names none (what they may be
// offered before choosing).
func officialOf(a *Actor, t Target) bool {
	return a.AgencyID != nil && (t.AgencyID == nil || *t.AgencyID == *a.AgencyID)
}
func nobody(*Actor, Target) bool   { return false }
func anyone(*Actor, Target) bool   { return true }
func self(a *Actor, t Target) bool { return a.UserID == t.User }

// sharesCohort reports whether the actor holds a role in one of the
// target user's cohorts.
func sharesCohort(a *Actor, t Target) bool { return slices.ContainsFunc(t.UserCohorts, a.InCohort) }

// organizesUsersCohort reports whether the actor organizes one of the
// target user's cohorts.
func organizesUsersCohort(a *Actor, t Target) bool {
	return slices.ContainsFunc(t.UserCohorts, func(c uuid.UUID) bool { return a.Has(c, RoleOrganizer) })
}

// managesAccount reports whether the actor organizes for the institution
// that registered the target account, and its owner has not activated it:
// an organizer may then correct its profile and hand out a new code. An
// activated account belongs to its owner alone, and a platform admin's to
// nobody else, so that being added to a cohort gives nobody power over an
// account.
func managesAccount(a *Actor, t Target) bool {
	acc := t.UserAccount
	return !acc.Activated && !acc.PlatformAdmin && acc.RegisteredBy != nil && slices.Contains(a.OrganizesFor, *acc.RegisteredBy)
}

// mailsCodeTo reports whether the actor may have a new code sent to the
// target's own e-mail address: an organizer of one of their cohorts, unless
// the target administers the platform.
func mailsCodeTo(a *Actor, t Target) bool {
	return !t.UserAccount.PlatformAdmin && organizesUsersCohort(a, t)
}

func either(fs ...func(*Actor, Target) bool) func(*Actor, Target) bool {
	return func(a *Actor, t Target) bool {
		return slices.ContainsFunc(fs, func(f func(*Actor, Target) bool) bool { return f(a, t) })
	}
}

// seesEnrollment: the cohort's organizers and examiners see every
// enrollment; the participant, their mentor and their coach see their own.
func seesEnrollment(a *Actor, t Target) bool {
	return hasCohortRole(RoleOrganizer, RoleExaminer, RolePartner)(a, t) || (t.Enrollment != nil && t.Enrollment.involves(a.UserID))
}

// organizesInstitution reports whether the actor organizes for the
// target's institution.
func organizesInstitution(a *Actor, t Target) bool {
	return t.InstitutionID != uuid.Nil && slices.Contains(a.Institutions, t.InstitutionID)
}

// seesTemplate: LAN's templates (no institution) are seen by every
// organizer; an institution's by its organizers.
func seesTemplate(a *Actor, t Target) bool {
	return (t.InstitutionID == uuid.Nil && a.organizesAnything()) || organizesInstitution(a, t)
}

// The parts people play in one enrollment and its project.
func participantOf(a *Actor, t Target) bool {
	return t.Enrollment != nil && t.Enrollment.ParticipantID == a.UserID
}
func mentorOf(a *Actor, t Target) bool {
	return t.Enrollment != nil && t.Enrollment.MentorID == a.UserID
}
func coachOf(a *Actor, t Target) bool {
	return t.Enrollment != nil && t.Enrollment.CoachID != nil && *t.Enrollment.CoachID == a.UserID
}
func invitee(a *Actor, t Target) bool { return t.Invitee != nil && *t.Invitee == a.UserID }

var rules = map[Action]rule{
	CreateUser:         {noun: "user", allowed: organizer},
	ListUsers:          {noun: "user", allowed: organizer},
	ReadUser:           {noun: "user", visible: either(self, organizer, sharesCohort), allowed: anyone},
	UpdateUser:         {noun: "user", visible: either(self, organizer, sharesCohort), allowed: either(self, managesAccount)},
	GrantPlatformAdmin: {noun: "user", allowed: nobody},
	IssueActivation:    {noun: "user", visible: either(self, organizer, sharesCohort), allowed: managesAccount},
	SendActivation:     {noun: "user", visible: either(self, organizer, sharesCohort), allowed: either(managesAccount, mailsCodeTo)},
	CreateInstitution:  {noun: "institution", allowed: nobody},
	ManageInstitution:  {noun: "institution", allowed: nobody},
	CreateAgency:       {noun: "agency", allowed: organizer},
	UpdateAgency:       {noun: "agency", allowed: organizer},
	ManageUnits:        {noun: "agency", allowed: organizer},
	CreateCohort: {noun: "institution", allowed: func(a *Actor, t Target) bool {
		return slices.Contains(a.Institutions, t.InstitutionID)
	}},
	ReadCohort:        {noun: "cohort", visible: inCohort, allowed: anyone},
	UpdateCohort:      {noun: "cohort", visible: inCohort, allowed: hasCohortRole(RoleOrganizer)},
	ReadStaff:         {noun: "cohort", visible: inCohort, allowed: hasCohortRole(RoleOrganizer, RoleCoach, RoleExaminer)},
	ManageStaff:       {noun: "cohort", visible: inCohort, allowed: hasCohortRole(RoleOrganizer)},
	ListEnrollments:   {noun: "cohort", visible: inCohort, allowed: anyone},
	ReadEnrollment:    {noun: "enrollment", visible: seesEnrollment, allowed: anyone},
	ManageEnrollments: {noun: "cohort", visible: inCohort, allowed: hasCohortRole(RoleOrganizer)},
	ReadProject:       {noun: "project", visible: seesEnrollment, allowed: anyone},
	EditProject:       {noun: "project", visible: seesEnrollment, allowed: participantOf},
	ReviewDesign:      {noun: "project", visible: seesEnrollment, allowed: either(mentorOf, coachOf)},
	VerifyMilestone:   {noun: "project", visible: seesEnrollment, allowed: mentorOf},
	ReviewEvidence:    {noun: "project", visible: seesEnrollment, allowed: mentorOf},
	ReadCoachingNotes: {noun: "project", visible: seesEnrollment, allowed: either(participantOf, mentorOf, coachOf, hasCohortRole(RoleOrganizer))},
	WriteCoachingNote: {noun: "project", visible: seesEnrollment, allowed: coachOf},
	ReadRubrics:       {noun: "cohort", visible: inCohort, allowed: hasCohortRole(RoleOrganizer, RoleCoach, RoleExaminer)},
	ManageRubrics:     {noun: "cohort", visible: inCohort, allowed: hasCohortRole(RoleOrganizer)},
	AssessProject:     {noun: "project", visible: seesEnrollment, allowed: hasCohortRole(RoleExaminer)},
	ReadAssessments:   {noun: "project", visible: seesEnrollment, allowed: anyone},
	ReleaseResults:    {noun: "cohort", visible: inCohort, allowed: hasCohortRole(RoleOrganizer)},

	ManageSeminarSessions: {noun: "cohort", visible: inCohort, allowed: hasCohortRole(RoleOrganizer)},
	ReadSeminarSessions:   {noun: "cohort", visible: inCohort, allowed: hasCohortRole(RoleOrganizer, RoleCoach, RoleExaminer)},

	ReadGraduation:          {noun: "cohort", visible: inCohort, allowed: anyone},
	ReadGraduationStandings: {noun: "cohort", visible: inCohort, allowed: hasCohortRole(RoleOrganizer, RolePartner)},
	ManageGraduation:        {noun: "cohort", visible: inCohort, allowed: hasCohortRole(RoleOrganizer)},
	DownloadCertificate:     {noun: "enrollment", visible: seesEnrollment, allowed: either(participantOf, hasCohortRole(RoleOrganizer))},
	RevokeCertificate:       {noun: "enrollment", visible: seesEnrollment, allowed: hasCohortRole(RoleOrganizer)},

	ReadProgress:    {noun: "cohort", visible: inCohort, allowed: hasCohortRole(RoleOrganizer, RoleCoach, RoleExaminer, RolePartner)},
	ReadEscalations: {noun: "cohort", visible: inCohort, allowed: hasCohortRole(RoleOrganizer, RoleCoach)},
	ReadWorkload:    {noun: "cohort", visible: inCohort, allowed: hasCohortRole(RoleOrganizer, RoleCoach)},

	ProposeMentorTransfer: {noun: "enrollment", visible: seesEnrollment, allowed: participantOf},
	ReadMentorTransfer:    {noun: "mentor transfer", visible: either(seesEnrollment, invitee), allowed: anyone},
	DecideMentorTransfer:  {noun: "mentor transfer", visible: either(seesEnrollment, invitee), allowed: invitee},
	CancelMentorTransfer:  {noun: "mentor transfer", visible: either(seesEnrollment, invitee), allowed: participantOf},
	ConfirmMentorTransfer: {noun: "mentor transfer", visible: either(seesEnrollment, invitee), allowed: hasCohortRole(RoleOrganizer)},
	// The showcase: the participant publishes and withdraws; the cohort's
	// organizers may also take a project off the showcase. Studi tiru
	// records are kept by the visiting agency's own officials, and by
	// organizers of any cohort (the visiting agency's training institution
	// as much as the innovator's); an agency's officials read its history.
	// The innovating project's participant, mentor and organizers read the
	// records of their innovation in full.
	PublishProject:             {noun: "project", visible: seesEnrollment, allowed: participantOf},
	UnpublishProject:           {noun: "project", visible: seesEnrollment, allowed: either(participantOf, hasCohortRole(RoleOrganizer))},
	RecordReplication:          {noun: "publication", allowed: either(organizer, officialOf)},
	ListReplications:           {noun: "agency", allowed: either(organizer, officialOf)},
	ReadInnovationReplications: {noun: "publication", visible: seesEnrollment, allowed: either(participantOf, mentorOf, hasCohortRole(RoleOrganizer))},
	// The originality check: the participant's coach, and the cohort's
	// examiners and organizers.
	FindSimilar: {noun: "project", visible: seesEnrollment, allowed: either(coachOf, hasCohortRole(RoleOrganizer, RoleExaminer))},

	ListProgramTemplates:  {noun: "program template", allowed: organizer},
	ReadProgramTemplate:   {noun: "program template", visible: seesTemplate, allowed: anyone},
	CreateProgramTemplate: {noun: "institution", allowed: organizesInstitution},
	UpdateProgramTemplate: {noun: "program template", visible: seesTemplate, allowed: organizesInstitution},
	ListHolidays:          {noun: "holiday", allowed: anyone},
	ManageHolidays:        {noun: "holiday", allowed: nobody},
	ManageClasses:         {noun: "cohort", visible: inCohort, allowed: hasCohortRole(RoleOrganizer)},
	EndorseReport:         {noun: "project", visible: seesEnrollment, allowed: either(mentorOf, coachOf)},
	AllowLateReport:       {noun: "project", visible: seesEnrollment, allowed: hasCohortRole(RoleOrganizer)},
}

// seesUnreleasedResults: the cohort's organizers and examiners and the
// participant's coach see assessments at once; the participant and their
// mentor once the organizer releases the seminar's results.
func seesUnreleasedResults(a *Actor, t Target) bool {
	return a.PlatformAdmin || hasCohortRole(RoleOrganizer, RoleExaminer)(a, t) || coachOf(a, t)
}

// ProgressScope says whose progress an actor sees in a cohort: everyone's
// for its organizers, examiners and platform admins; a coach, the
// participants they coach.
func ProgressScope(actor *Actor, cohort uuid.UUID) (coachedBy *uuid.UUID) {
	if actor.PlatformAdmin || actor.Has(cohort, RoleOrganizer) || actor.Has(cohort, RoleExaminer) || actor.Has(cohort, RolePartner) {
		return nil
	}
	return &actor.UserID
}

// projectTarget describes a project for the policy.
func projectTarget(p Project) Target {
	parties := p.Parties
	return Target{CohortID: p.CohortID, Enrollment: &parties}
}

// Authorize is the one policy of Proper: it decides whether actor may do
// action to target. It returns nil when allowed, KindUnauthenticated without
// an actor, KindNotFound when the actor may not even see the target, and
// KindForbidden when they see it but may not do this. A platform admin may
// do everything.
func Authorize(actor *Actor, action Action, target Target) error {
	r, ok := rules[action]
	if !ok {
		panic("no policy rule for action " + string(action))
	}
	switch {
	case actor == nil:
		return Fail(KindUnauthenticated, CodeSignInRequired)
	case actor.PlatformAdmin:
		return nil
	case r.visible != nil && !r.visible(actor, target):
		return NotFound(r.noun)
	case !r.allowed(actor, target):
		if target.CohortID != uuid.Nil && actor.Has(target.CohortID, RolePartner) {
			return Fail(KindForbidden, CodeCohortPartnerReadOnly, Params{"action": action})
		}
		return Fail(KindForbidden, CodeForbidden, Params{"action": action})
	}
	return nil
}

// EnrollmentScope says which enrollments of a cohort an actor may list.
type EnrollmentScope struct {
	// All is true for the cohort's organizers, examiners and platform admins.
	All bool
	// Involving limits the list to enrollments where this user is the
	// participant, the mentor or the coach, when All is false.
	Involving uuid.UUID
}

// EnrollmentScopeOf returns what actor may list of the cohort's enrollments:
// organizers and examiners see all, mentors and coaches their own
// participants, a participant their own enrollment.
func EnrollmentScopeOf(actor *Actor, cohort uuid.UUID) EnrollmentScope {
	if actor.PlatformAdmin || actor.Has(cohort, RoleOrganizer) || actor.Has(cohort, RoleExaminer) || actor.Has(cohort, RolePartner) {
		return EnrollmentScope{All: true}
	}
	return EnrollmentScope{Involving: actor.UserID}
}

// CohortScope says which cohorts an actor may list: all for a platform
// admin (nil IDs and All), else those where they hold a role.
type CohortScope struct {
	All bool
	IDs []uuid.UUID
}

// CohortScopeOf returns the cohorts actor may list.
func CohortScopeOf(actor *Actor) CohortScope {
	if actor.PlatformAdmin {
		return CohortScope{All: true}
	}
	return CohortScope{IDs: actor.CohortIDs()}
}
