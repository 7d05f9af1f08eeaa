package api

import (
	"context"
	"math"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// LinkTarget names the resource a client opens for an item: its type, its
// id and the API path that returns it.
type LinkTarget struct {
	Type string    `json:"type" enum:"milestone,evidence,project,mentor_transfer" doc:"What to open: a milestone, evidence, a project (for its design) or a mentor transfer." example:"milestone"`
	ID   uuid.UUID `json:"id" format:"uuid" doc:"Its id."`
	Path string    `json:"path" doc:"The API path that returns it." example:"/v1/milestones/5f0c6a8e-3d0b-4a53-9a57-0d2f3c1e9b7a"`
}

// targetPaths are the API paths of the resources an item can point at.
var targetPaths = map[string]string{"milestone": "/v1/milestones/", "evidence": "/v1/evidence/", "project": "/v1/projects/",
	"design": "/v1/projects/", "mentor_transfer": "/v1/mentor-transfers/"}

func newLinkTarget(kind string, id uuid.UUID) LinkTarget {
	if kind == "design" {
		kind = "project"
	}
	return LinkTarget{Type: kind, ID: id, Path: targetPaths[kind] + id.String()}
}

// Reminder is something for you to act on.
type Reminder struct {
	Kind                 string       `json:"kind" enum:"milestone_due_soon,milestone_overdue,revise_design,replace_evidence,rework_milestone,review_evidence,verify_milestone,review_design,accept_mentor_transfer,confirm_mentor_transfer" doc:"Your milestone due within 14 days or overdue; your returned work (a design returned for revision, rejected evidence not yet replaced, a milestone returned by your mentor), with the reviewer's comment; or, waiting for your decision, evidence to review, a milestone to verify, a design to approve, a proposal to become a participant's mentor, or (for a cohort's organizers) a proposed mentor from outside the participant's agency to confirm." example:"milestone_due_soon"`
	Comment              string       `json:"comment,omitempty" doc:"The reviewer's word on returned work." example:"Lampirkan SK yang sudah ditandatangani."`
	Title                string       `json:"title" doc:"The milestone's, evidence's or project's title." example:"Terbentuknya Tim Efektif"`
	ProjectID            uuid.UUID    `json:"projectId" format:"uuid" doc:"The project it belongs to."`
	ProjectTitle         string       `json:"projectTitle" doc:"The project's title." example:"Antrean Daring Adminduk"`
	ParticipantName      string       `json:"participantName" doc:"Whose project it is." example:"Dr. Budi Santoso"`
	DueOn                *domain.Date `json:"dueOn,omitempty" format:"date" doc:"When the milestone is due (milestone reminders), or the last day of the cohort's response deadline, counted in working days (decision reminders)." example:"2026-05-15"`
	WaitingSince         *time.Time   `json:"waitingSince,omitempty" doc:"Since when it waits for your decision (decision reminders)."`
	WaitingDays          *int         `json:"waitingDays,omitempty" minimum:"0" doc:"For how many whole days it has waited (decision reminders)." example:"3"`
	Late                 bool         `json:"late" doc:"Whether it has waited longer than the cohort's response deadline."`
	ResponseDeadlineDays int          `json:"responseDeadlineDays" minimum:"1" maximum:"90" doc:"The cohort's response deadline, in working days." example:"7"`
	Target               LinkTarget   `json:"target" doc:"What to open to act on it."`
}

func newReminder(r domain.Reminder) Reminder {
	out := Reminder{Kind: string(r.Kind), Title: r.Title, Comment: r.Comment, ProjectID: r.ProjectID, ProjectTitle: r.ProjectTitle, ParticipantName: r.ParticipantName,
		DueOn: r.DueOn, WaitingSince: r.WaitingSince, Late: r.Late, ResponseDeadlineDays: r.ResponseDeadlineDays, Target: newLinkTarget(r.TargetType, r.TargetID)}
	if r.WaitingSince != nil {
		days := r.WaitingDays
		out.WaitingDays = &days
	}
	return out
}

// Escalation is an item that has waited for a reviewer longer than the
// cohort's response deadline.
type Escalation struct {
	Kind                 string      `json:"kind" enum:"design,milestone,evidence" doc:"A design to approve, a milestone to verify, or evidence to review." example:"evidence"`
	ID                   uuid.UUID   `json:"id" format:"uuid" doc:"The design's project, the milestone or the evidence."`
	ProjectID            uuid.UUID   `json:"projectId" format:"uuid" doc:"The project it belongs to."`
	EnrollmentID         uuid.UUID   `json:"enrollmentId" format:"uuid" doc:"The participant's enrollment (to change the mentor with update-enrollment)."`
	ParticipantName      string      `json:"participantName" doc:"Whose it is." example:"Dr. Budi Santoso"`
	Group                string      `json:"group" doc:"Their group." example:"Kelompok 1"`
	Title                string      `json:"title" doc:"Its title." example:"SK Tim Efektif Antrean Daring"`
	ReviewerID           uuid.UUID   `json:"reviewerId" format:"uuid" doc:"Who it waits for."`
	ReviewerName         string      `json:"reviewerName" doc:"Their name." example:"Drs. Jefridin, M.Pd."`
	ReviewerRole         string      `json:"reviewerRole" enum:"mentor,coach" doc:"In which role it waits for them." example:"mentor"`
	WaitingSince         time.Time   `json:"waitingSince" doc:"Since when it waits."`
	WaitingDays          int         `json:"waitingDays" minimum:"0" doc:"For how many whole calendar days it has waited." example:"9"`
	DueOn                domain.Date `json:"dueOn" format:"date" doc:"The last day of the response deadline: the responseDeadlineDays-th working day (no weekend, no holiday of list-holidays) after the day it was submitted, in WIB." example:"2026-04-02"`
	ResponseDeadlineDays int         `json:"responseDeadlineDays" minimum:"1" maximum:"90" doc:"The cohort's response deadline, in working days." example:"7"`
	Target               LinkTarget  `json:"target" doc:"What to open to see it."`
}

func newEscalation(deadline int) func(domain.ReviewItem) Escalation {
	return func(i domain.ReviewItem) Escalation {
		return Escalation{Kind: i.Kind, ID: i.ID, ProjectID: i.ProjectID, EnrollmentID: i.EnrollmentID, ParticipantName: i.ParticipantName,
			Group: i.Group, Title: i.Title, ReviewerID: i.ReviewerID, ReviewerName: i.ReviewerName, ReviewerRole: string(i.ReviewerRole),
			WaitingSince: i.WaitingSince, WaitingDays: i.WaitingDays, DueOn: i.DueOn, ResponseDeadlineDays: deadline, Target: newLinkTarget(i.Kind, i.ID)}
	}
}

// ReviewerLoad is one reviewer's workload in a cohort.
type ReviewerLoad struct {
	UserID              uuid.UUID  `json:"userId" format:"uuid" doc:"The reviewer."`
	Name                string     `json:"name" doc:"Their name." example:"Drs. Jefridin, M.Pd."`
	SortName            string     `json:"sortName" doc:"The key to list them by: the name without the titles before it and the degrees after it, in lower case (domain.SortName)." example:"jefridin"`
	Role                string     `json:"role" enum:"mentor,coach,examiner" doc:"The role this line counts: what waits for them as a mentor (evidence, claims, designs), a coach (designs) or an examiner (final reports to assess)." example:"mentor"`
	Pending             int        `json:"pending" minimum:"0" doc:"What waits for them." example:"4"`
	Late                int        `json:"late" minimum:"0" doc:"How much of it has waited longer than the response deadline." example:"1"`
	OldestWaitingSince  *time.Time `json:"oldestWaitingSince,omitempty" doc:"Since when the oldest waits; absent when nothing does."`
	Decisions           int        `json:"decisions" minimum:"0" doc:"Their decisions in the cohort so far (reviews, verifications, assessments), over which the median response is taken." example:"12"`
	MedianResponseHours *float64   `json:"medianResponseHours,omitempty" minimum:"0" doc:"The median time from a submission to their decision on it, in hours (one decimal); absent without decisions." example:"30.5"`
}

func newReviewerLoad(r domain.WorkloadRow) ReviewerLoad {
	out := ReviewerLoad{UserID: r.UserID, Name: r.Name, SortName: domain.SortName(r.Name), Role: string(r.Role), Pending: r.Pending, Late: r.Late,
		OldestWaitingSince: r.OldestWaitingSince, Decisions: r.Responses}
	if r.MedianResponse != nil {
		h := math.Round(r.MedianResponse.Hours()*10) / 10
		out.MedianResponseHours = &h
	}
	return out
}

// CohortWorkload is the answer of get-cohort-workload.
type CohortWorkload struct {
	ResponseDeadlineDays int            `json:"responseDeadlineDays" minimum:"1" maximum:"90" doc:"The cohort's response deadline, in working days." example:"7"`
	Items                []ReviewerLoad `json:"items" doc:"One line per reviewer and role: mentors, then coaches, then examiners, by name."`
}

func registerFollowUps(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "list-reminders", Method: http.MethodGet, Path: "/me/reminders",
		Summary: "List my reminders", Tags: []string{"follow-up"}, Security: signedIn,
		Description: "What you should act on, by date: as a participant, your open milestones due within 14 days or overdue (also after the training, for mid- and long-term milestones); " +
			"as a mentor or coach, what waits for your decision (marked `late` past the cohort's response deadline); and proposals to become a participant's mentor. " +
			"Each has a `target` naming the resource to open.",
		Errors: []int{http.StatusUnauthorized, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ PageParams }) (*listOutput[Reminder], error) {
		return listAnswer(ctx, newReminder)(s.FollowUps.Reminders(ctx, actorOf(ctx), in.request()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-cohort-escalations", Method: http.MethodGet, Path: "/cohorts/{cohortId}/escalations",
		Summary: "List what waits past the response deadline", Tags: []string{"follow-up"}, Security: signedIn,
		Description: "The cohort's evidence, milestone claims and designs that have waited for a mentor (or, for designs, a coach) longer than the cohort's `responseDeadlineDays`, " +
			"oldest first, one line per item and reviewer. Organizers see the whole cohort; a coach sees the participants they coach.",
		Errors: []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		CohortPath
		PageParams
	}) (*listOutput[Escalation], error) {
		page, cohort, err := s.FollowUps.Escalations(ctx, actorOf(ctx), in.CohortID, in.request())
		return listAnswer(ctx, newEscalation(cohort.ResponseDeadlineDays))(page, err)
	})

	huma.Register(api, huma.Operation{
		OperationID: "get-cohort-workload", Method: http.MethodGet, Path: "/cohorts/{cohortId}/workload",
		Summary: "See the reviewers' workload", Tags: []string{"follow-up"}, Security: signedIn,
		Description: "Per mentor, coach and examiner of the cohort: what waits for them, how much of it is late, since when the oldest waits, and their median response time " +
			"(from each submission to the decision on it), computed in one database query. Organizers see the whole cohort; a coach sees the reviewers of the participants they coach, counting only those participants. " +
			"`classId` keeps the participants of one class: their mentors, the class's coaches and those of its participants, and the examiners, counting only the class's work.",
		Errors: []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		CohortPath
		ClassFilter
	}) (*struct{ Body CohortWorkload }, error) {
		class, err := in.class()
		if err != nil {
			return nil, err
		}
		rows, cohort, err := s.FollowUps.Workload(ctx, actorOf(ctx), in.CohortID, class)
		if err != nil {
			return nil, err
		}
		out := &struct{ Body CohortWorkload }{Body: CohortWorkload{ResponseDeadlineDays: cohort.ResponseDeadlineDays, Items: make([]ReviewerLoad, len(rows))}}
		for i, r := range rows {
			out.Body.Items[i] = newReviewerLoad(r)
		}
		return out, nil
	})
}
