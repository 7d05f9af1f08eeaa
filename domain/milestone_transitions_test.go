package domain

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"
)

func TestMilestoneTransitions(t *testing.T) {
	approve, ret := VerifyApprove, VerifyReturn
	for _, tc := range []struct {
		name     string
		from     MilestoneStatus
		op       string // "claim", "verify" or "start" (startOnEvidence)
		evidence EvidenceTally
		decision VerificationDecision
		comment  string
		kind     Kind
		field    string
		want     MilestoneStatus
	}{
		// claim: planned or in progress, with evidence submitted or approved.
		{"claim planned with submitted evidence", MilestonePlanned, "claim", evidenceIn(EvidenceSubmitted), "", "", 0, "", MilestoneAwaitingVerification},
		{"claim in progress with approved evidence", MilestoneInProgress, "claim", evidenceIn(EvidenceApproved), "", "", 0, "", MilestoneAwaitingVerification},
		{"claim with rejected and submitted evidence", MilestoneInProgress, "claim", evidenceIn(EvidenceRejected, EvidenceSubmitted), "", "", 0, "", MilestoneAwaitingVerification},
		{"claim without evidence", MilestoneInProgress, "claim", nil, "", "", KindConflict, "", MilestoneInProgress},
		{"claim with only rejected and withdrawn evidence", MilestoneInProgress, "claim", evidenceIn(EvidenceRejected, EvidenceWithdrawn), "", "", KindConflict, "", MilestoneInProgress},
		{"claim awaiting verification", MilestoneAwaitingVerification, "claim", evidenceIn(EvidenceSubmitted), "", "", KindConflict, "", MilestoneAwaitingVerification},
		{"claim achieved", MilestoneAchieved, "claim", evidenceIn(EvidenceApproved), "", "", KindConflict, "", MilestoneAchieved},

		// verify: approve needs approved evidence and none waiting; return needs a comment.
		{"approve with approved evidence", MilestoneAwaitingVerification, "verify", evidenceIn(EvidenceApproved), approve, "", 0, "", MilestoneAchieved},
		{"approve with approved, rejected and withdrawn evidence", MilestoneAwaitingVerification, "verify", evidenceIn(EvidenceApproved, EvidenceRejected, EvidenceWithdrawn), approve, "", 0, "", MilestoneAchieved},
		{"approve with evidence still submitted", MilestoneAwaitingVerification, "verify", evidenceIn(EvidenceApproved, EvidenceSubmitted), approve, "", KindConflict, "", MilestoneAwaitingVerification},
		{"approve without approved evidence", MilestoneAwaitingVerification, "verify", evidenceIn(EvidenceRejected), approve, "", KindConflict, "", MilestoneAwaitingVerification},
		{"approve without evidence", MilestoneAwaitingVerification, "verify", nil, approve, "", KindConflict, "", MilestoneAwaitingVerification},
		{"return with a comment", MilestoneAwaitingVerification, "verify", evidenceIn(EvidenceSubmitted), ret, "foto kurang jelas", 0, "", MilestoneInProgress},
		{"return without a comment", MilestoneAwaitingVerification, "verify", nil, ret, " \t", KindInvalid, "comment", MilestoneAwaitingVerification},
		{"unknown verdict", MilestoneAwaitingVerification, "verify", evidenceIn(EvidenceApproved), "maybe", "", KindInvalid, "decision", MilestoneAwaitingVerification},
		{"verify planned", MilestonePlanned, "verify", evidenceIn(EvidenceApproved), approve, "", KindConflict, "", MilestonePlanned},
		{"verify in progress", MilestoneInProgress, "verify", evidenceIn(EvidenceApproved), approve, "", KindConflict, "", MilestoneInProgress},
		{"verify achieved", MilestoneAchieved, "verify", evidenceIn(EvidenceApproved), ret, "x", KindConflict, "", MilestoneAchieved},

		// startOnEvidence: the first evidence starts a planned milestone, nothing else.
		{"evidence starts planned", MilestonePlanned, "start", nil, "", "", 0, "", MilestoneInProgress},
		{"evidence keeps in progress", MilestoneInProgress, "start", nil, "", "", 0, "", MilestoneInProgress},
		{"evidence keeps awaiting verification", MilestoneAwaitingVerification, "start", nil, "", "", 0, "", MilestoneAwaitingVerification},
		{"evidence keeps achieved", MilestoneAchieved, "start", nil, "", "", 0, "", MilestoneAchieved},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := Milestone{ID: uuid.New(), Horizon: HorizonShort, Status: tc.from, Evidence: tc.evidence}
			var err error
			switch tc.op {
			case "claim":
				err = m.claim(testNow)
			case "verify":
				err = m.verify(tc.decision, tc.comment, nil, "")
			case "start":
				m.startOnEvidence()
			}
			wantOutcome(t, err, tc.kind, tc.field)
			if m.Status != tc.want {
				t.Fatalf("status %s, want %s", m.Status, tc.want)
			}
			if tc.op == "claim" && (err == nil) != (m.ClaimedAt != nil) {
				t.Fatalf("claimedAt %v after %v", m.ClaimedAt, err)
			}
		})
	}
}

func TestMilestoneEditMovesOnlyBetweenPlannedAndInProgress(t *testing.T) {
	movable := []MilestoneStatus{MilestonePlanned, MilestoneInProgress}
	for _, from := range allMilestoneStatuses {
		for _, to := range allMilestoneStatuses {
			t.Run(string(from)+"→"+string(to), func(t *testing.T) {
				m := Milestone{Status: from}
				err := m.edit(MilestoneChanges{Status: ptr(to)})
				if from == to || (slices.Contains(movable, from) && slices.Contains(movable, to)) {
					wantOutcome(t, err, 0, "")
					if m.Status != to {
						t.Fatalf("status %s, want %s", m.Status, to)
					}
					return
				}
				wantOutcome(t, err, KindConflict, "status")
				if m.Status != from {
					t.Fatalf("a refused move left status %s", m.Status)
				}
			})
		}
	}
}

func TestMilestoneEditChecksItsFields(t *testing.T) {
	due := NewDate(2026, 6, 30)
	for _, tc := range []struct {
		name    string
		changes MilestoneChanges
		kind    Kind
		field   string
	}{
		{"every field", MilestoneChanges{Title: ptr(" Peluncuran "), Description: ptr("baris 1\nbaris 2"), DueOn: &due, Position: ptr(3),
			Activities: ptr([]Activity{{Title: "Rapat", Output: "Notulen"}})}, 0, ""},
		{"empty title", MilestoneChanges{Title: ptr("  ")}, KindInvalid, "title"},
		{"title on two lines", MilestoneChanges{Title: ptr("a\nb")}, KindInvalid, "title"},
		{"activity without a title", MilestoneChanges{Activities: ptr([]Activity{{Output: "x"}})}, KindInvalid, "activities[0].title"},
		{"too many activities", MilestoneChanges{Activities: ptr(make([]Activity, MaxActivities+1))}, KindInvalid, "activities"},
		{"bad field and forbidden move: the field is named", MilestoneChanges{Title: ptr(""), Status: ptr(MilestoneAchieved)}, KindInvalid, "title"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := Milestone{Title: "Lama", Status: MilestonePlanned}
			err := m.edit(tc.changes)
			wantOutcome(t, err, tc.kind, tc.field)
			if err == nil && (m.Title != "Peluncuran" || m.DueOn != due || m.Position != 3 || len(m.Activities) != 1) {
				t.Fatalf("after edit: %+v", m)
			}
		})
	}
}

func TestOnlyAPlannedMilestoneWithoutEvidenceIsDeletable(t *testing.T) {
	for _, status := range allMilestoneStatuses {
		for _, evidence := range []EvidenceTally{nil, evidenceIn(EvidenceWithdrawn), evidenceIn(EvidenceRejected)} {
			t.Run(string(status)+"/"+string(rune('0'+len(evidence))), func(t *testing.T) {
				m := Milestone{Status: status, Evidence: evidence}
				want := KindConflict
				if status == MilestonePlanned && len(evidence) == 0 {
					want = 0
				}
				wantOutcome(t, m.checkDeletable(), want, "")
			})
		}
	}
}

func TestAMilestoneIsOverduePastItsDueDateUntilAchieved(t *testing.T) {
	due := NewDate(2026, 3, 10)
	for _, status := range allMilestoneStatuses {
		for _, tc := range []struct {
			name  string
			today Date
			late  bool
		}{
			{"day before", NewDate(2026, 3, 9), false},
			{"due day", due, false},
			{"day after", NewDate(2026, 3, 11), true},
		} {
			t.Run(string(status)+"/"+tc.name, func(t *testing.T) {
				want := tc.late && status != MilestoneAchieved
				if got := (Milestone{Status: status, DueOn: due}).Overdue(tc.today); got != want {
					t.Fatalf("Overdue = %v, want %v", got, want)
				}
			})
		}
	}
}

func TestAMilestoneAcceptsEvidence(t *testing.T) {
	for _, status := range allProjectStatuses {
		for _, h := range []Horizon{HorizonShort, HorizonMid} {
			for _, ms := range allMilestoneStatuses {
				t.Run(string(status)+"/"+string(h)+"/"+string(ms), func(t *testing.T) {
					want := Kind(0)
					switch {
					case status == ProjectDraft || status == ProjectDesignSubmitted,
						status == ProjectCompleted && h == HorizonShort,
						ms == MilestoneAchieved:
						want = KindConflict
					}
					wantOutcome(t, checkAcceptsEvidence(testProject(status, true), Milestone{Horizon: h, Status: ms}), want, "")
				})
			}
		}
	}
}

func TestEvidenceTransitions(t *testing.T) {
	for _, from := range allEvidenceStatuses {
		for _, tc := range []struct {
			name     string
			op       string
			decision EvidenceDecision
			comment  string
			kind     Kind // when from is submitted
			field    string
			want     EvidenceStatus // when from is submitted
		}{
			{"withdraw", "withdraw", "", "", 0, "", EvidenceWithdrawn},
			{"approve", "review", EvidenceApprove, "", 0, "", EvidenceApproved},
			{"approve with a comment", "review", EvidenceApprove, " bagus ", 0, "", EvidenceApproved},
			{"reject with a comment", "review", EvidenceReject, " tidak terbaca ", 0, "", EvidenceRejected},
			{"reject without a comment", "review", EvidenceReject, "  ", KindInvalid, "comment", EvidenceSubmitted},
			{"unknown verdict", "review", "maybe", "x", KindInvalid, "decision", EvidenceSubmitted},
		} {
			t.Run(string(from)+"/"+tc.name, func(t *testing.T) {
				e := Evidence{Status: from}
				var err error
				if tc.op == "withdraw" {
					err = e.withdraw()
				} else {
					err = e.review(tc.decision, tc.comment, testNow)
				}
				kind, field, want := tc.kind, tc.field, tc.want
				if from != EvidenceSubmitted { // only evidence waiting for review moves
					kind, field, want = KindConflict, "", from
				}
				wantOutcome(t, err, kind, field)
				if e.Status != want {
					t.Fatalf("status %s, want %s", e.Status, want)
				}
				reviewed := tc.op == "review" && err == nil
				if reviewed != (e.ReviewedAt != nil) {
					t.Fatalf("reviewedAt %v after %v", e.ReviewedAt, err)
				}
				if reviewed && e.ReviewComment != strings.TrimSpace(tc.comment) {
					t.Fatalf("comment %q", e.ReviewComment)
				}
			})
		}
	}
}
