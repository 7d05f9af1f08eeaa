package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// ProgramTerms are the words of a program's product, in the forms the web
// app, e-mails and documents need.
type ProgramTerms struct {
	Product           string `json:"product" minLength:"1" maxLength:"200" doc:"The product's name in title case, as in headings." example:"Aksi Perubahan"`
	ProductInSentence string `json:"productInSentence" minLength:"1" maxLength:"200" doc:"The product's name inside a sentence." example:"aksi perubahan"`
	Design            string `json:"design" minLength:"1" maxLength:"200" doc:"The design document's name." example:"Rancangan Aksi Perubahan"`
	Report            string `json:"report" minLength:"1" maxLength:"200" doc:"The final report's name." example:"Laporan Aksi Perubahan"`
	Abbreviation      string `json:"abbreviation" minLength:"1" maxLength:"200" doc:"The short name used in lists and titles." example:"Aksi Perubahan"`
}

func newTerms(t domain.ProgramTerms) ProgramTerms {
	return ProgramTerms{Product: t.Product, ProductInSentence: t.ProductInSentence, Design: t.Design, Report: t.Report, Abbreviation: t.Abbreviation}
}

func (t ProgramTerms) domain() domain.ProgramTerms {
	return domain.ProgramTerms{Product: t.Product, ProductInSentence: t.ProductInSentence, Design: t.Design, Report: t.Report, Abbreviation: t.Abbreviation}
}

// Threshold is the score a seminar result must exceed for a qualification.
type Threshold struct {
	Above     float64 `json:"above" minimum:"0" maximum:"100" doc:"The score a result must exceed." example:"90"`
	Predicate string  `json:"predicate" enum:"sangat_memuaskan,memuaskan,cukup_memuaskan" doc:"The qualification (kualifikasi) a result above it earns; a result above none is kurang_memuaskan." example:"sangat_memuaskan"`
}

func newThresholds(ts []domain.Threshold) []Threshold {
	out := make([]Threshold, len(ts))
	for i, t := range ts {
		out[i] = Threshold{Above: t.Above, Predicate: string(t.Predicate)}
	}
	return out
}

func thresholdsOf(ts []Threshold) []domain.Threshold {
	out := make([]domain.Threshold, len(ts))
	for i, t := range ts {
		out[i] = domain.Threshold{Above: t.Above, Predicate: domain.Predicate(t.Predicate)}
	}
	return out
}

// GraduationComponent is one weighted part of a participant's graduation
// result.
type GraduationComponent struct {
	Key     string  `json:"key" pattern:"^[a-z][a-z0-9_]{0,39}$" maxLength:"40" doc:"Its key." example:"sikap_perilaku"`
	Name    string  `json:"name" minLength:"1" maxLength:"200" doc:"Its name." example:"Sikap perilaku"`
	Weight  int     `json:"weight" minimum:"1" maximum:"100" doc:"Its weight in percent; the weights sum to 100." example:"20"`
	Minimum float64 `json:"minimum,omitempty" minimum:"0" maximum:"100" doc:"The least score a graduate needs in it; 0 or left out: none. The component keyed akademik is the determined final-seminar result; organizers enter the others." example:"70"`
}

func newGraduation(gs []domain.GraduationComponent) []GraduationComponent {
	out := make([]GraduationComponent, len(gs))
	for i, g := range gs {
		out[i] = GraduationComponent{Key: g.Key, Name: g.Name, Weight: g.Weight, Minimum: g.Minimum}
	}
	return out
}

func graduationOf(gs []GraduationComponent) []domain.GraduationComponent {
	out := make([]domain.GraduationComponent, len(gs))
	for i, g := range gs {
		out[i] = domain.GraduationComponent{Key: g.Key, Name: g.Name, Weight: g.Weight, Minimum: g.Minimum}
	}
	return out
}

// CohortProgram is a cohort's own copy of its program template, embedded
// in the cohort answer: the words to use for its product, the
// qualification thresholds, graduation components, deadlines and
// examiners, and its partner institution.
type CohortProgram struct {
	TemplateID            *uuid.UUID            `json:"templateId,omitempty" format:"uuid" doc:"The program template the cohort was created from; the cohort keeps its own copy of the values below, so later changes to the template change nothing here."`
	PartnerInstitutionID  *uuid.UUID            `json:"partnerInstitutionId,omitempty" format:"uuid" doc:"The institution that co-organizes the cohort, whose organizers read it and change nothing."`
	Terms                 ProgramTerms          `json:"terms" doc:"The words of the cohort's product: Proyek Perubahan (PKN I, II) or Aksi Perubahan (PKA, PKP)."`
	Thresholds            []Threshold           `json:"thresholds" doc:"The qualification thresholds of its seminars, best first."`
	Graduation            []GraduationComponent `json:"graduation" doc:"The components of its graduation result."`
	ExaminersRequired     int                   `json:"examinersRequired" minimum:"1" maximum:"5" doc:"How many examiners assess each seminar." example:"2"`
	ShowExaminerScores    bool                  `json:"showExaminerScores" doc:"Whether participants read each examiner's scores, or only the result."`
	AppealWorkingDays     int                   `json:"appealWorkingDays" minimum:"0" maximum:"30" doc:"How many working days a participant has to appeal a seminar result." example:"3"`
	ReportLeadWorkingDays int                   `json:"reportLeadWorkingDays" minimum:"0" maximum:"60" doc:"How many working days before the final seminar the final report is due." example:"5"`
}

func newCohortProgram(c domain.Cohort) CohortProgram {
	return CohortProgram{TemplateID: c.TemplateID, PartnerInstitutionID: c.PartnerInstitutionID, Terms: newTerms(c.Terms),
		Thresholds: newThresholds(c.Thresholds), Graduation: newGraduation(c.Graduation), ExaminersRequired: c.ExaminersRequired,
		ShowExaminerScores: c.ShowExaminerScores, AppealWorkingDays: c.AppealWorkingDays, ReportLeadWorkingDays: c.ReportLeadWorkingDays}
}

// CohortFromTemplate are the fields of create-cohort about its template
// and partner.
type CohortFromTemplate struct {
	TemplateID           *uuid.UUID `json:"templateId,omitempty" format:"uuid" doc:"The program template to copy (list-program-templates): LAN's or your institution's, of the cohort's program. LAN's template of the program when left out."`
	PartnerInstitutionID *uuid.UUID `json:"partnerInstitutionId,omitempty" format:"uuid" doc:"An institution that co-organizes the cohort; its organizers read the cohort and change nothing."`
}

// CohortProgramPatch are the fields of update-cohort that change the
// cohort's copy of its template, and its partner.
type CohortProgramPatch struct {
	PartnerInstitutionID  Optional[uuid.UUID]    `json:"partnerInstitutionId,omitempty" format:"uuid" doc:"The new partner institution; null removes it."`
	Terms                 Optional[ProgramTerms] `json:"terms,omitempty" doc:"The cohort's words for its product (all forms)."`
	Thresholds            *[]Threshold           `json:"thresholds,omitempty" maxItems:"3" doc:"The new qualification thresholds, best first."`
	Graduation            *[]GraduationComponent `json:"graduation,omitempty" maxItems:"10" doc:"The new graduation components."`
	ExaminersRequired     Optional[int]          `json:"examinersRequired,omitempty" minimum:"1" maximum:"5" doc:"How many examiners assess each seminar." example:"2"`
	ShowExaminerScores    Optional[bool]         `json:"showExaminerScores,omitempty" doc:"Whether participants read each examiner's scores."`
	AppealWorkingDays     Optional[int]          `json:"appealWorkingDays,omitempty" minimum:"0" maximum:"30" doc:"The appeal window, in working days." example:"3"`
	ReportLeadWorkingDays Optional[int]          `json:"reportLeadWorkingDays,omitempty" minimum:"0" maximum:"60" doc:"How many working days before the final seminar the report is due." example:"5"`
}

// apply copies the patch into the domain's changes.
func (p CohortProgramPatch) apply(ch *domain.CohortChanges) {
	ch.PartnerInstitutionID = p.PartnerInstitutionID.ptr()
	ch.ClearPartner = p.PartnerInstitutionID.Set && p.PartnerInstitutionID.Null
	if t := p.Terms.ptr(); t != nil {
		terms := t.domain()
		ch.Terms = &terms
	}
	if p.Thresholds != nil {
		ts := thresholdsOf(*p.Thresholds)
		ch.Thresholds = &ts
	}
	if p.Graduation != nil {
		gs := graduationOf(*p.Graduation)
		ch.Graduation = &gs
	}
	ch.ExaminersRequired, ch.ShowExaminerScores = p.ExaminersRequired.ptr(), p.ShowExaminerScores.ptr()
	ch.AppealWorkingDays, ch.ReportLeadWorkingDays = p.AppealWorkingDays.ptr(), p.ReportLeadWorkingDays.ptr()
}

// AgendaStep is one kind of agenda item a program runs, in order.
type AgendaStep struct {
	Kind        string `json:"kind" enum:"mandiri,jarak_jauh,klasikal,taking_ownership,seminar_rancangan,laboratorium,coaching,visitasi,seminar_laporan,penutupan,evaluasi_pasca" doc:"The kind of agenda item." example:"klasikal"`
	TypicalDays int    `json:"typicalDays" minimum:"1" maximum:"365" doc:"Its typical duration in days." example:"10"`
}

// TemplateRubrics are a template's rubrics, one per seminar.
type TemplateRubrics struct {
	Design []Criterion `json:"design" maxItems:"20" doc:"The criteria of the design seminar (seminar rancangan)."`
	Final  []Criterion `json:"final" maxItems:"20" doc:"The criteria of the final seminar (seminar laporan)."`
}

// ProgramDeadlines are a program's deadlines, in working days.
type ProgramDeadlines struct {
	MentorResponse int `json:"mentorResponse" minimum:"1" maximum:"90" doc:"How many working days a mentor or coach has to answer; a cohort's responseDeadlineDays." example:"7"`
	ReportLead     int `json:"reportLead" minimum:"0" maximum:"60" doc:"How many working days before the final seminar the final report is due." example:"5"`
	Appeal         int `json:"appeal" minimum:"0" maximum:"30" doc:"How many working days a participant has to appeal a seminar result." example:"3"`
}

// ProgramTemplate is how a kind of training runs: LAN's shipped templates
// and the institutions' adapted copies. A cohort created from one keeps its
// own copy.
type ProgramTemplate struct {
	ID                 uuid.UUID             `json:"id" format:"uuid" doc:"The template's id."`
	InstitutionID      *uuid.UUID            `json:"institutionId,omitempty" format:"uuid" doc:"The institution that owns it; absent for LAN's shipped templates."`
	Shipped            bool                  `json:"shipped" doc:"True for LAN's own templates, which are copied, not changed."`
	SourceTemplateID   *uuid.UUID            `json:"sourceTemplateId,omitempty" format:"uuid" doc:"The template it was copied from."`
	Program            string                `json:"program" enum:"pkn1,pkn2,pka,pkp" doc:"The training program." example:"pka"`
	Name               string                `json:"name" doc:"Its name." example:"PKA (LAN RI)"`
	Terms              ProgramTerms          `json:"terms" doc:"The words of the program's product."`
	Agenda             []AgendaStep          `json:"agenda" doc:"The kinds of agenda item the program runs, in order, with typical durations."`
	Rubrics            TemplateRubrics       `json:"rubrics" doc:"The rubrics a cohort starts with."`
	Thresholds         []Threshold           `json:"thresholds" doc:"The qualification thresholds, best first."`
	Graduation         []GraduationComponent `json:"graduation" doc:"The components of the graduation result."`
	Deadlines          ProgramDeadlines      `json:"deadlines" doc:"The deadlines, in working days."`
	ExaminersRequired  int                   `json:"examinersRequired" minimum:"1" maximum:"5" doc:"How many examiners assess each seminar." example:"1"`
	ShowExaminerScores bool                  `json:"showExaminerScores" doc:"Whether participants read each examiner's scores, or only the result."`
	Version            int64                 `json:"version" doc:"Increases with every change; the ETag names it." example:"1"`
	CreatedAt          time.Time             `json:"createdAt" doc:"When it was created."`
	UpdatedAt          time.Time             `json:"updatedAt" doc:"When it last changed."`
	Offered
}

func criteriaOf(cs []domain.Criterion) []Criterion {
	out := make([]Criterion, len(cs))
	for i, c := range cs {
		out[i] = Criterion{Key: c.Key, Name: c.Name, Weight: c.Weight}
	}
	return out
}

func domainCriteria(cs []Criterion) []domain.Criterion {
	out := make([]domain.Criterion, len(cs))
	for i, c := range cs {
		out[i] = domain.Criterion{Key: c.Key, Name: c.Name, Weight: c.Weight}
	}
	return out
}

func newProgramTemplate(t domain.ProgramTemplate) ProgramTemplate {
	out := ProgramTemplate{ID: t.ID, InstitutionID: t.InstitutionID, Shipped: t.Shipped(), SourceTemplateID: t.SourceID,
		Program: string(t.Program), Name: t.Name, Terms: newTerms(t.Terms), Agenda: make([]AgendaStep, len(t.Agenda)),
		Rubrics:    TemplateRubrics{Design: criteriaOf(t.Rubrics[domain.SeminarDesign]), Final: criteriaOf(t.Rubrics[domain.SeminarFinal])},
		Thresholds: newThresholds(t.Thresholds), Graduation: newGraduation(t.Graduation),
		Deadlines:         ProgramDeadlines{MentorResponse: t.Deadlines.MentorResponse, ReportLead: t.Deadlines.ReportLead, Appeal: t.Deadlines.Appeal},
		ExaminersRequired: t.ExaminersRequired, ShowExaminerScores: t.ShowExaminerScores,
		Version: t.Version, CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt, Offered: offered(t.Offer)}
	for i, s := range t.Agenda {
		out.Agenda[i] = AgendaStep{Kind: string(s.Kind), TypicalDays: s.TypicalDays}
	}
	return out
}

// TemplateFields are the fields of a template that an institution adapts;
// in create-program-template each one left out keeps the source's value.
type TemplateFields struct {
	Name               Optional[string]           `json:"name,omitempty" maxLength:"200" doc:"Its name; the source's name with \" (salinan)\" when copying." example:"PKA BPSDM Jawa Timur"`
	Terms              Optional[ProgramTerms]     `json:"terms,omitempty" doc:"The words of the product (all forms)."`
	Agenda             *[]AgendaStep              `json:"agenda,omitempty" maxItems:"40" doc:"The whole agenda, in order."`
	Rubrics            Optional[TemplateRubrics]  `json:"rubrics,omitempty" doc:"Both rubrics; each one's weights sum to 100."`
	Thresholds         *[]Threshold               `json:"thresholds,omitempty" maxItems:"3" doc:"The qualification thresholds, best first."`
	Graduation         *[]GraduationComponent     `json:"graduation,omitempty" maxItems:"10" doc:"The graduation components; their weights sum to 100."`
	Deadlines          Optional[ProgramDeadlines] `json:"deadlines,omitempty" doc:"The deadlines, in working days."`
	ExaminersRequired  Optional[int]              `json:"examinersRequired,omitempty" minimum:"1" maximum:"5" doc:"How many examiners assess each seminar." example:"2"`
	ShowExaminerScores Optional[bool]             `json:"showExaminerScores,omitempty" doc:"Whether participants read each examiner's scores."`
}

func (f TemplateFields) changes() domain.TemplateChanges {
	ch := domain.TemplateChanges{Name: f.Name.ptr(), ExaminersRequired: f.ExaminersRequired.ptr(), ShowExaminerScores: f.ShowExaminerScores.ptr()}
	if t := f.Terms.ptr(); t != nil {
		terms := t.domain()
		ch.Terms = &terms
	}
	if f.Agenda != nil {
		agenda := make([]domain.AgendaStep, len(*f.Agenda))
		for i, s := range *f.Agenda {
			agenda[i] = domain.AgendaStep{Kind: domain.AgendaKind(s.Kind), TypicalDays: s.TypicalDays}
		}
		ch.Agenda = &agenda
	}
	if r := f.Rubrics.ptr(); r != nil {
		rubrics := map[domain.Seminar][]domain.Criterion{domain.SeminarDesign: domainCriteria(r.Design), domain.SeminarFinal: domainCriteria(r.Final)}
		ch.Rubrics = &rubrics
	}
	if f.Thresholds != nil {
		ts := thresholdsOf(*f.Thresholds)
		ch.Thresholds = &ts
	}
	if f.Graduation != nil {
		gs := graduationOf(*f.Graduation)
		ch.Graduation = &gs
	}
	if d := f.Deadlines.ptr(); d != nil {
		ch.Deadlines = &domain.ProgramDeadlines{MentorResponse: d.MentorResponse, ReportLead: d.ReportLead, Appeal: d.Appeal}
	}
	return ch
}

// TemplateCreate is the body of create-program-template: a copy of a
// source template into an institution, with the fields given changed.
type TemplateCreate struct {
	InstitutionID    uuid.UUID `json:"institutionId" format:"uuid" doc:"The institution that will own the copy; you must organize for it."`
	SourceTemplateID uuid.UUID `json:"sourceTemplateId" format:"uuid" doc:"The template to copy: LAN's or one of your institution's."`
	TemplateFields
}

// TemplatePath names a template in the path.
type TemplatePath struct {
	TemplateID uuid.UUID `path:"templateId" format:"uuid" doc:"The template's id."`
}

type templateOutput struct {
	ETag string `header:"ETag" doc:"The version of the template, for If-Match."`
	Body ProgramTemplate
}

func templateAnswer(t domain.ProgramTemplate, err error) (*templateOutput, error) {
	if err != nil {
		return nil, err
	}
	return &templateOutput{ETag: etag(t.Version), Body: newProgramTemplate(t)}, nil
}

// ProgramTemplateList is the answer of list-program-templates.
type ProgramTemplateList struct {
	Items []ProgramTemplate `json:"items" doc:"The templates."`
}

// registerProgramTemplates registers the program template operations.
func registerProgramTemplates(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "list-program-templates", Method: http.MethodGet, Path: "/program-templates",
		Summary: "List program templates", Tags: []string{"cohorts"}, Security: signedIn,
		Description: "Lists the program templates you may create cohorts from: LAN's shipped templates (PKN I, PKN II, PKA, PKP) and those of the institutions you organize for (platform admins: all), LAN's first, then by program and name. Templates are few, so the list is not paged.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden},
	}, func(ctx context.Context, _ *struct{}) (*struct{ Body ProgramTemplateList }, error) {
		list, err := s.Cohorts.ListProgramTemplates(ctx, actorOf(ctx))
		if err != nil {
			return nil, err
		}
		out := &struct{ Body ProgramTemplateList }{}
		out.Body.Items = make([]ProgramTemplate, len(list))
		for i, t := range list {
			out.Body.Items[i] = newProgramTemplate(t)
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "get-program-template", Method: http.MethodGet, Path: "/program-templates/{templateId}",
		Summary: "Get a program template", Tags: []string{"cohorts"}, Security: signedIn,
		Description: "Returns one of LAN's templates, or one of your institution's.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *TemplatePath) (*templateOutput, error) {
		return templateAnswer(s.Cohorts.GetProgramTemplate(ctx, actorOf(ctx), in.TemplateID))
	})

	huma.Register(api, huma.Operation{
		OperationID: "create-program-template", Method: http.MethodPost, Path: "/program-templates", DefaultStatus: http.StatusCreated,
		Summary: "Copy a program template into your institution", Tags: []string{"cohorts"}, Security: signedIn, Metadata: idempotent,
		Description: "Copies a template (LAN's, or one of your institution's) into an institution you organize for, with the fields given changed, so that the institution adapts it: its words, agenda, rubrics, thresholds, graduation components, deadlines and examiners.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		IdempotencyKeyHeader
		Body TemplateCreate
	}) (*templateOutput, error) {
		return templateAnswer(s.Cohorts.CreateProgramTemplate(ctx, actorOf(ctx), in.Body.InstitutionID, in.Body.SourceTemplateID, in.Body.changes()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "update-program-template", Method: http.MethodPatch, Path: "/program-templates/{templateId}",
		Summary: "Change a program template", Tags: []string{"cohorts"}, Security: signedIn,
		Description: "Changes your institution's template with a JSON merge patch (RFC 7396). LAN's shipped templates are refused (template.shipped): copy one first. Cohorts created from the template keep their own copy.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusPreconditionFailed, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		TemplatePath
		Precondition
		Body TemplateFields `contentType:"application/merge-patch+json"`
	}) (*templateOutput, error) {
		return templateAnswer(s.Cohorts.UpdateProgramTemplate(ctx, actorOf(ctx), in.TemplateID, in.Body.changes(), in.expected()))
	})
}

// CohortTermsBody are the words of one cohort's product, in get-me.
type CohortTermsBody struct {
	CohortID uuid.UUID    `json:"cohortId" format:"uuid" doc:"The cohort."`
	Terms    ProgramTerms `json:"terms" doc:"Its words."`
}

// cohortTermsOf lists the words of the actor's cohorts for get-me.
func cohortTermsOf(ctx context.Context, s *Services, actor *domain.Actor) ([]CohortTermsBody, error) {
	list, err := s.Cohorts.TermsOfMyCohorts(ctx, actor)
	out := make([]CohortTermsBody, len(list))
	for i, t := range list {
		out[i] = CohortTermsBody{CohortID: t.CohortID, Terms: newTerms(t.Terms)}
	}
	return out, err
}
