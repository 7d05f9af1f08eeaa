package persistence

import (
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// designSectionsValue are the columns of a project's structured design
// sections (migration 0020), embedded in projectRow.
type designSectionsValue struct {
	SuccessIndicators  []successIndicatorValue `bun:"success_indicators,type:jsonb"`
	Team               teamValue               `bun:"team,type:jsonb"`
	Risks              []riskValue             `bun:"risks,type:jsonb"`
	Resources          []resourceValue         `bun:"resources,type:jsonb"`
	StrategicAlignment string                  `bun:"strategic_alignment"`
}

// successIndicatorValue is one element of projects.success_indicators.
type successIndicatorValue struct {
	ID       uuid.UUID `json:"id"`
	Name     string    `json:"name"`
	Baseline string    `json:"baseline"`
	Target   string    `json:"target"`
	Unit     string    `json:"unit"`
}

// teamValue is projects.team.
type teamValue struct {
	Sponsor       string            `json:"sponsor"`
	Mentor        string            `json:"mentor"`
	ProjectLeader string            `json:"projectLeader"`
	Members       []teamMemberValue `json:"members"`
}

// teamMemberValue is one member of projects.team.
type teamMemberValue struct {
	Name string `json:"name"`
	Role string `json:"role"`
}

// riskValue is one element of projects.risks.
type riskValue struct {
	Description string `json:"description"`
	Mitigation  string `json:"mitigation"`
}

// resourceValue is one element of projects.resources.
type resourceValue struct {
	Name         string `json:"name"`
	Source       string `json:"source"`
	AmountRupiah int64  `json:"amountRupiah"`
}

func designSectionsFromDomain(p domain.Project) designSectionsValue {
	r := designSectionsValue{SuccessIndicators: []successIndicatorValue{}, Risks: []riskValue{}, Resources: []resourceValue{},
		Team:               teamValue{Sponsor: p.Team.Sponsor, Mentor: p.Team.Mentor, ProjectLeader: p.Team.ProjectLeader, Members: []teamMemberValue{}},
		StrategicAlignment: p.StrategicAlignment}
	for _, s := range p.SuccessIndicators {
		r.SuccessIndicators = append(r.SuccessIndicators, successIndicatorValue(s))
	}
	for _, m := range p.Team.Members {
		r.Team.Members = append(r.Team.Members, teamMemberValue(m))
	}
	for _, x := range p.Risks {
		r.Risks = append(r.Risks, riskValue(x))
	}
	for _, x := range p.Resources {
		r.Resources = append(r.Resources, resourceValue(x))
	}
	return r
}

// into sets p's structured sections from the row's; empty lists, never nil.
func (r designSectionsValue) into(p *domain.Project) {
	p.SuccessIndicators, p.Risks, p.Resources = []domain.SuccessIndicator{}, []domain.Risk{}, []domain.Resource{}
	p.Team = domain.Team{Sponsor: r.Team.Sponsor, Mentor: r.Team.Mentor, ProjectLeader: r.Team.ProjectLeader, Members: []domain.TeamMember{}}
	p.StrategicAlignment = r.StrategicAlignment
	for _, s := range r.SuccessIndicators {
		p.SuccessIndicators = append(p.SuccessIndicators, domain.SuccessIndicator(s))
	}
	for _, m := range r.Team.Members {
		p.Team.Members = append(p.Team.Members, domain.TeamMember(m))
	}
	for _, x := range r.Risks {
		p.Risks = append(p.Risks, domain.Risk(x))
	}
	for _, x := range r.Resources {
		p.Resources = append(p.Resources, domain.Resource(x))
	}
}

// sectionChangesValue are the section changes of change_requests.changes.
type sectionChangesValue struct {
	SuccessIndicators  *[]successIndicatorValue `json:"successIndicators,omitempty"`
	Team               *teamValue               `json:"team,omitempty"`
	Risks              *[]riskValue             `json:"risks,omitempty"`
	Resources          *[]resourceValue         `json:"resources,omitempty"`
	StrategicAlignment *string                  `json:"strategicAlignment,omitempty"`
}

func sectionChangesFromDomain(c domain.DesignSectionChanges) sectionChangesValue {
	all := designSectionsFromDomain(domain.Project{DesignSections: c.Sections()})
	v := sectionChangesValue{StrategicAlignment: c.StrategicAlignment}
	if c.SuccessIndicators != nil {
		v.SuccessIndicators = &all.SuccessIndicators
	}
	if c.Team != nil {
		v.Team = &all.Team
	}
	if c.Risks != nil {
		v.Risks = &all.Risks
	}
	if c.Resources != nil {
		v.Resources = &all.Resources
	}
	return v
}

func (v sectionChangesValue) toDomain() domain.DesignSectionChanges {
	var all designSectionsValue
	if v.SuccessIndicators != nil {
		all.SuccessIndicators = *v.SuccessIndicators
	}
	if v.Team != nil {
		all.Team = *v.Team
	}
	if v.Risks != nil {
		all.Risks = *v.Risks
	}
	if v.Resources != nil {
		all.Resources = *v.Resources
	}
	var p domain.Project
	all.into(&p)
	c := domain.DesignSectionChanges{StrategicAlignment: v.StrategicAlignment}
	if v.SuccessIndicators != nil {
		c.SuccessIndicators = &p.SuccessIndicators
	}
	if v.Team != nil {
		c.Team = &p.Team
	}
	if v.Risks != nil {
		c.Risks = &p.Risks
	}
	if v.Resources != nil {
		c.Resources = &p.Resources
	}
	return c
}
