package persistence

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/proper-id/proper/domain"
)

// SQLSTATE codes Proper reacts to.
const (
	codeUniqueViolation     = "23505"
	codeForeignKeyViolation = "23503"
	codeCheckViolation      = "23514"
	codeUndefinedTable      = "42P01"
)

// uniqueFields names the field and the code for each unique constraint, so
// a duplicate becomes a KindConflict error a client can act on.
var uniqueFields = map[string]domain.FieldError{
	"users_email_key":             {Field: "email", Code: domain.CodeEmailTaken},
	"users_nip_key":               {Field: "nip", Code: domain.CodeNIPTaken},
	"agencies_name_key":           {Field: "name", Code: domain.CodeAgencyNameTaken},
	"agency_units_name_key":       {Field: "name", Code: domain.CodeUnitNameTaken},
	"institutions_code_key":       {Field: "code", Code: domain.CodeInstitutionCodeTaken},
	"cohorts_code_key":            {Field: "code", Code: domain.CodeCohortCodeTaken},
	"enrollments_participant_key": {Field: "participantId", Code: domain.CodeEnrollmentExists},
	"reviews_design_once":         {Field: "decision", Code: domain.CodeDesignAlreadyReviewed},
	"replications_once":           {Field: "agencyId", Code: domain.CodeShowcaseReplicationRecorded},
	// A participant presents each seminar in one session (migration 0017).
	"seminar_session_participants_once": {Field: "enrollmentId", Code: domain.CodeSessionParticipantTaken},
	"appeals_open_once":                 {Field: "seminar", Code: domain.CodeAppealOpenExists},
}

// dbError turns a database failure into a domain error where it has a
// meaning for clients (a duplicate, a missing reference, an unreachable
// database) and leaves it as it is otherwise: an unexpected error that the
// API logs and answers with a plain 500.
func dbError(err error) error {
	if err == nil {
		return nil
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch {
		case pgErr.Code == codeUniqueViolation:
			if f, ok := uniqueFields[pgErr.ConstraintName]; ok {
				de := domain.ConflictOn(f.Field, f.Code)
				de.Err = err
				return de
			}
			return &domain.Error{Kind: domain.KindConflict, Code: domain.CodeExists, Err: err}
		case pgErr.Code == codeForeignKeyViolation:
			return &domain.Error{Kind: domain.KindInvalid, Code: domain.CodeReferenceMissing, Err: err}
		case strings.HasPrefix(pgErr.Code, "08"), strings.HasPrefix(pgErr.Code, "57P"):
			return domain.Unavailable(err) // connection exception, admin shutdown, cannot connect now
		}
		return err
	}
	if unreachable(err) {
		return domain.Unavailable(err)
	}
	return err
}

// unreachable reports whether err means the database could not be reached.
func unreachable(err error) bool {
	var connectErr *pgconn.ConnectError
	var netErr net.Error
	return errors.As(err, &connectErr) || errors.As(err, &netErr) ||
		errors.Is(err, driver.ErrBadConn) || errors.Is(err, sql.ErrConnDone) ||
		errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err)
}

// notFound maps "no rows" to KindNotFound for the named thing.
func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return domain.NotFound(what)
	}
	return dbError(err)
}

func isUndefinedTable(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == codeUndefinedTable
}
