package api_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// tusMetadata encodes an Upload-Metadata header.
func tusMetadata(pairs ...string) string {
	var parts []string
	for i := 0; i+1 < len(pairs); i += 2 {
		parts = append(parts, pairs[i]+" "+base64.StdEncoding.EncodeToString([]byte(pairs[i+1])))
	}
	return strings.Join(parts, ",")
}

// uploadsPath is where the milestone's resumable uploads begin.
func uploadsPath(milestone uuid.UUID) string {
	return "/v1/milestones/" + milestone.String() + "/evidence/uploads"
}

// beginUpload announces a resumable upload of size bytes.
func (w *world) beginUpload(token string, milestone uuid.UUID, size int, metadata string) response {
	w.t.Helper()
	return w.do(request{method: http.MethodPost, path: uploadsPath(milestone), token: token,
		header: map[string]string{"Tus-Resumable": "1.0.0", "Upload-Length": strconv.Itoa(size), "Upload-Metadata": metadata}})
}

// sendUpload sends bytes of an upload from offset.
func (w *world) sendUpload(token, location string, offset int, chunk []byte) response {
	w.t.Helper()
	return w.do(request{method: http.MethodPatch, path: location, token: token, body: chunk, contentType: "application/offset+octet-stream",
		header: map[string]string{"Tus-Resumable": "1.0.0", "Upload-Offset": strconv.Itoa(offset)}})
}

// uploadOffset asks how much of an upload has arrived.
func (w *world) uploadOffset(token, location string) response {
	w.t.Helper()
	return w.do(request{method: http.MethodHead, path: location, token: token, header: map[string]string{"Tus-Resumable": "1.0.0"}})
}

// dropMidway sends a PATCH announcing the whole rest of the upload but
// hangs up after the first part of it, as a phone losing its signal does.
func (w *world) dropMidway(token, location string, sent []byte, announced int) {
	w.t.Helper()
	u, err := url.Parse(w.server.URL)
	if err != nil {
		w.t.Fatal(err)
	}
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		w.t.Fatal(err)
	}
	fmt.Fprintf(conn, "PATCH %s HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n"+
		"Content-Type: application/offset+octet-stream\r\nContent-Length: %d\r\n\r\n", location, u.Host, token, announced)
	if _, err := conn.Write(sent); err != nil {
		w.t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond) // let the bytes reach the server before the hang-up
	conn.Close()
}

func TestAnEvidenceUploadDroppedHalfwayResumesWhereItStoppedAndBecomesEvidence(t *testing.T) {
	w := newWorld(t)
	milestone := w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectImplementing)
	token := w.token(w.participant.ID)

	begun := expect(t, w.beginUpload(token, milestone.ID, len(pdf), tusMetadata("filename", "SK Tim Efektif.pdf", "title", "SK Tim Efektif", "description", "Ditandatangani Kepala Dinas")), http.StatusCreated)
	location := begun.header.Get("Location")
	if !strings.HasPrefix(location, uploadsPath(milestone.ID)+"/") {
		t.Fatalf("Location %q, want an upload under %s", location, uploadsPath(milestone.ID))
	}
	if got := begun.header.Get("Tus-Resumable"); got != "1.0.0" {
		t.Errorf("Tus-Resumable %q, want 1.0.0", got)
	}

	half := len(pdf) / 2
	w.dropMidway(token, location, pdf[:half], len(pdf))

	// The server keeps what arrived: HEAD says where to go on (after the
	// server has noticed the hang-up and released the upload).
	var offset string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		r := w.uploadOffset(token, location)
		if r.status == http.StatusOK && r.header.Get("Upload-Offset") == strconv.Itoa(half) {
			offset = r.header.Get("Upload-Offset")
			if r.header.Get("Upload-Length") != strconv.Itoa(len(pdf)) {
				t.Errorf("Upload-Length %q, want %d", r.header.Get("Upload-Length"), len(pdf))
			}
			break
		}
	}
	if offset != strconv.Itoa(half) {
		t.Fatalf("after the drop HEAD never said Upload-Offset %d", half)
	}
	if left := w.evidenceOf(t, milestone.ID); len(left) != 0 {
		t.Fatalf("a half upload is evidence already: %v", left)
	}

	// Resuming from the wrong place is refused with where to go on.
	stale := expect(t, w.sendUpload(token, location, 0, pdf), http.StatusConflict).problem(t)
	if stale.Code != string(domain.CodeUploadOffsetMismatch) || fmt.Sprint(stale.Params["offset"]) != strconv.Itoa(half) {
		t.Errorf("a PATCH from 0 answered %+v, want %s at offset %d", stale, domain.CodeUploadOffsetMismatch, half)
	}

	done := expect(t, w.sendUpload(token, location, half, pdf[half:]), http.StatusOK)
	if done.header.Get("Upload-Offset") != strconv.Itoa(len(pdf)) {
		t.Errorf("the last PATCH says Upload-Offset %q, want %d", done.header.Get("Upload-Offset"), len(pdf))
	}
	var e struct {
		ID        uuid.UUID `json:"id"`
		Title     string    `json:"title"`
		FileName  string    `json:"fileName"`
		Size      int       `json:"size"`
		MediaType string    `json:"mediaType"`
		SHA256    string    `json:"sha256"`
		Status    string    `json:"status"`
		Actions   []string  `json:"actions"`
	}
	done.decode(t, &e)
	sum := sha256.Sum256(pdf)
	if e.Title != "SK Tim Efektif" || e.FileName != "SK Tim Efektif.pdf" || e.Size != len(pdf) || e.MediaType != "application/pdf" ||
		e.SHA256 != hex.EncodeToString(sum[:]) || e.Status != "submitted" {
		t.Errorf("the finished upload answered %+v", e)
	}
	content := expect(t, w.get("/v1/evidence/"+e.ID.String()+"/content", token), http.StatusOK)
	if !bytes.Equal(content.body, pdf) {
		t.Errorf("the evidence's bytes differ from those sent: %d bytes, want %d", len(content.body), len(pdf))
	}
	// Like any submitted evidence: the event, and the milestone under way.
	timeline := expect(t, w.get("/v1/projects/"+w.project().String()+"/timeline", token), http.StatusOK)
	if !strings.Contains(string(timeline.body), `"evidence.submitted"`) {
		t.Errorf("no evidence.submitted event on the timeline: %s", timeline.body)
	}
	// The upload is gone once it became evidence.
	expect(t, w.uploadOffset(token, location), http.StatusNotFound)
	if left, _ := filepath.Glob(filepath.Join(w.blobDir, ".uploads", "*.info")); len(left) != 0 {
		t.Errorf("the finished upload left %v", left)
	}
}

// evidenceOf lists a milestone's evidence as its participant sees it.
func (w *world) evidenceOf(t *testing.T, milestone uuid.UUID) []any {
	t.Helper()
	var page struct {
		Items []any `json:"items"`
	}
	expect(t, w.get("/v1/milestones/"+milestone.String()+"/evidence", w.token(w.participant.ID)), http.StatusOK).decode(t, &page)
	return page.Items
}

func TestOnlyTheParticipantMayBeginAnEvidenceUploadAndWithinTheLimit(t *testing.T) {
	w := newWorld(t)
	milestone := w.draftDesign(t)
	meta := tusMetadata("filename", "sk.pdf", "title", "SK Tim Efektif")

	t.Run("before the design is approved, the state refuses it", func(t *testing.T) {
		p := expect(t, w.beginUpload(w.token(w.participant.ID), milestone.ID, len(pdf), meta), http.StatusConflict).problem(t)
		if p.Code != string(domain.CodeEvidenceDesignNotApproved) {
			t.Errorf("code %q, want %s", p.Code, domain.CodeEvidenceDesignNotApproved)
		}
	})
	w.bringProjectTo(t, domain.ProjectImplementing)

	for _, c := range []struct {
		role   string
		status int
	}{{roleMentor, http.StatusForbidden}, {roleCoach, http.StatusForbidden}, {roleOtherParticipant, http.StatusNotFound}, {roleNoRole, http.StatusNotFound}} {
		t.Run("the "+c.role+" may not", func(t *testing.T) {
			expect(t, w.beginUpload(w.tokenOf(c.role), milestone.ID, len(pdf), meta), c.status)
		})
	}
	t.Run("without a token", func(t *testing.T) {
		r := expect(t, w.beginUpload("", milestone.ID, len(pdf), meta), http.StatusUnauthorized)
		if r.header.Get("WWW-Authenticate") == "" || r.problem(t).Code != string(domain.CodeTokenMissing) {
			t.Errorf("answered %s %v", r.body, r.header)
		}
	})
	token := w.token(w.participant.ID)
	t.Run("over the size limit", func(t *testing.T) {
		p := expect(t, w.beginUpload(token, milestone.ID, testMaxEvidenceBytes+1, meta), http.StatusRequestEntityTooLarge).problem(t)
		if p.Code != string(domain.CodeUploadTooLarge) || fmt.Sprint(p.Params["max"]) != "1" {
			t.Errorf("answered %+v, want %s with max 1 (MiB)", p, domain.CodeUploadTooLarge)
		}
	})
	t.Run("without a title", func(t *testing.T) {
		p := expect(t, w.beginUpload(token, milestone.ID, len(pdf), tusMetadata("filename", "sk.pdf")), http.StatusUnprocessableEntity).problem(t)
		if len(p.Errors) != 1 || p.Errors[0].Location != "body.title" {
			t.Errorf("answered %+v, want the title marked", p)
		}
	})
	t.Run("without Upload-Length", func(t *testing.T) {
		r := w.do(request{method: http.MethodPost, path: uploadsPath(milestone.ID), token: token, header: map[string]string{"Tus-Resumable": "1.0.0", "Upload-Metadata": meta}})
		if p := expect(t, r, http.StatusBadRequest).problem(t); p.Code != string(domain.CodeUploadProtocol) {
			t.Errorf("code %q, want %s", p.Code, domain.CodeUploadProtocol)
		}
	})

	location := expect(t, w.beginUpload(token, milestone.ID, 8000, meta), http.StatusCreated).header.Get("Location")
	t.Run("someone else's upload is not found", func(t *testing.T) {
		expect(t, w.uploadOffset(w.tokenOf(roleOtherParticipant), location), http.StatusNotFound)
		expect(t, w.sendUpload(w.tokenOf(roleMentor), location, 0, []byte("%PDF-1.4")), http.StatusNotFound)
	})
	t.Run("more bytes than announced", func(t *testing.T) {
		r := expect(t, w.sendUpload(token, location, 0, bytes.Repeat([]byte("x"), 8001)), http.StatusRequestEntityTooLarge)
		if p := r.problem(t); p.Code != string(domain.CodeUploadTooLarge) {
			t.Errorf("code %q, want %s", p.Code, domain.CodeUploadTooLarge)
		}
	})
}

func TestAFinishedUploadOfATypeNotAcceptedIsRefusedAndNothingIsKept(t *testing.T) {
	w := newWorld(t)
	milestone := w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectImplementing)
	token := w.token(w.participant.ID)
	elf := append([]byte("\x7fELF\x02\x01\x01\x00"), bytes.Repeat([]byte{0}, 4000)...)
	blobsBefore := filesIn(t, filepath.Join(w.blobDir, "evidence"))

	location := expect(t, w.beginUpload(token, milestone.ID, len(elf), tusMetadata("filename", "sk.pdf", "title", "SK")), http.StatusCreated).header.Get("Location")
	r := expect(t, w.sendUpload(token, location, 0, elf), http.StatusUnsupportedMediaType)
	if p := r.problem(t); p.Code != string(domain.CodeUploadType) || r.header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("answered %s %s, want a problem %s", r.header.Get("Content-Type"), r.body, domain.CodeUploadType)
	}
	if got := w.evidenceOf(t, milestone.ID); len(got) != 0 {
		t.Errorf("refused upload became evidence: %v", got)
	}
	expect(t, w.uploadOffset(token, location), http.StatusNotFound)
	if after := filesIn(t, filepath.Join(w.blobDir, "evidence")); len(after) != len(blobsBefore) {
		t.Errorf("the blob store kept %d files, had %d", len(after), len(blobsBefore))
	}
	if _, err := os.Stat(filepath.Join(w.blobDir, ".uploads")); err != nil {
		t.Errorf("the uploads folder is not in the blob folder: %v", err)
	}
}
