package api_test

import (
	"context"
	"net/http"
	"time"

	"github.com/oapi-codegen/nullable"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/openapi/client"
)

// The agenda's rows of the access matrix: every member of the cohort reads
// it and downloads its calendar, its organizers (and platform admins)
// write it, everyone signed in reads their own agenda.
func init() {
	// Roles: admin, organizer, organizer of another cohort, coach, mentor,
	// participant, another participant, user with no role, anonymous.
	signedIn := [9]int{ok, ok, ok, ok, ok, ok, ok, ok, unauth}
	inCohort := [9]int{ok, ok, notFound, ok, ok, ok, ok, notFound, unauth}
	organizers := func(status int) [9]int {
		return [9]int{status, status, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}
	}
	// newItem adds a coaching session to cohort A for an operation on one.
	newItem := func(w *world) openapi_types.UUID {
		day := domain.DateOf(time.Now().AddDate(0, 0, 60))
		it, err := w.cohorts().CreateAgendaItem(context.Background(), w.actor(w.organizer), w.cohortA.ID,
			domain.AgendaItemPlan{Kind: string(domain.AgendaCoaching), StartsOn: day, EndsOn: day})
		if err != nil {
			w.t.Fatal(err)
		}
		return it.ID
	}
	on := func(days int) openapi_types.Date {
		return openapi_types.Date{Time: time.Now().UTC().AddDate(0, 0, days).Truncate(24 * time.Hour)}
	}
	rows := map[string]accessCase{
		"list-agenda-items": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListAgendaItemsWithResponse(ctx, w.cohortA.ID))
		}, inCohort},
		"export-cohort-agenda": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ExportCohortAgendaWithResponse(ctx, w.cohortA.ID))
		}, inCohort},
		"create-agenda-item": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.CreateAgendaItemWithResponse(ctx, w.cohortA.ID, nil, client.AgendaItemCreate{Kind: client.AgendaItemCreateKindCoaching,
				StartsOn: on(50), EndsOn: on(50)}))
		}, organizers(created)},
		"update-agenda-item": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.UpdateAgendaItemWithApplicationMergePatchPlusJSONBodyWithResponse(ctx, newItem(w), nil,
				client.AgendaItemPatch{Place: nullable.NewNullableWithValue("Ruang " + uniq())}))
		}, organizers(ok)},
		"delete-agenda-item": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.DeleteAgendaItemWithResponse(ctx, newItem(w), nil))
		}, organizers(noContent)},
		"update-agenda-rules": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.UpdateAgendaRulesWithResponse(ctx, w.cohortA.ID, nil, client.AgendaRulesPut{RefuseOutside: []client.AgendaRulesPutRefuseOutside{}}))
		}, organizers(ok)},
		// The world's cohort was created with phases: its agenda is not
		// empty, so whoever may draft reaches the check and is refused.
		"draft-agenda": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.DraftAgendaWithResponse(ctx, w.cohortA.ID))
		}, organizers(http.StatusConflict)},
		"get-my-agenda": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.GetMyAgendaWithResponse(ctx))
		}, signedIn},
		"export-my-agenda": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ExportMyAgendaWithResponse(ctx))
		}, signedIn},
	}
	for op, c := range rows {
		accessMatrix[op] = c
	}
	// Coach of another group, another mentor, examiner: all hold a role in cohort A.
	more := map[string][3]int{
		"list-agenda-items": {ok, ok, ok}, "export-cohort-agenda": {ok, ok, ok}, "get-my-agenda": {ok, ok, ok}, "export-my-agenda": {ok, ok, ok},
		"create-agenda-item": {forbidden, forbidden, forbidden}, "update-agenda-item": {forbidden, forbidden, forbidden},
		"delete-agenda-item": {forbidden, forbidden, forbidden}, "update-agenda-rules": {forbidden, forbidden, forbidden},
		"draft-agenda": {forbidden, forbidden, forbidden},
	}
	for op, row := range more {
		moreAccess[op] = row
	}
}
