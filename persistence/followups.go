package persistence

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// FollowUpStore implements domain.FollowUpStore.
type FollowUpStore struct{ db bun.IDB }

var _ domain.FollowUpStore = (*FollowUpStore)(nil)

// word is what a status or horizon looks like; closedFilter writes only
// such words into SQL.
var word = regexp.MustCompile(`^[a-z_]+$`)

// closedFilter renders the domain's closed horizons as a condition on
// projects p and milestones m: the milestones the participant still works on.
func closedFilter(closed map[domain.ProjectStatus][]domain.Horizon) string {
	var conds []string
	for status, horizons := range closed {
		for _, h := range horizons {
			if !word.MatchString(string(status)) || !word.MatchString(string(h)) {
				panic(fmt.Sprintf("closedFilter: unexpected status %q or horizon %q", status, h))
			}
			conds = append(conds, fmt.Sprintf(" AND NOT (p.status = '%s' AND m.horizon = '%s')", status, h))
		}
	}
	sort.Strings(conds)
	return strings.Join(conds, "")
}

// openMilestones are the statuses of a milestone still worked on.
var openMilestones = bun.List([]domain.MilestoneStatus{domain.MilestonePlanned, domain.MilestoneInProgress})

// designNotApproved are the statuses of a project before its design is
// approved: its milestones are not yet due.
var designNotApproved = bun.List([]domain.ProjectStatus{domain.ProjectDraft, domain.ProjectDesignSubmitted})

// reminderQuery is what concerns user ?0: their open milestones due by ?1
// in projects whose design is approved, and what waits for their decision;
// ?2 to ?5 are the cursor and the limit, and reminderArgs are ?6 to ?19:
// the roles, statuses and kinds of reminder it names.
const reminderQuery = `
SELECT * FROM (
	SELECT ?14 AS kind, 'milestone' AS target_type, m.id AS target_id, p.id AS project_id, p.title AS project_title,
	       u.name AS participant_name, m.title, m.due_on, NULL::timestamptz AS waiting_since, c.response_deadline_days,
	       m.due_on::timestamptz AS at, '' AS comment
	FROM enrollments e JOIN projects p ON p.enrollment_id = e.id JOIN users u ON u.id = e.participant_id JOIN cohorts c ON c.id = e.cohort_id
	JOIN milestones m ON m.project_id = p.id AND m.status IN (?8) AND m.due_on <= ?1
	WHERE e.participant_id = ?0 AND p.status NOT IN (?9) %[1]s
	UNION ALL
	SELECT ?20, 'project', p.id, p.id, p.title, u.name, p.title, NULL, NULL, c.response_deadline_days, p.updated_at, p.revision_comment
	FROM enrollments e JOIN projects p ON p.enrollment_id = e.id AND p.status = ?23 AND p.revision_requested
	JOIN users u ON u.id = e.participant_id JOIN cohorts c ON c.id = e.cohort_id
	WHERE e.participant_id = ?0
	UNION ALL
	SELECT ?21, 'evidence', ev.id, p.id, p.title, u.name, ev.title, NULL, NULL, c.response_deadline_days, ev.reviewed_at, rv.comment
	FROM enrollments e JOIN projects p ON p.enrollment_id = e.id JOIN users u ON u.id = e.participant_id JOIN cohorts c ON c.id = e.cohort_id
	JOIN evidence ev ON ev.project_id = p.id AND ev.status = ?24
	JOIN milestones m ON m.id = ev.milestone_id AND m.status <> ?26
	CROSS JOIN LATERAL (SELECT r.comment FROM reviews r WHERE r.target_type = 'evidence' AND r.target_id = ev.id ORDER BY r.created_at DESC LIMIT 1) rv
	WHERE e.participant_id = ?0 %[1]s
	  AND NOT EXISTS (SELECT 1 FROM evidence later WHERE later.milestone_id = ev.milestone_id AND later.submitted_at > ev.submitted_at)
	UNION ALL
	SELECT ?22, 'milestone', m.id, p.id, p.title, u.name, m.title, m.due_on, NULL, c.response_deadline_days, rv.created_at, rv.comment
	FROM enrollments e JOIN projects p ON p.enrollment_id = e.id JOIN users u ON u.id = e.participant_id JOIN cohorts c ON c.id = e.cohort_id
	JOIN milestones m ON m.project_id = p.id AND m.status = ?25
	CROSS JOIN LATERAL (SELECT r.comment, r.decision, r.created_at FROM reviews r WHERE r.target_type = 'milestone' AND r.target_id = m.id
	                    ORDER BY r.created_at DESC LIMIT 1) rv
	WHERE e.participant_id = ?0 AND rv.decision = ?27 %[1]s
	UNION ALL
	SELECT ?15, 'evidence', ev.id, p.id, p.title, u.name, ev.title, NULL, ev.submitted_at, c.response_deadline_days, ev.submitted_at, ''
	FROM enrollments e JOIN projects p ON p.enrollment_id = e.id JOIN users u ON u.id = e.participant_id JOIN cohorts c ON c.id = e.cohort_id
	JOIN evidence ev ON ev.project_id = p.id AND ev.status = ?10
	WHERE e.mentor_id = ?0
	UNION ALL
	SELECT ?16, 'milestone', m.id, p.id, p.title, u.name, m.title, NULL, m.claimed_at, c.response_deadline_days, m.claimed_at, ''
	FROM enrollments e JOIN projects p ON p.enrollment_id = e.id JOIN users u ON u.id = e.participant_id JOIN cohorts c ON c.id = e.cohort_id
	JOIN milestones m ON m.project_id = p.id AND m.status = ?11
	WHERE e.mentor_id = ?0
	UNION ALL
	SELECT ?17, 'project', p.id, p.id, p.title, u.name, p.title, NULL, p.design_submitted_at, c.response_deadline_days, p.design_submitted_at, ''
	FROM enrollments e JOIN projects p ON p.enrollment_id = e.id AND p.status = ?12 JOIN users u ON u.id = e.participant_id
	JOIN cohorts c ON c.id = e.cohort_id
	WHERE (e.mentor_id = ?0 OR e.coach_id = ?0)
	  AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.target_type = 'design' AND r.target_id = p.id AND r.round = p.design_round AND r.reviewer_id = ?0)
	UNION ALL
	SELECT ?18, 'mentor_transfer', t.id, p.id, p.title, u.name, p.title, NULL, t.created_at, c.response_deadline_days, t.created_at, ''
	FROM mentor_transfers t JOIN enrollments e ON e.id = t.enrollment_id JOIN projects p ON p.enrollment_id = e.id
	JOIN users u ON u.id = e.participant_id JOIN cohorts c ON c.id = e.cohort_id
	WHERE t.mentor_id = ?0 AND t.status = ?13
	UNION ALL
	SELECT ?19, 'mentor_transfer', t.id, p.id, p.title, u.name, p.title, NULL, t.created_at, c.response_deadline_days, t.created_at, ''
	FROM mentor_transfers t JOIN enrollments e ON e.id = t.enrollment_id JOIN projects p ON p.enrollment_id = e.id
	JOIN users u ON u.id = e.participant_id JOIN cohorts c ON c.id = e.cohort_id
	JOIN cohort_staff cs ON cs.cohort_id = e.cohort_id AND cs.user_id = ?0 AND cs.role = ?6
	WHERE t.status = ?7
) r`

// reminderArgs are the arguments ?6 to ?27 of reminderQuery.
var reminderArgs = []any{domain.StaffOrganizer, domain.TransferAwaitingOrganizer, openMilestones, designNotApproved,
	domain.EvidenceSubmitted, domain.MilestoneAwaitingVerification, domain.ProjectDesignSubmitted, domain.TransferPending,
	domain.ReminderMilestoneDue, domain.ReminderReviewEvidence, domain.ReminderVerifyMilestone, domain.ReminderReviewDesign,
	domain.ReminderAcceptMentorTransfer, domain.ReminderConfirmMentorTransfer,
	domain.ReminderReviseDesign, domain.ReminderReplaceEvidence, domain.ReminderReworkMilestone,
	domain.ProjectDraft, domain.EvidenceRejected, domain.MilestoneInProgress, domain.MilestoneAchieved, domain.VerifyReturn}

type reminderRow struct {
	Kind                 string     `bun:"kind"`
	TargetType           string     `bun:"target_type"`
	TargetID             uuid.UUID  `bun:"target_id"`
	ProjectID            uuid.UUID  `bun:"project_id"`
	ProjectTitle         string     `bun:"project_title"`
	ParticipantName      string     `bun:"participant_name"`
	Title                string     `bun:"title"`
	DueOn                *time.Time `bun:"due_on"`
	WaitingSince         *time.Time `bun:"waiting_since"`
	ResponseDeadlineDays int        `bun:"response_deadline_days"`
	At                   time.Time  `bun:"at"`
	Comment              string     `bun:"comment"`
}

// Reminders returns a page of a user's reminders, ordered by (at, kind, id).
func (s *FollowUpStore) Reminders(ctx context.Context, q domain.ReminderQuery, page domain.PageRequest) (domain.Page[domain.Reminder], error) {
	var after time.Time
	var afterKind string
	var afterID uuid.UUID
	hasCursor, err := decodeCursor(page.Cursor, &after, &afterKind, &afterID)
	if err != nil {
		return domain.Page[domain.Reminder]{}, err
	}
	query := fmt.Sprintf(reminderQuery, closedFilter(q.Closed))
	if hasCursor {
		query += ` WHERE (at, kind, target_id) > (?2, ?3, ?4)`
	}
	var rows []reminderRow
	args := append([]any{q.User, q.DueBy.Time(), after, afterKind, afterID, page.Size() + 1}, reminderArgs...)
	err = s.db.NewRaw(query+` ORDER BY at, kind, target_id LIMIT ?5`, args...).Scan(ctx, &rows)
	if err != nil {
		return domain.Page[domain.Reminder]{}, dbError(err)
	}
	return pageOf(rows, page.Size(), func(r reminderRow) domain.Reminder {
		out := domain.Reminder{Kind: domain.ReminderKind(r.Kind), TargetType: r.TargetType, TargetID: r.TargetID, ProjectID: r.ProjectID,
			ProjectTitle: r.ProjectTitle, ParticipantName: r.ParticipantName, Title: r.Title, Comment: r.Comment,
			ResponseDeadlineDays: r.ResponseDeadlineDays, At: r.At.UTC()}
		if r.DueOn != nil {
			d := domain.DateOf(*r.DueOn)
			out.DueOn = &d
		}
		if r.WaitingSince != nil {
			at := r.WaitingSince.UTC()
			out.WaitingSince = &at
		}
		return out
	}, func(r reminderRow) []any { return []any{r.At, r.Kind, r.TargetID} }), nil
}

// enrollmentsWithProjects is what waitingItems reads of enrollments as e.
const enrollmentsWithProjects = `
	SELECT e.id, e.mentor_id, e.coach_id, e.group_name, u.name AS participant_name,
	       p.id AS project_id, p.status, p.design_round, p.design_submitted_at
	FROM enrollments e JOIN projects p ON p.enrollment_id = e.id JOIN users u ON u.id = e.participant_id`

// cohortEnrollments is the CTE of a cohort's enrollments (?0) with their
// projects, kept to a coach's participants when ?2 is not null.
const cohortEnrollments = `
WITH e AS (` + enrollmentsWithProjects + `
	WHERE e.cohort_id = ?0 AND (?2::uuid IS NULL OR e.coach_id = ?2::uuid)
)`

// allEnrollments is the CTE of every enrollment, inlined into each part of
// waitingItems so that each reads only its waiting rows (partial indexes).
const allEnrollments = `
WITH e AS NOT MATERIALIZED (` + enrollmentsWithProjects + `
)`

// waitingItemsSQL is every item of the cohort waiting for a reviewer, one
// row per item and reviewer: evidence and claims wait for the mentor, a
// design for the mentor and the coach who have not yet reviewed its round.
// Its placeholders are numbered by waitingItems.
const waitingItemsSQL = `
	SELECT 'evidence' AS kind, ev.id, e.project_id, e.id AS enrollment_id, e.participant_name, e.group_name, ev.title,
	       e.mentor_id AS reviewer_id, ?%[1]d AS reviewer_role, ev.submitted_at AS waiting_since
	FROM e JOIN evidence ev ON ev.project_id = e.project_id AND ev.status = ?%[3]d
	UNION ALL
	SELECT 'milestone', m.id, e.project_id, e.id, e.participant_name, e.group_name, m.title, e.mentor_id, ?%[1]d, m.claimed_at
	FROM e JOIN milestones m ON m.project_id = e.project_id AND m.status = ?%[4]d
	UNION ALL
	SELECT 'design', e.project_id, e.project_id, e.id, e.participant_name, e.group_name, p.title, rv.id, rv.role, e.design_submitted_at
	FROM e JOIN projects p ON p.id = e.project_id
	CROSS JOIN LATERAL (VALUES (e.mentor_id, ?%[1]d), (CASE WHEN e.coach_id <> e.mentor_id THEN e.coach_id END, ?%[2]d)) AS rv (id, role)
	WHERE e.status = ?%[5]d AND rv.id IS NOT NULL
	  AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.target_type = 'design' AND r.target_id = e.project_id
	                  AND r.round = e.design_round AND r.reviewer_id = rv.id)`

// waitingItems returns waitingItemsSQL for a statement whose own arguments
// are ?0 to ?n-1: waitingArgs follow them, as ?n to ?n+4.
func waitingItems(n int) string {
	return fmt.Sprintf(waitingItemsSQL, n, n+1, n+2, n+3, n+4)
}

// waitingArgs are the roles and statuses waitingItems names.
var waitingArgs = []any{domain.RoleMentor, domain.RoleCoach, domain.EvidenceSubmitted, domain.MilestoneAwaitingVerification, domain.ProjectDesignSubmitted}

type reviewItemRow struct {
	Kind            string    `bun:"kind"`
	ID              uuid.UUID `bun:"id"`
	ProjectID       uuid.UUID `bun:"project_id"`
	EnrollmentID    uuid.UUID `bun:"enrollment_id"`
	ParticipantName string    `bun:"participant_name"`
	Group           string    `bun:"group_name"`
	Title           string    `bun:"title"`
	ReviewerID      uuid.UUID `bun:"reviewer_id"`
	ReviewerName    string    `bun:"reviewer_name"`
	ReviewerRole    string    `bun:"reviewer_role"`
	WaitingSince    time.Time `bun:"waiting_since"`
}

// item converts the row.
func (r reviewItemRow) item() domain.ReviewItem {
	return domain.ReviewItem{Kind: r.Kind, ID: r.ID, ProjectID: r.ProjectID, EnrollmentID: r.EnrollmentID, ParticipantName: r.ParticipantName,
		Group: r.Group, Title: r.Title, ReviewerID: r.ReviewerID, ReviewerName: r.ReviewerName, ReviewerRole: domain.Role(r.ReviewerRole),
		WaitingSince: r.WaitingSince.UTC()}
}

// Escalations returns a page of the cohort's items waiting since before
// q.LateBefore, oldest first.
func (s *FollowUpStore) Escalations(ctx context.Context, q domain.FollowUpQuery, page domain.PageRequest) (domain.Page[domain.ReviewItem], error) {
	var after time.Time
	var afterID, afterReviewer uuid.UUID
	hasCursor, err := decodeCursor(page.Cursor, &after, &afterID, &afterReviewer)
	if err != nil {
		return domain.Page[domain.ReviewItem]{}, err
	}
	query := cohortEnrollments + `
SELECT w.*, u.name AS reviewer_name FROM (` + waitingItems(7) + `
) w JOIN users u ON u.id = w.reviewer_id
WHERE w.waiting_since < ?1`
	if hasCursor {
		query += ` AND (w.waiting_since, w.id, w.reviewer_id) > (?3, ?4, ?5)`
	}
	var rows []reviewItemRow
	args := append([]any{q.Cohort, q.LateBefore, q.CoachedBy, after, afterID, afterReviewer, page.Size() + 1}, waitingArgs...)
	query, args = withClassFilter(query, args, q.ClassID)
	err = s.db.NewRaw(query+` ORDER BY w.waiting_since, w.id, w.reviewer_id LIMIT ?6`, args...).Scan(ctx, &rows)
	if err != nil {
		return domain.Page[domain.ReviewItem]{}, dbError(err)
	}
	return pageOf(rows, page.Size(), reviewItemRow.item, func(r reviewItemRow) []any { return []any{r.WaitingSince, r.ID, r.ReviewerID} }), nil
}

// workloadQuery computes every reviewer's load in one statement: the
// cohort's mentors (of its enrollments), coaches and examiners; what waits
// for each (examiners: the participants of their undetermined seminar
// sessions they have not scored, waiting since the session's day); and their
// response times, from each decision back to the submission it answered —
// evidence's own time, the latest claim or design submission (events)
// before a verification or design review, the latest design or final
// submission before an assessment. ?0 to ?2 are the cohort, the lateness
// threshold and the coach; waitingArgs are ?3 to ?7, workloadArgs ?8 to ?14.
var workloadQuery = cohortEnrollments + `,
reviewers AS (
	SELECT DISTINCT mentor_id AS user_id, ?8 AS role FROM e
	UNION
	SELECT s.user_id, s.role FROM cohort_staff s
	WHERE s.cohort_id = ?0 AND s.role IN (?9) AND (?2::uuid IS NULL OR s.role = ?10 OR s.user_id = ?2::uuid)
),
pending AS (
	SELECT reviewer_id AS user_id, reviewer_role AS role, waiting_since FROM (` + waitingItems(3) + `) w
	UNION ALL
	SELECT se.examiner_id, ?11, ss.held_on::timestamptz
	FROM e JOIN seminar_session_participants sp ON sp.project_id = e.project_id
	JOIN seminar_sessions ss ON ss.id = sp.session_id AND ss.determined_at IS NULL
	JOIN seminar_session_examiners se ON se.session_id = ss.id
	WHERE NOT EXISTS (SELECT 1 FROM assessments a WHERE a.project_id = e.project_id AND a.seminar = sp.seminar AND a.examiner_id = se.examiner_id)
),
responses AS (
	SELECT r.reviewer_id AS user_id, r.reviewer_role AS role, extract(epoch FROM r.created_at - sub.at) AS seconds
	FROM e JOIN reviews r ON r.project_id = e.project_id
	CROSS JOIN LATERAL (SELECT CASE r.target_type
		WHEN 'evidence' THEN (SELECT ev.submitted_at FROM evidence ev WHERE ev.id = r.target_id)
		WHEN 'milestone' THEN (SELECT max(ev.at) FROM events ev WHERE ev.target_type = 'milestone' AND ev.target_id = r.target_id
		                       AND ev.action = 'milestone.claimed' AND ev.at <= r.created_at)
		ELSE (SELECT max(ev.at) FROM events ev WHERE ev.target_type = 'project' AND ev.target_id = r.target_id
		      AND ev.action = 'project.design_submitted' AND ev.at <= r.created_at)
		END AS at) sub
	WHERE sub.at IS NOT NULL
	UNION ALL
	SELECT a.examiner_id, ?11, extract(epoch FROM a.created_at - sub.at)
	FROM e JOIN assessments a ON a.project_id = e.project_id
	CROSS JOIN LATERAL (SELECT max(ev.at) AS at FROM events ev WHERE ev.target_type = 'project' AND ev.target_id = e.project_id
	                    AND ev.action = CASE a.seminar WHEN ?13 THEN 'project.final_submitted' ELSE 'project.design_submitted' END
	                    AND ev.at <= a.created_at) sub
	WHERE sub.at IS NOT NULL
)
SELECT rv.user_id, u.name, rv.role, coalesce(pa.pending, 0) AS pending, coalesce(pa.late, 0) AS late, pa.oldest,
       coalesce(ra.responses, 0) AS responses, ra.median_seconds
FROM reviewers rv JOIN users u ON u.id = rv.user_id
LEFT JOIN (SELECT user_id, role, count(*) AS pending, count(*) FILTER (WHERE waiting_since < ?1) AS late, min(waiting_since) AS oldest
           FROM pending GROUP BY user_id, role) pa ON pa.user_id = rv.user_id AND pa.role = rv.role
LEFT JOIN (SELECT user_id, role, count(*) AS responses, percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median_seconds
           FROM responses GROUP BY user_id, role) ra ON ra.user_id = rv.user_id AND ra.role = rv.role
ORDER BY CASE rv.role WHEN ?8 THEN 1 WHEN ?14 THEN 2 ELSE 3 END, u.sort_name, u.name, rv.user_id`

// workloadArgs are the roles, statuses and seminar workloadQuery names as
// ?8 to ?14.
var workloadArgs = []any{domain.RoleMentor, bun.List([]domain.StaffRole{domain.StaffCoach, domain.StaffExaminer}), domain.StaffExaminer,
	domain.RoleExaminer, domain.ProjectFinalSubmitted, domain.SeminarFinal, domain.RoleCoach}

type workloadRow struct {
	UserID        uuid.UUID  `bun:"user_id"`
	Name          string     `bun:"name"`
	Role          string     `bun:"role"`
	Pending       int        `bun:"pending"`
	Late          int        `bun:"late"`
	Oldest        *time.Time `bun:"oldest"`
	Responses     int        `bun:"responses"`
	MedianSeconds *float64   `bun:"median_seconds"`
}

// Workload computes the cohort's reviewers' load in one statement.
func (s *FollowUpStore) Workload(ctx context.Context, q domain.FollowUpQuery) ([]domain.WorkloadRow, error) {
	var rows []workloadRow
	args := append(append([]any{q.Cohort, q.LateBefore, q.CoachedBy}, waitingArgs...), workloadArgs...)
	query, args := withClassFilter(workloadQuery, args, q.ClassID)
	if err := s.db.NewRaw(query, args...).Scan(ctx, &rows); err != nil {
		return nil, dbError(err)
	}
	out := make([]domain.WorkloadRow, len(rows))
	for i, r := range rows {
		out[i] = domain.WorkloadRow{UserID: r.UserID, Name: r.Name, Role: domain.Role(r.Role), Pending: r.Pending, Late: r.Late, Responses: r.Responses}
		if r.Oldest != nil {
			at := r.Oldest.UTC()
			out[i].OldestWaitingSince = &at
		}
		if r.MedianSeconds != nil {
			d := time.Duration(*r.MedianSeconds * float64(time.Second)).Round(time.Second)
			out[i].MedianResponse = &d
		}
	}
	return out, nil
}

// DueMilestones lists every open milestone due by dueBy, by participant.
func (s *FollowUpStore) DueMilestones(ctx context.Context, dueBy domain.Date, closed map[domain.ProjectStatus][]domain.Horizon) ([]domain.DueMilestone, error) {
	var rows []struct {
		ParticipantID uuid.UUID `bun:"participant_id"`
		MilestoneID   uuid.UUID `bun:"milestone_id"`
		Title         string    `bun:"title"`
		ProjectTitle  string    `bun:"project_title"`
		DueOn         time.Time `bun:"due_on"`
		CohortID      uuid.UUID `bun:"cohort_id"`
	}
	err := s.db.NewRaw(`SELECT e.participant_id, m.id AS milestone_id, m.title, p.title AS project_title, m.due_on, e.cohort_id
		FROM milestones m JOIN projects p ON p.id = m.project_id JOIN enrollments e ON e.id = p.enrollment_id
		WHERE m.status IN (?) AND m.due_on <= ? AND p.status NOT IN (?)`+closedFilter(closed)+`
		ORDER BY e.participant_id, m.due_on, m.id`, openMilestones, dueBy.Time(), designNotApproved).Scan(ctx, &rows)
	if err != nil {
		return nil, dbError(err)
	}
	out := make([]domain.DueMilestone, len(rows))
	for i, r := range rows {
		out[i] = domain.DueMilestone{ParticipantID: r.ParticipantID, MilestoneID: r.MilestoneID, Title: r.Title, ProjectTitle: r.ProjectTitle, DueOn: domain.DateOf(r.DueOn),
			CohortID: r.CohortID}
	}
	return out, nil
}

// WaitingReviews lists every waiting item of every cohort, one row per item
// and reviewer, by reviewer and oldest first.
func (s *FollowUpStore) WaitingReviews(ctx context.Context) ([]domain.WaitingReview, error) {
	var rows []struct {
		reviewItemRow
		ProjectTitle         string    `bun:"project_title"`
		ResponseDeadlineDays int       `bun:"response_deadline_days"`
		CohortID             uuid.UUID `bun:"cohort_id"`
	}
	err := s.db.NewRaw(allEnrollments+`
SELECT w.*, p.title AS project_title, c.response_deadline_days, c.id AS cohort_id
FROM (`+waitingItems(0)+`
) w JOIN projects p ON p.id = w.project_id JOIN enrollments en ON en.id = w.enrollment_id JOIN cohorts c ON c.id = en.cohort_id
ORDER BY w.reviewer_id, w.waiting_since, w.id`, waitingArgs...).Scan(ctx, &rows)
	if err != nil {
		return nil, dbError(err)
	}
	out := make([]domain.WaitingReview, len(rows))
	for i, r := range rows {
		out[i] = domain.WaitingReview{ReviewItem: r.reviewItemRow.item(), ProjectTitle: r.ProjectTitle, ResponseDeadlineDays: r.ResponseDeadlineDays, CohortID: r.CohortID}
	}
	return out, nil
}
