package demo

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// The demo's co-organized cohorts and its PKA cohort (issue #20): the PKN II
// cohort is run by BPSDM Jawa Timur "bekerja sama dengan LAN RI", so LAN's
// organizers read it; and a PKA cohort, created from LAN's PKA template,
// shows that a PKA participant's screens and e-mails say Aksi Perubahan.

// LAN RI as an institution: the partner of the demo's PKN II cohort.
const (
	lanInstitutionName = "Lembaga Administrasi Negara Republik Indonesia"
	lanInstitutionCode = "LAN-RI"
)

// pkaPeople are the PKA cohort's participants (administrators of the
// province) with their mentors; the first one signs in from the login table.
var pkaPeople = []struct {
	participant, mentor staff
	title, problem      string
}{
	{
		staff{person{"", "Dimas", "Prasetyo", "S.E., M.M.", false}, "Kepala Bagian Perencanaan Badan Kepegawaian Daerah Provinsi Jawa Timur", "Pembina (IV/a)", [3]int{1982, 6, 11}, [2]int{2008, 3}},
		staff{person{"Drs.", "Agus", "Setiawan", "M.Si.", false}, "Kepala Badan Kepegawaian Daerah Provinsi Jawa Timur", "Pembina Utama Muda (IV/c)", [3]int{1970, 1, 20}, [2]int{1996, 3}},
		"Layanan Kenaikan Pangkat Tanpa Berkas Fisik",
		"Usulan kenaikan pangkat masih dikirim dalam berkas fisik dan menunggu rata-rata 45 hari.",
	},
	{
		staff{person{"", "Ratih", "Anggraeni", "S.Kom., M.T.", true}, "Kepala Bidang Aplikasi Informatika Dinas Komunikasi dan Informatika Provinsi Jawa Timur", "Pembina (IV/a)", [3]int{1984, 9, 3}, [2]int{2009, 12}},
		staff{person{"Dr.", "Hendra", "Kusuma", "M.T.", false}, "Kepala Dinas Komunikasi dan Informatika Provinsi Jawa Timur", "Pembina Utama Muda (IV/c)", [3]int{1972, 4, 8}, [2]int{1998, 3}},
		"Satu Data Layanan Publik Provinsi",
		"Data layanan publik tersebar di 40 aplikasi perangkat daerah yang tidak saling terhubung.",
	},
}

// pkaLogins are the PKA cohort's accounts worth signing in with.
func pkaLogins() []Login {
	p := pkaPeople[0]
	return []Login{{Role: "participant, PKA (Aksi Perubahan)", Name: p.participant.Name(), Email: p.participant.Email(bpsdmDomain)}}
}

// coOrganizeAndRunPKA makes LAN RI the partner of the PKN II cohort and
// creates the PKA cohort with its participants, whose designs are drafts.
func (b *builder) coOrganizeAndRunPKA(ctx context.Context) error {
	lan, err := b.institution(ctx, lanInstitutionName, lanInstitutionCode)
	if err != nil {
		return err
	}
	if _, err := b.s.Cohorts.UpdateCohort(ctx, b.organizer, b.cohort.ID, domain.CohortChanges{PartnerInstitutionID: &lan}, nil); err != nil {
		return fmt.Errorf("name LAN RI the partner: %w", err)
	}
	starts := b.day(-20)
	year := starts.Time().Year()
	template := domain.TemplatePKA
	cohort, err := b.s.Cohorts.CreateCohort(ctx, b.organizer, domain.CohortPlan{
		InstitutionID: b.organizer.Institutions[0], Program: string(domain.ProgramPKA), TemplateID: &template,
		Code: fmt.Sprintf("PKA-V-%d", year), Name: fmt.Sprintf("PKA Angkatan V Tahun %d", year),
		StartsOn: starts, EndsOn: b.day(120),
	})
	if err != nil {
		return fmt.Errorf("create the PKA cohort: %w", err)
	}
	organizer := *b.organizer
	organizer.Roles = append(append([]domain.CohortRole{}, b.organizer.Roles...), domain.CohortRole{CohortID: cohort.ID, Role: domain.RoleOrganizer})
	if _, err := b.s.Cohorts.AddStaff(ctx, &organizer, cohort.ID, b.coaches[0].ID, domain.StaffCoach); err != nil {
		return err
	}
	province, err := b.agency(ctx, &organizer, provinceAgency.Name, provinceAgency.Region)
	if err != nil {
		return err
	}
	unit, err := b.unit(ctx, &organizer, province, bpsdmUnit)
	if err != nil {
		return err
	}
	for i, p := range pkaPeople {
		add := func(s staff, seq int) (domain.User, error) {
			return b.user(ctx, &organizer, domain.UserProfile{Email: s.Email(bpsdmDomain), Name: s.Name(), NIP: s.NIP(seq),
				Position: s.Position, Rank: s.Rank, AgencyID: &province, UnitID: unit})
		}
		mentor, err := add(p.mentor, 301+2*i)
		if err != nil {
			return err
		}
		user, err := add(p.participant, 302+2*i)
		if err != nil {
			return err
		}
		coach := b.coaches[0].ID
		e, err := b.s.Cohorts.Enroll(ctx, &organizer, cohort.ID, domain.EnrollmentPlan{ParticipantID: user.ID, MentorID: mentor.ID, CoachID: &coach, Group: groupName(0)})
		if err != nil {
			return fmt.Errorf("enroll %s in the PKA cohort: %w", user.Name, err)
		}
		self := &domain.Actor{UserID: user.ID, Roles: []domain.CohortRole{{CohortID: cohort.ID, Role: domain.RoleParticipant}}}
		title, problem := p.title, p.problem
		if _, err := b.s.Projects.UpdateProject(ctx, self, e.ProjectID, domain.ProjectChanges{Title: &title, Problem: &problem}, nil); err != nil {
			return err
		}
	}
	return nil
}

// institution creates an institution, or finds it by its code when the
// installation has it already (the seed's LAN RI, say).
func (b *builder) institution(ctx context.Context, name, code string) (uuid.UUID, error) {
	in, err := b.s.Directory.CreateInstitution(ctx, b.admin, name, code)
	if err == nil {
		return in.ID, nil
	}
	if domain.KindOf(err) != domain.KindConflict {
		return uuid.Nil, err
	}
	page := domain.PageRequest{Limit: domain.MaxPageSize}
	for {
		list, lerr := b.s.Directory.ListInstitutions(ctx, b.admin, page)
		if lerr != nil {
			return uuid.Nil, lerr
		}
		for _, i := range list.Items {
			if strings.EqualFold(i.Code, code) {
				return i.ID, nil
			}
		}
		if list.NextCursor == "" {
			return uuid.Nil, err
		}
		page.Cursor = list.NextCursor
	}
}
