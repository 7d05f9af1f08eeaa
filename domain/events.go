package domain

import (
	"time"

	"github.com/google/uuid"
)

// Event is one entry of the audit trail: who changed what, when, and how it
// looked before and after. It is written in the same transaction as the
// change it records. Before and After are JSON-serializable snapshots and
// never hold secrets.
type Event struct {
	At         time.Time
	ActorID    *uuid.UUID
	Action     string
	TargetType string
	TargetID   uuid.UUID
	// CohortID and ProjectID place the event for timelines; either may be nil.
	CohortID  *uuid.UUID
	ProjectID *uuid.UUID
	Before    any
	After     any
	// Summary says in a few words of Bahasa Indonesia what happened, for
	// timelines ("mengajukan rancangan «Antrean Daring»"); the actor's name
	// goes before it when shown.
	Summary string
}

// TimelineEntry is an event of a project's timeline with its actor's name.
type TimelineEntry struct {
	Event
	ID        int64
	ActorName string
}

// event returns an event by actor (nil for the system) at now.
func event(actor *Actor, now time.Time, action, targetType string, target uuid.UUID) Event {
	e := Event{At: now, Action: action, TargetType: targetType, TargetID: target}
	if actor != nil {
		id := actor.UserID
		e.ActorID = &id
	}
	return e
}
