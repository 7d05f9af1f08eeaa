package domain

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// ProgramTerms are the words a program uses for its product, in the forms
// the web app, e-mails and documents need: PKN I and II say "Proyek
// Perubahan", PKA and PKP say "Aksi Perubahan" (PerLAN 5/2022).
type ProgramTerms struct {
	// Product is the product's name in title case, as in headings:
	// "Proyek Perubahan".
	Product string
	// ProductInSentence is the product's name inside a sentence:
	// "proyek perubahan".
	ProductInSentence string
	// Design is the design document's name: "Rancangan Proyek Perubahan".
	Design string
	// Report is the final report's name: "Laporan Proyek Perubahan".
	Report string
	// Abbreviation is the short name used in lists and titles: "Proper".
	Abbreviation string
}

// Terms of LAN's programs.
var (
	// TermsProyek are the words of PKN I and PKN II.
	TermsProyek = ProgramTerms{Product: "Proyek Perubahan", ProductInSentence: "proyek perubahan",
		Design: "Rancangan Proyek Perubahan", Report: "Laporan Proyek Perubahan", Abbreviation: "Proper"}
	// TermsAksi are the words of PKA and PKP.
	TermsAksi = ProgramTerms{Product: "Aksi Perubahan", ProductInSentence: "aksi perubahan",
		Design: "Rancangan Aksi Perubahan", Report: "Laporan Aksi Perubahan", Abbreviation: "Aksi Perubahan"}
)

// TermsOf returns LAN's words for a program.
func TermsOf(p Program) ProgramTerms {
	if p == ProgramPKA || p == ProgramPKP {
		return TermsAksi
	}
	return TermsProyek
}

// Threshold is the score a total must exceed for a predicate. A list of
// thresholds is ordered best first; a total above none earns
// PredicateKurangMemuaskan.
type Threshold struct {
	Above     float64
	Predicate Predicate
}

// AgendaStep is one kind of agenda item a program runs, in order, with its
// typical duration in days.
type AgendaStep struct {
	Kind        AgendaKind
	TypicalDays int
}

// GraduationComponent is one part of a participant's graduation result with
// its weight in percent (e.g. sikap perilaku, akademik, kehadiran) and the
// least score a graduate needs in it (0: none). The component keyed
// GraduationAcademicKey is the determined final-seminar result; organizers
// enter the others (domain/graduation.go computes the result).
type GraduationComponent struct {
	Key     string
	Name    string
	Weight  int
	Minimum float64
}

// ProgramDeadlines are a program's deadlines, in working days.
type ProgramDeadlines struct {
	// MentorResponse is how long a mentor or coach has to answer what waits
	// for their review (the cohort's ResponseDeadlineDays).
	MentorResponse int
	// ReportLead is how many working days before the final seminar the
	// final report is due.
	ReportLead int
	// Appeal is how long a participant may appeal a seminar result.
	Appeal int
}

// ProgramTemplate is how a kind of training runs: its words, agenda,
// rubrics, qualification thresholds, graduation components, deadlines and
// examiners. LAN's templates (InstitutionID nil) ship with Proper; an
// institution copies one and adapts its copy. A cohort is created from a
// template and keeps its own copy, so changing a template later changes no
// cohort.
type ProgramTemplate struct {
	ID uuid.UUID
	// InstitutionID is the owning institution, nil for LAN's shipped templates.
	InstitutionID *uuid.UUID
	Program       Program
	Name          string
	Terms         ProgramTerms
	Agenda        []AgendaStep
	Rubrics       map[Seminar][]Criterion
	Thresholds    []Threshold
	Graduation    []GraduationComponent
	Deadlines     ProgramDeadlines
	// ExaminersRequired is how many examiners assess each seminar.
	ExaminersRequired int
	// ShowExaminerScores lets participants read each examiner's scores;
	// otherwise they read only the result.
	ShowExaminerScores bool
	// SourceID is the template this one was copied from.
	SourceID  *uuid.UUID
	Version   int64
	CreatedAt time.Time
	UpdatedAt time.Time
	// Offer is what the caller who read it may do to it now.
	Offer Offer `json:"-"`
}

// Shipped reports whether the template is one of LAN's own.
func (t ProgramTemplate) Shipped() bool { return t.InstitutionID == nil }

// The ids of LAN's shipped templates: fixed, so that the migration that
// seeds them, existing cohorts and tests agree.
var (
	TemplatePKN1 = uuid.MustParse("0d3c8a10-5a1e-4c11-9000-000000000001")
	TemplatePKN2 = uuid.MustParse("0d3c8a10-5a1e-4c11-9000-000000000002")
	TemplatePKA  = uuid.MustParse("0d3c8a10-5a1e-4c11-9000-000000000003")
	TemplatePKP  = uuid.MustParse("0d3c8a10-5a1e-4c11-9000-000000000004")
)

// LANTemplateID returns the id of LAN's template of a program.
func LANTemplateID(p Program) uuid.UUID {
	switch p {
	case ProgramPKN1:
		return TemplatePKN1
	case ProgramPKA:
		return TemplatePKA
	case ProgramPKP:
		return TemplatePKP
	}
	return TemplatePKN2
}

// Defaults of a program's deadlines and examiners.
const (
	DefaultAppealWorkingDays     = 3
	DefaultReportLeadWorkingDays = 5
	MaxAppealWorkingDays         = 30
	MaxReportLeadWorkingDays     = 60
	MaxExaminersRequired         = 5
)

// LANThresholds are the qualification thresholds of LAN's guideline:
// Sangat Memuaskan above 90, Memuaskan above 80, Cukup Memuaskan above 70,
// Kurang Memuaskan otherwise.
func LANThresholds() []Threshold {
	return []Threshold{{90, PredicateSangatMemuaskan}, {80, PredicateMemuaskan}, {70, PredicateCukupMemuaskan}}
}

// lanGraduation are the graduation components LAN's templates start with.
func lanGraduation() []GraduationComponent {
	return []GraduationComponent{
		{"sikap_perilaku", "Sikap perilaku", 20, 0},
		{"akademik", "Evaluasi akademik", 70, 0},
		{"kehadiran", "Kehadiran", 10, 0},
	}
}

// LANTemplates returns LAN's shipped templates of PKN I, PKN II, PKA and
// PKP. Migration 0011 seeds the same rows (a persistence test checks they
// agree); an institution copies one to adapt it.
func LANTemplates() []ProgramTemplate {
	pkn := func(labDays int) []AgendaStep {
		return []AgendaStep{{AgendaMandiri, 21}, {AgendaKlasikal, 10}, {AgendaTakingOwnership, 7},
			{AgendaDesignSeminar, 2}, {AgendaLaboratory, labDays}, {AgendaVisitasi, 5},
			{AgendaFinalSeminar, 4}, {AgendaClosing, 1}, {AgendaPostEvaluation, 1}}
	}
	pk := func(labDays int) []AgendaStep {
		return []AgendaStep{{AgendaMandiri, 14}, {AgendaKlasikal, 10}, {AgendaTakingOwnership, 5},
			{AgendaDesignSeminar, 2}, {AgendaLaboratory, labDays},
			{AgendaFinalSeminar, 3}, {AgendaClosing, 1}, {AgendaPostEvaluation, 1}}
	}
	template := func(id uuid.UUID, p Program, name string, agenda []AgendaStep, examiners int) ProgramTemplate {
		return ProgramTemplate{ID: id, Program: p, Name: name, Terms: TermsOf(p), Agenda: agenda,
			Rubrics: lanRubrics(p), Thresholds: LANThresholds(), Graduation: lanGraduation(),
			Deadlines:         ProgramDeadlines{MentorResponse: DefaultResponseDeadlineDays, ReportLead: DefaultReportLeadWorkingDays, Appeal: DefaultAppealWorkingDays},
			ExaminersRequired: examiners, Version: 1}
	}
	return []ProgramTemplate{
		template(TemplatePKN1, ProgramPKN1, "PKN Tingkat I (LAN RI)", pkn(60), 2),
		template(TemplatePKN2, ProgramPKN2, "PKN Tingkat II (LAN RI)", pkn(60), 2),
		template(TemplatePKA, ProgramPKA, "PKA (LAN RI)", pk(45), 1),
		template(TemplatePKP, ProgramPKP, "PKP (LAN RI)", pk(30), 1),
	}
}

// LANTemplate returns LAN's template of a program.
func LANTemplate(p Program) ProgramTemplate {
	for _, t := range LANTemplates() {
		if t.Program == p {
			return t
		}
	}
	return LANTemplates()[1]
}

// lanRubrics returns a deep copy of LAN's default rubrics of a program.
func lanRubrics(p Program) map[Seminar][]Criterion {
	out := map[Seminar][]Criterion{}
	for seminar, criteria := range defaultRubrics[p] {
		out[seminar] = slices.Clone(criteria)
	}
	return out
}

// defaultRubrics are the rubrics of LAN's templates. They follow PerLAN
// 5/2022 and its guideline; an institution adapts its copy of a template,
// and a cohort its own rubrics (replace-rubric) until the first assessment.
var (
	defaultRubrics = map[Program]map[Seminar][]Criterion{
		ProgramPKN1: {
			SeminarDesign: {
				{"strategic_issue", "Ketajaman isu strategis dan analisis lingkungan", 25},
				{"change_idea", "Gagasan perubahan dan inovasi kebijakan", 25},
				{"milestones", "Tahapan dan rencana aksi", 20},
				{"stakeholders", "Pemetaan dan strategi pelibatan stakeholder", 15},
				{"presentation", "Penyajian dan argumentasi", 15},
			},
			SeminarFinal: {
				{"short_term_results", "Capaian tahapan jangka pendek", 30},
				{"strategic_impact", "Manfaat dan dampak strategis perubahan", 25},
				{"leadership", "Kepemimpinan strategis dan kolaborasi", 20},
				{"sustainability", "Keberlanjutan jangka menengah dan panjang", 15},
				{"presentation", "Penyajian laporan dan argumentasi", 10},
			},
		},
		ProgramPKN2: {
			SeminarDesign: {
				{"issue_analysis", "Identifikasi dan analisis isu", 25},
				{"change_idea", "Gagasan perubahan dan inovasi", 25},
				{"milestones", "Tahapan dan rencana kegiatan", 20},
				{"stakeholders", "Pemetaan dan strategi pelibatan stakeholder", 15},
				{"presentation", "Penyajian dan argumentasi", 15},
			},
			SeminarFinal: {
				{"short_term_results", "Capaian tahapan jangka pendek", 30},
				{"benefits", "Manfaat dan dampak perubahan", 25},
				{"leadership", "Kepemimpinan dan kolaborasi stakeholder", 20},
				{"sustainability", "Keberlanjutan jangka menengah dan panjang", 15},
				{"presentation", "Penyajian laporan", 10},
			},
		},
		ProgramPKA: {
			SeminarDesign: {
				{"issue_analysis", "Identifikasi dan analisis isu kinerja", 30},
				{"change_idea", "Gagasan perubahan", 25},
				{"milestones", "Tahapan dan rencana kegiatan", 20},
				{"stakeholders", "Pemetaan stakeholder", 10},
				{"presentation", "Penyajian dan argumentasi", 15},
			},
			SeminarFinal: {
				{"short_term_results", "Capaian tahapan jangka pendek", 35},
				{"benefits", "Manfaat perubahan bagi kinerja unit", 25},
				{"leadership", "Kepemimpinan kinerja dan kolaborasi", 20},
				{"sustainability", "Keberlanjutan", 10},
				{"presentation", "Penyajian laporan", 10},
			},
		},
		ProgramPKP: {
			SeminarDesign: {
				{"issue_analysis", "Identifikasi dan analisis isu operasional", 30},
				{"change_idea", "Gagasan perubahan", 25},
				{"milestones", "Tahapan dan rencana kegiatan", 25},
				{"presentation", "Penyajian dan argumentasi", 20},
			},
			SeminarFinal: {
				{"short_term_results", "Capaian tahapan jangka pendek", 40},
				{"benefits", "Manfaat perubahan bagi pelayanan", 25},
				{"leadership", "Kepemimpinan pelayanan", 20},
				{"presentation", "Penyajian laporan", 15},
			},
		},
	}
)

// validateTerms checks a program's words: every form present, on one line.
func validateTerms(v *Violations, field string, t ProgramTerms) ProgramTerms {
	t.Product = text(v, field+".product", t.Product, true)
	t.ProductInSentence = text(v, field+".productInSentence", t.ProductInSentence, true)
	t.Design = text(v, field+".design", t.Design, true)
	t.Report = text(v, field+".report", t.Report, true)
	t.Abbreviation = text(v, field+".abbreviation", t.Abbreviation, true)
	return t
}

// thresholdPredicates are the predicates a threshold may earn, best first;
// a total above no threshold earns PredicateKurangMemuaskan.
var thresholdPredicates = []Predicate{PredicateSangatMemuaskan, PredicateMemuaskan, PredicateCukupMemuaskan}

// validateThresholds checks qualification thresholds: one to three, each
// between 0 and 100, each predicate once, best first with strictly lower
// scores.
func validateThresholds(v *Violations, field string, ts []Threshold) {
	if len(ts) == 0 || len(ts) > len(thresholdPredicates) {
		v.Add(field, CodeThresholdsCount, Params{"max": len(thresholdPredicates)})
		return
	}
	previousRank := -1
	for i, t := range ts {
		f := fmt.Sprintf("%s[%d]", field, i)
		if t.Above < 0 || t.Above > 100 {
			v.Add(f+".above", CodeThresholdAbove)
		}
		if i > 0 && t.Above >= ts[i-1].Above {
			v.Add(f+".above", CodeThresholdsOrder)
		}
		rank := slices.Index(thresholdPredicates, t.Predicate)
		switch {
		case rank < 0:
			v.Add(f+".predicate", CodeFieldNotOneOf, Params{"values": "sangat_memuaskan, memuaskan, cukup_memuaskan"})
		case rank <= previousRank:
			v.Add(f+".predicate", CodeThresholdsOrder)
		}
		if rank >= 0 {
			previousRank = rank
		}
	}
}

// validateGraduation checks graduation components: none yet, or keys
// simple and unique, names present, weights positive and summing to 100.
func validateGraduation(v *Violations, field string, gs []GraduationComponent) {
	if len(gs) > 10 {
		v.Add(field, CodeFieldTooMany, Params{"max": 10})
		return
	}
	sum := 0
	var keys []string
	for i, g := range gs {
		f := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case !criterionKey.MatchString(g.Key):
			v.Add(f+".key", CodeRubricKey)
		case slices.Contains(keys, g.Key):
			v.Add(f+".key", CodeFieldUnique)
		}
		keys = append(keys, g.Key)
		text(v, f+".name", g.Name, true)
		if g.Weight <= 0 || g.Weight > 100 {
			v.Add(f+".weight", CodeRubricWeight)
		}
		if g.Minimum < 0 || g.Minimum > 100 {
			v.Add(f+".minimum", CodeGraduationScoreRange)
		}
		sum += g.Weight
	}
	if len(gs) > 0 && sum != 100 {
		v.Add(field, CodeGraduationWeightsSum, Params{"sum": sum})
	}
}

// countRule bounds one whole number of a template or cohort.
type countRule struct{ value, min, max int }

// validateCounts checks whole numbers against their bounds, by field.
func validateCounts(v *Violations, rules map[string]countRule) {
	fields := make([]string, 0, len(rules))
	for f := range rules {
		fields = append(fields, f)
	}
	slices.Sort(fields)
	for _, f := range fields {
		r := rules[f]
		switch {
		case r.value < r.min:
			v.Add(f, CodeFieldBelowMinimum, Params{"min": r.min})
		case r.value > r.max:
			v.Add(f, CodeFieldAboveMaximum, Params{"max": r.max})
		}
	}
}

// Reword puts the terms into a text worded in LAN's PKN words: "Proyek
// Perubahan", "Proyek perubahan" and "proyek perubahan" (with Rancangan …
// and Laporan … following), and the short "(proyek “…”)" of the digest.
// The letters (letters.go) are written once in PKN words; a letter about a
// PKA or PKP cohort says Aksi Perubahan throughout. Zero terms change
// nothing.
func (t ProgramTerms) Reword(s string) string {
	if t.ProductInSentence == "" || t.ProductInSentence == TermsProyek.ProductInSentence {
		return s
	}
	sentence := []rune(t.ProductInSentence)
	start := strings.ToUpper(string(sentence[:1])) + string(sentence[1:])
	return strings.NewReplacer("Proyek Perubahan", t.Product, "Proyek perubahan", start, "proyek perubahan", t.ProductInSentence,
		"(proyek “", "("+t.ProductInSentence+" “").Replace(s)
}
