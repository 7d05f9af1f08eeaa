package documents

// CertificateView is what a graduate's certificate shows, already worded.
type CertificateView struct {
	Number      string
	Institution string
	Name        string
	NIP         string
	Program     string
	Cohort      string
	// Period is the training's dates, e.g. "3 Agustus 2026 sampai 4 Desember 2026".
	Period string
	// Qualification is the kualifikasi, e.g. "Memuaskan", with "Peserta Terbaik" when named.
	Qualification     string
	IssuedOn          string
	SignatoryName     string
	SignatoryPosition string
	// VerifyURL is the public verification page the QR code links to.
	VerifyURL string
}

// Certificate writes a graduate's certificate (sertifikat): the institution, the number, the
// graduate, the training, the kualifikasi, the signatory, and a QR code of the verification page.
func Certificate(v CertificateView) ([]byte, error) {
	d := New("Sertifikat "+v.Number, v.Institution+" · Nomor "+v.Number)
	d.Centered(v.Institution)
	d.Title("SERTIFIKAT")
	d.Centered("Nomor: " + v.Number)
	d.Paragraph("Diberikan kepada:")
	d.Field("Nama", v.Name)
	d.Field("NIP", v.NIP)
	d.Paragraph("yang telah mengikuti dan dinyatakan LULUS dari:")
	d.Field("Pelatihan", v.Program)
	d.Field("Angkatan", v.Cohort)
	d.Field("Waktu", v.Period)
	d.Field("Kualifikasi", v.Qualification)
	d.Signatures([]Signature{{Role: "Penandatangan", Name: v.SignatoryName, Position: v.SignatoryPosition,
		Statement: "Diterbitkan melalui Proper", SignedAt: v.IssuedOn}})
	d.Paragraph("Keaslian sertifikat ini dapat diperiksa dengan memindai kode QR berikut:")
	if err := d.QR(v.VerifyURL, 30); err != nil {
		return nil, err
	}
	return d.Bytes()
}
