package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/proper-id/proper/domain"
)

// TestSevenWorkingDaysOverIdulFitriDoNotEscalateTheMentor is the issue's
// case, end to end on the seeded calendar of 2026: evidence submitted on
// Tuesday 17 March, just before Nyepi and the Idul Fitri break (18–24
// March), is not late seven calendar days later, when the mentor has had
// no working day at all; it is late once seven working days have passed
// (Thursday 2 April is the last). An admin's correction of the calendar
// counts at once, on every replica: no calendar is cached.
func TestSevenWorkingDaysOverIdulFitriDoNotEscalateTheMentor(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.milestone = w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectImplementing)
	submitted := time.Date(2026, time.March, 17, 15, 0, 0, 0, domain.WIB)
	c := w.clocked(t, newClock(submitted), false)
	expect(t, w.upload(w.tokenOf(roleParticipant), w.milestone.ID, map[string]string{"title": "SK Tim Efektif", "url": "https://batam.go.id/sk"}, "", nil), http.StatusCreated)
	w.db.Exec(`UPDATE evidence SET submitted_at = ? WHERE milestone_id = ?`, submitted, w.milestone.ID)
	cohort := "/v1/cohorts/" + w.cohortA.ID.String()
	organizer, mentor := w.tokenOf(roleOrganizer), w.tokenOf(roleMentor)

	state := func() (q queueItem, escalated int, lateLoad int, reminderLate bool, reminderDue string) {
		t.Helper()
		var queue struct{ Items []queueItem }
		expect(t, c.get("/v1/review-queue", mentor), http.StatusOK).decode(t, &queue)
		if len(queue.Items) != 1 {
			t.Fatalf("the mentor's queue has %d items, want 1", len(queue.Items))
		}
		var e struct{ Items []Escalation }
		expect(t, c.get(cohort+"/escalations", organizer), http.StatusOK).decode(t, &e)
		var wl struct{ Items []load }
		expect(t, c.get(cohort+"/workload", organizer), http.StatusOK).decode(t, &wl)
		for _, l := range wl.Items {
			if l.Role == "mentor" && l.Name == "Sekda Mentor" {
				lateLoad = l.Late
			}
		}
		var r struct {
			Items []struct {
				Kind  string
				Late  bool
				DueOn string
			}
		}
		expect(t, c.get("/v1/me/reminders", mentor), http.StatusOK).decode(t, &r)
		for _, it := range r.Items {
			if it.Kind == "review_evidence" {
				reminderLate, reminderDue = it.Late, it.DueOn
			}
		}
		return queue.Items[0], len(e.Items), lateLoad, reminderLate, reminderDue
	}

	// Seven calendar days later: the break has taken every working day.
	c.clock.advance(7 * 24 * time.Hour)
	if q, escalated, late, rLate, rDue := state(); q.Late || q.WaitingDays != 7 || q.DueOn != "2026-04-02" || escalated != 0 || late != 0 || rLate || rDue != "2026-04-02" {
		t.Errorf("7 calendar days over Idul Fitri: %+v, %d escalated, %d late in the workload, reminder late %v due %s; want on time, due 2026-04-02",
			q, escalated, late, rLate, rDue)
	}
	// The evening of the seventh working day: still on time.
	c.clock.advance(time.Date(2026, time.April, 2, 22, 0, 0, 0, domain.WIB).Sub(c.clock.Now()))
	if q, escalated, late, _, _ := state(); q.Late || escalated != 0 || late != 0 {
		t.Errorf("on the 7th working day: %+v, %d escalated, %d late; want on time", q, escalated, late)
	}
	// The next morning, Good Friday: late and escalated.
	c.clock.advance(10 * time.Hour)
	if q, escalated, late, rLate, _ := state(); !q.Late || q.WaitingDays != 16 || escalated != 1 || late != 1 || !rLate {
		t.Errorf("after the 7th working day: %+v, %d escalated, %d late, reminder late %v; want late and escalated", q, escalated, late, rLate)
	}

	// Had 20 March been a working day (an admin removes its cuti bersama),
	// the 7th working day would have been 1 April: the calendar is read
	// afresh, so the answer changes at once, also a day earlier.
	c.clock.advance(-20 * time.Hour) // Thursday 2 April, 08:00 WIB
	if q, _, _, _, _ := state(); q.Late {
		t.Fatalf("on 2 April the item is %+v, want on time", q)
	}
	var holidays struct{ Items []struct{ ID, Date string } }
	expect(t, c.get("/v1/holidays?year=2026", organizer), http.StatusOK).decode(t, &holidays)
	for _, h := range holidays.Items {
		if h.Date == "2026-03-20" {
			expect(t, c.do(request{method: http.MethodDelete, path: "/v1/holidays/" + h.ID, token: w.tokenOf(roleAdmin)}), http.StatusNoContent)
		}
	}
	if q, escalated, _, _, _ := state(); !q.Late || q.DueOn != "2026-04-01" || escalated != 1 {
		t.Errorf("without the cuti bersama of 20 March the item is %+v, %d escalated; want late since 1 April", q, escalated)
	}
}

// holiday is a holiday as the tests read it.
type holiday struct {
	ID, Date, Name, Kind string
	Actions              []string
}

func TestTheHolidayCalendarIsSeededAndKeptByPlatformAdmins(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	admin, organizer := w.tokenOf(roleAdmin), w.tokenOf(roleOrganizer)

	// The decree of 2026: 17 national holidays and 8 cuti bersama; anyone
	// signed in reads it.
	var list struct{ Items []holiday }
	expect(t, w.get("/v1/holidays?year=2026", w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &list)
	kinds := map[string]int{}
	byDate := map[string]holiday{}
	for _, h := range list.Items {
		kinds[h.Kind]++
		byDate[h.Date] = h
	}
	if kinds["national"] != 17 || kinds["joint_leave"] != 8 || byDate["2026-03-20"].Kind != "joint_leave" || byDate["2026-03-19"].Name != "Hari Suci Nyepi (Tahun Baru Saka 1948)" {
		t.Errorf("the 2026 calendar has %v, 20 March %+v", kinds, byDate["2026-03-20"])
	}
	if len(byDate["2026-03-20"].Actions) != 0 {
		t.Errorf("a participant is offered %v on a holiday", byDate["2026-03-20"].Actions)
	}
	for i := 1; i < len(list.Items); i++ {
		if list.Items[i].Date <= list.Items[i-1].Date {
			t.Errorf("holidays out of order: %s after %s", list.Items[i].Date, list.Items[i-1].Date)
		}
	}
	expect(t, w.get("/v1/holidays?year=2027", organizer), http.StatusOK).decode(t, &list)
	if len(list.Items) == 0 {
		t.Error("2027 has no holidays")
	}
	expect(t, w.get("/v1/holidays", ""), http.StatusUnauthorized)
	expect(t, w.get("/v1/holidays?year=1999", organizer), http.StatusUnprocessableEntity)

	// Only platform admins keep it.
	body := map[string]any{"date": "2027-03-12", "name": "Cuti bersama Idul Fitri 1448 H", "kind": "joint_leave"}
	expect(t, w.post("/v1/holidays", organizer, body), http.StatusForbidden)
	var made holiday
	expect(t, w.post("/v1/holidays", admin, body), http.StatusCreated).decode(t, &made)
	if made.Date != "2027-03-12" || made.Kind != "joint_leave" || strings.Join(made.Actions, ",") != "delete-holiday" {
		t.Errorf("create-holiday answered %+v", made)
	}
	p := expect(t, w.post("/v1/holidays", admin, body), http.StatusConflict).problem(t)
	if p.Code != "holiday.date_taken" || len(p.Errors) != 1 || p.Errors[0].Location != "body.date" {
		t.Errorf("a second holiday on a day answered %+v", p)
	}
	r := expect(t, w.post("/v1/holidays", admin, map[string]any{"date": "2027-13-01", "name": "", "kind": "libur"}), http.StatusUnprocessableEntity)
	for _, field := range []string{"body.date", "body.name", "body.kind"} {
		if !strings.Contains(strings.Join(r.locations(t), " "), field) {
			t.Errorf("a bad holiday answered %s, without %s", r.body, field)
		}
	}
	expect(t, w.do(request{method: http.MethodDelete, path: "/v1/holidays/" + made.ID, token: organizer}), http.StatusForbidden)
	expect(t, w.do(request{method: http.MethodDelete, path: "/v1/holidays/" + made.ID, token: admin}), http.StatusNoContent)
	expect(t, w.do(request{method: http.MethodDelete, path: "/v1/holidays/" + made.ID, token: admin}), http.StatusNotFound)
}
