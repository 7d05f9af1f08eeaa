package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"github.com/tus/tusd/v2/pkg/filelocker"
	"github.com/tus/tusd/v2/pkg/filestore"
	tusd "github.com/tus/tusd/v2/pkg/handler"
	expslog "golang.org/x/exp/slog"

	"github.com/proper-id/proper/domain"
)

// Resumable uploads of evidence files speak the tus protocol 1.0.0
// (https://tus.io/protocols/resumable-upload), served by tusd's handler
// behind Proper's own authentication and evidence rules:
//
//	POST   /v1/milestones/{milestoneId}/evidence/uploads             begins an upload (Upload-Length, Upload-Metadata: filename, title, description)
//	HEAD   /v1/milestones/{milestoneId}/evidence/uploads/{uploadId}  says how much has arrived (Upload-Offset)
//	PATCH  /v1/milestones/{milestoneId}/evidence/uploads/{uploadId}  sends the next bytes from Upload-Offset
//	DELETE /v1/milestones/{milestoneId}/evidence/uploads/{uploadId}  abandons the upload
//
// Beginning an upload asks the domain everything submit-evidence would
// refuse except the file's type (authorization, the milestone's state, the
// size limit, the title), so nothing is sent in vain. The bytes go to a
// folder on disk (never held in memory); the PATCH that completes the file
// passes it through StoreEvidenceFile and SubmitEvidence exactly as a
// multipart upload would (its type judged from its bytes, hashed, stored in
// the blob store, the same event), answers 200 with the evidence, and
// removes the partial upload whatever the outcome. Every refusal is a
// problem with a code, like the rest of the API.
const evidenceUploadsPath = "/v1/milestones/{milestoneId}/evidence/uploads"

// uploadOwner and uploadMilestone are the metadata keys under which an
// upload remembers who began it and for which milestone: only they may
// continue it.
const (
	uploadOwner     = "proper-owner"
	uploadMilestone = "proper-milestone"
)

// uploadID is the shape of the ids tusd's file store gives uploads; any
// other id is refused before it reaches the file system.
var uploadID = regexp.MustCompile(`^[0-9a-f]{32}$`)

// evidenceUploads serves the tus routes of evidence files.
type evidenceUploads struct {
	services *Services
	tus      *tusd.UnroutedHandler
	store    filestore.FileStore
}

type uploadCallerKey struct{}

// uploadCaller is who sends an upload and for which milestone, passed to
// tusd's hooks through the request's context.
type uploadCaller struct {
	actor       *domain.Actor
	milestoneID uuid.UUID
	lang        domain.Language
}

// registerEvidenceUploads mounts the tus routes on mux. Partial uploads are
// kept in dir (created if missing); a PATCH whose body stalls for the
// pace's window is cut off, keeping what arrived, to be resumed.
func registerEvidenceUploads(mux *http.ServeMux, s *Services, dir string, pace UploadPace, logger *slog.Logger) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create the folder of resumable uploads: %w", err)
	}
	u := &evidenceUploads{services: s, store: filestore.New(dir)}
	composer := tusd.NewStoreComposer()
	composer.UseCore(u.store)
	composer.UseTerminater(u.store)
	filelocker.New(dir).UseIn(composer)
	var err error
	u.tus, err = tusd.NewUnroutedHandler(tusd.Config{
		StoreComposer:             composer,
		BasePath:                  "/v1/evidence-uploads/", // each answer's Location is rewritten to the milestone's path
		MaxSize:                   s.Projects.MaxEvidenceBytes,
		DisableDownload:           true,
		Cors:                      &tusd.CorsConfig{Disable: true}, // allowOrigins answers for the whole API
		Logger:                    expslog.New(expslog.NewTextHandler(tusLog{logger}, &expslog.HandlerOptions{Level: expslog.LevelWarn})),
		NetworkTimeout:            pace.orDefault().Window,
		PreUploadCreateCallback:   u.beginning,
		PreFinishResponseCallback: u.finishing,
	})
	if err != nil {
		return err
	}
	mux.Handle("POST "+evidenceUploadsPath, named("begin-evidence-upload", u.serve(false, u.tus.PostFile)))
	mux.Handle("HEAD "+evidenceUploadsPath+"/{uploadId}", named("get-evidence-upload", u.serve(true, u.tus.HeadFile)))
	mux.Handle("PATCH "+evidenceUploadsPath+"/{uploadId}", named("continue-evidence-upload", u.serve(true, u.tus.PatchFile)))
	mux.Handle("DELETE "+evidenceUploadsPath+"/{uploadId}", named("abandon-evidence-upload", u.serve(true, u.tus.DelFile)))
	return nil
}

// serve authenticates the caller, checks that an existing upload is theirs
// and the milestone's (or, to begin one, that they may submit it), and
// hands the request to tusd with its answers shaped as Proper's.
func (u *evidenceUploads) serve(existing bool, next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lang := languageOfHeader(r.Header.Get("Accept-Language"))
		out := &tusAnswer{ResponseWriter: w, lang: lang, path: r.URL.Path, ctx: r.Context(), maxMiB: u.services.Projects.MaxEvidenceBytes >> 20}
		defer out.finish()
		r.Header.Del("X-HTTP-Method-Override") // the method is the route's
		actor, err := u.authenticate(r)
		if err != nil {
			out.fail(err)
			return
		}
		milestoneID, err := uuid.Parse(r.PathValue("milestoneId"))
		if err != nil {
			out.fail(domain.NotFound("milestone"))
			return
		}
		caller := &uploadCaller{actor: actor, milestoneID: milestoneID, lang: lang}
		if existing {
			id := r.PathValue("uploadId")
			info, err := u.info(r.Context(), id)
			if err != nil || info.MetaData[uploadOwner] != actor.UserID.String() || info.MetaData[uploadMilestone] != milestoneID.String() {
				out.fail(domain.NotFound("upload"))
				return
			}
			out.offset = info.Offset
			r = r.Clone(r.Context())
			r.URL.Path = id // tusd reads the id from the path
		} else if err := u.checkBeginning(r, caller); err != nil {
			out.fail(err)
			return
		}
		r = r.WithContext(context.WithValue(r.Context(), uploadCallerKey{}, caller))
		u.tus.Middleware(next).ServeHTTP(out, r)
	})
}

// authenticate resolves the bearer token as the Huma operations do.
func (u *evidenceUploads) authenticate(r *http.Request) (*domain.Actor, error) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || strings.TrimSpace(token) == "" {
		return nil, domain.Fail(domain.KindUnauthenticated, domain.CodeTokenMissing)
	}
	return u.services.Accounts.Authenticate(r.Context(), strings.TrimSpace(token))
}

// info reads an upload's state, or fails for an id that is not one.
func (u *evidenceUploads) info(ctx context.Context, id string) (tusd.FileInfo, error) {
	if !uploadID.MatchString(id) {
		return tusd.FileInfo{}, tusd.ErrNotFound
	}
	upload, err := u.store.GetUpload(ctx, id)
	if err != nil {
		return tusd.FileInfo{}, err
	}
	return upload.GetInfo(ctx)
}

// checkBeginning asks the domain whether the caller may submit a file of
// the announced length with the announced title to the milestone.
func (u *evidenceUploads) checkBeginning(r *http.Request, caller *uploadCaller) error {
	if r.Header.Get("Upload-Defer-Length") != "" || r.Header.Get("Upload-Concat") != "" {
		return &failure{status: http.StatusBadRequest, code: domain.CodeUploadProtocol}
	}
	size, err := strconv.ParseInt(r.Header.Get("Upload-Length"), 10, 64)
	if err != nil || size < 0 {
		return &failure{status: http.StatusBadRequest, code: domain.CodeUploadProtocol,
			fields: []domain.FieldError{{Field: "header.Upload-Length", Code: domain.CodeFieldRequired}}}
	}
	meta := tusd.ParseMetadataHeader(r.Header.Get("Upload-Metadata"))
	draft, err := evidenceDraftOf(meta)
	if err != nil {
		return err
	}
	return u.services.Projects.CheckEvidenceUpload(r.Context(), caller.actor, caller.milestoneID, size, draft)
}

// beginning keeps, of the client's metadata, the file's name, title and
// description, and adds who began the upload for which milestone.
func (u *evidenceUploads) beginning(hook tusd.HookEvent) (tusd.HTTPResponse, tusd.FileInfoChanges, error) {
	caller, _ := hook.Context.Value(uploadCallerKey{}).(*uploadCaller)
	if caller == nil {
		return tusd.HTTPResponse{}, tusd.FileInfoChanges{}, errors.New("an upload began outside serve")
	}
	meta := tusd.MetaData{uploadOwner: caller.actor.UserID.String(), uploadMilestone: caller.milestoneID.String()}
	for _, key := range []string{"filename", "title", "description", "activityId", "type"} {
		meta[key] = hook.Upload.MetaData[key]
	}
	return tusd.HTTPResponse{}, tusd.FileInfoChanges{MetaData: meta}, nil
}

// finishing turns a complete upload into evidence through the same domain
// calls as a multipart upload, answers with the evidence, and removes the
// partial upload whether or not it became evidence.
func (u *evidenceUploads) finishing(hook tusd.HookEvent) (tusd.HTTPResponse, error) {
	ctx := hook.Context
	caller, _ := ctx.Value(uploadCallerKey{}).(*uploadCaller)
	if caller == nil {
		return tusd.HTTPResponse{}, errors.New("an upload finished outside serve")
	}
	upload, err := u.store.GetUpload(ctx, hook.Upload.ID)
	if err != nil {
		return tusd.HTTPResponse{}, err
	}
	defer u.store.AsTerminatableUpload(upload).Terminate(context.WithoutCancel(ctx))
	e, err := u.submit(ctx, caller, upload, hook.Upload.MetaData)
	if err != nil {
		p := problemOf(ctx, err, caller.lang)
		body, _ := json.Marshal(p)
		return tusd.HTTPResponse{}, tusd.Error{ErrorCode: string(p.Code), Message: p.Detail, HTTPResponse: tusd.HTTPResponse{
			StatusCode: p.Status, Body: string(body), Header: tusd.HTTPHeader{"Content-Type": "application/problem+json"}}}
	}
	body, err := json.Marshal(newEvidence(e))
	if err != nil {
		return tusd.HTTPResponse{}, err
	}
	return tusd.HTTPResponse{StatusCode: http.StatusOK, Body: string(body), Header: tusd.HTTPHeader{
		"Content-Type": "application/json", "ETag": etag(e.Version), "Content-Location": "/v1/evidence/" + e.ID.String()}}, nil
}

// submit stores the upload's bytes as an evidence file and submits it.
func (u *evidenceUploads) submit(ctx context.Context, caller *uploadCaller, upload tusd.Upload, meta tusd.MetaData) (domain.Evidence, error) {
	projects := u.services.Projects
	r, err := upload.GetReader(ctx)
	if err != nil {
		return domain.Evidence{}, err
	}
	defer r.Close()
	draft, err := evidenceDraftOf(meta)
	if err != nil {
		return domain.Evidence{}, err
	}
	if draft.File, err = projects.StoreEvidenceFile(ctx, caller.actor, caller.milestoneID, meta["filename"], r); err != nil {
		return domain.Evidence{}, err
	}
	return projects.SubmitEvidence(ctx, caller.actor, caller.milestoneID, draft)
}

// problemOf words an error as the API's problem in lang: a domain error or
// a failure of the HTTP layer with its code, anything else logged and
// answered as a plain 500.
func problemOf(ctx context.Context, err error, lang domain.Language) *ErrorModel {
	var de *domain.Error
	if errors.As(err, &de) {
		return domainProblem(de, lang)
	}
	var f *failure
	if errors.As(err, &f) {
		p := problem(f.status, f.code, lang, f.params)
		for _, d := range f.fields {
			p.Errors = append(p.Errors, &ErrorDetail{Code: d.Code, Message: d.Text(lang), Params: d.Params, Location: d.Field, Value: d.Value})
		}
		return p
	}
	logUnexpected(ctx, "resumable upload", err)
	return internalProblem(ctx, lang)
}

// tusProblems are the codes of tusd's own refusals.
var tusProblems = map[string]domain.Code{
	"ERR_MISMATCHED_OFFSET":    domain.CodeUploadOffsetMismatch,
	"ERR_UPLOAD_NOT_FOUND":     domain.CodeNotFound,
	"ERR_UPLOAD_LOCKED":        domain.CodeUploadBusy,
	"ERR_LOCK_TIMEOUT":         domain.CodeUploadBusy,
	"ERR_UPLOAD_INTERRUPTED":   domain.CodeUploadBusy,
	"ERR_MAX_SIZE_EXCEEDED":    domain.CodeUploadTooLarge,
	"ERR_UPLOAD_SIZE_EXCEEDED": domain.CodeUploadTooLarge,
	"ERR_READ_TIMEOUT":         domain.CodeUploadTooSlow,
	"ERR_SERVER_SHUTDOWN":      domain.CodeUnavailable,
}

// tusAnswer is the response of a tus route: it points Location at the
// milestone's path, and turns tusd's plain-text refusals into problems.
type tusAnswer struct {
	http.ResponseWriter
	lang domain.Language
	path string
	ctx  context.Context
	// offset is where the upload stood when the request came, for the
	// problem of a PATCH that began elsewhere.
	offset int64
	// maxMiB is the limit of an evidence file, in MiB.
	maxMiB int64
	// refused holds a plain-text refusal of tusd, worded at finish.
	refused *bytes.Buffer
	status  int
	written bool
}

func (a *tusAnswer) WriteHeader(status int) {
	if a.written || a.refused != nil {
		return
	}
	h := a.Header()
	if status >= 400 && strings.HasPrefix(h.Get("Content-Type"), "text/plain") {
		a.refused, a.status = &bytes.Buffer{}, status
		return
	}
	if loc := h.Get("Location"); loc != "" && status == http.StatusCreated {
		h.Set("Location", strings.TrimSuffix(a.path, "/")+"/"+loc[strings.LastIndex(loc, "/")+1:])
	}
	a.written = true
	a.ResponseWriter.WriteHeader(status)
}

func (a *tusAnswer) Write(b []byte) (int, error) {
	if !a.written && a.refused == nil {
		a.WriteHeader(http.StatusOK)
	}
	if a.refused != nil {
		return a.refused.Write(b)
	}
	return a.ResponseWriter.Write(b)
}

// Unwrap lets tusd set the connection's deadlines.
func (a *tusAnswer) Unwrap() http.ResponseWriter { return a.ResponseWriter }

// fail answers err as a problem.
func (a *tusAnswer) fail(err error) {
	if domain.KindOf(err) == domain.KindUnauthenticated {
		a.Header().Set("WWW-Authenticate", `Bearer realm="proper"`)
	}
	a.writeProblem(problemOf(a.ctx, err, a.lang))
}

func (a *tusAnswer) writeProblem(p *ErrorModel) {
	a.written = true
	h := a.Header()
	h.Del("Content-Length")
	h.Set("Content-Type", "application/problem+json")
	a.ResponseWriter.WriteHeader(p.Status)
	json.NewEncoder(a.ResponseWriter).Encode(p)
}

// finish words a refusal of tusd that was held back.
func (a *tusAnswer) finish() {
	if a.refused == nil || a.written {
		return
	}
	errCode, _, _ := strings.Cut(a.refused.String(), ":")
	code, ok := tusProblems[errCode]
	var params domain.Params
	switch {
	case code == domain.CodeUploadOffsetMismatch:
		params = domain.Params{"offset": a.offset}
	case code == domain.CodeNotFound:
		params = domain.Params{"what": "upload"}
	case !ok && a.status < 500:
		code = domain.CodeUploadProtocol
	case !ok:
		logUnexpected(a.ctx, "resumable upload", errors.New(strings.TrimSpace(a.refused.String())))
		a.writeProblem(internalProblem(a.ctx, a.lang))
		return
	}
	if code == domain.CodeUploadTooLarge { // tusd's own limit is the domain's
		params = domain.Params{"max": a.maxMiB}
	}
	a.writeProblem(problem(a.status, code, a.lang, params))
}

// tusLog passes tusd's warnings and errors (it logs through x/exp/slog) on
// to the server's logger, one line each; its per-request info lines would
// double the access log and are left out.
type tusLog struct{ logger *slog.Logger }

func (l tusLog) Write(line []byte) (int, error) {
	l.logger.Warn("resumable upload", "tusd", strings.TrimSpace(string(line)))
	return len(line), nil
}
