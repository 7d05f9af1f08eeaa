package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/proper-id/proper/documents/pdftext"
	"github.com/proper-id/proper/domain"
)

// pdfText downloads a PDF and returns its text, checking that it is one.
func (w *world) pdfText(t *testing.T, path, token string) string {
	t.Helper()
	res := expect(t, w.get(path, token), http.StatusOK)
	if ct := res.header.Get("Content-Type"); ct != "application/pdf" {
		t.Fatalf("%s answered %s", path, ct)
	}
	text, err := pdftext.Text([]byte(res.body))
	if err != nil {
		t.Fatalf("%s is not a readable PDF: %v", path, err)
	}
	return text
}

// wantText fails for each of want that text lacks.
func wantText(t *testing.T, what, text string, want ...string) {
	t.Helper()
	flat := strings.Join(strings.Fields(text), " ")
	for _, s := range want {
		if !strings.Contains(flat, s) {
			t.Errorf("%s lacks %q", what, s)
		}
	}
}

func TestTheDesignPDFHasEverySectionAndBothEndorsements(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	participant := w.tokenOf(roleParticipant)
	m := w.draftDesign(t)
	expect(t, w.patch("/v1/milestones/"+m.ID.String(), participant, map[string]any{"activities": []map[string]string{
		{"title": "Menetapkan SK tim efektif", "output": "SK Tim Efektif"}}}, nil), http.StatusOK)
	sections := fullDesignSections()
	sections["background"], sections["benefits"], sections["scope"] = "Pelayanan adminduk masih tatap muka.", "Warga tidak antre sejak subuh.", "Disdukcapil Kota Batam."
	sections["stakeholders"] = []map[string]string{{"name": "Diskominfo Kota Batam", "kind": "external", "power": "high", "interest": "low"}}
	expect(t, w.patch(projectPath(w, ""), participant, sections, nil), http.StatusOK)

	// Before approval the sheet shows the approvals as not signed.
	draft := w.pdfText(t, projectPath(w, "/design.pdf"), participant)
	wantText(t, "the draft's PDF", draft, "RANCANGAN PROYEK PERUBAHAN", "LEMBAR PERSETUJUAN", "Belum ditandatangani")

	w.bringProjectTo(t, domain.ProjectDesignApproved)
	var mentor, coach struct{ Name string }
	expect(t, w.get("/v1/users/"+w.mentor.ID.String(), w.tokenOf(roleMentor)), http.StatusOK).decode(t, &mentor)
	expect(t, w.get("/v1/users/"+w.coach.ID.String(), w.tokenOf(roleCoach)), http.StatusOK).decode(t, &coach)
	for _, reader := range []string{roleParticipant, roleMentor, roleCoach} {
		text := w.pdfText(t, projectPath(w, "/design.pdf"), w.tokenOf(reader))
		wantText(t, "the approved design's PDF read by the "+reader, text,
			// Cover and lembar persetujuan with both endorsements.
			"RANCANGAN PROYEK PERUBAHAN", "Antrean Daring Adminduk", "LEMBAR PERSETUJUAN", "Menyetujui Rancangan Proyek Perubahan",
			"Mentor", mentor.Name, "Coach", coach.Name, "Ditandatangani di Proper pada", "Versi 1, disetujui",
			// Every section.
			"Latar Belakang", "Pelayanan adminduk masih tatap muka.", "Rumusan Masalah", "Antrean panjang sejak subuh", "Tujuan",
			"Manfaat", "Ruang Lingkup", "Disdukcapil Kota Batam.", "Bidang Inovasi",
			"Indikator Keberhasilan", "Waktu tunggu layanan KTP-el", "180", "menit",
			"Tim Efektif dan Tata Kelola", "Kepala Disdukcapil", "Pimpinan proyek", "Rina Marlina", "Pengembang aplikasi",
			"Risiko dan Mitigasi", "Jaringan kelurahan tidak stabil", "Formulir luring",
			"Sumber Daya dan Anggaran", "APBD Kota Batam 2027", "Rp25.000.000",
			"Keselarasan Strategis", "RPJMD Kota Batam 2026–2031, Misi 3",
			// Milestones by horizon, with activities, and the stakeholder map.
			"Tahapan Jangka pendek", "Terbentuknya Tim Efektif", "Menetapkan SK tim efektif", "Tahapan Jangka menengah", "Tahapan Jangka panjang",
			"Pemetaan Pemangku Kepentingan", "Diskominfo Kota Batam", "Eksternal")
		if strings.Contains(text, "Belum ditandatangani") {
			t.Errorf("the approved design's PDF still shows an approval not signed")
		}
	}
	// Nobody else reads it.
	expect(t, w.get(projectPath(w, "/design.pdf"), w.tokenOf(roleOtherParticipant)), http.StatusNotFound) // not revealed
	expect(t, w.get(projectPath(w, "/design.pdf"), ""), http.StatusUnauthorized)
}

func TestAPKACohortsDesignPDFSaysAksiPerubahan(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	terms := domain.TermsAksi
	if _, err := w.cohorts().UpdateCohort(context.Background(), w.admin, w.cohortA.ID, domain.CohortChanges{Terms: &terms}, nil); err != nil {
		t.Fatal(err)
	}
	w.draftDesign(t)
	text := w.pdfText(t, projectPath(w, "/design.pdf"), w.tokenOf(roleParticipant))
	wantText(t, "a PKA design's PDF", text, "RANCANGAN AKSI PERUBAHAN", "Tahapan Aksi Perubahan")
	if strings.Contains(text, "Proyek Perubahan") {
		t.Errorf("a PKA design's PDF says Proyek Perubahan")
	}
}

func TestTheEvidenceIndexListsEachItemByActivityWithALink(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	milestone, acts := w.milestoneWithTwoActivities(t)
	var sk, old struct{ ID string }
	expect(t, w.linkFor(milestone, acts[0], "sk"), http.StatusCreated).decode(t, &sk)
	expect(t, w.linkFor(milestone, acts[1], "notula"), http.StatusCreated).decode(t, &old)
	w.db.Exec(`UPDATE evidence SET activity_id = NULL, evidence_type = NULL WHERE id = ?`, old.ID)
	text := w.pdfText(t, projectPath(w, "/evidence-index.pdf"), w.tokenOf(roleMentor))
	wantText(t, "the evidence index", text, "Daftar Bukti Dukung Proyek Perubahan", "Jangka pendek: Terbentuknya Tim Efektif",
		"Kegiatan: Menetapkan SK tim efektif", "SK Tim Efektif", "Bukti sk", "SK", "Menunggu telaah",
		"/proyek/"+w.project().String()+"#bukti-"+sk.ID,
		"Kegiatan: Rapat koordinasi tim", "Belum ada bukti dukung.",
		"Bukti dukung tanpa kegiatan", "Bukti notula", "Tanpa jenis", "#bukti-"+old.ID,
		"setelah masuk")
	expect(t, w.get(projectPath(w, "/evidence-index.pdf"), w.tokenOf(roleOtherParticipant)), http.StatusNotFound) // not revealed
}
