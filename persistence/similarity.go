package persistence

import (
	"context"
	"encoding/json"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// SimilarityStore implements domain.SimilarityStore.
//
// Candidates come three ways, each served by an index and bounded, so the
// check works from two projects to millions:
//   - a verbatim copy: the same problem or goal, whitespace and case aside
//     (expression indexes on the md5 of the normalized text), found
//     whatever the size of the corpus;
//   - an alike title: pg_trgm similarity above its threshold (0.3), on the
//     GIN trigram index of projects.title, at most similarityMatches;
//   - shared key words: projects sharing two neighbouring stemmed words of
//     the title, goal or problem (GIN index on projects.document), at most
//     similarityMatches ranked by ts_rank. A word used by more than one
//     project in twenty (PostgreSQL's own statistics of the column) is no
//     key word once there are commonWordsFrom projects: "pelayanan" says
//     nothing of a copy among a million, but among thirty every shared word
//     is over 5 %, and leaving them all out found nothing (issue 23).
//
// The best similarityCandidates by those ranks are scored by the trigram
// similarity of each field, full text against full text, which is what a
// copied project shows, and listed most alike first.
type SimilarityStore struct{ db bun.IDB }

var _ domain.SimilarityStore = (*SimilarityStore)(nil)

// Bounds of the originality check's work, whatever the number of projects.
const (
	similarityMatches    = 1000 // matches ranked, per way of finding them
	similarityCandidates = 100  // best ranked, then scored by trigrams
	commonWordShare      = 0.05 // words in more projects are not key words…
	commonWordsFrom      = 1000 // …once there are this many projects
)

type similarRow struct {
	ID                uuid.UUID       `bun:"id"`
	Title             string          `bun:"title"`
	AgencyName        string          `bun:"agency_name"`
	CohortName        string          `bun:"cohort_name"`
	Status            string          `bun:"status"`
	Phases            json.RawMessage `bun:"phases"`
	PublicationID     *uuid.UUID      `bun:"publication_id"`
	TitleSimilarity   float64         `bun:"title_similarity"`
	ProblemSimilarity float64         `bun:"problem_similarity"`
	GoalSimilarity    float64         `bun:"goal_similarity"`
	Score             float64         `bun:"score"`
}

// Similar returns a page of the projects most alike the given one.
func (s *SimilarityStore) Similar(ctx context.Context, project uuid.UUID, page domain.PageRequest) (domain.Page[domain.SimilarProject], error) {
	position, positionArgs := "", []any{}
	if page.Cursor != "" {
		var score float64
		var id uuid.UUID
		if _, err := decodeCursor(page.Cursor, &score, &id); err != nil {
			return domain.Page[domain.SimilarProject]{}, err
		}
		position, positionArgs = "AND (r.score < ?6 OR (r.score = ?6 AND r.id > ?7))", []any{score, id}
	}
	var rows []similarRow
	err := s.db.NewRaw(`
		WITH me AS (
		    SELECT p.id, p.title, p.problem, p.goal, p.document,
		           md5(lower(btrim(regexp_replace(p.problem, '\s+', ' ', 'g')))) AS problem_hash,
		           md5(lower(btrim(regexp_replace(p.goal, '\s+', ' ', 'g')))) AS goal_hash
		    FROM projects p WHERE p.id = ?0
		),
		common AS (
		    SELECT x.lexeme FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS x(lexeme, share)
		    WHERE s.schemaname = current_schema() AND s.tablename = 'projects' AND s.attname = 'document' AND x.lexeme IS NOT NULL AND x.share > ?3
		      AND (SELECT c.reltuples FROM pg_class c WHERE c.oid = 'projects'::regclass) >= ?5
		),
		-- The project's key words in the order they come (title, goal,
		-- then problem), and the query "any two neighbours together".
		words AS (
		    SELECT w.lexeme, row_number() OVER (ORDER BY w.positions[1]) AS n
		    FROM me, unnest(me.document) AS w
		    WHERE length(w.lexeme) > 2 AND w.lexeme NOT IN (SELECT lexeme FROM common)
		),
		pairs AS (
		    SELECT string_agg(quote_literal(a.lexeme) || ' & ' || quote_literal(b.lexeme), ' | ')::tsquery AS tsq
		    FROM words a JOIN words b ON b.n = a.n + 1
		    WHERE a.n <= 60
		),
		verbatim AS (
		    SELECT o.id, 3.0::float8 AS rank FROM projects o, me
		    WHERE o.id <> me.id AND ((me.problem <> '' AND md5(lower(btrim(regexp_replace(o.problem, '\s+', ' ', 'g')))) = me.problem_hash)
		       OR (me.goal <> '' AND md5(lower(btrim(regexp_replace(o.goal, '\s+', ' ', 'g')))) = me.goal_hash))
		    LIMIT ?4
		),
		titled AS (
		    SELECT o.id, (1 + similarity(o.title, me.title))::float8 AS rank FROM projects o, me
		    WHERE o.id <> me.id AND me.title <> '' AND o.title % me.title
		    LIMIT ?4
		),
		worded AS (
		    SELECT o.id, ts_rank(o.document, pairs.tsq)::float8 AS rank
		    FROM projects o, pairs, me
		    WHERE pairs.tsq IS NOT NULL AND o.document @@ pairs.tsq AND o.id <> me.id
		    LIMIT ?4
		),
		candidates AS (
		    SELECT id FROM (SELECT * FROM verbatim UNION ALL SELECT * FROM titled UNION ALL SELECT * FROM worded) m
		    GROUP BY id ORDER BY max(rank) DESC, id LIMIT ?1
		),
		scored AS (
		    SELECT o.id, o.title, o.status, e.cohort_id, e.participant_id,
		           similarity(o.title, me.title) AS title_similarity,
		           similarity(o.problem, me.problem) AS problem_similarity,
		           similarity(o.goal, me.goal) AS goal_similarity,
		           me.title <> '' AS has_title, me.problem <> '' AS has_problem, me.goal <> '' AS has_goal
		    FROM candidates JOIN projects o ON o.id = candidates.id JOIN enrollments e ON e.id = o.enrollment_id, me
		),
		ranked AS (
		    SELECT s.*,
		           -- The mean of the fields' similarities, weighted 4:3:3 among
		           -- the fields the project has written.
		           coalesce(((0.4 * s.title_similarity * s.has_title::int + 0.3 * s.problem_similarity * s.has_problem::int + 0.3 * s.goal_similarity * s.has_goal::int)
		            / nullif(0.4 * s.has_title::int + 0.3 * s.has_problem::int + 0.3 * s.has_goal::int, 0))::float8, 0) AS score
		    FROM scored s
		)
		SELECT r.id, r.title, coalesce(a.name, '') AS agency_name, c.name AS cohort_name, r.status, c.phases, pub.id AS publication_id,
		       r.title_similarity, r.problem_similarity, r.goal_similarity, r.score
		FROM ranked r
		JOIN cohorts c ON c.id = r.cohort_id
		JOIN users u ON u.id = r.participant_id
		LEFT JOIN agencies a ON a.id = u.agency_id
		LEFT JOIN publications pub ON pub.project_id = r.id AND pub.withdrawn_at IS NULL
		WHERE r.score > 0 `+position+`
		ORDER BY r.score DESC, r.id
		LIMIT ?2`, append([]any{project, similarityCandidates, page.Size() + 1, commonWordShare, similarityMatches, commonWordsFrom}, positionArgs...)...).Scan(ctx, &rows)
	if err != nil {
		return domain.Page[domain.SimilarProject]{}, dbError(err)
	}
	return pageOf(rows, page.Size(), similarRow.toDomain, func(r similarRow) []any { return []any{r.Score, r.ID} }), nil
}

func (r similarRow) toDomain() domain.SimilarProject {
	sp := domain.SimilarProject{ProjectID: r.ID, Title: r.Title, AgencyName: r.AgencyName, CohortName: r.CohortName,
		Status: domain.ProjectStatus(r.Status), PublicationID: r.PublicationID, Score: clamp01(r.Score),
		TitleSimilarity: clamp01(r.TitleSimilarity), ProblemSimilarity: clamp01(r.ProblemSimilarity), GoalSimilarity: clamp01(r.GoalSimilarity)}
	var phases []phaseRow
	if json.Unmarshal(r.Phases, &phases) == nil {
		for _, ph := range phases {
			if ph.Kind == string(domain.PhaseImplementation) {
				if t, err := time.Parse(time.DateOnly, ph.StartsOn); err == nil {
					d := domain.DateOf(t)
					sp.ImplementationStartsOn = &d
				}
			}
		}
	}
	return sp
}

func clamp01(f float64) float64 { return min(max(f, 0), 1) }
