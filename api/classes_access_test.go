package api_test

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/oapi-codegen/nullable"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/openapi/client"
)

// holidayDays hands out a new day for each holiday the access matrix
// creates, so that none is refused as taken.
var holidayDays atomic.Int64

func init() {
	// Roles: admin, organizer, organizer of another cohort, coach, mentor,
	// participant, another participant, user with no role, anonymous.
	signedIn := [9]int{ok, ok, ok, ok, ok, ok, ok, ok, unauth}
	admins := func(status int) [9]int {
		return [9]int{status, forbidden, forbidden, forbidden, forbidden, forbidden, forbidden, forbidden, unauth}
	}
	inCohort := [9]int{ok, ok, notFound, ok, ok, ok, ok, notFound, unauth}
	organizers := func(status int) [9]int {
		return [9]int{status, status, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}
	}
	// newClass makes a class of cohort A for an operation on one.
	newClass := func(w *world) openapi_types.UUID {
		c, err := w.services.Classes.CreateClass(context.Background(), w.actor(w.organizer), w.cohortA.ID, domain.ClassPlan{Name: "Kelas " + uniq()})
		if err != nil {
			w.t.Fatal(err)
		}
		return c.ID
	}
	rows := map[string]accessCase{
		"list-holidays": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			year := int64(2026)
			return answer(c.ListHolidaysWithResponse(ctx, &client.ListHolidaysParams{Year: &year}))
		}, signedIn},
		"create-holiday": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			day := time.Date(2040, time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(holidayDays.Add(1)))
			return answer(c.CreateHolidayWithResponse(ctx, client.HolidayCreate{Date: openapi_types.Date{Time: day}, Name: "Libur " + uniq(), Kind: "national"}))
		}, admins(created)},
		"delete-holiday": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			day := domain.DateOf(time.Date(2041, time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(holidayDays.Add(1))))
			h, err := w.services.Calendar.CreateHoliday(ctx, w.admin, day, "Libur "+uniq(), domain.HolidayNational)
			if err != nil {
				w.t.Fatal(err)
			}
			return answer(c.DeleteHolidayWithResponse(ctx, h.ID))
		}, admins(noContent)},
		"list-classes": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListClassesWithResponse(ctx, w.cohortA.ID))
		}, inCohort},
		"create-class": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.CreateClassWithResponse(ctx, w.cohortA.ID, nil, client.ClassCreate{Name: "Kelas " + uniq()}))
		}, organizers(created)},
		"update-class": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.UpdateClassWithApplicationMergePatchPlusJSONBodyWithResponse(ctx, newClass(w), nil,
				client.ClassPatch{Name: nullable.NewNullableWithValue("Kelas " + uniq())}))
		}, organizers(ok)},
		"delete-class": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.DeleteClassWithResponse(ctx, newClass(w)))
		}, organizers(noContent)},
	}
	for op, c := range rows {
		accessMatrix[op] = c
	}
	// Coach of another group, another mentor, examiner.
	more := map[string][3]int{
		"list-holidays": {ok, ok, ok}, "create-holiday": {forbidden, forbidden, forbidden}, "delete-holiday": {forbidden, forbidden, forbidden},
		"list-classes": {ok, ok, ok}, "create-class": {forbidden, forbidden, forbidden}, "update-class": {forbidden, forbidden, forbidden},
		"delete-class": {forbidden, forbidden, forbidden},
	}
	for op, row := range more {
		moreAccess[op] = row
	}
}
