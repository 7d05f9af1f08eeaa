package domain

import (
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

func TestLANsTemplatesAreValidAndSayTheirProgramsWords(t *testing.T) {
	for _, tpl := range LANTemplates() {
		if err := tpl.validate(); err != nil {
			t.Errorf("%s: %v", tpl.Program, err)
		}
		aksi := tpl.Program == ProgramPKA || tpl.Program == ProgramPKP
		if got := tpl.Terms.Product == "Aksi Perubahan"; got != aksi {
			t.Errorf("%s says %q", tpl.Program, tpl.Terms.Product)
		}
		visitasi := false
		for _, s := range tpl.Agenda {
			visitasi = visitasi || s.Kind == AgendaVisitasi
		}
		if visitasi == aksi {
			t.Errorf("%s: visitasi in its agenda is %v; PKN has one, PKA and PKP do not", tpl.Program, visitasi)
		}
		if want := map[bool]int{false: 2, true: 1}[aksi]; tpl.ExaminersRequired != want {
			t.Errorf("%s: %d examiners, want %d", tpl.Program, tpl.ExaminersRequired, want)
		}
	}
}

func TestACohortCopiesItsTemplateAndKeepsTheCopy(t *testing.T) {
	tpl := LANTemplate(ProgramPKA)
	plan := CohortPlan{InstitutionID: uuid.New(), Program: "pka", Code: "PKA-I", Name: "PKA Angkatan I", StartsOn: NewDate(2027, 2, 1), EndsOn: NewDate(2027, 6, 30)}
	c, err := newCohort(plan, tpl, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	tpl.Thresholds[0].Above = 99
	tpl.Graduation[0].Weight = 1
	if c.Thresholds[0].Above != 90 || c.Graduation[0].Weight != 20 || c.Terms != TermsAksi || *c.TemplateID != TemplatePKA {
		t.Fatalf("the cohort shares its template's values: %+v", c)
	}
	if _, err := newCohort(CohortPlan{InstitutionID: uuid.New(), Program: "pkn2", Code: "X", Name: "X", StartsOn: plan.StartsOn, EndsOn: plan.EndsOn}, LANTemplate(ProgramPKA), time.Now()); fieldOf(err) != "templateId" {
		t.Fatalf("a PKA template for a PKN II cohort: %v", err)
	}
}

// fieldOf names the first field of a validation error.
func fieldOf(err error) string {
	if e, ok := err.(*Error); ok && len(e.Fields) > 0 {
		return e.Fields[0].Field
	}
	return ""
}

func TestACopiedTemplateIsCheckedWholeWithFieldNames(t *testing.T) {
	tpl := LANTemplate(ProgramPKN2).copy()
	days := 0
	agenda := append(tpl.Agenda, AgendaStep{Kind: "rapat", TypicalDays: 1}, AgendaStep{Kind: AgendaCoaching, TypicalDays: days})
	deadlines := ProgramDeadlines{MentorResponse: 0, ReportLead: 61, Appeal: -1}
	err := tpl.apply(TemplateChanges{Agenda: &agenda, Deadlines: &deadlines})
	e, ok := err.(*Error)
	if !ok {
		t.Fatalf("got %v", err)
	}
	var fields []string
	for _, f := range e.Fields {
		fields = append(fields, f.Field+" "+string(f.Code))
	}
	got := strings.Join(fields, ", ")
	for _, want := range []string{"agenda[9].kind field.not_one_of", "agenda[10].typicalDays field.below_minimum",
		"deadlines.mentorResponse field.below_minimum", "deadlines.reportLead field.above_maximum", "deadlines.appeal field.below_minimum"} {
		if !strings.Contains(got, want) {
			t.Errorf("errors %s lack %s", got, want)
		}
	}
}

func TestLettersAboutAPKACohortSayAksiPerubahanThroughout(t *testing.T) {
	from := []sender{{Cohort: "PKA Angkatan I", Institution: "BPSDM Provinsi Jawa Timur", Terms: TermsAksi}}
	transfer := MentorTransfer{ID: uuid.New(), ParticipantName: "Budi", MentorName: "Sekda", PreviousMentor: "Asisten", ProjectTitle: "Layanan Daring"}
	now := time.Date(2027, 3, 1, 8, 0, 0, 0, time.UTC)
	d := digest{waiting: []WaitingReview{{ReviewItem: ReviewItem{Kind: "design", Title: "Rancangan", ParticipantName: "Budi", WaitingSince: now}, ProjectTitle: "Layanan Daring", ResponseDeadlineDays: 7}}}
	letters := []letterText{
		designSubmittedLetter("Budi", "Layanan Daring"), designApprovedLetter("Sekda", "Layanan Daring"),
		designReturnedLetter("Sekda", "Layanan Daring", "Perjelas"), evidenceReviewedLetter("Sekda", "Layanan Daring", "SK", EvidenceApprove, ""),
		milestoneVerifiedLetter("Sekda", "Layanan Daring", "Perbup", VerifyApprove, ""), transferToOrganizersLetter(transfer),
		transferToMentorLetter(transfer), transferAcceptedLetter(transfer), transferDeclinedLetter(transfer, ""), transferRefusedLetter(transfer, ""),
		{Subject: digestSubject(DateOf(now)), Text: d.text(now)},
	}
	for _, l := range letters {
		subject, body := rewordFor(from, l.Subject), letter(rewordFor(from, l.Text), from, "")("Budi")
		if all := strings.ToLower(subject + body); strings.Contains(all, "proyek") {
			t.Errorf("a PKA letter says proyek:\n%s\n%s", subject, body)
		}
	}
	if got := rewordFor(from, designSubmittedLetter("Budi", "Layanan Daring").Subject); !strings.HasPrefix(got, "Rancangan aksi perubahan menunggu") {
		t.Errorf("subject %q", got)
	}
	// PKN letters keep their words; a digest about cohorts of both programs
	// keeps the general ones.
	pkn := sender{Cohort: "PKN II", Institution: "LAN RI", Terms: TermsProyek}
	if got := rewordFor([]sender{pkn, from[0]}, "proyek perubahan"); got != "proyek perubahan" {
		t.Errorf("mixed senders: %q", got)
	}
}

func TestPartnerOrganizersReadACoOrganizedCohortAndChangeNothing(t *testing.T) {
	cohort := uuid.New()
	partner := &Actor{UserID: uuid.New(), Roles: []CohortRole{{CohortID: cohort, Role: RolePartner}}}
	parties := Parties{ParticipantID: uuid.New(), MentorID: uuid.New()}
	onCohort, onProject := Target{CohortID: cohort}, Target{CohortID: cohort, Enrollment: &parties}
	for _, read := range []struct {
		action Action
		target Target
	}{{ReadCohort, onCohort}, {ReadProgress, onCohort}, {ListEnrollments, onCohort}, {ReadEnrollment, onProject}, {ReadProject, onProject}, {ReadAssessments, onProject}} {
		if err := Authorize(partner, read.action, read.target); err != nil {
			t.Errorf("%s: %v, want allowed", read.action, err)
		}
	}
	for _, write := range []struct {
		action Action
		target Target
	}{{UpdateCohort, onCohort}, {ManageStaff, onCohort}, {ManageEnrollments, onCohort}, {ManageRubrics, onCohort}, {ReleaseResults, onCohort},
		{EditProject, onProject}, {ReviewDesign, onProject}, {AssessProject, onProject}, {UnpublishProject, onProject}} {
		err := Authorize(partner, write.action, write.target)
		if e, ok := err.(*Error); !ok || e.Kind != KindForbidden || e.Code != CodeCohortPartnerReadOnly {
			t.Errorf("%s: %v, want forbidden as cohort.partner_read_only", write.action, err)
		}
	}
	if s := EnrollmentScopeOf(partner, cohort); !s.All {
		t.Error("the partner should list every enrollment")
	}
	if ProgressScope(partner, cohort) != nil {
		t.Error("the partner should see everyone's progress")
	}
	// Another cohort stays out of sight.
	if err := Authorize(partner, ReadCohort, Target{CohortID: uuid.New()}); KindOf(err) != KindNotFound {
		t.Errorf("another cohort: %v", err)
	}
}
