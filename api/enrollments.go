package api

import (
	"bytes"
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/api/rostercsv"
	"github.com/proper-id/proper/domain"
)

// Enrollment is a participant in a cohort with their mentor and coach.
type Enrollment struct {
	ID            uuid.UUID  `json:"id" format:"uuid" doc:"The enrollment's id."`
	CohortID      uuid.UUID  `json:"cohortId" format:"uuid" doc:"The cohort."`
	ParticipantID uuid.UUID  `json:"participantId" format:"uuid" doc:"The participant (peserta)."`
	MentorID      uuid.UUID  `json:"mentorId" format:"uuid" doc:"The mentor: the participant's superior at home."`
	CoachID       *uuid.UUID `json:"coachId,omitempty" format:"uuid" doc:"The coach of the training institution, once assigned."`
	ClassID       *uuid.UUID `json:"classId,omitempty" format:"uuid" doc:"The participant's class (kelas) of the cohort, once placed in one (list-classes)."`
	Group         string     `json:"group" doc:"The group (kelompok) within the cohort, of the participant's class when they have one." example:"Kelompok 3"`
	ProjectID     uuid.UUID  `json:"projectId" format:"uuid" doc:"The participant's change project, created with the enrollment."`
	// The listing, so that a list of enrollments is shown without a call
	// per enrollment.
	ParticipantName     string    `json:"participantName" doc:"The participant's name." example:"Dr. Budi Santoso"`
	ParticipantSortName string    `json:"participantSortName" doc:"Their name as listed: without titles and degrees, in lower case (domain.SortName)." example:"budi santoso"`
	ProjectTitle        string    `json:"projectTitle" doc:"Their project's title; empty until they write one." example:"Antrean Daring Adminduk"`
	ProjectStatus       string    `json:"projectStatus" enum:"draft,design_submitted,design_approved,implementing,final_submitted,completed" doc:"Their project's status, as get-project answers it." example:"draft"`
	Version             int64     `json:"version" doc:"Increases with every change; the ETag names it." example:"1"`
	CreatedAt           time.Time `json:"createdAt" doc:"When the participant was enrolled."`
	UpdatedAt           time.Time `json:"updatedAt" doc:"When the enrollment last changed."`
	Offered
}

func newEnrollment(e domain.Enrollment) Enrollment {
	return Enrollment{ID: e.ID, CohortID: e.CohortID, ParticipantID: e.ParticipantID, MentorID: e.MentorID, CoachID: e.CoachID,
		ClassID: e.ClassID, Group: e.Group, ProjectID: e.ProjectID, Version: e.Version, CreatedAt: e.CreatedAt, UpdatedAt: e.UpdatedAt, Offered: offered(e.Offer),
		ParticipantName: e.Listing.ParticipantName, ParticipantSortName: domain.SortName(e.Listing.ParticipantName),
		ProjectTitle: e.Listing.ProjectTitle, ProjectStatus: string(e.Listing.ProjectStatus)}
}

// EnrollmentCreate is the body of enroll-participant.
type EnrollmentCreate struct {
	ParticipantID uuid.UUID  `json:"participantId" format:"uuid" doc:"The participant."`
	MentorID      uuid.UUID  `json:"mentorId" format:"uuid" doc:"Their mentor; someone other than the participant."`
	CoachID       *uuid.UUID `json:"coachId,omitempty" format:"uuid" doc:"Their coach; must be a coach of the cohort."`
	ClassID       *uuid.UUID `json:"classId,omitempty" format:"uuid" doc:"Their class; must be a class of the cohort (class.unknown)."`
	Group         string     `json:"group,omitempty" maxLength:"200" doc:"Their group." example:"Kelompok 3"`
}

// EnrollmentPatch is the body of update-enrollment, a JSON merge patch.
type EnrollmentPatch struct {
	MentorID Optional[uuid.UUID] `json:"mentorId,omitempty" format:"uuid" doc:"The new mentor; the former mentor loses access to the project at once."`
	CoachID  Optional[uuid.UUID] `json:"coachId,omitempty" format:"uuid" doc:"The new coach, a coach of the cohort; null leaves the participant without a coach."`
	Group    Optional[string]    `json:"group,omitempty" maxLength:"200" example:"Kelompok 2" doc:"The new group."`
	ClassID  Optional[uuid.UUID] `json:"classId,omitempty" format:"uuid" doc:"The new class, a class of the cohort (else class.unknown); null takes the participant out of their class."`
}

type enrollmentOutput struct {
	ETag string `header:"ETag" doc:"The version of the enrollment, for If-Match."`
	Body Enrollment
}

func enrollmentAnswer(e domain.Enrollment, err error) (*enrollmentOutput, error) {
	if err != nil {
		return nil, err
	}
	return &enrollmentOutput{ETag: etag(e.Version), Body: newEnrollment(e)}, nil
}

// EnrollmentPath names an enrollment in the path.
type EnrollmentPath struct {
	EnrollmentID uuid.UUID `path:"enrollmentId" format:"uuid" doc:"The enrollment's id."`
}

// RosterRowResult says what the import did with one row of the roster.
type RosterRowResult struct {
	Row                       int        `json:"row" doc:"The row's line in the file (the header is line 1)." example:"2"`
	Email                     string     `json:"email" doc:"The participant's e-mail address." example:"budi.santoso@batam.go.id"`
	ParticipantID             uuid.UUID  `json:"participantId" format:"uuid" doc:"The participant's account."`
	MentorID                  uuid.UUID  `json:"mentorId" format:"uuid" doc:"The mentor's account."`
	AgencyID                  *uuid.UUID `json:"agencyId,omitempty" format:"uuid" doc:"The participant's agency."`
	EnrollmentID              uuid.UUID  `json:"enrollmentId" format:"uuid" doc:"The enrollment."`
	ProjectID                 uuid.UUID  `json:"projectId" format:"uuid" doc:"The participant's project."`
	Enrollment                string     `json:"enrollment" enum:"created,updated,unchanged" doc:"What happened to the enrollment." example:"created"`
	CreatedParticipant        bool       `json:"createdParticipant" doc:"Whether the participant's account was created."`
	CreatedMentor             bool       `json:"createdMentor" doc:"Whether the mentor's account was created."`
	CreatedAgency             bool       `json:"createdAgency" doc:"Whether the agency was created."`
	UnitID                    *uuid.UUID `json:"unitId,omitempty" format:"uuid" doc:"The participant's work unit named by the row (column unit / Unit Kerja)."`
	MentorUnitID              *uuid.UUID `json:"mentorUnitId,omitempty" format:"uuid" doc:"The mentor's work unit named by the row (column mentor_unit / Unit Kerja Mentor)."`
	CreatedUnits              int        `json:"createdUnits" doc:"How many work units this row created in the agency (0 to 2)." example:"0"`
	ClassID                   *uuid.UUID `json:"classId,omitempty" format:"uuid" doc:"The class the row names (class column), found in the cohort by name whatever the case, or created."`
	CreatedClass              bool       `json:"createdClass" doc:"Whether the row's class was created."`
	ParticipantActivationCode string     `json:"participantActivationCode,omitempty" doc:"One-time activation code of a created participant account: hand it out. Shown only now." example:"7KQ2-M9XD-4TPA"`
	MentorActivationCode      string     `json:"mentorActivationCode,omitempty" doc:"One-time activation code of a created mentor account. Shown only now." example:"X3RT-88QW-N2KD"`
}

// RosterImportResult is the answer of import-roster.
type RosterImportResult struct {
	Rows               []RosterRowResult `json:"rows" doc:"One result per row, in the file's order."`
	EnrollmentsCreated int               `json:"enrollmentsCreated" doc:"How many participants were enrolled." example:"2"`
	EnrollmentsUpdated int               `json:"enrollmentsUpdated" doc:"How many enrollments got another mentor, coach or group." example:"0"`
	AccountsCreated    int               `json:"accountsCreated" doc:"How many accounts were created (each with an activation code)." example:"3"`
}

func newRosterImportResult(outcomes []domain.RosterOutcome) RosterImportResult {
	out := RosterImportResult{Rows: make([]RosterRowResult, len(outcomes))}
	for i, o := range outcomes {
		out.Rows[i] = RosterRowResult{Row: o.Line, Email: o.Email, ParticipantID: o.ParticipantID, MentorID: o.MentorID, AgencyID: o.AgencyID,
			EnrollmentID: o.EnrollmentID, ProjectID: o.ProjectID, Enrollment: string(o.Enrollment), CreatedParticipant: o.CreatedParticipant,
			CreatedMentor: o.CreatedMentor, CreatedAgency: o.CreatedAgency, UnitID: o.UnitID, MentorUnitID: o.MentorUnitID, CreatedUnits: o.CreatedUnits,
			ClassID: o.ClassID, CreatedClass: o.CreatedClass,
			ParticipantActivationCode: o.ParticipantActivationCode,
			MentorActivationCode:      o.MentorActivationCode}
		switch o.Enrollment {
		case domain.EnrollmentCreated:
			out.EnrollmentsCreated++
		case domain.EnrollmentUpdated:
			out.EnrollmentsUpdated++
		}
		for _, created := range []bool{o.CreatedParticipant, o.CreatedMentor} {
			if created {
				out.AccountsCreated++
			}
		}
	}
	return out
}

// maxRosterBytes bounds a roster upload: 5,000 rows fit easily.
const maxRosterBytes = 4 << 20

// rosterUploadSchema documents the roster as the text it is (Huma would
// describe a raw body as binary).
var rosterUploadSchema = &huma.RequestBody{
	Required:    true,
	Description: "The roster as CSV text, UTF-8.",
	Content: map[string]*huma.MediaType{"text/csv": {Schema: &huma.Schema{Type: "string", MaxLength: intPtr(maxRosterBytes),
		Description: "A header row and one row per participant.",
		Examples: []any{"nip,name,email,position,rank,agency,mentor_email,mentor_name,coach_email,group\n" +
			"198001152005011002,Dr. Budi Santoso,budi.santoso@batam.go.id,Kepala Dinas Kominfo,IV/c,Pemerintah Kota Batam,jefridin@batam.go.id,Drs. Jefridin,,Kelompok 1\n"}}}},
}

func registerEnrollments(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "enroll-participant", Method: http.MethodPost, Path: "/cohorts/{cohortId}/enrollments", DefaultStatus: http.StatusCreated,
		Summary: "Enroll a participant", Tags: []string{"enrollments"}, Security: signedIn, Metadata: idempotent,
		Description: "Enrolls a participant in the cohort with their mentor, coach and group, and creates their change project in draft. The cohort's organizers may do this. A participant is enrolled once per cohort (409).",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		CohortPath
		IdempotencyKeyHeader
		Body EnrollmentCreate
	}) (*enrollmentOutput, error) {
		b := in.Body
		return enrollmentAnswer(s.Cohorts.Enroll(ctx, actorOf(ctx), in.CohortID, domain.EnrollmentPlan{ParticipantID: b.ParticipantID, MentorID: b.MentorID, CoachID: b.CoachID, ClassID: b.ClassID, Group: b.Group}))
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-enrollments", Method: http.MethodGet, Path: "/cohorts/{cohortId}/enrollments",
		Summary: "List a cohort's participants", Tags: []string{"enrollments"}, Security: signedIn,
		Description: "Lists the cohort's enrollments in the order they were made. Organizers and examiners see all; mentors and coaches see their own participants; a participant sees their own enrollment.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		CohortPath
		PageParams
	}) (*listOutput[Enrollment], error) {
		return listAnswer(ctx, newEnrollment)(s.Cohorts.ListEnrollments(ctx, actorOf(ctx), in.CohortID, in.request()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "get-enrollment", Method: http.MethodGet, Path: "/enrollments/{enrollmentId}",
		Summary: "Get an enrollment", Tags: []string{"enrollments"}, Security: signedIn,
		Description: "Returns an enrollment to the cohort's organizers and examiners, and to its participant, mentor and coach.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *EnrollmentPath) (*enrollmentOutput, error) {
		return enrollmentAnswer(s.Cohorts.GetEnrollment(ctx, actorOf(ctx), in.EnrollmentID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "update-enrollment", Method: http.MethodPatch, Path: "/enrollments/{enrollmentId}",
		Summary: "Change a participant's mentor, coach, class or group", Tags: []string{"enrollments"}, Security: signedIn,
		Description: "Changes the mentor, coach, class or group with a JSON merge patch (RFC 7396). The cohort's organizers may do this. The change is kept in the audit trail; a replaced mentor or coach loses access to the project at once.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusPreconditionFailed, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		EnrollmentPath
		Precondition
		Body EnrollmentPatch `contentType:"application/merge-patch+json"`
	}) (*enrollmentOutput, error) {
		b := in.Body
		changes := domain.EnrollmentChanges{MentorID: b.MentorID.ptr(), CoachID: b.CoachID.ptr(), ClearCoach: b.CoachID.Null, Group: b.Group.ptr(),
			ClassID: b.ClassID.ptr(), ClearClass: b.ClassID.Null}
		return enrollmentAnswer(s.Cohorts.UpdateEnrollment(ctx, actorOf(ctx), in.EnrollmentID, changes, in.expected()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "import-roster", Method: http.MethodPost, Path: "/cohorts/{cohortId}/roster", MaxBodyBytes: maxRosterBytes,
		Summary: "Import the cohort's roster from CSV", Tags: []string{"enrollments"}, Security: signedIn,
		Description: "Enrolls everyone on a roster exported from a spreadsheet: UTF-8 CSV (a BOM is fine) with a header row and the columns " +
			"`nip,name,email,position,rank,agency,mentor_email,mentor_name,coach_email,group`, or their Indonesian names " +
			"`NIP,Nama,Email,Jabatan,Pangkat/Golongan,Instansi,Email Mentor,Nama Mentor,Email Coach,Kelompok`, in any order, any case and with any spaces, separated by commas or semicolons " +
			"(as Indonesian Excel writes it). Two more columns may be given: `unit` and `mentor_unit` (`Unit Kerja`, `Unit Kerja Mentor`), the work units of the participant and the mentor in the row's agency, " +
			"found by name in any case or created (their kind guessed from the name); a new account gets its unit, an existing account of that agency without a unit gets it, other accounts keep theirs. " +
			"The `class` column (`Kelas`) may be given too: the participant's class in the cohort, found by name in any case or created; a row without a class leaves the participant's class as it is. " +
			"Unknown agencies and people get created, new accounts with one-time activation codes to hand out. " +
			"All rows or none: any bad row answers 422 with every problem named by row and column as the file's header wrote it (`rows[<line>].<column>`, e.g. `rows[3].mentor_email` or `rows[3].Email Mentor`). " +
			"Importing the same file again changes nothing; a changed mentor, coach or group updates the enrollment. Coaches must already be coaches of the cohort. The cohort's organizers may do this.",
		Errors: []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		CohortPath
		RawBody []byte `contentType:"text/csv" doc:"The roster as CSV."`
	}) (*struct{ Body RosterImportResult }, error) {
		outcomes, err := s.Cohorts.ImportRoster(ctx, actorOf(ctx), in.CohortID, func() (domain.Roster, error) {
			return rostercsv.Parse(bytes.NewReader(in.RawBody))
		})
		if err != nil {
			return nil, err
		}
		return &struct{ Body RosterImportResult }{Body: newRosterImportResult(outcomes)}, nil
	})
	documentRequestBody(api, "import-roster", rosterUploadSchema)
}
