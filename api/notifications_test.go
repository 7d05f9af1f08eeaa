package api_test

import (
	"context"
	"net/http"
	"strconv"
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
	t.Parallel()
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
	if got[0].ToAddress != w.participant.Email || got[0].Kind != domain.MailDecision || got[0].Subject != "Rancangan dikembalikan untuk diperbaiki: “Antrean Daring Adminduk”" ||
		!strings.Contains(got[0].Body, "Yth. Budi Peserta") || !strings.Contains(got[0].Body, "Catatan: Perjelas indikator") {
		t.Errorf("the participant's mail is %+v", got[0])
	}
	// Letters are signed by the cohort's organizers for their institution,
	// not by the software.
	signature := "\n\nHormat kami,\nPenyelenggara " + w.cohortA.Name + "\n" + w.instA.Name + "\n\n"
	for _, m := range got {
		if !strings.Contains(m.Body, signature) || strings.Contains(m.Body, "Proper —") || strings.ContainsAny(m.Subject+m.Body, "«»") {
			t.Errorf("the mail to %s is not signed %q, or quotes with «»:\n%s", m.ToAddress, signature, m.Body)
		}
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
	w.bringProjectTo(t, domain.ProjectImplementing) // the mentor and the coach approve it, on the server without SMTP
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
	// Evidence waits for the mentor's daily digest; the decision is mailed at once.
	want := []string{w.participant.Email + ": Bukti dukung ditolak: “SK Tim Efektif”",
		w.otherMentor.Email + ": Usulan menjadi mentor proyek perubahan “Antrean Daring Adminduk”"}
	if strings.Join(subjects, "\n") != strings.Join(want, "\n") {
		t.Errorf("queued:\n%s\nwant:\n%s", strings.Join(subjects, "\n"), strings.Join(want, "\n"))
	}
}

func TestTheDailyDigestIsQueuedOncePerPersonAndDay(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeWorkflow(t) // the participant's "SK Tim Efektif" waits for the mentor
	ctx := context.Background()
	today := domain.DateOf(time.Now())
	for title, days := range map[string]int{"Replikasi ke kecamatan": 3, "Perda layanan daring": -2, "Evaluasi tahunan": 40} {
		if _, err := w.addMilestone(t, w.project(), domain.MilestonePlan{Horizon: "mid", Title: title,
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
	digests := map[string]string{}
	for _, m := range w.outbox(t) {
		if m.Kind != domain.MailDigest || digests[m.ToAddress] != "" {
			t.Fatalf("the outbox holds %+v, want one digest each for the participant and the mentor", w.outbox(t))
		}
		digests[m.ToAddress] = m.Body
	}
	if len(digests) != 2 {
		t.Fatalf("digests went to %v, want the participant and the mentor", digests)
	}
	participant := digests[w.participant.Email]
	overdue := domain.DateOf(today.Time().AddDate(0, 0, -2)).Indonesian()
	if !strings.Contains(participant, "Tahapan Anda yang melewati tenggat:\n- “Perda layanan daring” (proyek “Antrean Daring Adminduk”), tenggat "+overdue+"\n") ||
		!strings.Contains(participant, "Tahapan Anda dengan tenggat dalam 14 hari:\n- “Replikasi ke kecamatan”") ||
		strings.Contains(participant, "Evaluasi tahunan") || strings.Contains(participant, "Menunggu telaah") {
		t.Errorf("the participant's digest reads:\n%s", participant)
	}
	mentor := digests[w.mentor.Email]
	if !strings.Contains(mentor, "Yth. "+w.mentor.Name) ||
		!strings.Contains(mentor, "Menunggu telaah Anda:\n- Bukti dukung “SK Tim Efektif” dari Budi Peserta (proyek “Antrean Daring Adminduk”), menunggu 0 hari") ||
		!strings.Contains(mentor, "Semuanya ada di Antrean telaah") ||
		strings.Contains(mentor, "Melewati batas") || strings.Contains(mentor, "Replikasi ke kecamatan") {
		t.Errorf("the mentor's digest reads:\n%s", mentor)
	}
	// Both are signed by the organizers of the cohort of what they list, and
	// dated in Indonesian.
	for address, body := range digests {
		if !strings.HasSuffix(strings.SplitN(body, "\n\nEmail ini dikirim otomatis", 2)[0], "\n\nHormat kami,\nPenyelenggara "+w.cohortA.Name+"\n"+w.instA.Name) {
			t.Errorf("the digest to %s is not signed by the cohort's organizers:\n%s", address, body)
		}
	}
	for _, m := range w.outbox(t) {
		if want := "Ringkasan harian proyek perubahan (" + today.Indonesian() + ")"; m.Subject != want {
			t.Errorf("digest subject %q, want %q", m.Subject, want)
		}
	}

	// The morning after the cohort's response deadline of 7 working days
	// (weekends and the holidays of the calendar do not count), the
	// evidence is listed as late.
	cal, err := domain.LoadWorkCalendar(ctx, w.store)
	if err != nil {
		t.Fatal(err)
	}
	due := cal.DueOn(7, w.fileEvidence.SubmittedAt).Time()
	morningAfter := time.Date(due.Year(), due.Month(), due.Day()+1, 9, 0, 0, 0, domain.WIB)
	c.clock.advance(morningAfter.Sub(c.clock.Now()))
	waited := strconv.Itoa(int(morningAfter.Sub(w.fileEvidence.SubmittedAt) / (24 * time.Hour)))
	if _, err := c.followUps.QueueDigests(ctx); err != nil {
		t.Fatal(err)
	}
	later := w.outbox(t)
	if len(later) != 4 {
		t.Fatalf("the next digest day the outbox holds %d digests, want 4", len(later))
	}
	for _, m := range later[2:] {
		if m.ToAddress == w.mentor.Email && !strings.Contains(m.Body, "Melewati batas waktu tanggapan (diteruskan ke coach dan penyelenggara):\n- Bukti dukung “SK Tim Efektif” dari Budi Peserta (proyek “Antrean Daring Adminduk”), menunggu "+waited+" hari, batas waktu tanggapan "+domain.DateOf(due).Indonesian()+"\n") {
			t.Errorf("the mentor's digest of the morning after the deadline reads:\n%s", m.Body)
		}
	}
}

// TestTheMailedActivationCodeIsSignedByTheOrganizersAndDatedInWIB: the
// organizer of the coach's cohort has a new code mailed to the coach; the
// letter is signed for that cohort and says until when the code holds, as
// an Indonesian date and time in WIB.
func TestTheMailedActivationCodeIsSignedByTheOrganizersAndDatedInWIB(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	c := w.clocked(t, newClock(time.Now()), true)
	res := expect(t, c.post("/v1/users/"+w.coach.ID.String()+"/activation", w.tokenOf(roleOrganizer), nil), http.StatusOK)
	expires, err := time.Parse(time.RFC3339, res.field(t, "expiresAt"))
	if err != nil {
		t.Fatal(err)
	}
	mails := w.outbox(t)
	if len(mails) != 1 {
		t.Fatalf("the outbox holds %+v", mails)
	}
	body := mails[0].Body
	for _, want := range []string{
		"Kode ini berlaku sampai " + domain.IndonesianDateTime(expires) + ".",
		"alamat email",
		"\n\nHormat kami,\nPenyelenggara " + w.cohortA.Name + "\n" + w.instA.Name + "\n\n",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the activation mail lacks %q:\n%s", want, body)
		}
	}
}
