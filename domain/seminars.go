package domain

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
)

// SeminarSessions lists a cohort's seminar sessions of a seminar ("" for
// both), for its organizers, coaches and examiners.
func (s *Cohorts) SeminarSessions(ctx context.Context, actor *Actor, cohortID uuid.UUID, seminar Seminar) ([]SeminarSession, error) {
	if err := Authorize(actor, ReadSeminarSessions, Target{CohortID: cohortID}); err != nil {
		return nil, err
	}
	c, err := s.store.Cohorts().Get(ctx, cohortID)
	if err != nil {
		return nil, err
	}
	list, err := s.store.Seminars().List(ctx, cohortID, seminar)
	if err != nil {
		return nil, err
	}
	for i := range list {
		if err := s.offerSession(ctx, actor, c, &list[i]); err != nil {
			return nil, err
		}
	}
	return list, nil
}

// SeminarSession returns one session of a cohort.
func (s *Cohorts) SeminarSession(ctx context.Context, actor *Actor, cohortID, id uuid.UUID) (SeminarSession, error) {
	if err := Authorize(actor, ReadSeminarSessions, Target{CohortID: cohortID}); err != nil {
		return SeminarSession{}, err
	}
	c, err := s.store.Cohorts().Get(ctx, cohortID)
	if err != nil {
		return SeminarSession{}, err
	}
	ss, err := s.store.Seminars().Get(ctx, id, false)
	if err != nil || ss.CohortID != cohortID {
		return SeminarSession{}, or(err, NotFound("seminar session"))
	}
	return ss, s.offerSession(ctx, actor, c, &ss)
}

// or returns err, or alt when err is nil.
func or(err, alt error) error {
	if err != nil {
		return err
	}
	return alt
}

// ExaminerSessions are the sessions the actor examines, across cohorts,
// with their participants and the scores recorded: an examiner's home.
func (s *Cohorts) ExaminerSessions(ctx context.Context, actor *Actor) ([]SeminarSession, error) {
	if actor == nil {
		return nil, Fail(KindUnauthenticated, CodeSignInRequired)
	}
	list, err := s.store.Seminars().OfExaminer(ctx, actor.UserID)
	if err != nil {
		return nil, err
	}
	cohorts := map[uuid.UUID]Cohort{}
	for i := range list {
		c, ok := cohorts[list[i].CohortID]
		if !ok {
			if c, err = s.store.Cohorts().Get(ctx, list[i].CohortID); err != nil {
				return nil, err
			}
			cohorts[c.ID] = c
		}
		if err := s.offerSession(ctx, actor, c, &list[i]); err != nil {
			return nil, err
		}
	}
	return list, nil
}

// CreateSeminarSession creates a session of a cohort's seminar with its
// participants (enrollments of the cohort, each in one session per
// seminar) and examiners (the cohort's examiners).
func (s *Cohorts) CreateSeminarSession(ctx context.Context, actor *Actor, plan SessionPlan) (SeminarSession, error) {
	if err := Authorize(actor, ManageSeminarSessions, Target{CohortID: plan.CohortID}); err != nil {
		return SeminarSession{}, err
	}
	now := s.now()
	ss := SeminarSession{ID: NewID(), CohortID: plan.CohortID, HeldOn: plan.HeldOn, StartsAt: plan.StartsAt, Room: plan.Room,
		OnlineLink: plan.OnlineLink, CoachAndMentorAttend: plan.CoachAndMentorAttend, Participants: []SessionParticipant{},
		Examiners: []SessionExaminer{}, Version: 1, CreatedAt: now, UpdatedAt: now}
	var c Cohort
	err := s.store.WithinTx(ctx, func(tx Store) error {
		var err error
		if c, err = tx.Cohorts().Get(ctx, plan.CohortID); err != nil {
			return err
		}
		var v Violations
		seminar, err := ParseSeminar("seminar", plan.Seminar)
		v.AddError("seminar", err)
		ss.Seminar = seminar
		if seminar != "" {
			ss.validate(c, &v)
		}
		if err := v.Err(); err != nil {
			return err
		}
		for i, id := range plan.Participants {
			if err := s.addParticipant(ctx, tx, &ss, id, fmt.Sprintf("participants[%d]", i)); err != nil {
				return err
			}
		}
		for i, id := range plan.Examiners {
			if err := s.addExaminer(ctx, tx, &ss, id, fmt.Sprintf("examiners[%d]", i)); err != nil {
				return err
			}
		}
		if err := tx.Seminars().Create(ctx, ss); err != nil {
			return err
		}
		return tx.Events().Append(ctx, sessionEvent(actor, now, ss, "seminar_session.created"))
	})
	if err != nil {
		return SeminarSession{}, err
	}
	return s.SeminarSession(ctx, actor, plan.CohortID, ss.ID)
}

// sessionEvent is an audit event about a session.
func sessionEvent(actor *Actor, now time.Time, ss SeminarSession, action string) Event {
	e := event(actor, now, action, "seminar_session", ss.ID)
	cohort := ss.CohortID
	e.CohortID, e.After, e.Details.Seminar = &cohort, ss, ss.Seminar
	return e
}

// addParticipant adds an enrollment of the session's cohort, refusing one
// of another cohort, one already in it, and one presenting the seminar in
// another session.
func (s *Cohorts) addParticipant(ctx context.Context, tx Store, ss *SeminarSession, enrollment uuid.UUID, field string) error {
	e, err := tx.Enrollments().Get(ctx, enrollment)
	if KindOf(err) == KindNotFound || (err == nil && e.CohortID != ss.CohortID) {
		return Invalid(field, CodeSessionNotEnrolled)
	}
	if err != nil {
		return err
	}
	if slices.ContainsFunc(ss.Participants, func(p SessionParticipant) bool { return p.EnrollmentID == enrollment }) {
		return nil
	}
	other, err := tx.Seminars().OfProject(ctx, e.ProjectID, ss.Seminar)
	switch {
	case err == nil && other.ID != ss.ID:
		return ConflictOn(field, CodeSessionParticipantTaken)
	case err != nil && KindOf(err) != KindNotFound:
		return err
	}
	ss.Participants = append(ss.Participants, SessionParticipant{EnrollmentID: e.ID, ProjectID: e.ProjectID, ParticipantID: e.ParticipantID,
		MentorID: e.MentorID, CoachID: e.CoachID})
	return nil
}

// addExaminer assigns one of the cohort's examiners.
func (s *Cohorts) addExaminer(ctx context.Context, tx Store, ss *SeminarSession, user uuid.UUID, field string) error {
	if ss.assigned(user) {
		return nil
	}
	staff, err := tx.Cohorts().Staff(ctx, ss.CohortID)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(staff, func(m StaffMember) bool { return m.UserID == user && m.Role == StaffExaminer })
	if i < 0 {
		return Invalid(field, CodeSessionNotExaminer)
	}
	ss.Examiners = append(ss.Examiners, SessionExaminer{UserID: user, Name: staff[i].Name})
	return nil
}

// changeSession loads a session of the cohort under lock, checks the
// organizer and, unless the change is allowed after it, that the session
// is not determined; fn changes it and names its event.
func (s *Cohorts) changeSession(ctx context.Context, actor *Actor, cohortID, id uuid.UUID, ifMatch *int64,
	fn func(tx Store, c Cohort, ss *SeminarSession) (string, error)) (SeminarSession, error) {
	if err := Authorize(actor, ManageSeminarSessions, Target{CohortID: cohortID}); err != nil {
		return SeminarSession{}, err
	}
	now := s.now()
	err := s.store.WithinTx(ctx, func(tx Store) error {
		ss, err := tx.Seminars().Get(ctx, id, true)
		if err != nil || ss.CohortID != cohortID {
			return or(err, NotFound("seminar session"))
		}
		if err := checkVersion(ifMatch, ss.Version); err != nil {
			return err
		}
		c, err := tx.Cohorts().Get(ctx, cohortID)
		if err != nil {
			return err
		}
		action, err := fn(tx, c, &ss)
		if err != nil || action == "" {
			return err
		}
		ss.Version++
		ss.UpdatedAt = now
		if err := tx.Seminars().Update(ctx, ss); err != nil {
			return err
		}
		return tx.Events().Append(ctx, sessionEvent(actor, now, ss, action))
	})
	if err != nil {
		return SeminarSession{}, err
	}
	return s.SeminarSession(ctx, actor, cohortID, id)
}

// UpdateSeminarSession changes a session's date, time, room, link or
// members, until its result is determined.
func (s *Cohorts) UpdateSeminarSession(ctx context.Context, actor *Actor, cohortID, id uuid.UUID, ch SessionChanges, ifMatch *int64) (SeminarSession, error) {
	return s.changeSession(ctx, actor, cohortID, id, ifMatch, func(tx Store, c Cohort, ss *SeminarSession) (string, error) {
		if err := ss.checkOpen(); err != nil {
			return "", err
		}
		if ch.HeldOn != nil {
			ss.HeldOn = *ch.HeldOn
		}
		if ch.StartsAt != nil {
			ss.StartsAt = *ch.StartsAt
		}
		if ch.Room != nil {
			ss.Room = *ch.Room
		}
		if ch.OnlineLink != nil {
			ss.OnlineLink = *ch.OnlineLink
		}
		if ch.CoachAndMentorAttend != nil {
			ss.CoachAndMentorAttend = *ch.CoachAndMentorAttend
		}
		var v Violations
		ss.validate(c, &v)
		return "seminar_session.updated", v.Err()
	})
}

// AddSessionParticipant adds an enrollment to a session.
func (s *Cohorts) AddSessionParticipant(ctx context.Context, actor *Actor, cohortID, id, enrollment uuid.UUID) (SeminarSession, error) {
	return s.changeSession(ctx, actor, cohortID, id, nil, func(tx Store, c Cohort, ss *SeminarSession) (string, error) {
		if err := ss.checkOpen(); err != nil {
			return "", err
		}
		before := len(ss.Participants)
		if err := s.addParticipant(ctx, tx, ss, enrollment, "enrollmentId"); err != nil || len(ss.Participants) == before {
			return "", err
		}
		return "seminar_session.participant_added", nil
	})
}

// RemoveSessionParticipant takes an enrollment off a session; the scores
// already recorded stay in the project's history.
func (s *Cohorts) RemoveSessionParticipant(ctx context.Context, actor *Actor, cohortID, id, enrollment uuid.UUID) (SeminarSession, error) {
	return s.changeSession(ctx, actor, cohortID, id, nil, func(tx Store, c Cohort, ss *SeminarSession) (string, error) {
		if err := ss.checkOpen(); err != nil {
			return "", err
		}
		i := slices.IndexFunc(ss.Participants, func(p SessionParticipant) bool { return p.EnrollmentID == enrollment })
		if i < 0 {
			return "", NotFound("session participant")
		}
		ss.Participants = slices.Delete(ss.Participants, i, i+1)
		return "seminar_session.participant_removed", nil
	})
}

// AddSessionExaminer assigns one of the cohort's examiners to a session.
func (s *Cohorts) AddSessionExaminer(ctx context.Context, actor *Actor, cohortID, id, user uuid.UUID) (SeminarSession, error) {
	return s.changeSession(ctx, actor, cohortID, id, nil, func(tx Store, c Cohort, ss *SeminarSession) (string, error) {
		if err := ss.checkOpen(); err != nil {
			return "", err
		}
		before := len(ss.Examiners)
		if err := s.addExaminer(ctx, tx, ss, user, "userId"); err != nil || len(ss.Examiners) == before {
			return "", err
		}
		return "seminar_session.examiner_added", nil
	})
}

// RemoveSessionExaminer takes an examiner off a session: their scores no
// longer count towards its result.
func (s *Cohorts) RemoveSessionExaminer(ctx context.Context, actor *Actor, cohortID, id, user uuid.UUID) (SeminarSession, error) {
	return s.changeSession(ctx, actor, cohortID, id, nil, func(tx Store, c Cohort, ss *SeminarSession) (string, error) {
		if err := ss.checkOpen(); err != nil {
			return "", err
		}
		i := slices.IndexFunc(ss.Examiners, func(e SessionExaminer) bool { return e.UserID == user })
		if i < 0 {
			return "", NotFound("session examiner")
		}
		ss.Examiners = slices.Delete(ss.Examiners, i, i+1)
		return "seminar_session.examiner_removed", nil
	})
}

// OpenSeminarSessionEarly opens a session to scores before its date; who
// and when are recorded on the session and in its event.
func (s *Cohorts) OpenSeminarSessionEarly(ctx context.Context, actor *Actor, cohortID, id uuid.UUID) (SeminarSession, error) {
	now := s.now()
	return s.changeSession(ctx, actor, cohortID, id, nil, func(tx Store, c Cohort, ss *SeminarSession) (string, error) {
		if err := ss.checkOpenableEarly(DateOf(now)); err != nil {
			return "", err
		}
		by := actor.UserID
		ss.OpenedEarlyAt, ss.OpenedEarlyBy = &now, &by
		return "seminar_session.opened_early", nil
	})
}

// DetermineSeminarSession determines a session's result (penetapan hasil)
// once every participant has the scores required: it freezes the scores,
// stores each participant's result computed from them, and completes the
// projects whose final seminar it is.
func (s *Cohorts) DetermineSeminarSession(ctx context.Context, actor *Actor, cohortID, id uuid.UUID) (SeminarSession, error) {
	now := s.now()
	return s.changeSession(ctx, actor, cohortID, id, nil, func(tx Store, c Cohort, ss *SeminarSession) (string, error) {
		return "seminar_session.determined", s.determine(ctx, tx, actor, c, ss, now)
	})
}

// determine determines one locked session and records what follows.
func (s *Cohorts) determine(ctx context.Context, tx Store, actor *Actor, c Cohort, ss *SeminarSession, now time.Time) error {
	// Scores are recorded under their project's lock: take the
	// participants' locks (in one order), then read the scores again, so
	// that a score recorded meanwhile is either in or refused.
	ids := make([]uuid.UUID, len(ss.Participants))
	for i, p := range ss.Participants {
		ids[i] = p.ProjectID
	}
	slices.SortFunc(ids, func(a, b uuid.UUID) int { return slices.Compare(a[:], b[:]) })
	projects := map[uuid.UUID]Project{}
	for _, id := range ids {
		p, err := tx.Projects().Get(ctx, id, true)
		if err != nil {
			return err
		}
		projects[id] = p
	}
	fresh, err := tx.Seminars().Get(ctx, ss.ID, false)
	if err != nil {
		return err
	}
	ss.Participants = fresh.Participants
	if err := ss.checkDeterminable(c); err != nil {
		return err
	}
	results := ss.determine(c, actor.UserID, now)
	if err := tx.Seminars().SaveResults(ctx, results); err != nil {
		return err
	}
	var events []Event
	for _, r := range results {
		p := projects[r.ProjectID]
		e := projectEvent(actor, now, p, "result.determined")
		e.After, e.Details.Seminar = r, ss.Seminar
		events = append(events, e)
		if ss.Seminar == SeminarFinal && p.Status == ProjectFinalSubmitted {
			p.Status = ProjectCompleted
			p.Version++
			p.UpdatedAt = now
			if err := tx.Projects().Update(ctx, p); err != nil {
				return err
			}
			events = append(events, projectEvent(actor, now, p, "project.completed"))
			closed, err := closeShortTerm(ctx, tx, actor, p, now)
			if err != nil {
				return err
			}
			events = append(events, closed...)
		}
	}
	return tx.Events().Append(ctx, events...)
}

// DetermineCohortResults determines every undetermined session of a
// cohort's seminar at once (the rapat penetapan of the whole cohort): all
// of them or none, the first session lacking a score refusing the lot.
func (s *Cohorts) DetermineCohortResults(ctx context.Context, actor *Actor, cohortID uuid.UUID, seminar Seminar) ([]SeminarSession, error) {
	if err := Authorize(actor, ManageSeminarSessions, Target{CohortID: cohortID}); err != nil {
		return nil, err
	}
	now := s.now()
	err := s.store.WithinTx(ctx, func(tx Store) error {
		c, err := tx.Cohorts().Get(ctx, cohortID)
		if err != nil {
			return err
		}
		list, err := tx.Seminars().List(ctx, cohortID, seminar)
		if err != nil {
			return err
		}
		determined := 0
		for _, listed := range list {
			if listed.DeterminedAt != nil {
				continue
			}
			ss, err := tx.Seminars().Get(ctx, listed.ID, true)
			if err != nil {
				return err
			}
			if err := s.determine(ctx, tx, actor, c, &ss, now); err != nil {
				return err
			}
			ss.Version++
			ss.UpdatedAt = now
			if err := tx.Seminars().Update(ctx, ss); err != nil {
				return err
			}
			if err := tx.Events().Append(ctx, sessionEvent(actor, now, ss, "seminar_session.determined")); err != nil {
				return err
			}
			determined++
		}
		if determined == 0 {
			return Conflict(CodeSessionNoneToDetermine, Params{"seminar": seminar})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.SeminarSessions(ctx, actor, cohortID, seminar)
}
