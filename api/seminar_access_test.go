package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/oapi-codegen/nullable"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/openapi/client"
)

// cohortSession is the world's cohort's design session for the access
// matrix: the other participant presents in it before the world's
// examiner, and nobody has scored yet. It is made on first use.
func (w *world) cohortSession(t testing.TB) domain.SeminarSession {
	t.Helper()
	ctx := context.Background()
	if ss, err := w.store.Seminars().OfProject(ctx, w.otherEnrollment.ProjectID, domain.SeminarDesign); err == nil {
		return ss
	}
	ss, err := w.cohorts().CreateSeminarSession(ctx, w.admin, domain.SessionPlan{CohortID: w.cohortA.ID, Seminar: "design",
		HeldOn: seminarDay(t, w.cohortA, domain.SeminarDesign), Room: "Ruang Seminar 3",
		Participants: []uuid.UUID{w.otherEnrollment.ID}, Examiners: []uuid.UUID{w.examiner.ID}})
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

func init() {
	// Roles: admin, organizer, organizer of another cohort, coach, mentor,
	// participant, another participant, user with no role, anonymous; then
	// the coach of another group, another mentor, an examiner.
	reads := [9]int{ok, ok, notFound, ok, forbidden, forbidden, forbidden, notFound, unauth}
	readsMore := [3]int{ok, forbidden, ok}
	manages := func(status int) [9]int {
		return [9]int{status, status, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}
	}
	managesMore := [3]int{forbidden, forbidden, forbidden}
	conflict := http.StatusConflict
	type call = func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error)
	rows := map[string]struct {
		call call
		main [9]int
		more [3]int
	}{
		"list-seminar-sessions": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListSeminarSessionsWithResponse(ctx, w.cohortA.ID, nil))
		}, reads, readsMore},
		"get-seminar-session": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.GetSeminarSessionWithResponse(ctx, w.cohortA.ID, w.cohortSession(w.t).ID))
		}, reads, readsMore},
		"create-seminar-session": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			room := "Aula Utama"
			return answer(c.CreateSeminarSessionWithResponse(ctx, w.cohortA.ID, nil, client.SeminarSessionCreate{Seminar: client.SeminarSessionCreateSeminarFinal,
				Date: openapi_types.Date{Time: seminarDay(w.t, w.cohortA, domain.SeminarFinal).Time()}, Room: &room}))
		}, manages(created), managesMore},
		"update-seminar-session": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.UpdateSeminarSessionWithApplicationMergePatchPlusJSONBodyWithResponse(ctx, w.cohortA.ID, w.cohortSession(w.t).ID, nil,
				client.SeminarSessionPatch{Room: nullable.NewNullableWithValue("Ruang Seminar 4")}))
		}, manages(ok), managesMore},
		"add-session-participant": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.AddSessionParticipantWithResponse(ctx, w.cohortA.ID, w.cohortSession(w.t).ID, w.otherEnrollment.ID))
		}, manages(ok), managesMore},
		"remove-session-participant": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			ss := w.cohortSession(w.t)
			if _, err := w.cohorts().AddSessionParticipant(ctx, w.admin, w.cohortA.ID, ss.ID, w.enrollment.ID); err != nil {
				return response{}, err
			}
			return answer(c.RemoveSessionParticipantWithResponse(ctx, w.cohortA.ID, ss.ID, w.enrollment.ID))
		}, manages(ok), managesMore},
		"add-session-examiner": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.AddSessionExaminerWithResponse(ctx, w.cohortA.ID, w.cohortSession(w.t).ID, w.examiner.ID))
		}, manages(ok), managesMore},
		"remove-session-examiner": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			ss := w.cohortSession(w.t)
			if _, err := w.cohorts().AddSessionExaminer(ctx, w.admin, w.cohortA.ID, ss.ID, w.examiner.ID); err != nil {
				return response{}, err
			}
			return answer(c.RemoveSessionExaminerWithResponse(ctx, w.cohortA.ID, ss.ID, w.examiner.ID))
		}, manages(ok), managesMore},
		"open-seminar-session": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			ss := w.cohortSession(w.t) // closed again before each call
			if _, err := w.db.ExecContext(ctx, `UPDATE seminar_sessions SET opened_early_at = NULL, opened_early_by = NULL WHERE id = ?`, ss.ID); err != nil {
				return response{}, err
			}
			return answer(c.OpenSeminarSessionWithResponse(ctx, w.cohortA.ID, ss.ID))
		}, manages(ok), managesMore},
		// Nobody has scored: those who may determine are told so.
		"determine-seminar-session": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.DetermineSeminarSessionWithResponse(ctx, w.cohortA.ID, w.cohortSession(w.t).ID))
		}, manages(conflict), managesMore},
		"determine-cohort-results": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			w.cohortSession(w.t)
			return answer(c.DetermineCohortResultsWithResponse(ctx, w.cohortA.ID, client.DetermineCohortResultsParamsSeminarDesign))
		}, manages(conflict), managesMore},
		"list-my-seminar-sessions": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListMySeminarSessionsWithResponse(ctx))
		}, [9]int{ok, ok, ok, ok, ok, ok, ok, ok, unauth}, [3]int{ok, ok, ok}},
		// Scoring a project of another cohort of the same people, presented
		// in a session where the world's examiner is assigned: only they
		// score it; a platform admin is assigned nowhere.
		"record-assessment": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			project := w.spareProjectIn(w.t, domain.ProjectDesignSubmitted)
			w.sessionFor(w.t, project, domain.SeminarDesign)
			return answer(c.RecordAssessmentWithResponse(ctx, project, nil, designAssessment(87)))
		}, [9]int{forbidden, forbidden, notFound, forbidden, forbidden, forbidden, notFound, notFound, unauth}, [3]int{notFound, notFound, created}},
		// A cohort's graduation: everyone in the cohort reads its rules;
		// organizers change it (nobody has every score yet).
		"get-graduation": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.GetGraduationWithResponse(ctx, w.cohortA.ID))
		}, [9]int{ok, ok, notFound, ok, ok, ok, ok, notFound, unauth}, [3]int{ok, ok, ok}},
		"update-graduation": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.UpdateGraduationWithApplicationMergePatchPlusJSONBodyWithResponse(ctx, w.cohortA.ID, nil,
				client.GraduationSettingsPatch{NamesBestParticipant: nullable.NewNullableWithValue(true)}))
		}, manages(ok), managesMore},
		"record-graduation-scores": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			score := nullable.NewNullableWithValue(90.0)
			return answer(c.RecordGraduationScoresWithResponse(ctx, w.cohortA.ID, client.GraduationScores{Scores: []client.GraduationScoreEntry{
				{EnrollmentId: w.enrollment.ID, Component: "kehadiran", Score: score}}}))
		}, manages(ok), managesMore},
		"import-graduation-scores": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ImportGraduationScoresWithBodyWithResponse(ctx, w.cohortA.ID, "text/csv", strings.NewReader("nip;kehadiran\n")))
		}, manages(ok), managesMore},
		// No certificate is issued in the world: the verification and the
		// download find none, revoking finds none either.
		"verify-certificate": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.VerifyCertificateWithResponse(ctx, "PKN-II-2026-0001"))
		}, [9]int{notFound, notFound, notFound, notFound, notFound, notFound, notFound, notFound, notFound}, [3]int{notFound, notFound, notFound}},
		"download-certificate": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.DownloadCertificateWithResponse(ctx, w.enrollment.ID))
		}, [9]int{notFound, notFound, notFound, forbidden, forbidden, notFound, notFound, notFound, unauth}, [3]int{notFound, notFound, forbidden}},
		"revoke-certificate": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.RevokeCertificateWithResponse(ctx, w.enrollment.ID, client.CertificateRevocation{Reason: "Plagiasi"}))
		}, [9]int{notFound, notFound, notFound, forbidden, forbidden, forbidden, notFound, notFound, unauth}, [3]int{notFound, notFound, forbidden}},
		// Nobody has every score: those who may determine are told so.
		"determine-graduation": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.DetermineGraduationWithResponse(ctx, w.cohortA.ID))
		}, manages(conflict), managesMore},
		"release-graduation": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ReleaseGraduationWithResponse(ctx, w.cohortA.ID))
		}, manages(conflict), managesMore},
	}
	for op, r := range rows {
		accessMatrix[op] = accessCase{r.call, r.main}
		moreAccess[op] = r.more
	}
}
