package documents

import (
	"strings"

	"github.com/proper-id/proper/domain"
)

// ReportSheets writes the pages to bind with an uploaded final report: the
// cover, the lembar persetujuan and the lembar pengesahan with the mentor's
// and coach's signatures (name, position, time and the hash of the version
// each signed), and the participant's pernyataan keaslian.
func ReportSheets(v domain.ReportSheets) ([]byte, error) {
	d := New(v.ReportName+" — "+v.Title, v.Institution+" · "+v.Cohort)
	d.Title(strings.ToUpper(v.ReportName))
	d.Centered("“" + v.Title + "”")
	d.Paragraph("")
	d.Centered("Disusun oleh")
	d.Centered(v.Participant)
	if v.NIP != "" {
		d.Centered("NIP " + v.NIP)
	}
	d.Paragraph("")
	d.Centered(v.Cohort)
	d.Centered(v.Institution)
	d.Centered(v.Year)
	d.Paragraph("")
	d.Field("Dokumen", v.Version)
	if len(v.Outcomes) > 0 {
		d.Heading("Capaian Indikator Keberhasilan")
		d.Table([]string{"Indikator", "Kondisi awal", "Target", "Capaian"}, []float64{70, 33, 33, 34}, v.Outcomes)
	}

	for _, sheet := range []domain.SheetText{v.Approval, v.Ratification} {
		d.NewPage()
		d.Title(sheet.Heading)
		d.Paragraph(sheet.Declares)
		sigs := make([]Signature, len(sheet.Signatures))
		for i, s := range sheet.Signatures {
			sigs[i] = Signature{Role: s.Role, Name: s.Name, Position: s.Position, Statement: s.Statement, SignedAt: s.SignedAt, Digest: s.Digest}
		}
		d.Signatures(sigs)
	}

	d.NewPage()
	d.Title(v.Statement.Heading)
	d.Paragraph(v.Statement.Body)
	d.Signatures([]Signature{{Role: "Peserta", Name: v.Statement.Name, Statement: "Menyatakan keaslian", SignedAt: v.Statement.SignedAt}})
	return d.Bytes()
}
