package api_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/proper-id/proper/domain"
)

func TestTheParticipantStartsAPlannedMilestoneOnceTheDesignIsApproved(t *testing.T) {
	w := newWorld(t)
	milestone := w.draftDesign(t)
	token := w.token(w.participant.ID)
	start := "/v1/milestones/" + milestone.ID.String() + "/start"

	var offer offeredBody
	expect(t, w.get("/v1/milestones/"+milestone.ID.String(), token), http.StatusOK).decode(t, &offer)
	if slices.Contains(offer.Actions, "start-milestone") {
		t.Errorf("start-milestone offered before the design is approved: %v", offer.Actions)
	}
	if p := expect(t, w.post(start, token, nil), http.StatusConflict).problem(t); p.Code != string(domain.CodeMilestoneStartBeforeApproval) {
		t.Errorf("code %q, want %s", p.Code, domain.CodeMilestoneStartBeforeApproval)
	}

	w.bringProjectTo(t, domain.ProjectImplementing)
	expect(t, w.get("/v1/milestones/"+milestone.ID.String(), token), http.StatusOK).decode(t, &offer)
	if !slices.Contains(offer.Actions, "start-milestone") {
		t.Fatalf("start-milestone not offered on a planned milestone of an approved design: %v", offer.Actions)
	}
	expect(t, w.post(start, w.tokenOf(roleMentor), nil), http.StatusForbidden)

	var started struct {
		Status         string   `json:"status"`
		Actions        []string `json:"actions"`
		RefusedActions []struct {
			Action string `json:"action"`
			Code   string `json:"code"`
		} `json:"refusedActions"`
	}
	expect(t, w.post(start, token, nil), http.StatusOK).decode(t, &started)
	if started.Status != "in_progress" || slices.Contains(started.Actions, "start-milestone") {
		t.Errorf("after starting: %+v", started)
	}
	if p := expect(t, w.post(start, token, nil), http.StatusConflict).problem(t); p.Code != string(domain.CodeMilestoneAlreadyStarted) {
		t.Errorf("starting twice: code %q, want %s", p.Code, domain.CodeMilestoneAlreadyStarted)
	}
	timeline := expect(t, w.get("/v1/projects/"+w.project().String()+"/timeline", token), http.StatusOK)
	if !strings.Contains(string(timeline.body), `"milestone.started"`) {
		t.Errorf("no milestone.started event: %s", timeline.body)
	}
}
