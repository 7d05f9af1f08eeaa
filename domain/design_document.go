package domain

import (
	"fmt"

	"github.com/google/uuid"
)

// Limits of the design's structured sections (issue #22 part 2).
const (
	MaxSuccessIndicators = 20
	MaxTeamMembers       = 50
	MaxRisks             = 50
	MaxResources         = 50
	// MaxRupiah bounds one resource's amount: a trillion rupiah.
	MaxRupiah int64 = 1_000_000_000_000
)

// SuccessIndicator is an indikator keberhasilan: what the change moves, from
// where it stands now (the baseline) to where it should be (the target), in
// a unit ("menit", "%", "dokumen"; empty for a qualitative indicator such as
// "SOP belum ada" → "SOP ditetapkan"). Its ID stays while the design is
// edited, so that the final report can state the outcome of each one.
type SuccessIndicator struct {
	ID       uuid.UUID
	Name     string
	Baseline string
	Target   string
	Unit     string
}

// TeamMember is a member of the tim efektif and their role in it.
type TeamMember struct {
	Name string
	Role string
}

// Team is the tim efektif and the project's governance: the sponsor (the
// official who backs the change), the mentor (the participant's superior),
// the project leader (usually the participant) and the members with their
// roles. The names are as the design writes them, not user accounts.
type Team struct {
	Sponsor       string
	Mentor        string
	ProjectLeader string
	Members       []TeamMember
}

// Risk is a risk (potensi kendala) to the change and how it is mitigated.
type Risk struct {
	Description string
	Mitigation  string
}

// Resource is a resource the change needs (people, equipment, budget) with
// its source ("APBD Kota Batam", "CSR Bank Riau Kepri") and amount in rupiah
// (0 for a resource without a price).
type Resource struct {
	Name         string
	Source       string
	AmountRupiah int64
}

// DesignSections are the structured sections of a design that LAN's
// guideline asks for beyond its texts.
type DesignSections struct {
	SuccessIndicators []SuccessIndicator
	Team              Team
	Risks             []Risk
	Resources         []Resource
	// StrategicAlignment is the RPJMD/Renstra reference the change serves.
	StrategicAlignment string
}

// DesignSectionChanges change structured sections of a design: directly
// while it is a draft (ProjectChanges), by change request once it is
// approved (PlanChanges). Nil sections stay.
type DesignSectionChanges struct {
	SuccessIndicators  *[]SuccessIndicator
	Team               *Team
	Risks              *[]Risk
	Resources          *[]Resource
	StrategicAlignment *string
}

// empty reports whether c changes no section.
func (c DesignSectionChanges) empty() bool {
	return c.SuccessIndicators == nil && c.Team == nil && c.Risks == nil && c.Resources == nil && c.StrategicAlignment == nil
}

// apply validates the sections c changes into d, as a draft may hold them:
// each text a single line or paragraph of bounded length, amounts not
// negative. What a submission needs is checked by checkComplete.
func (d *DesignSections) apply(v *Violations, c DesignSectionChanges) {
	if c.SuccessIndicators != nil {
		d.SuccessIndicators = successIndicators(v, d.SuccessIndicators, *c.SuccessIndicators)
	}
	if c.Team != nil {
		d.Team = team(v, *c.Team)
	}
	if c.Risks != nil {
		d.Risks = risks(v, *c.Risks)
	}
	if c.Resources != nil {
		d.Resources = resources(v, *c.Resources)
	}
	if c.StrategicAlignment != nil {
		d.StrategicAlignment = longText(v, "strategicAlignment", *c.StrategicAlignment)
	}
}

// validated checks the sections c changes against the design's current
// ones (d), as an approved design must hold them (apply, then
// checkComplete), and returns them as they are to be set.
func (c DesignSectionChanges) validated(v *Violations, d DesignSections) DesignSectionChanges {
	d.apply(v, c)
	out := DesignSectionChanges{}
	if c.SuccessIndicators != nil {
		out.SuccessIndicators = &d.SuccessIndicators
	}
	if c.Team != nil {
		out.Team = &d.Team
	}
	if c.Risks != nil {
		out.Risks = &d.Risks
	}
	if c.Resources != nil {
		out.Resources = &d.Resources
	}
	if c.StrategicAlignment != nil {
		out.StrategicAlignment = &d.StrategicAlignment
	}
	out.checkComplete(v)
	return out
}

// Sections returns the sections c sets, the others left zero: for writing
// the changes in another shape (an answer, a stored row).
func (c DesignSectionChanges) Sections() DesignSections {
	var d DesignSections
	d.set(c)
	return d
}

// set sets the sections c changes, validated already.
func (d *DesignSections) set(c DesignSectionChanges) {
	if c.SuccessIndicators != nil {
		d.SuccessIndicators = *c.SuccessIndicators
	}
	if c.Team != nil {
		d.Team = *c.Team
	}
	if c.Risks != nil {
		d.Risks = *c.Risks
	}
	if c.Resources != nil {
		d.Resources = *c.Resources
	}
	if c.StrategicAlignment != nil {
		d.StrategicAlignment = *c.StrategicAlignment
	}
}

// successIndicators validates a new list of indicators; an indicator that
// names the ID of one in old keeps it, any other gets a new ID.
func successIndicators(v *Violations, old, in []SuccessIndicator) []SuccessIndicator {
	if len(in) > MaxSuccessIndicators {
		v.Add("successIndicators", CodeFieldTooMany, Params{"max": MaxSuccessIndicators})
	}
	known := map[uuid.UUID]bool{}
	for _, s := range old {
		known[s.ID] = true
	}
	out := make([]SuccessIndicator, len(in))
	for i, s := range in {
		field := fmt.Sprintf("successIndicators[%d]", i)
		if !known[s.ID] {
			s.ID = NewID()
		}
		delete(known, s.ID) // an ID names one indicator only
		out[i] = SuccessIndicator{ID: s.ID, Name: text(v, field+".name", s.Name, false), Baseline: text(v, field+".baseline", s.Baseline, false),
			Target: text(v, field+".target", s.Target, false), Unit: text(v, field+".unit", s.Unit, false)}
	}
	return out
}

func team(v *Violations, in Team) Team {
	if len(in.Members) > MaxTeamMembers {
		v.Add("team.members", CodeFieldTooMany, Params{"max": MaxTeamMembers})
	}
	out := Team{Sponsor: text(v, "team.sponsor", in.Sponsor, false), Mentor: text(v, "team.mentor", in.Mentor, false),
		ProjectLeader: text(v, "team.projectLeader", in.ProjectLeader, false), Members: make([]TeamMember, len(in.Members))}
	for i, m := range in.Members {
		field := fmt.Sprintf("team.members[%d]", i)
		out.Members[i] = TeamMember{Name: text(v, field+".name", m.Name, false), Role: text(v, field+".role", m.Role, false)}
	}
	return out
}

func risks(v *Violations, in []Risk) []Risk {
	if len(in) > MaxRisks {
		v.Add("risks", CodeFieldTooMany, Params{"max": MaxRisks})
	}
	out := make([]Risk, len(in))
	for i, r := range in {
		field := fmt.Sprintf("risks[%d]", i)
		out[i] = Risk{Description: longText(v, field+".description", r.Description), Mitigation: longText(v, field+".mitigation", r.Mitigation)}
	}
	return out
}

func resources(v *Violations, in []Resource) []Resource {
	if len(in) > MaxResources {
		v.Add("resources", CodeFieldTooMany, Params{"max": MaxResources})
	}
	out := make([]Resource, len(in))
	for i, r := range in {
		field := fmt.Sprintf("resources[%d]", i)
		out[i] = Resource{Name: text(v, field+".name", r.Name, false), Source: text(v, field+".source", r.Source, false), AmountRupiah: r.AmountRupiah}
		switch {
		case r.AmountRupiah < 0:
			v.Add(field+".amountRupiah", CodeFieldBelowMinimum, Params{"min": 0})
		case r.AmountRupiah > MaxRupiah:
			v.Add(field+".amountRupiah", CodeFieldAboveMaximum, Params{"max": MaxRupiah})
		}
	}
	return out
}

// checkComplete names, under v, every item of the sections that LAN's
// guideline requires of a submitted design (see docs/DESIGN-DOCUMENT.md).
func (d DesignSections) checkComplete(v *Violations) {
	indicatorsComplete(v, d.SuccessIndicators)
	teamComplete(v, d.Team)
	risksComplete(v, d.Risks)
	resourcesComplete(v, d.Resources)
}

// checkComplete names, under v, every item of the sections c changes that
// an approved design may not lack, as DesignSections.checkComplete.
func (c DesignSectionChanges) checkComplete(v *Violations) {
	if c.SuccessIndicators != nil {
		indicatorsComplete(v, *c.SuccessIndicators)
	}
	if c.Team != nil {
		teamComplete(v, *c.Team)
	}
	if c.Risks != nil {
		risksComplete(v, *c.Risks)
	}
	if c.Resources != nil {
		resourcesComplete(v, *c.Resources)
	}
}

// need names field with CodeDesignRequired when value is empty.
func need(v *Violations, field, value string) {
	if value == "" {
		v.Add(field, CodeDesignRequired)
	}
}

// indicatorsComplete requires each indicator's name, baseline and target.
func indicatorsComplete(v *Violations, in []SuccessIndicator) {
	for i, s := range in {
		field := fmt.Sprintf("successIndicators[%d]", i)
		need(v, field+".name", s.Name)
		need(v, field+".baseline", s.Baseline)
		need(v, field+".target", s.Target)
	}
}

// teamComplete requires each member's name and role.
func teamComplete(v *Violations, t Team) {
	for i, m := range t.Members {
		field := fmt.Sprintf("team.members[%d]", i)
		need(v, field+".name", m.Name)
		need(v, field+".role", m.Role)
	}
}

// risksComplete requires each risk's description and mitigation.
func risksComplete(v *Violations, in []Risk) {
	for i, r := range in {
		field := fmt.Sprintf("risks[%d]", i)
		need(v, field+".description", r.Description)
		need(v, field+".mitigation", r.Mitigation)
	}
}

// resourcesComplete requires each resource's name and source.
func resourcesComplete(v *Violations, in []Resource) {
	for i, r := range in {
		field := fmt.Sprintf("resources[%d]", i)
		need(v, field+".name", r.Name)
		need(v, field+".source", r.Source)
	}
}
