-- Events name what they concern as data (details) instead of a sentence of
-- Bahasa Indonesia (summary): clients word the timeline. Earlier events keep
-- their sentence and get the title of what they concern from their
-- snapshots, where those hold one.
ALTER TABLE events ADD COLUMN details jsonb NOT NULL DEFAULT '{}';
UPDATE events SET details = jsonb_build_object('title', coalesce(after->>'Title', before->>'Title', after->>'ProjectTitle', after->>'Topic'))
 WHERE project_id IS NOT NULL AND coalesce(after->>'Title', before->>'Title', after->>'ProjectTitle', after->>'Topic') IS NOT NULL;
