package api

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/documents"
	"github.com/proper-id/proper/domain"
)

// Report is a project's final report (laporan akhir) as clients see it.
type Report struct {
	ProjectID    uuid.UUID           `json:"projectId" format:"uuid" doc:"The project."`
	Status       string              `json:"status" enum:"draft,submitted,revision_required,ratified" doc:"draft: being prepared and approved (persetujuan); submitted: handed in with submit-final; revision_required: an examiner required a revision not yet uploaded; ratified: both pengesahan endorsements are in." example:"draft"`
	Files        []ReportFile        `json:"files" doc:"Every version of the report and the slides, oldest first; none is ever removed."`
	Endorsements []ReportEndorsement `json:"endorsements" doc:"Every endorsement given, oldest first, including those a later version voided (counts false)."`
	NotAchieved  []uuid.UUID         `json:"notAchieved" doc:"The short-term milestones the report declares not achieved (update-report-summary)."`
	Outcomes     []IndicatorOutcome  `json:"outcomes" doc:"The outcome of each success indicator of the design it states (update-report-summary)."`
	Statement    *ReportStatement    `json:"statement,omitempty" doc:"The pernyataan keaslian, once signed."`
	Seminar      *ReportSeminar      `json:"seminar,omitempty" doc:"The participant's final seminar session; absent until an organizer assigns one."`
	DueOn        *domain.Date        `json:"dueOn,omitempty" format:"date" doc:"The last day to submit: the cohort's reportLeadWorkingDays working days before the final seminar session (holidays skipped); absent without a session." example:"2026-11-20"`
	Late         bool                `json:"late" doc:"Whether the due day has passed before submission, or the submission came after it."`
	LateAllowed  *LateAllowance      `json:"lateAllowed,omitempty" doc:"An organizer's allowance of a late submission."`
	SubmittedAt  *time.Time          `json:"submittedAt,omitempty" doc:"When submit-final handed the report in."`
	Revision     *ReportRevision     `json:"revision,omitempty" doc:"The latest revision an examiner required."`
	RatifiedAt   *time.Time          `json:"ratifiedAt,omitempty" doc:"When the second pengesahan ratified it."`
	Version      int64               `json:"version" doc:"Increases with every change." example:"3"`
	Offered
}

// ReportFile is one uploaded version of the report or the slides.
type ReportFile struct {
	ID         uuid.UUID `json:"id" format:"uuid" doc:"The version's id."`
	Kind       string    `json:"kind" enum:"report,slides" doc:"The report (PDF) or the slides (bahan tayang)." example:"report"`
	Number     int       `json:"number" doc:"The version's number within its kind, from 1." example:"2"`
	FileName   string    `json:"fileName" doc:"The file's name." example:"Laporan-Proyek-Perubahan.pdf"`
	Size       int64     `json:"size" doc:"Its size in bytes." example:"2481130"`
	MediaType  string    `json:"mediaType" doc:"Its type, judged from its bytes." example:"application/pdf"`
	SHA256     string    `json:"sha256" doc:"The SHA-256 of the file, in hex: endorsements name it." example:"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"`
	UploadedAt time.Time `json:"uploadedAt" doc:"When it was uploaded."`
	Revision   bool      `json:"revision" doc:"Whether it answers a revision an examiner required."`
	Late       bool      `json:"late" doc:"Whether it came after the revision's deadline."`
	Current    bool      `json:"current" doc:"Whether it is the latest version of its kind."`
}

// ReportEndorsement is a mentor's or coach's signature on a sheet.
type ReportEndorsement struct {
	Step         string       `json:"step" enum:"persetujuan,pengesahan" doc:"The lembar persetujuan (before the seminar) or the lembar pengesahan (after it)." example:"persetujuan"`
	Role         string       `json:"role" enum:"mentor,coach" doc:"In what capacity they signed." example:"mentor"`
	UserID       uuid.UUID    `json:"userId" format:"uuid" doc:"Who signed."`
	Name         string       `json:"name" doc:"Their name when they signed." example:"Drs. Jefridin, M.Pd."`
	Position     string       `json:"position" doc:"Their position (jabatan) when they signed." example:"Sekretaris Daerah Kota Batam"`
	At           time.Time    `json:"at" doc:"When they signed."`
	FileNumber   int          `json:"fileNumber" doc:"The report version they signed." example:"1"`
	SHA256       string       `json:"sha256" doc:"The SHA-256 of that version, in hex."`
	SeminarOn    *domain.Date `json:"seminarOn,omitempty" format:"date" doc:"For the persetujuan: the seminar's day it names." example:"2026-11-27"`
	SeminarPlace string       `json:"seminarPlace,omitempty" doc:"For the persetujuan: the seminar's place." example:"Ruang Seminar 1"`
	Counts       bool         `json:"counts" doc:"Whether it counts for its step: a later version voids the endorsements of a step not yet complete."`
}

// ReportStatement is the participant's pernyataan keaslian.
type ReportStatement struct {
	Name                 string    `json:"name" doc:"The participant's name when they signed." example:"Dr. Budi Santoso"`
	ReplicatedInnovation string    `json:"replicatedInnovation" doc:"The innovation they replicated, if any." example:"Mal Pelayanan Publik Kabupaten Banyuwangi"`
	SignedAt             time.Time `json:"signedAt" doc:"When they signed."`
}

// ReportSeminar is the participant's final seminar session.
type ReportSeminar struct {
	SessionID uuid.UUID   `json:"sessionId" format:"uuid" doc:"The session."`
	HeldOn    domain.Date `json:"heldOn" format:"date" doc:"Its day." example:"2026-11-27"`
	Place     string      `json:"place" doc:"Its room, or its online link." example:"Ruang Seminar 1"`
}

// LateAllowance is an organizer's allowance of a late submission.
type LateAllowance struct {
	At     time.Time `json:"at" doc:"When it was given."`
	By     uuid.UUID `json:"by" format:"uuid" doc:"The organizer."`
	Reason string    `json:"reason" doc:"Why." example:"Peserta sakit, surat keterangan dokter terlampir."`
}

// ReportRevision is a revision an examiner required after the seminar.
type ReportRevision struct {
	RequiredAt time.Time   `json:"requiredAt" doc:"When it was required."`
	RequiredBy uuid.UUID   `json:"requiredBy" format:"uuid" doc:"The examiner."`
	DueOn      domain.Date `json:"dueOn" format:"date" doc:"The last day to upload the revised report." example:"2026-12-11"`
	Comment    string      `json:"comment" doc:"What to revise." example:"Lengkapi data capaian indikator jangka pendek."`
	Of         int         `json:"of" doc:"The report version it was required of." example:"1"`
}

func newReport(r domain.Report, today domain.Date) Report {
	out := Report{ProjectID: r.ProjectID, Status: string(r.Status()), Files: []ReportFile{}, Endorsements: []ReportEndorsement{},
		NotAchieved: r.NotAchieved, DueOn: r.DueOn, SubmittedAt: r.SubmittedAt, RatifiedAt: r.RatifiedAt, Version: r.Version, Offered: offered(r.Offer)}
	if out.NotAchieved == nil {
		out.NotAchieved = []uuid.UUID{}
	}
	out.Outcomes = []IndicatorOutcome{}
	for _, o := range r.Outcomes {
		out.Outcomes = append(out.Outcomes, IndicatorOutcome{IndicatorID: o.IndicatorID, Achieved: o.Achieved, Note: o.Note})
	}
	out.Late = r.SubmittedLate || (r.SubmittedAt == nil && r.DueOn != nil && r.DueOn.Before(today))
	for _, f := range r.Files {
		current := r.Current(f.Kind)
		out.Files = append(out.Files, ReportFile{ID: f.ID, Kind: string(f.Kind), Number: f.Number, FileName: f.File.Name, Size: f.File.Size,
			MediaType: f.File.MediaType, SHA256: hex.EncodeToString(f.File.SHA256), UploadedAt: f.UploadedAt, Revision: f.Revision, Late: f.Late,
			Current: current != nil && current.ID == f.ID})
	}
	counting := map[uuid.UUID]bool{}
	for _, step := range []domain.ReportStep{domain.ReportApproval, domain.ReportRatification} {
		for _, e := range r.Endorsed(step) {
			counting[e.ID] = true
		}
	}
	for _, e := range r.Endorsements {
		out.Endorsements = append(out.Endorsements, ReportEndorsement{Step: string(e.Step), Role: string(e.Role), UserID: e.UserID, Name: e.Name,
			Position: e.Position, At: e.At, FileNumber: e.FileNumber, SHA256: hex.EncodeToString(e.SHA256), SeminarOn: e.SeminarOn,
			SeminarPlace: e.SeminarPlace, Counts: counting[e.ID]})
	}
	if s := r.Statement; s != nil {
		out.Statement = &ReportStatement{Name: s.Name, ReplicatedInnovation: s.ReplicatedInnovation, SignedAt: s.SignedAt}
	}
	if s := r.Seminar; s != nil {
		out.Seminar = &ReportSeminar{SessionID: s.SessionID, HeldOn: s.HeldOn, Place: s.Place}
	}
	if r.LateAllowedAt != nil && r.LateAllowedBy != nil {
		out.LateAllowed = &LateAllowance{At: *r.LateAllowedAt, By: *r.LateAllowedBy, Reason: r.LateAllowanceReason}
	}
	if r.RevisionRequiredAt != nil && r.RevisionRequiredBy != nil && r.RevisionDueOn != nil {
		out.Revision = &ReportRevision{RequiredAt: *r.RevisionRequiredAt, RequiredBy: *r.RevisionRequiredBy, DueOn: *r.RevisionDueOn,
			Comment: r.RevisionComment, Of: r.RevisionOf}
	}
	return out
}

// IndicatorOutcome is the report's outcome of one success indicator.
type IndicatorOutcome struct {
	IndicatorID uuid.UUID `json:"indicatorId" format:"uuid" maxLength:"36" doc:"The design's success indicator (its id in get-project's successIndicators)."`
	Achieved    string    `json:"achieved" minLength:"1" maxLength:"200" doc:"What it reached, in the indicator's unit, against its baseline and target." example:"25"`
	Note        string    `json:"note,omitempty" maxLength:"10000" doc:"How, or why not." example:"Diukur dari sistem antrean daring selama Oktober 2026."`
}

// ReportSummary is the body of update-report-summary.
type ReportSummary struct {
	Outcomes    []IndicatorOutcome `json:"outcomes,omitempty" maxItems:"20" doc:"The outcome of each success indicator of the design (baseline → achieved); none when left out."`
	NotAchieved []uuid.UUID        `json:"notAchieved" maxItems:"100" format:"uuid" maxLength:"36" doc:"The short-term milestones the report declares not achieved (each closes it for submit-final; completion marks it not_achieved)."`
}

// ReportStatementSign is the body of sign-report-statement.
type ReportStatementSign struct {
	ReplicatedInnovation string `json:"replicatedInnovation,omitempty" maxLength:"200" doc:"The innovation you replicated (studi tiru), if any; empty for none." example:"Mal Pelayanan Publik Kabupaten Banyuwangi"`
}

// ReportEndorse is the body of endorse-report.
type ReportEndorse struct {
	Step     string `json:"step" enum:"persetujuan,pengesahan" doc:"The sheet you sign: persetujuan before the seminar, pengesahan after it." example:"persetujuan"`
	Position string `json:"position,omitempty" maxLength:"200" doc:"Your position (jabatan) as the sheet shows it; your profile's when left out." example:"Sekretaris Daerah Kota Batam"`
}

// ReportLateAllowance is the body of allow-late-report.
type ReportLateAllowance struct {
	Reason string `json:"reason" minLength:"1" maxLength:"200" doc:"Why the late submission is allowed." example:"Peserta sakit, surat keterangan dokter terlampir."`
}

// ReportRevisionRequest is the body of require-report-revision.
type ReportRevisionRequest struct {
	DueOn   domain.Date `json:"dueOn" format:"date" doc:"The last day to upload the revised report, after today." example:"2026-12-11"`
	Comment string      `json:"comment" minLength:"1" maxLength:"10000" doc:"What to revise." example:"Lengkapi data capaian indikator jangka pendek."`
}

// ReportFilePath names a version of a report file in the path.
type ReportFilePath struct {
	ProjectPath
	FileID uuid.UUID `path:"fileId" format:"uuid" doc:"The version's id."`
}

type reportOutput struct {
	ETag string `header:"ETag" doc:"The version of the report."`
	Body Report
}

// reportUploadSchema documents the multipart body of upload-report-file,
// which the handler reads as a stream.
var reportUploadSchema = &huma.RequestBody{
	Required:    true,
	Description: "A multipart form with `kind` first, then `file`.",
	Content: map[string]*huma.MediaType{"multipart/form-data": {Schema: &huma.Schema{
		Type:     "object",
		Required: []string{"kind", "file"},
		Properties: map[string]*huma.Schema{
			"kind": {Type: "string", Enum: []any{"report", "slides"}, Description: "report: the report, a PDF; slides: the bahan tayang, a PDF or a presentation."},
			"file": {Type: "string", Format: "binary", Description: "The file, at most the configured limit of evidence files (25 MiB by default)."},
		},
	}}},
}

func registerReports(api huma.API, s *Services) {
	answer := func(r domain.Report, err error) (*reportOutput, error) {
		if err != nil {
			return nil, err
		}
		return &reportOutput{ETag: etag(r.Version), Body: newReport(r, s.Projects.Today())}, nil
	}
	errs := []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity}

	huma.Register(api, huma.Operation{
		OperationID: "get-report", Method: http.MethodGet, Path: "/projects/{projectId}/report",
		Summary: "Get a project's final report", Tags: []string{"reports"}, Security: signedIn,
		Description: "The final report (laporan akhir): every version of the report and slides, the endorsements, the pernyataan keaslian, the due day and what you may do now (actions, refusedActions). Those who may see the project read it.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *ProjectPath) (*reportOutput, error) {
		return answer(s.Projects.GetReport(ctx, actorOf(ctx), in.ProjectID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "upload-report-file", Method: http.MethodPost, Path: "/projects/{projectId}/report/files", DefaultStatus: http.StatusCreated,
		Summary: "Upload a version of the report or the slides", Tags: []string{"reports"}, Security: signedIn,
		Description: "Adds the next version of the report (a PDF) or the slides (PDF or presentation), streamed to storage and hashed (SHA-256) as evidence files are; every version is kept. " +
			"Before submission the project must be in implementation; after it only when an examiner required a revision (409 report.submitted); never once ratified (409 report.ratified). A new report version voids the endorsements of the step not yet complete. The participant may do this.",
		Errors:   []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusRequestTimeout, http.StatusConflict, http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType, http.StatusUnprocessableEntity},
		Metadata: map[string]any{streamsBody: true},
	}, func(ctx context.Context, in *ProjectPath) (*reportOutput, error) {
		return answer(uploadReportFile(ctx, s.Projects, in.ProjectID))
	})
	documentRequestBody(api, "upload-report-file", reportUploadSchema)

	huma.Register(api, huma.Operation{
		OperationID: "download-report-file", Method: http.MethodGet, Path: "/projects/{projectId}/report/files/{fileId}/content",
		Summary: "Download a version of the report or the slides", Tags: []string{"reports"}, Security: signedIn,
		Description: "Streams the file as an attachment, with its SHA-256 as ETag and Range support, to those who may see the project.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
		Responses: map[string]*huma.Response{
			"200": {Description: "The file, with its own media type.", Content: evidenceFileContent()},
			"206": {Description: "The requested range of the file.", Content: evidenceFileContent()},
		},
	}, func(ctx context.Context, in *ReportFilePath) (*huma.StreamResponse, error) {
		f, body, err := s.Projects.OpenReportFile(ctx, actorOf(ctx), in.ProjectID, in.FileID)
		if err != nil {
			return nil, err
		}
		return storedFileAnswer(f.File, f.UploadedAt, body), nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "download-report-pages", Method: http.MethodGet, Path: "/projects/{projectId}/report/pages.pdf",
		Summary: "Download the pages to bind with the report", Tags: []string{"reports"}, Security: signedIn,
		Description: "A PDF of the cover, the lembar persetujuan and the lembar pengesahan (each mentor's and coach's name, position, time and the SHA-256 of the version they signed; unsigned ones marked so) and the pernyataan keaslian, in Indonesian, to bind with the uploaded report. Those who may see the project download it.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
		Responses: map[string]*huma.Response{
			"200": {Description: "The PDF.", Content: map[string]*huma.MediaType{"application/pdf": {Schema: &huma.Schema{Type: "string", Format: "binary"}}}},
		},
	}, func(ctx context.Context, in *ProjectPath) (*huma.StreamResponse, error) {
		sheets, err := s.Projects.ReportSheetsOf(ctx, actorOf(ctx), in.ProjectID)
		if err != nil {
			return nil, err
		}
		pdf, err := documents.ReportSheets(sheets)
		if err != nil {
			return nil, err
		}
		return &huma.StreamResponse{Body: func(hctx huma.Context) {
			hctx.SetHeader("Content-Type", "application/pdf")
			hctx.SetHeader("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": sheets.FileName}))
			hctx.SetHeader("Cache-Control", "private, no-cache")
			hctx.BodyWriter().Write(pdf)
		}}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "update-report-summary", Method: http.MethodPut, Path: "/projects/{projectId}/report/summary",
		Summary: "Replace the report's summary", Tags: []string{"reports"}, Security: signedIn,
		Description: "States the outcome of each success indicator of the design (422 at outcomes[i].indicatorId for one that is not the design's, report.indicator_unknown) and declares which short-term milestones the report closes as not achieved (422 naming notAchieved[i] for one that is not an unachieved short-term milestone of the project). Only while the report is a draft and the current version is not yet being endorsed (409 report.summary_endorsed). The participant may do this.",
		Errors:      errs,
	}, func(ctx context.Context, in *struct {
		ProjectPath
		Body ReportSummary
	}) (*reportOutput, error) {
		outcomes := make([]domain.IndicatorOutcome, len(in.Body.Outcomes))
		for i, o := range in.Body.Outcomes {
			outcomes[i] = domain.IndicatorOutcome{IndicatorID: o.IndicatorID, Achieved: o.Achieved, Note: o.Note}
		}
		return answer(s.Projects.UpdateReportSummary(ctx, actorOf(ctx), in.ProjectID, outcomes, in.Body.NotAchieved))
	})

	huma.Register(api, huma.Operation{
		OperationID: "sign-report-statement", Method: http.MethodPost, Path: "/projects/{projectId}/report/statement",
		Summary: "Sign the pernyataan keaslian", Tags: []string{"reports"}, Security: signedIn,
		Description: "The participant states that the report is their own work, naming any innovation they replicated; signing again replaces it while the report is a draft. The participant may do this.",
		Errors:      errs,
	}, func(ctx context.Context, in *struct {
		ProjectPath
		Body ReportStatementSign
	}) (*reportOutput, error) {
		return answer(s.Projects.SignReportStatement(ctx, actorOf(ctx), in.ProjectID, in.Body.ReplicatedInnovation))
	})

	huma.Register(api, huma.Operation{
		OperationID: "endorse-report", Method: http.MethodPost, Path: "/projects/{projectId}/report/endorsements",
		Summary: "Endorse the report", Tags: []string{"reports"}, Security: signedIn,
		Description: "The project's mentor or coach signs the current report version: the persetujuan before submission (it names the final seminar session's day and place: 409 report.no_seminar_session without one), the pengesahan after the seminar (409 report.seminar_not_held before its day, report.revision_pending while a required revision is not uploaded). Each records the name, position, time and the version's SHA-256. The second pengesahan ratifies the report. A second signature of one version and sheet is a 409.",
		Errors:      errs,
	}, func(ctx context.Context, in *struct {
		ProjectPath
		Body ReportEndorse
	}) (*reportOutput, error) {
		return answer(s.Projects.EndorseReport(ctx, actorOf(ctx), in.ProjectID, domain.ReportStep(in.Body.Step), in.Body.Position))
	})

	huma.Register(api, huma.Operation{
		OperationID: "allow-late-report", Method: http.MethodPost, Path: "/projects/{projectId}/report/late-allowance",
		Summary: "Allow a late submission", Tags: []string{"reports"}, Security: signedIn,
		Description: "An organizer of the cohort allows the report to be submitted after its due day (submit-final answers 409 report.late otherwise), with a reason; it is recorded and stays.",
		Errors:      errs,
	}, func(ctx context.Context, in *struct {
		ProjectPath
		Body ReportLateAllowance
	}) (*reportOutput, error) {
		return answer(s.Projects.AllowLateReport(ctx, actorOf(ctx), in.ProjectID, in.Body.Reason))
	})

	huma.Register(api, huma.Operation{
		OperationID: "require-report-revision", Method: http.MethodPost, Path: "/projects/{projectId}/report/revision",
		Summary: "Require a revision of the report", Tags: []string{"reports"}, Security: signedIn,
		Description: "After the seminar's day an examiner of the participant's final seminar session (403 report.not_session_examiner otherwise) requires a revision by a deadline; the participant then uploads a revised version (flagged late after the deadline), and the pengesahan waits for it. History and earlier endorsements stay.",
		Errors:      errs,
	}, func(ctx context.Context, in *struct {
		ProjectPath
		Body ReportRevisionRequest
	}) (*reportOutput, error) {
		return answer(s.Projects.RequireReportRevision(ctx, actorOf(ctx), in.ProjectID, in.Body.DueOn, in.Body.Comment))
	})
}

// uploadReportFile reads a multipart report upload as a stream: the kind,
// then the file straight into storage.
func uploadReportFile(ctx context.Context, projects *domain.Projects, projectID uuid.UUID) (domain.Report, error) {
	actor := actorOf(ctx)
	parts, err := streamedParts(ctx, projects.MaxEvidenceBytes)
	if err != nil {
		return domain.Report{}, err
	}
	var kind domain.ReportFileKind
	var file *domain.StoredFile
	fail := func(err error) (domain.Report, error) {
		projects.DiscardEvidenceFile(ctx, file)
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			err = domain.Fail(domain.KindTooLarge, domain.CodeUploadOverLimit)
		}
		return domain.Report{}, err
	}
	for {
		part, err := parts.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fail(fmt.Errorf("read multipart body: %w", badRequest(err)))
		}
		switch part.FormName() {
		case "kind":
			b, err := io.ReadAll(io.LimitReader(part, 64))
			if err != nil {
				return fail(badRequest(err))
			}
			kind = domain.ReportFileKind(b)
		case "file":
			if file != nil {
				return fail(domain.Invalid("file", domain.CodeUploadOneFile))
			}
			if kind == "" {
				return fail(domain.Invalid("kind", domain.CodeFieldRequired))
			}
			body := &partReader{r: part}
			if file, err = projects.StoreReportFile(ctx, actor, projectID, kind, part.FileName(), body); err != nil {
				if body.err != nil && errors.Is(err, body.err) {
					err = badRequest(body.err)
				}
				return fail(err)
			}
		default:
			return fail(domain.Invalid(part.FormName(), domain.CodeUploadUnknownField))
		}
	}
	if file == nil {
		return fail(domain.Invalid("file", domain.CodeFieldRequired))
	}
	return projects.AddReportFile(ctx, actor, projectID, kind, file)
}
