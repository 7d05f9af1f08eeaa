package domain

import "github.com/google/uuid"

// NewID returns the id of a new entity: a UUIDv7, whose leading bits are
// the time of its making, so that new rows land at the end of their
// primary-key index instead of on a random page of it — on tables of
// millions of rows that keeps inserts among the pages already in memory.
// The time an entity was made is no secret here (each has its own
// creation time), and ids are never used as secrets (tokens are).
func NewID() uuid.UUID {
	return uuid.Must(uuid.NewV7())
}
