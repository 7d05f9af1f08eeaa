package api_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/proper-id/proper/documents/pdftext"
	"github.com/proper-id/proper/domain"
)

// reportAnswer is what the tests read of get-report.
type reportAnswer struct {
	Status string
	Files  []struct {
		Number   int
		Kind     string
		SHA256   string
		Revision bool
		Current  bool
	}
	Endorsements []struct {
		Step, Role, Name, Position, SHA256 string
		FileNumber                         int
		Counts                             bool
		SeminarPlace                       string
	}
	DueOn          string
	Late           bool
	Actions        []string
	RefusedActions []struct{ Action, Code string }
}

func (w *world) report(t *testing.T, role string) reportAnswer {
	t.Helper()
	var r reportAnswer
	expect(t, w.get(projectPath(w, "/report"), w.tokenOf(role)), http.StatusOK).decode(t, &r)
	return r
}

// refusal returns the code with which the report refuses op, "" if none.
func (r reportAnswer) refusal(op string) string {
	for _, x := range r.RefusedActions {
		if x.Action == op {
			return x.Code
		}
	}
	return ""
}

// uploadReportFile posts a PDF as the next version of the report.
func (w *world) uploadReportFile(t *testing.T, token string) response {
	t.Helper()
	contentType, body := reportForm()
	return w.do(request{method: http.MethodPost, path: projectPath(w, "/report/files"), token: token, body: body.Bytes(), contentType: contentType})
}

// implementingWithSession brings the world's project into implementation
// with its final seminar session (130 days from now) and a clock for later.
func (w *world) implementingWithSession(t *testing.T) domain.SeminarSession {
	t.Helper()
	w.milestone = w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectImplementing)
	return w.sessionFor(t, w.project(), domain.SeminarFinal)
}

func TestTheReportNeedsBothApprovalsBeforeTheSeminarAndBothRatificationsAfterIt(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ss := w.implementingWithSession(t)
	participant, mentor, coach := w.tokenOf(roleParticipant), w.tokenOf(roleMentor), w.tokenOf(roleCoach)
	submit := projectPath(w, "/final/submit")

	// Nothing uploaded: submit-final and the persetujuan say what is missing.
	expectCode(t, w.post(submit, participant, nil), http.StatusConflict, "report.missing")
	expectCode(t, w.post(projectPath(w, "/report/endorsements"), mentor, map[string]string{"step": "persetujuan", "position": "Kepala Dinas"}),
		http.StatusConflict, "report.missing")
	expect(t, w.uploadReportFile(t, participant), http.StatusCreated)
	expectCode(t, w.post(submit, participant, nil), http.StatusConflict, "report.statement_missing")
	expect(t, w.post(projectPath(w, "/report/statement"), participant, map[string]string{"replicatedInnovation": "Mal Pelayanan Publik Banyuwangi"}), http.StatusOK)
	expectCode(t, w.post(submit, participant, nil), http.StatusConflict, "report.approvals_missing")

	// The mentor alone is not enough; the project's refusal says so before anyone tries.
	expect(t, w.post(projectPath(w, "/report/endorsements"), mentor, map[string]string{"step": "persetujuan", "position": "Kepala Dinas"}), http.StatusOK)
	expectCode(t, w.post(projectPath(w, "/report/endorsements"), mentor, map[string]string{"step": "persetujuan"}), http.StatusConflict, "report.already_endorsed")
	if code := w.report(t, roleParticipant).refusal("submit-final"); code != "report.approvals_missing" {
		t.Errorf("after the mentor alone submit-final is refused with %q, want report.approvals_missing", code)
	}
	// A pengesahan before submission is refused.
	expectCode(t, w.post(projectPath(w, "/report/endorsements"), coach, map[string]string{"step": "pengesahan", "position": "Widyaiswara"}),
		http.StatusConflict, "report.not_submitted")
	expect(t, w.post(projectPath(w, "/report/endorsements"), coach, map[string]string{"step": "persetujuan", "position": "Widyaiswara Ahli Madya"}), http.StatusOK)

	// The short-term milestone is still open: declared not achieved, it closes.
	r := w.report(t, roleParticipant)
	if code := r.refusal("submit-final"); code != "report.milestones_open" {
		t.Fatalf("with the milestone open submit-final is refused with %q, want report.milestones_open", code)
	}
	// The summary is locked once the version is endorsed: a new version voids both persetujuan.
	expectCode(t, w.do(request{method: http.MethodPut, path: projectPath(w, "/report/summary"), token: participant, body: map[string]any{"notAchieved": []string{w.milestone.ID.String()}}}),
		http.StatusConflict, "report.summary_endorsed")
	expect(t, w.uploadReportFile(t, participant), http.StatusCreated)
	if code := w.report(t, roleParticipant).refusal("submit-final"); code != "report.approvals_missing" {
		t.Fatalf("a new version leaves submit-final refused with %q, want report.approvals_missing", code)
	}
	expect(t, w.do(request{method: http.MethodPut, path: projectPath(w, "/report/summary"), token: participant, body: map[string]any{"notAchieved": []string{w.milestone.ID.String()}}}), http.StatusOK)
	for _, token := range []string{mentor, coach} {
		expect(t, w.post(projectPath(w, "/report/endorsements"), token, map[string]string{"step": "persetujuan", "position": "Kepala Dinas"}), http.StatusOK)
	}
	expect(t, w.post(submit, participant, nil), http.StatusOK)
	r = w.report(t, roleMentor)
	if r.Status != "submitted" || len(r.Endorsements) != 4 {
		t.Fatalf("after submission the report is %s with %d endorsements, want submitted with 4 (two voided by version 2)", r.Status, len(r.Endorsements))
	}
	for _, e := range r.Endorsements {
		if e.Counts != (e.FileNumber == 2) || e.SeminarPlace != "Ruang Seminar 1" {
			t.Errorf("endorsement %+v: only the version handed in (2) counts, each names the seminar's place", e)
		}
	}
	if !slices.Contains(r.Actions, "download-report-pages") {
		t.Errorf("the mentor is not offered the pages: %v", r.Actions)
	}

	// Before the seminar's day no pengesahan; after it, both ratify.
	expectCode(t, w.post(projectPath(w, "/report/endorsements"), mentor, map[string]string{"step": "pengesahan", "position": "Kepala Dinas"}),
		http.StatusConflict, "report.seminar_not_held")
	later := w.clocked(t, newClock(ss.HeldOn.Time().Add(30*time.Hour)), false)
	ctx := context.Background()
	if _, err := later.projects.EndorseReport(ctx, w.actor(w.mentor), w.project(), domain.ReportRatification, ""); domain.KindOf(err) != domain.KindInvalid {
		t.Fatalf("a pengesahan without a position (the mentor's profile has none) answered %v, want 422 report.position_required", err)
	}
	got, err := later.projects.EndorseReport(ctx, w.actor(w.mentor), w.project(), domain.ReportRatification, "Kepala Dinas")
	if err != nil || got.Status() != domain.ReportSubmitted {
		t.Fatalf("the mentor's pengesahan: %v, report %s (want submitted: the coach's is missing)", err, got.Status())
	}
	if got, err = later.projects.EndorseReport(ctx, w.actor(w.coach), w.project(), domain.ReportRatification, "Widyaiswara"); err != nil || got.Status() != domain.ReportRatified {
		t.Fatalf("the coach's pengesahan: %v, report %s, want ratified", err, got.Status())
	}
	expectCode(t, w.uploadReportFile(t, participant), http.StatusConflict, "report.ratified")
}

func TestOnlyTheProjectsMentorAndCoachEndorseTheReport(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.implementingWithSession(t)
	expect(t, w.uploadReportFile(t, w.tokenOf(roleParticipant)), http.StatusCreated)
	body := map[string]string{"step": "persetujuan", "position": "Kepala Dinas"}
	for role, status := range map[string]int{roleParticipant: http.StatusForbidden, roleOrganizer: http.StatusForbidden,
		roleExaminer: http.StatusForbidden, roleOtherMentor: http.StatusNotFound, roleOtherCoach: http.StatusNotFound} {
		if r := w.post(projectPath(w, "/report/endorsements"), w.tokenOf(role), body); r.status != status {
			t.Errorf("%s endorsing answered %d, want %d: %s", role, r.status, status, r.body)
		}
	}
	if r := w.report(t, roleParticipant); len(r.Endorsements) != 0 || slices.Contains(r.Actions, "endorse-report") {
		t.Errorf("after refused endorsements the report has %d, and offers the participant %v", len(r.Endorsements), r.Actions)
	}
	if !slices.Contains(w.report(t, roleCoach).Actions, "endorse-report") {
		t.Error("the coach is not offered endorse-report")
	}
}

func TestTheReportIsDueWorkingDaysBeforeTheSessionAndLateOnlyWithAnOrganizersAllowance(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ss := w.implementingWithSession(t)
	w.readyReport(t, w.project())
	cohort, err := w.store.Cohorts().Get(context.Background(), w.cohortA.ID)
	if err != nil {
		t.Fatal(err)
	}
	due := domain.ReportDueOn(domain.NewWorkCalendar(nil), ss.HeldOn, cohort.ReportLeadWorkingDays)
	if r := w.report(t, roleParticipant); r.DueOn != due.String() || r.Late {
		t.Fatalf("the report is due %s (late %v), want %s, %d working days before the session of %s", r.DueOn, r.Late, due, cohort.ReportLeadWorkingDays, ss.HeldOn)
	}
	// The day after the due day: refused, until an organizer allows it.
	later := w.clocked(t, newClock(due.Time().Add(36*time.Hour)), false)
	ctx := context.Background()
	participant := w.actor(w.participant)
	if _, err := later.projects.SubmitFinal(ctx, participant, w.project()); codeOf(err) != domain.CodeReportLate {
		t.Fatalf("a late submission answered %v, want 409 report.late", err)
	}
	if _, err := later.projects.AllowLateReport(ctx, w.actor(w.mentor), w.project(), "Sakit"); domain.KindOf(err) != domain.KindForbidden {
		t.Fatalf("the mentor allowing a late report answered %v, want 403", err)
	}
	if _, err := later.projects.AllowLateReport(ctx, w.actor(w.organizer), w.project(), "Peserta sakit, surat dokter terlampir"); err != nil {
		t.Fatal(err)
	}
	if _, err := later.projects.SubmitFinal(ctx, participant, w.project()); err != nil {
		t.Fatalf("a late submission an organizer allowed: %v", err)
	}
	if r := w.report(t, roleOrganizer); r.Status != "submitted" || !r.Late {
		t.Errorf("the allowed late report is %s, late %v; want submitted and late", r.Status, r.Late)
	}
	flags := w.timelineFlags(t, w.tokenOf(roleParticipant))
	if flags["project.final_submitted"][0] != "late" {
		t.Errorf("the submission's event is flagged %v, want late", flags["project.final_submitted"])
	}
}

func TestAHolidayInsideTheLeadMovesTheDueDayEarlier(t *testing.T) {
	session := domain.NewDate(2026, time.December, 14) // a Monday
	plain := domain.ReportDueOn(domain.NewWorkCalendar(nil), session, 5)
	if want := domain.NewDate(2026, time.December, 7); plain != want {
		t.Errorf("5 working days before Monday 14 December is %s, want %s", plain, want)
	}
	holiday := domain.NewWorkCalendar([]domain.Holiday{{On: domain.NewDate(2026, time.December, 10), Name: "Cuti bersama"}})
	if got, want := domain.ReportDueOn(holiday, session, 5), domain.NewDate(2026, time.December, 4); got != want {
		t.Errorf("with Thursday 10 December off the report is due %s, want Friday %s", got, want)
	}
	if got := domain.ReportDueOn(holiday, session, 0); got != session {
		t.Errorf("with no lead the report is due %s, want the session's day", got)
	}
}

func TestARevisionKeepsTheHistoryAndWaitsForANewPengesahan(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ss := w.implementingWithSession(t)
	w.bringProjectTo(t, domain.ProjectFinalSubmitted)
	ctx := context.Background()
	later := w.clocked(t, newClock(ss.HeldOn.Time().Add(30*time.Hour)), false)
	dueOn := domain.DateOf(ss.HeldOn.Time().AddDate(0, 0, 14))
	// Only the session's examiners, and not before the seminar.
	if _, err := w.projects().RequireReportRevision(ctx, w.actor(w.examiner), w.project(), dueOn, "Lengkapi data"); domain.KindOf(err) != domain.KindConflict {
		t.Fatalf("a revision before the seminar answered %v, want 409 report.seminar_not_held", err)
	}
	second := w.secondExaminer(t)
	if _, err := later.projects.RequireReportRevision(ctx, w.actor(second), w.project(), dueOn, "Lengkapi data"); domain.KindOf(err) != domain.KindForbidden {
		t.Fatalf("an examiner outside the session answered %v, want 403 report.not_session_examiner", err)
	}
	if _, err := later.projects.RequireReportRevision(ctx, w.actor(w.examiner), w.project(), ss.HeldOn, "Lengkapi data"); domain.KindOf(err) != domain.KindInvalid {
		t.Fatalf("a deadline in the past answered %v, want 422", err)
	}
	// The mentor ratifies first; then the examiner requires a revision.
	if _, err := later.projects.EndorseReport(ctx, w.actor(w.mentor), w.project(), domain.ReportRatification, "Kepala Dinas"); err != nil {
		t.Fatal(err)
	}
	r, err := later.projects.RequireReportRevision(ctx, w.actor(w.examiner), w.project(), dueOn, "Lengkapi data capaian indikator.")
	if err != nil || r.Status() != domain.ReportRevisionRequired {
		t.Fatalf("requiring a revision: %v, status %s", err, r.Status())
	}
	if _, err := later.projects.EndorseReport(ctx, w.actor(w.coach), w.project(), domain.ReportRatification, "Widyaiswara"); domain.KindOf(err) != domain.KindConflict {
		t.Fatalf("a pengesahan while the revision is outstanding answered %v, want 409 report.revision_pending", err)
	}
	expect(t, w.uploadReportFile(t, w.tokenOf(roleParticipant)), http.StatusCreated)
	report := w.report(t, roleCoach)
	if report.Status != "submitted" || len(report.Files) != 2 || !report.Files[1].Revision || report.Files[0].SHA256 == "" {
		t.Fatalf("after the revision the report is %s with files %+v", report.Status, report.Files)
	}
	// The persetujuan of version 1 stays and counts; the mentor's pengesahan of it no longer does.
	counts := map[string]bool{}
	for _, e := range report.Endorsements {
		counts[e.Step+" "+e.Role+" "+string(rune('0'+e.FileNumber))] = e.Counts
	}
	if !counts["persetujuan mentor 1"] || !counts["persetujuan coach 1"] || counts["pengesahan mentor 1"] {
		t.Errorf("after the revision the endorsements count %v", counts)
	}
	for _, u := range []domain.User{w.mentor, w.coach} {
		if r, err = later.projects.EndorseReport(ctx, w.actor(u), w.project(), domain.ReportRatification, "Pejabat"); err != nil {
			t.Fatal(err)
		}
	}
	if r.Status() != domain.ReportRatified || len(r.Endorsements) != 5 {
		t.Fatalf("after both pengesahan of the revision the report is %s with %d endorsements, want ratified with 5", r.Status(), len(r.Endorsements))
	}

	// The pages carry both endorsements of each sheet, with their hashes.
	res := expect(t, w.get(projectPath(w, "/report/pages.pdf"), w.tokenOf(roleParticipant)), http.StatusOK)
	text, err := pdftext.Text(res.body)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"LAPORAN PROYEK PERUBAHAN", "LEMBAR PERSETUJUAN", "Disetujui untuk diseminarkan", "LEMBAR PENGESAHAN", "Mengesahkan",
		"PERNYATAAN KEASLIAN", w.mentor.Name, w.coach.Name, "Kepala Dinas", "Pejabat", "versi 1, SHA-256 " + report.Files[0].SHA256,
		"versi 2, SHA-256 " + report.Files[1].SHA256, "Ruang Seminar 1"} {
		// Lines wrap where a space was: compare without spaces.
		if !strings.Contains(strings.ReplaceAll(text, " ", ""), strings.ReplaceAll(want, " ", "")) {
			t.Errorf("the report's pages lack %q in %s", want, text)
		}
	}
	if n := strings.Count(text, "Ditandatangani di Proper pada"); n != 5 {
		t.Errorf("the pages show %d signatures, want 5 (two persetujuan, two pengesahan, the pernyataan)", n)
	}
}

// codeOf is the code of a domain error, "" for nil or another error.
func codeOf(err error) domain.Code {
	var de *domain.Error
	if errors.As(err, &de) {
		return de.Code
	}
	return ""
}

func TestTheReportStatesTheOutcomeOfEachSuccessIndicator(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	participant := w.tokenOf(roleParticipant)
	w.draftDesign(t)
	expect(t, w.patch(projectPath(w, ""), participant, map[string]any{"successIndicators": []map[string]string{
		{"name": "Waktu tunggu layanan KTP-el", "baseline": "180", "target": "30", "unit": "menit"}}}, nil), http.StatusOK)
	w.bringProjectTo(t, domain.ProjectImplementing)
	w.sessionFor(t, w.project(), domain.SeminarFinal)
	var p struct {
		SuccessIndicators []struct{ ID, Name, Baseline, Target, Unit string }
	}
	expect(t, w.get(projectPath(w, ""), participant), http.StatusOK).decode(t, &p)
	if len(p.SuccessIndicators) == 0 {
		t.Fatal("the world's approved design has no success indicator")
	}
	ind := p.SuccessIndicators[0]
	summary := func(outcomes ...map[string]string) response {
		return w.do(request{method: http.MethodPut, path: projectPath(w, "/report/summary"), token: participant,
			body: map[string]any{"outcomes": outcomes, "notAchieved": []string{}}})
	}
	r := summary(map[string]string{"indicatorId": ind.ID, "achieved": "25"}, map[string]string{"indicatorId": w.project().String(), "achieved": "1"})
	if got := r.locations(t); r.status != http.StatusUnprocessableEntity || !slices.Equal(got, []string{"body.outcomes[1].indicatorId"}) {
		t.Fatalf("an outcome of no indicator of the design answered %d at %v: %s", r.status, got, r.body)
	}
	expectCode(t, summary(map[string]string{"indicatorId": ind.ID, "achieved": "25"}, map[string]string{"indicatorId": ind.ID, "achieved": "20"}),
		http.StatusUnprocessableEntity, "request.invalid")
	expect(t, summary(map[string]string{"indicatorId": ind.ID, "achieved": "25", "note": "Diukur dari sistem antrean daring."}), http.StatusOK)
	var report struct {
		Outcomes []struct{ IndicatorID, Achieved, Note string }
	}
	expect(t, w.get(projectPath(w, "/report"), w.tokenOf(roleMentor)), http.StatusOK).decode(t, &report)
	if len(report.Outcomes) != 1 || report.Outcomes[0].IndicatorID != ind.ID || report.Outcomes[0].Achieved != "25" {
		t.Fatalf("the report's outcomes are %+v", report.Outcomes)
	}
	text, err := pdftext.Text(expect(t, w.get(projectPath(w, "/report/pages.pdf"), participant), http.StatusOK).body)
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.ReplaceAll(text, " ", "")
	for _, want := range []string{"Capaian Indikator Keberhasilan", ind.Name, strings.TrimSpace(ind.Baseline + " " + ind.Unit), "25 " + ind.Unit} {
		if !strings.Contains(flat, strings.ReplaceAll(want, " ", "")) {
			t.Errorf("the cover lacks %q: %s", want, text)
		}
	}
}
