package demo_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/domain/demo"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// newServices returns the demo's services on a fresh database.
func newServices(t *testing.T) (*domain.Services, *bun.DB) {
	t.Helper()
	ctx := context.Background()
	db := pgtest.DB(t)
	store := persistence.NewStore(db)
	blobs, err := persistence.OpenBlobStore(ctx, "file://"+t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return domain.NewServices(store, blobs, time.Now, domain.Options{}), db
}

// count runs a count(*) query with Bun's ? placeholders.
func count(t *testing.T, db *bun.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// loadedDemo is the demo loaded once into a fresh database, which the
// checks of TestTheLoadedDemo only read.
type loadedDemo struct {
	services *domain.Services
	db       *bun.DB
	logins   []demo.Login
	created  bool
}

// TestTheLoadedDemo loads the demo once and checks, one subtest each, what
// it holds: loading is most of this package's time (minutes under the race
// detector), so the checks share one load. Loading twice is
// TestLoadingTheDemoTwiceChangesNothing.
func TestTheLoadedDemo(t *testing.T) {
	t.Parallel()
	s, db := newServices(t)
	logins, created, err := demo.Load(context.Background(), s, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	d := loadedDemo{services: s, db: db, logins: logins, created: created}
	for _, check := range []struct {
		name string
		run  func(*testing.T, loadedDemo)
	}{
		{"HasEveryRoleAndProjectStatus", demoHasEveryRoleAndProjectStatus},
		{"ShowcaseHasTheStudiTiruTheUsersToldOf", demoShowcaseHasTheStudiTiruTheUsersToldOf},
		{"HasAnApprovedChangeRequest", theDemoHasAnApprovedChangeRequest},
		{"CohortTeachesItsGroupsInTwoClasses", theDemoCohortTeachesItsGroupsInTwoClasses},
		{"EveryPersonWorksInAUnitOfTheirAgencyInARegency", everyDemoPersonWorksInAUnitOfTheirAgencyInARegency},
	} {
		t.Run(check.name, func(t *testing.T) { check.run(t, d) })
	}
}

func demoHasEveryRoleAndProjectStatus(t *testing.T, d loadedDemo) {
	ctx, s, db, logins, created := context.Background(), d.services, d.db, d.logins, d.created
	if !created {
		t.Fatal("Load on an empty database reported the demo as existing")
	}

	checks := []struct {
		name  string
		query string
		args  []any
		min   int
		max   int
	}{
		// The PKN II cohort's 30 and the PKA cohort's 2 (pka.go).
		{"enrollments", "SELECT count(*) FROM enrollments", nil, 32, 32},
		{"coaches", "SELECT count(*) FROM cohort_staff WHERE role = ?", []any{"coach"}, 4, 4},
		{"examiners", "SELECT count(*) FROM cohort_staff WHERE role = ?", []any{"examiner"}, 2, 2},
		{"organizers", "SELECT count(*) FROM cohort_staff WHERE role = ?", []any{"organizer"}, 2, 2},
		// Issue #20: the PKN II cohort co-organized with LAN RI; a PKA cohort saying Aksi Perubahan.
		{"co-organized cohorts", "SELECT count(*) FROM cohorts c JOIN institutions i ON i.id = c.partner_institution_id WHERE i.code = 'LAN-RI'", nil, 1, 1},
		{"PKA cohorts with Aksi Perubahan", "SELECT count(*) FROM cohorts WHERE program = 'pka' AND terms->>'product' = 'Aksi Perubahan'", nil, 1, 1},
		{"groups", "SELECT count(DISTINCT (group_name, coach_id)) FROM enrollments", nil, 3, 3},
		// Issue #22 parts 2 and 3: full designs have every structured section, and evidence names its activity and type.
		{"designs with every section", `SELECT count(*) FROM projects WHERE jsonb_array_length(success_indicators) > 0 AND team->>'sponsor' <> ''
			AND jsonb_array_length(risks) > 0 AND jsonb_array_length(resources) > 0 AND strategic_alignment <> ''`, nil, 20, 32},
		{"evidence without an activity", "SELECT count(*) FROM evidence WHERE activity_id IS NULL OR evidence_type IS NULL", nil, 0, 0},
		{"milestones verified with every activity proved", `SELECT count(*) FROM milestones m WHERE m.status = 'achieved' AND m.missing_evidence_reason = ''
			AND jsonb_array_length(m.activities) > 0 AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(m.activities) a WHERE NOT EXISTS
			(SELECT 1 FROM evidence e WHERE e.activity_id = (a->>'id')::uuid AND e.status = 'approved'))`, nil, 5, 1000},
		// The full agenda of a PKN II cohort of the 2022+ pattern, two coaching sessions among it.
		{"agenda kinds", "SELECT count(DISTINCT kind) FROM agenda_items", nil, 10, 10},
		{"coaching sessions", "SELECT count(*) FROM agenda_items WHERE kind = ?", []any{"coaching"}, 2, 2},
		{"evaluasi pascapelatihan after the cohort", `SELECT count(*) FROM agenda_items a JOIN cohorts c ON c.id = a.cohort_id
			WHERE a.kind = 'evaluasi_pasca' AND a.starts_on > c.ends_on + 90`, nil, 1, 1},
		// The designs submitted after the seminar rancangan are flagged late, not lost.
		{"steps flagged late", "SELECT count(*) FROM events WHERE details->>'timing' = ?", []any{"late"}, 1, 1000},
		{"projects draft", "SELECT count(*) FROM projects WHERE status = ?", []any{"draft"}, 1, 30},
		{"draft returned for revision", "SELECT count(*) FROM projects WHERE status = ? AND revision_requested", []any{"draft"}, 1, 30},
		{"projects design_submitted", "SELECT count(*) FROM projects WHERE status = ?", []any{"design_submitted"}, 1, 30},
		{"design approved by the mentor only", `SELECT count(*) FROM projects p WHERE p.status = 'design_submitted'
			AND EXISTS (SELECT 1 FROM reviews r WHERE r.target_type = 'design' AND r.target_id = p.id
				AND r.round = p.design_round AND r.reviewer_role = 'mentor' AND r.decision = 'approve')`, nil, 1, 1},
		// Approved designs are implementing: the cohort's implementation phase runs.
		{"projects design_approved", "SELECT count(*) FROM projects WHERE status = ?", []any{"design_approved"}, 0, 0},
		{"projects implementing", "SELECT count(*) FROM projects WHERE status = ?", []any{"implementing"}, 10, 30},
		{"projects final_submitted", "SELECT count(*) FROM projects WHERE status = ?", []any{"final_submitted"}, 1, 30},
		{"projects completed", "SELECT count(*) FROM projects WHERE status = ?", []any{"completed"}, 2, 2},
		// Final reports: every submitted one approved by mentor and coach;
		// one ratified, one waiting for the revision the examiners required.
		{"reports submitted", "SELECT count(*) FROM project_reports WHERE submitted_at IS NOT NULL", nil, 3, 3},
		{"persetujuan endorsements", "SELECT count(*) FROM report_endorsements WHERE step = 'persetujuan'", nil, 6, 6},
		{"reports ratified", "SELECT count(*) FROM project_reports WHERE ratified_at IS NOT NULL", nil, 1, 1},
		{"reports under revision", "SELECT count(*) FROM project_reports WHERE revision_required_at IS NOT NULL AND ratified_at IS NULL", nil, 1, 1},
		{"design assessments", "SELECT count(*) FROM assessments WHERE seminar = ?", []any{"design"}, 20, 60},
		// Seminar sessions (issue #21): the design seminar's session determined
		// and released, an early final seminar determined (its project completed).
		{"seminar sessions", "SELECT count(*) FROM seminar_sessions", nil, 4, 4}, // the design's, and one final per report handed in
		{"determined sessions", "SELECT count(*) FROM seminar_sessions WHERE determined_at IS NOT NULL", nil, 3, 3},
		{"assigned examiners", "SELECT count(*) FROM seminar_session_examiners", nil, 8, 8},
		{"determined design results", "SELECT count(*) FROM seminar_results WHERE seminar = ?", []any{"design"}, 10, 30},
		{"determined final results", "SELECT count(*) FROM seminar_results WHERE seminar = ?", []any{"final"}, 2, 2},
		{"released design results", "SELECT count(*) FROM result_releases WHERE seminar = ?", []any{"design"}, 1, 1},
		{"appeals decided", "SELECT count(*) FROM appeals WHERE status = ?", []any{"partly_granted"}, 1, 1},
		{"appeals waiting for their examiner", "SELECT count(*) FROM appeals WHERE status = ?", []any{"assigned"}, 1, 1},
		{"evidence submitted", "SELECT count(*) FROM evidence WHERE status = ?", []any{"submitted"}, 1, 1000},
		{"evidence approved", "SELECT count(*) FROM evidence WHERE status = ?", []any{"approved"}, 1, 1000},
		{"evidence rejected", "SELECT count(*) FROM evidence WHERE status = ?", []any{"rejected"}, 1, 1000},
		{"evidence withdrawn", "SELECT count(*) FROM evidence WHERE status = ?", []any{"withdrawn"}, 1, 1000},
		{"evidence files", "SELECT count(*) FROM evidence WHERE media_type IN (?)", []any{bun.List([]string{"application/pdf", "image/png"})}, 2, 1000},
		{"evidence links", "SELECT count(*) FROM evidence WHERE url IS NOT NULL", nil, 1, 1000},
		{"milestones awaiting verification", "SELECT count(*) FROM milestones WHERE status = ?", []any{"awaiting_verification"}, 1, 1000},
		{"milestones achieved", "SELECT count(*) FROM milestones WHERE status = ?", []any{"achieved"}, 1, 1000},
		{"milestones overdue", "SELECT count(*) FROM milestones WHERE due_on < current_date AND status <> 'achieved'", nil, 1, 1000},
		{"coaching notes", "SELECT count(*) FROM coaching_notes", nil, 1, 1000},
		{"projects without a title", "SELECT count(*) FROM projects WHERE title = ''", nil, 0, 0},
	}
	for _, c := range checks {
		if n := count(t, db, c.query, c.args...); n < c.min || n > c.max {
			t.Errorf("%s: %d, want %d to %d", c.name, n, c.min, c.max)
		}
	}
	// In the PKN II cohort (the PKA cohort has just begun its designs).
	inPKN2 := "SELECT count(*) FROM projects p JOIN enrollments e ON e.id = p.enrollment_id JOIN cohorts c ON c.id = e.cohort_id WHERE c.program = 'pkn2' AND p.status = ?"
	if n := count(t, db, inPKN2, "design_submitted") + count(t, db, inPKN2, "draft"); n > 10 {
		t.Errorf("%d projects are still in design; most should be implementing", n)
	}

	if len(logins) == 0 || len(logins) > 15 {
		t.Fatalf("%d logins, want 1 to 15", len(logins))
	}
	for _, l := range logins {
		session, err := s.Accounts.Login(ctx, l.Email, demo.Password, "127.0.0.1")
		if err != nil {
			t.Errorf("%s (%s) cannot sign in: %v", l.Email, l.Role, err)
			continue
		}
		if session.User.Name != l.Name {
			t.Errorf("%s signed in as %q, want %q", l.Email, session.User.Name, l.Name)
		}
	}
}

func TestLoadingTheDemoTwiceChangesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, db := newServices(t)
	first, created, err := demo.Load(ctx, s, time.Now())
	if err != nil || !created {
		t.Fatalf("first Load: created %v, %v", created, err)
	}
	tables := []string{"users", "agencies", "institutions", "cohorts", "enrollments", "milestones", "evidence", "reviews", "coaching_notes", "assessments", "events",
		"publications", "publication_evidence", "replications"}
	before := map[string]int{}
	for _, table := range tables {
		before[table] = count(t, db, "SELECT count(*) FROM ?", bun.Ident(table))
	}

	second, created, err := demo.Load(ctx, s, time.Now().Add(48*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if created {
		t.Error("the second Load reported that it created the demo")
	}
	for _, table := range tables {
		if n := count(t, db, "SELECT count(*) FROM ?", bun.Ident(table)); n != before[table] {
			t.Errorf("%s: %d rows after the second Load, %d before", table, n, before[table])
		}
	}
	if len(first) != len(second) {
		t.Fatalf("the second Load returned %d logins, the first %d", len(second), len(first))
	}
	for i := range first {
		if first[i] != second[i] {
			t.Errorf("login %d: %+v, then %+v", i, first[i], second[i])
		}
	}
}

func TestPrintLoginsAlignsATableWithAHeader(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	demo.PrintLogins(&out, []demo.Login{
		{Role: "platform admin", Name: "Administrator Demo Proper", Email: "admin@demo.proper.id", Password: demo.Password},
		{Role: "coach, Kelompok 1", Name: "Dr. Bambang Sugiarto, M.Si.", Email: "bambang.sugiarto@bpsdm.jatimprov.go.id", Password: demo.Password},
	})
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want a header and 2 rows:\n%s", len(lines), out.String())
	}
	if !strings.HasPrefix(lines[0], "ROLE") || !strings.Contains(lines[0], "EMAIL") || !strings.Contains(lines[0], "PASSWORD") {
		t.Errorf("header %q", lines[0])
	}
	column := strings.Index(lines[0], "EMAIL")
	for _, l := range lines[1:] {
		if len(l) <= column || l[column-1] != ' ' || !strings.Contains(strings.Fields(l[column:])[0], "@") {
			t.Errorf("the e-mail of %q does not start in the EMAIL column (%d)", l, column)
		}
	}
}

func demoShowcaseHasTheStudiTiruTheUsersToldOf(t *testing.T, d loadedDemo) {
	ctx, s, db := context.Background(), d.services, d.db
	if n := count(t, db, "SELECT count(*) FROM publications WHERE withdrawn_at IS NULL"); n != 6 {
		t.Errorf("%d projects on the showcase, want 6", n)
	}
	if n := count(t, db, `SELECT count(DISTINCT pe.publication_id) FROM publication_evidence pe JOIN evidence e ON e.id = pe.evidence_id AND e.status = 'approved'`); n != 6 {
		t.Errorf("%d publications show evidence, want 6", n)
	}
	// Klaten came to Batam twice (two dated records); Batang's MoU with
	// Semarang and its adoption decree are documents of its records.
	for _, visit := range []struct {
		visitor, innovator string
		visits, documents  int
	}{
		{"Pemerintah Kabupaten Klaten", "Pemerintah Kota Batam", 2, 1},
		{"Pemerintah Kabupaten Soppeng", "Pemerintah Kota Batam", 1, 0},
		{"Pemerintah Kabupaten Batanghari", "Pemerintah Kota Palembang", 1, 0},
		{"Pemerintah Kabupaten Batang", "Pemerintah Kota Semarang", 1, 2},
	} {
		if n := count(t, db, `SELECT count(*) FROM replications r JOIN agencies a ON a.id = r.agency_id JOIN publications p ON p.id = r.publication_id
			WHERE a.name = ? AND p.agency_name = ? AND r.status = 'studied'`, visit.visitor, visit.innovator); n != visit.visits {
			t.Errorf("%s studied %s's innovation %d times, want %d", visit.visitor, visit.innovator, n, visit.visits)
		}
		if n := count(t, db, `SELECT coalesce(sum(jsonb_array_length(r.documents)), 0) FROM replications r JOIN agencies a ON a.id = r.agency_id
			JOIN publications p ON p.id = r.publication_id WHERE a.name = ? AND p.agency_name = ?`, visit.visitor, visit.innovator); n != visit.documents {
			t.Errorf("%s's studi tiru of %s has %d documents, want %d", visit.visitor, visit.innovator, n, visit.documents)
		}
	}
	hits, err := s.Showcase.Search(ctx, "127.0.0.1", domain.ShowcaseQuery{Text: "pelayanan kependudukan"}, domain.PageRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits.Items) == 0 || hits.Items[0].AgencyName != "Pemerintah Kota Batam" || hits.Items[0].Replications != (domain.ReplicationCounts{Studied: 3, Adopted: 1}) {
		t.Errorf("searching the demo finds %+v", hits.Items)
	}
}
