package rostercsv_test

import "testing"

func TestTheClassColumnIsOptionalAndReadInEitherLanguage(t *testing.T) {
	for header, class := range map[string]string{
		"nip,name,email,position,rank,agency,mentor_email,mentor_name,coach_email,group,class\n":                 "Kelas A",
		"NIP;Nama;Email;Jabatan;Pangkat/Golongan;Instansi;Email Mentor;Nama Mentor;Email Coach;Kelompok;Kelas\n": "Kelas A",
		"nip,name,email,position,rank,agency,mentor_email,mentor_name,coach_email,group\n":                       "",
		"Kelas;NIP;Nama;Email;Jabatan;Pangkat/Golongan;Instansi;Email Mentor;Nama Mentor;Email Coach;Kelompok\n": "Kelas A",
	} {
		sep := ","
		if header[3] == ';' || header[5] == ';' {
			sep = ";"
		}
		row := []string{"", "Dewi Lestari", "dewi@batam.go.id", "Kepala Seksi", "III/c", "Pemerintah Kota Batam", "sekda@batam.go.id", "Drs. Jefridin", "", "Kelompok 1"}
		line := ""
		if class != "" && header[:5] == "Kelas" {
			line = "Kelas A" + sep
		}
		for i, v := range row {
			if i > 0 {
				line += sep
			}
			line += v
		}
		if class != "" && header[:5] != "Kelas" {
			line += sep + "Kelas A"
		}
		rows, err := parseRosterString(header + line + "\n")
		if err != nil {
			t.Fatalf("%q: %v", header, err)
		}
		if len(rows) != 1 || rows[0].Class != class || rows[0].Group != "Kelompok 1" {
			t.Errorf("%q: rows %+v, want class %q", header, rows, class)
		}
	}
}
