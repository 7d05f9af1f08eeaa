package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/proper-id/proper/domain"
)

// Every problem says why with a stable code, and words it in English unless
// the request asks for Indonesian with Accept-Language.

func TestAProblemCarriesItsCodeAndIsWordedInTheLanguageAsked(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m := w.draftDesign(t)
	w.bringProjectTo(t, domain.ProjectImplementing)
	submit := func(lang string) problem {
		// A claim without evidence is refused by the state of the milestone.
		res := w.do(request{method: http.MethodPost, path: "/v1/milestones/" + m.ID.String() + "/claim", token: w.tokenOf(roleParticipant),
			header: map[string]string{"Accept-Language": lang}})
		return expect(t, res, http.StatusConflict).problem(t)
	}
	english := submit("")
	if english.Code != string(domain.CodeMilestoneNeedsEvidence) || english.Detail != domain.CodeMilestoneNeedsEvidence.Text(domain.English, nil) {
		t.Errorf("without Accept-Language: %+v", english)
	}
	indonesian := submit("id-ID,id;q=0.9,en;q=0.5")
	if indonesian.Code != english.Code || indonesian.Detail != domain.CodeMilestoneNeedsEvidence.Text(domain.Indonesian, nil) {
		t.Errorf("with Accept-Language: id: %+v", indonesian)
	}
}

func TestASchemaRuleBrokenGivesTheFieldItsCodeAndParameters(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	res := w.do(request{method: http.MethodPatch, path: "/v1/projects/" + w.project().String(), token: w.tokenOf(roleParticipant),
		contentType: "application/merge-patch+json", body: []byte(`{"title": "` + strings.Repeat("a", 1000) + `"}`),
		header: map[string]string{"Accept-Language": "id"}})
	p := expect(t, res, http.StatusUnprocessableEntity).problem(t)
	if p.Code != string(domain.CodeInvalid) || len(p.Errors) != 1 {
		t.Fatalf("problem %+v", p)
	}
	e := p.Errors[0]
	if e.Code != string(domain.CodeFieldTooLong) || e.Location != "body.title" || e.Params["max"] == nil {
		t.Fatalf("field error %+v", e)
	}
	if want := domain.CodeFieldTooLong.Text(domain.Indonesian, domain.Params{"max": e.Params["max"]}); e.Message != want {
		t.Errorf("message %q, want %q", e.Message, want)
	}
}

func TestAMissingPropertyIsNamedAtItsOwnLocation(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	res := w.do(request{method: http.MethodPost, path: "/v1/auth/login", body: map[string]string{"email": "budi@batam.go.id"}})
	p := expect(t, res, http.StatusUnprocessableEntity).problem(t)
	if len(p.Errors) != 1 || p.Errors[0].Code != string(domain.CodeFieldRequired) || p.Errors[0].Location != "body.password" {
		t.Fatalf("problem %+v", p)
	}
}
