package api_test

import (
	"context"
	"encoding/csv"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pgtest"
)

// arrangeProgress gives the participant four short-term milestones (one
// achieved, one awaiting verification, one overdue, one planned) and a
// mid-term one, with evidence in several states; the other participant has
// no milestones at all.
func (w *world) arrangeProgress(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	participant := w.actor(w.participant)
	add := func(horizon string, due time.Time) domain.Milestone {
		m, err := w.projects().CreateMilestone(ctx, participant, w.project(), domain.MilestonePlan{Horizon: horizon, Title: "Milestone " + uniq(), DueOn: domain.DateOf(due)})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	now := time.Now()
	achieved := add("short", now.AddDate(0, 0, -3)) // past due but achieved: not overdue
	awaiting := add("short", now.AddDate(0, 0, 10))
	overdue := add("short", now.AddDate(0, 0, -1))
	add("short", now.AddDate(0, 1, 0)) // planned
	add("mid", now.AddDate(1, 0, 0))   // planned
	w.writeDesignTexts(t, w.project())
	w.bringProjectTo(t, domain.ProjectImplementing)

	w.achieveMilestone(t, achieved.ID)
	inProgress := domain.MilestoneInProgress
	if _, err := w.projects().UpdateMilestone(ctx, participant, overdue.ID, domain.MilestoneChanges{Status: &inProgress}, nil); err != nil {
		t.Fatal(err)
	}
	w.linkEvidence(t, awaiting.ID) // waits for review
	rejected, withdrawn := w.linkEvidence(t, awaiting.ID), w.linkEvidence(t, awaiting.ID)
	w.rejectEvidence(t, rejected.ID)
	w.withdrawEvidence(t, withdrawn.ID)
	w.claimMilestone(t, awaiting.ID)
}

type progressAnswer struct {
	Items []struct {
		ParticipantName string
		Group           string
		ProjectStatus   string
		Short, Mid      struct{ Total, Achieved, AwaitingVerification, Overdue int }
		PendingEvidence int
		Progress        int
		ProgressBasis   struct{ Achieved, Total int }
		LastActivityAt  *time.Time
	}
	Totals struct {
		Participants int
		ByStatus     map[string]int
		MeanProgress float64
		Overdue      int
	}
}

func TestProgressMatchesTheHandComputedTable(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeProgress(t)
	var got progressAnswer
	expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/progress", w.tokenOf(roleOrganizer)), http.StatusOK).decode(t, &got)
	if len(got.Items) != 2 {
		t.Fatalf("%d rows, want 2", len(got.Items))
	}
	budi, citra := got.Items[0], got.Items[1] // by name
	if budi.ParticipantName != "Budi Peserta" || budi.Group != "Kelompok 1" || budi.ProjectStatus != "implementing" {
		t.Fatalf("first row %+v", budi)
	}
	if budi.Short.Total != 4 || budi.Short.Achieved != 1 || budi.Short.AwaitingVerification != 1 || budi.Short.Overdue != 1 ||
		budi.Mid.Total != 1 || budi.Mid.Overdue != 0 || budi.PendingEvidence != 1 || budi.Progress != 25 ||
		budi.ProgressBasis.Achieved != 1 || budi.ProgressBasis.Total != 4 || budi.LastActivityAt == nil {
		t.Fatalf("Budi's row %+v: want 4 short (1 achieved, 1 awaiting, 1 overdue), 1 mid, 1 pending evidence, 25%%", budi)
	}
	if citra.Short.Total != 0 || citra.Progress != 0 || citra.PendingEvidence != 0 || citra.ProjectStatus != "draft" {
		t.Fatalf("Citra has no milestones: %+v", citra)
	}
	if got.Totals.Participants != 2 || got.Totals.MeanProgress != 12.5 || got.Totals.Overdue != 1 ||
		got.Totals.ByStatus["implementing"] != 1 || got.Totals.ByStatus["draft"] != 1 {
		t.Fatalf("totals %+v", got.Totals)
	}
}

func TestProgressFiltersSortsAndScopesToTheCoach(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeProgress(t)
	base := "/v1/cohorts/" + w.cohortA.ID.String() + "/progress"
	names := func(path, role string) []string {
		var got progressAnswer
		expect(t, w.get(path, w.tokenOf(role)), http.StatusOK).decode(t, &got)
		var out []string
		for _, it := range got.Items {
			out = append(out, it.ParticipantName)
		}
		return out
	}
	for _, c := range []struct {
		path, role string
		want       string
	}{
		{base, roleCoach, "Budi Peserta"},
		{base + "?group=Kelompok%202", roleOrganizer, "Citra Peserta Lain"},
		{base + "?status=implementing", roleOrganizer, "Budi Peserta"},
		{base + "?sort=progress", roleOrganizer, "Budi Peserta,Citra Peserta Lain"},
		{base + "?sort=lastActivityAt", roleOrganizer, "Budi Peserta,Citra Peserta Lain"},
	} {
		if got := strings.Join(names(c.path, c.role), ","); got != c.want {
			t.Errorf("%s as %s: %s, want %s", c.path, c.role, got, c.want)
		}
	}
	expect(t, w.get(base+"?status=unknown", w.tokenOf(roleOrganizer)), http.StatusUnprocessableEntity)
}

// statementCounter counts the statements sent to the database.
type statementCounter struct{ n atomic.Int64 }

func (c *statementCounter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	c.n.Add(1)
	return ctx
}
func (c *statementCounter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

func TestProgressIsOneQueryWhateverTheCohortSize(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeProgress(t)
	counter := &statementCounter{}
	traced := pgtest.Reopen(t, w.db, persistence.PoolOptions{MaxOpen: 2, ConnectTimeout: 5 * time.Second, Tracer: counter})
	cohorts := domain.NewServices(persistence.NewStore(traced), nil, time.Now, domain.Options{}).Cohorts
	rows := 0
	err := cohorts.CohortProgress(context.Background(), w.actor(w.organizer), domain.ProgressQuery{Cohort: w.cohortA.ID, Sort: "progress"},
		func(domain.ProgressRow) error { rows++; return nil })
	if err != nil {
		t.Fatal(err)
	}
	if n := counter.n.Load(); n != 1 || rows != 2 {
		t.Fatalf("%d queries for %d rows, want 1", n, rows)
	}
}

func TestProgressExportsAsCSVForExcel(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeProgress(t)
	res := expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/progress.csv?sep=;", w.tokenOf(roleOrganizer)), http.StatusOK)
	if ct := res.header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := res.header.Get("Content-Disposition"); cd != `attachment; filename=progress-`+w.cohortA.Code+`.csv` && cd != `attachment; filename="progress-`+w.cohortA.Code+`.csv"` {
		t.Errorf("Content-Disposition %q", cd)
	}
	lines := strings.Split(strings.TrimSpace(string(res.body)), "\r\n")
	if len(lines) != 3 || lines[0] != "Peserta;Kelas;Kelompok;Mentor;Proyek perubahan;Status;Kemajuan (%);"+
		"Tahapan jangka pendek tercapai;Tahapan jangka pendek;Tahapan jangka pendek menunggu verifikasi;Tahapan jangka pendek melewati tenggat;"+
		"Tahapan jangka menengah tercapai;Tahapan jangka menengah;Tahapan jangka panjang tercapai;Tahapan jangka panjang;"+
		"Bukti dukung menunggu telaah;Aktivitas terakhir" ||
		!strings.HasPrefix(lines[1], "Budi Peserta;;Kelompok 1;Sekda Mentor;Antrean Daring Adminduk;Implementasi;25;1;4;1;1;") {
		t.Fatalf("CSV:\n%s", res.body)
	}
}

// TestProgressExportIsIndonesianUnlessAskedForEnglish: the file an
// organizer downloads speaks the glossary's words and WIB times; lang=en
// gives the form programs read, with the API's statuses and RFC 3339 times.
func TestProgressExportIsIndonesianUnlessAskedForEnglish(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeProgress(t)
	var progress struct {
		Items []struct {
			ParticipantName string    `json:"participantName"`
			LastActivityAt  time.Time `json:"lastActivityAt"`
		} `json:"items"`
	}
	expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/progress", w.tokenOf(roleOrganizer)), http.StatusOK).decode(t, &progress)
	if len(progress.Items) == 0 || progress.Items[0].ParticipantName != "Budi Peserta" {
		t.Fatalf("progress %+v", progress)
	}
	last := progress.Items[0].LastActivityAt
	path := "/v1/cohorts/" + w.cohortA.ID.String() + "/progress.csv"

	records := func(query string) [][]string {
		t.Helper()
		res := expect(t, w.get(path+query, w.tokenOf(roleOrganizer)), http.StatusOK)
		recs, err := csv.NewReader(strings.NewReader(string(res.body))).ReadAll()
		if err != nil || len(recs) != 3 {
			t.Fatalf("%s: %v\n%s", query, err, res.body)
		}
		return recs
	}
	for _, query := range []string{"", "?lang=id"} {
		recs := records(query)
		header, budi := recs[0], recs[1]
		if header[5] != "Status" || budi[5] != "Implementasi" || header[len(header)-1] != "Aktivitas terakhir" {
			t.Errorf("%q: header %q, row %q", query, header, budi)
		}
		wib := last.In(time.FixedZone("WIB", 7*3600)).Format("2006-01-02 15:04") + " WIB"
		if got := budi[len(budi)-1]; got != wib {
			t.Errorf("%q: last activity %q, want %q (WIB)", query, got, wib)
		}
	}
	recs := records("?lang=en")
	if strings.Join(recs[0], ",") != "participant,class,group,mentor,project,status,progress,short_achieved,short_total,"+
		"short_awaiting_verification,short_overdue,mid_achieved,mid_total,long_achieved,long_total,pending_evidence,last_activity_at" ||
		recs[1][5] != "implementing" {
		t.Errorf("English header %q, row %q", recs[0], recs[1])
	}
	if got, err := time.Parse(time.RFC3339, recs[1][len(recs[1])-1]); err != nil || !got.Equal(last.Truncate(time.Second)) {
		t.Errorf("English last activity %q (%v), want %s in RFC 3339", recs[1][len(recs[1])-1], err, last)
	}
	expect(t, w.get(path+"?lang=fr", w.tokenOf(roleOrganizer)), http.StatusUnprocessableEntity)
}

func TestProgressListsPeopleByNameWithoutTheirTitles(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	doctor := w.registeredUser("Dr. Ir. Ahmad Fauzi, M.Si.", &w.instA.ID, &w.agency.ID)
	if _, err := w.cohorts().Enroll(t.Context(), w.actor(w.organizer), w.cohortA.ID, domain.EnrollmentPlan{
		ParticipantID: doctor.ID, MentorID: w.mentor.ID, CoachID: &w.coach.ID, Group: "Kelompok 1"}); err != nil {
		t.Fatal(err)
	}
	var got progressAnswer
	expect(t, w.get("/v1/cohorts/"+w.cohortA.ID.String()+"/progress?sort=name", w.tokenOf(roleOrganizer)), http.StatusOK).decode(t, &got)
	var names []string
	for _, it := range got.Items {
		names = append(names, it.ParticipantName)
	}
	if want := "Dr. Ir. Ahmad Fauzi, M.Si.,Budi Peserta,Citra Peserta Lain"; strings.Join(names, ",") != want {
		t.Fatalf("progress by name: %v, want %s (Ahmad first, whatever his titles)", names, want)
	}
}
