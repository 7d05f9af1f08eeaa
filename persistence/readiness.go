package persistence

import (
	"context"
	"errors"

	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// CheckReady reports whether db can serve Proper: it answers, and every
// migration this binary knows is applied. The errors are domain
// KindUnavailable errors whose messages are safe to show.
func CheckReady(ctx context.Context, db *bun.DB) error {
	if err := db.PingContext(ctx); err != nil {
		return &domain.Error{Kind: domain.KindUnavailable, Code: domain.CodeDatabaseUnreachable, Err: err}
	}
	if err := NewMigrator(db).CheckCurrent(ctx); err != nil {
		if errors.Is(err, ErrSchemaBehind) {
			return &domain.Error{Kind: domain.KindUnavailable, Code: domain.CodeSchemaBehind, Err: err}
		}
		return &domain.Error{Kind: domain.KindUnavailable, Code: domain.CodeDatabaseUnreachable, Err: err}
	}
	return nil
}
