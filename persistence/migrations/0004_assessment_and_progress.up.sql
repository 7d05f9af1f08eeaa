-- Seminar assessment: rubrics per cohort and seminar, examiners' scores,
-- and the release of results to participants. Indexes for cohort progress.

CREATE TABLE rubrics (
    cohort_id   uuid NOT NULL REFERENCES cohorts ON DELETE CASCADE,
    seminar     text NOT NULL CHECK (seminar IN ('design', 'final')),
    -- [{key, name, weight}], weights summing to 100.
    criteria    jsonb NOT NULL,
    PRIMARY KEY (cohort_id, seminar)
);

CREATE TABLE assessments (
    id           uuid PRIMARY KEY,
    project_id   uuid NOT NULL REFERENCES projects ON DELETE CASCADE,
    cohort_id    uuid NOT NULL REFERENCES cohorts ON DELETE CASCADE,
    seminar      text NOT NULL CHECK (seminar IN ('design', 'final')),
    examiner_id  uuid NOT NULL REFERENCES users,
    -- [{criterion, score}]
    scores       jsonb NOT NULL,
    comment      text NOT NULL DEFAULT '',
    total        numeric(5, 2) NOT NULL,
    predicate    text NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX assessments_project ON assessments (project_id, created_at);
CREATE INDEX assessments_cohort ON assessments (cohort_id, seminar);

CREATE TABLE result_releases (
    cohort_id    uuid NOT NULL REFERENCES cohorts ON DELETE CASCADE,
    seminar      text NOT NULL CHECK (seminar IN ('design', 'final')),
    released_by  uuid NOT NULL REFERENCES users,
    released_at  timestamptz NOT NULL,
    PRIMARY KEY (cohort_id, seminar)
);

-- Cohort progress reads each project's milestones by horizon and status,
-- and its latest event.
CREATE INDEX milestones_project_progress ON milestones (project_id, horizon, status, due_on);

-- Cohorts created before rubrics existed get their program's defaults when
-- they are first read (see domain.DefaultRubrics); nothing to backfill here.
