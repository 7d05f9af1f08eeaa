package persistence

import (
	"context"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// termsRow is program_templates.terms and cohorts.terms.
type termsRow struct {
	Product           string `json:"product"`
	ProductInSentence string `json:"productInSentence"`
	Design            string `json:"design"`
	Report            string `json:"report"`
	Abbreviation      string `json:"abbreviation"`
}

func termsFromDomain(t domain.ProgramTerms) termsRow {
	return termsRow{Product: t.Product, ProductInSentence: t.ProductInSentence, Design: t.Design, Report: t.Report, Abbreviation: t.Abbreviation}
}

func (r termsRow) toDomain() domain.ProgramTerms {
	return domain.ProgramTerms{Product: r.Product, ProductInSentence: r.ProductInSentence, Design: r.Design, Report: r.Report, Abbreviation: r.Abbreviation}
}

// thresholdRow is one element of the thresholds columns.
type thresholdRow struct {
	Above     float64 `json:"above"`
	Predicate string  `json:"predicate"`
}

func thresholdsFromDomain(ts []domain.Threshold) []thresholdRow {
	out := make([]thresholdRow, len(ts))
	for i, t := range ts {
		out[i] = thresholdRow{Above: t.Above, Predicate: string(t.Predicate)}
	}
	return out
}

func thresholdsToDomain(rs []thresholdRow) []domain.Threshold {
	out := make([]domain.Threshold, len(rs))
	for i, r := range rs {
		out[i] = domain.Threshold{Above: r.Above, Predicate: domain.Predicate(r.Predicate)}
	}
	return out
}

// componentRow is one graduation component, or one rubric criterion.
type componentRow struct {
	Key    string `json:"key"`
	Name   string `json:"name"`
	Weight int    `json:"weight"`
	// Minimum is a graduation component's least score (0: none).
	Minimum float64 `json:"minimum,omitempty"`
}

func graduationFromDomain(gs []domain.GraduationComponent) []componentRow {
	out := make([]componentRow, len(gs))
	for i, g := range gs {
		out[i] = componentRow{Key: g.Key, Name: g.Name, Weight: g.Weight, Minimum: g.Minimum}
	}
	return out
}

func graduationToDomain(rs []componentRow) []domain.GraduationComponent {
	out := make([]domain.GraduationComponent, len(rs))
	for i, r := range rs {
		out[i] = domain.GraduationComponent{Key: r.Key, Name: r.Name, Weight: r.Weight, Minimum: r.Minimum}
	}
	return out
}

// agendaStepRow is one element of program_templates.agenda.
type agendaStepRow struct {
	Kind        string `json:"kind"`
	TypicalDays int    `json:"typicalDays"`
}

type programTemplateRow struct {
	bun.BaseModel `bun:"table:program_templates"`

	ID                 uuid.UUID                 `bun:"id,pk,type:uuid"`
	InstitutionID      *uuid.UUID                `bun:"institution_id,type:uuid"`
	Program            string                    `bun:"program"`
	Name               string                    `bun:"name"`
	Terms              termsRow                  `bun:"terms,type:jsonb"`
	Agenda             []agendaStepRow           `bun:"agenda,type:jsonb"`
	Rubrics            map[string][]componentRow `bun:"rubrics,type:jsonb"`
	Thresholds         []thresholdRow            `bun:"thresholds,type:jsonb"`
	Graduation         []componentRow            `bun:"graduation,type:jsonb"`
	MentorResponseDays int                       `bun:"mentor_response_days"`
	ReportLeadDays     int                       `bun:"report_lead_working_days"`
	AppealDays         int                       `bun:"appeal_working_days"`
	ExaminersRequired  int                       `bun:"examiners_required"`
	ShowExaminerScores bool                      `bun:"show_examiner_scores"`
	SourceID           *uuid.UUID                `bun:"source_id,type:uuid"`
	Version            int64                     `bun:"version"`
	CreatedAt          time.Time                 `bun:"created_at"`
	UpdatedAt          time.Time                 `bun:"updated_at"`
}

func programTemplateFromDomain(t domain.ProgramTemplate) programTemplateRow {
	r := programTemplateRow{ID: t.ID, InstitutionID: t.InstitutionID, Program: string(t.Program), Name: t.Name,
		Terms: termsFromDomain(t.Terms), Agenda: make([]agendaStepRow, len(t.Agenda)), Rubrics: map[string][]componentRow{},
		Thresholds: thresholdsFromDomain(t.Thresholds), Graduation: graduationFromDomain(t.Graduation),
		MentorResponseDays: t.Deadlines.MentorResponse, ReportLeadDays: t.Deadlines.ReportLead, AppealDays: t.Deadlines.Appeal,
		ExaminersRequired: t.ExaminersRequired, ShowExaminerScores: t.ShowExaminerScores, SourceID: t.SourceID,
		Version: t.Version, CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt}
	for i, s := range t.Agenda {
		r.Agenda[i] = agendaStepRow{Kind: string(s.Kind), TypicalDays: s.TypicalDays}
	}
	for seminar, criteria := range t.Rubrics {
		rows := make([]componentRow, len(criteria))
		for i, c := range criteria {
			rows[i] = componentRow{Key: c.Key, Name: c.Name, Weight: c.Weight}
		}
		r.Rubrics[string(seminar)] = rows
	}
	return r
}

func (r programTemplateRow) toDomain() domain.ProgramTemplate {
	t := domain.ProgramTemplate{ID: r.ID, InstitutionID: r.InstitutionID, Program: domain.Program(r.Program), Name: r.Name,
		Terms: r.Terms.toDomain(), Agenda: make([]domain.AgendaStep, len(r.Agenda)), Rubrics: map[domain.Seminar][]domain.Criterion{},
		Thresholds: thresholdsToDomain(r.Thresholds), Graduation: graduationToDomain(r.Graduation),
		Deadlines:         domain.ProgramDeadlines{MentorResponse: r.MentorResponseDays, ReportLead: r.ReportLeadDays, Appeal: r.AppealDays},
		ExaminersRequired: r.ExaminersRequired, ShowExaminerScores: r.ShowExaminerScores, SourceID: r.SourceID,
		Version: r.Version, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
	for i, s := range r.Agenda {
		t.Agenda[i] = domain.AgendaStep{Kind: domain.AgendaKind(s.Kind), TypicalDays: s.TypicalDays}
	}
	for seminar, rows := range r.Rubrics {
		criteria := make([]domain.Criterion, len(rows))
		for i, c := range rows {
			criteria[i] = domain.Criterion{Key: c.Key, Name: c.Name, Weight: c.Weight}
		}
		t.Rubrics[domain.Seminar(seminar)] = criteria
	}
	return t
}

// ProgramTemplateStore implements domain.ProgramTemplateStore.
type ProgramTemplateStore struct{ db bun.IDB }

var _ domain.ProgramTemplateStore = (*ProgramTemplateStore)(nil)

// ProgramTemplates returns the program template repository.
func (s *Store) ProgramTemplates() domain.ProgramTemplateStore {
	return &ProgramTemplateStore{db: s.db}
}

// Get returns a template by id.
func (s *ProgramTemplateStore) Get(ctx context.Context, id uuid.UUID) (domain.ProgramTemplate, error) {
	var row programTemplateRow
	err := s.db.NewSelect().Model(&row).Where("id = ?", id).Scan(ctx)
	return row.toDomain(), notFound(err, "program template")
}

// List returns LAN's templates and the institutions' (all when all is
// true): LAN's first, then by program and name. Templates are few (four
// shipped and a handful per institution), so the list is not paged.
func (s *ProgramTemplateStore) List(ctx context.Context, institutions []uuid.UUID, all bool) ([]domain.ProgramTemplate, error) {
	var rows []programTemplateRow
	q := s.db.NewSelect().Model(&rows).OrderExpr("institution_id IS NOT NULL, program, name, id").Limit(1000)
	if !all {
		q.WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
			q.Where("institution_id IS NULL")
			if len(institutions) > 0 {
				q.WhereOr("institution_id IN (?)", bun.List(institutions))
			}
			return q
		})
	}
	if err := q.Scan(ctx); err != nil {
		return nil, dbError(err)
	}
	out := make([]domain.ProgramTemplate, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}

// Create inserts a template.
func (s *ProgramTemplateStore) Create(ctx context.Context, t domain.ProgramTemplate) error {
	row := programTemplateFromDomain(t)
	_, err := s.db.NewInsert().Model(&row).Exec(ctx)
	return dbError(err)
}

// Update writes a template if nobody changed it since it was read.
func (s *ProgramTemplateStore) Update(ctx context.Context, t domain.ProgramTemplate) error {
	row := programTemplateFromDomain(t)
	res, err := s.db.NewUpdate().Model(&row).
		Column("name", "terms", "agenda", "rubrics", "thresholds", "graduation", "mentor_response_days",
			"report_lead_working_days", "appeal_working_days", "examiners_required", "show_examiner_scores", "version", "updated_at").
		WherePK().Where("version = ?", t.Version-1).Exec(ctx)
	return staleUnlessOne(res, err)
}
