package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// MilestoneRedate moves an approved milestone's due date.
type MilestoneRedate struct {
	MilestoneID uuid.UUID   `json:"milestoneId" format:"uuid" doc:"The milestone."`
	DueOn       domain.Date `json:"dueOn" format:"date" doc:"Its new due date." example:"2026-06-30"`
}

// MilestoneRetitle renames an approved milestone.
type MilestoneRetitle struct {
	MilestoneID uuid.UUID `json:"milestoneId" format:"uuid" doc:"The milestone."`
	Title       string    `json:"title" minLength:"1" maxLength:"200" doc:"Its new title." example:"Terbitnya SK Tim Efektif"`
}

// PlanChanges are the changes a change request proposes.
type PlanChanges struct {
	Add      []MilestoneCreate  `json:"add,omitempty" maxItems:"50" doc:"Milestones to add."`
	Remove   []uuid.UUID        `json:"remove,omitempty" maxItems:"50" format:"uuid" maxLength:"36" doc:"Milestones to remove: planned, without evidence."`
	Redate   []MilestoneRedate  `json:"redate,omitempty" maxItems:"50" doc:"Milestones to re-date."`
	Retitle  []MilestoneRetitle `json:"retitle,omitempty" maxItems:"50" doc:"Milestones to retitle."`
	Continue []uuid.UUID        `json:"continue,omitempty" maxItems:"50" format:"uuid" maxLength:"36" doc:"Short-term milestones to continue in the mid term if not achieved when the project completes (the mentor's agreement is their approval of the request); the others close as not_achieved."`
	Goal     *string            `json:"goal,omitempty" maxLength:"10000" doc:"The design's new goal." example:"Waktu tunggu layanan di bawah 20 menit."`
	Scope    *string            `json:"scope,omitempty" maxLength:"10000" doc:"The design's new scope." example:"Seluruh kecamatan di Kota Batam."`
	DesignSectionChanges
}

func planChangesOf(c PlanChanges) domain.PlanChanges {
	out := domain.PlanChanges{Remove: c.Remove, Continue: c.Continue, Goal: c.Goal, Scope: c.Scope, DesignSectionChanges: c.DesignSectionChanges.toDomain()}
	for _, a := range c.Add {
		out.Add = append(out.Add, domain.MilestonePlan{Horizon: a.Horizon, Title: a.Title, Description: a.Description, DueOn: a.DueOn,
			Position: a.Position, Activities: activitiesOf(a.Activities)})
	}
	for _, r := range c.Redate {
		out.Redate = append(out.Redate, domain.MilestoneRedate{MilestoneID: r.MilestoneID, DueOn: r.DueOn})
	}
	for _, r := range c.Retitle {
		out.Retitle = append(out.Retitle, domain.MilestoneRetitle{MilestoneID: r.MilestoneID, Title: r.Title})
	}
	return out
}

func newPlanChanges(c domain.PlanChanges) PlanChanges {
	out := PlanChanges{Add: []MilestoneCreate{}, Remove: c.Remove, Redate: []MilestoneRedate{}, Retitle: []MilestoneRetitle{},
		Continue: c.Continue, Goal: c.Goal, Scope: c.Scope, DesignSectionChanges: newDesignSectionChanges(c.DesignSectionChanges)}
	for _, a := range c.Add {
		m := MilestoneCreate{Horizon: a.Horizon, Title: a.Title, Description: a.Description, DueOn: a.DueOn, Position: a.Position, Activities: []Activity{}}
		for _, act := range a.Activities {
			m.Activities = append(m.Activities, Activity{Title: act.Title, Output: act.Output})
		}
		out.Add = append(out.Add, m)
	}
	for _, r := range c.Redate {
		out.Redate = append(out.Redate, MilestoneRedate{MilestoneID: r.MilestoneID, DueOn: r.DueOn})
	}
	for _, r := range c.Retitle {
		out.Retitle = append(out.Retitle, MilestoneRetitle{MilestoneID: r.MilestoneID, Title: r.Title})
	}
	return out
}

// ChangeRequestCreate is the body of create-change-request.
type ChangeRequestCreate struct {
	Reason  string      `json:"reason" maxLength:"10000" doc:"Why the plan should change." example:"Jadwal rapat koordinasi lintas OPD diundur oleh Sekretariat Daerah."`
	Changes PlanChanges `json:"changes" doc:"The proposed changes; at least one."`
}

// ChangeRequestReview is one reviewer's verdict on a change request.
type ChangeRequestReview struct {
	ReviewerID uuid.UUID `json:"reviewerId" format:"uuid" doc:"Who decided."`
	Role       string    `json:"role" enum:"mentor,coach" doc:"In which capacity." example:"mentor"`
	Decision   string    `json:"decision" enum:"approve,return" doc:"Their verdict." example:"approve"`
	Comment    string    `json:"comment,omitempty" doc:"What they wrote." example:"Setuju, jadwal baru realistis."`
	At         time.Time `json:"at" doc:"When."`
}

// ChangeRequest is a request to change an approved plan.
type ChangeRequest struct {
	ID              uuid.UUID             `json:"id" format:"uuid" doc:"The change request's id."`
	ProjectID       uuid.UUID             `json:"projectId" format:"uuid" doc:"Its project."`
	Status          string                `json:"status" enum:"pending,approved,returned,withdrawn" doc:"pending until the mentor and the coach (when the participant has one) both approve (approved: applied) or one returns it; withdrawn by the participant." example:"pending"`
	Reason          string                `json:"reason" doc:"Why the plan should change." example:"Jadwal rapat koordinasi lintas OPD diundur."`
	Changes         PlanChanges           `json:"changes" doc:"The proposed changes."`
	BasePlanVersion int                   `json:"basePlanVersion" doc:"The plan version it was proposed against; it applies only to that version." example:"1"`
	PlanVersion     *int                  `json:"planVersion,omitempty" doc:"The plan version it made, once approved." example:"2"`
	ProposedBy      uuid.UUID             `json:"proposedBy" format:"uuid" doc:"The participant who proposed it."`
	DecidedAt       *time.Time            `json:"decidedAt,omitempty" doc:"When it was approved, returned or withdrawn."`
	DecisionComment string                `json:"decisionComment,omitempty" doc:"The comment of the decision that ended it." example:"Tanggal baru melewati seminar akhir."`
	Reviews         []ChangeRequestReview `json:"reviews" doc:"The verdicts so far, oldest first."`
	Version         int64                 `json:"version" doc:"Increases with every change." example:"1"`
	CreatedAt       time.Time             `json:"createdAt" doc:"When it was proposed."`
	UpdatedAt       time.Time             `json:"updatedAt" doc:"When it last changed."`
	Offered
}

func newChangeRequest(cr domain.ChangeRequest) ChangeRequest {
	out := ChangeRequest{ID: cr.ID, ProjectID: cr.ProjectID, Status: string(cr.Status), Reason: cr.Reason, Changes: newPlanChanges(cr.Changes),
		BasePlanVersion: cr.BasePlanVersion, PlanVersion: cr.PlanVersion, ProposedBy: cr.ProposedBy, DecidedAt: cr.DecidedAt,
		DecisionComment: cr.DecisionComment, Reviews: []ChangeRequestReview{}, Version: cr.Version, CreatedAt: cr.CreatedAt, UpdatedAt: cr.UpdatedAt,
		Offered: offered(cr.Offer)}
	if out.Changes.Remove == nil {
		out.Changes.Remove = []uuid.UUID{}
	}
	if out.Changes.Continue == nil {
		out.Changes.Continue = []uuid.UUID{}
	}
	for _, r := range cr.Reviews {
		out.Reviews = append(out.Reviews, ChangeRequestReview{ReviewerID: r.ReviewerID, Role: string(r.ReviewerRole), Decision: r.Decision, Comment: r.Comment, At: r.At})
	}
	return out
}

// ChangeRequestDecision is the body of decide-change-request.
type ChangeRequestDecision struct {
	Decision string `json:"decision" enum:"approve,return" doc:"approve, or return the request (nothing changes)." example:"approve"`
	Comment  string `json:"comment,omitempty" maxLength:"10000" doc:"Why; required to return it." example:"Setuju."`
}

// ChangeRequestPath names a change request in the path.
type ChangeRequestPath struct {
	ChangeRequestID uuid.UUID `path:"changeRequestId" format:"uuid" doc:"The change request's id."`
}

// PlanVersion is one approved version of a project's plan.
type PlanVersion struct {
	Version         int        `json:"version" doc:"The version: 1 at the design's approval." example:"2"`
	ApprovedAt      time.Time  `json:"approvedAt" doc:"When it was approved."`
	ChangeRequestID *uuid.UUID `json:"changeRequestId,omitempty" format:"uuid" doc:"The change request that made it; absent for v1."`
}

type changeRequestOutput struct {
	Body ChangeRequest
}

func registerChangeRequests(api huma.API, s *Services) {
	answer := func(cr domain.ChangeRequest, err error) (*changeRequestOutput, error) {
		if err != nil {
			return nil, err
		}
		return &changeRequestOutput{Body: newChangeRequest(cr)}, nil
	}
	errs := []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity}

	huma.Register(api, huma.Operation{
		OperationID: "create-change-request", Method: http.MethodPost, Path: "/projects/{projectId}/change-requests", DefaultStatus: http.StatusCreated,
		Summary: "Propose a change to the approved plan", Tags: []string{"change-requests"}, Security: signedIn, Metadata: idempotent,
		Description: "Once the design is approved the participant no longer edits the plan directly (409 plan.change_request_required): they propose milestones to add, remove, re-date or retitle, short-term milestones to continue in the mid term, and a new goal or scope, with a reason. Every change is checked against the plan now (422 naming the field, e.g. changes.remove[0]); achieved milestones are read-only (milestone.read_only). The participant may do this.",
		Errors:      errs,
	}, func(ctx context.Context, in *struct {
		ProjectPath
		IdempotencyKeyHeader
		Body ChangeRequestCreate
	}) (*changeRequestOutput, error) {
		return answer(s.Projects.CreateChangeRequest(ctx, actorOf(ctx), in.ProjectID, in.Body.Reason, planChangesOf(in.Body.Changes)))
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-change-requests", Method: http.MethodGet, Path: "/projects/{projectId}/change-requests",
		Summary: "List a project's change requests", Tags: []string{"change-requests"}, Security: signedIn,
		Description: "Lists the project's change requests, newest first, to those who may see the project.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ProjectPath
		PageParams
	}) (*listOutput[ChangeRequest], error) {
		return listAnswer(ctx, newChangeRequest)(s.Projects.ListChangeRequests(ctx, actorOf(ctx), in.ProjectID, in.request()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "get-change-request", Method: http.MethodGet, Path: "/change-requests/{changeRequestId}",
		Summary: "Get a change request", Tags: []string{"change-requests"}, Security: signedIn,
		Description: "Returns a change request with its verdicts to those who may see its project.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *ChangeRequestPath) (*changeRequestOutput, error) {
		return answer(s.Projects.GetChangeRequest(ctx, actorOf(ctx), in.ChangeRequestID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "decide-change-request", Method: http.MethodPost, Path: "/change-requests/{changeRequestId}/decisions",
		Summary: "Approve or return a change request", Tags: []string{"change-requests"}, Security: signedIn,
		Description: "The participant's mentor and coach each decide, as in the design review. When both have approved (the mentor alone when no coach is assigned) the changes apply to the plan at once, in one transaction, and the plan's version goes up; if the plan changed since the request was made (409 plan.request_plan_changed) or a change no longer holds (409 naming it), nothing applies. A return needs a comment and changes nothing. A second verdict by the same person is a 409.",
		Errors:      errs,
	}, func(ctx context.Context, in *struct {
		ChangeRequestPath
		Body ChangeRequestDecision
	}) (*changeRequestOutput, error) {
		return answer(s.Projects.DecideChangeRequest(ctx, actorOf(ctx), in.ChangeRequestID, domain.DesignDecision(in.Body.Decision), in.Body.Comment))
	})

	huma.Register(api, huma.Operation{
		OperationID: "withdraw-change-request", Method: http.MethodPost, Path: "/change-requests/{changeRequestId}/withdrawal",
		Summary: "Withdraw a change request", Tags: []string{"change-requests"}, Security: signedIn,
		Description: "The participant takes back a pending change request; a decided one is a 409.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict},
	}, func(ctx context.Context, in *ChangeRequestPath) (*changeRequestOutput, error) {
		return answer(s.Projects.WithdrawChangeRequest(ctx, actorOf(ctx), in.ChangeRequestID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-plan-versions", Method: http.MethodGet, Path: "/projects/{projectId}/plan-versions",
		Summary: "List the approved versions of a project's plan", Tags: []string{"change-requests"}, Security: signedIn,
		Description: "v1 approved with the design, then one version per approved change request, oldest first.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *ProjectPath) (*struct{ Body PlanVersionList }, error) {
		list, err := s.Projects.PlanVersions(ctx, actorOf(ctx), in.ProjectID)
		if err != nil {
			return nil, err
		}
		out := &struct{ Body PlanVersionList }{Body: PlanVersionList{Items: []PlanVersion{}}}
		for _, v := range list {
			out.Body.Items = append(out.Body.Items, PlanVersion{Version: v.Version, ApprovedAt: v.ApprovedAt, ChangeRequestID: v.ChangeRequestID})
		}
		return out, nil
	})
}

// PlanVersionList is the answer of list-plan-versions.
type PlanVersionList struct {
	Items []PlanVersion `json:"items" doc:"The versions, oldest first."`
}
