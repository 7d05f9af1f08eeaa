package domain

import (
	"context"
	"reflect"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Projects runs the change-project workflow: the design and its approval,
// milestones, evidence and their verification, coaching notes, the review
// queue and the timeline. Every change to a project happens in a
// transaction that holds the project's row, so concurrent decisions on one
// project are taken one after the other.
type Projects struct {
	store Store
	blobs BlobStore
	now   func() time.Time
	// MaxEvidenceBytes is the limit of one evidence file.
	MaxEvidenceBytes int64
	// Mail queues e-mail notifications of the workflow, when enabled.
	Mail Mailer
}

// NewProjects returns the workflow service; blobs keeps evidence files.
func NewProjects(store Store, blobs BlobStore, now func() time.Time) *Projects {
	return &Projects{store: store, blobs: blobs, now: now, MaxEvidenceBytes: DefaultMaxEvidenceBytes}
}

// Today is the current day, by which milestones are overdue.
func (s *Projects) Today() Date { return DateOf(s.now()) }

// loadProject loads a project the actor may act on, moving it into
// implementation when its cohort's phase has begun (stored when the project
// is loaded for a change, shown otherwise).
func (s *Projects) loadProject(ctx context.Context, tx Store, actor *Actor, id uuid.UUID, action Action, forUpdate bool) (Project, error) {
	p, err := tx.Projects().Get(ctx, id, forUpdate)
	if err != nil {
		return Project{}, err
	}
	if err := Authorize(actor, action, projectTarget(p)); err != nil {
		return Project{}, err
	}
	if p.Status != ProjectDesignApproved {
		return p, nil
	}
	cohort, err := tx.Cohorts().Get(ctx, p.CohortID)
	if err != nil {
		return Project{}, err
	}
	if p.advance(cohort, s.now()); p.Status == ProjectDesignApproved || !forUpdate {
		return p, nil
	}
	p.Version++
	if err := tx.Projects().Update(ctx, p); err != nil {
		return Project{}, err
	}
	return p, tx.Events().Append(ctx, projectEvent(nil, s.now(), p, "project.implementation_started"))
}

// change runs fn on a locked project the actor may act on, then stores the
// project (when fn changed it) and the events fn returns, in one transaction.
func (s *Projects) change(ctx context.Context, actor *Actor, id uuid.UUID, action Action, ifMatch *int64, fn func(tx Store, p *Project) ([]Event, error)) (Project, error) {
	var p Project
	err := s.store.WithinTx(ctx, func(tx Store) error {
		var err error
		if p, err = s.loadProject(ctx, tx, actor, id, action, true); err != nil {
			return err
		}
		if err := checkVersion(ifMatch, p.Version); err != nil {
			return err
		}
		before := p
		events, err := fn(tx, &p)
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(before, p) {
			p.Version++
			p.UpdatedAt = s.now()
			if err := tx.Projects().Update(ctx, p); err != nil {
				return err
			}
		}
		if err := tx.Events().Append(ctx, events...); err != nil {
			return err
		}
		return s.offerProject(ctx, tx, actor, &p)
	})
	return p, err
}

// offerProject sets what actor may do to p now, reading the reviews of the
// design's current round when actor may review it.
func (s *Projects) offerProject(ctx context.Context, tx Store, actor *Actor, p *Project) error {
	var round []Review
	if p.Status == ProjectDesignSubmitted && Authorize(actor, ReviewDesign, projectTarget(*p)) == nil {
		var err error
		if round, err = tx.Reviews().DesignRound(ctx, p.ID, p.DesignRound); err != nil {
			return err
		}
	}
	offerProject(actor, p, round)
	if err := s.offerScoring(ctx, tx, actor, p); err != nil {
		return err
	}
	if err := s.refuseUnreadyReport(ctx, tx, p); err != nil {
		return err
	}
	return gateOffer(ctx, tx, p.CohortID, &p.Offer, s.Today(), projectGatedOps)
}

// projectEvent is an audit event about a project, naming its title.
func projectEvent(actor *Actor, now time.Time, p Project, action string) Event {
	e := event(actor, now, action, "project", p.ID)
	id, cohort := p.ID, p.CohortID
	e.ProjectID, e.CohortID, e.Details.Title = &id, &cohort, p.Title
	return e
}

// GetProject returns a project the actor may see.
func (s *Projects) GetProject(ctx context.Context, actor *Actor, id uuid.UUID) (Project, error) {
	p, err := s.loadProject(ctx, s.store, actor, id, ReadProject, false)
	if err != nil {
		return Project{}, err
	}
	return p, s.offerProject(ctx, s.store, actor, &p)
}

// UpdateProject edits the design of a draft project.
func (s *Projects) UpdateProject(ctx context.Context, actor *Actor, id uuid.UUID, c ProjectChanges, ifMatch *int64) (Project, error) {
	return s.change(ctx, actor, id, EditProject, ifMatch, func(tx Store, p *Project) ([]Event, error) {
		before := *p
		if err := p.editDesign(c); err != nil {
			return nil, err
		}
		if reflect.DeepEqual(before, *p) {
			return nil, nil // nothing changed: no version, no event
		}
		e := projectEvent(actor, s.now(), *p, "project.updated")
		e.Before, e.After = before, *p
		return []Event{e}, nil
	})
}

// SubmitDesign sends the design to the mentor and the coach for approval.
func (s *Projects) SubmitDesign(ctx context.Context, actor *Actor, id uuid.UUID, ifMatch *int64) (Project, error) {
	return s.change(ctx, actor, id, EditProject, ifMatch, func(tx Store, p *Project) ([]Event, error) {
		milestones, err := tx.Milestones().OfProject(ctx, p.ID)
		if err != nil {
			return nil, err
		}
		if err := p.submitDesign(milestones, s.now()); err != nil {
			return nil, err
		}
		timing, err := gate(ctx, tx, p.CohortID, StepSubmitDesign, s.Today())
		if err != nil {
			return nil, err
		}
		e := projectEvent(actor, s.now(), *p, "project.design_submitted")
		e.After = *p
		flag(&e, StepSubmitDesign, timing)
		return []Event{e}, s.notifyDesignReviewers(ctx, tx, *p)
	})
}

// ReviewDesign records the mentor's or coach's verdict on a submitted design.
// The design is approved when both approved in the current round; a return
// sends it back to draft with the comment.
func (s *Projects) ReviewDesign(ctx context.Context, actor *Actor, id uuid.UUID, decision DesignDecision, comment string) (Project, error) {
	return s.change(ctx, actor, id, ReviewDesign, nil, func(tx Store, p *Project) ([]Event, error) {
		round, err := tx.Reviews().DesignRound(ctx, p.ID, p.DesignRound)
		if err != nil {
			return nil, err
		}
		role := p.designReviewerRole(actor.UserID)
		approved, err := p.reviewDesign(actor.UserID, role, decision, comment, round)
		if err != nil {
			return nil, err
		}
		timing, err := gate(ctx, tx, p.CohortID, StepDecideDesign, s.Today())
		if err != nil {
			return nil, err
		}
		now := s.now()
		review := Review{ID: NewID(), ProjectID: p.ID, TargetType: "design", TargetID: p.ID, Round: p.DesignRound,
			ReviewerID: actor.UserID, ReviewerRole: role, Decision: string(decision), Comment: strings.TrimSpace(comment), At: now}
		if err := tx.Reviews().Create(ctx, review); err != nil {
			return nil, err
		}
		e := projectEvent(actor, now, *p, "project.design_reviewed")
		e.After, e.Details.Role, e.Details.Decision, e.Details.Comment = review, role, decision, review.Comment
		flag(&e, StepDecideDesign, timing)
		events := []Event{e}
		if approved {
			p.approvePlan(now) // the plan's first version
			if err := tx.ChangeRequests().AddPlanVersion(ctx, p.ID, PlanVersion{Version: p.PlanVersion, ApprovedAt: now}); err != nil {
				return nil, err
			}
			approvedEvent := projectEvent(actor, now, *p, "project.design_approved")
			approvedEvent.Details.PlanVersion = p.PlanVersion
			events = append(events, approvedEvent)
			return events, s.notifyParticipant(ctx, tx, actor, *p, func(reviewer string) letterText {
				return designApprovedLetter(reviewer, p.Title)
			})
		}
		if decision == DesignReturn {
			return events, s.notifyParticipant(ctx, tx, actor, *p, func(reviewer string) letterText {
				return designReturnedLetter(reviewer, p.Title, review.Comment)
			})
		}
		return events, nil
	})
}

// StartImplementation begins the implementation of an approved design
// before the cohort's implementation phase starts it.
func (s *Projects) StartImplementation(ctx context.Context, actor *Actor, id uuid.UUID) (Project, error) {
	return s.change(ctx, actor, id, EditProject, nil, func(tx Store, p *Project) ([]Event, error) {
		if err := p.startImplementation(); err != nil {
			return nil, err
		}
		return []Event{projectEvent(actor, s.now(), *p, "project.implementation_started")}, nil
	})
}

// SubmitFinal hands in the final report of a project in implementation:
// the report must be uploaded, approved by the mentor and the coach
// (persetujuan), the pernyataan signed and the short-term milestones
// achieved or closed; after its due day only with an organizer's
// allowance (see Report.checkSubmittable).
func (s *Projects) SubmitFinal(ctx context.Context, actor *Actor, id uuid.UUID) (Project, error) {
	return s.change(ctx, actor, id, EditProject, nil, func(tx Store, p *Project) ([]Event, error) {
		if err := p.checkFinalSubmittable(); err != nil {
			return nil, err
		}
		report, err := s.submitReport(ctx, tx, *p)
		if err != nil {
			return nil, err
		}
		if err := p.submitFinal(); err != nil {
			return nil, err
		}
		timing, err := gate(ctx, tx, p.CohortID, StepSubmitFinal, s.Today())
		if err != nil {
			return nil, err
		}
		if !timing.Flagged() && report.SubmittedLate {
			timing = TimingLate // late by the report's own due day
		}
		e := projectEvent(actor, s.now(), *p, "project.final_submitted")
		flag(&e, StepSubmitFinal, timing)
		return []Event{e}, nil
	})
}

// AddCoachingNote records a coach's note on the project of a participant
// they coach.
func (s *Projects) AddCoachingNote(ctx context.Context, actor *Actor, projectID uuid.UUID, heldOn Date, topic, notes string) (CoachingNote, error) {
	var v Violations
	n := CoachingNote{ID: NewID(), ProjectID: projectID, CoachID: actor.UserID, HeldOn: heldOn, CreatedAt: s.now()}
	n.Topic = text(&v, "topic", topic, true)
	n.Notes = longText(&v, "notes", notes)
	if heldOn.IsZero() {
		v.Add("heldOn", CodeFieldRequired)
	}
	_, err := s.change(ctx, actor, projectID, WriteCoachingNote, nil, func(tx Store, p *Project) ([]Event, error) {
		if err := v.Err(); err != nil {
			return nil, err
		}
		if err := tx.CoachingNotes().Create(ctx, n); err != nil {
			return nil, err
		}
		e := projectEvent(actor, n.CreatedAt, *p, "coaching_note.added")
		e.TargetType, e.TargetID, e.Details.Title = "coaching_note", n.ID, n.Topic
		return []Event{e}, nil
	})
	return n, err
}

// ListCoachingNotes returns a project's coaching notes, newest first.
func (s *Projects) ListCoachingNotes(ctx context.Context, actor *Actor, projectID uuid.UUID, page PageRequest) (Page[CoachingNote], error) {
	if _, err := s.loadProject(ctx, s.store, actor, projectID, ReadCoachingNotes, false); err != nil {
		return Page[CoachingNote]{}, err
	}
	return s.store.CoachingNotes().List(ctx, projectID, page)
}

// Timeline returns the project's history, newest first.
func (s *Projects) Timeline(ctx context.Context, actor *Actor, projectID uuid.UUID, page PageRequest) (Page[TimelineEntry], error) {
	if _, err := s.loadProject(ctx, s.store, actor, projectID, ReadProject, false); err != nil {
		return Page[TimelineEntry]{}, err
	}
	return s.store.Timeline().Timeline(ctx, projectID, page)
}

// ReviewQueue returns what waits for the actor's decision, oldest first: as
// a mentor, their participants' evidence, milestone claims and designs; as
// a coach, the designs of the participants they coach.
// Each item is marked late once its cohort's response deadline, in working
// days (WorkCalendar.Late), has passed.
func (s *Projects) ReviewQueue(ctx context.Context, actor *Actor, page PageRequest) (Page[ReviewQueueItem], error) {
	p, err := s.store.ReviewQueue().Queue(ctx, actor.UserID, page)
	if err != nil {
		return p, err
	}
	cal, err := LoadWorkCalendar(ctx, s.store)
	now := s.now()
	for i := range p.Items {
		it := &p.Items[i]
		it.Late, it.WaitingDays, it.DueOn = cal.Late(it.ResponseDeadlineDays, it.SubmittedAt, now)
	}
	return p, err
}
