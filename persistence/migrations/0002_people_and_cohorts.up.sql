-- Who is who: accounts, sessions, institutions, agencies, cohorts, staff,
-- enrollments and their projects; the audit trail; idempotency keys.

CREATE TABLE agencies (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    region      text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL
);
-- The roster import finds agencies by name, whatever the case.
CREATE UNIQUE INDEX agencies_name_key ON agencies (lower(name));

CREATE TABLE users (
    id                     uuid PRIMARY KEY,
    email                  citext NOT NULL,
    name                   text NOT NULL,
    nip                    char(18),
    position               text NOT NULL DEFAULT '',
    rank                   text NOT NULL DEFAULT '',
    agency_id              uuid REFERENCES agencies,
    platform_admin         boolean NOT NULL DEFAULT false,
    password_hash          text NOT NULL DEFAULT '',
    activation_hash        bytea,
    activation_expires_at  timestamptz,
    version                bigint NOT NULL,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    -- What list-users?q= searches, lower-cased, with a trigram index so that
    -- a substring search stays fast on millions of users.
    search                 text GENERATED ALWAYS AS (lower(name || ' ' || email::text || ' ' || coalesce(nip, ''))) STORED,
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_nip_key UNIQUE (nip)
);
CREATE INDEX users_search_trgm ON users USING gin (search gin_trgm_ops);
CREATE INDEX users_name_id ON users (name, id);
CREATE INDEX users_agency ON users (agency_id);

CREATE TABLE sessions (
    token_hash  bytea PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
    id              bigserial PRIMARY KEY,
    email           citext NOT NULL,
    client_address  text NOT NULL,
    failed_at       timestamptz NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, failed_at);
CREATE INDEX login_failures_address ON login_failures (client_address, failed_at);

CREATE TABLE institutions (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    code        citext NOT NULL,
    created_at  timestamptz NOT NULL,
    CONSTRAINT institutions_code_key UNIQUE (code)
);
CREATE INDEX institutions_name_id ON institutions (name, id);

CREATE TABLE institution_organizers (
    institution_id  uuid NOT NULL REFERENCES institutions ON DELETE CASCADE,
    user_id         uuid NOT NULL REFERENCES users ON DELETE CASCADE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (institution_id, user_id)
);
CREATE INDEX institution_organizers_user ON institution_organizers (user_id);

CREATE TABLE cohorts (
    id              uuid PRIMARY KEY,
    institution_id  uuid NOT NULL REFERENCES institutions,
    program         text NOT NULL CHECK (program IN ('pkn1', 'pkn2', 'pka', 'pkp')),
    code            text NOT NULL,
    name            text NOT NULL,
    starts_on       date NOT NULL,
    ends_on         date NOT NULL CHECK (ends_on >= starts_on),
    -- [{kind, startsOn, endsOn}], always read and written with the cohort.
    phases          jsonb NOT NULL DEFAULT '[]',
    version         bigint NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT cohorts_code_key UNIQUE (institution_id, code)
);
CREATE INDEX cohorts_created ON cohorts (created_at DESC, id DESC);

CREATE TABLE cohort_staff (
    cohort_id   uuid NOT NULL REFERENCES cohorts ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users,
    role        text NOT NULL CHECK (role IN ('organizer', 'coach', 'examiner')),
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (cohort_id, user_id, role)
);
CREATE INDEX cohort_staff_user ON cohort_staff (user_id);

CREATE TABLE enrollments (
    id              uuid PRIMARY KEY,
    cohort_id       uuid NOT NULL REFERENCES cohorts ON DELETE CASCADE,
    participant_id  uuid NOT NULL REFERENCES users,
    mentor_id       uuid NOT NULL REFERENCES users,
    coach_id        uuid REFERENCES users,
    group_name      text NOT NULL DEFAULT '',
    version         bigint NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT enrollments_participant_key UNIQUE (cohort_id, participant_id),
    CHECK (mentor_id <> participant_id)
);
CREATE INDEX enrollments_cohort_page ON enrollments (cohort_id, created_at, id);
CREATE INDEX enrollments_participant ON enrollments (participant_id);
CREATE INDEX enrollments_mentor ON enrollments (mentor_id);
CREATE INDEX enrollments_coach ON enrollments (coach_id);

CREATE TABLE projects (
    id             uuid PRIMARY KEY,
    enrollment_id  uuid NOT NULL UNIQUE REFERENCES enrollments ON DELETE CASCADE,
    status         text NOT NULL DEFAULT 'draft',
    title          text NOT NULL DEFAULT '',
    version        bigint NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);

-- The audit trail: every change, who made it, and how the thing looked
-- before and after. Rows are only ever inserted.
CREATE TABLE events (
    id           bigserial PRIMARY KEY,
    at           timestamptz NOT NULL,
    actor_id     uuid,
    action       text NOT NULL,
    target_type  text NOT NULL,
    target_id    uuid NOT NULL,
    cohort_id    uuid,
    project_id   uuid,
    before       jsonb,
    after        jsonb
);
CREATE INDEX events_target ON events (target_type, target_id, id);
CREATE INDEX events_project ON events (project_id, id) WHERE project_id IS NOT NULL;

-- Creates retried with the same Idempotency-Key return the first answer.
CREATE TABLE idempotency_keys (
    user_id       uuid NOT NULL,
    key           text NOT NULL,
    request_hash  bytea NOT NULL,
    -- NULL while the first request is still being answered.
    status        integer,
    headers       jsonb,
    body          bytea,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
