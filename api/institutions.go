package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// Institution is a training institution as clients see it.
type Institution struct {
	ID        uuid.UUID `json:"id" format:"uuid" doc:"The institution's id."`
	Name      string    `json:"name" doc:"Name." example:"Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur"`
	Code      string    `json:"code" doc:"Short code, unique." example:"BPSDM-JATIM"`
	CreatedAt time.Time `json:"createdAt" doc:"When it was registered."`
}

func newInstitution(in domain.Institution) Institution {
	return Institution{ID: in.ID, Name: in.Name, Code: in.Code, CreatedAt: in.CreatedAt}
}

// InstitutionCreate is the body of create-institution.
type InstitutionCreate struct {
	Name string `json:"name" minLength:"1" maxLength:"200" doc:"Name." example:"Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur"`
	Code string `json:"code" minLength:"1" maxLength:"40" doc:"Short code, unique regardless of case." example:"BPSDM-JATIM"`
}

// InstitutionOrganizerAdd is the body of add-institution-organizer.
type InstitutionOrganizerAdd struct {
	UserID uuid.UUID `json:"userId" format:"uuid" doc:"The user who may create cohorts for the institution."`
}

// Agency is a government agency as clients see it.
type Agency struct {
	ID        uuid.UUID `json:"id" format:"uuid" doc:"The agency's id."`
	Name      string    `json:"name" doc:"Name, unique regardless of case." example:"Pemerintah Kota Batam"`
	Province  string    `json:"province" doc:"Its province; empty for a central agency (K/L)." example:"Kepulauan Riau"`
	Regency   string    `json:"regency" doc:"Its regency or city (kabupaten/kota), in full; empty for a provincial or central agency." example:"Kota Batam"`
	Region    string    `json:"region" doc:"Regency and province in one line, as the first API had it." example:"Kota Batam, Kepulauan Riau"`
	Version   int64     `json:"version" doc:"Increases with every change; the ETag names it." example:"1"`
	CreatedAt time.Time `json:"createdAt" doc:"When it was registered."`
}

func newAgency(a domain.Agency) Agency {
	return Agency{ID: a.ID, Name: a.Name, Province: a.Province, Regency: a.Regency, Region: a.Region, Version: a.Version, CreatedAt: a.CreatedAt}
}

// AgencyCreate is the body of create-agency.
type AgencyCreate struct {
	Name     string `json:"name" minLength:"1" maxLength:"200" doc:"Name, unique regardless of case." example:"Pemerintah Kabupaten Soppeng"`
	Province string `json:"province,omitempty" maxLength:"200" doc:"Its province, one of Indonesia's 38 (any case; \"Provinsi\" and common short forms such as \"Jateng\" are understood). Leave out for a central agency." example:"Sulawesi Selatan"`
	Regency  string `json:"regency,omitempty" maxLength:"200" doc:"Its regency or city, beginning with Kabupaten (or Kab.) or Kota; needs a province. Leave out for a provincial or central agency." example:"Kabupaten Soppeng"`
	Region   string `json:"region,omitempty" maxLength:"200" doc:"Deprecated: the place in one line, a province or \"regency, province\". Read only when province and regency are left out." example:"Sulawesi Selatan"`
}

func registerInstitutions(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "create-institution", Method: http.MethodPost, Path: "/institutions", DefaultStatus: http.StatusCreated,
		Summary: "Register a training institution", Tags: []string{"institutions"}, Security: signedIn, Metadata: idempotent,
		Description: "Registers an institution that runs leadership trainings (LAN RI, a provincial BPSDM). Platform admins only.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		IdempotencyKeyHeader
		Body InstitutionCreate
	}) (*struct{ Body Institution }, error) {
		created, err := s.Directory.CreateInstitution(ctx, actorOf(ctx), in.Body.Name, in.Body.Code)
		if err != nil {
			return nil, err
		}
		return &struct{ Body Institution }{Body: newInstitution(created)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-institutions", Method: http.MethodGet, Path: "/institutions",
		Summary: "List training institutions", Tags: []string{"institutions"}, Security: signedIn,
		Description: "Lists institutions by name: all of them for platform admins, for others those they may create cohorts for.",
		Errors:      []int{http.StatusUnauthorized, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct{ PageParams }) (*listOutput[Institution], error) {
		return listAnswer(ctx, newInstitution)(s.Directory.ListInstitutions(ctx, actorOf(ctx), in.request()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "add-institution-organizer", Method: http.MethodPost, Path: "/institutions/{institutionId}/organizers", DefaultStatus: http.StatusNoContent,
		Summary: "Let a user create cohorts for an institution", Tags: []string{"institutions"}, Security: signedIn,
		Description: "Makes a user an organizer of the institution: they may then create its cohorts, and become the first organizer of each cohort they create. Platform admins only. Adding someone twice changes nothing.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		InstitutionID uuid.UUID `path:"institutionId" format:"uuid" doc:"The institution's id."`
		Body          InstitutionOrganizerAdd
	}) (*struct{}, error) {
		return nil, s.Directory.AddInstitutionOrganizer(ctx, actorOf(ctx), in.InstitutionID, in.Body.UserID)
	})

	huma.Register(api, huma.Operation{
		OperationID: "create-agency", Method: http.MethodPost, Path: "/agencies", DefaultStatus: http.StatusCreated,
		Summary: "Register a government agency", Tags: []string{"agencies"}, Security: signedIn, Metadata: idempotent,
		Description: "Registers an agency (instansi) where participants and mentors work. Platform admins and organizers may do this; the roster import also creates agencies it does not know.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		IdempotencyKeyHeader
		Body AgencyCreate
	}) (*struct{ Body Agency }, error) {
		b := in.Body
		created, err := s.Directory.CreateAgencyOf(ctx, actorOf(ctx), domain.AgencyDraft{Name: b.Name, Province: b.Province, Regency: b.Regency, Region: b.Region})
		if err != nil {
			return nil, err
		}
		return &struct{ Body Agency }{Body: newAgency(created)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-agencies", Method: http.MethodGet, Path: "/agencies",
		Summary: "List government agencies", Tags: []string{"agencies"}, Security: signedIn,
		Description: "Lists agencies by name; `q` matches any part of the name. Agencies are public bodies: every signed-in user may list them.",
		Errors:      []int{http.StatusUnauthorized, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		PageParams
		Q string `query:"q" maxLength:"100" doc:"Text to look for in the name." example:"batam"`
	}) (*listOutput[Agency], error) {
		return listAnswer(ctx, newAgency)(s.Directory.ListAgencies(ctx, in.Q, in.request()))
	})
}
