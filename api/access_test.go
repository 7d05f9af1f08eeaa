package api_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/api"
	"github.com/proper-id/proper/domain"
)

// accessCase is one operation of the access matrix: how to call it, and
// the status each role gets, in the order of roles.
type accessCase struct {
	call   func(w *world) request
	expect [9]int
}

const (
	ok        = http.StatusOK
	created   = http.StatusCreated
	noContent = http.StatusNoContent
	unauth    = http.StatusUnauthorized
	forbidden = http.StatusForbidden
	notFound  = http.StatusNotFound
)

// accessMatrix lists every operation of the API. Roles, in order: platform
// admin, organizer, organizer of another cohort, coach, mentor, participant,
// another participant, user with no role, anonymous.
var accessMatrix = map[string]accessCase{
	"get-health":    {func(w *world) request { return request{method: "GET", path: "/healthz"} }, [9]int{ok, ok, ok, ok, ok, ok, ok, ok, ok}},
	"get-readiness": {func(w *world) request { return request{method: "GET", path: "/readyz"} }, [9]int{ok, ok, ok, ok, ok, ok, ok, ok, ok}},
	"login": {func(w *world) request {
		w.forgetFailedSignIns()
		return request{method: "POST", path: "/v1/auth/login", body: map[string]string{"email": w.adminUser.Email, "password": "admin-password-123"}}
	}, [9]int{ok, ok, ok, ok, ok, ok, ok, ok, ok}},
	"activate-account": {func(w *world) request {
		w.forgetFailedSignIns() // every role signs in from 127.0.0.1: the address limit would answer 429
		return request{method: "POST", path: "/v1/auth/activate", body: map[string]string{"email": w.outsider.Email, "code": "WRONG-CODE-0000", "password": "a-new-password"}}
	}, [9]int{unauth, unauth, unauth, unauth, unauth, unauth, unauth, unauth, unauth}},
	"logout": {func(w *world) request { return request{method: "POST", path: "/v1/auth/logout"} },
		[9]int{noContent, noContent, noContent, noContent, noContent, noContent, noContent, noContent, unauth}},
	"logout-everywhere": {func(w *world) request { return request{method: "POST", path: "/v1/auth/logout-everywhere"} },
		[9]int{noContent, noContent, noContent, noContent, noContent, noContent, noContent, noContent, unauth}},
	"get-me": {func(w *world) request { return request{method: "GET", path: "/v1/me"} }, [9]int{ok, ok, ok, ok, ok, ok, ok, ok, unauth}},

	"create-user": {func(w *world) request {
		return request{method: "POST", path: "/v1/users", body: map[string]string{"email": uniq() + "@soppengkab.go.id", "name": "Siti Rahayu"}}
	}, [9]int{created, created, created, forbidden, forbidden, forbidden, forbidden, forbidden, unauth}},
	"list-users": {func(w *world) request { return request{method: "GET", path: "/v1/users?q=peserta"} },
		[9]int{ok, ok, ok, forbidden, forbidden, forbidden, forbidden, forbidden, unauth}},
	"get-user": {func(w *world) request { return request{method: "GET", path: "/v1/users/" + w.participant.ID.String()} },
		[9]int{ok, ok, ok, ok, ok, ok, ok, notFound, unauth}},
	"update-user": {func(w *world) request {
		return request{method: "PATCH", path: "/v1/users/" + w.participant.ID.String(), body: map[string]string{"position": "Kepala Dinas"}}
	}, [9]int{ok, ok, forbidden, forbidden, forbidden, ok, forbidden, notFound, unauth}},
	"issue-activation": {func(w *world) request {
		return request{method: "POST", path: "/v1/users/" + w.participant.ID.String() + "/activation"}
	},
		[9]int{ok, ok, forbidden, forbidden, forbidden, forbidden, forbidden, notFound, unauth}},

	"create-institution": {func(w *world) request {
		return request{method: "POST", path: "/v1/institutions", body: map[string]string{"name": "BPSDM Sulawesi Selatan", "code": "SULSEL-" + uniq()}}
	}, [9]int{created, forbidden, forbidden, forbidden, forbidden, forbidden, forbidden, forbidden, unauth}},
	"list-institutions": {func(w *world) request { return request{method: "GET", path: "/v1/institutions"} },
		[9]int{ok, ok, ok, ok, ok, ok, ok, ok, unauth}},
	"add-institution-organizer": {func(w *world) request {
		return request{method: "POST", path: "/v1/institutions/" + w.instA.ID.String() + "/organizers", body: map[string]string{"userId": w.user("Calon Penyelenggara").ID.String()}}
	}, [9]int{noContent, forbidden, forbidden, forbidden, forbidden, forbidden, forbidden, forbidden, unauth}},
	"create-agency": {func(w *world) request {
		return request{method: "POST", path: "/v1/agencies", body: map[string]string{"name": "Pemerintah Kabupaten " + uniq(), "region": "Jawa Tengah"}}
	}, [9]int{created, created, created, forbidden, forbidden, forbidden, forbidden, forbidden, unauth}},
	"list-agencies": {func(w *world) request { return request{method: "GET", path: "/v1/agencies"} },
		[9]int{ok, ok, ok, ok, ok, ok, ok, ok, unauth}},

	"create-cohort": {func(w *world) request {
		return request{method: "POST", path: "/v1/cohorts", body: map[string]any{"institutionId": w.instA.ID, "program": "pka", "code": "PKA-" + uniq(),
			"name": "PKA Angkatan I Tahun 2027", "startsOn": "2027-02-01", "endsOn": "2027-06-30"}}
	}, [9]int{created, created, forbidden, forbidden, forbidden, forbidden, forbidden, forbidden, unauth}},
	"list-cohorts": {func(w *world) request { return request{method: "GET", path: "/v1/cohorts"} },
		[9]int{ok, ok, ok, ok, ok, ok, ok, ok, unauth}},
	"get-cohort": {func(w *world) request { return request{method: "GET", path: "/v1/cohorts/" + w.cohortA.ID.String()} },
		[9]int{ok, ok, notFound, ok, ok, ok, ok, notFound, unauth}},
	"update-cohort": {func(w *world) request {
		return request{method: "PATCH", path: "/v1/cohorts/" + w.cohortA.ID.String(), body: map[string]string{"name": "PKN II Angkatan XIII"}}
	}, [9]int{ok, ok, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}},
	"add-cohort-staff": {func(w *world) request {
		return request{method: "POST", path: "/v1/cohorts/" + w.cohortA.ID.String() + "/staff", body: map[string]string{"userId": w.user("Penguji Baru").ID.String(), "role": "examiner"}}
	}, [9]int{created, created, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}},
	"list-cohort-staff": {func(w *world) request {
		return request{method: "GET", path: "/v1/cohorts/" + w.cohortA.ID.String() + "/staff"}
	},
		[9]int{ok, ok, notFound, ok, forbidden, forbidden, forbidden, notFound, unauth}},
	"remove-cohort-staff": {func(w *world) request {
		examiner := w.user("Penguji Sementara")
		if _, err := w.cohorts().AddStaff(context.Background(), w.admin, w.cohortA.ID, examiner.ID, domain.StaffExaminer); err != nil {
			w.t.Fatal(err)
		}
		return request{method: "DELETE", path: "/v1/cohorts/" + w.cohortA.ID.String() + "/staff/" + examiner.ID.String()}
	}, [9]int{noContent, noContent, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}},

	"enroll-participant": {func(w *world) request {
		return request{method: "POST", path: "/v1/cohorts/" + w.cohortA.ID.String() + "/enrollments",
			body: map[string]any{"participantId": w.user("Peserta Baru").ID, "mentorId": w.mentor.ID, "coachId": w.coach.ID, "group": "Kelompok 1"}}
	}, [9]int{created, created, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}},
	"list-enrollments": {func(w *world) request {
		return request{method: "GET", path: "/v1/cohorts/" + w.cohortA.ID.String() + "/enrollments"}
	},
		[9]int{ok, ok, notFound, ok, ok, ok, ok, notFound, unauth}},
	"get-enrollment": {func(w *world) request {
		return request{method: "GET", path: "/v1/enrollments/" + w.enrollment.ID.String()}
	},
		[9]int{ok, ok, notFound, ok, ok, ok, notFound, notFound, unauth}},
	"update-enrollment": {func(w *world) request {
		return request{method: "PATCH", path: "/v1/enrollments/" + w.enrollment.ID.String(), body: map[string]string{"group": "Kelompok " + uniq()}}
	}, [9]int{ok, ok, notFound, forbidden, forbidden, forbidden, notFound, notFound, unauth}},
	"import-roster": {func(w *world) request {
		csv := "nip,name,email,position,rank,agency,mentor_email,mentor_name,coach_email,group\n" +
			fmt.Sprintf(",Peserta Impor,%s@batam.go.id,Kepala Bidang,III/d,Pemerintah Kota Batam,%s,,,Kelompok 4\n", uniq(), w.mentor.Email)
		return request{method: "POST", path: "/v1/cohorts/" + w.cohortA.ID.String() + "/roster", body: []byte(csv)}
	}, [9]int{ok, ok, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}},
}

func TestEveryOperationAnswersEveryRoleAsThePolicySays(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeWorkflow(t)
	for _, op := range operationIDs(t) {
		c, listed := accessMatrix[op]
		if !listed {
			t.Errorf("operation %s has no row in the access matrix: add one", op)
			continue
		}
		more, listed := moreAccess[op]
		if !listed {
			t.Errorf("operation %s has no row for %v: add one to moreAccess", op, moreRoles)
			continue
		}
		t.Run(op, func(t *testing.T) {
			expect := append(c.expect[:], more[:]...)
			for i, role := range append(slices.Clone(roles), moreRoles...) {
				r := c.call(w)
				r.token = w.tokenOf(role)
				res := w.do(r)
				if res.status != expect[i] {
					t.Errorf("%s: %s %s answered %d, want %d: %s", role, r.method, r.path, res.status, expect[i], res.body)
				}
			}
		})
	}
}

// moreAccess is the matrix's columns for the coach of another group,
// another mentor and an examiner of the cohort, per operation.
var moreAccess = func() map[string][3]int {
	sameAsEveryone := map[string][3]int{}
	for _, op := range []string{"get-health", "get-readiness", "login"} {
		sameAsEveryone[op] = [3]int{ok, ok, ok}
	}
	rows := map[string][3]int{
		"activate-account": {unauth, unauth, unauth}, "logout": {noContent, noContent, noContent}, "get-me": {ok, ok, ok},
		"logout-everywhere": {noContent, noContent, noContent},
		"list-institutions": {ok, ok, ok}, "list-agencies": {ok, ok, ok}, "list-cohorts": {ok, ok, ok}, "list-review-queue": {ok, ok, ok},
		// Organizers' and admins' business.
		"create-user": {forbidden, forbidden, forbidden}, "list-users": {forbidden, forbidden, forbidden},
		"create-institution": {forbidden, forbidden, forbidden}, "add-institution-organizer": {forbidden, forbidden, forbidden},
		"create-agency": {forbidden, forbidden, forbidden}, "create-cohort": {forbidden, forbidden, forbidden},
		// The participant's account: all three share the cohort.
		"get-user": {ok, ok, ok}, "update-user": {forbidden, forbidden, forbidden}, "issue-activation": {forbidden, forbidden, forbidden},
		// The cohort: all three hold a role in it.
		"get-cohort": {ok, ok, ok}, "update-cohort": {forbidden, forbidden, forbidden},
		"add-cohort-staff": {forbidden, forbidden, forbidden}, "remove-cohort-staff": {forbidden, forbidden, forbidden},
		"list-cohort-staff": {ok, forbidden, ok}, "enroll-participant": {forbidden, forbidden, forbidden},
		"list-enrollments": {ok, ok, ok}, "import-roster": {forbidden, forbidden, forbidden},
		"get-cohort-progress": {ok, forbidden, ok}, "export-cohort-progress": {ok, forbidden, ok},
		"list-rubrics": {ok, forbidden, ok}, "replace-rubric": {forbidden, forbidden, forbidden}, "release-results": {forbidden, forbidden, forbidden},
		// The participant's enrollment and project: examiners see every one,
		// the other coach and mentor do not see this one.
		"get-enrollment": {notFound, notFound, ok}, "update-enrollment": {notFound, notFound, forbidden},
		"record-assessment": {notFound, notFound, created}, "list-assessments": {notFound, notFound, ok},
		"list-coaching-notes": {notFound, notFound, forbidden}, "add-coaching-note": {notFound, notFound, forbidden},
		"review-design": {notFound, notFound, forbidden}, "verify-milestone": {notFound, notFound, forbidden},
		"review-evidence": {notFound, notFound, forbidden},
	}
	for _, op := range []string{"get-project", "get-project-timeline", "list-milestones", "get-milestone", "list-evidence", "get-evidence", "download-evidence"} {
		rows[op] = [3]int{notFound, notFound, ok}
	}
	for _, op := range []string{"update-project", "submit-design", "start-implementation", "submit-final", "create-milestone", "update-milestone",
		"delete-milestone", "claim-milestone", "submit-evidence", "withdraw-evidence"} {
		rows[op] = [3]int{notFound, notFound, forbidden}
	}
	for op, row := range sameAsEveryone {
		rows[op] = row
	}
	return rows
}()

func TestInvisibleThingsLookExactlyLikeMissingOnes(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	outsider := w.tokenOf(roleOtherOrganizer)
	for _, path := range []string{"/v1/cohorts/%s", "/v1/enrollments/%s", "/v1/cohorts/%s/enrollments", "/v1/cohorts/%s/staff"} {
		id := w.cohortA.ID
		if path == "/v1/enrollments/%s" {
			id = w.enrollment.ID
		}
		hidden := expect(t, w.get(fmt.Sprintf(path, id), outsider), http.StatusNotFound)
		missing := expect(t, w.get(fmt.Sprintf(path, uuid.New()), outsider), http.StatusNotFound)
		if string(hidden.body) != string(missing.body) {
			t.Errorf("%s: a hidden id answers %s but a missing one %s", path, hidden.body, missing.body)
		}
	}
}

// forgetFailedSignIns clears the sign-in rate limit's counts.
func (w *world) forgetFailedSignIns() {
	if _, err := w.db.Exec(`DELETE FROM login_failures`); err != nil {
		w.t.Fatal(err)
	}
}

// operationIDs lists the operations the API registers.
func operationIDs(t *testing.T) []string {
	var ids []string
	for _, item := range api.New(api.Deps{}).API().OpenAPI().Paths {
		for _, op := range []*huma.Operation{item.Get, item.Put, item.Post, item.Delete, item.Patch} {
			if op != nil {
				ids = append(ids, op.OperationID)
			}
		}
	}
	sort.Strings(ids)
	if len(ids) < 20 {
		t.Fatalf("only %d operations registered", len(ids))
	}
	return ids
}
