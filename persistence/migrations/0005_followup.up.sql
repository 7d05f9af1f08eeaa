-- Beyond the training: response deadlines of cohorts, mentor transfers
-- proposed by participants, and the outbox of e-mail notifications.

-- How many days a mentor (or coach) has to answer what waits for them;
-- waiting longer is late and escalated to the coach and the organizers.
ALTER TABLE cohorts ADD COLUMN response_deadline_days integer NOT NULL DEFAULT 7
    CHECK (response_deadline_days BETWEEN 1 AND 90);

-- A participant's proposal to move their project to a new mentor, which
-- takes effect when that mentor accepts.
CREATE TABLE mentor_transfers (
    id                  uuid PRIMARY KEY,
    enrollment_id       uuid NOT NULL REFERENCES enrollments ON DELETE CASCADE,
    proposed_by         uuid NOT NULL REFERENCES users,
    mentor_id           uuid NOT NULL REFERENCES users,
    previous_mentor_id  uuid NOT NULL REFERENCES users,
    note                text NOT NULL DEFAULT '',
    status              text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled')),
    comment             text NOT NULL DEFAULT '',
    decided_at          timestamptz,
    version             bigint NOT NULL,
    created_at          timestamptz NOT NULL
);
CREATE INDEX mentor_transfers_enrollment ON mentor_transfers (enrollment_id, created_at, id);
-- One open proposal per enrollment; the proposed mentor finds theirs.
CREATE UNIQUE INDEX mentor_transfers_one_pending ON mentor_transfers (enrollment_id) WHERE status = 'pending';
CREATE INDEX mentor_transfers_waiting ON mentor_transfers (mentor_id) WHERE status = 'pending';

-- E-mail waiting to be sent, written in the transaction of the change that
-- causes it and drained by a worker of any replica (FOR UPDATE SKIP LOCKED).
CREATE TABLE outbox (
    id               bigserial PRIMARY KEY,
    kind             text NOT NULL,
    recipient_id     uuid REFERENCES users ON DELETE SET NULL,
    to_address       text NOT NULL,
    to_name          text NOT NULL DEFAULT '',
    subject          text NOT NULL,
    body             text NOT NULL,
    -- Set for messages that must exist once (a day's digest per person).
    dedupe_key       text UNIQUE,
    created_at       timestamptz NOT NULL,
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text NOT NULL DEFAULT '',
    sent_at          timestamptz,
    -- Set when Proper gave up on the message.
    failed_at        timestamptz
);
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE sent_at IS NULL AND failed_at IS NULL;

-- The cohort's workload reads the reviews of its projects.
CREATE INDEX reviews_project ON reviews (project_id, created_at);
