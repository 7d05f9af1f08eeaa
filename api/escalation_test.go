package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/proper-id/proper/domain"
)

// queueItem is a review queue item as the tests read it.
type queueItem struct {
	Kind                 string
	Title                string
	Late                 bool
	WaitingDays          int
	ResponseDeadlineDays int
	DueOn                string
}

func TestWorkWaitingPastTheResponseDeadlineIsLateAndEscalated(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.milestone = w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectImplementing)
	// Submitted on Monday 2 November 2026 at 09:00 WIB, a month without
	// holidays: seven working days end on Wednesday 11 November.
	c := w.clocked(t, newClock(time.Date(2026, time.November, 2, 9, 0, 0, 0, domain.WIB)), false)
	organizer, coach, mentor := w.tokenOf(roleOrganizer), w.tokenOf(roleCoach), w.tokenOf(roleMentor)
	expect(t, w.upload(w.tokenOf(roleParticipant), w.milestone.ID, map[string]string{"title": "SK Tim Efektif", "url": "https://batam.go.id/sk"}, "", nil), http.StatusCreated)
	// The upload went through the real clock: date it at the test's clock.
	w.db.Exec(`UPDATE evidence SET submitted_at = ? WHERE milestone_id = ?`, c.clock.Now(), w.milestone.ID)

	queue := func() queueItem {
		t.Helper()
		var q struct{ Items []queueItem }
		expect(t, c.get("/v1/review-queue", mentor), http.StatusOK).decode(t, &q)
		if len(q.Items) != 1 {
			t.Fatalf("the mentor's queue has %d items, want 1", len(q.Items))
		}
		return q.Items[0]
	}
	escalations := func(token string) []Escalation {
		t.Helper()
		var e struct{ Items []Escalation }
		expect(t, c.get("/v1/cohorts/"+w.cohortA.ID.String()+"/escalations", token), http.StatusOK).decode(t, &e)
		return e.Items
	}

	c.clock.advance(7 * 24 * time.Hour)
	if q := queue(); q.Late || q.WaitingDays != 7 || q.ResponseDeadlineDays != 7 || q.DueOn != "2026-11-11" {
		t.Errorf("seven calendar days later the item is %+v, want on time after 7 days, due 2026-11-11", q)
	}
	c.clock.advance(2*24*time.Hour + 14*time.Hour) // Wednesday 11 November, 23:00 WIB
	if q := queue(); q.Late || q.WaitingDays != 9 {
		t.Errorf("an hour before the deadline the item is %+v, want on time after 9 days", q)
	}
	if e := escalations(organizer); len(e) != 0 {
		t.Errorf("before the deadline the organizer's escalations are %+v", e)
	}

	c.clock.advance(2 * time.Hour)
	if q := queue(); !q.Late || q.WaitingDays != 9 {
		t.Errorf("an hour past the deadline the item is %+v, want late after 9 days", q)
	}
	for _, token := range []string{organizer, coach} {
		e := escalations(token)
		if len(e) != 1 || e[0].Kind != "evidence" || e[0].ReviewerName != "Sekda Mentor" || e[0].ReviewerRole != "mentor" || e[0].WaitingDays != 9 || e[0].DueOn != "2026-11-11" ||
			e[0].ParticipantName != "Budi Peserta" || !strings.HasPrefix(e[0].Target.Path, "/v1/evidence/") {
			t.Errorf("past the deadline the escalations are %+v, want the evidence waiting for the mentor", e)
		}
	}
	if e := escalations(w.tokenOf(roleOtherCoach)); len(e) != 0 {
		t.Errorf("the coach of another group sees %+v: not their participants", e)
	}
	expect(t, c.get("/v1/cohorts/"+w.cohortA.ID.String()+"/escalations", mentor), http.StatusForbidden)

	// The organizer gives mentors more time: the item is on time again.
	cohort := "/v1/cohorts/" + w.cohortA.ID.String()
	for _, bad := range []any{0, 91, "tujuh"} {
		r := expect(t, c.patch(cohort, organizer, map[string]any{"responseDeadlineDays": bad}, nil), http.StatusUnprocessableEntity)
		if !strings.Contains(strings.Join(r.locations(t), " "), "body.responseDeadlineDays") {
			t.Errorf("responseDeadlineDays %v answered %s, want the field named", bad, r.body)
		}
	}
	if got := expect(t, c.patch(cohort, organizer, map[string]any{"responseDeadlineDays": 10}, nil), http.StatusOK).body; !strings.Contains(string(got), `"responseDeadlineDays":10`) {
		t.Errorf("update-cohort answered %s", got)
	}
	if q := queue(); q.Late || q.ResponseDeadlineDays != 10 {
		t.Errorf("with 10 days the item is %+v, want on time", q)
	}
	if e := escalations(organizer); len(e) != 0 {
		t.Errorf("with 10 days the escalations are %+v", e)
	}
}

func TestCreateCohortTakesAResponseDeadline(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	body := func(days any) map[string]any {
		b := map[string]any{"institutionId": w.instA.ID, "program": "pka", "code": "PKA-" + uniq(), "name": "PKA Angkatan I", "startsOn": "2027-02-01", "endsOn": "2027-06-30"}
		if days != nil {
			b["responseDeadlineDays"] = days
		}
		return b
	}
	if got := expect(t, w.post("/v1/cohorts", w.tokenOf(roleOrganizer), body(nil)), http.StatusCreated).body; !strings.Contains(string(got), `"responseDeadlineDays":7`) {
		t.Errorf("a cohort without a deadline answered %s, want 7 days", got)
	}
	if got := expect(t, w.post("/v1/cohorts", w.tokenOf(roleOrganizer), body(3)), http.StatusCreated).body; !strings.Contains(string(got), `"responseDeadlineDays":3`) {
		t.Errorf("a cohort with 3 days answered %s", got)
	}
	r := expect(t, w.post("/v1/cohorts", w.tokenOf(roleOrganizer), body(0)), http.StatusUnprocessableEntity)
	if !strings.Contains(strings.Join(r.locations(t), " "), "body.responseDeadlineDays") {
		t.Errorf("0 days answered %s", r.body)
	}
	// The domain keeps the same rule for callers that bypass the spec.
	days := 120
	_, err := w.cohorts().CreateCohort(context.Background(), w.actor(w.organizer), domain.CohortPlan{InstitutionID: w.instA.ID, Program: "pka", Code: "X-" + uniq(),
		Name: "X", StartsOn: domain.NewDate(2027, 1, 1), EndsOn: domain.NewDate(2027, 2, 1), ResponseDeadlineDays: &days})
	if de := (*domain.Error)(nil); domain.KindOf(err) != domain.KindInvalid || !strings.Contains(err.Error(), "responseDeadlineDays") {
		t.Errorf("120 days: %v %v", err, de)
	}
}

// Escalation is list-cohort-escalations' item as the tests read it.
type Escalation struct {
	Kind, Title, ParticipantName, ReviewerName, ReviewerRole, DueOn string
	WaitingDays                                                     int
	Target                                                          struct{ Type, ID, Path string }
}

// load is get-cohort-workload's line as the tests read it.
type load struct {
	Name                string
	Role                string
	Pending, Late       int
	OldestWaitingSince  *time.Time
	Decisions           int
	MedianResponseHours *float64
}

func TestWorkloadCountsWaitingItemsAndTheMedianResponse(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.milestone = w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectImplementing)
	// Monday 2 November 2026, 08:00 WIB: a month without holidays.
	start := time.Date(2026, time.November, 2, 8, 0, 0, 0, domain.WIB)
	c := w.clocked(t, newClock(start), false)
	ctx := context.Background()
	participant, mentor := w.actor(w.participant), w.actor(w.mentor)
	submit := func(title string) domain.Evidence {
		e, err := c.projects.SubmitEvidence(ctx, participant, w.milestone.ID, domain.EvidenceDraft{Title: title, URL: "https://batam.go.id/" + uniq()})
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	review := func(e domain.Evidence, decision domain.EvidenceDecision) {
		if _, err := c.projects.ReviewEvidence(ctx, mentor, e.ID, decision, "Perlu tanda tangan"); err != nil {
			t.Fatal(err)
		}
	}
	// Answered in 2 hours, 10 hours and 3 hours: the median is 3 hours.
	first := submit("Undangan rapat")
	c.clock.advance(2 * time.Hour)
	review(first, domain.EvidenceApprove)
	second := submit("Notulen rapat")
	c.clock.advance(10 * time.Hour)
	review(second, domain.EvidenceReject)
	third := submit("Daftar hadir")
	c.clock.advance(3 * time.Hour)
	review(third, domain.EvidenceApprove)
	// The claim is verified 30 hours later, from the claim's event.
	if _, err := c.projects.ClaimMilestone(ctx, participant, w.milestone.ID); err != nil {
		t.Fatal(err)
	}
	c.clock.advance(30 * time.Hour)
	if _, err := c.projects.VerifyMilestone(ctx, mentor, w.milestone.ID, domain.VerifyReturn, "Lengkapi foto", ""); err != nil {
		t.Fatal(err)
	}
	// Two wait: one past the deadline. The first, of Tuesday 3 November,
	// is due on Thursday 12 November (seven working days); the second, of
	// Monday 9 November, on Wednesday 18 November. On Sunday 15 November
	// the first is late.
	waiting := c.clock.Now()
	submit("Foto kegiatan")
	c.clock.advance(6 * 24 * time.Hour)
	submit("SK Kepala Dinas")
	c.clock.advance(6 * 24 * time.Hour)

	var got struct {
		ResponseDeadlineDays int
		Items                []load
	}
	expect(t, c.get("/v1/cohorts/"+w.cohortA.ID.String()+"/workload", w.tokenOf(roleOrganizer)), http.StatusOK).decode(t, &got)
	byName := map[string]load{}
	for _, l := range got.Items {
		byName[l.Role+":"+l.Name] = l
	}
	m := byName["mentor:Sekda Mentor"]
	// Responses: the design's approval at once, then 2h, 10h, 3h, 30h: the
	// median is 3 hours.
	if m.Pending != 2 || m.Late != 1 || m.Decisions != 5 || m.MedianResponseHours == nil || *m.MedianResponseHours != 3 ||
		m.OldestWaitingSince == nil || !m.OldestWaitingSince.Equal(waiting) {
		t.Errorf("the mentor's workload is %+v (median %v), want 2 pending, 1 late, 5 decisions, median 3 h, oldest since %s", m, deref(m.MedianResponseHours), waiting)
	}
	for _, key := range []string{"mentor:Asisten Mentor Lain", "coach:Drs. Ahmad Coach", "coach:Dewi Coach Lain", "examiner:Prof. Hadi Penguji"} {
		// The coach approved the design, at once: a decision, nothing pending.
		if l, ok := byName[key]; !ok || l.Pending != 0 || (l.MedianResponseHours != nil) != (key == "coach:Drs. Ahmad Coach") {
			t.Errorf("%s: %+v, want a line with nothing pending", key, l)
		}
	}
	if got.ResponseDeadlineDays != 7 || len(got.Items) != 5 {
		t.Errorf("workload has %d lines, deadline %d", len(got.Items), got.ResponseDeadlineDays)
	}

	// A coach sees the reviewers of the participants they coach.
	expect(t, c.get("/v1/cohorts/"+w.cohortA.ID.String()+"/workload", w.tokenOf(roleCoach)), http.StatusOK).decode(t, &got)
	var names []string
	for _, l := range got.Items {
		names = append(names, l.Role+":"+l.Name)
	}
	if strings.Join(names, "|") != "mentor:Sekda Mentor|coach:Drs. Ahmad Coach|examiner:Prof. Hadi Penguji" {
		t.Errorf("the coach's workload lists %v", names)
	}
}

func deref(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}
