package api

import (
	"context"
	"encoding/hex"
	"mime"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// publicCache is how long shared caches (a CDN in front of the showcase)
// may keep a public answer: a withdrawn publication may linger that long.
const publicCache = "public, max-age=60"

// PublicationCreate is the body of publish-project.
type PublicationCreate struct {
	Innovation     string      `json:"innovation" minLength:"1" maxLength:"10000" doc:"Your public account of the innovation: what is new, how it works, what it achieved, written for other regions that may copy it. Shown on the showcase beside the project's title and problem." example:"Warga mendaftar antrean layanan KTP-el dan KK melalui WhatsApp dan laman dinas, memilih jam datang, dan menerima pengingat; kuota harian terbuka untuk umum."`
	PublicEvidence EvidenceIDs `json:"publicEvidence,omitempty" maxItems:"50" doc:"Ids of approved evidence of the project to show on the showcase (files may then be downloaded by anyone). Omit to show none; the list replaces the previous one." example:"[\"0b9a3c1e-5d2f-4a8b-9c7e-2f4d6a8b1c3e\"]"`
}

// EvidenceIDs is a list of ids of evidence.
type EvidenceIDs []uuid.UUID

// Schema documents the list as one of uuids, at most 50.
func (EvidenceIDs) Schema(huma.Registry) *huma.Schema {
	return &huma.Schema{Type: "array", MaxItems: intPtr(MaxPublicEvidenceItems), Items: &huma.Schema{Type: "string", Format: "uuid", MaxLength: intPtr(36)},
		Description: "Ids of approved evidence of the project to show on the showcase (files may then be downloaded by anyone). Omit to show none; the list replaces the previous one.",
		Examples:    []any{[]string{"0b9a3c1e-5d2f-4a8b-9c7e-2f4d6a8b1c3e"}}}
}

// MaxPublicEvidenceItems bounds the evidence a publication shows.
const MaxPublicEvidenceItems = domain.MaxPublicEvidence

// Publication is a project's publication on the showcase, as its
// participant and staff see it.
type Publication struct {
	ID              uuid.UUID   `json:"id" format:"uuid" doc:"The publication's id: the showcase entry is /v1/showcase/{id}."`
	ProjectID       uuid.UUID   `json:"projectId" format:"uuid" doc:"The project."`
	Public          bool        `json:"public" doc:"Whether it is on the showcase now (false once withdrawn or unpublished)." example:"true"`
	Title           string      `json:"title" doc:"The project's title, as published." example:"SIAP ANTRE: Layanan Antrean Daring Administrasi Kependudukan Kota Batam"`
	Innovation      string      `json:"innovation" doc:"The participant's public account of the innovation." example:"Warga mendaftar antrean layanan melalui WhatsApp dan laman dinas."`
	InnovationAreas []string    `json:"innovationAreas" doc:"The project's areas of innovation, as published." example:"[\"pelayanan publik\"]"`
	AgencyName      string      `json:"agencyName" doc:"The participant's agency when published; empty without one." example:"Pemerintah Kota Batam"`
	Region          string      `json:"region" doc:"The agency's regency and province in one line." example:"Kota Batam, Kepulauan Riau"`
	Province        string      `json:"province" doc:"The agency's province when published." example:"Kepulauan Riau"`
	Regency         string      `json:"regency" doc:"The agency's regency or city when published; empty for a provincial or central agency." example:"Kota Batam"`
	UnitName        string      `json:"unitName" doc:"The participant's work unit when published; empty without one." example:"Dinas Kependudukan dan Pencatatan Sipil"`
	Program         string      `json:"program" enum:"pkn1,pkn2,pka,pkp" doc:"The cohort's training program." example:"pkn2"`
	Year            int         `json:"year" doc:"The year the cohort started." example:"2026"`
	PublicEvidence  []uuid.UUID `json:"publicEvidence" doc:"The evidence shown on the showcase." example:"[\"0b9a3c1e-5d2f-4a8b-9c7e-2f4d6a8b1c3e\"]"`
	PublishedAt     time.Time   `json:"publishedAt" doc:"When it was (last) put on the showcase."`
	WithdrawnAt     *time.Time  `json:"withdrawnAt,omitempty" doc:"When it was taken off the showcase, while it is off."`
	Version         int64       `json:"version" doc:"Increases with every change; the ETag names it." example:"1"`
	Offered
}

func newPublication(p domain.Publication) Publication {
	return Publication{ID: p.ID, ProjectID: p.ProjectID, Public: p.Public(), Title: p.Title, Innovation: p.Innovation, InnovationAreas: p.InnovationAreas,
		AgencyName: p.AgencyName, Region: p.Region, Province: p.Province, Regency: p.Regency, UnitName: p.UnitName,
		Program: string(p.Program), Year: p.Year, PublicEvidence: p.PublicEvidence,
		PublishedAt: p.PublishedAt, WithdrawnAt: p.WithdrawnAt, Version: p.Version, Offered: offered(p.Offer)}
}

type publicationOutput struct {
	Status int
	ETag   string `header:"ETag" doc:"The version of the publication."`
	Body   Publication
}

// HighlightPart is a piece of a highlighted text. Show the parts in order
// as plain text, marking those with match (with <mark>, say): the parts
// never carry markup of their own, so no stored text can inject any.
type HighlightPart struct {
	Text  string `json:"text" doc:"The text of this part, to be shown as text (escaped), never as markup." example:"Layanan"`
	Match bool   `json:"match" doc:"Whether these words match the search; show them marked." example:"true"`
}

func newHighlight(parts []domain.HighlightPart) []HighlightPart {
	out := make([]HighlightPart, len(parts))
	for i, p := range parts {
		out[i] = HighlightPart{Text: p.Text, Match: p.Match}
	}
	return out
}

// ReplicationCounts count the agencies that studied and that adopted an innovation.
type ReplicationCounts struct {
	Studied int `json:"studied" doc:"How many agencies studied it (studi tiru)." example:"2"`
	Adopted int `json:"adopted" doc:"How many agencies adopted it." example:"1"`
}

// ShowcaseHit is one publication found by search-showcase.
type ShowcaseHit struct {
	ID              uuid.UUID         `json:"id" format:"uuid" doc:"The publication's id, for get-showcase-entry."`
	Title           string            `json:"title" doc:"The project's title." example:"SIAP ANTRE: Layanan Antrean Daring Administrasi Kependudukan Kota Batam"`
	TitleHighlight  []HighlightPart   `json:"titleHighlight" doc:"The title in parts, with the words matching the search marked."`
	Snippet         []HighlightPart   `json:"snippet" doc:"A passage of the problem and the innovation around the matching words, in parts, matches marked; fragments are joined by \" … \". Without a search text, the beginning of the problem."`
	AgencyName      string            `json:"agencyName" doc:"The innovating agency." example:"Pemerintah Kota Batam"`
	Region          string            `json:"region" doc:"Its regency and province in one line." example:"Kota Batam, Kepulauan Riau"`
	Province        string            `json:"province" doc:"Its province." example:"Kepulauan Riau"`
	Regency         string            `json:"regency" doc:"Its regency or city; empty for a provincial or central agency." example:"Kota Batam"`
	UnitName        string            `json:"unitName" doc:"The innovating participant's work unit; empty when not known." example:"Dinas Kependudukan dan Pencatatan Sipil"`
	Program         string            `json:"program" enum:"pkn1,pkn2,pka,pkp" doc:"The training program of the project's cohort." example:"pkn2"`
	Year            int               `json:"year" doc:"The year the cohort started." example:"2026"`
	InnovationAreas []string          `json:"innovationAreas" doc:"Areas of innovation." example:"[\"pelayanan publik\",\"digitalisasi layanan\"]"`
	Replications    ReplicationCounts `json:"replications" doc:"Agencies that studied and adopted it."`
	Matched         []SearchMatch     `json:"matched" doc:"Why it was found: the terms of q it matches, each with the synonym it matched through, if any. Empty without q."`
	Missing         []string          `json:"missing" doc:"The terms of q it does not match: a partial match when any. Empty without q." example:"[\"berbasis\"]"`
	Score           float64           `json:"score" minimum:"0" maximum:"1" doc:"Relevance to the search text, 0 to 1 (best first; a hit matching more terms always scores higher); 0 without a text." example:"0.42"`
	PublishedAt     time.Time         `json:"publishedAt" doc:"When it was put on the showcase."`
}

// SearchMatch is a term of the search a hit matches.
type SearchMatch struct {
	Term    string `json:"term" doc:"The term as q writes it." example:"MPP"`
	Synonym string `json:"synonym,omitempty" doc:"The phrase of the synonym dictionary it was found through; absent when found as written or by a word of its family (pengelolaan for kelola)." example:"mal pelayanan publik"`
}

func newShowcaseHit(h domain.ShowcaseHit) ShowcaseHit {
	matched := make([]SearchMatch, len(h.Matched))
	for i, m := range h.Matched {
		matched[i] = SearchMatch{Term: m.Term, Synonym: m.Synonym}
	}
	return ShowcaseHit{Matched: matched, Missing: h.Missing, ID: h.ID, Title: h.Title, TitleHighlight: newHighlight(h.TitleHighlight), Snippet: newHighlight(h.Snippet),
		AgencyName: h.AgencyName, Region: h.Region, Province: h.Province, Regency: h.Regency, UnitName: h.UnitName,
		Program: string(h.Program), Year: h.Year, InnovationAreas: h.InnovationAreas,
		Replications: ReplicationCounts{Studied: h.Replications.Studied, Adopted: h.Replications.Adopted}, Score: h.Score, PublishedAt: h.PublishedAt}
}

// AchievedMilestone is a milestone of a published project verified as achieved.
type AchievedMilestone struct {
	Title      string      `json:"title" doc:"Title." example:"Tim efektif terbentuk dan rencana aksi disepakati"`
	Horizon    string      `json:"horizon" enum:"short,mid,long" doc:"Short-term (during the training), mid-term (about a year) or long-term (two years or more)." example:"short"`
	AchievedOn domain.Date `json:"achievedOn" format:"date" doc:"The day the mentor verified it." example:"2026-04-20"`
}

// PublicEvidenceItem is evidence shown on the showcase.
type PublicEvidenceItem struct {
	ID             uuid.UUID `json:"id" format:"uuid" doc:"The evidence's id."`
	MilestoneTitle string    `json:"milestoneTitle" doc:"The milestone it proves." example:"Tim efektif terbentuk dan rencana aksi disepakati"`
	Title          string    `json:"title" doc:"Title." example:"SK Tim Efektif"`
	Description    string    `json:"description" doc:"Description." example:"Ditandatangani Kepala Dinas pada 3 Maret 2026."`
	Kind           string    `json:"kind" enum:"file,link" doc:"A file, or a link." example:"file"`
	URL            string    `json:"url,omitempty" format:"uri" doc:"The link, for a link." example:"https://batam.go.id/berita/antrean-daring"`
	FileName       string    `json:"fileName,omitempty" doc:"The file's name, for a file." example:"SK-Tim-Efektif.pdf"`
	Size           int64     `json:"size,omitempty" doc:"The file's size in bytes." example:"482113"`
	MediaType      string    `json:"mediaType,omitempty" doc:"The file's type." example:"application/pdf"`
	ContentPath    string    `json:"contentPath,omitempty" doc:"Where anyone downloads the file (download-showcase-evidence)." example:"/v1/showcase/0b9a3c1e-5d2f-4a8b-9c7e-2f4d6a8b1c3e/evidence/7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f/content"`
}

func newPublicEvidence(publication uuid.UUID, e domain.PublicEvidence) PublicEvidenceItem {
	out := PublicEvidenceItem{ID: e.ID, MilestoneTitle: e.MilestoneTitle, Title: e.Title, Description: e.Description, Kind: "link", URL: e.URL}
	if f := e.File; f != nil {
		out.Kind, out.FileName, out.Size, out.MediaType = "file", f.Name, f.Size, f.MediaType
		out.ContentPath = "/v1/showcase/" + publication.String() + "/evidence/" + e.ID.String() + "/content"
	}
	return out
}

// ReplicatedBy is one studi tiru of an innovation, as the showcase shows it.
type ReplicatedBy struct {
	AgencyName string      `json:"agencyName" doc:"The agency that studied or adopted the innovation." example:"Pemerintah Kabupaten Klaten"`
	Region     string      `json:"region" doc:"Its regency and province in one line." example:"Kabupaten Klaten, Jawa Tengah"`
	Province   string      `json:"province" doc:"Its province." example:"Jawa Tengah"`
	Regency    string      `json:"regency" doc:"Its regency or city." example:"Kabupaten Klaten"`
	UnitName   string      `json:"unitName,omitempty" doc:"Its work unit that made the studi tiru, when recorded." example:"Dinas Kependudukan dan Pencatatan Sipil"`
	Status     string      `json:"status" enum:"studied,adopted" doc:"Studied it (a studi tiru visit or study), or adopted it at home." example:"studied"`
	Date       domain.Date `json:"date" format:"date" doc:"When." example:"2026-05-12"`
}

// ShowcaseEntry is a published project as anyone may see it.
type ShowcaseEntry struct {
	ID              uuid.UUID            `json:"id" format:"uuid" doc:"The publication's id."`
	Title           string               `json:"title" doc:"The project's title." example:"SIAP ANTRE: Layanan Antrean Daring Administrasi Kependudukan Kota Batam"`
	Problem         string               `json:"problem" doc:"The problem the change addresses." example:"Warga menunggu rata-rata 3 sampai 4 jam untuk layanan KTP-el."`
	Innovation      string               `json:"innovation" doc:"The innovation, in its participant's words." example:"Warga mendaftar antrean layanan melalui WhatsApp dan laman dinas."`
	InnovationAreas []string             `json:"innovationAreas" doc:"Areas of innovation." example:"[\"pelayanan publik\"]"`
	AgencyName      string               `json:"agencyName" doc:"The innovating agency." example:"Pemerintah Kota Batam"`
	Region          string               `json:"region" doc:"Its regency and province in one line." example:"Kota Batam, Kepulauan Riau"`
	Province        string               `json:"province" doc:"Its province." example:"Kepulauan Riau"`
	Regency         string               `json:"regency" doc:"Its regency or city; empty for a provincial or central agency." example:"Kota Batam"`
	UnitName        string               `json:"unitName" doc:"The innovating participant's work unit; empty when not known." example:"Dinas Kependudukan dan Pencatatan Sipil"`
	Program         string               `json:"program" enum:"pkn1,pkn2,pka,pkp" doc:"The training program of the project's cohort." example:"pkn2"`
	Year            int                  `json:"year" doc:"The year the cohort started." example:"2026"`
	PublishedAt     time.Time            `json:"publishedAt" doc:"When it was put on the showcase."`
	Milestones      []AchievedMilestone  `json:"milestones" doc:"Its milestones verified as achieved, short-term first."`
	Evidence        []PublicEvidenceItem `json:"evidence" doc:"The evidence its participant made public."`
	Replications    ReplicationCounts    `json:"replications" doc:"Agencies that studied and adopted it."`
	ReplicatedBy    []ReplicatedBy       `json:"replicatedBy" doc:"Which agencies studied or adopted it, and when; latest first."`
}

func newShowcaseEntry(e domain.ShowcaseEntry) ShowcaseEntry {
	p := e.Publication
	out := ShowcaseEntry{ID: p.ID, Title: p.Title, Problem: p.Problem, Innovation: p.Innovation, InnovationAreas: p.InnovationAreas,
		AgencyName: p.AgencyName, Region: p.Region, Province: p.Province, Regency: p.Regency, UnitName: p.UnitName,
		Program: string(p.Program), Year: p.Year, PublishedAt: p.PublishedAt,
		Milestones: make([]AchievedMilestone, len(e.Milestones)), Evidence: make([]PublicEvidenceItem, len(e.Evidence)),
		Replications: ReplicationCounts{Studied: e.Counts.Studied, Adopted: e.Counts.Adopted}, ReplicatedBy: make([]ReplicatedBy, len(e.Replications))}
	for i, m := range e.Milestones {
		out.Milestones[i] = AchievedMilestone{Title: m.Title, Horizon: string(m.Horizon), AchievedOn: m.AchievedOn}
	}
	for i, ev := range e.Evidence {
		out.Evidence[i] = newPublicEvidence(p.ID, ev)
	}
	for i, r := range e.Replications {
		out.ReplicatedBy[i] = ReplicatedBy{AgencyName: r.AgencyName, Region: r.Region, Province: r.Province, Regency: r.Regency,
			UnitName: r.UnitName, Status: string(r.Status), Date: r.On}
	}
	return out
}

// ReplicationCreate is the body of record-replication.
type ReplicationCreate struct {
	AgencyID  uuid.UUID             `json:"agencyId" format:"uuid" doc:"The agency that studied or adopted the innovation (see list-agencies)."`
	UnitID    *uuid.UUID            `json:"unitId,omitempty" format:"uuid" doc:"Its work unit that made the visit (see list-units): a unit of agencyId (422 unit.not_of_agency otherwise)."`
	Status    string                `json:"status" enum:"studied,adopted" doc:"studied: it visited or studied the innovation (studi tiru); adopted: it put the innovation to work at home." example:"studied"`
	Date      domain.Date           `json:"date" format:"date" doc:"When it happened; not in the future." example:"2026-05-12"`
	Note      string                `json:"note,omitempty" maxLength:"10000" doc:"What was studied or adopted, and how." example:"Kunjungan tim Disdukcapil Kabupaten Klaten ke Disdukcapil Kota Batam."`
	Documents []ReplicationDocument `json:"documents,omitempty" maxItems:"10" doc:"Its documents where they are published (the agency's JDIH or website): MoU or PKS, the adoption decree (SK adopsi), the minutes (berita acara)."`
}

// ReplicationDocument is a document of a studi tiru.
type ReplicationDocument struct {
	Kind  string `json:"kind" enum:"mou,pks,sk_adopsi,berita_acara,other" doc:"mou: nota kesepahaman; pks: perjanjian kerja sama; sk_adopsi: the adopting agency's decree; berita_acara: the minutes of the visit." example:"mou"`
	Title string `json:"title" maxLength:"200" doc:"Its title or number." example:"Nota Kesepahaman Pemerintah Kabupaten Batang dan Pemerintah Kota Semarang tentang Kota Cerdas"`
	URL   string `json:"url" format:"uri" maxLength:"2000" doc:"Where it is published (http or https)." example:"https://jdih.batangkab.go.id/mou/2026-12"`
}

func newReplicationDocuments(docs []domain.ReplicationDocument) []ReplicationDocument {
	out := make([]ReplicationDocument, len(docs))
	for i, d := range docs {
		out[i] = ReplicationDocument{Kind: string(d.Kind), Title: d.Title, URL: d.URL}
	}
	return out
}

func (c ReplicationCreate) draft() domain.ReplicationDraft {
	d := domain.ReplicationDraft{AgencyID: c.AgencyID, UnitID: c.UnitID, Status: c.Status, On: c.Date, Note: c.Note}
	for _, doc := range c.Documents {
		d.Documents = append(d.Documents, domain.ReplicationDocument{Kind: domain.ReplicationDocumentKind(doc.Kind), Title: doc.Title, URL: doc.URL})
	}
	return d
}

// Replication is a studi tiru record.
type Replication struct {
	ID            uuid.UUID             `json:"id" format:"uuid" doc:"The record's id."`
	PublicationID uuid.UUID             `json:"publicationId" format:"uuid" doc:"The innovation, on the showcase."`
	AgencyID      uuid.UUID             `json:"agencyId" format:"uuid" doc:"The agency that studied or adopted it."`
	UnitID        *uuid.UUID            `json:"unitId,omitempty" format:"uuid" doc:"Its work unit that made the visit, when recorded."`
	Status        string                `json:"status" enum:"studied,adopted" doc:"Studied or adopted." example:"studied"`
	Date          domain.Date           `json:"date" format:"date" doc:"When it happened." example:"2026-05-12"`
	Note          string                `json:"note" doc:"What was studied or adopted, and how." example:"Kunjungan tim Disdukcapil Kabupaten Klaten ke Disdukcapil Kota Batam."`
	Documents     []ReplicationDocument `json:"documents" doc:"Its documents (MoU/PKS, SK adopsi, berita acara)."`
	RecordedBy    uuid.UUID             `json:"recordedBy" format:"uuid" doc:"Who recorded it."`
	CreatedAt     time.Time             `json:"createdAt" doc:"When it was recorded."`
}

func newReplication(r domain.Replication) Replication {
	return Replication{ID: r.ID, PublicationID: r.PublicationID, AgencyID: r.AgencyID, UnitID: r.UnitID, Status: string(r.Status), Date: r.On, Note: r.Note,
		Documents: newReplicationDocuments(r.Documents), RecordedBy: r.RecordedBy, CreatedAt: r.CreatedAt}
}

// AgencyReplication is a studi tiru of an agency with the innovation concerned.
type AgencyReplication struct {
	Replication
	PublicationTitle string `json:"publicationTitle" doc:"The innovation's title." example:"SIAP ANTRE: Layanan Antrean Daring Administrasi Kependudukan Kota Batam"`
	UnitName         string `json:"unitName,omitempty" doc:"The agency's own unit that made the visit, when recorded." example:"Bagian Organisasi"`
	InnovatorName    string `json:"innovatorName" doc:"The agency whose innovation it is." example:"Pemerintah Kota Batam"`
	InnovatorRegion  string `json:"innovatorRegion" doc:"Its regency and province in one line." example:"Kota Batam, Kepulauan Riau"`
	InnovatorRegency string `json:"innovatorRegency" doc:"Its regency or city." example:"Kota Batam"`
	InnovatorUnit    string `json:"innovatorUnit" doc:"The work unit of the innovating participant, when known." example:"Dinas Kependudukan dan Pencatatan Sipil"`
}

func newAgencyReplication(r domain.AgencyReplication) AgencyReplication {
	return AgencyReplication{Replication: newReplication(r.Replication), PublicationTitle: r.PublicationTitle,
		UnitName: r.UnitName, InnovatorName: r.InnovatorName, InnovatorRegion: r.InnovatorRegion, InnovatorRegency: r.InnovatorRegency, InnovatorUnit: r.InnovatorUnit}
}

// FieldSimilarity says how alike each field of two projects is.
type FieldSimilarity struct {
	Title   float64 `json:"title" minimum:"0" maximum:"1" doc:"Trigram similarity of the titles, 0 to 1." example:"0.82"`
	Problem float64 `json:"problem" minimum:"0" maximum:"1" doc:"Trigram similarity of the problems, 0 to 1." example:"0.64"`
	Goal    float64 `json:"goal" minimum:"0" maximum:"1" doc:"Trigram similarity of the goals, 0 to 1." example:"0.37"`
}

// SimilarProject is a project alike the one asked about, of any cohort.
type SimilarProject struct {
	ProjectID     uuid.UUID       `json:"projectId" format:"uuid" doc:"The alike project (get-project answers only those who may see it)."`
	Title         string          `json:"title" doc:"Its title." example:"Antrean Daring Layanan Adminduk Kabupaten Klaten"`
	AgencyName    string          `json:"agencyName" doc:"Its participant's agency; empty without one." example:"Pemerintah Kabupaten Klaten"`
	CohortName    string          `json:"cohortName" doc:"Its cohort." example:"PKN Tingkat II Angkatan XI Tahun 2025"`
	Status        string          `json:"status" enum:"draft,design_submitted,design_approved,implementing,final_submitted,completed" doc:"Where it stands." example:"completed"`
	PublicationID *uuid.UUID      `json:"publicationId,omitempty" format:"uuid" doc:"Its showcase entry, when it is published."`
	Score         float64         `json:"score" minimum:"0" maximum:"1" doc:"How alike, 0 to 1: the similarities of title, problem and goal, weighted 4:3:3 (over the fields the project asked about has written)." example:"0.71"`
	MatchedFields []string        `json:"matchedFields" doc:"The fields at least 0.3 alike, most alike first." example:"[\"title\",\"problem\"]"`
	Similarity    FieldSimilarity `json:"similarity" doc:"How alike each field is."`
}

func newSimilarProject(s domain.SimilarProject) SimilarProject {
	return SimilarProject{ProjectID: s.ProjectID, Title: s.Title, AgencyName: s.AgencyName, CohortName: s.CohortName, Status: string(s.Status),
		PublicationID: s.PublicationID, Score: s.Score, MatchedFields: s.MatchedFields(),
		Similarity: FieldSimilarity{Title: s.TitleSimilarity, Problem: s.ProblemSimilarity, Goal: s.GoalSimilarity}}
}

// PublicationPath names a publication in the path.
type PublicationPath struct {
	PublicationID uuid.UUID `path:"publicationId" format:"uuid" doc:"The publication's id."`
}

// AgencyPath names an agency in the path.
type AgencyPath struct {
	AgencyID uuid.UUID `path:"agencyId" format:"uuid" doc:"The agency's id."`
}

// ShowcaseSearch are the query parameters of search-showcase.
type ShowcaseSearch struct {
	Q        string `query:"q" maxLength:"200" doc:"Words to search for, in Bahasa Indonesia: stemmed (pelayanan finds layanan), all words must match, \"quoted phrases\" and -excluded words work as in web search engines. When nothing matches, misspelled words are corrected to words of the showcase. Omit to list the newest first." example:"antrean daring"`
	Region   string `query:"region" maxLength:"200" doc:"Only innovations of agencies in this region, any case: a province, a regency or city, or both as region writes them." example:"Kepulauan Riau"`
	Province string `query:"province" maxLength:"200" doc:"Only innovations of agencies in this province (any case; short forms such as Jateng are understood)." example:"Jawa Tengah"`
	Unit     string `query:"unit" maxLength:"200" doc:"Only innovations of participants of this work unit (unit kerja), by its name in any case." example:"Dinas Kependudukan dan Pencatatan Sipil"`
	Regency  string `query:"regency" maxLength:"200" doc:"Only innovations of agencies in this regency or city, any case: in full (Kabupaten Klaten, Kab. Klaten) or by its name alone (Klaten finds Kabupaten and Kota Klaten)." example:"Kabupaten Klaten"`
	Program  string `query:"program" enum:"pkn1,pkn2,pka,pkp" doc:"Only innovations of cohorts of this training program."`
	Year     int    `query:"year" minimum:"1990" maximum:"2100" doc:"Only innovations of cohorts that started in this year." example:"2026"`
	Area     string `query:"area" maxLength:"60" doc:"Only innovations tagged with this area of innovation, any case." example:"pelayanan publik"`
}

// showcaseHits is the answer of search-showcase: a list answer that
// shared caches may keep.
type showcaseHits struct {
	CacheControl string `header:"Cache-Control" doc:"Public answers may be kept by shared caches for a minute."`
	Link         string `header:"Link" doc:"The URL of the next page, as <…>; rel=\"next\", when there is one."`
	Body         struct {
		Items      []ShowcaseHit `json:"items" doc:"The innovations of this page, best (or newest) first."`
		NextCursor string        `json:"nextCursor,omitempty" example:"WyJ0IiwwLjQyLCIyMDI2LTExLTIzVDA5OjMwOjAwWiIsIjBiOWEzYzFlIl0" doc:"Pass as cursor to get the next page; absent on the last page."`
		Terms      int           `json:"terms" minimum:"0" doc:"How many terms q has (words, or phrases of the synonym dictionary); a hit that matched fewer is a partial match." example:"3"`
		Suggestion string        `json:"suggestion,omitempty" doc:"Only when q found nothing and some of its words are neither Indonesian words nor words of the showcase: q with those words replaced by the most alike words of the showcase, to offer (\"Mungkin maksud Anda: …\"); it was not searched." example:"pelayanan kependudukan"`
		Truncated  bool          `json:"truncated" doc:"True when the words match more than 2,000 innovations: only the first 2,000 found were ranked, so these are the best of those. Add words or a filter for the best of all." example:"false"`
	}
}

func registerShowcase(api huma.API, s *Services) {
	tooMany := []int{http.StatusTooManyRequests}
	huma.Register(api, huma.Operation{
		OperationID: "publish-project", Method: http.MethodPost, Path: "/projects/{projectId}/publication", DefaultStatus: http.StatusCreated,
		Summary: "Publish the project on the showcase", Tags: []string{"showcase"}, Security: signedIn, Metadata: idempotent,
		Description: "Puts the project on the public innovation showcase, once its design is approved (409 before), with the participant's account of the innovation and the approved evidence they choose to show (422 names any other). " +
			"What the public sees is the title, problem, innovation areas, agency and region, program and year as they are now, the milestones verified as achieved, and that evidence; nothing else of the project. " +
			"Answers 201 when the project goes on the showcase (also when it comes back after a withdrawal, with the same id and its studi tiru), 200 when it was there already and its innovation text and evidence were replaced. The participant may do this.",
		Errors: []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ProjectPath
		IdempotencyKeyHeader
		Body PublicationCreate
	}) (*publicationOutput, error) {
		pub, became, err := s.Showcase.Publish(ctx, actorOf(ctx), in.ProjectID, domain.PublicationDraft{Innovation: in.Body.Innovation, PublicEvidence: in.Body.PublicEvidence})
		if err != nil {
			return nil, err
		}
		status := http.StatusOK
		if became {
			status = http.StatusCreated
		}
		return &publicationOutput{Status: status, ETag: etag(pub.Version), Body: newPublication(pub)}, nil
	})
	documentSecondSuccess(api, "publish-project", http.StatusCreated, http.StatusOK, "The project was on the showcase already: its innovation text and public evidence are replaced.")

	huma.Register(api, huma.Operation{
		OperationID: "get-publication", Method: http.MethodGet, Path: "/projects/{projectId}/publication",
		Summary: "Get the project's publication", Tags: []string{"showcase"}, Security: signedIn,
		Description: "Returns the project's publication, on the showcase or withdrawn (public tells), to those who may see the project; 404 when it was never published.",
		Errors:      []int{http.StatusUnauthorized, http.StatusNotFound},
	}, func(ctx context.Context, in *ProjectPath) (*publicationOutput, error) {
		pub, err := s.Showcase.GetPublication(ctx, actorOf(ctx), in.ProjectID)
		if err != nil {
			return nil, err
		}
		return &publicationOutput{Status: http.StatusOK, ETag: etag(pub.Version), Body: newPublication(pub)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "unpublish-project", Method: http.MethodDelete, Path: "/projects/{projectId}/publication", DefaultStatus: http.StatusNoContent,
		Summary: "Take the project off the showcase", Tags: []string{"showcase"}, Security: signedIn,
		Description: "Withdraws the project from the showcase (its participant) or takes it down (an organizer of its cohort). Its entry and public files answer 404 from then on; its studi tiru records are kept and return if it is published again. 404 when it is not on the showcase.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound},
	}, func(ctx context.Context, in *ProjectPath) (*struct{}, error) {
		return nil, s.Showcase.Unpublish(ctx, actorOf(ctx), in.ProjectID)
	})

	huma.Register(api, huma.Operation{
		OperationID: "search-showcase", Method: http.MethodGet, Path: "/showcase",
		Summary: "Search the innovation showcase", Tags: []string{"showcase"},
		Description: "Public: no sign-in. Searches the published innovations in Bahasa Indonesia: words are stemmed by a lexicon-checked Indonesian stemmer (pelayanan finds layanan, pengelolaan finds kelola, digitalisasi finds digital) and phrases of the synonym dictionary find their synonyms (MPP finds mal pelayanan publik, daring finds online). " +
			"An innovation matching any term is found; those matching more terms come first, and each hit says which terms it matched (and through which synonym) and which it misses, with the title and a snippet in parts whose matching words are marked. " +
			"No word is ever replaced: when nothing matches, a suggestion for words that are neither Indonesian words nor words of the showcase may be offered (suggestion), never searched in their place. Without q, the newest first. " +
			"Filters: region, province, regency (kabupaten/kota: \"Kabupaten Klaten\", not only \"Jawa Tengah\"), unit (unit kerja), program, year (of the cohort) and area (of innovation). Each client address may make a limited number of showcase requests a minute (429 with Retry-After beyond).",
		Errors: append([]int{http.StatusUnprocessableEntity}, tooMany...),
	}, func(ctx context.Context, in *struct {
		ShowcaseSearch
		PageParams
	}) (*showcaseHits, error) {
		q, err := domain.NewShowcaseQuery(in.Q, domain.ShowcaseFilters{Region: in.Region, Province: in.Province, Regency: in.Regency, Unit: in.Unit,
			Program: in.Program, Year: in.Year, Area: in.Area})
		if err != nil {
			return nil, err
		}
		page, err := s.Showcase.Search(ctx, clientAddress(ctx), q, in.request())
		if err != nil {
			return nil, err
		}
		list := newList(ctx, page.Page, newShowcaseHit)
		out := &showcaseHits{CacheControl: publicCache, Link: list.Link}
		out.Body.Items, out.Body.NextCursor, out.Body.Truncated = list.Body.Items, list.Body.NextCursor, page.Truncated
		out.Body.Terms, out.Body.Suggestion = page.Terms, page.Suggestion
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "get-showcase-entry", Method: http.MethodGet, Path: "/showcase/{publicationId}",
		Summary: "Get an innovation of the showcase", Tags: []string{"showcase"},
		Description: "Public: no sign-in. Returns a published innovation: its title, problem and innovation, agency and region, program and year, the milestones verified as achieved, the evidence its participant made public (files with a public download path), and its studi tiru. Nothing else of the project. 404 once withdrawn. Rate limited like search-showcase.",
		Errors:      []int{http.StatusNotFound, http.StatusTooManyRequests},
	}, func(ctx context.Context, in *PublicationPath) (*struct {
		CacheControl string `header:"Cache-Control" doc:"Public answers may be kept by shared caches for a minute."`
		Body         ShowcaseEntry
	}, error) {
		e, err := s.Showcase.Entry(ctx, clientAddress(ctx), in.PublicationID)
		if err != nil {
			return nil, err
		}
		return &struct {
			CacheControl string `header:"Cache-Control" doc:"Public answers may be kept by shared caches for a minute."`
			Body         ShowcaseEntry
		}{CacheControl: publicCache, Body: newShowcaseEntry(e)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "download-showcase-evidence", Method: http.MethodGet, Path: "/showcase/{publicationId}/evidence/{evidenceId}/content",
		Summary: "Download a public evidence file", Tags: []string{"showcase"},
		Description: "Public: no sign-in. Streams a file its participant made public with the publication, as download-evidence does (attachment, ETag, Range). Evidence that is not public with this publication, or of a withdrawn one, answers 404 like a missing one; a link answers 409. Rate limited like search-showcase.",
		Errors:      []int{http.StatusNotFound, http.StatusConflict, http.StatusTooManyRequests},
		Responses: map[string]*huma.Response{
			"200": {Description: "The file, with its own media type.", Content: evidenceFileContent()},
			"206": {Description: "The requested range of the file.", Content: evidenceFileContent()},
		},
	}, func(ctx context.Context, in *struct {
		PublicationPath
		EvidencePath
	}) (*huma.StreamResponse, error) {
		e, file, err := s.Showcase.OpenPublicEvidence(ctx, clientAddress(ctx), in.PublicationID, in.EvidenceID)
		if err != nil {
			return nil, err
		}
		return &huma.StreamResponse{Body: func(hctx huma.Context) {
			defer file.Close()
			r, w := humago.Unwrap(hctx)
			w.Header().Set("Content-Type", e.File.MediaType)
			w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": e.File.Name}))
			w.Header().Set("ETag", `"`+hex.EncodeToString(e.File.SHA256)+`"`)
			w.Header().Set("Cache-Control", publicCache)
			http.ServeContent(w, r, "", time.Time{}, file)
		}}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "record-replication", Method: http.MethodPost, Path: "/showcase/{publicationId}/replications", DefaultStatus: http.StatusCreated,
		Summary: "Record a studi tiru", Tags: []string{"showcase"}, Security: signedIn, Metadata: idempotent,
		Description: "Records that an agency studied (a studi tiru visit or study) or adopted a published innovation, on a day that has passed, with its documents (MoU/PKS, SK adopsi, berita acara, as links). Repeat visits are separate, dated records: the same agency, status and day twice is a repeat (409); the innovating agency itself is refused (422). The counts show on the showcase. " +
			"Any signed-in official records their own agency's visit (agencyId must be their agency: 403 otherwise); platform admins and organizers of any cohort record any agency's, as the visiting agency's training institution often arranges the visit. The innovation's participant, mentor and organizers read the records in full (list-innovation-replications).",
		Errors: []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		PublicationPath
		IdempotencyKeyHeader
		Body ReplicationCreate
	}) (*struct{ Body Replication }, error) {
		r, err := s.Showcase.RecordReplication(ctx, actorOf(ctx), in.PublicationID, in.Body.draft())
		if err != nil {
			return nil, err
		}
		return &struct{ Body Replication }{Body: newReplication(r)}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-innovation-replications", Method: http.MethodGet, Path: "/showcase/{publicationId}/replications",
		Summary: "List the studi tiru of an innovation in full", Tags: []string{"showcase"}, Security: signedIn,
		Description: "The studi tiru records of a published (or withdrawn) innovation, the latest first, with the visiting agency and unit, notes, documents and who recorded them: for the innovating project's participant and mentor and its cohort's organizers (get-publication offers it). The public entry shows only agency, unit, status and date.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		PublicationPath
		PageParams
	}) (*listOutput[AgencyReplication], error) {
		return listAnswer(ctx, newAgencyReplication)(s.Showcase.InnovationReplications(ctx, actorOf(ctx), in.PublicationID, in.request()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-agency-replications", Method: http.MethodGet, Path: "/agencies/{agencyId}/replications",
		Summary: "List an agency's studi tiru", Tags: []string{"showcase"}, Security: signedIn,
		Description: "Lists the innovations on the showcase that the agency studied or adopted, latest first, with the notes of who recorded them. Platform admins and organizers may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		AgencyPath
		PageParams
	}) (*listOutput[AgencyReplication], error) {
		return listAnswer(ctx, newAgencyReplication)(s.Showcase.AgencyReplications(ctx, actorOf(ctx), in.AgencyID, in.request()))
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-similar-projects", Method: http.MethodGet, Path: "/projects/{projectId}/similar",
		Summary: "Find projects alike this one (originality check)", Tags: []string{"projects"}, Security: signedIn,
		Description: "Lists the projects of any cohort most alike this one in title, problem and goal, most alike first, with a score from 0 to 1 and the fields that match, so that a copied project is spotted and a replication can be declared as one. " +
			"Candidates are the projects with the same problem or goal word for word (whitespace and case aside), with an alike title (trigrams), or sharing two neighbouring stemmed words of the title, goal or problem (once there are a thousand projects, words used by more than one in twenty are left out); the score is the trigram similarity of each field, so a verbatim copy is found among two projects or millions. Of other projects it shows only their title, agency, cohort, status and showcase entry. " +
			"A paged list like every other (items, nextCursor). " +
			"The participant's coach and the cohort's examiners and organizers may do this.",
		Errors: []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ProjectPath
		Limit  int    `query:"limit" minimum:"1" maximum:"50" default:"10" doc:"How many projects a page lists at most (1–50)."`
		Cursor string `query:"cursor" maxLength:"2048" doc:"Where to continue: the nextCursor of the previous page. Omit for the first page."`
	}) (*listOutput[SimilarProject], error) {
		return listAnswer(ctx, newSimilarProject)(s.Showcase.SimilarProjects(ctx, actorOf(ctx), in.ProjectID, domain.PageRequest{Limit: in.Limit, Cursor: in.Cursor}))
	})
}

// documentSecondSuccess adds to an operation's spec a second success status
// with the same body and headers as its default one.
func documentSecondSuccess(api huma.API, operationID string, defaultStatus, status int, description string) {
	for _, item := range api.OpenAPI().Paths {
		for _, op := range []*huma.Operation{item.Get, item.Put, item.Post, item.Patch, item.Delete} {
			if op == nil || op.OperationID != operationID {
				continue
			}
			first := op.Responses[strconv.Itoa(defaultStatus)]
			second := *first
			second.Description = description
			op.Responses[strconv.Itoa(status)] = &second
		}
	}
}
