package api_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestRosterImportPlacesParticipantsInClassesByName(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	existing := w.createClass(t, "Kelas A")
	header := strings.TrimSuffix(rosterHeader, "\n") + ",class\n"
	csvText := header +
		",Dewi Lestari,dewi@batam.go.id,Kepala Seksi,III/c,Pemerintah Kota Batam," + w.mentor.Email + ",,,Kelompok 1,kelas a\n" +
		",Eko Prasetyo,eko@batam.go.id,Kepala Seksi,III/c,Pemerintah Kota Batam," + w.mentor.Email + ",,,Kelompok 3,Kelas B\n" +
		",Fajar Nugroho,fajar@batam.go.id,Kepala Seksi,III/c,Pemerintah Kota Batam," + w.mentor.Email + ",,,Kelompok 3,Kelas B\n" +
		",Gita Sari,gita@batam.go.id,Kepala Seksi,III/c,Pemerintah Kota Batam," + w.mentor.Email + ",,,Kelompok 4,\n"
	var result struct {
		Rows []struct {
			ClassID      string
			CreatedClass bool
			Enrollment   string
		}
	}
	expect(t, w.importRoster(csvText), http.StatusOK).decode(t, &result)
	if len(result.Rows) != 4 {
		t.Fatalf("imported %+v", result)
	}
	dewi, eko, fajar, gita := result.Rows[0], result.Rows[1], result.Rows[2], result.Rows[3]
	if dewi.ClassID != existing.ID || dewi.CreatedClass || !eko.CreatedClass || fajar.CreatedClass || fajar.ClassID != eko.ClassID || gita.ClassID != "" {
		t.Errorf("the rows' classes: %+v", result.Rows)
	}
	list := w.classes(t, roleOrganizer)
	if len(list) != 2 || list[0].Participants != 1 || list[1].Name != "Kelas B" || list[1].Participants != 2 || !slices.Equal(list[1].Groups, []string{"Kelompok 3"}) {
		t.Errorf("after the import the classes are %+v", list)
	}

	// The same file again changes nothing; a row without a class keeps the
	// participant's class; the Indonesian header is "Kelas".
	again := expect(t, w.importRoster(csvText), http.StatusOK)
	if strings.Count(string(again.body), `"enrollment":"unchanged"`) != 4 {
		t.Errorf("a second import changed something: %s", again.body)
	}
	indonesian := "NIP;Nama;Email;Jabatan;Pangkat/Golongan;Instansi;Email Mentor;Nama Mentor;Email Coach;Kelompok;Kelas\n" +
		";Eko Prasetyo;eko@batam.go.id;Kepala Seksi;III/c;Pemerintah Kota Batam;" + w.mentor.Email + ";;;Kelompok 3;\n" +
		";Gita Sari;gita@batam.go.id;Kepala Seksi;III/c;Pemerintah Kota Batam;" + w.mentor.Email + ";;;Kelompok 4;Kelas A\n"
	expect(t, w.importRoster(indonesian), http.StatusOK).decode(t, &result)
	if result.Rows[0].Enrollment != "unchanged" || result.Rows[1].Enrollment != "updated" || result.Rows[1].ClassID != existing.ID {
		t.Errorf("the Indonesian roster: %+v", result.Rows)
	}

	// A class name that is no single line is named by row and column.
	bad := header + ",Hadi,hadi@batam.go.id,Kepala Seksi,III/c,Pemerintah Kota Batam," + w.mentor.Email + ",,,Kelompok 1,\"Kelas\nC\"\n"
	r := expect(t, w.importRoster(bad), http.StatusUnprocessableEntity)
	if !slices.Contains(r.locations(t), "body.rows[2].class") {
		t.Errorf("a bad class answered %s", r.body)
	}
}
