package api_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// world is a small installation: two institutions, a cohort in each, and
// one person in every role the policy knows.
type world struct {
	*app
	adminUser                     domain.User
	instA, instB                  domain.Institution
	agency                        domain.Agency
	cohortA, cohortB              domain.Cohort
	organizer, otherOrganizer     domain.User
	coach, otherCoach, examiner   domain.User
	mentor, otherMentor           domain.User
	participant, otherParticipant domain.User
	outsider                      domain.User
	enrollment, otherEnrollment   domain.Enrollment
	// Set by arrangeWorkflow: the participant's first short-term milestone
	// and a PDF submitted as its evidence.
	milestone    domain.Milestone
	fileEvidence domain.Evidence
	// Set by pendingTransfer: the participant's proposal of otherMentor as
	// their new mentor.
	transfer domain.MentorTransfer
	// Set by awaitingTransfer: the other participant's latest proposal of
	// the outsider, which waits for an organizer.
	awaiting uuid.UUID
	// Made by spareProjectIn: more projects of the participant, for what
	// the world's own project has gone past.
	spareProjects []uuid.UUID
}

// The roles of the access matrix, in its column order.
const (
	roleAdmin            = "platform admin"
	roleOrganizer        = "organizer"
	roleOtherOrganizer   = "organizer of another cohort"
	roleCoach            = "coach"
	roleMentor           = "mentor"
	roleParticipant      = "participant"
	roleOtherParticipant = "another participant"
	roleNoRole           = "user with no role"
	roleAnonymous        = "anonymous"
	// The roles the wider matrix adds (moreRoles).
	roleOtherCoach  = "coach of another group"
	roleOtherMentor = "another mentor"
	roleExaminer    = "examiner"
)

// moreRoles are the roles of the matrix beyond the first nine, in the
// order of accessCase.more.
var moreRoles = []string{roleOtherCoach, roleOtherMentor, roleExaminer}

var roles = []string{roleAdmin, roleOrganizer, roleOtherOrganizer, roleCoach, roleMentor, roleParticipant, roleOtherParticipant, roleNoRole, roleAnonymous}

func newWorld(t testing.TB) *world {
	t.Helper()
	return arrangeWorld(t, newApp(t))
}

// arrangeWorld arranges the world on a running app.
func arrangeWorld(t testing.TB, a *app) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{app: a}
	var err error
	if w.adminUser, err = w.directory().CreatePlatformAdmin(ctx, uniq()+"@lan.go.id", "Admin Platform", "admin-password-123"); err != nil {
		t.Fatal(err)
	}
	w.admin = &domain.Actor{UserID: w.adminUser.ID, PlatformAdmin: true}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	w.instA, err = w.directory().CreateInstitution(ctx, w.admin, "BPSDM Provinsi Jawa Timur", "JATIM-"+uniq())
	must(err)
	w.instB, err = w.directory().CreateInstitution(ctx, w.admin, "BPSDM Provinsi Kepulauan Riau", "KEPRI-"+uniq())
	must(err)

	w.organizer, w.otherOrganizer = w.user("Rina Organizer"), w.user("Sari Organizer Lain")
	must(w.directory().AddInstitutionOrganizer(ctx, w.admin, w.instA.ID, w.organizer.ID))
	must(w.directory().AddInstitutionOrganizer(ctx, w.admin, w.instB.ID, w.otherOrganizer.ID))
	w.cohortA = w.newCohort(t, w.organizer, w.instA.ID)
	w.cohortB = w.newCohort(t, w.otherOrganizer, w.instB.ID)

	w.coach, w.otherCoach, w.examiner = w.user("Drs. Ahmad Coach"), w.user("Dewi Coach Lain"), w.user("Prof. Hadi Penguji")
	orgActor := w.actor(w.organizer)
	for _, s := range []struct {
		u    domain.User
		role domain.StaffRole
	}{{w.coach, domain.StaffCoach}, {w.otherCoach, domain.StaffCoach}, {w.examiner, domain.StaffExaminer}} {
		_, err := w.cohorts().AddStaff(ctx, orgActor, w.cohortA.ID, s.u.ID, s.role)
		must(err)
	}
	// The organizer's institution registered the participants and mentors
	// (as its roster import would), so she manages their accounts until
	// they activate them.
	// They all work for one city government, so that either mentor may be
	// proposed to either participant without an organizer's confirmation.
	w.agency, err = w.directory().CreateAgency(ctx, w.admin, "Pemerintah Kota Batam "+uniq(), "Kepulauan Riau")
	must(err)
	in := func(name string) domain.User { return w.registeredUser(name, &w.instA.ID, &w.agency.ID) }
	w.mentor, w.otherMentor = in("Sekda Mentor"), in("Asisten Mentor Lain")
	w.participant, w.otherParticipant = in("Budi Peserta"), in("Citra Peserta Lain")
	w.outsider = w.user("Orang Luar")
	w.enrollment, err = w.cohorts().Enroll(ctx, orgActor, w.cohortA.ID, domain.EnrollmentPlan{
		ParticipantID: w.participant.ID, MentorID: w.mentor.ID, CoachID: &w.coach.ID, Group: "Kelompok 1"})
	must(err)
	w.otherEnrollment, err = w.cohorts().Enroll(ctx, orgActor, w.cohortA.ID, domain.EnrollmentPlan{
		ParticipantID: w.otherParticipant.ID, MentorID: w.otherMentor.ID, CoachID: &w.otherCoach.ID, Group: "Kelompok 2"})
	must(err)
	return w
}

// newCohort creates a PKN II cohort for an institution as its organizer.
// It is in its design phase today; implementation starts in 40 days.
func (w *world) newCohort(t testing.TB, organizer domain.User, institution uuid.UUID) domain.Cohort {
	t.Helper()
	today := time.Now().UTC()
	on := func(days int) domain.Date { return domain.DateOf(today.AddDate(0, 0, days)) }
	c, err := w.cohorts().CreateCohort(context.Background(), &domain.Actor{UserID: organizer.ID, Institutions: []uuid.UUID{institution}},
		domain.CohortPlan{InstitutionID: institution, Program: "pkn2", Code: "PKN2-" + uniq(), Name: "PKN II Angkatan XII",
			StartsOn: on(-10), EndsOn: on(150), Phases: []domain.Phase{
				{Kind: domain.PhaseDesign, StartsOn: on(-10), EndsOn: on(20)},
				{Kind: domain.PhaseDesignSeminar, StartsOn: on(25), EndsOn: on(30)},
				{Kind: domain.PhaseImplementation, StartsOn: on(40), EndsOn: on(120)},
				{Kind: domain.PhaseFinalSeminar, StartsOn: on(130), EndsOn: on(140)},
			}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// actor is how the domain sees a user with their current roles.
func (w *world) actor(u domain.User) *domain.Actor {
	w.t.Helper()
	a, err := w.store.Sessions().Actor(context.Background(), domain.HashSecret(w.token(u.ID)), time.Now())
	if err != nil {
		w.t.Fatal(err)
	}
	return &a
}

// tokenOf signs in the user who plays role; anonymous gets no token.
func (w *world) tokenOf(role string) string {
	users := map[string]domain.User{
		roleAdmin: w.adminUser, roleOrganizer: w.organizer, roleOtherOrganizer: w.otherOrganizer, roleCoach: w.coach,
		roleMentor: w.mentor, roleParticipant: w.participant, roleOtherParticipant: w.otherParticipant, roleNoRole: w.outsider,
		roleOtherCoach: w.otherCoach, roleOtherMentor: w.otherMentor, roleExaminer: w.examiner,
	}
	u, ok := users[role]
	if !ok {
		return ""
	}
	return w.token(u.ID)
}
