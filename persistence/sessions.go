package persistence

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// SessionStore implements domain.SessionStore.
type SessionStore struct{ db bun.IDB }

var _ domain.SessionStore = (*SessionStore)(nil)

// Create stores a new session by the hash of its token.
func (s *SessionStore) Create(ctx context.Context, tokenHash []byte, user uuid.UUID, expiresAt time.Time) error {
	_, err := s.db.NewRaw(`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)`, tokenHash, user, expiresAt).Exec(ctx)
	return dbError(err)
}

// Actor loads the user of a live session, their agency and every role they hold, in one
// round trip: every authenticated request pays for it.
func (s *SessionStore) Actor(ctx context.Context, tokenHash []byte, now time.Time) (domain.Actor, error) {
	var row struct {
		UserID              uuid.UUID
		PlatformAdmin       bool
		Roles, Institutions string
		AgencyID            *uuid.UUID
	}
	err := preparedRow(ctx, s.db, sessionActorSQL, []any{tokenHash, now}, &row.UserID, &row.PlatformAdmin, &row.Roles, &row.Institutions, &row.AgencyID)
	if err != nil {
		if err := notFound(err, "session"); domain.KindOf(err) != domain.KindNotFound {
			return domain.Actor{}, err
		}
		return domain.Actor{}, domain.Fail(domain.KindUnauthenticated, domain.CodeTokenInvalid)
	}
	actor := domain.Actor{UserID: row.UserID, PlatformAdmin: row.PlatformAdmin, AgencyID: row.AgencyID}
	for _, r := range commaList(row.Roles) {
		cohort, role, _ := strings.Cut(r, " ")
		actor.Roles = append(actor.Roles, domain.CohortRole{CohortID: uuid.MustParse(cohort), Role: domain.Role(role)})
	}
	for _, id := range commaList(row.Institutions) {
		actor.Institutions = append(actor.Institutions, uuid.MustParse(id))
	}
	return actor, nil
}

// commaList splits what array_to_string joined; "" is no element.
func commaList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// sessionActorSQL finds a live session's user with their roles; an
// organizer of a cohort's partner institution holds RolePartner in it. Every
// authenticated request runs it, so it is sent with parameters and its plan
// is kept (see preparedRow).
const sessionActorSQL = `
	SELECT u.id, u.platform_admin,
	  array_to_string(ARRAY(SELECT cohort_id::text || ' ' || role FROM cohort_staff WHERE user_id = u.id
	        UNION SELECT cohort_id::text || ' participant' FROM enrollments WHERE participant_id = u.id
	        UNION SELECT cohort_id::text || ' mentor' FROM enrollments WHERE mentor_id = u.id
	        UNION SELECT c.id::text || ' partner' FROM cohorts c JOIN institution_organizers o ON o.institution_id = c.partner_institution_id
	              WHERE o.user_id = u.id), ',') AS roles,
	  array_to_string(ARRAY(SELECT institution_id::text FROM institution_organizers WHERE user_id = u.id), ',') AS institutions,
	  u.agency_id
	FROM sessions s JOIN users u ON u.id = s.user_id
	WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`

// Revoke ends a session.
func (s *SessionStore) Revoke(ctx context.Context, tokenHash []byte, now time.Time) error {
	_, err := s.db.NewRaw(`UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL`, now, tokenHash).Exec(ctx)
	return dbError(err)
}

// RevokeAll ends every live session of a user.
func (s *SessionStore) RevokeAll(ctx context.Context, user uuid.UUID, now time.Time) error {
	_, err := s.db.NewRaw(`UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?`, now, user, now).Exec(ctx)
	return dbError(err)
}

// LoginFailureStore implements domain.LoginFailureStore.
type LoginFailureStore struct{ db bun.IDB }

var _ domain.LoginFailureStore = (*LoginFailureStore)(nil)

// Reserve counts one attempt for email and from clientAddress as a
// failure, unless limit failures since since already count against either:
// then it returns id 0 and the oldest of them. Concurrent attempts for the
// same e-mail or address take turns (a transaction-scoped advisory lock on
// each, taken in one order), so a burst never gets past the limit.
func (s *LoginFailureStore) Reserve(ctx context.Context, email, clientAddress string, now, since time.Time, limit int) (int64, time.Time, error) {
	var id int64
	var oldest time.Time
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if _, err := tx.NewRaw(`SELECT pg_advisory_xact_lock(k) FROM unnest(ARRAY[
			hashtextextended('login-email:' || lower(?), 0), hashtextextended('login-address:' || ?, 0)]) AS k ORDER BY k`,
			email, clientAddress).Exec(ctx); err != nil {
			return err
		}
		var row struct {
			ByEmail   int       `bun:"by_email"`
			ByAddress int       `bun:"by_address"`
			Oldest    time.Time `bun:"oldest"`
		}
		if err := tx.NewRaw(`
			SELECT count(*) FILTER (WHERE email = ?0) AS by_email,
			       count(*) FILTER (WHERE client_address = ?1) AS by_address,
			       coalesce(min(failed_at), ?2) AS oldest
			FROM login_failures
			WHERE (email = ?0 OR client_address = ?1) AND failed_at > ?2`, email, clientAddress, since).Scan(ctx, &row); err != nil {
			return err
		}
		if row.ByEmail >= limit || row.ByAddress >= limit {
			oldest = row.Oldest
			return nil
		}
		return tx.NewRaw(`INSERT INTO login_failures (email, client_address, failed_at) VALUES (?, ?, ?) RETURNING id`,
			email, clientAddress, now).Scan(ctx, &id)
	})
	return id, oldest, dbError(err)
}

// Forget takes back one attempt that Reserve counted.
func (s *LoginFailureStore) Forget(ctx context.Context, id int64) error {
	_, err := s.db.NewRaw(`DELETE FROM login_failures WHERE id = ?`, id).Exec(ctx)
	return dbError(err)
}

// Clear forgets the failures of an e-mail after a successful sign-in.
func (s *LoginFailureStore) Clear(ctx context.Context, email string) error {
	_, err := s.db.NewRaw(`DELETE FROM login_failures WHERE email = ?`, email).Exec(ctx)
	return dbError(err)
}
