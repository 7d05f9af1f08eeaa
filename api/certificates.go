package api

import (
	"context"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/proper-id/proper/documents"
	"github.com/proper-id/proper/domain"
)

// CertificateVerification is what a certificate shows, and whether it is
// valid or revoked: the answer of the public verification.
type CertificateVerification struct {
	Number            string      `json:"number" doc:"The certificate's number." example:"PKN-II/2026/0001"`
	Status            string      `json:"status" enum:"valid,revoked" doc:"valid, or revoked by the institution." example:"valid"`
	Name              string      `json:"name" doc:"The graduate's name." example:"Dr. Budi Santoso"`
	NIP               string      `json:"nip,omitempty" doc:"Their NIP." example:"198001152005011002"`
	Program           string      `json:"program" enum:"pkn1,pkn2,pka,pkp" doc:"The program." example:"pkn2"`
	ProgramName       string      `json:"programName" doc:"The program's name." example:"Pelatihan Kepemimpinan Nasional Tingkat II"`
	Cohort            string      `json:"cohort" doc:"The cohort (angkatan)." example:"PKN II Angkatan XII"`
	Institution       string      `json:"institution" doc:"The training institution." example:"Lembaga Administrasi Negara"`
	StartsOn          domain.Date `json:"startsOn" format:"date" doc:"The training's first day."`
	EndsOn            domain.Date `json:"endsOn" format:"date" doc:"Its last day."`
	Predicate         string      `json:"predicate" enum:"sangat_memuaskan,memuaskan,cukup_memuaskan,kurang_memuaskan" doc:"The kualifikasi." example:"memuaskan"`
	Best              bool        `json:"best,omitempty" doc:"Named peserta terbaik."`
	SignatoryName     string      `json:"signatoryName" doc:"Who signed it." example:"Dr. Muhammad Taufiq, DEA"`
	SignatoryPosition string      `json:"signatoryPosition" doc:"Their position." example:"Deputi Bidang Penyelenggaraan Pengembangan Kompetensi"`
	IssuedAt          time.Time   `json:"issuedAt" doc:"When it was issued (the graduation's release)."`
	RevokedAt         *time.Time  `json:"revokedAt,omitempty" doc:"When it was revoked."`
}

func newCertificateVerification(c domain.Certificate) CertificateVerification {
	return CertificateVerification{Number: c.Number, Status: string(c.Status()), Name: c.Name, NIP: string(c.NIP), Program: string(c.Program),
		ProgramName: domain.ProgramTitle(c.Program), Cohort: c.CohortName, Institution: c.Institution, StartsOn: c.StartsOn, EndsOn: c.EndsOn,
		Predicate: string(c.Predicate), Best: c.Best, SignatoryName: c.SignatoryName, SignatoryPosition: c.SignatoryPosition,
		IssuedAt: c.IssuedAt, RevokedAt: c.RevokedAt}
}

type certificateOutput struct {
	Body CertificateVerification
}

func certificateAnswer(c domain.Certificate, err error) (*certificateOutput, error) {
	if err != nil {
		return nil, err
	}
	return &certificateOutput{Body: newCertificateVerification(c)}, nil
}

// CertificateRevocation is why an organizer revokes a certificate.
type CertificateRevocation struct {
	Reason string `json:"reason" minLength:"1" maxLength:"200" doc:"Why it is revoked (kept in the audit trail)." example:"Peserta terbukti melakukan plagiasi"`
}

// certificatePDF is a certificate as a PDF file.
type certificatePDF struct {
	ContentType        string `header:"Content-Type"`
	ContentDisposition string `header:"Content-Disposition"`
	Body               []byte
}

// certificateView words a certificate for its PDF.
func certificateView(s *Services, c domain.Certificate) documents.CertificateView {
	qualification := c.Predicate.Label()
	if c.Best {
		qualification += " (Peserta Terbaik)"
	}
	return documents.CertificateView{Number: c.Number, Institution: c.Institution, Name: c.Name, NIP: string(c.NIP),
		Program: domain.ProgramTitle(c.Program), Cohort: c.CohortName, Period: c.StartsOn.Indonesian() + " sampai " + c.EndsOn.Indonesian(),
		Qualification: qualification, IssuedOn: domain.DateOf(c.IssuedAt).Indonesian(), SignatoryName: c.SignatoryName,
		SignatoryPosition: c.SignatoryPosition, VerifyURL: s.Cohorts.CertificateVerificationURL(c.Number)}
}

func registerCertificates(api huma.API, s *Services) {
	huma.Register(api, huma.Operation{
		OperationID: "verify-certificate", Method: http.MethodGet, Path: "/certificates/{number}",
		Summary: "Verify a certificate", Tags: []string{"graduation"},
		Description: "Public: no sign-in. The page a certificate's QR code opens: what the certificate shows (number, name, NIP, program, cohort, institution, dates, kualifikasi, signatory) and whether it is valid or revoked. A slash in the number is escaped (%2F). An unknown number answers 404.",
		Errors:      []int{http.StatusNotFound},
	}, func(ctx context.Context, in *struct {
		Number string `path:"number" maxLength:"100" doc:"The certificate's number." example:"PKN-II/2026/0001"`
	}) (*certificateOutput, error) {
		return certificateAnswer(s.Cohorts.VerifyCertificate(ctx, in.Number))
	})

	huma.Register(api, huma.Operation{
		OperationID: "download-certificate", Method: http.MethodGet, Path: "/enrollments/{enrollmentId}/certificate.pdf",
		Summary: "Download a graduate's certificate", Tags: []string{"graduation"}, Security: signedIn,
		Description: "The graduate's certificate as a PDF, with a QR code of its verification page; a revoked one is still given, and verify-certificate tells it revoked. The graduate and the cohort's organizers may download it; 404 before the graduation's release or for a participant who did not graduate.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound},
		Responses: map[string]*huma.Response{"200": {Description: "The certificate as PDF.",
			Content: map[string]*huma.MediaType{"application/pdf": {Schema: &huma.Schema{Type: "string", Format: "binary"}}}}},
	}, func(ctx context.Context, in *EnrollmentPath) (*certificatePDF, error) {
		c, err := s.Cohorts.CertificateOf(ctx, actorOf(ctx), in.EnrollmentID)
		if err != nil {
			return nil, err
		}
		pdf, err := documents.Certificate(certificateView(s, c))
		if err != nil {
			return nil, err
		}
		name := "sertifikat-" + strings.NewReplacer("/", "-", " ", "-").Replace(c.Number) + ".pdf"
		return &certificatePDF{ContentType: "application/pdf", Body: pdf,
			ContentDisposition: mime.FormatMediaType("attachment", map[string]string{"filename": name})}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "revoke-certificate", Method: http.MethodPost, Path: "/enrollments/{enrollmentId}/certificate/revocation",
		Summary: "Revoke a graduate's certificate", Tags: []string{"graduation"}, Security: signedIn,
		Description: "Revokes the certificate with a reason (kept in the audit trail): verify-certificate tells it revoked from now on. Once only (409 certificate.revoked). The cohort's organizers may do this.",
		Errors:      []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		EnrollmentPath
		Body CertificateRevocation
	}) (*certificateOutput, error) {
		return certificateAnswer(s.Cohorts.RevokeCertificateOf(ctx, actorOf(ctx), in.EnrollmentID, in.Body.Reason))
	})
}
