package api

import (
	"context"
	"fmt"
	"mime"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/proper-id/proper/documents"
	"github.com/proper-id/proper/domain"
)

// pdfMediaType is the media type of the documents Proper writes.
const pdfMediaType = "application/pdf"

// pdfResponse answers pdf as an attachment named filename.
func pdfResponse(pdf []byte, filename string) *huma.StreamResponse {
	return &huma.StreamResponse{Body: func(hctx huma.Context) {
		hctx.SetHeader("Content-Type", pdfMediaType)
		hctx.SetHeader("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": filename}))
		hctx.SetHeader("Cache-Control", "private, no-store")
		hctx.BodyWriter().Write(pdf)
	}}
}

// rupiah writes an amount as Indonesian documents do: "Rp25.000.000".
func rupiah(amount int64) string {
	digits := fmt.Sprint(amount)
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return "Rp" + b.String()
}

// designFooter is the foot of every page of a design's documents.
func designFooter(d domain.DesignDossier) string {
	return strings.TrimSpace(d.Project.Title + " · " + d.Participant.Name)
}

// designView words a dossier as the Rancangan: the cohort's terms (Aksi
// Perubahan for PKA and PKP), the endorsements, every section.
func designView(d domain.DesignDossier) documents.DesignView {
	p, terms := d.Project, d.Cohort.Terms
	v := documents.DesignView{DocumentName: terms.Design, Product: terms.Product, Title: p.Title, Participant: d.Participant.Name,
		NIP: string(d.Participant.NIP), Position: d.Participant.Position, Cohort: d.Cohort.Name, Institution: d.Institution,
		Status: p.Status.Label(), StrategicAlignment: p.StrategicAlignment, Footer: designFooter(d)}
	if p.PlanApprovedAt != nil {
		v.PlanVersion = fmt.Sprintf("Versi %d, disetujui %s", p.PlanVersion, domain.DateOf(*p.PlanApprovedAt).Indonesian())
	}
	roles := map[domain.Role]string{domain.RoleMentor: "Mentor", domain.RoleCoach: "Coach"}
	for _, role := range []domain.Role{domain.RoleMentor, domain.RoleCoach} {
		sig := documents.Signature{Role: roles[role], Statement: "Menyetujui " + terms.Design}
		for _, e := range d.Endorsements {
			if e.Role == role {
				sig.Name, sig.Position, sig.SignedAt = e.Name, e.Position, domain.IndonesianDateTime(e.At)
			}
		}
		if role == domain.RoleCoach && p.Parties.CoachID == nil && sig.SignedAt == "" {
			continue // a participant without a coach: the mentor alone approves
		}
		v.Endorsements = append(v.Endorsements, sig)
	}
	v.Texts = []documents.TextSection{{Heading: "Latar Belakang", Body: p.Background}, {Heading: "Rumusan Masalah", Body: p.Problem},
		{Heading: "Tujuan", Body: p.Goal}, {Heading: "Manfaat", Body: p.Benefits}, {Heading: "Ruang Lingkup", Body: p.Scope},
		{Heading: "Bidang Inovasi", Body: strings.Join(p.InnovationAreas, ", ")}}
	for _, s := range p.SuccessIndicators {
		v.Indicators = append(v.Indicators, []string{s.Name, s.Baseline, s.Target, s.Unit})
	}
	team := p.Team
	for _, m := range [][2]string{{"Sponsor", team.Sponsor}, {"Mentor", team.Mentor}, {"Pimpinan proyek", team.ProjectLeader}} {
		if m[1] != "" {
			v.Team = append(v.Team, []string{m[0], m[1]})
		}
	}
	for _, m := range team.Members {
		v.Team = append(v.Team, []string{"Anggota: " + m.Role, m.Name})
	}
	for _, r := range p.Risks {
		v.Risks = append(v.Risks, []string{r.Description, r.Mitigation})
	}
	var total int64
	for _, r := range p.Resources {
		v.Resources = append(v.Resources, []string{r.Name, r.Source, rupiah(r.AmountRupiah)})
		total += r.AmountRupiah
	}
	if len(p.Resources) > 0 {
		v.ResourcesTotal = rupiah(total)
	}
	for _, h := range []domain.Horizon{domain.HorizonShort, domain.HorizonMid, domain.HorizonLong} {
		table := documents.MilestoneTable{Heading: "Tahapan " + h.Label()}
		for _, m := range d.Milestones {
			if m.Horizon != h {
				continue
			}
			cell := m.Title
			for _, a := range m.Activities {
				cell += "\n- " + a.Title
				if a.Output != "" {
					cell += " (keluaran: " + a.Output + ")"
				}
			}
			table.Rows = append(table.Rows, []string{fmt.Sprint(len(table.Rows) + 1), cell, m.DueOn.Indonesian(), m.Status.Label()})
		}
		v.Horizons = append(v.Horizons, table)
	}
	kinds := map[domain.StakeholderKind]string{domain.StakeholderInternal: "Internal", domain.StakeholderExternal: "Eksternal"}
	levels := map[domain.Level]string{domain.LevelHigh: "Tinggi", domain.LevelLow: "Rendah"}
	for _, s := range p.Stakeholders {
		v.Stakeholders = append(v.Stakeholders, []string{s.Name, kinds[s.Kind], levels[s.Power], levels[s.Interest]})
	}
	return v
}

// evidenceIndexView words a dossier's evidence as the evidence index, by
// milestone and activity, each item linking to the project's page.
func evidenceIndexView(d domain.DesignDossier) documents.EvidenceIndexView {
	v := documents.EvidenceIndexView{DocumentName: "Daftar Bukti Dukung " + d.Cohort.Terms.Product, Title: d.Project.Title,
		Participant: d.Participant.Name, Cohort: d.Cohort.Name, Footer: designFooter(d)}
	item := func(e domain.Evidence) documents.EvidenceItem {
		link := strings.TrimRight(d.PublicURL, "/") + "/proyek/" + d.Project.ID.String() + "#bukti-" + e.ID.String()
		return documents.EvidenceItem{Title: e.Title, Type: e.Type.Label(), Status: e.Status.Label(),
			Submitted: domain.IndonesianDateTime(e.SubmittedAt), Link: link}
	}
	for _, m := range d.Milestones {
		em := documents.EvidenceMilestone{Heading: m.Horizon.Label() + ": " + m.Title}
		evidence := d.Evidence[m.ID]
		named := map[uuid.UUID]bool{}
		for _, a := range m.Activities {
			named[a.ID] = true
			ea := documents.EvidenceActivity{Heading: a.Title, Output: a.Output}
			for _, e := range evidence {
				if e.ActivityID != nil && *e.ActivityID == a.ID {
					ea.Items = append(ea.Items, item(e))
				}
			}
			em.Activities = append(em.Activities, ea)
		}
		var others documents.EvidenceActivity // evidence of no activity, or of one removed since
		for _, e := range evidence {
			if e.ActivityID == nil || !named[*e.ActivityID] {
				others.Items = append(others.Items, item(e))
			}
		}
		if len(others.Items) > 0 {
			em.Activities = append(em.Activities, others)
		}
		v.Milestones = append(v.Milestones, em)
	}
	return v
}

// pdfFileName names a project's document: kind and the project's id.
func pdfFileName(kind string, project uuid.UUID) string {
	return kind + "-" + project.String() + ".pdf"
}

func registerDesignDocuments(api huma.API, s *Services) {
	pdfAnswer := func(what string) map[string]*huma.Response {
		return map[string]*huma.Response{"200": {Description: what + " as a PDF.",
			Content: map[string]*huma.MediaType{pdfMediaType: {Schema: &huma.Schema{Type: "string", Format: "binary"}}}}}
	}
	huma.Register(api, huma.Operation{
		OperationID: "download-design-pdf", Method: http.MethodGet, Path: "/projects/{projectId}/design.pdf",
		Summary: "Download the design as a PDF", Tags: []string{"projects"}, Security: signedIn,
		Description: "The Rancangan Proyek Perubahan (Rancangan Aksi Perubahan for PKA and PKP) as a PDF (application/pdf): a cover, the lembar persetujuan with the mentor's and the coach's approvals of the design (not signed yet before approval), " +
			"every section of the design (texts, success indicators, tim efektif, risks, resources and budget, strategic alignment), the milestones by horizon with their activities, and the stakeholder map as a table. Everyone who may read the project may download it.",
		Errors:    []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound},
		Responses: pdfAnswer("The design"),
	}, func(ctx context.Context, in *ProjectPath) (*huma.StreamResponse, error) {
		d, err := s.Projects.DesignDossier(ctx, actorOf(ctx), in.ProjectID)
		if err != nil {
			return nil, err
		}
		pdf, err := documents.Design(designView(d))
		if err != nil {
			return nil, err
		}
		return pdfResponse(pdf, pdfFileName("rancangan", in.ProjectID)), nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "download-evidence-index-pdf", Method: http.MethodGet, Path: "/projects/{projectId}/evidence-index.pdf",
		Summary: "Download the evidence index as a PDF", Tags: []string{"projects"}, Security: signedIn,
		Description: "The index of the project's evidence (daftar bukti dukung) as a PDF (application/pdf): by milestone and activity, each item with its title, type, status and submission, and a QR code of a link to it on the project's page in the web app, " +
			"which asks the reader to sign in (the links open nothing by themselves). Everyone who may read the project may download it.",
		Errors:    []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound},
		Responses: pdfAnswer("The evidence index"),
	}, func(ctx context.Context, in *ProjectPath) (*huma.StreamResponse, error) {
		d, err := s.Projects.DesignEvidence(ctx, actorOf(ctx), in.ProjectID)
		if err != nil {
			return nil, err
		}
		pdf, err := documents.EvidenceIndex(evidenceIndexView(d))
		if err != nil {
			return nil, err
		}
		return pdfResponse(pdf, pdfFileName("daftar-bukti-dukung", in.ProjectID)), nil
	})
}
