package domain

// Codes of seminar sessions, the scoring window and the determination
// (issue #21). They sit beside the catalogue (catalogue.go) in a file of
// their own, so that the feature's wording is read in one place.
var (
	CodeSessionPlace = code("session.place",
		"give a room or an online link",
		"Isi ruang atau tautan daring.")
	CodeSessionLink = code("session.link",
		"must be an http or https address of at most 500 characters",
		"Harus berupa alamat http atau https, paling banyak 500 karakter.")
	CodeSessionTime = code("session.time",
		"must be a time as HH:MM",
		"Tulis jam sebagai JJ:MM, misalnya 09:00.")
	CodeSessionOutsidePhase = code("session.outside_phase",
		"must lie within the seminar's phase, {from} to {to}",
		"Tanggal harus berada dalam fase seminar, {from} sampai {to}.")
	CodeSessionNotExaminer = code("session.not_examiner",
		"is not an examiner of the cohort",
		"Bukan penguji angkatan ini.")
	CodeSessionNotEnrolled = code("session.not_enrolled",
		"is not an enrollment of the cohort",
		"Bukan peserta angkatan ini.")
	CodeSessionParticipantTaken = code("session.participant_taken",
		"the participant presents this seminar in another session already",
		"Peserta ini sudah terdaftar di sesi lain untuk seminar yang sama.")
	CodeSessionDetermined = code("session.determined",
		"the session's result is determined: its scores, participants and examiners are frozen",
		"Hasil sesi ini sudah ditetapkan; nilai, peserta, dan pengujinya tidak dapat diubah lagi.")
	CodeSessionAlreadyOpen = code("session.already_open",
		"the session is open to scores already",
		"Sesi ini sudah dibuka untuk penilaian.")
	CodeSessionEmpty = code("session.empty",
		"a session needs participants and examiners before its result is determined",
		"Sesi memerlukan peserta dan penguji sebelum hasilnya ditetapkan.")
	CodeSessionScoresMissing = code("session.scores_missing",
		"{name} has {scored} of the {required} scores required",
		"{name} baru memiliki {scored} dari {required} nilai yang diperlukan.")
	CodeSessionNoneToDetermine = code("session.none_to_determine",
		"the cohort has no session of the {seminar} seminar waiting for determination",
		"Tidak ada sesi seminar ini yang menunggu penetapan hasil.")
	CodeAssessmentNotAssigned = code("assessment.not_assigned",
		"only the examiners assigned to the participant's {seminar} seminar session may score it",
		"Hanya penguji yang ditugaskan di sesi seminar peserta ini yang dapat menilai.")
	CodeAssessmentSessionNotOpen = code("assessment.session_not_open",
		"scores are accepted from the session's date, {date}, unless an organizer opens it early",
		"Penilaian dibuka mulai tanggal sesi, {date}, kecuali penyelenggara membukanya lebih awal.")
	CodeAssessmentDetermined = code("assessment.determined",
		"the result is determined: the scores are frozen",
		"Hasil seminar ini sudah ditetapkan; nilai tidak dapat diubah lagi.")
	CodeAssessmentDesignStageOver = code("assessment.design_stage_over",
		"the design seminar is over for this project: it is {status}",
		"Seminar rancangan sudah lewat untuk proyek perubahan ini.")
)

// Codes of appeals (keberatan).
var (
	CodeAppealDecision = code("appeal.decision",
		"must be granted, partly_granted or refused",
		"Pilih dikabulkan, dikabulkan sebagian, atau ditolak.")
	CodeAppealNotReleased = code("appeal.not_released",
		"the {seminar} seminar's result is not determined and released yet: there is nothing to appeal",
		"Hasil seminar ini belum ditetapkan dan diumumkan, sehingga belum dapat diajukan keberatan.")
	CodeAppealWindowClosed = code("appeal.window_closed",
		"appeals are filed within {days} working days of the release, by {date}",
		"Keberatan diajukan paling lambat {days} hari kerja setelah hasil diumumkan, yaitu tanggal {date}.")
	CodeAppealOpenExists = code("appeal.open_exists",
		"an appeal of this seminar's result is open already",
		"Keberatan atas hasil seminar ini sudah diajukan dan masih diproses.")
	CodeAppealClosed = code("appeal.closed",
		"the appeal is closed",
		"Keberatan ini sudah diputuskan.")
	CodeAppealNotSessionExaminer = code("appeal.not_session_examiner",
		"is not an examiner of the participant's session",
		"Bukan penguji di sesi seminar peserta ini.")
	CodeAppealReasonRequired = code("appeal.reason_required",
		"a score changed during an appeal needs a written reason",
		"Tuliskan alasan perubahan nilai dalam proses keberatan.")
)
