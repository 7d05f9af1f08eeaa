package persistence

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// OutboxStore implements domain.OutboxStore on the outbox table.
type OutboxStore struct{ db bun.IDB }

var _ domain.OutboxStore = (*OutboxStore)(nil)

type outboxRow struct {
	bun.BaseModel `bun:"table:outbox,alias:o"`

	ID            int64      `bun:"id,pk,autoincrement"`
	Kind          string     `bun:"kind"`
	RecipientID   *uuid.UUID `bun:"recipient_id,type:uuid"`
	ToAddress     string     `bun:"to_address"`
	ToName        string     `bun:"to_name"`
	Subject       string     `bun:"subject"`
	Body          string     `bun:"body"`
	Secret        bool       `bun:"secret"`
	DedupeKey     *string    `bun:"dedupe_key"`
	CreatedAt     time.Time  `bun:"created_at"`
	Attempts      int        `bun:"attempts"`
	NextAttemptAt time.Time  `bun:"next_attempt_at"`
}

// Enqueue inserts messages, skipping those whose dedupe key is taken.
func (s *OutboxStore) Enqueue(ctx context.Context, now time.Time, mails ...domain.Mail) error {
	if len(mails) == 0 {
		return nil
	}
	rows := make([]outboxRow, len(mails))
	for i, m := range mails {
		rows[i] = outboxRow{Kind: m.Kind, ToAddress: m.To, ToName: m.ToName, Subject: m.Subject, Body: m.Body, Secret: m.Secret, CreatedAt: now, NextAttemptAt: now}
		if m.RecipientID != uuid.Nil {
			id := m.RecipientID
			rows[i].RecipientID = &id
		}
		if m.DedupeKey != "" {
			key := m.DedupeKey
			rows[i].DedupeKey = &key
		}
	}
	_, err := s.db.NewInsert().Model(&rows).ExcludeColumn("id").On("CONFLICT (dedupe_key) DO NOTHING").Exec(ctx)
	return dbError(err)
}

// Next takes the oldest due message that no other transaction holds.
func (s *OutboxStore) Next(ctx context.Context, now time.Time) (domain.Mail, bool, error) {
	var row outboxRow
	err := s.db.NewRaw(`SELECT id, kind, recipient_id, to_address, to_name, subject, body, dedupe_key, created_at, attempts, next_attempt_at
		FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?
		ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`, now).Scan(ctx, &row)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Mail{}, false, nil
	}
	if err != nil {
		return domain.Mail{}, false, dbError(err)
	}
	m := domain.Mail{ID: row.ID, Kind: row.Kind, To: row.ToAddress, ToName: row.ToName, Subject: row.Subject, Body: row.Body,
		Attempts: row.Attempts, CreatedAt: row.CreatedAt.UTC()}
	if row.RecipientID != nil {
		m.RecipientID = *row.RecipientID
	}
	if row.DedupeKey != nil {
		m.DedupeKey = *row.DedupeKey
	}
	return m, true, nil
}

// MarkSent records the sending of a message.
func (s *OutboxStore) MarkSent(ctx context.Context, id int64, at time.Time) error {
	_, err := s.db.NewRaw(`UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = '', body = CASE WHEN secret THEN '' ELSE body END WHERE id = ?`, at, id).Exec(ctx)
	return dbError(err)
}

// Retry records a failed attempt and when to try again.
func (s *OutboxStore) Retry(ctx context.Context, id int64, attempts int, next time.Time, lastError string) error {
	_, err := s.db.NewRaw(`UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?`, attempts, next, truncate(lastError, 1000), id).Exec(ctx)
	return dbError(err)
}

// GiveUp records the last failed attempt of a message.
func (s *OutboxStore) GiveUp(ctx context.Context, id int64, attempts int, at time.Time, lastError string) error {
	_, err := s.db.NewRaw(`UPDATE outbox SET attempts = ?, failed_at = ?, last_error = ?, body = CASE WHEN secret THEN '' ELSE body END WHERE id = ?`, attempts, at, truncate(lastError, 1000), id).Exec(ctx)
	return dbError(err)
}

// Stats counts the outbox's messages by state, in one pass.
func (s *OutboxStore) Stats(ctx context.Context) (domain.OutboxStats, error) {
	var st domain.OutboxStats
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL),
		count(*) FILTER (WHERE sent_at IS NOT NULL), count(*) FILTER (WHERE failed_at IS NOT NULL) FROM outbox`).Scan(&st.Pending, &st.Sent, &st.Failed)
	return st, dbError(err)
}

// truncate shortens s to at most n bytes on a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
