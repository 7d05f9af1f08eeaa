package api_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
)

const rosterHeader = "nip,name,email,position,rank,agency,mentor_email,mentor_name,coach_email,group\n"

func (w *world) importRoster(csv string) response {
	return w.do(request{method: http.MethodPost, path: "/v1/cohorts/" + w.cohortA.ID.String() + "/roster", token: w.tokenOf(roleOrganizer), body: []byte(csv)})
}

func TestRosterImportCreatesPeopleAgenciesAndEnrollments(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	csv := rosterHeader +
		"198001152005011002,Dr. Budi Santoso,budi.santoso@batam.go.id,Kepala Dinas Kominfo,IV/c,Pemerintah Kota Batam,sekda@batam.go.id,Drs. Jefridin,," + "Kelompok 1\n" +
		"199203102015032001,Siti Rahayu,siti.rahayu@batam.go.id,Kepala Bagian Organisasi,III/d,pemerintah kota batam,sekda@batam.go.id,Drs. Jefridin," + w.coach.Email + ",Kelompok 1\n" +
		`,"Andi Baso, S.Sos.",andi@soppengkab.go.id,Camat,III/c,Pemerintah Kabupaten Soppeng,` + w.mentor.Email + ",,,Kelompok 2\n"
	res := expect(t, w.importRoster(csv), http.StatusOK)
	var result struct {
		Rows []struct {
			Row                                             int
			Enrollment                                      string
			CreatedParticipant, CreatedMentor               bool
			CreatedAgency                                   bool
			ParticipantActivationCode, MentorActivationCode string
			ProjectID                                       string
		}
		EnrollmentsCreated, AccountsCreated int
	}
	res.decode(t, &result)
	if result.EnrollmentsCreated != 3 || result.AccountsCreated != 4 || len(result.Rows) != 3 {
		t.Fatalf("want 3 enrollments and 4 new accounts (3 participants, 1 mentor): %s", res.body)
	}
	first, second, third := result.Rows[0], result.Rows[1], result.Rows[2]
	if first.Row != 2 || !first.CreatedMentor || first.MentorActivationCode == "" || first.ParticipantActivationCode == "" || !first.CreatedAgency {
		t.Errorf("row 2: %+v", first)
	}
	if second.CreatedMentor || second.CreatedAgency {
		t.Errorf("row 3 reuses row 2's mentor and (differently cased) agency: %+v", second)
	}
	if third.CreatedMentor || third.MentorActivationCode != "" || third.ProjectID == "" {
		t.Errorf("row 4 has an existing mentor: %+v", third)
	}

	// Re-importing the same file changes nothing and duplicates nothing.
	again := expect(t, w.importRoster(csv), http.StatusOK)
	if !strings.Contains(string(again.body), `"enrollmentsCreated":0`) || !strings.Contains(string(again.body), `"accountsCreated":0`) ||
		strings.Count(string(again.body), `"enrollment":"unchanged"`) != 3 {
		t.Fatalf("a second import should change nothing: %s", again.body)
	}
	var enrolled int
	w.db.QueryRow(`SELECT count(*) FROM enrollments WHERE cohort_id = ?`, w.cohortA.ID).Scan(&enrolled)
	if enrolled != 5 {
		t.Fatalf("%d enrollments, want 2 from the world and 3 from the roster", enrolled)
	}

	// A changed group updates the enrollment.
	changed := expect(t, w.importRoster(strings.Replace(csv, "Kelompok 2", "Kelompok 3", 1)), http.StatusOK)
	if !strings.Contains(string(changed.body), `"enrollmentsUpdated":1`) {
		t.Fatalf("a changed group should update one enrollment: %s", changed.body)
	}
}

func TestRosterFromIndonesianExcelWithSemicolonsAndBOM(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	csv := "\uFEFF" + strings.ReplaceAll(rosterHeader, ",", ";") +
		"198001152005011002;Budi Santoso;budi@klatenkab.go.id;Kepala Dinas;IV/b;Pemerintah Kabupaten Klaten;sekda@klatenkab.go.id;Sekda Klaten;;Kelompok 1\r\n"
	res := expect(t, w.importRoster(csv), http.StatusOK)
	if !strings.Contains(string(res.body), `"enrollmentsCreated":1`) {
		t.Fatalf("%s", res.body)
	}
}

func TestABadRosterImportsNothingAndNamesEveryBadRowAndColumn(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	csv := rosterHeader +
		",Good Person,good@batam.go.id,,,Pemerintah Kota Batam,sekda@batam.go.id,Sekda,,\n" +
		"12345,Bad NIP,badnip@batam.go.id,,,,sekda@batam.go.id,Sekda,,\n" +
		",No Mentor Name,nomentor@batam.go.id,,,,new.mentor@batam.go.id,,,\n" +
		",Bad Coach,badcoach@batam.go.id,,,,sekda@batam.go.id,Sekda," + w.examiner.Email + ",\n" +
		",Bad Email,not-an-email,,,,sekda@batam.go.id,Sekda,,\n"
	res := expect(t, w.importRoster(csv), http.StatusUnprocessableEntity)
	locs := res.locations(t)
	for _, want := range []string{"body.rows[3].nip", "body.rows[6].email"} {
		if !slices.Contains(locs, want) {
			t.Errorf("errors at %v lack %s", locs, want)
		}
	}
	var users int
	w.db.QueryRow(`SELECT count(*) FROM users WHERE email = 'good@batam.go.id'`).Scan(&users)
	if users != 0 {
		t.Fatal("a failed import must create nothing")
	}

	// Rows that parse but cannot be enrolled are all reported too.
	csv = rosterHeader +
		",No Mentor Name,nomentor@batam.go.id,,,,new.mentor@batam.go.id,,,\n" +
		",Bad Coach,badcoach@batam.go.id,,,,sekda@batam.go.id,Sekda," + w.examiner.Email + ",\n"
	res = expect(t, w.importRoster(csv), http.StatusUnprocessableEntity)
	locs = res.locations(t)
	if !slices.Equal(locs, []string{"body.rows[2].mentor_name", "body.rows[3].coach_email"}) {
		t.Fatalf("errors at %v", locs)
	}
}

func TestTwoOrganizersImportingTheSameRosterAtOnceCreateEachPersonOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	csv := rosterHeader + ",Budi,budi.sekali@batam.go.id,,,Pemerintah Kota Tanjungpinang,sekda@tanjungpinang.go.id,Sekda,,\n"
	var wg sync.WaitGroup
	statuses := make([]int, 2)
	for i := range statuses {
		wg.Add(1)
		go func() { defer wg.Done(); statuses[i] = w.importRoster(csv).status }()
	}
	wg.Wait()
	var n int
	w.db.QueryRow(`SELECT count(*) FROM users WHERE email = 'budi.sekali@batam.go.id'`).Scan(&n)
	if n != 1 {
		t.Fatalf("%d accounts, want 1 (statuses %v)", n, statuses)
	}
	// The import that lost the race is planned again and finds the person
	// the other one created: both succeed.
	if statuses[0] != http.StatusOK || statuses[1] != http.StatusOK {
		t.Fatalf("both imports should succeed: %v", statuses)
	}
}

// BenchmarkImportRoster2000 imports a 2,000-row roster (the target:
// under 5 s) into a fresh cohort each time.
func BenchmarkImportRoster2000(b *testing.B) {
	w := newWorld(b)
	var sb strings.Builder
	for b.Loop() {
		b.StopTimer()
		sb.Reset()
		sb.WriteString(rosterHeader)
		batch := uniq()
		for i := range 2000 {
			fmt.Fprintf(&sb, ",Peserta %d,p%d.%s@example.go.id,Kepala Bidang,III/d,Pemerintah Daerah %d,mentor%d.%s@example.go.id,Mentor %d,,Kelompok %d\n",
				i, i, batch, i%50, i%200, batch, i%200, i%10)
		}
		cohort := w.newCohort(b, w.organizer, w.instA.ID)
		b.StartTimer()
		res := w.do(request{method: http.MethodPost, path: "/v1/cohorts/" + cohort.ID.String() + "/roster", token: w.tokenOf(roleOrganizer), body: []byte(sb.String())})
		if res.status != http.StatusOK {
			b.Fatalf("%d %s", res.status, res.body[:min(len(res.body), 500)])
		}
	}
}

func TestRosterWithIndonesianColumnNamesImportsAndItsProblemsNameTheColumnsSo(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	header := "\uFEFFNama;NIP;Jabatan;Pangkat/Golongan;Instansi;Email;Email Mentor;Nama Mentor;Email Coach;Kelompok\r\n"
	res := expect(t, w.importRoster(header+
		"Budi Santoso;198001152005011002;Kepala Dinas;Pembina (IV/a);Pemerintah Kabupaten Klaten;budi@klatenkab.go.id;sekda@klatenkab.go.id;Sekda Klaten;;Kelompok 1\r\n"),
		http.StatusOK)
	if !strings.Contains(string(res.body), `"enrollmentsCreated":1`) {
		t.Fatalf("%s", res.body)
	}

	// A value that breaks a rule, and a row that cannot be enrolled, are
	// named by the columns as the file wrote them.
	res = expect(t, w.importRoster(header+"Bad NIP;12345;;;;badnip@batam.go.id;sekda@batam.go.id;Sekda;;\r\n"), http.StatusUnprocessableEntity)
	if locs := res.locations(t); !slices.Equal(locs, []string{"body.rows[2].NIP"}) {
		t.Errorf("errors at %v, want body.rows[2].NIP", locs)
	}
	res = expect(t, w.importRoster(header+
		"No Mentor Name;;;;;nomentor@batam.go.id;new.mentor@batam.go.id;;;\r\n"+
		"Bad Coach;;;;;badcoach@batam.go.id;sekda@batam.go.id;Sekda;"+w.examiner.Email+";\r\n"), http.StatusUnprocessableEntity)
	if locs := res.locations(t); !slices.Equal(locs, []string{"body.rows[2].Nama Mentor", "body.rows[3].Email Coach"}) {
		t.Errorf("errors at %v", locs)
	}
}
