package api_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/openapi/client"
)

// TestOtherCohortsIdsAreInvisibleEverywhere takes every operation of the
// access matrix, puts the ids of another cohort's objects (its cohort,
// enrollment, project, milestone, evidence) in the path, and calls it as
// the people of this cohort: each answer is a 404 exactly like the one for
// an id that does not exist.
func TestOtherCohortsIdsAreInvisibleEverywhere(t *testing.T) {
	longSequential(t)
	t.Parallel()
	w := newWorld(t)
	w.arrangeWorkflow(t)
	ctx := context.Background()

	// The other cohort's participant, with a project, a milestone and evidence.
	organizerB := w.actor(w.otherOrganizer)
	participantB, mentorB := w.user("Peserta Angkatan Lain"), w.user("Mentor Angkatan Lain")
	enrollmentB, err := w.cohorts().Enroll(ctx, organizerB, w.cohortB.ID, domain.EnrollmentPlan{ParticipantID: participantB.ID, MentorID: mentorB.ID})
	if err != nil {
		t.Fatal(err)
	}
	actorB := w.actor(participantB)
	title, problem, goal := "Rahasia", "Rahasia", "Rahasia"
	if _, err := w.projects().UpdateProject(ctx, actorB, enrollmentB.ProjectID, domain.ProjectChanges{Title: &title, Problem: &problem, Goal: &goal}, nil); err != nil {
		t.Fatal(err)
	}
	milestoneB, err := w.projects().CreateMilestone(ctx, actorB, enrollmentB.ProjectID, domain.MilestonePlan{Horizon: "short", Title: "Rahasia", DueOn: domain.DateOf(time.Now())})
	if err != nil {
		t.Fatal(err)
	}
	w.bringTo(t, enrollmentB.ProjectID, domain.ProjectImplementing)
	evidenceB, err := w.projects().SubmitEvidence(ctx, actorB, milestoneB.ID, domain.EvidenceDraft{Title: "Rahasia", URL: "https://example.go.id"})
	if err != nil {
		t.Fatal(err)
	}
	transferB, err := w.cohorts().ProposeMentorTransfer(ctx, actorB, enrollmentB.ID, domain.ProposedMentor{ID: w.user("Mentor Baru Angkatan Lain").ID}, "")
	if err != nil {
		t.Fatal(err)
	}
	w.pendingTransfer()
	theirs := map[string]string{
		w.transfer.ID.String(): transferB.ID.String(),
		w.cohortA.ID.String():  w.cohortB.ID.String(), w.enrollment.ID.String(): enrollmentB.ID.String(),
		w.project().String(): enrollmentB.ProjectID.String(), w.milestone.ID.String(): milestoneB.ID.String(),
		w.fileEvidence.ID.String(): evidenceB.ID.String(),
	}

	probes := 0
	for _, op := range operationIDs(t) {
		for _, role := range []string{roleOrganizer, roleCoach, roleParticipant, roleExaminer} {
			// The same call twice, through clients that put the other
			// cohort's ids, or ids that do not exist, in place of ours.
			var theirPath, missingPath string
			hidden, err := accessMatrix[op].call(ctx, w.signedInClient(t, w.tokenOf(role), swapIDs(theirs, &theirPath)), w)
			if errors.Is(err, errNoIDs) {
				continue // no id of a cohort's object in the path
			}
			if err != nil {
				t.Fatalf("%s as %s: %v", op, role, err)
			}
			missingIDs := map[string]string{}
			for ours := range theirs {
				missingIDs[ours] = uuid.NewString()
			}
			missing, err := accessMatrix[op].call(ctx, w.signedInClient(t, w.tokenOf(role), swapIDs(missingIDs, &missingPath)), w)
			if err != nil {
				t.Fatalf("%s as %s: %v", op, role, err)
			}
			probes++
			if hidden.status != http.StatusNotFound || string(hidden.body) != string(missing.body) {
				t.Errorf("%s as %s: another cohort's %s answered %d %s; a missing id (%s) answers %d %s",
					op, role, theirPath, hidden.status, hidden.body, missingPath, missing.status, missing.body)
			}
		}
	}
	t.Logf("%d probes with another cohort's ids, 0 leaks allowed", probes)
}

// errNoIDs stops a request whose path holds no id that swapIDs replaces.
var errNoIDs = errors.New("no id to replace in the path")

// swapIDs returns a request editor that replaces in the path and query
// each id that is a key of ids with its value, and notes the new path in
// path; a request with no such id is not sent (errNoIDs).
func swapIDs(ids map[string]string, path *string) client.RequestEditorFn {
	return func(_ context.Context, r *http.Request) error {
		before := r.URL.Path + "?" + r.URL.RawQuery
		for ours, other := range ids {
			r.URL.Path = strings.ReplaceAll(r.URL.Path, ours, other)
			r.URL.RawQuery = strings.ReplaceAll(r.URL.RawQuery, ours, other)
		}
		if r.URL.Path+"?"+r.URL.RawQuery == before {
			return errNoIDs
		}
		r.URL.RawPath = ""
		*path = r.URL.Path
		return nil
	}
}
