package documents

import "strconv"

// EvidenceIndexView is the index of a project's evidence (daftar bukti dukung) as the caller
// worded it: each item with a link that opens it in Proper (after signing in).
type EvidenceIndexView struct {
	// DocumentName is e.g. "Daftar Bukti Dukung Proyek Perubahan".
	DocumentName string
	Title        string
	Participant  string
	Cohort       string
	Milestones   []EvidenceMilestone
	Footer       string
}

// EvidenceMilestone is one milestone's evidence, by activity.
type EvidenceMilestone struct {
	Heading    string
	Activities []EvidenceActivity
}

// EvidenceActivity is one activity with its expected output and its evidence; Heading is empty
// for evidence that names no activity.
type EvidenceActivity struct {
	Heading string
	Output  string
	Items   []EvidenceItem
}

// EvidenceItem is one piece of evidence: its title, type, status and submission, and the link
// its QR code encodes.
type EvidenceItem struct {
	Title     string
	Type      string
	Status    string
	Submitted string
	Link      string
}

// EvidenceIndex writes the evidence index: per milestone and activity, each item with a QR code
// of its link. The links lead to Proper, which asks the reader to sign in.
func EvidenceIndex(v EvidenceIndexView) ([]byte, error) {
	d := New(v.DocumentName+": "+v.Title, v.Footer)
	d.Title(v.DocumentName)
	d.Centered("“" + v.Title + "”")
	d.pdf.Ln(2)
	d.Field("Peserta", v.Participant)
	d.Field("Angkatan", v.Cohort)
	d.Paragraph("Pindai kode QR untuk membuka bukti dukung di Proper; tautan hanya dapat dibuka setelah masuk dengan akun yang berhak membaca proyek ini.")
	for _, m := range v.Milestones {
		d.Heading(m.Heading)
		if len(m.Activities) == 0 {
			d.Paragraph("Belum ada bukti dukung.")
		}
		for _, a := range m.Activities {
			if a.Heading != "" {
				d.subheading("Kegiatan: " + a.Heading)
				d.Field("Keluaran", a.Output)
			} else {
				d.subheading("Bukti dukung tanpa kegiatan")
			}
			if len(a.Items) == 0 {
				d.Paragraph("Belum ada bukti dukung.")
			}
			for i, it := range a.Items {
				if err := d.evidenceItem(i+1, it); err != nil {
					return nil, err
				}
			}
		}
	}
	return d.Bytes()
}

// subheading writes a bold line smaller than a heading.
func (d *Document) subheading(s string) {
	d.pdf.Ln(1)
	d.pdf.SetFont("Helvetica", "B", 10)
	d.pdf.MultiCell(0, 5, d.translate(s), "", "L", false)
}

// evidenceItem writes one item's fields beside its QR code, starting a page when both do not fit.
func (d *Document) evidenceItem(n int, it EvidenceItem) error {
	const qrSize = 22
	_, pageHeight := d.pdf.GetPageSize()
	_, _, _, bottom := d.pdf.GetMargins()
	if d.pdf.GetY()+qrSize+10 > pageHeight-bottom {
		d.pdf.AddPage()
	}
	x, y := d.pdf.GetXY()
	d.pdf.SetXY(x+qrSize+4, y)
	d.pdf.SetLeftMargin(x + qrSize + 4)
	d.Field("No", strconv.Itoa(n))
	d.Field("Judul", it.Title)
	d.Field("Jenis", it.Type)
	d.Field("Status", it.Status)
	d.Field("Diajukan", it.Submitted)
	d.pdf.SetLeftMargin(x)
	textEnd := d.pdf.GetY()
	d.pdf.SetXY(x, y)
	if err := d.QR(it.Link, qrSize); err != nil {
		return err
	}
	if textEnd > d.pdf.GetY() {
		d.pdf.SetY(textEnd)
	}
	d.pdf.Ln(2)
	return nil
}
