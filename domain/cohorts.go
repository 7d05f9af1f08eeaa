package domain

import (
	"context"
	"slices"
	"time"

	"github.com/google/uuid"
)

// Cohorts runs cohorts: their schedule, their staff and their enrollments.
type Cohorts struct {
	store Store
	now   func() time.Time
	// Mail queues e-mail about mentor transfers, when enabled.
	Mail Mailer
}

// NewCohorts returns the cohort service.
func NewCohorts(store Store, now func() time.Time) *Cohorts {
	return &Cohorts{store: store, now: now}
}

// CreateCohort creates a cohort for an institution the actor organizes for;
// the actor becomes its first organizer.
func (s *Cohorts) CreateCohort(ctx context.Context, actor *Actor, plan CohortPlan) (Cohort, error) {
	now := s.now()
	var cohort Cohort
	err := s.store.WithinTx(ctx, func(tx Store) error {
		if _, err := tx.Institutions().Get(ctx, plan.InstitutionID); err != nil {
			if KindOf(err) == KindNotFound {
				return Invalid("institutionId", CodeInstitutionUnknown)
			}
			return err
		}
		if err := Authorize(actor, CreateCohort, Target{InstitutionID: plan.InstitutionID}); err != nil {
			return err
		}
		template, err := templateForCohort(ctx, tx, actor, plan)
		if err != nil {
			return err
		}
		if err := checkPartner(ctx, tx, plan.PartnerInstitutionID); err != nil {
			return err
		}
		if cohort, err = newCohort(plan, template, now); err != nil {
			return err
		}
		if err := tx.Cohorts().Create(ctx, cohort); err != nil {
			return err
		}
		// Phases given the old way become the first items of the agenda.
		if err := tx.Agenda().Create(ctx, agendaOfPhases(cohort, cohort.Phases, now)...); err != nil {
			return err
		}
		if _, err := tx.Cohorts().AddStaff(ctx, StaffMember{CohortID: cohort.ID, UserID: actor.UserID, Role: StaffOrganizer, AddedAt: now}); err != nil {
			return err
		}
		for _, r := range RubricsOf(cohort.ID, template.Rubrics) {
			if err := tx.Assessments().SaveRubric(ctx, r); err != nil {
				return err
			}
		}
		e := event(actor, now, "cohort.created", "cohort", cohort.ID)
		e.CohortID, e.After = &cohort.ID, cohort
		return tx.Events().Append(ctx, e)
	})
	if err != nil {
		return Cohort{}, err
	}
	organizer := *actor // as the cohort's first organizer, from now on
	organizer.Roles = append(slices.Clone(actor.Roles), CohortRole{CohortID: cohort.ID, Role: RoleOrganizer})
	offerCohort(&organizer, &cohort)
	return cohort, nil
}

// checkPartner checks that a named partner institution exists.
func checkPartner(ctx context.Context, tx Store, partner *uuid.UUID) error {
	if partner == nil {
		return nil
	}
	if _, err := tx.Institutions().Get(ctx, *partner); KindOf(err) == KindNotFound {
		return Invalid("partnerInstitutionId", CodeInstitutionUnknown)
	} else if err != nil {
		return err
	}
	return nil
}

// GetCohort returns a cohort where the actor holds a role.
func (s *Cohorts) GetCohort(ctx context.Context, actor *Actor, id uuid.UUID) (Cohort, error) {
	if err := Authorize(actor, ReadCohort, Target{CohortID: id}); err != nil {
		return Cohort{}, err
	}
	c, err := s.store.Cohorts().Get(ctx, id)
	offerCohort(actor, &c)
	return c, err
}

// ListCohorts lists the cohorts where the actor holds a role (all for a
// platform admin), newest first.
func (s *Cohorts) ListCohorts(ctx context.Context, actor *Actor, page PageRequest) (Page[Cohort], error) {
	if actor == nil {
		return Page[Cohort]{}, Fail(KindUnauthenticated, CodeSignInRequired)
	}
	list, err := s.store.Cohorts().List(ctx, CohortScopeOf(actor), page)
	for i := range list.Items {
		offerCohort(actor, &list.Items[i])
	}
	return list, err
}

// UpdateCohort changes a cohort's code, name, dates, phases, partner, or
// its copy of its template's values.
func (s *Cohorts) UpdateCohort(ctx context.Context, actor *Actor, id uuid.UUID, c CohortChanges, ifMatch *int64) (Cohort, error) {
	if err := Authorize(actor, UpdateCohort, Target{CohortID: id}); err != nil {
		return Cohort{}, err
	}
	now := s.now()
	var cohort Cohort
	err := s.store.WithinTx(ctx, func(tx Store) error {
		var err error
		if cohort, err = tx.Cohorts().Get(ctx, id); err != nil {
			return err
		}
		if err := checkVersion(ifMatch, cohort.Version); err != nil {
			return err
		}
		before := cohort
		if err := checkPartner(ctx, tx, c.PartnerInstitutionID); err != nil {
			return err
		}
		// The phases derived from the agenda are checked again only when
		// the cohort's dates change (so that a shorter cohort names the
		// phases left outside it); phases given are checked and replace
		// the agenda's items of their kinds.
		derived := cohort.Phases
		if c.Phases == nil && c.StartsOn == nil && c.EndsOn == nil {
			cohort.Phases = nil
		}
		if err := cohort.apply(c); err != nil {
			return err
		}
		if c.Phases == nil {
			cohort.Phases = derived
		}
		cohort.Version++
		cohort.UpdatedAt = now
		if err := tx.Cohorts().Update(ctx, cohort); err != nil {
			return err
		}
		if c.Phases != nil {
			if err := replacePhaseItems(ctx, tx, cohort, *c.Phases, now); err != nil {
				return err
			}
		}
		if err := checkAgendaWithin(ctx, tx, cohort); err != nil {
			return err
		}
		items, err := tx.Agenda().OfCohorts(ctx, id)
		if err != nil {
			return err
		}
		cohort.Phases = Agenda(items).Phases()
		e := event(actor, now, "cohort.updated", "cohort", id)
		e.CohortID, e.Before, e.After = &id, before, cohort
		return tx.Events().Append(ctx, e)
	})
	offerCohort(actor, &cohort)
	return cohort, err
}

// AddStaff gives a user a staff role in a cohort. Adding a role the user
// already holds changes nothing and is not an error.
func (s *Cohorts) AddStaff(ctx context.Context, actor *Actor, cohortID, userID uuid.UUID, role StaffRole) (StaffMember, error) {
	if err := Authorize(actor, ManageStaff, Target{CohortID: cohortID}); err != nil {
		return StaffMember{}, err
	}
	now := s.now()
	member := StaffMember{CohortID: cohortID, UserID: userID, Role: role, AddedAt: now}
	err := s.store.WithinTx(ctx, func(tx Store) error {
		if _, err := tx.Cohorts().Get(ctx, cohortID); err != nil {
			return err
		}
		user, err := tx.Users().Get(ctx, userID)
		if KindOf(err) == KindNotFound {
			return Invalid("userId", CodeUserUnknown)
		} else if err != nil {
			return err
		}
		member.Name, member.Email = user.Name, user.Email
		added, err := tx.Cohorts().AddStaff(ctx, member)
		if err != nil || !added {
			return err
		}
		e := event(actor, now, "cohort.staff_added", "cohort", cohortID)
		e.CohortID, e.After = &cohortID, member
		return tx.Events().Append(ctx, e)
	})
	return member, err
}

// ListStaff lists a cohort's organizers, coaches and examiners.
func (s *Cohorts) ListStaff(ctx context.Context, actor *Actor, cohortID uuid.UUID) ([]StaffMember, error) {
	if err := Authorize(actor, ReadStaff, Target{CohortID: cohortID}); err != nil {
		return nil, err
	}
	return s.store.Cohorts().Staff(ctx, cohortID)
}

// RemoveStaff takes a user's staff roles in a cohort (only role when given).
// A coach who still coaches participants must first be replaced on their
// enrollments, and a cohort keeps at least one organizer.
func (s *Cohorts) RemoveStaff(ctx context.Context, actor *Actor, cohortID, userID uuid.UUID, role StaffRole) error {
	if err := Authorize(actor, ManageStaff, Target{CohortID: cohortID}); err != nil {
		return err
	}
	now := s.now()
	return s.store.WithinTx(ctx, func(tx Store) error {
		staff, err := tx.Cohorts().Staff(ctx, cohortID)
		if err != nil {
			return err
		}
		var holds, organizers int
		removesOrganizer := false
		for _, m := range staff {
			if m.Role == StaffOrganizer {
				organizers++
			}
			if m.UserID == userID && (role == "" || m.Role == role) {
				holds++
				removesOrganizer = removesOrganizer || m.Role == StaffOrganizer
			}
		}
		if holds == 0 {
			return NotFound("staff member")
		}
		if removesOrganizer && organizers == 1 {
			return Conflict(CodeStaffLastOrganizer)
		}
		if role == "" || role == StaffCoach {
			coached, err := tx.Enrollments().CountCoachedBy(ctx, cohortID, userID)
			if err != nil {
				return err
			}
			if coached > 0 {
				return Conflict(CodeStaffCoachHasParticipants)
			}
		}
		if _, err := tx.Cohorts().RemoveStaff(ctx, cohortID, userID, role); err != nil {
			return err
		}
		e := event(actor, now, "cohort.staff_removed", "cohort", cohortID)
		e.CohortID, e.Before = &cohortID, map[string]any{"userId": userID, "role": role}
		return tx.Events().Append(ctx, e)
	})
}

// Enroll enrolls a participant with their mentor and coach, creating their
// project in draft.
func (s *Cohorts) Enroll(ctx context.Context, actor *Actor, cohortID uuid.UUID, plan EnrollmentPlan) (Enrollment, error) {
	if err := Authorize(actor, ManageEnrollments, Target{CohortID: cohortID}); err != nil {
		return Enrollment{}, err
	}
	var enrollment Enrollment
	err := s.store.WithinTx(ctx, func(tx Store) error {
		var err error
		enrollment, err = s.enroll(ctx, tx, actor, cohortID, plan)
		return err
	})
	offerEnrollment(actor, &enrollment)
	return enrollment, err
}

// enroll checks and stores one enrollment inside a transaction.
func (s *Cohorts) enroll(ctx context.Context, tx Store, actor *Actor, cohortID uuid.UUID, plan EnrollmentPlan) (Enrollment, error) {
	now := s.now()
	e, project := newEnrollment(cohortID, plan, now)
	if err := s.checkEnrollment(ctx, tx, &e); err != nil {
		return Enrollment{}, err
	}
	if err := tx.Enrollments().Create(ctx, []Enrollment{e}, []Project{project}); err != nil {
		return Enrollment{}, err
	}
	return e, tx.Events().Append(ctx, enrollmentCreated(actor, e, now))
}

// checkEnrollment checks the parties of an enrollment against the cohort:
// the people exist, and the coach is one of its coaches.
func (s *Cohorts) checkEnrollment(ctx context.Context, tx Store, e *Enrollment) error {
	staff, err := tx.Cohorts().Staff(ctx, e.CohortID)
	if err != nil {
		return err
	}
	isCoach := func(id uuid.UUID) bool {
		for _, m := range staff {
			if m.UserID == id && m.Role == StaffCoach {
				return true
			}
		}
		return false
	}
	if err := e.checkParties(isCoach); err != nil {
		return err
	}
	if err := checkEnrollmentClass(ctx, tx, *e); err != nil {
		return err
	}
	var v Violations
	for field, id := range map[string]uuid.UUID{"participantId": e.ParticipantID, "mentorId": e.MentorID} {
		if _, err := tx.Users().Get(ctx, id); KindOf(err) == KindNotFound {
			v.Add(field, CodeUserUnknown)
		} else if err != nil {
			return err
		}
	}
	return v.Err()
}

// ListEnrollments lists a cohort's enrollments that the actor may see:
// organizers and examiners all, mentors and coaches their participants', a
// participant their own.
func (s *Cohorts) ListEnrollments(ctx context.Context, actor *Actor, cohortID uuid.UUID, page PageRequest) (Page[Enrollment], error) {
	if err := Authorize(actor, ListEnrollments, Target{CohortID: cohortID}); err != nil {
		return Page[Enrollment]{}, err
	}
	list, err := s.store.Enrollments().List(ctx, cohortID, EnrollmentScopeOf(actor, cohortID), page)
	for i := range list.Items {
		offerEnrollment(actor, &list.Items[i])
	}
	return list, err
}

// GetEnrollment returns an enrollment the actor may see.
func (s *Cohorts) GetEnrollment(ctx context.Context, actor *Actor, id uuid.UUID) (Enrollment, error) {
	e, err := s.store.Enrollments().Get(ctx, id)
	if err != nil {
		return Enrollment{}, err
	}
	parties := e.Parties()
	if err := Authorize(actor, ReadEnrollment, Target{CohortID: e.CohortID, Enrollment: &parties}); err != nil {
		return Enrollment{}, err
	}
	offerEnrollment(actor, &e)
	return e, nil
}

// UpdateEnrollment changes a participant's mentor, coach or group. The
// change is in the audit trail; a replaced mentor or coach loses access to
// the participant's project at once, since access follows the enrollment.
func (s *Cohorts) UpdateEnrollment(ctx context.Context, actor *Actor, id uuid.UUID, c EnrollmentChanges, ifMatch *int64) (Enrollment, error) {
	now := s.now()
	var e Enrollment
	err := s.store.WithinTx(ctx, func(tx Store) error {
		var err error
		if e, err = tx.Enrollments().Get(ctx, id); err != nil {
			return err
		}
		parties := e.Parties()
		if err := Authorize(actor, ReadEnrollment, Target{CohortID: e.CohortID, Enrollment: &parties}); err != nil {
			return err
		}
		if err := Authorize(actor, ManageEnrollments, Target{CohortID: e.CohortID}); err != nil {
			return err
		}
		if err := checkVersion(ifMatch, e.Version); err != nil {
			return err
		}
		before := e
		e.apply(c)
		if err := s.checkEnrollment(ctx, tx, &e); err != nil {
			return err
		}
		e.Version++
		e.UpdatedAt = now
		if err := tx.Enrollments().Update(ctx, e); err != nil {
			return err
		}
		ev := event(actor, now, "enrollment.updated", "enrollment", id)
		ev.CohortID, ev.ProjectID, ev.Before, ev.After = &e.CohortID, &e.ProjectID, before, e
		if ev.Details.Changes, err = enrollmentChanges(ctx, tx, before, e); err != nil {
			return err
		}
		return tx.Events().Append(ctx, ev)
	})
	offerEnrollment(actor, &e)
	return e, err
}

// enrollmentChanges lists what changed in an enrollment, naming the
// people, for the project's timeline: a change of mentor or coach stays in
// the project's history.
func enrollmentChanges(ctx context.Context, tx Store, before, after Enrollment) ([]EnrollmentChange, error) {
	name := func(id *uuid.UUID) (string, error) {
		if id == nil {
			return "", nil
		}
		u, err := tx.Users().Get(ctx, *id)
		return u.Name, err
	}
	changes := []EnrollmentChange{}
	change := func(field string, from, to *uuid.UUID) error {
		if (from == nil && to == nil) || (from != nil && to != nil && *from == *to) {
			return nil
		}
		f, err := name(from)
		if err != nil {
			return err
		}
		t, err := name(to)
		if err != nil {
			return err
		}
		changes = append(changes, EnrollmentChange{Field: field, From: f, To: t})
		return nil
	}
	if err := change("mentor", &before.MentorID, &after.MentorID); err != nil {
		return nil, err
	}
	if err := change("coach", before.CoachID, after.CoachID); err != nil {
		return nil, err
	}
	if before.Group != after.Group {
		changes = append(changes, EnrollmentChange{Field: "group", From: before.Group, To: after.Group})
	}
	if c, err := classChange(ctx, tx, before.ClassID, after.ClassID); err != nil || c != nil {
		if err != nil {
			return nil, err
		}
		changes = append(changes, *c)
	}
	return changes, nil
}
