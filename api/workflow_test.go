package api_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/proper-id/proper/domain"
)

// projectState reads the status fields of a project answer.
type projectState struct {
	Status            string
	RevisionRequested bool
	RevisionComment   string
	DesignRound       int
}

func (w *world) projectState(t *testing.T) projectState {
	t.Helper()
	var p projectState
	expect(t, w.get(projectPath(w, ""), w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &p)
	return p
}

func TestMentorAndCoachApprovingAtOnceApproveTheDesignExactlyOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.draftDesign(t)
	for round := range 5 {
		if round > 0 { // an approved design stays approved: each round is a new project's
			w.enrollment = w.enrollInNewCohort(t)
		}
		expect(t, w.post(projectPath(w, "/design/submit"), w.tokenOf(roleParticipant), nil), http.StatusOK)
		var wg sync.WaitGroup
		statuses := make([]int, 2)
		for i, role := range []string{roleMentor, roleCoach} {
			token := w.tokenOf(role)
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses[i] = w.post(projectPath(w, "/design/reviews"), token, map[string]string{"decision": "approve"}).status
			}()
		}
		wg.Wait()
		if statuses[0] != http.StatusOK || statuses[1] != http.StatusOK {
			t.Fatalf("round %d: both approvals should succeed: %v", round, statuses)
		}
		var approvals int
		w.db.QueryRow(`SELECT count(*) FROM events WHERE project_id = ? AND action = 'project.design_approved'`, w.project()).Scan(&approvals)
		if p := w.projectState(t); p.Status != "design_approved" || approvals != 1 {
			t.Fatalf("round %d: status %s after %d approvals, want design_approved once", round, p.Status, approvals)
		}
	}
}

func TestTheDesignIsFrozenOutsideDraft(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.draftDesign(t)
	expect(t, w.post(projectPath(w, "/design/submit"), w.tokenOf(roleParticipant), nil), http.StatusOK)
	res := expect(t, w.patch(projectPath(w, ""), w.tokenOf(roleParticipant), map[string]string{"title": "Judul baru"}, nil), http.StatusConflict)
	if !strings.Contains(res.problem(t).Detail, "design_submitted") {
		t.Fatalf("the 409 should say why: %s", res.body)
	}
	expect(t, w.post(projectPath(w, "/design/submit"), w.tokenOf(roleParticipant), nil), http.StatusConflict)
	expect(t, w.post(projectPath(w, "/final/submit"), w.tokenOf(roleParticipant), nil), http.StatusConflict)
}

func TestStakeholderMapRulesNameTheField(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	res := expect(t, w.patch(projectPath(w, ""), w.tokenOf(roleParticipant), map[string]any{"stakeholders": []map[string]string{
		{"name": "", "kind": "internal", "power": "high", "interest": "low"}}}, nil), http.StatusUnprocessableEntity)
	if locs := res.locations(t); !slices.Contains(locs, "body.stakeholders[0].name") {
		t.Fatalf("errors at %v", locs)
	}
}

func TestMilestoneEditsHonourIfMatch(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := w.draftDesign(t)
	path := "/v1/milestones/" + m.ID.String()
	token := w.tokenOf(roleParticipant)
	tag := expect(t, w.get(path, token), http.StatusOK).header.Get("ETag")
	expect(t, w.patch(path, token, map[string]string{"title": "Tim Efektif terbentuk"}, map[string]string{"If-Match": tag}), http.StatusOK)
	expect(t, w.patch(path, token, map[string]string{"title": "Kalah cepat"}, map[string]string{"If-Match": tag}), http.StatusPreconditionFailed)
	expect(t, w.patch(path, token, map[string]string{"status": "in_progress"}, nil), http.StatusOK)
	expect(t, w.patch(path, token, map[string]string{"status": "achieved"}, nil), http.StatusUnprocessableEntity)
	expect(t, w.do(request{method: http.MethodDelete, path: path, token: token}), http.StatusConflict) // in progress
}

func TestANewMilestoneGoesLastInItsHorizonUnlessPlaced(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	token := w.tokenOf(roleParticipant)
	add := func(horizon, title string, position *int) int {
		body := map[string]any{"horizon": horizon, "title": title, "dueOn": "2027-06-30"}
		if position != nil {
			body["position"] = *position
		}
		var m struct{ Position int }
		expect(t, w.post(projectPath(w, "/milestones"), token, body), http.StatusCreated).decode(t, &m)
		return m.Position
	}
	first := add("long", "Perda layanan daring", nil)
	second := add("long", "Replikasi ke provinsi", nil)
	placed := 7
	add("long", "Evaluasi", &placed)
	after := add("long", "Laporan tahunan", nil)
	otherHorizon := add("mid", "Aplikasi diluncurkan", nil)
	if first != 0 || second != 1 || after != 8 || otherHorizon != 0 {
		t.Errorf("positions %d, %d, then after 7: %d, and first of the mid horizon: %d; want 0, 1, 8, 0", first, second, after, otherHorizon)
	}
}

func TestOverdueIsDerivedFromTheDueDate(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	token := w.tokenOf(roleParticipant)
	late := expect(t, w.post(projectPath(w, "/milestones"), token, map[string]any{"horizon": "short", "title": "Terlambat", "dueOn": time.Now().AddDate(0, 0, -1).Format(time.DateOnly)}), http.StatusCreated)
	onTime := expect(t, w.post(projectPath(w, "/milestones"), token, map[string]any{"horizon": "short", "title": "Tepat waktu", "dueOn": time.Now().AddDate(0, 0, 1).Format(time.DateOnly)}), http.StatusCreated)
	if !strings.Contains(string(late.body), `"overdue":true`) || !strings.Contains(string(onTime.body), `"overdue":false`) {
		t.Fatalf("late %s\non time %s", late.body, onTime.body)
	}
}

func TestClaimingAndVerifyingFollowTheEvidence(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeWorkflow(t)
	m, _ := w.freshMilestone(false)
	participant, mentor := w.tokenOf(roleParticipant), w.tokenOf(roleMentor)
	path := "/v1/milestones/" + m.ID.String()
	expect(t, w.post(path+"/claim", participant, nil), http.StatusConflict) // no evidence
	e := w.linkEvidence(t, m.ID)
	expect(t, w.post(path+"/claim", participant, nil), http.StatusOK)
	expect(t, w.post(path+"/verification", mentor, map[string]string{"decision": "approve"}), http.StatusConflict) // evidence pending
	expect(t, w.post(path+"/verification", mentor, map[string]string{"decision": "return"}), http.StatusUnprocessableEntity)
	expect(t, w.post(path+"/verification", mentor, map[string]string{"decision": "return", "comment": "Lengkapi foto kegiatan."}), http.StatusOK)
	expect(t, w.post("/v1/evidence/"+e.ID.String()+"/reviews", mentor, map[string]string{"decision": "approve"}), http.StatusOK)
	expect(t, w.post(path+"/claim", participant, nil), http.StatusOK)
	expect(t, w.post(path+"/verification", mentor, map[string]string{"decision": "approve"}), http.StatusOK)
	expect(t, w.upload(participant, m.ID, map[string]string{"title": "Terlambat", "url": "https://batam.go.id"}, "", nil), http.StatusConflict)
	expect(t, w.do(request{method: http.MethodDelete, path: path, token: participant}), http.StatusConflict)
}

func TestEvidenceWaitsForAnApprovedDesign(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := w.draftDesign(t)
	expect(t, w.upload(w.tokenOf(roleParticipant), m.ID, map[string]string{"title": "Terlalu awal", "url": "https://batam.go.id"}, "", nil), http.StatusConflict)
}

func TestWithdrawnEvidenceStaysAsHistory(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeWorkflow(t)
	path := "/v1/evidence/" + w.fileEvidence.ID.String()
	res := expect(t, w.do(request{method: http.MethodDelete, path: path, token: w.tokenOf(roleParticipant)}), http.StatusOK)
	if res.field(t, "status") != "withdrawn" {
		t.Fatalf("%s", res.body)
	}
	expect(t, w.do(request{method: http.MethodDelete, path: path, token: w.tokenOf(roleParticipant)}), http.StatusConflict)
	expect(t, w.post(path+"/reviews", w.tokenOf(roleMentor), map[string]string{"decision": "approve"}), http.StatusConflict)
	var list struct{ Items []struct{ Status string } }
	expect(t, w.get("/v1/milestones/"+w.milestone.ID.String()+"/evidence", w.tokenOf(roleMentor)), http.StatusOK).decode(t, &list)
	if len(list.Items) != 1 || list.Items[0].Status != "withdrawn" {
		t.Fatalf("%+v", list.Items)
	}
}

func TestTheParticipantReadsWhyTheirEvidenceWasRejected(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeWorkflow(t)
	path := "/v1/evidence/" + w.fileEvidence.ID.String()
	participant := w.tokenOf(roleParticipant)
	if res := expect(t, w.get(path, participant), http.StatusOK); strings.Contains(string(res.body), "reviewComment") {
		t.Fatalf("evidence not yet reviewed has a review comment: %s", res.body)
	}

	reason := "SK belum ditandatangani Kepala Dinas."
	answer := expect(t, w.post(path+"/reviews", w.tokenOf(roleMentor), map[string]string{"decision": "reject", "comment": " " + reason + " "}), http.StatusOK)
	if got := answer.field(t, "reviewComment"); got != reason {
		t.Errorf("the review's answer says %q, want %q", got, reason)
	}
	if got := expect(t, w.get(path, participant), http.StatusOK).field(t, "reviewComment"); got != reason {
		t.Errorf("the evidence says %q, want %q", got, reason)
	}
	var list struct {
		Items []struct{ ID, Status, ReviewComment string }
	}
	expect(t, w.get("/v1/milestones/"+w.milestone.ID.String()+"/evidence", participant), http.StatusOK).decode(t, &list)
	if len(list.Items) != 1 || list.Items[0].Status != "rejected" || list.Items[0].ReviewComment != reason {
		t.Fatalf("the milestone's evidence: %+v", list.Items)
	}
}

func TestDownloadIsByteForByteWithRanges(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeWorkflow(t)
	path := "/v1/evidence/" + w.fileEvidence.ID.String() + "/content"
	whole := expect(t, w.get(path, w.tokenOf(roleMentor)), http.StatusOK)
	if !bytes.Equal(whole.body, pdf) {
		t.Fatalf("downloaded %d bytes that differ from the %d uploaded", len(whole.body), len(pdf))
	}
	sum := sha256.Sum256(pdf)
	if whole.header.Get("Content-Type") != "application/pdf" || whole.header.Get("ETag") != `"`+hex.EncodeToString(sum[:])+`"` ||
		whole.header.Get("Content-Disposition") != `attachment; filename="SK Tim Efektif.pdf"` {
		t.Fatalf("headers %v", whole.header)
	}
	part := expect(t, w.do(request{method: http.MethodGet, path: path, token: w.tokenOf(roleMentor), header: map[string]string{"Range": "bytes=100-199"}}), http.StatusPartialContent)
	if !bytes.Equal(part.body, pdf[100:200]) {
		t.Fatalf("range 100-199 gave %q", part.body)
	}
	expect(t, w.do(request{method: http.MethodGet, path: path, token: w.tokenOf(roleMentor), header: map[string]string{"If-None-Match": whole.header.Get("ETag")}}), http.StatusNotModified)
}

func TestUploadsOverTheLimitOrOfOtherTypesLeaveNothing(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeWorkflow(t)
	before := filesIn(t, w.blobDir)
	token := w.tokenOf(roleParticipant)
	big := append(append([]byte{}, pdf...), bytes.Repeat([]byte("x"), testMaxEvidenceBytes)...)
	expect(t, w.upload(token, w.milestone.ID, map[string]string{"title": "Terlalu besar"}, "besar.pdf", big), http.StatusRequestEntityTooLarge)
	expect(t, w.upload(token, w.milestone.ID, map[string]string{"title": "Program"}, "setup.pdf", []byte("\x7fELF\x02\x01\x01\x00 not a pdf at all")), http.StatusUnsupportedMediaType)
	expect(t, w.upload(token, w.milestone.ID, map[string]string{"title": "Halaman"}, "page.html", []byte("<!DOCTYPE html><html><script>alert(1)</script></html>")), http.StatusUnsupportedMediaType)
	expect(t, w.upload(token, w.milestone.ID, map[string]string{"title": "Dua-duanya", "url": "https://batam.go.id"}, "sk.pdf", pdf), http.StatusUnprocessableEntity)
	if after := filesIn(t, w.blobDir); !slices.Equal(after, before) {
		t.Fatalf("refused uploads left files behind: before %v, after %v", before, after)
	}
}

func TestTheReviewQueueListsWhatWaitsOldestFirst(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeWorkflow(t) // a submitted PDF
	m, link := w.freshMilestone(true)
	w.approveEvidence(t, link.ID)
	expect(t, w.post("/v1/milestones/"+m.ID.String()+"/claim", w.tokenOf(roleParticipant), nil), http.StatusOK)

	var queue struct {
		Items []struct{ Kind, ID, ParticipantName string }
	}
	expect(t, w.get("/v1/review-queue", w.tokenOf(roleMentor)), http.StatusOK).decode(t, &queue)
	if len(queue.Items) != 2 || queue.Items[0].Kind != "evidence" || queue.Items[1].Kind != "milestone" || queue.Items[0].ParticipantName != "Budi Peserta" {
		t.Fatalf("the mentor's queue %+v: want the evidence, then the claimed milestone", queue.Items)
	}
	expect(t, w.get("/v1/review-queue", w.tokenOf(roleCoach)), http.StatusOK).decode(t, &queue)
	if len(queue.Items) != 0 {
		t.Fatalf("a coach reviews designs only: %+v", queue.Items)
	}
	// The participant's project in another cohort, with the same mentor and
	// coach, has its design submitted (this one is implementing already).
	w.spareProjectIn(t, domain.ProjectDesignSubmitted)
	for _, role := range []string{roleMentor, roleCoach} {
		expect(t, w.get("/v1/review-queue", w.tokenOf(role)), http.StatusOK).decode(t, &queue)
		if !slices.ContainsFunc(queue.Items, func(i struct{ Kind, ID, ParticipantName string }) bool { return i.Kind == "design" }) {
			t.Errorf("%s: a submitted design should wait in the queue: %+v", role, queue.Items)
		}
	}
	expect(t, w.get("/v1/review-queue", w.tokenOf(roleOtherParticipant)), http.StatusOK).decode(t, &queue)
	if len(queue.Items) != 0 {
		t.Fatalf("someone else's queue shows %+v", queue.Items)
	}
}

// filesIn lists the files under dir.
func filesIn(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, path)
		}
		return nil
	})
	return files
}
