package domain

import (
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
)

// TestMentorTransferTransitions tries every move from every status: only
// the moves of the workflow succeed, and only a final one is dated.
func TestMentorTransferTransitions(t *testing.T) {
	allowed := map[[2]MentorTransferStatus]bool{
		{TransferAwaitingOrganizer, TransferPending}:   true, // an organizer confirms
		{TransferAwaitingOrganizer, TransferRefused}:   true, // an organizer refuses
		{TransferAwaitingOrganizer, TransferCancelled}: true, // the participant cancels
		{TransferPending, TransferAccepted}:            true, // the proposed mentor accepts
		{TransferPending, TransferDeclined}:            true, // the proposed mentor declines
		{TransferPending, TransferCancelled}:           true, // the participant cancels
	}
	for _, from := range allTransferStatuses {
		for _, to := range allTransferStatuses {
			t.Run(string(from)+"→"+string(to), func(t *testing.T) {
				tr := MentorTransfer{Status: from}
				err := tr.decide(to, "alasan", testNow)
				if !allowed[[2]MentorTransferStatus{from, to}] {
					wantOutcome(t, err, KindConflict, "")
					if tr.Status != from || tr.DecidedAt != nil || tr.Comment != "" {
						t.Fatalf("a refused move changed the transfer: %+v", tr)
					}
					return
				}
				wantOutcome(t, err, 0, "")
				if tr.Status != to || tr.Comment != "alasan" {
					t.Fatalf("status %s comment %q", tr.Status, tr.Comment)
				}
				if decided := to != TransferPending; decided != (tr.DecidedAt != nil) {
					t.Fatalf("decidedAt %v after moving to %s", tr.DecidedAt, to)
				}
			})
		}
	}
}

func TestNobodyTakingPartInTheCohortMayBeProposedAsMentor(t *testing.T) {
	for _, tc := range []struct {
		name    string
		roles   CohortRoles
		refused bool
	}{
		{"no role", nil, false},
		{"organizer", CohortRoles{RoleOrganizer}, false},
		{"mentor of another participant", CohortRoles{RoleMentor}, false},
		{"participant", CohortRoles{RoleParticipant}, true},
		{"coach", CohortRoles{RoleCoach}, true},
		{"examiner", CohortRoles{RoleExaminer}, true},
		{"organizer and coach", CohortRoles{RoleOrganizer, RoleCoach}, true},
		{"mentor and examiner", CohortRoles{RoleMentor, RoleExaminer}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := mentorRefusal(tc.roles); (got != "") != tc.refused {
				t.Fatalf("mentorRefusal(%v) = %q, want refused %v", tc.roles, got, tc.refused)
			}
		})
	}
}

func TestTheParticipantAndTheCurrentMentorCannotBeProposed(t *testing.T) {
	e := Enrollment{ParticipantID: uuid.New(), MentorID: uuid.New()}
	for _, tc := range []struct {
		name    string
		mentor  uuid.UUID
		refused bool
	}{
		{"the participant", e.ParticipantID, true},
		{"the current mentor", e.MentorID, true},
		{"someone else", uuid.New(), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := e.candidateRefusal(tc.mentor); (got != "") != tc.refused {
				t.Fatalf("candidateRefusal = %q, want refused %v", got, tc.refused)
			}
		})
	}
}

func TestAMentorFromAnotherAgencyWaitsForAnOrganizer(t *testing.T) {
	a, b := uuid.New(), uuid.New()
	for _, tc := range []struct {
		name                string
		participant, mentor *uuid.UUID
		needs               bool
	}{
		{"same agency", &a, ptr(a), false},
		{"other agency", &a, &b, true},
		{"mentor without agency", &a, nil, true},
		{"participant without agency", nil, &a, true},
		{"neither has an agency", nil, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := needsOrganizer(tc.participant, tc.mentor); got != tc.needs {
				t.Fatalf("needsOrganizer = %v, want %v", got, tc.needs)
			}
		})
	}
}

// TestMentorTransferOffersEachCallerWhatTheyMayDoNow checks that the
// actions offered follow both the workflow and the policy.
func TestMentorTransferOffersEachCallerWhatTheyMayDoNow(t *testing.T) {
	cohort, other := uuid.New(), uuid.New()
	coach := uuid.New()
	e := Enrollment{ID: uuid.New(), CohortID: cohort, ParticipantID: uuid.New(), MentorID: uuid.New(), CoachID: &coach}
	proposed := uuid.New()
	actors := map[string]*Actor{
		"participant":     {UserID: e.ParticipantID, Roles: []CohortRole{{cohort, RoleParticipant}}},
		"proposed mentor": {UserID: proposed},
		"current mentor":  {UserID: e.MentorID, Roles: []CohortRole{{cohort, RoleMentor}}},
		"coach":           {UserID: coach, Roles: []CohortRole{{cohort, RoleCoach}}},
		"organizer":       {UserID: uuid.New(), Roles: []CohortRole{{cohort, RoleOrganizer}}},
		"other organizer": {UserID: uuid.New(), Roles: []CohortRole{{other, RoleOrganizer}}},
		"platform admin":  {UserID: uuid.New(), PlatformAdmin: true},
		"nobody":          nil,
	}
	A := func(as ...Operation) []Operation { return append([]Operation{}, as...) }
	want := map[MentorTransferStatus]map[string][]Operation{
		TransferAwaitingOrganizer: {
			"participant":    A(OpCancelMentorTransfer),
			"organizer":      A(OpConfirmMentorTransfer, OpRefuseMentorTransfer),
			"platform admin": A(OpCancelMentorTransfer, OpConfirmMentorTransfer, OpRefuseMentorTransfer),
		},
		TransferPending: {
			"participant":     A(OpCancelMentorTransfer),
			"proposed mentor": A(OpAcceptMentorTransfer, OpDeclineMentorTransfer),
			"platform admin":  A(OpAcceptMentorTransfer, OpDeclineMentorTransfer, OpCancelMentorTransfer),
		},
	}
	for _, status := range allTransferStatuses {
		for name, actor := range actors {
			t.Run(string(status)+"/"+name, func(t *testing.T) {
				tr := MentorTransfer{ID: uuid.New(), EnrollmentID: e.ID, CohortID: cohort, MentorID: proposed,
					PreviousMentorID: e.MentorID, ParticipantID: e.ParticipantID, Status: status}
				tr.offerActions(actor, e)
				expected := want[status][name]
				if expected == nil {
					expected = []Operation{}
				}
				if tr.Offer.Allowed == nil || !slices.Equal(tr.Offer.Allowed, expected) {
					t.Fatalf("actions %#v, want %#v", tr.Offer.Allowed, expected)
				}
				// What the part allows but the status refuses says why,
				// with the code the operation answers.
				for _, r := range tr.Offer.Refused {
					if err := tr.decide(map[Operation]MentorTransferStatus{OpAcceptMentorTransfer: TransferAccepted, OpDeclineMentorTransfer: TransferDeclined,
						OpCancelMentorTransfer: TransferCancelled, OpConfirmMentorTransfer: TransferPending, OpRefuseMentorTransfer: TransferRefused}[r.Operation], "", time.Now()); err == nil || err.(*Error).Code != r.Code {
						t.Errorf("%s refused with %s, but the operation answers %v", r.Operation, r.Code, err)
					}
				}
			})
		}
	}
}
