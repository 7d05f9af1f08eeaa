package api_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"
	"github.com/oapi-codegen/nullable"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/proper-id/proper/api"
	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/openapi/client"
)

// accessCase is one operation of the access matrix: how to call it through
// the generated client, and the status each role gets, in the order of roles.
type accessCase struct {
	call   clientCall
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
	"get-health": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.GetHealthWithResponse(ctx))
	}, [9]int{ok, ok, ok, ok, ok, ok, ok, ok, ok}},
	"get-readiness": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.GetReadinessWithResponse(ctx))
	}, [9]int{ok, ok, ok, ok, ok, ok, ok, ok, ok}},
	"login": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		w.forgetFailedSignIns()
		return answer(c.LoginWithResponse(ctx, client.LoginRequest{Email: openapi_types.Email(w.adminUser.Email), Password: "admin-password-123"}))
	}, [9]int{ok, ok, ok, ok, ok, ok, ok, ok, ok}},
	"activate-account": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		w.forgetFailedSignIns() // every role signs in from 127.0.0.1: the address limit would answer 429
		return answer(c.ActivateAccountWithResponse(ctx, client.ActivationRequest{Email: openapi_types.Email(w.outsider.Email), Code: "WRONG-CODE-0000", Password: "a-new-password"}))
	}, [9]int{unauth, unauth, unauth, unauth, unauth, unauth, unauth, unauth, unauth}},
	"logout": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.LogoutWithResponse(ctx))
	}, [9]int{noContent, noContent, noContent, noContent, noContent, noContent, noContent, noContent, unauth}},
	"logout-everywhere": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.LogoutEverywhereWithResponse(ctx))
	}, [9]int{noContent, noContent, noContent, noContent, noContent, noContent, noContent, noContent, unauth}},
	"get-me": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.GetMeWithResponse(ctx))
	}, [9]int{ok, ok, ok, ok, ok, ok, ok, ok, unauth}},

	"create-user": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.CreateUserWithResponse(ctx, nil, client.UserCreate{Email: openapi_types.Email(uniq() + "@soppengkab.go.id"), Name: "Siti Rahayu"}))
	}, [9]int{created, created, created, forbidden, forbidden, forbidden, forbidden, forbidden, unauth}},
	"list-users": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.ListUsersWithResponse(ctx, &client.ListUsersParams{Q: ptr("peserta")}))
	}, [9]int{ok, ok, ok, forbidden, forbidden, forbidden, forbidden, forbidden, unauth}},
	"get-user": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.GetUserWithResponse(ctx, w.participant.ID))
	}, [9]int{ok, ok, ok, ok, ok, ok, ok, notFound, unauth}},
	"update-user": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.UpdateUserWithApplicationMergePatchPlusJSONBodyWithResponse(ctx, w.participant.ID, nil,
			client.UserPatch{Position: nullable.NewNullableWithValue("Kepala Dinas")}))
	}, [9]int{ok, ok, forbidden, forbidden, forbidden, ok, forbidden, notFound, unauth}},
	"issue-activation": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.IssueActivationWithResponse(ctx, w.participant.ID))
	}, [9]int{ok, ok, forbidden, forbidden, forbidden, forbidden, forbidden, notFound, unauth}},

	"create-institution": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.CreateInstitutionWithResponse(ctx, nil, client.InstitutionCreate{Name: "BPSDM Sulawesi Selatan", Code: "SULSEL-" + uniq()}))
	}, [9]int{created, forbidden, forbidden, forbidden, forbidden, forbidden, forbidden, forbidden, unauth}},
	"list-institutions": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.ListInstitutionsWithResponse(ctx, nil))
	}, [9]int{ok, ok, ok, ok, ok, ok, ok, ok, unauth}},
	"add-institution-organizer": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.AddInstitutionOrganizerWithResponse(ctx, w.instA.ID, client.InstitutionOrganizerAdd{UserId: w.user("Calon Penyelenggara").ID}))
	}, [9]int{noContent, forbidden, forbidden, forbidden, forbidden, forbidden, forbidden, forbidden, unauth}},
	"create-agency": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.CreateAgencyWithResponse(ctx, nil, client.AgencyCreate{Name: "Pemerintah Kabupaten " + uniq(), Region: ptr("Jawa Tengah")}))
	}, [9]int{created, created, created, forbidden, forbidden, forbidden, forbidden, forbidden, unauth}},
	"list-agencies": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.ListAgenciesWithResponse(ctx, nil))
	}, [9]int{ok, ok, ok, ok, ok, ok, ok, ok, unauth}},

	"create-cohort": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.CreateCohortWithResponse(ctx, nil, client.CohortCreate{InstitutionId: w.instA.ID, Program: client.CohortCreateProgramPka,
			Code: "PKA-" + uniq(), Name: "PKA Angkatan I Tahun 2027", StartsOn: calendarDay(2027, 2, 1), EndsOn: calendarDay(2027, 6, 30)}))
	}, [9]int{created, created, forbidden, forbidden, forbidden, forbidden, forbidden, forbidden, unauth}},
	"list-cohorts": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.ListCohortsWithResponse(ctx, nil))
	}, [9]int{ok, ok, ok, ok, ok, ok, ok, ok, unauth}},
	"get-cohort": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.GetCohortWithResponse(ctx, w.cohortA.ID))
	}, [9]int{ok, ok, notFound, ok, ok, ok, ok, notFound, unauth}},
	"update-cohort": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.UpdateCohortWithApplicationMergePatchPlusJSONBodyWithResponse(ctx, w.cohortA.ID, nil,
			client.CohortPatch{Name: nullable.NewNullableWithValue("PKN II Angkatan XIII")}))
	}, [9]int{ok, ok, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}},
	"add-cohort-staff": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.AddCohortStaffWithResponse(ctx, w.cohortA.ID, nil, client.StaffAdd{UserId: w.user("Penguji Baru").ID, Role: client.StaffAddRoleExaminer}))
	}, [9]int{created, created, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}},
	"list-cohort-staff": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.ListCohortStaffWithResponse(ctx, w.cohortA.ID, nil))
	}, [9]int{ok, ok, notFound, ok, forbidden, forbidden, forbidden, notFound, unauth}},
	"remove-cohort-staff": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		examiner := w.user("Penguji Sementara")
		if _, err := w.cohorts().AddStaff(context.Background(), w.admin, w.cohortA.ID, examiner.ID, domain.StaffExaminer); err != nil {
			w.t.Fatal(err)
		}
		return answer(c.RemoveCohortStaffWithResponse(ctx, w.cohortA.ID, examiner.ID, nil))
	}, [9]int{noContent, noContent, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}},

	"enroll-participant": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.EnrollParticipantWithResponse(ctx, w.cohortA.ID, nil, client.EnrollmentCreate{ParticipantId: w.user("Peserta Baru").ID,
			MentorId: w.mentor.ID, CoachId: &w.coach.ID, Group: ptr("Kelompok 1")}))
	}, [9]int{created, created, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}},
	"list-enrollments": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.ListEnrollmentsWithResponse(ctx, w.cohortA.ID, nil))
	}, [9]int{ok, ok, notFound, ok, ok, ok, ok, notFound, unauth}},
	"get-enrollment": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.GetEnrollmentWithResponse(ctx, w.enrollment.ID))
	}, [9]int{ok, ok, notFound, ok, ok, ok, notFound, notFound, unauth}},
	"update-enrollment": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		return answer(c.UpdateEnrollmentWithApplicationMergePatchPlusJSONBodyWithResponse(ctx, w.enrollment.ID, nil,
			client.EnrollmentPatch{Group: nullable.NewNullableWithValue("Kelompok " + uniq())}))
	}, [9]int{ok, ok, notFound, forbidden, forbidden, forbidden, notFound, notFound, unauth}},
	"import-roster": {func(ctx context.Context, c *client.ClientWithResponses, w *world) (response, error) {
		csv := "nip,name,email,position,rank,agency,mentor_email,mentor_name,coach_email,group\n" +
			fmt.Sprintf(",Peserta Impor,%s@batam.go.id,Kepala Bidang,III/d,Pemerintah Kota Batam,%s,,,Kelompok 4\n", uniq(), w.mentor.Email)
		return answer(c.ImportRosterWithBodyWithResponse(ctx, w.cohortA.ID, "text/csv", strings.NewReader(csv)))
	}, [9]int{ok, ok, notFound, forbidden, forbidden, forbidden, forbidden, notFound, unauth}},
}

// TestEveryOperationAnswersEveryRoleAsThePolicySays calls every operation
// of the published spec as every role through the generated Go client
// (whose answers the server's transport checks against the spec), and
// checks that each call reached the operation it is listed under.
func TestEveryOperationAnswersEveryRoleAsThePolicySays(t *testing.T) {
	longSequential(t)
	t.Parallel()
	w := newWorld(t)
	w.arrangeWorkflow(t)
	for _, op := range operationIDs(t) {
		c, listed := accessMatrix[op]
		if !listed {
			t.Errorf("operation %s has no client call in the access matrix: add one", op)
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
				var reached []string
				// A fresh token per call: logout and logout-everywhere end it.
				res, err := c.call(t.Context(), w.signedInClient(t, w.tokenOf(role), recordOperations(&reached)), w)
				if err != nil {
					t.Errorf("%s: %s through the client: %v", role, op, err)
					continue
				}
				if !slices.Equal(reached, []string{op}) {
					t.Errorf("%s: the call listed under %s sent requests for %v", role, op, reached)
				}
				if res.status != expect[i] {
					t.Errorf("%s: %s answered %d, want %d: %s", role, op, res.status, expect[i], res.body)
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
		"get-enrollment": {notFound, notFound, ok}, "update-enrollment": {notFound, notFound, forbidden}, "list-assessments": {notFound, notFound, ok},
		"list-coaching-notes": {notFound, notFound, forbidden}, "add-coaching-note": {notFound, notFound, forbidden},
		"review-design": {notFound, notFound, forbidden}, "verify-milestone": {notFound, notFound, forbidden},
		"review-evidence": {notFound, notFound, forbidden},
	}
	for _, op := range []string{"get-project", "get-project-timeline", "list-milestones", "get-milestone", "list-evidence", "get-evidence", "download-evidence"} {
		rows[op] = [3]int{notFound, notFound, ok}
	}
	for _, op := range []string{"update-project", "submit-design", "start-implementation", "submit-final", "create-milestone", "update-milestone",
		"delete-milestone", "start-milestone", "claim-milestone", "submit-evidence", "withdraw-evidence"} {
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
