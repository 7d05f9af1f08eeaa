package persistence

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// ReportStore implements domain.ReportStore.
type ReportStore struct{ db bun.IDB }

var _ domain.ReportStore = (*ReportStore)(nil)

// projectReportRow is a row of project_reports.
type projectReportRow struct {
	bun.BaseModel `bun:"table:project_reports,alias:pr"`

	ProjectID           uuid.UUID      `bun:"project_id,pk,type:uuid"`
	StatementSignedBy   *uuid.UUID     `bun:"statement_signed_by,type:uuid"`
	StatementName       string         `bun:"statement_name"`
	StatementReplicated string         `bun:"statement_replicated"`
	StatementSignedAt   *time.Time     `bun:"statement_signed_at"`
	NotAchieved         []uuid.UUID    `bun:"not_achieved,type:jsonb"`
	Outcomes            []outcomeValue `bun:"outcomes,type:jsonb"`
	LateAllowedAt       *time.Time     `bun:"late_allowed_at"`
	LateAllowedBy       *uuid.UUID     `bun:"late_allowed_by,type:uuid"`
	LateAllowanceReason string         `bun:"late_allowance_reason"`
	SubmittedAt         *time.Time     `bun:"submitted_at"`
	SubmittedFileID     *uuid.UUID     `bun:"submitted_file_id,type:uuid"`
	SubmittedLate       bool           `bun:"submitted_late"`
	RevisionRequiredAt  *time.Time     `bun:"revision_required_at"`
	RevisionRequiredBy  *uuid.UUID     `bun:"revision_required_by,type:uuid"`
	RevisionDueOn       *time.Time     `bun:"revision_due_on,type:date"`
	RevisionComment     string         `bun:"revision_comment"`
	RevisionOf          int            `bun:"revision_of"`
	RatifiedAt          *time.Time     `bun:"ratified_at"`
	Version             int64          `bun:"version"`
}

func reportFromDomain(r domain.Report) projectReportRow {
	row := projectReportRow{ProjectID: r.ProjectID, LateAllowedAt: r.LateAllowedAt, LateAllowedBy: r.LateAllowedBy,
		LateAllowanceReason: r.LateAllowanceReason, SubmittedAt: r.SubmittedAt, SubmittedFileID: r.SubmittedFileID,
		SubmittedLate: r.SubmittedLate, RevisionRequiredAt: r.RevisionRequiredAt, RevisionRequiredBy: r.RevisionRequiredBy,
		RevisionComment: r.RevisionComment, RevisionOf: r.RevisionOf, RatifiedAt: r.RatifiedAt, Version: r.Version,
		NotAchieved: orEmpty(r.NotAchieved), Outcomes: []outcomeValue{}}
	for _, o := range r.Outcomes {
		row.Outcomes = append(row.Outcomes, outcomeValue{IndicatorID: o.IndicatorID, Achieved: o.Achieved, Note: o.Note})
	}
	if s := r.Statement; s != nil {
		by, at := s.SignedBy, s.SignedAt
		row.StatementSignedBy, row.StatementName, row.StatementReplicated, row.StatementSignedAt = &by, s.Name, s.ReplicatedInnovation, &at
	}
	if r.RevisionDueOn != nil {
		due := r.RevisionDueOn.Time()
		row.RevisionDueOn = &due
	}
	return row
}

func (row projectReportRow) toDomain() domain.Report {
	r := domain.Report{ProjectID: row.ProjectID, LateAllowedAt: row.LateAllowedAt, LateAllowedBy: row.LateAllowedBy,
		LateAllowanceReason: row.LateAllowanceReason, SubmittedAt: row.SubmittedAt, SubmittedFileID: row.SubmittedFileID,
		SubmittedLate: row.SubmittedLate, RevisionRequiredAt: row.RevisionRequiredAt, RevisionRequiredBy: row.RevisionRequiredBy,
		RevisionComment: row.RevisionComment, RevisionOf: row.RevisionOf, RatifiedAt: row.RatifiedAt, Version: row.Version,
		NotAchieved: row.NotAchieved}
	for _, o := range row.Outcomes {
		r.Outcomes = append(r.Outcomes, domain.IndicatorOutcome{IndicatorID: o.IndicatorID, Achieved: o.Achieved, Note: o.Note})
	}
	if row.StatementSignedBy != nil && row.StatementSignedAt != nil {
		r.Statement = &domain.OriginalityStatement{SignedBy: *row.StatementSignedBy, Name: row.StatementName,
			ReplicatedInnovation: row.StatementReplicated, SignedAt: row.StatementSignedAt.UTC()}
	}
	if row.RevisionDueOn != nil {
		due := domain.DateOf(*row.RevisionDueOn)
		r.RevisionDueOn = &due
	}
	return r
}

// outcomeValue is one element of project_reports.outcomes.
type outcomeValue struct {
	IndicatorID uuid.UUID `json:"indicatorId"`
	Achieved    string    `json:"achieved"`
	Note        string    `json:"note"`
}

// reportFileRow is a row of report_files.
type reportFileRow struct {
	bun.BaseModel `bun:"table:report_files,alias:rf"`

	ID         uuid.UUID `bun:"id,pk,type:uuid"`
	ProjectID  uuid.UUID `bun:"project_id,type:uuid"`
	Kind       string    `bun:"kind"`
	Number     int       `bun:"number"`
	FileName   string    `bun:"file_name"`
	Size       int64     `bun:"size"`
	MediaType  string    `bun:"media_type"`
	SHA256     []byte    `bun:"sha256"`
	BlobKey    string    `bun:"blob_key"`
	UploadedBy uuid.UUID `bun:"uploaded_by,type:uuid"`
	UploadedAt time.Time `bun:"uploaded_at"`
	Revision   bool      `bun:"revision"`
	Late       bool      `bun:"late"`
}

// reportEndorsementRow is a row of report_endorsements.
type reportEndorsementRow struct {
	bun.BaseModel `bun:"table:report_endorsements,alias:re"`

	ID           uuid.UUID  `bun:"id,pk,type:uuid"`
	ProjectID    uuid.UUID  `bun:"project_id,type:uuid"`
	Step         string     `bun:"step"`
	Role         string     `bun:"role"`
	UserID       uuid.UUID  `bun:"user_id,type:uuid"`
	Name         string     `bun:"name"`
	Position     string     `bun:"position"`
	At           time.Time  `bun:"at"`
	FileID       uuid.UUID  `bun:"file_id,type:uuid"`
	FileNumber   int        `bun:"file_number"`
	SHA256       []byte     `bun:"sha256"`
	SeminarOn    *time.Time `bun:"seminar_on,type:date"`
	SeminarPlace string     `bun:"seminar_place"`
}

// Get returns a project's report with its files and endorsements, oldest
// first; an empty report of version 0 when none is stored.
func (s *ReportStore) Get(ctx context.Context, project uuid.UUID) (domain.Report, error) {
	var row projectReportRow
	err := s.db.NewSelect().Model(&row).Where("project_id = ?", project).Scan(ctx)
	r := domain.Report{ProjectID: project}
	switch {
	case err == nil:
		r = row.toDomain()
	case !errors.Is(err, sql.ErrNoRows):
		return domain.Report{}, dbError(err)
	}
	var files []reportFileRow
	if err := s.db.NewSelect().Model(&files).Where("project_id = ?", project).OrderExpr("uploaded_at, number").Scan(ctx); err != nil {
		return domain.Report{}, dbError(err)
	}
	for _, f := range files {
		r.Files = append(r.Files, domain.ReportFile{ID: f.ID, ProjectID: f.ProjectID, Kind: domain.ReportFileKind(f.Kind), Number: f.Number,
			File:       domain.StoredFile{Name: f.FileName, Size: f.Size, MediaType: f.MediaType, SHA256: f.SHA256, BlobKey: f.BlobKey},
			UploadedBy: f.UploadedBy, UploadedAt: f.UploadedAt.UTC(), Revision: f.Revision, Late: f.Late})
	}
	var endorsements []reportEndorsementRow
	if err := s.db.NewSelect().Model(&endorsements).Where("project_id = ?", project).OrderExpr("at, id").Scan(ctx); err != nil {
		return domain.Report{}, dbError(err)
	}
	for _, e := range endorsements {
		out := domain.ReportEndorsement{ID: e.ID, ProjectID: e.ProjectID, Step: domain.ReportStep(e.Step), Role: domain.Role(e.Role),
			UserID: e.UserID, Name: e.Name, Position: e.Position, At: e.At.UTC(), FileID: e.FileID, FileNumber: e.FileNumber,
			SHA256: e.SHA256, SeminarPlace: e.SeminarPlace}
		if e.SeminarOn != nil {
			on := domain.DateOf(*e.SeminarOn)
			out.SeminarOn = &on
		}
		r.Endorsements = append(r.Endorsements, out)
	}
	return r, nil
}

// Save inserts a new report (version 1) or updates a stored one whose
// version is r.Version-1.
func (s *ReportStore) Save(ctx context.Context, r domain.Report) error {
	row := reportFromDomain(r)
	if r.Version == 1 {
		_, err := s.db.NewInsert().Model(&row).Exec(ctx)
		return dbError(err)
	}
	res, err := s.db.NewUpdate().Model(&row).ExcludeColumn("project_id").WherePK().Where("version = ?", r.Version-1).Exec(ctx)
	return staleUnlessOne(res, err)
}

// AddFile inserts a version of a report file.
func (s *ReportStore) AddFile(ctx context.Context, f domain.ReportFile) error {
	row := reportFileRow{ID: f.ID, ProjectID: f.ProjectID, Kind: string(f.Kind), Number: f.Number, FileName: f.File.Name, Size: f.File.Size,
		MediaType: f.File.MediaType, SHA256: f.File.SHA256, BlobKey: f.File.BlobKey, UploadedBy: f.UploadedBy, UploadedAt: f.UploadedAt,
		Revision: f.Revision, Late: f.Late}
	_, err := s.db.NewInsert().Model(&row).Exec(ctx)
	return dbError(err)
}

// AddEndorsement inserts an endorsement; a second one by the same person of
// the same sheet and version is a KindConflict error.
func (s *ReportStore) AddEndorsement(ctx context.Context, e domain.ReportEndorsement) error {
	row := reportEndorsementRow{ID: e.ID, ProjectID: e.ProjectID, Step: string(e.Step), Role: string(e.Role), UserID: e.UserID, Name: e.Name,
		Position: e.Position, At: e.At, FileID: e.FileID, FileNumber: e.FileNumber, SHA256: e.SHA256, SeminarPlace: e.SeminarPlace}
	if e.SeminarOn != nil {
		on := e.SeminarOn.Time()
		row.SeminarOn = &on
	}
	_, err := s.db.NewInsert().Model(&row).Exec(ctx)
	return dbError(err)
}
