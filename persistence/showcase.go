package persistence

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// ShowcaseStore implements domain.ShowcaseStore: the public search and
// entries of the innovation showcase.
//
// A search with a text runs PostgreSQL's full-text search with the
// "indonesian" configuration on the stored, weighted publications.document
// (GIN index), ranked by ts_rank_cd. When that finds nothing at all, the
// text is taken as mistyped or as part of a name, and the search runs again
// with pg_trgm's word similarity on publications.names (title, agency and
// region; GIN trigram index). Trigrams are only the fallback because they
// are slow on common words: every title shares the trigrams of "pelayanan".
// The cursor remembers which of the two a search runs, so all its pages come
// from the same one.
type ShowcaseStore struct{ db bun.IDB }

var _ domain.ShowcaseStore = (*ShowcaseStore)(nil)

// The ways a search finds publications, as recorded in its cursor.
const (
	searchNewest  = "n" // no text: newest first
	searchText    = "t" // full text, best first
	searchTrigram = "g" // trigram word similarity, best first
)

// wordSimilarityThreshold is how alike (by pg_trgm's word similarity) a
// mistyped search must be to a title, agency or region.
const wordSimilarityThreshold = "0.5"

// Highlight markers: ts_headline puts them around matching words. They are
// control characters that no stored text keeps (they are taken out first),
// so the parts they delimit are unambiguous.
const (
	markStart = "\x01"
	markStop  = "\x02"
)

// hitRow is one publication found by a search.
type hitRow struct {
	ID              uuid.UUID `bun:"id"`
	Title           string    `bun:"title"`
	Problem         string    `bun:"problem"`
	AgencyName      string    `bun:"agency_name"`
	Region          string    `bun:"region"`
	Program         string    `bun:"program"`
	Year            int       `bun:"year"`
	InnovationAreas []string  `bun:"innovation_areas,array"`
	PublishedAt     time.Time `bun:"published_at"`
	Score           float64   `bun:"score"`
	TitleHighlight  string    `bun:"title_highlight"`
	Snippet         string    `bun:"snippet"`
	Studied         int       `bun:"studied"`
	Adopted         int       `bun:"adopted"`
}

// Search returns a page of public publications matching q.
func (s *ShowcaseStore) Search(ctx context.Context, q domain.ShowcaseQuery, page domain.PageRequest) (domain.Page[domain.ShowcaseHit], error) {
	mode := searchNewest
	if q.Text != "" {
		mode = searchText
	}
	var afterScore float64
	var afterAt time.Time
	var afterID uuid.UUID
	hasCursor := false
	if page.Cursor != "" {
		var cursorMode string
		var err error
		if hasCursor, err = decodeCursor(page.Cursor, &cursorMode, &afterScore, &afterAt, &afterID); err != nil {
			return domain.Page[domain.ShowcaseHit]{}, err
		}
		if (cursorMode == searchNewest) != (mode == searchNewest) || (cursorMode != searchNewest && cursorMode != searchText && cursorMode != searchTrigram) {
			return domain.Page[domain.ShowcaseHit]{}, domain.ErrBadCursor
		}
		mode = cursorMode
	}
	rows, err := s.search(ctx, mode, q, page.Size(), hasCursor, afterScore, afterAt, afterID)
	if err == nil && mode == searchText && !hasCursor && len(rows) == 0 {
		mode = searchTrigram
		rows, err = s.search(ctx, mode, q, page.Size(), false, 0, time.Time{}, uuid.Nil)
	}
	if err != nil {
		return domain.Page[domain.ShowcaseHit]{}, dbError(err)
	}
	return pageOf(rows, page.Size(), func(r hitRow) domain.ShowcaseHit { return r.toDomain(mode) },
		func(r hitRow) []any { return []any{mode, r.Score, r.PublishedAt, r.ID} }), nil
}

// search runs one way of searching for one page (and one more row).
func (s *ShowcaseStore) search(ctx context.Context, mode string, q domain.ShowcaseQuery, size int, hasCursor bool,
	afterScore float64, afterAt time.Time, afterID uuid.UUID) ([]hitRow, error) {
	var where []string
	var args []any
	add := func(cond string, a ...any) { where = append(where, cond); args = append(args, a...) }
	add("pub.withdrawn_at IS NULL")
	var score, order, outerOrder string
	switch mode {
	case searchNewest:
		score, order, outerOrder = "0::float8", "published_at DESC, id", "m.published_at DESC, m.id"
		if hasCursor {
			add("(pub.published_at < ? OR (pub.published_at = ? AND pub.id > ?))", afterAt, afterAt, afterID)
		}
	case searchText:
		// ts_rank_cd's normalization 32 maps the rank into [0, 1).
		score, order, outerOrder = "ts_rank_cd(pub.document, q.tsq, 32)::float8", "score DESC, id", "m.score DESC, m.id"
		add("pub.document @@ q.tsq")
	case searchTrigram:
		score, order, outerOrder = "word_similarity(q.words, pub.names)::float8", "score DESC, id", "m.score DESC, m.id"
		add("q.words <% pub.names")
	}
	if q.Region != "" {
		add("lower(pub.region) = lower(?)", q.Region)
	}
	if q.Program != "" {
		add("pub.program = ?", string(q.Program))
	}
	if q.Year != 0 {
		add("pub.year = ?", q.Year)
	}
	if q.Area != "" {
		add("pub.innovation_areas @> ARRAY[?]::text[]", q.Area)
	}
	// Highlights are made for a text search only; the newest-first list
	// shows the beginning of the problem instead.
	highlights := `'' AS title_highlight, '' AS snippet`
	if mode != searchNewest {
		highlights = `ts_headline('indonesian', translate(m.title, ?, ''), q.tsq, 'HighlightAll=true, StartSel=' || ? || ', StopSel=' || ?) AS title_highlight,
		       ts_headline('indonesian', translate(m.problem || E'\n' || m.innovation, ?, ''), q.tsq,
		                   'MaxFragments=2, MinWords=10, MaxWords=30, FragmentDelimiter=" … ", StartSel=' || ? || ', StopSel=' || ?) AS snippet`
	}
	page := ""
	pageArgs := []any{}
	if hasCursor && mode != searchNewest {
		page = "WHERE m.score < ? OR (m.score = ? AND m.id > ?)"
		pageArgs = append(pageArgs, afterScore, afterScore, afterID)
	}
	// The page is chosen in the inner query; the costly highlights and the
	// replication counts are made for its rows only.
	query := `
		WITH q AS (SELECT websearch_to_tsquery('indonesian', ?) AS tsq, lower(?) AS words)
		SELECT m.id, m.title, m.problem, m.agency_name, m.region, m.program, m.year, m.innovation_areas, m.published_at, m.score,
		       ` + highlights + `,
		       rc.studied, rc.adopted
		FROM (
		    SELECT * FROM (
		        SELECT pub.id, pub.title, pub.problem, pub.innovation, pub.agency_name, pub.region, pub.program, pub.year,
		               pub.innovation_areas, pub.published_at, ` + score + ` AS score
		        FROM publications pub, q
		        WHERE ` + strings.Join(where, " AND ") + `
		    ) m ` + page + `
		    ORDER BY ` + order + `
		    LIMIT ?
		) m
		CROSS JOIN q
		CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE r.status = 'studied') AS studied,
		                           count(*) FILTER (WHERE r.status = 'adopted') AS adopted
		                    FROM replications r WHERE r.publication_id = m.id) rc
		ORDER BY ` + outerOrder
	all := []any{q.Text, q.Text}
	if mode != searchNewest {
		all = append(all, markStart+markStop, markStart, markStop, markStart+markStop, markStart, markStop)
	}
	all = append(all, args...)
	all = append(all, pageArgs...)
	all = append(all, size+1)
	var rows []hitRow
	if mode != searchTrigram {
		err := s.db.NewRaw(query, all...).Scan(ctx, &rows)
		return rows, err
	}
	// pg_trgm's default threshold (0.6) misses common misspellings such as
	// "perijinan" for "perizinan" (0.54); this search runs only when the
	// exact one found nothing, so it may be more forgiving.
	err := s.db.RunInTx(ctx, &sql.TxOptions{ReadOnly: true}, func(ctx context.Context, tx bun.Tx) error {
		if _, err := tx.ExecContext(ctx, "SET LOCAL pg_trgm.word_similarity_threshold = "+wordSimilarityThreshold); err != nil {
			return err
		}
		return tx.NewRaw(query, all...).Scan(ctx, &rows)
	})
	return rows, err
}

func (r hitRow) toDomain(mode string) domain.ShowcaseHit {
	h := domain.ShowcaseHit{ID: r.ID, Title: r.Title, AgencyName: r.AgencyName, Region: r.Region, Program: domain.Program(r.Program),
		Year: r.Year, InnovationAreas: r.InnovationAreas, Replications: domain.ReplicationCounts{Studied: r.Studied, Adopted: r.Adopted},
		Score: r.Score, PublishedAt: r.PublishedAt.UTC()}
	if h.InnovationAreas == nil {
		h.InnovationAreas = []string{}
	}
	if mode == searchNewest {
		h.TitleHighlight = []domain.HighlightPart{{Text: r.Title}}
		h.Snippet = []domain.HighlightPart{{Text: firstWords(r.Problem, 30)}}
		return h
	}
	h.TitleHighlight, h.Snippet = highlightParts(r.TitleHighlight), highlightParts(r.Snippet)
	h.Score = min(max(h.Score, 0), 1)
	return h
}

// highlightParts cuts a ts_headline answer at its markers.
func highlightParts(s string) []domain.HighlightPart {
	parts := []domain.HighlightPart{}
	for s != "" {
		start := strings.Index(s, markStart)
		if start < 0 {
			parts = appendPart(parts, s, false)
			break
		}
		parts = appendPart(parts, s[:start], false)
		s = s[start+len(markStart):]
		stop := strings.Index(s, markStop)
		if stop < 0 {
			stop = len(s)
		}
		parts = appendPart(parts, s[:stop], true)
		s = strings.TrimPrefix(s[stop:], markStop)
	}
	return parts
}

// appendPart adds a part, joining it to the previous one of its kind and
// leaving out empty ones; stray markers never reach a client.
func appendPart(parts []domain.HighlightPart, text string, match bool) []domain.HighlightPart {
	text = strings.NewReplacer(markStart, "", markStop, "").Replace(text)
	if text == "" {
		return parts
	}
	if n := len(parts); n > 0 && parts[n-1].Match == match {
		parts[n-1].Text += text
		return parts
	}
	return append(parts, domain.HighlightPart{Text: text, Match: match})
}

// firstWords returns the first n words of s, with an ellipsis when cut.
func firstWords(s string, n int) string {
	words := strings.Fields(s)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:n], " ") + " …"
}

// Entry returns a public publication with its achieved milestones, its
// public evidence and its studi tiru.
func (s *ShowcaseStore) Entry(ctx context.Context, id uuid.UUID) (domain.ShowcaseEntry, error) {
	var row publicationRow
	err := s.db.NewSelect().Model(&row).
		ColumnExpr("?TableColumns, ARRAY(SELECT pe.evidence_id::text FROM publication_evidence pe WHERE pe.publication_id = pub.id) AS public_evidence").
		Where("pub.id = ? AND pub.withdrawn_at IS NULL", id).Scan(ctx)
	if err != nil {
		return domain.ShowcaseEntry{}, notFound(err, "publication")
	}
	entry := domain.ShowcaseEntry{Publication: row.toDomain(), Milestones: []domain.AchievedMilestone{}, Evidence: []domain.PublicEvidence{},
		Replications: []domain.ReplicationSummary{}}

	// Achieved milestones, on the day the mentor verified them (the last
	// approval), by horizon and position.
	var milestones []struct {
		Title      string    `bun:"title"`
		Horizon    string    `bun:"horizon"`
		AchievedOn time.Time `bun:"achieved_on"`
	}
	err = s.db.NewRaw(`
		SELECT m.title, m.horizon, coalesce((SELECT max(rv.created_at) FROM reviews rv
		        WHERE rv.target_type = 'milestone' AND rv.target_id = m.id AND rv.decision = 'approve'), m.updated_at)::date AS achieved_on
		FROM milestones m WHERE m.project_id = ? AND m.status = 'achieved'
		ORDER BY m.horizon_rank, m.position, m.id`, row.ProjectID).Scan(ctx, &milestones)
	if err != nil {
		return domain.ShowcaseEntry{}, dbError(err)
	}
	for _, m := range milestones {
		entry.Milestones = append(entry.Milestones, domain.AchievedMilestone{Title: m.Title, Horizon: domain.Horizon(m.Horizon), AchievedOn: domain.DateOf(m.AchievedOn)})
	}

	evidence, err := s.publicEvidence(ctx, id, nil)
	if err != nil {
		return domain.ShowcaseEntry{}, err
	}
	entry.Evidence = evidence

	var replications []struct {
		AgencyName string    `bun:"name"`
		Region     string    `bun:"region"`
		Status     string    `bun:"status"`
		On         time.Time `bun:"happened_on"`
	}
	err = s.db.NewRaw(`SELECT a.name, a.region, r.status, r.happened_on FROM replications r JOIN agencies a ON a.id = r.agency_id
		WHERE r.publication_id = ? ORDER BY r.happened_on DESC, a.name, r.status`, id).Scan(ctx, &replications)
	if err != nil {
		return domain.ShowcaseEntry{}, dbError(err)
	}
	for _, r := range replications {
		status := domain.ReplicationStatus(r.Status)
		entry.Replications = append(entry.Replications, domain.ReplicationSummary{AgencyName: r.AgencyName, Region: r.Region, Status: status, On: domain.DateOf(r.On)})
		if status == domain.ReplicationStudied {
			entry.Counts.Studied++
		} else {
			entry.Counts.Adopted++
		}
	}
	return entry, nil
}

// publicEvidenceRow is evidence a publication makes public.
type publicEvidenceRow struct {
	ID             uuid.UUID `bun:"id"`
	MilestoneTitle string    `bun:"milestone_title"`
	Title          string    `bun:"title"`
	Description    string    `bun:"description"`
	URL            *string   `bun:"url"`
	FileName       *string   `bun:"file_name"`
	Size           *int64    `bun:"size"`
	MediaType      *string   `bun:"media_type"`
	SHA256         []byte    `bun:"sha256"`
	BlobKey        *string   `bun:"blob_key"`
}

// publicEvidence reads the evidence a public publication makes public: all
// of it, or only the one asked for. Evidence that is no longer approved is
// left out whatever the publication says.
func (s *ShowcaseStore) publicEvidence(ctx context.Context, publication uuid.UUID, only *uuid.UUID) ([]domain.PublicEvidence, error) {
	query := `SELECT e.id, m.title AS milestone_title, e.title, e.description, e.url, e.file_name, e.size, e.media_type, e.sha256, e.blob_key
		FROM publication_evidence pe
		JOIN publications pub ON pub.id = pe.publication_id AND pub.withdrawn_at IS NULL
		JOIN evidence e ON e.id = pe.evidence_id AND e.project_id = pub.project_id AND e.status = 'approved'
		JOIN milestones m ON m.id = e.milestone_id
		WHERE pe.publication_id = ?`
	args := []any{publication}
	if only != nil {
		query += ` AND pe.evidence_id = ?`
		args = append(args, *only)
	}
	var rows []publicEvidenceRow
	if err := s.db.NewRaw(query+` ORDER BY m.horizon_rank, m.position, e.submitted_at, e.id`, args...).Scan(ctx, &rows); err != nil {
		return nil, dbError(err)
	}
	out := make([]domain.PublicEvidence, len(rows))
	for i, r := range rows {
		out[i] = domain.PublicEvidence{ID: r.ID, MilestoneTitle: r.MilestoneTitle, Title: r.Title, Description: r.Description}
		if r.URL != nil {
			out[i].URL = *r.URL
		}
		if r.BlobKey != nil {
			out[i].File = &domain.StoredFile{Name: *r.FileName, Size: *r.Size, MediaType: *r.MediaType, SHA256: r.SHA256, BlobKey: *r.BlobKey}
		}
	}
	return out, nil
}

// PublicEvidence returns one piece of evidence a public publication makes public.
func (s *ShowcaseStore) PublicEvidence(ctx context.Context, publication, evidence uuid.UUID) (domain.PublicEvidence, error) {
	found, err := s.publicEvidence(ctx, publication, &evidence)
	if err != nil {
		return domain.PublicEvidence{}, err
	}
	if len(found) == 0 {
		return domain.PublicEvidence{}, domain.NotFound("evidence")
	}
	return found[0], nil
}
