package persistence

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// ProgressStore implements domain.ProgressStore.
type ProgressStore struct {
	db   bun.IDB
	root *bun.DB // scans the rows
}

var _ domain.ProgressStore = (*ProgressStore)(nil)

// progressQuery computes every participant's progress in one statement:
// per project, one pass over its milestones counts each horizon with
// FILTER, one index probe counts waiting evidence, one finds the latest
// event. $1 cohort, $2 today. Its statuses, horizons and phase are
// literals written from the domain's constants (withValues says why: the
// waiting evidence is counted on a partial index); bench/baseline sends it
// with the same two arguments (HotSQL).
var progressQuery = withValues(`
SELECT e.id AS enrollment_id, e.participant_id, e.mentor_id, e.coach_id, u.name AS participant_name, e.group_name, e.class_id, cl.name AS class_name, mu.name AS mentor_name,
       p.id AS project_id, p.title AS project_title, p.status AS project_status, p.plan_version,
       m.*, coalesce(ev.pending, 0) AS pending_evidence, act.at AS last_activity_at,
       (SELECT (ph->>'startsOn')::date FROM cohorts c, jsonb_array_elements(c.phases) ph
        WHERE c.id = $1 AND ph->>'kind' = ?0) AS implementation_starts_on
FROM enrollments e
JOIN projects p ON p.enrollment_id = e.id
JOIN users u ON u.id = e.participant_id
JOIN users mu ON mu.id = e.mentor_id
LEFT JOIN classes cl ON cl.id = e.class_id
CROSS JOIN LATERAL (
	SELECT count(*) FILTER (WHERE horizon = ?1) AS short_total,
	       count(*) FILTER (WHERE horizon = ?1 AND status = ?4) AS short_achieved,
	       count(*) FILTER (WHERE horizon = ?1 AND status = ?5) AS short_awaiting,
	       count(*) FILTER (WHERE horizon = ?1 AND status NOT IN (?4, ?7, ?8) AND due_on < $2) AS short_overdue,
	       count(*) FILTER (WHERE horizon = ?2) AS mid_total,
	       count(*) FILTER (WHERE horizon = ?2 AND status = ?4) AS mid_achieved,
	       count(*) FILTER (WHERE horizon = ?2 AND status = ?5) AS mid_awaiting,
	       count(*) FILTER (WHERE horizon = ?2 AND status NOT IN (?4, ?7, ?8) AND due_on < $2) AS mid_overdue,
	       count(*) FILTER (WHERE horizon = ?3) AS long_total,
	       count(*) FILTER (WHERE horizon = ?3 AND status = ?4) AS long_achieved,
	       count(*) FILTER (WHERE horizon = ?3 AND status = ?5) AS long_awaiting,
	       count(*) FILTER (WHERE horizon = ?3 AND status NOT IN (?4, ?7, ?8) AND due_on < $2) AS long_overdue
	FROM milestones WHERE project_id = p.id
) m
LEFT JOIN LATERAL (SELECT count(*) AS pending FROM evidence WHERE project_id = p.id AND status = ?6) ev ON true
LEFT JOIN LATERAL (SELECT at FROM events WHERE project_id = p.id ORDER BY id DESC LIMIT 1) act ON true
WHERE e.cohort_id = $1`,
	domain.PhaseImplementation, domain.HorizonShort, domain.HorizonMid, domain.HorizonLong,
	domain.MilestoneAchieved, domain.MilestoneAwaitingVerification, domain.EvidenceSubmitted,
	domain.MilestoneNotAchieved, domain.MilestoneContinued)

// progressOrders are the ORDER BY clauses of the sorts.
var progressOrders = map[string]string{
	"name":           ` ORDER BY u.sort_name, u.name, e.id`,
	"progress":       ` ORDER BY CASE WHEN m.short_total = 0 THEN 0 ELSE m.short_achieved::float / m.short_total END DESC, u.sort_name, u.name, e.id`,
	"lastActivityAt": ` ORDER BY act.at DESC NULLS LAST, u.sort_name, u.name, e.id`,
}

type progressRow struct {
	EnrollmentID           uuid.UUID  `bun:"enrollment_id"`
	ParticipantID          uuid.UUID  `bun:"participant_id"`
	MentorID               uuid.UUID  `bun:"mentor_id"`
	CoachID                *uuid.UUID `bun:"coach_id"`
	ParticipantName        string     `bun:"participant_name"`
	Group                  string     `bun:"group_name"`
	ClassID                *uuid.UUID `bun:"class_id"`
	ClassName              *string    `bun:"class_name"`
	MentorName             string     `bun:"mentor_name"`
	ProjectID              uuid.UUID  `bun:"project_id"`
	ProjectTitle           string     `bun:"project_title"`
	ProjectStatus          string     `bun:"project_status"`
	PlanVersion            int        `bun:"plan_version"`
	ShortTotal             int        `bun:"short_total"`
	ShortAchieved          int        `bun:"short_achieved"`
	ShortAwaiting          int        `bun:"short_awaiting"`
	ShortOverdue           int        `bun:"short_overdue"`
	MidTotal               int        `bun:"mid_total"`
	MidAchieved            int        `bun:"mid_achieved"`
	MidAwaiting            int        `bun:"mid_awaiting"`
	MidOverdue             int        `bun:"mid_overdue"`
	LongTotal              int        `bun:"long_total"`
	LongAchieved           int        `bun:"long_achieved"`
	LongAwaiting           int        `bun:"long_awaiting"`
	LongOverdue            int        `bun:"long_overdue"`
	PendingEvidence        int        `bun:"pending_evidence"`
	LastActivityAt         *time.Time `bun:"last_activity_at"`
	ImplementationStartsOn *time.Time `bun:"implementation_starts_on"`
}

func (r progressRow) toDomain() domain.ProgressRow {
	out := domain.ProgressRow{EnrollmentID: r.EnrollmentID, ParticipantName: r.ParticipantName, Group: r.Group, MentorName: r.MentorName,
		ProjectID: r.ProjectID, ProjectTitle: r.ProjectTitle, ProjectStatus: domain.ProjectStatus(r.ProjectStatus),
		Short:           domain.HorizonProgress{Total: r.ShortTotal, Achieved: r.ShortAchieved, AwaitingVerification: r.ShortAwaiting, Overdue: r.ShortOverdue},
		Mid:             domain.HorizonProgress{Total: r.MidTotal, Achieved: r.MidAchieved, AwaitingVerification: r.MidAwaiting, Overdue: r.MidOverdue},
		Long:            domain.HorizonProgress{Total: r.LongTotal, Achieved: r.LongAchieved, AwaitingVerification: r.LongAwaiting, Overdue: r.LongOverdue},
		PendingEvidence: r.PendingEvidence, ClassID: r.ClassID, PlanVersion: r.PlanVersion,
		Parties: domain.Parties{ParticipantID: r.ParticipantID, MentorID: r.MentorID, CoachID: r.CoachID}}
	if r.ClassName != nil {
		out.ClassName = *r.ClassName
	}
	if r.LastActivityAt != nil {
		at := r.LastActivityAt.UTC()
		out.LastActivityAt = &at
	}
	if r.ImplementationStartsOn != nil {
		d := domain.DateOf(*r.ImplementationStartsOn)
		out.ImplementationStartsOn = &d
	}
	return out
}

// Progress streams a cohort's progress rows from one query.
func (s *ProgressStore) Progress(ctx context.Context, q domain.ProgressQuery, each func(domain.ProgressRow) error) error {
	query, args := progressQuery, []any{q.Cohort, q.Today.Time()}
	if q.Group != "" {
		args = append(args, q.Group)
		query += fmt.Sprintf(` AND e.group_name = $%d`, len(args))
	}
	if q.CoachedBy != nil {
		args = append(args, *q.CoachedBy)
		query += fmt.Sprintf(` AND e.coach_id = $%d`, len(args))
	}
	if q.ClassID != nil {
		args = append(args, *q.ClassID)
		query += fmt.Sprintf(` AND e.class_id = $%d`, len(args))
	}
	order, ok := progressOrders[q.Sort]
	if !ok {
		order = progressOrders["name"]
	}
	rows, err := preparedRows(ctx, s.db, query+order, args...)
	if err != nil {
		return dbError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r progressRow
		if err := s.root.ScanRow(ctx, rows, &r); err != nil {
			return dbError(err)
		}
		if err := each(r.toDomain()); err != nil {
			return err
		}
	}
	return dbError(rows.Err())
}
