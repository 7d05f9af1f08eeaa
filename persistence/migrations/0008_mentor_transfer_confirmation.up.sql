-- A mentor from outside the participant's agency waits for an organizer of
-- the cohort (awaiting_organizer) before the proposed mentor is asked; the
-- organizer may refuse it instead.
ALTER TABLE mentor_transfers DROP CONSTRAINT mentor_transfers_status_check;
ALTER TABLE mentor_transfers ADD CONSTRAINT mentor_transfers_status_check
    CHECK (status IN ('awaiting_organizer', 'pending', 'accepted', 'declined', 'refused', 'cancelled'));
DROP INDEX mentor_transfers_one_pending;
CREATE UNIQUE INDEX mentor_transfers_one_open ON mentor_transfers (enrollment_id) WHERE status IN ('awaiting_organizer', 'pending');
CREATE INDEX mentor_transfers_awaiting_organizer ON mentor_transfers (enrollment_id) WHERE status = 'awaiting_organizer';
