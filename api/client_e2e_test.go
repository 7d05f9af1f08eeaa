package api_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/oapi-codegen/nullable"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/proper-id/proper/openapi/client"
)

// client returns the generated Go client, signed in as the user who plays role.
func (w *world) client(t *testing.T, role string) *client.ClientWithResponses {
	t.Helper()
	token := w.tokenOf(role)
	// The server's own client carries the transport that checks every
	// answer against the spec.
	c, err := client.NewClientWithResponses(w.server.URL, client.WithHTTPClient(w.server.Client()), client.WithRequestEditorFn(func(_ context.Context, r *http.Request) error {
		r.Header.Set("Authorization", "Bearer "+token)
		return nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// must fails the test unless the call answered want.
func must[R interface{ StatusCode() int }](t *testing.T, want int) func(R, error) R {
	return func(res R, err error) R {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		if res.StatusCode() != want {
			t.Fatalf("status %d, want %d: %s", res.StatusCode(), want, bodyOf(res))
		}
		return res
	}
}

func bodyOf(res any) string {
	if b, ok := res.(interface{ Bytes() []byte }); ok {
		return string(b.Bytes())
	}
	return ""
}

func date(t time.Time) openapi_types.Date { return openapi_types.Date{Time: t} }

// TestTheWholeLoopThroughTheGeneratedClient drives the change-project
// workflow from draft to a verified milestone with the Go client generated
// from the published spec, over real HTTP, on a real database and blob store.
func TestTheWholeLoopThroughTheGeneratedClient(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := t.Context()
	participant, mentor, coach := w.client(t, roleParticipant), w.client(t, roleMentor), w.client(t, roleCoach)
	project := w.project()

	// The participant drafts the design and plans milestones.
	must[*client.UpdateProjectResponse](t, http.StatusOK)(participant.UpdateProjectWithApplicationMergePatchPlusJSONBodyWithResponse(ctx, project, nil,
		client.ProjectPatch{
			Title:           nullable.NewNullableWithValue("Antrean Daring Adminduk"),
			Problem:         nullable.NewNullableWithValue("Warga mengantre sejak subuh untuk mengurus KTP dan KK."),
			InnovationAreas: &[]string{"Pelayanan Publik", "digitalisasi", "pelayanan publik"},
			Stakeholders: &[]client.Stakeholder{
				{Name: "Diskominfo", Kind: client.StakeholderKindInternal, Power: client.StakeholderPowerHigh, Interest: client.StakeholderInterestHigh},
				{Name: "Camat se-Kota Batam", Kind: client.StakeholderKindExternal, Power: client.StakeholderPowerLow, Interest: client.StakeholderInterestHigh},
			},
		}))
	incomplete := must[*client.SubmitDesignResponse](t, http.StatusUnprocessableEntity)(participant.SubmitDesignWithResponse(ctx, project, nil))
	var missing []string
	for _, e := range *incomplete.ApplicationproblemJSON422.Errors {
		missing = append(missing, *e.Location)
	}
	if slices.Sort(missing); !slices.Equal(missing, []string{"body.goal", "body.milestones"}) {
		t.Fatalf("an incomplete design: errors at %v, want goal and milestones", missing)
	}
	must[*client.UpdateProjectResponse](t, http.StatusOK)(participant.UpdateProjectWithApplicationMergePatchPlusJSONBodyWithResponse(ctx, project, nil,
		client.ProjectPatch{Goal: nullable.NewNullableWithValue("Waktu tunggu di bawah 30 menit.")}))
	short := must[*client.CreateMilestoneResponse](t, http.StatusCreated)(participant.CreateMilestoneWithResponse(ctx, project, nil, client.MilestoneCreate{
		Horizon: client.MilestoneCreateHorizonShort, Title: "Terbentuknya Tim Efektif", DueOn: date(time.Now().AddDate(0, 1, 0)),
		Activities: &[]client.Activity{{Title: "Menyusun SK", Output: ptr("SK Kepala Dinas")}},
	})).JSON201
	must[*client.CreateMilestoneResponse](t, http.StatusCreated)(participant.CreateMilestoneWithResponse(ctx, project, nil, client.MilestoneCreate{
		Horizon: client.MilestoneCreateHorizonLong, Title: "Perda layanan daring", DueOn: date(time.Date(2029, 6, 30, 0, 0, 0, 0, time.UTC))}))

	// Submitted, returned by the mentor, revised, resubmitted.
	must[*client.SubmitDesignResponse](t, http.StatusOK)(participant.SubmitDesignWithResponse(ctx, project, nil))
	must[*client.ReviewDesignResponse](t, http.StatusUnprocessableEntity)(mentor.ReviewDesignWithResponse(ctx, project, client.DesignReview{Decision: client.DesignReviewDecisionReturn}))
	returned := must[*client.ReviewDesignResponse](t, http.StatusOK)(mentor.ReviewDesignWithResponse(ctx, project,
		client.DesignReview{Decision: client.DesignReviewDecisionReturn, Comment: ptr("Pertajam indikator.")})).JSON200
	if returned.Status != client.ProjectStatusDraft || !returned.RevisionRequested || *returned.RevisionComment != "Pertajam indikator." {
		t.Fatalf("after a return: %+v", returned)
	}
	revised := must[*client.UpdateProjectResponse](t, http.StatusOK)(participant.UpdateProjectWithApplicationMergePatchPlusJSONBodyWithResponse(ctx, project, nil,
		client.ProjectPatch{Goal: nullable.NewNullableWithValue("Waktu tunggu di bawah 20 menit pada akhir 2026.")}))
	if revised.JSON200.Title != "Antrean Daring Adminduk" || revised.JSON200.Problem == "" {
		t.Fatalf("a merge patch must leave the other fields alone: %+v", revised.JSON200)
	}
	etag := revised.HTTPResponse.Header.Get("ETag")
	must[*client.SubmitDesignResponse](t, http.StatusOK)(participant.SubmitDesignWithResponse(ctx, project, &client.SubmitDesignParams{IfMatch: &etag}))

	// Both reviewers approve the second round.
	must[*client.ReviewDesignResponse](t, http.StatusOK)(mentor.ReviewDesignWithResponse(ctx, project, client.DesignReview{Decision: client.DesignReviewDecisionApprove}))
	must[*client.ReviewDesignResponse](t, http.StatusConflict)(mentor.ReviewDesignWithResponse(ctx, project, client.DesignReview{Decision: client.DesignReviewDecisionApprove}))
	approved := must[*client.ReviewDesignResponse](t, http.StatusOK)(coach.ReviewDesignWithResponse(ctx, project, client.DesignReview{Decision: client.DesignReviewDecisionApprove})).JSON200
	if approved.Status != client.ProjectStatusDesignApproved || approved.DesignRound != 2 {
		t.Fatalf("approved by both: %+v", approved)
	}
	must[*client.StartImplementationResponse](t, http.StatusOK)(participant.StartImplementationWithResponse(ctx, project))

	// Evidence: a file and a link; the mentor rejects one and approves the other.
	// Each names the milestone's one activity that it proves, and its type.
	activity := short.Activities[0].Id.String()
	body, contentType := multipartForm(t, map[string]string{"title": "SK Tim Efektif", "description": "Ditandatangani Kepala Dinas", "activityId": activity, "type": "sk"}, `C:\scan\SK "final".pdf`, pdf)
	file := must[*client.SubmitEvidenceResponse](t, http.StatusCreated)(participant.SubmitEvidenceWithBodyWithResponse(ctx, short.Id, contentType, strings.NewReader(string(body)))).JSON201
	body, contentType = multipartForm(t, map[string]string{"title": "Berita acara", "url": "https://batam.go.id/berita", "activityId": activity, "type": "berita_acara"}, "", nil)
	link := must[*client.SubmitEvidenceResponse](t, http.StatusCreated)(participant.SubmitEvidenceWithBodyWithResponse(ctx, short.Id, contentType, strings.NewReader(string(body)))).JSON201
	sum := sha256.Sum256(pdf)
	if *file.FileName != "SK _final_.pdf" || *file.Sha256 != hex.EncodeToString(sum[:]) || *file.MediaType != "application/pdf" || file.Kind != client.EvidenceKindFile {
		t.Errorf("the stored file: %+v", file)
	}
	must[*client.ReviewEvidenceResponse](t, http.StatusUnprocessableEntity)(mentor.ReviewEvidenceWithResponse(ctx, link.Id, client.EvidenceReview{Decision: client.EvidenceReviewDecisionReject}))
	must[*client.ReviewEvidenceResponse](t, http.StatusOK)(mentor.ReviewEvidenceWithResponse(ctx, link.Id, client.EvidenceReview{Decision: client.EvidenceReviewDecisionReject, Comment: ptr("Tautan tidak bisa dibuka.")}))
	must[*client.ReviewEvidenceResponse](t, http.StatusOK)(mentor.ReviewEvidenceWithResponse(ctx, file.Id, client.EvidenceReview{Decision: client.EvidenceReviewDecisionApprove}))
	must[*client.ReviewEvidenceResponse](t, http.StatusConflict)(mentor.ReviewEvidenceWithResponse(ctx, file.Id, client.EvidenceReview{Decision: client.EvidenceReviewDecisionReject, Comment: ptr("berubah pikiran")}))

	// The participant claims; the mentor verifies; the coach writes a note.
	must[*client.ClaimMilestoneResponse](t, http.StatusOK)(participant.ClaimMilestoneWithResponse(ctx, short.Id))
	queue := must[*client.ListReviewQueueResponse](t, http.StatusOK)(mentor.ListReviewQueueWithResponse(ctx, nil)).JSON200
	if len(queue.Items) != 1 || queue.Items[0].Kind != client.ReviewQueueItemKindMilestone || queue.Items[0].Id != short.Id {
		t.Fatalf("the mentor's queue: %+v", queue.Items)
	}
	achieved := must[*client.VerifyMilestoneResponse](t, http.StatusOK)(mentor.VerifyMilestoneWithResponse(ctx, short.Id,
		client.Verification{Decision: client.VerificationDecisionApprove, Comment: ptr("Tercapai.")})).JSON200
	if achieved.Status != client.MilestoneStatusAchieved || achieved.Overdue {
		t.Fatalf("%+v", achieved)
	}
	must[*client.AddCoachingNoteResponse](t, http.StatusCreated)(coach.AddCoachingNoteWithResponse(ctx, project, nil,
		client.CoachingNoteCreate{HeldOn: date(time.Now()), Topic: "Keberlanjutan", Notes: ptr("Siapkan replikasi.")}))

	// The timeline tells the story, newest first.
	limit := int64(200)
	timeline := must[*client.GetProjectTimelineResponse](t, http.StatusOK)(w.client(t, roleOrganizer).GetProjectTimelineWithResponse(ctx, project,
		&client.GetProjectTimelineParams{Limit: &limit})).JSON200
	var actions []string
	for i := len(timeline.Items) - 1; i >= 0; i-- {
		actions = append(actions, string(timeline.Items[i].Action))
	}
	want := []string{"enrollment.created", "project.updated", "project.updated", "milestone.created", "milestone.created",
		"project.design_submitted", "project.design_reviewed", "project.updated", "project.design_submitted",
		"project.design_reviewed", "project.design_reviewed", "project.design_approved", "project.implementation_started",
		"evidence.submitted", "evidence.submitted", "evidence.rejected", "evidence.approved", "milestone.claimed",
		"milestone.verified", "coaching_note.added"}
	if !slices.Equal(actions, want) {
		t.Fatalf("timeline:\n got %v\nwant %v", actions, want)
	}
	if e := timeline.Items[0]; e.ActorName != "Drs. Ahmad Coach" || e.Details.Title == nil || *e.Details.Title == "" {
		t.Errorf("a timeline entry should name its actor and the coaching note's topic: %+v", e)
	}
}

func ptr[T any](v T) *T { return &v }
