DROP INDEX replications_publication_page;
ALTER TABLE replications DROP COLUMN documents;
DELETE FROM replications r USING replications o
    WHERE r.publication_id = o.publication_id AND r.agency_id = o.agency_id AND r.status = o.status AND r.id > o.id;
ALTER TABLE replications DROP CONSTRAINT replications_once;
ALTER TABLE replications ADD CONSTRAINT replications_once UNIQUE (publication_id, agency_id, status);
DROP INDEX projects_problem_verbatim, projects_goal_verbatim, projects_title_trgm;
DROP TABLE search_synonyms;
ALTER TABLE publications DROP COLUMN document;
ALTER TABLE publications DROP COLUMN search_title, DROP COLUMN search_body, DROP COLUMN search_tags, DROP COLUMN search_place;
ALTER TABLE publications ADD COLUMN document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('indonesian', title), 'A') ||
    setweight(to_tsvector('indonesian', problem || ' ' || innovation), 'B') ||
    setweight(to_tsvector('indonesian', showcase_tags(innovation_areas)), 'C') ||
    setweight(to_tsvector('indonesian', agency_name || ' ' || region), 'D')) STORED;
CREATE INDEX publications_document ON publications USING gin (document) WHERE withdrawn_at IS NULL;
