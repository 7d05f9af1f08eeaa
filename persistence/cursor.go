package persistence

import (
	"encoding/base64"
	"encoding/json"

	"github.com/proper-id/proper/domain"
)

// A cursor is the sort key of the last item of a page, as base64url JSON:
// opaque to clients, and enough for a keyset query to continue after it.

func encodeCursor(key ...any) string {
	b, _ := json.Marshal(key)
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor reads a cursor into dst, one pointer per key part. An empty
// cursor leaves dst alone and reports false.
func decodeCursor(cursor string, dst ...any) (bool, error) {
	if cursor == "" {
		return false, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return false, domain.ErrBadCursor
	}
	var parts []json.RawMessage
	if err := json.Unmarshal(b, &parts); err != nil || len(parts) != len(dst) {
		return false, domain.ErrBadCursor
	}
	for i, p := range parts {
		if err := json.Unmarshal(p, dst[i]); err != nil {
			return false, domain.ErrBadCursor
		}
		// Our cursors hold text only; a forged one could hold a NUL, which
		// PostgreSQL refuses.
		if s, ok := dst[i].(*string); ok && domain.CheckText("", *s) != nil {
			return false, domain.ErrBadCursor
		}
	}
	return true, nil
}

// pageOf cuts the rows of a query that asked for one more than the page
// size, and makes the cursor of the next page from the last item kept.
func pageOf[R any, T any](rows []R, size int, toDomain func(R) T, key func(R) []any) domain.Page[T] {
	page := domain.Page[T]{Items: make([]T, 0, min(len(rows), size))}
	for i, r := range rows {
		if i == size {
			page.NextCursor = encodeCursor(key(rows[size-1])...)
			break
		}
		page.Items = append(page.Items, toDomain(r))
	}
	return page
}
