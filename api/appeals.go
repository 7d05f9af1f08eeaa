package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// Appeal is a keberatan of a released seminar result.
type Appeal struct {
	ID         uuid.UUID         `json:"id" format:"uuid" doc:"The appeal's id."`
	CohortID   uuid.UUID         `json:"cohortId" format:"uuid" doc:"Its cohort."`
	ProjectID  uuid.UUID         `json:"projectId" format:"uuid" doc:"The project whose result is appealed."`
	SessionID  uuid.UUID         `json:"sessionId" format:"uuid" doc:"The seminar session of the result."`
	Seminar    string            `json:"seminar" enum:"design,final" doc:"The seminar." example:"final"`
	Reasons    string            `json:"reasons" doc:"The participant's reasons." example:"Capaian tahapan jangka pendek ketiga tidak tercantum dalam penilaian."`
	Status     string            `json:"status" enum:"filed,assigned,granted,partly_granted,refused" doc:"Filed by the participant, assigned to the examiners concerned, or closed with the decision." example:"filed"`
	FiledBy    uuid.UUID         `json:"filedBy" format:"uuid" doc:"Who filed it."`
	FiledAt    time.Time         `json:"filedAt" doc:"When it was filed."`
	Examiners  []uuid.UUID       `json:"examiners" doc:"The examiners concerned, who may change their score with a written reason while it is assigned."`
	AssignedAt *time.Time        `json:"assignedAt,omitempty" doc:"When it was assigned."`
	ClosedAt   *time.Time        `json:"closedAt,omitempty" doc:"When it was decided."`
	ClosedBy   *uuid.UUID        `json:"closedBy,omitempty" format:"uuid" doc:"Who decided it."`
	Note       string            `json:"note,omitempty" doc:"The organizer's note with the decision."`
	Before     *DeterminedResult `json:"before,omitempty" doc:"The result when it was filed."`
	After      *DeterminedResult `json:"after,omitempty" doc:"The result as determined again at its closing."`
	Version    int64             `json:"version" doc:"Its version." example:"1"`
	Offered
}

func newDeterminedResult(r *domain.DeterminedResult) *DeterminedResult {
	if r == nil {
		return nil
	}
	return &DeterminedResult{Score: r.Score, Predicate: string(r.Predicate), Examiners: r.Examiners, DeterminedAt: r.DeterminedAt, DeterminedBy: r.DeterminedBy}
}

func newAppeal(a domain.Appeal) Appeal {
	return Appeal{ID: a.ID, CohortID: a.CohortID, ProjectID: a.ProjectID, SessionID: a.SessionID, Seminar: string(a.Seminar), Reasons: a.Reasons,
		Status: string(a.Status), FiledBy: a.FiledBy, FiledAt: a.FiledAt, Examiners: a.Examiners, AssignedAt: a.AssignedAt, ClosedAt: a.ClosedAt,
		ClosedBy: a.ClosedBy, Note: a.Note, Before: newDeterminedResult(a.Before), After: newDeterminedResult(a.After), Version: a.Version,
		Offered: offered(a.Offer)}
}

// AppealCreate is the body of file-appeal.
type AppealCreate struct {
	Seminar string `json:"seminar" enum:"design,final" doc:"The seminar whose released result is appealed." example:"final"`
	Reasons string `json:"reasons" minLength:"1" maxLength:"10000" doc:"Why the result should be reconsidered." example:"Capaian tahapan jangka pendek ketiga tidak tercantum dalam penilaian."`
}

// AppealAssignment is the body of assign-appeal.
type AppealAssignment struct {
	Examiners []uuid.UUID `json:"examiners" minItems:"1" maxItems:"20" format:"uuid" maxLength:"36" doc:"The examiners concerned: examiners of the participant's session."`
}

// AppealDecision is the body of close-appeal.
type AppealDecision struct {
	Decision string `json:"decision" enum:"granted,partly_granted,refused" doc:"The decision." example:"partly_granted"`
	Note     string `json:"note,omitempty" maxLength:"10000" doc:"The organizer's note, sent to the participant." example:"Nilai kriteria capaian disesuaikan oleh penguji."`
}

// AppealPath names an appeal of a cohort.
type AppealPath struct {
	CohortPath
	AppealID uuid.UUID `path:"appealId" format:"uuid" doc:"The appeal's id."`
}

type appealListOutput struct {
	Body struct {
		Items []Appeal `json:"items" doc:"The appeals, newest first."`
	}
}

func appealsAnswer(list []domain.Appeal, err error) (*appealListOutput, error) {
	if err != nil {
		return nil, err
	}
	out := &appealListOutput{}
	out.Body.Items = make([]Appeal, len(list))
	for i, a := range list {
		out.Body.Items[i] = newAppeal(a)
	}
	return out, nil
}

func appealAnswer(a domain.Appeal, err error) (*struct{ Body Appeal }, error) {
	if err != nil {
		return nil, err
	}
	return &struct{ Body Appeal }{Body: newAppeal(a)}, nil
}

func registerAppeals(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "file-appeal", Method: http.MethodPost, Path: "/projects/{projectId}/appeals", DefaultStatus: http.StatusCreated,
		Summary: "Appeal a released seminar result", Tags: []string{"assessment"}, Security: signedIn, Metadata: idempotent,
		Description: "The participant files a keberatan of a seminar's determined and released result, within the cohort's appeal window: its number of working days after the release (weekends and the holiday calendar's days do not count; 409 appeal.window_closed after, naming the last day). One open appeal per seminar (409 appeal.open_exists).",
		Errors:      sessionErrors,
	}, func(ctx context.Context, in *struct {
		ProjectPath
		IdempotencyKeyHeader
		Body AppealCreate
	}) (*struct{ Body Appeal }, error) {
		return appealAnswer(s.Projects.FileAppeal(ctx, actorOf(ctx), in.ProjectID, domain.Seminar(in.Body.Seminar), in.Body.Reasons))
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-project-appeals", Method: http.MethodGet, Path: "/projects/{projectId}/appeals",
		Summary: "List a project's appeals", Tags: []string{"assessment"}, Security: signedIn,
		Description: "The appeals of a project's seminar results, newest first, to whoever sees the project.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *ProjectPath) (*appealListOutput, error) {
		return appealsAnswer(s.Projects.ProjectAppeals(ctx, actorOf(ctx), in.ProjectID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-appeals", Method: http.MethodGet, Path: "/cohorts/{cohortId}/appeals",
		Summary: "List a cohort's appeals", Tags: []string{"assessment"}, Security: signedIn,
		Description: "The cohort's appeals, newest first: the organizers' board (assign, close), read by the cohort's staff.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound},
	}, func(ctx context.Context, in *CohortPath) (*appealListOutput, error) {
		return appealsAnswer(s.Cohorts.Appeals(ctx, actorOf(ctx), in.CohortID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "assign-appeal", Method: http.MethodPost, Path: "/cohorts/{cohortId}/appeals/{appealId}/assignment",
		Summary: "Assign an appeal to the examiners concerned", Tags: []string{"assessment"}, Security: signedIn,
		Description: "Assigns an open appeal to examiners of the participant's session, who may then change their score of the determined result, each change with a written reason (record-assessment's reason). The cohort's organizers may do this.",
		Errors:      sessionErrors,
	}, func(ctx context.Context, in *struct {
		AppealPath
		Body AppealAssignment
	}) (*struct{ Body Appeal }, error) {
		return appealAnswer(s.Cohorts.AssignAppeal(ctx, actorOf(ctx), in.CohortID, in.AppealID, in.Body.Examiners))
	})

	huma.Register(api, huma.Operation{
		OperationID: "close-appeal", Method: http.MethodPost, Path: "/cohorts/{cohortId}/appeals/{appealId}/decision",
		Summary: "Decide an appeal", Tags: []string{"assessment"}, Security: signedIn,
		Description: "Closes an appeal as granted, partly granted or refused, and determines the participant's result again from the assigned examiners' latest scores (after); the participant is told by e-mail, and the timeline records both. The cohort's organizers may do this.",
		Errors:      sessionErrors,
	}, func(ctx context.Context, in *struct {
		AppealPath
		Body AppealDecision
	}) (*struct{ Body Appeal }, error) {
		return appealAnswer(s.Cohorts.CloseAppeal(ctx, actorOf(ctx), in.CohortID, in.AppealID, in.Body.Decision, in.Body.Note))
	})
}
