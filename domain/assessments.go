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
// against the cohort's rubric. Only an examiner assigned to the session
// where the participant presents that seminar scores it, from the
// session's date (or once an organizer opened it early) until its result
// is determined; the design seminar assesses a submitted design until the
// implementation starts, the final seminar a submitted final report. An
// examiner may score again until determination: the latest counts, and
// each earlier score stays as the history (Replaces). The project
// completes when the final seminar's result is determined
// (DetermineSeminarSession), not here.
func (s *Projects) RecordAssessment(ctx context.Context, actor *Actor, projectID uuid.UUID, seminar Seminar, scores []Score, comment string) (Assessment, error) {
	return s.ReviseAssessment(ctx, actor, projectID, seminar, scores, comment, "")
}

// ReviseAssessment is RecordAssessment with the examiner's written reason
// for the change. After determination a score changes only while an appeal
// of the participant's result is assigned to the examiner, and then only
// with a reason (422 appeal.reason_required without); the organizer's
// closing of the appeal determines the result again.
func (s *Projects) ReviseAssessment(ctx context.Context, actor *Actor, projectID uuid.UUID, seminar Seminar, scores []Score, comment, reason string) (Assessment, error) {
	var a Assessment
	reason = strings.TrimSpace(reason)
	now := s.now()
	_, err := s.change(ctx, actor, projectID, AssessProject, nil, func(tx Store, p *Project) ([]Event, error) {
		ss, err := tx.Seminars().OfProject(ctx, p.ID, seminar)
		if KindOf(err) == KindNotFound {
			return nil, Fail(KindForbidden, CodeAssessmentNotAssigned, Params{"seminar": seminar})
		}
		if err != nil {
			return nil, err
		}
		scorable := ss.checkScorable(actor.UserID, *p, DateOf(now))
		if ss.DeterminedAt != nil && ss.assigned(actor.UserID) {
			switch appeal, err := tx.Seminars().OpenAppeal(ctx, p.ID, seminar); {
			case err == nil && appeal.reopens(actor.UserID):
				if reason == "" {
					return nil, Invalid("reason", CodeAppealReasonRequired)
				}
				scorable = nil
			case err != nil && KindOf(err) != KindNotFound:
				return nil, err
			}
		}
		if scorable != nil {
			return nil, scorable
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
		previous, err := s.latestOf(ctx, tx, p.ID, seminar, actor.UserID)
		if err != nil {
			return nil, err
		}
		a = Assessment{ID: NewID(), ProjectID: p.ID, CohortID: p.CohortID, Seminar: seminar, ExaminerID: actor.UserID,
			Scores: scores, Comment: strings.TrimSpace(comment), Total: total, Predicate: predicate, At: now, SessionID: &ss.ID, Reason: reason}
		action := "assessment.recorded"
		if previous != nil {
			a.Replaces, action = &previous.ID, "assessment.revised"
		}
		if err := tx.Assessments().Create(ctx, a); err != nil {
			return nil, err
		}
		e := projectEvent(actor, a.At, *p, action)
		e.TargetType, e.TargetID, e.After, e.Details.Seminar = "assessment", a.ID, a, seminar
		if previous != nil {
			e.Before, e.Details.Comment = *previous, reason
		}
		return []Event{e}, nil
	})
	return a, err
}

// latestOf returns an examiner's latest score of a project's seminar, or nil.
func (s *Projects) latestOf(ctx context.Context, tx Store, project uuid.UUID, seminar Seminar, examiner uuid.UUID) (*Assessment, error) {
	all, err := tx.Assessments().OfProject(ctx, project)
	if err != nil {
		return nil, err
	}
	var latest *Assessment
	for i, a := range all { // oldest first
		if a.Seminar == seminar && a.ExaminerID == examiner {
			latest = &all[i]
		}
	}
	return latest, nil
}

// Assessments returns a project's assessments the actor may read: all of
// them for the cohort's organizers and examiners and the participant's
// coach; for the participant and their mentor, those of seminars whose
// result is determined and released, when the cohort shows participants
// each examiner's scores (Cohort.ShowExaminerScores).
func (s *Projects) Assessments(ctx context.Context, actor *Actor, projectID uuid.UUID) ([]Assessment, error) {
	p, err := s.loadProject(ctx, s.store, actor, projectID, ReadAssessments, false)
	if err != nil {
		return nil, err
	}
	assessments, _, err := s.visibleAssessments(ctx, actor, p)
	return assessments, err
}

// visibleAssessments returns the assessments of p that actor may read, and
// the determined results they may read.
func (s *Projects) visibleAssessments(ctx context.Context, actor *Actor, p Project) ([]Assessment, []DeterminedResult, error) {
	if !p.Assessed {
		return []Assessment{}, nil, nil
	}
	all, err := s.store.Assessments().OfProject(ctx, p.ID)
	if err != nil {
		return nil, nil, err
	}
	determined, err := s.store.Seminars().ResultsOf(ctx, p.ID)
	if err != nil || seesUnreleasedResults(actor, projectTarget(p)) {
		return all, determined, err
	}
	released, err := s.store.Assessments().Released(ctx, p.CohortID)
	if err != nil {
		return nil, nil, err
	}
	cohort, err := s.store.Cohorts().Get(ctx, p.CohortID)
	if err != nil {
		return nil, nil, err
	}
	var results []DeterminedResult
	for _, r := range determined {
		if slices.Contains(released, r.Seminar) {
			results = append(results, r)
		}
	}
	visible := []Assessment{}
	for _, a := range all {
		if cohort.ShowExaminerScores && slices.ContainsFunc(results, func(r DeterminedResult) bool { return r.Seminar == a.Seminar }) {
			visible = append(visible, a)
		}
	}
	return visible, results, nil
}

// ProjectResults returns the seminar results of a project that the actor
// may read: for the participant and their mentor, the determined results
// of released seminars; for the staff also the provisional mean of a
// seminar not yet determined (Determined false).
func (s *Projects) ProjectResults(ctx context.Context, actor *Actor, p Project) ([]SeminarResult, error) {
	assessments, determined, err := s.visibleAssessments(ctx, actor, p)
	if err != nil {
		return nil, err
	}
	var out []SeminarResult
	for _, seminar := range []Seminar{SeminarDesign, SeminarFinal} {
		if i := slices.IndexFunc(determined, func(r DeterminedResult) bool { return r.Seminar == seminar }); i >= 0 {
			r := determined[i]
			out = append(out, SeminarResult{Seminar: seminar, Score: r.Score, Predicate: r.Predicate, Examiners: r.Examiners, Determined: true})
			continue
		}
		if !seesUnreleasedResults(actor, projectTarget(p)) {
			continue
		}
		var of []Assessment
		for _, a := range assessments {
			if a.Seminar == seminar {
				of = append(of, a)
			}
		}
		if len(of) == 0 {
			continue
		}
		cohort, err := s.store.Cohorts().Get(ctx, p.CohortID)
		if err != nil {
			return nil, err
		}
		out = append(out, Results(cohort.Thresholds, of)...)
	}
	return out, nil
}
