package api

import (
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// DesignReturnNote is the latest return of a project's design, on
// get-project: the previous round's note that the design review shows.
type DesignReturnNote struct {
	Round        int       `json:"round" doc:"The round that was returned." example:"1"`
	ReviewerID   uuid.UUID `json:"reviewerId" format:"uuid" doc:"Who returned it."`
	ReviewerName string    `json:"reviewerName" doc:"Their name." example:"Drs. Jefridin, M.Pd."`
	ReviewerRole string    `json:"reviewerRole" enum:"mentor,coach" doc:"Whether they reviewed as the mentor or the coach." example:"mentor"`
	Comment      string    `json:"comment" doc:"What they asked to change." example:"Perjelas indikator keberhasilan jangka pendek."`
	At           time.Time `json:"at" doc:"When."`
}

// newDesignReturnNote is the answer's form of a return, nil for none.
func newDesignReturnNote(r *domain.DesignReturnNote) *DesignReturnNote {
	if r == nil {
		return nil
	}
	return &DesignReturnNote{Round: r.Round, ReviewerID: r.ReviewerID, ReviewerName: r.ReviewerName, ReviewerRole: string(r.ReviewerRole),
		Comment: r.Comment, At: r.At}
}
