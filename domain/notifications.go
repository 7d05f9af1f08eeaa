package domain

import (
	"context"

	"github.com/google/uuid"
)

// letter wraps a notification's text in a greeting and a closing, in
// Bahasa Indonesia, for the recipient named name.
func letter(text string) func(name string) string {
	return func(name string) string {
		return "Yth. " + name + ",\n\n" + text + "\n\nSalam,\nProper — pemantauan proyek perubahan\n\n" +
			"Pesan ini dikirim otomatis. Buka Proper untuk menindaklanjutinya; daftar pengingat Anda ada di menu Pengingat."
	}
}

// withComment adds a reviewer's comment to a notification's text.
func withComment(text, comment string) string {
	if comment == "" {
		return text
	}
	return text + "\n\nCatatan: " + comment
}

// userName returns the name of a user, for the text of a notification.
func userName(ctx context.Context, tx Store, id uuid.UUID) (string, error) {
	u, err := tx.Users().Get(ctx, id)
	return u.Name, err
}

// notifyDesignReviewers tells the mentor and the coach of p at once that its
// design waits for their approval: nothing of the project can start before
// it. Evidence and milestone claims, which come in numbers, reach reviewers
// in the daily digest instead (FollowUps.QueueDigests).
func (s *Projects) notifyDesignReviewers(ctx context.Context, tx Store, p Project, subject, what string) error {
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
	text := participant + " " + what + " pada proyek perubahan «" + p.Title + "». Mohon ditinjau: " +
		"yang menunggu melewati batas waktu tanggapan angkatan akan diteruskan ke coach dan penyelenggara."
	return s.Mail.queue(ctx, tx, s.now(), MailReviewWaiting, to, subject, letter(text))
}

// notifyParticipant tells the participant of p that a reviewer decided.
func (s *Projects) notifyParticipant(ctx context.Context, tx Store, actor *Actor, p Project, subject, what, comment string) error {
	if !s.Mail.Enabled {
		return nil
	}
	reviewer, err := userName(ctx, tx, actor.UserID)
	if err != nil {
		return err
	}
	text := withComment(reviewer+" "+what+" pada proyek perubahan «"+p.Title+"».", comment)
	return s.Mail.queue(ctx, tx, s.now(), MailDecision, []uuid.UUID{p.Parties.ParticipantID}, subject, letter(text))
}
