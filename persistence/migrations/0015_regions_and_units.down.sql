ALTER TABLE replications DROP COLUMN unit_id;
DROP INDEX publications_province;
DROP INDEX publications_regency;
ALTER TABLE publications DROP COLUMN unit_id, DROP COLUMN unit_name, DROP COLUMN province, DROP COLUMN regency;
ALTER TABLE users DROP CONSTRAINT users_unit_needs_agency, DROP COLUMN unit_id;
DROP TABLE agency_units;
ALTER TABLE agencies DROP COLUMN province, DROP COLUMN regency, DROP COLUMN version;
