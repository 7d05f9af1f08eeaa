package documents

import "strings"

// DesignView is a Rancangan Proyek Perubahan (Rancangan Aksi Perubahan for
// PKA and PKP) as the caller worded it: every value is ready to print.
type DesignView struct {
	// DocumentName is the cohort's name of the design document, e.g.
	// "Rancangan Proyek Perubahan" or "Rancangan Aksi Perubahan".
	DocumentName string
	// Product is the cohort's product in title case, e.g. "Proyek Perubahan".
	Product     string
	Title       string
	Participant string
	NIP         string
	Position    string
	Agency      string
	Cohort      string
	Institution string
	// Status says where the design stands, e.g. "Rancangan disetujui".
	Status string
	// PlanVersion names the approved plan's version, e.g. "Versi 2, disetujui 3 Maret 2027"; empty before approval.
	PlanVersion string
	// Endorsements are the mentor's and the coach's approvals for the lembar persetujuan.
	Endorsements []Signature
	// Texts are the design's written sections in order (Latar Belakang, Rumusan Masalah, …).
	Texts []TextSection
	// Indicators are rows of name, baseline, target and unit.
	Indicators [][]string
	// Team is the tim efektif: rows of role and name, the sponsor, mentor and project leader first.
	Team [][]string
	// Risks are rows of risk and mitigation.
	Risks [][]string
	// Resources are rows of resource, source and amount (already written in rupiah).
	Resources [][]string
	// ResourcesTotal is the sum of the amounts, written in rupiah.
	ResourcesTotal     string
	StrategicAlignment string
	// Horizons are the milestone tables by horizon: short, mid, long.
	Horizons []MilestoneTable
	// Stakeholders are rows of name, kind, power and interest.
	Stakeholders [][]string
	// Footer is printed at the foot of every page.
	Footer string
}

// TextSection is a heading and its text.
type TextSection struct {
	Heading string
	Body    string
}

// MilestoneTable is the milestones of one horizon: rows of number, milestone (with its
// activities and their outputs), due date and status.
type MilestoneTable struct {
	Heading string
	Rows    [][]string
}

// Design writes the Rancangan: a cover, the lembar persetujuan with the mentor's and the coach's
// endorsements, every section of the design, the milestone table by horizon and the stakeholder
// map as a table.
func Design(v DesignView) ([]byte, error) {
	d := New(v.DocumentName+": "+v.Title, v.Footer)
	// Cover.
	d.pdf.Ln(30)
	d.Title(strings.ToUpper(v.DocumentName))
	d.pdf.Ln(6)
	d.Title(v.Title)
	d.pdf.Ln(20)
	d.Centered("Disusun oleh")
	d.Centered(v.Participant)
	if v.NIP != "" {
		d.Centered("NIP " + v.NIP)
	}
	d.Centered(v.Position)
	d.Centered(v.Agency)
	d.pdf.Ln(20)
	d.Centered(v.Cohort)
	d.Centered(v.Institution)

	// Lembar persetujuan.
	d.NewPage()
	d.Title("LEMBAR PERSETUJUAN")
	d.Centered(v.DocumentName)
	d.Centered("“" + v.Title + "”")
	d.pdf.Ln(4)
	d.Field("Nama peserta", v.Participant)
	d.Field("NIP", v.NIP)
	d.Field("Jabatan", v.Position)
	d.Field("Instansi", v.Agency)
	d.Field("Angkatan", v.Cohort)
	d.Field("Status", v.Status)
	d.Field("Versi rencana", v.PlanVersion)
	d.Paragraph("")
	d.Paragraph(v.DocumentName + " ini telah ditelaah dan disetujui oleh:")
	d.Signatures(v.Endorsements)

	// The design's sections.
	d.NewPage()
	d.Title(strings.ToUpper(v.DocumentName))
	for _, s := range v.Texts {
		d.Heading(s.Heading)
		d.Paragraph(s.Body)
	}
	d.Heading("Indikator Keberhasilan")
	d.table([]string{"Indikator", "Kondisi awal", "Target", "Satuan"}, []float64{70, 40, 40, 20}, v.Indicators)
	d.Heading("Tim Efektif dan Tata Kelola")
	d.table([]string{"Peran", "Nama"}, []float64{60, 110}, v.Team)
	d.Heading("Risiko dan Mitigasi")
	d.table([]string{"Risiko", "Mitigasi"}, []float64{85, 85}, v.Risks)
	d.Heading("Sumber Daya dan Anggaran")
	d.table([]string{"Sumber daya", "Sumber", "Jumlah"}, []float64{75, 55, 40}, v.Resources)
	if v.ResourcesTotal != "" {
		d.Field("Jumlah anggaran", v.ResourcesTotal)
	}
	d.Heading("Keselarasan Strategis")
	d.Paragraph(v.StrategicAlignment)
	d.Heading("Tahapan " + v.Product)
	for _, h := range v.Horizons {
		d.Heading(h.Heading)
		d.table([]string{"No", "Tahapan dan kegiatan", "Tenggat", "Status"}, []float64{10, 105, 30, 25}, h.Rows)
	}
	d.Heading("Pemetaan Pemangku Kepentingan")
	d.table([]string{"Pemangku kepentingan", "Internal/eksternal", "Pengaruh", "Kepentingan"}, []float64{80, 35, 25, 30}, v.Stakeholders)
	return d.Bytes()
}

// table writes a table, or a dash when it has no rows, so that an empty section still shows.
func (d *Document) table(header []string, widths []float64, rows [][]string) {
	if len(rows) == 0 {
		d.Paragraph("")
		return
	}
	d.Table(header, widths, rows)
}
