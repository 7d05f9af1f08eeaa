package domain

import (
	"slices"
)

// ClosedHorizons says, per project status, which horizons' milestones are
// closed to the participant's work (new milestones, edits, evidence,
// claims). It is the one rule of what goes on after the training: a
// completed project's short-term milestones were assessed at the final
// seminar and stay as they were, while its mid- and long-term milestones
// stay open for years — the participant keeps updating them, uploading
// evidence and claiming them, and the mentor keeps verifying. Decisions on
// what was already waiting (reviews, verifications) stay possible, so that
// nothing is stranded. Kept as data so that the queries of reminders and
// digests apply the same rule (FollowUpStore receives it).
var ClosedHorizons = map[ProjectStatus][]Horizon{
	ProjectCompleted: {HorizonShort},
}

// checkHorizonOpen refuses the participant's work on a milestone of
// horizon h when the project's status has closed that horizon.
func (p *Project) checkHorizonOpen(h Horizon) error {
	if slices.Contains(ClosedHorizons[p.Status], h) {
		return Conflict(CodeMilestoneHorizonClosed, Params{"status": p.Status, "horizon": h})
	}
	return nil
}
