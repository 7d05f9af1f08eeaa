package api

import (
	"bufio"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// Evidence is a bukti dukung as clients see it: a file or a link.
type Evidence struct {
	ID            uuid.UUID  `json:"id" format:"uuid" doc:"The evidence's id."`
	MilestoneID   uuid.UUID  `json:"milestoneId" format:"uuid" doc:"The milestone it proves."`
	ProjectID     uuid.UUID  `json:"projectId" format:"uuid" doc:"Its project."`
	ActivityID    *uuid.UUID `json:"activityId,omitempty" format:"uuid" doc:"The activity of the milestone it proves; absent for evidence submitted before activities were named."`
	Type          string     `json:"type,omitempty" enum:"sk,notula,daftar_hadir,foto,berita_acara,mou_pks,perwal_perbup,screenshot,tautan,lainnya" doc:"What kind of document it is (SK, notula, daftar hadir, foto, berita acara, MoU/PKS, Perwal/Perbup, screenshot, tautan, lainnya); absent for evidence from before types." example:"sk"`
	Title         string     `json:"title" doc:"Title." example:"SK Tim Efektif Antrean Daring"`
	Description   string     `json:"description" example:"Ditandatangani Kepala Dinas pada 3 Maret 2026." doc:"Description."`
	Kind          string     `json:"kind" enum:"file,link" doc:"A file, or a link to something online." example:"file"`
	URL           string     `json:"url,omitempty" format:"uri" doc:"The link, for a link." example:"https://disdukcapil.batam.go.id/antrean"`
	FileName      string     `json:"fileName,omitempty" doc:"The file's name, for a file." example:"SK-Tim-Efektif.pdf"`
	Size          int64      `json:"size,omitempty" doc:"The file's size in bytes." example:"482113"`
	MediaType     string     `json:"mediaType,omitempty" doc:"The file's type, judged from its bytes." example:"application/pdf"`
	SHA256        string     `json:"sha256,omitempty" doc:"The SHA-256 of the file, in hex." example:"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"`
	Status        string     `json:"status" enum:"submitted,approved,rejected,withdrawn" doc:"Where its review stands." example:"submitted"`
	SubmittedAt   time.Time  `json:"submittedAt" doc:"When it was submitted."`
	ReviewedAt    *time.Time `json:"reviewedAt,omitempty" doc:"When the mentor reviewed it."`
	ReviewComment string     `json:"reviewComment,omitempty" doc:"What the mentor wrote with the decision: why, for a rejection." example:"Lampirkan SK yang sudah ditandatangani."`
	Version       int64      `json:"version" doc:"Increases with every change; the ETag names it." example:"1"`
	Publishable   bool       `json:"publishable" doc:"Whether the participant may show it on the showcase when publishing the project (publish-project's publicEvidence): approved evidence only; publish-project refuses other evidence with publication.evidence_not_approved." example:"false"`
	Offered
}

func newEvidence(e domain.Evidence) Evidence {
	out := Evidence{ID: e.ID, MilestoneID: e.MilestoneID, ProjectID: e.ProjectID, ActivityID: e.ActivityID, Type: string(e.Type), Title: e.Title, Description: e.Description,
		Kind: "link", URL: e.URL, Status: string(e.Status), SubmittedAt: e.SubmittedAt, ReviewedAt: e.ReviewedAt, ReviewComment: e.ReviewComment,
		Version: e.Version, Publishable: e.Showable(), Offered: offered(e.Offer)}
	if f := e.File; f != nil {
		out.Kind, out.FileName, out.Size, out.MediaType, out.SHA256 = "file", f.Name, f.Size, f.MediaType, hex.EncodeToString(f.SHA256)
	}
	return out
}

// EvidenceReview is the body of review-evidence.
type EvidenceReview struct {
	Decision string `json:"decision" enum:"approve,reject" doc:"approve or reject." example:"approve"`
	Comment  string `json:"comment,omitempty" maxLength:"10000" doc:"Why; required to reject." example:"Lampirkan SK yang sudah ditandatangani."`
}

// EvidencePath names evidence in the path.
type EvidencePath struct {
	EvidenceID uuid.UUID `path:"evidenceId" format:"uuid" doc:"The evidence's id."`
}

type evidenceOutput struct {
	ETag string `header:"ETag" doc:"The version of the evidence."`
	Body Evidence
}

func evidenceAnswer(e domain.Evidence, err error) (*evidenceOutput, error) {
	if err != nil {
		return nil, err
	}
	return &evidenceOutput{ETag: etag(e.Version), Body: newEvidence(e)}, nil
}

// Limits of the text fields of an evidence upload, in bytes.
var evidenceFieldLimits = map[string]int64{"title": 1 << 10, "description": 64 << 10, "url": 4 << 10, "activityId": 64, "type": 64}

// setEvidenceField sets the draft's text field name (a field of the
// multipart form or of a resumable upload's metadata) to value.
func setEvidenceField(d *domain.EvidenceDraft, name, value string) error {
	switch name {
	case "title":
		d.Title = value
	case "description":
		d.Description = value
	case "url":
		d.URL = value
	case "type":
		d.Type = value
	case "activityId":
		if value == "" {
			return nil
		}
		id, err := uuid.Parse(value)
		if err != nil {
			return domain.Invalid("activityId", domain.CodeFieldUUID)
		}
		d.ActivityID = &id
	}
	return nil
}

// evidenceDraftOf reads a draft's text fields from a resumable upload's
// metadata.
func evidenceDraftOf(meta map[string]string) (domain.EvidenceDraft, error) {
	var d domain.EvidenceDraft
	for _, name := range []string{"title", "description", "activityId", "type"} {
		if err := setEvidenceField(&d, name, meta[name]); err != nil {
			return d, err
		}
	}
	return d, nil
}

// evidenceUploadSchema documents the multipart body, which the handler
// reads as a stream rather than through Huma.
var evidenceUploadSchema = &huma.RequestBody{
	Required:    true,
	Description: "A multipart form with `title`, `description`, `activityId` (required when the milestone has activities), `type`, and either `file` or `url`.",
	Content: map[string]*huma.MediaType{"multipart/form-data": {Schema: &huma.Schema{
		Type:     "object",
		Required: []string{"title"},
		Properties: map[string]*huma.Schema{
			"title":       {Type: "string", MaxLength: intPtr(200), Description: "Title.", Examples: []any{"SK Tim Efektif Antrean Daring"}},
			"description": {Type: "string", MaxLength: intPtr(10000), Description: "Description."},
			"url":         {Type: "string", Format: "uri", MaxLength: intPtr(2048), Description: "An http or https link, instead of a file.", Examples: []any{"https://disdukcapil.batam.go.id/antrean"}},
			"activityId":  {Type: "string", Format: "uuid", MaxLength: intPtr(36), Description: "The activity of the milestone this evidence proves; required when the milestone has activities (evidence.activity_required)."},
			"type":        {Type: "string", Enum: evidenceTypeEnum(), Description: "What kind of document it is; tautan for a link and lainnya for a file when left out."},
			"file":        {Type: "string", Format: "binary", Description: "The file: PDF, image, office document, text, CSV or ZIP, at most the configured limit (25 MiB by default)."},
		},
	}}},
}

func intPtr(n int) *int { return &n }

// evidenceTypeEnum lists the evidence types for a schema's enum.
func evidenceTypeEnum() []any {
	out := make([]any, len(domain.EvidenceTypes))
	for i, t := range domain.EvidenceTypes {
		out[i] = string(t)
	}
	return out
}

// documentRequestBody puts a request body into the spec of an operation
// whose handler reads the body itself: given at registration, Huma would
// read and parse the body before the handler runs.
func documentRequestBody(api huma.API, operationID string, body *huma.RequestBody) {
	for _, item := range api.OpenAPI().Paths {
		for _, op := range []*huma.Operation{item.Get, item.Put, item.Post, item.Patch, item.Delete} {
			if op != nil && op.OperationID == operationID {
				op.RequestBody = body
			}
		}
	}
}

func registerEvidence(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "submit-evidence", Method: http.MethodPost, Path: "/milestones/{milestoneId}/evidence", DefaultStatus: http.StatusCreated,
		Summary: "Submit evidence for a milestone", Tags: []string{"evidence"}, Security: signedIn,
		Description: "Adds a file or a link that proves the milestone, once the design is approved. The file is streamed to storage, never held in memory; its type is judged from its bytes (415 for types not accepted) and its size is limited (413). " +
			"The body must keep arriving at a minimum pace (by default 32 KiB in every 30 s): an upload that stalls is answered 408 and nothing of it is kept. " +
			"Evidence is frozen once submitted. The participant may do this. Unlike other creates this operation takes no Idempotency-Key, as its body is streamed: withdraw a duplicate instead.",
		Errors:   []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusRequestTimeout, http.StatusConflict, http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType, http.StatusUnprocessableEntity},
		Metadata: map[string]any{streamsBody: true},
	}, func(ctx context.Context, in *MilestonePath) (*evidenceOutput, error) {
		return evidenceAnswer(submitEvidence(ctx, s.Projects, in.MilestoneID))
	})
	documentRequestBody(api, "submit-evidence", evidenceUploadSchema)

	huma.Register(api, huma.Operation{
		OperationID: "list-evidence", Method: http.MethodGet, Path: "/milestones/{milestoneId}/evidence",
		Summary: "List a milestone's evidence", Tags: []string{"evidence"}, Security: signedIn,
		Description: "Lists the milestone's evidence, oldest first, including withdrawn and rejected evidence, which stays as history.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		MilestonePath
		PageParams
	}) (*listOutput[Evidence], error) {
		return listAnswer(ctx, newEvidence)(s.Projects.ListEvidence(ctx, actorOf(ctx), in.MilestoneID, in.request()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "get-evidence", Method: http.MethodGet, Path: "/evidence/{evidenceId}",
		Summary: "Get evidence", Tags: []string{"evidence"}, Security: signedIn,
		Description: "Returns evidence to those who may see its project.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *EvidencePath) (*evidenceOutput, error) {
		return evidenceAnswer(s.Projects.GetEvidence(ctx, actorOf(ctx), in.EvidenceID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "withdraw-evidence", Method: http.MethodDelete, Path: "/evidence/{evidenceId}",
		Summary: "Withdraw evidence", Tags: []string{"evidence"}, Security: signedIn,
		Description: "Takes back evidence that the mentor has not reviewed yet (409 otherwise). It stays in the history as withdrawn. The participant may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict},
	}, func(ctx context.Context, in *EvidencePath) (*evidenceOutput, error) {
		return evidenceAnswer(s.Projects.WithdrawEvidence(ctx, actorOf(ctx), in.EvidenceID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "review-evidence", Method: http.MethodPost, Path: "/evidence/{evidenceId}/reviews",
		Summary: "Approve or reject evidence", Tags: []string{"evidence"}, Security: signedIn,
		Description: "The participant's mentor approves evidence or rejects it with a comment. Only evidence waiting for review can be reviewed (409 otherwise); reviews are never changed.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		EvidencePath
		Body EvidenceReview
	}) (*evidenceOutput, error) {
		return evidenceAnswer(s.Projects.ReviewEvidence(ctx, actorOf(ctx), in.EvidenceID, domain.EvidenceDecision(in.Body.Decision), in.Body.Comment))
	})

	huma.Register(api, huma.Operation{
		OperationID: "download-evidence", Method: http.MethodGet, Path: "/evidence/{evidenceId}/content",
		Summary: "Download an evidence file", Tags: []string{"evidence"}, Security: signedIn,
		Description: "Streams the file with its media type, as an attachment with its (safe) name, an ETag from its SHA-256, and support for Range requests. 409 for a link.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound, http.StatusConflict},
		Responses: map[string]*huma.Response{
			"200": {Description: "The file, with its own media type.", Content: evidenceFileContent()},
			"206": {Description: "The requested range of the file.", Content: evidenceFileContent()},
		},
	}, func(ctx context.Context, in *EvidencePath) (*huma.StreamResponse, error) {
		e, file, err := s.Projects.OpenEvidenceFile(ctx, actorOf(ctx), in.EvidenceID)
		if err != nil {
			return nil, err
		}
		return storedFileAnswer(*e.File, e.SubmittedAt, file), nil
	})
}

// storedFileAnswer streams a stored file as an attachment with its (safe)
// name, its SHA-256 as ETag, and support for Range requests.
func storedFileAnswer(f domain.StoredFile, modified time.Time, body io.ReadSeekCloser) *huma.StreamResponse {
	return &huma.StreamResponse{Body: func(hctx huma.Context) {
		defer body.Close()
		r, w := humago.Unwrap(hctx)
		w.Header().Set("Content-Type", f.MediaType)
		w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
		w.Header().Set("ETag", `"`+hex.EncodeToString(f.SHA256)+`"`)
		w.Header().Set("Cache-Control", "private, no-cache")
		http.ServeContent(w, r, "", modified, body)
	}}
}

// evidenceFileContent declares the media types a downloaded evidence file
// is served with: those the domain accepts (judged from the file's bytes
// when it was uploaded), each a binary body.
func evidenceFileContent() map[string]*huma.MediaType {
	content := make(map[string]*huma.MediaType, len(domain.AllowedEvidenceTypes))
	for _, mediaType := range domain.AllowedEvidenceTypes {
		content[mediaType] = &huma.MediaType{Schema: &huma.Schema{Type: "string", Format: "binary"}}
	}
	return content
}

// uploadBufferSize is how much of an upload's body is read at once.
const uploadBufferSize = 256 << 10

// submitEvidence reads a multipart evidence upload as a stream: text fields
// into the draft, the file straight into storage.
func submitEvidence(ctx context.Context, projects *domain.Projects, milestoneID uuid.UUID) (domain.Evidence, error) {
	actor := actorOf(ctx)
	parts, err := streamedParts(ctx, projects.MaxEvidenceBytes)
	if err != nil {
		return domain.Evidence{}, err
	}
	draft, err := readEvidenceForm(parts, func(name string, file io.Reader) (*domain.StoredFile, error) {
		return projects.StoreEvidenceFile(ctx, actor, milestoneID, name, file)
	})
	if err != nil {
		projects.DiscardEvidenceFile(ctx, draft.File)
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			err = domain.Fail(domain.KindTooLarge, domain.CodeUploadOverLimit)
		}
		return domain.Evidence{}, err
	}
	return projects.SubmitEvidence(ctx, actor, milestoneID, draft)
}

// streamedParts reads the request's multipart body as a stream, bounded to
// a file of maxFile bytes and its fields.
func streamedParts(ctx context.Context, maxFile int64) (*multipart.Reader, error) {
	r := infoOf(ctx).request
	// The domain limits the file; this bounds the whole body, fields included.
	limited := http.MaxBytesReader(nil, r.Body, maxFile+1<<20)
	// The multipart reader asks for 4 KiB at a time: read the connection in
	// larger pieces, or a 200 MB upload costs 50,000 system calls.
	r.Body = struct {
		io.Reader
		io.Closer
	}{bufio.NewReaderSize(limited, uploadBufferSize), limited}
	parts, err := r.MultipartReader()
	if err != nil {
		return nil, domain.Fail(domain.KindUnsupportedMedia, domain.CodeUploadMultipart)
	}
	return parts, nil
}

// readEvidenceForm reads the parts of an evidence form in the order they
// come: the text fields into the draft, the file through storeFile. On an
// error the draft holds the file stored so far, for the caller to discard.
func readEvidenceForm(parts *multipart.Reader, storeFile func(name string, r io.Reader) (*domain.StoredFile, error)) (domain.EvidenceDraft, error) {
	var draft domain.EvidenceDraft
	for {
		part, err := parts.NextPart()
		if errors.Is(err, io.EOF) {
			return draft, nil
		}
		if err != nil {
			return draft, fmt.Errorf("read multipart body: %w", badRequest(err))
		}
		name := part.FormName()
		switch limit, isText := evidenceFieldLimits[name]; {
		case name == "file":
			if draft.File != nil {
				return draft, domain.Invalid("file", domain.CodeUploadOneFile)
			}
			body := &partReader{r: part}
			if draft.File, err = storeFile(part.FileName(), body); err != nil {
				if body.err != nil && errors.Is(err, body.err) {
					err = badRequest(body.err) // the upload broke off, not the store
				}
				return draft, err
			}
		case isText:
			b, err := io.ReadAll(io.LimitReader(part, limit+1))
			if err != nil {
				return draft, badRequest(err)
			}
			if int64(len(b)) > limit {
				return draft, domain.Invalid(name, domain.CodeUploadFieldTooLong)
			}
			if err := setEvidenceField(&draft, name, string(b)); err != nil {
				return draft, err
			}
		default:
			return draft, domain.Invalid(name, domain.CodeUploadUnknownField)
		}
	}
}

// partReader remembers the error reading a part failed with, so that a
// broken upload is told from a failing store.
type partReader struct {
	r   io.Reader
	err error
}

func (p *partReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if err != nil && err != io.EOF {
		p.err = err
	}
	return n, err
}

// badRequest marks a malformed body, keeping an over-limit error as it is;
// a body that arrived too slowly is a 408.
func badRequest(err error) error {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return err
	}
	if errors.Is(err, errUploadTooSlow) {
		return &failure{status: http.StatusRequestTimeout, code: domain.CodeUploadTooSlow}
	}
	return &failure{status: http.StatusBadRequest, code: domain.CodeMultipartMalformed}
}
