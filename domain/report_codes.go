package domain

// Codes of the final report (issue #22 part 4).
var (
	CodeReportRatified = code("report.ratified",
		"the report is ratified (pengesahan): it changes no more",
		"Laporan akhir sudah disahkan sehingga tidak dapat diubah lagi.")
	CodeReportSubmitted = code("report.submitted",
		"the report is submitted: a new version comes only when an examiner requires a revision",
		"Laporan akhir sudah diserahkan. Versi baru hanya dapat diunggah bila penguji meminta perbaikan.")
	CodeReportMissing = code("report.missing",
		"upload the report (PDF) first",
		"Unggah laporan akhir (PDF) terlebih dahulu.")
	CodeReportNoSeminarSession = code("report.no_seminar_session",
		"the participant has no final seminar session yet: the lembar persetujuan names its date and place",
		"Peserta belum dijadwalkan pada sesi seminar akhir, padahal lembar persetujuan menyebut tanggal dan tempatnya.")
	CodeReportNotSubmitted = code("report.not_submitted",
		"the report is not submitted yet",
		"Laporan akhir belum diserahkan.")
	CodeReportRevisionPending = code("report.revision_pending",
		"an examiner required a revision, due {dueOn}: upload the revised report first",
		"Penguji meminta perbaikan dengan tenggat {dueOn}. Unggah laporan akhir yang sudah diperbaiki terlebih dahulu.")
	CodeReportSeminarNotHeld = code("report.seminar_not_held",
		"the final seminar has not been held yet ({heldOn})",
		"Seminar akhir belum dilaksanakan ({heldOn}).")
	CodeReportStepUnknown = code("report.step_unknown",
		"must be persetujuan or pengesahan",
		"Harus persetujuan atau pengesahan.")
	CodeReportAlreadyEndorsed = code("report.already_endorsed",
		"you have endorsed this version of the report already ({step})",
		"Anda sudah menandatangani versi laporan akhir ini ({step}).")
	CodeReportPositionRequired = code("report.position_required",
		"is required: your position (jabatan), as the sheet shows it",
		"Wajib diisi: jabatan Anda, sebagaimana tercantum pada lembar pengesahan.")
	CodeReportStatementMissing = code("report.statement_missing",
		"sign the pernyataan keaslian first",
		"Tanda tangani pernyataan keaslian terlebih dahulu.")
	CodeReportApprovalsMissing = code("report.approvals_missing",
		"the lembar persetujuan of the current version still needs: {missing}",
		"Lembar persetujuan versi laporan akhir ini masih menunggu tanda tangan: {missing}.")
	CodeReportMilestonesOpen = code("report.milestones_open",
		"{count} short-term milestones are neither achieved nor closed: have them verified, continue or remove them by a change request, or declare them not achieved in the report's summary",
		"Masih ada {count} tahapan jangka pendek yang belum tercapai atau ditutup. Ajukan verifikasinya, lanjutkan atau hapus melalui permohonan perubahan, atau nyatakan tidak tercapai pada ringkasan laporan akhir.")
	CodeReportLate = code("report.late",
		"the report was due {dueOn}: an organizer must allow a late submission",
		"Tenggat laporan akhir adalah {dueOn}. Penyerahan yang terlambat memerlukan izin penyelenggara.")
	CodeReportNotSessionExaminer = code("report.not_session_examiner",
		"only the examiners of the participant's final seminar session require a revision",
		"Hanya penguji pada sesi seminar akhir peserta yang dapat meminta perbaikan.")
	CodeReportRevisionComment = code("report.revision_comment_required",
		"is required: say what to revise",
		"Wajib diisi: jelaskan apa yang perlu diperbaiki.")
	CodeReportRevisionDuePast = code("report.revision_due_past",
		"must be a day after today",
		"Harus tanggal setelah hari ini.")
	CodeReportNotShortTerm = code("report.not_short_term",
		"is not a short-term milestone of this project",
		"Bukan tahapan jangka pendek proyek ini.")
	CodeReportSummaryEndorsed = code("report.summary_endorsed",
		"the lembar persetujuan of this version is being signed: upload a new version to change the summary",
		"Lembar persetujuan versi ini sedang ditandatangani. Unggah versi baru untuk mengubah ringkasan.")
	CodeReportIndicatorUnknown = code("report.indicator_unknown",
		"is not a success indicator of the design",
		"Bukan indikator keberhasilan pada rancangan.")
	CodeReportIndicatorTwice = code("report.indicator_twice",
		"states the outcome of an indicator stated already",
		"Capaian indikator ini sudah dinyatakan.")
	CodeReportFileKind = code("report.file_kind",
		"must be report or slides",
		"Harus report (laporan) atau slides (bahan tayang).")
)
