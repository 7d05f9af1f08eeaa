package domain

import (
	"errors"
	"slices"

	"github.com/google/uuid"
)

// Operation names an operation of the API that a caller may perform on a
// resource; its value is the operation's id in the published spec (a test
// of the api package keeps the two in step). Resources carry an Offer of
// them, so that clients show what the caller may do from the answer, never
// from their own copy of the roles and statuses.
type Operation string

// The operations resources offer.
const (
	OpUpdateProject       Operation = "update-project"
	OpSubmitDesign        Operation = "submit-design"
	OpReviewDesign        Operation = "review-design"
	OpStartImplementation Operation = "start-implementation"
	OpSubmitFinal         Operation = "submit-final"
	OpCreateMilestone     Operation = "create-milestone"
	OpListCoachingNotes   Operation = "list-coaching-notes"
	OpAddCoachingNote     Operation = "add-coaching-note"
	OpRecordAssessment    Operation = "record-assessment"
	OpListSimilar         Operation = "list-similar-projects"
	OpPublishProject      Operation = "publish-project"
	OpUnpublishProject    Operation = "unpublish-project"
	OpUpdateMilestone     Operation = "update-milestone"
	OpDeleteMilestone     Operation = "delete-milestone"
	OpClaimMilestone      Operation = "claim-milestone"
	OpStartMilestone      Operation = "start-milestone"
	OpVerifyMilestone     Operation = "verify-milestone"
	OpSubmitEvidence      Operation = "submit-evidence"
	OpWithdrawEvidence    Operation = "withdraw-evidence"
	OpReviewEvidence      Operation = "review-evidence"
	OpUpdateEnrollment    Operation = "update-enrollment"
	OpProposeMentor       Operation = "propose-mentor-transfer"
	OpListMentorTransfers Operation = "list-mentor-transfers"
	OpUpdateCohort        Operation = "update-cohort"
	OpListStaff           Operation = "list-cohort-staff"
	OpAddStaff            Operation = "add-cohort-staff"
	OpEnrollParticipant   Operation = "enroll-participant"
	OpImportRoster        Operation = "import-roster"
	OpGetProgress         Operation = "get-cohort-progress"
	OpExportProgress      Operation = "export-cohort-progress"
	OpListEscalations     Operation = "list-cohort-escalations"
	OpGetWorkload         Operation = "get-cohort-workload"
	OpListRubrics         Operation = "list-rubrics"
	OpReplaceRubric       Operation = "replace-rubric"
	OpReleaseResults      Operation = "release-results"
	OpCreateCohort        Operation = "create-cohort"
	OpCreateUser          Operation = "create-user"
	OpListUsers           Operation = "list-users"
	OpCreateInstitution   Operation = "create-institution"
	OpCreateAgency        Operation = "create-agency"
	OpRecordReplication   Operation = "record-replication"
	OpListReplications    Operation = "list-agency-replications"
	// OpListInnovationReplications reads a publication's studi tiru in full.
	OpListInnovationReplications Operation = "list-innovation-replications"
	// Program templates: copy one (create from a source), adapt a copy.
	OpCreateProgramTemplate Operation = "create-program-template"
	OpUpdateProgramTemplate Operation = "update-program-template"
	// The final report (issue #22 part 4).
	OpUploadReportFile      Operation = "upload-report-file"
	OpSignReportStatement   Operation = "sign-report-statement"
	OpUpdateReportSummary   Operation = "update-report-summary"
	OpEndorseReport         Operation = "endorse-report"
	OpAllowLateReport       Operation = "allow-late-report"
	OpRequireReportRevision Operation = "require-report-revision"
	OpDownloadReportPages   Operation = "download-report-pages"
)

// Offer is what the caller may do to one resource now. Operations their
// part in it never allows are in neither list.
type Offer struct {
	// Allowed are the operations the caller may perform now.
	Allowed []Operation
	// Refused are operations the caller's part allows but the resource's
	// state refuses now, each with the code of the problem the operation
	// would answer.
	Refused []Refusal
}

// Refusal is an operation the resource's state refuses now, and why.
type Refusal struct {
	Operation Operation
	Code      Code
	Params    Params
}

// offer is one operation on a kind of resource R: the policy it needs, and
// the check of R's state that the operation itself runs (nil: none), so
// that what is offered and what is done follow one rule.
type offer[R any] struct {
	op     Operation
	policy Action
	check  func(R) error
}

// offerOf returns what actor may do to r, which target describes for the
// policy: each operation the policy allows, allowed or refused by its check.
func offerOf[R any](actor *Actor, target Target, r R, offers []offer[R]) Offer {
	o := Offer{Allowed: []Operation{}, Refused: []Refusal{}}
	for _, of := range offers {
		if Authorize(actor, of.policy, target) != nil {
			continue
		}
		if of.check != nil {
			if err := of.check(r); err != nil {
				o.refuse(of.op, err)
				continue
			}
		}
		o.Allowed = append(o.Allowed, of.op)
	}
	return o
}

// refuse records that op is refused by err, a domain error.
func (o *Offer) refuse(op Operation, err error) {
	var e *Error
	if !errors.As(err, &e) {
		panic("an offer's check returned a foreign error: " + err.Error())
	}
	code, params := e.Code, e.Params
	if len(e.Fields) > 0 { // a refusal on a field: its code says more
		code, params = e.Fields[0].Code, e.Fields[0].Params
	}
	o.Refused = append(o.Refused, Refusal{Operation: op, Code: code, Params: params})
}

// Allows reports whether the offer allows op.
func (o Offer) Allows(op Operation) bool { return slices.Contains(o.Allowed, op) }

// projectState is what the operations on a project are decided on: the
// project, and the reviews of its design's current round by the caller.
type projectState struct {
	p      Project
	caller uuid.UUID
	round  []Review
}

// projectOffers are the operations on a project. Recording an assessment is
// offered when one of the seminars accepts it; the seminar that does not is
// refused on its own (see offerProject).
var projectOffers = []offer[projectState]{
	{OpUpdateProject, EditProject, func(s projectState) error {
		return errors.Join(s.p.checkPlanOpen(), s.p.checkDraft(CodeProjectNotDraft))
	}},
	{OpSubmitDesign, EditProject, func(s projectState) error { return s.p.checkDraft(CodeDesignNotDraft) }},
	{OpReviewDesign, ReviewDesign, func(s projectState) error { return s.p.checkReviewable(s.caller, s.round) }},
	{OpStartImplementation, EditProject, func(s projectState) error { return s.p.checkStartable() }},
	{OpSubmitFinal, EditProject, func(s projectState) error { return s.p.checkFinalSubmittable() }},
	{OpCreateMilestone, EditProject, func(s projectState) error { return s.p.checkPlanOpen() }},
	{OpCreateChangeRequest, EditProject, func(s projectState) error { return s.p.checkChangeRequestsOpen() }},
	{OpPublishProject, PublishProject, func(s projectState) error { return s.p.checkPublishable() }},
	{OpListCoachingNotes, ReadCoachingNotes, nil},
	{OpAddCoachingNote, WriteCoachingNote, nil},
	{OpRecordAssessment, AssessProject, func(s projectState) error { return s.p.checkAssessable(SeminarDesign) }},
	{OpListSimilar, FindSimilar, nil},
}

// offerProject sets what actor may do to p now; round lists the reviews
// of the design's current round (needed only when the design is submitted).
func offerProject(actor *Actor, p *Project, round []Review) {
	p.Offer = offerOf(actor, projectTarget(*p), projectState{p: *p, caller: actor.UserID, round: round}, projectOffers)
	if p.Offer.Allows(OpRecordAssessment) {
		if err := p.checkAssessable(SeminarFinal); err != nil {
			p.Offer.refuse(OpRecordAssessment, err)
		}
	}
}

// milestoneState is what the operations on a milestone are decided on.
type milestoneState struct {
	p Project
	m Milestone
}

// milestoneOffers are the operations on a milestone. Verifying is offered
// while the milestone is claimed; approving it may be refused on its own
// (see offerMilestone).
var milestoneOffers = []offer[milestoneState]{
	{OpUpdateMilestone, EditProject, func(s milestoneState) error {
		return errors.Join(s.p.checkHorizonOpen(s.m.Horizon), s.m.checkWritable())
	}},
	{OpDeleteMilestone, EditProject, func(s milestoneState) error {
		return errors.Join(s.p.checkHorizonOpen(s.m.Horizon), s.m.checkWritable(), s.p.checkPlanOpen(), s.m.checkDeletable())
	}},
	{OpStartMilestone, EditProject, func(s milestoneState) error { return checkStartable(s.p, s.m) }},
	{OpClaimMilestone, EditProject, func(s milestoneState) error {
		return errors.Join(s.p.checkHorizonOpen(s.m.Horizon), s.p.checkClaimsOpen(), s.m.checkClaimable())
	}},
	{OpVerifyMilestone, VerifyMilestone, func(s milestoneState) error { return s.m.checkClaimed() }},
	{OpSubmitEvidence, EditProject, func(s milestoneState) error { return checkAcceptsEvidence(s.p, s.m) }},
}

// offerMilestone sets what actor may do to m, a milestone of p, now.
func offerMilestone(actor *Actor, p Project, m *Milestone) {
	m.Offer = offerOf(actor, projectTarget(p), milestoneState{p: p, m: *m}, milestoneOffers)
	if m.Offer.Allows(OpVerifyMilestone) {
		if err := m.checkApprovable(); err != nil {
			m.Offer.refuse(OpVerifyMilestone, err)
		}
	}
}

// evidenceState is what the operations on evidence are decided on.
type evidenceState struct {
	p Project
	e Evidence
}

// evidenceOffers are the operations on evidence.
var evidenceOffers = []offer[evidenceState]{
	{OpWithdrawEvidence, EditProject, func(s evidenceState) error {
		return errors.Join(s.p.checkHorizonOpen(s.e.Horizon), s.e.checkPending(CodeEvidenceWithdrawNotPending))
	}},
	{OpReviewEvidence, ReviewEvidence, func(s evidenceState) error { return s.e.checkPending(CodeEvidenceNotPending) }},
}

// offerEvidence sets what actor may do to e, evidence of p, now.
func offerEvidence(actor *Actor, p Project, e *Evidence) {
	e.Offer = offerOf(actor, projectTarget(p), evidenceState{p: p, e: *e}, evidenceOffers)
}

// publicationState is what the operations on a publication are decided on.
type publicationState struct {
	p   Project
	pub Publication
}

// publicationOffers are the operations on a project's publication.
var publicationOffers = []offer[publicationState]{
	{OpPublishProject, PublishProject, func(s publicationState) error { return s.p.checkPublishable() }},
	{OpUnpublishProject, UnpublishProject, func(s publicationState) error { return s.pub.checkPublic() }},
	{OpListInnovationReplications, ReadInnovationReplications, nil},
}

// offerPublication sets what actor may do to pub, the publication of p, now.
func offerPublication(actor *Actor, p Project, pub *Publication) {
	pub.Offer = offerOf(actor, projectTarget(p), publicationState{p: p, pub: *pub}, publicationOffers)
}

// enrollmentOffers are the operations on an enrollment; none depends on
// its state.
var enrollmentOffers = []offer[Enrollment]{
	{OpUpdateEnrollment, ManageEnrollments, nil},
	{OpProposeMentor, ProposeMentorTransfer, nil},
	{OpListMentorTransfers, ReadMentorTransfer, nil},
}

// offerEnrollment sets what actor may do to e now.
func offerEnrollment(actor *Actor, e *Enrollment) {
	parties := e.Parties()
	e.Offer = offerOf(actor, Target{CohortID: e.CohortID, Enrollment: &parties}, *e, enrollmentOffers)
}

// cohortOffers are the operations on a cohort; none depends on its state.
var cohortOffers = []offer[Cohort]{
	{OpUpdateCohort, UpdateCohort, nil},
	{OpListStaff, ReadStaff, nil},
	{OpAddStaff, ManageStaff, nil},
	{OpEnrollParticipant, ManageEnrollments, nil},
	{OpImportRoster, ManageEnrollments, nil},
	{OpListClasses, ReadCohort, nil},
	{OpCreateClass, ManageClasses, nil},
	{OpGetProgress, ReadProgress, nil},
	{OpExportProgress, ReadProgress, nil},
	{OpListEscalations, ReadEscalations, nil},
	{OpGetWorkload, ReadWorkload, nil},
	{OpListRubrics, ReadRubrics, nil},
	{OpReplaceRubric, ManageRubrics, nil},
	{OpReleaseResults, ReleaseResults, nil},
	// Examining the cohort's projects: the examiners' list of them.
	{OpRecordAssessment, AssessProject, nil},
	// The seminar sessions (seminar_offer.go).
	{OpListSessions, ReadSeminarSessions, nil},
	{OpCreateSession, ManageSeminarSessions, nil},
	// The graduation screen, for who enters its scores; the graduation's
	// own answer says what its state allows (graduationOffers).
	{OpRecordGraduationScores, ManageGraduation, nil},
}

// offerCohort sets what actor may do to c now.
func offerCohort(actor *Actor, c *Cohort) {
	c.Offer = offerOf(actor, Target{CohortID: c.ID}, *c, cohortOffers)
}

// accountOffers are the operations of the whole installation, which no
// resource of it holds: who may register people and institutions, and
// keep studi tiru records. Creating a cohort is decided per institution
// (see OfferOf).
var accountOffers = []offer[*Actor]{
	{OpCreateUser, CreateUser, nil},
	{OpListUsers, ListUsers, nil},
	{OpCreateInstitution, CreateInstitution, nil},
	{OpCreateAgency, CreateAgency, nil},
	{OpUpdateAgency, UpdateAgency, nil},
	{OpCreateUnit, ManageUnits, nil},
	{OpRecordReplication, RecordReplication, nil},
	{OpListReplications, ListReplications, nil},
}

// OfferOf is what actor may do across the installation: the operations of
// accountOffers that the policy allows, and creating a cohort when they
// may for some institution.
func OfferOf(actor *Actor) Offer {
	o := offerOf(actor, Target{}, actor, accountOffers)
	if actor.PlatformAdmin || slices.ContainsFunc(actor.Institutions, func(id uuid.UUID) bool {
		return Authorize(actor, CreateCohort, Target{InstitutionID: id}) == nil
	}) {
		o.Allowed = append(o.Allowed, OpCreateCohort)
	}
	if Authorize(actor, ManageHolidays, Target{}) == nil {
		o.Allowed = append(o.Allowed, OpCreateHoliday)
	}
	return o
}

// offerTemplate sets what actor may do to a program template: copy it into
// an institution they organize for, and change it when it is their
// institution's (LAN's shipped templates are refused with
// CodeTemplateShipped).
func offerTemplate(actor *Actor, t *ProgramTemplate) {
	o := Offer{Allowed: []Operation{}, Refused: []Refusal{}}
	if actor.PlatformAdmin || len(actor.Institutions) > 0 {
		o.Allowed = append(o.Allowed, OpCreateProgramTemplate)
	}
	switch {
	case t.Shipped() && (actor.PlatformAdmin || len(actor.Institutions) > 0):
		o.Refused = append(o.Refused, Refusal{Operation: OpUpdateProgramTemplate, Code: CodeTemplateShipped})
	case !t.Shipped() && Authorize(actor, UpdateProgramTemplate, templateTarget(*t)) == nil:
		o.Allowed = append(o.Allowed, OpUpdateProgramTemplate)
	}
	t.Offer = o
}

// OfferedOperations lists every operation some resource offers, once.
func OfferedOperations() []Operation {
	var ops []Operation
	add := func(more []Operation) {
		for _, op := range more {
			if !slices.Contains(ops, op) {
				ops = append(ops, op)
			}
		}
	}
	add(operationsOf(projectOffers))
	add(operationsOf(milestoneOffers))
	add(operationsOf(evidenceOffers))
	add(operationsOf(publicationOffers))
	add(operationsOf(enrollmentOffers))
	add(operationsOf(transferOffers))
	add(operationsOf(changeRequestOffers))
	add(operationsOf(progressRowOffers))
	add(operationsOf(cohortOffers))
	add(operationsOf(sessionOffers))
	add(operationsOf(participantOffers))
	add(operationsOf(appealOffers))
	add(operationsOf(reportOffers))
	add([]Operation{OpFileAppeal})
	add(operationsOf(graduationOffers))
	add(operationsOf(agendaOffers))
	add(operationsOf(agendaItemOffers))
	add([]Operation{OpDraftAgenda})
	add(operationsOf(unitOffers))
	add(append(operationsOf(accountOffers), OpCreateCohort))
	add([]Operation{OpCreateProgramTemplate, OpUpdateProgramTemplate})
	add(append(operationsOf(classOffers), OpCreateHoliday, OpDeleteHoliday))
	return ops
}

func operationsOf[R any](offers []offer[R]) []Operation {
	ops := make([]Operation, len(offers))
	for i, o := range offers {
		ops[i] = o.op
	}
	return ops
}
