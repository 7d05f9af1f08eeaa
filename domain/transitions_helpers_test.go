package domain

import (
	"errors"
	"slices"
	"testing"
	"time"
)

// testNow is the fixed clock of the transition tests.
var testNow = time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)

// wantOutcome checks that err is nil when kind is 0, else that it is a
// domain error of kind naming field (when field is not empty).
func wantOutcome(t *testing.T, err error, kind Kind, field string) {
	t.Helper()
	if kind == 0 {
		if err != nil {
			t.Fatalf("want success, got %v (kind %v)", err, KindOf(err))
		}
		return
	}
	if got := KindOf(err); got != kind {
		t.Fatalf("want a %v error, got %v (kind %v)", kind, err, got)
	}
	if field == "" {
		return
	}
	var de *Error
	errors.As(err, &de)
	if !slices.ContainsFunc(de.Fields, func(f FieldError) bool { return f.Field == field }) {
		t.Fatalf("want the error to name field %q, got %v", field, de.Fields)
	}
}

// ptr returns a pointer to v, for optional fields of changes.
func ptr[T any](v T) *T { return &v }

// evidenceIn returns the tally of evidence of the given statuses.
func evidenceIn(statuses ...EvidenceStatus) EvidenceTally {
	out := EvidenceTally{}
	for _, s := range statuses {
		out[s]++
	}
	return out
}

// allProjectStatuses lists every status of a project, in workflow order.
var allProjectStatuses = []ProjectStatus{ProjectDraft, ProjectDesignSubmitted, ProjectDesignApproved,
	ProjectImplementing, ProjectFinalSubmitted, ProjectCompleted}

// allMilestoneStatuses lists every status of a milestone, in workflow order.
var allMilestoneStatuses = []MilestoneStatus{MilestonePlanned, MilestoneInProgress, MilestoneAwaitingVerification, MilestoneAchieved}

// allEvidenceStatuses lists every status of evidence.
var allEvidenceStatuses = []EvidenceStatus{EvidenceSubmitted, EvidenceApproved, EvidenceRejected, EvidenceWithdrawn}

// allTransferStatuses lists every status of a mentor transfer.
var allTransferStatuses = []MentorTransferStatus{TransferAwaitingOrganizer, TransferPending, TransferAccepted,
	TransferDeclined, TransferRefused, TransferCancelled}
