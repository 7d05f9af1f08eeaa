package demo

import (
	"bytes"
	"context"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// The demo's final reports (issue #22 part 4): each project that hands its
// report in has its final seminar session first (the persetujuan names its
// day and place), uploads the report and the slides, signs the pernyataan
// keaslian, and its mentor and coach sign the lembar persetujuan. After the
// early final seminar (builder.assess) the first report is ratified and the
// second waits for a revision the examiners required.

// finalSession makes the run's final seminar session, on the seminar's day,
// with the cohort's examiners, opened early by the organizer.
func (r *run) finalSession(ctx context.Context) error {
	b := r.b
	examiners := make([]uuid.UUID, len(b.examiners))
	for j, x := range b.examiners {
		examiners[j] = x.ID
	}
	session, err := b.s.Cohorts.CreateSeminarSession(ctx, b.organizer, domain.SessionPlan{CohortID: b.cohort.ID, Seminar: string(domain.SeminarFinal),
		HeldOn: b.day(finalSeminarDay), StartsAt: "09:00", OnlineLink: "https://zoom.us/j/8123456789", CoachAndMentorAttend: true,
		Participants: []uuid.UUID{r.enrollment}, Examiners: examiners})
	if err != nil {
		return err
	}
	_, err = b.s.Cohorts.OpenSeminarSessionEarly(ctx, b.organizer, b.cohort.ID, session.ID)
	return err
}

// uploadReport uploads a version of the report or of the slides.
func (r *run) uploadReport(ctx context.Context, kind domain.ReportFileKind, version string) error {
	projects := r.b.s.Projects
	title := "Laporan Proyek Perubahan"
	if kind == domain.ReportFileSlides {
		title = "Bahan Tayang Seminar Laporan Akhir"
	}
	content := pdfDocument(title+" ("+version+")", "Proyek perubahan: "+r.p.fill(r.p.Theme.Title), "Peserta: "+r.p.Person.Name()+", "+r.p.Position())
	f, err := projects.StoreReportFile(ctx, r.participant, r.project, kind, slug(title+" "+version)+".pdf", bytes.NewReader(content))
	if err != nil {
		return err
	}
	_, err = projects.AddReportFile(ctx, r.participant, r.project, kind, f)
	return err
}

// reportApproved prepares the report for submission: the final session,
// the report and slides, the pernyataan (naming a replicated innovation
// for the first group's project), and both persetujuan.
func (r *run) reportApproved(ctx context.Context) error {
	projects := r.b.s.Projects
	replicated := ""
	if r.p.Group == 0 {
		replicated = "Mal Pelayanan Publik Kabupaten Banyuwangi"
	}
	return r.all(ctx, r.finalSession,
		func(ctx context.Context) error { return r.uploadReport(ctx, domain.ReportFileReport, "versi 1") },
		func(ctx context.Context) error { return r.uploadReport(ctx, domain.ReportFileSlides, "versi 1") },
		func(ctx context.Context) error {
			_, err := projects.SignReportStatement(ctx, r.participant, r.project, replicated)
			return err
		},
		r.endorse(r.mentor, domain.ReportApproval), r.endorse(r.coach, domain.ReportApproval))
}

// endorse has a reviewer sign step of the report, with their profile's position.
func (r *run) endorse(reviewer *domain.Actor, step domain.ReportStep) func(context.Context) error {
	return func(ctx context.Context) error {
		_, err := r.b.s.Projects.EndorseReport(ctx, reviewer, r.project, step, "")
		return err
	}
}

// afterFinalSeminar is what follows the determined final seminar of the
// n-th project with a report: the first is ratified by its mentor and
// coach; the second gets a revision required by the first examiner, due in
// two weeks.
func (r *run) afterFinalSeminar(ctx context.Context, n int) error {
	if n == 0 {
		return r.all(ctx, r.endorse(r.mentor, domain.ReportRatification), r.endorse(r.coach, domain.ReportRatification))
	}
	examiner := &domain.Actor{UserID: r.b.examiners[0].ID, Roles: []domain.CohortRole{{CohortID: r.b.cohort.ID, Role: domain.RoleExaminer}}}
	_, err := r.b.s.Projects.RequireReportRevision(ctx, examiner, r.project, r.b.day(14),
		"Lengkapi bab capaian dengan data waktu layanan sebelum dan sesudah perubahan, dan lampirkan testimoni stakeholder.")
	return err
}
