package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// UnitKind is the kind of a work unit, one of domain.UnitKinds.
type UnitKind string

// Schema lists the kinds.
func (UnitKind) Schema(huma.Registry) *huma.Schema {
	s := &huma.Schema{Type: huma.TypeString, Description: "The kind of work unit: dinas, badan, inspektorat, sekretariat, bagian, biro, direktorat, pusat, kantor, kecamatan or other (lainnya).",
		Examples: []any{"dinas"}}
	for _, k := range domain.UnitKindNames() {
		s.Enum = append(s.Enum, k)
	}
	return s
}

// Unit is a work unit (unit kerja, OPD) of an agency as clients see it.
type Unit struct {
	ID        uuid.UUID `json:"id" format:"uuid" doc:"The unit's id."`
	AgencyID  uuid.UUID `json:"agencyId" format:"uuid" doc:"The agency it belongs to."`
	Name      string    `json:"name" doc:"Name, unique within the agency regardless of case." example:"Dinas Kependudukan dan Pencatatan Sipil"`
	Kind      UnitKind  `json:"kind" doc:"Its kind."`
	KindLabel string    `json:"kindLabel" doc:"The kind as people call it, in Indonesian." example:"Dinas"`
	Version   int64     `json:"version" doc:"Increases with every change; the ETag names it." example:"1"`
	CreatedAt time.Time `json:"createdAt" doc:"When it was registered."`
	UpdatedAt time.Time `json:"updatedAt" doc:"When it last changed."`
	Offered
}

func newUnit(u domain.Unit) Unit {
	return Unit{ID: u.ID, AgencyID: u.AgencyID, Name: u.Name, Kind: UnitKind(u.Kind), KindLabel: u.Kind.Label(), Version: u.Version,
		CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt, Offered: offered(u.Offer)}
}

// Affiliation is where a person works: their agency, its place, and their
// work unit.
type Affiliation struct {
	AgencyID   *uuid.UUID `json:"agencyId,omitempty" format:"uuid" doc:"Their agency; absent when not known."`
	AgencyName string     `json:"agencyName" doc:"Its name." example:"Pemerintah Kota Batam"`
	Province   string     `json:"province" doc:"Its province." example:"Kepulauan Riau"`
	Regency    string     `json:"regency" doc:"Its regency or city; empty for a provincial or central agency." example:"Kota Batam"`
	Region     string     `json:"region" doc:"Regency and province in one line." example:"Kota Batam, Kepulauan Riau"`
	UnitID     *uuid.UUID `json:"unitId,omitempty" format:"uuid" doc:"Their work unit; absent when not known."`
	UnitName   string     `json:"unitName" doc:"Its name." example:"Dinas Kependudukan dan Pencatatan Sipil"`
}

func newAffiliation(a domain.Affiliation) *Affiliation {
	return &Affiliation{AgencyID: a.AgencyID, AgencyName: a.AgencyName, Province: a.Place.Province, Regency: a.Place.Regency,
		Region: a.Place.Region(), UnitID: a.UnitID, UnitName: a.UnitName}
}

// UnitCreate is the body of create-unit.
type UnitCreate struct {
	Name string `json:"name" minLength:"1" maxLength:"200" doc:"Name, unique within the agency regardless of case." example:"Dinas Komunikasi dan Informatika"`
	Kind string `json:"kind,omitempty" maxLength:"40" doc:"Its kind (see list-unit-kinds); left out, it is guessed from the name (\"Dinas …\", \"Disdukcapil\" are dinas, \"Bappeda\" a badan), else other." example:"dinas"`
}

// UnitPatch is the body of update-unit, a JSON merge patch.
type UnitPatch struct {
	Name Optional[string] `json:"name,omitempty" maxLength:"200" doc:"New name." example:"Dinas Komunikasi, Informatika dan Statistik"`
	Kind Optional[string] `json:"kind,omitempty" maxLength:"40" doc:"New kind (see list-unit-kinds)." example:"dinas"`
}

// UnitKindEntry is a kind of work unit with its label.
type UnitKindEntry struct {
	Kind  UnitKind `json:"kind" doc:"The kind."`
	Label string   `json:"label" doc:"How people call it, in Indonesian." example:"Dinas"`
}

// UnitKindList is the answer of list-unit-kinds.
type UnitKindList struct {
	Items []UnitKindEntry `json:"items" doc:"The kinds, in the order a form offers them."`
}

// AgencyPatch is the body of update-agency, a JSON merge patch.
type AgencyPatch struct {
	Name     Optional[string] `json:"name,omitempty" maxLength:"200" doc:"New name." example:"Pemerintah Kota Batam"`
	Province Optional[string] `json:"province,omitempty" maxLength:"200" doc:"New province; null or \"\" removes it (a central agency)." example:"Kepulauan Riau"`
	Regency  Optional[string] `json:"regency,omitempty" maxLength:"200" doc:"New regency or city, beginning with Kabupaten or Kota; null or \"\" removes it." example:"Kota Batam"`
}

func (p AgencyPatch) changes() domain.AgencyChanges {
	c := domain.AgencyChanges{Name: p.Name.ptr()}
	if p.Province.Set {
		v := p.Province.Value // null clears: the empty string
		c.Province = &v
	}
	if p.Regency.Set {
		v := p.Regency.Value
		c.Regency = &v
	}
	return c
}

type unitOutput struct {
	ETag string `header:"ETag" doc:"The version of the unit, for If-Match."`
	Body Unit
}

func unitAnswer(u domain.Unit, err error) (*unitOutput, error) {
	if err != nil {
		return nil, err
	}
	return &unitOutput{ETag: etag(u.Version), Body: newUnit(u)}, nil
}

type agencyOutput struct {
	ETag string `header:"ETag" doc:"The version of the agency, for If-Match."`
	Body Agency
}

func agencyAnswer(a domain.Agency, err error) (*agencyOutput, error) {
	if err != nil {
		return nil, err
	}
	return &agencyOutput{ETag: etag(a.Version), Body: newAgency(a)}, nil
}

func registerUnits(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "get-agency", Method: http.MethodGet, Path: "/agencies/{agencyId}",
		Summary: "Get a government agency", Tags: []string{"agencies"}, Security: signedIn,
		Description: "Returns an agency with its province and regency or city. Agencies are public bodies: every signed-in user may read them.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *AgencyPath) (*agencyOutput, error) {
		return agencyAnswer(s.Directory.GetAgency(ctx, actorOf(ctx), in.AgencyID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "update-agency", Method: http.MethodPatch, Path: "/agencies/{agencyId}",
		Summary: "Change an agency's name or place", Tags: []string{"agencies"}, Security: signedIn,
		Description: "Changes an agency with a JSON merge patch (RFC 7396): its name, province and regency or city. Platform admins and organizers may do this. " +
			"A regency needs a province (422 region.regency_needs_province); the province is one of Indonesia's 38. Publications keep the place they were published with until published again. Send If-Match with the ETag you read.",
		Errors: []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionFailed, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		AgencyPath
		Precondition
		Body AgencyPatch `contentType:"application/merge-patch+json"`
	}) (*agencyOutput, error) {
		return agencyAnswer(s.Directory.UpdateAgency(ctx, actorOf(ctx), in.AgencyID, in.Body.changes(), in.expected()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-units", Method: http.MethodGet, Path: "/agencies/{agencyId}/units",
		Summary: "List an agency's work units", Tags: []string{"agencies"}, Security: signedIn,
		Description: "Lists the work units (unit kerja, OPD: dinas, badan, inspektorat, bagian, …) of an agency by name. Every signed-in user may list them, as agencies.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		AgencyPath
		PageParams
	}) (*listOutput[Unit], error) {
		return listAnswer(ctx, newUnit)(s.Directory.ListUnits(ctx, actorOf(ctx), in.AgencyID, in.request()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "create-unit", Method: http.MethodPost, Path: "/agencies/{agencyId}/units", DefaultStatus: http.StatusCreated,
		Summary: "Add a work unit to an agency", Tags: []string{"agencies"}, Security: signedIn, Metadata: idempotent,
		Description: "Adds a work unit (unit kerja) to an agency. Platform admins and organizers may do this, as they register agencies; the roster import also creates the units it names. A name the agency has already, in any case, is 409 unit.name_taken.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		AgencyPath
		IdempotencyKeyHeader
		Body UnitCreate
	}) (*unitOutput, error) {
		return unitAnswer(s.Directory.CreateUnit(ctx, actorOf(ctx), in.AgencyID, domain.UnitDraft{Name: in.Body.Name, Kind: in.Body.Kind}))
	})

	huma.Register(api, huma.Operation{
		OperationID: "update-unit", Method: http.MethodPatch, Path: "/units/{unitId}",
		Summary: "Rename a work unit or change its kind", Tags: []string{"agencies"}, Security: signedIn,
		Description: "Changes a work unit with a JSON merge patch. Platform admins and organizers may do this. Send If-Match with the ETag you read.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionFailed, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		UnitID uuid.UUID `path:"unitId" format:"uuid" doc:"The unit's id."`
		Precondition
		Body UnitPatch `contentType:"application/merge-patch+json"`
	}) (*unitOutput, error) {
		c := domain.UnitChanges{Name: in.Body.Name.ptr(), Kind: in.Body.Kind.ptr()}
		return unitAnswer(s.Directory.UpdateUnit(ctx, actorOf(ctx), in.UnitID, c, in.expected()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-unit-kinds", Method: http.MethodGet, Path: "/unit-kinds",
		Summary: "List the kinds of work unit", Tags: []string{"agencies"}, Security: signedIn,
		Description: "Lists the kinds of work unit with their Indonesian labels, in the order a form offers them.",
		Errors:      []int{http.StatusUnauthorized},
	}, func(ctx context.Context, _ *struct{}) (*struct{ Body UnitKindList }, error) {
		if actorOf(ctx) == nil {
			return nil, domain.Fail(domain.KindUnauthenticated, domain.CodeSignInRequired)
		}
		out := &struct{ Body UnitKindList }{}
		for _, k := range domain.UnitKinds {
			out.Body.Items = append(out.Body.Items, UnitKindEntry{Kind: UnitKind(k.Kind), Label: k.Label})
		}
		return out, nil
	})
}
