package persistence

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
)

// PoolOptions size the connection pool of one Proper process.
type PoolOptions struct {
	// MaxOpen caps the connections this process holds; with several replicas
	// their sum must stay under the server's max_connections.
	MaxOpen int
	// ConnectTimeout bounds how long a new connection may take, so that
	// requests fail fast while the database is down instead of hanging.
	ConnectTimeout time.Duration
	// Tracer, when set, sees every statement sent (Bun's and the prepared
	// ones alike), for instrumentation and tests.
	Tracer pgx.QueryTracer
}

// DefaultPoolOptions hold four connections per core this process may use
// (GOMAXPROCS, which follows a container's CPU limit).
// PostgreSQL answers most with about twice as many busy connections as it
// has cores; more only contend inside it. On the 2-core bench machine 8
// connections answered get-project at 50 concurrent requests a third more
// often, and with a lower p99, than 40 (docs/BENCHMARKS.md). A database
// server much larger than the application's, shared by few replicas, takes
// more (proper serve --db-max-connections).
var DefaultPoolOptions = PoolOptions{MaxOpen: 4 * runtime.GOMAXPROCS(0), ConnectTimeout: 5 * time.Second}

// Open connects to the PostgreSQL server at url through pgx's database/sql
// driver and wraps the pool in Bun. It does not wait for the server: the
// pool connects on first use, so a process can start while the database is
// still coming up, and /readyz tells when it is reachable.
func Open(url string, opts PoolOptions) (*bun.DB, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("database URL: %w", err)
	}
	if cfg.ConnectTimeout == 0 || cfg.ConnectTimeout > opts.ConnectTimeout {
		cfg.ConnectTimeout = opts.ConnectTimeout
	}
	if cfg.RuntimeParams == nil {
		cfg.RuntimeParams = map[string]string{}
	}
	// Bun writes the arguments into the SQL text, so every statement is new
	// to the server: preparing it first (pgx's default) would cost a second
	// round trip and fill the statement cache with one-off texts.
	cfg.DefaultQueryExecMode = pgx.QueryExecModeSimpleProtocol
	cfg.Tracer = opts.Tracer
	cfg.RuntimeParams["application_name"] = "proper"
	cfg.RuntimeParams["timezone"] = "UTC"
	sqldb := stdlib.OpenDB(*cfg)
	sqldb.SetMaxOpenConns(opts.MaxOpen)
	sqldb.SetMaxIdleConns(opts.MaxOpen)
	sqldb.SetConnMaxIdleTime(5 * time.Minute)
	sqldb.SetConnMaxLifetime(time.Hour)
	return bun.NewDB(sqldb, pgdialect.New()), nil
}

// sqlHandle is what *sql.DB, *sql.Tx and *sql.Conn share.
type sqlHandle interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// handleOf returns the database/sql handle under a Bun one, to send SQL
// that Bun does not format.
func handleOf(db bun.IDB) sqlHandle {
	switch db := db.(type) {
	case *bun.DB:
		return db.DB
	case bun.Tx:
		return db.Tx
	case bun.Conn:
		return db.Conn
	}
	panic(fmt.Sprintf("handleOf: unexpected %T", db))
}

// preparedRows runs a hot query written with $n parameters as a cached
// prepared statement, so that each connection plans it once. Bun writes
// the arguments into the SQL text instead (see Open), which suits most
// queries but has PostgreSQL parse and plan them on every call.
func preparedRows(ctx context.Context, db bun.IDB, query string, args ...any) (*sql.Rows, error) {
	return handleOf(db).QueryContext(ctx, query, preparedArgs(args)...)
}

// preparedExec runs a hot statement without results like preparedRows.
func preparedExec(ctx context.Context, db bun.IDB, query string, args ...any) error {
	_, err := handleOf(db).ExecContext(ctx, query, preparedArgs(args)...)
	return err
}

// preparedArgs asks pgx to prepare the statement once per connection and
// hands it uuids as their 16 bytes: as a driver.Valuer a uuid.UUID would be
// turned into text and parsed back for every parameter (6 % of the CPU of
// create-milestone's server and client).
func preparedArgs(args []any) []any {
	out := make([]any, 0, len(args)+1)
	out = append(out, pgx.QueryExecModeCacheStatement)
	for _, a := range args {
		switch v := a.(type) {
		case uuid.UUID:
			a = [16]byte(v)
		case *uuid.UUID:
			a = nil
			if v != nil {
				a = [16]byte(*v)
			}
		}
		out = append(out, a)
	}
	return out
}

// preparedScan runs a hot query like preparedRows and scans its rows into
// dest as Bun scans a model: a struct takes the first row (sql.ErrNoRows
// without one), a slice all of them.
func preparedScan(ctx context.Context, db bun.IDB, query string, dest any, args ...any) error {
	rows, err := preparedRows(ctx, db, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	return db.NewSelect().DB().ScanRows(ctx, rows, dest)
}

// formatted renders a Bun query built without a connection into SQL text,
// for preparedScan: Bun leaves $n placeholders as they are.
func formatted(build func(db *bun.DB) *bun.SelectQuery) string {
	return build(bun.NewDB(nil, pgdialect.New())).String()
}

// preparedRow runs a hot query like preparedRows and scans the first row's
// columns into dest, as sql.Row does (sql.ErrNoRows without one).
func preparedRow(ctx context.Context, db bun.IDB, query string, args []any, dest ...any) error {
	rows, err := preparedRows(ctx, db, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	return rows.Close()
}
