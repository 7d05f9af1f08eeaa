package api_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/openapi/client"
)

// reportForm is a multipart body of upload-report-file with a PDF.
func reportForm() (string, *bytes.Buffer) {
	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	form.WriteField("kind", "report")
	part, _ := form.CreateFormFile("file", "Laporan.pdf")
	part.Write(pdf)
	form.Close()
	return form.FormDataContentType(), &body
}

// freshReportVersion has the world's participant upload a new report
// version, which no one has endorsed yet; it returns its id.
func (w *world) freshReportVersion() uuid.UUID {
	w.t.Helper()
	r := w.uploadReport(w.t, w.actor(w.participant), w.project())
	return r.Current(domain.ReportFileReport).ID
}

func init() {
	// Roles: admin, organizer, organizer of another cohort, coach, mentor,
	// participant, another participant, user with no role, anonymous.
	seesProject := [9]int{ok, ok, notFound, ok, ok, ok, notFound, notFound, unauth}
	participantWrites := func(status int) [9]int {
		return [9]int{status, forbidden, notFound, forbidden, forbidden, status, notFound, notFound, unauth}
	}
	rows := map[string]accessCase{
		"get-report": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.GetReportWithResponse(ctx, w.project()))
		}, seesProject},
		"upload-report-file": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			contentType, body := reportForm()
			return answer(c.UploadReportFileWithBodyWithResponse(ctx, w.project(), contentType, body))
		}, participantWrites(created)},
		"download-report-file": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.DownloadReportFileWithResponse(ctx, w.project(), w.freshReportVersion()))
		}, seesProject},
		"download-report-pages": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.DownloadReportPagesWithResponse(ctx, w.project()))
		}, seesProject},
		"update-report-summary": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			w.freshReportVersion() // a version not yet endorsed: its summary is open
			return answer(c.UpdateReportSummaryWithResponse(ctx, w.project(), client.ReportSummary{NotAchieved: []uuid.UUID{}}))
		}, participantWrites(ok)},
		"sign-report-statement": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.SignReportStatementWithResponse(ctx, w.project(), client.ReportStatementSign{}))
		}, participantWrites(ok)},
		"endorse-report": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			w.sessionFor(w.t, w.project(), domain.SeminarFinal) // the persetujuan names it
			w.freshReportVersion()
			return answer(c.EndorseReportWithResponse(ctx, w.project(), client.ReportEndorse{Step: client.ReportEndorseStepPersetujuan, Position: ptr("Kepala Dinas")}))
		}, [9]int{ok, forbidden, notFound, ok, ok, forbidden, notFound, notFound, unauth}},
		"allow-late-report": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.AllowLateReportWithResponse(ctx, w.project(), client.ReportLateAllowance{Reason: "Peserta sakit"}))
		}, [9]int{ok, ok, notFound, forbidden, forbidden, forbidden, notFound, notFound, unauth}},
		// Only the examiners of the participant's final seminar session may,
		// after the seminar: the world's report is a draft, so even they are
		// refused by its state (the revision's own tests take it further).
		"require-report-revision": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.RequireReportRevisionWithResponse(ctx, w.project(), client.ReportRevisionRequest{DueOn: calendarDay(2027, 1, 15), Comment: "Lengkapi data"}))
		}, [9]int{http.StatusConflict, forbidden, notFound, forbidden, forbidden, forbidden, notFound, notFound, unauth}},
	}
	for op, c := range rows {
		accessMatrix[op] = c
	}
	// The coach of another group, another mentor, an examiner of the cohort.
	for _, op := range []string{"get-report", "download-report-file", "download-report-pages"} {
		moreAccess[op] = [3]int{notFound, notFound, ok}
	}
	for _, op := range []string{"upload-report-file", "update-report-summary", "sign-report-statement", "endorse-report", "allow-late-report"} {
		moreAccess[op] = [3]int{notFound, notFound, forbidden}
	}
	moreAccess["require-report-revision"] = [3]int{notFound, notFound, http.StatusConflict}
}
