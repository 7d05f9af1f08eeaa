package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// Phase is one dated stage of a cohort.
type Phase struct {
	Kind     string      `json:"kind" enum:"design,design_seminar,implementation,final_seminar" doc:"The stage: design (rancangan), design_seminar, implementation (laboratorium kepemimpinan), final_seminar." example:"design"`
	StartsOn domain.Date `json:"startsOn" format:"date" doc:"First day." example:"2024-03-04"`
	EndsOn   domain.Date `json:"endsOn" format:"date" doc:"Last day." example:"2024-03-22"`
}

// Cohort is a cohort (angkatan) as clients see it.
type Cohort struct {
	ID                   uuid.UUID   `json:"id" format:"uuid" doc:"The cohort's id."`
	InstitutionID        uuid.UUID   `json:"institutionId" format:"uuid" doc:"The institution that runs it."`
	Program              string      `json:"program" enum:"pkn1,pkn2,pka,pkp" doc:"The training: pkn1 and pkn2 (Pelatihan Kepemimpinan Nasional Tingkat I and II), pka (Administrator), pkp (Pengawas)." example:"pkn2"`
	Code                 string      `json:"code" doc:"Code, unique within the institution." example:"PKN2-XII-2024"`
	Name                 string      `json:"name" doc:"Name." example:"PKN II Angkatan XII Tahun 2024"`
	StartsOn             domain.Date `json:"startsOn" format:"date" doc:"First day of the training." example:"2024-03-04"`
	EndsOn               domain.Date `json:"endsOn" format:"date" doc:"Last day of the training." example:"2024-08-30"`
	Phases               []Phase     `json:"phases" doc:"The schedule, in order, inside the training's dates."`
	ResponseDeadlineDays int         `json:"responseDeadlineDays" minimum:"1" maximum:"90" doc:"How many working days (weekends and the holidays of list-holidays do not count) a mentor or coach has to answer what waits for their review; waiting longer is late and escalated to the coach and the organizers." example:"7"`
	Version              int64       `json:"version" doc:"Increases with every change; the ETag names it." example:"1"`
	CreatedAt            time.Time   `json:"createdAt" doc:"When it was created."`
	UpdatedAt            time.Time   `json:"updatedAt" doc:"When it last changed."`
	CohortProgram
	Offered
}

func newCohort(c domain.Cohort) Cohort {
	return Cohort{ID: c.ID, InstitutionID: c.InstitutionID, Program: string(c.Program), Code: c.Code, Name: c.Name,
		StartsOn: c.StartsOn, EndsOn: c.EndsOn, Phases: newPhases(c.Phases), ResponseDeadlineDays: c.ResponseDeadlineDays, Version: c.Version,
		CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt, CohortProgram: newCohortProgram(c), Offered: offered(c.Offer)}
}

func newPhases(phases []domain.Phase) []Phase {
	out := make([]Phase, len(phases))
	for i, p := range phases {
		out[i] = Phase{Kind: string(p.Kind), StartsOn: p.StartsOn, EndsOn: p.EndsOn}
	}
	return out
}

func phasesOf(phases []Phase) []domain.Phase {
	out := make([]domain.Phase, len(phases))
	for i, p := range phases {
		out[i] = domain.Phase{Kind: domain.PhaseKind(p.Kind), StartsOn: p.StartsOn, EndsOn: p.EndsOn}
	}
	return out
}

// CohortCreate is the body of create-cohort.
type CohortCreate struct {
	InstitutionID        uuid.UUID   `json:"institutionId" format:"uuid" doc:"The institution that runs the cohort; you must organize for it."`
	Program              string      `json:"program" enum:"pkn1,pkn2,pka,pkp" doc:"The training program." example:"pkn2"`
	Code                 string      `json:"code" minLength:"1" maxLength:"200" doc:"Code, unique within the institution." example:"PKN2-XII-2024"`
	Name                 string      `json:"name" minLength:"1" maxLength:"200" doc:"Name." example:"PKN II Angkatan XII Tahun 2024"`
	StartsOn             domain.Date `json:"startsOn" format:"date" doc:"First day." example:"2024-03-04"`
	EndsOn               domain.Date `json:"endsOn" format:"date" doc:"Last day; not before startsOn." example:"2024-08-30"`
	Phases               []Phase     `json:"phases,omitempty" maxItems:"4" doc:"The schedule: design, design_seminar, implementation, final_seminar, each at most once, in this order, inside the cohort's dates, not overlapping."`
	ResponseDeadlineDays *int        `json:"responseDeadlineDays,omitempty" minimum:"1" maximum:"90" doc:"How many working days a mentor or coach has to answer what waits for their review (1–90); 7 when left out." example:"7"`
	CohortFromTemplate
}

// CohortPatch is the body of update-cohort, a JSON merge patch.
type CohortPatch struct {
	Code                 Optional[string]      `json:"code,omitempty" maxLength:"200" example:"PKN2-XIII-2026" doc:"New code."`
	Name                 Optional[string]      `json:"name,omitempty" maxLength:"200" example:"PKN Tingkat II Angkatan XIII Tahun 2026" doc:"New name."`
	StartsOn             Optional[domain.Date] `json:"startsOn,omitempty" format:"date" doc:"New first day."`
	EndsOn               Optional[domain.Date] `json:"endsOn,omitempty" format:"date" doc:"New last day."`
	Phases               *[]Phase              `json:"phases,omitempty" maxItems:"4" doc:"The whole new schedule (it replaces the old one)."`
	ResponseDeadlineDays Optional[int]         `json:"responseDeadlineDays,omitempty" minimum:"1" maximum:"90" example:"5" doc:"The new response deadline, in working days (1–90)."`
	CohortProgramPatch
}

// CohortPath names a cohort in the path.
type CohortPath struct {
	CohortID uuid.UUID `path:"cohortId" format:"uuid" doc:"The cohort's id."`
}

type cohortOutput struct {
	ETag string `header:"ETag" doc:"The version of the cohort, for If-Match."`
	Body Cohort
}

func cohortAnswer(c domain.Cohort, err error) (*cohortOutput, error) {
	if err != nil {
		return nil, err
	}
	return &cohortOutput{ETag: etag(c.Version), Body: newCohort(c)}, nil
}

// StaffMember is a user with a staff role in a cohort.
type StaffMember struct {
	UserID  uuid.UUID `json:"userId" format:"uuid" doc:"The staff member."`
	Role    string    `json:"role" enum:"organizer,coach,examiner" doc:"Their role." example:"coach"`
	Name    string    `json:"name" doc:"Their name." example:"Drs. Ahmad Fauzi, M.Si."`
	Email   string    `json:"email" doc:"Their e-mail address." example:"ahmad.fauzi@bpsdm.jatimprov.go.id"`
	AddedAt time.Time `json:"addedAt" doc:"When they got the role."`
}

func newStaffMember(m domain.StaffMember) StaffMember {
	return StaffMember{UserID: m.UserID, Role: string(m.Role), Name: m.Name, Email: m.Email, AddedAt: m.AddedAt}
}

// StaffAdd is the body of add-cohort-staff.
type StaffAdd struct {
	UserID uuid.UUID `json:"userId" format:"uuid" doc:"The user to give the role."`
	Role   string    `json:"role" enum:"organizer,coach,examiner" doc:"organizer (penyelenggara), coach (widyaiswara) or examiner (penguji)." example:"coach"`
}

type staffListOutput struct {
	Body struct {
		Items []StaffMember `json:"items" doc:"The staff, by role and name."`
	}
}

func registerCohorts(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "create-cohort", Method: http.MethodPost, Path: "/cohorts", DefaultStatus: http.StatusCreated,
		Summary: "Create a cohort", Tags: []string{"cohorts"}, Security: signedIn, Metadata: idempotent,
		Description: "Creates a cohort (angkatan) of a training program with its schedule. Platform admins and organizers of the institution may do this; the creator becomes the cohort's first organizer.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		IdempotencyKeyHeader
		Body CohortCreate
	}) (*cohortOutput, error) {
		b := in.Body
		return cohortAnswer(s.Cohorts.CreateCohort(ctx, actorOf(ctx), domain.CohortPlan{InstitutionID: b.InstitutionID, Program: b.Program,
			Code: b.Code, Name: b.Name, StartsOn: b.StartsOn, EndsOn: b.EndsOn, Phases: phasesOf(b.Phases), ResponseDeadlineDays: b.ResponseDeadlineDays,
			TemplateID: b.TemplateID, PartnerInstitutionID: b.PartnerInstitutionID}))
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-cohorts", Method: http.MethodGet, Path: "/cohorts",
		Summary: "List my cohorts", Tags: []string{"cohorts"}, Security: signedIn,
		Description: "Lists the cohorts where you hold a role (platform admins: all), newest first.",
		Errors:      []int{http.StatusUnauthorized, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ PageParams }) (*listOutput[Cohort], error) {
		return listAnswer(ctx, newCohort)(s.Cohorts.ListCohorts(ctx, actorOf(ctx), in.request()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "get-cohort", Method: http.MethodGet, Path: "/cohorts/{cohortId}",
		Summary: "Get a cohort", Tags: []string{"cohorts"}, Security: signedIn,
		Description: "Returns a cohort where you hold a role.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *CohortPath) (*cohortOutput, error) {
		return cohortAnswer(s.Cohorts.GetCohort(ctx, actorOf(ctx), in.CohortID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "update-cohort", Method: http.MethodPatch, Path: "/cohorts/{cohortId}",
		Summary: "Change a cohort", Tags: []string{"cohorts"}, Security: signedIn,
		Description: "Changes a cohort's code, name, dates, schedule or response deadline with a JSON merge patch (RFC 7396). The cohort's organizers may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionFailed, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		CohortPath
		Precondition
		Body CohortPatch `contentType:"application/merge-patch+json"`
	}) (*cohortOutput, error) {
		b := in.Body
		changes := domain.CohortChanges{Code: b.Code.ptr(), Name: b.Name.ptr(), StartsOn: b.StartsOn.ptr(), EndsOn: b.EndsOn.ptr(),
			ResponseDeadlineDays: b.ResponseDeadlineDays.ptr()}
		b.CohortProgramPatch.apply(&changes)
		if b.Phases != nil {
			phases := phasesOf(*b.Phases)
			changes.Phases = &phases
		}
		return cohortAnswer(s.Cohorts.UpdateCohort(ctx, actorOf(ctx), in.CohortID, changes, in.expected()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "add-cohort-staff", Method: http.MethodPost, Path: "/cohorts/{cohortId}/staff", DefaultStatus: http.StatusCreated,
		Summary: "Give a user a staff role in a cohort", Tags: []string{"cohorts"}, Security: signedIn, Metadata: idempotent,
		Description: "Makes a user an organizer, coach or examiner of the cohort. The cohort's organizers may do this. Giving a role the user already holds changes nothing.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		CohortPath
		IdempotencyKeyHeader
		Body StaffAdd
	}) (*struct{ Body StaffMember }, error) {
		role, err := domain.ParseStaffRole(in.Body.Role)
		if err != nil {
			return nil, err
		}
		m, err := s.Cohorts.AddStaff(ctx, actorOf(ctx), in.CohortID, in.Body.UserID, role)
		if err != nil {
			return nil, err
		}
		return &struct{ Body StaffMember }{Body: newStaffMember(m)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-cohort-staff", Method: http.MethodGet, Path: "/cohorts/{cohortId}/staff",
		Summary: "List a cohort's staff", Tags: []string{"cohorts"}, Security: signedIn,
		Description: "Lists the cohort's organizers, coaches and examiners, by role and name, or only those of `role`. The cohort's staff may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound},
	}, func(ctx context.Context, in *struct {
		CohortPath
		Role string `query:"role" enum:"organizer,coach,examiner" doc:"Only the staff of this role (the examiners to assign to a seminar session)."`
	}) (*staffListOutput, error) {
		staff, err := s.Cohorts.ListStaff(ctx, actorOf(ctx), in.CohortID)
		if err != nil {
			return nil, err
		}
		out := &staffListOutput{}
		out.Body.Items = []StaffMember{}
		for _, m := range staff {
			if in.Role == "" || string(m.Role) == in.Role {
				out.Body.Items = append(out.Body.Items, newStaffMember(m))
			}
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "remove-cohort-staff", Method: http.MethodDelete, Path: "/cohorts/{cohortId}/staff/{userId}", DefaultStatus: http.StatusNoContent,
		Summary: "Take a user's staff roles in a cohort", Tags: []string{"cohorts"}, Security: signedIn,
		Description: "Takes the user's staff roles in the cohort, or only `role` when given. A coach who still coaches participants must first be replaced on their enrollments (409), and a cohort keeps at least one organizer (409).",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict},
	}, func(ctx context.Context, in *struct {
		CohortPath
		UserID uuid.UUID `path:"userId" format:"uuid" doc:"The staff member."`
		Role   string    `query:"role" enum:"organizer,coach,examiner" doc:"Take only this role."`
	}) (*struct{}, error) {
		return nil, s.Cohorts.RemoveStaff(ctx, actorOf(ctx), in.CohortID, in.UserID, domain.StaffRole(in.Role))
	})
}
