package domain

// Codes of seminar sessions, the scoring window and the determination
// (issue #21). They sit beside the catalogue (catalogue.go) in a file of
// their own, so that the feature's wording is read in one place.
var (
	CodeSessionPlace = code("seminar_session.place",
		"give a room or an online link",
		"Isi ruang atau tautan daring.")
	CodeSessionLink = code("seminar_session.link",
		"must be an http or https address of at most 500 characters",
		"Harus berupa alamat http atau https, paling banyak 500 karakter.")
	CodeSessionTime = code("seminar_session.time",
		"must be a time as HH:MM",
		"Tulis jam sebagai JJ:MM, misalnya 09:00.")
	CodeSessionOutsidePhase = code("seminar_session.outside_phase",
		"must lie within the seminar's phase, {from} to {to}",
		"Tanggal harus berada dalam fase seminar, {from} sampai {to}.")
	CodeSessionNotExaminer = code("seminar_session.not_examiner",
		"is not an examiner of the cohort",
		"Bukan penguji angkatan ini.")
	CodeSessionNotEnrolled = code("seminar_session.not_enrolled",
		"is not an enrollment of the cohort",
		"Bukan peserta angkatan ini.")
	CodeSessionParticipantTaken = code("seminar_session.participant_taken",
		"the participant presents this seminar in another session already",
		"Peserta ini sudah terdaftar di sesi lain untuk seminar yang sama.")
	CodeSessionDetermined = code("seminar_session.determined",
		"the session's result is determined: its scores, participants and examiners are frozen",
		"Hasil sesi ini sudah ditetapkan; nilai, peserta, dan pengujinya tidak dapat diubah lagi.")
	CodeSessionAlreadyOpen = code("seminar_session.already_open",
		"the session is open to scores already",
		"Sesi ini sudah dibuka untuk penilaian.")
	CodeSessionEmpty = code("seminar_session.empty",
		"a session needs participants and examiners before its result is determined",
		"Sesi memerlukan peserta dan penguji sebelum hasilnya ditetapkan.")
	CodeSessionScoresMissing = code("seminar_session.scores_missing",
		"{name} has {scored} of the {required} scores required",
		"{name} baru memiliki {scored} dari {required} nilai yang diperlukan.")
	CodeSessionNoneToDetermine = code("seminar_session.none_to_determine",
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
