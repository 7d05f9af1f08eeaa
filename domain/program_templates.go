package domain

import (
	"context"
	"fmt"
	"slices"

	"github.com/google/uuid"
)

// ProgramTemplateStore keeps program templates: LAN's shipped ones (seeded
// by migration 0011) and the institutions' copies.
type ProgramTemplateStore interface {
	// Get returns a template by id, or KindNotFound.
	Get(ctx context.Context, id uuid.UUID) (ProgramTemplate, error)
	// List returns LAN's templates and those of the institutions (every
	// template when all is true), LAN's first, then by program and name.
	List(ctx context.Context, institutions []uuid.UUID, all bool) ([]ProgramTemplate, error)
	// Create stores a new template.
	Create(ctx context.Context, t ProgramTemplate) error
	// Update writes a template whose stored version is t.Version-1;
	// otherwise KindStale.
	Update(ctx context.Context, t ProgramTemplate) error
}

// MaxAgendaStepDays bounds a template's typical duration of one agenda step.
const MaxAgendaStepDays = 365

// TemplateChanges is a partial update of a template; nil fields stay.
// A template's program does not change: copy another template instead.
type TemplateChanges struct {
	Name               *string
	Terms              *ProgramTerms
	Agenda             *[]AgendaStep
	Rubrics            *map[Seminar][]Criterion
	Thresholds         *[]Threshold
	Graduation         *[]GraduationComponent
	Deadlines          *ProgramDeadlines
	ExaminersRequired  *int
	ShowExaminerScores *bool
}

// apply changes t and checks the whole template again.
func (t *ProgramTemplate) apply(ch TemplateChanges) error {
	if ch.Name != nil {
		t.Name = *ch.Name
	}
	if ch.Terms != nil {
		t.Terms = *ch.Terms
	}
	if ch.Agenda != nil {
		t.Agenda = *ch.Agenda
	}
	if ch.Rubrics != nil {
		t.Rubrics = *ch.Rubrics
	}
	if ch.Thresholds != nil {
		t.Thresholds = *ch.Thresholds
	}
	if ch.Graduation != nil {
		t.Graduation = *ch.Graduation
	}
	if ch.Deadlines != nil {
		t.Deadlines = *ch.Deadlines
	}
	if ch.ExaminersRequired != nil {
		t.ExaminersRequired = *ch.ExaminersRequired
	}
	if ch.ShowExaminerScores != nil {
		t.ShowExaminerScores = *ch.ShowExaminerScores
	}
	return t.validate()
}

// validate checks every part of a template, naming each broken field.
func (t *ProgramTemplate) validate() error {
	var v Violations
	t.Name = text(&v, "name", t.Name, true)
	t.Terms = validateTerms(&v, "terms", t.Terms)
	if len(t.Agenda) == 0 {
		v.Add("agenda", CodeFieldTooFew, Params{"min": 1})
	}
	if len(t.Agenda) > 40 {
		v.Add("agenda", CodeFieldTooMany, Params{"max": 40})
	}
	for i, s := range t.Agenda {
		f := fmt.Sprintf("agenda[%d]", i)
		if !slices.Contains(AgendaKinds, s.Kind) {
			v.Add(f+".kind", CodeFieldNotOneOf, Params{"values": agendaKindList()})
		}
		validateCounts(&v, map[string]countRule{f + ".typicalDays": {s.TypicalDays, 1, MaxAgendaStepDays}})
	}
	for _, seminar := range []Seminar{SeminarDesign, SeminarFinal} {
		err := Rubric{Seminar: seminar, Criteria: t.Rubrics[seminar]}.validate()
		v.AddUnder("rubrics."+string(seminar), err)
	}
	for seminar := range t.Rubrics {
		if seminar != SeminarDesign && seminar != SeminarFinal {
			v.Add("rubrics", CodeSeminar)
		}
	}
	validateThresholds(&v, "thresholds", t.Thresholds)
	validateGraduation(&v, "graduation", t.Graduation)
	validateCounts(&v, map[string]countRule{
		"deadlines.mentorResponse": {t.Deadlines.MentorResponse, 1, MaxResponseDeadlineDays},
		"deadlines.reportLead":     {t.Deadlines.ReportLead, 0, MaxReportLeadWorkingDays},
		"deadlines.appeal":         {t.Deadlines.Appeal, 0, MaxAppealWorkingDays},
		"examinersRequired":        {t.ExaminersRequired, 1, MaxExaminersRequired},
	})
	return v.Err()
}

// agendaKindList names the agenda kinds for a field error.
func agendaKindList() string {
	s := ""
	for i, k := range AgendaKinds {
		if i > 0 {
			s += ", "
		}
		s += string(k)
	}
	return s
}

// templateTarget describes a template for the policy: its owner, or
// uuid.Nil for LAN's.
func templateTarget(t ProgramTemplate) Target {
	if t.InstitutionID == nil {
		return Target{}
	}
	return Target{InstitutionID: *t.InstitutionID}
}

// ListProgramTemplates lists the templates the actor may use: LAN's and
// those of the institutions they organize for (every one for a platform
// admin).
func (s *Cohorts) ListProgramTemplates(ctx context.Context, actor *Actor) ([]ProgramTemplate, error) {
	if err := Authorize(actor, ListProgramTemplates, Target{}); err != nil {
		return nil, err
	}
	list, err := s.store.ProgramTemplates().List(ctx, actor.Institutions, actor.PlatformAdmin)
	for i := range list {
		offerTemplate(actor, &list[i])
	}
	return list, err
}

// GetProgramTemplate returns a template the actor may see.
func (s *Cohorts) GetProgramTemplate(ctx context.Context, actor *Actor, id uuid.UUID) (ProgramTemplate, error) {
	if actor == nil {
		return ProgramTemplate{}, Fail(KindUnauthenticated, CodeSignInRequired)
	}
	t, err := s.store.ProgramTemplates().Get(ctx, id)
	if err != nil {
		return ProgramTemplate{}, err
	}
	if err := Authorize(actor, ReadProgramTemplate, templateTarget(t)); err != nil {
		return ProgramTemplate{}, err
	}
	offerTemplate(actor, &t)
	return t, nil
}

// CreateProgramTemplate copies a template the actor may see into an
// institution they organize for, with changes applied to the copy.
func (s *Cohorts) CreateProgramTemplate(ctx context.Context, actor *Actor, institutionID, sourceID uuid.UUID, ch TemplateChanges) (ProgramTemplate, error) {
	if err := Authorize(actor, CreateProgramTemplate, Target{InstitutionID: institutionID}); err != nil {
		return ProgramTemplate{}, err
	}
	now := s.now()
	var t ProgramTemplate
	err := s.store.WithinTx(ctx, func(tx Store) error {
		source, err := tx.ProgramTemplates().Get(ctx, sourceID)
		if KindOf(err) == KindNotFound || (err == nil && Authorize(actor, ReadProgramTemplate, templateTarget(source)) != nil) {
			return Invalid("sourceTemplateId", CodeTemplateUnknown)
		} else if err != nil {
			return err
		}
		t = source.copy()
		owner, src := institutionID, source.ID
		t.ID, t.InstitutionID, t.SourceID, t.Version, t.CreatedAt, t.UpdatedAt = NewID(), &owner, &src, 1, now, now
		if ch.Name == nil {
			name := source.Name + " (salinan)"
			ch.Name = &name
		}
		if err := t.apply(ch); err != nil {
			return err
		}
		if err := tx.ProgramTemplates().Create(ctx, t); err != nil {
			return err
		}
		e := event(actor, now, "program_template.created", "program_template", t.ID)
		e.After = t
		return tx.Events().Append(ctx, e)
	})
	if err != nil {
		return ProgramTemplate{}, err
	}
	offerTemplate(actor, &t)
	return t, nil
}

// UpdateProgramTemplate changes an institution's template. LAN's shipped
// templates are changed by Proper's releases, not here; cohorts created
// from a template keep their copy whatever changes afterwards.
func (s *Cohorts) UpdateProgramTemplate(ctx context.Context, actor *Actor, id uuid.UUID, ch TemplateChanges, ifMatch *int64) (ProgramTemplate, error) {
	if actor == nil {
		return ProgramTemplate{}, Fail(KindUnauthenticated, CodeSignInRequired)
	}
	now := s.now()
	var t ProgramTemplate
	err := s.store.WithinTx(ctx, func(tx Store) error {
		var err error
		if t, err = tx.ProgramTemplates().Get(ctx, id); err != nil {
			return err
		}
		if err := Authorize(actor, ReadProgramTemplate, templateTarget(t)); err != nil {
			return err
		}
		if t.Shipped() {
			return Fail(KindForbidden, CodeTemplateShipped)
		}
		if err := Authorize(actor, UpdateProgramTemplate, templateTarget(t)); err != nil {
			return err
		}
		if err := checkVersion(ifMatch, t.Version); err != nil {
			return err
		}
		before := t.copy()
		if err := t.apply(ch); err != nil {
			return err
		}
		t.Version++
		t.UpdatedAt = now
		if err := tx.ProgramTemplates().Update(ctx, t); err != nil {
			return err
		}
		e := event(actor, now, "program_template.updated", "program_template", id)
		e.Before, e.After = before, t
		return tx.Events().Append(ctx, e)
	})
	if err != nil {
		return ProgramTemplate{}, err
	}
	offerTemplate(actor, &t)
	return t, nil
}

// copy returns a deep copy of the template.
func (t ProgramTemplate) copy() ProgramTemplate {
	c := t
	c.Agenda = slices.Clone(t.Agenda)
	c.Thresholds = slices.Clone(t.Thresholds)
	c.Graduation = slices.Clone(t.Graduation)
	c.Rubrics = map[Seminar][]Criterion{}
	for k, v := range t.Rubrics {
		c.Rubrics[k] = slices.Clone(v)
	}
	return c
}

// templateForCohort returns the template a new cohort copies: the one
// named, if the actor may use it for the institution (LAN's, or the
// institution's own), else LAN's template of the program.
func templateForCohort(ctx context.Context, tx Store, actor *Actor, plan CohortPlan) (ProgramTemplate, error) {
	if plan.TemplateID == nil {
		program, err := ParseProgram(plan.Program)
		if err != nil {
			return ProgramTemplate{}, err
		}
		t, err := tx.ProgramTemplates().Get(ctx, LANTemplateID(program))
		if KindOf(err) == KindNotFound {
			return LANTemplate(program), nil // a store without the seed rows
		}
		return t, err
	}
	t, err := tx.ProgramTemplates().Get(ctx, *plan.TemplateID)
	if KindOf(err) == KindNotFound {
		return ProgramTemplate{}, Invalid("templateId", CodeTemplateUnknown)
	} else if err != nil {
		return ProgramTemplate{}, err
	}
	if !t.Shipped() && (*t.InstitutionID != plan.InstitutionID || Authorize(actor, ReadProgramTemplate, templateTarget(t)) != nil) {
		return ProgramTemplate{}, Invalid("templateId", CodeTemplateUnknown)
	}
	return t, nil
}

// CohortTerms are the words of one cohort's product.
type CohortTerms struct {
	CohortID uuid.UUID
	Terms    ProgramTerms
}

// TermsOfMyCohorts returns the words of every cohort where the actor holds
// a role, so that a client words each screen without reading the cohort.
func (s *Cohorts) TermsOfMyCohorts(ctx context.Context, actor *Actor) ([]CohortTerms, error) {
	if actor == nil {
		return nil, Fail(KindUnauthenticated, CodeSignInRequired)
	}
	out := []CohortTerms{}
	for _, id := range actor.CohortIDs() {
		c, err := s.store.Cohorts().Get(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, CohortTerms{CohortID: id, Terms: c.Terms})
	}
	return out, nil
}
