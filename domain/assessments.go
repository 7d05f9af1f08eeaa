package domain

import (
	"context"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// Rubrics returns a cohort's rubrics, for its staff.
func (s *Cohorts) Rubrics(ctx context.Context, actor *Actor, cohortID uuid.UUID) ([]Rubric, error) {
	if err := Authorize(actor, ReadRubrics, Target{CohortID: cohortID}); err != nil {
		return nil, err
	}
	cohort, err := s.store.Cohorts().Get(ctx, cohortID)
	if err != nil {
		return nil, err
	}
	return rubricsOf(ctx, s.store, cohort)
}

// rubricsOf returns a cohort's rubrics: those stored, and its program's
// defaults for seminars without one (cohorts created before rubrics were).
func rubricsOf(ctx context.Context, store Store, cohort Cohort) ([]Rubric, error) {
	stored, err := store.Assessments().Rubrics(ctx, cohort.ID)
	if err != nil {
		return nil, err
	}
	out := DefaultRubrics(cohort.ID, cohort.Program)
	for i := range out {
		if j := slices.IndexFunc(stored, func(r Rubric) bool { return r.Seminar == out[i].Seminar }); j >= 0 {
			out[i] = stored[j]
		}
	}
	return out, nil
}

// ReplaceRubric replaces a cohort's rubric for a seminar, until the first
// assessment of that seminar is recorded: scores must not change meaning.
func (s *Cohorts) ReplaceRubric(ctx context.Context, actor *Actor, r Rubric) (Rubric, error) {
	if err := Authorize(actor, ManageRubrics, Target{CohortID: r.CohortID}); err != nil {
		return Rubric{}, err
	}
	if err := r.validate(); err != nil {
		return Rubric{}, err
	}
	err := s.store.WithinTx(ctx, func(tx Store) error {
		recorded, err := tx.Assessments().Recorded(ctx, r.CohortID, r.Seminar)
		if err != nil {
			return err
		}
		if recorded {
			return Conflict(CodeRubricLocked, Params{"seminar": r.Seminar})
		}
		if err := tx.Assessments().SaveRubric(ctx, r); err != nil {
			return err
		}
		e := event(actor, s.now(), "rubric.replaced", "cohort", r.CohortID)
		e.CohortID, e.After = &r.CohortID, r
		return tx.Events().Append(ctx, e)
	})
	return r, err
}

// ReleaseResults lets the participants (and their mentors) of a cohort read
// their assessments of a seminar.
func (s *Cohorts) ReleaseResults(ctx context.Context, actor *Actor, cohort uuid.UUID, seminar Seminar) error {
	if err := Authorize(actor, ReleaseResults, Target{CohortID: cohort}); err != nil {
		return err
	}
	return s.store.WithinTx(ctx, func(tx Store) error {
		if err := tx.Assessments().Release(ctx, cohort, seminar, actor.UserID, s.now()); err != nil {
			return err
		}
		e := event(actor, s.now(), "results.released", "cohort", cohort)
		e.CohortID, e.After = &cohort, map[string]Seminar{"seminar": seminar}
		return tx.Events().Append(ctx, e)
	})
}

// RecordAssessment records an examiner's scores of a project's seminar,
// against the cohort's rubric. The design seminar assesses a submitted
// design; the final seminar a submitted final report, and completes the
// project. An examiner may assess again: the latest counts.
func (s *Projects) RecordAssessment(ctx context.Context, actor *Actor, projectID uuid.UUID, seminar Seminar, scores []Score, comment string) (Assessment, error) {
	var a Assessment
	_, err := s.change(ctx, actor, projectID, AssessProject, nil, func(tx Store, p *Project) ([]Event, error) {
		if err := p.checkAssessable(seminar); err != nil {
			return nil, err
		}
		cohort, err := tx.Cohorts().Get(ctx, p.CohortID)
		if err != nil {
			return nil, err
		}
		rubrics, err := rubricsOf(ctx, tx, cohort)
		if err != nil {
			return nil, err
		}
		i := slices.IndexFunc(rubrics, func(r Rubric) bool { return r.Seminar == seminar })
		total, predicate, err := rubrics[i].score(cohort.Thresholds, scores)
		if err != nil {
			return nil, err
		}
		a = Assessment{ID: NewID(), ProjectID: p.ID, CohortID: p.CohortID, Seminar: seminar, ExaminerID: actor.UserID,
			Scores: scores, Comment: strings.TrimSpace(comment), Total: total, Predicate: predicate, At: s.now()}
		if err := tx.Assessments().Create(ctx, a); err != nil {
			return nil, err
		}
		e := projectEvent(actor, a.At, *p, "assessment.recorded")
		e.TargetType, e.TargetID, e.After, e.Details.Seminar = "assessment", a.ID, a, seminar
		events := []Event{e}
		if seminar == SeminarFinal && p.Status == ProjectFinalSubmitted {
			p.Status = ProjectCompleted
			events = append(events, projectEvent(actor, a.At, *p, "project.completed"))
		}
		return events, nil
	})
	return a, err
}

// Assessments returns a project's assessments the actor may read: all of
// them for the cohort's organizers and examiners and the participant's
// coach; for the participant and their mentor, those of seminars whose
// results are released.
func (s *Projects) Assessments(ctx context.Context, actor *Actor, projectID uuid.UUID) ([]Assessment, error) {
	p, err := s.loadProject(ctx, s.store, actor, projectID, ReadAssessments, false)
	if err != nil {
		return nil, err
	}
	return s.visibleAssessments(ctx, actor, p)
}

func (s *Projects) visibleAssessments(ctx context.Context, actor *Actor, p Project) ([]Assessment, error) {
	if !p.Assessed {
		return []Assessment{}, nil
	}
	all, err := s.store.Assessments().OfProject(ctx, p.ID)
	if err != nil || seesUnreleasedResults(actor, projectTarget(p)) || len(all) == 0 {
		return all, err
	}
	released, err := s.store.Assessments().Released(ctx, p.CohortID)
	if err != nil {
		return nil, err
	}
	visible := []Assessment{}
	for _, a := range all {
		if slices.Contains(released, a.Seminar) {
			visible = append(visible, a)
		}
	}
	return visible, nil
}

// ProjectResults returns the seminar results of a project that the actor
// may read (see Assessments).
func (s *Projects) ProjectResults(ctx context.Context, actor *Actor, p Project) ([]SeminarResult, error) {
	assessments, err := s.visibleAssessments(ctx, actor, p)
	if err != nil || len(assessments) == 0 {
		return nil, err
	}
	cohort, err := s.store.Cohorts().Get(ctx, p.CohortID)
	if err != nil {
		return nil, err
	}
	return Results(cohort.Thresholds, assessments), nil
}
