package domain

// Codes of change control after approval (issue #22 part 1) and of the
// closing of the short-term horizon (part 5).
var (
	CodePlanChangeRequestRequired = code("plan.change_request_required",
		"the design is approved: milestones are added, removed, re-dated or retitled, and the goal, scope and structured sections (success indicators, team, risks, resources, strategic alignment) changed, only by a change request that the mentor and the coach approve",
		"Rancangan sudah disetujui. Penambahan, penghapusan, perubahan tanggal atau judul tahapan, serta perubahan tujuan, ruang lingkup, indikator keberhasilan, tim efektif, risiko, sumber daya dan keselarasan strategis, hanya melalui permohonan perubahan yang disetujui mentor dan coach.")
	CodeMilestoneReadOnly = code("milestone.read_only",
		"the milestone is {status}: it stays as it was, also through a change request",
		"Tahapan ini berstatus {status} sehingga tidak dapat diubah, termasuk melalui permohonan perubahan.")
	CodeChangeRequestDesignNotApproved = code("plan.request_design_not_approved",
		"the design is not approved yet: edit it directly",
		"Rancangan belum disetujui. Ubah rancangan secara langsung.")
	CodeChangeRequestEmpty = code("plan.request_empty",
		"propose at least one change",
		"Ajukan paling sedikit satu perubahan.")
	CodeChangeRequestReasonRequired = code("plan.request_reason_required",
		"is required: say why the plan should change",
		"Wajib diisi: jelaskan alasan perubahan rencana.")
	CodeChangeRequestMilestoneUnknown = code("plan.request_milestone_unknown",
		"is not a milestone of this project",
		"Bukan tahapan proyek ini.")
	CodeChangeRequestMilestoneTwice = code("plan.request_milestone_twice",
		"names a milestone another change of this request removes or names already",
		"Tahapan ini sudah disebut pada perubahan lain dalam permohonan yang sama.")
	CodeChangeRequestContinueShortOnly = code("plan.request_continue_short_only",
		"only an unachieved short-term milestone can be continued in the mid term",
		"Hanya tahapan jangka pendek yang belum tercapai yang dapat dilanjutkan ke jangka menengah.")
	CodeChangeRequestNotPending = code("plan.request_not_pending",
		"the change request is {status}: it is decided already",
		"Permohonan perubahan ini berstatus {status} sehingga sudah tidak dapat diputuskan atau ditarik.")
	CodeChangeRequestAlreadyReviewed = code("plan.request_already_reviewed",
		"you have decided on this change request already",
		"Anda sudah memberi keputusan atas permohonan perubahan ini.")
	CodeChangeRequestPlanChanged = code("plan.request_plan_changed",
		"the plan changed since the request was made (it was based on version {base}, the plan is at version {current}): return it, and the participant proposes again",
		"Rencana sudah berubah sejak permohonan diajukan (diajukan atas versi {base}, kini versi {current}). Kembalikan permohonan ini agar peserta mengajukan ulang.")
	CodeChangeRequestReturnNeedsComment = code("plan.request_return_needs_comment",
		"is required to return a change request: say why",
		"Wajib diisi untuk mengembalikan permohonan perubahan: jelaskan alasannya.")
)
