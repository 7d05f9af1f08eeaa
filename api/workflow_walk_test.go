package api_test

import (
	"context"
	"slices"
	"testing"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// Tests reach a state the way people do, through the domain's own calls and
// never by writing a status into the database (TestNoTestWritesAStatusWithRawSQL
// keeps it so), so that no fixture arranges what the workflow forbids.

// projectStatusOrder is the order in which a project moves through its
// statuses; the only way back is a reviewer returning a submitted design.
var projectStatusOrder = []domain.ProjectStatus{domain.ProjectDraft, domain.ProjectDesignSubmitted, domain.ProjectDesignApproved,
	domain.ProjectImplementing, domain.ProjectFinalSubmitted, domain.ProjectCompleted}

// as is how the domain sees the user with id.
func (w *world) as(id uuid.UUID) *domain.Actor { return w.actor(domain.User{ID: id}) }

// currentProject is a project as it stands today.
func (w *world) currentProject(t testing.TB, project uuid.UUID) domain.Project {
	t.Helper()
	p, err := w.projects().GetProject(context.Background(), w.admin, project)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// canBringTo reports whether the workflow can still take a project from
// status from to status to.
func canBringTo(from, to domain.ProjectStatus) bool {
	return slices.Index(projectStatusOrder, from) <= slices.Index(projectStatusOrder, to) ||
		(from == domain.ProjectDesignSubmitted && to == domain.ProjectDraft)
}

// bringProjectTo walks the world's project to status (see bringTo).
func (w *world) bringProjectTo(t testing.TB, status domain.ProjectStatus) {
	t.Helper()
	w.bringTo(t, w.project(), status)
}

// bringTo walks a project to status along the workflow's legal path, each
// step taken by whom the rules ask: the participant submits the design, the
// mentor and the coach approve it (or, to go back to draft, one of them
// returns it), the participant starts the implementation and submits the
// final report, and the world's examiner scores the final seminar in a
// session of it that an organizer then determines (see completeFinal). A
// project already in status stays as it is.
// The design must be drafted first (draftDesignOf).
func (w *world) bringTo(t testing.TB, project uuid.UUID, status domain.ProjectStatus) {
	t.Helper()
	ctx := context.Background()
	for {
		p := w.currentProject(t, project)
		if p.Status == status {
			return
		}
		if !canBringTo(p.Status, status) {
			t.Fatalf("the workflow cannot take a project back from %s to %s: arrange the test with a project that has not got that far", p.Status, status)
		}
		participant := w.as(p.Parties.ParticipantID)
		var err error
		switch p.Status {
		case domain.ProjectDraft:
			if _, err = w.projects().SubmitDesign(ctx, participant, project, nil); err != nil {
				t.Fatalf("submitting the design: %v (draft it first)", err)
			}
		case domain.ProjectDesignSubmitted:
			if status == domain.ProjectDraft {
				w.returnDesign(t, p)
			} else {
				w.approveDesign(t, p)
			}
		case domain.ProjectDesignApproved:
			_, err = w.projects().StartImplementation(ctx, participant, project)
		case domain.ProjectImplementing:
			w.readyReport(t, project)
			_, err = w.projects().SubmitFinal(ctx, participant, project)
		case domain.ProjectFinalSubmitted:
			w.completeFinal(t, project)
		}
		if err != nil {
			t.Fatalf("moving the project on from %s: %v", p.Status, err)
		}
	}
}

// reviewers are the mentor and, when the participant has one, the coach of
// a project: those who review its design.
func reviewers(p domain.Project) []uuid.UUID {
	if p.Parties.CoachID == nil {
		return []uuid.UUID{p.Parties.MentorID}
	}
	return []uuid.UUID{p.Parties.MentorID, *p.Parties.CoachID}
}

// approveDesign has the reviewers of a submitted design approve it, but
// those who already approved it in this round.
func (w *world) approveDesign(t testing.TB, p domain.Project) {
	t.Helper()
	for _, r := range reviewers(p) {
		_, err := w.projects().ReviewDesign(context.Background(), w.as(r), p.ID, domain.DesignApprove, "")
		if err != nil && domain.KindOf(err) != domain.KindConflict { // a conflict: they reviewed this round already
			t.Fatal(err)
		}
	}
	if got := w.currentProject(t, p.ID).Status; got != domain.ProjectDesignApproved {
		t.Fatalf("the design is %s after its reviewers approved it", got)
	}
}

// returnDesign has a reviewer of a submitted design who has not reviewed
// this round return it to draft.
func (w *world) returnDesign(t testing.TB, p domain.Project) {
	t.Helper()
	var err error
	for _, r := range reviewers(p) {
		if _, err = w.projects().ReviewDesign(context.Background(), w.as(r), p.ID, domain.DesignReturn, "Perjelas indikator"); err == nil {
			return
		}
	}
	t.Fatalf("no reviewer could return the design: %v", err)
}

// enrollInNewCohort enrolls the world's participant, with their mentor and
// coach, in a new cohort of institution A (the coach and the examiner on
// its staff) and drafts the design of the new project. A test that needs a
// project further back than the world's has got starts this one: the
// workflow never takes a project back.
func (w *world) enrollInNewCohort(t testing.TB) domain.Enrollment {
	t.Helper()
	ctx := context.Background()
	cohort := w.newCohort(t, w.organizer, w.instA.ID)
	organizer := w.actor(w.organizer) // after the cohort: an actor knows the cohorts of when it was made
	for _, s := range []struct {
		u    domain.User
		role domain.StaffRole
	}{{w.coach, domain.StaffCoach}, {w.examiner, domain.StaffExaminer}} {
		if _, err := w.cohorts().AddStaff(ctx, organizer, cohort.ID, s.u.ID, s.role); err != nil {
			t.Fatal(err)
		}
	}
	e, err := w.cohorts().Enroll(ctx, organizer, cohort.ID, domain.EnrollmentPlan{
		ParticipantID: w.participant.ID, MentorID: w.mentor.ID, CoachID: &w.coach.ID, Group: "Kelompok 1"})
	if err != nil {
		t.Fatal(err)
	}
	w.draftDesignOf(t, e.ProjectID)
	return e
}

// spareProjectIn returns a project of the world's participant, mentor and
// coach, other than the world's own, brought to status: one made earlier
// when the workflow can still take it there, else a new one.
func (w *world) spareProjectIn(t testing.TB, status domain.ProjectStatus) uuid.UUID {
	t.Helper()
	for _, id := range w.spareProjects {
		if canBringTo(w.currentProject(t, id).Status, status) {
			w.bringTo(t, id, status)
			return id
		}
	}
	id := w.enrollInNewCohort(t).ProjectID
	w.spareProjects = append(w.spareProjects, id)
	w.bringTo(t, id, status)
	return id
}

// approveEvidence is the mentor's approval of evidence.
func (w *world) approveEvidence(t testing.TB, evidence uuid.UUID) {
	t.Helper()
	if _, err := w.projects().ReviewEvidence(context.Background(), w.mentorOf(t, evidence), evidence, domain.EvidenceApprove, ""); err != nil {
		t.Fatal(err)
	}
}

// rejectEvidence is the mentor's rejection of evidence.
func (w *world) rejectEvidence(t testing.TB, evidence uuid.UUID) {
	t.Helper()
	if _, err := w.projects().ReviewEvidence(context.Background(), w.mentorOf(t, evidence), evidence, domain.EvidenceReject, "Belum ditandatangani"); err != nil {
		t.Fatal(err)
	}
}

// withdrawEvidence is the world's participant taking back their evidence.
func (w *world) withdrawEvidence(t testing.TB, evidence uuid.UUID) {
	t.Helper()
	if _, err := w.projects().WithdrawEvidence(context.Background(), w.actor(w.participant), evidence); err != nil {
		t.Fatal(err)
	}
}

// mentorOf is the mentor of the project evidence proves.
func (w *world) mentorOf(t testing.TB, evidence uuid.UUID) *domain.Actor {
	t.Helper()
	e, err := w.projects().GetEvidence(context.Background(), w.admin, evidence)
	if err != nil {
		t.Fatal(err)
	}
	return w.as(w.currentProject(t, e.ProjectID).Parties.MentorID)
}

// claimMilestone is the world's participant claiming a milestone achieved;
// it needs evidence submitted or approved.
func (w *world) claimMilestone(t testing.TB, milestone uuid.UUID) {
	t.Helper()
	if _, err := w.projects().ClaimMilestone(context.Background(), w.actor(w.participant), milestone); err != nil {
		t.Fatal(err)
	}
}

// achieveMilestone proves a milestone of the world's participant with a
// link the mentor approves, claims it and has the mentor verify it.
func (w *world) achieveMilestone(t testing.TB, milestone uuid.UUID) {
	t.Helper()
	w.approveEvidence(t, w.linkEvidence(t, milestone).ID)
	w.claimMilestone(t, milestone)
	if _, err := w.projects().VerifyMilestone(context.Background(), w.actor(w.mentor), milestone, domain.VerifyApprove, "", ""); err != nil {
		t.Fatal(err)
	}
}
