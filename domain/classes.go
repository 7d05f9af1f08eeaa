package domain

import (
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// Class is a kelas: the level between a cohort (angkatan) and its groups
// (kelompok). A large angkatan is taught in classes, "Kelas A" and
// "Kelas B"; each participant's enrollment may belong to one class, and
// the groups of the participants of a class are that class's groups.
// Coaches may be assigned to a class, as its wali kelas or coaches.
type Class struct {
	ID       uuid.UUID
	CohortID uuid.UUID
	// Name is unique within the cohort, whatever its case.
	Name string
	// CoachIDs are the cohort's coaches assigned to the class.
	CoachIDs []uuid.UUID
	// Participants counts the enrollments in the class, as read.
	Participants int
	// Groups lists the groups of the class's participants, by name, as
	// read.
	Groups    []string
	Version   int64
	CreatedAt time.Time
	UpdatedAt time.Time
	// Offer is what the caller who read it may do to it now.
	Offer Offer `json:"-"`
}

// ClassPlan is what an organizer gives to create or change a class.
type ClassPlan struct {
	Name string
	// CoachIDs replaces the class's coaches when not nil.
	CoachIDs []uuid.UUID
}

// ClassStore keeps the classes of cohorts.
type ClassStore interface {
	// List returns a cohort's classes by name, each with its coaches, its
	// participant count and its groups.
	List(ctx context.Context, cohort uuid.UUID) ([]Class, error)
	// Get returns a class as List does, or KindNotFound.
	Get(ctx context.Context, id uuid.UUID) (Class, error)
	// Create stores a class with its coaches; a name the cohort has
	// already (in any case) is a KindConflict naming "name".
	Create(ctx context.Context, c Class) error
	// Update stores the class's name and coaches when its stored version is
	// c.Version-1, else KindStale. Conflicts as in Create.
	Update(ctx context.Context, c Class) error
	// Delete removes a class.
	Delete(ctx context.Context, id uuid.UUID) error
}

// Classes keeps the classes of cohorts: their organizers create, rename
// and delete them and assign coaches; everyone in the cohort sees them.
type Classes struct {
	store Store
	now   func() time.Time
}

// NewClasses returns the class service.
func NewClasses(store Store, now func() time.Time) *Classes {
	return &Classes{store: store, now: now}
}

// The operations on classes.
const (
	OpListClasses Operation = "list-classes"
	OpCreateClass Operation = "create-class"
	OpUpdateClass Operation = "update-class"
	OpDeleteClass Operation = "delete-class"
)

// classOffers are the operations on a class: a class with participants
// cannot be deleted.
var classOffers = []offer[Class]{
	{OpUpdateClass, ManageClasses, nil},
	{OpDeleteClass, ManageClasses, Class.checkDeletable},
}

// checkDeletable refuses to delete a class that has participants.
func (c Class) checkDeletable() error {
	if c.Participants > 0 {
		return Conflict(CodeClassNotEmpty, Params{"count": c.Participants})
	}
	return nil
}

// offerClass sets what actor may do to the class now.
func offerClass(actor *Actor, c *Class) {
	c.Offer = offerOf(actor, Target{CohortID: c.CohortID}, *c, classOffers)
}

// ListClasses lists a cohort's classes, by name, to anyone in it.
func (s *Classes) ListClasses(ctx context.Context, actor *Actor, cohortID uuid.UUID) ([]Class, error) {
	if err := Authorize(actor, ReadCohort, Target{CohortID: cohortID}); err != nil {
		return nil, err
	}
	list, err := s.store.Classes().List(ctx, cohortID)
	for i := range list {
		offerClass(actor, &list[i])
	}
	return list, err
}

// checkClass validates a class's name and coaches against its cohort's
// staff.
func checkClass(ctx context.Context, tx Store, c *Class) error {
	var v Violations
	c.Name = text(&v, "name", c.Name, true)
	if len(c.CoachIDs) > 0 {
		staff, err := tx.Cohorts().Staff(ctx, c.CohortID)
		if err != nil {
			return err
		}
		for i, id := range c.CoachIDs {
			if !slices.ContainsFunc(staff, func(m StaffMember) bool { return m.UserID == id && m.Role == StaffCoach }) {
				v.Add("coachIds["+strconv.Itoa(i)+"]", CodeEnrollmentCoachNotStaff)
			}
		}
	}
	return v.Err()
}

// CreateClass adds a class to a cohort.
func (s *Classes) CreateClass(ctx context.Context, actor *Actor, cohortID uuid.UUID, plan ClassPlan) (Class, error) {
	if err := Authorize(actor, ManageClasses, Target{CohortID: cohortID}); err != nil {
		return Class{}, err
	}
	now := s.now().UTC()
	c := Class{ID: NewID(), CohortID: cohortID, Name: plan.Name, CoachIDs: uniqueIDs(plan.CoachIDs), Groups: []string{},
		Version: 1, CreatedAt: now, UpdatedAt: now}
	err := s.store.WithinTx(ctx, func(tx Store) error {
		if err := checkClass(ctx, tx, &c); err != nil {
			return err
		}
		if err := tx.Classes().Create(ctx, c); err != nil {
			return err
		}
		e := event(actor, now, "class.created", "class", c.ID)
		e.CohortID, e.After, e.Details.Title = &c.CohortID, c, c.Name
		return tx.Events().Append(ctx, e)
	})
	offerClass(actor, &c)
	return c, err
}

// UpdateClass renames a class or replaces its coaches.
func (s *Classes) UpdateClass(ctx context.Context, actor *Actor, id uuid.UUID, name *string, coachIDs []uuid.UUID, ifMatch *int64) (Class, error) {
	now := s.now().UTC()
	var c Class
	err := s.store.WithinTx(ctx, func(tx Store) error {
		var err error
		if c, err = s.load(ctx, tx, actor, id); err != nil {
			return err
		}
		if err := checkVersion(ifMatch, c.Version); err != nil {
			return err
		}
		before := c
		if name != nil {
			c.Name = *name
		}
		if coachIDs != nil {
			c.CoachIDs = uniqueIDs(coachIDs)
		}
		if err := checkClass(ctx, tx, &c); err != nil {
			return err
		}
		c.Version++
		c.UpdatedAt = now
		if err := tx.Classes().Update(ctx, c); err != nil {
			return err
		}
		e := event(actor, now, "class.updated", "class", c.ID)
		e.CohortID, e.Before, e.After, e.Details.Title = &c.CohortID, before, c, c.Name
		return tx.Events().Append(ctx, e)
	})
	offerClass(actor, &c)
	return c, err
}

// DeleteClass removes an empty class. A class with participants is
// refused with CodeClassNotEmpty: moving people silently to no class
// would lose how the organizers arranged them.
func (s *Classes) DeleteClass(ctx context.Context, actor *Actor, id uuid.UUID) error {
	return s.store.WithinTx(ctx, func(tx Store) error {
		c, err := s.load(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		if err := c.checkDeletable(); err != nil {
			return err
		}
		if err := tx.Classes().Delete(ctx, id); err != nil {
			return err
		}
		e := event(actor, s.now().UTC(), "class.deleted", "class", id)
		e.CohortID, e.Before, e.Details.Title = &c.CohortID, c, c.Name
		return tx.Events().Append(ctx, e)
	})
}

// load reads a class the actor may manage.
func (s *Classes) load(ctx context.Context, tx Store, actor *Actor, id uuid.UUID) (Class, error) {
	c, err := tx.Classes().Get(ctx, id)
	if KindOf(err) == KindNotFound {
		return Class{}, NotFound("class")
	}
	if err != nil {
		return Class{}, err
	}
	if err := Authorize(actor, ReadCohort, Target{CohortID: c.CohortID}); err != nil {
		return Class{}, NotFound("class")
	}
	return c, Authorize(actor, ManageClasses, Target{CohortID: c.CohortID})
}

// CheckClassFilter checks a classId filter of a cohort's progress or
// workload: the class must be one of the cohort's, else an Invalid error
// naming "query.classId".
func CheckClassFilter(ctx context.Context, store Store, cohortID uuid.UUID, classID *uuid.UUID) error {
	if classID == nil {
		return nil
	}
	c, err := store.Classes().Get(ctx, *classID)
	if KindOf(err) == KindNotFound || (err == nil && c.CohortID != cohortID) {
		return Invalid("query.classId", CodeClassUnknown)
	}
	return err
}

// checkEnrollmentClass checks that an enrollment's class is one of its
// cohort's, else an Invalid error naming "classId".
func checkEnrollmentClass(ctx context.Context, tx Store, e Enrollment) error {
	if e.ClassID == nil {
		return nil
	}
	c, err := tx.Classes().Get(ctx, *e.ClassID)
	if KindOf(err) == KindNotFound || (err == nil && c.CohortID != e.CohortID) {
		return Invalid("classId", CodeClassUnknown)
	}
	return err
}

// uniqueIDs returns ids without repeats, in their first order, never nil.
func uniqueIDs(ids []uuid.UUID) []uuid.UUID {
	out := []uuid.UUID{}
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// classChange describes the move of an enrollment from one class to
// another by their names, or nil when the class did not change.
func classChange(ctx context.Context, tx Store, from, to *uuid.UUID) (*EnrollmentChange, error) {
	if (from == nil && to == nil) || (from != nil && to != nil && *from == *to) {
		return nil, nil
	}
	name := func(id *uuid.UUID) (string, error) {
		if id == nil {
			return "", nil
		}
		c, err := tx.Classes().Get(ctx, *id)
		return c.Name, err
	}
	f, err := name(from)
	if err != nil {
		return nil, err
	}
	t, err := name(to)
	if err != nil {
		return nil, err
	}
	return &EnrollmentChange{Field: "class", From: f, To: t}, nil
}

// CheckFilter checks a classId filter of a cohort's progress before an
// export of it begins: the actor may follow the cohort's progress, and the
// class is one of the cohort's (else an Invalid error naming
// "query.classId").
func (s *Classes) CheckFilter(ctx context.Context, actor *Actor, cohortID uuid.UUID, classID *uuid.UUID) error {
	if err := Authorize(actor, ReadProgress, Target{CohortID: cohortID}); err != nil {
		return err
	}
	return CheckClassFilter(ctx, s.store, cohortID, classID)
}
