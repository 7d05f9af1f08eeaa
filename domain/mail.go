package domain

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Mail is an e-mail message of Proper to one person, in Bahasa Indonesia:
// a notification of something that waits for them or was decided, or a
// digest of their due milestones. It is queued in the outbox in the
// transaction of the change that causes it, and sent later by a worker.
type Mail struct {
	// ID is the outbox's number of the message, set when it is queued.
	ID          int64
	Kind        string
	RecipientID uuid.UUID
	To          string
	ToName      string
	Subject     string
	Body        string
	// Secret marks a message that holds a one-time secret (an activation
	// code): the outbox erases its body once it is sent or given up.
	Secret bool
	// DedupeKey, when set, makes the message exist once: a second message
	// with the same key is not queued (one digest per person and day).
	DedupeKey string
	// Attempts counts the failed tries to send it so far.
	Attempts  int
	CreatedAt time.Time
}

// The kinds of mail.
const (
	MailReviewWaiting  = "review_waiting"  // something waits for a mentor's or coach's decision
	MailDecision       = "decision"        // a participant's evidence, milestone or design was decided
	MailMentorTransfer = "mentor_transfer" // a mentor transfer was proposed or decided
	MailDigest         = "digest"          // a participant's milestones due soon or overdue
	MailActivation     = "activation"      // a new one-time activation code, for its owner only
)

// OutboxStats count the outbox's messages, for monitoring.
type OutboxStats struct {
	Pending int64 // waiting to be sent (including those waiting for a retry)
	Sent    int64
	Failed  int64 // given up after the last attempt
}

// OutboxStore keeps e-mail waiting to be sent.
type OutboxStore interface {
	// Enqueue queues messages; one whose DedupeKey is taken is skipped.
	Enqueue(ctx context.Context, now time.Time, mails ...Mail) error
	// Next returns the oldest message due at now that no other transaction
	// holds, and locks it until the transaction ends (FOR UPDATE SKIP
	// LOCKED), so that workers of several replicas never take the same
	// message; ok is false when none is due.
	Next(ctx context.Context, now time.Time) (m Mail, ok bool, err error)
	// MarkSent records that a message was sent.
	MarkSent(ctx context.Context, id int64, at time.Time) error
	// Retry records a failed attempt and when to try again.
	Retry(ctx context.Context, id int64, attempts int, next time.Time, lastError string) error
	// GiveUp records the last failed attempt of a message that will not be
	// tried again.
	GiveUp(ctx context.Context, id int64, attempts int, at time.Time, lastError string) error
	// Stats counts the messages by state.
	Stats(ctx context.Context) (OutboxStats, error)
}

// Mailer queues notifications, in the transaction of the change that
// causes them, when e-mail is enabled (an SMTP server is configured).
// Without it nothing is queued: reminders then stay in the app
// (list-reminders), and no outbox grows that nobody drains.
type Mailer struct {
	// Enabled turns the queueing of e-mail on.
	Enabled bool
	// PublicURL is where people open the web app (https://proper.example.go.id);
	// letters then link straight to the page they are about. Empty: they
	// tell people to open Proper.
	PublicURL string
}

// link is the full address of a page of the web app, or "" when the
// installation's address is unknown or the letter has no page.
func (m Mailer) link(page string) string {
	if m.PublicURL == "" || page == "" {
		return ""
	}
	return strings.TrimRight(m.PublicURL, "/") + page
}

// queueLetter writes a letter (letters.go) like template, its kind and
// flags, to each of the users (skipping repeats and nobody) inside tx,
// signed by the organizers of the cohorts it is about.
func (m Mailer) queueLetter(ctx context.Context, tx Store, now time.Time, template Mail, to []uuid.UUID, l letterText, cohorts ...uuid.UUID) error {
	if !m.Enabled {
		return nil
	}
	from, err := sendersOf(ctx, tx, nil, cohorts...)
	if err != nil {
		return err
	}
	template.Subject = rewordFor(from, l.Subject)
	return m.queueMail(ctx, tx, now, template, to, letter(rewordFor(from, l.Text), from, m.link(l.Link)))
}

// queueMail is queue for a message like template (its kind, subject and
// flags), addressed to each of the users.
func (m Mailer) queueMail(ctx context.Context, tx Store, now time.Time, template Mail, to []uuid.UUID, body func(name string) string) error {
	if !m.Enabled {
		return nil
	}
	seen := map[uuid.UUID]bool{}
	var mails []Mail
	for _, id := range to {
		if id == uuid.Nil || seen[id] {
			continue
		}
		seen[id] = true
		u, err := tx.Users().Get(ctx, id)
		if err != nil {
			return err
		}
		mail := template
		mail.RecipientID, mail.To, mail.ToName, mail.Body = u.ID, u.Email, u.Name, body(u.Name)
		mails = append(mails, mail)
	}
	if len(mails) == 0 {
		return nil
	}
	return tx.Outbox().Enqueue(ctx, now, mails...)
}

// RetryPolicy says how often and how long Proper tries to send a message:
// after a failure it waits Base, then twice as long each time, at most
// Cap, and gives up after MaxAttempts attempts.
type RetryPolicy struct {
	Base        time.Duration
	Cap         time.Duration
	MaxAttempts int
}

// DefaultRetryPolicy tries for about a day and a half: 1 min, 2, 4, ...,
// then every 6 hours, 12 attempts in all.
var DefaultRetryPolicy = RetryPolicy{Base: time.Minute, Cap: 6 * time.Hour, MaxAttempts: 12}

// Delay is how long to wait after the given number of failed attempts.
func (p RetryPolicy) Delay(attempts int) time.Duration {
	d := p.Base
	for i := 1; i < attempts && d < p.Cap; i++ {
		d *= 2
	}
	return min(d, p.Cap)
}

// Sender hands one message to a mail server.
type Sender interface {
	Send(ctx context.Context, m Mail) error
}

// PermanentError marks a sending failure that retrying cannot cure (the
// server refused the address for good): the message is given up at once.
type PermanentError struct{ Err error }

// Error returns the cause's text.
func (e *PermanentError) Error() string { return e.Err.Error() }

// Unwrap returns the cause.
func (e *PermanentError) Unwrap() error { return e.Err }

// Delivery is what became of one message the outbox tried to send.
type Delivery struct {
	Mail Mail
	// Err is the sending failure, nil when the message was sent.
	Err error
	// GaveUp is true when the message will not be tried again.
	GaveUp bool
}

// Outbox delivers queued e-mail. Any number of replicas may run it at once:
// each message is taken by one transaction at a time (see OutboxStore.Next)
// and marked sent in that same transaction, so two workers never send the
// same message. The one case where a message goes out twice is a crash (or
// a lost database connection) after the mail server accepted it and before
// the transaction committed: the message is then still unsent in the
// outbox and is sent again. Delivery is therefore exactly once while
// Proper and its database keep running, and at least once across crashes;
// every message carries a Message-ID derived from its outbox number, so a
// mail client can recognise the repeat.
type Outbox struct {
	store Store
	now   func() time.Time
	// Retry says when failed messages are tried again.
	Retry RetryPolicy
}

// NewOutbox returns the delivery service of the outbox.
func NewOutbox(store Store, now func() time.Time) *Outbox {
	return &Outbox{store: store, now: now, Retry: DefaultRetryPolicy}
}

// DeliverNext sends the oldest due message with sender, in one transaction
// that takes it, sends it and records the outcome. It returns nil when no
// message is due.
func (o *Outbox) DeliverNext(ctx context.Context, sender Sender) (*Delivery, error) {
	var d *Delivery
	err := o.store.WithinTx(ctx, func(tx Store) error {
		d = nil
		m, ok, err := tx.Outbox().Next(ctx, o.now())
		if err != nil || !ok {
			return err
		}
		d = &Delivery{Mail: m}
		if d.Err = sender.Send(ctx, m); d.Err == nil {
			return tx.Outbox().MarkSent(ctx, m.ID, o.now())
		}
		attempts := m.Attempts + 1
		var permanent *PermanentError
		if errors.As(d.Err, &permanent) || attempts >= o.Retry.MaxAttempts {
			d.GaveUp = true
			return tx.Outbox().GiveUp(ctx, m.ID, attempts, o.now(), d.Err.Error())
		}
		return tx.Outbox().Retry(ctx, m.ID, attempts, o.now().Add(o.Retry.Delay(attempts)), d.Err.Error())
	})
	return d, err
}

// Drain sends every due message, one transaction each, calling report
// (when not nil) with what became of each, until none is due or ctx ends.
func (o *Outbox) Drain(ctx context.Context, sender Sender, report func(Delivery)) error {
	for ctx.Err() == nil {
		d, err := o.DeliverNext(ctx, sender)
		if err != nil || d == nil {
			return err
		}
		if report != nil {
			report(*d)
		}
	}
	return ctx.Err()
}

// Stats counts the outbox's messages by state.
func (o *Outbox) Stats(ctx context.Context) (OutboxStats, error) {
	return o.store.Outbox().Stats(ctx)
}
