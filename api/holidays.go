package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// Holiday is a day off of the holiday calendar that working days are
// counted with.
type Holiday struct {
	ID        uuid.UUID   `json:"id" format:"uuid" doc:"The holiday's id."`
	Date      domain.Date `json:"date" format:"date" doc:"The day." example:"2026-03-20"`
	Name      string      `json:"name" doc:"What it is." example:"Cuti bersama Idul Fitri 1447 H"`
	Kind      string      `json:"kind" enum:"national,joint_leave" doc:"A national holiday (libur nasional) or a cuti bersama of the joint ministerial decree." example:"joint_leave"`
	CreatedAt time.Time   `json:"createdAt" doc:"When it was added to the calendar."`
	Offered
}

func newHoliday(h domain.Holiday) Holiday {
	return Holiday{ID: h.ID, Date: h.On, Name: h.Name, Kind: string(h.Kind), CreatedAt: h.CreatedAt, Offered: offered(h.Offer)}
}

// HolidayCreate is the body of create-holiday.
type HolidayCreate struct {
	Date domain.Date `json:"date" format:"date" doc:"The day; one holiday per day." example:"2027-03-12"`
	Name string      `json:"name" minLength:"1" maxLength:"200" doc:"What it is." example:"Cuti bersama Idul Fitri 1448 H"`
	Kind string      `json:"kind" enum:"national,joint_leave" doc:"A national holiday or a cuti bersama." example:"joint_leave"`
}

// HolidayList is the answer of list-holidays.
type HolidayList struct {
	Items []Holiday `json:"items" doc:"The holidays, by date."`
}

func registerHolidays(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "list-holidays", Method: http.MethodGet, Path: "/holidays",
		Summary: "List the holiday calendar", Tags: []string{"calendar"}, Security: signedIn,
		Description: "The national holidays and cuti bersama that deadlines in working days skip (with Saturdays and Sundays), by date. Anyone signed in may read it.",
		Errors:      []int{http.StatusUnauthorized, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		Year int `query:"year" minimum:"2000" maximum:"2100" doc:"Only the holidays of this year." example:"2026"`
	}) (*struct{ Body HolidayList }, error) {
		list, err := s.Calendar.ListHolidays(ctx, actorOf(ctx), in.Year)
		if err != nil {
			return nil, err
		}
		out := &struct{ Body HolidayList }{Body: HolidayList{Items: make([]Holiday, len(list))}}
		for i, h := range list {
			out.Body.Items[i] = newHoliday(h)
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "create-holiday", Method: http.MethodPost, Path: "/holidays", DefaultStatus: http.StatusCreated,
		Summary: "Add a holiday", Tags: []string{"calendar"}, Security: signedIn,
		Description: "Adds a day off to the calendar, as the joint ministerial decree (SKB 3 Menteri) or its revision sets it. A day that has a holiday already answers 409 holiday.date_taken. Platform admins may do this; running deadlines count with it at once.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ Body HolidayCreate }) (*struct{ Body Holiday }, error) {
		h, err := s.Calendar.CreateHoliday(ctx, actorOf(ctx), in.Body.Date, in.Body.Name, domain.HolidayKind(in.Body.Kind))
		if err != nil {
			return nil, err
		}
		return &struct{ Body Holiday }{Body: newHoliday(h)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "delete-holiday", Method: http.MethodDelete, Path: "/holidays/{holidayId}", DefaultStatus: http.StatusNoContent,
		Summary: "Remove a holiday", Tags: []string{"calendar"}, Security: signedIn,
		Description: "Removes a day off from the calendar: it counts as a working day again. Platform admins may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound},
	}, func(ctx context.Context, in *struct {
		HolidayID uuid.UUID `path:"holidayId" format:"uuid" doc:"The holiday's id."`
	}) (*struct{}, error) {
		return nil, s.Calendar.DeleteHoliday(ctx, actorOf(ctx), in.HolidayID)
	})
}
