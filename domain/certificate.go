package domain

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// CertificateStatus says whether a certificate still stands.
type CertificateStatus string

// The statuses of a certificate.
const (
	CertificateValid   CertificateStatus = "valid"
	CertificateRevoked CertificateStatus = "revoked"
)

// Certificate is a graduate's certificate (sertifikat/STTPP), issued when the
// cohort's graduation is released. It keeps what it shows, so that the
// public verification shows exactly that, and whether it was revoked.
type Certificate struct {
	// Number is the cohort's number format filled in; Series is the number
	// without its sequence, and Seq counts within the series.
	Number        string
	Series        string
	Seq           int
	CohortID      uuid.UUID
	EnrollmentID  uuid.UUID
	ParticipantID uuid.UUID
	Name          string
	NIP           NIP
	Program       Program
	CohortName    string
	Institution   string
	StartsOn      Date
	EndsOn        Date
	Predicate     Predicate
	Total         float64
	Best          bool
	// SignatoryName and SignatoryPosition sign it (the cohort's settings).
	SignatoryName     string
	SignatoryPosition string
	IssuedAt          time.Time
	RevokedAt         *time.Time
	RevokedBy         *uuid.UUID
	RevokedReason     string
	Version           int64
}

// Status says whether the certificate is valid or revoked.
func (c Certificate) Status() CertificateStatus {
	if c.RevokedAt != nil {
		return CertificateRevoked
	}
	return CertificateValid
}

// ProgramTitle is a program's name as a certificate writes it.
func ProgramTitle(p Program) string {
	return map[Program]string{
		ProgramPKN1: "Pelatihan Kepemimpinan Nasional Tingkat I",
		ProgramPKN2: "Pelatihan Kepemimpinan Nasional Tingkat II",
		ProgramPKA:  "Pelatihan Kepemimpinan Administrator",
		ProgramPKP:  "Pelatihan Kepemimpinan Pengawas",
	}[p]
}

// programCode is a program's short name in certificate numbers.
func programCode(p Program) string {
	return map[Program]string{ProgramPKN1: "PKN-I", ProgramPKN2: "PKN-II", ProgramPKA: "PKA", ProgramPKP: "PKP"}[p]
}

// seqPlaceholder is the sequence's placeholder of a number format.
var seqPlaceholder = regexp.MustCompile(`\{seq(?::0([1-9]))?\}`)

// CertificateSeries fills a number format in for a cohort and a year,
// except for the sequence: the certificates of one series are numbered 1,
// 2, … (CertificateNumber).
func CertificateSeries(format string, c Cohort, year int) string {
	return strings.NewReplacer("{program}", programCode(c.Program), "{year}", strconv.Itoa(year), "{cohort}", c.Code).Replace(format)
}

// CertificateNumber fills the sequence of a series in, padded with zeros
// to the digits the format asks ({seq:04} → 0007).
func CertificateNumber(series string, seq int) string {
	return seqPlaceholder.ReplaceAllStringFunc(series, func(m string) string {
		digits := seqPlaceholder.FindStringSubmatch(m)[1]
		if digits == "" {
			return strconv.Itoa(seq)
		}
		return fmt.Sprintf("%0*d", int(digits[0]-'0'), seq)
	})
}

// issueCertificates issues the certificates of a released graduation's
// graduates, numbered in the order of their rank.
func (s *Cohorts) issueCertificates(ctx context.Context, tx Store, actor *Actor, g Graduation, now time.Time) error {
	c, err := tx.Cohorts().Get(ctx, g.CohortID)
	if err != nil {
		return err
	}
	in, err := tx.Institutions().Get(ctx, c.InstitutionID)
	if err != nil {
		return err
	}
	series := CertificateSeries(g.Settings.NumberFormat, c, DateOf(now).Time().Year())
	var events []Event
	for _, st := range g.Standings {
		if st.Outcome != GraduationPassed {
			continue
		}
		seq, err := tx.Graduations().NextSeq(ctx, series)
		if err != nil {
			return err
		}
		cert := Certificate{Number: CertificateNumber(series, seq), Series: series, Seq: seq, CohortID: c.ID, EnrollmentID: st.EnrollmentID,
			ParticipantID: st.ParticipantID, Name: st.Name, NIP: st.NIP, Program: c.Program, CohortName: c.Name, Institution: in.Name,
			StartsOn: c.StartsOn, EndsOn: c.EndsOn, Predicate: st.Predicate, Total: st.Total, Best: st.Best,
			SignatoryName: g.Settings.SignatoryName, SignatoryPosition: g.Settings.SignatoryPosition, IssuedAt: now, Version: 1}
		if err := tx.Graduations().CreateCertificate(ctx, cert); err != nil {
			return err
		}
		events = append(events, certificateEvent(actor, now, cert, "certificate.issued"))
	}
	return tx.Events().Append(ctx, events...)
}

// certificateEvent is an audit event about a certificate.
func certificateEvent(actor *Actor, now time.Time, cert Certificate, action string) Event {
	e := event(actor, now, action, "certificate", cert.EnrollmentID)
	cohort := cert.CohortID
	e.CohortID, e.After = &cohort, cert
	return e
}

// VerifyCertificate returns the certificate of a number, for anyone
// (signed in or not): what it shows and whether it is valid or revoked.
// An unknown number is KindNotFound.
func (s *Cohorts) VerifyCertificate(ctx context.Context, number string) (Certificate, error) {
	return s.store.Graduations().Certificate(ctx, number)
}

// CertificateOf returns an enrollment's certificate to the graduate and
// the cohort's organizers; KindNotFound when none was issued.
func (s *Cohorts) CertificateOf(ctx context.Context, actor *Actor, enrollment uuid.UUID) (Certificate, error) {
	e, err := s.store.Enrollments().Get(ctx, enrollment)
	if err != nil {
		return Certificate{}, err
	}
	parties := e.Parties()
	if err := Authorize(actor, DownloadCertificate, Target{CohortID: e.CohortID, Enrollment: &parties}); err != nil {
		return Certificate{}, err
	}
	return s.store.Graduations().CertificateOf(ctx, enrollment)
}

// RevokeCertificateOf revokes an enrollment's certificate with a reason, for
// the cohort's organizers; the verification shows it revoked from then on.
func (s *Cohorts) RevokeCertificateOf(ctx context.Context, actor *Actor, enrollment uuid.UUID, reason string) (Certificate, error) {
	e, err := s.store.Enrollments().Get(ctx, enrollment)
	if err != nil {
		return Certificate{}, err
	}
	parties := e.Parties()
	if err := Authorize(actor, RevokeCertificate, Target{CohortID: e.CohortID, Enrollment: &parties}); err != nil {
		return Certificate{}, err
	}
	var v Violations
	reason = text(&v, "reason", reason, true)
	if err := v.Err(); err != nil {
		return Certificate{}, err
	}
	now := s.now()
	var cert Certificate
	err = s.store.WithinTx(ctx, func(tx Store) error {
		if cert, err = tx.Graduations().CertificateOf(ctx, enrollment); err != nil {
			return err
		}
		if cert.RevokedAt != nil {
			return Conflict(CodeCertificateRevoked)
		}
		by := actor.UserID
		cert.RevokedAt, cert.RevokedBy, cert.RevokedReason = &now, &by, reason
		cert.Version++
		if err := tx.Graduations().UpdateCertificate(ctx, cert); err != nil {
			return err
		}
		return tx.Events().Append(ctx, certificateEvent(actor, now, cert, "certificate.revoked"))
	})
	return cert, err
}

// CertificateVerificationURL is the public address that verifies a
// certificate number (the API's GET /v1/certificates/{number}) under the
// public URL; relative when none is set.
func (s *Cohorts) CertificateVerificationURL(number string) string {
	return strings.TrimRight(s.Mail.PublicURL, "/") + "/v1/certificates/" + url.PathEscape(number)
}
