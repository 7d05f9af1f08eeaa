package api_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// offeredBody is the part of an answer that says what the caller may do.
type offeredBody struct {
	Actions        []string `json:"actions"`
	RefusedActions []struct {
		Action string         `json:"action"`
		Code   string         `json:"code"`
		Params map[string]any `json:"params"`
	} `json:"refusedActions"`
}

func TestEveryOfferedOperationIsAnOperationOfTheSpec(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	var spec struct {
		Paths map[string]map[string]struct {
			OperationID string `json:"operationId"`
		} `json:"paths"`
	}
	expect(t, a.get("/openapi.json", ""), http.StatusOK).decode(t, &spec)
	var ids []string
	for _, item := range spec.Paths {
		for _, op := range item {
			ids = append(ids, op.OperationID)
		}
	}
	for _, op := range domain.OfferedOperations() {
		if !slices.Contains(ids, string(op)) {
			t.Errorf("%s is offered but the spec has no such operation", op)
		}
	}
}

// refusedCall is how a test performs a refused operation on a resource.
type refusedCall struct {
	method, path string
	body         any
	contentType  string
}

// projectCalls performs each operation of a project that has no other
// input than a simple body.
func projectCalls(project uuid.UUID) map[string]refusedCall {
	p := "/v1/projects/" + project.String()
	return map[string]refusedCall{
		"update-project":   {http.MethodPatch, p, map[string]any{"title": "Judul baru"}, ""},
		"submit-design":    {http.MethodPost, p + "/design/submit", nil, ""},
		"create-milestone": {http.MethodPost, p + "/milestones", map[string]any{"horizon": "mid", "title": "Replikasi", "dueOn": "2028-01-31"}, ""},
		"create-change-request": {http.MethodPost, p + "/change-requests", map[string]any{"reason": "Target dipertajam",
			"changes": map[string]any{"goal": "Waktu tunggu di bawah 20 menit"}}, ""},
		"review-design":        {http.MethodPost, p + "/design/reviews", map[string]any{"decision": "approve"}, ""},
		"start-implementation": {http.MethodPost, p + "/implementation/start", nil, ""},
		"submit-final":         {http.MethodPost, p + "/final/submit", nil, ""},
		"publish-project":      {http.MethodPost, p + "/publication", map[string]any{"innovation": "Antrean daring melalui WhatsApp."}, ""},
	}
}

// milestoneCalls performs each operation of a milestone.
func milestoneCalls(t *testing.T, milestone uuid.UUID) map[string]refusedCall {
	m := "/v1/milestones/" + milestone.String()
	form, contentType := multipartForm(t, map[string]string{"title": "Notula", "url": "https://batam.go.id/notula"}, "", nil)
	return map[string]refusedCall{
		"update-milestone": {http.MethodPatch, m, map[string]any{"title": "Judul baru"}, ""},
		"delete-milestone": {http.MethodDelete, m, nil, ""},
		"start-milestone":  {http.MethodPost, m + "/start", nil, ""},
		"claim-milestone":  {http.MethodPost, m + "/claim", nil, ""},
		"verify-milestone": {http.MethodPost, m + "/verification", map[string]any{"decision": "approve"}, ""},
		"submit-evidence":  {http.MethodPost, m + "/evidence", form, contentType},
	}
}

// checkRefusalsAreWhatTheOperationsAnswer reads a resource as the holder
// of token, and performs every operation it refuses: each must answer 409
// with the very code the refusal gave. It returns what was offered.
func checkRefusalsAreWhatTheOperationsAnswer(t *testing.T, w *world, token, resource string, calls map[string]refusedCall) offeredBody {
	t.Helper()
	var offer offeredBody
	expect(t, w.get(resource, token), http.StatusOK).decode(t, &offer)
	for _, r := range offer.RefusedActions {
		if slices.Contains(offer.Actions, r.Action) {
			continue // a variant refused, the operation allowed: the domain's tests cover it
		}
		call, ok := calls[r.Action]
		if !ok {
			t.Fatalf("no call for refused %s", r.Action)
		}
		answer := w.do(request{method: call.method, path: call.path, token: token, body: call.body, contentType: call.contentType})
		if answer.status != http.StatusConflict || answer.problem(t).Code != r.Code {
			t.Errorf("%s on %s was refused with %s, but it answers %d %s", r.Action, resource, r.Code, answer.status, answer.body)
		}
	}
	return offer
}

func TestWhatAProjectRefusesIsWhatItsOperationsAnswer(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for _, status := range []domain.ProjectStatus{domain.ProjectDraft, domain.ProjectDesignSubmitted, domain.ProjectDesignApproved,
		domain.ProjectImplementing, domain.ProjectFinalSubmitted, domain.ProjectCompleted} {
		t.Run(string(status), func(t *testing.T) {
			project := w.spareProjectIn(t, status)
			for _, who := range []domain.User{w.participant, w.mentor, w.coach} {
				offer := checkRefusalsAreWhatTheOperationsAnswer(t, w, w.token(who.ID), "/v1/projects/"+project.String(), projectCalls(project))
				if len(offer.Actions)+len(offer.RefusedActions) == 0 {
					t.Errorf("%s is offered nothing on a %s project", who.Name, status)
				}
			}
		})
	}
}

func TestWhatAMilestoneRefusesIsWhatItsOperationsAnswer(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	project := w.spareProjectIn(t, domain.ProjectImplementing)
	plan := func(title string) uuid.UUID {
		m, err := w.addMilestone(t, project, domain.MilestonePlan{Horizon: "mid", Title: title,
			DueOn: domain.DateOf(time.Now().AddDate(1, 0, 0))})
		if err != nil {
			t.Fatal(err)
		}
		return m.ID
	}
	planned, rejected, waiting, achieved := plan("Direncanakan"), plan("Bukti ditolak"), plan("Menunggu verifikasi"), plan("Tercapai")
	w.rejectEvidence(t, w.linkEvidence(t, rejected).ID)
	w.linkEvidence(t, waiting)
	w.claimMilestone(t, waiting)
	w.achieveMilestone(t, achieved)
	for name, id := range map[string]uuid.UUID{"planned": planned, "rejected": rejected, "waiting": waiting, "achieved": achieved} {
		for _, who := range []domain.User{w.participant, w.mentor} {
			t.Run(fmt.Sprintf("%s/%s", name, who.Name), func(t *testing.T) {
				checkRefusalsAreWhatTheOperationsAnswer(t, w, w.token(who.ID), "/v1/milestones/"+id.String(), milestoneCalls(t, id))
			})
		}
	}
	// The mentor is told why the waiting milestone cannot be approved yet.
	var offer offeredBody
	expect(t, w.get("/v1/milestones/"+waiting.String(), w.token(w.mentor.ID)), http.StatusOK).decode(t, &offer)
	if !slices.Contains(offer.Actions, "verify-milestone") || len(offer.RefusedActions) != 1 || offer.RefusedActions[0].Code != "milestone.evidence_pending" {
		t.Fatalf("the mentor is offered %+v", offer)
	}
	answer := w.post("/v1/milestones/"+waiting.String()+"/verification", w.token(w.mentor.ID), map[string]any{"decision": "approve"})
	if answer.status != http.StatusConflict || answer.problem(t).Code != "milestone.evidence_pending" {
		t.Fatalf("approving it answers %d %s", answer.status, answer.body)
	}
}
