package domain

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// MentorTransferStatus is where a proposed change of mentor stands.
type MentorTransferStatus string

// The statuses of a mentor transfer: it waits (pending) for the proposed
// mentor, who accepts or declines it; the participant may cancel it while
// it waits. A mentor from outside the participant's agency first waits for
// an organizer of the cohort (awaiting_organizer), who confirms it (then it
// is pending) or refuses it.
const (
	TransferAwaitingOrganizer MentorTransferStatus = "awaiting_organizer"
	TransferPending           MentorTransferStatus = "pending"
	TransferAccepted          MentorTransferStatus = "accepted"
	TransferDeclined          MentorTransferStatus = "declined"
	TransferRefused           MentorTransferStatus = "refused"
	TransferCancelled         MentorTransferStatus = "cancelled"
)

// open reports whether the proposal still waits for somebody.
func (s MentorTransferStatus) open() bool {
	return s == TransferAwaitingOrganizer || s == TransferPending
}

// MentorTransfer is a participant's proposal to move their project to a new
// mentor — officials change posts, during the training and in the years
// after it. It takes effect only when the proposed mentor accepts; an
// organizer moves a project directly with update-enrollment instead.
// Proposals are history: decided ones stay as they were.
type MentorTransfer struct {
	ID           uuid.UUID
	EnrollmentID uuid.UUID
	CohortID     uuid.UUID
	ProjectID    uuid.UUID
	// ParticipantID is whose project it is; ProposedBy who proposed it.
	ParticipantID uuid.UUID
	ProposedBy    uuid.UUID
	// MentorID is the proposed mentor; PreviousMentorID the mentor when it
	// was proposed.
	MentorID         uuid.UUID
	PreviousMentorID uuid.UUID
	Note             string
	Status           MentorTransferStatus
	// Comment is the proposed mentor's word when declining, or the
	// organizer's when refusing.
	Comment   string
	DecidedAt *time.Time
	Version   int64
	CreatedAt time.Time
	// Offer is what the caller who read it may do to it now.
	Offer Offer `json:"-"`
	// Names for showing the proposal to people who may not see the accounts.
	ParticipantName string
	MentorName      string
	PreviousMentor  string
	ProjectTitle    string
}

// MentorTransferStore keeps mentor transfers.
type MentorTransferStore interface {
	// Create stores a proposal; a second open one (pending or awaiting an
	// organizer) for the enrollment is a KindConflict error.
	Create(ctx context.Context, t MentorTransfer) error
	// Get returns a proposal with its names; forUpdate locks it until the
	// transaction ends.
	Get(ctx context.Context, id uuid.UUID, forUpdate bool) (MentorTransfer, error)
	// Update stores t's status when its stored version is t.Version-1.
	Update(ctx context.Context, t MentorTransfer) error
	// List returns a page of an enrollment's proposals, oldest first.
	List(ctx context.Context, enrollment uuid.UUID, page PageRequest) (Page[MentorTransfer], error)
}

// target describes the transfer for the policy: the enrollment's parties
// today, and the proposed mentor as the invitee once they are asked: a
// proposal that waits for an organizer, or that an organizer refused, is
// none of theirs.
func (t MentorTransfer) target(e Enrollment) Target {
	parties := e.Parties()
	target := Target{CohortID: e.CohortID, Enrollment: &parties}
	if t.Status != TransferAwaitingOrganizer && t.Status != TransferRefused {
		mentor := t.MentorID
		target.Invitee = &mentor
	}
	return target
}

// transferMoves are the moves of a mentor transfer, from the statuses each
// may start from.
var transferMoves = map[MentorTransferStatus][]MentorTransferStatus{
	TransferPending:   {TransferAwaitingOrganizer}, // the organizer confirms
	TransferRefused:   {TransferAwaitingOrganizer},
	TransferAccepted:  {TransferPending},
	TransferDeclined:  {TransferPending},
	TransferCancelled: {TransferAwaitingOrganizer, TransferPending},
}

// checkMove refuses a move to status that does not start from where the
// proposal stands.
func (t MentorTransfer) checkMove(status MentorTransferStatus) error {
	if !slices.Contains(transferMoves[status], t.Status) {
		if t.Status == TransferAwaitingOrganizer {
			return Conflict(CodeTransferAwaitsOrganizer)
		}
		return Conflict(CodeTransferClosed, Params{"status": t.Status})
	}
	return nil
}

// decide moves an open proposal to status, if that move starts from where
// it stands; a confirmation leaves it undecided (pending for the mentor).
func (t *MentorTransfer) decide(status MentorTransferStatus, comment string, now time.Time) error {
	if err := t.checkMove(status); err != nil {
		return err
	}
	t.Status, t.Comment = status, comment
	if !status.open() {
		t.DecidedAt = &now
	}
	return nil
}

// The operations on a mentor transfer, by their operationIds like every
// other offer.
const (
	OpAcceptMentorTransfer  Operation = "accept-mentor-transfer"
	OpDeclineMentorTransfer Operation = "decline-mentor-transfer"
	OpCancelMentorTransfer  Operation = "cancel-mentor-transfer"
	OpConfirmMentorTransfer Operation = "confirm-mentor-transfer"
	OpRefuseMentorTransfer  Operation = "refuse-mentor-transfer"
)

// transferState is what the operations on a mentor transfer are decided on.
type transferState struct{ t MentorTransfer }

// transferOffers are the operations on a mentor transfer, each refused by
// the check its operation runs: the move must start from where the
// proposal stands.
var transferOffers = []offer[transferState]{
	{OpAcceptMentorTransfer, DecideMentorTransfer, func(s transferState) error { return s.t.checkMove(TransferAccepted) }},
	{OpDeclineMentorTransfer, DecideMentorTransfer, func(s transferState) error { return s.t.checkMove(TransferDeclined) }},
	{OpCancelMentorTransfer, CancelMentorTransfer, func(s transferState) error { return s.t.checkMove(TransferCancelled) }},
	{OpConfirmMentorTransfer, ConfirmMentorTransfer, func(s transferState) error { return s.t.checkMove(TransferPending) }},
	{OpRefuseMentorTransfer, ConfirmMentorTransfer, func(s transferState) error { return s.t.checkMove(TransferRefused) }},
}

// offerActions sets what actor may do to t now, e being its enrollment:
// the moves the policy allows, refused when they do not start from where
// t stands.
func (t *MentorTransfer) offerActions(actor *Actor, e Enrollment) {
	t.Offer = offerOf(actor, t.target(e), transferState{t: *t}, transferOffers)
}

// candidateRefusal says why mentor cannot be proposed as the enrollment's
// new mentor whoever they are, or "" when they may be: the participant
// cannot mentor themself, and the mentor is the mentor already.
func (e Enrollment) candidateRefusal(mentor uuid.UUID) Code {
	switch mentor {
	case e.ParticipantID:
		return CodeEnrollmentSelf
	case e.MentorID:
		return CodeTransferSameMentor
	}
	return ""
}

// CohortRoles are the roles one user holds in one cohort.
type CohortRoles []Role

// mentorRefusal says why a user may not become a participant's mentor in a
// cohort where they hold roles, or "" when they may: whoever takes part in
// the cohort as a participant, coach or examiner would review a peer's or
// their own examinee's work.
func mentorRefusal(roles CohortRoles) Code {
	for _, r := range roles {
		switch r {
		case RoleParticipant:
			return CodeMentorIsParticipant
		case RoleCoach:
			return CodeMentorIsCoach
		case RoleExaminer:
			return CodeMentorIsExaminer
		}
	}
	return ""
}

// needsOrganizer reports whether a proposed mentor must first be
// confirmed by an organizer: a mentor is the participant's superior at
// their own agency, so anyone from elsewhere (or without an agency on
// record) is checked by the training institution before they are asked.
func needsOrganizer(participantAgency, mentorAgency *uuid.UUID) bool {
	return participantAgency == nil || mentorAgency == nil || *participantAgency != *mentorAgency
}

// transferEvent is the timeline's event of a mentor transfer, naming the
// proposed and the previous mentor and the decider's comment.
func transferEvent(actor *Actor, now time.Time, t MentorTransfer, action string) Event {
	e := event(actor, now, action, "mentor_transfer", t.ID)
	cohort, project := t.CohortID, t.ProjectID
	e.CohortID, e.ProjectID, e.After = &cohort, &project, t
	e.Details = EventDetails{Title: t.ProjectTitle, Mentor: t.MentorName, PreviousMentor: t.PreviousMentor, Comment: t.Comment}
	return e
}

// ProposedMentor names the proposed mentor by account id or, since a
// participant cannot look people up, by the e-mail address of their
// account: exactly one of the two.
type ProposedMentor struct {
	ID    uuid.UUID
	Email string
}

// resolve returns the proposed mentor's account id, adding to v what is
// wrong with the choice.
func (m ProposedMentor) resolve(ctx context.Context, users UserStore, v *Violations) (uuid.UUID, error) {
	email := strings.TrimSpace(m.Email)
	switch {
	case m.ID == uuid.Nil && email == "": // either field would do: both are named, for the form that shows one
		v.Add("mentorId", CodeTransferMentorRequired)
		v.Add("mentorEmail", CodeTransferMentorRequired)
	case m.ID != uuid.Nil && email != "":
		v.Add("mentorEmail", CodeTransferMentorBoth)
	case email != "":
		email, err := ParseEmail(email)
		if err != nil {
			v.AddError("mentorEmail", err)
			return uuid.Nil, nil
		}
		u, _, err := users.ByEmail(ctx, email)
		if KindOf(err) == KindNotFound {
			v.Add("mentorEmail", CodeTransferMentorEmailUnknown)
			return uuid.Nil, nil
		}
		return u.ID, err
	default:
		if _, err := users.Get(ctx, m.ID); KindOf(err) == KindNotFound {
			v.Add("mentorId", CodeUserUnknown)
		} else if err != nil {
			return uuid.Nil, err
		}
	}
	return m.ID, nil
}

// ProposeMentorTransfer records the participant's proposal to move their
// project to a new mentor, who is asked by e-mail (when enabled) and in
// their reminders; it takes effect when they accept. Nobody who is a
// participant, coach or examiner of the cohort may be proposed; a mentor
// from outside the participant's agency waits for an organizer's
// confirmation first. Proposals by e-mail count as look-ups (countLookup).
func (s *Cohorts) ProposeMentorTransfer(ctx context.Context, actor *Actor, enrollmentID uuid.UUID, mentor ProposedMentor, note string) (MentorTransfer, error) {
	now := s.now()
	if strings.TrimSpace(mentor.Email) != "" {
		if _, err := countLookup(ctx, s.store, actor, now); err != nil {
			return MentorTransfer{}, err
		}
	}
	var t MentorTransfer
	err := s.store.WithinTx(ctx, func(tx Store) error {
		e, err := tx.Enrollments().Get(ctx, enrollmentID)
		if err != nil {
			return err
		}
		parties := e.Parties()
		if err := Authorize(actor, ProposeMentorTransfer, Target{CohortID: e.CohortID, Enrollment: &parties}); err != nil {
			return err
		}
		var v Violations
		note = longText(&v, "note", note)
		mentorID, err := mentor.resolve(ctx, tx.Users(), &v)
		if err != nil {
			return err
		}
		field := "mentorId"
		if mentor.ID == uuid.Nil {
			field = "mentorEmail"
		}
		status := TransferPending
		switch {
		case mentorID == uuid.Nil || v.Err() != nil:
		case e.candidateRefusal(mentorID) != "":
			v.Add(field, e.candidateRefusal(mentorID))
		default:
			roles, err := tx.Users().RolesIn(ctx, mentorID, e.CohortID)
			if err != nil {
				return err
			}
			if why := mentorRefusal(roles); why != "" {
				v.Add(field, why)
				break
			}
			participant, err := tx.Users().Get(ctx, e.ParticipantID)
			if err != nil {
				return err
			}
			proposed, err := tx.Users().Get(ctx, mentorID)
			if err != nil {
				return err
			}
			if needsOrganizer(participant.AgencyID, proposed.AgencyID) {
				status = TransferAwaitingOrganizer
			}
		}
		if err := v.Err(); err != nil {
			return err
		}
		t = MentorTransfer{ID: NewID(), EnrollmentID: e.ID, CohortID: e.CohortID, ProjectID: e.ProjectID, ParticipantID: e.ParticipantID,
			ProposedBy: actor.UserID, MentorID: mentorID, PreviousMentorID: e.MentorID, Note: note, Status: status, Version: 1, CreatedAt: now}
		if err := tx.MentorTransfers().Create(ctx, t); err != nil {
			return err
		}
		if t, err = tx.MentorTransfers().Get(ctx, t.ID, false); err != nil {
			return err
		}
		t.offerActions(actor, e)
		if err := tx.Events().Append(ctx, transferEvent(actor, now, t, "mentor_transfer.proposed")); err != nil {
			return err
		}
		if t.Status == TransferAwaitingOrganizer {
			return s.askOrganizers(ctx, tx, now, t)
		}
		return s.askProposedMentor(ctx, tx, now, t)
	})
	return t, err
}

// askOrganizers tells the cohort's organizers that a proposed mentor from
// outside the participant's agency waits for their confirmation.
func (s *Cohorts) askOrganizers(ctx context.Context, tx Store, now time.Time, t MentorTransfer) error {
	staff, err := tx.Cohorts().Staff(ctx, t.CohortID)
	if err != nil {
		return err
	}
	var organizers []uuid.UUID
	for _, m := range staff {
		if m.Role == StaffOrganizer {
			organizers = append(organizers, m.UserID)
		}
	}
	return s.Mail.queueLetter(ctx, tx, now, Mail{Kind: MailMentorTransfer}, organizers, transferToOrganizersLetter(t), t.CohortID)
}

// askProposedMentor asks the proposed mentor to accept or decline.
func (s *Cohorts) askProposedMentor(ctx context.Context, tx Store, now time.Time, t MentorTransfer) error {
	return s.Mail.queueLetter(ctx, tx, now, Mail{Kind: MailMentorTransfer}, []uuid.UUID{t.MentorID}, transferToMentorLetter(t), t.CohortID)
}

// loadTransfer loads a proposal and its enrollment for an actor allowed action.
func (s *Cohorts) loadTransfer(ctx context.Context, tx Store, actor *Actor, id uuid.UUID, action Action, forUpdate bool) (MentorTransfer, Enrollment, error) {
	t, err := tx.MentorTransfers().Get(ctx, id, forUpdate)
	if err != nil {
		return MentorTransfer{}, Enrollment{}, err
	}
	e, err := tx.Enrollments().Get(ctx, t.EnrollmentID)
	if err != nil {
		return MentorTransfer{}, Enrollment{}, err
	}
	if err := Authorize(actor, action, t.target(e)); err != nil {
		return MentorTransfer{}, Enrollment{}, err
	}
	t.offerActions(actor, e)
	return t, e, nil
}

// GetMentorTransfer returns a proposal to the enrollment's people, the
// cohort's organizers and examiners, and the proposed mentor.
func (s *Cohorts) GetMentorTransfer(ctx context.Context, actor *Actor, id uuid.UUID) (MentorTransfer, error) {
	t, _, err := s.loadTransfer(ctx, s.store, actor, id, ReadMentorTransfer, false)
	return t, err
}

// ListMentorTransfers lists an enrollment's proposals, oldest first, to
// those who may see the enrollment.
func (s *Cohorts) ListMentorTransfers(ctx context.Context, actor *Actor, enrollmentID uuid.UUID, page PageRequest) (Page[MentorTransfer], error) {
	e, err := s.GetEnrollment(ctx, actor, enrollmentID)
	if err != nil {
		return Page[MentorTransfer]{}, err
	}
	list, err := s.store.MentorTransfers().List(ctx, enrollmentID, page)
	for i := range list.Items {
		list.Items[i].offerActions(actor, e)
	}
	return list, err
}

// decideTransfer runs fn on a locked pending proposal, then stores it and
// the events fn returns.
func (s *Cohorts) decideTransfer(ctx context.Context, actor *Actor, id uuid.UUID, action Action,
	fn func(tx Store, t *MentorTransfer, e *Enrollment) ([]Event, error)) (MentorTransfer, error) {
	var t MentorTransfer
	err := s.store.WithinTx(ctx, func(tx Store) error {
		var e Enrollment
		var err error
		if t, e, err = s.loadTransfer(ctx, tx, actor, id, action, true); err != nil {
			return err
		}
		events, err := fn(tx, &t, &e)
		if err != nil {
			return err
		}
		t.Version++
		if err := tx.MentorTransfers().Update(ctx, t); err != nil {
			return err
		}
		t.offerActions(actor, e)
		return tx.Events().Append(ctx, events...)
	})
	return t, err
}

// AcceptMentorTransfer is the proposed mentor's yes: they become the
// participant's mentor at once, the former mentor loses access, and the
// project's history stays (the new mentor reads it in the timeline).
func (s *Cohorts) AcceptMentorTransfer(ctx context.Context, actor *Actor, id uuid.UUID) (MentorTransfer, error) {
	return s.decideTransfer(ctx, actor, id, DecideMentorTransfer, func(tx Store, t *MentorTransfer, e *Enrollment) ([]Event, error) {
		now := s.now()
		if err := t.decide(TransferAccepted, "", now); err != nil {
			return nil, err
		}
		events := []Event{transferEvent(actor, now, *t, "mentor_transfer.accepted")}
		if e.MentorID != t.MentorID {
			before := *e
			e.MentorID, e.Version, e.UpdatedAt = t.MentorID, e.Version+1, now
			if err := tx.Enrollments().Update(ctx, *e); err != nil {
				return nil, err
			}
			ev := event(actor, now, "enrollment.updated", "enrollment", e.ID)
			ev.CohortID, ev.ProjectID, ev.Before, ev.After = &e.CohortID, &e.ProjectID, before, *e
			changes, err := enrollmentChanges(ctx, tx, before, *e)
			if err != nil {
				return nil, err
			}
			ev.Details.Changes = changes
			events = append(events, ev)
		}
		return events, s.Mail.queueLetter(ctx, tx, now, Mail{Kind: MailMentorTransfer}, []uuid.UUID{t.ParticipantID}, transferAcceptedLetter(*t), t.CohortID)
	})
}

// DeclineMentorTransfer is the proposed mentor's no, with an optional comment.
func (s *Cohorts) DeclineMentorTransfer(ctx context.Context, actor *Actor, id uuid.UUID, comment string) (MentorTransfer, error) {
	var v Violations
	comment = longText(&v, "comment", comment)
	if err := v.Err(); err != nil {
		return MentorTransfer{}, err
	}
	return s.decideTransfer(ctx, actor, id, DecideMentorTransfer, func(tx Store, t *MentorTransfer, _ *Enrollment) ([]Event, error) {
		now := s.now()
		if err := t.decide(TransferDeclined, comment, now); err != nil {
			return nil, err
		}
		return []Event{transferEvent(actor, now, *t, "mentor_transfer.declined")},
			s.Mail.queueLetter(ctx, tx, now, Mail{Kind: MailMentorTransfer}, []uuid.UUID{t.ParticipantID}, transferDeclinedLetter(*t, comment), t.CohortID)
	})
}

// ConfirmMentorTransfer is an organizer's yes to a proposed mentor from
// outside the participant's agency: the proposal then waits for that
// mentor, who is asked.
func (s *Cohorts) ConfirmMentorTransfer(ctx context.Context, actor *Actor, id uuid.UUID) (MentorTransfer, error) {
	return s.decideTransfer(ctx, actor, id, ConfirmMentorTransfer, func(tx Store, t *MentorTransfer, _ *Enrollment) ([]Event, error) {
		now := s.now()
		if err := t.decide(TransferPending, "", now); err != nil {
			return nil, err
		}
		return []Event{transferEvent(actor, now, *t, "mentor_transfer.confirmed")},
			s.askProposedMentor(ctx, tx, now, *t)
	})
}

// RefuseMentorTransfer is an organizer's no, with an optional comment.
func (s *Cohorts) RefuseMentorTransfer(ctx context.Context, actor *Actor, id uuid.UUID, comment string) (MentorTransfer, error) {
	var v Violations
	comment = longText(&v, "comment", comment)
	if err := v.Err(); err != nil {
		return MentorTransfer{}, err
	}
	return s.decideTransfer(ctx, actor, id, ConfirmMentorTransfer, func(tx Store, t *MentorTransfer, _ *Enrollment) ([]Event, error) {
		now := s.now()
		if err := t.decide(TransferRefused, comment, now); err != nil {
			return nil, err
		}
		return []Event{transferEvent(actor, now, *t, "mentor_transfer.refused")},
			s.Mail.queueLetter(ctx, tx, now, Mail{Kind: MailMentorTransfer}, []uuid.UUID{t.ParticipantID}, transferRefusedLetter(*t, comment), t.CohortID)
	})
}

// CancelMentorTransfer takes back the participant's proposal while it waits.
func (s *Cohorts) CancelMentorTransfer(ctx context.Context, actor *Actor, id uuid.UUID) (MentorTransfer, error) {
	return s.decideTransfer(ctx, actor, id, CancelMentorTransfer, func(tx Store, t *MentorTransfer, _ *Enrollment) ([]Event, error) {
		now := s.now()
		if err := t.decide(TransferCancelled, "", now); err != nil {
			return nil, err
		}
		return []Event{transferEvent(actor, now, *t, "mentor_transfer.cancelled")}, nil
	})
}
