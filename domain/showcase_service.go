package domain

import (
	"context"
	"io"
	"time"

	"github.com/google/uuid"
)

// DefaultShowcaseRate is how many showcase requests a minute one client
// address may make unless configured otherwise.
const DefaultShowcaseRate = 120

// Showcase runs the innovation showcase: publishing projects, the public
// search and entries, studi tiru records, and the originality check of
// projects against every other project.
type Showcase struct {
	store   Store
	blobs   BlobStore
	now     func() time.Time
	limiter *RateLimiter
}

// NewShowcase returns the showcase service. limit bounds the public
// operations per client address (a zero limit allows everything).
func NewShowcase(store Store, blobs BlobStore, now func() time.Time, limit RateLimit) *Showcase {
	return &Showcase{store: store, blobs: blobs, now: now, limiter: NewRateLimiter(limit)}
}

// Publish puts the actor's project on the showcase once its design is
// approved, or, when it is there already, replaces its account of the
// innovation and its public evidence. It reports whether the project
// became public by this call (false when it was public already).
func (s *Showcase) Publish(ctx context.Context, actor *Actor, projectID uuid.UUID, d PublicationDraft) (Publication, bool, error) {
	var pub Publication
	var became bool
	err := s.store.WithinTx(ctx, func(tx Store) error {
		project, err := tx.Projects().Get(ctx, projectID, true)
		if err != nil {
			return err
		}
		if err := Authorize(actor, PublishProject, projectTarget(project)); err != nil {
			return err
		}
		cohort, err := tx.Cohorts().Get(ctx, project.CohortID)
		if err != nil {
			return err
		}
		participant, err := tx.Users().Get(ctx, project.Parties.ParticipantID)
		if err != nil {
			return err
		}
		var agency *Agency
		if participant.AgencyID != nil {
			a, err := tx.Agencies().Get(ctx, *participant.AgencyID)
			if err != nil {
				return err
			}
			agency = &a
		}
		var unit *Unit
		if participant.UnitID != nil {
			u, err := tx.Units().Get(ctx, *participant.UnitID)
			if err != nil {
				return err
			}
			unit = &u
		}
		evidence := map[uuid.UUID]Evidence{}
		for _, id := range d.PublicEvidence[:min(len(d.PublicEvidence), MaxPublicEvidence)] {
			e, err := tx.Evidence().Get(ctx, id)
			if err == nil {
				evidence[id] = e
			} else if KindOf(err) != KindNotFound {
				return err
			}
		}
		pub, err = tx.Publications().OfProject(ctx, project.ID)
		isNew := KindOf(err) == KindNotFound
		if err != nil && !isNew {
			return err
		}
		became = isNew || !pub.Public()
		now := s.now()
		if err := pub.publish(d, project, cohort, agency, evidence, actor.UserID, now); err != nil {
			return err
		}
		pub.setUnit(unit)
		action := "project.published"
		if !became {
			action = "project.publication_updated"
		}
		e := projectEvent(actor, now, project, action)
		e.After = pub
		if isNew {
			err = tx.Publications().Create(ctx, pub)
		} else {
			err = tx.Publications().Update(ctx, pub)
		}
		if err != nil {
			return err
		}
		offerPublication(actor, project, &pub)
		return tx.Events().Append(ctx, e)
	})
	return pub, became, err
}

// Unpublish takes a project off the showcase: its participant withdraws it,
// or an organizer of its cohort takes it down. Its studi tiru records stay
// and return with it if it is published again.
func (s *Showcase) Unpublish(ctx context.Context, actor *Actor, projectID uuid.UUID) error {
	return s.store.WithinTx(ctx, func(tx Store) error {
		project, err := tx.Projects().Get(ctx, projectID, true)
		if err != nil {
			return err
		}
		if err := Authorize(actor, UnpublishProject, projectTarget(project)); err != nil {
			return err
		}
		pub, err := tx.Publications().OfProject(ctx, project.ID)
		if err != nil {
			return err
		}
		now := s.now()
		if err := pub.withdraw(actor.UserID, now); err != nil {
			return err
		}
		if err := tx.Publications().Update(ctx, pub); err != nil {
			return err
		}
		action := "project.withdrawn"
		if actor.UserID != project.Parties.ParticipantID {
			action = "project.unpublished"
		}
		return tx.Events().Append(ctx, projectEvent(actor, now, project, action))
	})
}

// GetPublication returns a project's publication, public or withdrawn, to
// those who may see the project.
func (s *Showcase) GetPublication(ctx context.Context, actor *Actor, projectID uuid.UUID) (Publication, error) {
	project, err := s.store.Projects().Get(ctx, projectID, false)
	if err != nil {
		return Publication{}, err
	}
	if err := Authorize(actor, ReadProject, projectTarget(project)); err != nil {
		return Publication{}, err
	}
	pub, err := s.store.Publications().OfProject(ctx, projectID)
	if err != nil {
		return Publication{}, asMissing(err, "publication")
	}
	offerPublication(actor, project, &pub)
	return pub, nil
}

// Search finds public publications for anyone, within the rate limit of
// the client's address.
func (s *Showcase) Search(ctx context.Context, clientAddress string, q ShowcaseQuery, page PageRequest) (ShowcaseResults, error) {
	if err := s.limiter.Allow(clientAddress, s.now()); err != nil {
		return ShowcaseResults{}, err
	}
	return s.store.Showcase().Search(ctx, q, page)
}

// Entry returns a public publication for anyone, within the rate limit.
func (s *Showcase) Entry(ctx context.Context, clientAddress string, id uuid.UUID) (ShowcaseEntry, error) {
	if err := s.limiter.Allow(clientAddress, s.now()); err != nil {
		return ShowcaseEntry{}, err
	}
	return s.store.Showcase().Entry(ctx, id)
}

// OpenPublicEvidence returns a file a public publication makes public, for
// anyone, within the rate limit. A link has no file: KindConflict.
func (s *Showcase) OpenPublicEvidence(ctx context.Context, clientAddress string, publicationID, evidenceID uuid.UUID) (PublicEvidence, io.ReadSeekCloser, error) {
	if err := s.limiter.Allow(clientAddress, s.now()); err != nil {
		return PublicEvidence{}, nil, err
	}
	e, err := s.store.Showcase().PublicEvidence(ctx, publicationID, evidenceID)
	if err != nil {
		return PublicEvidence{}, nil, err
	}
	if e.File == nil {
		return PublicEvidence{}, nil, Conflict(CodeEvidenceIsLink)
	}
	f, err := s.blobs.Open(ctx, e.File.BlobKey)
	return e, f, err
}

// RecordReplication records that an agency studied or adopted a public
// innovation, with its documents. The visiting agency's own officials may
// do this, and organizers of any cohort (a studi tiru is often arranged by
// the visiting agency's training institution). Repeat visits are separate
// records.
func (s *Showcase) RecordReplication(ctx context.Context, actor *Actor, publicationID uuid.UUID, d ReplicationDraft) (Replication, error) {
	if err := Authorize(actor, RecordReplication, Target{AgencyID: &d.AgencyID}); err != nil {
		return Replication{}, err
	}
	var r Replication
	err := s.store.WithinTx(ctx, func(tx Store) error {
		pub, err := tx.Publications().Get(ctx, publicationID)
		if err == nil && !pub.Public() {
			err = NotFound("publication")
		}
		if err != nil {
			return err
		}
		now := s.now()
		if r, err = newReplication(pub, d, actor.UserID, DateOf(now), now); err != nil {
			return err
		}
		if err := checkAgency(ctx, tx, &r.AgencyID); err != nil {
			return err
		}
		if err := checkUnit(ctx, tx, "unitId", &r.AgencyID, r.UnitID); err != nil {
			return err
		}
		if err := tx.Replications().Create(ctx, r); err != nil {
			return err
		}
		e := event(actor, now, "replication.recorded", "replication", r.ID)
		e.After, e.Details.Title = r, pub.Title
		return tx.Events().Append(ctx, e)
	})
	return r, err
}

// AgencyReplications lists what an agency studied or adopted, latest first.
func (s *Showcase) AgencyReplications(ctx context.Context, actor *Actor, agencyID uuid.UUID, page PageRequest) (Page[AgencyReplication], error) {
	if err := Authorize(actor, ListReplications, Target{AgencyID: &agencyID}); err != nil {
		return Page[AgencyReplication]{}, err
	}
	if _, err := s.store.Agencies().Get(ctx, agencyID); err != nil {
		return Page[AgencyReplication]{}, err
	}
	return s.store.Replications().OfAgency(ctx, agencyID, page)
}

// InnovationReplications lists the studi tiru records of a publication in
// full (notes and documents, who recorded them), the latest first, for the
// innovating project's participant and mentor and its cohort's organizers.
func (s *Showcase) InnovationReplications(ctx context.Context, actor *Actor, publicationID uuid.UUID, page PageRequest) (Page[AgencyReplication], error) {
	pub, err := s.store.Publications().Get(ctx, publicationID)
	if err != nil {
		return Page[AgencyReplication]{}, err
	}
	project, err := s.store.Projects().Get(ctx, pub.ProjectID, false)
	if err != nil {
		return Page[AgencyReplication]{}, err
	}
	if err := Authorize(actor, ReadInnovationReplications, projectTarget(project)); err != nil {
		return Page[AgencyReplication]{}, asMissing(err, "publication")
	}
	return s.store.Replications().OfPublication(ctx, publicationID, page)
}

// SimilarProjects lists a page of the projects of any cohort most alike
// the given one in title, problem and goal, for the originality check by
// its participant's coach and its cohort's examiners and organizers. Of
// other projects it shows only their title, agency, cohort and status. A
// page holds at most MaxSimilarProjects, DefaultSimilarProjects unless
// asked.
func (s *Showcase) SimilarProjects(ctx context.Context, actor *Actor, projectID uuid.UUID, page PageRequest) (Page[SimilarProject], error) {
	project, err := s.store.Projects().Get(ctx, projectID, false)
	if err != nil {
		return Page[SimilarProject]{}, err
	}
	if err := Authorize(actor, FindSimilar, projectTarget(project)); err != nil {
		return Page[SimilarProject]{}, err
	}
	if page.Limit <= 0 {
		page.Limit = DefaultSimilarProjects
	}
	page.Limit = min(page.Limit, MaxSimilarProjects)
	found, err := s.store.Similarity().Similar(ctx, projectID, page)
	if err != nil {
		return Page[SimilarProject]{}, err
	}
	today := DateOf(s.now())
	for i := range found.Items {
		found.Items[i].Status = EffectiveStatus(found.Items[i].Status, found.Items[i].ImplementationStartsOn, today)
	}
	return found, nil
}
