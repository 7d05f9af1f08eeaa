package demo

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// scenario is how far a participant's project has come, and how it got there.
type scenario int

// The scenarios of the demo's projects.
const (
	draftStarted            scenario = iota // a title and a problem, nothing else yet
	draftWriting                            // most of the design and two milestones, not submitted
	draftReturned                           // submitted, then returned by the mentor with a comment
	submitted                               // waiting for the mentor and the coach
	submittedMentorApproved                 // the mentor approved; the coach has not decided yet
	resubmitted                             // returned by the coach, revised and submitted again
	approved                                // approved by both, nothing done since
	implementingAhead                       // evidence in every state, one milestone achieved, one claimed
	implementingSteady                      // the first milestone achieved, the second under way
	implementingClaimed                     // the first milestone claimed, waiting for the mentor
	implementingBehind                      // the first milestone overdue, its evidence rejected once
	implementingIdle                        // nothing done: the first milestone overdue, the coach intervenes
	finalSubmitted                          // every short-term milestone achieved, final report handed in
)

// scenarios say, per group and position in the group, what the project of
// each participant has been through: 4 drafts, 5 designs submitted, 3
// approved, 15 in implementation and 3 final reports handed in. The first
// participant of each group, whose login is printed, has the richest story.
var scenarios = [groupCount][groupSize]scenario{
	{implementingAhead, implementingSteady, implementingClaimed, implementingBehind, implementingIdle, finalSubmitted, approved, submittedMentorApproved, resubmitted, draftReturned},
	{implementingAhead, implementingSteady, implementingClaimed, implementingBehind, implementingIdle, finalSubmitted, approved, submitted, draftWriting, draftStarted},
	{implementingAhead, implementingSteady, implementingClaimed, implementingBehind, implementingIdle, finalSubmitted, approved, submitted, submitted, draftWriting},
}

func scenarioOf(p participant) scenario { return scenarios[p.Group][p.Index%groupSize] }

// late reports whether the design is not yet being carried out, so that the
// participant plans the short-term milestones in the weeks left of the
// implementation phase rather than in those already past.
func (s scenario) late() bool { return s <= approved }

// run plays one participant's project through its scenario, each step done
// by the person who would do it.
type run struct {
	b                          *builder
	p                          participant
	project                    uuid.UUID
	enrollment                 uuid.UUID
	scenario                   scenario
	participant, mentor, coach *domain.Actor
	// milestones are the project's milestones in the order of plan: three
	// short-term, one mid-term, one long-term.
	milestones []domain.Milestone
	// approvedEvidence lists the evidence the mentor approved, to be shown
	// if the project is published.
	approvedEvidence []uuid.UUID
}

// The milestones of a project, by their index in run.milestones.
const (
	short1 = iota
	short2
	short3
	mid
	long
)

func (b *builder) newRun(p participant, e domain.Enrollment, s scenario) *run {
	actor := func(id uuid.UUID, role domain.Role) *domain.Actor {
		return &domain.Actor{UserID: id, Roles: []domain.CohortRole{{CohortID: e.CohortID, Role: role}}}
	}
	return &run{b: b, p: p, project: e.ProjectID, enrollment: e.ID, scenario: s, participant: actor(e.ParticipantID, domain.RoleParticipant),
		mentor: actor(e.MentorID, domain.RoleMentor), coach: actor(*e.CoachID, domain.RoleCoach)}
}

// play runs the scenario.
func (r *run) play(ctx context.Context) error {
	switch s := r.scenario; s {
	case draftStarted:
		return r.writeDesign(ctx, false)
	case draftWriting:
		return r.all(ctx, func(ctx context.Context) error { return r.writeDesign(ctx, true) }, r.plan(2))
	case draftReturned:
		return r.all(ctx, r.designed, r.submit,
			r.reviewDesign(r.mentor, domain.DesignReturn, "Rumusan masalah belum didukung data: lengkapi dengan data tiga tahun terakhir dan pertajam ukuran keberhasilan setiap tahapan jangka pendek."),
			r.note(-66, "Penajaman rumusan masalah dan pemetaan stakeholder", "Peserta diminta melengkapi data dasar dan memetakan ulang stakeholder eksternal yang berpengaruh sebelum mengajukan kembali rancangan."))
	case submitted:
		return r.all(ctx, r.designed, r.submit)
	case submittedMentorApproved:
		return r.all(ctx, r.designed, r.submit, r.mentorApproves)
	case resubmitted:
		return r.all(ctx, r.designed, r.submit,
			r.reviewDesign(r.coach, domain.DesignReturn, "Milestone jangka pendek masih terlalu umum: uraikan kegiatan dan keluarannya, dan tambahkan pemangku kepentingan eksternal yang berpengaruh."),
			r.revise, r.submit)
	case approved:
		return r.all(ctx, r.designed, r.approved,
			r.note(-55, "Tindak lanjut masukan seminar rancangan", "Masukan penguji pada seminar rancangan dibahas bersama; peserta menyesuaikan ukuran keberhasilan tahapan jangka pendek sebelum implementasi."))
	case implementingAhead:
		return r.all(ctx, r.designed, r.approved, r.ahead,
			r.note(-66, "Penajaman rumusan masalah dan pemetaan stakeholder", "Rumusan masalah sudah tajam. Disarankan melibatkan stakeholder eksternal sejak awal dan menyiapkan data pembanding sebelum dan sesudah perubahan."),
			r.note(-21, "Strategi komunikasi dengan stakeholder eksternal", "Milestone pertama tercapai. Untuk tahap berikutnya siapkan media komunikasi yang konsisten dan jadwalkan audiensi dengan pimpinan daerah."))
	case implementingSteady:
		return r.all(ctx, r.designed, r.approved, r.steady, r.changedPlan,
			r.note(-20, "Strategi komunikasi dengan stakeholder eksternal", "Kemajuan sesuai rencana. Dokumentasikan setiap kegiatan dan unggah bukti dukung segera setelah kegiatan selesai."))
	case implementingClaimed:
		return r.all(ctx, r.designed, r.approved, r.claimed)
	case implementingBehind:
		return r.all(ctx, r.designed, r.approved, r.behind,
			r.note(-6, "Percepatan tahapan jangka pendek yang tertunda", "Tahapan pertama melewati tenggat. Disepakati SK tim efektif ditandatangani minggu ini dan rapat koordinasi dijadwalkan ulang bersama mentor."))
	case implementingIdle:
		return r.all(ctx, r.designed, r.approved,
			r.note(-5, "Percepatan tahapan jangka pendek yang tertunda", "Belum ada bukti dukung yang diunggah. Peserta menyampaikan kendala penugasan di luar kota; disepakati rencana percepatan dua minggu dan komunikasi intensif dengan mentor."))
	case finalSubmitted:
		return r.all(ctx, r.designed, r.approved, r.finished,
			r.note(-3, "Persiapan seminar laporan akhir", "Seluruh tahapan jangka pendek tercapai. Siapkan paparan capaian, testimoni stakeholder dan rencana keberlanjutan jangka menengah untuk seminar laporan akhir."))
	}
	return fmt.Errorf("unknown scenario %d", r.scenario)
}

// all runs steps in order, stopping at the first failure.
func (r *run) all(ctx context.Context, steps ...func(context.Context) error) error {
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
}

// writeDesign fills in the design; a first draft has only a title and a problem.
func (r *run) writeDesign(ctx context.Context, full bool) error {
	t, fill := r.p.Theme, r.p.fill
	title, problem := fill(t.Title), fill(t.Problem)
	c := domain.ProjectChanges{Title: &title, Problem: &problem}
	if full {
		background, goal, benefits, scope := fill(t.Background), fill(t.Goal), fill(t.Benefits), fill(t.Scope)
		areas := append([]string(nil), t.Areas...)
		stakeholders := make([]domain.Stakeholder, len(t.Stakeholders))
		for i, s := range t.Stakeholders {
			s.Name = fill(s.Name)
			stakeholders[i] = s
		}
		c.Background, c.Goal, c.Benefits, c.Scope = &background, &goal, &benefits, &scope
		c.InnovationAreas, c.Stakeholders = &areas, &stakeholders
		c.DesignSectionChanges = r.p.designSections()
	}
	_, err := r.b.s.Projects.UpdateProject(ctx, r.participant, r.project, c, nil)
	return err
}

// plan returns a step that adds the first n of the project's five milestones.
func (r *run) plan(n int) func(context.Context) error {
	return func(ctx context.Context) error {
		t, i := r.p.Theme, r.p.Index
		// The implementation phase began 56 days ago and ends in 28.
		due := [3]int{-20 - i%4, 3 + i%5, 20 + i%5}
		if r.scenario.late() {
			due = [3]int{6 + i%4, 14 + i%5, 24 + i%3}
		}
		steps := []struct {
			horizon domain.Horizon
			step    step
			due     domain.Date
		}{
			{domain.HorizonShort, teamMilestone, r.b.day(due[0])},
			{domain.HorizonShort, t.Short[0], r.b.day(due[1])},
			{domain.HorizonShort, t.Short[1], r.b.day(due[2])},
			{domain.HorizonMid, t.Mid, domain.DateOf(r.b.now.AddDate(1, 0, i%20))},
			{domain.HorizonLong, t.Long, domain.DateOf(r.b.now.AddDate(2, 0, i%20))},
		}
		for _, s := range steps[:n] {
			activities := make([]domain.Activity, len(s.step.Activities))
			for k, a := range s.step.Activities {
				activities[k] = domain.Activity{Title: r.p.fill(a.Title), Output: r.p.fill(a.Output)}
			}
			m, err := r.b.s.Projects.CreateMilestone(ctx, r.participant, r.project, domain.MilestonePlan{
				Horizon: string(s.horizon), Title: r.p.fill(s.step.Title), Description: r.p.fill(s.step.Description),
				DueOn: s.due, Activities: activities})
			if err != nil {
				return err
			}
			r.milestones = append(r.milestones, m)
		}
		return nil
	}
}

// designed writes the whole design with all five milestones.
func (r *run) designed(ctx context.Context) error {
	return r.all(ctx, func(ctx context.Context) error { return r.writeDesign(ctx, true) }, r.plan(5))
}

func (r *run) submit(ctx context.Context) error {
	_, err := r.b.s.Projects.SubmitDesign(ctx, r.participant, r.project, nil)
	return err
}

func (r *run) reviewDesign(reviewer *domain.Actor, d domain.DesignDecision, comment string) func(context.Context) error {
	return func(ctx context.Context) error {
		_, err := r.b.s.Projects.ReviewDesign(ctx, reviewer, r.project, d, comment)
		return err
	}
}

func (r *run) mentorApproves(ctx context.Context) error {
	return r.reviewDesign(r.mentor, domain.DesignApprove, "Rancangan sejalan dengan prioritas pembangunan daerah. Silakan dilanjutkan.")(ctx)
}

// approved submits the design and has the mentor and then the coach approve it.
func (r *run) approved(ctx context.Context) error {
	return r.all(ctx, r.submit, r.mentorApproves,
		r.reviewDesign(r.coach, domain.DesignApprove, "Rancangan memenuhi kaidah proyek perubahan. Perhatikan pengelolaan stakeholder eksternal pada tahap implementasi."),
		r.designSeminar)
}

// designSeminar presents the approved design in the cohort's design
// seminar session, on its day, where both examiners score it (see
// builder.designSession); the session is determined once every project
// has been scored (builder.assess).
func (r *run) designSeminar(ctx context.Context) error {
	b := r.b
	past := b.s.AsOf(func() time.Time { return b.day(designSeminarDay).Time().Add(10 * time.Hour) })
	session, err := b.designSession(ctx, past)
	if err != nil {
		return err
	}
	if _, err := past.Cohorts.AddSessionParticipant(ctx, b.organizer, b.cohort.ID, session, r.enrollment); err != nil {
		return err
	}
	rubrics, err := past.Cohorts.Rubrics(ctx, b.organizer, b.cohort.ID)
	if err != nil {
		return err
	}
	b.seminarRuns = append(b.seminarRuns, r)
	i := r.p.Index
	for j, examiner := range b.examiners {
		actor := &domain.Actor{UserID: examiner.ID, Roles: []domain.CohortRole{{CohortID: b.cohort.ID, Role: domain.RoleExaminer}}}
		rubric := rubrics[0]
		scores := make([]domain.Score, len(rubric.Criteria))
		for k, c := range rubric.Criteria {
			// 68.0 to 96.5, varying by participant, examiner and criterion.
			scores[k] = domain.Score{Criterion: c.Key, Score: 68 + float64((i*7+j*5+k*3)%58)/2}
		}
		if _, err := past.Projects.RecordAssessment(ctx, actor, r.project, domain.SeminarDesign, scores, examinerRemarks[(i+j)%len(examinerRemarks)]); err != nil {
			return err
		}
	}
	return nil
}

// revise answers a returned design: the data asked for, one more stakeholder.
func (r *run) revise(ctx context.Context) error {
	background := r.p.fill(r.p.Theme.Background) + " Data capaian tiga tahun terakhir dan hasil survei awal dilampirkan pada dokumen rancangan."
	stakeholders := make([]domain.Stakeholder, 0, len(r.p.Theme.Stakeholders)+1)
	for _, s := range r.p.Theme.Stakeholders {
		s.Name = r.p.fill(s.Name)
		stakeholders = append(stakeholders, s)
	}
	stakeholders = append(stakeholders, sh("DPRD "+r.p.Region.Area, false, true, false))
	_, err := r.b.s.Projects.UpdateProject(ctx, r.participant, r.project,
		domain.ProjectChanges{Background: &background, Stakeholders: &stakeholders}, nil)
	return err
}

// note is a coaching session held days days from now (a negative number: past).
func (r *run) note(days int, topic, notes string) func(context.Context) error {
	return func(ctx context.Context) error {
		_, err := r.b.s.Projects.AddCoachingNote(ctx, r.coach, r.project, r.b.day(days), topic, notes)
		return err
	}
}

// The implementation stories. The cohort's implementation phase has begun,
// so the first change after the approval moves the project into
// implementation, as the domain does (StartImplementation is for starting
// before the phase and is refused once the phase has started the project).

// ahead: the first milestone achieved on three approved evidence, the
// second claimed with one evidence still waiting for the mentor, the third
// under way with a rejected photo, a withdrawn file and its replacement.
func (r *run) ahead(ctx context.Context) error {
	return r.all(ctx,
		r.evidence(short1, 0, approve), r.evidence(short1, 1, approve), r.publication(short1, approve),
		r.claim(short1), r.verify(short1),
		r.evidence(short2, 0, approve), r.evidence(short2, 1, pending), r.claim(short2),
		r.photo(short3, reject("Foto belum menunjukkan kegiatan yang dimaksud: unggah foto kegiatan beserta daftar hadir yang ditandatangani.")),
		r.evidence(short3, 0, withdraw), r.evidence(short3, 0, pending))
}

// steady: the first milestone achieved, a link waiting for review on the second.
func (r *run) steady(ctx context.Context) error {
	return r.all(ctx, r.evidence(short1, 0, approve), r.evidence(short1, 1, approve), r.claim(short1), r.verify(short1),
		r.publication(short2, pending))
}

// changedPlan: after approval the participant asks to move the last
// short-term milestone a week later, and the coach and the mentor approve:
// the plan is at version 2 (issue #22).
func (r *run) changedPlan(ctx context.Context) error {
	m := r.milestones[short3]
	cr, err := r.b.s.Projects.CreateChangeRequest(ctx, r.participant, r.project,
		"Rapat koordinasi lintas OPD dijadwalkan ulang oleh Sekretariat Daerah, sehingga uji coba baru dapat dimulai sepekan kemudian.",
		domain.PlanChanges{Redate: []domain.MilestoneRedate{{MilestoneID: m.ID, DueOn: domain.DateOf(m.DueOn.Time().AddDate(0, 0, 7))}}})
	if err != nil {
		return err
	}
	if _, err := r.b.s.Projects.DecideChangeRequest(ctx, r.coach, cr.ID, domain.DesignApprove, "Alasan dapat diterima."); err != nil {
		return err
	}
	_, err = r.b.s.Projects.DecideChangeRequest(ctx, r.mentor, cr.ID, domain.DesignApprove, "Setuju, tanggal baru masih sebelum seminar laporan akhir.")
	return err
}

// claimed: the first milestone claimed on approved evidence; the second begun.
func (r *run) claimed(ctx context.Context) error {
	return r.all(ctx, r.evidence(short1, 0, approve), r.photo(short1, approve), r.claim(short1), r.start(short2))
}

// behind: the first milestone past its due date, its first evidence rejected.
func (r *run) behind(ctx context.Context) error {
	return r.all(ctx,
		r.evidence(short1, 0, reject("SK tim efektif yang diunggah masih draf dan belum ditandatangani: unggah SK yang sudah ditetapkan.")),
		r.evidence(short1, 1, pending))
}

// finished: every short-term milestone achieved, the mid-term one begun,
// and the final report approved by the mentor and coach and handed in.
func (r *run) finished(ctx context.Context) error {
	var steps []func(context.Context) error
	for _, m := range []int{short1, short2, short3} {
		steps = append(steps, r.evidence(m, 0, approve), r.evidence(m, 1, approve), r.claim(m), r.verify(m))
	}
	steps = append(steps, r.start(mid), r.reportApproved, func(ctx context.Context) error {
		_, err := r.b.s.Projects.SubmitFinal(ctx, r.participant, r.project)
		return err
	})
	return r.all(ctx, steps...)
}

// verdict is what happens to evidence after it is submitted.
type verdict func(ctx context.Context, r *run, e domain.Evidence) error

func pending(context.Context, *run, domain.Evidence) error { return nil }

func approve(ctx context.Context, r *run, e domain.Evidence) error {
	if _, err := r.b.s.Projects.ReviewEvidence(ctx, r.mentor, e.ID, domain.EvidenceApprove, ""); err != nil {
		return err
	}
	r.approvedEvidence = append(r.approvedEvidence, e.ID)
	return nil
}

func reject(comment string) verdict {
	return func(ctx context.Context, r *run, e domain.Evidence) error {
		_, err := r.b.s.Projects.ReviewEvidence(ctx, r.mentor, e.ID, domain.EvidenceReject, comment)
		return err
	}
}

func withdraw(ctx context.Context, r *run, e domain.Evidence) error {
	_, err := r.b.s.Projects.WithdrawEvidence(ctx, r.participant, e.ID)
	return err
}

// evidence submits the output of activity k of milestone m: a picture for
// documentation and screenshots, a PDF otherwise.
func (r *run) evidence(m, k int, then verdict) func(context.Context) error {
	return func(ctx context.Context) error {
		a := r.milestones[m].Activities[k]
		picture := strings.HasPrefix(a.Output, "Dokumentasi") || strings.HasPrefix(a.Output, "Tangkapan layar")
		return r.file(ctx, m, k, evidenceTypeOf(a.Output), a.Output, "Keluaran kegiatan: "+a.Title+".", picture, then)
	}
}

// photo submits a photo of the first activity of milestone m.
func (r *run) photo(m int, then verdict) func(context.Context) error {
	return func(ctx context.Context) error {
		a := r.milestones[m].Activities[0]
		return r.file(ctx, m, 0, domain.EvidencePhoto, "Foto kegiatan: "+a.Title, "Dokumentasi kegiatan "+strings.ToLower(a.Title[:1])+a.Title[1:]+".", true, then)
	}
}

// evidenceTypeOf is the type of the evidence of an activity's output, as
// the demo's outputs name them.
func evidenceTypeOf(output string) domain.EvidenceType {
	for prefix, t := range map[string]domain.EvidenceType{"SK": domain.EvidenceSK, "Notula": domain.EvidenceMinutes,
		"Daftar hadir": domain.EvidenceAttendance, "Dokumentasi": domain.EvidencePhoto, "Berita acara": domain.EvidenceOfficialMemo,
		"Tangkapan layar": domain.EvidenceScreenshot, "Perwal": domain.EvidenceRegulation, "Perbup": domain.EvidenceRegulation,
		"MoU": domain.EvidenceAgreement, "PKS": domain.EvidenceAgreement} {
		if strings.HasPrefix(output, prefix) {
			return t
		}
	}
	return domain.EvidenceOther
}

// file stores a generated file as the participant's evidence of activity
// k of milestone m.
func (r *run) file(ctx context.Context, m, k int, kind domain.EvidenceType, title, description string, picture bool, then verdict) error {
	milestone := r.milestones[m]
	name, content := slug(title)+".pdf", pdfDocument(title,
		"Proyek perubahan: "+r.p.fill(r.p.Theme.Title),
		"Tahapan: "+milestone.Title,
		"Peserta: "+r.p.Person.Name()+", "+r.p.Position(),
		"Instansi: "+r.p.Region.Agency,
		"",
		description,
		"",
		"Dokumen contoh dari data demo Proper.")
	if picture {
		name, content = slug(title)+".png", pngPicture(fmt.Sprintf("%d %s", r.p.Index, title))
	}
	stored, err := r.b.s.Projects.StoreEvidenceFile(ctx, r.participant, milestone.ID, name, bytes.NewReader(content))
	if err != nil {
		return fmt.Errorf("store %s: %w", name, err)
	}
	activity := milestone.Activities[k].ID
	e, err := r.b.s.Projects.SubmitEvidence(ctx, r.participant, milestone.ID, domain.EvidenceDraft{ActivityID: &activity, Type: string(kind),
		Title: title, Description: description, File: stored})
	if err != nil {
		return err
	}
	return then(ctx, r, e)
}

// publication submits a link to the news of milestone m on the agency's
// website, as evidence of its last activity.
func (r *run) publication(m int, then verdict) func(context.Context) error {
	return func(ctx context.Context) error {
		milestone := r.milestones[m]
		activity := milestone.Activities[len(milestone.Activities)-1].ID
		e, err := r.b.s.Projects.SubmitEvidence(ctx, r.participant, milestone.ID, domain.EvidenceDraft{ActivityID: &activity, Type: string(domain.EvidenceLink),
			Title:       "Publikasi kegiatan di laman resmi " + r.p.Region.Agency,
			Description: "Berita kegiatan tahapan “" + milestone.Title + "”.",
			URL:         fmt.Sprintf("https://%s/berita/%s", r.p.Region.Domain, slug(milestone.Title))})
		if err != nil {
			return err
		}
		return then(ctx, r, e)
	}
}

// claim asks the mentor to verify milestone m.
func (r *run) claim(m int) func(context.Context) error {
	return func(ctx context.Context) error {
		_, err := r.b.s.Projects.ClaimMilestone(ctx, r.participant, r.milestones[m].ID)
		return err
	}
}

// verify has the mentor confirm that milestone m is achieved.
func (r *run) verify(m int) func(context.Context) error {
	return func(ctx context.Context) error {
		_, err := r.b.s.Projects.VerifyMilestone(ctx, r.mentor, r.milestones[m].ID, domain.VerifyApprove,
			"Milestone tercapai sesuai rencana; bukti dukung lengkap.", "")
		return err
	}
}

// start marks milestone m as in progress.
func (r *run) start(m int) func(context.Context) error {
	return func(ctx context.Context) error {
		status := domain.MilestoneInProgress
		_, err := r.b.s.Projects.UpdateMilestone(ctx, r.participant, r.milestones[m].ID, domain.MilestoneChanges{Status: &status}, nil)
		return err
	}
}
