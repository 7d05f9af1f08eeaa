package domain

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// SeminarSession is a sesi seminar: one room or slot of a cohort's design
// or final seminar, on a date, with the participants who present in it and
// the examiners (penguji) assigned to score them. Only its examiners score
// its participants in that seminar, from its date (or earlier when an
// organizer opens it early), until an organizer determines its result
// (penetapan hasil), which freezes the scores.
type SeminarSession struct {
	ID       uuid.UUID
	CohortID uuid.UUID
	Seminar  Seminar
	// HeldOn is the session's day, within the cohort's phase of the seminar.
	HeldOn Date
	// StartsAt is the local starting time, HH:MM, or "" when not set.
	StartsAt   string
	Room       string
	OnlineLink string
	// CoachAndMentorAttend names the participants' coach and mentor as
	// members of the session, as LAN's seminars usually have them.
	CoachAndMentorAttend bool
	Participants         []SessionParticipant
	Examiners            []SessionExaminer
	// ExaminersRequired is how many scores each participant needs before
	// determination (see examinersRequired), filled when read.
	ExaminersRequired int
	// OpenedEarlyAt and OpenedEarlyBy record an organizer opening the
	// session to scores before its date.
	OpenedEarlyAt *time.Time
	OpenedEarlyBy *uuid.UUID
	// DeterminedAt and DeterminedBy record the determination, after which
	// the scores are frozen.
	DeterminedAt *time.Time
	DeterminedBy *uuid.UUID
	Version      int64
	CreatedAt    time.Time
	UpdatedAt    time.Time
	// Offer is what the caller who read it may do to it now.
	Offer Offer `json:"-"`
}

// SessionParticipant is a participant presenting in a session, with the
// scores of the session's examiners and, once determined, the result.
type SessionParticipant struct {
	EnrollmentID  uuid.UUID
	ProjectID     uuid.UUID
	ParticipantID uuid.UUID
	MentorID      uuid.UUID
	CoachID       *uuid.UUID
	Name          string
	ProjectTitle  string
	ProjectStatus ProjectStatus
	// Scores are the latest totals of the session's examiners, when read.
	Scores []ExaminerScore
	// Result is the determined result, once the session is determined.
	Result *DeterminedResult
	// Offer is what the caller may do about this participant now: score
	// (record-assessment) for an assigned examiner.
	Offer Offer `json:"-"`
}

// ExaminerScore is an examiner's latest total of a participant's seminar.
type ExaminerScore struct {
	ExaminerID   uuid.UUID
	AssessmentID uuid.UUID
	Total        float64
	Predicate    Predicate
	At           time.Time
	// Revisions counts the examiner's earlier scores of it.
	Revisions int
}

// SessionExaminer is an examiner assigned to a session.
type SessionExaminer struct {
	UserID uuid.UUID
	Name   string
}

// DeterminedResult is a participant's result of a seminar as determined:
// the mean of the assigned examiners' frozen weighted totals, with its
// kualifikasi.
type DeterminedResult struct {
	ProjectID    uuid.UUID
	CohortID     uuid.UUID
	Seminar      Seminar
	SessionID    uuid.UUID
	Score        float64
	Predicate    Predicate
	Examiners    int
	DeterminedAt time.Time
	DeterminedBy uuid.UUID
}

// examinersRequired is the number of scores each participant of a session
// needs: the cohort's count (ExaminersRequired, from its program template),
// but never more than the examiners assigned; at least one.
func examinersRequired(s SeminarSession, c Cohort) int {
	return min(max(c.ExaminersRequired, 1), len(s.Examiners))
}

// SessionPlan is what an organizer gives to create a session.
type SessionPlan struct {
	CohortID             uuid.UUID
	Seminar              string
	HeldOn               Date
	StartsAt             string
	Room                 string
	OnlineLink           string
	CoachAndMentorAttend bool
	// Participants are enrollment ids; Examiners user ids of the cohort's
	// examiners.
	Participants []uuid.UUID
	Examiners    []uuid.UUID
}

// SessionChanges is a partial update of a session; nil fields stay.
type SessionChanges struct {
	HeldOn               *Date
	StartsAt             *string
	Room                 *string
	OnlineLink           *string
	CoachAndMentorAttend *bool
}

var clockTime = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)

// seminarPhase is the phase of the cohort's agenda in which a seminar is held.
func seminarPhase(s Seminar) PhaseKind {
	if s == SeminarDesign {
		return PhaseDesignSeminar
	}
	return PhaseFinalSeminar
}

// validate checks a session's own fields against its cohort: its date
// within the cohort's phase of the seminar (or the cohort's dates, when
// its agenda has no such phase), a start time as HH:MM, a room or an
// online link (http or https).
func (s *SeminarSession) validate(c Cohort, v *Violations) {
	s.Room = text(v, "room", s.Room, false)
	s.OnlineLink = strings.TrimSpace(s.OnlineLink)
	if s.OnlineLink != "" {
		if u, err := url.Parse(s.OnlineLink); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(s.OnlineLink) > 500 {
			v.Add("onlineLink", CodeSessionLink)
		}
	}
	if s.Room == "" && s.OnlineLink == "" {
		v.Add("room", CodeSessionPlace)
	}
	if s.StartsAt != "" && !clockTime.MatchString(s.StartsAt) {
		v.Add("startsAt", CodeSessionTime)
	}
	kind := seminarPhase(s.Seminar)
	from, to := c.StartsOn, c.EndsOn
	if i := slices.IndexFunc(c.Phases, func(p Phase) bool { return p.Kind == kind }); i >= 0 {
		from, to = c.Phases[i].StartsOn, c.Phases[i].EndsOn
	}
	if s.HeldOn.IsZero() {
		v.Add("date", CodeFieldRequired)
	} else if s.HeldOn.Before(from) || to.Before(s.HeldOn) {
		v.Add("date", CodeSessionOutsidePhase, Params{"from": from.String(), "to": to.String()})
	}
}

// checkOpen refuses a change of a determined session: its scores are frozen.
func (s SeminarSession) checkOpen() error {
	if s.DeterminedAt != nil {
		return Conflict(CodeSessionDetermined)
	}
	return nil
}

// checkOpenableEarly refuses opening a session early that is open already
// (its day has come, or it was opened) or determined.
func (s SeminarSession) checkOpenableEarly(today Date) error {
	if err := s.checkOpen(); err != nil {
		return err
	}
	if s.OpenedEarlyAt != nil || !today.Before(s.HeldOn) {
		return Conflict(CodeSessionAlreadyOpen)
	}
	return nil
}

// acceptsScores reports whether scores are accepted now: from the session's
// day, or earlier once opened early, and until determination.
func (s SeminarSession) acceptsScores(today Date) error {
	if err := s.checkOpen(); err != nil {
		return Conflict(CodeAssessmentDetermined)
	}
	if today.Before(s.HeldOn) && s.OpenedEarlyAt == nil {
		return Conflict(CodeAssessmentSessionNotOpen, Params{"date": s.HeldOn.String()})
	}
	return nil
}

// assigned reports whether user examines the session.
func (s SeminarSession) assigned(user uuid.UUID) bool {
	return slices.ContainsFunc(s.Examiners, func(e SessionExaminer) bool { return e.UserID == user })
}

// checkScorable is every rule of an examiner scoring a participant of the
// session now: assigned, the session open, the project ready for the
// seminar and, for the design seminar, not past the design stage.
func (s SeminarSession) checkScorable(examiner uuid.UUID, p Project, today Date) error {
	if !s.assigned(examiner) {
		return Fail(KindForbidden, CodeAssessmentNotAssigned, Params{"seminar": s.Seminar})
	}
	if err := s.acceptsScores(today); err != nil {
		return err
	}
	return p.checkSeminarStage(s.Seminar)
}

// checkSeminarStage refuses a score of a seminar the project is not at: the
// design seminar assesses a submitted design until the implementation
// starts; the final seminar a submitted final report.
func (p *Project) checkSeminarStage(seminar Seminar) error {
	if seminar == SeminarDesign {
		switch p.Status {
		case ProjectImplementing, ProjectFinalSubmitted, ProjectCompleted:
			return Conflict(CodeAssessmentDesignStageOver, Params{"status": p.Status})
		}
	}
	return p.checkAssessable(seminar)
}

// checkDeterminable refuses determining a session that is determined, has
// no participants or examiners, or lacks a required score.
func (s SeminarSession) checkDeterminable(c Cohort) error {
	if err := s.checkOpen(); err != nil {
		return err
	}
	if len(s.Participants) == 0 || len(s.Examiners) == 0 {
		return Conflict(CodeSessionEmpty)
	}
	need := examinersRequired(s, c)
	for _, p := range s.Participants {
		if got := len(s.assignedScores(p)); got < need {
			return Conflict(CodeSessionScoresMissing, Params{"name": p.Name, "scored": got, "required": need})
		}
	}
	return nil
}

// assignedScores are a participant's latest scores by the session's
// examiners: an examiner removed from the session no longer counts.
func (s SeminarSession) assignedScores(p SessionParticipant) []ExaminerScore {
	var out []ExaminerScore
	for _, sc := range p.Scores {
		if s.assigned(sc.ExaminerID) {
			out = append(out, sc)
		}
	}
	return out
}

// determine computes each participant's result from the frozen scores:
// the mean of the assigned examiners' weighted totals, with the predicate
// the cohort's thresholds give it (through Results, the one place of that
// rule).
func (s *SeminarSession) determine(c Cohort, by uuid.UUID, now time.Time) []DeterminedResult {
	var out []DeterminedResult
	for i := range s.Participants {
		p := &s.Participants[i]
		var frozen []Assessment
		for _, sc := range s.assignedScores(*p) {
			frozen = append(frozen, Assessment{Seminar: s.Seminar, ExaminerID: sc.ExaminerID, Total: sc.Total, At: sc.At})
		}
		r := Results(c.Thresholds, frozen)[0]
		p.Result = &DeterminedResult{ProjectID: p.ProjectID, CohortID: s.CohortID, Seminar: s.Seminar, SessionID: s.ID,
			Score: r.Score, Predicate: r.Predicate, Examiners: r.Examiners, DeterminedAt: now, DeterminedBy: by}
		out = append(out, *p.Result)
	}
	s.DeterminedAt, s.DeterminedBy = &now, &by
	return out
}

// String names a session for logs and errors.
func (s SeminarSession) String() string {
	return fmt.Sprintf("%s seminar session %s on %s", s.Seminar, s.ID, s.HeldOn)
}
