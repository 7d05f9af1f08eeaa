package demo_test

import "testing"

// theDemoHasAnApprovedChangeRequest: the steadily implementing projects
// moved a milestone by a change request that the coach and the mentor
// approved, so their plan is at version 2; every approved plan has its
// versions kept.
func theDemoHasAnApprovedChangeRequest(t *testing.T, d loadedDemo) {
	db := d.db
	approved := count(t, db, `SELECT count(*) FROM change_requests cr JOIN projects p ON p.id = cr.project_id
		WHERE cr.status = 'approved' AND cr.plan_version = 2 AND p.plan_version = 2
		  AND (SELECT count(*) FROM reviews r WHERE r.target_type = 'change_request' AND r.target_id = cr.id AND r.decision = 'approve') = 2`)
	if approved == 0 {
		t.Error("no demo project has an approved change request")
	}
	if n := count(t, db, `SELECT count(*) FROM projects p WHERE p.plan_version <> (SELECT count(*) FROM plan_versions v WHERE v.project_id = p.id)`); n != 0 {
		t.Errorf("%d demo projects lack some of their plan versions", n)
	}
}
