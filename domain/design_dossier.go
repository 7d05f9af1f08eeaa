package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// DesignDossier is what the design's documents show (the Rancangan Proyek
// Perubahan and the evidence index, see package documents): the project
// with its cohort and participant, its milestones, the endorsements of the
// design, and, for the index, its evidence.
type DesignDossier struct {
	Project     Project
	Cohort      Cohort
	Institution string
	Participant User
	Milestones  []Milestone
	// Endorsements are the approvals of the design's last round by the
	// mentor and the coach, mentor first; empty before the design is
	// approved (the sheet then shows the approvals as not signed).
	Endorsements []Endorsement
	// Evidence is the project's evidence by milestone (DesignEvidence
	// only), oldest first.
	Evidence map[uuid.UUID][]Evidence
	// PublicURL is where people open the web app, for links to the
	// project's page; empty when the installation's address is unknown.
	PublicURL string
}

// Endorsement is a reviewer's approval of the design, as the lembar
// persetujuan shows it.
type Endorsement struct {
	Role     Role
	Name     string
	Position string
	At       time.Time
	Comment  string
}

// DesignDossier gathers a project's design for its Rancangan, for anyone
// who may read the project.
func (s *Projects) DesignDossier(ctx context.Context, actor *Actor, projectID uuid.UUID) (DesignDossier, error) {
	p, err := s.loadProject(ctx, s.store, actor, projectID, ReadProject, false)
	if err != nil {
		return DesignDossier{}, err
	}
	d := DesignDossier{Project: p, PublicURL: s.Mail.PublicURL}
	if d.Cohort, err = s.store.Cohorts().Get(ctx, p.CohortID); err != nil {
		return d, err
	}
	if in, err := s.store.Institutions().Get(ctx, d.Cohort.InstitutionID); err == nil {
		d.Institution = in.Name
	} else if KindOf(err) != KindNotFound {
		return d, err
	}
	if d.Participant, err = s.store.Users().Get(ctx, p.Parties.ParticipantID); err != nil {
		return d, err
	}
	if d.Milestones, err = s.store.Milestones().OfProject(ctx, p.ID); err != nil {
		return d, err
	}
	if !p.designApproved() {
		return d, nil
	}
	round, err := s.store.Reviews().DesignRound(ctx, p.ID, p.DesignRound)
	if err != nil {
		return d, err
	}
	for _, role := range []Role{RoleMentor, RoleCoach} {
		for _, r := range round {
			if r.ReviewerRole != role || r.Decision != string(DesignApprove) {
				continue
			}
			reviewer, err := s.store.Users().Get(ctx, r.ReviewerID)
			if err != nil {
				return d, err
			}
			d.Endorsements = append(d.Endorsements, Endorsement{Role: role, Name: reviewer.Name, Position: reviewer.Position, At: r.At, Comment: r.Comment})
		}
	}
	return d, nil
}

// DesignEvidence gathers a project's design with its evidence by
// milestone, for its evidence index, for anyone who may read the project.
func (s *Projects) DesignEvidence(ctx context.Context, actor *Actor, projectID uuid.UUID) (DesignDossier, error) {
	d, err := s.DesignDossier(ctx, actor, projectID)
	if err != nil {
		return d, err
	}
	d.Evidence = map[uuid.UUID][]Evidence{}
	for _, m := range d.Milestones {
		page := PageRequest{Limit: MaxPageSize}
		for {
			list, err := s.store.Evidence().List(ctx, m.ID, page)
			if err != nil {
				return d, err
			}
			d.Evidence[m.ID] = append(d.Evidence[m.ID], list.Items...)
			if list.NextCursor == "" {
				break
			}
			page.Cursor = list.NextCursor
		}
	}
	return d, nil
}
