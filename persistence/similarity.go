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
// Candidates come from two indexes: projects whose title is alike by
// trigrams (projects_title_trgm), and projects that share two neighbouring
// words (stemmed) of the title, the goal or the beginning of the problem
// (projects.document, GIN), ranked by ts_rank_cd. Pairs of words rather
// than single words keep the full-text candidates few: nearly every project
// says "pelayanan", far fewer "antrean daring". The candidates are then
// scored by the trigram similarity of each field, full texts against full
// texts, which is what a copied project shows.
type SimilarityStore struct{ db bun.IDB }

var _ domain.SimilarityStore = (*SimilarityStore)(nil)

// similarityCandidates bounds how many projects each index proposes.
const similarityCandidates = 100

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
		-- The project's key words in the order they come (title, goal, then
		-- problem), and the query "any two neighbours together".
		words AS (
		    SELECT w.lexeme, w.weights[1] AS weight, row_number() OVER (ORDER BY w.positions[1]) AS n
		    FROM me, unnest(me.document) AS w
		    WHERE length(w.lexeme) > 2
		),
		pairs AS (
		    SELECT string_agg(quote_literal(a.lexeme) || ' & ' || quote_literal(b.lexeme), ' | ')::tsquery AS tsq
		    FROM words a JOIN words b ON b.n = a.n + 1
		    WHERE a.weight <> 'C' OR a.n <= (SELECT count(*) FROM words WHERE weight <> 'C') + 20
		),
		candidates AS (
		    (SELECT o.id FROM projects o, me
		     WHERE o.id <> me.id AND me.title <> '' AND lower(o.title) % lower(me.title)
		     ORDER BY similarity(lower(o.title), lower(me.title)) DESC LIMIT ?1)
		    UNION
		    (SELECT o.id FROM projects o, pairs, me
		     WHERE o.id <> me.id AND pairs.tsq IS NOT NULL AND o.document @@ pairs.tsq
		     ORDER BY ts_rank_cd(o.document, pairs.tsq, 32) DESC LIMIT ?1)
		),
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
		LIMIT ?2`, project, similarityCandidates, limit).Scan(ctx, &rows)
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
