package api_test

import (
	"context"
	"sync"
	"testing"

	"github.com/google/uuid"

	openapi_types "github.com/oapi-codegen/runtime/types"
	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/openapi/client"
)

// appealSubjects are the worlds' projects with a released design result,
// for the appeals' rows of the access matrix: one per world.
var appealSubjects sync.Map // *world → domain.Enrollment

// appealSubject is the world's participant's project, in a cohort of its
// own with the world's organizer, coach, mentor and examiner, whose design
// seminar result is determined and released. It is made on first use.
func (w *world) appealSubject(t testing.TB) domain.Enrollment {
	t.Helper()
	if e, ok := appealSubjects.Load(w); ok {
		return e.(domain.Enrollment)
	}
	ctx := context.Background()
	e := w.enrollInNewCohort(t)
	w.bringTo(t, e.ProjectID, domain.ProjectDesignSubmitted)
	ss := w.sessionFor(t, e.ProjectID, domain.SeminarDesign)
	var scores []domain.Score
	for _, c := range domain.DefaultRubrics(uuid.Nil, domain.ProgramPKN2)[0].Criteria {
		scores = append(scores, domain.Score{Criterion: c.Key, Score: 81})
	}
	if _, err := w.projects().RecordAssessment(ctx, w.actor(w.examiner), e.ProjectID, domain.SeminarDesign, scores, ""); err != nil {
		t.Fatal(err)
	}
	organizer := w.actor(w.organizer)
	if _, err := w.cohorts().DetermineSeminarSession(ctx, organizer, e.CohortID, ss.ID); err != nil {
		t.Fatal(err)
	}
	if err := w.cohorts().ReleaseResults(ctx, organizer, e.CohortID, domain.SeminarDesign); err != nil {
		t.Fatal(err)
	}
	appealSubjects.Store(w, e)
	return e
}

// openAppeal is the appeal subject's one open appeal, filed anew by the
// participant.
func (w *world) openAppeal(t testing.TB) (domain.Enrollment, domain.Appeal) {
	t.Helper()
	e := w.appealSubject(t)
	if _, err := w.db.Exec(`DELETE FROM appeals WHERE project_id = ?`, e.ProjectID); err != nil {
		t.Fatal(err)
	}
	a, err := w.projects().FileAppeal(context.Background(), w.actor(w.participant), e.ProjectID, domain.SeminarDesign, "Mohon ditinjau kembali.")
	if err != nil {
		t.Fatal(err)
	}
	return e, a
}

func init() {
	// Roles: admin, organizer, organizer of another cohort, coach, mentor,
	// participant, another participant, user with no role, anonymous; then
	// the coach of another group, another mentor, an examiner. The appeal's
	// cohort has the world's organizer, coach, mentor, participant and
	// examiner, and none of the others.
	decides := func(status int) ([9]int, [3]int) {
		return [9]int{status, status, notFound, forbidden, forbidden, forbidden, notFound, notFound, unauth}, [3]int{notFound, notFound, forbidden}
	}
	type call = func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error)
	rows := map[string]struct {
		call call
		main [9]int
		more [3]int
	}{
		"file-appeal": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			e := w.appealSubject(w.t)
			if _, err := w.db.Exec(`DELETE FROM appeals WHERE project_id = ?`, e.ProjectID); err != nil {
				return response{}, err
			}
			return answer(c.FileAppealWithResponse(ctx, e.ProjectID, nil, client.AppealCreate{Seminar: client.AppealCreateSeminarDesign, Reasons: "Mohon ditinjau kembali."}))
		}, [9]int{created, forbidden, notFound, forbidden, forbidden, created, notFound, notFound, unauth}, [3]int{notFound, notFound, forbidden}},
		"list-project-appeals": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListProjectAppealsWithResponse(ctx, w.appealSubject(w.t).ProjectID))
		}, [9]int{ok, ok, notFound, ok, ok, ok, notFound, notFound, unauth}, [3]int{notFound, notFound, ok}},
		"list-appeals": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListAppealsWithResponse(ctx, w.appealSubject(w.t).CohortID))
		}, [9]int{ok, ok, notFound, ok, forbidden, forbidden, notFound, notFound, unauth}, [3]int{notFound, notFound, ok}},
	}
	assign, assignMore := decides(ok)
	rows["assign-appeal"] = struct {
		call call
		main [9]int
		more [3]int
	}{func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		e, a := w.openAppeal(w.t)
		return answer(c.AssignAppealWithResponse(ctx, e.CohortID, a.ID, client.AppealAssignment{Examiners: []openapi_types.UUID{w.examiner.ID}}))
	}, assign, assignMore}
	closing, closingMore := decides(ok)
	rows["close-appeal"] = struct {
		call call
		main [9]int
		more [3]int
	}{func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		e, a := w.openAppeal(w.t)
		return answer(c.CloseAppealWithResponse(ctx, e.CohortID, a.ID, client.AppealDecision{Decision: client.AppealDecisionDecisionRefused}))
	}, closing, closingMore}
	for op, r := range rows {
		accessMatrix[op] = accessCase{r.call, r.main}
		moreAccess[op] = r.more
	}
}
