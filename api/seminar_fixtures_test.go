package api_test

import (
	"context"
	"testing"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// seminarDay is the first day of a cohort's phase of the seminar: sessions
// of the world's cohorts are held then (weeks from today, see newCohort).
func seminarDay(t testing.TB, c domain.Cohort, seminar domain.Seminar) domain.Date {
	t.Helper()
	kind := domain.PhaseDesignSeminar
	if seminar == domain.SeminarFinal {
		kind = domain.PhaseFinalSeminar
	}
	for _, p := range c.Phases {
		if p.Kind == kind {
			return p.StartsOn
		}
	}
	t.Fatalf("cohort %s has no %s phase", c.Code, kind)
	return domain.Date{}
}

// sessionFor makes the session where a project presents the seminar, as an
// organizer of its cohort would: on the first day of the seminar's phase,
// with the project's enrollment and the given examiners (the world's
// examiner when none), opened early so that it takes scores today. A
// project already in a session of the seminar keeps it.
func (w *world) sessionFor(t testing.TB, project uuid.UUID, seminar domain.Seminar, examiners ...uuid.UUID) domain.SeminarSession {
	t.Helper()
	ctx := context.Background()
	if ss, err := w.store.Seminars().OfProject(ctx, project, seminar); err == nil {
		return ss
	}
	p := w.currentProject(t, project)
	c, err := w.store.Cohorts().Get(ctx, p.CohortID)
	if err != nil {
		t.Fatal(err)
	}
	if len(examiners) == 0 {
		examiners = []uuid.UUID{w.examiner.ID}
	}
	organizer := w.actor(w.organizer)
	ss, err := w.cohorts().CreateSeminarSession(ctx, organizer, domain.SessionPlan{CohortID: c.ID, Seminar: string(seminar),
		HeldOn: seminarDay(t, c, seminar), Room: "Ruang Seminar 1", Participants: []uuid.UUID{p.EnrollmentID}, Examiners: examiners})
	if err != nil {
		t.Fatalf("creating the %s session: %v", seminar, err)
	}
	if ss, err = w.cohorts().OpenSeminarSessionEarly(ctx, organizer, c.ID, ss.ID); err != nil {
		t.Fatalf("opening the %s session early: %v", seminar, err)
	}
	return ss
}

// finalScores are scores of every criterion of a PKN II final rubric.
func finalScores(score float64) []domain.Score {
	var scores []domain.Score
	for _, c := range domain.DefaultRubrics(uuid.Nil, domain.ProgramPKN2)[1].Criteria {
		scores = append(scores, domain.Score{Criterion: c.Key, Score: score})
	}
	return scores
}

// completeFinal has the world's examiner score a final-submitted project in
// its final session, and an organizer determine the session: the project
// completes.
func (w *world) completeFinal(t testing.TB, project uuid.UUID) {
	t.Helper()
	ctx := context.Background()
	ss := w.sessionFor(t, project, domain.SeminarFinal)
	if _, err := w.projects().RecordAssessment(ctx, w.actor(w.examiner), project, domain.SeminarFinal, finalScores(80), "Baik"); err != nil {
		t.Fatalf("scoring the final seminar: %v", err)
	}
	if _, err := w.cohorts().DetermineSeminarSession(ctx, w.actor(w.organizer), ss.CohortID, ss.ID); err != nil {
		t.Fatalf("determining the final seminar: %v", err)
	}
}
