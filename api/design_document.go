package api

import (
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// SuccessIndicator is an indikator keberhasilan of the design: from the
// baseline to the target, in a unit.
type SuccessIndicator struct {
	ID       *uuid.UUID `json:"id,omitempty" format:"uuid" maxLength:"36" doc:"The indicator's id: given, it keeps an indicator of the design as it is edited (the final report states each one's outcome by it); absent or unknown, a new one is made. Always present in answers."`
	Name     string     `json:"name" maxLength:"200" doc:"What is measured." example:"Waktu tunggu layanan KTP-el"`
	Baseline string     `json:"baseline" maxLength:"200" doc:"Where it stands before the change." example:"180"`
	Target   string     `json:"target" maxLength:"200" doc:"Where the change should bring it." example:"30"`
	Unit     string     `json:"unit" maxLength:"200" doc:"The unit of baseline and target; empty for a qualitative indicator." example:"menit"`
}

// TeamMember is a member of the tim efektif.
type TeamMember struct {
	Name string `json:"name" maxLength:"200" doc:"The member's name." example:"Rina Marlina, S.Kom."`
	Role string `json:"role" maxLength:"200" doc:"Their role in the team." example:"Pengembang aplikasi"`
}

// Team is the tim efektif and the project's governance.
type Team struct {
	Sponsor       string       `json:"sponsor" maxLength:"200" doc:"The sponsor: the official who backs the change." example:"Kepala Dinas Kependudukan dan Pencatatan Sipil"`
	Mentor        string       `json:"mentor" maxLength:"200" doc:"The mentor as the design names them (the participant's superior)." example:"Sekretaris Dinas"`
	ProjectLeader string       `json:"projectLeader" maxLength:"200" doc:"The project leader, usually the participant." example:"Kepala Bidang Pelayanan"`
	Members       []TeamMember `json:"members" maxItems:"50" doc:"The members with their roles."`
}

// Risk is a risk to the change and its mitigation.
type Risk struct {
	Description string `json:"description" maxLength:"10000" doc:"The risk (potensi kendala)." example:"Jaringan internet kelurahan tidak stabil"`
	Mitigation  string `json:"mitigation" maxLength:"10000" doc:"How it is mitigated." example:"Formulir luring yang disinkronkan harian"`
}

// Resource is a resource the change needs, with its source and amount.
type Resource struct {
	Name         string `json:"name" maxLength:"200" doc:"The resource." example:"Pengembangan aplikasi antrean"`
	Source       string `json:"source" maxLength:"200" doc:"Where it comes from." example:"APBD Kota Batam 2027"`
	AmountRupiah int64  `json:"amountRupiah" minimum:"0" maximum:"1000000000000" doc:"Its amount in rupiah; 0 for a resource without a price." example:"25000000"`
}

// DesignSections are the structured sections of a design, as clients see
// them on a project.
type DesignSections struct {
	SuccessIndicators  []SuccessIndicator `json:"successIndicators" doc:"The success indicators (indikator keberhasilan), baseline to target. Submitting the design needs each one's name, baseline and target."`
	Team               Team               `json:"team" doc:"The tim efektif and governance. Submitting needs each member's name and role."`
	Risks              []Risk             `json:"risks" doc:"Risks with their mitigation. Submitting needs both of each risk."`
	Resources          []Resource         `json:"resources" doc:"Resources and budget. Submitting needs each one's name and source."`
	StrategicAlignment string             `json:"strategicAlignment" doc:"How the change serves the region's or agency's plans: the RPJMD/Renstra reference." example:"RPJMD Kota Batam 2026–2031, Misi 3: pelayanan publik yang cepat dan mudah"`
}

// DesignSectionChanges change structured sections of a design: in
// update-project while it is a draft, in create-change-request once it is
// approved. Absent sections stay.
type DesignSectionChanges struct {
	SuccessIndicators  *[]SuccessIndicator `json:"successIndicators,omitempty" maxItems:"20" doc:"The new success indicators (replacing the old ones; give an indicator's id to keep it)."`
	Team               *Team               `json:"team,omitempty" doc:"The new tim efektif (replacing the old one)."`
	Risks              *[]Risk             `json:"risks,omitempty" maxItems:"50" doc:"The new risks (replacing the old ones)."`
	Resources          *[]Resource         `json:"resources,omitempty" maxItems:"50" doc:"The new resources (replacing the old ones)."`
	StrategicAlignment *string             `json:"strategicAlignment,omitempty" maxLength:"10000" doc:"The new strategic alignment (empty clears it)." example:"Renstra Disdukcapil 2026–2031, Sasaran 2"`
}

func newDesignSections(p domain.Project) DesignSections {
	out := DesignSections{SuccessIndicators: make([]SuccessIndicator, len(p.SuccessIndicators)), Risks: make([]Risk, len(p.Risks)),
		Resources: make([]Resource, len(p.Resources)), StrategicAlignment: p.StrategicAlignment,
		Team: Team{Sponsor: p.Team.Sponsor, Mentor: p.Team.Mentor, ProjectLeader: p.Team.ProjectLeader, Members: make([]TeamMember, len(p.Team.Members))}}
	for i, s := range p.SuccessIndicators {
		id := s.ID
		out.SuccessIndicators[i] = SuccessIndicator{ID: &id, Name: s.Name, Baseline: s.Baseline, Target: s.Target, Unit: s.Unit}
	}
	for i, m := range p.Team.Members {
		out.Team.Members[i] = TeamMember(m)
	}
	for i, r := range p.Risks {
		out.Risks[i] = Risk(r)
	}
	for i, r := range p.Resources {
		out.Resources[i] = Resource(r)
	}
	return out
}

// toDomain is the domain's form of the changes.
func (b DesignSectionChanges) toDomain() domain.DesignSectionChanges {
	var c domain.DesignSectionChanges
	if b.SuccessIndicators != nil {
		s := make([]domain.SuccessIndicator, len(*b.SuccessIndicators))
		for i, in := range *b.SuccessIndicators {
			s[i] = domain.SuccessIndicator{Name: in.Name, Baseline: in.Baseline, Target: in.Target, Unit: in.Unit}
			if in.ID != nil {
				s[i].ID = *in.ID
			}
		}
		c.SuccessIndicators = &s
	}
	if b.Team != nil {
		t := domain.Team{Sponsor: b.Team.Sponsor, Mentor: b.Team.Mentor, ProjectLeader: b.Team.ProjectLeader, Members: make([]domain.TeamMember, len(b.Team.Members))}
		for i, m := range b.Team.Members {
			t.Members[i] = domain.TeamMember(m)
		}
		c.Team = &t
	}
	if b.Risks != nil {
		r := make([]domain.Risk, len(*b.Risks))
		for i, in := range *b.Risks {
			r[i] = domain.Risk(in)
		}
		c.Risks = &r
	}
	if b.Resources != nil {
		r := make([]domain.Resource, len(*b.Resources))
		for i, in := range *b.Resources {
			r[i] = domain.Resource(in)
		}
		c.Resources = &r
	}
	c.StrategicAlignment = b.StrategicAlignment
	return c
}

// newDesignSectionChanges is the answer's form of proposed section changes.
func newDesignSectionChanges(c domain.DesignSectionChanges) DesignSectionChanges {
	all := newDesignSections(domain.Project{DesignSections: c.Sections()})
	out := DesignSectionChanges{StrategicAlignment: c.StrategicAlignment}
	if c.SuccessIndicators != nil {
		out.SuccessIndicators = &all.SuccessIndicators
	}
	if c.Team != nil {
		out.Team = &all.Team
	}
	if c.Risks != nil {
		out.Risks = &all.Risks
	}
	if c.Resources != nil {
		out.Resources = &all.Resources
	}
	return out
}
