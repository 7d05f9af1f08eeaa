package domain

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/uuid"
)

// The people of the policy table, in the order of the columns of its
// expectations: a platform admin, an organizer of cohort A (who may also
// create cohorts for institution A), an organizer of cohort B (of
// institution B, without the right to create cohorts), the participant's
// coach, another coach of A, an examiner of A, the participant's mentor,
// another participant's mentor, the participant, another participant of A,
// a signed-in user with no role, and nobody signed in.
var policyColumns = []string{"admin", "organizer", "otherOrganizer", "coach", "otherCoach", "examiner",
	"mentor", "otherMentor", "participant", "otherParticipant", "noRole", "nil"}

// policyWorld is the cast and the targets of the policy table.
type policyWorld struct {
	actors  map[string]*Actor
	targets map[string]Target
}

func newPolicyWorld() policyWorld {
	cohortA, cohortB, instA, instB := uuid.New(), uuid.New(), uuid.New(), uuid.New()
	// The participant and the user with no role work for agency X.
	agencyX, agencyY := uuid.New(), uuid.New()
	in := func(cohort uuid.UUID, role Role) []CohortRole { return []CohortRole{{CohortID: cohort, Role: role}} }
	w := policyWorld{actors: map[string]*Actor{
		"admin":            {UserID: uuid.New(), PlatformAdmin: true},
		"organizer":        {UserID: uuid.New(), Roles: in(cohortA, RoleOrganizer), Institutions: []uuid.UUID{instA}, OrganizesFor: []uuid.UUID{instA}},
		"otherOrganizer":   {UserID: uuid.New(), Roles: in(cohortB, RoleOrganizer), OrganizesFor: []uuid.UUID{instB}},
		"coach":            {UserID: uuid.New(), Roles: in(cohortA, RoleCoach)},
		"otherCoach":       {UserID: uuid.New(), Roles: in(cohortA, RoleCoach)},
		"examiner":         {UserID: uuid.New(), Roles: in(cohortA, RoleExaminer)},
		"mentor":           {UserID: uuid.New(), Roles: in(cohortA, RoleMentor)},
		"otherMentor":      {UserID: uuid.New(), Roles: in(cohortA, RoleMentor)},
		"participant":      {UserID: uuid.New(), Roles: in(cohortA, RoleParticipant), AgencyID: &agencyX},
		"otherParticipant": {UserID: uuid.New(), Roles: in(cohortA, RoleParticipant)},
		"noRole":           {UserID: uuid.New(), AgencyID: &agencyX},
		"nil":              nil,
	}}
	id := func(name string) uuid.UUID { return w.actors[name].UserID }
	coach := id("coach")
	parties := Parties{ParticipantID: id("participant"), MentorID: id("mentor"), CoachID: &coach}
	withoutCoach := Parties{ParticipantID: id("participant"), MentorID: id("mentor")}
	invitee, otherMentor := id("noRole"), id("otherMentor")
	account := func(user uuid.UUID, cohorts []uuid.UUID, acc AccountState) Target {
		return Target{User: user, UserCohorts: cohorts, UserAccount: acc}
	}
	inA := []uuid.UUID{cohortA}
	w.targets = map[string]Target{
		"nothing":                  {},
		"agency X":                 {AgencyID: &agencyX},
		"agency Y":                 {AgencyID: &agencyY},
		"institution A":            {InstitutionID: instA},
		"institution B":            {InstitutionID: instB},
		"cohort A":                 {CohortID: cohortA, InstitutionID: instA},
		"enrollment":               {CohortID: cohortA, Enrollment: &parties},
		"enrollment without coach": {CohortID: cohortA, Enrollment: &withoutCoach},
		"transfer to an outsider":  {CohortID: cohortA, Enrollment: &parties, Invitee: &invitee},
		"transfer to otherMentor":  {CohortID: cohortA, Enrollment: &parties, Invitee: &otherMentor},
		// The participant's account, in cohort A, in its states.
		"account registered by A":              account(id("participant"), inA, AccountState{RegisteredBy: &instA}),
		"account activated":                    account(id("participant"), inA, AccountState{Activated: true, RegisteredBy: &instA}),
		"account registered by B":              account(id("participant"), inA, AccountState{RegisteredBy: &instB}),
		"account registered by no institution": account(id("participant"), inA, AccountState{}),
		// A platform admin's account that happens to be in cohort A.
		"admin's account": account(uuid.New(), inA, AccountState{PlatformAdmin: true, RegisteredBy: &instA}),
		// Someone registered by institution A but in no cohort yet.
		"stranger registered by A": account(uuid.New(), nil, AccountState{RegisteredBy: &instA}),
	}
	return w
}

// policyRow is what each column of policyColumns gets for one action on
// one target: + allowed, N not found (not even visible), F forbidden, U
// unauthenticated.
type policyRow struct {
	want   string
	target string
}

// Expectations shared by several actions.
const (
	//              adm org oOr coa oCo exa men oMe par oPa non nil
	adminOnly    = "+   F   F   F   F   F   F   F   F   F   F   U"
	organizers   = "+   +   +   F   F   F   F   F   F   F   F   U"
	cohortMember = "+   +   N   +   +   +   +   +   +   +   N   U"
	cohortOrg    = "+   +   N   F   F   F   F   F   F   F   N   U"
	cohortStaff  = "+   +   N   +   +   +   F   F   F   F   N   U"
	orgAndCoach  = "+   +   N   +   +   F   F   F   F   F   N   U"
	sees         = "+   +   N   +   N   +   +   N   +   N   N   U"
	byPart       = "+   F   N   F   N   F   F   N   +   N   N   U"
	byMentor     = "+   F   N   F   N   F   +   N   F   N   N   U"
	officials    = "+   +   +   F   F   F   F   F   +   F   +   U"
)

// policyTable lists, for every action of the policy, the expectation for
// every column on one or more targets.
var policyTable = map[Action][]policyRow{
	CreateUser:         {{organizers, "nothing"}},
	ListUsers:          {{organizers, "nothing"}},
	GrantPlatformAdmin: {{adminOnly, "account registered by A"}},
	CreateInstitution:  {{adminOnly, "nothing"}},
	ManageInstitution:  {{adminOnly, "institution A"}},
	CreateAgency:       {{organizers, "nothing"}},
	UpdateAgency:       {{organizers, "nothing"}},
	ManageUnits:        {{organizers, "nothing"}},
	// An agency's officials record and read its own studi tiru.
	RecordReplication:          {{officials, "nothing"}, {officials, "agency X"}, {organizers, "agency Y"}},
	ListReplications:           {{officials, "nothing"}, {officials, "agency X"}, {organizers, "agency Y"}},
	ReadInnovationReplications: {{"+   +   N   F   N   F   +   N   +   N   N   U", "enrollment"}},
	// Program templates: LAN's ("nothing") are read by every organizer;
	// an institution's by its organizers, who copy and change theirs.
	ListProgramTemplates: {{organizers, "nothing"}},
	ReadProgramTemplate: {
		//adm org oOr coa oCo exa men oMe par oPa non nil
		{"+   +   +   N   N   N   N   N   N   N   N   U", "nothing"},
		{"+   +   N   N   N   N   N   N   N   N   N   U", "institution A"},
	},
	CreateProgramTemplate: {
		//adm org oOr coa oCo exa men oMe par oPa non nil
		{"+   +   F   F   F   F   F   F   F   F   F   U", "institution A"},
		{"+   F   F   F   F   F   F   F   F   F   F   U", "institution B"},
	},
	UpdateProgramTemplate: {
		//adm org oOr coa oCo exa men oMe par oPa non nil
		{"+   F   F   N   N   N   N   N   N   N   N   U", "nothing"},
		{"+   +   N   N   N   N   N   N   N   N   N   U", "institution A"},
	},
	CreateCohort: {
		//adm org oOr coa oCo exa men oMe par oPa non nil
		{"+   +   F   F   F   F   F   F   F   F   F   U", "institution A"},
		// Organizing a cohort of B does not let one create B's cohorts.
		{"+   F   F   F   F   F   F   F   F   F   F   U", "institution B"},
	},

	// Accounts: seen by their owner, organizers and people sharing a cohort.
	ReadUser: {
		//adm org oOr coa oCo exa men oMe par oPa non nil
		{"+   +   +   +   +   +   +   +   +   +   N   U", "account registered by A"},
		{"+   +   +   N   N   N   N   N   N   N   N   U", "stranger registered by A"},
	},
	// Changed by the owner, or by an organizer of the registering
	// institution until the owner activates it; an admin's by nobody else.
	UpdateUser: {
		//adm org oOr coa oCo exa men oMe par oPa non nil
		{"+   +   F   F   F   F   F   F   +   F   N   U", "account registered by A"},
		{"+   F   F   F   F   F   F   F   +   F   N   U", "account activated"},
		{"+   F   +   F   F   F   F   F   +   F   N   U", "account registered by B"},
		{"+   F   F   F   F   F   F   F   +   F   N   U", "account registered by no institution"},
		{"+   F   F   F   F   F   F   F   F   F   N   U", "admin's account"},
		{"+   +   F   N   N   N   N   N   N   N   N   U", "stranger registered by A"},
	},
	// A code shown to the caller: only for accounts the caller manages.
	IssueActivation: {
		{"+   +   F   F   F   F   F   F   F   F   N   U", "account registered by A"},
		{"+   F   F   F   F   F   F   F   F   F   N   U", "account activated"},
		{"+   F   +   F   F   F   F   F   F   F   N   U", "account registered by B"},
		{"+   F   F   F   F   F   F   F   F   F   N   U", "account registered by no institution"},
		{"+   F   F   F   F   F   F   F   F   F   N   U", "admin's account"},
		{"+   +   F   N   N   N   N   N   N   N   N   U", "stranger registered by A"},
	},
	// A code mailed to the owner: also by an organizer of one of their cohorts.
	SendActivation: {
		{"+   +   F   F   F   F   F   F   F   F   N   U", "account registered by A"},
		{"+   +   F   F   F   F   F   F   F   F   N   U", "account activated"},
		{"+   +   +   F   F   F   F   F   F   F   N   U", "account registered by B"},
		{"+   +   F   F   F   F   F   F   F   F   N   U", "account registered by no institution"},
		{"+   F   F   F   F   F   F   F   F   F   N   U", "admin's account"},
		{"+   +   F   N   N   N   N   N   N   N   N   U", "stranger registered by A"},
	},

	// A cohort: seen by the people who hold a role in it.
	ReadCohort:        {{cohortMember, "cohort A"}},
	ListEnrollments:   {{cohortMember, "cohort A"}},
	UpdateCohort:      {{cohortOrg, "cohort A"}},
	ManageStaff:       {{cohortOrg, "cohort A"}},
	ManageEnrollments: {{cohortOrg, "cohort A"}},
	ManageRubrics:     {{cohortOrg, "cohort A"}},
	ReleaseResults:    {{cohortOrg, "cohort A"}},
	ReadStaff:         {{cohortStaff, "cohort A"}},
	ReadRubrics:       {{cohortStaff, "cohort A"}},
	ReadProgress:      {{cohortStaff, "cohort A"}},
	ReadEscalations:   {{orgAndCoach, "cohort A"}},
	ReadWorkload:      {{orgAndCoach, "cohort A"}},

	// Seminar sessions: organizers arrange them, the cohort's staff read them.
	ManageSeminarSessions: {{cohortOrg, "cohort A"}},
	ReadSeminarSessions:   {{cohortStaff, "cohort A"}},

	// Graduation: its rules for everyone in the cohort, the standings and
	// the changes for organizers.
	ReadGraduation:          {{cohortMember, "cohort A"}},
	ReadGraduationStandings: {{cohortOrg, "cohort A"}},
	ManageGraduation:        {{cohortOrg, "cohort A"}},
	DownloadCertificate:     {{"+   +   N   F   N   F   F   N   +   N   N   U", "enrollment"}},
	RevokeCertificate:       {{"+   +   N   F   N   F   F   N   F   N   N   U", "enrollment"}},

	// An enrollment and its project: seen by the cohort's organizers and
	// examiners and by the participant, their mentor and their coach.
	ReadEnrollment:        {{sees, "enrollment"}},
	ReadProject:           {{sees, "enrollment"}, {"+   +   N   N   N   +   +   N   +   N   N   U", "enrollment without coach"}},
	ReadAssessments:       {{sees, "enrollment"}},
	EditProject:           {{byPart, "enrollment"}},
	ProposeMentorTransfer: {{byPart, "enrollment"}},
	PublishProject:        {{byPart, "enrollment"}},
	VerifyMilestone:       {{byMentor, "enrollment"}},
	ReviewEvidence:        {{byMentor, "enrollment"}},
	ReviewDesign: {
		//adm org oOr coa oCo exa men oMe par oPa non nil
		{"+   F   N   +   N   F   +   N   F   N   N   U", "enrollment"},
		{"+   F   N   N   N   F   +   N   F   N   N   U", "enrollment without coach"},
	},
	ReadCoachingNotes: {{"+   +   N   +   N   F   +   N   +   N   N   U", "enrollment"}},
	WriteCoachingNote: {{"+   F   N   +   N   F   F   N   F   N   N   U", "enrollment"}},
	AssessProject:     {{"+   F   N   F   N   +   F   N   F   N   N   U", "enrollment"}},
	UnpublishProject:  {{"+   +   N   F   N   F   F   N   +   N   N   U", "enrollment"}},
	FindSimilar:       {{"+   +   N   +   N   +   F   N   F   N   N   U", "enrollment"}},
	// The final report: the project's mentor and coach endorse it; the
	// cohort's organizers allow a late submission.
	EndorseReport: {
		//adm org oOr coa oCo exa men oMe par oPa non nil
		{"+   F   N   +   N   F   +   N   F   N   N   U", "enrollment"},
		{"+   F   N   N   N   F   +   N   F   N   N   U", "enrollment without coach"},
	},
	AllowLateReport: {{"+   +   N   F   N   F   F   N   F   N   N   U", "enrollment"}},

	// A mentor transfer: seen also by the proposed mentor (the invitee).
	ReadMentorTransfer: {
		//adm org oOr coa oCo exa men oMe par oPa non nil
		{"+   +   N   +   N   +   +   N   +   N   +   U", "transfer to an outsider"},
		{"+   +   N   +   N   +   +   +   +   N   N   U", "transfer to otherMentor"},
	},
	DecideMentorTransfer: {
		{"+   F   N   F   N   F   F   N   F   N   +   U", "transfer to an outsider"},
		{"+   F   N   F   N   F   F   +   F   N   N   U", "transfer to otherMentor"},
	},
	CancelMentorTransfer:  {{"+   F   N   F   N   F   F   N   +   N   F   U", "transfer to an outsider"}},
	ConfirmMentorTransfer: {{"+   +   N   F   N   F   F   N   F   N   F   U", "transfer to an outsider"}},
	ListHolidays:          {{"+   +   +   +   +   +   +   +   +   +   +   U", "nothing"}},
	ManageHolidays:        {{"+   F   F   F   F   F   F   F   F   F   F   U", "nothing"}},
	ManageClasses:         {{"+   +   N   F   F   F   F   F   F   F   N   U", "cohort A"}},
}

// TestAuthorizeEveryActionForEveryRole checks every action of the policy
// against every role: an action without a row here fails the test.
func TestAuthorizeEveryActionForEveryRole(t *testing.T) {
	w := newPolicyWorld()
	for action := range rules {
		if _, ok := policyTable[action]; !ok {
			t.Errorf("action %s has no row in policyTable", action)
		}
	}
	if len(policyTable) != len(rules) {
		t.Errorf("policyTable covers %d actions, the policy has %d", len(policyTable), len(rules))
	}
	kinds := map[string]Kind{"+": 0, "N": KindNotFound, "F": KindForbidden, "U": KindUnauthenticated}
	cells := 0
	for action, rows := range policyTable {
		if _, ok := rules[action]; !ok {
			t.Errorf("policyTable has a row for %s, which the policy does not know", action)
			continue
		}
		for _, row := range rows {
			target, ok := w.targets[row.target]
			if !ok {
				t.Fatalf("%s: no target %q", action, row.target)
			}
			want := strings.Fields(row.want)
			if len(want) != len(policyColumns) {
				t.Fatalf("%s on %s: %d expectations for %d columns", action, row.target, len(want), len(policyColumns))
			}
			for i, name := range policyColumns {
				kind, ok := kinds[want[i]]
				if !ok {
					t.Fatalf("%s on %s: unknown expectation %q", action, row.target, want[i])
				}
				cells++
				t.Run(fmt.Sprintf("%s/%s/%s", action, row.target, name), func(t *testing.T) {
					err := Authorize(w.actors[name], action, target)
					if got := KindOf(err); got != kind || (kind == 0) != (err == nil) {
						t.Errorf("Authorize = %v (kind %v), want kind %v", err, got, kind)
					}
				})
			}
		}
	}
	t.Logf("%d actions, %d cells", len(policyTable), cells)
}

func TestAuthorizeRefusesToGuessAnUnknownAction(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("an action without a rule did not panic")
		}
	}()
	_ = Authorize(&Actor{PlatformAdmin: true}, Action("no.such_action"), Target{})
}

// TestScopesFollowThePolicy checks what each role may list of cohort A:
// all enrollments and everyone's progress for organizers, examiners and
// admins; otherwise only what involves (or is coached by) the caller.
func TestScopesFollowThePolicy(t *testing.T) {
	w := newPolicyWorld()
	cohortA := w.targets["cohort A"].CohortID
	for _, name := range policyColumns {
		actor := w.actors[name]
		if actor == nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			all := name == "admin" || name == "organizer" || name == "examiner"
			es := EnrollmentScopeOf(actor, cohortA)
			if es.All != all || (!all && es.Involving != actor.UserID) {
				t.Errorf("EnrollmentScopeOf = %+v, want all %v", es, all)
			}
			if coachedBy := ProgressScope(actor, cohortA); (coachedBy == nil) != all || (coachedBy != nil && *coachedBy != actor.UserID) {
				t.Errorf("ProgressScope = %v, want everyone %v", coachedBy, all)
			}
			cs := CohortScopeOf(actor)
			if cs.All != (name == "admin") || (!cs.All && len(cs.IDs) != len(actor.Roles)) {
				t.Errorf("CohortScopeOf = %+v", cs)
			}
		})
	}
}
