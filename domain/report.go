package domain

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// ReportFileKind says what an uploaded file of the final report is: the
// report itself (laporan, a PDF) or the slides shown at the seminar (bahan
// tayang).
type ReportFileKind string

// The kinds of report file.
const (
	ReportFileReport ReportFileKind = "report"
	ReportFileSlides ReportFileKind = "slides"
)

// ReportFileKinds are the kinds of report file, for the API's enum.
var ReportFileKinds = []ReportFileKind{ReportFileReport, ReportFileSlides}

// allowedReportTypes are the media types of each kind of report file,
// judged from the bytes: the report is a PDF, to be bound with the pages
// Proper prints; slides may also be a presentation.
var allowedReportTypes = map[ReportFileKind][]string{
	ReportFileReport: {"application/pdf"},
	ReportFileSlides: {"application/pdf", "application/vnd.ms-powerpoint",
		"application/vnd.openxmlformats-officedocument.presentationml.presentation",
		"application/vnd.oasis.opendocument.presentation"},
}

// ReportStep is one of the two endorsements of the final report: the
// lembar persetujuan before the seminar ("disetujui untuk diseminarkan")
// and the lembar pengesahan after it and any revision ("mengesahkan").
type ReportStep string

// The steps of endorsement.
const (
	ReportApproval     ReportStep = "persetujuan"
	ReportRatification ReportStep = "pengesahan"
)

// ReportStatus is where a final report stands; it follows from the
// report's facts (see Report.Status), it is never stored.
type ReportStatus string

// The statuses of a final report.
const (
	// ReportDraft: the participant uploads versions, signs the pernyataan,
	// the mentor and coach endorse the persetujuan; then submit-final.
	ReportDraft ReportStatus = "draft"
	// ReportSubmitted: handed in; after the seminar the mentor and coach
	// ratify it (pengesahan), or an examiner requires a revision.
	ReportSubmitted ReportStatus = "submitted"
	// ReportRevisionRequired: an examiner required a revision that has not
	// been uploaded yet.
	ReportRevisionRequired ReportStatus = "revision_required"
	// ReportRatified: both pengesahan endorsements are in; the report is
	// final and changes no more.
	ReportRatified ReportStatus = "ratified"
)

// ReportFile is one uploaded version of the report or of the slides. Every
// version is kept, numbered per kind from 1.
type ReportFile struct {
	ID         uuid.UUID
	ProjectID  uuid.UUID
	Kind       ReportFileKind
	Number     int
	File       StoredFile
	UploadedBy uuid.UUID
	UploadedAt time.Time
	// Revision is set for a version uploaded after an examiner required a
	// revision, and Late when it came after the revision's deadline.
	Revision bool
	Late     bool
}

// ReportEndorsement is a mentor's or coach's signature on a sheet of the
// report, with their name and position (jabatan) as they were, and the
// version it covers by number and SHA-256.
type ReportEndorsement struct {
	ID        uuid.UUID
	ProjectID uuid.UUID
	Step      ReportStep
	Role      Role
	UserID    uuid.UUID
	Name      string
	Position  string
	At        time.Time
	FileID    uuid.UUID
	// FileNumber and SHA256 are those of the report version endorsed.
	FileNumber int
	SHA256     []byte
	// SeminarOn and SeminarPlace are the final seminar session's day and
	// place, which the persetujuan names.
	SeminarOn    *Date
	SeminarPlace string
}

// OriginalityStatement is the participant's pernyataan keaslian: the report
// is their own work; ReplicatedInnovation names an innovation they
// replicated (studi tiru), "" for none.
type OriginalityStatement struct {
	SignedBy             uuid.UUID
	Name                 string
	ReplicatedInnovation string
	SignedAt             time.Time
}

// IndicatorOutcome is the report's summary of one success indicator of the
// design: the value achieved, against the indicator's baseline and target,
// with a note.
type IndicatorOutcome struct {
	IndicatorID uuid.UUID
	Achieved    string
	Note        string
}

// ReportSeminar is the participant's final seminar session, as the report
// needs it: its day and place.
type ReportSeminar struct {
	SessionID uuid.UUID
	HeldOn    Date
	Place     string
	Examiners []uuid.UUID
	// Determined is set once an organizer determined the session's results.
	Determined bool
}

// held reports whether the seminar has taken place by today: its day has
// come, or its results are determined (a session opened early and
// determined before its day was held then).
func (s *ReportSeminar) held(today Date) bool {
	return s != nil && (!today.Before(s.HeldOn) || s.Determined)
}

// Report is a project's final report (laporan proyek perubahan): its
// versions, the endorsements, the pernyataan and the deadlines.
type Report struct {
	ProjectID uuid.UUID
	Statement *OriginalityStatement
	// NotAchieved are the short-term milestones the participant reports as
	// not achieved: closed by the report, which the mentor and coach
	// endorse; completion gives them their terminal status.
	NotAchieved []uuid.UUID
	// Outcomes state what each success indicator of the design reached.
	Outcomes []IndicatorOutcome
	// LateAllowedAt, LateAllowedBy and LateAllowanceReason record an
	// organizer allowing a submission after the due day.
	LateAllowedAt       *time.Time
	LateAllowedBy       *uuid.UUID
	LateAllowanceReason string
	// SubmittedAt and SubmittedFileID record submit-final: the report
	// version handed in; SubmittedLate when it came after DueOn.
	SubmittedAt     *time.Time
	SubmittedFileID *uuid.UUID
	SubmittedLate   bool
	// RevisionRequiredAt/By, RevisionDueOn and RevisionComment record an
	// examiner requiring a revision after the seminar.
	RevisionRequiredAt *time.Time
	RevisionRequiredBy *uuid.UUID
	RevisionDueOn      *Date
	RevisionComment    string
	// RevisionOf is the number of the report version the revision was
	// required of: a later version is the revision.
	RevisionOf int
	RatifiedAt *time.Time
	Version    int64
	// Files are every version uploaded, oldest first; Endorsements every
	// endorsement given, oldest first.
	Files        []ReportFile
	Endorsements []ReportEndorsement

	// Filled when read: the final seminar session (nil when none is
	// assigned) and the due day of submission (nil without a session).
	Seminar *ReportSeminar
	DueOn   *Date
	// Offer is what the caller may do now.
	Offer Offer `json:"-"`
}

// Status is where the report stands, from its facts.
func (r Report) Status() ReportStatus {
	switch {
	case r.RatifiedAt != nil:
		return ReportRatified
	case r.revisionOutstanding():
		return ReportRevisionRequired
	case r.SubmittedAt != nil:
		return ReportSubmitted
	}
	return ReportDraft
}

// revisionOutstanding reports whether a revision was required and no
// report version has come since.
func (r Report) revisionOutstanding() bool {
	if r.RevisionRequiredAt == nil {
		return false
	}
	current := r.Current(ReportFileReport)
	return current == nil || current.Number <= r.RevisionOf
}

// Current returns the latest version of kind, or nil before the first.
func (r Report) Current(kind ReportFileKind) *ReportFile {
	for i := len(r.Files) - 1; i >= 0; i-- {
		if r.Files[i].Kind == kind {
			return &r.Files[i]
		}
	}
	return nil
}

// Endorsed returns the endorsements that count for step. A step counts the
// endorsements of one report version: the persetujuan, once submitted, those
// of the version handed in; otherwise (and always for the pengesahan) those
// of the current version. So a new version voids the endorsements of the
// step not yet complete: before submission a new version needs a new
// persetujuan; a revision needs a new pengesahan, while the persetujuan of
// the version submitted stays.
func (r Report) Endorsed(step ReportStep) []ReportEndorsement {
	var version *uuid.UUID
	if step == ReportApproval && r.SubmittedFileID != nil {
		version = r.SubmittedFileID
	} else if current := r.Current(ReportFileReport); current != nil {
		version = &current.ID
	}
	var out []ReportEndorsement
	for _, e := range r.Endorsements {
		if e.Step == step && version != nil && e.FileID == *version {
			out = append(out, e)
		}
	}
	return out
}

// complete reports whether step has the endorsements it needs: the
// mentor's, and the coach's when the participant has one.
func (r Report) complete(step ReportStep, parties Parties) bool {
	return len(r.missingRoles(step, parties)) == 0
}

// missingRoles lists who has yet to endorse step.
func (r Report) missingRoles(step ReportStep, parties Parties) []Role {
	endorsed := r.Endorsed(step)
	var missing []Role
	for _, role := range requiredEndorsers(parties) {
		if !slices.ContainsFunc(endorsed, func(e ReportEndorsement) bool { return e.Role == role }) {
			missing = append(missing, role)
		}
	}
	return missing
}

// requiredEndorsers are the roles that endorse a report: the mentor and,
// when the participant has one, the coach.
func requiredEndorsers(parties Parties) []Role {
	if parties.CoachID == nil {
		return []Role{RoleMentor}
	}
	return []Role{RoleMentor, RoleCoach}
}

// ReportDueOn is the last day to submit the final report: the lead-th
// working day before the final seminar session's day (the holiday calendar
// counts), or the session's day itself with no lead.
func ReportDueOn(cal WorkCalendar, session Date, lead int) Date {
	return cal.WorkingDaysBefore(session, lead)
}

// late reports whether today is after the due day.
func (r Report) late(today Date) bool { return r.DueOn != nil && r.DueOn.Before(today) }

// checkUploadable refuses a new version of kind when the report takes none:
// before submission the project must be in implementation; once submitted,
// only when a revision is required; never once ratified.
func (r Report) checkUploadable(p Project, kind ReportFileKind) error {
	switch r.Status() {
	case ReportRatified:
		return Conflict(CodeReportRatified)
	case ReportSubmitted:
		return Conflict(CodeReportSubmitted)
	case ReportRevisionRequired:
		return nil
	}
	if p.Status != ProjectImplementing {
		return Conflict(CodeProjectNotImplementing, Params{"status": p.Status})
	}
	return nil
}

// addFile records a new version of kind, numbered after the last one.
func (r *Report) addFile(p Project, kind ReportFileKind, f StoredFile, by uuid.UUID, now time.Time) (ReportFile, error) {
	if err := r.checkUploadable(p, kind); err != nil {
		return ReportFile{}, err
	}
	number := 1
	if last := r.Current(kind); last != nil {
		number = last.Number + 1
	}
	rf := ReportFile{ID: NewID(), ProjectID: r.ProjectID, Kind: kind, Number: number, File: f, UploadedBy: by, UploadedAt: now}
	if r.Status() == ReportRevisionRequired {
		rf.Revision = true
		rf.Late = r.RevisionDueOn != nil && r.RevisionDueOn.Before(WIBDate(now))
	}
	r.Files = append(r.Files, rf)
	return rf, nil
}

// checkDraft refuses what only a report not yet submitted allows.
func (r Report) checkDraft() error {
	switch r.Status() {
	case ReportDraft:
		return nil
	case ReportRatified:
		return Conflict(CodeReportRatified)
	}
	return Conflict(CodeReportSubmitted)
}

// sign records the participant's pernyataan keaslian, replacing an earlier
// one while the report is a draft.
func (r *Report) sign(by uuid.UUID, name, replicated string, now time.Time) error {
	if err := r.checkDraft(); err != nil {
		return err
	}
	var v Violations
	replicated = text(&v, "replicatedInnovation", replicated, false)
	if err := v.Err(); err != nil {
		return err
	}
	r.Statement = &OriginalityStatement{SignedBy: by, Name: name, ReplicatedInnovation: replicated, SignedAt: now}
	return nil
}

// checkEndorsable refuses an endorsement of step by role now: the
// persetujuan needs a draft with a report version and a final seminar
// session to name; the pengesahan a submitted report without an
// outstanding revision, after the seminar's day. Nobody endorses one
// version twice in a step.
func (r Report) checkEndorsable(step ReportStep, role Role, today Date) error {
	current := r.Current(ReportFileReport)
	switch step {
	case ReportApproval:
		if err := r.checkDraft(); err != nil {
			return err
		}
		if current == nil {
			return Conflict(CodeReportMissing)
		}
		if r.Seminar == nil {
			return Conflict(CodeReportNoSeminarSession)
		}
	case ReportRatification:
		switch r.Status() {
		case ReportDraft:
			return Conflict(CodeReportNotSubmitted)
		case ReportRevisionRequired:
			return Conflict(CodeReportRevisionPending, Params{"dueOn": r.RevisionDueOn.String()})
		case ReportRatified:
			return Conflict(CodeReportRatified)
		}
		if !r.Seminar.held(today) {
			return Conflict(CodeReportSeminarNotHeld, Params{"heldOn": seminarDay(r.Seminar)})
		}
	default:
		return Invalid("step", CodeReportStepUnknown)
	}
	if slices.ContainsFunc(r.Endorsed(step), func(e ReportEndorsement) bool { return e.Role == role }) {
		return Conflict(CodeReportAlreadyEndorsed, Params{"step": step})
	}
	return nil
}

// seminarDay is the session's day in words, or "" without a session.
func seminarDay(s *ReportSeminar) string {
	if s == nil {
		return ""
	}
	return s.HeldOn.String()
}

// endorse records a mentor's or coach's endorsement of step on the current
// version; it reports whether the pengesahan is then complete (the report
// ratified).
func (r *Report) endorse(parties Parties, step ReportStep, role Role, signer User, position string, now time.Time) (ReportEndorsement, bool, error) {
	if err := r.checkEndorsable(step, role, WIBDate(now)); err != nil {
		return ReportEndorsement{}, false, err
	}
	var v Violations
	position = text(&v, "position", position, false)
	if position == "" {
		position = signer.Position
	}
	if position == "" {
		v.Add("position", CodeReportPositionRequired)
	}
	if err := v.Err(); err != nil {
		return ReportEndorsement{}, false, err
	}
	current := r.Current(ReportFileReport)
	e := ReportEndorsement{ID: NewID(), ProjectID: r.ProjectID, Step: step, Role: role, UserID: signer.ID, Name: signer.Name,
		Position: position, At: now, FileID: current.ID, FileNumber: current.Number, SHA256: bytes.Clone(current.File.SHA256)}
	if step == ReportApproval {
		day := r.Seminar.HeldOn
		e.SeminarOn, e.SeminarPlace = &day, r.Seminar.Place
	}
	r.Endorsements = append(r.Endorsements, e)
	if step == ReportRatification && r.complete(ReportRatification, parties) {
		r.RatifiedAt = &now
		return e, true, nil
	}
	return e, false, nil
}

// checkSubmittable refuses submit-final until the report is ready: a report
// version, the pernyataan, both persetujuan endorsements of the current
// version, every short-term milestone achieved or closed, and, after the
// due day, an organizer's allowance.
func (r Report) checkSubmittable(p Project, milestones []Milestone, today Date) error {
	if err := r.checkDraft(); err != nil {
		return err
	}
	if r.Current(ReportFileReport) == nil {
		return Conflict(CodeReportMissing)
	}
	if r.Statement == nil {
		return Conflict(CodeReportStatementMissing)
	}
	if missing := r.missingRoles(ReportApproval, p.Parties); len(missing) > 0 {
		return Conflict(CodeReportApprovalsMissing, Params{"missing": joinRoles(missing)})
	}
	if open := r.openShortTerm(milestones); open > 0 {
		return Conflict(CodeReportMilestonesOpen, Params{"count": open})
	}
	if r.late(today) && r.LateAllowedAt == nil {
		return Conflict(CodeReportLate, Params{"dueOn": r.DueOn.String()})
	}
	return nil
}

func joinRoles(roles []Role) string {
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

// openShortTerm counts the short-term milestones neither achieved nor
// closed: closed are those already terminal, those the mentor agreed, by an
// approved change request, to continue in the mid term, and those the
// report declares not achieved.
func (r Report) openShortTerm(milestones []Milestone) int {
	n := 0
	for _, m := range milestones {
		if m.Horizon == HorizonShort && m.Status != MilestoneAchieved && !terminalMilestone(m.Status) && !m.ContinueToMid &&
			!slices.Contains(r.NotAchieved, m.ID) {
			n++
		}
	}
	return n
}

// setSummary replaces the report's summary: the outcome of each success
// indicator of the design (baseline → achieved) and the short-term
// milestones it declares not achieved. It changes only a draft whose
// current version the persetujuan has not begun to endorse: what they sign
// stays as they saw it (a new version reopens it).
func (r *Report) setSummary(indicators []SuccessIndicator, milestones []Milestone, outcomes []IndicatorOutcome, notAchieved []uuid.UUID) error {
	if err := r.checkSummaryEditable(); err != nil {
		return err
	}
	var v Violations
	stated := []IndicatorOutcome{}
	for i, o := range outcomes {
		field := fmt.Sprintf("outcomes[%d]", i)
		if !slices.ContainsFunc(indicators, func(s SuccessIndicator) bool { return s.ID == o.IndicatorID }) {
			v.Add(field+".indicatorId", CodeReportIndicatorUnknown)
			continue
		}
		if slices.ContainsFunc(stated, func(s IndicatorOutcome) bool { return s.IndicatorID == o.IndicatorID }) {
			v.Add(field+".indicatorId", CodeReportIndicatorTwice)
			continue
		}
		o.Achieved = text(&v, field+".achieved", o.Achieved, true)
		o.Note = longText(&v, field+".note", o.Note)
		stated = append(stated, o)
	}
	out := []uuid.UUID{}
	for i, id := range notAchieved {
		at := slices.IndexFunc(milestones, func(m Milestone) bool { return m.ID == id })
		switch {
		case at < 0 || milestones[at].Horizon != HorizonShort:
			v.Add(fmt.Sprintf("notAchieved[%d]", i), CodeReportNotShortTerm)
		case milestones[at].Status == MilestoneAchieved:
			v.Add(fmt.Sprintf("notAchieved[%d]", i), CodeMilestoneReadOnly, Params{"status": MilestoneAchieved})
		case !slices.Contains(out, id):
			out = append(out, id)
		}
	}
	if err := v.Err(); err != nil {
		return err
	}
	r.NotAchieved, r.Outcomes = out, stated
	return nil
}

// checkSummaryEditable refuses a change of the summary once submitted or
// once the current version is endorsed.
func (r Report) checkSummaryEditable() error {
	if err := r.checkDraft(); err != nil {
		return err
	}
	if len(r.Endorsed(ReportApproval)) > 0 {
		return Conflict(CodeReportSummaryEndorsed)
	}
	return nil
}

// submit hands the current version in.
func (r *Report) submit(now time.Time) {
	current := r.Current(ReportFileReport)
	id := current.ID
	r.SubmittedAt, r.SubmittedFileID, r.SubmittedLate = &now, &id, r.late(WIBDate(now))
}

// allowLate records an organizer's allowance of a submission after the
// due day, with their reason; a second one replaces the first (each is an
// event of the timeline). Only a draft needs one.
func (r *Report) allowLate(by uuid.UUID, reason string, now time.Time) error {
	if err := r.checkDraft(); err != nil {
		return err
	}
	var v Violations
	reason = text(&v, "reason", reason, true)
	if err := v.Err(); err != nil {
		return err
	}
	r.LateAllowedAt, r.LateAllowedBy, r.LateAllowanceReason = &now, &by, reason
	return nil
}

// checkRevisable refuses a revision requirement unless the report is
// submitted and not ratified, the seminar has been held, and the examiner
// is assigned to the participant's final seminar session.
func (r Report) checkRevisable(examiner uuid.UUID, today Date) error {
	switch r.Status() {
	case ReportDraft:
		return Conflict(CodeReportNotSubmitted)
	case ReportRatified:
		return Conflict(CodeReportRatified)
	}
	if !r.Seminar.held(today) {
		return Conflict(CodeReportSeminarNotHeld, Params{"heldOn": seminarDay(r.Seminar)})
	}
	if !slices.Contains(r.Seminar.Examiners, examiner) {
		return Fail(KindForbidden, CodeReportNotSessionExaminer)
	}
	return nil
}

// requireRevision records an examiner's requirement of a revision, due on
// dueOn (after today), with what to revise.
func (r *Report) requireRevision(examiner uuid.UUID, dueOn Date, comment string, now time.Time) error {
	today := WIBDate(now)
	if err := r.checkRevisable(examiner, today); err != nil {
		return err
	}
	var v Violations
	comment = longText(&v, "comment", comment)
	if comment == "" {
		v.Add("comment", CodeReportRevisionComment)
	}
	if dueOn.IsZero() || !today.Before(dueOn) {
		v.Add("dueOn", CodeReportRevisionDuePast)
	}
	if err := v.Err(); err != nil {
		return err
	}
	r.RevisionRequiredAt, r.RevisionRequiredBy, r.RevisionDueOn, r.RevisionComment = &now, &examiner, &dueOn, comment
	r.RevisionOf = r.Current(ReportFileReport).Number
	return nil
}
