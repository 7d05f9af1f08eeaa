package domain

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
)

// EnrollmentOutcome says what an import did to a row's enrollment.
type EnrollmentOutcome string

// The outcomes of importing a row.
const (
	EnrollmentCreated   EnrollmentOutcome = "created"
	EnrollmentUpdated   EnrollmentOutcome = "updated"
	EnrollmentUnchanged EnrollmentOutcome = "unchanged"
)

// RosterOutcome is what the import did with one row of the roster.
type RosterOutcome struct {
	Line               int
	Email              string
	ParticipantID      uuid.UUID
	MentorID           uuid.UUID
	AgencyID           *uuid.UUID
	EnrollmentID       uuid.UUID
	ProjectID          uuid.UUID
	Enrollment         EnrollmentOutcome
	CreatedParticipant bool
	CreatedMentor      bool
	CreatedAgency      bool
	// UnitID and MentorUnitID are the work units the row names, found in
	// the agency or created (CreatedUnits counts those this row created).
	UnitID       *uuid.UUID
	MentorUnitID *uuid.UUID
	CreatedUnits int
	// ClassID is the class the row names (the class column), found in the
	// cohort by name or created (CreatedClass).
	ClassID      *uuid.UUID
	CreatedClass bool
	// ParticipantActivationCode and MentorActivationCode are set for
	// accounts this import created: the organizer hands them out.
	ParticipantActivationCode string
	MentorActivationCode      string
}

// ImportRoster reads a roster with read (package rostercsv reads CSV),
// checks its rows (see Roster.Check) and enrolls every row in a cohort,
// creating the agencies and accounts that do not exist yet. It is all or
// nothing: any bad row fails the whole import with every problem named by
// row and column (as the file names the column). Importing the same roster
// again changes nothing; a changed mentor, coach or group of an enrolled
// participant is updated.
// Work units (the optional unit and mentor_unit columns) are found by name
// in the row's agency, whatever the case, and created when the agency has
// none of that name, their kind guessed from the name (GuessUnitKind). A
// new account gets its unit; an existing account keeps its profile, except
// that one of the row's agency without a unit gets the row's unit (a roster
// uploaded again with the unit column fills them in).
// Everything new is written with one statement per table, so a roster of
// thousands of rows imports in seconds. The roster is read only for those
// who may import it, so that anyone else learns that, whatever it holds.
func (s *Cohorts) ImportRoster(ctx context.Context, actor *Actor, cohortID uuid.UUID, read func() (Roster, error)) ([]RosterOutcome, error) {
	if err := Authorize(actor, ManageEnrollments, Target{CohortID: cohortID}); err != nil {
		return nil, err
	}
	roster, err := read()
	if err != nil {
		return nil, err
	}
	rows, err := roster.Check()
	if err != nil {
		return nil, err
	}
	// The import is planned from what the transaction reads, and every
	// duplicate it could write was looked up first, so a conflict on writing
	// means another import created the same person or agency meanwhile. The
	// import is then planned again against what that one committed.
	for attempt := 1; ; attempt++ {
		outcomes, err := s.importRosterOnce(ctx, actor, cohortID, rows, roster.Columns)
		if KindOf(err) != KindConflict || attempt == rosterImportAttempts {
			return outcomes, err
		}
	}
}

// rosterImportAttempts bounds how often an import racing others is planned
// again.
const rosterImportAttempts = 3

func (s *Cohorts) importRosterOnce(ctx context.Context, actor *Actor, cohortID uuid.UUID, rows []RosterRow, columns RosterColumns) ([]RosterOutcome, error) {
	var outcomes []RosterOutcome
	err := s.store.WithinTx(ctx, func(tx Store) error {
		imp, err := s.newRosterImport(ctx, tx, actor, cohortID, rows)
		if err != nil {
			return err
		}
		if err := imp.check(columns); err != nil {
			return err
		}
		outcomes = make([]RosterOutcome, 0, len(rows))
		for _, row := range rows {
			outcomes = append(outcomes, imp.importRow(row))
		}
		return imp.write()
	})
	return outcomes, err
}

// rosterImport holds what an import knows of the cohort and its people,
// loaded with one query each, and what it is going to write.
type rosterImport struct {
	ctx      context.Context
	tx       Store
	actor    *Actor
	cohortID uuid.UUID
	// institutionID is the cohort's institution, which registers the
	// accounts the import creates.
	institutionID uuid.UUID
	now           time.Time
	rows          []RosterRow
	users         map[string]User // by e-mail
	agencies      map[string]Agency
	units         map[string]Unit // by unitKey
	coaches       map[uuid.UUID]bool
	enrollments   map[uuid.UUID]Enrollment // by participant
	takenNIPs     map[NIP]bool
	classes       map[string]Class // by lower-cased name
	newClasses    []Class

	newAgencies    []Agency
	newUnits       []Unit
	unitsGiven     []User // existing accounts given a unit
	newAccounts    []Account
	newEnrollments []Enrollment
	newProjects    []Project
	changed        []Enrollment
	events         []Event
}

func (s *Cohorts) newRosterImport(ctx context.Context, tx Store, actor *Actor, cohortID uuid.UUID, rows []RosterRow) (*rosterImport, error) {
	cohort, err := tx.Cohorts().Get(ctx, cohortID)
	if err != nil {
		return nil, err
	}
	imp := &rosterImport{ctx: ctx, tx: tx, actor: actor, cohortID: cohortID, institutionID: cohort.InstitutionID, now: s.now(), rows: rows, coaches: map[uuid.UUID]bool{}}
	var emails, agencyNames []string
	var nips []NIP
	for _, r := range rows {
		emails = append(emails, r.Email, r.MentorEmail)
		if r.CoachEmail != "" {
			emails = append(emails, r.CoachEmail)
		}
		if r.Agency != "" {
			agencyNames = append(agencyNames, r.Agency)
		}
		if r.NIP != "" {
			nips = append(nips, r.NIP)
		}
	}
	if imp.users, err = tx.Users().ByEmails(ctx, emails); err != nil {
		return nil, err
	}
	if imp.agencies, err = tx.Agencies().ByNames(ctx, agencyNames); err != nil {
		return nil, err
	}
	var agencyIDs []uuid.UUID
	for _, a := range imp.agencies {
		agencyIDs = append(agencyIDs, a.ID)
	}
	units, err := tx.Units().OfAgencies(ctx, agencyIDs)
	if err != nil {
		return nil, err
	}
	imp.units = map[string]Unit{}
	for _, u := range units {
		imp.units[unitKey(u.AgencyID, u.Name)] = u
	}
	if imp.takenNIPs, err = tx.Users().TakenNIPs(ctx, nips); err != nil {
		return nil, err
	}
	staff, err := tx.Cohorts().Staff(ctx, cohortID)
	if err != nil {
		return nil, err
	}
	for _, m := range staff {
		if m.Role == StaffCoach {
			imp.coaches[m.UserID] = true
		}
	}
	var participants []uuid.UUID
	for _, u := range imp.users {
		participants = append(participants, u.ID)
	}
	if imp.enrollments, err = tx.Enrollments().ByParticipants(ctx, cohortID, participants); err != nil {
		return nil, err
	}
	return imp, imp.loadClasses()
}

// check finds the rows that cannot be imported, before anything is written,
// naming the columns as columns says.
func (imp *rosterImport) check(columns RosterColumns) error {
	var v Violations
	for _, r := range imp.rows {
		field := func(column string) string { return columns.Field(r.Line, column) }
		participant, known := imp.users[r.Email]
		if !known && r.NIP != "" && imp.takenNIPs[r.NIP] {
			v.Add(field("nip"), CodeNIPTaken)
		}
		if known && imp.coaches[participant.ID] {
			v.Add(field("email"), CodeRosterCoachAsParticipant)
		}
		if _, known := imp.users[r.MentorEmail]; !known && r.MentorName == "" {
			v.Add(field("mentor_name"), CodeRosterMentorNameRequired)
		}
		if r.CoachEmail != "" {
			coach, known := imp.users[r.CoachEmail]
			if !known || !imp.coaches[coach.ID] {
				v.Add(field("coach_email"), CodeRosterNotACoach)
			}
		}
	}
	return v.Err()
}

// importRow decides what the row needs and how its participant is enrolled.
func (imp *rosterImport) importRow(r RosterRow) RosterOutcome {
	out := RosterOutcome{Line: r.Line, Email: r.Email}
	out.AgencyID, out.CreatedAgency = imp.agency(r.Agency)
	var created bool
	out.UnitID, created = imp.unit(out.AgencyID, r.Unit)
	out.CreatedUnits += btoi(created)
	out.MentorUnitID, created = imp.unit(out.AgencyID, r.MentorUnit)
	out.CreatedUnits += btoi(created)
	participant, code := imp.user(UserProfile{Email: r.Email, Name: r.Name, NIP: string(r.NIP), Position: r.Position, Rank: r.Rank, AgencyID: out.AgencyID, UnitID: out.UnitID})
	out.ParticipantID, out.CreatedParticipant, out.ParticipantActivationCode = participant.ID, code != "", code
	mentor, code := imp.user(UserProfile{Email: r.MentorEmail, Name: r.MentorName, AgencyID: out.AgencyID, UnitID: out.MentorUnitID})
	out.MentorID, out.CreatedMentor, out.MentorActivationCode = mentor.ID, code != "", code

	var coachID *uuid.UUID
	if r.CoachEmail != "" {
		id := imp.users[r.CoachEmail].ID
		coachID = &id
	}
	out.ClassID, out.CreatedClass = imp.class(r.Class)
	e, outcome := imp.enroll(r, participant.ID, mentor.ID, coachID, out.ClassID)
	out.EnrollmentID, out.ProjectID, out.Enrollment = e.ID, e.ProjectID, outcome
	return out
}

// agency finds an agency by name, or plans to create it.
func (imp *rosterImport) agency(name string) (*uuid.UUID, bool) {
	if name == "" {
		return nil, false
	}
	key := strings.ToLower(name)
	if a, ok := imp.agencies[key]; ok {
		return &a.ID, false
	}
	a := Agency{ID: NewID(), Name: name, CreatedAt: imp.now}
	imp.agencies[key] = a
	imp.newAgencies = append(imp.newAgencies, a)
	e := event(imp.actor, imp.now, "agency.created", "agency", a.ID)
	e.After = a
	imp.events = append(imp.events, e)
	return &a.ID, true
}

// unitKey is how the import finds a unit: by agency and lower-cased name.
func unitKey(agency uuid.UUID, name string) string {
	return agency.String() + "/" + strings.ToLower(name)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// unit finds a unit of the agency by name, or plans to create it; nil
// without a name (or an agency: the check refused such rows).
func (imp *rosterImport) unit(agency *uuid.UUID, name string) (*uuid.UUID, bool) {
	if agency == nil || name == "" {
		return nil, false
	}
	key := unitKey(*agency, name)
	if u, ok := imp.units[key]; ok {
		return &u.ID, false
	}
	u, _ := NewUnit(*agency, UnitDraft{Name: name}, imp.now) // the roster's check validated the name
	imp.units[key] = u
	imp.newUnits = append(imp.newUnits, u)
	e := event(imp.actor, imp.now, "unit.created", "unit", u.ID)
	e.After, e.Details.Title = u, u.Name
	imp.events = append(imp.events, e)
	return &u.ID, true
}

// user finds a person by e-mail, or plans their account with an activation
// code, which it returns. Existing accounts are left as they are. The
// roster's values were checked by CheckRoster, so the profile is valid.
func (imp *rosterImport) user(p UserProfile) (User, string) {
	if u, ok := imp.users[p.Email]; ok {
		if u.UnitID == nil && p.UnitID != nil && sameID(u.AgencyID, p.AgencyID) {
			before := u
			u.UnitID = p.UnitID
			u.Version++
			u.UpdatedAt = imp.now
			imp.users[p.Email] = u
			imp.unitsGiven = append(imp.unitsGiven, u)
			e := event(imp.actor, imp.now, "user.updated", "user", u.ID)
			e.Before, e.After = before, u
			imp.events = append(imp.events, e)
		}
		return u, ""
	}
	p.RegisteredBy = &imp.institutionID
	u, _ := newUser(p, imp.now)
	code, creds := newActivation(imp.now)
	imp.users[u.Email] = u
	imp.newAccounts = append(imp.newAccounts, Account{User: u, Credentials: creds})
	e := event(imp.actor, imp.now, "user.created", "user", u.ID)
	e.After = u
	imp.events = append(imp.events, e)
	return u, code
}

// enroll plans the participant's enrollment, or brings an existing one in
// line with the row.
// A row without a class leaves the participant's class as it is.
func (imp *rosterImport) enroll(r RosterRow, participant, mentor uuid.UUID, coach, class *uuid.UUID) (Enrollment, EnrollmentOutcome) {
	existing, ok := imp.enrollments[participant]
	if !ok {
		e, p := newEnrollment(imp.cohortID, EnrollmentPlan{ParticipantID: participant, MentorID: mentor, CoachID: coach, ClassID: class, Group: r.Group}, imp.now)
		imp.enrollments[participant] = e
		imp.newEnrollments = append(imp.newEnrollments, e)
		imp.newProjects = append(imp.newProjects, p)
		imp.events = append(imp.events, enrollmentCreated(imp.actor, e, imp.now))
		return e, EnrollmentCreated
	}
	if class == nil {
		class = existing.ClassID
	}
	if existing.MentorID == mentor && sameID(existing.CoachID, coach) && existing.Group == r.Group && sameID(existing.ClassID, class) {
		return existing, EnrollmentUnchanged
	}
	before := existing
	existing.MentorID, existing.CoachID, existing.Group, existing.ClassID = mentor, coach, r.Group, class
	existing.Version++
	existing.UpdatedAt = imp.now
	imp.enrollments[participant] = existing
	imp.changed = append(imp.changed, existing)
	ev := event(imp.actor, imp.now, "enrollment.updated", "enrollment", existing.ID)
	ev.CohortID, ev.ProjectID, ev.Before, ev.After = &imp.cohortID, &existing.ProjectID, before, existing
	imp.events = append(imp.events, ev)
	return existing, EnrollmentUpdated
}

// write stores everything the import planned, one statement per table.
func (imp *rosterImport) write() error {
	if len(imp.newAgencies) > 0 {
		if err := imp.tx.Agencies().Create(imp.ctx, imp.newAgencies...); err != nil {
			return err
		}
	}
	if err := imp.tx.Units().Create(imp.ctx, imp.newUnits...); err != nil {
		return err
	}
	if len(imp.newAccounts) > 0 {
		if err := imp.tx.Users().Create(imp.ctx, imp.newAccounts...); err != nil {
			return err
		}
	}
	for _, u := range imp.unitsGiven {
		if err := imp.tx.Users().Update(imp.ctx, u); err != nil {
			return err
		}
	}
	for _, c := range imp.newClasses { // before the enrollments in them
		if err := imp.tx.Classes().Create(imp.ctx, c); err != nil {
			return err
		}
	}
	if len(imp.newEnrollments) > 0 {
		if err := imp.tx.Enrollments().Create(imp.ctx, imp.newEnrollments, imp.newProjects); err != nil {
			return err
		}
	}
	for _, e := range imp.changed {
		if err := imp.tx.Enrollments().Update(imp.ctx, e); err != nil {
			return err
		}
	}
	return imp.tx.Events().Append(imp.ctx, imp.events...)
}

func sameID(a, b *uuid.UUID) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}
