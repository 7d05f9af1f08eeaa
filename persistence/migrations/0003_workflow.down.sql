DROP TABLE coaching_notes;
DROP TABLE reviews;
DROP TABLE evidence;
DROP TABLE milestones;
ALTER TABLE events DROP COLUMN summary;
DROP INDEX projects_design_submitted;
ALTER TABLE projects
    DROP CONSTRAINT projects_status_check,
    DROP COLUMN problem, DROP COLUMN background, DROP COLUMN goal, DROP COLUMN benefits, DROP COLUMN scope,
    DROP COLUMN innovation_areas, DROP COLUMN stakeholders, DROP COLUMN revision_requested,
    DROP COLUMN revision_comment, DROP COLUMN design_round, DROP COLUMN design_submitted_at;
