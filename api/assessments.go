package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// Criterion is one part of a rubric.
type Criterion struct {
	Key    string `json:"key" pattern:"^[a-z][a-z0-9_]{0,39}$" maxLength:"40" doc:"Its key, used in scores." example:"issue_analysis"`
	Name   string `json:"name" minLength:"1" maxLength:"200" doc:"What it assesses." example:"Identifikasi dan analisis isu"`
	Weight int    `json:"weight" minimum:"1" maximum:"100" doc:"Its weight in percent; the weights of a rubric sum to 100." example:"25"`
}

// Rubric is how a cohort's examiners score one seminar.
type Rubric struct {
	Seminar  string      `json:"seminar" enum:"design,final" doc:"The seminar." example:"design"`
	Criteria []Criterion `json:"criteria" doc:"The criteria with their weights."`
}

func newRubric(r domain.Rubric) Rubric {
	out := Rubric{Seminar: string(r.Seminar), Criteria: make([]Criterion, len(r.Criteria))}
	for i, c := range r.Criteria {
		out.Criteria[i] = Criterion{Key: c.Key, Name: c.Name, Weight: c.Weight}
	}
	return out
}

// RubricReplace is the body of replace-rubric.
type RubricReplace struct {
	Criteria []Criterion `json:"criteria" minItems:"1" maxItems:"20" doc:"The new criteria; weights sum to 100."`
}

// ScoreBody is an examiner's score for one criterion.
type ScoreBody struct {
	Criterion string  `json:"criterion" maxLength:"40" doc:"The criterion's key." example:"issue_analysis"`
	Score     float64 `json:"score" minimum:"0" maximum:"100" doc:"0–100, at most one decimal." example:"87.5"`
}

// AssessmentCreate is the body of record-assessment.
type AssessmentCreate struct {
	Seminar string      `json:"seminar" enum:"design,final" doc:"The seminar assessed." example:"design"`
	Scores  []ScoreBody `json:"scores" minItems:"1" maxItems:"20" doc:"A score for every criterion of the seminar's rubric, each once."`
	Comment string      `json:"comment,omitempty" maxLength:"10000" doc:"The examiner's remarks." example:"Isu tajam, milestone realistis."`
	Reason  string      `json:"reason,omitempty" maxLength:"10000" doc:"Why the score changes: required for a change during an appeal assigned to the examiner (422 appeal.reason_required)." example:"Capaian tahapan ketiga terverifikasi setelah keberatan."`
}

// Assessment is an examiner's scores of a seminar.
type Assessment struct {
	ID           uuid.UUID   `json:"id" format:"uuid" doc:"The assessment's id."`
	ProjectID    uuid.UUID   `json:"projectId" format:"uuid" doc:"The project assessed."`
	Seminar      string      `json:"seminar" enum:"design,final" doc:"The seminar." example:"design"`
	ExaminerID   uuid.UUID   `json:"examinerId" format:"uuid" doc:"The examiner."`
	ExaminerName string      `json:"examinerName,omitempty" doc:"The examiner's name." example:"Prof. Dr. Hadi Prabowo"`
	Scores       []ScoreBody `json:"scores" doc:"The scores."`
	Comment      string      `json:"comment" example:"Isu tajam, milestone realistis." doc:"The examiner's remarks."`
	Total        float64     `json:"total" doc:"The weighted total, to two decimals." example:"86.25"`
	Predicate    string      `json:"predicate" enum:"sangat_memuaskan,memuaskan,cukup_memuaskan,kurang_memuaskan" doc:"The qualification the total earns: sangat_memuaskan (> 90), memuaskan (> 80), cukup_memuaskan (> 70), kurang_memuaskan (≤ 70)." example:"memuaskan"`
	RecordedAt   time.Time   `json:"recordedAt" doc:"When it was recorded; an examiner's latest counts."`
	SessionID    *uuid.UUID  `json:"sessionId,omitempty" format:"uuid" doc:"The seminar session it was recorded in."`
	Replaces     *uuid.UUID  `json:"replaces,omitempty" format:"uuid" doc:"The examiner's previous score of the seminar that this one revises; every revision is kept."`
	Reason       string      `json:"reason,omitempty" doc:"The examiner's written reason for the revision, when given." example:"Koreksi penjumlahan"`
}

func newAssessment(a domain.Assessment) Assessment {
	out := Assessment{ID: a.ID, ProjectID: a.ProjectID, Seminar: string(a.Seminar), ExaminerID: a.ExaminerID, ExaminerName: a.ExaminerName,
		Scores: make([]ScoreBody, len(a.Scores)), Comment: a.Comment, Total: a.Total, Predicate: string(a.Predicate), RecordedAt: a.At,
		SessionID: a.SessionID, Replaces: a.Replaces, Reason: a.Reason}
	for i, s := range a.Scores {
		out.Scores[i] = ScoreBody{Criterion: s.Criterion, Score: s.Score}
	}
	return out
}

// SeminarResult is a project's result in a seminar.
type SeminarResult struct {
	Seminar   string  `json:"seminar" enum:"design,final" doc:"The seminar." example:"final"`
	Score     float64 `json:"score" doc:"The mean of the assigned examiners' totals, to two decimals: frozen once determined." example:"88.4"`
	Predicate string  `json:"predicate" enum:"sangat_memuaskan,memuaskan,cukup_memuaskan,kurang_memuaskan" doc:"The qualification the score earns." example:"memuaskan"`
	Examiners int     `json:"examiners" doc:"How many examiners assessed." example:"2"`
	// Determined is false for the staff's provisional mean before determination.
	Determined bool `json:"determined" doc:"True for a result determined from frozen scores; false for the provisional mean of the scores so far, which only the cohort's staff read."`
}

// SeminarPath names a seminar in the path.
type SeminarPath struct {
	CohortPath
	Seminar string `path:"seminar" enum:"design,final" doc:"The seminar: design or final."`
}

type rubricListOutput struct {
	Body struct {
		Items []Rubric `json:"items" doc:"The cohort's rubrics: design, then final."`
	}
}

type assessmentListOutput struct {
	Body struct {
		Items []Assessment `json:"items" doc:"The assessments, oldest first."`
	}
}

func registerAssessments(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "list-rubrics", Method: http.MethodGet, Path: "/cohorts/{cohortId}/rubrics",
		Summary: "List a cohort's rubrics", Tags: []string{"assessment"}, Security: signedIn,
		Description: "Returns the rubric of each seminar: its criteria and their weights. A cohort starts with its program's default rubrics (Proper's reading of the LAN guideline), which its organizers adjust. The cohort's staff may read them.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound},
	}, func(ctx context.Context, in *CohortPath) (*rubricListOutput, error) {
		rubrics, err := s.Cohorts.Rubrics(ctx, actorOf(ctx), in.CohortID)
		if err != nil {
			return nil, err
		}
		out := &rubricListOutput{}
		out.Body.Items = make([]Rubric, len(rubrics))
		for i, r := range rubrics {
			out.Body.Items[i] = newRubric(r)
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "replace-rubric", Method: http.MethodPut, Path: "/cohorts/{cohortId}/rubrics/{seminar}",
		Summary: "Replace a seminar's rubric", Tags: []string{"assessment"}, Security: signedIn,
		Description: "Replaces the criteria of a seminar's rubric (weights summing to 100), until the first assessment of that seminar is recorded (409 after). The cohort's organizers may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		SeminarPath
		Body RubricReplace
	}) (*struct{ Body Rubric }, error) {
		r := domain.Rubric{CohortID: in.CohortID, Seminar: domain.Seminar(in.Seminar), Criteria: make([]domain.Criterion, len(in.Body.Criteria))}
		for i, c := range in.Body.Criteria {
			r.Criteria[i] = domain.Criterion{Key: c.Key, Name: c.Name, Weight: c.Weight}
		}
		saved, err := s.Cohorts.ReplaceRubric(ctx, actorOf(ctx), r)
		if err != nil {
			return nil, err
		}
		return &struct{ Body Rubric }{Body: newRubric(saved)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "release-results", Method: http.MethodPost, Path: "/cohorts/{cohortId}/results/{seminar}/release", DefaultStatus: http.StatusNoContent,
		Summary: "Release a seminar's results to participants", Tags: []string{"assessment"}, Security: signedIn,
		Description: "Lets the cohort's participants and their mentors read the assessments of the seminar. The cohort's organizers may do this; releasing again changes nothing.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound},
	}, func(ctx context.Context, in *SeminarPath) (*struct{}, error) {
		return nil, s.Cohorts.ReleaseResults(ctx, actorOf(ctx), in.CohortID, domain.Seminar(in.Seminar))
	})

	huma.Register(api, huma.Operation{
		OperationID: "record-assessment", Method: http.MethodPost, Path: "/projects/{projectId}/assessments", DefaultStatus: http.StatusCreated,
		Summary: "Score a seminar", Tags: []string{"assessment"}, Security: signedIn, Metadata: idempotent,
		Description: "An examiner assigned to the participant's session of the seminar scores every criterion of the seminar's rubric (0–100, one decimal); Proper computes the weighted total and its predicate. An examiner not assigned answers 403 assessment.not_assigned. Scores are accepted from the session's day (409 assessment.session_not_open before, unless an organizer opened it early) until its result is determined (409 assessment.determined after, unless an appeal of the result is assigned to the examiner: then with a written reason). The design seminar needs a submitted design and is over once the implementation starts (409 assessment.design_stage_over); the final seminar needs a submitted final report. Scoring again revises the examiner's score: the latest counts, earlier ones stay as history (replaces). The project completes when the final seminar's result is determined, not here.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ProjectPath
		IdempotencyKeyHeader
		Body AssessmentCreate
	}) (*struct{ Body Assessment }, error) {
		scores := make([]domain.Score, len(in.Body.Scores))
		for i, sc := range in.Body.Scores {
			scores[i] = domain.Score{Criterion: sc.Criterion, Score: sc.Score}
		}
		a, err := s.Projects.ReviseAssessment(ctx, actorOf(ctx), in.ProjectID, domain.Seminar(in.Body.Seminar), scores, in.Body.Comment, in.Body.Reason)
		if err != nil {
			return nil, err
		}
		return &struct{ Body Assessment }{Body: newAssessment(a)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-assessments", Method: http.MethodGet, Path: "/projects/{projectId}/assessments",
		Summary: "List a project's assessments", Tags: []string{"assessment"}, Security: signedIn,
		Description: "The cohort's organizers and examiners and the participant's coach read every assessment, with each revision; the participant and their mentor read those of seminars whose result is determined and released, when the cohort shows participants each examiner's scores (otherwise only the result, on get-project).",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *ProjectPath) (*assessmentListOutput, error) {
		list, err := s.Projects.Assessments(ctx, actorOf(ctx), in.ProjectID)
		if err != nil {
			return nil, err
		}
		out := &assessmentListOutput{}
		out.Body.Items = make([]Assessment, len(list))
		for i, a := range list {
			out.Body.Items[i] = newAssessment(a)
		}
		return out, nil
	})
}
