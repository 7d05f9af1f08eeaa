package api

import (
	"context"
	"mime"
	"net/http"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/danielgtaylor/huma/v2"

	"github.com/proper-id/proper/domain"
)

// calendarMediaType is the media type of the agenda's iCalendar files
// (RFC 5545).
const calendarMediaType = "text/calendar; charset=utf-8"

// calendarProductID names Proper as the maker of its calendar files.
const calendarProductID = "-//Proper//Agenda Pelatihan Kepemimpinan//ID"

// newAgendaCalendar starts an iCalendar file named name. Agenda items are
// whole days (DTSTART;VALUE=DATE, DTEND the day after the last, as RFC 5545
// has it), so they float in the reader's own zone; the file names
// Asia/Jakarta as its zone (X-WR-TIMEZONE) for readers that place it.
func newAgendaCalendar(name string) *ics.Calendar {
	cal := ics.NewCalendar()
	cal.SetProductId(calendarProductID)
	cal.SetMethod(ics.MethodPublish)
	cal.SetXWRCalName(name)
	cal.SetName(name)
	cal.SetXWRTimezone("Asia/Jakarta")
	return cal
}

// addAgendaItem writes an agenda item as an all-day event. Its UID stays
// the same however often the item changes, and SEQUENCE counts its
// versions, so that a calendar that subscribed updates it.
func addAgendaItem(cal *ics.Calendar, cohortName string, a domain.AgendaItem) {
	e := cal.AddEvent("agenda-" + a.ID.String() + "@proper")
	e.SetDtStampTime(a.UpdatedAt)
	e.SetModifiedAt(a.UpdatedAt)
	e.SetSequence(int(a.Version - 1))
	e.SetAllDayStartAt(a.StartsOn.Time())
	e.SetAllDayEndAt(a.EndsOn.Time().AddDate(0, 0, 1))
	e.SetSummary(a.Title + " — " + cohortName)
	if a.Place != "" {
		e.SetLocation(a.Place)
	}
	if a.OnlineURL != "" {
		e.SetURL(a.OnlineURL)
	}
	description := a.Kind.Name()
	if a.Notes != "" {
		description += "\n\n" + a.Notes
	}
	e.SetDescription(description)
	e.AddProperty(ics.ComponentPropertyCategories, string(a.Kind))
}

// deadlineSummaries word a person's deadlines in their calendar.
var deadlineSummaries = map[domain.GatedStep]string{
	domain.StepSubmitDesign: "Tenggat rancangan",
	domain.StepSubmitFinal:  "Tenggat laporan akhir",
}

// addDeadline writes a deadline of one's project as an all-day event on
// its last day; its UID names the project and the step.
func addDeadline(cal *ics.Calendar, e domain.AgendaEntry, stamp time.Time) {
	ev := cal.AddEvent("deadline-" + string(e.Deadline) + "-" + e.ProjectID.String() + "@proper")
	ev.SetDtStampTime(stamp)
	ev.SetAllDayStartAt(e.DueOn.Time())
	ev.SetAllDayEndAt(e.DueOn.Time().AddDate(0, 0, 1))
	summary := deadlineSummaries[e.Deadline]
	if e.ProjectTitle != "" {
		summary += ": " + e.ProjectTitle
	}
	ev.SetSummary(summary)
	ev.SetDescription(e.CohortName)
	ev.AddProperty(ics.ComponentPropertyCategories, "deadline")
}

// calendarResponse streams cal as an attachment named filename.
func calendarResponse(ctx context.Context, cal *ics.Calendar, filename string) *huma.StreamResponse {
	return &huma.StreamResponse{Body: func(hctx huma.Context) {
		hctx.SetHeader("Content-Type", calendarMediaType)
		hctx.SetHeader("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": filename}))
		// RFC 5545 ends each content line with CRLF.
		if err := cal.SerializeTo(hctx.BodyWriter(), ics.WithNewLine("\r\n")); err != nil {
			logUnexpected(ctx, "export agenda", err) // the answer has begun: it ends short
		}
	}}
}

// calendarFileName makes a cohort code safe for a file name.
func calendarFileName(code string) string {
	return "agenda-" + strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r < ' ' {
			return '-'
		}
		return r
	}, code) + ".ics"
}

func registerAgendaCalendars(api huma.API, s *Services) {
	calendarAnswer := map[string]*huma.Response{"200": {Description: "The agenda as an iCalendar file (RFC 5545).",
		Content: map[string]*huma.MediaType{"text/calendar": {Schema: &huma.Schema{Type: "string"}}}}}

	huma.Register(api, huma.Operation{
		OperationID: "export-cohort-agenda", Method: http.MethodGet, Path: "/cohorts/{cohortId}/agenda.ics",
		Summary: "Export a cohort's agenda as a calendar", Tags: []string{"agenda"}, Security: signedIn,
		Description: "The cohort's agenda as an iCalendar file (RFC 5545, text/calendar; charset=utf-8), for Google Calendar, Outlook or a phone: one all-day event per item (DTSTART;VALUE=DATE, DTEND the day after its last day), " +
			"with a UID that stays the same when the item changes (agenda-{itemId}@proper) and SEQUENCE counting its changes; the calendar names Asia/Jakarta as its zone. Everyone who holds a role in the cohort may download it.",
		Errors:    []int{http.StatusUnauthorized, http.StatusNotFound},
		Responses: calendarAnswer,
	}, func(ctx context.Context, in *CohortPath) (*huma.StreamResponse, error) {
		c, items, err := s.Cohorts.CohortAgendaFile(ctx, actorOf(ctx), in.CohortID)
		if err != nil {
			return nil, err
		}
		cal := newAgendaCalendar("Agenda " + c.Name)
		for _, it := range items {
			addAgendaItem(cal, c.Name, it)
		}
		return calendarResponse(ctx, cal, calendarFileName(c.Code)), nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "export-my-agenda", Method: http.MethodGet, Path: "/me/agenda.ics",
		Summary: "Export my agenda as a calendar", Tags: []string{"agenda"}, Security: signedIn,
		Description: "What get-my-agenda lists, as an iCalendar file (RFC 5545, text/calendar; charset=utf-8): the coming items of your cohorts' agendas (UID agenda-{itemId}@proper, as in export-cohort-agenda) " +
			"and your own deadlines as all-day events on their last day (UID deadline-{step}-{projectId}@proper).",
		Errors:    []int{http.StatusUnauthorized},
		Responses: calendarAnswer,
	}, func(ctx context.Context, in *struct{}) (*huma.StreamResponse, error) {
		entries, err := s.Cohorts.MyAgenda(ctx, actorOf(ctx))
		if err != nil {
			return nil, err
		}
		cal := newAgendaCalendar("Agenda Proper")
		stamp := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		for _, e := range entries {
			if e.Item != nil && stamp.Before(e.Item.UpdatedAt) {
				stamp = e.Item.UpdatedAt
			}
		}
		for _, e := range entries {
			if e.Item != nil {
				addAgendaItem(cal, e.CohortName, *e.Item)
			} else {
				addDeadline(cal, e, stamp)
			}
		}
		return calendarResponse(ctx, cal, "agenda-saya.ics"), nil
	})
}
