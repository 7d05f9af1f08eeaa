package domain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

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
	// ParticipantActivationCode and MentorActivationCode are set for
	// accounts this import created: the organizer hands them out.
	ParticipantActivationCode string
	MentorActivationCode      string
}

// ImportRoster reads a roster CSV (see ParseRoster) and enrolls every row in a cohort, creating the
// agencies and accounts that do not exist yet. It is all or nothing: any
// bad row fails the whole import with every problem named by row and
// column. Importing the same roster again changes nothing; a changed mentor,
// coach or group of an enrolled participant is updated.
func (s *Cohorts) ImportRoster(ctx context.Context, actor *Actor, cohortID uuid.UUID, roster io.Reader) ([]RosterOutcome, error) {
	if err := Authorize(actor, ManageEnrollments, Target{CohortID: cohortID}); err != nil {
		return nil, err
	}
	rows, err := ParseRoster(roster)
	if err != nil {
		return nil, err
	}
	var outcomes []RosterOutcome
	err = s.store.WithinTx(ctx, func(tx Store) error {
		imp, err := s.newRosterImport(ctx, tx, actor, cohortID, rows)
		if err != nil {
			return err
		}
		if err := imp.check(); err != nil {
			return err
		}
		outcomes = make([]RosterOutcome, 0, len(rows))
		for _, row := range rows {
			out, err := imp.importRow(row)
			if err != nil {
				return err
			}
			outcomes = append(outcomes, out)
		}
		return nil
	})
	return outcomes, err
}

// rosterImport holds what an import knows of the cohort and its people,
// loaded with one query each, and what it created so far.
type rosterImport struct {
	ctx         context.Context
	tx          Store
	service     *Cohorts
	actor       *Actor
	cohortID    uuid.UUID
	rows        []RosterRow
	users       map[string]User // by e-mail
	agencies    map[string]Agency
	coaches     map[uuid.UUID]bool
	enrollments map[uuid.UUID]Enrollment // by participant
}

func (s *Cohorts) newRosterImport(ctx context.Context, tx Store, actor *Actor, cohortID uuid.UUID, rows []RosterRow) (*rosterImport, error) {
	if _, err := tx.Cohorts().Get(ctx, cohortID); err != nil {
		return nil, err
	}
	imp := &rosterImport{ctx: ctx, tx: tx, service: s, actor: actor, cohortID: cohortID, rows: rows, coaches: map[uuid.UUID]bool{}}
	var emails, agencyNames []string
	for _, r := range rows {
		emails = append(emails, r.Email, r.MentorEmail)
		if r.CoachEmail != "" {
			emails = append(emails, r.CoachEmail)
		}
		if r.Agency != "" {
			agencyNames = append(agencyNames, r.Agency)
		}
	}
	var err error
	if imp.users, err = tx.Users().ByEmails(ctx, emails); err != nil {
		return nil, err
	}
	if imp.agencies, err = tx.Agencies().ByNames(ctx, agencyNames); err != nil {
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
	imp.enrollments, err = tx.Enrollments().ByParticipants(ctx, cohortID, participants)
	return imp, err
}

// check finds the rows that cannot be imported, before anything is written.
func (imp *rosterImport) check() error {
	var v Violations
	for _, r := range imp.rows {
		field := func(column string) string { return fmt.Sprintf("rows[%d].%s", r.Line, column) }
		if _, known := imp.users[r.MentorEmail]; !known && r.MentorName == "" {
			v.Add(field("mentor_name"), "is required for a mentor who has no account yet")
		}
		if r.CoachEmail != "" {
			coach, known := imp.users[r.CoachEmail]
			if !known || !imp.coaches[coach.ID] {
				v.Add(field("coach_email"), "is not a coach of this cohort: add them as staff with the role coach first")
			}
		}
		if participant, known := imp.users[r.Email]; known && imp.coaches[participant.ID] {
			v.Add(field("email"), "is a coach of this cohort and cannot also be a participant")
		}
	}
	return v.Err()
}

// importRow creates what the row needs and enrolls its participant.
func (imp *rosterImport) importRow(r RosterRow) (RosterOutcome, error) {
	out := RosterOutcome{Line: r.Line, Email: r.Email}
	agency, err := imp.agency(r, &out)
	if err != nil {
		return out, err
	}
	participant, code, err := imp.user(r, "", UserProfile{Email: r.Email, Name: r.Name, NIP: string(r.NIP), Position: r.Position, Rank: r.Rank, AgencyID: agency})
	if err != nil {
		return out, err
	}
	out.ParticipantID, out.CreatedParticipant, out.ParticipantActivationCode = participant.ID, code != "", code
	mentor, code, err := imp.user(r, "mentor_", UserProfile{Email: r.MentorEmail, Name: r.MentorName, AgencyID: agency})
	if err != nil {
		return out, err
	}
	out.MentorID, out.CreatedMentor, out.MentorActivationCode = mentor.ID, code != "", code

	var coachID *uuid.UUID
	if r.CoachEmail != "" {
		id := imp.users[r.CoachEmail].ID
		coachID = &id
	}
	e, outcome, err := imp.enroll(r, participant.ID, mentor.ID, coachID)
	out.EnrollmentID, out.ProjectID, out.Enrollment = e.ID, e.ProjectID, outcome
	return out, rowError(r.Line, "", err)
}

// agency finds the row's agency by name or creates it.
func (imp *rosterImport) agency(r RosterRow, out *RosterOutcome) (*uuid.UUID, error) {
	if r.Agency == "" {
		return nil, nil
	}
	key := strings.ToLower(r.Agency)
	if a, ok := imp.agencies[key]; ok {
		out.AgencyID = &a.ID
		return &a.ID, nil
	}
	a, err := NewAgency(r.Agency, "", imp.service.now())
	if err != nil {
		return nil, rowError(r.Line, "", err)
	}
	if err := imp.tx.Agencies().Create(imp.ctx, a); err != nil {
		return nil, err
	}
	e := event(imp.actor, a.CreatedAt, "agency.created", "agency", a.ID)
	e.After = a
	if err := imp.tx.Events().Append(imp.ctx, e); err != nil {
		return nil, err
	}
	imp.agencies[key] = a
	out.AgencyID, out.CreatedAgency = &a.ID, true
	return &a.ID, nil
}

// user finds a person by e-mail or creates their account with an
// activation code, which it returns. Existing accounts are left as they are.
func (imp *rosterImport) user(r RosterRow, prefix string, p UserProfile) (User, string, error) {
	if u, ok := imp.users[p.Email]; ok {
		return u, "", nil
	}
	now := imp.service.now()
	u, err := newUser(p, now)
	if err != nil {
		return User{}, "", rowError(r.Line, prefix, err)
	}
	code, creds := newActivation(now)
	if err := imp.tx.Users().Create(imp.ctx, u, creds); err != nil {
		return User{}, "", rowError(r.Line, prefix, err)
	}
	e := event(imp.actor, now, "user.created", "user", u.ID)
	e.After = u
	if err := imp.tx.Events().Append(imp.ctx, e); err != nil {
		return User{}, "", err
	}
	imp.users[u.Email] = u
	return u, code, nil
}

// enroll creates the participant's enrollment, or brings an existing one in
// line with the row.
func (imp *rosterImport) enroll(r RosterRow, participant, mentor uuid.UUID, coach *uuid.UUID) (Enrollment, EnrollmentOutcome, error) {
	existing, ok := imp.enrollments[participant]
	if !ok {
		e, err := imp.service.enroll(imp.ctx, imp.tx, imp.actor, imp.cohortID,
			EnrollmentPlan{ParticipantID: participant, MentorID: mentor, CoachID: coach, Group: r.Group})
		return e, EnrollmentCreated, err
	}
	if existing.MentorID == mentor && sameID(existing.CoachID, coach) && existing.Group == r.Group {
		return existing, EnrollmentUnchanged, nil
	}
	before := existing
	existing.MentorID, existing.CoachID, existing.Group = mentor, coach, r.Group
	if err := existing.checkParties(func(id uuid.UUID) bool { return imp.coaches[id] }); err != nil {
		return existing, "", err
	}
	now := imp.service.now()
	existing.Version++
	existing.UpdatedAt = now
	if err := imp.tx.Enrollments().Update(imp.ctx, existing); err != nil {
		return existing, "", err
	}
	ev := event(imp.actor, now, "enrollment.updated", "enrollment", existing.ID)
	ev.CohortID, ev.ProjectID, ev.Before, ev.After = &imp.cohortID, &existing.ProjectID, before, existing
	return existing, EnrollmentUpdated, imp.tx.Events().Append(imp.ctx, ev)
}

func sameID(a, b *uuid.UUID) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}

// rowError places the fields of an invalid or conflicting row's error under
// its row ("rows[7].nip"), so the organizer can find it in the file.
// The fields of a mentor's account get the prefix "mentor_".
func rowError(line int, prefix string, err error) error {
	var de *Error
	if !errors.As(err, &de) || (de.Kind != KindInvalid && de.Kind != KindConflict) {
		return err
	}
	var v Violations
	for _, f := range de.Fields {
		v.Add(fmt.Sprintf("rows[%d].%s%s", line, prefix, rosterColumn(f.Field)), f.Message)
	}
	if v.Empty() {
		v.Add(fmt.Sprintf("rows[%d]", line), de.Message)
	}
	return v.Err()
}

// rosterColumn names the roster column of a user field.
func rosterColumn(field string) string {
	switch field {
	case "mentorId":
		return "mentor_email"
	case "coachId":
		return "coach_email"
	case "participantId":
		return "email"
	}
	return field
}
