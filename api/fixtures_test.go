package api_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// project is the world's participant's project.
func (w *world) project() uuid.UUID { return w.enrollment.ProjectID }

// projects is the workflow service the world's server uses.
func (w *world) projects() *domain.Projects { return w.services.Projects }

// draftDesign gives the participant's project what a submission needs: a
// title, a problem, a goal and a short-term milestone, which it returns.
func (w *world) draftDesign(t testing.TB) domain.Milestone {
	t.Helper()
	return w.draftDesignOf(t, w.project())
}

// draftDesignOf drafts the design of a project of the world's participant,
// as draftDesign does.
func (w *world) draftDesignOf(t testing.TB, project uuid.UUID) domain.Milestone {
	t.Helper()
	w.writeDesignTexts(t, project)
	m, err := w.projects().CreateMilestone(context.Background(), w.actor(w.participant), project, domain.MilestonePlan{Horizon: "short", Title: "Terbentuknya Tim Efektif",
		DueOn: domain.DateOf(time.Now().AddDate(0, 1, 0))})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// writeDesignTexts gives a project of the world's participant the title,
// problem and goal a submission needs (its milestones are the test's).
func (w *world) writeDesignTexts(t testing.TB, project uuid.UUID) {
	t.Helper()
	title, problem, goal := "Antrean Daring Adminduk", "Antrean panjang sejak subuh", "Waktu tunggu di bawah 30 menit"
	if _, err := w.projects().UpdateProject(context.Background(), w.actor(w.participant), project, domain.ProjectChanges{Title: &title, Problem: &problem, Goal: &goal}, nil); err != nil {
		t.Fatal(err)
	}
}

// linkEvidence submits a link as evidence of a milestone, as the participant.
func (w *world) linkEvidence(t testing.TB, milestone uuid.UUID) domain.Evidence {
	t.Helper()
	e, err := w.projects().SubmitEvidence(context.Background(), w.actor(w.participant), milestone,
		domain.EvidenceDraft{Title: "Berita acara rapat", URL: "https://batam.go.id/berita-acara"})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// multipartForm encodes fields and, when name is not empty, a file.
func multipartForm(t testing.TB, fields map[string]string, fileName string, file []byte) ([]byte, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if fileName != "" {
		fw, err := mw.CreateFormFile("file", fileName)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(file)
	}
	mw.Close()
	return buf.Bytes(), mw.FormDataContentType()
}

// upload submits evidence for a milestone as a multipart form.
func (w *world) upload(token string, milestone uuid.UUID, fields map[string]string, fileName string, file []byte) response {
	w.t.Helper()
	body, contentType := multipartForm(w.t, fields, fileName, file)
	return w.do(request{method: http.MethodPost, path: "/v1/milestones/" + milestone.String() + "/evidence", token: token, body: body, contentType: contentType})
}

// pdf is a small file that is a PDF by its bytes.
var pdf = append([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"), bytes.Repeat([]byte("isi dokumen SK tim efektif\n"), 400)...)
