package persistence

import (
	"fmt"
	"strings"

	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/schema"
)

// withValues writes values (the domain's constants) into query once, at
// package init, quoted as Bun quotes the arguments of any query: ?0 is the
// first value. It is for the prepared statements (preparedRows), which must
// see statuses as literals. Each connection plans such a statement once and
// may then keep a generic plan; a generic plan cannot prove that a status
// bound as $n matches a partial index's WHERE status = '…', so it would
// read the whole table instead of the few waiting rows. A query sent
// through Bun binds its statuses as ? arguments instead.
func withValues(query string, values ...any) string {
	out := schema.NewQueryGen(pgdialect.New()).FormatQuery(query, values...)
	if strings.Contains(out, "?") {
		panic(fmt.Sprintf("withValues: a placeholder without a value in %s", out))
	}
	return out
}
