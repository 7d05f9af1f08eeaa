package api

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
)

// SessionExaminer is an examiner assigned to a seminar session.
type SessionExaminer struct {
	UserID uuid.UUID `json:"userId" format:"uuid" doc:"The examiner."`
	Name   string    `json:"name" doc:"Their name." example:"Prof. Dr. Hadi Prabowo"`
}

// ExaminerScore is an examiner's latest total of a participant's seminar.
type ExaminerScore struct {
	ExaminerID   uuid.UUID `json:"examinerId" format:"uuid" doc:"The examiner."`
	AssessmentID uuid.UUID `json:"assessmentId" format:"uuid" doc:"Their latest assessment (list-assessments has its scores and history)."`
	Total        float64   `json:"total" doc:"Its weighted total, to two decimals." example:"86.25"`
	Predicate    string    `json:"predicate" enum:"sangat_memuaskan,memuaskan,cukup_memuaskan,kurang_memuaskan" doc:"The qualification the total earns." example:"memuaskan"`
	RecordedAt   time.Time `json:"recordedAt" doc:"When it was recorded."`
	Revisions    int       `json:"revisions" doc:"How many earlier scores of theirs it revises (kept as history)." example:"0"`
}

// DeterminedResult is a participant's result of a seminar as determined.
type DeterminedResult struct {
	Score        float64   `json:"score" doc:"The mean of the assigned examiners' frozen weighted totals, to two decimals." example:"88.4"`
	Predicate    string    `json:"predicate" enum:"sangat_memuaskan,memuaskan,cukup_memuaskan,kurang_memuaskan" doc:"The qualification (kualifikasi) under the cohort's thresholds." example:"memuaskan"`
	Examiners    int       `json:"examiners" doc:"How many examiners' scores it is the mean of." example:"2"`
	DeterminedAt time.Time `json:"determinedAt" doc:"When it was determined."`
	DeterminedBy uuid.UUID `json:"determinedBy" format:"uuid" doc:"The organizer who determined it."`
}

// SessionParticipant is a participant presenting in a session.
type SessionParticipant struct {
	EnrollmentID  uuid.UUID         `json:"enrollmentId" format:"uuid" doc:"The participant's enrollment."`
	ProjectID     uuid.UUID         `json:"projectId" format:"uuid" doc:"Their project, which is scored."`
	ParticipantID uuid.UUID         `json:"participantId" format:"uuid" doc:"The participant."`
	Name          string            `json:"name" doc:"The participant's name." example:"Budi Santoso"`
	ProjectTitle  string            `json:"projectTitle" doc:"The project's title." example:"Antrean Daring Adminduk"`
	ProjectStatus string            `json:"projectStatus" doc:"The project's status." example:"final_submitted"`
	Scores        []ExaminerScore   `json:"scores" doc:"The latest score of each examiner who scored this seminar."`
	Result        *DeterminedResult `json:"result,omitempty" doc:"The determined result, once the session is determined."`
	Offered
}

// SeminarSession is a seminar session with its participants and examiners.
type SeminarSession struct {
	ID                   uuid.UUID            `json:"id" format:"uuid" doc:"The session's id."`
	CohortID             uuid.UUID            `json:"cohortId" format:"uuid" doc:"Its cohort."`
	Seminar              string               `json:"seminar" enum:"design,final" doc:"The seminar." example:"final"`
	Date                 domain.Date          `json:"date" format:"date" doc:"The session's day, within the cohort's phase of the seminar."`
	StartsAt             string               `json:"startsAt,omitempty" doc:"The local starting time, HH:MM." example:"09:00"`
	Room                 string               `json:"room,omitempty" doc:"The room." example:"Ruang Seminar 2, Gedung B"`
	OnlineLink           string               `json:"onlineLink,omitempty" doc:"The online meeting's address." example:"https://zoom.us/j/123456789"`
	CoachAndMentorAttend bool                 `json:"coachAndMentorAttend" doc:"Whether the participants' coach and mentor attend as session members."`
	Participants         []SessionParticipant `json:"participants" doc:"The participants presenting, by name."`
	Examiners            []SessionExaminer    `json:"examiners" doc:"The assigned examiners, by name."`
	ExaminersRequired    int                  `json:"examinersRequired" doc:"How many examiners' scores each participant needs before determination: the cohort's count, at most the examiners assigned." example:"2"`
	OpenedEarlyAt        *time.Time           `json:"openedEarlyAt,omitempty" doc:"When an organizer opened it to scores before its date."`
	OpenedEarlyBy        *uuid.UUID           `json:"openedEarlyBy,omitempty" format:"uuid" doc:"Who opened it early."`
	DeterminedAt         *time.Time           `json:"determinedAt,omitempty" doc:"When its result was determined; its scores are frozen since."`
	DeterminedBy         *uuid.UUID           `json:"determinedBy,omitempty" format:"uuid" doc:"Who determined it."`
	Version              int64                `json:"version" doc:"Its version, as in the ETag." example:"1"`
	Offered
}

func newSeminarSession(s domain.SeminarSession) SeminarSession {
	out := SeminarSession{ID: s.ID, CohortID: s.CohortID, Seminar: string(s.Seminar), Date: s.HeldOn, StartsAt: s.StartsAt, Room: s.Room,
		OnlineLink: s.OnlineLink, CoachAndMentorAttend: s.CoachAndMentorAttend, Participants: make([]SessionParticipant, len(s.Participants)),
		Examiners: make([]SessionExaminer, len(s.Examiners)), ExaminersRequired: s.ExaminersRequired,
		OpenedEarlyAt: s.OpenedEarlyAt, OpenedEarlyBy: s.OpenedEarlyBy, DeterminedAt: s.DeterminedAt, DeterminedBy: s.DeterminedBy,
		Version: s.Version, Offered: offered(s.Offer)}
	for i, e := range s.Examiners {
		out.Examiners[i] = SessionExaminer{UserID: e.UserID, Name: e.Name}
	}
	for i, p := range s.Participants {
		sp := SessionParticipant{EnrollmentID: p.EnrollmentID, ProjectID: p.ProjectID, ParticipantID: p.ParticipantID, Name: p.Name,
			ProjectTitle: p.ProjectTitle, ProjectStatus: string(p.ProjectStatus), Scores: make([]ExaminerScore, len(p.Scores)), Offered: offered(p.Offer)}
		for j, sc := range p.Scores {
			sp.Scores[j] = ExaminerScore{ExaminerID: sc.ExaminerID, AssessmentID: sc.AssessmentID, Total: sc.Total, Predicate: string(sc.Predicate),
				RecordedAt: sc.At, Revisions: sc.Revisions}
		}
		if r := p.Result; r != nil {
			sp.Result = &DeterminedResult{Score: r.Score, Predicate: string(r.Predicate), Examiners: r.Examiners, DeterminedAt: r.DeterminedAt, DeterminedBy: r.DeterminedBy}
		}
		out.Participants[i] = sp
	}
	return out
}

// SeminarSessionCreate is the body of create-seminar-session.
type SeminarSessionCreate struct {
	Seminar              string      `json:"seminar" enum:"design,final" doc:"The seminar." example:"final"`
	Date                 domain.Date `json:"date" format:"date" doc:"The session's day, within the cohort's phase of the seminar."`
	StartsAt             string      `json:"startsAt,omitempty" maxLength:"5" doc:"The local starting time, HH:MM." example:"09:00"`
	Room                 string      `json:"room,omitempty" maxLength:"200" doc:"The room; a room or an online link is required." example:"Ruang Seminar 2, Gedung B"`
	OnlineLink           string      `json:"onlineLink,omitempty" maxLength:"500" doc:"The online meeting's address (http or https)." example:"https://zoom.us/j/123456789"`
	CoachAndMentorAttend bool        `json:"coachAndMentorAttend,omitempty" doc:"The participants' coach and mentor attend as session members."`
	Participants         []uuid.UUID `json:"participants,omitempty" maxItems:"200" format:"uuid" maxLength:"36" doc:"Enrollments of the cohort presenting in it; each presents a seminar in one session."`
	Examiners            []uuid.UUID `json:"examiners,omitempty" maxItems:"20" format:"uuid" maxLength:"36" doc:"Examiners of the cohort assigned to score its participants."`
}

// SeminarSessionPatch is the body of update-seminar-session, a JSON merge patch.
type SeminarSessionPatch struct {
	Date                 Optional[domain.Date] `json:"date,omitempty" format:"date" doc:"New day."`
	StartsAt             Optional[string]      `json:"startsAt,omitempty" maxLength:"5" doc:"New starting time, HH:MM; empty to clear." example:"13:30"`
	Room                 Optional[string]      `json:"room,omitempty" maxLength:"200" doc:"New room." example:"Aula Utama"`
	OnlineLink           Optional[string]      `json:"onlineLink,omitempty" maxLength:"500" doc:"New online link." example:"https://zoom.us/j/987654321"`
	CoachAndMentorAttend Optional[bool]        `json:"coachAndMentorAttend,omitempty" doc:"Whether the coach and mentor attend."`
}

// SessionPath names a seminar session of a cohort.
type SessionPath struct {
	CohortPath
	SessionID uuid.UUID `path:"sessionId" format:"uuid" doc:"The session's id."`
}

type seminarSessionOutput struct {
	ETag string `header:"ETag" doc:"The version of the session, for If-Match."`
	Body SeminarSession
}

type seminarSessionListOutput struct {
	Body struct {
		Items []SeminarSession `json:"items" doc:"The sessions, by date."`
	}
}

// sessionsAnswer shapes a list of sessions.
func sessionsAnswer(list []domain.SeminarSession, err error) (*seminarSessionListOutput, error) {
	if err != nil {
		return nil, err
	}
	out := &seminarSessionListOutput{}
	out.Body.Items = make([]SeminarSession, len(list))
	for i, ss := range list {
		out.Body.Items[i] = newSeminarSession(ss)
	}
	return out, nil
}

func sessionAnswer(ss domain.SeminarSession, err error) (*seminarSessionOutput, error) {
	if err != nil {
		return nil, err
	}
	return &seminarSessionOutput{ETag: etag(ss.Version), Body: newSeminarSession(ss)}, nil
}

var sessionErrors = []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity}

func registerSeminarSessions(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "list-seminar-sessions", Method: http.MethodGet, Path: "/cohorts/{cohortId}/seminar-sessions",
		Summary: "List a cohort's seminar sessions", Tags: []string{"assessment"}, Security: signedIn,
		Description: "Returns the cohort's seminar sessions by date, each with its participants (their examiners' latest totals and, once determined, their result) and examiners. The cohort's organizers, coaches and examiners may read them.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound},
	}, func(ctx context.Context, in *struct {
		CohortPath
		Seminar string `query:"seminar" enum:"design,final" doc:"Only the sessions of this seminar."`
	}) (*seminarSessionListOutput, error) {
		list, err := s.Cohorts.SeminarSessions(ctx, actorOf(ctx), in.CohortID, domain.Seminar(in.Seminar))
		return sessionsAnswer(list, err)
	})

	huma.Register(api, huma.Operation{
		OperationID: "create-seminar-session", Method: http.MethodPost, Path: "/cohorts/{cohortId}/seminar-sessions", DefaultStatus: http.StatusCreated,
		Summary: "Create a seminar session", Tags: []string{"assessment"}, Security: signedIn, Metadata: idempotent,
		Description: "Creates a session of the design or final seminar on a day within the cohort's phase of that seminar, in a room or online, with the participants presenting in it (enrollments, each in one session per seminar) and the examiners assigned (the cohort's examiners). Only its examiners may score its participants in that seminar. The cohort's organizers may do this.",
		Errors:      sessionErrors,
	}, func(ctx context.Context, in *struct {
		CohortPath
		IdempotencyKeyHeader
		Body SeminarSessionCreate
	}) (*seminarSessionOutput, error) {
		b := in.Body
		ss, err := s.Cohorts.CreateSeminarSession(ctx, actorOf(ctx), domain.SessionPlan{CohortID: in.CohortID, Seminar: b.Seminar, HeldOn: b.Date,
			StartsAt: b.StartsAt, Room: b.Room, OnlineLink: b.OnlineLink, CoachAndMentorAttend: b.CoachAndMentorAttend,
			Participants: b.Participants, Examiners: b.Examiners})
		return sessionAnswer(ss, err)
	})

	huma.Register(api, huma.Operation{
		OperationID: "get-seminar-session", Method: http.MethodGet, Path: "/cohorts/{cohortId}/seminar-sessions/{sessionId}",
		Summary: "Get a seminar session", Tags: []string{"assessment"}, Security: signedIn,
		Description: "Returns a session with its participants and examiners, to the cohort's organizers, coaches and examiners.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound},
	}, func(ctx context.Context, in *SessionPath) (*seminarSessionOutput, error) {
		ss, err := s.Cohorts.SeminarSession(ctx, actorOf(ctx), in.CohortID, in.SessionID)
		return sessionAnswer(ss, err)
	})

	huma.Register(api, huma.Operation{
		OperationID: "update-seminar-session", Method: http.MethodPatch, Path: "/cohorts/{cohortId}/seminar-sessions/{sessionId}",
		Summary: "Change a seminar session", Tags: []string{"assessment"}, Security: signedIn,
		Description: "Changes a session's day, time, room, link or members with a JSON merge patch, until its result is determined (409 session.determined after). The cohort's organizers may do this.",
		Errors:      append([]int{http.StatusPreconditionFailed}, sessionErrors...),
	}, func(ctx context.Context, in *struct {
		SessionPath
		Precondition
		Body SeminarSessionPatch `contentType:"application/merge-patch+json"`
	}) (*seminarSessionOutput, error) {
		b := in.Body
		ss, err := s.Cohorts.UpdateSeminarSession(ctx, actorOf(ctx), in.CohortID, in.SessionID, domain.SessionChanges{HeldOn: b.Date.ptr(),
			StartsAt: b.StartsAt.ptr(), Room: b.Room.ptr(), OnlineLink: b.OnlineLink.ptr(), CoachAndMentorAttend: b.CoachAndMentorAttend.ptr()}, in.expected())
		return sessionAnswer(ss, err)
	})

	registerSessionMember(api, s, "add-session-participant", http.MethodPut, "Add a participant to a seminar session",
		"Adds an enrollment of the cohort to the session; one already in another session of the seminar is refused (409). Until the result is determined; the cohort's organizers may do this.",
		func(in *participantPath) uuid.UUID { return in.EnrollmentID }, func(ctx context.Context, a *domain.Actor, cohort, session, member uuid.UUID) (domain.SeminarSession, error) {
			return s.Cohorts.AddSessionParticipant(ctx, a, cohort, session, member)
		})
	registerSessionMember(api, s, "remove-session-participant", http.MethodDelete, "Take a participant off a seminar session",
		"Takes an enrollment off the session; scores already recorded stay in the project's history. Until the result is determined; the cohort's organizers may do this.",
		func(in *participantPath) uuid.UUID { return in.EnrollmentID }, func(ctx context.Context, a *domain.Actor, cohort, session, member uuid.UUID) (domain.SeminarSession, error) {
			return s.Cohorts.RemoveSessionParticipant(ctx, a, cohort, session, member)
		})
	registerSessionMember(api, s, "add-session-examiner", http.MethodPut, "Assign an examiner to a seminar session",
		"Assigns one of the cohort's examiners to the session. Until the result is determined; the cohort's organizers may do this.",
		func(in *examinerPath) uuid.UUID { return in.UserID }, func(ctx context.Context, a *domain.Actor, cohort, session, member uuid.UUID) (domain.SeminarSession, error) {
			return s.Cohorts.AddSessionExaminer(ctx, a, cohort, session, member)
		})
	registerSessionMember(api, s, "remove-session-examiner", http.MethodDelete, "Take an examiner off a seminar session",
		"Takes an examiner off the session: their scores no longer count towards its result. Until the result is determined; the cohort's organizers may do this.",
		func(in *examinerPath) uuid.UUID { return in.UserID }, func(ctx context.Context, a *domain.Actor, cohort, session, member uuid.UUID) (domain.SeminarSession, error) {
			return s.Cohorts.RemoveSessionExaminer(ctx, a, cohort, session, member)
		})

	huma.Register(api, huma.Operation{
		OperationID: "open-seminar-session", Method: http.MethodPost, Path: "/cohorts/{cohortId}/seminar-sessions/{sessionId}/open",
		Summary: "Open a seminar session to scores early", Tags: []string{"assessment"}, Security: signedIn,
		Description: "Scores are accepted from the session's day; this opens it earlier, recording who and when (openedEarlyAt, openedEarlyBy, and an event). A session already open or determined answers 409. The cohort's organizers may do this.",
		Errors:      sessionErrors,
	}, func(ctx context.Context, in *SessionPath) (*seminarSessionOutput, error) {
		ss, err := s.Cohorts.OpenSeminarSessionEarly(ctx, actorOf(ctx), in.CohortID, in.SessionID)
		return sessionAnswer(ss, err)
	})

	huma.Register(api, huma.Operation{
		OperationID: "determine-seminar-session", Method: http.MethodPost, Path: "/cohorts/{cohortId}/seminar-sessions/{sessionId}/determination",
		Summary: "Determine a seminar session's result", Tags: []string{"assessment"}, Security: signedIn,
		Description: "The penetapan hasil: once every participant has the scores required (examinersRequired of the assigned examiners), freezes the scores and computes each participant's result once: the mean of the assigned examiners' weighted totals, with the kualifikasi of the cohort's thresholds. Determining the final seminar completes the participants' projects. Participants see the result after release-results. A missing score answers 409 session.scores_missing naming the participant. The cohort's organizers may do this.",
		Errors:      sessionErrors,
	}, func(ctx context.Context, in *SessionPath) (*seminarSessionOutput, error) {
		ss, err := s.Cohorts.DetermineSeminarSession(ctx, actorOf(ctx), in.CohortID, in.SessionID)
		return sessionAnswer(ss, err)
	})

	huma.Register(api, huma.Operation{
		OperationID: "determine-cohort-results", Method: http.MethodPost, Path: "/cohorts/{cohortId}/results/{seminar}/determination",
		Summary: "Determine every session of a cohort's seminar", Tags: []string{"assessment"}, Security: signedIn,
		Description: "Determines every session of the seminar not yet determined, all or none (see determine-seminar-session). With none waiting it answers 409 session.none_to_determine. The cohort's organizers may do this.",
		Errors:      sessionErrors,
	}, func(ctx context.Context, in *SeminarPath) (*seminarSessionListOutput, error) {
		list, err := s.Cohorts.DetermineCohortResults(ctx, actorOf(ctx), in.CohortID, domain.Seminar(in.Seminar))
		return sessionsAnswer(list, err)
	})

	huma.Register(api, huma.Operation{
		OperationID: "list-my-seminar-sessions", Method: http.MethodGet, Path: "/me/seminar-sessions",
		Summary: "List the seminar sessions I examine", Tags: []string{"assessment"}, Security: signedIn,
		Description: "An examiner's home: the sessions they are assigned to in every cohort, by date, each with its participants, every examiner's latest total and whether the caller may score each participant now (actions, refusedActions).",
		Errors:      []int{http.StatusUnauthorized},
	}, func(ctx context.Context, _ *struct{}) (*seminarSessionListOutput, error) {
		list, err := s.Cohorts.ExaminerSessions(ctx, actorOf(ctx))
		return sessionsAnswer(list, err)
	})
}

// participantPath names a participant (by enrollment) of a session.
type participantPath struct {
	SessionPath
	EnrollmentID uuid.UUID `path:"enrollmentId" format:"uuid" doc:"The participant's enrollment."`
}

// examinerPath names an examiner of a session.
type examinerPath struct {
	SessionPath
	UserID uuid.UUID `path:"userId" format:"uuid" doc:"The examiner."`
}

func (p *participantPath) session() SessionPath { return p.SessionPath }
func (p *examinerPath) session() SessionPath    { return p.SessionPath }

// registerSessionMember registers adding or removing a session's
// participant or examiner.
func registerSessionMember[P any, I interface {
	*P
	session() SessionPath
}](api huma.API, s *Services, id, method, summary, description string, member func(I) uuid.UUID,
	do func(ctx context.Context, a *domain.Actor, cohort, session, member uuid.UUID) (domain.SeminarSession, error)) {
	path := "/cohorts/{cohortId}/seminar-sessions/{sessionId}/participants/{enrollmentId}"
	if _, ok := any(new(P)).(*examinerPath); ok {
		path = "/cohorts/{cohortId}/seminar-sessions/{sessionId}/examiners/{userId}"
	}
	huma.Register(api, huma.Operation{
		OperationID: id, Method: method, Path: path, Summary: summary, Tags: []string{"assessment"}, Security: signedIn,
		Description: description, Errors: sessionErrors,
	}, func(ctx context.Context, in *P) (*seminarSessionOutput, error) {
		sp := I(in).session()
		ss, err := do(ctx, actorOf(ctx), sp.CohortID, sp.SessionID, member(I(in)))
		return sessionAnswer(ss, err)
	})
}
