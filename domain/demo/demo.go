// Package demo builds a realistic demo installation of Proper: a provincial
// training institution (BPSDM Jawa Timur) running a PKN Tingkat II cohort
// that is in its implementation phase, with staff, thirty participants from
// eight local governments, their mentors, and change projects in every
// status, with milestones, evidence, reviews and coaching notes; six of
// the projects are on the innovation showcase, studied and adopted by
// other regions (studi tiru).
//
// Everything is made through the domain's public services, as the people
// concerned would do it, so every rule applies and every change is in the
// audit trail. The services stamp what they record with their own clock;
// the dates that tell the cohort's story (phases, due dates, coaching
// sessions) follow the now given to Load.
package demo

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// Password is the one password of every demo account, printed with the
// logins. The demo is for trying Proper out: never load it into an
// installation that holds real data.
const Password = "proper-demo-2026"

// Login is one account a person can sign in with, for the printed table.
type Login struct {
	Role, Name, Email, Password string
}

// Load creates the demo unless it exists already, found by its
// institution's code (InstitutionCode); then it changes nothing. Either way
// it returns the accounts to try Proper with (the platform admin, the
// organizer, the coaches, the examiners, and the first participant of each
// group with their mentor), and whether it created the demo. now places the
// cohort's schedule: the design phase and its seminar are over and the
// implementation phase runs. Load is not atomic: if it fails part way, start
// again from an empty database.
func Load(ctx context.Context, s *domain.Services, now time.Time) ([]Login, bool, error) {
	logins := loginTable()
	exists, err := demoExists(ctx, s.Directory)
	if err != nil {
		return nil, false, fmt.Errorf("demo: look for an existing demo: %w", err)
	}
	if exists {
		return logins, false, nil
	}
	b := &builder{s: s, now: now, people: participants()}
	if err := b.build(ctx); err != nil {
		return nil, false, fmt.Errorf("demo: %w", err)
	}
	return logins, true, nil
}

// demoExists looks for the demo's institution among all institutions.
func demoExists(ctx context.Context, d *domain.Directory) (bool, error) {
	anyAdmin := &domain.Actor{PlatformAdmin: true}
	page := domain.PageRequest{Limit: domain.MaxPageSize}
	for {
		institutions, err := d.ListInstitutions(ctx, anyAdmin, page)
		if err != nil {
			return false, err
		}
		for _, in := range institutions.Items {
			if strings.EqualFold(in.Code, InstitutionCode) {
				return true, nil
			}
		}
		if institutions.NextCursor == "" {
			return false, nil
		}
		page.Cursor = institutions.NextCursor
	}
}

// loginTable lists the accounts worth signing in with; it follows from the
// demo's content alone, so it is the same whether or not Load created it.
func loginTable() []Login {
	logins := []Login{
		{Role: "platform admin", Name: adminName, Email: adminEmail},
		{Role: "organizer", Name: organizer.Name(), Email: organizer.Email(bpsdmDomain)},
	}
	for g, c := range coaches {
		logins = append(logins, Login{Role: "coach, " + groupName(g), Name: c.Name(), Email: c.Email(bpsdmDomain)})
	}
	for _, e := range examiners {
		logins = append(logins, Login{Role: "examiner", Name: e.Name(), Email: e.Email(lanDomain)})
	}
	people := participants()
	for g := 0; g < groupCount; g++ {
		p := people[g*groupSize]
		logins = append(logins,
			Login{Role: "participant, " + groupName(g), Name: p.Person.Name(), Email: p.Person.Email(p.Region.Domain)},
			Login{Role: "mentor of " + p.Person.First + " " + p.Person.Last, Name: p.Mentor.Name(), Email: p.Mentor.Email(p.Region.Domain)})
	}
	logins = append(logins, pkaLogins()...)
	for i := range logins {
		logins[i].Password = Password
	}
	return logins
}

// PrintLogins writes the logins as an aligned table with a header. A
// failure to write is not reported: the table is for a terminal.
func PrintLogins(w io.Writer, logins []Login) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ROLE\tNAME\tEMAIL\tPASSWORD")
	for _, l := range logins {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", l.Role, l.Name, l.Email, l.Password)
	}
	tw.Flush()
}

// builder creates the demo step by step, remembering what later steps need.
type builder struct {
	s      *domain.Services
	now    time.Time
	people []participant

	admin, organizer *domain.Actor
	cohort           domain.Cohort
	coaches          []domain.User
	examiners        []domain.User
	// enrollments are the participants' enrollments, in the order of people.
	enrollments []domain.Enrollment
	// runs are the stories of the participants' projects, in the order of people.
	runs []*run
	// designSessionID is the design seminar's session, once made.
	designSessionID uuid.UUID
	// seminarRuns are the runs whose design the examiners scored, in order.
	seminarRuns []*run
	// classIDs are the classes (kelas) by group (classes.go).
	classIDs []uuid.UUID
}

// day is the date n days from now (before it when n is negative).
func (b *builder) day(n int) domain.Date { return domain.DateOf(b.now.AddDate(0, 0, n)) }

func (b *builder) build(ctx context.Context) error {
	steps := []struct {
		name string
		run  func(context.Context) error
	}{
		{"create the institution and its organizer", b.createInstitution},
		{"create the cohort", b.createCohort},
		{"plan the cohort's agenda", b.planAgenda},
		{"add the cohort's staff", b.addStaff},
		{"create the classes", b.createClasses},
		{"enroll the participants", b.enroll},
		{"work on the projects", b.workOnProjects},
		{"assess the seminars", b.assess},
		{"publish innovations and record studi tiru", b.publish},
		{"co-organize with LAN RI and run a PKA cohort", b.coOrganizeAndRunPKA},
	}
	for _, step := range steps {
		if err := step.run(ctx); err != nil {
			return fmt.Errorf("%s: %w", step.name, err)
		}
	}
	return nil
}

func (b *builder) createInstitution(ctx context.Context) error {
	admin, err := b.s.Directory.CreatePlatformAdmin(ctx, adminEmail, adminName, Password)
	if domain.KindOf(err) == domain.KindConflict {
		return fmt.Errorf("%s exists but the institution %s does not: an earlier load stopped part way; load the demo into an empty database: %w",
			adminEmail, InstitutionCode, err)
	}
	if err != nil {
		return err
	}
	b.admin = &domain.Actor{UserID: admin.ID, PlatformAdmin: true}
	institution, err := b.s.Directory.CreateInstitution(ctx, b.admin, institutionName, InstitutionCode)
	if err != nil {
		return err
	}
	province, err := b.agency(ctx, b.admin, provinceAgency.Name, provinceAgency.Region)
	if err != nil {
		return err
	}
	bpsdm, err := b.unit(ctx, b.admin, province, bpsdmUnit)
	if err != nil {
		return err
	}
	user, err := b.user(ctx, b.admin, domain.UserProfile{Email: organizer.Email(bpsdmDomain), Name: organizer.Name(),
		NIP: organizer.NIP(200), Position: organizer.Position, Rank: organizer.Rank, AgencyID: &province, UnitID: bpsdm})
	if err != nil {
		return err
	}
	if err := b.s.Directory.AddInstitutionOrganizer(ctx, b.admin, institution.ID, user.ID); err != nil {
		return err
	}
	b.organizer = &domain.Actor{UserID: user.ID, Institutions: []uuid.UUID{institution.ID}}
	return nil
}

// createCohort schedules the cohort around today: the design phase and the
// design seminar are over, the implementation phase (laboratorium
// kepemimpinan) runs for four more weeks, the final seminar follows.
func (b *builder) createCohort(ctx context.Context) error {
	starts := b.day(-100)
	year := starts.Time().Year()
	cohort, err := b.s.Cohorts.CreateCohort(ctx, b.organizer, domain.CohortPlan{
		InstitutionID: b.organizer.Institutions[0],
		Program:       string(domain.ProgramPKN2),
		Code:          fmt.Sprintf("PKN2-XII-%d", year),
		Name:          fmt.Sprintf("PKN Tingkat II Angkatan XII Tahun %d", year),
		StartsOn:      starts,
		EndsOn:        b.day(49),
		Phases: []domain.Phase{
			{Kind: domain.PhaseDesign, StartsOn: starts, EndsOn: b.day(-64)},
			{Kind: domain.PhaseDesignSeminar, StartsOn: b.day(-63), EndsOn: b.day(-57)},
			{Kind: domain.PhaseImplementation, StartsOn: b.day(-56), EndsOn: b.day(28)},
			{Kind: domain.PhaseFinalSeminar, StartsOn: b.day(35), EndsOn: b.day(42)},
		},
	})
	if err != nil {
		return err
	}
	b.cohort = cohort
	b.organizer.Roles = append(b.organizer.Roles, domain.CohortRole{CohortID: cohort.ID, Role: domain.RoleOrganizer})
	return nil
}

// addStaff creates the coaches (widyaiswara of the institution) and the
// examiners (from LAN RI) and adds them to the cohort.
func (b *builder) addStaff(ctx context.Context) error {
	province, err := b.agency(ctx, b.organizer, provinceAgency.Name, provinceAgency.Region)
	if err != nil {
		return err
	}
	lan, err := b.agency(ctx, b.organizer, lanAgency.Name, lanAgency.Region)
	if err != nil {
		return err
	}
	units := map[uuid.UUID]*uuid.UUID{}
	if units[province], err = b.unit(ctx, b.organizer, province, bpsdmUnit); err != nil {
		return err
	}
	if units[lan], err = b.unit(ctx, b.organizer, lan, lanUnit); err != nil {
		return err
	}
	add := func(s staff, domainName string, agency uuid.UUID, seq int, role domain.StaffRole) (domain.User, error) {
		u, err := b.user(ctx, b.organizer, domain.UserProfile{Email: s.Email(domainName), Name: s.Name(), NIP: s.NIP(seq),
			Position: s.Position, Rank: s.Rank, AgencyID: &agency, UnitID: units[agency]})
		if err != nil {
			return u, err
		}
		_, err = b.s.Cohorts.AddStaff(ctx, b.organizer, b.cohort.ID, u.ID, role)
		return u, err
	}
	for i, c := range coaches {
		u, err := add(c, bpsdmDomain, province, 201+i, domain.StaffCoach)
		if err != nil {
			return err
		}
		b.coaches = append(b.coaches, u)
	}
	for i, e := range examiners {
		u, err := add(e, lanDomain, lan, 211+i, domain.StaffExaminer)
		if err != nil {
			return err
		}
		b.examiners = append(b.examiners, u)
	}
	return nil
}

// enroll creates the participants and their mentors in their agencies and
// enrolls each participant in their group with the group's coach.
func (b *builder) enroll(ctx context.Context) error {
	agencies := map[string]uuid.UUID{}
	for _, r := range regions {
		id, err := b.agency(ctx, b.organizer, r.Agency, placeOf(r))
		if err != nil {
			return err
		}
		agencies[r.Agency] = id
		if err := b.regionUnitsOf(ctx, r, id); err != nil {
			return err
		}
	}
	for _, p := range b.people {
		agency := agencies[p.Region.Agency]
		secretariat, err := b.unit(ctx, b.organizer, agency, mentorUnit)
		if err != nil {
			return err
		}
		mentor, err := b.user(ctx, b.organizer, domain.UserProfile{Email: p.Mentor.Email(p.Region.Domain), Name: p.Mentor.Name(),
			NIP: p.MentorNIP(), Position: p.MentorPosition, Rank: p.MentorRank, AgencyID: &agency, UnitID: secretariat})
		if err != nil {
			return err
		}
		unit, err := b.unit(ctx, b.organizer, agency, p.Theme.Unit)
		if err != nil {
			return err
		}
		user, err := b.user(ctx, b.organizer, domain.UserProfile{Email: p.Person.Email(p.Region.Domain), Name: p.Person.Name(),
			NIP: p.NIP(), Position: p.Position(), Rank: p.Rank(), AgencyID: &agency, UnitID: unit})
		if err != nil {
			return err
		}
		coach := b.coaches[p.Group].ID
		e, err := b.s.Cohorts.Enroll(ctx, b.organizer, b.cohort.ID, domain.EnrollmentPlan{
			ParticipantID: user.ID, MentorID: mentor.ID, CoachID: &coach, ClassID: b.classOf(p.Group), Group: groupName(p.Group)})
		if err != nil {
			return fmt.Errorf("enroll %s: %w", user.Name, err)
		}
		b.enrollments = append(b.enrollments, e)
	}
	return nil
}

// agency creates an agency, or finds it when the installation has it already
// (agency names are unique).
func (b *builder) agency(ctx context.Context, actor *domain.Actor, name, region string) (uuid.UUID, error) {
	a, err := b.s.Directory.CreateAgency(ctx, actor, name, region)
	if domain.KindOf(err) != domain.KindConflict {
		return a.ID, err
	}
	found, listErr := b.s.Directory.ListAgencies(ctx, name, domain.PageRequest{Limit: domain.MaxPageSize})
	if listErr != nil {
		return uuid.Nil, listErr
	}
	for _, a := range found.Items {
		if strings.EqualFold(a.Name, name) {
			return a.ID, nil
		}
	}
	return uuid.Nil, err
}

// user creates an account that signs in with Password.
func (b *builder) user(ctx context.Context, actor *domain.Actor, p domain.UserProfile) (domain.User, error) {
	u, _, err := b.s.Directory.CreateUser(ctx, actor, p, Password)
	if err != nil {
		return u, fmt.Errorf("create %s <%s>: %w", p.Name, p.Email, err)
	}
	return u, nil
}

func (b *builder) workOnProjects(ctx context.Context) error {
	for i, p := range b.people {
		r := b.newRun(p, b.enrollments[i], scenarioOf(p))
		if err := r.play(ctx); err != nil {
			return fmt.Errorf("project of %s: %w", p.Person.Name(), err)
		}
		b.runs = append(b.runs, r)
	}
	return nil
}

// The days of the seminars the demo holds, from today: the design
// seminar's session lies in its phase (63 to 57 days ago); the final
// seminar's session on the first day of its phase, in five weeks.
const (
	designSeminarDay = -60
	finalSeminarDay  = 35
)

// designSession returns the design seminar's session, made on its day with
// both examiners assigned and the participants' coach and mentor attending.
func (b *builder) designSession(ctx context.Context, past *domain.Services) (uuid.UUID, error) {
	if b.designSessionID != uuid.Nil {
		return b.designSessionID, nil
	}
	examiners := make([]uuid.UUID, len(b.examiners))
	for i, e := range b.examiners {
		examiners[i] = e.ID
	}
	s, err := past.Cohorts.CreateSeminarSession(ctx, b.organizer, domain.SessionPlan{CohortID: b.cohort.ID, Seminar: string(domain.SeminarDesign),
		HeldOn: b.day(designSeminarDay), StartsAt: "08:30", Room: "Aula Utama BPSDM", CoachAndMentorAttend: true, Examiners: examiners})
	b.designSessionID = s.ID
	return s.ID, err
}

// assess determines the design seminar's session (the examiners scored
// each approved design on its day, see run.designSeminar) and releases its
// results; then holds the early final seminars of the first two projects
// with a final report (their sessions, opened early by the organizer, made
// before submission: see run.reportApproved), scored by both examiners and
// determined, which completes the projects: the first report is then
// ratified, the second waits for a revision. The final seminar's results
// are not released yet.
func (b *builder) assess(ctx context.Context) error {
	if b.designSessionID != uuid.Nil {
		past := b.s.AsOf(func() time.Time { return b.day(designSeminarDay + 3).Time().Add(14 * time.Hour) })
		if _, err := past.Cohorts.DetermineSeminarSession(ctx, b.organizer, b.cohort.ID, b.designSessionID); err != nil {
			return err
		}
		if err := past.Cohorts.ReleaseResults(ctx, b.organizer, b.cohort.ID, domain.SeminarDesign); err != nil {
			return err
		}
		if err := b.appeal(ctx); err != nil {
			return err
		}
	}
	rubrics, err := b.s.Cohorts.Rubrics(ctx, b.organizer, b.cohort.ID)
	if err != nil {
		return err
	}
	held := 0
	for i, e := range b.enrollments {
		p, err := b.s.Projects.GetProject(ctx, b.organizer, e.ProjectID)
		if err != nil {
			return err
		}
		if p.Status != domain.ProjectFinalSubmitted || held == 2 {
			continue
		}
		report, err := b.s.Projects.GetReport(ctx, b.organizer, p.ID)
		if err != nil {
			return err
		}
		for j, examiner := range b.examiners {
			actor := &domain.Actor{UserID: examiner.ID, Roles: []domain.CohortRole{{CohortID: b.cohort.ID, Role: domain.RoleExaminer}}}
			r := rubrics[1]
			scores := make([]domain.Score, len(r.Criteria))
			for k, c := range r.Criteria {
				scores[k] = domain.Score{Criterion: c.Key, Score: 68 + float64((i*7+j*5+k*3)%58)/2}
			}
			if _, err := b.s.Projects.RecordAssessment(ctx, actor, p.ID, r.Seminar, scores, examinerRemarks[(i+j)%len(examinerRemarks)]); err != nil {
				return err
			}
		}
		if _, err = b.s.Cohorts.DetermineSeminarSession(ctx, b.organizer, b.cohort.ID, report.Seminar.SessionID); err != nil {
			return err
		}
		if err := b.runs[i].afterFinalSeminar(ctx, held); err != nil {
			return err
		}
		held++
	}
	return nil
}

// appeal files two appeals of the design seminar's results the day after
// their release: the first is assigned to the first examiner, who raises
// their score with a reason, and decided as partly granted; the second is
// assigned and waits for its examiner.
func (b *builder) appeal(ctx context.Context) error {
	if len(b.seminarRuns) < 2 || len(b.examiners) == 0 {
		return nil
	}
	past := b.s.AsOf(func() time.Time { return b.day(designSeminarDay + 4).Time().Add(9 * time.Hour) })
	examiner := &domain.Actor{UserID: b.examiners[0].ID, Roles: []domain.CohortRole{{CohortID: b.cohort.ID, Role: domain.RoleExaminer}}}
	rubrics, err := past.Cohorts.Rubrics(ctx, b.organizer, b.cohort.ID)
	if err != nil {
		return err
	}
	for i, r := range b.seminarRuns[:2] {
		a, err := past.Projects.FileAppeal(ctx, r.participant, r.project, domain.SeminarDesign,
			"Penilaian kriteria pemetaan stakeholder belum mempertimbangkan lampiran analisis stakeholder yang telah diunggah bersama rancangan.")
		if err != nil {
			return fmt.Errorf("appeal of %s: %w", r.p.Person.Name(), err)
		}
		if _, err := past.Cohorts.AssignAppeal(ctx, b.organizer, b.cohort.ID, a.ID, []uuid.UUID{examiner.UserID}); err != nil {
			return err
		}
		if i > 0 {
			continue // the second waits for its examiner
		}
		scores := make([]domain.Score, len(rubrics[0].Criteria))
		for k, c := range rubrics[0].Criteria {
			scores[k] = domain.Score{Criterion: c.Key, Score: min(100, 78+float64((r.p.Index*7+k*3)%40)/2)}
		}
		if _, err := past.Projects.ReviseAssessment(ctx, examiner, r.project, domain.SeminarDesign, scores, examinerRemarks[0],
			"Lampiran analisis stakeholder ditelaah ulang; nilai pemetaan stakeholder disesuaikan."); err != nil {
			return err
		}
		if _, err := past.Cohorts.CloseAppeal(ctx, b.organizer, b.cohort.ID, a.ID, string(domain.AppealPartlyGranted),
			"Keberatan dikabulkan sebagian: nilai penguji pertama disesuaikan, nilai penguji kedua tetap."); err != nil {
			return err
		}
	}
	return nil
}

// examinerRemarks are what examiners write beside their scores.
var examinerRemarks = []string{
	"Isu dirumuskan dengan tajam; perkuat indikator keberhasilan jangka pendek.",
	"Gagasan inovatif dan realistis; pemetaan stakeholder perlu diperdalam.",
	"Milestone jelas dan terukur. Jaga komitmen mentor dalam implementasi.",
	"Penyajian baik; rencana keberlanjutan jangka panjang masih umum.",
}
