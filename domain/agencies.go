package domain

import (
	"context"

	"github.com/google/uuid"
)

// AgencyChanges is a partial update of an agency; nil fields stay as they
// are. A province or regency set to "" removes it (a regency needs a
// province).
type AgencyChanges struct {
	Name     *string
	Province *string
	Regency  *string
}

// apply changes a, validating each changed field and the place as a whole.
func (a *Agency) apply(c AgencyChanges) error {
	var v Violations
	if c.Name != nil {
		a.Name = text(&v, "name", *c.Name, true)
	}
	if c.Province != nil || c.Regency != nil {
		province, regency := a.Province, a.Regency
		if c.Province != nil {
			province = *c.Province
		}
		if c.Regency != nil {
			regency = *c.Regency
		}
		place, err := NewPlace(province, regency)
		v.AddError("", err)
		a.setPlace(place)
	}
	return v.Err()
}

// CreateAgencyOf registers a government agency with its place: platform
// admins and organizers (the roster import also creates agencies).
func (d *Directory) CreateAgencyOf(ctx context.Context, actor *Actor, draft AgencyDraft) (Agency, error) {
	if err := Authorize(actor, CreateAgency, Target{}); err != nil {
		return Agency{}, err
	}
	a, err := NewAgencyOf(draft, d.now())
	if err != nil {
		return Agency{}, err
	}
	err = d.store.WithinTx(ctx, func(tx Store) error {
		if err := tx.Agencies().Create(ctx, a); err != nil {
			return err
		}
		e := event(actor, a.CreatedAt, "agency.created", "agency", a.ID)
		e.After = a
		return tx.Events().Append(ctx, e)
	})
	return a, err
}

// GetAgency returns an agency; agencies are public bodies, which every
// signed-in user may read.
func (d *Directory) GetAgency(ctx context.Context, actor *Actor, id uuid.UUID) (Agency, error) {
	if actor == nil {
		return Agency{}, Fail(KindUnauthenticated, CodeSignInRequired)
	}
	return d.store.Agencies().Get(ctx, id)
}

// UpdateAgency renames an agency or changes its place, as organizers and
// platform admins may. ifMatch, when set, is the version the client last
// read. Publications keep the place they were published with until their
// participant publishes again.
func (d *Directory) UpdateAgency(ctx context.Context, actor *Actor, id uuid.UUID, c AgencyChanges, ifMatch *int64) (Agency, error) {
	if err := Authorize(actor, UpdateAgency, Target{}); err != nil {
		return Agency{}, err
	}
	now := d.now()
	var a Agency
	err := d.store.WithinTx(ctx, func(tx Store) error {
		var err error
		if a, err = tx.Agencies().Get(ctx, id); err != nil {
			return err
		}
		if err := checkVersion(ifMatch, a.Version); err != nil {
			return err
		}
		before := a
		if err := a.apply(c); err != nil {
			return err
		}
		a.Version++
		if err := tx.Agencies().Update(ctx, a); err != nil {
			return err
		}
		e := event(actor, now, "agency.updated", "agency", a.ID)
		e.Before, e.After = before, a
		return tx.Events().Append(ctx, e)
	})
	return a, err
}
