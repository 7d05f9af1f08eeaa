package persistence

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrationLockKey identifies Proper's schema changes among PostgreSQL
// advisory locks: every process that migrates takes it first, so replicas
// that start together apply each migration once, one after the other.
const migrationLockKey int64 = 0x70726f706572 // "proper"

// Migration is one numbered schema change with its way back.
type Migration struct {
	Version int
	Name    string
	Up      string
	Down    string
}

// MigrationState is a migration and when it was applied (zero if pending).
type MigrationState struct {
	Migration
	AppliedAt time.Time
}

// Applied reports whether the migration is in the database.
func (s MigrationState) Applied() bool { return !s.AppliedAt.IsZero() }

var migrationName = regexp.MustCompile(`^(\d{4})_([a-z0-9_]+)\.(up|down)\.sql$`)

// Migrations returns the embedded migrations in order. Every migration has
// both an up and a down file; a missing half is a programming error.
func Migrations() []Migration {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		panic(err)
	}
	byVersion := map[int]*Migration{}
	for _, e := range entries {
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil {
			panic("migration file with an unexpected name: " + e.Name())
		}
		version, _ := strconv.Atoi(m[1])
		body, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			panic(err)
		}
		mig := byVersion[version]
		if mig == nil {
			mig = &Migration{Version: version, Name: m[2]}
			byVersion[version] = mig
		}
		if m[3] == "up" {
			mig.Up = string(body)
		} else {
			mig.Down = string(body)
		}
	}
	out := make([]Migration, 0, len(byVersion))
	for _, m := range byVersion {
		if m.Up == "" || m.Down == "" {
			panic(fmt.Sprintf("migration %04d_%s needs both an up and a down file", m.Version, m.Name))
		}
		out = append(out, *m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out
}

// Migrator applies and rolls back the embedded migrations of one database.
type Migrator struct {
	db         *sql.DB
	migrations []Migration
}

// NewMigrator returns a migrator for the database behind db.
func NewMigrator(db *bun.DB) *Migrator {
	return &Migrator{db: db.DB, migrations: Migrations()}
}

// Up applies every pending migration, each in its own transaction, under the
// migration lock. It returns those it applied (none when another process got
// there first).
func (m *Migrator) Up(ctx context.Context) ([]Migration, error) {
	var applied []Migration
	err := m.locked(ctx, func(conn *sql.Conn) error {
		states, err := m.states(ctx, conn)
		if err != nil {
			return err
		}
		for _, s := range states {
			if s.Applied() {
				continue
			}
			if err := inTx(ctx, conn, s.Up, migrationSteps[s.Version],
				`INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, s.Version, s.Name); err != nil {
				return fmt.Errorf("apply migration %04d_%s: %w", s.Version, s.Name, err)
			}
			applied = append(applied, s.Migration)
		}
		return nil
	})
	return applied, err
}

// Down rolls back the newest applied migration and returns it, or nil when
// none is applied.
func (m *Migrator) Down(ctx context.Context) (*Migration, error) {
	var undone *Migration
	err := m.locked(ctx, func(conn *sql.Conn) error {
		states, err := m.states(ctx, conn)
		if err != nil {
			return err
		}
		for i := len(states) - 1; i >= 0; i-- {
			s := states[i]
			if !s.Applied() {
				continue
			}
			if err := inTx(ctx, conn, s.Down, nil, `DELETE FROM schema_migrations WHERE version = $1`, s.Version); err != nil {
				return fmt.Errorf("roll back migration %04d_%s: %w", s.Version, s.Name, err)
			}
			undone = &s.Migration
			return nil
		}
		return nil
	})
	return undone, err
}

// Status lists every known migration and whether it is applied.
func (m *Migrator) Status(ctx context.Context) ([]MigrationState, error) {
	conn, err := m.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	return m.states(ctx, conn)
}

// ErrSchemaBehind means the database lacks migrations this binary needs.
var ErrSchemaBehind = errors.New("database schema is behind this version of Proper: run `proper migrate up`")

// CheckCurrent returns nil when every migration is applied, ErrSchemaBehind
// when some are pending, or the error that kept it from asking.
func (m *Migrator) CheckCurrent(ctx context.Context) error {
	var newest sql.NullInt64
	err := m.db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&newest)
	if isUndefinedTable(err) {
		return ErrSchemaBehind
	}
	if err != nil {
		return err
	}
	if want := m.migrations[len(m.migrations)-1].Version; int(newest.Int64) < want {
		return ErrSchemaBehind
	}
	return nil
}

// locked runs fn on one connection that holds the migration lock. The lock
// belongs to the session, so it is released even if the process dies.
func (m *Migrator) locked(ctx context.Context, fn func(*sql.Conn) error) error {
	conn, err := m.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, migrationLockKey); err != nil {
		return fmt.Errorf("take the migration lock: %w", err)
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, migrationLockKey)
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY,
		name text NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return err
	}
	return fn(conn)
}

// states reads which migrations are applied.
func (m *Migrator) states(ctx context.Context, conn *sql.Conn) ([]MigrationState, error) {
	applied := map[int]time.Time{}
	rows, err := conn.QueryContext(ctx, `SELECT version, applied_at FROM schema_migrations`)
	if err != nil && !isUndefinedTable(err) {
		return nil, err
	}
	if err == nil {
		defer rows.Close()
		for rows.Next() {
			var v int
			var at time.Time
			if err := rows.Scan(&v, &at); err != nil {
				return nil, err
			}
			applied[v] = at
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	states := make([]MigrationState, len(m.migrations))
	for i, mig := range m.migrations {
		states[i] = MigrationState{Migration: mig, AppliedAt: applied[mig.Version]}
	}
	return states, nil
}

// migrationSteps are the parts of migrations that SQL cannot do, by
// version: they run after the migration's script, in its transaction.
var migrationSteps = map[int]func(context.Context, *sql.Tx) error{
	10: fillSortNames,
	22: fillSearchFields,
}

// fillSearchFields stems the texts of every publication for the search
// (domain.Publication.SearchFields).
func fillSearchFields(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, title, problem, innovation, array_to_string(innovation_areas, ' '), agency_name, region, unit_name FROM publications`)
	if err != nil {
		return err
	}
	var ids, titles, bodies, tags, places []string
	for rows.Next() {
		var id, areas string
		var p domain.Publication
		if err := rows.Scan(&id, &p.Title, &p.Problem, &p.Innovation, &areas, &p.AgencyName, &p.Region, &p.UnitName); err != nil {
			rows.Close()
			return err
		}
		p.InnovationAreas = strings.Fields(areas)
		f := p.SearchFields()
		ids, titles, bodies, tags, places = append(ids, id), append(titles, f.Title), append(bodies, f.Body), append(tags, f.Tags), append(places, f.Place)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE publications pub SET search_title = s.title, search_body = s.body, search_tags = s.tags, search_place = s.place
		FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS s (id, title, body, tags, place) WHERE pub.id = s.id`,
		ids, titles, bodies, tags, places)
	return err
}

// fillSortNames sets every account's sort_name by domain.SortName.
func fillSortNames(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, name FROM users`)
	if err != nil {
		return err
	}
	var ids, names []string
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return err
		}
		ids, names = append(ids, id), append(names, domain.SortName(name))
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE users u SET sort_name = s.sort_name
		FROM unnest($1::uuid[], $2::text[]) AS s (id, sort_name) WHERE u.id = s.id`, ids, names)
	return err
}

// inTx runs a migration's SQL, its Go step (when it has one) and its
// bookkeeping statement atomically.
func inTx(ctx context.Context, conn *sql.Conn, script string, step func(context.Context, *sql.Tx) error, record string, args ...any) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, script); err != nil {
		return err
	}
	if step != nil {
		if err := step(ctx, tx); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, record, args...); err != nil {
		return err
	}
	return tx.Commit()
}
