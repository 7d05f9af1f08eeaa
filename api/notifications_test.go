package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/proper-id/proper/domain"
)

// queued is an outbox row as the tests read it.
type queued struct {
	Kind      string `bun:"kind"`
	ToAddress string `bun:"to_address"`
	Subject   string `bun:"subject"`
	Body      string `bun:"body"`
}

func (w *world) outbox(t testing.TB) []queued {
	t.Helper()
	var out []queued
	if err := w.db.NewRaw(`SELECT kind, to_address, subject, body FROM outbox ORDER BY id`).Scan(context.Background(), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestChangesQueueTheirNotificationsInTheirOwnTransaction(t *testing.T) {
	w := newWorld(t)
	w.milestone = w.draftDesign(t)
	participant, mentor := w.tokenOf(roleParticipant), w.tokenOf(roleMentor)

	// Without SMTP nothing is queued.
	expect(t, w.post(projectPath(w, "/design/submit"), participant, nil), http.StatusOK)
	if got := w.outbox(t); len(got) != 0 {
		t.Fatalf("without SMTP the outbox holds %+v", got)
	}

	c := w.clocked(t, newClock(time.Now()), true)
	expect(t, c.post(projectPath(w, "/design/reviews"), mentor, map[string]string{"decision": "return", "comment": "Perjelas indikator"}), http.StatusOK)
	expect(t, c.post(projectPath(w, "/design/submit"), participant, nil), http.StatusOK)
	got := w.outbox(t)
	if len(got) != 3 {
		t.Fatalf("the outbox holds %+v, want the return for the participant and the resubmission for the mentor and the coach", got)
	}
	if got[0].ToAddress != w.participant.Email || got[0].Kind != domain.MailDecision || got[0].Subject != "Rancangan dikembalikan untuk diperbaiki: «Antrean Daring Adminduk»" ||
		!strings.Contains(got[0].Body, "Yth. Budi Peserta") || !strings.Contains(got[0].Body, "Catatan: Perjelas indikator") {
		t.Errorf("the participant's mail is %+v", got[0])
	}
	if got[1].ToAddress != w.mentor.Email || got[2].ToAddress != w.coach.Email || got[1].Kind != domain.MailReviewWaiting ||
		!strings.Contains(got[1].Body, "Budi Peserta mengajukan rancangan untuk disetujui") {
		t.Errorf("the reviewers' mails are %+v", got[1:])
	}

	// A change that fails queues nothing.
	expect(t, c.post(projectPath(w, "/design/reviews"), mentor, map[string]string{"decision": "return"}), http.StatusUnprocessableEntity)
	expect(t, c.post(projectPath(w, "/design/reviews"), w.tokenOf(roleOtherMentor), map[string]string{"decision": "approve"}), http.StatusNotFound)
	if after := w.outbox(t); len(after) != 3 {
		t.Errorf("failed requests queued %+v", after[3:])
	}

	// Evidence, claims and their decisions, and mentor transfers.
	w.setProjectStatus(t, domain.ProjectImplementing)
	e := expect(t, w.upload(participant, w.milestone.ID, map[string]string{"title": "SK Tim Efektif", "url": "https://batam.go.id/sk"}, "", nil), http.StatusCreated)
	if n := len(w.outbox(t)); n != 3 {
		t.Fatalf("the server without SMTP queued %d", n-3)
	}
	form, contentType := multipartForm(t, map[string]string{"title": "Notulen", "url": "https://batam.go.id/notulen"}, "", nil)
	expect(t, c.do(request{method: http.MethodPost, path: "/v1/milestones/" + w.milestone.ID.String() + "/evidence", token: participant, body: form, contentType: contentType}), http.StatusCreated)
	expect(t, c.post("/v1/evidence/"+e.field(t, "id")+"/reviews", mentor, map[string]string{"decision": "reject", "comment": "Belum ditandatangani"}), http.StatusOK)
	expect(t, c.post("/v1/enrollments/"+w.enrollment.ID.String()+"/mentor-transfers", participant, map[string]string{"mentorId": w.otherMentor.ID.String()}), http.StatusCreated)
	var subjects []string
	for _, q := range w.outbox(t)[3:] {
		subjects = append(subjects, q.ToAddress+": "+q.Subject)
	}
	want := []string{w.mentor.Email + ": Bukti dukung menunggu tinjauan: «Notulen»", w.participant.Email + ": Bukti dukung ditolak: «SK Tim Efektif»",
		w.otherMentor.Email + ": Usulan menjadi mentor proyek perubahan «Antrean Daring Adminduk»"}
	if strings.Join(subjects, "\n") != strings.Join(want, "\n") {
		t.Errorf("queued:\n%s\nwant:\n%s", strings.Join(subjects, "\n"), strings.Join(want, "\n"))
	}
}

func TestTheDailyDigestIsQueuedOncePerParticipantAndDay(t *testing.T) {
	w := newWorld(t)
	w.arrangeWorkflow(t)
	ctx := context.Background()
	today := domain.DateOf(time.Now())
	for title, days := range map[string]int{"Replikasi ke kecamatan": 3, "Perda layanan daring": -2, "Evaluasi tahunan": 40} {
		if _, err := w.projects().CreateMilestone(ctx, w.actor(w.participant), w.project(), domain.MilestonePlan{Horizon: "mid", Title: title,
			DueOn: domain.DateOf(today.Time().AddDate(0, 0, days))}); err != nil {
			t.Fatal(err)
		}
	}
	c := w.clocked(t, newClock(time.Now()), true)
	for range 2 { // a second replica, or the next hour, queues nothing more
		if _, err := c.followUps.QueueDigests(ctx); err != nil {
			t.Fatal(err)
		}
	}
	got := w.outbox(t)
	if len(got) != 1 || got[0].Kind != domain.MailDigest || got[0].ToAddress != w.participant.Email {
		t.Fatalf("the outbox holds %+v, want one digest for the participant", got)
	}
	body := got[0].Body
	if !strings.Contains(body, "Melewati tenggat:\n- «Perda layanan daring»") || !strings.Contains(body, "Jatuh tempo dalam 14 hari:\n- «Replikasi ke kecamatan»") ||
		strings.Contains(body, "Evaluasi tahunan") {
		t.Errorf("the digest reads:\n%s", body)
	}
	c.clock.advance(24 * time.Hour)
	if _, err := c.followUps.QueueDigests(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(w.outbox(t)); n != 2 {
		t.Errorf("the next day the outbox holds %d digests, want 2", n)
	}
}
