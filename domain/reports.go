package domain

import (
	"context"
	"io"
	"slices"
	"time"

	"github.com/google/uuid"
)

// ReportStore keeps the final reports of projects: their own fields, and
// the versions and endorsements, which are only ever added.
type ReportStore interface {
	// Get returns a project's report with every file and endorsement,
	// oldest first; a project without one yet gets an empty report of
	// version 0.
	Get(ctx context.Context, project uuid.UUID) (Report, error)
	// Save stores the report's own fields: a new one at version 1, else
	// when its stored version is r.Version-1 (KindStale otherwise).
	Save(ctx context.Context, r Report) error
	AddFile(ctx context.Context, f ReportFile) error
	AddEndorsement(ctx context.Context, e ReportEndorsement) error
}

// loadReport reads a project's report with its final seminar session and
// the due day of submission.
func (s *Projects) loadReport(ctx context.Context, tx Store, p Project) (Report, error) {
	r, err := tx.Reports().Get(ctx, p.ID)
	if err != nil {
		return Report{}, err
	}
	r.ProjectID = p.ID
	session, err := tx.Seminars().OfProject(ctx, p.ID, SeminarFinal)
	if KindOf(err) == KindNotFound {
		return r, nil
	}
	if err != nil {
		return Report{}, err
	}
	r.Seminar = &ReportSeminar{SessionID: session.ID, HeldOn: session.HeldOn, Place: session.Room, Determined: session.DeterminedAt != nil}
	if r.Seminar.Place == "" {
		r.Seminar.Place = session.OnlineLink
	}
	for _, e := range session.Examiners {
		r.Seminar.Examiners = append(r.Seminar.Examiners, e.UserID)
	}
	cohort, err := tx.Cohorts().Get(ctx, p.CohortID)
	if err != nil {
		return Report{}, err
	}
	cal, err := LoadWorkCalendar(ctx, tx)
	if err != nil {
		return Report{}, err
	}
	due := ReportDueOn(cal, session.HeldOn, cohort.ReportLeadWorkingDays)
	r.DueOn = &due
	return r, nil
}

// reportEvent is an audit event about a project's final report.
func reportEvent(actor *Actor, now time.Time, p Project, action string) Event {
	return projectEvent(actor, now, p, action)
}

// changeReport runs fn on the report of a locked project the actor may act
// on, stores the report and the events fn returns, and offers the result.
func (s *Projects) changeReport(ctx context.Context, actor *Actor, projectID uuid.UUID, action Action, fn func(tx Store, p *Project, r *Report) ([]Event, error)) (Report, error) {
	var r Report
	_, err := s.change(ctx, actor, projectID, action, nil, func(tx Store, p *Project) ([]Event, error) {
		var err error
		if r, err = s.loadReport(ctx, tx, *p); err != nil {
			return nil, err
		}
		events, err := fn(tx, p, &r)
		if err != nil {
			return nil, err
		}
		r.Version++
		if err := tx.Reports().Save(ctx, r); err != nil {
			return nil, err
		}
		return events, s.offerReport(ctx, tx, actor, *p, &r)
	})
	return r, err
}

// GetReport returns a project's final report to those who may see the
// project.
func (s *Projects) GetReport(ctx context.Context, actor *Actor, projectID uuid.UUID) (Report, error) {
	p, err := s.loadProject(ctx, s.store, actor, projectID, ReadProject, false)
	if err != nil {
		return Report{}, err
	}
	r, err := s.loadReport(ctx, s.store, p)
	if err != nil {
		return Report{}, err
	}
	return r, s.offerReport(ctx, s.store, actor, p, &r)
}

// StoreReportFile checks that the participant may upload a version of kind
// now, and streams the file into the blob store (see storeFile): the report
// must be a PDF, the slides a PDF or a presentation. Pass the result to
// AddReportFile, or to DiscardEvidenceFile if the request fails before.
func (s *Projects) StoreReportFile(ctx context.Context, actor *Actor, projectID uuid.UUID, kind ReportFileKind, name string, body io.Reader) (*StoredFile, error) {
	allowed, ok := allowedReportTypes[kind]
	if !ok {
		return nil, Invalid("kind", CodeReportFileKind)
	}
	p, err := s.loadProject(ctx, s.store, actor, projectID, EditProject, false)
	if err != nil {
		return nil, err
	}
	r, err := s.loadReport(ctx, s.store, p)
	if err != nil {
		return nil, err
	}
	if err := r.checkUploadable(p, kind); err != nil {
		return nil, err
	}
	return s.storeFile(ctx, "report/", name, body, allowed)
}

// AddReportFile records a stored file as the next version of kind. A new
// report version voids the endorsements of the step not yet complete (see
// Report.Endorsed). If it is refused, the file is removed.
func (s *Projects) AddReportFile(ctx context.Context, actor *Actor, projectID uuid.UUID, kind ReportFileKind, f *StoredFile) (Report, error) {
	r, err := s.changeReport(ctx, actor, projectID, EditProject, func(tx Store, p *Project, r *Report) ([]Event, error) {
		if f == nil {
			return nil, Invalid("file", CodeFieldRequired)
		}
		rf, err := r.addFile(*p, kind, *f, actor.UserID, s.now())
		if err != nil {
			return nil, err
		}
		if err := tx.Reports().AddFile(ctx, rf); err != nil {
			return nil, err
		}
		e := reportEvent(actor, s.now(), *p, "report.file_uploaded")
		e.After = rf
		return []Event{e}, nil
	})
	if err != nil {
		s.DiscardEvidenceFile(ctx, f)
	}
	return r, err
}

// OpenReportFile returns a version of a report file for reading.
func (s *Projects) OpenReportFile(ctx context.Context, actor *Actor, projectID, fileID uuid.UUID) (ReportFile, io.ReadSeekCloser, error) {
	r, err := s.GetReport(ctx, actor, projectID)
	if err != nil {
		return ReportFile{}, nil, err
	}
	for _, f := range r.Files {
		if f.ID == fileID {
			body, err := s.blobs.Open(ctx, f.File.BlobKey)
			return f, body, err
		}
	}
	return ReportFile{}, nil, NotFound("report file")
}

// UpdateReportSummary replaces the report's summary: the outcome of each
// success indicator and the short-term milestones it declares not achieved.
func (s *Projects) UpdateReportSummary(ctx context.Context, actor *Actor, projectID uuid.UUID, outcomes []IndicatorOutcome, notAchieved []uuid.UUID) (Report, error) {
	return s.changeReport(ctx, actor, projectID, EditProject, func(tx Store, p *Project, r *Report) ([]Event, error) {
		milestones, err := tx.Milestones().OfProject(ctx, p.ID)
		if err != nil {
			return nil, err
		}
		if err := r.setSummary(p.SuccessIndicators, milestones, outcomes, notAchieved); err != nil {
			return nil, err
		}
		e := reportEvent(actor, s.now(), *p, "report.summary_updated")
		e.After = struct {
			Outcomes    []IndicatorOutcome
			NotAchieved []uuid.UUID
		}{r.Outcomes, r.NotAchieved}
		return []Event{e}, nil
	})
}

// SignReportStatement records the participant's pernyataan keaslian,
// naming any innovation they replicated.
func (s *Projects) SignReportStatement(ctx context.Context, actor *Actor, projectID uuid.UUID, replicated string) (Report, error) {
	return s.changeReport(ctx, actor, projectID, EditProject, func(tx Store, p *Project, r *Report) ([]Event, error) {
		u, err := tx.Users().Get(ctx, actor.UserID)
		if err != nil {
			return nil, err
		}
		if err := r.sign(actor.UserID, u.Name, replicated, s.now()); err != nil {
			return nil, err
		}
		e := reportEvent(actor, s.now(), *p, "report.statement_signed")
		e.After = r.Statement
		return []Event{e}, nil
	})
}

// EndorseReport records the project's mentor's or coach's endorsement of
// the current report version: the persetujuan before submission, the
// pengesahan after the seminar. The second pengesahan ratifies the report.
func (s *Projects) EndorseReport(ctx context.Context, actor *Actor, projectID uuid.UUID, step ReportStep, position string) (Report, error) {
	return s.changeReport(ctx, actor, projectID, EndorseReport, func(tx Store, p *Project, r *Report) ([]Event, error) {
		signer, err := tx.Users().Get(ctx, actor.UserID)
		if err != nil {
			return nil, err
		}
		role := p.designReviewerRole(actor.UserID)
		endorsement, ratified, err := r.endorse(p.Parties, step, role, signer, position, s.now())
		if err != nil {
			return nil, err
		}
		if err := tx.Reports().AddEndorsement(ctx, endorsement); err != nil {
			return nil, err
		}
		action := "report.approval_endorsed"
		if step == ReportRatification {
			action = "report.ratification_endorsed"
		}
		e := reportEvent(actor, s.now(), *p, action)
		e.After, e.Details.Role = endorsement, role
		events := []Event{e}
		if ratified {
			events = append(events, reportEvent(actor, s.now(), *p, "report.ratified"))
		}
		return events, nil
	})
}

// AllowLateReport records an organizer's allowance of a submission after
// the due day, with the reason.
func (s *Projects) AllowLateReport(ctx context.Context, actor *Actor, projectID uuid.UUID, reason string) (Report, error) {
	return s.changeReport(ctx, actor, projectID, AllowLateReport, func(tx Store, p *Project, r *Report) ([]Event, error) {
		if err := r.allowLate(actor.UserID, reason, s.now()); err != nil {
			return nil, err
		}
		e := reportEvent(actor, s.now(), *p, "report.late_allowed")
		e.Details.Comment = r.LateAllowanceReason
		return []Event{e}, nil
	})
}

// RequireReportRevision records an examiner of the participant's final
// seminar session requiring a revision of the submitted report by dueOn.
func (s *Projects) RequireReportRevision(ctx context.Context, actor *Actor, projectID uuid.UUID, dueOn Date, comment string) (Report, error) {
	return s.changeReport(ctx, actor, projectID, AssessProject, func(tx Store, p *Project, r *Report) ([]Event, error) {
		if err := r.requireRevision(actor.UserID, dueOn, comment, s.now()); err != nil {
			return nil, err
		}
		e := reportEvent(actor, s.now(), *p, "report.revision_required")
		e.Details.Comment = r.RevisionComment
		return []Event{e}, nil
	})
}

// reportState is what the operations on a report are decided on.
type reportState struct {
	r          Report
	p          Project
	caller     uuid.UUID
	today      Date
	milestones []Milestone
}

// reportOffers are the operations on a final report.
var reportOffers = []offer[reportState]{
	{OpUploadReportFile, EditProject, func(s reportState) error { return s.r.checkUploadable(s.p, ReportFileReport) }},
	{OpSignReportStatement, EditProject, func(s reportState) error { return s.r.checkDraft() }},
	{OpUpdateReportSummary, EditProject, func(s reportState) error { return s.r.checkSummaryEditable() }},
	{OpEndorseReport, EndorseReport, func(s reportState) error {
		return s.r.checkEndorsable(s.r.openStep(), s.p.designReviewerRole(s.caller), s.today)
	}},
	{OpAllowLateReport, AllowLateReport, func(s reportState) error { return s.r.checkDraft() }},
	{OpRequireReportRevision, AssessProject, func(s reportState) error { return s.r.checkRevisable(s.caller, s.today) }},
	{OpSubmitFinal, EditProject, func(s reportState) error { return s.checkSubmittable() }},
	{OpDownloadReportPages, ReadProject, nil},
}

// openStep is the step of endorsement the report waits for: the
// persetujuan until submission, then the pengesahan.
func (r Report) openStep() ReportStep {
	if r.SubmittedAt == nil {
		return ReportApproval
	}
	return ReportRatification
}

// checkSubmittable is submit-final's whole check: the project's and the
// report's.
func (s reportState) checkSubmittable() error {
	if err := s.p.checkFinalSubmittable(); err != nil {
		return err
	}
	return s.r.checkSubmittable(s.p, s.milestones, s.today)
}

// offerReport sets what actor may do to r now.
func (s *Projects) offerReport(ctx context.Context, tx Store, actor *Actor, p Project, r *Report) error {
	state := reportState{r: *r, p: p, caller: actor.UserID, today: s.Today()}
	if Authorize(actor, EditProject, projectTarget(p)) == nil {
		var err error
		if state.milestones, err = tx.Milestones().OfProject(ctx, p.ID); err != nil {
			return err
		}
	}
	r.Offer = offerOf(actor, projectTarget(p), state, reportOffers)
	return nil
}

// refuseUnreadyReport refuses submit-final on a project's offer while the
// report is not ready, with the code submit-final would answer.
func (s *Projects) refuseUnreadyReport(ctx context.Context, tx Store, p *Project) error {
	if !p.Offer.Allows(OpSubmitFinal) {
		return nil
	}
	r, err := s.loadReport(ctx, tx, *p)
	if err != nil {
		return err
	}
	milestones, err := tx.Milestones().OfProject(ctx, p.ID)
	if err != nil {
		return err
	}
	if err := r.checkSubmittable(*p, milestones, s.Today()); err != nil {
		p.Offer.Allowed = slices.DeleteFunc(slices.Clone(p.Offer.Allowed), func(o Operation) bool { return o == OpSubmitFinal })
		p.Offer.refuse(OpSubmitFinal, err)
	}
	return nil
}

// submitReport hands in the report with submit-final: it checks the
// report is ready and records the version submitted.
func (s *Projects) submitReport(ctx context.Context, tx Store, p Project) (Report, error) {
	r, err := s.loadReport(ctx, tx, p)
	if err != nil {
		return Report{}, err
	}
	milestones, err := tx.Milestones().OfProject(ctx, p.ID)
	if err != nil {
		return Report{}, err
	}
	if err := r.checkSubmittable(p, milestones, s.Today()); err != nil {
		return Report{}, err
	}
	r.submit(s.now())
	r.Version++
	return r, tx.Reports().Save(ctx, r)
}
