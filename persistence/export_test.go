package persistence

// SetSearchRankLimit lowers the showcase search's rank limit for a test and
// returns the function that restores it.
func SetSearchRankLimit(n int) (restore func()) {
	old := searchRankLimit
	searchRankLimit = n
	return func() { searchRankLimit = old }
}
