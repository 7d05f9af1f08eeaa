-- The innovation showcase: projects their participants publish, searched by
-- anyone in Bahasa Indonesia; the agencies that studied or adopted them
-- (studi tiru); and what the originality check of projects needs.
--
-- Full-text search uses PostgreSQL's built-in "indonesian" configuration (a
-- Snowball stemmer: "pelayanan" and "layanan" both become "layan"). A search
-- that finds nothing has its words corrected to the nearest words of the
-- showcase by pg_trgm (created by migration 0001), and runs again.

-- Joins innovation tags into one text for the search document; array_to_string
-- is only "stable" in general, but on text[] it is immutable, as a generated
-- column needs.
CREATE FUNCTION showcase_tags(tags text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN array_to_string(tags, ' ');

-- One row per published project. What the public may see is copied here when
-- the participant publishes (and again when they publish anew): the design of
-- a project is frozen once approved, so the copy stays true, and the search
-- reads this one table only. withdrawn_at is set when the participant
-- withdraws or an organizer unpublishes; the row stays so that a project
-- published again keeps its id and its studi tiru records.
CREATE TABLE publications (
    id                uuid PRIMARY KEY,
    project_id        uuid NOT NULL REFERENCES projects ON DELETE CASCADE,
    cohort_id         uuid NOT NULL REFERENCES cohorts ON DELETE CASCADE,
    agency_id         uuid REFERENCES agencies,
    title             text NOT NULL,
    problem           text NOT NULL,
    -- The participant's public account of the innovation, written when publishing.
    innovation        text NOT NULL,
    innovation_areas  text[] NOT NULL DEFAULT '{}',
    agency_name       text NOT NULL DEFAULT '',
    region            text NOT NULL DEFAULT '',
    program           text NOT NULL,
    -- The year the cohort started.
    year              integer NOT NULL,
    published_by      uuid NOT NULL REFERENCES users,
    published_at      timestamptz NOT NULL,
    withdrawn_by      uuid REFERENCES users,
    withdrawn_at      timestamptz,
    version           bigint NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    -- Weighted for ranking: the title first, then the problem and the
    -- innovation, then the tags, then the agency and its region.
    document          tsvector GENERATED ALWAYS AS (
                          setweight(to_tsvector('indonesian', title), 'A') ||
                          setweight(to_tsvector('indonesian', problem || ' ' || innovation), 'B') ||
                          setweight(to_tsvector('indonesian', showcase_tags(innovation_areas)), 'C') ||
                          setweight(to_tsvector('indonesian', agency_name || ' ' || region), 'D')) STORED,
    CONSTRAINT publications_project_key UNIQUE (project_id)
);
-- Only public rows are searched, so only they are indexed.
CREATE INDEX publications_document ON publications USING gin (document) WHERE withdrawn_at IS NULL;
CREATE INDEX publications_recent ON publications (published_at DESC, id) WHERE withdrawn_at IS NULL;
CREATE INDEX publications_areas ON publications USING gin (innovation_areas) WHERE withdrawn_at IS NULL;
-- Not partial: the planner reads the statistics of an expression index only
-- when it has no WHERE, and it needs them to weigh a region against words.
CREATE INDEX publications_region ON publications (lower(region));
CREATE INDEX publications_agency ON publications (agency_id);

-- Every word (lower case, 3 to 40 letters) ever published on the showcase:
-- the dictionary that misspelled searches are corrected against. It grows
-- with the vocabulary, not with the number of publications, so a trigram
-- search of it stays fast.
CREATE TABLE showcase_words (
    word  text PRIMARY KEY
);
CREATE INDEX showcase_words_trgm ON showcase_words USING gin (word gin_trgm_ops);

-- The evidence the participant made public with the publication.
CREATE TABLE publication_evidence (
    publication_id  uuid NOT NULL REFERENCES publications ON DELETE CASCADE,
    evidence_id     uuid NOT NULL REFERENCES evidence ON DELETE CASCADE,
    PRIMARY KEY (publication_id, evidence_id)
);

-- Studi tiru: an agency studied or adopted a published innovation. Facts,
-- not workflow: each is recorded once per agency and status.
CREATE TABLE replications (
    id              uuid PRIMARY KEY,
    publication_id  uuid NOT NULL REFERENCES publications ON DELETE CASCADE,
    agency_id       uuid NOT NULL REFERENCES agencies,
    status          text NOT NULL CHECK (status IN ('studied', 'adopted')),
    happened_on     date NOT NULL,
    note            text NOT NULL DEFAULT '',
    recorded_by     uuid NOT NULL REFERENCES users,
    created_at      timestamptz NOT NULL,
    CONSTRAINT replications_once UNIQUE (publication_id, agency_id, status)
);
CREATE INDEX replications_agency_page ON replications (agency_id, happened_on DESC, id);

-- The originality check finds projects sharing key words of a project's
-- title, goal and problem through full text, then compares the texts by
-- trigrams. (Adding a stored column rewrites the projects table once.)
ALTER TABLE projects ADD COLUMN document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('indonesian', title), 'A') ||
    setweight(to_tsvector('indonesian', goal), 'B') ||
    setweight(to_tsvector('indonesian', problem), 'C')) STORED;
CREATE INDEX projects_document ON projects USING gin (document);
