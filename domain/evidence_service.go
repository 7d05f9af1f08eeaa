package domain

import (
	"bufio"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"mime"
	"slices"
	"strings"

	"github.com/gabriel-vasile/mimetype"
	"github.com/google/uuid"
)

// sniffBytes is how much of a file is read to tell its type.
const sniffBytes = 3072

// errTooLarge ends the reading of a file over the limit.
var errTooLarge = errors.New("evidence file over the limit")

// StoreEvidenceFile checks that the actor may add evidence to the milestone,
// tells the file's type from its first bytes, and streams it into the blob
// store under a random key, hashing and counting it on the way; it is never
// held whole in memory. A file of a type that is not accepted, or over the
// limit, is refused and nothing of it is kept. Pass the result to
// SubmitEvidence, or to DiscardEvidenceFile if the request fails before.
func (s *Projects) StoreEvidenceFile(ctx context.Context, actor *Actor, milestoneID uuid.UUID, name string, r io.Reader) (*StoredFile, error) {
	m, err := s.store.Milestones().Get(ctx, milestoneID)
	if err != nil {
		return nil, err
	}
	p, err := s.loadProject(ctx, s.store, actor, m.ProjectID, EditProject, false)
	if err != nil {
		return nil, asMissing(err, "milestone")
	}
	if err := checkAcceptsEvidence(p, m); err != nil {
		return nil, err
	}
	return s.storeFile(ctx, "evidence/", name, r, AllowedEvidenceTypes)
}

// storeFile tells a file's type from its first bytes, refuses a type not
// in allowed, and streams it into the blob store under a random key with
// prefix, hashing and counting it on the way (never held whole in memory);
// a file over the limit is refused and nothing of it is kept.
func (s *Projects) storeFile(ctx context.Context, prefix, name string, r io.Reader, allowed []string) (*StoredFile, error) {
	br := bufio.NewReaderSize(r, sniffBytes)
	head, err := br.Peek(sniffBytes)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if len(head) == 0 {
		return nil, Invalid("file", CodeUploadEmpty)
	}
	mediaType, _, _ := mime.ParseMediaType(mimetype.Detect(head).String())
	if !slices.Contains(allowed, mediaType) {
		return nil, Fail(KindUnsupportedMedia, CodeUploadType, Params{"type": mediaType})
	}
	file := &StoredFile{Name: SafeFileName(name), MediaType: mediaType, BlobKey: prefix + NewID().String()}
	hash := sha256.New()
	counted := &limitedReader{r: io.TeeReader(br, hash), left: s.MaxEvidenceBytes}
	if err := s.blobs.Put(ctx, file.BlobKey, counted, mediaType); err != nil {
		if errors.Is(err, errTooLarge) {
			return nil, Fail(KindTooLarge, CodeUploadTooLarge, Params{"max": s.MaxEvidenceBytes >> 20})
		}
		return nil, err
	}
	file.Size, file.SHA256 = s.MaxEvidenceBytes-counted.left, hash.Sum(nil)
	return file, nil
}

// limitedReader fails with errTooLarge once more than left bytes are read.
type limitedReader struct {
	r    io.Reader
	left int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n, errTooLarge
	}
	return n, err
}

// DiscardEvidenceFile removes a stored file that no evidence will refer to.
func (s *Projects) DiscardEvidenceFile(ctx context.Context, f *StoredFile) {
	if f != nil {
		s.blobs.Delete(context.WithoutCancel(ctx), f.BlobKey)
	}
}

// checkAcceptsEvidence: evidence counts once the design is approved, while
// the milestone's horizon is open, and an achieved milestone needs no more.
func checkAcceptsEvidence(p Project, m Milestone) error {
	if !p.designApproved() {
		return Conflict(CodeEvidenceDesignNotApproved)
	}
	if err := p.checkHorizonOpen(m.Horizon); err != nil {
		return err
	}
	if m.Status == MilestoneAchieved {
		return Conflict(CodeMilestoneAchieved)
	}
	return nil
}

// evidenceEvent is an audit event about evidence of a milestone, naming
// the evidence's title.
func evidenceEvent(actor *Actor, s *Projects, p Project, e Evidence, action string) Event {
	ev := projectEvent(actor, s.now(), p, action)
	ev.TargetType, ev.TargetID, ev.Details.Title = "evidence", e.ID, e.Title
	return ev
}

// SubmitEvidence adds evidence to a milestone: a file stored with
// StoreEvidenceFile, or a link. A planned milestone is then in progress. If
// the evidence is refused, its file is removed.
func (s *Projects) SubmitEvidence(ctx context.Context, actor *Actor, milestoneID uuid.UUID, d EvidenceDraft) (Evidence, error) {
	var e Evidence
	_, err := s.changeMilestone(ctx, actor, milestoneID, EditProject, nil, func(tx Store, p *Project, m *Milestone) ([]Event, error) {
		if err := checkAcceptsEvidence(*p, *m); err != nil {
			return nil, err
		}
		timing, err := gate(ctx, tx, p.CohortID, StepSubmitEvidence, s.Today())
		if err != nil {
			return nil, err
		}
		if e, err = newEvidence(*m, d, actor.UserID, s.now()); err != nil {
			return nil, err
		}
		if err := tx.Evidence().Create(ctx, e); err != nil {
			return nil, err
		}
		m.startOnEvidence()
		offerEvidence(actor, *p, &e)
		ev := evidenceEvent(actor, s, *p, e, "evidence.submitted")
		ev.After = e
		flag(&ev, StepSubmitEvidence, timing)
		return []Event{ev}, nil
	})
	if err != nil {
		s.DiscardEvidenceFile(ctx, d.File)
	}
	return e, err
}

// loadEvidence loads evidence and its project, for an actor allowed action.
func (s *Projects) loadEvidence(ctx context.Context, tx Store, actor *Actor, id uuid.UUID, action Action, forUpdate bool) (Evidence, Project, error) {
	e, err := tx.Evidence().Get(ctx, id)
	if err != nil {
		return Evidence{}, Project{}, err
	}
	p, err := s.loadProject(ctx, tx, actor, e.ProjectID, action, forUpdate)
	if err != nil {
		return Evidence{}, Project{}, asMissing(err, "evidence")
	}
	if forUpdate { // read again under the project's lock
		e, err = tx.Evidence().Get(ctx, id)
	}
	return e, p, err
}

// GetEvidence returns evidence of a project the actor may see.
func (s *Projects) GetEvidence(ctx context.Context, actor *Actor, id uuid.UUID) (Evidence, error) {
	e, p, err := s.loadEvidence(ctx, s.store, actor, id, ReadProject, false)
	if err != nil {
		return Evidence{}, err
	}
	offerEvidence(actor, p, &e)
	return e, nil
}

// ListEvidence returns a page of a milestone's evidence, oldest first.
func (s *Projects) ListEvidence(ctx context.Context, actor *Actor, milestoneID uuid.UUID, page PageRequest) (Page[Evidence], error) {
	_, p, err := s.loadMilestone(ctx, actor, milestoneID)
	if err != nil {
		return Page[Evidence]{}, err
	}
	list, err := s.store.Evidence().List(ctx, milestoneID, page)
	for i := range list.Items {
		offerEvidence(actor, p, &list.Items[i])
	}
	return list, err
}

// OpenEvidenceFile returns evidence with its file for reading.
func (s *Projects) OpenEvidenceFile(ctx context.Context, actor *Actor, id uuid.UUID) (Evidence, io.ReadSeekCloser, error) {
	e, err := s.GetEvidence(ctx, actor, id)
	if err != nil {
		return Evidence{}, nil, err
	}
	if e.File == nil {
		return Evidence{}, nil, Conflict(CodeEvidenceIsLink)
	}
	f, err := s.blobs.Open(ctx, e.File.BlobKey)
	return e, f, err
}

// changeEvidence runs fn on evidence of a locked project, and stores the
// evidence and the events fn returns.
func (s *Projects) changeEvidence(ctx context.Context, actor *Actor, id uuid.UUID, action Action, fn func(tx Store, p Project, e *Evidence) ([]Event, error)) (Evidence, error) {
	var e Evidence
	err := s.store.WithinTx(ctx, func(tx Store) error {
		var p Project
		var err error
		if e, p, err = s.loadEvidence(ctx, tx, actor, id, action, true); err != nil {
			return err
		}
		events, err := fn(tx, p, &e)
		if err != nil {
			return err
		}
		e.Version++
		if err := tx.Evidence().Update(ctx, e); err != nil {
			return err
		}
		offerEvidence(actor, p, &e)
		return tx.Events().Append(ctx, events...)
	})
	return e, err
}

// WithdrawEvidence takes back evidence nobody has reviewed yet.
func (s *Projects) WithdrawEvidence(ctx context.Context, actor *Actor, id uuid.UUID) (Evidence, error) {
	return s.changeEvidence(ctx, actor, id, EditProject, func(tx Store, p Project, e *Evidence) ([]Event, error) {
		if err := p.checkHorizonOpen(e.Horizon); err != nil {
			return nil, err
		}
		if err := e.withdraw(); err != nil {
			return nil, err
		}
		return []Event{evidenceEvent(actor, s, p, *e, "evidence.withdrawn")}, nil
	})
}

// ReviewEvidence records the mentor's verdict on evidence.
func (s *Projects) ReviewEvidence(ctx context.Context, actor *Actor, id uuid.UUID, decision EvidenceDecision, comment string) (Evidence, error) {
	return s.changeEvidence(ctx, actor, id, ReviewEvidence, func(tx Store, p Project, e *Evidence) ([]Event, error) {
		now := s.now()
		comment = strings.TrimSpace(comment)
		if err := e.review(decision, comment, now); err != nil {
			return nil, err
		}
		review := Review{ID: NewID(), ProjectID: p.ID, TargetType: "evidence", TargetID: e.ID, ReviewerID: actor.UserID,
			ReviewerRole: RoleMentor, Decision: string(decision), Comment: comment, At: now}
		if err := tx.Reviews().Create(ctx, review); err != nil {
			return nil, err
		}
		action := "evidence.approved"
		if decision == EvidenceReject {
			action = "evidence.rejected"
		}
		ev := evidenceEvent(actor, s, p, *e, action)
		ev.After, ev.Details.Comment = review, comment
		return []Event{ev}, s.notifyParticipant(ctx, tx, actor, p, func(reviewer string) letterText {
			return evidenceReviewedLetter(reviewer, p.Title, e.Title, decision, comment)
		})
	})
}
