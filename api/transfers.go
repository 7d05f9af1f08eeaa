package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// MentorTransfer is a participant's proposal to move their project to a new
// mentor, which takes effect when that mentor accepts.
type MentorTransfer struct {
	ID                 uuid.UUID  `json:"id" format:"uuid" doc:"The proposal's id."`
	EnrollmentID       uuid.UUID  `json:"enrollmentId" format:"uuid" doc:"The participant's enrollment."`
	CohortID           uuid.UUID  `json:"cohortId" format:"uuid" doc:"The cohort."`
	ProjectID          uuid.UUID  `json:"projectId" format:"uuid" doc:"The project that moves to the new mentor."`
	ProjectTitle       string     `json:"projectTitle" doc:"Its title, for the proposed mentor." example:"Antrean Daring Pelayanan Administrasi Kependudukan"`
	ParticipantID      uuid.UUID  `json:"participantId" format:"uuid" doc:"Whose project it is."`
	ParticipantName    string     `json:"participantName" doc:"Their name." example:"Dr. Budi Santoso"`
	MentorID           uuid.UUID  `json:"mentorId" format:"uuid" doc:"The proposed mentor."`
	MentorName         string     `json:"mentorName" doc:"Their name." example:"Drs. Jefridin, M.Pd."`
	PreviousMentorID   uuid.UUID  `json:"previousMentorId" format:"uuid" doc:"The mentor when it was proposed."`
	PreviousMentorName string     `json:"previousMentorName" doc:"Their name." example:"Ir. Hendra Gunawan"`
	Note               string     `json:"note,omitempty" doc:"The participant's word to the proposed mentor." example:"Bapak kini atasan langsung saya di Dinas Kominfo."`
	Status             string     `json:"status" enum:"awaiting_organizer,pending,accepted,declined,refused,cancelled" doc:"awaiting_organizer while a mentor from outside the participant's agency waits for an organizer of the cohort to confirm (pending) or refuse (refused) it; pending until the proposed mentor accepts or declines, or the participant cancels." example:"pending"`
	Comment            string     `json:"comment,omitempty" doc:"The proposed mentor's word when declining, or the organizer's when refusing." example:"Saya belum dapat membimbing proyek ini."`
	DecidedAt          *time.Time `json:"decidedAt,omitempty" doc:"When it was accepted, declined, refused or cancelled."`
	Version            int64      `json:"version" doc:"Increases with every change; the ETag names it." example:"1"`
	CreatedAt          time.Time  `json:"createdAt" doc:"When it was proposed."`
	// Offered: accept-mentor-transfer or decline-mentor-transfer (the
	// proposed mentor), cancel-mentor-transfer (the participant),
	// confirm-mentor-transfer or refuse-mentor-transfer (an organizer of the
	// cohort, while it awaits them).
	Offered
}

func newMentorTransfer(t domain.MentorTransfer) MentorTransfer {
	out := MentorTransfer{ID: t.ID, EnrollmentID: t.EnrollmentID, CohortID: t.CohortID, ProjectID: t.ProjectID, ProjectTitle: t.ProjectTitle,
		ParticipantID: t.ParticipantID, ParticipantName: t.ParticipantName, MentorID: t.MentorID, MentorName: t.MentorName,
		PreviousMentorID: t.PreviousMentorID, PreviousMentorName: t.PreviousMentor, Note: t.Note, Status: string(t.Status), Comment: t.Comment,
		DecidedAt: t.DecidedAt, Version: t.Version, CreatedAt: t.CreatedAt, Offered: offered(t.Offer)}
	return out
}

// MentorTransferCreate is the body of propose-mentor-transfer.
type MentorTransferCreate struct {
	MentorID    uuid.UUID `json:"mentorId,omitempty" format:"uuid" doc:"The proposed mentor's account: someone other than you and your current mentor. Give this or mentorEmail."`
	MentorEmail string    `json:"mentorEmail,omitempty" maxLength:"254" doc:"The e-mail address of the proposed mentor's account, for participants who do not know its id. Give this or mentorId." example:"budi.santoso@semarangkota.go.id"`
	Note        string    `json:"note,omitempty" maxLength:"10000" doc:"A word to the proposed mentor." example:"Bapak kini atasan langsung saya di Dinas Kominfo."`
}

// MentorTransferDecline is the body of decline-mentor-transfer.
type MentorTransferDecline struct {
	Comment string `json:"comment,omitempty" maxLength:"10000" doc:"Why, for the participant." example:"Saya belum dapat membimbing proyek ini."`
}

// MentorTransferPath names a mentor transfer in the path.
type MentorTransferPath struct {
	TransferID uuid.UUID `path:"transferId" format:"uuid" doc:"The mentor transfer's id."`
}

type mentorTransferOutput struct {
	ETag string `header:"ETag" doc:"The version of the mentor transfer."`
	Body MentorTransfer
}

func mentorTransferAnswer(t domain.MentorTransfer, err error) (*mentorTransferOutput, error) {
	if err != nil {
		return nil, err
	}
	return &mentorTransferOutput{ETag: etag(t.Version), Body: newMentorTransfer(t)}, nil
}

func registerMentorTransfers(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "propose-mentor-transfer", Method: http.MethodPost, Path: "/enrollments/{enrollmentId}/mentor-transfers", DefaultStatus: http.StatusCreated,
		Summary: "Propose a new mentor", Tags: []string{"enrollments"}, Security: signedIn, Metadata: idempotent,
		Description: "The participant proposes to move their project to a new mentor — during the training or in the years after it, when officials change posts. " +
			"It takes effect when the proposed mentor accepts (accept-mentor-transfer); until then the current mentor stays. One proposal waits at a time (409). " +
			"A participant, coach or examiner of the cohort cannot be proposed (422). A mentor from outside the participant's agency waits for an organizer of the cohort first (awaiting_organizer, confirm-mentor-transfer). " +
			"Proposals by e-mail are limited like sign-ins (10 in 15 minutes, then 429 with Retry-After), so that nobody can list who has an account. " +
			"Organizers move a project directly with update-enrollment.",
		Errors: []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity, http.StatusTooManyRequests},
	}, func(ctx context.Context, in *struct {
		EnrollmentPath
		IdempotencyKeyHeader
		Body MentorTransferCreate
	}) (*mentorTransferOutput, error) {
		return mentorTransferAnswer(s.Cohorts.ProposeMentorTransfer(ctx, actorOf(ctx), in.EnrollmentID, domain.ProposedMentor{ID: in.Body.MentorID, Email: in.Body.MentorEmail}, in.Body.Note))
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-mentor-transfers", Method: http.MethodGet, Path: "/enrollments/{enrollmentId}/mentor-transfers",
		Summary: "List an enrollment's mentor transfers", Tags: []string{"enrollments"}, Security: signedIn,
		Description: "Lists the proposals of new mentors for the enrollment, oldest first, with their outcome, to those who may see the enrollment.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		EnrollmentPath
		PageParams
	}) (*listOutput[MentorTransfer], error) {
		return listAnswer(ctx, newMentorTransfer)(s.Cohorts.ListMentorTransfers(ctx, actorOf(ctx), in.EnrollmentID, in.request()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "get-mentor-transfer", Method: http.MethodGet, Path: "/mentor-transfers/{transferId}",
		Summary: "Get a mentor transfer", Tags: []string{"enrollments"}, Security: signedIn,
		Description: "Returns a proposal to the proposed mentor, to those who may see the enrollment.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *MentorTransferPath) (*mentorTransferOutput, error) {
		return mentorTransferAnswer(s.Cohorts.GetMentorTransfer(ctx, actorOf(ctx), in.TransferID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "accept-mentor-transfer", Method: http.MethodPost, Path: "/mentor-transfers/{transferId}/accept",
		Summary: "Accept becoming the mentor", Tags: []string{"enrollments"}, Security: signedIn,
		Description: "The proposed mentor accepts: they become the participant's mentor at once, with the project's whole history; the former mentor loses access. " +
			"The change is in the project's timeline. Only a pending proposal can be accepted (409).",
		Errors: []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict},
	}, func(ctx context.Context, in *MentorTransferPath) (*mentorTransferOutput, error) {
		return mentorTransferAnswer(s.Cohorts.AcceptMentorTransfer(ctx, actorOf(ctx), in.TransferID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "decline-mentor-transfer", Method: http.MethodPost, Path: "/mentor-transfers/{transferId}/decline",
		Summary: "Decline becoming the mentor", Tags: []string{"enrollments"}, Security: signedIn,
		Description: "The proposed mentor declines, optionally saying why; the current mentor stays. Only a pending proposal can be declined (409).",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		MentorTransferPath
		Body MentorTransferDecline
	}) (*mentorTransferOutput, error) {
		return mentorTransferAnswer(s.Cohorts.DeclineMentorTransfer(ctx, actorOf(ctx), in.TransferID, in.Body.Comment))
	})

	huma.Register(api, huma.Operation{
		OperationID: "confirm-mentor-transfer", Method: http.MethodPost, Path: "/mentor-transfers/{transferId}/confirm",
		Summary: "Confirm a proposed mentor from outside the participant's agency", Tags: []string{"enrollments"}, Security: signedIn,
		Description: "An organizer of the cohort confirms a proposal that waits for them (awaiting_organizer): the proposed mentor is then asked, and the proposal is pending. 409 for a proposal that does not wait for an organizer.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict},
	}, func(ctx context.Context, in *MentorTransferPath) (*mentorTransferOutput, error) {
		return mentorTransferAnswer(s.Cohorts.ConfirmMentorTransfer(ctx, actorOf(ctx), in.TransferID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "refuse-mentor-transfer", Method: http.MethodPost, Path: "/mentor-transfers/{transferId}/refuse",
		Summary: "Refuse a proposed mentor from outside the participant's agency", Tags: []string{"enrollments"}, Security: signedIn,
		Description: "An organizer of the cohort refuses a proposal that waits for them, optionally saying why; the current mentor stays. 409 for a proposal that does not wait for an organizer.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		MentorTransferPath
		Body MentorTransferDecline
	}) (*mentorTransferOutput, error) {
		return mentorTransferAnswer(s.Cohorts.RefuseMentorTransfer(ctx, actorOf(ctx), in.TransferID, in.Body.Comment))
	})

	huma.Register(api, huma.Operation{
		OperationID: "cancel-mentor-transfer", Method: http.MethodPost, Path: "/mentor-transfers/{transferId}/cancel",
		Summary: "Cancel a proposed mentor transfer", Tags: []string{"enrollments"}, Security: signedIn,
		Description: "The participant takes back their proposal while it waits (409 once decided). It stays on record as cancelled.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict},
	}, func(ctx context.Context, in *MentorTransferPath) (*mentorTransferOutput, error) {
		return mentorTransferAnswer(s.Cohorts.CancelMentorTransfer(ctx, actorOf(ctx), in.TransferID))
	})
}
