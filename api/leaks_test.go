package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// TestOtherCohortsIdsAreInvisibleEverywhere takes every operation of the
// access matrix, puts the ids of another cohort's objects (its cohort,
// enrollment, project, milestone, evidence) in the path, and calls it as
// the people of this cohort: each answer is a 404 exactly like the one for
// an id that does not exist.
func TestOtherCohortsIdsAreInvisibleEverywhere(t *testing.T) {
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
	milestoneB, err := w.projects().CreateMilestone(ctx, actorB, enrollmentB.ProjectID, domain.MilestonePlan{Horizon: "short", Title: "Rahasia", DueOn: domain.DateOf(time.Now())})
	if err != nil {
		t.Fatal(err)
	}
	w.db.Exec(`UPDATE projects SET status = 'implementing' WHERE id = ?`, enrollmentB.ProjectID)
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
			r := accessMatrix[op].call(w)
			theirPath, missingPath := r.path, r.path
			for ours, other := range theirs {
				theirPath = strings.ReplaceAll(theirPath, ours, other)
				missingPath = strings.ReplaceAll(missingPath, ours, uuid.NewString())
			}
			if theirPath == r.path {
				continue // no id of a cohort's object in the path
			}
			probes++
			r.token = w.tokenOf(role)
			hidden, missing := r, r
			hidden.path, missing.path = theirPath, missingPath
			got, want := w.do(hidden), w.do(missing)
			if got.status != http.StatusNotFound || string(got.body) != string(want.body) {
				t.Errorf("%s as %s: another cohort's %s answered %d %s; a missing id answers %d %s",
					op, role, theirPath, got.status, got.body, want.status, want.body)
			}
		}
	}
	t.Logf("%d probes with another cohort's ids, 0 leaks allowed", probes)
}
