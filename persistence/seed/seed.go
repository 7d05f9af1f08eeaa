// Package seed generates a realistic national dataset for load tests and
// benchmarks, loaded straight into Proper's tables with PostgreSQL's COPY.
// It is no part of the product: the command's seed subcommand, the
// benchmark and the database tests that need volume use it.
package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// Options size a generated national dataset.
type Options struct {
	// Projects is how many participants (and projects) to create.
	Projects int
	// FirstCohortSize, when set, makes the first cohort this large (the
	// others have 20–60 participants), to measure a big cohort's queries.
	FirstCohortSize int
	// Published is the share of projects (0 to 1) put on the showcase; a
	// project chosen whose design is not approved yet is implementing
	// instead. About one publication in ten gets studi tiru records.
	Published float64
	// Now places due dates and timestamps around it.
	Now time.Time
	// Progress, when set, is told what is being loaded.
	Progress func(table string, rows int)
}

// Load fills the database with a realistic dataset for load tests, through
// PostgreSQL's COPY: institutions, cohorts of 20–60 participants, agencies,
// participants and their mentors, coaches, enrollments, projects in every
// status, five milestones each across the horizons with due dates around
// now, about twenty evidence links per project in every review state, and
// the mentors' and coaches' approvals of designs, the audit events of the
// enrollments, and the publications of the given share of projects on the
// showcase, some with studi tiru. Designs are written in Bahasa Indonesia
// from varied parts (see seedDesign). It is deterministic for a given
// size, and meant for an empty database (it adds, it does not replace).
// Seeded people have no password.
func Load(ctx context.Context, db *bun.DB, opts Options) error {
	conn, err := db.DB.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(driverConn any) error {
		pg := driverConn.(*stdlib.Conn).Conn()
		return pgx.BeginFunc(ctx, pg, func(tx pgx.Tx) error {
			s := &seeder{ctx: ctx, pg: tx, opts: opts, rnd: rand.New(rand.NewPCG(uint64(opts.Projects), 2026))}
			rebuild, err := s.prepareBulkLoad()
			if err != nil {
				return err
			}
			if err := s.run(); err != nil {
				return err
			}
			// Each cohort copies LAN's template of its program (migration
			// 0011), so that a seeded PKA or PKP cohort says Aksi Perubahan.
			if _, err := tx.Exec(ctx, copyLANTemplatesSQL); err != nil {
				return err
			}
			return rebuild()
		})
	})
}

// copyLANTemplatesSQL gives the seeded cohorts their copy of LAN's template
// of their program, as create-cohort does.
const copyLANTemplatesSQL = `UPDATE cohorts c SET template_id = t.id, terms = t.terms, thresholds = t.thresholds,
	graduation = t.graduation, examiners_required = t.examiners_required, show_examiner_scores = t.show_examiner_scores,
	appeal_working_days = t.appeal_working_days, report_lead_working_days = t.report_lead_working_days,
	response_deadline_days = t.mentor_response_days
	FROM program_templates t WHERE t.institution_id IS NULL AND t.program = c.program AND c.template_id IS NULL`

// seededTables are the tables the seed loads, parents first.
var seededTables = []string{"institutions", "agencies", "agency_units", "users", "cohorts", "cohort_staff", "enrollments", "projects", "milestones", "evidence",
	"events", "reviews", "publications", "replications", "showcase_words"}

// prepareBulkLoad makes loading an empty database fast, the way bulk loads
// into PostgreSQL are done: the seeded tables' secondary indexes (those
// that no constraint needs) are dropped and built again once at the end,
// with more memory — one sort instead of millions of insertions, which
// matters most for the GIN indexes of the full-text search — and, where
// the role may (a superuser, such as that of the private cluster), the
// foreign-key checks are skipped, since the seed writes parents before
// children by construction. It all happens in the seed's transaction, so a
// seed that fails leaves the indexes as they were. On a database that
// already holds projects it changes nothing.
func (s *seeder) prepareBulkLoad() (rebuild func() error, err error) {
	nothing := func() error { return nil }
	var empty bool
	if err := s.pg.QueryRow(s.ctx, `SELECT NOT EXISTS (SELECT 1 FROM projects)`).Scan(&empty); err != nil || !empty {
		return nothing, err
	}
	if _, err := s.pg.Exec(s.ctx, `SAVEPOINT replication_role`); err != nil {
		return nothing, err
	}
	if _, err := s.pg.Exec(s.ctx, `SET LOCAL session_replication_role = replica`); err != nil {
		if _, err := s.pg.Exec(s.ctx, `ROLLBACK TO SAVEPOINT replication_role`); err != nil { // not allowed: keep the checks
			return nothing, err
		}
	}
	rows, err := s.pg.Query(s.ctx, `
		SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
		FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
		WHERE t.relname = ANY($1) AND t.relnamespace = current_schema()::regnamespace
		  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
		ORDER BY 1`, seededTables)
	if err != nil {
		return nothing, err
	}
	names, definitions, err := scanPairs(rows)
	if err != nil {
		return nothing, err
	}
	for _, name := range names {
		if _, err := s.pg.Exec(s.ctx, "DROP INDEX "+name); err != nil {
			return nothing, fmt.Errorf("drop index %s: %w", name, err)
		}
	}
	return func() error {
		if _, err := s.pg.Exec(s.ctx, `SET LOCAL maintenance_work_mem = '512MB'`); err != nil {
			return err
		}
		for i, definition := range definitions {
			if _, err := s.pg.Exec(s.ctx, definition); err != nil {
				return fmt.Errorf("rebuild index %s: %w", names[i], err)
			}
			if s.opts.Progress != nil {
				s.opts.Progress("index "+names[i], 0)
			}
		}
		return nil
	}, nil
}

// scanPairs reads rows of two texts.
func scanPairs(rows pgx.Rows) (first, second []string, err error) {
	defer rows.Close()
	for rows.Next() {
		var a, b string
		if err := rows.Scan(&a, &b); err != nil {
			return nil, nil, err
		}
		first, second = append(first, a), append(second, b)
	}
	return first, second, rows.Err()
}

type seeder struct {
	ctx  context.Context
	pg   pgx.Tx
	opts Options
	rnd  *rand.Rand
}

// copy loads rows into table's columns with COPY.
func (s *seeder) copy(table string, columns []string, rows [][]any) error {
	// pgx encodes a uuid.UUID through its driver.Valuer — as text, to be
	// parsed again, after a failed plan that costs an error each — but a
	// [16]byte directly: that halves the seed's own CPU.
	for _, row := range rows {
		for i, v := range row {
			switch id := v.(type) {
			case uuid.UUID:
				row[i] = [16]byte(id)
			case *uuid.UUID:
				row[i] = nil
				if id != nil {
					row[i] = [16]byte(*id)
				}
			}
		}
	}
	n, err := s.pg.CopyFrom(s.ctx, pgx.Identifier{table}, columns, pgx.CopyFromRows(rows))
	if err != nil {
		return fmt.Errorf("copy %s: %w", table, err)
	}
	if s.opts.Progress != nil {
		s.opts.Progress(table, int(n))
	}
	return nil
}

var (
	seedStatuses  = []string{"draft", "design_submitted", "design_approved", "implementing", "implementing", "implementing", "final_submitted", "completed"}
	seedEvidence  = []string{"submitted", "approved", "approved", "approved", "rejected", "withdrawn"}
	seedMilestone = []string{"planned", "in_progress", "awaiting_verification", "achieved", "achieved"}
	seedHorizons  = []string{"short", "short", "short", "mid", "long"}
	// Most cohorts are PKN II and PKA, as in the trainings of the provinces.
	seedPrograms     = []string{"pkn1", "pkn2", "pkn2", "pkn2", "pka", "pka", "pka", "pkp"}
	seedReplications = []string{"studied", "studied", "adopted"}
)

func (s *seeder) run() error {
	now := s.opts.Now.UTC()
	n := s.opts.Projects
	const perInstitution = 40000

	// Institutions, each with an organizer; agencies.
	institutions := make([]uuid.UUID, n/perInstitution+1)
	var users, instRows, agencyRows, unitRows [][]any
	var staffRows [][]any
	for i := range institutions {
		institutions[i] = domain.NewID()
		instRows = append(instRows, []any{institutions[i], fmt.Sprintf("BPSDM Provinsi %d", i+1), fmt.Sprintf("SEED-%04d", i+1), now})
	}
	agencies := make([]uuid.UUID, 500)
	agencyNames, agencyPlaces := make([]string, len(agencies)), make([]domain.Place, len(agencies))
	agencyRegions := make([]string, len(agencies))
	// Every agency has the same few work units (seedUnits).
	units := make([][]uuid.UUID, len(agencies))
	for i := range agencies {
		agencies[i] = domain.NewID()
		agencyNames[i], agencyPlaces[i] = seedAgency(i)
		agencyRegions[i] = agencyPlaces[i].Region()
		agencyRows = append(agencyRows, []any{agencies[i], agencyNames[i], agencyPlaces[i].Province, agencyPlaces[i].Regency, agencyRegions[i], now})
		for _, name := range seedUnits {
			unit := domain.NewID()
			units[i] = append(units[i], unit)
			unitRows = append(unitRows, []any{unit, agencies[i], name, string(domain.GuessUnitKind(name)), int64(1), now, now})
		}
	}
	user := func(kind string, i int, agency, unit *uuid.UUID) uuid.UUID {
		id := domain.NewID()
		name, email := seedPerson(s.rnd, kind, i)
		users = append(users, []any{id, email, name, domain.SortName(name), agency, unit, int64(1), now, now})
		return id
	}

	// Cohorts of 20–60 participants, each with an organizer and two coaches.
	var cohortRows, enrollmentRows, projectRows, milestoneRows, evidenceRows, eventRows, reviewRows, publicationRows, replicationRows [][]any
	participantNo := 0
	dictionary := map[string]bool{}
	var words []string
	for c := 0; participantNo < n; c++ {
		size := min(20+s.rnd.IntN(41), n-participantNo)
		if c == 0 && s.opts.FirstCohortSize > 0 {
			size = min(s.opts.FirstCohortSize, n)
		}
		cohort := domain.NewID()
		starts := now.AddDate(0, 0, -s.rnd.IntN(720))
		program := seedPrograms[s.rnd.IntN(len(seedPrograms))]
		cohortRows = append(cohortRows, []any{cohort, institutions[c*40/perInstitution%len(institutions)], program,
			fmt.Sprintf("SEED-%06d", c+1), fmt.Sprintf("PKN II Angkatan Seed %d", c+1), starts, starts.AddDate(0, 6, 0), "[]", int64(1), now, now})
		organizer := user("organizer", c, nil, nil)
		coaches := []uuid.UUID{user("coach", 2*c, nil, nil), user("coach", 2*c+1, nil, nil)}
		staffRows = append(staffRows, []any{cohort, organizer, "organizer", now}, []any{cohort, coaches[0], "coach", now}, []any{cohort, coaches[1], "coach", now})
		for range size {
			agencyNo := s.rnd.IntN(len(agencies))
			agency := agencies[agencyNo]
			unitNo := s.rnd.IntN(len(seedUnits))
			participant := user("participant", participantNo, &agency, &units[agencyNo][unitNo])
			mentor := user("mentor", participantNo, &agency, &units[agencyNo][(unitNo+1)%len(seedUnits)])
			enrollment, project := domain.NewID(), domain.NewID()
			coach := coaches[participantNo%2]
			enrollmentRows = append(enrollmentRows, []any{enrollment, cohort, participant, mentor, coach, fmt.Sprintf("Kelompok %d", participantNo%2+1), int64(1), now, now})
			status := seedStatuses[s.rnd.IntN(len(seedStatuses))]
			publish := s.rnd.Float64() < s.opts.Published
			if publish && (status == "draft" || status == "design_submitted") {
				status = "implementing"
			}
			round := 1
			if status == "draft" {
				round = 0
			}
			place := seedPlaces[agencyNo%len(seedPlaces)]
			title, problem, goal, innovation, areas := seedDesign(s.rnd, place)
			projectRows = append(projectRows, []any{project, enrollment, status, title, problem, goal, areas, round, int64(1), now, now})
			if publish {
				publication := domain.NewID()
				at := now.Add(-time.Duration(s.rnd.IntN(365*24)) * time.Hour)
				search := domain.Publication{Title: title, Problem: problem, Innovation: innovation, InnovationAreas: areas,
					AgencyName: agencyNames[agencyNo], Region: agencyRegions[agencyNo], UnitName: seedUnits[unitNo]}.SearchFields()
				publicationRows = append(publicationRows, []any{publication, project, cohort, agency, title, problem, innovation, areas,
					agencyNames[agencyNo], agencyRegions[agencyNo], agencyPlaces[agencyNo].Province, agencyPlaces[agencyNo].Regency,
					units[agencyNo][unitNo], seedUnits[unitNo], program, starts.Year(), participant, at, int64(1), at, at,
					search.Title, search.Body, search.Tags, search.Place})
				words = append(words, domain.ShowcaseWords(dictionary, title, problem, innovation, strings.Join(areas, " "), agencyNames[agencyNo], agencyRegions[agencyNo], seedUnits[unitNo])...)
				if s.rnd.IntN(10) == 0 {
					for k := range 1 + s.rnd.IntN(3) {
						visitor := agencies[(agencyNo+1+k*37)%len(agencies)]
						replicationRows = append(replicationRows, []any{domain.NewID(), publication, visitor, seedReplications[s.rnd.IntN(len(seedReplications))],
							at.AddDate(0, 0, 1+s.rnd.IntN(60)), "Studi tiru", organizer, at})
					}
				}
			}
			eventRows = append(eventRows, []any{now, organizer, "enrollment.created", "enrollment", enrollment, cohort, project})
			if status != "draft" && status != "design_submitted" { // approved by the mentor and the coach
				for _, reviewer := range []struct {
					id   uuid.UUID
					role string
				}{{mentor, "mentor"}, {coach, "coach"}} {
					reviewRows = append(reviewRows, []any{domain.NewID(), project, "design", project, 1, reviewer.id, reviewer.role, "approve", "", now})
				}
			}
			for m, horizon := range seedHorizons {
				milestone := domain.NewID()
				mstatus := "planned"
				if status != "draft" && status != "design_submitted" {
					mstatus = seedMilestone[s.rnd.IntN(len(seedMilestone))]
				}
				due := now.AddDate(0, 0, -60+m*30+s.rnd.IntN(60))
				milestoneRows = append(milestoneRows, []any{milestone, project, horizon, fmt.Sprintf("Milestone %d", m+1), due, m, "[]", mstatus, int64(1), now, now})
				if mstatus == "planned" {
					continue
				}
				for e := range 5 {
					evidenceRows = append(evidenceRows, []any{domain.NewID(), milestone, project, fmt.Sprintf("Bukti %d", e+1),
						fmt.Sprintf("https://seed.proper.id/bukti/%d/%d/%d", participantNo, m, e), seedEvidence[s.rnd.IntN(len(seedEvidence))],
						participant, now.Add(-time.Duration(s.rnd.IntN(90*24)) * time.Hour), int64(1)})
				}
			}
			participantNo++
		}
		if len(evidenceRows) > 200000 { // bound the memory of a large run
			if err := s.flush(&users, &enrollmentRows, &projectRows, &milestoneRows, &evidenceRows, &eventRows, &reviewRows, &cohortRows, &staffRows,
				&publicationRows, &replicationRows, instRows, agencyRows, unitRows); err != nil {
				return err
			}
			instRows, agencyRows, unitRows = nil, nil, nil
		}
	}
	if err := s.flush(&users, &enrollmentRows, &projectRows, &milestoneRows, &evidenceRows, &eventRows, &reviewRows, &cohortRows, &staffRows,
		&publicationRows, &replicationRows, instRows, agencyRows, unitRows); err != nil {
		return err
	}
	if _, err := s.pg.Exec(s.ctx, `INSERT INTO showcase_words (word) SELECT unnest($1::text[]) ORDER BY 1 ON CONFLICT DO NOTHING`, words); err != nil {
		return fmt.Errorf("showcase words: %w", err)
	}
	if s.opts.Progress != nil {
		s.opts.Progress("showcase_words", len(words))
	}
	return nil
}

// flush writes the rows gathered so far, parents before children, and
// empties the buffers.
func (s *seeder) flush(users, enrollments, projects, milestones, evidence, events, reviews, cohorts, staff, publications, replications *[][]any,
	institutions, agencies, units [][]any) error {
	steps := []struct {
		table   string
		columns []string
		rows    *[][]any
	}{
		{"institutions", []string{"id", "name", "code", "created_at"}, &institutions},
		{"agencies", []string{"id", "name", "province", "regency", "region", "created_at"}, &agencies},
		{"agency_units", []string{"id", "agency_id", "name", "kind", "version", "created_at", "updated_at"}, &units},
		{"users", []string{"id", "email", "name", "sort_name", "agency_id", "unit_id", "version", "created_at", "updated_at"}, users},
		{"cohorts", []string{"id", "institution_id", "program", "code", "name", "starts_on", "ends_on", "phases", "version", "created_at", "updated_at"}, cohorts},
		{"cohort_staff", []string{"cohort_id", "user_id", "role", "created_at"}, staff},
		{"enrollments", []string{"id", "cohort_id", "participant_id", "mentor_id", "coach_id", "group_name", "version", "created_at", "updated_at"}, enrollments},
		{"projects", []string{"id", "enrollment_id", "status", "title", "problem", "goal", "innovation_areas", "design_round", "version", "created_at", "updated_at"}, projects},
		{"milestones", []string{"id", "project_id", "horizon", "title", "due_on", "position", "activities", "status", "version", "created_at", "updated_at"}, milestones},
		{"evidence", []string{"id", "milestone_id", "project_id", "title", "url", "status", "submitted_by", "submitted_at", "version"}, evidence},
		{"events", []string{"at", "actor_id", "action", "target_type", "target_id", "cohort_id", "project_id"}, events},
		{"reviews", []string{"id", "project_id", "target_type", "target_id", "round", "reviewer_id", "reviewer_role", "decision", "comment", "created_at"}, reviews},
		{"publications", []string{"id", "project_id", "cohort_id", "agency_id", "title", "problem", "innovation", "innovation_areas", "agency_name", "region",
			"province", "regency", "unit_id", "unit_name", "program", "year", "published_by", "published_at", "version", "created_at", "updated_at",
			"search_title", "search_body", "search_tags", "search_place"}, publications},
		{"replications", []string{"id", "publication_id", "agency_id", "status", "happened_on", "note", "recorded_by", "created_at"}, replications},
	}
	for _, step := range steps {
		if len(*step.rows) == 0 {
			continue
		}
		if err := s.copy(step.table, step.columns, *step.rows); err != nil {
			return err
		}
		*step.rows = (*step.rows)[:0]
	}
	return nil
}
