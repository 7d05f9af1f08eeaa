package domain

// The words of states in Bahasa Indonesia, for what the domain writes
// itself (the progress file, e-mails). They are the web app's words
// (web/src/i18n/id.ts: status.*, participant.predicate.*), checked equal by
// TestLabelsAreTheWebAppsWords, and follow docs/GLOSSARY.md.

// projectStatusLabels word each project status.
var projectStatusLabels = map[ProjectStatus]string{
	ProjectDraft:           "Draf",
	ProjectDesignSubmitted: "Rancangan diajukan",
	ProjectDesignApproved:  "Rancangan disetujui",
	ProjectImplementing:    "Implementasi",
	ProjectFinalSubmitted:  "Laporan akhir diajukan",
	ProjectCompleted:       "Selesai",
}

// Label is the status in Bahasa Indonesia ("Rancangan diajukan"), or the
// status itself when it has no word.
func (s ProjectStatus) Label() string {
	if l, ok := projectStatusLabels[s]; ok {
		return l
	}
	return string(s)
}

// predicateLabels word each qualification, in title case as LAN writes it.
var predicateLabels = map[Predicate]string{
	PredicateSangatMemuaskan: "Sangat Memuaskan",
	PredicateMemuaskan:       "Memuaskan",
	PredicateCukupMemuaskan:  "Cukup Memuaskan",
	PredicateKurangMemuaskan: "Kurang Memuaskan",
}

// Label is the qualification in Bahasa Indonesia ("Sangat Memuaskan"), or
// the predicate itself when it has no word.
func (p Predicate) Label() string {
	if l, ok := predicateLabels[p]; ok {
		return l
	}
	return string(p)
}

// evidenceTypeLabels word each type of evidence (docs/GLOSSARY.md).
var evidenceTypeLabels = map[EvidenceType]string{
	EvidenceSK:           "SK",
	EvidenceMinutes:      "Notula",
	EvidenceAttendance:   "Daftar hadir",
	EvidencePhoto:        "Foto",
	EvidenceOfficialMemo: "Berita acara",
	EvidenceAgreement:    "MoU/PKS",
	EvidenceRegulation:   "Perwal/Perbup",
	EvidenceScreenshot:   "Tangkapan layar",
	EvidenceLink:         "Tautan",
	EvidenceOther:        "Lainnya",
}

// Label is the type in Bahasa Indonesia ("Daftar hadir"), "Tanpa jenis"
// for evidence from before types, or the type itself when it has no word.
func (t EvidenceType) Label() string {
	if t == "" {
		return "Tanpa jenis"
	}
	if l, ok := evidenceTypeLabels[t]; ok {
		return l
	}
	return string(t)
}

// milestoneStatusLabels, evidenceStatusLabels and horizonLabels are the web
// app's words (milestoneStatus.*, evidenceStatus.*, horizon.*), for the
// design's documents.
var (
	milestoneStatusLabels = map[MilestoneStatus]string{
		MilestonePlanned: "Direncanakan", MilestoneInProgress: "Berjalan", MilestoneAwaitingVerification: "Menunggu verifikasi",
		MilestoneAchieved: "Tercapai", MilestoneNotAchieved: "Tidak tercapai", MilestoneContinued: "Dilanjutkan ke jangka menengah",
	}
	evidenceStatusLabels = map[EvidenceStatus]string{
		EvidenceSubmitted: "Menunggu telaah", EvidenceApproved: "Disetujui", EvidenceRejected: "Ditolak", EvidenceWithdrawn: "Ditarik",
	}
	horizonLabels = map[Horizon]string{HorizonShort: "Jangka pendek", HorizonMid: "Jangka menengah", HorizonLong: "Jangka panjang"}
)

// Label is the milestone status in Bahasa Indonesia ("Menunggu verifikasi").
func (s MilestoneStatus) Label() string { return labelOf(milestoneStatusLabels, s) }

// Label is the evidence status in Bahasa Indonesia ("Menunggu telaah").
func (s EvidenceStatus) Label() string { return labelOf(evidenceStatusLabels, s) }

// Label is the horizon in Bahasa Indonesia ("Jangka pendek").
func (h Horizon) Label() string { return labelOf(horizonLabels, h) }

// labelOf is k's word in labels, or k itself when it has none.
func labelOf[K ~string](labels map[K]string, k K) string {
	if l, ok := labels[k]; ok {
		return l
	}
	return string(k)
}
