package domain

import (
	"context"

	"github.com/google/uuid"
)

// CheckEvidenceUpload answers, before a resumable upload of an evidence file
// begins, what SubmitEvidence would answer once its bytes have all arrived,
// as far as it can be known without them: that the actor may add evidence to
// the milestone now (the same authorization and state checks as
// StoreEvidenceFile), that the announced size is within the limit (413), and
// that the title and description are valid (422). The file's type is judged
// from its bytes when the upload completes (StoreEvidenceFile), so a
// participant learns of every other refusal before sending a single byte.
func (s *Projects) CheckEvidenceUpload(ctx context.Context, actor *Actor, milestoneID uuid.UUID, size int64, d EvidenceDraft) error {
	m, err := s.store.Milestones().Get(ctx, milestoneID)
	if err != nil {
		return err
	}
	p, err := s.loadProject(ctx, s.store, actor, m.ProjectID, EditProject, false)
	if err != nil {
		return asMissing(err, "milestone")
	}
	if err := checkAcceptsEvidence(p, m); err != nil {
		return err
	}
	if size > s.MaxEvidenceBytes {
		return Fail(KindTooLarge, CodeUploadTooLarge, Params{"max": s.MaxEvidenceBytes >> 20})
	}
	if size <= 0 {
		return Invalid("file", CodeUploadEmpty)
	}
	d.File = &StoredFile{} // stands for the file to come
	_, err = newEvidence(m, d, actor.UserID, s.now())
	return err
}
