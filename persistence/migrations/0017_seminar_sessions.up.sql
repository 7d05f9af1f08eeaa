-- Seminar sessions (issue #21): a seminar's room or slot with its
-- participants and assigned examiners; the determination (penetapan) that
-- freezes a session's scores into each participant's result; and the
-- score history of an assessment (each row of assessments is one revision:
-- replaces names the examiner's previous score of the same seminar).

CREATE TABLE seminar_sessions (
    id               uuid PRIMARY KEY,
    cohort_id        uuid NOT NULL REFERENCES cohorts ON DELETE CASCADE,
    seminar          text NOT NULL CHECK (seminar IN ('design', 'final')),
    held_on          date NOT NULL,
    -- HH:MM local time, or '' when not set.
    starts_at        text NOT NULL DEFAULT '',
    room             text NOT NULL DEFAULT '',
    online_link      text NOT NULL DEFAULT '',
    -- The participants' coach and mentor attend as session members.
    coach_and_mentor boolean NOT NULL DEFAULT false,
    opened_early_at  timestamptz,
    opened_early_by  uuid REFERENCES users,
    determined_at    timestamptz,
    determined_by    uuid REFERENCES users,
    version          bigint NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX seminar_sessions_cohort ON seminar_sessions (cohort_id, seminar, held_on);

CREATE TABLE seminar_session_participants (
    session_id     uuid NOT NULL REFERENCES seminar_sessions ON DELETE CASCADE,
    enrollment_id  uuid NOT NULL REFERENCES enrollments ON DELETE CASCADE,
    project_id     uuid NOT NULL REFERENCES projects ON DELETE CASCADE,
    seminar        text NOT NULL CHECK (seminar IN ('design', 'final')),
    PRIMARY KEY (session_id, enrollment_id),
    -- A participant presents each seminar in one session.
    CONSTRAINT seminar_session_participants_once UNIQUE (project_id, seminar)
);

CREATE TABLE seminar_session_examiners (
    session_id   uuid NOT NULL REFERENCES seminar_sessions ON DELETE CASCADE,
    examiner_id  uuid NOT NULL REFERENCES users,
    PRIMARY KEY (session_id, examiner_id)
);
CREATE INDEX seminar_session_examiners_examiner ON seminar_session_examiners (examiner_id);

-- A participant's determined result of a seminar, computed once from the
-- frozen scores.
CREATE TABLE seminar_results (
    project_id     uuid NOT NULL REFERENCES projects ON DELETE CASCADE,
    seminar        text NOT NULL CHECK (seminar IN ('design', 'final')),
    cohort_id      uuid NOT NULL REFERENCES cohorts ON DELETE CASCADE,
    session_id     uuid NOT NULL REFERENCES seminar_sessions ON DELETE CASCADE,
    score          numeric(5, 2) NOT NULL,
    predicate      text NOT NULL,
    examiners      integer NOT NULL,
    determined_at  timestamptz NOT NULL,
    determined_by  uuid NOT NULL REFERENCES users,
    PRIMARY KEY (project_id, seminar)
);

ALTER TABLE assessments
    ADD COLUMN session_id uuid REFERENCES seminar_sessions ON DELETE SET NULL,
    ADD COLUMN replaces   uuid REFERENCES assessments ON DELETE SET NULL,
    ADD COLUMN reason     text NOT NULL DEFAULT '';

-- Appeals (keberatan) of released results: filed by the participant within
-- the cohort's appeal window, assigned to the examiners concerned, closed
-- with a decision that determines the result again.
CREATE TABLE appeals (
    id           uuid PRIMARY KEY,
    cohort_id    uuid NOT NULL REFERENCES cohorts ON DELETE CASCADE,
    project_id   uuid NOT NULL REFERENCES projects ON DELETE CASCADE,
    session_id   uuid NOT NULL REFERENCES seminar_sessions ON DELETE CASCADE,
    seminar      text NOT NULL CHECK (seminar IN ('design', 'final')),
    reasons      text NOT NULL,
    status       text NOT NULL CHECK (status IN ('filed', 'assigned', 'granted', 'partly_granted', 'refused')),
    filed_by     uuid NOT NULL REFERENCES users,
    filed_at     timestamptz NOT NULL,
    examiners    uuid[] NOT NULL DEFAULT '{}',
    assigned_at  timestamptz,
    closed_at    timestamptz,
    closed_by    uuid REFERENCES users,
    note         text NOT NULL DEFAULT '',
    -- The result when filed and once determined again ({score, predicate, examiners}).
    before       jsonb,
    after        jsonb,
    version      bigint NOT NULL DEFAULT 1
);
CREATE INDEX appeals_cohort ON appeals (cohort_id, filed_at DESC);
-- One open appeal per project and seminar.
CREATE UNIQUE INDEX appeals_open_once ON appeals (project_id, seminar) WHERE status IN ('filed', 'assigned');
