package api_test

import (
	"context"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// pendingTransfer makes the participant's proposal of otherMentor as their
// new mentor pending again (creating it the first time), with the mentor
// back to the world's mentor, so that each call of the matrix finds it
// waiting.
func (w *world) pendingTransfer() {
	w.t.Helper()
	must := func(_ any, err error) {
		w.t.Helper()
		if err != nil {
			w.t.Fatal(err)
		}
	}
	must(w.db.Exec(`UPDATE enrollments SET mentor_id = ? WHERE id = ?`, w.mentor.ID, w.enrollment.ID))
	must(w.db.Exec(`UPDATE mentor_transfers SET status = 'cancelled' WHERE enrollment_id = ? AND status = 'pending'`, w.enrollment.ID))
	if w.transfer.ID == [16]byte{} {
		var err error
		w.transfer, err = w.cohorts().ProposeMentorTransfer(context.Background(), w.actor(w.participant), w.enrollment.ID, domain.ProposedMentor{ID: w.otherMentor.ID}, "Mutasi jabatan")
		if err != nil {
			w.t.Fatal(err)
		}
		return
	}
	must(w.db.Exec(`UPDATE mentor_transfers SET status = 'pending', decided_at = NULL, comment = '' WHERE id = ?`, w.transfer.ID))
}

// awaitingTransfer makes a fresh proposal of the other participant's that
// waits for an organizer: the outsider, from no agency on record, as their
// mentor. An earlier one is cancelled first where it is still open.
func (w *world) awaitingTransfer() string {
	w.t.Helper()
	ctx := context.Background()
	participant := w.actor(w.otherParticipant)
	if w.awaiting != uuid.Nil {
		w.cohorts().CancelMentorTransfer(ctx, participant, w.awaiting) // refused ones stay as they are
	}
	t, err := w.cohorts().ProposeMentorTransfer(ctx, participant, w.otherEnrollment.ID, domain.ProposedMentor{ID: w.outsider.ID}, "Atasan di instansi lain")
	if err != nil {
		w.t.Fatal(err)
	}
	w.awaiting = t.ID
	return "/v1/mentor-transfers/" + t.ID.String()
}

func transferPath(w *world, rest string) string {
	w.pendingTransfer()
	return "/v1/mentor-transfers/" + w.transfer.ID.String() + rest
}

func init() {
	// Roles: admin, organizer, organizer of another cohort, coach, mentor,
	// participant, another participant, user with no role, anonymous; then
	// the coach of another group, another mentor (the proposed mentor of
	// the world's transfer) and an examiner.
	seesEnrollment := [9]int{ok, ok, notFound, ok, ok, ok, notFound, notFound, unauth}
	invitee := [9]int{ok, forbidden, notFound, forbidden, forbidden, forbidden, notFound, notFound, unauth}
	followsCohort := [9]int{ok, ok, notFound, ok, forbidden, forbidden, forbidden, notFound, unauth}
	rows := map[string]accessCase{
		"propose-mentor-transfer": {func(w *world) request {
			w.pendingTransfer()
			w.db.Exec(`UPDATE mentor_transfers SET status = 'cancelled' WHERE enrollment_id = ? AND status = 'pending'`, w.enrollment.ID)
			return request{method: "POST", path: "/v1/enrollments/" + w.enrollment.ID.String() + "/mentor-transfers",
				body: map[string]string{"mentorId": w.otherMentor.ID.String(), "note": "Mutasi jabatan"}}
		}, [9]int{created, forbidden, notFound, forbidden, forbidden, created, notFound, notFound, unauth}},
		"list-mentor-transfers": {func(w *world) request {
			return request{method: "GET", path: "/v1/enrollments/" + w.enrollment.ID.String() + "/mentor-transfers"}
		}, seesEnrollment},
		"get-mentor-transfer":    {func(w *world) request { return request{method: "GET", path: transferPath(w, "")} }, seesEnrollment},
		"accept-mentor-transfer": {func(w *world) request { return request{method: "POST", path: transferPath(w, "/accept")} }, invitee},
		"decline-mentor-transfer": {func(w *world) request {
			return request{method: "POST", path: transferPath(w, "/decline"), body: map[string]string{}}
		}, invitee},
		"cancel-mentor-transfer": {func(w *world) request { return request{method: "POST", path: transferPath(w, "/cancel")} },
			[9]int{ok, forbidden, notFound, forbidden, forbidden, ok, notFound, notFound, unauth}},
		// The other participant's proposal of the outsider waits for the
		// cohort's organizers: the outsider is not asked, nor shown it, yet.
		"confirm-mentor-transfer": {func(w *world) request { return request{method: "POST", path: w.awaitingTransfer() + "/confirm"} },
			[9]int{ok, ok, notFound, notFound, notFound, notFound, forbidden, notFound, unauth}},
		"refuse-mentor-transfer": {func(w *world) request {
			return request{method: "POST", path: w.awaitingTransfer() + "/refuse", body: map[string]string{}}
		}, [9]int{ok, ok, notFound, notFound, notFound, notFound, forbidden, notFound, unauth}},
		"list-reminders": {func(w *world) request { return request{method: "GET", path: "/v1/me/reminders"} },
			[9]int{ok, ok, ok, ok, ok, ok, ok, ok, unauth}},
		"list-cohort-escalations": {func(w *world) request {
			return request{method: "GET", path: "/v1/cohorts/" + w.cohortA.ID.String() + "/escalations"}
		}, followsCohort},
		"get-cohort-workload": {func(w *world) request {
			return request{method: "GET", path: "/v1/cohorts/" + w.cohortA.ID.String() + "/workload"}
		}, followsCohort},
	}
	for op, c := range rows {
		accessMatrix[op] = c
	}
	more := map[string][3]int{
		"propose-mentor-transfer": {notFound, notFound, forbidden},
		"list-mentor-transfers":   {notFound, notFound, ok},
		"get-mentor-transfer":     {notFound, ok, ok},
		"accept-mentor-transfer":  {notFound, ok, forbidden},
		"decline-mentor-transfer": {notFound, ok, forbidden},
		"cancel-mentor-transfer":  {notFound, forbidden, forbidden},
		"confirm-mentor-transfer": {forbidden, forbidden, forbidden},
		"refuse-mentor-transfer":  {forbidden, forbidden, forbidden},
		"list-reminders":          {ok, ok, ok},
		"list-cohort-escalations": {ok, forbidden, forbidden},
		"get-cohort-workload":     {ok, forbidden, forbidden},
	}
	for op, row := range more {
		moreAccess[op] = row
	}
}
