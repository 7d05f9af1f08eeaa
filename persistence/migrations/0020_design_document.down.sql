ALTER TABLE milestones DROP COLUMN missing_evidence_reason;
DROP INDEX evidence_activity;
ALTER TABLE evidence DROP COLUMN evidence_type, DROP COLUMN activity_id;
UPDATE milestones m SET activities = (
    SELECT jsonb_agg(a - 'id' ORDER BY n) FROM jsonb_array_elements(m.activities) WITH ORDINALITY AS t(a, n))
 WHERE jsonb_array_length(m.activities) > 0;
ALTER TABLE projects DROP COLUMN strategic_alignment, DROP COLUMN resources, DROP COLUMN risks,
    DROP COLUMN team, DROP COLUMN success_indicators;
