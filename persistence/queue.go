package persistence

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// ReviewQueueStore implements domain.ReviewQueueStore.
type ReviewQueueStore struct{ db bun.IDB }

var _ domain.ReviewQueueStore = (*ReviewQueueStore)(nil)

type queueRow struct {
	Kind            string    `bun:"kind"`
	ID              uuid.UUID `bun:"id"`
	ProjectID       uuid.UUID `bun:"project_id"`
	ParticipantName string    `bun:"participant_name"`
	Title           string    `bun:"title"`
	SubmittedAt     time.Time `bun:"submitted_at"`
	DeadlineDays    int       `bun:"response_deadline_days"`
}

// reviewQueue is what waits for user $1, in one query over the partial
// indexes of waiting evidence, claimed milestones, submitted designs and
// pending change requests (which the mentor and the coach decide, like
// the design).
// It is a prepared statement, so its statuses are literals written from
// the domain's constants (withValues says why).
var reviewQueue = withValues(`
SELECT * FROM (
	SELECT 'evidence' AS kind, ev.id, ev.project_id, u.name AS participant_name, ev.title, ev.submitted_at, c.response_deadline_days
	FROM enrollments e JOIN projects p ON p.enrollment_id = e.id JOIN users u ON u.id = e.participant_id JOIN cohorts c ON c.id = e.cohort_id
	JOIN evidence ev ON ev.project_id = p.id AND ev.status = ?0
	WHERE e.mentor_id = $1
	UNION ALL
	SELECT 'milestone', m.id, m.project_id, u.name, m.title, m.claimed_at, c.response_deadline_days
	FROM enrollments e JOIN projects p ON p.enrollment_id = e.id JOIN users u ON u.id = e.participant_id JOIN cohorts c ON c.id = e.cohort_id
	JOIN milestones m ON m.project_id = p.id AND m.status = ?1
	WHERE e.mentor_id = $1
	UNION ALL
	SELECT 'design', p.id, p.id, u.name, p.title, p.design_submitted_at, c.response_deadline_days
	FROM enrollments e JOIN projects p ON p.enrollment_id = e.id AND p.status = ?2 JOIN users u ON u.id = e.participant_id
	JOIN cohorts c ON c.id = e.cohort_id
	WHERE (e.mentor_id = $1 OR e.coach_id = $1)
	  AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.target_type = 'design' AND r.target_id = p.id
	                  AND r.round = p.design_round AND r.reviewer_id = $1)
	UNION ALL
	SELECT 'change_request', cr.id, p.id, u.name, p.title, cr.created_at, c.response_deadline_days
	FROM enrollments e JOIN projects p ON p.enrollment_id = e.id JOIN users u ON u.id = e.participant_id
	JOIN cohorts c ON c.id = e.cohort_id
	JOIN change_requests cr ON cr.project_id = p.id AND cr.status = ?3
	WHERE (e.mentor_id = $1 OR e.coach_id = $1)
	  AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.target_type = 'change_request' AND r.target_id = cr.id AND r.reviewer_id = $1)
) q`, domain.EvidenceSubmitted, domain.MilestoneAwaitingVerification, domain.ProjectDesignSubmitted, domain.ChangeRequestPending)

// Queue returns a page of what waits for user, oldest first.
func (s *ReviewQueueStore) Queue(ctx context.Context, user uuid.UUID, page domain.PageRequest) (domain.Page[domain.ReviewQueueItem], error) {
	var after time.Time
	var afterID uuid.UUID
	hasCursor, err := decodeCursor(page.Cursor, &after, &afterID)
	if err != nil {
		return domain.Page[domain.ReviewQueueItem]{}, err
	}
	// Every mentor's screen asks for it, so it is a prepared statement.
	query, args := reviewQueue, []any{user}
	if hasCursor {
		query += ` WHERE (submitted_at, id) > ($2, $3)`
		args = append(args, after, afterID)
	}
	args = append(args, page.Size()+1)
	var rows []queueRow
	if err := preparedScan(ctx, s.db, query+fmt.Sprintf(` ORDER BY submitted_at, id LIMIT $%d`, len(args)), &rows, args...); err != nil {
		return domain.Page[domain.ReviewQueueItem]{}, dbError(err)
	}
	return pageOf(rows, page.Size(), func(r queueRow) domain.ReviewQueueItem {
		return domain.ReviewQueueItem{Kind: r.Kind, ID: r.ID, ProjectID: r.ProjectID, ParticipantName: r.ParticipantName, Title: r.Title, SubmittedAt: r.SubmittedAt.UTC(),
			ResponseDeadlineDays: r.DeadlineDays}
	}, func(r queueRow) []any { return []any{r.SubmittedAt, r.ID} }), nil
}

// timelineRow is an event with its actor's name.
type timelineRow struct {
	eventRow
	ActorName *string `bun:"actor_name,scanonly"`
}

// TimelineStore implements domain.TimelineStore.
type TimelineStore struct{ db bun.IDB }

var _ domain.TimelineStore = (*TimelineStore)(nil)

// Timeline returns a page of a project's events, newest first, with the
// names of their actors.
func (s *TimelineStore) Timeline(ctx context.Context, project uuid.UUID, page domain.PageRequest) (domain.Page[domain.TimelineEntry], error) {
	var before int64
	hasCursor, err := decodeCursor(page.Cursor, &before)
	if err != nil {
		return domain.Page[domain.TimelineEntry]{}, err
	}
	// Snapshots (before, after) and the sentences of earlier versions
	// (summary) stay in the audit trail: the timeline shows the details.
	query := `SELECT ev.id, ev.at, ev.actor_id, ev.action, ev.target_type, ev.target_id, ev.cohort_id, ev.project_id, ev.details,
		u.name AS actor_name FROM events ev LEFT JOIN users u ON u.id = ev.actor_id WHERE ev.project_id = ?0`
	if hasCursor {
		query += ` AND ev.id < ?1`
	}
	var rows []timelineRow
	if err := s.db.NewRaw(query+` ORDER BY ev.id DESC LIMIT ?2`, project, before, page.Size()+1).Scan(ctx, &rows); err != nil {
		return domain.Page[domain.TimelineEntry]{}, dbError(err)
	}
	return pageOf(rows, page.Size(), func(r timelineRow) domain.TimelineEntry {
		entry := domain.TimelineEntry{ID: r.ID, Event: domain.Event{At: r.At.UTC(), ActorID: r.ActorID, Action: r.Action, TargetType: r.TargetType,
			TargetID: r.TargetID, CohortID: r.CohortID, ProjectID: r.ProjectID, Details: r.Details.toDomain()}}
		if r.ActorName != nil {
			entry.ActorName = *r.ActorName
		}
		return entry
	}, func(r timelineRow) []any { return []any{r.ID} }), nil
}
