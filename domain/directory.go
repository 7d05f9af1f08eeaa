package domain

import (
	"context"
	"slices"
	"time"

	"github.com/google/uuid"
)

// Directory keeps the people, institutions and agencies of Proper.
type Directory struct {
	store Store
	now   func() time.Time
}

// NewDirectory returns the directory service.
func NewDirectory(store Store, now func() time.Time) *Directory {
	return &Directory{store: store, now: now}
}

// CreateUser creates an account. With a password the person can sign in at
// once; without one they get a one-time activation code, returned here
// once, that the organizer hands over. The account is registered by
// p.RegisteredBy, which must be an institution the organizer organizes for;
// left out, it is their only one (platform admins may leave it out).
func (d *Directory) CreateUser(ctx context.Context, actor *Actor, p UserProfile, password string) (User, string, error) {
	if err := Authorize(actor, CreateUser, Target{}); err != nil {
		return User{}, "", err
	}
	if p.PlatformAdmin {
		if err := Authorize(actor, GrantPlatformAdmin, Target{}); err != nil {
			return User{}, "", err
		}
	}
	actor, err := withOrganizing(ctx, d.store, actor)
	if err != nil {
		return User{}, "", err
	}
	registrar, err := registeringInstitution(actor, p.RegisteredBy)
	if err != nil {
		return User{}, "", err
	}
	p.RegisteredBy = registrar
	return d.createUser(ctx, actor, p, password)
}

// registeringInstitution decides on whose behalf an organizer creates an
// account: the institution named, which they must organize for, or else
// their only one.
func registeringInstitution(actor *Actor, named *uuid.UUID) (*uuid.UUID, error) {
	own := actor.OrganizesFor
	switch {
	case named != nil && (actor.PlatformAdmin || slices.Contains(own, *named)):
		return named, nil
	case named != nil:
		return nil, Invalid("institutionId", CodeInstitutionNotYours)
	case actor.PlatformAdmin:
		return nil, nil
	case len(own) == 1:
		return &own[0], nil
	}
	return nil, Invalid("institutionId", CodeInstitutionChoose)
}

// CreatePlatformAdmin creates a platform admin with a password, for the
// command line of the installation's operator (there is no actor yet).
func (d *Directory) CreatePlatformAdmin(ctx context.Context, email, name, password string) (User, error) {
	if err := ValidatePassword("password", password); err != nil {
		return User{}, err
	}
	u, _, err := d.createUser(ctx, nil, UserProfile{Email: email, Name: name, PlatformAdmin: true}, password)
	return u, err
}

func (d *Directory) createUser(ctx context.Context, actor *Actor, p UserProfile, password string) (User, string, error) {
	now := d.now()
	u, err := newUser(p, now)
	var v Violations
	v.AddError("", err)
	if password != "" {
		v.AddError("password", ValidatePassword("password", password))
	}
	if err := v.Err(); err != nil {
		return User{}, "", err
	}
	var code string
	creds := Credentials{}
	if password != "" {
		creds.PasswordHash = HashPassword(password)
		u.Activated = true
	} else {
		code, creds = newActivation(now)
	}
	err = d.store.WithinTx(ctx, func(tx Store) error {
		if err := checkAgency(ctx, tx, u.AgencyID); err != nil {
			return err
		}
		if err := checkUnit(ctx, tx, "unitId", u.AgencyID, u.UnitID); err != nil {
			return err
		}
		if err := tx.Users().Create(ctx, Account{User: u, Credentials: creds}); err != nil {
			return err
		}
		e := event(actor, now, "user.created", "user", u.ID)
		e.After = u
		return tx.Events().Append(ctx, e)
	})
	return u, code, err
}

func checkAgency(ctx context.Context, store Store, id *uuid.UUID) error {
	if id == nil {
		return nil
	}
	ok, err := store.Agencies().Exists(ctx, *id)
	if err == nil && !ok {
		err = Invalid("agencyId", CodeAgencyUnknown)
	}
	return err
}

// GetUser returns a user the actor may see.
func (d *Directory) GetUser(ctx context.Context, actor *Actor, id uuid.UUID) (User, error) {
	user, target, err := userTarget(ctx, d.store, id)
	if err != nil {
		return User{}, err
	}
	return user, Authorize(actor, ReadUser, target)
}

// UpdateUser changes a user's profile. ifMatch, when set, is the version the
// client last read (KindStale when it changed since). Only a platform admin
// may grant or take platform administration. People changing their own
// e-mail or NIP to one that is taken count a look-up (countLookup).
func (d *Directory) UpdateUser(ctx context.Context, actor *Actor, id uuid.UUID, c UserChanges, ifMatch *int64) (User, error) {
	now := d.now()
	var lookup int64
	if (c.Email != nil || c.NIP != nil) && actor != nil && actor.UserID == id && !actor.PlatformAdmin {
		// A refused address or NIP would tell that another account has it.
		var err error
		if lookup, err = countLookup(ctx, d.store, actor, now); err != nil {
			return User{}, err
		}
	}
	var user User
	err := d.store.WithinTx(ctx, func(tx Store) error {
		var target Target
		var err error
		user, target, err = userTarget(ctx, tx, id)
		if err != nil {
			return err
		}
		if actor, err = withOrganizing(ctx, tx, actor); err != nil {
			return err
		}
		if err := Authorize(actor, UpdateUser, target); err != nil {
			return err
		}
		if c.PlatformAdmin != nil && *c.PlatformAdmin != user.PlatformAdmin {
			if err := Authorize(actor, GrantPlatformAdmin, target); err != nil {
				return err
			}
		}
		if err := checkVersion(ifMatch, user.Version); err != nil {
			return err
		}
		before := user
		if err := user.apply(c); err != nil {
			return err
		}
		if err := checkAgency(ctx, tx, user.AgencyID); err != nil {
			return err
		}
		if err := checkUnit(ctx, tx, "unitId", user.AgencyID, user.UnitID); err != nil {
			return err
		}
		user.Version++
		user.UpdatedAt = now
		if err := tx.Users().Update(ctx, user); err != nil {
			return err
		}
		e := event(actor, now, "user.updated", "user", user.ID)
		e.Before, e.After = before, user
		return tx.Events().Append(ctx, e)
	})
	if lookup != 0 && KindOf(err) != KindConflict {
		if ferr := d.store.LoginFailures().Forget(context.WithoutCancel(ctx), lookup); ferr != nil && err == nil {
			err = ferr
		}
	}
	return user, err
}

// checkVersion compares the version a client last read with the stored one.
func checkVersion(ifMatch *int64, stored int64) error {
	if ifMatch != nil && *ifMatch != stored {
		return Fail(KindStale, CodeStale)
	}
	return nil
}

// ListUsers searches the directory by name, e-mail or NIP.
func (d *Directory) ListUsers(ctx context.Context, actor *Actor, q string, page PageRequest) (Page[User], error) {
	if err := Authorize(actor, ListUsers, Target{}); err != nil {
		return Page[User]{}, err
	}
	return d.store.Users().List(ctx, q, page)
}

// CreateInstitution registers a training institution.
func (d *Directory) CreateInstitution(ctx context.Context, actor *Actor, name, code string) (Institution, error) {
	if err := Authorize(actor, CreateInstitution, Target{}); err != nil {
		return Institution{}, err
	}
	in, err := NewInstitution(name, code, d.now())
	if err != nil {
		return Institution{}, err
	}
	err = d.store.WithinTx(ctx, func(tx Store) error {
		if err := tx.Institutions().Create(ctx, in); err != nil {
			return err
		}
		e := event(actor, in.CreatedAt, "institution.created", "institution", in.ID)
		e.After = in
		return tx.Events().Append(ctx, e)
	})
	return in, err
}

// ListInstitutions lists all institutions to a platform admin and, to
// anyone else, those they organize for.
func (d *Directory) ListInstitutions(ctx context.Context, actor *Actor, page PageRequest) (Page[Institution], error) {
	if actor == nil {
		return Page[Institution]{}, Fail(KindUnauthenticated, CodeSignInRequired)
	}
	return d.store.Institutions().List(ctx, actor.Institutions, actor.PlatformAdmin, page)
}

// AddInstitutionOrganizer lets a user create cohorts for an institution.
func (d *Directory) AddInstitutionOrganizer(ctx context.Context, actor *Actor, institution, user uuid.UUID) error {
	if err := Authorize(actor, ManageInstitution, Target{InstitutionID: institution}); err != nil {
		return err
	}
	now := d.now()
	return d.store.WithinTx(ctx, func(tx Store) error {
		if _, err := tx.Institutions().Get(ctx, institution); err != nil {
			return err
		}
		if _, err := tx.Users().Get(ctx, user); err != nil {
			if KindOf(err) == KindNotFound {
				return Invalid("userId", CodeUserUnknown)
			}
			return err
		}
		if err := tx.Institutions().AddOrganizer(ctx, institution, user); err != nil {
			return err
		}
		e := event(actor, now, "institution.organizer_added", "institution", institution)
		e.After = map[string]uuid.UUID{"userId": user}
		return tx.Events().Append(ctx, e)
	})
}

// CreateAgency registers a government agency, its place given as a region
// in one line (see CreateAgencyOf).
func (d *Directory) CreateAgency(ctx context.Context, actor *Actor, name, region string) (Agency, error) {
	return d.CreateAgencyOf(ctx, actor, AgencyDraft{Name: name, Region: region})
}

// ListAgencies lists agencies by name, matching q when given. Agencies are
// public bodies: any signed-in user may list them.
func (d *Directory) ListAgencies(ctx context.Context, q string, page PageRequest) (Page[Agency], error) {
	return d.store.Agencies().List(ctx, q, page)
}
