package documents

import (
	"bytes"
	"fmt"

	"codeberg.org/go-pdf/fpdf"
	qrcode "github.com/skip2/go-qrcode"
)

// Document is one A4 portrait PDF being written, in Helvetica, with "Halaman n dari m" at the
// foot of each page. Its methods add blocks top to bottom; Bytes finishes it.
type Document struct {
	pdf       *fpdf.Fpdf
	translate func(string) string
	images    int
}

// New starts a document whose properties carry title and whose every page footer carries footer
// (for example the institution and the certificate number); footer may be empty.
func New(title, footer string) *Document {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetMargins(20, 20, 20)
	p.SetAutoPageBreak(true, 20)
	p.SetCompression(true)
	d := &Document{pdf: p, translate: p.UnicodeTranslatorFromDescriptor("")}
	p.SetTitle(title, true)
	p.SetCreator("Proper", true)
	p.AliasNbPages("{nb}")
	p.SetFooterFunc(func() {
		p.SetY(-15)
		p.SetFont("Helvetica", "", 8)
		p.SetTextColor(90, 90, 90)
		p.CellFormat(0, 5, d.translate(footer), "", 0, "L", false, 0, "")
		p.CellFormat(0, 5, fmt.Sprintf("Halaman %d dari {nb}", p.PageNo()), "", 0, "R", false, 0, "")
		p.SetTextColor(0, 0, 0)
	})
	p.AddPage()
	return d
}

// NewPage starts the next page.
func (d *Document) NewPage() { d.pdf.AddPage() }

// Title writes a large centred line, as on a cover or a certificate.
func (d *Document) Title(s string) {
	d.pdf.SetFont("Helvetica", "B", 16)
	d.pdf.MultiCell(0, 8, d.translate(s), "", "C", false)
	d.pdf.Ln(2)
}

// Centered writes a normal-sized centred paragraph.
func (d *Document) Centered(s string) {
	d.pdf.SetFont("Helvetica", "", 11)
	d.pdf.MultiCell(0, 6, d.translate(s), "", "C", false)
}

// Heading writes a section heading.
func (d *Document) Heading(s string) {
	d.pdf.Ln(3)
	d.pdf.SetFont("Helvetica", "B", 12)
	d.pdf.MultiCell(0, 7, d.translate(s), "", "L", false)
	d.pdf.Ln(1)
}

// Paragraph writes wrapped body text; an empty s writes a dash so that a missing part shows.
func (d *Document) Paragraph(s string) {
	if s == "" {
		s = "-"
	}
	d.pdf.SetFont("Helvetica", "", 10)
	d.pdf.MultiCell(0, 5, d.translate(s), "", "L", false)
	d.pdf.Ln(1)
}

// Field writes one "label : value" line, the value wrapping under itself.
func (d *Document) Field(label, value string) {
	if value == "" {
		value = "-"
	}
	const labelWidth = 50
	d.pdf.SetFont("Helvetica", "", 10)
	d.pdf.CellFormat(labelWidth, 5, d.translate(label), "", 0, "L", false, 0, "")
	d.pdf.CellFormat(4, 5, ":", "", 0, "L", false, 0, "")
	d.pdf.MultiCell(0, 5, d.translate(value), "", "L", false)
}

// Table writes a bordered table. widths are in millimetres, one per column (the page body is
// 170 mm wide); a row taller than one line grows to fit its longest cell.
func (d *Document) Table(header []string, widths []float64, rows [][]string) {
	const lineHeight = 5
	d.pdf.SetFont("Helvetica", "B", 9)
	d.row(header, widths, lineHeight, true)
	d.pdf.SetFont("Helvetica", "", 9)
	for _, r := range rows {
		d.row(r, widths, lineHeight, false)
	}
	d.pdf.Ln(2)
}

func (d *Document) row(cells []string, widths []float64, lineHeight float64, fill bool) {
	lines := 1
	for i, c := range cells {
		if n := len(d.pdf.SplitText(d.translate(c), widths[i]-2)); n > lines {
			lines = n
		}
	}
	height := float64(lines) * lineHeight
	_, pageHeight := d.pdf.GetPageSize()
	_, _, _, bottom := d.pdf.GetMargins()
	if d.pdf.GetY()+height > pageHeight-bottom {
		d.pdf.AddPage()
	}
	x, y := d.pdf.GetXY()
	if fill {
		d.pdf.SetFillColor(230, 230, 230)
	}
	for i, c := range cells {
		d.pdf.Rect(x, y, widths[i], height, map[bool]string{true: "FD", false: "D"}[fill])
		d.pdf.SetXY(x+1, y)
		d.pdf.MultiCell(widths[i]-2, lineHeight, d.translate(c), "", "L", false)
		x += widths[i]
	}
	d.pdf.SetXY(d.leftMargin(), y+height)
}

func (d *Document) leftMargin() float64 {
	left, _, _, _ := d.pdf.GetMargins()
	return left
}

// Signature is one signed line on an endorsement sheet: who, in what capacity, what they
// declared and when, with an optional fingerprint of what they signed.
type Signature struct {
	Role      string // e.g. "Mentor", "Coach", "Peserta"
	Name      string
	Position  string // jabatan
	Statement string // e.g. "Disetujui untuk diseminarkan"
	SignedAt  string // already formatted, e.g. "8 Desember 2026 10.15 WIB"; empty when not yet signed
	Digest    string // e.g. the SHA-256 of the report version signed; may be empty
}

// Signatures writes one block per signature, side by side in pairs; an unsigned one shows
// "Belum ditandatangani".
func (d *Document) Signatures(sigs []Signature) {
	const width = 85
	d.pdf.Ln(4)
	for i := 0; i < len(sigs); i += 2 {
		y := d.pdf.GetY()
		maxY := y
		for j := i; j < i+2 && j < len(sigs); j++ {
			x := d.leftMargin() + float64(j-i)*width
			d.pdf.SetXY(x, y)
			endY := d.signature(sigs[j], x, width-4)
			if endY > maxY {
				maxY = endY
			}
		}
		d.pdf.SetXY(d.leftMargin(), maxY+4)
	}
}

func (d *Document) signature(s Signature, x, width float64) float64 {
	line := func(style string, size float64, text string) {
		d.pdf.SetX(x)
		d.pdf.SetFont("Helvetica", style, size)
		d.pdf.MultiCell(width, 5, d.translate(text), "", "L", false)
	}
	line("B", 10, s.Role)
	if s.Statement != "" {
		line("I", 9, s.Statement)
	}
	if s.SignedAt == "" {
		line("", 9, "Belum ditandatangani")
	} else {
		line("", 9, "Ditandatangani di Proper pada "+s.SignedAt)
	}
	line("B", 10, s.Name)
	if s.Position != "" {
		line("", 9, s.Position)
	}
	if s.Digest != "" {
		line("", 7, "Sidik dokumen: "+s.Digest)
	}
	return d.pdf.GetY()
}

// QR draws a QR code of url, size millimetres square, at the current position, with the url
// written under it so that it can be typed when it cannot be scanned.
func (d *Document) QR(url string, size float64) error {
	png, err := qrcode.Encode(url, qrcode.Medium, 512)
	if err != nil {
		return fmt.Errorf("qr code for %s: %w", url, err)
	}
	d.images++
	name := fmt.Sprintf("qr%d", d.images)
	d.pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(png))
	x, y := d.pdf.GetXY()
	d.pdf.ImageOptions(name, x, y, size, size, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	d.pdf.SetXY(x, y+size+1)
	d.pdf.SetFont("Helvetica", "", 7)
	d.pdf.MultiCell(0, 4, d.translate(url), "", "L", false)
	return nil
}

// Bytes finishes the document and returns the PDF.
func (d *Document) Bytes() ([]byte, error) {
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("write pdf: %w", err)
	}
	return buf.Bytes(), nil
}
