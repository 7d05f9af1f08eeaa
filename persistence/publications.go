package persistence

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"github.com/proper-id/proper/domain"
)

// publicationRow is a row of publications (without its generated columns,
// which only the search reads).
type publicationRow struct {
	bun.BaseModel `bun:"table:publications,alias:pub"`

	ID              uuid.UUID  `bun:"id,pk,type:uuid"`
	ProjectID       uuid.UUID  `bun:"project_id,type:uuid"`
	CohortID        uuid.UUID  `bun:"cohort_id,type:uuid"`
	AgencyID        *uuid.UUID `bun:"agency_id,type:uuid"`
	Title           string     `bun:"title"`
	Problem         string     `bun:"problem"`
	Innovation      string     `bun:"innovation"`
	InnovationAreas []string   `bun:"innovation_areas,array"`
	AgencyName      string     `bun:"agency_name"`
	Region          string     `bun:"region"`
	Province        string     `bun:"province"`
	Regency         string     `bun:"regency"`
	UnitID          *uuid.UUID `bun:"unit_id,type:uuid"`
	UnitName        string     `bun:"unit_name"`
	Program         string     `bun:"program"`
	Year            int        `bun:"year"`
	PublishedBy     uuid.UUID  `bun:"published_by,type:uuid"`
	PublishedAt     time.Time  `bun:"published_at"`
	WithdrawnBy     *uuid.UUID `bun:"withdrawn_by,type:uuid"`
	WithdrawnAt     *time.Time `bun:"withdrawn_at"`
	Version         int64      `bun:"version"`
	CreatedAt       time.Time  `bun:"created_at"`
	UpdatedAt       time.Time  `bun:"updated_at"`
	// SearchTitle, SearchBody, SearchTags and SearchPlace are the stems
	// the search indexes (domain.Publication.SearchFields).
	SearchTitle string `bun:"search_title"`
	SearchBody  string `bun:"search_body"`
	SearchTags  string `bun:"search_tags"`
	SearchPlace string `bun:"search_place"`
	// PublicEvidence is read from publication_evidence.
	PublicEvidence []string `bun:"public_evidence,array,scanonly"`
}

func publicationFromDomain(p domain.Publication) publicationRow {
	r := publicationRow{ID: p.ID, ProjectID: p.ProjectID, CohortID: p.CohortID, AgencyID: p.AgencyID, Title: p.Title, Problem: p.Problem,
		Innovation: p.Innovation, InnovationAreas: p.InnovationAreas, AgencyName: p.AgencyName, Region: p.Region, Program: string(p.Program),
		Province: p.Province, Regency: p.Regency, UnitID: p.UnitID, UnitName: p.UnitName,
		Year: p.Year, PublishedBy: p.PublishedBy, PublishedAt: p.PublishedAt, WithdrawnBy: p.WithdrawnBy, WithdrawnAt: p.WithdrawnAt,
		Version: p.Version, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
	if r.InnovationAreas == nil {
		r.InnovationAreas = []string{}
	}
	f := p.SearchFields()
	r.SearchTitle, r.SearchBody, r.SearchTags, r.SearchPlace = f.Title, f.Body, f.Tags, f.Place
	return r
}

func (r publicationRow) toDomain() domain.Publication {
	p := domain.Publication{ID: r.ID, ProjectID: r.ProjectID, CohortID: r.CohortID, AgencyID: r.AgencyID, Title: r.Title, Problem: r.Problem,
		Innovation: r.Innovation, InnovationAreas: r.InnovationAreas, AgencyName: r.AgencyName, Region: r.Region, Program: domain.Program(r.Program),
		Province: r.Province, Regency: r.Regency, UnitID: r.UnitID, UnitName: r.UnitName,
		Year: r.Year, PublicEvidence: []uuid.UUID{}, PublishedBy: r.PublishedBy, PublishedAt: r.PublishedAt.UTC(), WithdrawnBy: r.WithdrawnBy,
		WithdrawnAt: r.WithdrawnAt, Version: r.Version, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
	if p.InnovationAreas == nil {
		p.InnovationAreas = []string{}
	}
	if p.WithdrawnAt != nil {
		at := p.WithdrawnAt.UTC()
		p.WithdrawnAt = &at
	}
	for _, id := range r.PublicEvidence {
		p.PublicEvidence = append(p.PublicEvidence, uuid.MustParse(id))
	}
	return p
}

// PublicationStore implements domain.PublicationStore.
type PublicationStore struct{ db bun.IDB }

var _ domain.PublicationStore = (*PublicationStore)(nil)

// Create inserts a publication and its public evidence, and adds its words
// to the showcase's dictionary.
func (s *PublicationStore) Create(ctx context.Context, p domain.Publication) error {
	row := publicationFromDomain(p)
	if _, err := s.db.NewInsert().Model(&row).Exec(ctx); err != nil {
		return dbError(err)
	}
	if err := s.addWords(ctx, p); err != nil {
		return err
	}
	return s.setEvidence(ctx, p)
}

// addWords adds the words of a publication's public texts to the
// dictionary misspelled searches are corrected against.
func (s *PublicationStore) addWords(ctx context.Context, p domain.Publication) error {
	words := domain.ShowcaseWords(nil, p.Title, p.Problem, p.Innovation, strings.Join(p.InnovationAreas, " "), p.AgencyName, p.Region, p.UnitName)
	if len(words) == 0 {
		return nil
	}
	_, err := s.db.NewRaw(`INSERT INTO showcase_words (word) SELECT unnest(?::text[]) ORDER BY 1 ON CONFLICT DO NOTHING`, pgdialect.Array(words)).Exec(ctx)
	return dbError(err)
}

// Update writes a publication if nobody changed it since it was read, and
// replaces its public evidence.
func (s *PublicationStore) Update(ctx context.Context, p domain.Publication) error {
	row := publicationFromDomain(p)
	res, err := s.db.NewUpdate().Model(&row).ExcludeColumn("id", "project_id", "created_at").
		WherePK().Where("version = ?", p.Version-1).Exec(ctx)
	if err := staleUnlessOne(res, err); err != nil {
		return err
	}
	if err := s.addWords(ctx, p); err != nil {
		return err
	}
	if _, err := s.db.NewRaw(`DELETE FROM publication_evidence WHERE publication_id = ?`, p.ID).Exec(ctx); err != nil {
		return dbError(err)
	}
	return s.setEvidence(ctx, p)
}

func (s *PublicationStore) setEvidence(ctx context.Context, p domain.Publication) error {
	if len(p.PublicEvidence) == 0 {
		return nil
	}
	_, err := s.db.NewRaw(`INSERT INTO publication_evidence (publication_id, evidence_id) SELECT ?, unnest(?::uuid[])`,
		p.ID, uuidArray(p.PublicEvidence)).Exec(ctx)
	return dbError(err)
}

// selectPublication selects a publication with its public evidence.
func (s *PublicationStore) selectPublication(row *publicationRow) *bun.SelectQuery {
	return s.db.NewSelect().Model(row).
		ColumnExpr("?TableColumns, ARRAY(SELECT pe.evidence_id::text FROM publication_evidence pe WHERE pe.publication_id = pub.id ORDER BY pe.evidence_id) AS public_evidence")
}

// Get returns a publication by id.
func (s *PublicationStore) Get(ctx context.Context, id uuid.UUID) (domain.Publication, error) {
	var row publicationRow
	err := s.selectPublication(&row).Where("pub.id = ?", id).Scan(ctx)
	return row.toDomain(), notFound(err, "publication")
}

// OfProject returns a project's publication.
func (s *PublicationStore) OfProject(ctx context.Context, project uuid.UUID) (domain.Publication, error) {
	var row publicationRow
	err := s.selectPublication(&row).Where("pub.project_id = ?", project).Scan(ctx)
	return row.toDomain(), notFound(err, "publication")
}

// uuidArray writes ids as a PostgreSQL array literal.
func uuidArray(ids []uuid.UUID) string {
	b := []byte{'{'}
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, id.String()...)
	}
	return string(append(b, '}'))
}

// ReplicationStore implements domain.ReplicationStore.
type ReplicationStore struct {
	db    bun.IDB
	reads func() bun.IDB // where lists go (a replica, if any)
}

var _ domain.ReplicationStore = (*ReplicationStore)(nil)

type replicationRow struct {
	bun.BaseModel `bun:"table:replications,alias:r"`

	ID            uuid.UUID             `bun:"id,pk,type:uuid"`
	PublicationID uuid.UUID             `bun:"publication_id,type:uuid"`
	AgencyID      uuid.UUID             `bun:"agency_id,type:uuid"`
	UnitID        *uuid.UUID            `bun:"unit_id,type:uuid"`
	Status        string                `bun:"status"`
	HappenedOn    time.Time             `bun:"happened_on,type:date"`
	Note          string                `bun:"note"`
	Documents     []replicationDocument `bun:"documents,type:jsonb"`
	RecordedBy    uuid.UUID             `bun:"recorded_by,type:uuid"`
	CreatedAt     time.Time             `bun:"created_at"`

	PublicationTitle string `bun:"publication_title,scanonly"`
	UnitName         string `bun:"unit_name,scanonly"`
	InnovatorName    string `bun:"innovator_name,scanonly"`
	InnovatorRegion  string `bun:"innovator_region,scanonly"`
	InnovatorRegency string `bun:"innovator_regency,scanonly"`
	InnovatorUnit    string `bun:"innovator_unit,scanonly"`
}

// replicationDocument is a document of a studi tiru, as replications.documents keeps it.
type replicationDocument struct {
	Kind  string `json:"kind"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

func (r replicationRow) toDomain() domain.AgencyReplication {
	docs := make([]domain.ReplicationDocument, len(r.Documents))
	for i, d := range r.Documents {
		docs[i] = domain.ReplicationDocument{Kind: domain.ReplicationDocumentKind(d.Kind), Title: d.Title, URL: d.URL}
	}
	return domain.AgencyReplication{Replication: domain.Replication{ID: r.ID, PublicationID: r.PublicationID, AgencyID: r.AgencyID, UnitID: r.UnitID,
		Status: domain.ReplicationStatus(r.Status), On: domain.DateOf(r.HappenedOn), Note: r.Note, Documents: docs, RecordedBy: r.RecordedBy, CreatedAt: r.CreatedAt.UTC()},
		PublicationTitle: r.PublicationTitle, UnitName: r.UnitName, InnovatorName: r.InnovatorName, InnovatorRegion: r.InnovatorRegion,
		InnovatorRegency: r.InnovatorRegency, InnovatorUnit: r.InnovatorUnit}
}

// Create inserts a studi tiru record.
func (s *ReplicationStore) Create(ctx context.Context, r domain.Replication) error {
	row := replicationRow{ID: r.ID, PublicationID: r.PublicationID, AgencyID: r.AgencyID, UnitID: r.UnitID, Status: string(r.Status), HappenedOn: r.On.Time(),
		Note: r.Note, Documents: []replicationDocument{}, RecordedBy: r.RecordedBy, CreatedAt: r.CreatedAt}
	for _, d := range r.Documents {
		row.Documents = append(row.Documents, replicationDocument{Kind: string(d.Kind), Title: d.Title, URL: d.URL})
	}
	_, err := s.db.NewInsert().Model(&row).Exec(ctx)
	return dbError(err)
}

// OfAgency returns a page of an agency's records on public publications,
// latest first.
func (s *ReplicationStore) OfAgency(ctx context.Context, agency uuid.UUID, page domain.PageRequest) (domain.Page[domain.AgencyReplication], error) {
	return s.page(ctx, "r.agency_id = ? AND pub.withdrawn_at IS NULL", agency, page)
}

// OfPublication returns a page of one publication's records, latest first.
func (s *ReplicationStore) OfPublication(ctx context.Context, publication uuid.UUID, page domain.PageRequest) (domain.Page[domain.AgencyReplication], error) {
	return s.page(ctx, "r.publication_id = ?", publication, page)
}

// page reads a page of the records where cond holds of arg, latest first,
// with their innovation and the visiting unit.
func (s *ReplicationStore) page(ctx context.Context, cond string, arg any, page domain.PageRequest) (domain.Page[domain.AgencyReplication], error) {
	var afterOn time.Time
	var afterID uuid.UUID
	hasCursor, err := decodeCursor(page.Cursor, &afterOn, &afterID)
	if err != nil {
		return domain.Page[domain.AgencyReplication]{}, err
	}
	var rows []replicationRow
	q := s.reads().NewSelect().Model(&rows).
		ColumnExpr("?TableColumns, pub.title AS publication_title, pub.agency_name AS innovator_name, pub.region AS innovator_region").
		ColumnExpr("pub.regency AS innovator_regency, pub.unit_name AS innovator_unit, coalesce(un.name, '') AS unit_name").
		Join("JOIN publications AS pub ON pub.id = r.publication_id").
		Join("LEFT JOIN agency_units AS un ON un.id = r.unit_id").
		Where(cond, arg).OrderExpr("r.happened_on DESC, r.id").Limit(int64(page.Size() + 1))
	if hasCursor {
		q.Where("(r.happened_on < ? OR (r.happened_on = ? AND r.id > ?))", afterOn, afterOn, afterID)
	}
	if err := q.Scan(ctx); err != nil {
		return domain.Page[domain.AgencyReplication]{}, dbError(err)
	}
	return pageOf(rows, page.Size(), replicationRow.toDomain, func(r replicationRow) []any { return []any{r.HappenedOn, r.ID} }), nil
}
