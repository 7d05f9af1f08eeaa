package api_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/proper-id/proper/domain"
)

// cohortAnswer is what the tests read of a cohort answer.
type cohortAnswer struct {
	ID                    string
	Program               string
	TemplateID            *string
	PartnerInstitutionID  *string
	ResponseDeadlineDays  int
	ExaminersRequired     int
	ShowExaminerScores    bool
	AppealWorkingDays     int
	ReportLeadWorkingDays int
	Terms                 struct{ Product, ProductInSentence, Design, Report, Abbreviation string }
	Thresholds            []struct {
		Above     float64
		Predicate string
	}
	Graduation []struct {
		Key    string
		Weight int
	}
	Actions []string
}

func TestACohortIsCreatedFromEachShippedTemplate(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	token := w.tokenOf(roleOrganizer)
	for _, c := range []struct {
		program   string
		product   string
		examiners int
	}{
		{"pkn1", "Proyek Perubahan", 2}, {"pkn2", "Proyek Perubahan", 2},
		{"pka", "Aksi Perubahan", 1}, {"pkp", "Aksi Perubahan", 1},
	} {
		t.Run(c.program, func(t *testing.T) {
			template := domain.LANTemplateID(domain.Program(c.program))
			var got cohortAnswer
			expect(t, w.post("/v1/cohorts", token, cohortBody(w, map[string]any{"program": c.program, "templateId": template})), http.StatusCreated).decode(t, &got)
			if got.TemplateID == nil || *got.TemplateID != template.String() {
				t.Errorf("templateId %v, want LAN's %s", got.TemplateID, template)
			}
			if got.Terms.Product != c.product || got.Terms.Design != "Rancangan "+c.product || got.Terms.Report != "Laporan "+c.product ||
				got.Terms.ProductInSentence != strings.ToLower(c.product) {
				t.Errorf("terms %+v, want the forms of %s", got.Terms, c.product)
			}
			if got.ExaminersRequired != c.examiners || got.ShowExaminerScores || got.AppealWorkingDays != 3 || got.ReportLeadWorkingDays != 5 || got.ResponseDeadlineDays != 7 {
				t.Errorf("examiners %d (want %d), show scores %v, appeal %d, report lead %d, response %d: want LAN's defaults",
					got.ExaminersRequired, c.examiners, got.ShowExaminerScores, got.AppealWorkingDays, got.ReportLeadWorkingDays, got.ResponseDeadlineDays)
			}
			if len(got.Thresholds) != 3 || got.Thresholds[0].Above != 90 || got.Thresholds[0].Predicate != "sangat_memuaskan" {
				t.Errorf("thresholds %+v, want LAN's", got.Thresholds)
			}
			if len(got.Graduation) != 3 || got.Graduation[0].Key != "sikap_perilaku" {
				t.Errorf("graduation %+v, want LAN's components", got.Graduation)
			}
			var rubrics struct {
				Items []struct {
					Seminar  string
					Criteria []struct{ Key string }
				}
			}
			expect(t, w.get("/v1/cohorts/"+got.ID+"/rubrics", token), http.StatusOK).decode(t, &rubrics)
			want := domain.LANTemplate(domain.Program(c.program)).Rubrics[domain.SeminarDesign]
			if len(rubrics.Items) != 2 || len(rubrics.Items[0].Criteria) != len(want) || rubrics.Items[0].Criteria[0].Key != want[0].Key {
				t.Errorf("rubrics %+v, want the template's", rubrics.Items)
			}
		})
	}
	// Without a template, the cohort copies LAN's template of its program.
	var pka cohortAnswer
	expect(t, w.post("/v1/cohorts", token, cohortBody(w, map[string]any{"program": "pka"})), http.StatusCreated).decode(t, &pka)
	if pka.TemplateID == nil || *pka.TemplateID != domain.TemplatePKA.String() || pka.Terms.Product != "Aksi Perubahan" {
		t.Fatalf("a PKA cohort without a template: %v %+v", pka.TemplateID, pka.Terms)
	}
}

// templateAnswer is what the tests read of a template answer.
type templateAnswer struct {
	ID             string
	InstitutionID  *string
	Shipped        bool
	Program, Name  string
	Terms          struct{ Product string }
	Thresholds     []struct{ Above float64 }
	Version        int
	Actions        []string
	RefusedActions []struct {
		Action, Code string
	}
}

func TestAnInstitutionCopiesLANsTemplateAndAdaptsItsCopy(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	token := w.tokenOf(roleOrganizer)
	var list struct{ Items []templateAnswer }
	expect(t, w.get("/v1/program-templates", token), http.StatusOK).decode(t, &list)
	if len(list.Items) != 4 || !list.Items[0].Shipped {
		t.Fatalf("an organizer without templates of their own sees %d templates, want LAN's four", len(list.Items))
	}
	lanPKA := list.Items[slices.IndexFunc(list.Items, func(t templateAnswer) bool { return t.Program == "pka" })]
	if !slices.Contains(lanPKA.Actions, "create-program-template") || len(lanPKA.RefusedActions) != 1 || lanPKA.RefusedActions[0].Code != "template.shipped" {
		t.Fatalf("LAN's template offers %v, refuses %+v: want a copy offered and a change refused as template.shipped", lanPKA.Actions, lanPKA.RefusedActions)
	}

	var copy templateAnswer
	expect(t, w.post("/v1/program-templates", token, map[string]any{"institutionId": w.instA.ID, "sourceTemplateId": domain.TemplatePKA,
		"name": "PKA BPSDM Jawa Timur", "thresholds": []map[string]any{{"above": 92, "predicate": "sangat_memuaskan"}, {"above": 82, "predicate": "memuaskan"}, {"above": 72, "predicate": "cukup_memuaskan"}},
	}), http.StatusCreated).decode(t, &copy)
	if copy.Shipped || copy.InstitutionID == nil || *copy.InstitutionID != w.instA.ID.String() || copy.Program != "pka" ||
		copy.Terms.Product != "Aksi Perubahan" || copy.Thresholds[0].Above != 92 || !slices.Contains(copy.Actions, "update-program-template") {
		t.Fatalf("the copy: %+v", copy)
	}
	expect(t, w.get("/v1/program-templates", token), http.StatusOK).decode(t, &list)
	if len(list.Items) != 5 {
		t.Fatalf("after copying, %d templates, want 5", len(list.Items))
	}

	res := expect(t, w.patch("/v1/program-templates/"+copy.ID, token, map[string]any{"name": "PKA Jatim 2027", "deadlines": map[string]int{"mentorResponse": 5, "reportLead": 10, "appeal": 2}},
		map[string]string{"If-Match": `"1"`}), http.StatusOK)
	if res.field(t, "name") != "PKA Jatim 2027" || res.header.Get("ETag") != `"2"` {
		t.Fatalf("update: %s %s", res.header.Get("ETag"), res.body)
	}
	expect(t, w.patch("/v1/program-templates/"+copy.ID, token, map[string]any{"name": "Lagi"}, map[string]string{"If-Match": `"1"`}), http.StatusPreconditionFailed)

	// A cohort created from the copy takes its values.
	var cohort cohortAnswer
	expect(t, w.post("/v1/cohorts", token, cohortBody(w, map[string]any{"program": "pka", "templateId": copy.ID})), http.StatusCreated).decode(t, &cohort)
	if cohort.Thresholds[0].Above != 92 || cohort.ResponseDeadlineDays != 5 || cohort.ReportLeadWorkingDays != 10 || cohort.AppealWorkingDays != 2 {
		t.Fatalf("a cohort of the copy: %+v", cohort)
	}

	// Another institution's organizer neither sees the copy nor uses it.
	other := w.tokenOf(roleOtherOrganizer)
	expect(t, w.get("/v1/program-templates/"+copy.ID, other), http.StatusNotFound)
	res = expect(t, w.post("/v1/cohorts", other, cohortBody(w, map[string]any{"institutionId": w.instB.ID, "program": "pka", "templateId": copy.ID})), http.StatusUnprocessableEntity)
	if e := res.problem(t).Errors; len(e) != 1 || e[0].Location != "body.templateId" || e[0].Code != "template.unknown" {
		t.Fatalf("another institution's template: %s", res.body)
	}
	expect(t, w.patch("/v1/program-templates/"+copy.ID, other, map[string]any{"name": "Punya kami"}, nil), http.StatusNotFound)
	res = expect(t, w.post("/v1/program-templates", other, map[string]any{"institutionId": w.instA.ID, "sourceTemplateId": domain.TemplatePKA}), http.StatusForbidden)
	if code := res.problem(t).Code; code != "auth.forbidden" {
		t.Fatalf("copying into another institution: %s", code)
	}
	// A participant reads no templates at all.
	expect(t, w.get("/v1/program-templates", w.tokenOf(roleParticipant)), http.StatusForbidden)
}

func TestLANsTemplatesAreCopiedNotChanged(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for _, role := range []string{roleOrganizer, roleAdmin} {
		res := expect(t, w.patch("/v1/program-templates/"+domain.TemplatePKN2.String(), w.tokenOf(role), map[string]any{"name": "Diubah"}, nil), http.StatusForbidden)
		if code := res.problem(t).Code; code != "template.shipped" {
			t.Errorf("%s changing LAN's template: %s, want template.shipped", role, code)
		}
	}
}

func TestACohortKeepsItsCopyWhenItsTemplateChangesAfterwards(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	token := w.tokenOf(roleOrganizer)
	copyID := expect(t, w.post("/v1/program-templates", token, map[string]any{"institutionId": w.instA.ID, "sourceTemplateId": domain.TemplatePKP}), http.StatusCreated).field(t, "id")
	var before cohortAnswer
	expect(t, w.post("/v1/cohorts", token, cohortBody(w, map[string]any{"program": "pkp", "templateId": copyID})), http.StatusCreated).decode(t, &before)

	expect(t, w.patch("/v1/program-templates/"+copyID, token, map[string]any{
		"terms":             map[string]string{"product": "Aksi Nyata", "productInSentence": "aksi nyata", "design": "Rancangan Aksi Nyata", "report": "Laporan Aksi Nyata", "abbreviation": "AN"},
		"thresholds":        []map[string]any{{"above": 95, "predicate": "sangat_memuaskan"}},
		"examinersRequired": 3, "showExaminerScores": true,
	}, nil), http.StatusOK)

	var after cohortAnswer
	expect(t, w.get("/v1/cohorts/"+before.ID, token), http.StatusOK).decode(t, &after)
	if after.Terms.Product != "Aksi Perubahan" || len(after.Thresholds) != 3 || after.Thresholds[0].Above != 90 || after.ExaminersRequired != 1 || after.ShowExaminerScores {
		t.Fatalf("the cohort changed with its template: %+v", after)
	}
	// Its organizer changes the cohort's own copy instead.
	var changed cohortAnswer
	expect(t, w.patch("/v1/cohorts/"+before.ID, token, map[string]any{"examinersRequired": 2, "showExaminerScores": true, "appealWorkingDays": 5,
		"thresholds": []map[string]any{{"above": 85, "predicate": "sangat_memuaskan"}, {"above": 75, "predicate": "memuaskan"}}}, nil), http.StatusOK).decode(t, &changed)
	if changed.ExaminersRequired != 2 || !changed.ShowExaminerScores || changed.AppealWorkingDays != 5 || len(changed.Thresholds) != 2 || changed.Thresholds[1].Above != 75 {
		t.Fatalf("the cohort's own copy: %+v", changed)
	}
}

func TestProgramRulesNameTheBadField(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	token := w.tokenOf(roleOrganizer)
	copyBody := func(changes map[string]any) map[string]any {
		body := map[string]any{"institutionId": w.instA.ID, "sourceTemplateId": domain.TemplatePKN2}
		for k, v := range changes {
			body[k] = v
		}
		return body
	}
	templates := map[string]struct {
		changes map[string]any
		field   string
		code    string
	}{
		"thresholds not best first": {map[string]any{"thresholds": []map[string]any{{"above": 80, "predicate": "sangat_memuaskan"}, {"above": 85, "predicate": "memuaskan"}}},
			"body.thresholds[1].above", "thresholds.order"},
		"a predicate twice": {map[string]any{"thresholds": []map[string]any{{"above": 90, "predicate": "memuaskan"}, {"above": 80, "predicate": "memuaskan"}}},
			"body.thresholds[1].predicate", "thresholds.order"},
		"no thresholds": {map[string]any{"thresholds": []any{}}, "body.thresholds", "thresholds.count"},
		"graduation weights": {map[string]any{"graduation": []map[string]any{{"key": "akademik", "name": "Akademik", "weight": 60}}},
			"body.graduation", "graduation.weights_sum"},
		"rubric weights": {map[string]any{"rubrics": map[string]any{"design": []map[string]any{{"key": "a", "name": "A", "weight": 50}}, "final": []map[string]any{{"key": "b", "name": "B", "weight": 100}}}},
			"body.rubrics.design.criteria", "rubric.weights_sum"},
		"an empty term": {map[string]any{"terms": map[string]string{"product": " ", "productInSentence": "x", "design": "x", "report": "x", "abbreviation": "x"}},
			"body.terms.product", "field.required"},
		"no agenda":      {map[string]any{"agenda": []any{}}, "body.agenda", "field.too_few"},
		"unknown source": {map[string]any{"sourceTemplateId": "8e0c5c1e-0000-4000-8000-000000000000"}, "body.sourceTemplateId", "template.unknown"},
	}
	for name, c := range templates {
		t.Run(name, func(t *testing.T) {
			res := expect(t, w.post("/v1/program-templates", token, copyBody(c.changes)), http.StatusUnprocessableEntity)
			p := res.problem(t)
			if i := slices.IndexFunc(p.Errors, func(e struct {
				Code     string         `json:"code"`
				Message  string         `json:"message"`
				Location string         `json:"location"`
				Params   map[string]any `json:"params"`
			}) bool {
				return e.Location == c.field
			}); i < 0 || p.Errors[i].Code != c.code {
				t.Fatalf("errors %+v, want %s at %s", p.Errors, c.code, c.field)
			}
		})
	}
	cohorts := map[string]struct {
		changes map[string]any
		field   string
		code    string
	}{
		"a template of another program": {map[string]any{"templateId": domain.TemplatePKA}, "body.templateId", "template.program_mismatch"},
		"an unknown template":           {map[string]any{"templateId": "8e0c5c1e-0000-4000-8000-000000000000"}, "body.templateId", "template.unknown"},
		"itself as partner":             {map[string]any{"partnerInstitutionId": w.instA.ID}, "body.partnerInstitutionId", "cohort.partner_self"},
		"an unknown partner":            {map[string]any{"partnerInstitutionId": "8e0c5c1e-0000-4000-8000-000000000000"}, "body.partnerInstitutionId", "institution.unknown"},
	}
	for name, c := range cohorts {
		t.Run(name, func(t *testing.T) {
			res := expect(t, w.post("/v1/cohorts", token, cohortBody(w, c.changes)), http.StatusUnprocessableEntity)
			if e := res.problem(t).Errors; len(e) != 1 || e[0].Location != c.field || e[0].Code != c.code {
				t.Fatalf("errors %s, want %s at %s", res.body, c.code, c.field)
			}
		})
	}
	res := expect(t, w.patch("/v1/cohorts/"+w.cohortA.ID.String(), token, map[string]any{"examinersRequired": 0}, nil), http.StatusUnprocessableEntity)
	if locs := res.locations(t); !slices.Contains(locs, "body.examinersRequired") {
		t.Fatalf("no examiners: %s", res.body)
	}
}

func TestAPartnerInstitutionsOrganizersReadACoOrganizedCohortAndChangeNothing(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	partner := w.tokenOf(roleOtherOrganizer) // organizes for institution B
	path := "/v1/cohorts/" + w.cohortA.ID.String()
	expect(t, w.get(path, partner), http.StatusNotFound)

	var cohort cohortAnswer
	expect(t, w.patch(path, w.tokenOf(roleOrganizer), map[string]any{"partnerInstitutionId": w.instB.ID}, nil), http.StatusOK).decode(t, &cohort)
	if cohort.PartnerInstitutionID == nil || *cohort.PartnerInstitutionID != w.instB.ID.String() {
		t.Fatalf("partner %v, want institution B", cohort.PartnerInstitutionID)
	}

	// The partner's organizers read the cohort, its progress, its
	// enrollments and its projects.
	var read cohortAnswer
	expect(t, w.get(path, partner), http.StatusOK).decode(t, &read)
	if slices.Contains(read.Actions, "update-cohort") || !slices.Contains(read.Actions, "get-cohort-progress") {
		t.Fatalf("the partner is offered %v: progress, and no change", read.Actions)
	}
	expect(t, w.get(path+"/progress", partner), http.StatusOK)
	var enrollments struct{ Items []struct{ ID string } }
	expect(t, w.get(path+"/enrollments", partner), http.StatusOK).decode(t, &enrollments)
	if len(enrollments.Items) != 2 {
		t.Fatalf("the partner sees %d enrollments, want both", len(enrollments.Items))
	}
	expect(t, w.get("/v1/projects/"+w.enrollment.ProjectID.String(), partner), http.StatusOK)
	var mine struct{ Items []struct{ ID string } }
	expect(t, w.get("/v1/cohorts", partner), http.StatusOK).decode(t, &mine)
	if !slices.ContainsFunc(mine.Items, func(c struct{ ID string }) bool { return c.ID == w.cohortA.ID.String() }) {
		t.Fatalf("list-cohorts of the partner lacks the co-organized cohort: %+v", mine.Items)
	}

	// … and change nothing, told why.
	for name, res := range map[string]response{
		"update-cohort":      w.patch(path, partner, map[string]any{"name": "Diubah mitra"}, nil),
		"add-cohort-staff":   w.post(path+"/staff", partner, map[string]any{"userId": w.outsider.ID, "role": "coach"}),
		"enroll-participant": w.post(path+"/enrollments", partner, map[string]any{"participantId": w.outsider.ID, "mentorId": w.mentor.ID}),
		"release-results":    w.post(path+"/results/design/release", partner, nil),
	} {
		if res.status != http.StatusForbidden || res.problem(t).Code != "cohort.partner_read_only" {
			t.Errorf("%s by the partner: %d %s, want 403 cohort.partner_read_only", name, res.status, res.body)
		}
	}

	// Removing the partner ends their access.
	expect(t, w.patch(path, w.tokenOf(roleOrganizer), map[string]any{"partnerInstitutionId": nil}, nil), http.StatusOK)
	expect(t, w.get(path, partner), http.StatusNotFound)
}

func TestGetMeGivesTheWordsOfEachOfMyCohorts(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	var me struct {
		CohortTerms []struct {
			CohortID string
			Terms    struct{ Product string }
		}
	}
	expect(t, w.get("/v1/me", w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &me)
	if len(me.CohortTerms) != 1 || me.CohortTerms[0].CohortID != w.cohortA.ID.String() || me.CohortTerms[0].Terms.Product != "Proyek Perubahan" {
		t.Fatalf("get-me's cohort terms: %+v", me.CohortTerms)
	}
}

func TestAPKACohortsMailsAndAnswersSayAksiPerubahanAndNeverProyek(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := context.Background()
	today := time.Now().UTC()
	on := func(days int) domain.Date { return domain.DateOf(today.AddDate(0, 0, days)) }
	org := w.actor(w.organizer)
	cohort, err := w.cohorts().CreateCohort(ctx, org, domain.CohortPlan{InstitutionID: w.instA.ID, Program: "pka", Code: "PKA-" + uniq(), Name: "PKA Angkatan V",
		StartsOn: on(-10), EndsOn: on(150), Phases: []domain.Phase{
			{Kind: domain.PhaseDesign, StartsOn: on(-10), EndsOn: on(20)},
			{Kind: domain.PhaseDesignSeminar, StartsOn: on(25), EndsOn: on(30)},
			{Kind: domain.PhaseImplementation, StartsOn: on(40), EndsOn: on(120)},
			{Kind: domain.PhaseFinalSeminar, StartsOn: on(130), EndsOn: on(140)},
		}})
	if err != nil {
		t.Fatal(err)
	}
	org = w.actor(w.organizer)
	if _, err := w.cohorts().AddStaff(ctx, org, cohort.ID, w.coach.ID, domain.StaffCoach); err != nil {
		t.Fatal(err)
	}
	participant, mentor := w.registeredUser("Dimas Peserta PKA", &w.instA.ID, &w.agency.ID), w.registeredUser("Agus Mentor PKA", &w.instA.ID, &w.agency.ID)
	e, err := w.cohorts().Enroll(ctx, org, cohort.ID, domain.EnrollmentPlan{ParticipantID: participant.ID, MentorID: mentor.ID, CoachID: &w.coach.ID, Group: "Kelompok 1"})
	if err != nil {
		t.Fatal(err)
	}
	title, problem, goal := "Kenaikan Pangkat Tanpa Berkas", "Berkas fisik menunggu 45 hari", "Usulan selesai dalam 10 hari"
	self := w.actor(participant)
	if _, err := w.projects().UpdateProject(ctx, self, e.ProjectID, domain.ProjectChanges{Title: &title, Problem: &problem, Goal: &goal}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := w.projects().CreateMilestone(ctx, self, e.ProjectID, domain.MilestonePlan{Horizon: "short", Title: "SK Tim Efektif", DueOn: on(30)}); err != nil {
		t.Fatal(err)
	}

	c := w.clocked(t, newClock(time.Now()), true)
	path := "/v1/projects/" + e.ProjectID.String()
	expect(t, c.post(path+"/design/submit", w.token(participant.ID), nil), http.StatusOK)
	expect(t, c.post(path+"/design/reviews", w.token(mentor.ID), map[string]string{"decision": "return", "comment": "Perjelas indikator"}), http.StatusOK)
	mails := w.outbox(t)
	if len(mails) < 3 {
		t.Fatalf("the outbox holds %d mails, want the submission for the mentor and the coach and the return for the participant", len(mails))
	}
	saysAksi := false
	for _, m := range mails {
		text := strings.ToLower(m.Subject + "\n" + m.Body)
		if strings.Contains(text, "proyek") {
			t.Errorf("a mail about a PKA cohort says proyek:\n%s\n%s", m.Subject, m.Body)
		}
		saysAksi = saysAksi || strings.Contains(text, "aksi perubahan")
	}
	if !saysAksi {
		t.Errorf("no mail says aksi perubahan: %+v", mails)
	}

	// The answers give the words: the cohort, and get-me for every screen.
	var got cohortAnswer
	expect(t, w.get("/v1/cohorts/"+cohort.ID.String(), w.token(participant.ID)), http.StatusOK).decode(t, &got)
	var me struct {
		CohortTerms []struct {
			Terms struct{ Product, Design string }
		}
	}
	expect(t, w.get("/v1/me", w.token(participant.ID)), http.StatusOK).decode(t, &me)
	if got.Terms.Product != "Aksi Perubahan" || len(me.CohortTerms) != 1 || me.CohortTerms[0].Terms.Design != "Rancangan Aksi Perubahan" {
		t.Fatalf("the PKA participant reads %+v and %+v", got.Terms, me.CohortTerms)
	}
}

func TestAPKACohortsProgressFileHeadsItsColumnAksiPerubahan(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	token := w.tokenOf(roleOrganizer)
	id := expect(t, w.post("/v1/cohorts", token, cohortBody(w, map[string]any{"program": "pka"})), http.StatusCreated).field(t, "id")
	res := expect(t, w.get("/v1/cohorts/"+id+"/progress.csv", token), http.StatusOK)
	header, _, _ := strings.Cut(string(res.body), "\n")
	if !strings.Contains(header, "Aksi perubahan") || strings.Contains(strings.ToLower(header), "proyek") {
		t.Fatalf("a PKA cohort's progress file is headed %q", header)
	}
	res = expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/progress.csv", token), http.StatusOK)
	if header, _, _ := strings.Cut(string(res.body), "\n"); !strings.Contains(header, "Proyek perubahan") {
		t.Fatalf("a PKN II cohort's progress file is headed %q", header)
	}
}
