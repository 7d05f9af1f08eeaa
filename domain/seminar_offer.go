package domain

import (
	"context"

	"github.com/google/uuid"
)

// The operations of seminar sessions.
const (
	OpListSessions             Operation = "list-seminar-sessions"
	OpCreateSession            Operation = "create-seminar-session"
	OpUpdateSession            Operation = "update-seminar-session"
	OpAddSessionParticipant    Operation = "add-session-participant"
	OpRemoveSessionParticipant Operation = "remove-session-participant"
	OpAddSessionExaminer       Operation = "add-session-examiner"
	OpRemoveSessionExaminer    Operation = "remove-session-examiner"
	OpOpenSessionEarly         Operation = "open-seminar-session"
	OpDetermineSession         Operation = "determine-seminar-session"
)

// sessionState is what the operations on a session are decided on.
type sessionState struct {
	ss     SeminarSession
	cohort Cohort
	today  Date
}

// sessionOffers are the operations on a session. Releasing results is the
// cohort's (release-results), offered here so that the organizer's screen
// shows it beside the determination.
var sessionOffers = []offer[sessionState]{
	{OpUpdateSession, ManageSeminarSessions, func(s sessionState) error { return s.ss.checkOpen() }},
	{OpAddSessionParticipant, ManageSeminarSessions, func(s sessionState) error { return s.ss.checkOpen() }},
	{OpRemoveSessionParticipant, ManageSeminarSessions, func(s sessionState) error { return s.ss.checkOpen() }},
	{OpAddSessionExaminer, ManageSeminarSessions, func(s sessionState) error { return s.ss.checkOpen() }},
	{OpRemoveSessionExaminer, ManageSeminarSessions, func(s sessionState) error { return s.ss.checkOpen() }},
	{OpOpenSessionEarly, ManageSeminarSessions, func(s sessionState) error { return s.ss.checkOpenableEarly(s.today) }},
	{OpDetermineSession, ManageSeminarSessions, func(s sessionState) error { return s.ss.checkDeterminable(s.cohort) }},
	{OpReleaseResults, ReleaseResults, nil},
}

// participantState is what scoring a participant of a session is decided on.
type participantState struct {
	ss     SeminarSession
	p      SessionParticipant
	caller uuid.UUID
	today  Date
	// appeal is the participant's open appeal of the session's seminar, if any.
	appeal *Appeal
}

// participantOffers are the operations on a participant of a session:
// scoring, for an examiner of the cohort, refused with the reason when
// they are not assigned, the session is not open or is determined, or the
// project is not at the seminar's stage.
var participantOffers = []offer[participantState]{
	{OpRecordAssessment, AssessProject, func(s participantState) error {
		if s.ss.DeterminedAt != nil && s.ss.assigned(s.caller) && s.appeal != nil && s.appeal.reopens(s.caller) {
			return nil // the appeal reopens the examiner's score, with a reason
		}
		p := Project{Status: s.p.ProjectStatus}
		return s.ss.checkScorable(s.caller, p, s.today)
	}},
}

// offerSession sets what actor may do to a session of c and to each of
// its participants now.
func (s *Cohorts) offerSession(ctx context.Context, actor *Actor, c Cohort, ss *SeminarSession) error {
	open := map[uuid.UUID]*Appeal{}
	if ss.DeterminedAt != nil && ss.assigned(actor.UserID) {
		appeals, err := s.store.Seminars().Appeals(ctx, ss.CohortID, nil)
		if err != nil {
			return err
		}
		for i, a := range appeals {
			if a.Seminar == ss.Seminar && a.Status.open() {
				open[a.ProjectID] = &appeals[i]
			}
		}
	}
	today := DateOf(s.now())
	ss.ExaminersRequired = examinersRequired(*ss, c)
	ss.Offer = offerOf(actor, Target{CohortID: ss.CohortID}, sessionState{ss: *ss, cohort: c, today: today}, sessionOffers)
	for i := range ss.Participants {
		p := &ss.Participants[i]
		parties := Parties{ParticipantID: p.ParticipantID, MentorID: p.MentorID, CoachID: p.CoachID}
		p.Offer = offerOf(actor, Target{CohortID: ss.CohortID, Enrollment: &parties},
			participantState{ss: *ss, p: *p, caller: actor.UserID, today: today, appeal: open[p.ProjectID]}, participantOffers)
	}
	return nil
}

// offerScoring refines a project's offer of record-assessment for an
// examiner: offered when the session of one of its seminars accepts their
// score now, else refused with the reason of the seminar the project is at.
func (s *Projects) offerScoring(ctx context.Context, tx Store, actor *Actor, p *Project) error {
	if err := s.offerFileAppeal(ctx, tx, actor, p); err != nil {
		return err
	}
	if !p.Offer.Allows(OpRecordAssessment) {
		return nil
	}
	var refusal error
	for _, seminar := range []Seminar{SeminarFinal, SeminarDesign} {
		ss, err := tx.Seminars().OfProject(ctx, p.ID, seminar)
		switch {
		case KindOf(err) == KindNotFound:
			err = Fail(KindForbidden, CodeAssessmentNotAssigned, Params{"seminar": seminar})
		case err != nil:
			return err
		default:
			err = ss.checkScorable(actor.UserID, *p, DateOf(s.now()))
		}
		if err == nil {
			return nil
		}
		if refusal == nil || (seminar == SeminarDesign && p.checkSeminarStage(SeminarDesign) == nil) {
			refusal = err
		}
	}
	o := &p.Offer
	for i, op := range o.Allowed {
		if op == OpRecordAssessment {
			o.Allowed = append(o.Allowed[:i:i], o.Allowed[i+1:]...)
			break
		}
	}
	refused := o.Refused[:0]
	for _, r := range o.Refused {
		if r.Operation != OpRecordAssessment {
			refused = append(refused, r)
		}
	}
	o.Refused = refused
	o.refuse(OpRecordAssessment, refusal)
	return nil
}

// OpFileAppeal is the participant's appeal of a released result.
const OpFileAppeal Operation = "file-appeal"

// offerFileAppeal offers the participant file-appeal when a seminar's
// released result may be appealed now (params name the seminar), or
// refuses it with the reason of the latest seminar with a result; a
// project without a determined result offers nothing.
func (s *Projects) offerFileAppeal(ctx context.Context, tx Store, actor *Actor, p *Project) error {
	if !p.Assessed || Authorize(actor, EditProject, projectTarget(*p)) != nil {
		return nil
	}
	var refusal error
	for _, seminar := range []Seminar{SeminarFinal, SeminarDesign} {
		_, err := appealable(ctx, tx, *p, seminar, s.now())
		if err == nil {
			p.Offer.Allowed = append(p.Offer.Allowed, OpFileAppeal)
			return nil
		}
		if KindOf(err) != KindConflict {
			return err
		}
		if refusal == nil && Code(err.(*Error).Code) != CodeAppealNotReleased {
			refusal = err
		}
	}
	if refusal != nil {
		p.Offer.refuse(OpFileAppeal, refusal)
	}
	return nil
}
