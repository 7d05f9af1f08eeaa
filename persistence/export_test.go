package persistence

// WithSearchRankLimit returns the store with the showcase search ranking at
// most n candidates, so that a test reaches the limit with a small dataset.
func (s *Store) WithSearchRankLimit(n int) *Store {
	out := *s
	out.searchRankLimit = n
	return &out
}
