-- Change control after approval (issue #22 part 1) and the closing of the
-- short-term horizon at completion (part 5).

-- The approved plan's version: 0 before the design is approved, 1 at its
-- approval, and one more with each approved change request.
ALTER TABLE projects
    ADD COLUMN plan_version integer NOT NULL DEFAULT 0,
    ADD COLUMN plan_approved_at timestamptz;
UPDATE projects p SET plan_version = 1,
       plan_approved_at = COALESCE((SELECT max(ev.at) FROM events ev WHERE ev.target_id = p.id AND ev.action = 'project.design_approved'), p.updated_at)
 WHERE p.status NOT IN ('draft', 'design_submitted');

-- The terminal statuses of a short-term milestone left unachieved at
-- completion, and the mentor's agreement to continue one in the mid term.
ALTER TABLE milestones DROP CONSTRAINT IF EXISTS milestones_status_check;
ALTER TABLE milestones ADD CONSTRAINT milestones_status_check
    CHECK (status IN ('planned', 'in_progress', 'awaiting_verification', 'achieved', 'not_achieved', 'continued'));
ALTER TABLE milestones ADD COLUMN continue_to_mid boolean NOT NULL DEFAULT false;

-- Change requests of an approved plan.
CREATE TABLE change_requests (
    id                uuid PRIMARY KEY,
    project_id        uuid NOT NULL REFERENCES projects ON DELETE CASCADE,
    status            text NOT NULL CHECK (status IN ('pending', 'approved', 'returned', 'withdrawn')),
    reason            text NOT NULL,
    changes           jsonb NOT NULL,
    base_plan_version integer NOT NULL,
    -- The plan version it made, once approved.
    plan_version      integer,
    proposed_by       uuid NOT NULL REFERENCES users,
    decided_at        timestamptz,
    decision_comment  text NOT NULL DEFAULT '',
    version           bigint NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX change_requests_project ON change_requests (project_id, created_at, id);
CREATE INDEX change_requests_pending ON change_requests (project_id) WHERE status = 'pending';

-- Reviews may decide change requests; one verdict per reviewer and request.
ALTER TABLE reviews DROP CONSTRAINT IF EXISTS reviews_target_type_check;
ALTER TABLE reviews ADD CONSTRAINT reviews_target_type_check
    CHECK (target_type IN ('design', 'milestone', 'evidence', 'change_request'));
CREATE UNIQUE INDEX reviews_change_request_once ON reviews (target_id, reviewer_id) WHERE target_type = 'change_request';

-- Every approved version of a project's plan: v1 at the design's approval,
-- then one per approved change request.
CREATE TABLE plan_versions (
    project_id        uuid NOT NULL REFERENCES projects ON DELETE CASCADE,
    version           integer NOT NULL,
    approved_at       timestamptz NOT NULL,
    change_request_id uuid REFERENCES change_requests,
    PRIMARY KEY (project_id, version)
);
INSERT INTO plan_versions (project_id, version, approved_at)
SELECT id, 1, plan_approved_at FROM projects WHERE plan_version = 1;
