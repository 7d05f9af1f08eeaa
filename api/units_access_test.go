package api_test

import (
	"context"

	"github.com/oapi-codegen/nullable"

	"github.com/proper-id/proper/openapi/client"
)

func init() {
	// Roles: admin, organizer, organizer of another cohort, coach, mentor,
	// participant, another participant, user with no role, anonymous.
	signedIn := [9]int{ok, ok, ok, ok, ok, ok, ok, ok, unauth}
	organizers := func(status int) [9]int {
		return [9]int{status, status, status, forbidden, forbidden, forbidden, forbidden, forbidden, unauth}
	}
	rows := map[string]accessCase{
		"get-agency": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.GetAgencyWithResponse(ctx, w.agency.ID))
		}, signedIn},
		"update-agency": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.UpdateAgencyWithApplicationMergePatchPlusJSONBodyWithResponse(ctx, w.agency.ID, nil,
				client.AgencyPatch{Regency: nullable.NewNullableWithValue("Kota Batam")}))
		}, organizers(ok)},
		"list-units": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListUnitsWithResponse(ctx, w.agency.ID, nil))
		}, signedIn},
		"create-unit": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.CreateUnitWithResponse(ctx, w.agency.ID, nil, client.UnitCreate{Name: "Dinas " + uniq()}))
		}, organizers(created)},
		"update-unit": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			unit := w.newUnit(w.t, w.agency.ID, "Badan "+uniq())
			return answer(c.UpdateUnitWithApplicationMergePatchPlusJSONBodyWithResponse(ctx, unit.ID, nil,
				client.UnitPatch{Name: nullable.NewNullableWithValue("Badan " + uniq())}))
		}, organizers(ok)},
		"list-unit-kinds": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListUnitKindsWithResponse(ctx))
		}, signedIn},
	}
	for op, c := range rows {
		accessMatrix[op] = c
	}
	// Coach of another group, another mentor, examiner.
	more := map[string][3]int{
		"get-agency": {ok, ok, ok}, "update-agency": {forbidden, forbidden, forbidden}, "list-units": {ok, ok, ok},
		"create-unit": {forbidden, forbidden, forbidden}, "update-unit": {forbidden, forbidden, forbidden}, "list-unit-kinds": {ok, ok, ok},
	}
	for op, row := range more {
		moreAccess[op] = row
	}
}
