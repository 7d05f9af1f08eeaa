package domain

// Page sizes of lists.
const (
	DefaultPageSize = 50
	MaxPageSize     = 200
)

// PageRequest asks for one page of a list: at most Limit items after the
// position Cursor names (an opaque string from the previous page).
type PageRequest struct {
	Limit  int
	Cursor string
}

// Size returns the number of items to return: Limit within 1..MaxPageSize,
// DefaultPageSize when unset.
func (p PageRequest) Size() int {
	switch {
	case p.Limit <= 0:
		return DefaultPageSize
	case p.Limit > MaxPageSize:
		return MaxPageSize
	}
	return p.Limit
}

// Page is one page of a list; NextCursor is empty on the last page.
type Page[T any] struct {
	Items      []T
	NextCursor string
}

// ErrBadCursor is returned for a cursor that no list of ours produced.
var ErrBadCursor = Invalid("query.cursor", CodeQueryCursor)
