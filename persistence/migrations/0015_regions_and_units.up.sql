-- Regions and work units (issue #20). An agency is in a province and, for a
-- regional government, a regency or city (kabupaten/kota); agencies have
-- work units (unit kerja, OPD), and people, publications and studi tiru
-- records name them. agencies.region and publications.region stay, written
-- by the application as "Kota Batam, Kepulauan Riau" (regency, province)
-- for the clients and the search that knew only a region.

ALTER TABLE agencies
    ADD COLUMN province text NOT NULL DEFAULT '',
    ADD COLUMN regency  text NOT NULL DEFAULT '',
    ADD COLUMN version  bigint NOT NULL DEFAULT 1;
-- A region written "Kabupaten X, Province" or "Kota X, Province" is split;
-- any other region was a province (the first API asked for one).
UPDATE agencies SET regency = split_part(region, ', ', 1), province = substr(region, strpos(region, ', ') + 2)
    WHERE region ~ '^(Kabupaten|Kota) [^,]+, .+$';
UPDATE agencies SET province = region WHERE province = '' AND regency = '';

-- The kinds (dinas, badan, inspektorat, …) are a list kept by the
-- application (domain.UnitKinds), so that it grows without a migration.
CREATE TABLE agency_units (
    id          uuid PRIMARY KEY,
    agency_id   uuid NOT NULL REFERENCES agencies ON DELETE CASCADE,
    name        text NOT NULL,
    kind        text NOT NULL,
    version     bigint NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    -- For the references below that say a unit is one of the agency named
    -- beside it.
    CONSTRAINT agency_units_agency_unit_key UNIQUE (agency_id, id)
);
-- Listed by name within an agency; one name per agency, whatever the case.
CREATE UNIQUE INDEX agency_units_name_key ON agency_units (agency_id, lower(name));
CREATE INDEX agency_units_page ON agency_units (agency_id, lower(name), id);

-- A person's unit is a unit of their agency: the pair references the unit.
ALTER TABLE users
    ADD COLUMN unit_id uuid,
    ADD CONSTRAINT users_unit_of_agency FOREIGN KEY (agency_id, unit_id) REFERENCES agency_units (agency_id, id),
    ADD CONSTRAINT users_unit_needs_agency CHECK (unit_id IS NULL OR agency_id IS NOT NULL);
CREATE INDEX users_unit ON users (unit_id) WHERE unit_id IS NOT NULL;

-- What a publication shows of its participant's unit and place, copied when
-- published like its agency's name.
ALTER TABLE publications
    ADD COLUMN unit_id   uuid REFERENCES agency_units,
    ADD COLUMN unit_name text NOT NULL DEFAULT '',
    ADD COLUMN province  text NOT NULL DEFAULT '',
    ADD COLUMN regency   text NOT NULL DEFAULT '';
UPDATE publications SET regency = split_part(region, ', ', 1), province = substr(region, strpos(region, ', ') + 2)
    WHERE region ~ '^(Kabupaten|Kota) [^,]+, .+$';
UPDATE publications SET province = region WHERE province = '' AND regency = '';
-- Not partial, like publications_region: the planner needs their statistics.
CREATE INDEX publications_regency ON publications (lower(regency));
CREATE INDEX publications_province ON publications (lower(province));

-- The visiting agency's unit that made a studi tiru, when known.
ALTER TABLE replications
    ADD COLUMN unit_id uuid,
    ADD CONSTRAINT replications_unit_of_agency FOREIGN KEY (agency_id, unit_id) REFERENCES agency_units (agency_id, id);
