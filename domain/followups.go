package domain

import (
	"context"
	"sort"
	"time"

	"github.com/google/uuid"
)

// ReminderWindowDays is how far ahead a milestone counts as due soon.
const ReminderWindowDays = 14

// ReminderKind says what a reminder asks of its reader.
type ReminderKind string

// The kinds of reminder: the participant's own milestones, and what waits
// for the reader's decision as a mentor, a coach or a proposed mentor.
const (
	ReminderMilestoneDueSoon      ReminderKind = "milestone_due_soon"
	ReminderMilestoneOverdue      ReminderKind = "milestone_overdue"
	ReminderReviewEvidence        ReminderKind = "review_evidence"
	ReminderVerifyMilestone       ReminderKind = "verify_milestone"
	ReminderReviewDesign          ReminderKind = "review_design"
	ReminderAcceptMentorTransfer  ReminderKind = "accept_mentor_transfer"
	ReminderConfirmMentorTransfer ReminderKind = "confirm_mentor_transfer" // for the cohort's organizers
	// Returned work, for the participant: a design returned for revision,
	// rejected evidence not yet followed by newer evidence of its
	// milestone, a milestone returned by the mentor and not claimed again.
	ReminderReviseDesign    ReminderKind = "revise_design"
	ReminderReplaceEvidence ReminderKind = "replace_evidence"
	ReminderReworkMilestone ReminderKind = "rework_milestone"
	// ReminderMilestoneDue is what a FollowUpStore reports for a milestone
	// due by the query's date; Reminders tells due soon from overdue.
	ReminderMilestoneDue ReminderKind = "milestone_due"
)

// Reminder is one thing a person should act on: a milestone of theirs due
// soon or overdue, or something waiting for their decision. TargetType and
// TargetID name the resource to open (a milestone, evidence, a project for
// its design, a mentor transfer).
type Reminder struct {
	Kind            ReminderKind
	TargetType      string
	TargetID        uuid.UUID
	ProjectID       uuid.UUID
	ProjectTitle    string
	ParticipantName string
	Title           string
	// Comment is the reviewer's word on returned work.
	Comment string
	// DueOn is set for milestones, and for decisions the last day of the
	// cohort's response deadline in working days (WorkCalendar.Late);
	// WaitingSince is set for decisions.
	DueOn        *Date
	WaitingSince *time.Time
	// Late and WaitingDays follow the cohort's response deadline.
	Late                 bool
	WaitingDays          int
	ResponseDeadlineDays int
	// At orders the reminders: a milestone's due day, or since when a
	// decision waits.
	At time.Time
}

// ReminderQuery selects a person's reminders.
type ReminderQuery struct {
	User uuid.UUID
	// DueBy is the last day a milestone counts as due soon.
	DueBy Date
	// Closed lists the horizons closed per project status (ClosedHorizons).
	Closed map[ProjectStatus][]Horizon
}

// ReviewItem is something waiting for a reviewer in a cohort, for the
// cohort's escalations.
type ReviewItem struct {
	Kind            string // "evidence", "milestone" or "design"
	ID              uuid.UUID
	ProjectID       uuid.UUID
	EnrollmentID    uuid.UUID
	ParticipantName string
	Group           string
	Title           string
	ReviewerID      uuid.UUID
	ReviewerName    string
	ReviewerRole    Role
	WaitingSince    time.Time
	WaitingDays     int
	// DueOn is the last day of the cohort's response deadline, counted in
	// working days from WaitingSince.
	DueOn Date
}

// FollowUpQuery selects a cohort's waiting items and reviewers.
type FollowUpQuery struct {
	Cohort uuid.UUID
	// CoachedBy keeps only the participants of this coach, when set.
	CoachedBy *uuid.UUID
	// LateBefore: an item submitted before it is past the deadline.
	LateBefore time.Time
	// ClassID keeps only the participants of this class, when set; the
	// coaches listed are then those of the class or of its participants.
	ClassID *uuid.UUID
}

// WorkloadRow is one reviewer's load in a cohort: as a mentor, a coach or
// an examiner.
type WorkloadRow struct {
	UserID             uuid.UUID
	Name               string
	Role               Role
	Pending            int
	Late               int
	OldestWaitingSince *time.Time
	// Responses counts their decisions (reviews, verifications,
	// assessments) in the cohort; MedianResponse is the median time from
	// submission to decision, nil without any.
	Responses      int
	MedianResponse *time.Duration
}

// DueMilestone is a participant's milestone due soon or overdue, for digests.
type DueMilestone struct {
	ParticipantID uuid.UUID
	MilestoneID   uuid.UUID
	Title         string
	ProjectTitle  string
	DueOn         Date
	// CohortID is the project's cohort, whose organizers sign the digest.
	CohortID uuid.UUID
}

// WaitingReview is an item waiting for a reviewer's decision, with its
// project and its cohort's response deadline, for digests.
type WaitingReview struct {
	ReviewItem
	ProjectTitle         string
	ResponseDeadlineDays int
	// CohortID is the project's cohort, whose organizers sign the digest.
	CohortID uuid.UUID
}

// FollowUpStore reads what needs following up: reminders, items past the
// response deadline, reviewers' workload, and what digests list.
type FollowUpStore interface {
	// Reminders returns a page of the user's reminders ordered by At: their
	// open milestones (planned or in progress, not in a closed horizon) due
	// by q.DueBy, and what waits for their decision, each with its cohort's
	// response deadline.
	Reminders(ctx context.Context, q ReminderQuery, page PageRequest) (Page[Reminder], error)
	// Escalations returns a page of the cohort's items waiting for a
	// reviewer since before q.LateBefore, oldest first, one per item and
	// reviewer.
	Escalations(ctx context.Context, q FollowUpQuery, page PageRequest) (Page[ReviewItem], error)
	// Workload computes every mentor's, coach's and examiner's load in the
	// cohort, in one statement.
	Workload(ctx context.Context, q FollowUpQuery) ([]WorkloadRow, error)
	// DueMilestones lists every open milestone due by dueBy of every
	// participant, by participant and due day.
	DueMilestones(ctx context.Context, dueBy Date, closed map[ProjectStatus][]Horizon) ([]DueMilestone, error)
	// WaitingReviews lists every item of every cohort waiting for a
	// reviewer, one per item and reviewer, by reviewer and oldest first.
	WaitingReviews(ctx context.Context) ([]WaitingReview, error)
}

// FollowUps runs what happens around the workflow: reminders, response
// deadlines, escalation, workload and the daily digests.
type FollowUps struct {
	store Store
	now   func() time.Time
	// Mail queues the digests, when enabled.
	Mail Mailer
}

// NewFollowUps returns the follow-up service.
func NewFollowUps(store Store, now func() time.Time) *FollowUps {
	return &FollowUps{store: store, now: now}
}

// Reminders returns the actor's reminders: as a participant, their open
// milestones due within ReminderWindowDays or overdue and their returned
// work with the reviewer's comment; as a mentor, coach or proposed mentor,
// what waits for their decision, marked late past the cohort's response
// deadline.
func (f *FollowUps) Reminders(ctx context.Context, actor *Actor, page PageRequest) (Page[Reminder], error) {
	if actor == nil {
		return Page[Reminder]{}, Fail(KindUnauthenticated, CodeSignInRequired)
	}
	now := f.now()
	today := DateOf(now)
	q := ReminderQuery{User: actor.UserID, DueBy: DateOf(today.Time().AddDate(0, 0, ReminderWindowDays)), Closed: ClosedHorizons}
	p, err := f.store.FollowUps().Reminders(ctx, q, page)
	if err != nil {
		return p, err
	}
	cal, err := LoadWorkCalendar(ctx, f.store)
	for i := range p.Items {
		r := &p.Items[i]
		if r.Kind == ReminderMilestoneDue {
			r.Kind = ReminderMilestoneDueSoon
			if r.DueOn.Before(today) {
				r.Kind = ReminderMilestoneOverdue
			}
			continue
		}
		if r.WaitingSince != nil { // a decision; returned work waits for nobody else
			var due Date
			r.Late, r.WaitingDays, due = cal.Late(r.ResponseDeadlineDays, *r.WaitingSince, now)
			r.DueOn = &due
		}
	}
	return p, err
}

// followUpQuery checks that the actor may follow the cohort up and says
// what they see: organizers the whole cohort, a coach their participants.
// Lateness counts the cohort's response deadline in working days of the
// calendar it returns.
func (f *FollowUps) followUpQuery(ctx context.Context, actor *Actor, cohortID uuid.UUID, action Action, classID *uuid.UUID) (FollowUpQuery, Cohort, WorkCalendar, error) {
	if err := Authorize(actor, action, Target{CohortID: cohortID}); err != nil {
		return FollowUpQuery{}, Cohort{}, WorkCalendar{}, err
	}
	c, err := f.store.Cohorts().Get(ctx, cohortID)
	if err != nil {
		return FollowUpQuery{}, Cohort{}, WorkCalendar{}, err
	}
	if err := CheckClassFilter(ctx, f.store, cohortID, classID); err != nil {
		return FollowUpQuery{}, Cohort{}, WorkCalendar{}, err
	}
	cal, err := LoadWorkCalendar(ctx, f.store)
	if err != nil {
		return FollowUpQuery{}, Cohort{}, WorkCalendar{}, err
	}
	q := FollowUpQuery{Cohort: cohortID, LateBefore: cal.LateBefore(c.ResponseDeadlineDays, f.now()), ClassID: classID}
	if !actor.PlatformAdmin && !actor.Has(cohortID, RoleOrganizer) {
		q.CoachedBy = &actor.UserID
	}
	return q, c, cal, nil
}

// Escalations lists the cohort's evidence, milestone claims and designs
// that have waited for a reviewer longer than the cohort's response
// deadline, oldest first: all of them for its organizers, those of the
// participants they coach for a coach.
func (f *FollowUps) Escalations(ctx context.Context, actor *Actor, cohortID uuid.UUID, page PageRequest) (Page[ReviewItem], Cohort, error) {
	q, c, cal, err := f.followUpQuery(ctx, actor, cohortID, ReadEscalations, nil)
	if err != nil {
		return Page[ReviewItem]{}, Cohort{}, err
	}
	p, err := f.store.FollowUps().Escalations(ctx, q, page)
	for i := range p.Items {
		_, p.Items[i].WaitingDays, p.Items[i].DueOn = cal.Late(c.ResponseDeadlineDays, p.Items[i].WaitingSince, f.now())
	}
	return p, c, err
}

// Workload returns, per mentor, coach and examiner of the cohort, what
// waits for them, how much of it is late, since when the oldest waits, and
// their median response time. A coach sees the reviewers of the
// participants they coach, counting only those participants' items. With
// classID, only the participants of that class of the cohort count (see
// FollowUpQuery.ClassID); another cohort's class is an Invalid error
// naming "query.classId".
func (f *FollowUps) Workload(ctx context.Context, actor *Actor, cohortID uuid.UUID, classID *uuid.UUID) ([]WorkloadRow, Cohort, error) {
	q, c, _, err := f.followUpQuery(ctx, actor, cohortID, ReadWorkload, classID)
	if err != nil {
		return nil, Cohort{}, err
	}
	rows, err := f.store.FollowUps().Workload(ctx, q)
	return rows, c, err
}

// digest is what one person's daily e-mail lists.
type digest struct {
	cal     WorkCalendar    // the working days of the response deadlines
	due     []DueMilestone  // their milestones due soon or overdue
	waiting []WaitingReview // what waits for their decision
	cohorts []uuid.UUID     // the cohorts of the items, whose organizers sign it
}

// QueueDigests queues, once per person and day, one e-mail to everybody
// with something to follow up: a participant's open milestones due within
// ReminderWindowDays or overdue, and a reviewer's evidence, milestone
// claims and designs waiting for their decision, the late ones marked.
// Evidence and claims are mailed to reviewers only this way, so that a
// mentor of many participants gets one message a day instead of one per
// upload. Every replica may run it: the day's digest of a person is queued
// once (its dedupe key). It returns how many digests it composed.
func (f *FollowUps) QueueDigests(ctx context.Context) (int, error) {
	if !f.Mail.Enabled {
		return 0, nil
	}
	now := f.now()
	today := DateOf(now)
	due, err := f.store.FollowUps().DueMilestones(ctx, DateOf(today.Time().AddDate(0, 0, ReminderWindowDays)), ClosedHorizons)
	if err != nil {
		return 0, err
	}
	waiting, err := f.store.FollowUps().WaitingReviews(ctx)
	if err != nil {
		return 0, err
	}
	cal, err := LoadWorkCalendar(ctx, f.store)
	if err != nil {
		return 0, err
	}
	digests := map[uuid.UUID]*digest{}
	of := func(user uuid.UUID) *digest {
		if digests[user] == nil {
			digests[user] = &digest{cal: cal}
		}
		return digests[user]
	}
	for _, m := range due {
		d := of(m.ParticipantID)
		d.due, d.cohorts = append(d.due, m), append(d.cohorts, m.CohortID)
	}
	for _, w := range waiting {
		d := of(w.ReviewerID)
		d.waiting, d.cohorts = append(d.waiting, w), append(d.cohorts, w.CohortID)
	}
	order := make([]uuid.UUID, 0, len(digests))
	for user := range digests {
		order = append(order, user)
	}
	sort.Slice(order, func(i, j int) bool { return order[i].String() < order[j].String() })
	err = f.store.WithinTx(ctx, func(tx Store) error {
		mails := make([]Mail, 0, len(order))
		senders := map[uuid.UUID]sender{}
		for _, id := range order {
			u, err := tx.Users().Get(ctx, id)
			if err != nil {
				return err
			}
			from, err := sendersOf(ctx, tx, senders, digests[id].cohorts...)
			if err != nil {
				return err
			}
			mails = append(mails, Mail{Kind: MailDigest, RecipientID: u.ID, To: u.Email, ToName: u.Name,
				Subject: rewordFor(from, digestSubject(today)), Body: letter(rewordFor(from, digests[id].text(now)), from, f.Mail.link(homePage))(u.Name),
				DedupeKey: "digest:" + u.ID.String() + ":" + today.String()})
		}
		if len(mails) == 0 {
			return nil
		}
		return tx.Outbox().Enqueue(ctx, now, mails...)
	})
	return len(order), err
}
