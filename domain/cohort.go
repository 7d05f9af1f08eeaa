package domain

import (
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
)

// Program is the kind of leadership training a cohort belongs to.
type Program string

// The leadership trainings of LAN RI (PerLAN 5/2022).
const (
	ProgramPKN1 Program = "pkn1" // Pelatihan Kepemimpinan Nasional Tingkat I
	ProgramPKN2 Program = "pkn2" // Pelatihan Kepemimpinan Nasional Tingkat II
	ProgramPKA  Program = "pka"  // Pelatihan Kepemimpinan Administrator
	ProgramPKP  Program = "pkp"  // Pelatihan Kepemimpinan Pengawas
)

// Programs lists every program, for documentation and validation.
var Programs = []Program{ProgramPKN1, ProgramPKN2, ProgramPKA, ProgramPKP}

// ParseProgram returns the program named s, or an Invalid error naming field "program".
func ParseProgram(s string) (Program, error) {
	for _, p := range Programs {
		if string(p) == s {
			return p, nil
		}
	}
	return "", Invalid("program", CodeFieldNotOneOf, Params{"values": "pkn1, pkn2, pka, pkp"})
}

// PhaseKind is one stage of a cohort's schedule.
type PhaseKind string

// The phases of a leadership training, in the order they happen.
const (
	PhaseDesign         PhaseKind = "design"         // rancangan proyek perubahan
	PhaseDesignSeminar  PhaseKind = "design_seminar" // seminar rancangan
	PhaseImplementation PhaseKind = "implementation" // laboratorium kepemimpinan / breakthrough
	PhaseFinalSeminar   PhaseKind = "final_seminar"  // seminar laporan akhir
)

// PhaseKinds lists the phases in the order they must be scheduled.
var PhaseKinds = []PhaseKind{PhaseDesign, PhaseDesignSeminar, PhaseImplementation, PhaseFinalSeminar}

// Phase is a dated stage of a cohort.
type Phase struct {
	Kind     PhaseKind
	StartsOn Date
	EndsOn   Date
}

// Cohort is an angkatan: one run of a training program at an institution,
// e.g. "PKN II Angkatan XII Tahun 2024".
type Cohort struct {
	ID            uuid.UUID
	InstitutionID uuid.UUID
	Program       Program
	// Code is unique within the institution, e.g. "PKN2-XII-2024".
	Code     string
	Name     string
	StartsOn Date
	EndsOn   Date
	Phases   []Phase
	// ResponseDeadlineDays is how many working days (WorkCalendar) a mentor
	// or coach has to answer what waits for their review before it is late
	// and escalated.
	ResponseDeadlineDays int
	// TemplateID is the program template the cohort was created from; the
	// cohort keeps its own copy of the template's values below, so later
	// changes to the template change no cohort. Nil for a cohort whose
	// template was deleted.
	TemplateID *uuid.UUID
	// PartnerInstitutionID names the institution that co-organizes the
	// cohort ("BPSDM Jawa Timur bekerja sama dengan LAN RI"); its
	// organizers read the cohort and change nothing.
	PartnerInstitutionID *uuid.UUID
	// Terms are the words of the cohort's product: Proyek or Aksi Perubahan.
	Terms ProgramTerms
	// Thresholds are the qualification thresholds of the cohort's seminars,
	// best first.
	Thresholds []Threshold
	// Graduation are the components of the cohort's graduation result.
	Graduation []GraduationComponent
	// ExaminersRequired is how many examiners assess each seminar.
	ExaminersRequired int
	// ShowExaminerScores lets participants read each examiner's scores;
	// when false they read only the result.
	ShowExaminerScores bool
	// AppealWorkingDays is how many working days a participant has to
	// appeal a seminar result.
	AppealWorkingDays int
	// ReportLeadWorkingDays is how many working days before the final
	// seminar the final report is due.
	ReportLeadWorkingDays int
	Version               int64
	CreatedAt             time.Time
	UpdatedAt             time.Time
	// Offer is what the caller who read it may do to it now; it is theirs,
	// so audit snapshots leave it out.
	Offer Offer `json:"-"`
}

// Bounds and default of a cohort's response deadline, in days.
const (
	DefaultResponseDeadlineDays = 7
	MaxResponseDeadlineDays     = 90
)

// CohortPlan is what an organizer gives to create a cohort.
type CohortPlan struct {
	InstitutionID uuid.UUID
	Program       string
	Code          string
	Name          string
	StartsOn      Date
	EndsOn        Date
	Phases        []Phase
	// ResponseDeadlineDays defaults to the template's mentor response
	// deadline when nil.
	ResponseDeadlineDays *int
	// TemplateID is the template to copy; LAN's template of the program
	// when nil.
	TemplateID *uuid.UUID
	// PartnerInstitutionID names a co-organizing institution, if any.
	PartnerInstitutionID *uuid.UUID
}

// CohortChanges is a partial update of a cohort; nil fields stay as they are.
type CohortChanges struct {
	Code     *string
	Name     *string
	StartsOn *Date
	EndsOn   *Date
	Phases   *[]Phase
	// ResponseDeadlineDays changes the cohort's response deadline.
	ResponseDeadlineDays *int
	// PartnerInstitutionID names a new partner; ClearPartner removes it.
	PartnerInstitutionID *uuid.UUID
	ClearPartner         bool
	// The cohort's copy of its template's values.
	Terms                 *ProgramTerms
	Thresholds            *[]Threshold
	Graduation            *[]GraduationComponent
	ExaminersRequired     *int
	ShowExaminerScores    *bool
	AppealWorkingDays     *int
	ReportLeadWorkingDays *int
}

// newCohort validates a plan into a cohort with its own copy of the
// template's values.
func newCohort(p CohortPlan, t ProgramTemplate, now time.Time) (Cohort, error) {
	templateID := t.ID
	c := Cohort{ID: NewID(), InstitutionID: p.InstitutionID, Code: p.Code, Name: p.Name,
		StartsOn: p.StartsOn, EndsOn: p.EndsOn, Phases: p.Phases, ResponseDeadlineDays: t.Deadlines.MentorResponse,
		TemplateID: &templateID, PartnerInstitutionID: p.PartnerInstitutionID, Terms: t.Terms,
		Thresholds: slices.Clone(t.Thresholds), Graduation: slices.Clone(t.Graduation),
		ExaminersRequired: t.ExaminersRequired, ShowExaminerScores: t.ShowExaminerScores,
		AppealWorkingDays: t.Deadlines.Appeal, ReportLeadWorkingDays: t.Deadlines.ReportLead,
		Version: 1, CreatedAt: now, UpdatedAt: now}
	if p.ResponseDeadlineDays != nil {
		c.ResponseDeadlineDays = *p.ResponseDeadlineDays
	}
	var v Violations
	program, err := ParseProgram(p.Program)
	v.AddError("program", err)
	c.Program = program
	if err == nil && t.Program != program {
		v.Add("templateId", CodeTemplateProgramMismatch, Params{"program": t.Program})
	}
	c.validate(&v)
	return c, v.Err()
}

// apply changes c and checks the whole cohort again.
func (c *Cohort) apply(ch CohortChanges) error {
	if ch.Code != nil {
		c.Code = *ch.Code
	}
	if ch.Name != nil {
		c.Name = *ch.Name
	}
	if ch.StartsOn != nil {
		c.StartsOn = *ch.StartsOn
	}
	if ch.EndsOn != nil {
		c.EndsOn = *ch.EndsOn
	}
	if ch.Phases != nil {
		c.Phases = *ch.Phases
	}
	if ch.ResponseDeadlineDays != nil {
		c.ResponseDeadlineDays = *ch.ResponseDeadlineDays
	}
	if ch.PartnerInstitutionID != nil {
		c.PartnerInstitutionID = ch.PartnerInstitutionID
	}
	if ch.ClearPartner {
		c.PartnerInstitutionID = nil
	}
	if ch.Terms != nil {
		c.Terms = *ch.Terms
	}
	if ch.Thresholds != nil {
		c.Thresholds = *ch.Thresholds
	}
	if ch.Graduation != nil {
		c.Graduation = *ch.Graduation
	}
	if ch.ExaminersRequired != nil {
		c.ExaminersRequired = *ch.ExaminersRequired
	}
	if ch.ShowExaminerScores != nil {
		c.ShowExaminerScores = *ch.ShowExaminerScores
	}
	if ch.AppealWorkingDays != nil {
		c.AppealWorkingDays = *ch.AppealWorkingDays
	}
	if ch.ReportLeadWorkingDays != nil {
		c.ReportLeadWorkingDays = *ch.ReportLeadWorkingDays
	}
	var v Violations
	c.validate(&v)
	return v.Err()
}

// validate checks the cohort's rules: dates in order, and the phases inside
// the cohort's window, in the order of PhaseKinds, each at most once, not
// overlapping.
func (c *Cohort) validate(v *Violations) {
	c.Code = text(v, "code", c.Code, true)
	c.Name = text(v, "name", c.Name, true)
	if c.StartsOn.IsZero() {
		v.Add("startsOn", CodeFieldRequired)
	}
	if c.EndsOn.IsZero() {
		v.Add("endsOn", CodeFieldRequired)
	}
	if !c.StartsOn.IsZero() && !c.EndsOn.IsZero() && c.EndsOn.Before(c.StartsOn) {
		v.Add("endsOn", CodeCohortDatesOrder)
	}
	if c.ResponseDeadlineDays < 1 || c.ResponseDeadlineDays > MaxResponseDeadlineDays {
		v.Add("responseDeadlineDays", CodeCohortResponseDeadline, Params{"max": MaxResponseDeadlineDays})
	}
	if c.PartnerInstitutionID != nil && *c.PartnerInstitutionID == c.InstitutionID {
		v.Add("partnerInstitutionId", CodeCohortPartnerSelf)
	}
	c.Terms = validateTerms(v, "terms", c.Terms)
	validateThresholds(v, "thresholds", c.Thresholds)
	validateGraduation(v, "graduation", c.Graduation)
	validateCounts(v, map[string]countRule{
		"examinersRequired":     {c.ExaminersRequired, 1, MaxExaminersRequired},
		"appealWorkingDays":     {c.AppealWorkingDays, 0, MaxAppealWorkingDays},
		"reportLeadWorkingDays": {c.ReportLeadWorkingDays, 0, MaxReportLeadWorkingDays},
	})
	previous := -1
	var previousEnd Date
	for i, ph := range c.Phases {
		field := fmt.Sprintf("phases[%d]", i)
		order := phaseOrder(ph.Kind)
		switch {
		case order < 0:
			v.Add(field+".kind", CodeFieldNotOneOf, Params{"values": "design, design_seminar, implementation, final_seminar"})
			continue
		case order <= previous:
			v.Add(field+".kind", CodeCohortPhasesOrder)
		}
		previous = order
		if ph.StartsOn.IsZero() || ph.EndsOn.IsZero() {
			v.Add(field, CodeCohortPhaseDates)
			continue
		}
		if ph.EndsOn.Before(ph.StartsOn) {
			v.Add(field+".endsOn", CodeCohortPhaseDatesOrder)
		}
		if ph.StartsOn.Before(c.StartsOn) || c.EndsOn.Before(ph.EndsOn) {
			v.Add(field, CodeCohortPhaseOutside)
		}
		if !previousEnd.IsZero() && !previousEnd.Before(ph.StartsOn) {
			v.Add(field+".startsOn", CodeCohortPhaseOverlap)
		}
		previousEnd = ph.EndsOn
	}
}

// ImplementationStartsOn is the first day of the cohort's implementation
// phase, or nil when it has none.
func (c Cohort) ImplementationStartsOn() *Date {
	for _, ph := range c.Phases {
		if ph.Kind == PhaseImplementation {
			d := ph.StartsOn
			return &d
		}
	}
	return nil
}

func phaseOrder(k PhaseKind) int {
	for i, kind := range PhaseKinds {
		if kind == k {
			return i
		}
	}
	return -1
}

// StaffRole is a role in a cohort that is not tied to one participant.
type StaffRole string

// The staff roles of a cohort.
const (
	StaffOrganizer StaffRole = "organizer" // penyelenggara
	StaffCoach     StaffRole = "coach"     // coach (widyaiswara)
	StaffExaminer  StaffRole = "examiner"  // penguji
)

// ParseStaffRole returns the staff role named s, or an Invalid error naming "role".
func ParseStaffRole(s string) (StaffRole, error) {
	switch r := StaffRole(s); r {
	case StaffOrganizer, StaffCoach, StaffExaminer:
		return r, nil
	}
	return "", Invalid("role", CodeFieldNotOneOf, Params{"values": "organizer, coach, examiner"})
}

// StaffMember is a user with a staff role in a cohort.
type StaffMember struct {
	CohortID uuid.UUID
	UserID   uuid.UUID
	Role     StaffRole
	Name     string
	Email    string
	AddedAt  time.Time
}
