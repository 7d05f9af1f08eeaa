ALTER TABLE users DROP COLUMN sort_name;
