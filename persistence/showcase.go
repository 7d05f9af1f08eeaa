package persistence

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"github.com/proper-id/proper/domain"
)

// ShowcaseStore implements domain.ShowcaseStore: the public search and
// entries of the innovation showcase.
//
// A search with a text runs PostgreSQL's full-text search with the
// "indonesian" configuration on the stored, weighted publications.document
// (GIN index), ranked by ts_rank with the document's weights. (ts_rank_cd,
// which also rewards words that stand close together, cost twice as much
// per match — 2.6 µs against 1.3 µs, on top of 2.1 µs to read it — for
// little on documents of a few dozen words.) When that finds nothing at
// all, the text is taken as misspelled: each of its words is replaced by
// the most alike word of the showcase's dictionary (showcase_words, by pg_trgm
// similarity on its GIN trigram index), and the corrected text is searched
// the same way. Trigrams look up the dictionary rather than the
// publications because they are slow on common words there: every title
// shares the trigrams of "pelayanan", while the dictionary has each word
// once. The cursor remembers whether a search was corrected, so all its
// pages come from the same text.
type ShowcaseStore struct {
	db bun.IDB
	// rankLimit is how many candidates a search ranks at most:
	// domain.SearchRankLimit, lowered by tests.
	rankLimit int
}

var _ domain.ShowcaseStore = (*ShowcaseStore)(nil)

// The ways a search finds publications, as recorded in its cursor.
const (
	searchNewest    = "n" // no text: newest first
	searchText      = "t" // full text, best first
	searchCorrected = "g" // full text of the corrected words, best first
)

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
	Province        string    `bun:"province"`
	Regency         string    `bun:"regency"`
	UnitName        string    `bun:"unit_name"`
	Program         string    `bun:"program"`
	Year            int       `bun:"year"`
	InnovationAreas []string  `bun:"innovation_areas,array"`
	PublishedAt     time.Time `bun:"published_at"`
	Score           float64   `bun:"score"`
	TitleHighlight  string    `bun:"title_highlight"`
	Snippet         string    `bun:"snippet"`
	Studied         int       `bun:"studied"`
	Adopted         int       `bun:"adopted"`
	// Candidates counts the matches ranked, for a text search.
	Candidates int `bun:"candidates"`
}

// searchPosition is where a page of a search begins: after this score
// (text searches) or this time (the newest first), then this id.
type searchPosition struct {
	after bool
	score float64
	at    time.Time
	id    uuid.UUID
}

// Search returns a page of public publications matching q.
func (s *ShowcaseStore) Search(ctx context.Context, q domain.ShowcaseQuery, page domain.PageRequest) (domain.ShowcaseResults, error) {
	mode := searchNewest
	if q.Text != "" {
		mode = searchText
	}
	var from searchPosition
	if page.Cursor != "" {
		var cursorMode string
		var err error
		if from.after, err = decodeCursor(page.Cursor, &cursorMode, &from.score, &from.at, &from.id); err != nil {
			return domain.ShowcaseResults{}, err
		}
		if (cursorMode == searchNewest) != (mode == searchNewest) || (cursorMode != searchNewest && cursorMode != searchText && cursorMode != searchCorrected) {
			return domain.ShowcaseResults{}, domain.ErrBadCursor
		}
		mode = cursorMode
	}
	var corrected string
	var rows []hitRow
	var err error
	if mode == searchCorrected {
		if corrected, err = s.correct(ctx, q.Text); err == nil {
			rows, err = s.search(ctx, mode, corrected, q, page.Size(), from)
		}
	} else {
		rows, err = s.search(ctx, mode, q.Text, q, page.Size(), from)
	}
	if err == nil && mode == searchText && !from.after && len(rows) == 0 {
		if corrected, err = s.correct(ctx, q.Text); err == nil && corrected != "" {
			mode = searchCorrected
			rows, err = s.search(ctx, mode, corrected, q, page.Size(), from)
		}
	}
	if err != nil {
		return domain.ShowcaseResults{}, dbError(err)
	}
	results := domain.ShowcaseResults{Page: pageOf(rows, page.Size(), func(r hitRow) domain.ShowcaseHit { return r.toDomain(mode) },
		func(r hitRow) []any { return []any{mode, r.Score, r.PublishedAt, r.ID} })}
	if mode == searchCorrected {
		results.SearchedFor = corrected
	}
	results.Truncated = len(rows) > 0 && rows[0].Candidates >= s.rankLimit
	return results, nil
}

// filters are the conditions of a search's filters on publications (pub).
func filters(q domain.ShowcaseQuery) (string, []any) {
	where, args := []string{"pub.withdrawn_at IS NULL"}, []any{}
	add := func(cond string, a ...any) { where = append(where, cond); args = append(args, a...) }
	if q.Region != "" {
		add("lower(?) IN (lower(pub.region), lower(pub.province), lower(pub.regency))", q.Region)
	}
	if q.Unit != "" {
		add("lower(pub.unit_name) = lower(?)", q.Unit)
	}
	if q.Province != "" {
		add("lower(pub.province) = lower(?)", q.Province)
	}
	if q.Regency != "" {
		// A regency written in full is matched as it is; a name alone
		// finds the Kabupaten and the Kota of that name.
		add("lower(pub.regency) IN (lower(?), lower('Kabupaten ' || ?), lower('Kota ' || ?))", q.Regency, q.Regency, q.Regency)
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
	return strings.Join(where, " AND "), args
}

// search runs one way of searching for one page (and one more row).
//
// A text search first takes at most SearchRankLimit matches, in the order
// the index finds them, with their rank; the page is the best of those, and
// only its rows are read whole, highlighted and counted.
func (s *ShowcaseStore) search(ctx context.Context, mode, text string, q domain.ShowcaseQuery, size int, from searchPosition) ([]hitRow, error) {
	where, args := filters(q)
	if mode == searchNewest {
		if from.after {
			where += " AND (pub.published_at < ? OR (pub.published_at = ? AND pub.id > ?))"
			args = append(args, from.at, from.at, from.id)
		}
		var rows []hitRow
		err := s.db.NewRaw(`
			SELECT m.id, m.title, m.problem, m.agency_name, m.region, m.province, m.regency, m.unit_name, m.program, m.year, m.innovation_areas, m.published_at,
			       0::float8 AS score, '' AS title_highlight, '' AS snippet, rc.studied, rc.adopted, 0 AS candidates
			FROM (SELECT * FROM publications pub WHERE `+where+` ORDER BY pub.published_at DESC, pub.id LIMIT ?) m
			CROSS JOIN LATERAL (`+replicationCounts+`) rc
			ORDER BY m.published_at DESC, m.id`, append(append(args, size+1), replicationArgs...)...).Scan(ctx, &rows)
		return rows, err
	}
	position, positionArgs := "", []any{}
	if from.after {
		position = "WHERE c.score < ? OR (c.score = ? AND c.id > ?)"
		positionArgs = []any{from.score, from.score, from.id}
	}
	query := `
		WITH q AS (SELECT websearch_to_tsquery('indonesian', ?) AS tsq),
		-- Normalization 32 maps the rank into [0, 1). The query is written
		-- out here, not taken from q, so that the planner sees it and
		-- estimates its matches from the column's statistics when it weighs
		-- the text against a filter's index.
		candidates AS (
		    SELECT pub.id, ts_rank(pub.document, websearch_to_tsquery('indonesian', ?), 32)::float8 AS score
		    FROM publications pub
		    WHERE pub.document @@ websearch_to_tsquery('indonesian', ?) AND ` + where + `
		    LIMIT ?
		),
		page AS (SELECT c.id, c.score FROM candidates c ` + position + ` ORDER BY c.score DESC, c.id LIMIT ?)
		SELECT m.id, m.title, m.problem, m.agency_name, m.region, m.province, m.regency, m.unit_name, m.program, m.year, m.innovation_areas, m.published_at, page.score,
		       ts_headline('indonesian', translate(m.title, ?, ''), q.tsq, 'HighlightAll=true, StartSel=' || ? || ', StopSel=' || ?) AS title_highlight,
		       ts_headline('indonesian', translate(m.problem || E'\n' || m.innovation, ?, ''), q.tsq,
		                   'MaxFragments=2, MinWords=10, MaxWords=30, FragmentDelimiter=" … ", StartSel=' || ? || ', StopSel=' || ?) AS snippet,
		       rc.studied, rc.adopted, (SELECT count(*) FROM candidates) AS candidates
		FROM page JOIN publications m ON m.id = page.id
		CROSS JOIN q
		CROSS JOIN LATERAL (` + replicationCounts + `) rc
		ORDER BY page.score DESC, page.id`
	all := []any{text, text, text}
	all = append(all, args...)
	all = append(all, s.rankLimit)
	all = append(all, positionArgs...)
	all = append(all, size+1, markStart+markStop, markStart, markStop, markStart+markStop, markStart, markStop)
	all = append(all, replicationArgs...)
	var rows []hitRow
	err := s.db.NewRaw(query, all...).Scan(ctx, &rows)
	return rows, err
}

// correct replaces each word of text (of three letters or more) by the most
// alike word of the showcase's dictionary (itself, when it is there), by
// pg_trgm similarity above its default threshold (0.3), keeping everything
// else ("quotes", -exclusions) as it is. It returns "" when nothing changed.
func (s *ShowcaseStore) correct(ctx context.Context, text string) (string, error) {
	text = strings.ToLower(text)
	var words []string
	for _, w := range strings.FieldsFunc(text, notLetter) {
		if utf8.RuneCountInString(w) >= 3 && !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return "", nil
	}
	var pairs []struct {
		Word string         `bun:"word"`
		Best sql.NullString `bun:"best"`
	}
	err := s.db.NewRaw(`
		SELECT w.word, best.word AS best
		FROM unnest(?::text[]) AS w(word)
		LEFT JOIN LATERAL (SELECT d.word FROM showcase_words d WHERE d.word % w.word
		                   ORDER BY similarity(d.word, w.word) DESC, d.word LIMIT 1) best ON true`, pgdialect.Array(words)).Scan(ctx, &pairs)
	if err != nil {
		return "", err
	}
	corrections := map[string]string{}
	for _, p := range pairs {
		if p.Best.Valid && p.Best.String != p.Word {
			corrections[p.Word] = p.Best.String
		}
	}
	if len(corrections) == 0 {
		return "", nil
	}
	var out strings.Builder
	for len(text) > 0 {
		end := strings.IndexFunc(text, notLetter)
		if end < 0 {
			end = len(text)
		}
		if end == 0 { // a run of other characters, kept as it is
			r, size := utf8.DecodeRuneInString(text)
			out.WriteRune(r)
			text = text[size:]
			continue
		}
		word := text[:end]
		if c, ok := corrections[word]; ok {
			word = c
		}
		out.WriteString(word)
		text = text[end:]
	}
	return out.String(), nil
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// replicationCounts counts the studi tiru of publication m. It comes last
// among a query's ? placeholders, so replicationArgs go after the others.
const replicationCounts = `SELECT count(*) FILTER (WHERE r.status = ?) AS studied, count(*) FILTER (WHERE r.status = ?) AS adopted
	FROM replications r WHERE r.publication_id = m.id`

// replicationArgs are the statuses replicationCounts counts.
var replicationArgs = []any{domain.ReplicationStudied, domain.ReplicationAdopted}

func (r hitRow) toDomain(mode string) domain.ShowcaseHit {
	h := domain.ShowcaseHit{ID: r.ID, Title: r.Title, AgencyName: r.AgencyName, Region: r.Region, Province: r.Province, Regency: r.Regency,
		UnitName: r.UnitName, Program: domain.Program(r.Program),
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

// unmark takes the highlight markers out of a text (built once: a
// Replacer's tables are made on its first use).
var unmark = strings.NewReplacer(markStart, "", markStop, "")

// appendPart adds a part, joining it to the previous one of its kind and
// leaving out empty ones; stray markers never reach a client.
func appendPart(parts []domain.HighlightPart, text string, match bool) []domain.HighlightPart {
	text = unmark.Replace(text)
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
		        WHERE rv.target_type = 'milestone' AND rv.target_id = m.id AND rv.decision = ?), m.updated_at)::date AS achieved_on
		FROM milestones m WHERE m.project_id = ? AND m.status = ?
		ORDER BY m.horizon_rank, m.position, m.id`, domain.VerifyApprove, row.ProjectID, domain.MilestoneAchieved).Scan(ctx, &milestones)
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
		Province   string    `bun:"province"`
		Regency    string    `bun:"regency"`
		UnitName   string    `bun:"unit_name"`
		Status     string    `bun:"status"`
		On         time.Time `bun:"happened_on"`
	}
	err = s.db.NewRaw(`SELECT a.name, a.region, a.province, a.regency, coalesce(un.name, '') AS unit_name, r.status, r.happened_on
		FROM replications r JOIN agencies a ON a.id = r.agency_id LEFT JOIN agency_units un ON un.id = r.unit_id
		WHERE r.publication_id = ? ORDER BY r.happened_on DESC, a.name, r.status`, id).Scan(ctx, &replications)
	if err != nil {
		return domain.ShowcaseEntry{}, dbError(err)
	}
	for _, r := range replications {
		status := domain.ReplicationStatus(r.Status)
		entry.Replications = append(entry.Replications, domain.ReplicationSummary{AgencyName: r.AgencyName, Region: r.Region, Province: r.Province,
			Regency: r.Regency, UnitName: r.UnitName, Status: status, On: domain.DateOf(r.On)})
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
		JOIN evidence e ON e.id = pe.evidence_id AND e.project_id = pub.project_id AND e.status = ?
		JOIN milestones m ON m.id = e.milestone_id
		WHERE pe.publication_id = ?`
	args := []any{domain.EvidenceApproved, publication}
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
