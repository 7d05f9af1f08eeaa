package domain

import (
	"context"

	"github.com/google/uuid"
)

// userName returns the name of a user, for the text of a notification.
func userName(ctx context.Context, tx Store, id uuid.UUID) (string, error) {
	u, err := tx.Users().Get(ctx, id)
	return u.Name, err
}

// notifyDesignReviewers tells the mentor and the coach of p at once that its
// design waits for their approval: nothing of the project can start before
// it. Evidence and milestone claims, which come in numbers, reach reviewers
// in the daily digest instead (FollowUps.QueueDigests).
func (s *Projects) notifyDesignReviewers(ctx context.Context, tx Store, p Project) error {
	if !s.Mail.Enabled {
		return nil
	}
	participant, err := userName(ctx, tx, p.Parties.ParticipantID)
	if err != nil {
		return err
	}
	to := []uuid.UUID{p.Parties.MentorID}
	if p.Parties.CoachID != nil {
		to = append(to, *p.Parties.CoachID)
	}
	l := designSubmittedLetter(participant, p.Title)
	l.Link = designReviewPage(p.ID)
	return s.Mail.queueLetter(ctx, tx, s.now(), Mail{Kind: MailReviewWaiting}, to, l, p.CohortID)
}

// notifyParticipant tells the participant of p that a reviewer decided, in
// the letter word writes for the reviewer's name.
func (s *Projects) notifyParticipant(ctx context.Context, tx Store, actor *Actor, p Project, word func(reviewer string) letterText) error {
	if !s.Mail.Enabled {
		return nil
	}
	reviewer, err := userName(ctx, tx, actor.UserID)
	if err != nil {
		return err
	}
	l := word(reviewer)
	l.Link = projectPage(p.ID)
	return s.Mail.queueLetter(ctx, tx, s.now(), Mail{Kind: MailDecision}, []uuid.UUID{p.Parties.ParticipantID}, l, p.CohortID)
}
