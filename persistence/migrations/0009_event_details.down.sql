ALTER TABLE events DROP COLUMN details;
