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

type cohortGraduationRow struct {
	bun.BaseModel `bun:"table:cohort_graduations"`

	CohortID          uuid.UUID  `bun:"cohort_id,pk,type:uuid"`
	NamesBest         bool       `bun:"names_best"`
	NumberFormat      string     `bun:"number_format"`
	SignatoryName     string     `bun:"signatory_name"`
	SignatoryPosition string     `bun:"signatory_position"`
	DeterminedAt      *time.Time `bun:"determined_at"`
	DeterminedBy      *uuid.UUID `bun:"determined_by,type:uuid"`
	ReleasedAt        *time.Time `bun:"released_at"`
	ReleasedBy        *uuid.UUID `bun:"released_by,type:uuid"`
	Version           int64      `bun:"version"`
}

type graduationScoreRow struct {
	bun.BaseModel `bun:"table:graduation_scores"`

	EnrollmentID uuid.UUID `bun:"enrollment_id,pk,type:uuid"`
	Component    string    `bun:"component,pk"`
	CohortID     uuid.UUID `bun:"cohort_id,type:uuid"`
	Score        float64   `bun:"score"`
	EnteredBy    uuid.UUID `bun:"entered_by,type:uuid"`
	EnteredAt    time.Time `bun:"entered_at"`
}

type graduationResultRow struct {
	bun.BaseModel `bun:"table:graduation_results,alias:gr"`

	EnrollmentID  uuid.UUID          `bun:"enrollment_id,pk,type:uuid"`
	CohortID      uuid.UUID          `bun:"cohort_id,type:uuid"`
	ProjectID     uuid.UUID          `bun:"project_id,type:uuid"`
	ParticipantID uuid.UUID          `bun:"participant_id,type:uuid"`
	Name          string             `bun:"name"`
	NIP           string             `bun:"nip"`
	Scores        map[string]float64 `bun:"scores,type:jsonb"`
	BelowMinimum  []string           `bun:"below_minimum,array"`
	Total         float64            `bun:"total"`
	Outcome       string             `bun:"outcome"`
	Predicate     string             `bun:"predicate"`
	Rank          int                `bun:"rank"`
	Best          bool               `bun:"best"`
}

// GraduationStore implements domain.GraduationStore.
type GraduationStore struct{ db bun.IDB }

var _ domain.GraduationStore = (*GraduationStore)(nil)

// Get returns the cohort's graduation, the defaults when none is stored.
func (s *GraduationStore) Get(ctx context.Context, cohort uuid.UUID, forUpdate bool) (domain.Graduation, error) {
	if forUpdate {
		if _, err := s.db.NewInsert().Model(&cohortGraduationRow{CohortID: cohort, NumberFormat: domain.DefaultCertificateNumberFormat, Version: 1}).
			On("CONFLICT (cohort_id) DO NOTHING").Exec(ctx); err != nil {
			return domain.Graduation{}, dbError(err)
		}
	}
	var row cohortGraduationRow
	q := s.db.NewSelect().Model(&row).Where("cohort_id = ?", cohort)
	if forUpdate {
		q = q.For("UPDATE")
	}
	switch err := q.Scan(ctx); {
	case errors.Is(err, sql.ErrNoRows):
		return domain.Graduation{CohortID: cohort, Settings: domain.GraduationSettings{NumberFormat: domain.DefaultCertificateNumberFormat}}, nil
	case err != nil:
		return domain.Graduation{}, dbError(err)
	}
	utc := func(t *time.Time) *time.Time {
		if t == nil {
			return nil
		}
		u := t.UTC()
		return &u
	}
	return domain.Graduation{CohortID: cohort, Settings: domain.GraduationSettings{NamesBest: row.NamesBest, NumberFormat: row.NumberFormat,
		SignatoryName: row.SignatoryName, SignatoryPosition: row.SignatoryPosition},
		DeterminedAt: utc(row.DeterminedAt), DeterminedBy: row.DeterminedBy, ReleasedAt: utc(row.ReleasedAt), ReleasedBy: row.ReleasedBy,
		Version: row.Version}, nil
}

// Update saves the settings, determination and release.
func (s *GraduationStore) Update(ctx context.Context, g domain.Graduation) error {
	row := cohortGraduationRow{CohortID: g.CohortID, NamesBest: g.Settings.NamesBest, NumberFormat: g.Settings.NumberFormat,
		SignatoryName: g.Settings.SignatoryName, SignatoryPosition: g.Settings.SignatoryPosition, DeterminedAt: g.DeterminedAt,
		DeterminedBy: g.DeterminedBy, ReleasedAt: g.ReleasedAt, ReleasedBy: g.ReleasedBy, Version: g.Version}
	res, err := s.db.NewUpdate().Model(&row).WherePK().Where("version = ?", g.Version-1).Exec(ctx)
	return staleUnlessOne(res, err)
}

// Inputs reads every enrollment of the cohort with its participant's name
// and NIP, the scores entered and the determined final-seminar result, in
// one query.
func (s *GraduationStore) Inputs(ctx context.Context, cohort uuid.UUID) ([]domain.GraduationInput, error) {
	var rows []struct {
		EnrollmentID  uuid.UUID          `bun:"enrollment_id,type:uuid"`
		ProjectID     uuid.UUID          `bun:"project_id,type:uuid"`
		ParticipantID uuid.UUID          `bun:"participant_id,type:uuid"`
		Name          string             `bun:"name"`
		NIP           sql.NullString     `bun:"nip"`
		Academic      *float64           `bun:"academic"`
		Entered       map[string]float64 `bun:"entered,type:jsonb"`
	}
	err := s.db.NewRaw(`SELECT e.id AS enrollment_id, p.id AS project_id, e.participant_id, u.name, u.nip, r.score AS academic,
		coalesce((SELECT jsonb_object_agg(g.component, g.score) FROM graduation_scores g WHERE g.enrollment_id = e.id), '{}') AS entered
		FROM enrollments e JOIN projects p ON p.enrollment_id = e.id JOIN users u ON u.id = e.participant_id
		LEFT JOIN seminar_results r ON r.project_id = p.id AND r.seminar = ?
		WHERE e.cohort_id = ? ORDER BY u.name, e.id`, domain.SeminarFinal, cohort).Scan(ctx, &rows)
	if err != nil {
		return nil, dbError(err)
	}
	out := make([]domain.GraduationInput, len(rows))
	for i, r := range rows {
		out[i] = domain.GraduationInput{EnrollmentID: r.EnrollmentID, ProjectID: r.ProjectID, ParticipantID: r.ParticipantID,
			Name: r.Name, NIP: domain.NIP(r.NIP.String), Entered: r.Entered, Academic: r.Academic}
	}
	return out, nil
}

// SaveScores inserts or replaces entered scores and removes those without
// a score.
func (s *GraduationStore) SaveScores(ctx context.Context, cohort, by uuid.UUID, at time.Time, scores []domain.GraduationScore) error {
	var upsert []graduationScoreRow
	for _, sc := range scores {
		if sc.Score == nil {
			if _, err := s.db.NewDelete().Model((*graduationScoreRow)(nil)).
				Where("enrollment_id = ? AND component = ?", sc.EnrollmentID, sc.Component).Exec(ctx); err != nil {
				return dbError(err)
			}
			continue
		}
		upsert = append(upsert, graduationScoreRow{EnrollmentID: sc.EnrollmentID, Component: sc.Component, CohortID: cohort,
			Score: *sc.Score, EnteredBy: by, EnteredAt: at})
	}
	if len(upsert) == 0 {
		return nil
	}
	_, err := s.db.NewInsert().Model(&upsert).On("CONFLICT (enrollment_id, component) DO UPDATE").
		Set("score = EXCLUDED.score, entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at").Exec(ctx)
	return dbError(err)
}

// SaveStandings stores the determined standings.
func (s *GraduationStore) SaveStandings(ctx context.Context, cohort uuid.UUID, standings []domain.GraduationStanding) error {
	if len(standings) == 0 {
		return nil
	}
	rows := make([]graduationResultRow, len(standings))
	for i, st := range standings {
		rows[i] = graduationResultRow{EnrollmentID: st.EnrollmentID, CohortID: cohort, ProjectID: st.ProjectID, ParticipantID: st.ParticipantID,
			Name: st.Name, NIP: string(st.NIP), Scores: st.Scores, BelowMinimum: st.BelowMinimum, Total: st.Total,
			Outcome: string(st.Outcome), Predicate: string(st.Predicate), Rank: st.Rank, Best: st.Best}
	}
	_, err := s.db.NewInsert().Model(&rows).Exec(ctx)
	return dbError(err)
}

// Standings returns the determined standings by rank, then name.
func (s *GraduationStore) Standings(ctx context.Context, cohort uuid.UUID) ([]domain.GraduationStanding, error) {
	var rows []graduationResultRow
	if err := s.db.NewSelect().Model(&rows).Where("cohort_id = ?", cohort).Order("rank", "name", "enrollment_id").Scan(ctx); err != nil {
		return nil, dbError(err)
	}
	out := make([]domain.GraduationStanding, len(rows))
	for i, r := range rows {
		out[i] = domain.GraduationStanding{EnrollmentID: r.EnrollmentID, ProjectID: r.ProjectID, ParticipantID: r.ParticipantID,
			Name: r.Name, NIP: domain.NIP(r.NIP), Scores: r.Scores, Missing: []string{}, BelowMinimum: append([]string{}, r.BelowMinimum...),
			Total: r.Total, Outcome: domain.GraduationOutcome(r.Outcome), Predicate: domain.Predicate(r.Predicate), Rank: r.Rank, Best: r.Best}
	}
	return out, nil
}

type certificateRow struct {
	bun.BaseModel `bun:"table:certificates,alias:cert"`

	Number            string     `bun:"number,pk"`
	Series            string     `bun:"series"`
	Seq               int        `bun:"seq"`
	CohortID          uuid.UUID  `bun:"cohort_id,type:uuid"`
	EnrollmentID      uuid.UUID  `bun:"enrollment_id,type:uuid"`
	ParticipantID     uuid.UUID  `bun:"participant_id,type:uuid"`
	Name              string     `bun:"name"`
	NIP               string     `bun:"nip"`
	Program           string     `bun:"program"`
	CohortName        string     `bun:"cohort_name"`
	Institution       string     `bun:"institution_name"`
	StartsOn          time.Time  `bun:"starts_on,type:date"`
	EndsOn            time.Time  `bun:"ends_on,type:date"`
	Predicate         string     `bun:"predicate"`
	Total             float64    `bun:"total"`
	Best              bool       `bun:"best"`
	SignatoryName     string     `bun:"signatory_name"`
	SignatoryPosition string     `bun:"signatory_position"`
	IssuedAt          time.Time  `bun:"issued_at"`
	RevokedAt         *time.Time `bun:"revoked_at"`
	RevokedBy         *uuid.UUID `bun:"revoked_by,type:uuid"`
	RevokedReason     string     `bun:"revoked_reason"`
	Version           int64      `bun:"version"`
}

func certificateFromDomain(c domain.Certificate) certificateRow {
	return certificateRow{Number: c.Number, Series: c.Series, Seq: c.Seq, CohortID: c.CohortID, EnrollmentID: c.EnrollmentID,
		ParticipantID: c.ParticipantID, Name: c.Name, NIP: string(c.NIP), Program: string(c.Program), CohortName: c.CohortName,
		Institution: c.Institution, StartsOn: c.StartsOn.Time(), EndsOn: c.EndsOn.Time(), Predicate: string(c.Predicate), Total: c.Total,
		Best: c.Best, SignatoryName: c.SignatoryName, SignatoryPosition: c.SignatoryPosition, IssuedAt: c.IssuedAt,
		RevokedAt: c.RevokedAt, RevokedBy: c.RevokedBy, RevokedReason: c.RevokedReason, Version: c.Version}
}

func (r certificateRow) toDomain() domain.Certificate {
	var revokedAt *time.Time
	if r.RevokedAt != nil {
		t := r.RevokedAt.UTC()
		revokedAt = &t
	}
	return domain.Certificate{Number: r.Number, Series: r.Series, Seq: r.Seq, CohortID: r.CohortID, EnrollmentID: r.EnrollmentID,
		ParticipantID: r.ParticipantID, Name: r.Name, NIP: domain.NIP(r.NIP), Program: domain.Program(r.Program), CohortName: r.CohortName,
		Institution: r.Institution, StartsOn: domain.DateOf(r.StartsOn), EndsOn: domain.DateOf(r.EndsOn), Predicate: domain.Predicate(r.Predicate),
		Total: r.Total, Best: r.Best, SignatoryName: r.SignatoryName, SignatoryPosition: r.SignatoryPosition, IssuedAt: r.IssuedAt.UTC(),
		RevokedAt: revokedAt, RevokedBy: r.RevokedBy, RevokedReason: r.RevokedReason, Version: r.Version}
}

// NextSeq takes the series' transaction lock and returns its next sequence.
func (s *GraduationStore) NextSeq(ctx context.Context, series string) (int, error) {
	if _, err := s.db.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('certificate-series:' || ?, 0))`, series); err != nil {
		return 0, dbError(err)
	}
	var last int
	if err := s.db.NewRaw(`SELECT coalesce(max(seq), 0) FROM certificates WHERE series = ?`, series).Scan(ctx, &last); err != nil {
		return 0, dbError(err)
	}
	return last + 1, nil
}

// CreateCertificate inserts a certificate.
func (s *GraduationStore) CreateCertificate(ctx context.Context, c domain.Certificate) error {
	row := certificateFromDomain(c)
	_, err := s.db.NewInsert().Model(&row).Exec(ctx)
	return dbError(err)
}

// UpdateCertificate saves a revocation.
func (s *GraduationStore) UpdateCertificate(ctx context.Context, c domain.Certificate) error {
	row := certificateFromDomain(c)
	res, err := s.db.NewUpdate().Model(&row).WherePK().Where("version = ?", c.Version-1).Exec(ctx)
	return staleUnlessOne(res, err)
}

// Certificate returns the certificate of a number.
func (s *GraduationStore) Certificate(ctx context.Context, number string) (domain.Certificate, error) {
	return s.oneCertificate(ctx, "number = ?", number)
}

// CertificateOf returns an enrollment's certificate.
func (s *GraduationStore) CertificateOf(ctx context.Context, enrollment uuid.UUID) (domain.Certificate, error) {
	return s.oneCertificate(ctx, "enrollment_id = ?", enrollment)
}

func (s *GraduationStore) oneCertificate(ctx context.Context, where string, arg any) (domain.Certificate, error) {
	var row certificateRow
	switch err := s.db.NewSelect().Model(&row).Where(where, arg).Scan(ctx); {
	case errors.Is(err, sql.ErrNoRows):
		return domain.Certificate{}, domain.NotFound("certificate")
	case err != nil:
		return domain.Certificate{}, dbError(err)
	}
	return row.toDomain(), nil
}

// Certificates returns a cohort's certificates by enrollment.
func (s *GraduationStore) Certificates(ctx context.Context, cohort uuid.UUID) (map[uuid.UUID]domain.Certificate, error) {
	var rows []certificateRow
	if err := s.db.NewSelect().Model(&rows).Where("cohort_id = ?", cohort).Scan(ctx); err != nil {
		return nil, dbError(err)
	}
	out := make(map[uuid.UUID]domain.Certificate, len(rows))
	for _, r := range rows {
		out[r.EnrollmentID] = r.toDomain()
	}
	return out, nil
}
