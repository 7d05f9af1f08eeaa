ALTER TABLE outbox DROP COLUMN secret;
ALTER TABLE users DROP COLUMN registered_by;
