package api_test

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/documents/pdftext"
	"github.com/proper-id/proper/domain"
)

// graduationBody is a cohort's graduation as the API answers it, as much as
// tests read.
type graduationBody struct {
	Components []struct {
		Key     string
		Weight  int
		Minimum float64
	}
	Settings struct {
		NamesBestParticipant    bool
		CertificateNumberFormat string
	}
	Standings []struct {
		EnrollmentID  uuid.UUID
		ParticipantID uuid.UUID
		Scores        map[string]float64
		Missing       []string
		Total         float64
		Outcome       string
		Predicate     string
		Rank          int
		Best          bool
		Certificate   *struct{ Number, Status string }
	}
	Determined     bool
	ReleasedAt     *string
	Actions        []string
	RefusedActions []struct{ Action, Code string }
}

// graduationPath is the path of the world's cohort's graduation, with rest.
func graduationPath(w *world, rest string) string {
	return "/v1/cohorts/" + w.cohortA.ID.String() + "/graduation" + rest
}

// graduationOf reads the world's cohort's graduation as token.
func (w *world) graduationOf(t *testing.T, token string) graduationBody {
	t.Helper()
	var g graduationBody
	expect(t, w.get(graduationPath(w, ""), token), http.StatusOK).decode(t, &g)
	return g
}

// bothCompleted completes both projects of the world's cohort: the world's
// examiner scores each final seminar 80 and an organizer determines it.
func (w *world) bothCompleted(t *testing.T) {
	t.Helper()
	w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectCompleted)
	other, project := w.actor(w.otherParticipant), w.otherEnrollment.ProjectID
	title, problem, goal := "Layanan Izin Satu Pintu", "Izin usaha lebih dari 30 hari", "Izin usaha dalam 5 hari kerja"
	if _, err := w.projects().UpdateProject(t.Context(), other, project, domain.ProjectChanges{Title: &title, Problem: &problem, Goal: &goal}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := w.projects().CreateMilestone(t.Context(), other, project, domain.MilestonePlan{Horizon: "short", Title: "Tim terbentuk",
		DueOn: domain.DateOf(time.Now().AddDate(0, 1, 0))}); err != nil {
		t.Fatal(err)
	}
	w.bringTo(t, w.otherEnrollment.ProjectID, domain.ProjectCompleted)
}

func refused(g graduationBody, action, code string) bool {
	return slices.Contains(g.RefusedActions, struct{ Action, Code string }{action, code})
}

// TestGraduationIsComputedFromItsComponentsDeterminedAndReleased walks a
// cohort's graduation: the akademik component is the determined final
// seminar, the others are entered by hand and by CSV (found by NIP, with
// Indonesian decimals), the standings stay pending while a score is
// missing, determination freezes them and release shows each participant
// their own, with the weights.
func TestGraduationIsComputedFromItsComponentsDeterminedAndReleased(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.bothCompleted(t)
	organizer, participant := w.tokenOf(roleOrganizer), w.tokenOf(roleParticipant)
	const otherNIP = "198503202010012003"
	if _, err := w.db.ExecContext(t.Context(), `UPDATE users SET nip = ? WHERE id = ?`, otherNIP, w.otherParticipant.ID); err != nil {
		t.Fatal(err)
	}

	g := w.graduationOf(t, organizer)
	if len(g.Components) != 3 || len(g.Standings) != 2 || g.Standings[0].Outcome != "pending" || g.Standings[0].Scores["akademik"] != 80 ||
		!refused(g, "determine-graduation", "graduation.scores_missing") || !refused(g, "release-graduation", "graduation.not_determined") {
		t.Fatalf("before any score the organizer reads %+v", g)
	}
	if p := w.graduationOf(t, participant); len(p.Components) != 3 || len(p.Standings) != 0 || len(p.Actions) != 0 {
		t.Fatalf("the participant reads %+v before release", p)
	}
	expectCode(t, w.post(graduationPath(w, "/determination"), organizer, nil), http.StatusConflict, "graduation.scores_missing")

	// By hand: akademik is not entered, a score is 0 to 100, the enrollment the cohort's.
	scores := func(entries ...map[string]any) map[string]any { return map[string]any{"scores": entries} }
	entry := func(enrollment uuid.UUID, component string, score any) map[string]any {
		return map[string]any{"enrollmentId": enrollment, "component": component, "score": score}
	}
	p := expectCode(t, w.do(request{method: http.MethodPut, path: graduationPath(w, "/scores"), token: organizer, body: scores(
		entry(w.enrollment.ID, "akademik", 90), entry(w.enrollment.ID, "kehadiran", 100.5), entry(uuid.New(), "sikap_perilaku", 90),
		entry(w.enrollment.ID, "olahraga", 90))}), http.StatusUnprocessableEntity, "request.invalid")
	got := map[string]string{}
	for _, e := range p.Errors {
		got[e.Location] = e.Code
	}
	for location, code := range map[string]string{"body.scores[0].component": "graduation.academic_computed", "body.scores[1].score": "graduation.score_range",
		"body.scores[2].enrollmentId": "graduation.not_enrolled", "body.scores[3].component": "graduation.unknown_component"} {
		if got[location] != code {
			t.Errorf("at %s: %q, want %q (all: %v)", location, got[location], code, got)
		}
	}
	expect(t, w.do(request{method: http.MethodPut, path: graduationPath(w, "/scores"), token: w.tokenOf(roleCoach), body: scores(
		entry(w.enrollment.ID, "kehadiran", 100))}), http.StatusForbidden)
	expect(t, w.do(request{method: http.MethodPut, path: graduationPath(w, "/scores"), token: organizer, body: scores(
		entry(w.enrollment.ID, "sikap_perilaku", 90), entry(w.enrollment.ID, "kehadiran", 100))}), http.StatusOK)

	// By CSV: an unknown NIP and a bad score are named by row and column.
	csv := func(text string) request {
		return request{method: http.MethodPost, path: graduationPath(w, "/scores"), token: organizer, body: []byte(text)}
	}
	p = expectCode(t, w.do(csv("\ufeffNIP;Sikap Perilaku;Kehadiran\n199001012015011001;80;90\n"+otherNIP+";abc;90\n")), http.StatusUnprocessableEntity, "request.invalid")
	got = map[string]string{}
	for _, e := range p.Errors {
		got[e.Location] = e.Code
	}
	if got["body.rows[2].nip"] != "graduation.unknown_nip" || got["body.rows[3].Sikap Perilaku"] != "graduation.score_range" {
		t.Fatalf("a bad sheet answered %v", got)
	}
	expectCode(t, w.do(csv("nip,akademik\n"+otherNIP+",99\n")), http.StatusUnprocessableEntity, "request.invalid")
	expect(t, w.do(csv("NIP;Sikap Perilaku;Kehadiran\n"+otherNIP+";85,5;90\n")), http.StatusOK)

	// 18 + 56 + 10 = 84 and 17.1 + 56 + 9 = 82.1: both Memuaskan, ranked.
	expect(t, w.patch(graduationPath(w, ""), organizer, map[string]any{"namesBestParticipant": true, "signatoryName": "Dr. Muhammad Taufiq, DEA",
		"signatoryPosition": "Deputi Bidang Penyelenggaraan Pengembangan Kompetensi"}, nil), http.StatusOK)
	g = w.graduationOf(t, organizer)
	if len(g.Standings) != 2 || g.Standings[0].ParticipantID != w.participant.ID || g.Standings[0].Total != 84 || g.Standings[0].Outcome != "lulus" ||
		g.Standings[0].Predicate != "memuaskan" || g.Standings[0].Rank != 1 || !g.Standings[0].Best ||
		g.Standings[1].Total != 82.1 || g.Standings[1].Rank != 2 || g.Standings[1].Best || !slices.Contains(g.Actions, "determine-graduation") {
		t.Fatalf("the standings are %+v", g.Standings)
	}

	// Determined: frozen.
	expect(t, w.post(graduationPath(w, "/release"), organizer, nil), http.StatusConflict)
	expect(t, w.post(graduationPath(w, "/determination"), w.tokenOf(roleCoach), nil), http.StatusForbidden)
	expect(t, w.post(graduationPath(w, "/determination"), organizer, nil), http.StatusOK).decode(t, &g)
	if !g.Determined || g.Standings[0].Total != 84 || !refused(g, "record-graduation-scores", "graduation.determined") {
		t.Fatalf("determined: %+v", g)
	}
	expectCode(t, w.do(request{method: http.MethodPut, path: graduationPath(w, "/scores"), token: organizer, body: scores(
		entry(w.enrollment.ID, "kehadiran", 10))}), http.StatusConflict, "graduation.determined")
	expectCode(t, w.do(csv("nip;kehadiran\n"+otherNIP+";10\n")), http.StatusConflict, "graduation.determined")
	expectCode(t, w.patch(graduationPath(w, ""), organizer, map[string]any{"namesBestParticipant": false}, nil), http.StatusConflict, "graduation.determined")
	expectCode(t, w.post(graduationPath(w, "/determination"), organizer, nil), http.StatusConflict, "graduation.determined")
	if p := w.graduationOf(t, participant); len(p.Standings) != 0 {
		t.Fatalf("the participant reads %+v before release", p.Standings)
	}

	// Released: each participant reads their own standing and the weights.
	expect(t, w.post(graduationPath(w, "/release"), organizer, nil), http.StatusOK)
	expectCode(t, w.post(graduationPath(w, "/release"), organizer, nil), http.StatusConflict, "graduation.released")
	mine := w.graduationOf(t, participant)
	if len(mine.Standings) != 1 || mine.Standings[0].ParticipantID != w.participant.ID || mine.Standings[0].Total != 84 ||
		mine.Components[0].Weight != 20 || mine.ReleasedAt == nil {
		t.Fatalf("the participant reads %+v", mine)
	}
	if other := w.graduationOf(t, w.tokenOf(roleOtherParticipant)); len(other.Standings) != 1 || other.Standings[0].Total != 82.1 {
		t.Fatalf("the other participant reads %+v", other.Standings)
	}
	if mentor := w.graduationOf(t, w.tokenOf(roleMentor)); len(mentor.Standings) != 0 {
		t.Fatalf("the mentor reads %+v", mentor.Standings)
	}
	w.certificatesVerifyAndOneIsRevoked(t, mine.Standings[0].Certificate)
}

// certificatesVerifyAndOneIsRevoked: the released graduation issued the
// graduate's certificate, numbered by the cohort's format in rank order;
// anyone verifies it by its number (escaped slashes and all), its PDF
// reads its number, name, program, kualifikasi, signatory and verification
// address; an organizer revokes it with a reason, once, and the
// verification says so.
func (w *world) certificatesVerifyAndOneIsRevoked(t *testing.T, cert *struct{ Number, Status string }) {
	t.Helper()
	year := strconv.Itoa(time.Now().In(domain.WIB).Year())
	if cert == nil || cert.Number != "PKN-II/"+year+"/0001" || cert.Status != "valid" {
		t.Fatalf("the graduate's certificate is %+v", cert)
	}
	verify := "/v1/certificates/" + url.PathEscape(cert.Number)
	var v struct{ Number, Status, Name, Predicate, Program, SignatoryName string }
	expect(t, w.get(verify, ""), http.StatusOK).decode(t, &v)
	if v.Number != cert.Number || v.Status != "valid" || v.Name != w.participant.Name || v.Predicate != "memuaskan" || v.Program != "pkn2" ||
		v.SignatoryName != "Dr. Muhammad Taufiq, DEA" {
		t.Fatalf("the verification shows %+v", v)
	}
	expectCode(t, w.get("/v1/certificates/"+url.PathEscape("PKN-II/"+year+"/9999"), ""), http.StatusNotFound, "resource.not_found")

	pdfPath := "/v1/enrollments/" + w.enrollment.ID.String() + "/certificate.pdf"
	expect(t, w.get(pdfPath, w.tokenOf(roleOtherParticipant)), http.StatusNotFound)
	expect(t, w.get(pdfPath, w.tokenOf(roleMentor)), http.StatusForbidden)
	expect(t, w.get(pdfPath, w.tokenOf(roleOrganizer)), http.StatusOK)
	r := expect(t, w.get(pdfPath, w.tokenOf(roleParticipant)), http.StatusOK)
	text, err := pdftext.Text(r.body)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"SERTIFIKAT", "Nomor: " + cert.Number, w.participant.Name, "Pelatihan Kepemimpinan Nasional Tingkat II",
		"Memuaskan (Peserta Terbaik)", "Dr. Muhammad Taufiq, DEA", "Deputi Bidang Penyelenggaraan", "/v1/certificates/PKN-II%2F" + year + "%2F0001"} {
		if !strings.Contains(text, want) {
			t.Errorf("the certificate's text lacks %q:\n%s", want, text)
		}
	}

	revoke := "/v1/enrollments/" + w.enrollment.ID.String() + "/certificate/revocation"
	expect(t, w.post(revoke, w.tokenOf(roleParticipant), map[string]any{"reason": "Plagiasi"}), http.StatusForbidden)
	expectCode(t, w.post(revoke, w.tokenOf(roleOrganizer), map[string]any{"reason": " "}), http.StatusUnprocessableEntity, "request.invalid")
	expect(t, w.post(revoke, w.tokenOf(roleOrganizer), map[string]any{"reason": "Peserta terbukti melakukan plagiasi"}), http.StatusOK)
	expectCode(t, w.post(revoke, w.tokenOf(roleOrganizer), map[string]any{"reason": "Lagi"}), http.StatusConflict, "certificate.revoked")
	expect(t, w.get(verify, ""), http.StatusOK).decode(t, &v)
	if v.Status != "revoked" {
		t.Fatalf("a revoked certificate verifies as %+v", v)
	}
	var other graduationBody
	expect(t, w.get(graduationPath(w, ""), w.tokenOf(roleOrganizer)), http.StatusOK).decode(t, &other)
	if c := other.Standings[1].Certificate; c == nil || c.Number != "PKN-II/"+year+"/0002" || c.Status != "valid" ||
		other.Standings[0].Certificate.Status != "revoked" {
		t.Fatalf("the organizer reads the certificates %+v, %+v", other.Standings[0].Certificate, other.Standings[1].Certificate)
	}
}

// TestACertificateNumberFormatWithoutItsSequenceIsRefused at its field.
func TestACertificateNumberFormatWithoutItsSequenceIsRefused(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	p := expectCode(t, w.patch(graduationPath(w, ""), w.tokenOf(roleOrganizer), map[string]any{"certificateNumberFormat": "{program}/{year}"}, nil),
		http.StatusUnprocessableEntity, "request.invalid")
	if len(p.Errors) != 1 || p.Errors[0].Location != "body.certificateNumberFormat" || p.Errors[0].Code != "graduation.number_format" {
		t.Fatalf("a format without its sequence: %+v", p.Errors)
	}
}
