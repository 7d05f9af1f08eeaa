package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// Stakeholder is a person or body the change depends on or affects.
type Stakeholder struct {
	Name     string `json:"name" minLength:"1" maxLength:"200" doc:"Who." example:"Dinas Kependudukan dan Pencatatan Sipil"`
	Kind     string `json:"kind" enum:"internal,external" doc:"Inside or outside the participant's organisation." example:"internal"`
	Power    string `json:"power" enum:"high,low" doc:"Their power over the change." example:"high"`
	Interest string `json:"interest" enum:"high,low" doc:"Their interest in the change." example:"high"`
}

// Project is a change project (proyek perubahan) as clients see it.
type Project struct {
	ID              uuid.UUID     `json:"id" format:"uuid" doc:"The project's id."`
	EnrollmentID    uuid.UUID     `json:"enrollmentId" format:"uuid" doc:"The participant's enrollment."`
	CohortID        uuid.UUID     `json:"cohortId" format:"uuid" doc:"The cohort."`
	ParticipantID   uuid.UUID     `json:"participantId" format:"uuid" doc:"The participant whose project it is."`
	Title           string        `json:"title" doc:"Title." example:"Antrean Daring Pelayanan Administrasi Kependudukan"`
	Problem         string        `json:"problem" doc:"The problem the change addresses." example:"Warga mengantre sejak subuh untuk mengurus KTP dan KK."`
	Background      string        `json:"background" example:"Pelayanan adminduk masih tatap muka." doc:"Background."`
	Goal            string        `json:"goal" doc:"What the change achieves." example:"Waktu tunggu layanan di bawah 30 menit."`
	Benefits        string        `json:"benefits" example:"Warga tidak perlu antre sejak subuh." doc:"Who benefits, and how."`
	Scope           string        `json:"scope" example:"Dinas Kependudukan dan Pencatatan Sipil Kota Batam." doc:"What is in and out of scope."`
	InnovationAreas []string      `json:"innovationAreas" doc:"Free tags of the areas of innovation." example:"[\"pelayanan publik\",\"digitalisasi\"]"`
	Stakeholders    []Stakeholder `json:"stakeholders" doc:"The stakeholder map: who, inside or out, with their power and interest."`
	DesignSections
	Status            string            `json:"status" enum:"draft,design_submitted,design_approved,implementing,final_submitted,completed" doc:"Where the project stands." example:"draft"`
	RevisionRequested bool              `json:"revisionRequested" doc:"Whether a reviewer returned the design for revision."`
	RevisionComment   string            `json:"revisionComment,omitempty" doc:"What the reviewer asked to change."`
	DesignRound       int               `json:"designRound" doc:"How many times the design has been submitted." example:"1"`
	PlanVersion       int               `json:"planVersion" minimum:"0" doc:"The approved plan's version: 0 before the design is approved, 1 at its approval, one more with each approved change request. After approval the plan changes only by change request (create-change-request), and progress counts this version's milestones." example:"1"`
	PlanApprovedAt    *time.Time        `json:"planApprovedAt,omitempty" doc:"When the current plan version was approved."`
	Results           []SeminarResult   `json:"results,omitempty" doc:"Seminar results you may read: the mean of the examiners' latest totals (on get-project)."`
	Participant       *Affiliation      `json:"participant,omitempty" doc:"Where the participant works: agency, regency and province, work unit (on get-project)."`
	LastDesignReturn  *DesignReturnNote `json:"lastDesignReturn,omitempty" doc:"The latest return of the design, whose note the next round's review shows (on get-project); absent when it was never returned."`
	Version           int64             `json:"version" doc:"Increases with every change; the ETag names it." example:"1"`
	CreatedAt         time.Time         `json:"createdAt" doc:"When the project was created (with the enrollment)."`
	UpdatedAt         time.Time         `json:"updatedAt" doc:"When it last changed."`
	Offered
}

func newProject(p domain.Project) Project {
	out := Project{ID: p.ID, EnrollmentID: p.EnrollmentID, CohortID: p.CohortID, ParticipantID: p.Parties.ParticipantID, Title: p.Title,
		Problem: p.Problem, Background: p.Background, Goal: p.Goal, Benefits: p.Benefits, Scope: p.Scope, InnovationAreas: p.InnovationAreas,
		Stakeholders: make([]Stakeholder, len(p.Stakeholders)), Status: string(p.Status), RevisionRequested: p.RevisionRequested,
		RevisionComment: p.RevisionComment, DesignRound: p.DesignRound, PlanVersion: p.PlanVersion, PlanApprovedAt: p.PlanApprovedAt, Version: p.Version, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt,
		DesignSections: newDesignSections(p), Offered: offered(p.Offer)}
	for i, s := range p.Stakeholders {
		out.Stakeholders[i] = Stakeholder{Name: s.Name, Kind: string(s.Kind), Power: string(s.Power), Interest: string(s.Interest)}
	}
	return out
}

// ProjectPatch is the body of update-project, a JSON merge patch.
type ProjectPatch struct {
	Title           Optional[string]  `json:"title,omitempty" maxLength:"200" example:"Antrean Daring Adminduk" doc:"New title."`
	Problem         Optional[string]  `json:"problem,omitempty" maxLength:"10000" example:"Warga mengantre sejak subuh untuk mengurus KTP." doc:"New problem statement."`
	Background      Optional[string]  `json:"background,omitempty" maxLength:"10000" example:"Pelayanan adminduk masih tatap muka." doc:"New background."`
	Goal            Optional[string]  `json:"goal,omitempty" maxLength:"10000" example:"Waktu tunggu di bawah 30 menit." doc:"New goal."`
	Benefits        Optional[string]  `json:"benefits,omitempty" maxLength:"10000" example:"Warga tidak perlu antre sejak subuh." doc:"New benefits."`
	Scope           Optional[string]  `json:"scope,omitempty" maxLength:"10000" example:"Dinas Kependudukan dan Pencatatan Sipil Kota Batam." doc:"New scope."`
	InnovationAreas *[]InnovationArea `json:"innovationAreas,omitempty" maxItems:"20" doc:"The new tags (replacing the old ones)."`
	Stakeholders    *[]Stakeholder    `json:"stakeholders,omitempty" maxItems:"100" doc:"The new stakeholder map (replacing the old one)."`
	DesignSectionChanges
}

// InnovationArea is a free tag of a project's area of innovation.
type InnovationArea string

// Schema documents the tag's length.
func (InnovationArea) Schema(huma.Registry) *huma.Schema {
	return &huma.Schema{Type: "string", MinLength: intPtr(1), MaxLength: intPtr(60), Description: "A tag, e.g. pelayanan publik.", Examples: []any{"pelayanan publik"}}
}

func (b ProjectPatch) changes() domain.ProjectChanges {
	text := func(o Optional[string]) *string {
		if !o.Set {
			return nil
		}
		return &o.Value // null clears the text
	}
	c := domain.ProjectChanges{Title: text(b.Title), Problem: text(b.Problem), Background: text(b.Background), Goal: text(b.Goal),
		Benefits: text(b.Benefits), Scope: text(b.Scope)}
	if b.InnovationAreas != nil {
		tags := make([]string, len(*b.InnovationAreas))
		for i, t := range *b.InnovationAreas {
			tags[i] = string(t)
		}
		c.InnovationAreas = &tags
	}
	if b.Stakeholders != nil {
		s := make([]domain.Stakeholder, len(*b.Stakeholders))
		for i, in := range *b.Stakeholders {
			s[i] = domain.Stakeholder{Name: in.Name, Kind: domain.StakeholderKind(in.Kind), Power: domain.Level(in.Power), Interest: domain.Level(in.Interest)}
		}
		c.Stakeholders = &s
	}
	c.DesignSectionChanges = b.DesignSectionChanges.toDomain()
	return c
}

// DesignReview is the body of review-design.
type DesignReview struct {
	Decision string `json:"decision" enum:"approve,return" doc:"approve, or return the design for revision." example:"approve"`
	Comment  string `json:"comment,omitempty" maxLength:"10000" doc:"Why; required to return the design." example:"Mohon pertajam indikator keberhasilan jangka pendek."`
}

// ProjectPath names a project in the path.
type ProjectPath struct {
	ProjectID uuid.UUID `path:"projectId" format:"uuid" doc:"The project's id."`
}

type projectOutput struct {
	ETag string `header:"ETag" doc:"The version of the project, for If-Match."`
	Body Project
}

func projectAnswer(p domain.Project, err error) (*projectOutput, error) {
	if err != nil {
		return nil, err
	}
	return &projectOutput{ETag: etag(p.Version), Body: newProject(p)}, nil
}

// CoachingNote is a coach's dated note on a project.
type CoachingNote struct {
	ID        uuid.UUID   `json:"id" format:"uuid" doc:"The note's id."`
	CoachID   uuid.UUID   `json:"coachId" format:"uuid" doc:"The coach who wrote it."`
	CoachName string      `json:"coachName" doc:"The coach's name." example:"Drs. Ahmad Fauzi, M.Si."`
	HeldOn    domain.Date `json:"heldOn" format:"date" doc:"The day of the coaching session." example:"2026-04-14"`
	Topic     string      `json:"topic" doc:"What it was about." example:"Pemetaan stakeholder"`
	Notes     string      `json:"notes" doc:"The notes." example:"Peserta perlu melibatkan Diskominfo sejak awal."`
	CreatedAt time.Time   `json:"createdAt" doc:"When it was written."`
}

func newCoachingNote(n domain.CoachingNote) CoachingNote {
	return CoachingNote{ID: n.ID, CoachID: n.CoachID, CoachName: n.CoachName, HeldOn: n.HeldOn, Topic: n.Topic, Notes: n.Notes, CreatedAt: n.CreatedAt}
}

// CoachingNoteCreate is the body of add-coaching-note.
type CoachingNoteCreate struct {
	HeldOn domain.Date `json:"heldOn" format:"date" doc:"The day of the coaching session." example:"2026-04-14"`
	Topic  string      `json:"topic" minLength:"1" maxLength:"200" doc:"What it was about." example:"Pemetaan stakeholder"`
	Notes  string      `json:"notes,omitempty" maxLength:"10000" doc:"The notes." example:"Peserta perlu melibatkan Diskominfo sejak awal."`
}

// TimelineEntry is one step in a project's history.
type TimelineEntry struct {
	ID         int64          `json:"id" doc:"The event's number; later events have higher numbers." example:"42"`
	At         time.Time      `json:"at" doc:"When it happened."`
	ActorID    *uuid.UUID     `json:"actorId,omitempty" format:"uuid" doc:"Who did it; absent for what the system did."`
	ActorName  string         `json:"actorName" doc:"Their name." example:"Dr. Budi Santoso"`
	Action     TimelineAction `json:"action" doc:"What happened; clients word it from the action and its details." example:"project.design_submitted"`
	TargetType string         `json:"targetType" enum:"project,milestone,evidence,coaching_note,enrollment,mentor_transfer,assessment,change_request" doc:"What it happened to."`
	TargetID   uuid.UUID      `json:"targetId" format:"uuid" doc:"The id of that."`
	Details    EventDetails   `json:"details" doc:"What the event names besides its actor and target."`
}

// TimelineAction is what happened in a project's timeline.
type TimelineAction string

// Schema lists the actions of the timeline.
func (TimelineAction) Schema(huma.Registry) *huma.Schema {
	s := &huma.Schema{Type: huma.TypeString, Description: "What happened."}
	for _, a := range domain.TimelineActions {
		s.Enum = append(s.Enum, a)
	}
	return s
}

// EventDetails are the facts an event of the timeline names; each action
// uses some of them.
type EventDetails struct {
	Title          string             `json:"title,omitempty" doc:"The title of what it concerned when it happened: the project, milestone, evidence or publication; a coaching note's topic." example:"Terbentuknya Tim Efektif"`
	Comment        string             `json:"comment,omitempty" doc:"What the actor wrote with a decision: why a design or milestone was returned, evidence rejected, or a mentor proposal declined or refused." example:"Lampirkan SK yang sudah ditandatangani."`
	Role           string             `json:"role,omitempty" enum:"mentor,coach" doc:"The capacity in which the actor reviewed a design." example:"mentor"`
	Decision       string             `json:"decision,omitempty" enum:"approve,return" doc:"Their verdict on the design." example:"approve"`
	Seminar        string             `json:"seminar,omitempty" enum:"design,final" doc:"The seminar an assessment scored." example:"design"`
	Mentor         string             `json:"mentor,omitempty" doc:"The proposed mentor of a mentor transfer." example:"Drs. Jefridin, M.Pd."`
	PreviousMentor string             `json:"previousMentor,omitempty" doc:"The mentor a mentor transfer would replace." example:"Ir. Hendra Gunawan"`
	Changes        []EnrollmentChange `json:"changes,omitempty" doc:"What changed in an enrollment."`
	Timing         string             `json:"timing,omitempty" enum:"early,late" doc:"A workflow step taken outside its part of the cohort's agenda: early (before its window opened) or late (after it closed); left out when on time (see list-agenda-items)." example:"late"`
	PlanVersion    int                `json:"planVersion,omitempty" doc:"The plan version an approval made (project.design_approved: 1; change_request.approved: the next)." example:"2"`
	AgendaKind     string             `json:"agendaKind,omitempty" enum:"mandiri,jarak_jauh,klasikal,taking_ownership,seminar_rancangan,laboratorium,coaching,visitasi,seminar_laporan,penutupan,evaluasi_pasca" doc:"With timing: the kind of agenda item the step belongs to." example:"seminar_rancangan"`
}

// EnrollmentChange is one change of an enrollment, by the names or values
// before and after.
type EnrollmentChange struct {
	Field string `json:"field" enum:"mentor,coach,group,class" doc:"What changed: the mentor or coach (names), the group, or the class (names)." example:"mentor"`
	From  string `json:"from" doc:"The name or group before; empty for no coach." example:"Ir. Hendra Gunawan"`
	To    string `json:"to" doc:"The name or group after; empty for no coach." example:"Drs. Jefridin, M.Pd."`
}

func newTimelineEntry(e domain.TimelineEntry) TimelineEntry {
	d := e.Details
	out := TimelineEntry{ID: e.ID, At: e.At, ActorID: e.ActorID, ActorName: e.ActorName, Action: TimelineAction(e.Action), TargetType: e.TargetType,
		TargetID: e.TargetID, Details: EventDetails{Title: d.Title, Comment: d.Comment, Role: string(d.Role), Decision: string(d.Decision), Seminar: string(d.Seminar),
			Mentor: d.Mentor, PreviousMentor: d.PreviousMentor, Timing: string(d.Timing), AgendaKind: string(d.AgendaKind), PlanVersion: d.PlanVersion}}
	for _, c := range d.Changes {
		out.Details.Changes = append(out.Details.Changes, EnrollmentChange{Field: c.Field, From: c.From, To: c.To})
	}
	return out
}

// ReviewQueueItem is something waiting for your decision.
type ReviewQueueItem struct {
	Kind                 string      `json:"kind" enum:"design,milestone,evidence,change_request" doc:"A design to approve, a milestone to verify, evidence to review, or a change request of an approved plan to decide (its id; the title is the project's)." example:"evidence"`
	ID                   uuid.UUID   `json:"id" format:"uuid" doc:"The design's project, the milestone or the evidence."`
	ProjectID            uuid.UUID   `json:"projectId" format:"uuid" doc:"The project it belongs to."`
	ParticipantName      string      `json:"participantName" doc:"Whose it is." example:"Dr. Budi Santoso"`
	Title                string      `json:"title" doc:"Its title." example:"SK Tim Efektif Antrean Daring"`
	SubmittedAt          time.Time   `json:"submittedAt" doc:"Since when it waits."`
	WaitingDays          int         `json:"waitingDays" minimum:"0" doc:"For how many whole calendar days it has waited." example:"3"`
	DueOn                domain.Date `json:"dueOn" format:"date" doc:"The last day to decide: the responseDeadlineDays-th working day (no weekend, no holiday of list-holidays) after the day it was submitted, in WIB." example:"2026-04-02"`
	Late                 bool        `json:"late" doc:"Whether the response deadline has passed (it is then escalated to the coach and the organizers)."`
	ResponseDeadlineDays int         `json:"responseDeadlineDays" minimum:"1" maximum:"90" doc:"The cohort's response deadline, in working days." example:"7"`
}

func newReviewQueueItem(i domain.ReviewQueueItem) ReviewQueueItem {
	return ReviewQueueItem{Kind: i.Kind, ID: i.ID, ProjectID: i.ProjectID, ParticipantName: i.ParticipantName, Title: i.Title, SubmittedAt: i.SubmittedAt,
		WaitingDays: i.WaitingDays, DueOn: i.DueOn, Late: i.Late, ResponseDeadlineDays: i.ResponseDeadlineDays}
}

func registerProjects(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "get-project", Method: http.MethodGet, Path: "/projects/{projectId}",
		Summary: "Get a change project", Tags: []string{"projects"}, Security: signedIn,
		Description: "Returns a project to its participant, their mentor and coach, and the cohort's organizers and examiners, with the seminar results they may read.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *ProjectPath) (*projectOutput, error) {
		p, err := s.Projects.GetProject(ctx, actorOf(ctx), in.ProjectID)
		if err != nil {
			return nil, err
		}
		results, err := s.Projects.ProjectResults(ctx, actorOf(ctx), p)
		if err != nil {
			return nil, err
		}
		out, _ := projectAnswer(p, nil)
		affiliation, err := s.Directory.Affiliation(ctx, p.Parties.ParticipantID)
		if err != nil {
			return nil, err
		}
		out.Body.Participant = newAffiliation(affiliation)
		lastReturn, err := s.Projects.LastDesignReturn(ctx, actorOf(ctx), p)
		if err != nil {
			return nil, err
		}
		out.Body.LastDesignReturn = newDesignReturnNote(lastReturn)
		for _, r := range results {
			out.Body.Results = append(out.Body.Results, SeminarResult{Seminar: string(r.Seminar), Score: r.Score, Predicate: string(r.Predicate), Examiners: r.Examiners, Determined: r.Determined})
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "update-project", Method: http.MethodPatch, Path: "/projects/{projectId}",
		Summary: "Edit the design", Tags: []string{"projects"}, Security: signedIn,
		Description: "Changes the design with a JSON merge patch (RFC 7396). The participant may do this while the project is a draft (409 otherwise).",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionFailed, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ProjectPath
		Precondition
		Body ProjectPatch `contentType:"application/merge-patch+json"`
	}) (*projectOutput, error) {
		return projectAnswer(s.Projects.UpdateProject(ctx, actorOf(ctx), in.ProjectID, in.Body.changes(), in.expected()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "submit-design", Method: http.MethodPost, Path: "/projects/{projectId}/design/submit",
		Summary: "Submit the design for approval", Tags: []string{"projects"}, Security: signedIn,
		Description: "Sends the draft design to the mentor and the coach, starting a new round of review. It needs a title, a problem, a goal and at least one short-term milestone; 422 names every missing item.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionFailed, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ProjectPath
		Precondition
	}) (*projectOutput, error) {
		return projectAnswer(s.Projects.SubmitDesign(ctx, actorOf(ctx), in.ProjectID, in.expected()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "review-design", Method: http.MethodPost, Path: "/projects/{projectId}/design/reviews",
		Summary: "Approve or return the design", Tags: []string{"projects"}, Security: signedIn,
		Description: "The participant's mentor and coach each review the submitted design. It is approved once both approved in the current round (the mentor alone when no coach is assigned); a return, which needs a comment, sends it back to draft. A second review by the same person in one round is a 409.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ProjectPath
		Body DesignReview
	}) (*projectOutput, error) {
		return projectAnswer(s.Projects.ReviewDesign(ctx, actorOf(ctx), in.ProjectID, domain.DesignDecision(in.Body.Decision), in.Body.Comment))
	})

	huma.Register(api, huma.Operation{
		OperationID: "start-implementation", Method: http.MethodPost, Path: "/projects/{projectId}/implementation/start",
		Summary: "Start implementing the approved design", Tags: []string{"projects"}, Security: signedIn,
		Description: "Moves an approved project into implementation before the cohort's implementation phase does so by itself. The participant may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict},
	}, func(ctx context.Context, in *ProjectPath) (*projectOutput, error) {
		return projectAnswer(s.Projects.StartImplementation(ctx, actorOf(ctx), in.ProjectID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "submit-final", Method: http.MethodPost, Path: "/projects/{projectId}/final/submit",
		Summary: "Submit the final report", Tags: []string{"projects"}, Security: signedIn,
		Description: "Hands in the final report of a project in implementation; the final seminar's assessment then completes it. The participant may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict},
	}, func(ctx context.Context, in *ProjectPath) (*projectOutput, error) {
		return projectAnswer(s.Projects.SubmitFinal(ctx, actorOf(ctx), in.ProjectID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "add-coaching-note", Method: http.MethodPost, Path: "/projects/{projectId}/coaching-notes", DefaultStatus: http.StatusCreated,
		Summary: "Write a coaching note", Tags: []string{"projects"}, Security: signedIn, Metadata: idempotent,
		Description: "Records a coaching session with the participant. The participant's coach may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ProjectPath
		IdempotencyKeyHeader
		Body CoachingNoteCreate
	}) (*struct{ Body CoachingNote }, error) {
		n, err := s.Projects.AddCoachingNote(ctx, actorOf(ctx), in.ProjectID, in.Body.HeldOn, in.Body.Topic, in.Body.Notes)
		if err != nil {
			return nil, err
		}
		return &struct{ Body CoachingNote }{Body: newCoachingNote(n)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-coaching-notes", Method: http.MethodGet, Path: "/projects/{projectId}/coaching-notes",
		Summary: "List coaching notes", Tags: []string{"projects"}, Security: signedIn,
		Description: "Lists a project's coaching notes, newest first, to the participant, their mentor and coach, and the cohort's organizers.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ProjectPath
		PageParams
	}) (*listOutput[CoachingNote], error) {
		return listAnswer(ctx, newCoachingNote)(s.Projects.ListCoachingNotes(ctx, actorOf(ctx), in.ProjectID, in.request()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "get-project-timeline", Method: http.MethodGet, Path: "/projects/{projectId}/timeline",
		Summary: "Get the project's history", Tags: []string{"projects"}, Security: signedIn,
		Description: "Lists every change to the project, newest first, with who made it and a sentence saying what happened.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ProjectPath
		PageParams
	}) (*listOutput[TimelineEntry], error) {
		return listAnswer(ctx, newTimelineEntry)(s.Projects.Timeline(ctx, actorOf(ctx), in.ProjectID, in.request()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-review-queue", Method: http.MethodGet, Path: "/review-queue",
		Summary: "List what waits for my decision", Tags: []string{"projects"}, Security: signedIn,
		Description: "Oldest first: for a mentor, their participants' evidence to review, milestones to verify and designs to approve; for a coach, the designs of the participants they coach. Empty for everyone else. Each item says for how many days it has waited and whether that is past its cohort's response deadline (`late`).",
		Errors:      []int{http.StatusUnauthorized, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ PageParams }) (*listOutput[ReviewQueueItem], error) {
		return listAnswer(ctx, newReviewQueueItem)(s.Projects.ReviewQueue(ctx, actorOf(ctx), in.request()))
	})
}
