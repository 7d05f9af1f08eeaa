package domain

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"
)

// offerText writes an offer as "allowed ops | refused op=code ...", in the
// order of the resource's table, for tables that read like the spec.
func offerText(o Offer) string {
	var refused []string
	for _, r := range o.Refused {
		refused = append(refused, fmt.Sprintf("%s=%s", r.Operation, r.Code))
	}
	allowed := make([]string, len(o.Allowed))
	for i, op := range o.Allowed {
		allowed[i] = string(op)
	}
	return strings.TrimSpace(strings.Join(allowed, " ") + " | " + strings.Join(refused, " "))
}

// offerWorld is a project of cohort A of the policy world, with its
// participant, mentor and coach, and the cohort's examiner and organizer.
func offerWorld(status ProjectStatus) (policyWorld, Project) {
	w := newPolicyWorld()
	target := w.targets["enrollment"]
	return w, Project{ID: uuid.New(), CohortID: target.CohortID, Parties: *target.Enrollment, Status: status, DesignRound: 1}
}

func TestAProjectOffersEachPartyWhatTheirPartAndItsStatusAllow(t *testing.T) {
	for _, tc := range []struct {
		status ProjectStatus
		who    string
		want   string
	}{
		{ProjectDraft, "participant", "update-project submit-design create-milestone list-coaching-notes | " +
			"start-implementation=project.design_not_approved submit-final=project.not_implementing create-change-request=plan.request_design_not_approved publish-project=publication.design_not_approved"},
		{ProjectDesignSubmitted, "participant", "create-milestone list-coaching-notes | update-project=project.not_draft submit-design=design.not_draft " +
			"start-implementation=project.design_not_approved submit-final=project.not_implementing create-change-request=plan.request_design_not_approved publish-project=publication.design_not_approved"},
		// Once approved, the plan changes by change request (issue #22).
		{ProjectDesignApproved, "participant", "start-implementation create-change-request publish-project list-coaching-notes | " +
			"update-project=plan.change_request_required submit-design=design.not_draft submit-final=project.not_implementing create-milestone=plan.change_request_required"},
		{ProjectImplementing, "participant", "submit-final create-change-request publish-project list-coaching-notes | " +
			"update-project=plan.change_request_required submit-design=design.not_draft start-implementation=project.already_implementing create-milestone=plan.change_request_required"},
		{ProjectCompleted, "participant", "create-milestone create-change-request publish-project list-coaching-notes | update-project=project.not_draft " +
			"submit-design=design.not_draft start-implementation=project.design_not_approved submit-final=project.not_implementing"},

		{ProjectDraft, "mentor", "list-coaching-notes | review-design=design.not_submitted"},
		{ProjectDesignSubmitted, "mentor", "review-design list-coaching-notes |"},
		{ProjectDesignSubmitted, "coach", "review-design list-coaching-notes add-coaching-note list-similar-projects |"},
		{ProjectImplementing, "coach", "list-coaching-notes add-coaching-note list-similar-projects | review-design=design.not_submitted"},

		{ProjectDraft, "examiner", "list-similar-projects | record-assessment=assessment.design_draft"},
		{ProjectDesignSubmitted, "examiner", "record-assessment list-similar-projects | record-assessment=assessment.final_not_submitted"},
		{ProjectFinalSubmitted, "examiner", "record-assessment list-similar-projects |"},
		{ProjectImplementing, "organizer", "list-coaching-notes list-similar-projects |"},

		{ProjectImplementing, "otherParticipant", "|"},
		{ProjectImplementing, "otherCoach", "|"},
	} {
		t.Run(string(tc.status)+"/"+tc.who, func(t *testing.T) {
			w, p := offerWorld(tc.status)
			offerProject(w.actors[tc.who], &p, nil)
			if got := offerText(p.Offer); got != tc.want {
				t.Fatalf("offer\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestAReviewerWhoDecidedThisRoundIsOfferedNoSecondReview(t *testing.T) {
	w, p := offerWorld(ProjectDesignSubmitted)
	mentor := w.actors["mentor"]
	round := []Review{{ReviewerID: mentor.UserID, ReviewerRole: RoleMentor, Decision: string(DesignApprove), Round: 1}}
	offerProject(mentor, &p, round)
	if got, want := offerText(p.Offer), "list-coaching-notes | review-design=design.already_reviewed"; got != want {
		t.Fatalf("offer %s, want %s", got, want)
	}
	offerProject(w.actors["coach"], &p, round) // the coach has not decided yet
	if !p.Offer.Allows(OpReviewDesign) {
		t.Fatalf("the coach is not offered the review: %s", offerText(p.Offer))
	}
}

func TestAMilestoneOffersWhatItsEvidenceAndStatusAllow(t *testing.T) {
	for _, tc := range []struct {
		name     string
		project  ProjectStatus
		horizon  Horizon
		status   MilestoneStatus
		evidence EvidenceTally
		who      string
		want     string
	}{
		{"a planned milestone of a draft design", ProjectDraft, HorizonShort, MilestonePlanned, nil, "participant",
			"update-milestone delete-milestone | start-milestone=milestone.start_design_not_approved claim-milestone=milestone.design_not_approved submit-evidence=evidence.design_not_approved"},
		{"a milestone in progress without evidence", ProjectImplementing, HorizonShort, MilestoneInProgress, evidenceIn(EvidenceRejected), "participant",
			"update-milestone submit-evidence | delete-milestone=plan.change_request_required start-milestone=milestone.already_started claim-milestone=milestone.needs_evidence"},
		{"a planned milestone with withdrawn evidence", ProjectImplementing, HorizonShort, MilestonePlanned, evidenceIn(EvidenceWithdrawn), "participant",
			"update-milestone start-milestone submit-evidence | delete-milestone=plan.change_request_required claim-milestone=milestone.needs_evidence"},
		{"a milestone with evidence waiting", ProjectImplementing, HorizonMid, MilestoneInProgress, evidenceIn(EvidenceSubmitted), "participant",
			"update-milestone claim-milestone submit-evidence | delete-milestone=plan.change_request_required start-milestone=milestone.already_started"},
		{"an achieved milestone", ProjectImplementing, HorizonShort, MilestoneAchieved, evidenceIn(EvidenceApproved), "participant",
			"| update-milestone=milestone.read_only delete-milestone=milestone.read_only start-milestone=milestone.already_started claim-milestone=milestone.not_open submit-evidence=milestone.achieved"},
		{"a short-term milestone of a completed project", ProjectCompleted, HorizonShort, MilestoneInProgress, evidenceIn(EvidenceApproved), "participant",
			"| update-milestone=milestone.horizon_closed delete-milestone=milestone.horizon_closed start-milestone=milestone.horizon_closed claim-milestone=milestone.horizon_closed submit-evidence=milestone.horizon_closed"},
		{"a mid-term milestone of a completed project", ProjectCompleted, HorizonMid, MilestoneInProgress, evidenceIn(EvidenceApproved), "participant",
			"update-milestone claim-milestone submit-evidence | delete-milestone=milestone.not_planned start-milestone=milestone.already_started"},

		{"a claimed milestone with evidence waiting, to its mentor", ProjectImplementing, HorizonShort, MilestoneAwaitingVerification,
			evidenceIn(EvidenceApproved, EvidenceSubmitted), "mentor", "verify-milestone | verify-milestone=milestone.evidence_pending"},
		{"a claimed milestone without approved evidence, to its mentor", ProjectImplementing, HorizonShort, MilestoneAwaitingVerification,
			evidenceIn(EvidenceRejected), "mentor", "verify-milestone | verify-milestone=milestone.needs_approved_evidence"},
		{"a claimed milestone ready to verify, to its mentor", ProjectImplementing, HorizonShort, MilestoneAwaitingVerification,
			evidenceIn(EvidenceApproved), "mentor", "verify-milestone |"},
		{"an unclaimed milestone, to its mentor", ProjectImplementing, HorizonShort, MilestoneInProgress,
			evidenceIn(EvidenceApproved), "mentor", "| verify-milestone=milestone.not_claimed"},
		{"a milestone, to the coach", ProjectImplementing, HorizonShort, MilestoneAwaitingVerification, evidenceIn(EvidenceApproved), "coach", "|"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, p := offerWorld(tc.project)
			m := Milestone{ID: uuid.New(), ProjectID: p.ID, Horizon: tc.horizon, Status: tc.status, Evidence: tc.evidence}
			offerMilestone(w.actors[tc.who], p, &m)
			if got := offerText(m.Offer); got != tc.want {
				t.Fatalf("offer\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestEvidenceOffersItsWithdrawalAndReviewWhileItWaits(t *testing.T) {
	for _, tc := range []struct {
		project ProjectStatus
		horizon Horizon
		status  EvidenceStatus
		who     string
		want    string
	}{
		{ProjectImplementing, HorizonShort, EvidenceSubmitted, "participant", "withdraw-evidence |"},
		{ProjectImplementing, HorizonShort, EvidenceApproved, "participant", "| withdraw-evidence=evidence.withdraw_not_pending"},
		{ProjectCompleted, HorizonShort, EvidenceSubmitted, "participant", "| withdraw-evidence=milestone.horizon_closed"},
		{ProjectImplementing, HorizonShort, EvidenceSubmitted, "mentor", "review-evidence |"},
		{ProjectCompleted, HorizonShort, EvidenceSubmitted, "mentor", "review-evidence |"}, // decisions on what waits stay possible
		{ProjectImplementing, HorizonShort, EvidenceRejected, "mentor", "| review-evidence=evidence.not_pending"},
		{ProjectImplementing, HorizonShort, EvidenceSubmitted, "coach", "|"},
	} {
		t.Run(fmt.Sprintf("%s/%s/%s/%s", tc.project, tc.horizon, tc.status, tc.who), func(t *testing.T) {
			w, p := offerWorld(tc.project)
			e := Evidence{ID: uuid.New(), ProjectID: p.ID, Horizon: tc.horizon, Status: tc.status}
			offerEvidence(w.actors[tc.who], p, &e)
			if got := offerText(e.Offer); got != tc.want {
				t.Fatalf("offer\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestCohortsAndEnrollmentsOfferWhatTheCallersRolesAllow(t *testing.T) {
	w := newPolicyWorld()
	cohort := Cohort{ID: w.targets["cohort A"].CohortID}
	for who, want := range map[string]string{
		"organizer": "update-cohort list-cohort-staff add-cohort-staff enroll-participant import-roster list-classes create-class get-cohort-progress " +
			"export-cohort-progress list-cohort-escalations get-cohort-workload list-rubrics replace-rubric release-results list-seminar-sessions create-seminar-session record-graduation-scores |",
		"examiner":    "list-cohort-staff list-classes get-cohort-progress export-cohort-progress list-rubrics record-assessment list-seminar-sessions |",
		"coach":       "list-cohort-staff list-classes get-cohort-progress export-cohort-progress list-cohort-escalations get-cohort-workload list-rubrics list-seminar-sessions |",
		"participant": "list-classes |",
	} {
		offerCohort(w.actors[who], &cohort)
		if got := offerText(cohort.Offer); got != want {
			t.Errorf("cohort offered to %s\n got %s\nwant %s", who, got, want)
		}
	}
	parties := *w.targets["enrollment"].Enrollment
	e := Enrollment{ID: uuid.New(), CohortID: cohort.ID, ParticipantID: parties.ParticipantID, MentorID: parties.MentorID, CoachID: parties.CoachID}
	for who, want := range map[string]string{
		"organizer":   "update-enrollment list-mentor-transfers |",
		"participant": "propose-mentor-transfer list-mentor-transfers |",
		"mentor":      "list-mentor-transfers |",
	} {
		offerEnrollment(w.actors[who], &e)
		if got := offerText(e.Offer); got != want {
			t.Errorf("enrollment offered to %s\n got %s\nwant %s", who, got, want)
		}
	}
}

func TestEveryOfferedOperationIsOfferedOnce(t *testing.T) {
	ops := OfferedOperations()
	for i, op := range ops {
		if slices.Contains(ops[i+1:], op) {
			t.Fatalf("%s is listed twice", op)
		}
	}
	if len(ops) < 30 {
		t.Fatalf("only %d operations are offered", len(ops))
	}
}

func TestTheInstallationOffersOrganizersAndAdminsTheirOperations(t *testing.T) {
	w := newPolicyWorld()
	for who, want := range map[string]string{
		"admin": "create-user list-users create-institution create-agency update-agency create-unit record-replication list-agency-replications create-cohort create-holiday |",
		// The organizer of cohort A may create cohorts for institution A;
		// the other organizer, for none.
		"organizer":      "create-user list-users create-agency update-agency create-unit record-replication list-agency-replications create-cohort |",
		"otherOrganizer": "create-user list-users create-agency update-agency create-unit record-replication list-agency-replications |",
		"coach":          "|",
		// An official of an agency records and reads its own studi tiru.
		"participant": "record-replication list-agency-replications |",
	} {
		if got := offerText(OfferOf(w.actors[who])); got != want {
			t.Errorf("%s is offered\n got %s\nwant %s", who, got, want)
		}
	}
}
