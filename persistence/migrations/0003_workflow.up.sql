-- The change-project workflow: the design, milestones, evidence, reviews
-- and coaching notes.

ALTER TABLE projects
    ADD COLUMN problem             text NOT NULL DEFAULT '',
    ADD COLUMN background          text NOT NULL DEFAULT '',
    ADD COLUMN goal                text NOT NULL DEFAULT '',
    ADD COLUMN benefits            text NOT NULL DEFAULT '',
    ADD COLUMN scope               text NOT NULL DEFAULT '',
    ADD COLUMN innovation_areas    text[] NOT NULL DEFAULT '{}',
    -- [{name, kind, power, interest}]
    ADD COLUMN stakeholders        jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN revision_requested  boolean NOT NULL DEFAULT false,
    ADD COLUMN revision_comment    text NOT NULL DEFAULT '',
    ADD COLUMN design_round        integer NOT NULL DEFAULT 0,
    ADD COLUMN design_submitted_at timestamptz,
    ADD CONSTRAINT projects_status_check CHECK (status IN
        ('draft', 'design_submitted', 'design_approved', 'implementing', 'final_submitted', 'completed'));
-- Designs waiting for review, for the review queue.
CREATE INDEX projects_design_submitted ON projects (enrollment_id) WHERE status = 'design_submitted';

ALTER TABLE events ADD COLUMN summary text NOT NULL DEFAULT '';

CREATE TABLE milestones (
    id           uuid PRIMARY KEY,
    project_id   uuid NOT NULL REFERENCES projects ON DELETE CASCADE,
    horizon      text NOT NULL CHECK (horizon IN ('short', 'mid', 'long')),
    -- short, mid, long in that order, for sorting and keyset paging.
    horizon_rank smallint GENERATED ALWAYS AS (CASE horizon WHEN 'short' THEN 1 WHEN 'mid' THEN 2 ELSE 3 END) STORED,
    title        text NOT NULL,
    description  text NOT NULL DEFAULT '',
    due_on       date NOT NULL,
    position     integer NOT NULL DEFAULT 0,
    -- [{title, output}]
    activities   jsonb NOT NULL DEFAULT '[]',
    status       text NOT NULL CHECK (status IN ('planned', 'in_progress', 'awaiting_verification', 'achieved')),
    claimed_at   timestamptz,
    version      bigint NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX milestones_project_order ON milestones (project_id, horizon_rank, position, id);
CREATE INDEX milestones_awaiting ON milestones (project_id) WHERE status = 'awaiting_verification';

CREATE TABLE evidence (
    id            uuid PRIMARY KEY,
    milestone_id  uuid NOT NULL REFERENCES milestones,
    project_id    uuid NOT NULL REFERENCES projects ON DELETE CASCADE,
    title         text NOT NULL,
    description   text NOT NULL DEFAULT '',
    url           text,
    file_name     text,
    size          bigint,
    media_type    text,
    sha256        bytea,
    blob_key      text UNIQUE,
    status        text NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected', 'withdrawn')),
    submitted_by  uuid NOT NULL REFERENCES users,
    submitted_at  timestamptz NOT NULL,
    reviewed_at   timestamptz,
    version       bigint NOT NULL,
    CHECK ((url IS NULL) <> (blob_key IS NULL))
);
CREATE INDEX evidence_milestone ON evidence (milestone_id, submitted_at, id);
CREATE INDEX evidence_waiting ON evidence (project_id) WHERE status = 'submitted';

-- Decisions on designs, milestones and evidence: only ever inserted.
CREATE TABLE reviews (
    id             uuid PRIMARY KEY,
    project_id     uuid NOT NULL REFERENCES projects ON DELETE CASCADE,
    target_type    text NOT NULL CHECK (target_type IN ('design', 'milestone', 'evidence')),
    target_id      uuid NOT NULL,
    round          integer NOT NULL DEFAULT 0,
    reviewer_id    uuid NOT NULL REFERENCES users,
    reviewer_role  text NOT NULL,
    decision       text NOT NULL,
    comment        text NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL
);
CREATE INDEX reviews_target ON reviews (target_type, target_id, round);
-- One verdict per reviewer and round of a design.
CREATE UNIQUE INDEX reviews_design_once ON reviews (target_id, round, reviewer_id) WHERE target_type = 'design';

CREATE TABLE coaching_notes (
    id          uuid PRIMARY KEY,
    project_id  uuid NOT NULL REFERENCES projects ON DELETE CASCADE,
    coach_id    uuid NOT NULL REFERENCES users,
    held_on     date NOT NULL,
    topic       text NOT NULL,
    notes       text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL
);
CREATE INDEX coaching_notes_project ON coaching_notes (project_id, created_at DESC, id DESC);
