DROP INDEX reviews_project;
DROP TABLE outbox;
DROP TABLE mentor_transfers;
ALTER TABLE cohorts DROP COLUMN response_deadline_days;
