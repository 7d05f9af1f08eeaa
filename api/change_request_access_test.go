package api_test

import (
	"context"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/openapi/client"
)

// pendingChangeRequest files a fresh change request of the world's
// approved plan, as its participant.
func (w *world) pendingChangeRequest() uuid.UUID {
	w.t.Helper()
	goal := "Waktu tunggu di bawah 20 menit " + uniq()
	cr, err := w.projects().CreateChangeRequest(context.Background(), w.actor(w.participant), w.project(), "Target dipertajam",
		domain.PlanChanges{Goal: &goal})
	if err != nil {
		w.t.Fatal(err)
	}
	return cr.ID
}

func init() {
	// Roles: admin, organizer, organizer of another cohort, coach, mentor,
	// participant, another participant, user with no role, anonymous.
	seesProject := [9]int{ok, ok, notFound, ok, ok, ok, notFound, notFound, unauth}
	participantWrites := func(status int) [9]int {
		return [9]int{status, forbidden, notFound, forbidden, forbidden, status, notFound, notFound, unauth}
	}
	rows := map[string]accessCase{
		"create-change-request": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			goal := "Waktu tunggu di bawah 20 menit"
			return answer(c.CreateChangeRequestWithResponse(ctx, w.project(), nil, client.ChangeRequestCreate{Reason: "Target dipertajam",
				Changes: client.PlanChanges{Goal: &goal}}))
		}, participantWrites(created)},
		"list-change-requests": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListChangeRequestsWithResponse(ctx, w.project(), nil))
		}, seesProject},
		"get-change-request": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.GetChangeRequestWithResponse(ctx, w.pendingChangeRequest()))
		}, seesProject},
		"decide-change-request": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.DecideChangeRequestWithResponse(ctx, w.pendingChangeRequest(),
				client.ChangeRequestDecision{Decision: client.ChangeRequestDecisionDecisionReturn, Comment: ptr("Belum jelas")}))
		}, [9]int{ok, forbidden, notFound, ok, ok, forbidden, notFound, notFound, unauth}},
		"withdraw-change-request": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.WithdrawChangeRequestWithResponse(ctx, w.pendingChangeRequest()))
		}, participantWrites(ok)},
		"list-plan-versions": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListPlanVersionsWithResponse(ctx, w.project()))
		}, seesProject},
	}
	for op, c := range rows {
		accessMatrix[op] = c
	}
	// The coach of another group, another mentor, an examiner of the cohort.
	for _, op := range []string{"list-change-requests", "get-change-request", "list-plan-versions"} {
		moreAccess[op] = [3]int{notFound, notFound, ok}
	}
	for _, op := range []string{"create-change-request", "decide-change-request", "withdraw-change-request"} {
		moreAccess[op] = [3]int{notFound, notFound, forbidden}
	}
}
