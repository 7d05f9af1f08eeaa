DROP TABLE plan_versions;
DROP INDEX reviews_change_request_once;
DELETE FROM reviews WHERE target_type = 'change_request';
ALTER TABLE reviews DROP CONSTRAINT reviews_target_type_check;
ALTER TABLE reviews ADD CONSTRAINT reviews_target_type_check CHECK (target_type IN ('design', 'milestone', 'evidence'));
DROP TABLE change_requests;
ALTER TABLE milestones DROP COLUMN continue_to_mid;
UPDATE milestones SET status = 'planned' WHERE status IN ('not_achieved', 'continued');
ALTER TABLE milestones DROP CONSTRAINT milestones_status_check;
ALTER TABLE milestones ADD CONSTRAINT milestones_status_check
    CHECK (status IN ('planned', 'in_progress', 'awaiting_verification', 'achieved'));
ALTER TABLE projects DROP COLUMN plan_approved_at, DROP COLUMN plan_version;
