package api_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// TestTheShowcaseShowsNoPrivateField fills every private field of a
// project, its people, its cohort and its workflow with a distinctive
// marker, publishes the project with one public evidence, and reads every
// public answer the showcase gives, searches for each marker included:
// no marker may appear.
func TestTheShowcaseShowsNoPrivateField(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.milestone = w.draftDesign(t) // the design's private fields are filled below, while it is a draft
	ctx := context.Background()
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	markers := map[string]string{}
	mark := func(field string) string {
		m := "Rahasia"
		for _, w := range strings.Fields(field) {
			m += strings.ToUpper(w[:1]) + w[1:]
		}
		m += "Qz"
		markers[field] = m
		return m
	}

	// The design.
	background, goal, benefits, scope := mark("background"), mark("goal"), mark("benefits"), mark("scope")
	stakeholders := []domain.Stakeholder{{Name: mark("stakeholder"), Kind: domain.StakeholderExternal, Power: domain.LevelHigh, Interest: domain.LevelLow}}
	must(w.projects().UpdateProject(ctx, w.actor(w.participant), w.project(), domain.ProjectChanges{Background: &background, Goal: &goal,
		Benefits: &benefits, Scope: &scope, Stakeholders: &stakeholders}, nil))
	// The design seminar's score, while the design is at its seminar.
	w.bringProjectTo(t, domain.ProjectDesignSubmitted)
	w.sessionFor(t, w.project(), domain.SeminarDesign)
	var scores []domain.Score
	for _, c := range domain.DefaultRubrics(w.cohortA.ID, domain.ProgramPKN2)[0].Criteria {
		scores = append(scores, domain.Score{Criterion: c.Key, Score: 73.7})
	}
	must(w.projects().RecordAssessment(ctx, w.actor(w.examiner), w.project(), domain.SeminarDesign, scores, mark("assessment comment")))
	markers["predicate"] = string(domain.PredicateCukupMemuaskan)
	w.bringProjectTo(t, domain.ProjectImplementing)
	w.submitFileEvidence(t)
	w.db.Exec(`UPDATE projects SET revision_comment = ? WHERE id = ?`, mark("revision comment"), w.project())

	// The people: participant, mentor, coach, and the cohort.
	nips := []string{"197901152005011003", "196803221993031004", "197105092000121005"}
	markers["participant nip"], markers["mentor nip"], markers["coach nip"] = nips[0], nips[1], nips[2]
	for i, u := range []struct {
		user domain.User
		role string
	}{{w.participant, "participant"}, {w.mentor, "mentor"}, {w.coach, "coach"}} {
		name, email, position, rank := mark(u.role+" name"), strings.ToLower(mark(u.role+" email"))+"@batam.go.id", mark(u.role+" position"), mark(u.role+" rank")
		markers[u.role+" email"] = email
		must(w.directory().UpdateUser(ctx, w.admin, u.user.ID, domain.UserChanges{Name: &name, Email: &email, NIP: &nips[i], Position: &position, Rank: &rank}, nil))
	}
	cohortName, group := mark("cohort name"), mark("group")
	must(w.cohorts().UpdateCohort(ctx, w.admin, w.cohortA.ID, domain.CohortChanges{Name: &cohortName}, nil))
	w.db.Exec(`UPDATE enrollments SET group_name = ? WHERE id = ?`, group, w.enrollment.ID)

	// The workflow: milestones, evidence, reviews, coaching notes, scores.
	description := mark("milestone description")
	activities := []domain.Activity{{Title: mark("activity"), Output: mark("activity output")}}
	withActivity, err := w.projects().UpdateMilestone(ctx, w.actor(w.participant), w.milestone.ID, domain.MilestoneChanges{Description: &description, Activities: &activities}, nil)
	must(withActivity, err)
	activity := withActivity.Activities[0].ID
	open, err := w.addMilestone(t, w.project(), domain.MilestonePlan{Horizon: "mid", Title: mark("open milestone"),
		Description: mark("open milestone description"), DueOn: domain.DateOf(time.Now().AddDate(1, 0, 0))})
	must(open, err)
	private, err := w.projects().SubmitEvidence(ctx, w.actor(w.participant), w.milestone.ID, domain.EvidenceDraft{ActivityID: &activity, Title: mark("private evidence"),
		Description: mark("private evidence description"), URL: "https://batam.go.id/" + mark("private evidence url")})
	must(private, err)
	must(w.projects().ReviewEvidence(ctx, w.actor(w.mentor), private.ID, domain.EvidenceApprove, ""))
	rejected, err := w.projects().SubmitEvidence(ctx, w.actor(w.participant), open.ID, domain.EvidenceDraft{Title: mark("rejected evidence"), URL: "https://batam.go.id/x"})
	must(rejected, err)
	must(w.projects().ReviewEvidence(ctx, w.actor(w.mentor), rejected.ID, domain.EvidenceReject, mark("rejection comment")))
	must(w.projects().ReviewEvidence(ctx, w.actor(w.mentor), w.fileEvidence.ID, domain.EvidenceApprove, ""))
	must(w.projects().ClaimMilestone(ctx, w.actor(w.participant), w.milestone.ID))
	must(w.projects().VerifyMilestone(ctx, w.actor(w.mentor), w.milestone.ID, domain.VerifyApprove, mark("verification comment"), mark("missing evidence reason")))
	must(w.projects().AddCoachingNote(ctx, w.actor(w.coach), w.project(), domain.DateOf(time.Now()), mark("coaching topic"), mark("coaching notes")))

	pub, _, err := w.showcase().Publish(ctx, w.actor(w.participant), w.project(), domain.PublicationDraft{
		Innovation: "Nomor antrean daring lewat WhatsApp", PublicEvidence: []uuid.UUID{w.fileEvidence.ID}})
	must(pub, err)

	// Every public answer, including searches for each marker.
	entry := "/v1/showcase/" + pub.ID.String()
	paths := []string{"/v1/showcase", "/v1/showcase?q=antrean", "/v1/showcase?q=adminduk&limit=1", entry,
		entry + "/evidence/" + w.fileEvidence.ID.String() + "/content", entry + "/evidence/" + private.ID.String() + "/content",
		entry + "/evidence/" + rejected.ID.String() + "/content"}
	for _, m := range markers {
		paths = append(paths, "/v1/showcase?q="+url.QueryEscape(m), "/v1/showcase?q="+url.QueryEscape(strings.ToLower(m[:len(m)-3])))
	}
	found := 0
	for _, path := range paths {
		r := w.get(path, "")
		if r.status != http.StatusOK && r.status != http.StatusNotFound {
			t.Fatalf("%s answered %d: %s", path, r.status, r.body)
		}
		answer := strings.ToLower(fmt.Sprint(r.header) + string(r.body))
		for field, m := range markers {
			if strings.Contains(answer, strings.ToLower(m)) {
				t.Errorf("%s shows the %s: %s", path, field, r.body)
			}
		}
		// Any word finds, so an e-mail address finds its agency's city; the
		// private marker itself must match nothing.
		if strings.HasPrefix(path, "/v1/showcase?q=rahasia") && strings.Contains(answer, `"term":"rahasia`) {
			t.Errorf("%s finds something: %s", path, r.body)
		}
		if strings.Contains(answer, pub.ID.String()) {
			found++
		}
	}
	if found < 4 {
		t.Fatalf("the publication itself is in only %d answers: the test reads nothing", found)
	}

	// What the entry does show: the achieved milestone and the public evidence only.
	var e struct {
		Milestones []struct{ Title, Horizon, AchievedOn string }
		Evidence   []struct{ ID uuid.UUID }
	}
	expect(t, w.get(entry, ""), http.StatusOK).decode(t, &e)
	if len(e.Milestones) != 1 || e.Milestones[0].Title != w.milestone.Title || e.Milestones[0].AchievedOn != domain.DateOf(time.Now()).String() ||
		len(e.Evidence) != 1 || e.Evidence[0].ID != w.fileEvidence.ID {
		t.Errorf("entry %+v", e)
	}
}
