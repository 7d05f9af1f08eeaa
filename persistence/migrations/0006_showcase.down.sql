DROP INDEX projects_document;
ALTER TABLE projects DROP COLUMN document;
DROP TABLE replications;
DROP TABLE publication_evidence;
DROP TABLE showcase_words;
DROP TABLE publications;
DROP FUNCTION showcase_tags(text[]);
