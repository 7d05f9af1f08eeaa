package domain

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

// testProject returns a project in status with a complete design, a
// mentor and, when withCoach, a coach.
func testProject(status ProjectStatus, withCoach bool) Project {
	p := Project{ID: uuid.New(), CohortID: uuid.New(), Status: status, Title: "Sistem antrean daring",
		Problem: "Antrean panjang", Goal: "Layanan lebih cepat",
		Parties: Parties{ParticipantID: uuid.New(), MentorID: uuid.New()}}
	if withCoach {
		p.Parties.CoachID = ptr(uuid.New())
	}
	return p
}

var shortMilestone = []Milestone{{Horizon: HorizonShort}}

func TestProjectEditDesignOnlyWhileDraft(t *testing.T) {
	for _, status := range allProjectStatuses {
		t.Run(string(status), func(t *testing.T) {
			p := testProject(status, true)
			err := p.editDesign(ProjectChanges{Title: ptr("  Judul baru  ")})
			if status != ProjectDraft {
				wantOutcome(t, err, KindConflict, "")
				if p.Title == "Judul baru" {
					t.Fatal("a refused edit changed the title")
				}
				return
			}
			wantOutcome(t, err, 0, "")
			if p.Title != "Judul baru" || p.Status != ProjectDraft {
				t.Fatalf("title %q status %s, want the trimmed title and draft", p.Title, p.Status)
			}
		})
	}
}

func TestProjectEditDesignNamesEveryBadField(t *testing.T) {
	for _, tc := range []struct {
		name    string
		changes ProjectChanges
		field   string
	}{
		{"title on two lines", ProjectChanges{Title: ptr("a\nb")}, "title"},
		{"title too long", ProjectChanges{Title: ptr(strings.Repeat("x", MaxTextLength+1))}, "title"},
		{"problem too long", ProjectChanges{Problem: ptr(strings.Repeat("x", MaxProjectText+1))}, "problem"},
		{"empty innovation area", ProjectChanges{InnovationAreas: ptr([]string{" "})}, "innovationAreas[0]"},
		{"too many innovation areas", ProjectChanges{InnovationAreas: ptr(func() []string {
			var tags []string
			for i := range MaxInnovationAreas + 1 {
				tags = append(tags, fmt.Sprint("tag", i))
			}
			return tags
		}())}, "innovationAreas"},
		{"stakeholder kind", ProjectChanges{Stakeholders: ptr([]Stakeholder{{Name: "Bupati", Kind: "x", Power: LevelHigh, Interest: LevelLow}})}, "stakeholders[0].kind"},
		{"stakeholder power", ProjectChanges{Stakeholders: ptr([]Stakeholder{{Name: "Bupati", Kind: StakeholderExternal, Power: "mid", Interest: LevelLow}})}, "stakeholders[0].power"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := testProject(ProjectDraft, true)
			wantOutcome(t, p.editDesign(tc.changes), KindInvalid, tc.field)
		})
	}
}

func TestProjectSubmitDesign(t *testing.T) {
	for _, tc := range []struct {
		name       string
		status     ProjectStatus
		edit       func(*Project)
		milestones []Milestone
		kind       Kind
		field      string
	}{
		{"complete draft", ProjectDraft, nil, shortMilestone, 0, ""},
		{"returned draft is resubmitted", ProjectDraft, func(p *Project) {
			p.RevisionRequested, p.RevisionComment, p.DesignRound = true, "perbaiki", 1
		}, shortMilestone, 0, ""},
		{"no title", ProjectDraft, func(p *Project) { p.Title = "" }, shortMilestone, KindInvalid, "title"},
		{"no problem", ProjectDraft, func(p *Project) { p.Problem = "" }, shortMilestone, KindInvalid, "problem"},
		{"no goal", ProjectDraft, func(p *Project) { p.Goal = "" }, shortMilestone, KindInvalid, "goal"},
		{"no milestone", ProjectDraft, nil, nil, KindInvalid, "milestones"},
		{"only mid and long milestones", ProjectDraft, nil, []Milestone{{Horizon: HorizonMid}, {Horizon: HorizonLong}}, KindInvalid, "milestones"},
		{"submitted", ProjectDesignSubmitted, nil, shortMilestone, KindConflict, ""},
		{"approved", ProjectDesignApproved, nil, shortMilestone, KindConflict, ""},
		{"implementing", ProjectImplementing, nil, shortMilestone, KindConflict, ""},
		{"final submitted", ProjectFinalSubmitted, nil, shortMilestone, KindConflict, ""},
		{"completed", ProjectCompleted, nil, shortMilestone, KindConflict, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := testProject(tc.status, true)
			if tc.edit != nil {
				tc.edit(&p)
			}
			round := p.DesignRound
			err := p.submitDesign(tc.milestones, testNow)
			wantOutcome(t, err, tc.kind, tc.field)
			if err != nil {
				if p.Status != tc.status || p.DesignRound != round {
					t.Fatalf("a refused submission moved the project to %s, round %d", p.Status, p.DesignRound)
				}
				return
			}
			if p.Status != ProjectDesignSubmitted || p.DesignRound != round+1 || p.DesignSubmittedAt == nil ||
				!p.DesignSubmittedAt.Equal(testNow) || p.RevisionRequested || p.RevisionComment != "" {
				t.Fatalf("after submission: %+v", p)
			}
		})
	}
}

func TestProjectSubmitDesignNamesEveryMissingItem(t *testing.T) {
	p := Project{Status: ProjectDraft}
	err := p.submitDesign(nil, testNow)
	for _, field := range []string{"title", "problem", "goal", "milestones"} {
		wantOutcome(t, err, KindInvalid, field)
	}
}

// review is one reviewer's verdict in a design review table.
func review(reviewer uuid.UUID, role Role, decision DesignDecision) Review {
	return Review{ReviewerID: reviewer, ReviewerRole: role, Decision: string(decision)}
}

func TestProjectReviewDesign(t *testing.T) {
	mentor, coach := uuid.New(), uuid.New()
	for _, tc := range []struct {
		name      string
		status    ProjectStatus
		withCoach bool
		reviewer  uuid.UUID
		role      Role
		decision  DesignDecision
		comment   string
		round     []Review
		kind      Kind
		field     string
		approved  bool
		want      ProjectStatus
	}{
		{"mentor approves first", ProjectDesignSubmitted, true, mentor, RoleMentor, DesignApprove, "", nil, 0, "", false, ProjectDesignSubmitted},
		{"coach approves first", ProjectDesignSubmitted, true, coach, RoleCoach, DesignApprove, "", nil, 0, "", false, ProjectDesignSubmitted},
		{"coach approves after the mentor", ProjectDesignSubmitted, true, coach, RoleCoach, DesignApprove, "",
			[]Review{review(mentor, RoleMentor, DesignApprove)}, 0, "", true, ProjectDesignApproved},
		{"mentor approves after the coach", ProjectDesignSubmitted, true, mentor, RoleMentor, DesignApprove, "",
			[]Review{review(coach, RoleCoach, DesignApprove)}, 0, "", true, ProjectDesignApproved},
		{"mentor alone approves a project without a coach", ProjectDesignSubmitted, false, mentor, RoleMentor, DesignApprove, "", nil, 0, "", true, ProjectDesignApproved},
		{"coach alone does not approve", ProjectDesignSubmitted, true, coach, RoleCoach, DesignApprove, "",
			[]Review{review(uuid.New(), RoleCoach, DesignApprove)}, 0, "", false, ProjectDesignSubmitted},
		{"mentor returns with a comment", ProjectDesignSubmitted, true, mentor, RoleMentor, DesignReturn, " perjelas masalah ", nil, 0, "", false, ProjectDraft},
		{"coach returns after the mentor approved", ProjectDesignSubmitted, true, coach, RoleCoach, DesignReturn, "kurang data",
			[]Review{review(mentor, RoleMentor, DesignApprove)}, 0, "", false, ProjectDraft},
		{"return without a comment", ProjectDesignSubmitted, true, mentor, RoleMentor, DesignReturn, "  ", nil, KindInvalid, "comment", false, ProjectDesignSubmitted},
		{"unknown decision", ProjectDesignSubmitted, true, mentor, RoleMentor, "maybe", "", nil, KindInvalid, "decision", false, ProjectDesignSubmitted},
		{"second review in one round", ProjectDesignSubmitted, true, mentor, RoleMentor, DesignApprove, "",
			[]Review{review(mentor, RoleMentor, DesignApprove)}, KindConflict, "", false, ProjectDesignSubmitted},
		{"draft", ProjectDraft, true, mentor, RoleMentor, DesignApprove, "", nil, KindConflict, "", false, ProjectDraft},
		{"approved", ProjectDesignApproved, true, mentor, RoleMentor, DesignApprove, "", nil, KindConflict, "", false, ProjectDesignApproved},
		{"implementing", ProjectImplementing, true, coach, RoleCoach, DesignReturn, "x", nil, KindConflict, "", false, ProjectImplementing},
		{"final submitted", ProjectFinalSubmitted, true, mentor, RoleMentor, DesignApprove, "", nil, KindConflict, "", false, ProjectFinalSubmitted},
		{"completed", ProjectCompleted, true, mentor, RoleMentor, DesignApprove, "", nil, KindConflict, "", false, ProjectCompleted},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := testProject(tc.status, tc.withCoach)
			p.Parties.MentorID = mentor
			if tc.withCoach {
				p.Parties.CoachID = &coach
			}
			approved, err := p.reviewDesign(tc.reviewer, tc.role, tc.decision, tc.comment, tc.round)
			wantOutcome(t, err, tc.kind, tc.field)
			if approved != tc.approved || p.Status != tc.want {
				t.Fatalf("approved %v status %s, want %v %s", approved, p.Status, tc.approved, tc.want)
			}
			if tc.decision == DesignReturn && err == nil && (!p.RevisionRequested || p.RevisionComment != strings.TrimSpace(tc.comment)) {
				t.Fatalf("a return keeps the trimmed comment: %v %q", p.RevisionRequested, p.RevisionComment)
			}
		})
	}
}

// TestAProjectsDesignIsApprovedWhenBothReviewersApprove follows a design
// through two rounds: approvals of a returned round do not count in the next.
func TestAProjectsDesignIsApprovedWhenBothReviewersApprove(t *testing.T) {
	p := testProject(ProjectDraft, true)
	mentor, coach := p.Parties.MentorID, *p.Parties.CoachID
	reviews := map[int][]Review{}
	step := func(reviewer uuid.UUID, d DesignDecision, comment string) bool {
		t.Helper()
		role := p.designReviewerRole(reviewer)
		approved, err := p.reviewDesign(reviewer, role, d, comment, reviews[p.DesignRound])
		if err != nil {
			t.Fatalf("%s %s: %v", role, d, err)
		}
		reviews[p.DesignRound] = append(reviews[p.DesignRound], review(reviewer, role, d))
		return approved
	}
	wantOutcome(t, p.submitDesign(shortMilestone, testNow), 0, "")
	if step(mentor, DesignApprove, "") || p.Status != ProjectDesignSubmitted {
		t.Fatalf("approved by the mentor alone: %s", p.Status)
	}
	if step(coach, DesignReturn, "tambahkan data") || p.Status != ProjectDraft || !p.RevisionRequested {
		t.Fatalf("the coach's return left the project %s", p.Status)
	}
	wantOutcome(t, p.submitDesign(shortMilestone, testNow), 0, "")
	if p.DesignRound != 2 || p.RevisionRequested {
		t.Fatalf("resubmission: round %d, revision requested %v", p.DesignRound, p.RevisionRequested)
	}
	if step(coach, DesignApprove, "") || p.Status != ProjectDesignSubmitted {
		t.Fatal("the first round's mentor approval counted in the second round")
	}
	if !step(mentor, DesignApprove, "") || p.Status != ProjectDesignApproved {
		t.Fatalf("both approved in round 2, the project is %s", p.Status)
	}
}

func TestDesignReviewerRole(t *testing.T) {
	p := testProject(ProjectDesignSubmitted, true)
	if got := p.designReviewerRole(p.Parties.MentorID); got != RoleMentor {
		t.Errorf("mentor reviews as %s", got)
	}
	if got := p.designReviewerRole(*p.Parties.CoachID); got != RoleCoach {
		t.Errorf("coach reviews as %s", got)
	}
}

func TestProjectAdvancesWhenTheImplementationPhaseBegins(t *testing.T) {
	starts := NewDate(2026, 3, 10)
	withPhase := Cohort{Phases: []Phase{{Kind: PhaseDesign, StartsOn: NewDate(2026, 1, 1)}, {Kind: PhaseImplementation, StartsOn: starts}}}
	for _, status := range allProjectStatuses {
		for _, tc := range []struct {
			name   string
			cohort Cohort
			now    Date
			moves  bool
		}{
			{"day before the phase", withPhase, NewDate(2026, 3, 9), false},
			{"first day of the phase", withPhase, starts, true},
			{"after the phase began", withPhase, NewDate(2027, 1, 1), true},
			{"cohort without an implementation phase", Cohort{}, NewDate(2027, 1, 1), false},
		} {
			t.Run(string(status)+"/"+tc.name, func(t *testing.T) {
				p := testProject(status, true)
				p.advance(tc.cohort, tc.now.Time().Add(23*time.Hour))
				want := status
				if status == ProjectDesignApproved && tc.moves {
					want = ProjectImplementing
				}
				if p.Status != want {
					t.Fatalf("status %s, want %s", p.Status, want)
				}
				if got := EffectiveStatus(status, tc.cohort.ImplementationStartsOn(), tc.now); got != want {
					t.Fatalf("EffectiveStatus %s, want %s", got, want)
				}
			})
		}
	}
}

func TestProjectStartImplementation(t *testing.T) {
	for _, status := range allProjectStatuses {
		t.Run(string(status), func(t *testing.T) {
			p := testProject(status, true)
			err := p.startImplementation()
			switch status {
			case ProjectDesignApproved:
				wantOutcome(t, err, 0, "")
				if p.Status != ProjectImplementing {
					t.Fatalf("status %s", p.Status)
				}
			default:
				wantOutcome(t, err, KindConflict, "")
				if p.Status != status {
					t.Fatalf("a refused start moved the project to %s", p.Status)
				}
			}
		})
	}
}

func TestProjectSubmitFinal(t *testing.T) {
	for _, status := range allProjectStatuses {
		t.Run(string(status), func(t *testing.T) {
			p := testProject(status, true)
			err := p.submitFinal()
			if status == ProjectImplementing {
				wantOutcome(t, err, 0, "")
				if p.Status != ProjectFinalSubmitted {
					t.Fatalf("status %s", p.Status)
				}
				return
			}
			wantOutcome(t, err, KindConflict, "")
			if p.Status != status {
				t.Fatalf("a refused submission moved the project to %s", p.Status)
			}
		})
	}
}

func TestEvidenceAndClaimsCountOnceTheDesignIsApproved(t *testing.T) {
	for _, status := range allProjectStatuses {
		t.Run(string(status), func(t *testing.T) {
			p := testProject(status, true)
			approved := status != ProjectDraft && status != ProjectDesignSubmitted
			if p.designApproved() != approved {
				t.Fatalf("designApproved %v, want %v", p.designApproved(), approved)
			}
			want := KindConflict
			if approved {
				want = 0
			}
			wantOutcome(t, p.checkClaimsOpen(), want, "")
		})
	}
}

func TestCompletedProjectsCloseOnlyTheirShortTermMilestones(t *testing.T) {
	for _, status := range allProjectStatuses {
		for _, h := range []Horizon{HorizonShort, HorizonMid, HorizonLong} {
			t.Run(string(status)+"/"+string(h), func(t *testing.T) {
				p := testProject(status, true)
				want := Kind(0)
				if status == ProjectCompleted && h == HorizonShort {
					want = KindConflict
				}
				wantOutcome(t, p.checkHorizonOpen(h), want, "")
			})
		}
	}
}
