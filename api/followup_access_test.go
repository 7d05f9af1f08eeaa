package api_test

import (
	"context"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/openapi/client"
)

// pendingTransfer makes a fresh proposal of the participant's of
// otherMentor as their new mentor, pending, with the mentor back to the
// world's mentor and any earlier proposal still open cancelled, so that
// each call of the matrix finds one waiting.
func (w *world) pendingTransfer() {
	w.t.Helper()
	must := func(_ any, err error) {
		w.t.Helper()
		if err != nil {
			w.t.Fatal(err)
		}
	}
	must(w.db.Exec(`UPDATE enrollments SET mentor_id = ? WHERE id = ?`, w.mentor.ID, w.enrollment.ID))
	w.cancelOpenTransfers()
	var err error
	w.transfer, err = w.cohorts().ProposeMentorTransfer(context.Background(), w.actor(w.participant), w.enrollment.ID, domain.ProposedMentor{ID: w.otherMentor.ID}, "Mutasi jabatan")
	must(nil, err)
}

// cancelOpenTransfers has the participant take back each of their
// proposals that still waits.
func (w *world) cancelOpenTransfers() {
	w.t.Helper()
	ctx := context.Background()
	participant := w.actor(w.participant)
	page, err := w.cohorts().ListMentorTransfers(ctx, participant, w.enrollment.ID, domain.PageRequest{Limit: 100})
	if err != nil {
		w.t.Fatal(err)
	}
	for _, t := range page.Items {
		if t.Status != domain.TransferPending && t.Status != domain.TransferAwaitingOrganizer {
			continue
		}
		if _, err := w.cohorts().CancelMentorTransfer(ctx, participant, t.ID); err != nil {
			w.t.Fatal(err)
		}
	}
}

// awaitingTransfer makes a fresh proposal of the other participant's that
// waits for an organizer: the outsider, from no agency on record, as their
// mentor, whose id it returns. An earlier one is cancelled first where it
// is still open.
func (w *world) awaitingTransfer() uuid.UUID {
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
	return t.ID
}

// pendingTransferID makes the world's transfer pending again (see
// pendingTransfer) and returns its id.
func (w *world) pendingTransferID() uuid.UUID {
	w.pendingTransfer()
	return w.transfer.ID
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
		"propose-mentor-transfer": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			w.pendingTransfer()
			w.cancelOpenTransfers()
			return answer(c.ProposeMentorTransferWithResponse(ctx, w.enrollment.ID, nil,
				client.MentorTransferCreate{MentorId: &w.otherMentor.ID, Note: ptr("Mutasi jabatan")}))
		}, [9]int{created, forbidden, notFound, forbidden, forbidden, created, notFound, notFound, unauth}},
		"list-mentor-transfers": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListMentorTransfersWithResponse(ctx, w.enrollment.ID, nil))
		}, seesEnrollment},
		"get-mentor-transfer": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.GetMentorTransferWithResponse(ctx, w.pendingTransferID()))
		}, seesEnrollment},
		"accept-mentor-transfer": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.AcceptMentorTransferWithResponse(ctx, w.pendingTransferID()))
		}, invitee},
		"decline-mentor-transfer": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.DeclineMentorTransferWithResponse(ctx, w.pendingTransferID(), client.MentorTransferDecline{}))
		}, invitee},
		"cancel-mentor-transfer": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.CancelMentorTransferWithResponse(ctx, w.pendingTransferID()))
		}, [9]int{ok, forbidden, notFound, forbidden, forbidden, ok, notFound, notFound, unauth}},
		// The other participant's proposal of the outsider waits for the
		// cohort's organizers: the outsider is not asked, nor shown it, yet.
		"confirm-mentor-transfer": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ConfirmMentorTransferWithResponse(ctx, w.awaitingTransfer()))
		}, [9]int{ok, ok, notFound, notFound, notFound, notFound, forbidden, notFound, unauth}},
		"refuse-mentor-transfer": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.RefuseMentorTransferWithResponse(ctx, w.awaitingTransfer(), client.MentorTransferDecline{}))
		}, [9]int{ok, ok, notFound, notFound, notFound, notFound, forbidden, notFound, unauth}},
		"list-reminders": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListRemindersWithResponse(ctx, nil))
		}, [9]int{ok, ok, ok, ok, ok, ok, ok, ok, unauth}},
		"list-cohort-escalations": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.ListCohortEscalationsWithResponse(ctx, w.cohortA.ID, nil))
		}, followsCohort},
		"get-cohort-workload": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
			return answer(c.GetCohortWorkloadWithResponse(ctx, w.cohortA.ID, nil))
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
