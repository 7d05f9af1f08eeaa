-- The final report of a change project (issue #22 part 4): its versions,
-- the mentor's and coach's endorsements, the pernyataan keaslian, the
-- organizer's allowance of a late submission and the examiners' revision.

-- A project's report: its own facts; versions and endorsements are rows
-- of their own, only ever added. Its status follows from these facts.
CREATE TABLE project_reports (
    project_id             uuid PRIMARY KEY REFERENCES projects ON DELETE CASCADE,
    -- The pernyataan keaslian, once signed.
    statement_signed_by    uuid REFERENCES users,
    statement_name         text NOT NULL DEFAULT '',
    statement_replicated   text NOT NULL DEFAULT '',
    statement_signed_at    timestamptz,
    -- The short-term milestones the report declares not achieved.
    not_achieved           jsonb NOT NULL DEFAULT '[]',
    -- The outcome of each success indicator: [{indicatorId, achieved, note}].
    outcomes               jsonb NOT NULL DEFAULT '[]',
    late_allowed_at        timestamptz,
    late_allowed_by        uuid REFERENCES users,
    late_allowance_reason  text NOT NULL DEFAULT '',
    submitted_at           timestamptz,
    submitted_file_id      uuid,
    submitted_late         boolean NOT NULL DEFAULT false,
    revision_required_at   timestamptz,
    revision_required_by   uuid REFERENCES users,
    revision_due_on        date,
    revision_comment       text NOT NULL DEFAULT '',
    revision_of            integer NOT NULL DEFAULT 0,
    ratified_at            timestamptz,
    version                bigint NOT NULL
);

-- Every uploaded version of the report or the slides, numbered per kind.
CREATE TABLE report_files (
    id          uuid PRIMARY KEY,
    project_id  uuid NOT NULL REFERENCES projects ON DELETE CASCADE,
    kind        text NOT NULL CHECK (kind IN ('report', 'slides')),
    number      integer NOT NULL CHECK (number > 0),
    file_name   text NOT NULL,
    size        bigint NOT NULL,
    media_type  text NOT NULL,
    sha256      bytea NOT NULL,
    blob_key    text NOT NULL,
    uploaded_by uuid NOT NULL REFERENCES users,
    uploaded_at timestamptz NOT NULL,
    revision    boolean NOT NULL DEFAULT false,
    late        boolean NOT NULL DEFAULT false,
    UNIQUE (project_id, kind, number)
);

-- The endorsements: who signed which sheet of which version, as they were.
CREATE TABLE report_endorsements (
    id            uuid PRIMARY KEY,
    project_id    uuid NOT NULL REFERENCES projects ON DELETE CASCADE,
    step          text NOT NULL CHECK (step IN ('persetujuan', 'pengesahan')),
    role          text NOT NULL CHECK (role IN ('mentor', 'coach')),
    user_id       uuid NOT NULL REFERENCES users,
    name          text NOT NULL,
    position      text NOT NULL,
    at            timestamptz NOT NULL,
    file_id       uuid NOT NULL REFERENCES report_files,
    file_number   integer NOT NULL,
    sha256        bytea NOT NULL,
    seminar_on    date,
    seminar_place text NOT NULL DEFAULT '',
    -- One endorsement per person, sheet and version.
    UNIQUE (file_id, step, user_id)
);
CREATE INDEX report_endorsements_project ON report_endorsements (project_id, at);
