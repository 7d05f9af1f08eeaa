package domain

import (
	"context"
	"time"

	"github.com/google/uuid"
)

// DesignReturnNote is the latest return of a project's design: who sent it
// back, in which round, when, and what they asked to change. The design
// review shows it as the previous round's note, and the participant reads
// it once the new round has cleared the project's own revision comment.
type DesignReturnNote struct {
	Round        int
	ReviewerID   uuid.UUID
	ReviewerName string
	ReviewerRole Role
	Comment      string
	At           time.Time
}

// LastDesignReturn returns the latest return of p's design, nil when it was
// never returned; whoever may read the project may read it (it is on the
// project's timeline too).
func (s *Projects) LastDesignReturn(ctx context.Context, actor *Actor, p Project) (*DesignReturnNote, error) {
	if err := Authorize(actor, ReadProject, projectTarget(p)); err != nil {
		return nil, err
	}
	return s.store.Reviews().LastDesignReturn(ctx, p.ID, DesignReturn)
}
