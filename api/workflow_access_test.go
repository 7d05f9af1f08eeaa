package api_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/proper-id/proper/domain"
)

// arrangeWorkflow drafts the participant's design with a short-term
// milestone and submits a PDF as its evidence, with the design approved.
func (w *world) arrangeWorkflow(t testing.TB) {
	t.Helper()
	w.milestone = w.draftDesign(t)
	w.setProjectStatus(t, domain.ProjectImplementing)
	ctx := context.Background()
	participant := w.actor(w.participant)
	file, err := w.projects().StoreEvidenceFile(ctx, participant, w.milestone.ID, "SK Tim Efektif.pdf", bytes.NewReader(pdf))
	if err != nil {
		t.Fatal(err)
	}
	if w.fileEvidence, err = w.projects().SubmitEvidence(ctx, participant, w.milestone.ID, domain.EvidenceDraft{Title: "SK Tim Efektif", File: file}); err != nil {
		t.Fatal(err)
	}
}

// freshMilestone adds a milestone to the implementing project, with a link
// as evidence when withEvidence.
func (w *world) freshMilestone(withEvidence bool) (domain.Milestone, domain.Evidence) {
	w.t.Helper()
	w.setProjectStatus(w.t, domain.ProjectImplementing)
	m, err := w.projects().CreateMilestone(context.Background(), w.actor(w.participant), w.project(),
		domain.MilestonePlan{Horizon: "mid", Title: "Replikasi ke kecamatan", DueOn: domain.DateOf(time.Now().AddDate(1, 0, 0))})
	if err != nil {
		w.t.Fatal(err)
	}
	var e domain.Evidence
	if withEvidence {
		e = w.linkEvidence(w.t, m.ID)
	}
	return m, e
}

func projectPath(w *world, rest string) string { return "/v1/projects/" + w.project().String() + rest }

func init() {
	// Roles: admin, organizer, organizer of another cohort, coach, mentor,
	// participant, another participant, user with no role, anonymous.
	seesProject := [9]int{ok, ok, notFound, ok, ok, ok, notFound, notFound, unauth}
	participantWrites := func(status int) [9]int {
		return [9]int{status, forbidden, notFound, forbidden, forbidden, status, notFound, notFound, unauth}
	}
	mentorDecides := [9]int{ok, forbidden, notFound, forbidden, ok, forbidden, notFound, notFound, unauth}
	rows := map[string]accessCase{
		"get-project":          {func(w *world) request { return request{method: "GET", path: projectPath(w, "")} }, seesProject},
		"get-project-timeline": {func(w *world) request { return request{method: "GET", path: projectPath(w, "/timeline")} }, seesProject},
		"list-milestones":      {func(w *world) request { return request{method: "GET", path: projectPath(w, "/milestones")} }, seesProject},
		"update-project": {func(w *world) request {
			w.setProjectStatus(w.t, domain.ProjectDraft)
			return request{method: "PATCH", path: projectPath(w, ""), body: map[string]string{"background": "Latar " + uniq()}}
		}, participantWrites(ok)},
		"submit-design": {func(w *world) request {
			w.setProjectStatus(w.t, domain.ProjectDraft)
			return request{method: "POST", path: projectPath(w, "/design/submit")}
		}, participantWrites(ok)},
		"review-design": {func(w *world) request {
			w.setProjectStatus(w.t, domain.ProjectDesignSubmitted)
			return request{method: "POST", path: projectPath(w, "/design/reviews"), body: map[string]string{"decision": "approve"}}
		}, [9]int{ok, forbidden, notFound, ok, ok, forbidden, notFound, notFound, unauth}},
		"start-implementation": {func(w *world) request {
			w.setProjectStatus(w.t, domain.ProjectDesignApproved)
			return request{method: "POST", path: projectPath(w, "/implementation/start")}
		}, participantWrites(ok)},
		"submit-final": {func(w *world) request {
			w.setProjectStatus(w.t, domain.ProjectImplementing)
			return request{method: "POST", path: projectPath(w, "/final/submit")}
		}, participantWrites(ok)},
		"add-coaching-note": {func(w *world) request {
			return request{method: "POST", path: projectPath(w, "/coaching-notes"), body: map[string]string{"heldOn": "2026-04-14", "topic": "Pemetaan stakeholder"}}
		}, [9]int{created, forbidden, notFound, created, forbidden, forbidden, notFound, notFound, unauth}},
		"list-coaching-notes": {func(w *world) request { return request{method: "GET", path: projectPath(w, "/coaching-notes")} },
			[9]int{ok, ok, notFound, ok, ok, ok, notFound, notFound, unauth}},
		"list-review-queue": {func(w *world) request { return request{method: "GET", path: "/v1/review-queue"} },
			[9]int{ok, ok, ok, ok, ok, ok, ok, ok, unauth}},

		"create-milestone": {func(w *world) request {
			return request{method: "POST", path: projectPath(w, "/milestones"), body: map[string]any{"horizon": "long", "title": "Perda layanan daring", "dueOn": "2028-12-31"}}
		}, participantWrites(created)},
		"get-milestone": {func(w *world) request {
			return request{method: "GET", path: "/v1/milestones/" + w.milestone.ID.String()}
		}, seesProject},
		"update-milestone": {func(w *world) request {
			return request{method: "PATCH", path: "/v1/milestones/" + w.milestone.ID.String(), body: map[string]string{"description": "Rincian " + uniq()}}
		}, participantWrites(ok)},
		"delete-milestone": {func(w *world) request {
			m, _ := w.freshMilestone(false)
			return request{method: "DELETE", path: "/v1/milestones/" + m.ID.String()}
		}, participantWrites(noContent)},
		"claim-milestone": {func(w *world) request {
			m, _ := w.freshMilestone(true)
			return request{method: "POST", path: "/v1/milestones/" + m.ID.String() + "/claim"}
		}, participantWrites(ok)},
		"verify-milestone": {func(w *world) request {
			m, e := w.freshMilestone(true)
			w.db.Exec(`UPDATE evidence SET status = 'approved' WHERE id = ?`, e.ID)
			w.setMilestoneStatus(w.t, m.ID, domain.MilestoneAwaitingVerification)
			return request{method: "POST", path: "/v1/milestones/" + m.ID.String() + "/verification", body: map[string]string{"decision": "approve"}}
		}, mentorDecides},

		"submit-evidence": {func(w *world) request {
			w.setProjectStatus(w.t, domain.ProjectImplementing)
			body, contentType := multipartForm(w.t, map[string]string{"title": "Tautan", "url": "https://batam.go.id/antrean"}, "", nil)
			return request{method: "POST", path: "/v1/milestones/" + w.milestone.ID.String() + "/evidence", body: body, contentType: contentType}
		}, participantWrites(created)},
		"list-evidence": {func(w *world) request {
			return request{method: "GET", path: "/v1/milestones/" + w.milestone.ID.String() + "/evidence"}
		}, seesProject},
		"get-evidence": {func(w *world) request {
			return request{method: "GET", path: "/v1/evidence/" + w.fileEvidence.ID.String()}
		}, seesProject},
		"download-evidence": {func(w *world) request {
			return request{method: "GET", path: "/v1/evidence/" + w.fileEvidence.ID.String() + "/content"}
		}, seesProject},
		"withdraw-evidence": {func(w *world) request {
			_, e := w.freshMilestone(true)
			return request{method: "DELETE", path: "/v1/evidence/" + e.ID.String()}
		}, participantWrites(ok)},
		"review-evidence": {func(w *world) request {
			_, e := w.freshMilestone(true)
			return request{method: "POST", path: "/v1/evidence/" + e.ID.String() + "/reviews", body: map[string]string{"decision": "approve"}}
		}, mentorDecides},
	}
	for op, c := range rows {
		accessMatrix[op] = c
	}
}
