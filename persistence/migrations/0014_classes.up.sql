-- Classes (kelas): the level between a cohort (angkatan) and its groups.
-- An enrollment may belong to one class of its own cohort, which the
-- composite foreign key guarantees; a class with enrollments cannot be
-- deleted (the domain refuses first with class.not_empty). Coaches may be
-- assigned to classes.
CREATE TABLE classes (
    id          uuid PRIMARY KEY,
    cohort_id   uuid NOT NULL REFERENCES cohorts ON DELETE CASCADE,
    name        text NOT NULL CHECK (name <> ''),
    version     bigint NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT classes_cohort_id_key UNIQUE (cohort_id, id)
);
CREATE UNIQUE INDEX classes_name_key ON classes (cohort_id, lower(name));

CREATE TABLE class_coaches (
    class_id    uuid NOT NULL REFERENCES classes ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users,
    PRIMARY KEY (class_id, user_id)
);
CREATE INDEX class_coaches_user ON class_coaches (user_id);

ALTER TABLE enrollments ADD COLUMN class_id uuid;
ALTER TABLE enrollments ADD CONSTRAINT enrollments_class_fkey
    FOREIGN KEY (cohort_id, class_id) REFERENCES classes (cohort_id, id);
CREATE INDEX enrollments_class ON enrollments (class_id) WHERE class_id IS NOT NULL;
