package domain

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// AppealStatus is where an appeal (keberatan) stands.
type AppealStatus string

// The statuses of an appeal: filed by the participant, assigned by an
// organizer to the examiners concerned, and closed with a decision.
const (
	AppealFiled         AppealStatus = "filed"
	AppealAssigned      AppealStatus = "assigned"
	AppealGranted       AppealStatus = "granted"
	AppealPartlyGranted AppealStatus = "partly_granted"
	AppealRefused       AppealStatus = "refused"
)

// ParseAppealDecision returns the closing decision named s, or an Invalid
// error naming field.
func ParseAppealDecision(field, s string) (AppealStatus, error) {
	switch v := AppealStatus(s); v {
	case AppealGranted, AppealPartlyGranted, AppealRefused:
		return v, nil
	}
	return "", Invalid(field, CodeAppealDecision)
}

// open reports whether the appeal waits for its decision.
func (s AppealStatus) open() bool { return s == AppealFiled || s == AppealAssigned }

// Appeal is a keberatan: a participant's objection to a released seminar
// result, filed within the cohort's appeal window (AppealWorkingDays
// working days from the release), assigned by an organizer to the examiners
// concerned, who may then change their score with a written reason, and
// closed by the organizer, which determines the result again.
type Appeal struct {
	ID        uuid.UUID
	CohortID  uuid.UUID
	ProjectID uuid.UUID
	SessionID uuid.UUID
	Seminar   Seminar
	Reasons   string
	Status    AppealStatus
	FiledBy   uuid.UUID
	FiledAt   time.Time
	// Examiners are the examiners concerned, once assigned.
	Examiners  []uuid.UUID
	AssignedAt *time.Time
	// ClosedAt, ClosedBy and Note record the decision.
	ClosedAt *time.Time
	ClosedBy *uuid.UUID
	Note     string
	// Before and After are the participant's result when the appeal was
	// filed and once it is determined again.
	Before  *DeterminedResult
	After   *DeterminedResult
	Version int64
	// Offer is what the caller who read it may do to it now.
	Offer Offer `json:"-"`
}

// AppealDeadline is the last day a result released at releasedAt may be
// appealed: the days-th working day after the release's day (WIB) on the
// calendar.
func AppealDeadline(calendar WorkCalendar, days int, releasedAt time.Time) Date {
	return calendar.DueOn(days, releasedAt)
}

// checkWindow refuses an appeal filed after the deadline.
func checkAppealWindow(calendar WorkCalendar, days int, releasedAt, now time.Time) error {
	due := AppealDeadline(calendar, days, releasedAt)
	if due.Before(WIBDate(now)) {
		return Conflict(CodeAppealWindowClosed, Params{"days": days, "date": due.String()})
	}
	return nil
}

// checkAssignable refuses assigning a closed appeal, and examiners who are
// not the session's.
func (a Appeal) checkAssignable(ss SeminarSession, examiners []uuid.UUID) error {
	if !a.Status.open() {
		return Conflict(CodeAppealClosed)
	}
	var v Violations
	if len(examiners) == 0 {
		v.Add("examiners", CodeFieldTooFew, Params{"min": 1})
	}
	for i, e := range examiners {
		if !ss.assigned(e) {
			v.Add(fmt.Sprintf("examiners[%d]", i), CodeAppealNotSessionExaminer)
		}
	}
	return v.Err()
}

// checkClosable refuses closing an appeal that is closed already.
func (a Appeal) checkClosable() error {
	if !a.Status.open() {
		return Conflict(CodeAppealClosed)
	}
	return nil
}

// reopens reports whether the appeal lets examiner change their score of
// the determined result now: it is assigned to them and still open.
func (a Appeal) reopens(examiner uuid.UUID) bool {
	return a.Status == AppealAssigned && slices.Contains(a.Examiners, examiner)
}

// appealReasons checks the participant's reasons: required, at most
// 10 000 characters.
func appealReasons(reasons string) (string, error) {
	var v Violations
	out := longText(&v, "reasons", reasons)
	if strings.TrimSpace(out) == "" {
		v.Add("reasons", CodeFieldRequired)
	}
	return out, v.Err()
}
