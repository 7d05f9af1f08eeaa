package persistence

import (
	"context"
	"database/sql"

	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
)

// Store implements domain.Store on PostgreSQL, bound to the pool or to one
// transaction.
type Store struct {
	root    *bun.DB
	db      bun.IDB
	replica *Replica // nil without a read replica
	// searchRankLimit bounds the showcase search (see ShowcaseStore).
	searchRankLimit int
}

var _ domain.Store = (*Store)(nil)

// NewStore returns a Store on the pool db.
func NewStore(db *bun.DB) *Store {
	return &Store{root: db, db: db, searchRankLimit: domain.SearchRankLimit}
}

// WithReplica returns the store sending heavy reads to replica (see Replica).
func (s *Store) WithReplica(replica *Replica) *Store {
	return &Store{root: s.root, db: s.db, replica: replica, searchRankLimit: s.searchRankLimit}
}

// reads is where a heavy read-only query goes: the replica when there is a
// healthy one and no transaction is open, else the store's own connection.
func (s *Store) reads() bun.IDB {
	if _, inTx := s.db.(bun.Tx); inTx || s.replica == nil {
		return s.db
	}
	return s.replica.reads()
}

// WithinTx runs fn in one transaction (read committed), or in the current
// one when the store is already bound to a transaction.
func (s *Store) WithinTx(ctx context.Context, fn func(tx domain.Store) error) error {
	if _, inTx := s.db.(bun.Tx); inTx {
		return fn(s)
	}
	err := s.root.RunInTx(ctx, &sql.TxOptions{}, func(ctx context.Context, tx bun.Tx) error {
		return fn(&Store{root: s.root, db: tx, replica: s.replica, searchRankLimit: s.searchRankLimit})
	})
	return dbError(err)
}

// Users returns the user repository.
func (s *Store) Users() domain.UserStore { return &UserStore{db: s.db, search: s.reads} }

// Sessions returns the session repository.
func (s *Store) Sessions() domain.SessionStore { return &SessionStore{db: s.db} }

// LoginFailures returns the failed sign-in counter.
func (s *Store) LoginFailures() domain.LoginFailureStore { return &LoginFailureStore{db: s.db} }

// Institutions returns the institution repository.
func (s *Store) Institutions() domain.InstitutionStore { return &InstitutionStore{db: s.db} }

// Agencies returns the agency repository.
func (s *Store) Agencies() domain.AgencyStore { return &AgencyStore{db: s.db, search: s.reads} }

// Units returns the repository of agencies' work units.
func (s *Store) Units() domain.UnitStore { return &UnitStore{db: s.db} }

// Cohorts returns the cohort repository.
func (s *Store) Cohorts() domain.CohortStore { return &CohortStore{db: s.db} }

// Agenda returns the repository of cohorts' agendas.
func (s *Store) Agenda() domain.AgendaStore { return &AgendaStore{db: s.db} }

// Enrollments returns the enrollment repository.
func (s *Store) Enrollments() domain.EnrollmentStore { return &EnrollmentStore{db: s.db} }

// Events returns the audit trail.
func (s *Store) Events() domain.EventStore { return &EventStore{db: s.db} }

// Projects returns the project repository.
func (s *Store) Projects() domain.ProjectStore { return &ProjectStore{db: s.db} }

// Milestones returns the milestone repository.
func (s *Store) Milestones() domain.MilestoneStore { return &MilestoneStore{db: s.db} }

// Evidence returns the evidence repository.
func (s *Store) Evidence() domain.EvidenceStore { return &EvidenceStore{db: s.db} }

// Reviews returns the review history.
func (s *Store) Reviews() domain.ReviewStore { return &ReviewStore{db: s.db} }

// CoachingNotes returns the coaching note repository.
func (s *Store) CoachingNotes() domain.CoachingNoteStore { return &CoachingNoteStore{db: s.db} }

// ReviewQueue returns the review queue.
func (s *Store) ReviewQueue() domain.ReviewQueueStore { return &ReviewQueueStore{db: s.reads()} }

// Timeline returns the reader of project timelines.
func (s *Store) Timeline() domain.TimelineStore { return &TimelineStore{db: s.reads()} }

// Assessments returns the rubric and assessment repository.
func (s *Store) Assessments() domain.AssessmentStore { return &AssessmentStore{db: s.db} }

// Progress returns the cohort progress reader.
func (s *Store) Progress() domain.ProgressStore { return &ProgressStore{db: s.reads(), root: s.root} }

// MentorTransfers returns the mentor transfer repository.
func (s *Store) MentorTransfers() domain.MentorTransferStore { return &MentorTransferStore{db: s.db} }

// FollowUps returns the reader of reminders, escalations, workload and
// due milestones (heavy reads: the replica when healthy).
func (s *Store) FollowUps() domain.FollowUpStore { return &FollowUpStore{db: s.reads()} }

// Outbox returns the e-mail outbox.
func (s *Store) Outbox() domain.OutboxStore { return &OutboxStore{db: s.db} }

// Holidays returns the holiday calendar's store.
func (s *Store) Holidays() domain.HolidayStore { return &HolidayStore{db: s.db} }

// Classes returns the store of cohorts' classes.
func (s *Store) Classes() domain.ClassStore { return &ClassStore{db: s.db} }

// Publications returns the publication repository.
func (s *Store) Publications() domain.PublicationStore { return &PublicationStore{db: s.db} }

// Showcase returns the reader of the public showcase.
func (s *Store) Showcase() domain.ShowcaseStore {
	return &ShowcaseStore{db: s.reads(), rankLimit: s.searchRankLimit}
}

// Replications returns the studi tiru records.
func (s *Store) Replications() domain.ReplicationStore {
	return &ReplicationStore{db: s.db, reads: s.reads}
}

// Similarity returns the finder of alike projects.
func (s *Store) Similarity() domain.SimilarityStore { return &SimilarityStore{db: s.reads()} }

// Seminars returns the seminar sessions and determined results.
func (s *Store) Seminars() domain.SeminarStore { return &SeminarStore{db: s.db} }

// ChangeRequests returns the store of change requests and plan versions.
func (s *Store) ChangeRequests() domain.ChangeRequestStore { return &ChangeRequestStore{db: s.db} }

// Graduations returns the store of cohorts' graduations and certificates.
func (s *Store) Graduations() domain.GraduationStore { return &GraduationStore{db: s.db} }

// Reports returns the store of final reports.
func (s *Store) Reports() domain.ReportStore { return &ReportStore{db: s.db} }
