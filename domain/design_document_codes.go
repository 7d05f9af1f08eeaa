package domain

// Codes of evidence tied to activities (issue #22 part 3).
var (
	CodeEvidenceActivityRequired = code("evidence.activity_required",
		"name the activity of the milestone this evidence proves",
		"Pilih kegiatan yang dibuktikan oleh bukti dukung ini.")
	CodeEvidenceActivityUnknown = code("evidence.activity_unknown",
		"is not an activity of this milestone",
		"Bukan kegiatan pada tahapan ini.")
	CodeMilestoneActivityUnproved = code("milestone.activity_unproved",
		"each activity needs approved evidence before the milestone is verified achieved, or say why not (missingEvidenceReason); without approved evidence: {activities}",
		"Setiap kegiatan memerlukan bukti dukung yang disetujui sebelum tahapan diverifikasi tercapai, atau tuliskan alasannya. Kegiatan tanpa bukti dukung yang disetujui: {activities}.")
)
