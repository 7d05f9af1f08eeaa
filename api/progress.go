package api

import (
	"context"
	"mime"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// HorizonProgress counts one horizon's milestones of a project.
type HorizonProgress struct {
	Total                int `json:"total" doc:"Milestones of the horizon." example:"4"`
	Achieved             int `json:"achieved" doc:"Verified by the mentor." example:"2"`
	AwaitingVerification int `json:"awaitingVerification" doc:"Claimed, waiting for the mentor." example:"1"`
	Overdue              int `json:"overdue" doc:"Past their due date and not achieved." example:"0"`
}

func newHorizonProgress(h domain.HorizonProgress) HorizonProgress {
	return HorizonProgress{Total: h.Total, Achieved: h.Achieved, AwaitingVerification: h.AwaitingVerification, Overdue: h.Overdue}
}

// ProgressBasis is what a progress percentage is computed from.
type ProgressBasis struct {
	Achieved int `json:"achieved" doc:"Achieved short-term milestones." example:"2"`
	Total    int `json:"total" doc:"All short-term milestones." example:"4"`
	// PlanVersion says which approved plan the counts are of: after the
	// design's approval the plan changes only by approved change requests,
	// so the milestones counted are those of this version.
	PlanVersion int `json:"planVersion" minimum:"0" doc:"The approved plan version the counts are of (v1 at the design's approval, one more per approved change request); 0 before the design is approved, when progress counts the draft plan." example:"2"`
}

// ParticipantProgress is one participant's line of a cohort's progress.
type ParticipantProgress struct {
	EnrollmentID        uuid.UUID       `json:"enrollmentId" format:"uuid" doc:"The enrollment."`
	ParticipantName     string          `json:"participantName" doc:"The participant." example:"Dr. Budi Santoso"`
	Group               string          `json:"group" doc:"Their group." example:"Kelompok 1"`
	ClassID             *uuid.UUID      `json:"classId,omitempty" format:"uuid" doc:"Their class, when they have one."`
	ClassName           string          `json:"className" doc:"Their class's name; empty without one." example:"Kelas A"`
	MentorName          string          `json:"mentorName" doc:"Their mentor." example:"Drs. Jefridin, M.Pd."`
	ParticipantSortName string          `json:"participantSortName" doc:"The participant's name as listed: without titles and degrees, in lower case (domain.SortName)." example:"budi santoso"`
	MentorSortName      string          `json:"mentorSortName" doc:"The mentor's name as listed." example:"jefridin"`
	ProjectID           uuid.UUID       `json:"projectId" format:"uuid" doc:"Their project."`
	ProjectTitle        string          `json:"projectTitle" doc:"Its title." example:"Antrean Daring Adminduk"`
	ProjectStatus       string          `json:"projectStatus" enum:"draft,design_submitted,design_approved,implementing,final_submitted,completed" doc:"Its status." example:"implementing"`
	Short               HorizonProgress `json:"short" doc:"Short-term milestones."`
	Mid                 HorizonProgress `json:"mid" doc:"Mid-term milestones."`
	Long                HorizonProgress `json:"long" doc:"Long-term milestones."`
	PendingEvidence     int             `json:"pendingEvidence" doc:"Evidence waiting for the mentor's review." example:"1"`
	Progress            int             `json:"progress" minimum:"0" maximum:"100" doc:"Achieved short-term milestones as a percentage of all of them, rounded; 0 without any." example:"50"`
	ProgressBasis       ProgressBasis   `json:"progressBasis" doc:"The counts the progress is computed from."`
	LastActivityAt      *time.Time      `json:"lastActivityAt,omitempty" doc:"When the project last changed."`
	// Offered on the row's project: list-coaching-notes and
	// add-coaching-note, which the dashboard links from the row; the
	// project's own answer offers the rest.
	Offered
}

func newParticipantProgress(r domain.ProgressRow) ParticipantProgress {
	return ParticipantProgress{EnrollmentID: r.EnrollmentID, ParticipantName: r.ParticipantName, Group: r.Group, MentorName: r.MentorName,
		ClassID: r.ClassID, ClassName: r.ClassName,
		ParticipantSortName: domain.SortName(r.ParticipantName), MentorSortName: domain.SortName(r.MentorName),
		ProjectID: r.ProjectID, ProjectTitle: r.ProjectTitle, ProjectStatus: string(r.ProjectStatus), Short: newHorizonProgress(r.Short),
		Mid: newHorizonProgress(r.Mid), Long: newHorizonProgress(r.Long), PendingEvidence: r.PendingEvidence, Progress: r.Progress(),
		ProgressBasis: ProgressBasis{Achieved: r.Short.Achieved, Total: r.Short.Total, PlanVersion: r.PlanVersion}, LastActivityAt: r.LastActivityAt, Offered: offered(r.Offer)}
}

// ProgressTotals sums up the participants listed.
type ProgressTotals struct {
	Participants int            `json:"participants" doc:"Participants listed." example:"30"`
	ByStatus     map[string]int `json:"byStatus" maxProperties:"6" doc:"Participants per project status." example:"{\"implementing\":21,\"design_approved\":5}"`
	MeanProgress float64        `json:"meanProgress" doc:"The mean of their progress, to one decimal." example:"46.7"`
	Overdue      int            `json:"overdue" doc:"Overdue milestones, all horizons." example:"7"`
	EarlySteps   int            `json:"earlySteps" doc:"Workflow steps of the cohort (a coach: of the participants they coach; group and status do not narrow it) taken before their agenda item opened them (flagged early; see list-agenda-items)." example:"1"`
	LateSteps    int            `json:"lateSteps" doc:"Workflow steps taken after their agenda item closed them (flagged late)." example:"3"`
}

// CohortProgress is the answer of get-cohort-progress.
type CohortProgress struct {
	Items  []ParticipantProgress `json:"items" doc:"One line per participant."`
	Totals ProgressTotals        `json:"totals" doc:"The totals of the lines."`
}

// ProgressParams filter and order a cohort's progress.
type ProgressParams struct {
	CohortPath
	Group  string `query:"group" maxLength:"200" doc:"Only this group." example:"Kelompok 1"`
	Status string `query:"status" enum:"draft,design_submitted,design_approved,implementing,final_submitted,completed" doc:"Only projects in this status."`
	Sort   string `query:"sort" enum:"name,progress,lastActivityAt" default:"name" doc:"By participant name, by progress (highest first) or by last activity (most recent first)."`
	ClassFilter
}

func (p ProgressParams) query() (domain.ProgressQuery, error) {
	class, err := p.class()
	return domain.ProgressQuery{Cohort: p.CohortID, Group: p.Group, ClassID: class, Status: domain.ProjectStatus(p.Status), Sort: p.Sort}, err
}

func registerProgress(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "get-cohort-progress", Method: http.MethodGet, Path: "/cohorts/{cohortId}/progress",
		Summary: "See who is on track", Tags: []string{"progress"}, Security: signedIn,
		Description: "Per participant: their project's status, milestones per horizon (achieved, awaiting verification, overdue), evidence waiting for review, progress and last activity; with the totals. Computed in one database query. Organizers and examiners see the whole cohort; a coach sees the participants they coach.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *ProgressParams) (*struct{ Body CohortProgress }, error) {
		var rows []domain.ProgressRow
		q, err := in.query()
		if err != nil {
			return nil, err
		}
		err = s.Cohorts.CohortProgress(ctx, actorOf(ctx), q, func(r domain.ProgressRow) error {
			rows = append(rows, r)
			return nil
		})
		if err != nil {
			return nil, err
		}
		out := &struct{ Body CohortProgress }{}
		out.Body.Items = make([]ParticipantProgress, len(rows))
		for i, r := range rows {
			out.Body.Items[i] = newParticipantProgress(r)
		}
		t := domain.SummarizeProgress(rows)
		out.Body.Totals = ProgressTotals{Participants: t.Participants, ByStatus: map[string]int{}, MeanProgress: t.MeanProgress, Overdue: t.Overdue}
		for status, count := range t.ByStatus {
			out.Body.Totals.ByStatus[string(status)] = count
		}
		timing, err := s.Cohorts.AgendaTimingCounts(ctx, actorOf(ctx), in.CohortID)
		if err != nil {
			return nil, err
		}
		out.Body.Totals.EarlySteps, out.Body.Totals.LateSteps = timing.Early, timing.Late
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "export-cohort-progress", Method: http.MethodGet, Path: "/cohorts/{cohortId}/progress.csv",
		Summary: "Export the progress as CSV", Tags: []string{"progress"}, Security: signedIn,
		Description: "The same lines as get-cohort-progress, as a CSV file (UTF-8, header row, RFC 4180 quoting), streamed. `sep=;` separates with semicolons for Indonesian Excel. " +
			"By default the file is for organizers' spreadsheets, in Bahasa Indonesia: the headings and the project statuses in the glossary's words (Peserta, Kelompok, ..., Rancangan diajukan) and the last activity in WIB (2026-12-07 14:05 WIB). " +
			"`lang=en` gives the form for programs: snake_case headings (participant, group, mentor, project, status, progress, short_achieved, ...), the statuses as the API names them (design_submitted) and times in RFC 3339. " +
			"A cell that a spreadsheet would run as a formula (it starts with =, +, -, @, TAB or CR) is written quoted with a single quote (') in front, so that it is read as text.",
		Errors: []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusUnprocessableEntity},
		Responses: map[string]*huma.Response{"200": {Description: "The progress as CSV.",
			Content: map[string]*huma.MediaType{"text/csv": {Schema: &huma.Schema{Type: "string"}}}}},
	}, func(ctx context.Context, in *struct {
		ProgressParams
		Sep  string `query:"sep" pattern:"^[,;]$" maxLength:"1" default:"," doc:"The separator: , or ; (for Excel set to Indonesian)."`
		Lang string `query:"lang" enum:"id,en" default:"id" doc:"The file's language: id (Indonesian headings and statuses, times in WIB) or en (snake_case headings, the API's statuses, RFC 3339 times)."`
	}) (*huma.StreamResponse, error) {
		code, err := s.Cohorts.CohortCode(ctx, actorOf(ctx), in.CohortID)
		if err != nil {
			return nil, err
		}
		// The Indonesian headings in the cohort's words (Aksi perubahan for PKA and PKP).
		cohort, err := s.Cohorts.GetCohort(ctx, actorOf(ctx), in.CohortID)
		if err != nil {
			return nil, err
		}
		header := domain.ProgressFileHeader(domain.Language(in.Lang))
		for i := range header {
			header[i] = cohort.Terms.Reword(header[i])
		}
		q, err := in.query()
		if err == nil { // before the answer begins: a bad class is a 422, not a short file
			err = s.Classes.CheckFilter(ctx, actorOf(ctx), q.Cohort, q.ClassID)
		}
		if err != nil {
			return nil, err
		}
		return &huma.StreamResponse{Body: func(hctx huma.Context) {
			hctx.SetHeader("Content-Type", "text/csv; charset=utf-8")
			hctx.SetHeader("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": "progress-" + code + ".csv"}))
			lang := domain.Language(in.Lang)
			w := newCSVWriter(hctx.BodyWriter(), in.Sep[0])
			w.Write(header)
			err := s.Cohorts.CohortProgress(ctx, actorOf(ctx), q, func(r domain.ProgressRow) error {
				return w.Write(r.FileRecord(lang))
			})
			w.Flush()
			if err != nil {
				logUnexpected(ctx, "export progress", err) // the answer has begun: it ends short
			}
		}}, nil
	})
}
