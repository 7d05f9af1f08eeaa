package domain

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
)

// UnitKind is what kind of work unit (unit kerja) a unit is in its agency.
type UnitKind string

// The kinds of work unit. Regional governments (Pemda) are organised in
// perangkat daerah: dinas, badan, inspektorat, sekretariat (daerah, DPRD)
// with their bagian, and kecamatan; ministries and national bodies (K/L) in
// sekretariat, direktorat, biro, pusat and kantor (a regional office).
const (
	UnitDinas       UnitKind = "dinas"
	UnitBadan       UnitKind = "badan"
	UnitInspektorat UnitKind = "inspektorat"
	UnitSekretariat UnitKind = "sekretariat"
	UnitBagian      UnitKind = "bagian"
	UnitBiro        UnitKind = "biro"
	UnitDirektorat  UnitKind = "direktorat"
	UnitPusat       UnitKind = "pusat"
	UnitKantor      UnitKind = "kantor"
	UnitKecamatan   UnitKind = "kecamatan"
	UnitOther       UnitKind = "other"
)

// UnitKindInfo is a kind of work unit with its Indonesian label.
type UnitKindInfo struct {
	Kind  UnitKind
	Label string
}

// UnitKinds lists the kinds of work unit in the order a form offers them,
// with the label people know them by. It is the one list: the API's enum
// and the web app's choices are made from it.
var UnitKinds = []UnitKindInfo{
	{UnitDinas, "Dinas"},
	{UnitBadan, "Badan"},
	{UnitInspektorat, "Inspektorat"},
	{UnitSekretariat, "Sekretariat"},
	{UnitBagian, "Bagian"},
	{UnitBiro, "Biro"},
	{UnitDirektorat, "Direktorat"},
	{UnitPusat, "Pusat"},
	{UnitKantor, "Kantor"},
	{UnitKecamatan, "Kecamatan"},
	{UnitOther, "Lainnya"},
}

// UnitKindNames lists the kinds' names, for enums and problems.
func UnitKindNames() []string {
	out := make([]string, len(UnitKinds))
	for i, k := range UnitKinds {
		out[i] = string(k.Kind)
	}
	return out
}

// Label is the kind's Indonesian label ("Lainnya" for other).
func (k UnitKind) Label() string {
	for _, i := range UnitKinds {
		if i.Kind == k {
			return i.Label
		}
	}
	return "Lainnya"
}

// ParseUnitKind returns the kind named s (any case), or an Invalid error
// on field "kind".
func ParseUnitKind(s string) (UnitKind, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, k := range UnitKinds {
		if string(k.Kind) == s {
			return k.Kind, nil
		}
	}
	return "", Invalid("kind", CodeFieldNotOneOf, Params{"values": strings.Join(UnitKindNames(), ", ")})
}

// unitKindPrefixes guess a unit's kind from how its name begins: the full
// word, or the customary abbreviations (Disdukcapil, Diskominfo, Dinkes;
// Bappeda, Bapenda, BKPSDM, BPBD; Setda, Setwan).
var unitKindPrefixes = []struct {
	prefix string
	kind   UnitKind
}{
	{"dinas", UnitDinas}, {"badan", UnitBadan}, {"inspektorat", UnitInspektorat}, {"sekretariat", UnitSekretariat},
	{"bagian", UnitBagian}, {"biro", UnitBiro}, {"direktorat", UnitDirektorat}, {"pusat", UnitPusat},
	{"kantor", UnitKantor}, {"kecamatan", UnitKecamatan}, {"setda", UnitSekretariat}, {"setwan", UnitSekretariat},
	{"sekda", UnitSekretariat}, {"dis", UnitDinas}, {"din", UnitDinas}, {"bappeda", UnitBadan}, {"bapenda", UnitBadan},
	{"bkpsdm", UnitBadan}, {"bkd", UnitBadan}, {"bpbd", UnitBadan}, {"bpkad", UnitBadan}, {"bpkd", UnitBadan},
	{"bag.", UnitBagian}, {"ditjen", UnitDirektorat}, {"dit.", UnitDirektorat}, {"pus", UnitPusat},
}

// GuessUnitKind guesses the kind of a unit from its name ("Dinas
// Kesehatan", "Disdukcapil", "Bappeda", "Bagian Organisasi"); other when
// the name says nothing. The roster import, which names units only, and
// create-unit without a kind use it.
func GuessUnitKind(name string) UnitKind {
	first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(name)), " ")
	for _, p := range unitKindPrefixes {
		if first == p.prefix || (len(p.prefix) <= 3 && strings.HasPrefix(first, p.prefix)) {
			return p.kind
		}
	}
	return UnitOther
}

// Unit is a work unit (unit kerja, OPD: organisasi perangkat daerah) of an
// agency, such as "Dinas Kependudukan dan Pencatatan Sipil" of Pemerintah
// Kota Batam. Participants, mentors and staff belong to one; projects, the
// showcase and studi tiru name it.
type Unit struct {
	ID       uuid.UUID
	AgencyID uuid.UUID
	// Name is unique within the agency regardless of case.
	Name      string
	Kind      UnitKind
	Version   int64
	CreatedAt time.Time
	UpdatedAt time.Time
	// Offer is what the caller who read it may do to it now.
	Offer Offer `json:"-"`
}

// The operations on agencies and their units that answers offer.
const (
	OpUpdateAgency Operation = "update-agency"
	OpCreateUnit   Operation = "create-unit"
	OpUpdateUnit   Operation = "update-unit"
)

// unitOffers are the operations on a unit.
var unitOffers = []offer[Unit]{{OpUpdateUnit, ManageUnits, nil}}

// offerUnit sets what actor may do to u now.
func offerUnit(actor *Actor, u *Unit) { u.Offer = offerOf(actor, Target{}, *u, unitOffers) }

// UnitDraft is what an organizer gives to create a unit; an empty kind is
// guessed from the name.
type UnitDraft struct {
	Name string
	Kind string
}

// UnitChanges is a partial update of a unit; nil fields stay as they are.
type UnitChanges struct {
	Name *string
	Kind *string
}

// NewUnit validates a unit of an agency.
func NewUnit(agency uuid.UUID, d UnitDraft, now time.Time) (Unit, error) {
	u := Unit{ID: NewID(), AgencyID: agency, Version: 1, CreatedAt: now, UpdatedAt: now}
	return u, u.apply(UnitChanges{Name: &d.Name, Kind: &d.Kind})
}

// apply changes u, validating each changed field.
func (u *Unit) apply(c UnitChanges) error {
	var v Violations
	if c.Name != nil {
		u.Name = strings.Join(strings.Fields(text(&v, "name", *c.Name, true)), " ")
	}
	if c.Kind != nil {
		if strings.TrimSpace(*c.Kind) == "" {
			u.Kind = GuessUnitKind(u.Name)
		} else {
			kind, err := ParseUnitKind(*c.Kind)
			v.AddError("kind", err)
			u.Kind = kind
		}
	}
	return v.Err()
}

// Affiliation is where a person works: their agency and its place, and
// their unit in it. Project answers name the participant's.
type Affiliation struct {
	AgencyID   *uuid.UUID
	AgencyName string
	Place      Place
	UnitID     *uuid.UUID
	UnitName   string
	UnitKind   UnitKind
}

// UnitStore keeps the work units of agencies.
type UnitStore interface {
	// Create stores new units; a name the agency has already (any case) is
	// a KindConflict error naming "name".
	Create(ctx context.Context, units ...Unit) error
	// Get returns a unit, or KindNotFound.
	Get(ctx context.Context, id uuid.UUID) (Unit, error)
	// Update stores u when its stored version is u.Version-1; else KindStale.
	Update(ctx context.Context, u Unit) error
	// OfAgency returns a page of an agency's units by name.
	OfAgency(ctx context.Context, agency uuid.UUID, page PageRequest) (Page[Unit], error)
	// OfAgencies returns every unit of the given agencies.
	OfAgencies(ctx context.Context, agencies []uuid.UUID) ([]Unit, error)
	// Affiliations returns the affiliation of each of the users, by user
	// (users without an agency have an empty one; unknown users none).
	Affiliations(ctx context.Context, users []uuid.UUID) (map[uuid.UUID]Affiliation, error)
}

// ListUnits lists an agency's units by name. Agencies and their units are
// public bodies: any signed-in user may list them.
func (d *Directory) ListUnits(ctx context.Context, actor *Actor, agencyID uuid.UUID, page PageRequest) (Page[Unit], error) {
	if actor == nil {
		return Page[Unit]{}, Fail(KindUnauthenticated, CodeSignInRequired)
	}
	if _, err := d.store.Agencies().Get(ctx, agencyID); err != nil {
		return Page[Unit]{}, err
	}
	units, err := d.store.Units().OfAgency(ctx, agencyID, page)
	for i := range units.Items {
		offerUnit(actor, &units.Items[i])
	}
	return units, err
}

// CreateUnit adds a work unit to an agency: organizers and platform admins,
// as for agencies.
func (d *Directory) CreateUnit(ctx context.Context, actor *Actor, agencyID uuid.UUID, draft UnitDraft) (Unit, error) {
	if err := Authorize(actor, ManageUnits, Target{}); err != nil {
		return Unit{}, err
	}
	now := d.now()
	u, err := NewUnit(agencyID, draft, now)
	if err != nil {
		return Unit{}, err
	}
	err = d.store.WithinTx(ctx, func(tx Store) error {
		if _, err := tx.Agencies().Get(ctx, agencyID); err != nil {
			return err
		}
		if err := tx.Units().Create(ctx, u); err != nil {
			return err
		}
		e := event(actor, now, "unit.created", "unit", u.ID)
		e.After, e.Details.Title = u, u.Name
		return tx.Events().Append(ctx, e)
	})
	offerUnit(actor, &u)
	return u, err
}

// UpdateUnit renames a unit or changes its kind. ifMatch, when set, is the
// version the client last read.
func (d *Directory) UpdateUnit(ctx context.Context, actor *Actor, id uuid.UUID, c UnitChanges, ifMatch *int64) (Unit, error) {
	if err := Authorize(actor, ManageUnits, Target{}); err != nil {
		return Unit{}, err
	}
	now := d.now()
	var u Unit
	err := d.store.WithinTx(ctx, func(tx Store) error {
		var err error
		if u, err = tx.Units().Get(ctx, id); err != nil {
			return err
		}
		if err := checkVersion(ifMatch, u.Version); err != nil {
			return err
		}
		before := u
		if err := u.apply(c); err != nil {
			return err
		}
		u.Version++
		u.UpdatedAt = now
		if err := tx.Units().Update(ctx, u); err != nil {
			return err
		}
		e := event(actor, now, "unit.updated", "unit", u.ID)
		e.Before, e.After, e.Details.Title = before, u, u.Name
		return tx.Events().Append(ctx, e)
	})
	offerUnit(actor, &u)
	return u, err
}

// Affiliation returns where a user works. It is for answers about
// something the caller may already see (a project and its participant).
func (d *Directory) Affiliation(ctx context.Context, user uuid.UUID) (Affiliation, error) {
	found, err := d.store.Units().Affiliations(ctx, []uuid.UUID{user})
	return found[user], err
}

// checkUnit checks that a user's unit, if any, is a unit of their agency:
// an unknown unit, or one of another agency (or a unit without an agency),
// is an Invalid error naming field.
func checkUnit(ctx context.Context, store Store, field string, agency, unit *uuid.UUID) error {
	if unit == nil {
		return nil
	}
	u, err := store.Units().Get(ctx, *unit)
	switch {
	case KindOf(err) == KindNotFound:
		return Invalid(field, CodeUnitUnknown)
	case err != nil:
		return err
	case agency == nil || u.AgencyID != *agency:
		return Invalid(field, CodeUnitNotOfAgency, Params{"unit": u.Name})
	}
	return nil
}
