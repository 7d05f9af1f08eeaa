package documents_test

import (
	"strings"
	"testing"

	"github.com/proper-id/proper/documents"
	"github.com/proper-id/proper/documents/pdftext"
)

// A document's blocks come back as text, in order, across pages, with the QR code's address.
func TestDocumentTextReadsBack(t *testing.T) {
	d := documents.New("Uji", "BPSDM Provinsi Jawa Tengah")
	d.Title("RANCANGAN PROYEK PERUBAHAN")
	d.Centered("Peningkatan Layanan Adminduk Keliling")
	d.Heading("Latar Belakang")
	d.Paragraph(strings.Repeat("Antrean panjang di kantor kecamatan. ", 40))
	d.Field("Nama", "Siti Rahayu, S.Sos., M.Si.")
	d.Table([]string{"No", "Tonggak", "Target"}, []float64{10, 110, 50}, [][]string{
		{"1", "SK tim efektif terbit", "15 Januari 2027"},
		{"2", strings.Repeat("Sosialisasi ke kelurahan ", 8), "1 Februari 2027"},
	})
	d.NewPage()
	d.Signatures([]documents.Signature{
		{Role: "Mentor", Name: "Budi Santoso", Statement: "Disetujui untuk diseminarkan", SignedAt: "8 Desember 2026", Digest: "ab12"},
		{Role: "Coach", Name: "Dewi Lestari"},
	})
	if err := d.QR("https://proper.example/v1/certificates/PKN-II/2026/001", 30); err != nil {
		t.Fatal(err)
	}
	pdf, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	text, err := pdftext.Text(pdf)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"RANCANGAN PROYEK PERUBAHAN", "Latar Belakang", "Siti Rahayu, S.Sos., M.Si.",
		"SK tim efektif terbit", "Disetujui untuk diseminarkan", "Belum ditandatangani",
		"Halaman 1 dari 2", "Halaman 2 dari 2", "proper.example/v1/certificates/PKN-II/2026/001",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF text lacks %q:\n%s", want, text)
		}
	}
	if n, _ := pdftext.PageCount(pdf); n != 2 {
		t.Errorf("pages = %d, want 2", n)
	}
}
