-- Graduation and certificates (issue #21, parts 5 and 6).

-- A cohort's graduation: its settings (peserta terbaik, the certificate
-- number format and signatory), its determination and its release. A
-- cohort without a row has the defaults and is neither determined nor
-- released.
CREATE TABLE cohort_graduations (
    cohort_id           uuid PRIMARY KEY REFERENCES cohorts ON DELETE CASCADE,
    names_best          boolean NOT NULL DEFAULT false,
    number_format       text NOT NULL DEFAULT '{program}/{year}/{seq:04}',
    signatory_name      text NOT NULL DEFAULT '',
    signatory_position  text NOT NULL DEFAULT '',
    determined_at       timestamptz,
    determined_by       uuid REFERENCES users,
    released_at         timestamptz,
    released_by         uuid REFERENCES users,
    version             bigint NOT NULL DEFAULT 1
);

-- The scores organizers enter of the components other than akademik.
CREATE TABLE graduation_scores (
    enrollment_id  uuid NOT NULL REFERENCES enrollments ON DELETE CASCADE,
    component      text NOT NULL,
    cohort_id      uuid NOT NULL REFERENCES cohorts ON DELETE CASCADE,
    score          numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
    entered_by     uuid NOT NULL REFERENCES users,
    entered_at     timestamptz NOT NULL,
    PRIMARY KEY (enrollment_id, component)
);
CREATE INDEX graduation_scores_cohort ON graduation_scores (cohort_id);

-- The standings frozen by the determination.
CREATE TABLE graduation_results (
    enrollment_id   uuid PRIMARY KEY REFERENCES enrollments ON DELETE CASCADE,
    cohort_id       uuid NOT NULL REFERENCES cohorts ON DELETE CASCADE,
    project_id      uuid NOT NULL REFERENCES projects ON DELETE CASCADE,
    participant_id  uuid NOT NULL REFERENCES users,
    name            text NOT NULL,
    nip             text NOT NULL DEFAULT '',
    scores          jsonb NOT NULL,
    below_minimum   text[] NOT NULL DEFAULT '{}',
    total           numeric(5, 2) NOT NULL,
    outcome         text NOT NULL CHECK (outcome IN ('lulus', 'tidak_lulus')),
    predicate       text NOT NULL,
    rank            integer NOT NULL,
    best            boolean NOT NULL DEFAULT false
);
CREATE INDEX graduation_results_cohort ON graduation_results (cohort_id, rank);

-- Certificates of graduates, issued at release. The number is the format
-- filled in; series is the number with the sequence left out, and the
-- sequence counts within it.
CREATE TABLE certificates (
    number              text PRIMARY KEY,
    series              text NOT NULL,
    seq                 integer NOT NULL,
    cohort_id           uuid NOT NULL REFERENCES cohorts ON DELETE CASCADE,
    enrollment_id       uuid NOT NULL UNIQUE REFERENCES enrollments ON DELETE CASCADE,
    participant_id      uuid NOT NULL REFERENCES users,
    name                text NOT NULL,
    nip                 text NOT NULL DEFAULT '',
    program             text NOT NULL,
    cohort_name         text NOT NULL,
    institution_name    text NOT NULL,
    starts_on           date NOT NULL,
    ends_on             date NOT NULL,
    predicate           text NOT NULL,
    total               numeric(5, 2) NOT NULL,
    best                boolean NOT NULL DEFAULT false,
    signatory_name      text NOT NULL,
    signatory_position  text NOT NULL,
    issued_at           timestamptz NOT NULL,
    revoked_at          timestamptz,
    revoked_by          uuid REFERENCES users,
    revoked_reason      text NOT NULL DEFAULT '',
    version             bigint NOT NULL DEFAULT 1,
    CONSTRAINT certificates_series_seq UNIQUE (series, seq)
);
CREATE INDEX certificates_cohort ON certificates (cohort_id);
