package domain

// Codes of graduation and certificates (issue #21, parts 5 and 6).
var (
	CodeGraduationScoreRange = code("graduation.score_range",
		"must be a score from 0 to 100",
		"Nilai harus antara 0 dan 100.")
	CodeGraduationUnknownComponent = code("graduation.unknown_component",
		"is not a graduation component of the cohort",
		"Bukan komponen kelulusan angkatan ini.")
	CodeGraduationAcademicComputed = code("graduation.academic_computed",
		"the academic component is the determined final-seminar result and is not entered",
		"Komponen akademik diambil dari hasil seminar akhir yang sudah ditetapkan, sehingga tidak diisi manual.")
	CodeGraduationNotEnrolled = code("graduation.not_enrolled",
		"is not a participant of the cohort",
		"Bukan peserta angkatan ini.")
	CodeGraduationUnknownNIP = code("graduation.unknown_nip",
		"no participant of the cohort has this NIP",
		"Tidak ada peserta angkatan ini dengan NIP tersebut.")
	CodeGraduationDetermined = code("graduation.determined",
		"the cohort's graduation is determined: its scores and settings are frozen",
		"Kelulusan angkatan ini sudah ditetapkan; nilai dan pengaturannya tidak dapat diubah lagi.")
	CodeGraduationNoComponents = code("graduation.no_components",
		"the cohort has no graduation components",
		"Angkatan ini belum memiliki komponen kelulusan.")
	CodeGraduationNoParticipants = code("graduation.no_participants",
		"the cohort has no participants to graduate",
		"Angkatan ini belum memiliki peserta.")
	CodeGraduationScoresMissing = code("graduation.scores_missing",
		"{name} has no score of {component} yet",
		"{name} belum memiliki nilai {component}.")
	CodeGraduationAppealOpen = code("graduation.appeal_open",
		"an appeal of a seminar result of the cohort is open: decide it first",
		"Masih ada keberatan atas hasil seminar di angkatan ini; putuskan terlebih dahulu.")
	CodeGraduationNotDetermined = code("graduation.not_determined",
		"the cohort's graduation is not determined yet",
		"Kelulusan angkatan ini belum ditetapkan.")
	CodeGraduationReleased = code("graduation.released",
		"the cohort's graduation is released already",
		"Hasil kelulusan angkatan ini sudah diumumkan.")
	CodeGraduationNumberFormat = code("graduation.number_format",
		"must hold the sequence once (seq or seq:0N in braces) and otherwise only letters, digits, / . _ - spaces and program, year or cohort in braces",
		"Harus memuat penanda nomor urut tepat satu kali; selain itu hanya huruf, angka, garis miring, titik, garis bawah, tanda hubung, spasi, serta penanda program, tahun, atau angkatan.")
	CodeGraduationScoresColumns = code("graduation.csv_columns",
		"the file needs a nip column and a column per entered component ({components})",
		"Berkas memerlukan kolom nip dan satu kolom untuk setiap komponen yang diisi ({components}).")
	CodeCertificateRevoked = code("certificate.revoked",
		"the certificate is revoked already",
		"Sertifikat ini sudah dicabut.")
)
