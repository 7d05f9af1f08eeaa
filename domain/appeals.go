package domain

import (
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// Who does what with appeals: the participant files one (EditProject, the
// participant's own part); the cohort's organizers assign and close them
// (ManageSeminarSessions); the staff read a cohort's (ReadSeminarSessions);
// whoever sees the project reads its own (ReadProject).

// FileAppeal files the participant's appeal (keberatan) of a seminar's
// result: once it is determined and released, within the cohort's
// AppealWorkingDays working days of the release (the holiday calendar's
// working days, WIB), one open appeal per seminar, with reasons.
func (s *Projects) FileAppeal(ctx context.Context, actor *Actor, projectID uuid.UUID, seminar Seminar, reasons string) (Appeal, error) {
	reasons, err := appealReasons(reasons)
	if err != nil {
		return Appeal{}, err
	}
	now := s.now()
	var a Appeal
	err = s.store.WithinTx(ctx, func(tx Store) error {
		p, err := s.loadProject(ctx, tx, actor, projectID, EditProject, true)
		if err != nil {
			return err
		}
		before, err := appealable(ctx, tx, p, seminar, now)
		if err != nil {
			return err
		}
		a = Appeal{ID: NewID(), CohortID: p.CohortID, ProjectID: p.ID, SessionID: before.SessionID, Seminar: seminar, Reasons: reasons,
			Status: AppealFiled, FiledBy: actor.UserID, FiledAt: now, Examiners: []uuid.UUID{}, Before: &before, Version: 1}
		if err := tx.Seminars().CreateAppeal(ctx, a); err != nil {
			return err
		}
		return tx.Events().Append(ctx, appealEvent(actor, now, p, a, "appeal.filed"))
	})
	return a, err
}

// appealable returns the determined result of a project's seminar that may
// be appealed now, or the reason it may not: not determined and released,
// the window closed, or an appeal open already.
func appealable(ctx context.Context, tx Store, p Project, seminar Seminar, now time.Time) (DeterminedResult, error) {
	results, err := tx.Seminars().ResultsOf(ctx, p.ID)
	if err != nil {
		return DeterminedResult{}, err
	}
	i := slices.IndexFunc(results, func(r DeterminedResult) bool { return r.Seminar == seminar })
	releasedAt, err := tx.Seminars().ReleasedAt(ctx, p.CohortID, seminar)
	if err != nil {
		return DeterminedResult{}, err
	}
	if i < 0 || releasedAt == nil {
		return DeterminedResult{}, Conflict(CodeAppealNotReleased, Params{"seminar": seminar})
	}
	cohort, err := tx.Cohorts().Get(ctx, p.CohortID)
	if err != nil {
		return DeterminedResult{}, err
	}
	calendar, err := LoadWorkCalendar(ctx, tx)
	if err != nil {
		return DeterminedResult{}, err
	}
	if err := checkAppealWindow(calendar, cohort.AppealWorkingDays, *releasedAt, now); err != nil {
		return DeterminedResult{}, err
	}
	switch _, err := tx.Seminars().OpenAppeal(ctx, p.ID, seminar); {
	case err == nil:
		return DeterminedResult{}, Conflict(CodeAppealOpenExists)
	case KindOf(err) != KindNotFound:
		return DeterminedResult{}, err
	}
	return results[i], nil
}

// appealEvent is an audit event of an appeal, on its project's timeline.
func appealEvent(actor *Actor, now time.Time, p Project, a Appeal, action string) Event {
	e := projectEvent(actor, now, p, action)
	e.After, e.Details.Seminar = a, a.Seminar
	return e
}

// ProjectAppeals returns a project's appeals to whoever sees the project.
func (s *Projects) ProjectAppeals(ctx context.Context, actor *Actor, projectID uuid.UUID) ([]Appeal, error) {
	p, err := s.loadProject(ctx, s.store, actor, projectID, ReadProject, false)
	if err != nil {
		return nil, err
	}
	return s.store.Seminars().Appeals(ctx, p.CohortID, &p.ID)
}

// Appeals returns a cohort's appeals, newest first, for its staff; its
// organizers are offered assigning and closing them.
func (s *Cohorts) Appeals(ctx context.Context, actor *Actor, cohortID uuid.UUID) ([]Appeal, error) {
	if err := Authorize(actor, ReadSeminarSessions, Target{CohortID: cohortID}); err != nil {
		return nil, err
	}
	list, err := s.store.Seminars().Appeals(ctx, cohortID, nil)
	for i := range list {
		offerAppeal(actor, &list[i])
	}
	return list, err
}

// changeAppeal runs fn on a locked appeal of the cohort, under its
// project's lock (the lock scores are recorded under), then saves it.
func (s *Cohorts) changeAppeal(ctx context.Context, actor *Actor, cohortID, id uuid.UUID, fn func(tx Store, p Project, a *Appeal) ([]Event, error)) (Appeal, error) {
	if err := Authorize(actor, ManageSeminarSessions, Target{CohortID: cohortID}); err != nil {
		return Appeal{}, err
	}
	var a Appeal
	err := s.store.WithinTx(ctx, func(tx Store) error {
		found, err := tx.Seminars().GetAppeal(ctx, id, false)
		if err != nil || found.CohortID != cohortID {
			return or(err, NotFound("appeal"))
		}
		p, err := tx.Projects().Get(ctx, found.ProjectID, true)
		if err != nil {
			return err
		}
		if a, err = tx.Seminars().GetAppeal(ctx, id, true); err != nil {
			return err
		}
		events, err := fn(tx, p, &a)
		if err != nil {
			return err
		}
		a.Version++
		if err := tx.Seminars().UpdateAppeal(ctx, a); err != nil {
			return err
		}
		return tx.Events().Append(ctx, events...)
	})
	offerAppeal(actor, &a)
	return a, err
}

// AssignAppeal assigns an open appeal to the examiners concerned (examiners
// of the participant's session), who may then change their score with a
// written reason; each of them is told by e-mail.
func (s *Cohorts) AssignAppeal(ctx context.Context, actor *Actor, cohortID, id uuid.UUID, examiners []uuid.UUID) (Appeal, error) {
	now := s.now()
	return s.changeAppeal(ctx, actor, cohortID, id, func(tx Store, p Project, a *Appeal) ([]Event, error) {
		ss, err := tx.Seminars().Get(ctx, a.SessionID, false)
		if err != nil {
			return nil, err
		}
		if err := a.checkAssignable(ss, examiners); err != nil {
			return nil, err
		}
		a.Status, a.Examiners, a.AssignedAt = AppealAssigned, examiners, &now
		if err := s.Mail.queueLetter(ctx, tx, now, Mail{Kind: MailReviewWaiting}, examiners, appealAssignedLetter(p, *a), cohortID); err != nil {
			return nil, err
		}
		return []Event{appealEvent(actor, now, p, *a, "appeal.assigned")}, nil
	})
}

// CloseAppeal closes an appeal with the organizer's decision (granted,
// partly granted or refused) and a note, and determines the participant's
// result again from the assigned examiners' latest scores (changed or
// not during the appeal); the participant is told by e-mail.
func (s *Cohorts) CloseAppeal(ctx context.Context, actor *Actor, cohortID, id uuid.UUID, decision, note string) (Appeal, error) {
	status, err := ParseAppealDecision("decision", decision)
	if err != nil {
		return Appeal{}, err
	}
	var v Violations
	note = longText(&v, "note", note)
	if err := v.Err(); err != nil {
		return Appeal{}, err
	}
	now := s.now()
	return s.changeAppeal(ctx, actor, cohortID, id, func(tx Store, p Project, a *Appeal) ([]Event, error) {
		if err := a.checkClosable(); err != nil {
			return nil, err
		}
		c, err := tx.Cohorts().Get(ctx, cohortID)
		if err != nil {
			return nil, err
		}
		ss, err := tx.Seminars().Get(ctx, a.SessionID, false)
		if err != nil {
			return nil, err
		}
		i := slices.IndexFunc(ss.Participants, func(sp SessionParticipant) bool { return sp.ProjectID == a.ProjectID })
		if i < 0 {
			return nil, NotFound("session participant")
		}
		var frozen []Assessment
		for _, sc := range ss.assignedScores(ss.Participants[i]) {
			frozen = append(frozen, Assessment{Seminar: ss.Seminar, ExaminerID: sc.ExaminerID, Total: sc.Total, At: sc.At})
		}
		r := Results(c.Thresholds, frozen)[0]
		after := DeterminedResult{ProjectID: a.ProjectID, CohortID: cohortID, Seminar: a.Seminar, SessionID: ss.ID, Score: r.Score,
			Predicate: r.Predicate, Examiners: r.Examiners, DeterminedAt: now, DeterminedBy: actor.UserID}
		if err := tx.Seminars().SaveResults(ctx, []DeterminedResult{after}); err != nil {
			return nil, err
		}
		by := actor.UserID
		a.Status, a.Note, a.ClosedAt, a.ClosedBy, a.After = status, note, &now, &by, &after
		closed := appealEvent(actor, now, p, *a, "appeal.closed")
		closed.Details.Comment = note
		redetermined := projectEvent(actor, now, p, "result.redetermined")
		redetermined.Before, redetermined.After, redetermined.Details.Seminar = a.Before, after, a.Seminar
		if err := s.Mail.queueLetter(ctx, tx, now, Mail{Kind: MailDecision}, []uuid.UUID{p.Parties.ParticipantID},
			appealClosedLetter(p.Title, status, after, note), cohortID); err != nil {
			return nil, err
		}
		return []Event{closed, redetermined}, nil
	})
}

// appealClosedLetter tells the participant the decision on their appeal and
// the result as determined again.
func appealClosedLetter(project string, status AppealStatus, r DeterminedResult, note string) letterText {
	decided := map[AppealStatus]string{AppealGranted: "dikabulkan", AppealPartlyGranted: "dikabulkan sebagian", AppealRefused: "ditolak"}[status]
	seminar := map[Seminar]string{SeminarDesign: "seminar rancangan", SeminarFinal: "seminar laporan akhir"}[r.Seminar]
	text := "Keberatan Anda atas hasil " + seminar + " proyek perubahan " + quoted(project) + " " + decided + ". " +
		"Hasil ditetapkan kembali: nilai " + formatScore(r.Score) + ", kualifikasi " + predicateWords[r.Predicate] + "."
	l := letterText{Subject: "Keputusan keberatan hasil " + seminar + ": " + quoted(project), Text: withComment(text, note)}
	l.Link = projectPage(r.ProjectID)
	return l
}

// appealAssignedLetter tells an examiner that an appeal of a result they
// scored is assigned to them, with the participant's reasons.
func appealAssignedLetter(p Project, a Appeal) letterText {
	seminar := map[Seminar]string{SeminarDesign: "seminar rancangan", SeminarFinal: "seminar laporan akhir"}[a.Seminar]
	text := "Keberatan peserta atas hasil " + seminar + " proyek perubahan " + quoted(p.Title) + " ditugaskan kepada Anda. " +
		"Anda dapat mengubah nilai Anda selama keberatan diproses, dengan alasan tertulis."
	return letterText{Subject: "Keberatan hasil " + seminar + " ditugaskan kepada Anda: " + quoted(p.Title),
		Text: withComment(text, a.Reasons), Link: projectPage(p.ID)}
}

// predicateWords are the kualifikasi as LAN writes them (title case).
var predicateWords = map[Predicate]string{PredicateSangatMemuaskan: "Sangat Memuaskan", PredicateMemuaskan: "Memuaskan",
	PredicateCukupMemuaskan: "Cukup Memuaskan", PredicateKurangMemuaskan: "Kurang Memuaskan"}

// formatScore writes a score with a decimal comma, as Indonesian does.
func formatScore(f float64) string {
	s := []byte(strconv.FormatFloat(f, 'f', 2, 64))
	for i, c := range s {
		if c == '.' {
			s[i] = ','
		}
	}
	return string(s)
}
