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
// Candidates are the projects that share two neighbouring key words
// (stemmed) of the project's title, goal or problem, found through the GIN
// index on projects.document: its key words are those fewer than one
// project in twenty uses, by PostgreSQL's own statistics of the column
// (pg_stats.most_common_elems), since a word nearly every project says
// ("pelayanan", "masyarakat") is no sign of a copy and would make the index
// read the whole table. At most similarityMatches of them are ranked by
// ts_rank (title words weigh most), and the best similarityCandidates
// are scored by the trigram similarity of each field, full text against
// full text, which is what a copied project shows.
type SimilarityStore struct{ db bun.IDB }

var _ domain.SimilarityStore = (*SimilarityStore)(nil)

// Bounds of the originality check's work, whatever the number of projects.
const (
	similarityMatches    = 1000 // matches ranked
	similarityCandidates = 100  // best ranked, then scored by trigrams
	commonWordShare      = 0.05 // words in more projects are not key words
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

// Similar returns the projects most alike the given one.
func (s *SimilarityStore) Similar(ctx context.Context, project uuid.UUID, limit int) ([]domain.SimilarProject, error) {
	var rows []similarRow
	err := s.db.NewRaw(`
		WITH me AS (
		    SELECT p.id, p.title, p.problem, p.goal, p.document FROM projects p WHERE p.id = ?0
		),
		common AS (
		    SELECT x.lexeme FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS x(lexeme, share)
		    WHERE s.schemaname = current_schema() AND s.tablename = 'projects' AND s.attname = 'document' AND x.lexeme IS NOT NULL AND x.share > ?3
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
		matches AS (
		    SELECT o.id, ts_rank(o.document, pairs.tsq) AS rank
		    FROM projects o, pairs, me
		    WHERE pairs.tsq IS NOT NULL AND o.document @@ pairs.tsq AND o.id <> me.id
		    LIMIT ?4
		),
		candidates AS (SELECT id FROM matches ORDER BY rank DESC, id LIMIT ?1),
		scored AS (
		    SELECT o.id, o.title, o.status, e.cohort_id, e.participant_id,
		           similarity(o.title, me.title) AS title_similarity,
		           similarity(o.problem, me.problem) AS problem_similarity,
		           similarity(o.goal, me.goal) AS goal_similarity,
		           me.title <> '' AS has_title, me.problem <> '' AS has_problem, me.goal <> '' AS has_goal
		    FROM candidates JOIN projects o ON o.id = candidates.id JOIN enrollments e ON e.id = o.enrollment_id, me
		)
		SELECT s.id, s.title, coalesce(a.name, '') AS agency_name, c.name AS cohort_name, s.status, c.phases, pub.id AS publication_id,
		       s.title_similarity, s.problem_similarity, s.goal_similarity,
		       -- The mean of the fields' similarities, weighted 4:3:3 among
		       -- the fields the project has written.
		       ((0.4 * s.title_similarity * s.has_title::int + 0.3 * s.problem_similarity * s.has_problem::int + 0.3 * s.goal_similarity * s.has_goal::int)
		        / nullif(0.4 * s.has_title::int + 0.3 * s.has_problem::int + 0.3 * s.has_goal::int, 0))::float8 AS score
		FROM scored s
		JOIN cohorts c ON c.id = s.cohort_id
		JOIN users u ON u.id = s.participant_id
		LEFT JOIN agencies a ON a.id = u.agency_id
		LEFT JOIN publications pub ON pub.project_id = s.id AND pub.withdrawn_at IS NULL
		ORDER BY score DESC NULLS LAST, s.id
		LIMIT ?2`, project, similarityCandidates, limit, commonWordShare, similarityMatches).Scan(ctx, &rows)
	if err != nil {
		return nil, dbError(err)
	}
	out := make([]domain.SimilarProject, 0, len(rows))
	for _, r := range rows {
		if r.Score <= 0 {
			continue
		}
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
		out = append(out, sp)
	}
	return out, nil
}

func clamp01(f float64) float64 { return min(max(f, 0), 1) }
