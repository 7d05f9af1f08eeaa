package api_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/oapi-codegen/nullable"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/openapi/client"
)

// arrangeWorkflow drafts the participant's design with a short-term
// milestone, has the mentor and the coach approve it, starts its
// implementation and submits a PDF as the milestone's evidence.
func (w *world) arrangeWorkflow(t testing.TB) {
	t.Helper()
	w.milestone = w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectImplementing)
	w.submitFileEvidence(t)
}

// submitFileEvidence submits a PDF as evidence of the world's milestone, as
// the participant.
func (w *world) submitFileEvidence(t testing.TB) {
	t.Helper()
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
	if canBringTo(w.currentProject(w.t, w.project()).Status, domain.ProjectImplementing) { // a completed one stays completed
		w.bringProjectTo(w.t, domain.ProjectImplementing)
	}
	plan := domain.MilestonePlan{Horizon: "mid", Title: "Replikasi ke kecamatan", DueOn: domain.DateOf(time.Now().AddDate(1, 0, 0))}
	m, err := w.projects().CreateMilestone(context.Background(), w.actor(w.participant), w.project(), plan)
	if domain.KindOf(err) == domain.KindConflict { // an approved plan: by change request
		m, err = w.approvedAddition(w.t, plan)
	}
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
		"get-project": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.GetProjectWithResponse(ctx, w.project()))
		}, seesProject},
		"get-project-timeline": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.GetProjectTimelineWithResponse(ctx, w.project(), nil))
		}, seesProject},
		"list-milestones": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListMilestonesWithResponse(ctx, w.project(), nil))
		}, seesProject},
		"update-project": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			id := w.spareProjectIn(w.t, domain.ProjectDraft)
			return answer(c.UpdateProjectWithApplicationMergePatchPlusJSONBodyWithResponse(ctx, id, nil,
				client.ProjectPatch{Background: nullable.NewNullableWithValue("Latar " + uniq())}))
		}, participantWrites(ok)},
		"submit-design": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			id := w.spareProjectIn(w.t, domain.ProjectDraft)
			return answer(c.SubmitDesignWithResponse(ctx, id, nil))
		}, participantWrites(ok)},
		"review-design": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			id := w.spareProjectIn(w.t, domain.ProjectDesignSubmitted)
			return answer(c.ReviewDesignWithResponse(ctx, id, client.DesignReview{Decision: client.DesignReviewDecisionApprove}))
		}, [9]int{ok, forbidden, notFound, ok, ok, forbidden, notFound, notFound, unauth}},
		"start-implementation": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			id := w.spareProjectIn(w.t, domain.ProjectDesignApproved)
			return answer(c.StartImplementationWithResponse(ctx, id))
		}, participantWrites(ok)},
		"submit-final": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			id := w.spareProjectIn(w.t, domain.ProjectImplementing) // the world's project stays implementing for the other rows
			w.readyReport(w.t, id)
			return answer(c.SubmitFinalWithResponse(ctx, id))
		}, participantWrites(ok)},
		"add-coaching-note": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.AddCoachingNoteWithResponse(ctx, w.project(), nil, client.CoachingNoteCreate{HeldOn: calendarDay(2026, 4, 14), Topic: "Pemetaan stakeholder"}))
		}, [9]int{created, forbidden, notFound, created, forbidden, forbidden, notFound, notFound, unauth}},
		"list-coaching-notes": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListCoachingNotesWithResponse(ctx, w.project(), nil))
		}, [9]int{ok, ok, notFound, ok, ok, ok, notFound, notFound, unauth}},
		"list-review-queue": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListReviewQueueWithResponse(ctx, nil))
		}, [9]int{ok, ok, ok, ok, ok, ok, ok, ok, unauth}},

		"create-milestone": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			id := w.spareProjectIn(w.t, domain.ProjectDraft) // an approved plan changes by change request
			return answer(c.CreateMilestoneWithResponse(ctx, id, nil, client.MilestoneCreate{Horizon: client.MilestoneCreateHorizonLong,
				Title: "Perda layanan daring", DueOn: calendarDay(2028, 12, 31)}))
		}, participantWrites(created)},
		"get-milestone": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.GetMilestoneWithResponse(ctx, w.milestone.ID))
		}, seesProject},
		"update-milestone": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.UpdateMilestoneWithApplicationMergePatchPlusJSONBodyWithResponse(ctx, w.milestone.ID, nil,
				client.MilestonePatch{Description: nullable.NewNullableWithValue("Rincian " + uniq())}))
		}, participantWrites(ok)},
		"delete-milestone": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			m, err := w.projects().CreateMilestone(ctx, w.actor(w.participant), w.spareProjectIn(w.t, domain.ProjectDraft),
				domain.MilestonePlan{Horizon: "mid", Title: "Replikasi ke kecamatan", DueOn: domain.DateOf(time.Now().AddDate(1, 0, 0))})
			if err != nil {
				w.t.Fatal(err)
			}
			return answer(c.DeleteMilestoneWithResponse(ctx, m.ID, nil))
		}, participantWrites(noContent)},
		"start-milestone": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			m, _ := w.freshMilestone(false)
			return answer(c.StartMilestoneWithResponse(ctx, m.ID))
		}, participantWrites(ok)},
		"claim-milestone": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			m, _ := w.freshMilestone(true)
			return answer(c.ClaimMilestoneWithResponse(ctx, m.ID))
		}, participantWrites(ok)},
		"verify-milestone": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			m, e := w.freshMilestone(true)
			w.approveEvidence(w.t, e.ID)
			w.claimMilestone(w.t, m.ID)
			return answer(c.VerifyMilestoneWithResponse(ctx, m.ID, client.Verification{Decision: client.VerificationDecisionApprove}))
		}, mentorDecides},

		"submit-evidence": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			w.bringProjectTo(w.t, domain.ProjectImplementing)
			body, contentType := multipartForm(w.t, map[string]string{"title": "Tautan", "url": "https://batam.go.id/antrean"}, "", nil)
			return answer(c.SubmitEvidenceWithBodyWithResponse(ctx, w.milestone.ID, contentType, bytes.NewReader(body)))
		}, participantWrites(created)},
		"list-evidence": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListEvidenceWithResponse(ctx, w.milestone.ID, nil))
		}, seesProject},
		"get-evidence": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.GetEvidenceWithResponse(ctx, w.fileEvidence.ID))
		}, seesProject},
		"download-evidence": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.DownloadEvidenceWithResponse(ctx, w.fileEvidence.ID))
		}, seesProject},
		"withdraw-evidence": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			_, e := w.freshMilestone(true)
			return answer(c.WithdrawEvidenceWithResponse(ctx, e.ID))
		}, participantWrites(ok)},
		"review-evidence": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			_, e := w.freshMilestone(true)
			return answer(c.ReviewEvidenceWithResponse(ctx, e.ID, client.EvidenceReview{Decision: client.EvidenceReviewDecisionApprove}))
		}, mentorDecides},
	}
	for op, c := range rows {
		accessMatrix[op] = c
	}
}
