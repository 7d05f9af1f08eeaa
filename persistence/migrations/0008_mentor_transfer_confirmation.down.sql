DROP INDEX mentor_transfers_awaiting_organizer;
DROP INDEX mentor_transfers_one_open;
UPDATE mentor_transfers SET status = 'cancelled' WHERE status = 'awaiting_organizer';
UPDATE mentor_transfers SET status = 'declined' WHERE status = 'refused';
CREATE UNIQUE INDEX mentor_transfers_one_pending ON mentor_transfers (enrollment_id) WHERE status = 'pending';
ALTER TABLE mentor_transfers DROP CONSTRAINT mentor_transfers_status_check;
ALTER TABLE mentor_transfers ADD CONSTRAINT mentor_transfers_status_check
    CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled'));
