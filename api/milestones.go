package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// Activity is a step (kegiatan) towards a milestone and what it produces.
type Activity struct {
	ID     *uuid.UUID `json:"id,omitempty" format:"uuid" maxLength:"36" doc:"The activity's id, by which evidence names it: given, it keeps an activity of the milestone as it is edited; absent or unknown, a new one is made. Always present in answers."`
	Title  string     `json:"title" minLength:"1" maxLength:"200" doc:"The step." example:"Menyusun SK Tim Efektif"`
	Output string     `json:"output,omitempty" maxLength:"200" doc:"The output it is expected to produce." example:"SK Kepala Dinas"`
}

// Milestone is a milestone (tahapan) of a project as clients see it.
type Milestone struct {
	ID            uuid.UUID     `json:"id" format:"uuid" doc:"The milestone's id."`
	ProjectID     uuid.UUID     `json:"projectId" format:"uuid" doc:"Its project."`
	Horizon       string        `json:"horizon" enum:"short,mid,long" doc:"short (during the training), mid (about a year), long (two years or more)." example:"short"`
	Title         string        `json:"title" doc:"Title." example:"Terbentuknya Tim Efektif"`
	Description   string        `json:"description" example:"Tim efektif lintas bidang ditetapkan dengan SK Kepala Dinas." doc:"Description."`
	DueOn         domain.Date   `json:"dueOn" format:"date" doc:"When it is due." example:"2026-05-15"`
	Position      int           `json:"position" minimum:"0" maximum:"10000" doc:"Order within its horizon, lower first." example:"0"`
	Activities    []Activity    `json:"activities" doc:"The steps towards it."`
	Status        string        `json:"status" enum:"planned,in_progress,awaiting_verification,achieved,not_achieved,continued" doc:"Where it stands: not_achieved and continued close a short-term milestone left unachieved when its project completes (continued: carried on in the mid term as a new milestone, as the mentor agreed). achieved, not_achieved and continued are read-only." example:"planned"`
	ContinueToMid bool          `json:"continueToMid" doc:"The mentor agreed (by an approved change request) to continue it in the mid term if it is not achieved when the project completes."`
	Overdue       bool          `json:"overdue" doc:"Past its due date and not achieved (as of today)."`
	Evidence      EvidenceTally `json:"evidence" doc:"How many of its evidence stand in each status."`
	ReviewComment string        `json:"reviewComment,omitempty" doc:"What the mentor wrote with the latest verdict: why, when they returned it." example:"Foto kegiatan belum dilampirkan."`
	// MissingEvidenceReason is shown with the verified milestone.
	MissingEvidenceReason string    `json:"missingEvidenceReason,omitempty" doc:"Why the mentor verified it achieved although some of its activities had no approved evidence." example:"Rapat koordinasi dibatalkan; hasilnya dicapai lewat surat edaran."`
	Version               int64     `json:"version" doc:"Increases with every change; the ETag names it." example:"1"`
	CreatedAt             time.Time `json:"createdAt" doc:"When it was added."`
	UpdatedAt             time.Time `json:"updatedAt" doc:"When it last changed."`
	Offered
}

// EvidenceTally counts a milestone's evidence by status.
type EvidenceTally struct {
	Submitted int `json:"submitted" doc:"Waiting for the mentor's review." example:"1"`
	Approved  int `json:"approved" doc:"Approved by the mentor." example:"2"`
	Rejected  int `json:"rejected" doc:"Rejected by the mentor." example:"0"`
	Withdrawn int `json:"withdrawn" doc:"Withdrawn by the participant." example:"0"`
}

func newMilestone(today domain.Date) func(domain.Milestone) Milestone {
	return func(m domain.Milestone) Milestone {
		out := Milestone{ID: m.ID, ProjectID: m.ProjectID, Horizon: string(m.Horizon), Title: m.Title, Description: m.Description,
			DueOn: m.DueOn, Position: m.Position, Activities: make([]Activity, len(m.Activities)), Status: string(m.Status), ContinueToMid: m.ContinueToMid,
			Overdue: m.Overdue(today), ReviewComment: m.ReviewComment, MissingEvidenceReason: m.MissingEvidenceReason, Version: m.Version, CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt, Offered: offered(m.Offer),
			Evidence: EvidenceTally{Submitted: m.Evidence[domain.EvidenceSubmitted], Approved: m.Evidence[domain.EvidenceApproved],
				Rejected: m.Evidence[domain.EvidenceRejected], Withdrawn: m.Evidence[domain.EvidenceWithdrawn]}}
		for i, a := range m.Activities {
			id := a.ID
			out.Activities[i] = Activity{ID: &id, Title: a.Title, Output: a.Output}
		}
		return out
	}
}

func activitiesOf(in []Activity) []domain.Activity {
	out := make([]domain.Activity, len(in))
	for i, a := range in {
		out[i] = domain.Activity{Title: a.Title, Output: a.Output}
		if a.ID != nil {
			out[i].ID = *a.ID
		}
	}
	return out
}

// MilestoneCreate is the body of create-milestone.
type MilestoneCreate struct {
	Horizon     string      `json:"horizon" enum:"short,mid,long" doc:"short, mid or long." example:"short"`
	Title       string      `json:"title" minLength:"1" maxLength:"200" doc:"Title." example:"Terbentuknya Tim Efektif"`
	Description string      `json:"description,omitempty" maxLength:"10000" example:"Tim efektif lintas bidang ditetapkan dengan SK Kepala Dinas." doc:"Description."`
	DueOn       domain.Date `json:"dueOn" format:"date" doc:"When it is due." example:"2026-05-15"`
	Position    *int        `json:"position,omitempty" minimum:"0" maximum:"10000" example:"0" doc:"Order within its horizon; last when left out."`
	Activities  []Activity  `json:"activities,omitempty" maxItems:"50" doc:"The steps towards it."`
}

// MilestonePatch is the body of update-milestone, a JSON merge patch.
type MilestonePatch struct {
	Title       Optional[string]      `json:"title,omitempty" maxLength:"200" example:"Terbentuknya Tim Efektif" doc:"New title."`
	Description Optional[string]      `json:"description,omitempty" maxLength:"10000" example:"Tim efektif lintas bidang ditetapkan dengan SK Kepala Dinas." doc:"New description."`
	DueOn       Optional[domain.Date] `json:"dueOn,omitempty" format:"date" doc:"New due date."`
	Position    Optional[int]         `json:"position,omitempty" minimum:"0" maximum:"10000" example:"0" doc:"New position."`
	Activities  *[]Activity           `json:"activities,omitempty" maxItems:"50" doc:"The new steps (replacing the old ones)."`
	Status      Optional[string]      `json:"status,omitempty" enum:"planned,in_progress" doc:"planned or in_progress; claim the milestone to have it verified."`
}

// Verification is the body of verify-milestone.
type Verification struct {
	Decision string `json:"decision" enum:"approve,return" doc:"approve (the milestone is achieved), or return it to in_progress." example:"approve"`
	Comment  string `json:"comment,omitempty" maxLength:"10000" doc:"Why; required to return it." example:"Tercapai, SK sudah ditandatangani."`
	// MissingEvidenceReason lets the mentor verify without evidence of every activity.
	MissingEvidenceReason string `json:"missingEvidenceReason,omitempty" maxLength:"10000" doc:"Approving needs approved evidence of each of the milestone's activities (409 milestone.activity_unproved otherwise), unless the mentor says here why not; the reason is kept and shown with the milestone." example:"Rapat koordinasi dibatalkan; hasilnya dicapai lewat surat edaran."`
}

// MilestonePath names a milestone in the path.
type MilestonePath struct {
	MilestoneID uuid.UUID `path:"milestoneId" format:"uuid" doc:"The milestone's id."`
}

type milestoneOutput struct {
	ETag string `header:"ETag" doc:"The version of the milestone, for If-Match."`
	Body Milestone
}

func registerMilestones(api huma.API, s *Services) {
	answer := func(m domain.Milestone, err error) (*milestoneOutput, error) {
		if err != nil {
			return nil, err
		}
		return &milestoneOutput{ETag: etag(m.Version), Body: newMilestone(s.Projects.Today())(m)}, nil
	}

	huma.Register(api, huma.Operation{
		OperationID: "create-milestone", Method: http.MethodPost, Path: "/projects/{projectId}/milestones", DefaultStatus: http.StatusCreated,
		Summary: "Add a milestone", Tags: []string{"milestones"}, Security: signedIn, Metadata: idempotent,
		Description: "Adds a milestone to the project. The participant may do this; after the design is approved the change shows in the timeline. Once the project is completed, short-term milestones can no longer be added (409).",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ProjectPath
		IdempotencyKeyHeader
		Body MilestoneCreate
	}) (*milestoneOutput, error) {
		b := in.Body
		return answer(s.Projects.CreateMilestone(ctx, actorOf(ctx), in.ProjectID, domain.MilestonePlan{Horizon: b.Horizon, Title: b.Title,
			Description: b.Description, DueOn: b.DueOn, Position: b.Position, Activities: activitiesOf(b.Activities)}))
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-milestones", Method: http.MethodGet, Path: "/projects/{projectId}/milestones",
		Summary: "List a project's milestones", Tags: []string{"milestones"}, Security: signedIn,
		Description: "Lists the milestones by horizon (short, mid, long) and position, each marked overdue when past its due date and not achieved.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ProjectPath
		PageParams
	}) (*listOutput[Milestone], error) {
		return listAnswer(ctx, newMilestone(s.Projects.Today()))(s.Projects.ListMilestones(ctx, actorOf(ctx), in.ProjectID, in.request()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "get-milestone", Method: http.MethodGet, Path: "/milestones/{milestoneId}",
		Summary: "Get a milestone", Tags: []string{"milestones"}, Security: signedIn,
		Description: "Returns a milestone to those who may see its project.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *MilestonePath) (*milestoneOutput, error) {
		return answer(s.Projects.GetMilestone(ctx, actorOf(ctx), in.MilestoneID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "update-milestone", Method: http.MethodPatch, Path: "/milestones/{milestoneId}",
		Summary: "Change a milestone", Tags: []string{"milestones"}, Security: signedIn,
		Description: "Changes a milestone with a JSON merge patch (RFC 7396); its status may move between planned and in_progress (409 otherwise). The participant may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionFailed, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		MilestonePath
		Precondition
		Body MilestonePatch `contentType:"application/merge-patch+json"`
	}) (*milestoneOutput, error) {
		b := in.Body
		c := domain.MilestoneChanges{Title: b.Title.ptr(), Description: b.Description.ptr(), DueOn: b.DueOn.ptr(), Position: b.Position.ptr()}
		if b.Activities != nil {
			a := activitiesOf(*b.Activities)
			c.Activities = &a
		}
		if status := b.Status.ptr(); status != nil {
			st := domain.MilestoneStatus(*status)
			c.Status = &st
		}
		return answer(s.Projects.UpdateMilestone(ctx, actorOf(ctx), in.MilestoneID, c, in.expected()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "delete-milestone", Method: http.MethodDelete, Path: "/milestones/{milestoneId}", DefaultStatus: http.StatusNoContent,
		Summary: "Delete a milestone", Tags: []string{"milestones"}, Security: signedIn,
		Description: "Deletes a planned milestone that has no evidence (409 otherwise). The participant may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionFailed},
	}, func(ctx context.Context, in *struct {
		MilestonePath
		Precondition
	}) (*struct{}, error) {
		return nil, s.Projects.DeleteMilestone(ctx, actorOf(ctx), in.MilestoneID, in.expected())
	})

	huma.Register(api, huma.Operation{
		OperationID: "start-milestone", Method: http.MethodPost, Path: "/milestones/{milestoneId}/start",
		Summary: "Start work on a milestone", Tags: []string{"milestones"}, Security: signedIn,
		Description: "Moves a planned milestone to in_progress: work on it has begun. Its first evidence does the same on its own. It needs an approved design and an open horizon, and the milestone must still be planned (409 otherwise). The participant may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict},
	}, func(ctx context.Context, in *MilestonePath) (*milestoneOutput, error) {
		return answer(s.Projects.StartMilestone(ctx, actorOf(ctx), in.MilestoneID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "claim-milestone", Method: http.MethodPost, Path: "/milestones/{milestoneId}/claim",
		Summary: "Claim a milestone achieved", Tags: []string{"milestones"}, Security: signedIn,
		Description: "Asks the mentor to verify the milestone. It needs an approved design and at least one evidence that is submitted or approved (409 otherwise). The participant may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict},
	}, func(ctx context.Context, in *MilestonePath) (*milestoneOutput, error) {
		return answer(s.Projects.ClaimMilestone(ctx, actorOf(ctx), in.MilestoneID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "verify-milestone", Method: http.MethodPost, Path: "/milestones/{milestoneId}/verification",
		Summary: "Verify or return a claimed milestone", Tags: []string{"milestones"}, Security: signedIn,
		Description: "The mentor approves a claimed milestone (it needs an approved evidence and none still waiting for review) or returns it to in_progress with a comment.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		MilestonePath
		Body Verification
	}) (*milestoneOutput, error) {
		return answer(s.Projects.VerifyMilestone(ctx, actorOf(ctx), in.MilestoneID, domain.VerificationDecision(in.Body.Decision), in.Body.Comment, in.Body.MissingEvidenceReason))
	})
}
