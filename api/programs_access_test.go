package api_test

import (
	"context"

	"github.com/oapi-codegen/nullable"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/openapi/client"
)

func init() {
	// Roles: admin, organizer (of institution A), organizer of another
	// cohort (of institution B), coach, mentor, participant, another
	// participant, user with no role, anonymous.
	organizers := [9]int{ok, ok, ok, forbidden, forbidden, forbidden, forbidden, forbidden, unauth}
	seeLAN := [9]int{ok, ok, ok, notFound, notFound, notFound, notFound, notFound, unauth}
	// copyOf makes institution A's copy of LAN's PKA template.
	copyOf := func(w *world) openapi_types.UUID {
		t, err := w.cohorts().CreateProgramTemplate(context.Background(), w.actor(w.organizer), w.instA.ID, domain.TemplatePKA, domain.TemplateChanges{})
		if err != nil {
			w.t.Fatal(err)
		}
		return t.ID
	}
	rows := map[string]accessCase{
		"list-program-templates": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListProgramTemplatesWithResponse(ctx))
		}, organizers},
		"get-program-template": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.GetProgramTemplateWithResponse(ctx, domain.TemplatePKN2))
		}, seeLAN},
		"create-program-template": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.CreateProgramTemplateWithResponse(ctx, nil, client.TemplateCreate{InstitutionId: w.instA.ID, SourceTemplateId: domain.TemplatePKA}))
		}, [9]int{created, created, forbidden, forbidden, forbidden, forbidden, forbidden, forbidden, unauth}},
		"update-program-template": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.UpdateProgramTemplateWithApplicationMergePatchPlusJSONBodyWithResponse(ctx, copyOf(w), nil,
				client.TemplateFields{Name: nullable.NewNullableWithValue("PKA Jatim " + uniq())}))
		}, [9]int{ok, ok, notFound, notFound, notFound, notFound, notFound, notFound, unauth}},
	}
	for op, c := range rows {
		accessMatrix[op] = c
	}
	// Coach of another group, another mentor, examiner: no organizers.
	more := map[string][3]int{
		"list-program-templates": {forbidden, forbidden, forbidden}, "get-program-template": {notFound, notFound, notFound},
		"create-program-template": {forbidden, forbidden, forbidden}, "update-program-template": {notFound, notFound, notFound},
	}
	for op, row := range more {
		moreAccess[op] = row
	}
}
