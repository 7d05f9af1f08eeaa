package persistence

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/domain/bahasa"
)

// ShowcaseStore implements domain.ShowcaseStore: the public search and
// entries of the innovation showcase.
//
// A publication is indexed by the stems of package bahasa (made in Go when
// it is stored: publications.search_*), weighted in publications.document
// by the plain "simple" configuration (GIN index). A search text is read
// into terms (bahasa.Terms): its words' stems, or phrases of the synonym
// dictionary (search_synonyms) with every phrase of their group. A
// publication matching any term is found; the more terms it matches the
// higher it ranks, then by ts_rank with the document's weights. Each hit
// says which terms it matched, and through which synonym. No word is ever
// replaced: when nothing is found, words that are neither in the lexicon
// nor on the showcase get a suggestion (the most alike word of
// showcase_words, by pg_trgm), which is only offered.
type ShowcaseStore struct {
	db bun.IDB
	// rankLimit is how many candidates a search ranks at most:
	// domain.SearchRankLimit, lowered by tests.
	rankLimit int
}

var _ domain.ShowcaseStore = (*ShowcaseStore)(nil)

// The ways a search finds publications, as recorded in its cursor.
const (
	searchNewest = "n" // no text: newest first
	searchText   = "w" // any term of the text, most terms first
)

// hitRow is one publication found by a search.
type hitRow struct {
	ID              uuid.UUID `bun:"id"`
	Title           string    `bun:"title"`
	Problem         string    `bun:"problem"`
	Innovation      string    `bun:"innovation"`
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
	// Matched are the (1-based) indexes of the alternatives the hit matches.
	Matched    []int `bun:"matched,array"`
	Studied    int   `bun:"studied"`
	Adopted    int   `bun:"adopted"`
	Candidates int   `bun:"candidates"`
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
	var terms, excluded []bahasa.Term
	var groups [][]string
	if q.Text != "" {
		var err error
		if groups, err = s.synonyms(ctx); err != nil {
			return domain.ShowcaseResults{}, err
		}
		for _, t := range bahasa.Terms(q.Text, groups) {
			if t.Exclude {
				excluded = append(excluded, t)
			} else {
				terms = append(terms, t)
			}
		}
		if len(terms) > 0 {
			mode = searchText
		}
	}
	var from searchPosition
	if page.Cursor != "" {
		var cursorMode string
		var err error
		if from.after, err = decodeCursor(page.Cursor, &cursorMode, &from.score, &from.at, &from.id); err != nil {
			return domain.ShowcaseResults{}, err
		}
		if cursorMode != mode {
			return domain.ShowcaseResults{}, domain.ErrBadCursor
		}
	}
	var rows []hitRow
	var err error
	if mode == searchNewest {
		rows, err = s.newest(ctx, q, page.Size(), from)
	} else {
		rows, err = s.search(ctx, terms, excluded, q, page.Size(), from)
	}
	if err != nil {
		return domain.ShowcaseResults{}, dbError(err)
	}
	results := domain.ShowcaseResults{Terms: len(terms), Page: pageOf(rows, page.Size(), func(r hitRow) domain.ShowcaseHit { return r.toDomain(terms) },
		func(r hitRow) []any { return []any{mode, r.Score, r.PublishedAt, r.ID} })}
	results.Truncated = len(rows) > 0 && rows[0].Candidates >= s.rankLimit
	if mode == searchText && !from.after && len(rows) == 0 {
		if results.Suggestion, err = s.suggest(ctx, q.Text, groups); err != nil {
			return domain.ShowcaseResults{}, err
		}
	}
	return results, nil
}

// synonyms reads the synonym dictionary: its groups of phrases.
func (s *ShowcaseStore) synonyms(ctx context.Context) ([][]string, error) {
	var rows []struct {
		Phrases []string `bun:"phrases,array"`
	}
	if err := s.db.NewRaw(`SELECT phrases FROM search_synonyms ORDER BY id`).Scan(ctx, &rows); err != nil {
		return nil, dbError(err)
	}
	groups := make([][]string, len(rows))
	for i, r := range rows {
		groups[i] = r.Phrases
	}
	return groups, nil
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

// newest reads a page of publications without a text, the newest first.
func (s *ShowcaseStore) newest(ctx context.Context, q domain.ShowcaseQuery, size int, from searchPosition) ([]hitRow, error) {
	where, args := filters(q)
	if from.after {
		where += " AND (pub.published_at < ? OR (pub.published_at = ? AND pub.id > ?))"
		args = append(args, from.at, from.at, from.id)
	}
	var rows []hitRow
	err := s.db.NewRaw(`
		SELECT m.id, m.title, m.problem, m.innovation, m.agency_name, m.region, m.province, m.regency, m.unit_name, m.program, m.year, m.innovation_areas, m.published_at,
		       0::float8 AS score, '{}'::int[] AS matched, rc.studied, rc.adopted, 0 AS candidates
		FROM (SELECT * FROM publications pub WHERE `+where+` ORDER BY pub.published_at DESC, pub.id LIMIT ?) m
		CROSS JOIN LATERAL (`+replicationCounts+`) rc
		ORDER BY m.published_at DESC, m.id`, append(append(args, size+1), replicationArgs...)...).Scan(ctx, &rows)
	return rows, err
}

// tsquery writes an alternative as a tsquery of the "simple"
// configuration: its stems side by side. Stems are letters and digits only.
func tsquery(a bahasa.Alternative) string {
	quoted := make([]string, len(a.Stems))
	for i, stem := range a.Stems {
		quoted[i] = "'" + stem + "'"
	}
	return "(" + strings.Join(quoted, " <-> ") + ")"
}

// search reads one page of a text search (and one more row).
//
// It first takes at most SearchRankLimit publications matching any
// alternative of any term, in the order the index finds them, with the
// alternatives each matches. With n terms, its score is
// (matched × (n+1) + matched as written + ts_rank) / (n+1)², in [0, 1):
// more terms matched always rank first, then more of them as written
// rather than through a synonym (limbah before sampah for "limbah"), then
// by ts_rank. Excluded terms (-plastik) leave out what they match. The page is the best of those, and only its rows are read
// whole and counted.
func (s *ShowcaseStore) search(ctx context.Context, terms, excluded []bahasa.Term, q domain.ShowcaseQuery, size int, from searchPosition) ([]hitRow, error) {
	where, args := filters(q)
	for _, t := range excluded {
		where += " AND NOT pub.document @@ ?::tsquery"
		args = append(args, tsquery(t.Alternatives[0]))
	}
	// termOf[i] is the term of alternative i+1; asWritten[i] is that term
	// when the alternative is the term as written (or of its family), else 0.
	var alternatives []string
	var termOf, asWritten []int
	for i, t := range terms {
		for _, a := range t.Alternatives {
			alternatives, termOf = append(alternatives, tsquery(a)), append(termOf, i+1)
			if a.Synonym {
				asWritten = append(asWritten, 0)
			} else {
				asWritten = append(asWritten, i+1)
			}
		}
	}
	n := len(terms) + 1
	anyQuery := strings.Join(alternatives, " | ")
	position, positionArgs := "", []any{}
	if from.after {
		position = "WHERE c.score < ? OR (c.score = ? AND c.id > ?)"
		positionArgs = []any{from.score, from.score, from.id}
	}
	// The query is written out, not taken from a CTE, so that the planner
	// estimates its matches from the column's statistics when it weighs the
	// text against a filter's index.
	query := `
		WITH candidates AS (
		    SELECT pub.id, ts_rank(pub.document, ?::tsquery, 32)::float8 AS rank,
		           ARRAY(SELECT a.i::int FROM unnest(?::tsquery[]) WITH ORDINALITY AS a(q, i) WHERE pub.document @@ a.q ORDER BY a.i) AS matched
		    FROM publications pub
		    WHERE pub.document @@ ?::tsquery AND ` + where + `
		    LIMIT ?
		),
		scored AS (
		    SELECT c.id, c.matched, ((SELECT count(DISTINCT (?::int[])[i]) * ? + count(DISTINCT nullif((?::int[])[i], 0)) FROM unnest(c.matched) AS i) + c.rank) / ?::float8 AS score
		    FROM candidates c
		),
		page AS (SELECT c.id, c.matched, c.score FROM scored c ` + position + ` ORDER BY c.score DESC, c.id LIMIT ?)
		SELECT m.id, m.title, m.problem, m.innovation, m.agency_name, m.region, m.province, m.regency, m.unit_name, m.program, m.year, m.innovation_areas,
		       m.published_at, page.score, page.matched, rc.studied, rc.adopted, (SELECT count(*) FROM candidates) AS candidates
		FROM page JOIN publications m ON m.id = page.id
		CROSS JOIN LATERAL (` + replicationCounts + `) rc
		ORDER BY page.score DESC, page.id`
	all := []any{anyQuery, pgdialect.Array(alternatives), anyQuery}
	all = append(all, args...)
	all = append(all, s.rankLimit, pgdialect.Array(termOf), n, pgdialect.Array(asWritten), n*n)
	all = append(all, positionArgs...)
	all = append(all, size+1)
	all = append(all, replicationArgs...)
	var rows []hitRow
	err := s.db.NewRaw(query, all...).Scan(ctx, &rows)
	return rows, err
}

// suggest offers, for a text that found nothing, the text with each word
// that is neither a word of the lexicon (bahasa.Known) nor a word of the
// showcase replaced by the most alike word of the showcase's dictionary
// (showcase_words, by pg_trgm similarity above its default threshold, 0.3).
// Words of the synonym dictionary are known too. It returns "" when no
// word needs it.
func (s *ShowcaseStore) suggest(ctx context.Context, text string, groups [][]string) (string, error) {
	synonyms := map[string]bool{}
	for _, g := range groups {
		for _, w := range bahasa.Words(strings.Join(g, " ")) {
			synonyms[w.Normal] = true
		}
	}
	var unknown []string
	for _, w := range bahasa.Words(text) {
		if len([]rune(w.Normal)) >= 3 && !bahasa.Stopword(w.Normal) && !bahasa.Known(w.Normal) && !synonyms[w.Normal] && !slices.Contains(unknown, w.Normal) {
			unknown = append(unknown, w.Normal)
		}
	}
	if len(unknown) == 0 {
		return "", nil
	}
	var pairs []struct {
		Word  string         `bun:"word"`
		Known bool           `bun:"known"`
		Best  sql.NullString `bun:"best"`
	}
	err := s.db.NewRaw(`
		SELECT w.word, EXISTS (SELECT 1 FROM showcase_words d WHERE d.word = w.word) AS known, best.word AS best
		FROM unnest(?::text[]) AS w(word)
		LEFT JOIN LATERAL (SELECT d.word FROM showcase_words d WHERE d.word % w.word
		                   ORDER BY similarity(d.word, w.word) DESC, d.word LIMIT 1) best ON true`, pgdialect.Array(unknown)).Scan(ctx, &pairs)
	if err != nil {
		return "", dbError(err)
	}
	corrections := map[string]string{}
	for _, p := range pairs {
		if !p.Known && p.Best.Valid && p.Best.String != p.Word {
			corrections[p.Word] = p.Best.String
		}
	}
	if len(corrections) == 0 {
		return "", nil
	}
	var out strings.Builder
	last := 0
	for _, w := range bahasa.Words(text) {
		if c, ok := corrections[w.Normal]; ok {
			out.WriteString(text[last:w.Start])
			out.WriteString(c)
			last = w.End
		}
	}
	out.WriteString(text[last:])
	return out.String(), nil
}

// replicationCounts counts the studi tiru of publication m. It comes last
// among a query's ? placeholders, so replicationArgs go after the others.
const replicationCounts = `SELECT count(*) FILTER (WHERE r.status = ?) AS studied, count(*) FILTER (WHERE r.status = ?) AS adopted
	FROM replications r WHERE r.publication_id = m.id`

// replicationArgs are the statuses replicationCounts counts.
var replicationArgs = []any{domain.ReplicationStudied, domain.ReplicationAdopted}

func (r hitRow) toDomain(terms []bahasa.Term) domain.ShowcaseHit {
	h := domain.ShowcaseHit{ID: r.ID, Title: r.Title, AgencyName: r.AgencyName, Region: r.Region, Province: r.Province, Regency: r.Regency,
		UnitName: r.UnitName, Program: domain.Program(r.Program), Matched: []domain.SearchMatch{}, Missing: []string{},
		Year: r.Year, InnovationAreas: r.InnovationAreas, Replications: domain.ReplicationCounts{Studied: r.Studied, Adopted: r.Adopted},
		Score: min(max(r.Score, 0), 1), PublishedAt: r.PublishedAt.UTC()}
	if h.InnovationAreas == nil {
		h.InnovationAreas = []string{}
	}
	if len(terms) == 0 {
		h.TitleHighlight = []domain.HighlightPart{{Text: r.Title}}
		h.Snippet = []domain.HighlightPart{{Text: firstWords(r.Problem, 30)}}
		return h
	}
	stems := map[string]bool{}
	n := 0
	for _, t := range terms {
		var found *bahasa.Alternative
		for k := range t.Alternatives {
			n++
			if slices.Contains(r.Matched, n) && found == nil {
				found = &t.Alternatives[k]
			}
			if slices.Contains(r.Matched, n) {
				for _, stem := range t.Alternatives[k].Stems {
					stems[stem] = true
				}
			}
		}
		switch {
		case found == nil:
			h.Missing = append(h.Missing, t.Written)
		case found.Synonym:
			h.Matched = append(h.Matched, domain.SearchMatch{Term: t.Written, Synonym: found.Phrase})
		default:
			h.Matched = append(h.Matched, domain.SearchMatch{Term: t.Written})
		}
	}
	h.TitleHighlight = highlight(r.Title, stems, 0)
	h.Snippet = highlight(r.Problem+"\n"+r.Innovation, stems, snippetWords)
	return h
}

// snippetWords is about how many words a snippet shows.
const snippetWords = 30

// highlight marks the words of text whose stems are among stems. With a
// limit, it shows only about that many words, around the first match (or
// from the start), with an ellipsis where it cuts.
func highlight(text string, stems map[string]bool, limit int) []domain.HighlightPart {
	words := bahasa.Words(text)
	from, to := 0, len(text)
	if limit > 0 && len(words) > limit {
		first := slices.IndexFunc(words, func(w bahasa.Word) bool { return stems[w.Stem] })
		start := max(0, first-limit/3)
		end := min(len(words), start+limit)
		start = max(0, end-limit)
		from, to = words[start].Start, words[end-1].End
	}
	parts := []domain.HighlightPart{}
	if from > 0 {
		parts = appendPart(parts, "… ", false)
	}
	last := from
	for _, w := range words {
		if w.Start < from || w.End > to || !stems[w.Stem] {
			continue
		}
		parts = appendPart(parts, text[last:w.Start], false)
		parts = appendPart(parts, text[w.Start:w.End], true)
		last = w.End
	}
	parts = appendPart(parts, text[last:to], false)
	if to < len(text) {
		parts = appendPart(parts, " …", false)
	}
	return parts
}

// appendPart adds a part, joining it to the previous one of its kind and
// leaving out empty ones. Line breaks read as spaces in a snippet.
func appendPart(parts []domain.HighlightPart, text string, match bool) []domain.HighlightPart {
	text = strings.ReplaceAll(text, "\n", " ")
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
