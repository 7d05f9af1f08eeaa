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

type seminarSessionRow struct {
	bun.BaseModel `bun:"table:seminar_sessions,alias:ss"`

	ID                   uuid.UUID  `bun:"id,pk,type:uuid"`
	CohortID             uuid.UUID  `bun:"cohort_id,type:uuid"`
	Seminar              string     `bun:"seminar"`
	HeldOn               time.Time  `bun:"held_on,type:date"`
	StartsAt             string     `bun:"starts_at"`
	Room                 string     `bun:"room"`
	OnlineLink           string     `bun:"online_link"`
	CoachAndMentorAttend bool       `bun:"coach_and_mentor"`
	OpenedEarlyAt        *time.Time `bun:"opened_early_at"`
	OpenedEarlyBy        *uuid.UUID `bun:"opened_early_by,type:uuid"`
	DeterminedAt         *time.Time `bun:"determined_at"`
	DeterminedBy         *uuid.UUID `bun:"determined_by,type:uuid"`
	Version              int64      `bun:"version"`
	CreatedAt            time.Time  `bun:"created_at"`
	UpdatedAt            time.Time  `bun:"updated_at"`
}

type sessionParticipantRow struct {
	bun.BaseModel `bun:"table:seminar_session_participants"`

	SessionID    uuid.UUID `bun:"session_id,pk,type:uuid"`
	EnrollmentID uuid.UUID `bun:"enrollment_id,pk,type:uuid"`
	ProjectID    uuid.UUID `bun:"project_id,type:uuid"`
	Seminar      string    `bun:"seminar"`
}

type sessionExaminerRow struct {
	bun.BaseModel `bun:"table:seminar_session_examiners"`

	SessionID  uuid.UUID `bun:"session_id,pk,type:uuid"`
	ExaminerID uuid.UUID `bun:"examiner_id,pk,type:uuid"`
}

type seminarResultRow struct {
	bun.BaseModel `bun:"table:seminar_results"`

	ProjectID    uuid.UUID `bun:"project_id,pk,type:uuid"`
	Seminar      string    `bun:"seminar,pk"`
	CohortID     uuid.UUID `bun:"cohort_id,type:uuid"`
	SessionID    uuid.UUID `bun:"session_id,type:uuid"`
	Score        float64   `bun:"score"`
	Predicate    string    `bun:"predicate"`
	Examiners    int       `bun:"examiners"`
	DeterminedAt time.Time `bun:"determined_at"`
	DeterminedBy uuid.UUID `bun:"determined_by,type:uuid"`
}

func (r seminarResultRow) toDomain() domain.DeterminedResult {
	return domain.DeterminedResult{ProjectID: r.ProjectID, CohortID: r.CohortID, Seminar: domain.Seminar(r.Seminar), SessionID: r.SessionID,
		Score: r.Score, Predicate: domain.Predicate(r.Predicate), Examiners: r.Examiners, DeterminedAt: r.DeterminedAt.UTC(), DeterminedBy: r.DeterminedBy}
}

// SeminarStore implements domain.SeminarStore.
type SeminarStore struct{ db bun.IDB }

var _ domain.SeminarStore = (*SeminarStore)(nil)

func sessionFromDomain(s domain.SeminarSession) seminarSessionRow {
	return seminarSessionRow{ID: s.ID, CohortID: s.CohortID, Seminar: string(s.Seminar), HeldOn: s.HeldOn.Time(), StartsAt: s.StartsAt,
		Room: s.Room, OnlineLink: s.OnlineLink, CoachAndMentorAttend: s.CoachAndMentorAttend, OpenedEarlyAt: s.OpenedEarlyAt,
		OpenedEarlyBy: s.OpenedEarlyBy, DeterminedAt: s.DeterminedAt, DeterminedBy: s.DeterminedBy, Version: s.Version,
		CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt}
}

func (r seminarSessionRow) toDomain() domain.SeminarSession {
	utc := func(t *time.Time) *time.Time {
		if t == nil {
			return nil
		}
		u := t.UTC()
		return &u
	}
	return domain.SeminarSession{ID: r.ID, CohortID: r.CohortID, Seminar: domain.Seminar(r.Seminar), HeldOn: domain.DateOf(r.HeldOn),
		StartsAt: r.StartsAt, Room: r.Room, OnlineLink: r.OnlineLink, CoachAndMentorAttend: r.CoachAndMentorAttend,
		Participants: []domain.SessionParticipant{}, Examiners: []domain.SessionExaminer{},
		OpenedEarlyAt: utc(r.OpenedEarlyAt), OpenedEarlyBy: r.OpenedEarlyBy, DeterminedAt: utc(r.DeterminedAt), DeterminedBy: r.DeterminedBy,
		Version: r.Version, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

// saveMembers writes a session's participants and examiners.
func (s *SeminarStore) saveMembers(ctx context.Context, ss domain.SeminarSession) error {
	if len(ss.Participants) > 0 {
		rows := make([]sessionParticipantRow, len(ss.Participants))
		for i, p := range ss.Participants {
			rows[i] = sessionParticipantRow{SessionID: ss.ID, EnrollmentID: p.EnrollmentID, ProjectID: p.ProjectID, Seminar: string(ss.Seminar)}
		}
		if _, err := s.db.NewInsert().Model(&rows).Exec(ctx); err != nil {
			return dbError(err)
		}
	}
	if len(ss.Examiners) > 0 {
		rows := make([]sessionExaminerRow, len(ss.Examiners))
		for i, e := range ss.Examiners {
			rows[i] = sessionExaminerRow{SessionID: ss.ID, ExaminerID: e.UserID}
		}
		if _, err := s.db.NewInsert().Model(&rows).Exec(ctx); err != nil {
			return dbError(err)
		}
	}
	return nil
}

// Create stores a session with its participants and examiners.
func (s *SeminarStore) Create(ctx context.Context, ss domain.SeminarSession) error {
	row := sessionFromDomain(ss)
	if _, err := s.db.NewInsert().Model(&row).Exec(ctx); err != nil {
		return dbError(err)
	}
	return s.saveMembers(ctx, ss)
}

// Update saves a session when its stored version is ss.Version-1, and
// replaces its participants and examiners.
func (s *SeminarStore) Update(ctx context.Context, ss domain.SeminarSession) error {
	row := sessionFromDomain(ss)
	res, err := s.db.NewUpdate().Model(&row).ExcludeColumn("id", "cohort_id", "seminar", "created_at").
		WherePK().Where("version = ?", ss.Version-1).Exec(ctx)
	if err := staleUnlessOne(res, err); err != nil {
		return err
	}
	if _, err := s.db.NewDelete().Model((*sessionParticipantRow)(nil)).Where("session_id = ?", ss.ID).Exec(ctx); err != nil {
		return dbError(err)
	}
	if _, err := s.db.NewDelete().Model((*sessionExaminerRow)(nil)).Where("session_id = ?", ss.ID).Exec(ctx); err != nil {
		return dbError(err)
	}
	return s.saveMembers(ctx, ss)
}

// Get returns a session with its members, scores and results; forUpdate
// locks its row FOR NO KEY UPDATE, which lets scores referencing it be
// inserted meanwhile (their foreign key takes a KEY SHARE lock), so that a
// determination waiting for a project's lock never deadlocks with a score.
func (s *SeminarStore) Get(ctx context.Context, id uuid.UUID, forUpdate bool) (domain.SeminarSession, error) {
	var rows []seminarSessionRow
	q := s.db.NewSelect().Model(&rows).Where("ss.id = ?", id)
	if forUpdate {
		q = q.For("NO KEY UPDATE")
	}
	if err := q.Scan(ctx); err != nil {
		return domain.SeminarSession{}, dbError(err)
	}
	if len(rows) == 0 {
		return domain.SeminarSession{}, domain.NotFound("seminar session")
	}
	list, err := s.load(ctx, rows)
	if err != nil {
		return domain.SeminarSession{}, err
	}
	return list[0], nil
}

// List returns the cohort's sessions of a seminar ("" for both) by date.
func (s *SeminarStore) List(ctx context.Context, cohort uuid.UUID, seminar domain.Seminar) ([]domain.SeminarSession, error) {
	var rows []seminarSessionRow
	q := s.db.NewSelect().Model(&rows).Where("ss.cohort_id = ?", cohort)
	if seminar != "" {
		q = q.Where("ss.seminar = ?", string(seminar))
	}
	if err := q.Order("ss.held_on", "ss.starts_at", "ss.created_at", "ss.id").Scan(ctx); err != nil {
		return nil, dbError(err)
	}
	return s.load(ctx, rows)
}

// OfExaminer returns the sessions a user examines, by date.
func (s *SeminarStore) OfExaminer(ctx context.Context, examiner uuid.UUID) ([]domain.SeminarSession, error) {
	var rows []seminarSessionRow
	err := s.db.NewSelect().Model(&rows).
		Where("ss.id IN (SELECT session_id FROM seminar_session_examiners WHERE examiner_id = ?)", examiner).
		Order("ss.held_on", "ss.starts_at", "ss.created_at", "ss.id").Scan(ctx)
	if err != nil {
		return nil, dbError(err)
	}
	return s.load(ctx, rows)
}

// OfProject returns the session where a project presents a seminar.
func (s *SeminarStore) OfProject(ctx context.Context, project uuid.UUID, seminar domain.Seminar) (domain.SeminarSession, error) {
	var id uuid.UUID
	err := s.db.NewSelect().Model((*sessionParticipantRow)(nil)).Column("session_id").
		Where("project_id = ? AND seminar = ?", project, string(seminar)).Scan(ctx, &id)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.SeminarSession{}, domain.NotFound("seminar session")
	}
	if err != nil {
		return domain.SeminarSession{}, dbError(err)
	}
	return s.Get(ctx, id, false)
}

type sessionParticipantRead struct {
	SessionID     uuid.UUID  `bun:"session_id"`
	EnrollmentID  uuid.UUID  `bun:"enrollment_id"`
	ProjectID     uuid.UUID  `bun:"project_id"`
	ParticipantID uuid.UUID  `bun:"participant_id"`
	MentorID      uuid.UUID  `bun:"mentor_id"`
	CoachID       *uuid.UUID `bun:"coach_id"`
	Name          string     `bun:"name"`
	Title         string     `bun:"title"`
	Status        string     `bun:"status"`
}

type sessionExaminerRead struct {
	SessionID uuid.UUID `bun:"session_id"`
	UserID    uuid.UUID `bun:"examiner_id"`
	Name      string    `bun:"name"`
}

type sessionScoreRead struct {
	ProjectID  uuid.UUID `bun:"project_id"`
	Seminar    string    `bun:"seminar"`
	ExaminerID uuid.UUID `bun:"examiner_id"`
	ID         uuid.UUID `bun:"id"`
	Total      float64   `bun:"total"`
	Predicate  string    `bun:"predicate"`
	CreatedAt  time.Time `bun:"created_at"`
	Revisions  int       `bun:"revisions"`
}

// load fills sessions with their participants (each with the latest score
// of every examiner and the determined result), and examiners: four
// statements however many sessions.
func (s *SeminarStore) load(ctx context.Context, rows []seminarSessionRow) ([]domain.SeminarSession, error) {
	out := make([]domain.SeminarSession, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	ids := make([]uuid.UUID, len(rows))
	index := map[uuid.UUID]int{}
	for i, r := range rows {
		out[i], ids[i], index[r.ID] = r.toDomain(), r.ID, i
	}
	var participants []sessionParticipantRead
	err := s.db.NewRaw(`SELECT sp.session_id, sp.enrollment_id, sp.project_id, e.participant_id, e.mentor_id, e.coach_id, u.name, p.title, p.status
		FROM seminar_session_participants sp JOIN enrollments e ON e.id = sp.enrollment_id JOIN users u ON u.id = e.participant_id
		JOIN projects p ON p.id = sp.project_id WHERE sp.session_id IN (?) ORDER BY u.sort_name, u.name, sp.enrollment_id`, bun.List(ids)).Scan(ctx, &participants)
	if err != nil {
		return nil, dbError(err)
	}
	var examiners []sessionExaminerRead
	err = s.db.NewRaw(`SELECT se.session_id, se.examiner_id, u.name FROM seminar_session_examiners se JOIN users u ON u.id = se.examiner_id
		WHERE se.session_id IN (?) ORDER BY u.sort_name, u.name, se.examiner_id`, bun.List(ids)).Scan(ctx, &examiners)
	if err != nil {
		return nil, dbError(err)
	}
	var scores []sessionScoreRead
	err = s.db.NewRaw(`SELECT DISTINCT ON (a.project_id, a.seminar, a.examiner_id) a.project_id, a.seminar, a.examiner_id, a.id, a.total, a.predicate, a.created_at,
		count(*) OVER (PARTITION BY a.project_id, a.seminar, a.examiner_id) - 1 AS revisions
		FROM assessments a JOIN seminar_session_participants sp ON sp.project_id = a.project_id AND sp.seminar = a.seminar
		WHERE sp.session_id IN (?) ORDER BY a.project_id, a.seminar, a.examiner_id, a.created_at DESC, a.id DESC`, bun.List(ids)).Scan(ctx, &scores)
	if err != nil {
		return nil, dbError(err)
	}
	var results []seminarResultRow
	if err := s.db.NewSelect().Model(&results).Where("session_id IN (?)", bun.List(ids)).Scan(ctx); err != nil {
		return nil, dbError(err)
	}
	for _, p := range participants {
		ss := &out[index[p.SessionID]]
		sp := domain.SessionParticipant{EnrollmentID: p.EnrollmentID, ProjectID: p.ProjectID, ParticipantID: p.ParticipantID, MentorID: p.MentorID,
			CoachID: p.CoachID, Name: p.Name, ProjectTitle: p.Title, ProjectStatus: domain.ProjectStatus(p.Status), Scores: []domain.ExaminerScore{}}
		for _, sc := range scores {
			if sc.ProjectID == p.ProjectID && sc.Seminar == string(ss.Seminar) {
				sp.Scores = append(sp.Scores, domain.ExaminerScore{ExaminerID: sc.ExaminerID, AssessmentID: sc.ID, Total: sc.Total,
					Predicate: domain.Predicate(sc.Predicate), At: sc.CreatedAt.UTC(), Revisions: sc.Revisions})
			}
		}
		for _, r := range results {
			if r.ProjectID == p.ProjectID && r.Seminar == string(ss.Seminar) {
				res := r.toDomain()
				sp.Result = &res
			}
		}
		ss.Participants = append(ss.Participants, sp)
	}
	for _, e := range examiners {
		ss := &out[index[e.SessionID]]
		ss.Examiners = append(ss.Examiners, domain.SessionExaminer{UserID: e.UserID, Name: e.Name})
	}
	return out, nil
}

// SaveResults stores determined results, replacing earlier ones.
func (s *SeminarStore) SaveResults(ctx context.Context, results []domain.DeterminedResult) error {
	if len(results) == 0 {
		return nil
	}
	rows := make([]seminarResultRow, len(results))
	for i, r := range results {
		rows[i] = seminarResultRow{ProjectID: r.ProjectID, Seminar: string(r.Seminar), CohortID: r.CohortID, SessionID: r.SessionID,
			Score: r.Score, Predicate: string(r.Predicate), Examiners: r.Examiners, DeterminedAt: r.DeterminedAt, DeterminedBy: r.DeterminedBy}
	}
	_, err := s.db.NewInsert().Model(&rows).On("CONFLICT (project_id, seminar) DO UPDATE").
		Set("session_id = EXCLUDED.session_id, score = EXCLUDED.score, predicate = EXCLUDED.predicate, examiners = EXCLUDED.examiners").
		Set("determined_at = EXCLUDED.determined_at, determined_by = EXCLUDED.determined_by").Exec(ctx)
	return dbError(err)
}

// ResultsOf returns a project's determined results, design first.
func (s *SeminarStore) ResultsOf(ctx context.Context, project uuid.UUID) ([]domain.DeterminedResult, error) {
	var rows []seminarResultRow
	if err := s.db.NewSelect().Model(&rows).Where("project_id = ?", project).Order("seminar").Scan(ctx); err != nil {
		return nil, dbError(err)
	}
	out := make([]domain.DeterminedResult, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}
