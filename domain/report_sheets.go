package domain

import (
	"context"
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/google/uuid"
)

// ReportSheets are the pages Proper prints to bind with the uploaded
// report, decided and worded here (in Indonesian, with the cohort's terms)
// for package documents to lay out: the cover, the lembar persetujuan, the
// lembar pengesahan and the pernyataan keaslian.
type ReportSheets struct {
	// FileName is the name to offer the PDF under.
	FileName string
	// ReportName is the cohort's name of the report ("Laporan Proyek
	// Perubahan"), Title the project's.
	ReportName, Title string
	Participant       string
	NIP               string
	Cohort            string
	Institution       string
	Year              string
	// Version says which report version the sheets go with: its number and
	// SHA-256.
	Version string
	// Approval and Ratification are the two sheets; Statement the
	// pernyataan keaslian (Signed false until the participant signs).
	Approval, Ratification SheetText
	Statement              StatementText
	// Outcomes are the rows of the summary of outcomes: indicator, baseline,
	// target, achieved (with the unit), in the design's order.
	Outcomes [][]string
}

// SheetText is one endorsement sheet: its heading, what it declares, and
// one signature per required endorser (unsigned ones left empty).
type SheetText struct {
	Heading    string
	Declares   string
	Signatures []SignatureText
}

// SignatureText is one signature block of a sheet.
type SignatureText struct {
	Role, Name, Position, Statement, SignedAt, Digest string
}

// StatementText is the pernyataan keaslian in words.
type StatementText struct {
	Heading, Body, Name, SignedAt string
	Signed                        bool
}

// ReportSheetsOf returns the sheets of a project's report for those who
// may see the project.
func (s *Projects) ReportSheetsOf(ctx context.Context, actor *Actor, projectID uuid.UUID) (ReportSheets, error) {
	p, err := s.loadProject(ctx, s.store, actor, projectID, ReadProject, false)
	if err != nil {
		return ReportSheets{}, err
	}
	r, err := s.loadReport(ctx, s.store, p)
	if err != nil {
		return ReportSheets{}, err
	}
	cohort, err := s.store.Cohorts().Get(ctx, p.CohortID)
	if err != nil {
		return ReportSheets{}, err
	}
	institution, err := s.store.Institutions().Get(ctx, cohort.InstitutionID)
	if err != nil {
		return ReportSheets{}, err
	}
	participant, err := s.store.Users().Get(ctx, p.Parties.ParticipantID)
	if err != nil {
		return ReportSheets{}, err
	}
	names := map[Role]User{}
	for role, id := range map[Role]*uuid.UUID{RoleMentor: &p.Parties.MentorID, RoleCoach: p.Parties.CoachID} {
		if id == nil {
			continue
		}
		if names[role], err = s.store.Users().Get(ctx, *id); err != nil {
			return ReportSheets{}, err
		}
	}
	return reportSheets(r, p, cohort, institution.Name, participant, names), nil
}

// reportSheets words the sheets of r.
func reportSheets(r Report, p Project, cohort Cohort, institution string, participant User, people map[Role]User) ReportSheets {
	terms := cohort.Terms
	if terms.Report == "" {
		terms = TermsProyek
	}
	out := ReportSheets{FileName: "lembar-laporan-akhir.pdf", ReportName: terms.Report, Title: p.Title, Participant: participant.Name,
		NIP: string(participant.NIP), Cohort: cohort.Name, Institution: institution, Year: strconv.Itoa(cohort.StartsOn.Time().Year()),
		Version: "Belum ada laporan yang diunggah"}
	if current := r.Current(ReportFileReport); current != nil {
		out.Version = fmt.Sprintf("Versi laporan %d, SHA-256 %s", current.Number, hex.EncodeToString(current.File.SHA256))
	}
	seminar := "pada seminar akhir (belum dijadwalkan)"
	if r.Seminar != nil {
		seminar = fmt.Sprintf("pada seminar akhir tanggal %s di %s", r.Seminar.HeldOn.Indonesian(), r.Seminar.Place)
	}
	out.Approval = SheetText{Heading: "LEMBAR PERSETUJUAN",
		Declares: fmt.Sprintf("%s “%s” oleh %s disetujui untuk diseminarkan %s.", terms.Report, p.Title, participant.Name, seminar)}
	out.Ratification = SheetText{Heading: "LEMBAR PENGESAHAN",
		Declares: fmt.Sprintf("%s “%s” oleh %s telah diseminarkan dan diperbaiki sesuai masukan penguji. Dengan ini kami mengesahkan laporan tersebut.", terms.Report, p.Title, participant.Name)}
	for _, sheet := range []struct {
		step      ReportStep
		text      *SheetText
		statement string
	}{{ReportApproval, &out.Approval, "Disetujui untuk diseminarkan"}, {ReportRatification, &out.Ratification, "Mengesahkan"}} {
		endorsed := r.Endorsed(sheet.step)
		for _, role := range requiredEndorsers(p.Parties) {
			sig := SignatureText{Role: roleTitle(role), Name: people[role].Name, Position: people[role].Position, Statement: sheet.statement}
			for _, e := range endorsed {
				if e.Role == role {
					sig.Name, sig.Position, sig.SignedAt = e.Name, e.Position, IndonesianDateTime(e.At)
					sig.Digest = fmt.Sprintf("versi %d, SHA-256 %s", e.FileNumber, hex.EncodeToString(e.SHA256))
				}
			}
			sheet.text.Signatures = append(sheet.text.Signatures, sig)
		}
	}
	for _, ind := range p.SuccessIndicators {
		achieved := "belum dinyatakan"
		for _, o := range r.Outcomes {
			if o.IndicatorID == ind.ID {
				achieved = withUnit(o.Achieved, ind.Unit)
			}
		}
		out.Outcomes = append(out.Outcomes, []string{ind.Name, withUnit(ind.Baseline, ind.Unit), withUnit(ind.Target, ind.Unit), achieved})
	}
	out.Statement = StatementText{Heading: "PERNYATAAN KEASLIAN", Name: participant.Name,
		Body: fmt.Sprintf("Saya yang bertanda tangan di bawah ini, %s, menyatakan bahwa %s “%s” adalah hasil karya saya sendiri.", participant.Name, terms.Report, p.Title)}
	if s := r.Statement; s != nil {
		out.Statement.Signed, out.Statement.Name, out.Statement.SignedAt = true, s.Name, IndonesianDateTime(s.SignedAt)
		if s.ReplicatedInnovation != "" {
			out.Statement.Body += fmt.Sprintf(" Inovasi ini mereplikasi “%s”; sumbernya saya sebutkan dalam laporan.", s.ReplicatedInnovation)
		} else {
			out.Statement.Body += " Inovasi ini bukan replikasi inovasi pihak lain."
		}
	}
	return out
}

// withUnit writes a value with its unit, if any.
func withUnit(value, unit string) string {
	if unit == "" {
		return value
	}
	return value + " " + unit
}

// roleTitle is a role as a sheet names it.
func roleTitle(r Role) string {
	if r == RoleMentor {
		return "Mentor"
	}
	return "Coach"
}
