package documents_test

import (
	"strings"
	"testing"

	"github.com/proper-id/proper/documents"
	"github.com/proper-id/proper/documents/pdftext"
)

// A certificate reads back its number, graduate, training, kualifikasi,
// signatory and verification address, on one page.
func TestACertificateShowsWhatItCertifies(t *testing.T) {
	pdf, err := documents.Certificate(documents.CertificateView{Number: "PKN-II/2026/0007", Institution: "BPSDM Provinsi Jawa Timur",
		Name: "Dr. Siti Rahayu, M.Si.", NIP: "198503202010012003", Program: "Pelatihan Kepemimpinan Nasional Tingkat II",
		Cohort: "PKN II Angkatan XII", Period: "3 Agustus 2026 sampai 4 Desember 2026", Qualification: "Sangat Memuaskan (Peserta Terbaik)",
		IssuedOn: "8 Desember 2026", SignatoryName: "Dr. Aries Agung Paewai", SignatoryPosition: "Kepala BPSDM Provinsi Jawa Timur",
		VerifyURL: "https://proper.bpsdm.jatimprov.go.id/v1/certificates/PKN-II%2F2026%2F0007"})
	if err != nil {
		t.Fatal(err)
	}
	text, err := pdftext.Text(pdf)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"SERTIFIKAT", "Nomor: PKN-II/2026/0007", "Dr. Siti Rahayu, M.Si.", "198503202010012003",
		"Pelatihan Kepemimpinan Nasional Tingkat II", "PKN II Angkatan XII", "3 Agustus 2026 sampai 4 Desember 2026",
		"Sangat Memuaskan (Peserta Terbaik)", "Dr. Aries Agung Paewai", "Kepala BPSDM Provinsi Jawa Timur",
		"proper.bpsdm.jatimprov.go.id/v1/certificates/PKN-II%2F2026%2F0007"} {
		if !strings.Contains(text, want) {
			t.Errorf("the certificate's text lacks %q:\n%s", want, text)
		}
	}
	if n, _ := pdftext.PageCount(pdf); n != 1 {
		t.Errorf("pages = %d, want 1", n)
	}
}
