package api_test

import (
	"github.com/google/uuid"
	"net/http"
	"testing"

	"github.com/proper-id/proper/domain"
)

// milestoneWithTwoActivities drafts the design with a short-term milestone
// of two activities, brings the project into implementation, and returns
// the milestone's id and its activities' ids.
func (w *world) milestoneWithTwoActivities(t *testing.T) (milestone string, activities [2]string) {
	t.Helper()
	m := w.draftDesign(t)
	var read struct {
		Activities []struct{ ID, Title, Output string }
	}
	expect(t, w.patch("/v1/milestones/"+m.ID.String(), w.tokenOf(roleParticipant), map[string]any{"activities": []map[string]string{
		{"title": "Menetapkan SK tim efektif", "output": "SK Tim Efektif"},
		{"title": "Rapat koordinasi tim", "output": "Notula rapat"}}}, nil), http.StatusOK).decode(t, &read)
	if len(read.Activities) != 2 || read.Activities[0].ID == "" || read.Activities[1].Output != "Notula rapat" {
		t.Fatalf("the activities as answered: %+v", read.Activities)
	}
	w.bringProjectTo(t, domain.ProjectImplementing)
	return m.ID.String(), [2]string{read.Activities[0].ID, read.Activities[1].ID}
}

// linkFor submits a link as evidence of an activity; it returns the answer.
func (w *world) linkFor(milestone, activity, kind string) response {
	fields := map[string]string{"title": "Bukti " + kind, "url": "https://batam.go.id/" + kind, "type": kind}
	if activity != "" {
		fields["activityId"] = activity
	}
	return w.upload(w.tokenOf(roleParticipant), uuid.MustParse(milestone), fields, "", nil)
}

func TestEvidenceNamesTheActivityItProvesAndItsType(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	milestone, acts := w.milestoneWithTwoActivities(t)
	wantProblem(t, "evidence without an activity", w.linkFor(milestone, "", "sk"), http.StatusUnprocessableEntity, "evidence.activity_required")
	wantProblem(t, "evidence of another milestone's activity", w.linkFor(milestone, "0b6f1c2e-5a4d-4c1e-9a1b-2f3c4d5e6f70", "sk"),
		http.StatusUnprocessableEntity, "evidence.activity_unknown")
	wantProblem(t, "an unknown type", w.linkFor(milestone, acts[0], "memo"), http.StatusUnprocessableEntity, "field.not_one_of")
	var e struct{ ActivityID, Type string }
	expect(t, w.linkFor(milestone, acts[0], "sk"), http.StatusCreated).decode(t, &e)
	if e.ActivityID != acts[0] || e.Type != "sk" {
		t.Fatalf("the evidence as answered: %+v", e)
	}
	// Without a type, a link is a tautan.
	expect(t, w.upload(w.tokenOf(roleParticipant), uuid.MustParse(milestone), map[string]string{"title": "Berita", "url": "https://batam.go.id/berita", "activityId": acts[1]}, "", nil),
		http.StatusCreated).decode(t, &e)
	if e.Type != "tautan" || e.ActivityID != acts[1] {
		t.Fatalf("a link without a type: %+v", e)
	}

	// Evidence from before activities were named still reads, without either.
	w.db.Exec(`UPDATE evidence SET activity_id = NULL, evidence_type = NULL WHERE milestone_id = ?`, milestone)
	var list struct {
		Items []struct {
			ActivityID *string
			Type       *string
			Title      string
		}
	}
	expect(t, w.get("/v1/milestones/"+milestone+"/evidence", w.tokenOf(roleMentor)), http.StatusOK).decode(t, &list)
	if len(list.Items) != 2 || list.Items[0].ActivityID != nil || list.Items[0].Type != nil || list.Items[0].Title != "Bukti sk" {
		t.Fatalf("old evidence as listed: %+v", list.Items)
	}
}

func TestVerificationWaitsForApprovedEvidenceOfEveryActivity(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	milestone, acts := w.milestoneWithTwoActivities(t)
	var sk, notula struct{ ID string }
	expect(t, w.linkFor(milestone, acts[0], "sk"), http.StatusCreated).decode(t, &sk)
	expect(t, w.linkFor(milestone, acts[1], "notula"), http.StatusCreated).decode(t, &notula)
	mentor := w.tokenOf(roleMentor)
	expect(t, w.post("/v1/evidence/"+sk.ID+"/reviews", mentor, map[string]string{"decision": "approve"}), http.StatusOK)
	expect(t, w.post("/v1/evidence/"+notula.ID+"/reviews", mentor, map[string]string{"decision": "reject", "comment": "Notula belum ditandatangani."}), http.StatusOK)
	expect(t, w.post("/v1/milestones/"+milestone+"/claim", w.tokenOf(roleParticipant), nil), http.StatusOK)

	// The notula was rejected: its activity has no approved evidence.
	p := wantProblem(t, "verifying with an activity unproved", w.post("/v1/milestones/"+milestone+"/verification", mentor, map[string]string{"decision": "approve"}),
		http.StatusConflict, "milestone.activity_unproved")
	if p.Params["activities"] != "Rapat koordinasi tim" {
		t.Errorf("the problem names %v, want the unproved activity", p.Params)
	}
	var m struct{ Status, MissingEvidenceReason string }
	expect(t, w.get("/v1/milestones/"+milestone, mentor), http.StatusOK).decode(t, &m)
	if m.Status != "awaiting_verification" {
		t.Fatalf("a refused verification left the milestone %s", m.Status)
	}
	// The mentor records why not, and the reason is kept and shown.
	reason := "Rapat dibatalkan; koordinasi lewat surat edaran Kepala Dinas."
	expect(t, w.post("/v1/milestones/"+milestone+"/verification", mentor, map[string]string{"decision": "approve", "missingEvidenceReason": reason}), http.StatusOK).decode(t, &m)
	if m.Status != "achieved" || m.MissingEvidenceReason != reason {
		t.Fatalf("after the override: %+v", m)
	}
	expect(t, w.get("/v1/milestones/"+milestone, w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &m)
	if m.MissingEvidenceReason != reason {
		t.Fatalf("the participant reads %+v", m)
	}
}

func TestAMilestoneWithEveryActivityProvedIsVerifiedWithoutAReason(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	milestone, acts := w.milestoneWithTwoActivities(t)
	mentor := w.tokenOf(roleMentor)
	for i, kind := range []string{"sk", "notula"} {
		var e struct{ ID string }
		expect(t, w.linkFor(milestone, acts[i], kind), http.StatusCreated).decode(t, &e)
		expect(t, w.post("/v1/evidence/"+e.ID+"/reviews", mentor, map[string]string{"decision": "approve"}), http.StatusOK)
	}
	expect(t, w.post("/v1/milestones/"+milestone+"/claim", w.tokenOf(roleParticipant), nil), http.StatusOK)
	var m struct{ Status, MissingEvidenceReason string }
	expect(t, w.post("/v1/milestones/"+milestone+"/verification", mentor, map[string]string{"decision": "approve", "missingEvidenceReason": "tidak perlu"}), http.StatusOK).decode(t, &m)
	if m.Status != "achieved" || m.MissingEvidenceReason != "" {
		t.Fatalf("a milestone with every activity proved: %+v (a needless reason is not kept)", m)
	}
}
