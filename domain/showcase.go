package domain

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain/bahasa"
)

// Limits of the showcase.
const (
	// MaxPublicEvidence bounds the evidence one publication makes public.
	MaxPublicEvidence = 50
	// MaxShowcaseQuery bounds a search text, in characters.
	MaxShowcaseQuery = 200
	// MaxSimilarProjects bounds the answer of the originality check.
	MaxSimilarProjects = 50
	// DefaultSimilarProjects is how many alike projects are listed unless asked.
	DefaultSimilarProjects = 10
)

// Publication is a project on the innovation showcase (etalase inovasi):
// what the public may see of it, copied from the project, its agency and
// its cohort when the participant publishes (a design is frozen once
// approved, so the copy stays true), with the participant's own account of
// the innovation and the evidence they chose to show. A withdrawn
// publication keeps its id, so that publishing again keeps its studi tiru.
type Publication struct {
	ID        uuid.UUID
	ProjectID uuid.UUID
	CohortID  uuid.UUID
	Title     string
	Problem   string
	// Innovation is the participant's public account of what is new and
	// how it works, written for other regions that may copy it.
	Innovation      string
	InnovationAreas []string
	// AgencyID, AgencyName and Region are the participant's agency when
	// published; nil and empty for a participant without one.
	AgencyID   *uuid.UUID
	AgencyName string
	Region     string
	// Province and Regency are the agency's place when published (Region
	// is the two in one line); UnitID and UnitName the participant's work
	// unit then, nil and empty when they had none.
	Province string
	Regency  string
	UnitID   *uuid.UUID
	UnitName string
	Program  Program
	// Year is the year the cohort started.
	Year int
	// PublicEvidence lists the approved evidence the participant made public.
	PublicEvidence []uuid.UUID
	PublishedBy    uuid.UUID
	PublishedAt    time.Time
	// WithdrawnAt is set while the publication is off the showcase.
	WithdrawnBy *uuid.UUID
	WithdrawnAt *time.Time
	// Offer is what the caller who read it may do to it now; it is theirs,
	// so audit snapshots leave it out.
	Offer     Offer `json:"-"`
	Version   int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// SearchFields are the stems a publication is found by (package bahasa),
// from the most to the least weighty: its title; its problem and
// innovation; its innovation areas; its agency, region and unit.
type SearchFields struct {
	Title, Body, Tags, Place string
}

// SearchFields returns the stems the showcase indexes of the publication.
func (p Publication) SearchFields() SearchFields {
	return SearchFields{
		Title: bahasa.Stems(p.Title),
		Body:  bahasa.Stems(p.Problem + "\n" + p.Innovation),
		Tags:  bahasa.Stems(strings.Join(p.InnovationAreas, " ")),
		Place: bahasa.Stems(p.AgencyName + "\n" + p.Region + "\n" + p.UnitName),
	}
}

// Public reports whether the publication is on the showcase.
func (p Publication) Public() bool { return p.WithdrawnAt == nil }

// PublicationDraft is what a participant gives to publish their project.
type PublicationDraft struct {
	Innovation string
	// PublicEvidence lists evidence of the project to show: approved
	// evidence only.
	PublicEvidence []uuid.UUID
}

// publish makes p (new or withdrawn or public) public with the draft's
// content and the project's current public face. evidence holds the
// project's evidence named in the draft, by id.
func (p *Publication) publish(d PublicationDraft, project Project, cohort Cohort, agency *Agency, evidence map[uuid.UUID]Evidence, by uuid.UUID, now time.Time) error {
	if err := project.checkPublishable(); err != nil {
		return err
	}
	var v Violations
	innovation := strings.TrimSpace(d.Innovation)
	switch {
	case innovation == "":
		v.Add("innovation", CodePublicationInnovationRequired)
	case utf8.RuneCountInString(innovation) > MaxProjectText:
		v.Add("innovation", CodeFieldTooLong, Params{"max": MaxProjectText})
	}
	if len(d.PublicEvidence) > MaxPublicEvidence {
		v.Add("publicEvidence", CodeFieldTooMany, Params{"max": MaxPublicEvidence})
		return v.Err()
	}
	public := []uuid.UUID{}
	for i, id := range d.PublicEvidence {
		field := fmt.Sprintf("publicEvidence[%d]", i)
		e, ok := evidence[id]
		switch {
		case !ok || e.ProjectID != project.ID:
			v.Add(field, CodePublicationForeignEvidence)
		case !e.Showable():
			v.Add(field, CodePublicationEvidenceNotApproved, Params{"status": e.Status})
		case !slices.Contains(public, id):
			public = append(public, id)
		}
	}
	if err := v.Err(); err != nil {
		return err
	}
	if p.ID == uuid.Nil {
		p.ID, p.ProjectID, p.CreatedAt = NewID(), project.ID, now
	}
	if !p.Public() || p.PublishedAt.IsZero() {
		p.PublishedBy, p.PublishedAt = by, now
	}
	p.CohortID, p.Title, p.Problem, p.Innovation = project.CohortID, project.Title, project.Problem, innovation
	p.InnovationAreas = append([]string{}, project.InnovationAreas...)
	p.AgencyID, p.AgencyName, p.Region, p.Province, p.Regency = nil, "", "", "", ""
	if agency != nil {
		id := agency.ID
		p.AgencyID, p.AgencyName, p.Region, p.Province, p.Regency = &id, agency.Name, agency.Region, agency.Province, agency.Regency
	}
	p.UnitID, p.UnitName = nil, ""
	p.Program, p.Year = cohort.Program, cohort.StartsOn.Time().Year()
	p.PublicEvidence = public
	p.WithdrawnBy, p.WithdrawnAt = nil, nil
	p.Version++
	p.UpdatedAt = now
	return nil
}

// setUnit names the participant's work unit on a publication just
// published; a unit of another agency than the publication's is left out.
func (p *Publication) setUnit(u *Unit) {
	p.UnitID, p.UnitName = nil, ""
	if u != nil && p.AgencyID != nil && u.AgencyID == *p.AgencyID {
		id := u.ID
		p.UnitID, p.UnitName = &id, u.Name
	}
}

// checkPublishable refuses to publish a project whose design is not
// approved.
func (p Project) checkPublishable() error {
	if !p.designApproved() {
		return Conflict(CodePublicationNotApproved, Params{"status": p.Status})
	}
	return nil
}

// checkPublic refuses to withdraw a publication that is off the showcase.
func (p *Publication) checkPublic() error {
	if !p.Public() {
		return NotFound("publication")
	}
	return nil
}

// withdraw takes the publication off the showcase.
func (p *Publication) withdraw(by uuid.UUID, now time.Time) error {
	if err := p.checkPublic(); err != nil {
		return err
	}
	p.WithdrawnBy, p.WithdrawnAt = &by, &now
	p.Version++
	p.UpdatedAt = now
	return nil
}

// ShowcaseQuery is a search of the showcase. Every field is optional: an
// empty query lists the newest publications first.
type ShowcaseQuery struct {
	// Text is searched in Bahasa Indonesia: its words are stemmed by the
	// lexicon-checked stemmer of package bahasa (so "pelayanan" finds
	// "layanan" and "pengelolaan" "kelola"), phrases of the synonym
	// dictionary find their synonyms (MPP finds "mal pelayanan publik"),
	// and publications matching more of its terms come first: one term is
	// enough to be found. A word is never replaced by another.
	Text string
	// Region keeps publications of agencies in this region (any case):
	// their province, their regency or city, or both as Region writes them.
	Region string
	// Province keeps publications of agencies in this province.
	Province string
	// Regency keeps publications of agencies in this regency or city,
	// written in full ("Kabupaten Klaten") or by its name alone ("Klaten",
	// which finds Kabupaten and Kota Klaten alike).
	Regency string
	// Unit keeps publications whose participant's work unit has this name
	// (any case), such as "Dinas Kependudukan dan Pencatatan Sipil".
	Unit string
	// Program keeps publications of cohorts of this program.
	Program Program
	// Year keeps publications of cohorts that started in this year.
	Year int
	// Area keeps publications with this innovation area (any case).
	Area string
}

// ShowcaseFilters are the filters of a search, as written by the visitor.
type ShowcaseFilters struct {
	Region   string
	Province string
	Regency  string
	Unit     string
	Program  string
	Year     int
	Area     string
}

// NewShowcaseQuery validates a search: every bad parameter is named.
func NewShowcaseQuery(text string, f ShowcaseFilters) (ShowcaseQuery, error) {
	var v Violations
	region, program, year, area := f.Region, f.Program, f.Year, f.Area
	q := ShowcaseQuery{Text: strings.Join(strings.Fields(text), " "), Region: strings.TrimSpace(region),
		Area: strings.ToLower(strings.TrimSpace(area)), Year: year}
	if f.Province != "" {
		p, err := ParseProvince("query.province", f.Province)
		v.AddError("query.province", err)
		q.Province = p
	}
	if unit := strings.Join(strings.Fields(f.Unit), " "); unit != "" {
		q.Unit = unit
		if utf8.RuneCountInString(unit) > MaxTextLength {
			v.Add("query.unit", CodeFieldTooLong, Params{"max": MaxTextLength})
		} else if err := CheckSingleLine("query.unit", unit); err != nil {
			v.AddError("query.unit", err)
		}
	}
	if regency := strings.Join(strings.Fields(f.Regency), " "); regency != "" {
		q.Regency = regency
		if r, err := ParseRegency("query.regency", regency); err == nil {
			q.Regency = r
		} else if utf8.RuneCountInString(regency) > MaxTextLength {
			v.Add("query.regency", CodeFieldTooLong, Params{"max": MaxTextLength})
		} else if err := CheckSingleLine("query.regency", regency); err != nil {
			v.AddError("query.regency", err)
		}
	}
	if utf8.RuneCountInString(q.Text) > MaxShowcaseQuery {
		v.Add("query.q", CodeFieldTooLong, Params{"max": MaxShowcaseQuery})
	}
	if utf8.RuneCountInString(q.Region) > MaxTextLength {
		v.Add("query.region", CodeFieldTooLong, Params{"max": 200})
	}
	if utf8.RuneCountInString(q.Area) > 60 {
		v.Add("query.area", CodeFieldTooLong, Params{"max": 60})
	}
	if program != "" {
		p, err := ParseProgram(program)
		if err != nil {
			v.Add("query.program", CodeFieldNotOneOf, Params{"values": "pkn1, pkn2, pka, pkp"})
		}
		q.Program = p
	}
	if year != 0 && (year < 1990 || year > 2100) {
		v.Add("query.year", CodeQueryYear)
	}
	return q, v.Err()
}

// HighlightPart is a piece of a highlighted text: Match marks the words
// that match the search. Clients show the parts in order, as text, marking
// the matches; no markup ever comes from the stored text.
type HighlightPart struct {
	Text  string
	Match bool
}

// ShowcaseHit is one publication found by a search, with its public face
// and, for a text search, its title and a snippet with the matching words
// marked.
type ShowcaseHit struct {
	ID              uuid.UUID
	Title           string
	TitleHighlight  []HighlightPart
	Snippet         []HighlightPart
	AgencyName      string
	Region          string
	Province        string
	Regency         string
	UnitName        string
	Program         Program
	Year            int
	InnovationAreas []string
	Replications    ReplicationCounts
	// Matched says why the hit was found: the terms of the search it
	// matches, each with the synonym it matched through, if any; Missing
	// lists the terms it does not match. Both are empty without a text.
	Matched []SearchMatch
	Missing []string
	// Score is the relevance to the search text, from 0 to 1; 0 without a
	// text. A hit matching more terms always scores higher.
	Score       float64
	PublishedAt time.Time
}

// SearchMatch is a term of a search that a hit matches: as the search wrote
// it, and the phrase of the synonym dictionary it was found through (empty
// when found as written, or by a word of its own family).
type SearchMatch struct {
	Term    string
	Synonym string
}

// ReplicationCounts count the agencies that studied and that adopted an
// innovation.
type ReplicationCounts struct {
	Studied int
	Adopted int
}

// AchievedMilestone is a milestone of a published project that its mentor
// verified as achieved.
type AchievedMilestone struct {
	Title      string
	Horizon    Horizon
	AchievedOn Date
}

// PublicEvidence is evidence a participant made public with their
// publication: what the showcase shows of it.
type PublicEvidence struct {
	ID             uuid.UUID
	MilestoneTitle string
	Title          string
	Description    string
	// URL is set for a link; File for a file, which anyone may download.
	URL  string
	File *StoredFile
}

// ReplicationSummary is one studi tiru of a published innovation, as the
// showcase shows it: which agency, what it did and when.
type ReplicationSummary struct {
	AgencyName string
	Region     string
	Province   string
	Regency    string
	// UnitName is the visiting agency's unit, when the record names one.
	UnitName string
	Status   ReplicationStatus
	On       Date
}

// ShowcaseEntry is a published project as the public sees it: the
// publication's public face, its achieved milestones, the evidence its
// participant made public, and its studi tiru. Nothing else of the project
// is part of it.
type ShowcaseEntry struct {
	Publication  Publication
	Milestones   []AchievedMilestone
	Evidence     []PublicEvidence
	Counts       ReplicationCounts
	Replications []ReplicationSummary
}

// ReplicationStatus is how far an agency went with an innovation it
// learned of in a studi tiru.
type ReplicationStatus string

// The statuses of a studi tiru.
const (
	ReplicationStudied ReplicationStatus = "studied" // visited or studied it
	ReplicationAdopted ReplicationStatus = "adopted" // put it to work at home
)

// MaxReplicationDocuments bounds the documents of one studi tiru record.
const MaxReplicationDocuments = 10

// ReplicationDocumentKind is what a document of a studi tiru is.
type ReplicationDocumentKind string

// The kinds of studi tiru documents.
const (
	DocumentMoU         ReplicationDocumentKind = "mou"          // nota kesepahaman
	DocumentPKS         ReplicationDocumentKind = "pks"          // perjanjian kerja sama
	DocumentAdoptionSK  ReplicationDocumentKind = "sk_adopsi"    // the adopting agency's decree
	DocumentBeritaAcara ReplicationDocumentKind = "berita_acara" // minutes of the visit
	DocumentOther       ReplicationDocumentKind = "other"
)

// ReplicationDocumentKinds lists the kinds, in the order forms offer them.
var ReplicationDocumentKinds = []ReplicationDocumentKind{DocumentMoU, DocumentPKS, DocumentAdoptionSK, DocumentBeritaAcara, DocumentOther}

// ReplicationDocument is a document of a studi tiru, where it is published
// (the agency's JDIH or website): an MoU or PKS, the adoption decree, the
// minutes of the visit.
type ReplicationDocument struct {
	Kind  ReplicationDocumentKind
	Title string
	URL   string
}

// Replication is a studi tiru record: an agency studied or adopted a
// published innovation, on a day, recorded by one of its own officials or
// by an organizer. Repeat visits are separate records, one a day.
type Replication struct {
	ID            uuid.UUID
	PublicationID uuid.UUID
	AgencyID      uuid.UUID
	// UnitID is the visiting agency's unit that made the studi tiru, when
	// known; a unit of AgencyID.
	UnitID     *uuid.UUID
	Status     ReplicationStatus
	On         Date
	Note       string
	Documents  []ReplicationDocument
	RecordedBy uuid.UUID
	CreatedAt  time.Time
}

// ReplicationDraft is what an organizer records.
type ReplicationDraft struct {
	AgencyID uuid.UUID
	// UnitID optionally names the agency's unit that visited.
	UnitID    *uuid.UUID
	Status    string
	On        Date
	Note      string
	Documents []ReplicationDocument
}

// newReplication validates a draft for a publication on the given day.
func newReplication(p Publication, d ReplicationDraft, by uuid.UUID, today Date, now time.Time) (Replication, error) {
	var v Violations
	r := Replication{ID: NewID(), PublicationID: p.ID, AgencyID: d.AgencyID, UnitID: d.UnitID, Status: ReplicationStatus(d.Status), On: d.On,
		RecordedBy: by, CreatedAt: now}
	if d.AgencyID == uuid.Nil {
		v.Add("agencyId", CodeFieldRequired)
	} else if p.AgencyID != nil && *p.AgencyID == d.AgencyID {
		v.Add("agencyId", CodeShowcaseOwnAgency)
	}
	if r.Status != ReplicationStudied && r.Status != ReplicationAdopted {
		v.Add("status", CodeShowcaseReplicationStatus)
	}
	switch {
	case d.On.IsZero():
		v.Add("date", CodeFieldRequired)
	case today.Before(d.On):
		v.Add("date", CodeShowcaseReplicationFuture)
	}
	r.Note = longText(&v, "note", d.Note)
	r.Documents = replicationDocuments(&v, d.Documents)
	return r, v.Err()
}

// replicationDocuments checks the documents of a studi tiru: each of a
// known kind, titled, at an http(s) address.
func replicationDocuments(v *Violations, docs []ReplicationDocument) []ReplicationDocument {
	out := []ReplicationDocument{}
	if len(docs) > MaxReplicationDocuments {
		v.Add("documents", CodeFieldTooMany, Params{"max": MaxReplicationDocuments})
		return out
	}
	for i, d := range docs {
		field := fmt.Sprintf("documents[%d]", i)
		if !slices.Contains(ReplicationDocumentKinds, d.Kind) {
			v.Add(field+".kind", CodeShowcaseDocumentKind)
		}
		d.Title = text(v, field+".title", d.Title, true)
		d.URL = strings.TrimSpace(d.URL)
		if u, err := url.Parse(d.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(d.URL) > 2000 {
			v.Add(field+".url", CodeFieldURL)
		}
		out = append(out, d)
	}
	return out
}

// AgencyReplication is a studi tiru of one agency, with the innovation it
// studied or adopted.
type AgencyReplication struct {
	Replication
	PublicationTitle string
	// UnitName is the agency's own unit that made it, when recorded.
	UnitName string
	// InnovatorName and InnovatorRegion are the agency whose innovation it
	// is, with its regency and the innovating participant's unit.
	InnovatorName    string
	InnovatorRegion  string
	InnovatorRegency string
	InnovatorUnit    string
}

// SimilarProject is a project alike another in title, problem or goal, as
// the originality check shows it: what the cohort's staff may know of a
// project of any cohort, and how alike it is.
type SimilarProject struct {
	ProjectID  uuid.UUID
	Title      string
	AgencyName string
	CohortName string
	Status     ProjectStatus
	// PublicationID is set when the project is on the showcase.
	PublicationID *uuid.UUID
	// Score is how alike the projects are, from 0 (nothing in common) to 1
	// (the same texts); TitleSimilarity, ProblemSimilarity and
	// GoalSimilarity are the same per field.
	Score             float64
	TitleSimilarity   float64
	ProblemSimilarity float64
	GoalSimilarity    float64
	// ImplementationStartsOn is the project's cohort's, for its effective status.
	ImplementationStartsOn *Date
}

// SimilarityThreshold is the similarity from which a field counts as matched.
const SimilarityThreshold = 0.3

// MatchedFields names the fields at least SimilarityThreshold alike, from
// the most to the least alike.
func (s SimilarProject) MatchedFields() []string {
	fields := []struct {
		name string
		sim  float64
	}{{"title", s.TitleSimilarity}, {"problem", s.ProblemSimilarity}, {"goal", s.GoalSimilarity}}
	slices.SortStableFunc(fields, func(a, b struct {
		name string
		sim  float64
	}) int {
		switch {
		case a.sim > b.sim:
			return -1
		case a.sim < b.sim:
			return 1
		}
		return 0
	})
	out := []string{}
	for _, f := range fields {
		if f.sim >= SimilarityThreshold {
			out = append(out, f.name)
		}
	}
	return out
}

// PublicationStore keeps publications and the evidence they make public.
type PublicationStore interface {
	// Create stores a new publication with its public evidence.
	Create(ctx context.Context, p Publication) error
	// Update stores p and its public evidence when its stored version is
	// p.Version-1; else KindStale.
	Update(ctx context.Context, p Publication) error
	// Get returns a publication, public or withdrawn, or KindNotFound.
	Get(ctx context.Context, id uuid.UUID) (Publication, error)
	// OfProject returns a project's publication, public or withdrawn, or
	// KindNotFound when it was never published.
	OfProject(ctx context.Context, project uuid.UUID) (Publication, error)
}

// SearchRankLimit bounds how many matching publications a text search
// ranks. Ranking reads every match, so a word that nearly every project
// uses would cost time in proportion to the whole showcase; beyond the
// limit the best of the first SearchRankLimit matches found are returned,
// and the results say they are truncated. A match costs about 3.5 µs to
// read and rank, on top of the index lookup (about 17 ms for the 83,000
// matches of two common words in a million publications): 2,000 keep the
// worst search near 30 ms, so that a few can run at once within the
// showcase's 50 ms budget.
const SearchRankLimit = 2000

// ShowcaseResults is a page of a showcase search.
type ShowcaseResults struct {
	Page[ShowcaseHit]
	// Truncated is true when the text matched more than SearchRankLimit
	// publications and only that many were ranked: more words or a filter
	// give the best results.
	Truncated bool
	// Terms is how many terms the search text has; a hit matching fewer
	// is a partial match (see its Missing).
	Terms int
	// Suggestion is offered when the text found nothing and some of its
	// words are neither Indonesian words of the lexicon nor words of the
	// showcase: the text with those words replaced by the most alike words
	// of the showcase ("pelayanann" to "pelayanan"). It is only offered,
	// never searched in the text's place; empty otherwise.
	Suggestion string
}

// ShowcaseStore reads the public showcase. It sees public publications only:
// a withdrawn one is missing.
type ShowcaseStore interface {
	// Search returns a page of public publications matching q: best first
	// for a text, newest first otherwise.
	Search(ctx context.Context, q ShowcaseQuery, page PageRequest) (ShowcaseResults, error)
	// Entry returns a public publication with what the public may see of
	// its project, or KindNotFound.
	Entry(ctx context.Context, id uuid.UUID) (ShowcaseEntry, error)
	// PublicEvidence returns evidence a public publication makes public, or
	// KindNotFound.
	PublicEvidence(ctx context.Context, publication, evidence uuid.UUID) (PublicEvidence, error)
}

// ReplicationStore keeps studi tiru records.
type ReplicationStore interface {
	// Create stores a record; the same agency, status and day twice for
	// one publication is a KindConflict error.
	Create(ctx context.Context, r Replication) error
	// OfAgency returns a page of an agency's records on public
	// publications, the latest first.
	OfAgency(ctx context.Context, agency uuid.UUID, page PageRequest) (Page[AgencyReplication], error)
	// OfPublication returns a page of the records of one publication,
	// public or withdrawn, the latest first.
	OfPublication(ctx context.Context, publication uuid.UUID, page PageRequest) (Page[AgencyReplication], error)
}

// SimilarityStore finds projects alike one another.
type SimilarityStore interface {
	// Similar returns a page of other projects, of any cohort, alike the
	// project in title, problem or goal, the most alike first.
	Similar(ctx context.Context, project uuid.UUID, page PageRequest) (Page[SimilarProject], error)
}

// ShowcaseWords adds to seen the words of texts that the showcase's
// dictionary keeps (lower case, 3 to 40 letters), which misspelled searches
// are corrected against, and returns them, each once. seen may be nil; a
// caller adding many publications (the store, the seed) passes the same map
// to list each word once.
func ShowcaseWords(seen map[string]bool, texts ...string) []string {
	if seen == nil {
		seen = map[string]bool{}
	}
	var out []string
	for _, text := range texts {
		for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if n := utf8.RuneCountInString(w); n >= 3 && n <= 40 && !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}
