package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// SeminarStore keeps seminar sessions, their participants and examiners,
// and the determined results.
type SeminarStore interface {
	// Create stores a session with its participants and examiners; a
	// participant already in another session of the seminar is a
	// KindConflict error.
	Create(ctx context.Context, s SeminarSession) error
	// Update saves a session's fields and its participants and examiners,
	// if its version is s.Version-1 (else KindStale).
	Update(ctx context.Context, s SeminarSession) error
	// Get returns a session with its participants (each with the latest
	// scores of the seminar) and examiners; forUpdate locks it.
	Get(ctx context.Context, id uuid.UUID, forUpdate bool) (SeminarSession, error)
	// List returns the cohort's sessions of a seminar ("" for both), by
	// date, each as Get returns it.
	List(ctx context.Context, cohort uuid.UUID, seminar Seminar) ([]SeminarSession, error)
	// OfExaminer returns the sessions the user is assigned to examine, by
	// date, each as Get returns it.
	OfExaminer(ctx context.Context, examiner uuid.UUID) ([]SeminarSession, error)
	// OfProject returns the session where a project presents a seminar, or
	// a KindNotFound error.
	OfProject(ctx context.Context, project uuid.UUID, seminar Seminar) (SeminarSession, error)
	// SaveResults stores determined results, replacing earlier ones of the
	// same project and seminar.
	SaveResults(ctx context.Context, results []DeterminedResult) error
	// ResultsOf returns a project's determined results.
	ResultsOf(ctx context.Context, project uuid.UUID) ([]DeterminedResult, error)
	AppealStore
}

// AppealStore keeps appeals (keberatan) and reads when results were
// released; the seminar store implements it too.
type AppealStore interface {
	// ReleasedAt returns when a cohort's seminar results were released, or nil.
	ReleasedAt(ctx context.Context, cohort uuid.UUID, seminar Seminar) (*time.Time, error)
	CreateAppeal(ctx context.Context, a Appeal) error
	// UpdateAppeal saves a when its stored version is a.Version-1 (else KindStale).
	UpdateAppeal(ctx context.Context, a Appeal) error
	// GetAppeal returns an appeal; forUpdate locks it.
	GetAppeal(ctx context.Context, id uuid.UUID, forUpdate bool) (Appeal, error)
	// OpenAppeal returns the open appeal of a project's seminar, or a
	// KindNotFound error.
	OpenAppeal(ctx context.Context, project uuid.UUID, seminar Seminar) (Appeal, error)
	// Appeals returns a cohort's appeals, or a project's when project is not
	// nil, newest first.
	Appeals(ctx context.Context, cohort uuid.UUID, project *uuid.UUID) ([]Appeal, error)
}
