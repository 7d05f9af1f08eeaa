package domain

// The catalogue: every code Proper answers with, and how it says each, in
// English and in Indonesian. Codes are grouped by what they are about; a
// code's name never changes once released (clients decide on it), its
// wording may. The Indonesian follows docs/GLOSSARY.md.

// Codes of the request as a whole.
var (
	CodeInvalid = code("request.invalid",
		"the request breaks some rules",
		"Periksa kembali isian yang ditandai.")
	CodeMalformed = code("request.malformed",
		"the request body could not be read",
		"Permintaan tidak dapat dibaca.")
	CodeTooLarge = code("request.too_large",
		"the request body is larger than {max} bytes",
		"Permintaan terlalu besar (paling besar {max} bita).")
	CodeNotFound = code("resource.not_found",
		"{what} not found",
		"Data ini tidak ditemukan, atau Anda tidak berhak melihatnya.")
	CodeStale = code("resource.stale",
		"the resource changed since you read it: read it again and reapply your change",
		"Data ini telah diubah di tempat lain sejak Anda membukanya. Muat ulang untuk melihat versi terbaru, lalu ulangi perubahan Anda.")
	CodeUnavailable = code("service.unavailable",
		"the service is temporarily unavailable, try again shortly",
		"Layanan sedang tidak tersedia. Coba lagi sebentar lagi.")
	CodeInternal = code("service.internal",
		"an unexpected error occurred; quote request id {requestId} when reporting it",
		"Terjadi kesalahan di server. Sebutkan kode permintaan {requestId} saat melaporkannya.")
	CodeMethodNotAllowed = code("request.method_not_allowed",
		"{method} is not allowed on {path}",
		"Tindakan ini tidak tersedia pada alamat ini.")
	CodeNoResource = code("request.no_resource",
		"no resource at {path}",
		"Halaman atau data ini tidak ada.")
	CodeUnsupportedMedia = code("request.unsupported_media_type",
		"the request's content type is not accepted here",
		"Jenis isi permintaan tidak diterima.")
	CodeUploadTooSlow = code("upload.too_slow",
		"the upload arrived too slowly: send it again, on a better connection if you can",
		"Unggahan terlalu lambat. Kirim lagi, sebaiknya dengan koneksi yang lebih baik.")
	CodeMultipartMalformed = code("upload.malformed",
		"the multipart body is malformed",
		"Isi unggahan rusak. Kirim lagi.")
	CodeIdempotencyKeyReused = code("idempotency.key_reused",
		"this Idempotency-Key was used for a different request: use a new key for a new request",
		"Kunci pengiriman ini sudah dipakai untuk permintaan lain. Muat ulang halaman lalu coba lagi.")
	CodeIdempotencyInFlight = code("idempotency.in_flight",
		"a request with this Idempotency-Key is still being answered: retry shortly",
		"Permintaan yang sama masih diproses. Tunggu sebentar lalu coba lagi.")
	CodeSignInRequired = code("auth.sign_in_required",
		"sign in first",
		"Silakan masuk terlebih dahulu.")
	CodeForbidden = code("auth.forbidden",
		"you may not do this ({action})",
		"Akun Anda tidak berhak melakukan tindakan ini.")
	CodeTooManyRequests = code("rate.limited",
		"too many requests: wait before trying again",
		"Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.")
)

// Codes of a field that breaks a general rule, as the API's schema checks
// them (the api package maps each schema rule to one of these).
var (
	CodeFieldRequired = code("field.required",
		"is required",
		"Wajib diisi.")
	CodeFieldTooLong = code("field.too_long",
		"must have at most {max} characters",
		"Paling banyak {max} karakter.")
	CodeFieldTooShort = code("field.too_short",
		"must have at least {min} characters",
		"Paling sedikit {min} karakter.")
	CodeFieldTooMany = code("field.too_many",
		"must have at most {max} entries",
		"Paling banyak {max} isian.")
	CodeFieldTooFew = code("field.too_few",
		"must have at least {min} entries",
		"Paling sedikit {min} isian.")
	CodeFieldBelowMinimum = code("field.below_minimum",
		"must be at least {min}",
		"Paling kecil {min}.")
	CodeFieldAboveMaximum = code("field.above_maximum",
		"must be at most {max}",
		"Paling besar {max}.")
	CodeFieldNotOneOf = code("field.not_one_of",
		"must be one of {values}",
		"Pilih salah satu: {values}.")
	CodeFieldWrongType = code("field.wrong_type",
		"must be {type}",
		"Isian ini tidak sesuai bentuknya.")
	CodeFieldDate = code("field.date",
		"must be a date written YYYY-MM-DD",
		"Isi tanggal yang valid.")
	CodeFieldDateTime = code("field.date_time",
		"must be a date and time as RFC 3339",
		"Isi tanggal dan waktu yang valid.")
	CodeFieldEmail = code("field.email",
		"is not a valid e-mail address",
		"Isi alamat email yang valid, misalnya nama@instansi.go.id.")
	CodeFieldURL = code("field.url",
		"must be an http or https address",
		"Isi alamat yang diawali http:// atau https://.")
	CodeFieldUUID = code("field.uuid",
		"must be an id (a UUID)",
		"Pengenal tidak valid.")
	CodeFieldPattern = code("field.pattern",
		"must match the pattern {pattern}",
		"Bentuk isian tidak sesuai.")
	CodeFieldUnknown = code("field.unknown",
		"is not a field of this request",
		"Isian ini tidak dikenal.")
	CodeFieldUnique = code("field.not_unique",
		"must not list the same value twice",
		"Jangan mencantumkan nilai yang sama dua kali.")
	CodeFieldInvalid = code("field.invalid",
		"is not valid: {reason}",
		"Isian ini tidak valid.")
	CodeFieldMoreErrors = code("field.more_errors",
		"and {count} more errors",
		"dan {count} kesalahan lainnya.")
)

// Codes of the service and its database.
var (
	CodeDatabaseUnreachable = code("service.database_unreachable",
		"the database cannot be reached",
		"Basis data tidak dapat dihubungi. Coba lagi sebentar lagi.")
	CodeSchemaBehind = code("service.schema_behind",
		"database schema is behind this version of Proper: run `proper migrate up`",
		"Basis data belum diperbarui untuk versi Proper ini. Hubungi administrator sistem.")
	CodeExists = code("resource.exists",
		"this exists already",
		"Data ini sudah ada.")
	CodeReferenceMissing = code("resource.reference_missing",
		"the request refers to something that does not exist",
		"Permintaan merujuk pada data yang tidak ada.")
)

// Codes of signing in, sessions and accounts.
var (
	CodeTokenMissing = code("auth.token_missing",
		"sign in first: send Authorization: Bearer <token from login>",
		"Silakan masuk terlebih dahulu.")
	CodeTokenInvalid = code("auth.token_invalid",
		"the token is unknown, expired or revoked: sign in again",
		"Sesi Anda tidak dikenal, sudah berakhir, atau telah dicabut. Silakan masuk kembali.")
	CodeWrongCredentials = code("account.wrong_credentials",
		"the e-mail address or the password is wrong",
		"Alamat email atau kata sandi salah.")
	CodeTooManyFailures = code("account.too_many_failures",
		"too many failed attempts: wait before trying again",
		"Terlalu banyak percobaan yang gagal. Tunggu sebentar lalu coba lagi.")
	CodeWrongActivation = code("account.wrong_activation",
		"the e-mail address or the activation code is wrong, or the code was replaced by a newer one or has expired",
		"Alamat email atau kode aktivasi salah, atau kode tersebut sudah diganti dengan kode yang lebih baru atau sudah kedaluwarsa. Gunakan kode terbaru, atau minta kode baru kepada penyelenggara pelatihan.")
	CodeAccountNotYours = code("account.not_yours",
		"this account is not yours to manage: a platform admin can give its owner a new code (or it is sent by e-mail once the installation has SMTP)",
		"Akun ini tidak berada dalam kewenangan Anda. Admin platform dapat memberikan kode baru kepada pemiliknya (atau kode dikirim melalui email setelah instalasi ini memiliki SMTP).")
	CodeHashingBusy = code("auth.busy",
		"too many sign-ins at once: try again in a moment",
		"Terlalu banyak proses masuk pada saat yang sama. Coba lagi sebentar lagi.")
	CodeAddressLimited = code("rate.address_limited",
		"too many requests from your address: wait before trying again",
		"Terlalu banyak permintaan dari alamat Anda. Tunggu sebentar lalu coba lagi.")
)

// Codes of users, agencies and institutions.
var (
	CodeUserUnknown = code("user.unknown",
		"no user has this id",
		"Tidak ada pengguna dengan pengenal ini.")
	CodeAgencyUnknown = code("agency.unknown",
		"no agency has this id",
		"Tidak ada instansi dengan pengenal ini.")
	CodeAgencyNameTaken = code("agency.name_taken",
		"an agency with this name exists already",
		"Instansi dengan nama ini sudah ada.")
	CodeInstitutionUnknown = code("institution.unknown",
		"no institution has this id",
		"Tidak ada lembaga pelatihan dengan pengenal ini.")
	CodeInstitutionNotYours = code("institution.not_organized",
		"you do not organize for this institution",
		"Anda bukan penyelenggara di lembaga pelatihan ini.")
	CodeInstitutionChoose = code("institution.choose",
		"name the institution on whose behalf the account is created: you organize for several",
		"Sebutkan lembaga pelatihan yang atas namanya akun ini dibuat, karena Anda menjadi penyelenggara di beberapa lembaga pelatihan.")
	CodeInstitutionCodeTaken = code("institution.code_taken",
		"is used by another institution",
		"Kode ini sudah digunakan oleh lembaga pelatihan lain.")
)

// Codes of e-mail addresses.
var (
	CodeEmailInvalid = code("email.invalid",
		"is not a valid e-mail address; write it like name@agency.go.id",
		"Alamat email tidak valid. Tuliskan seperti nama@instansi.go.id.")
	CodeEmailNotASCII = code("email.not_ascii",
		"must be written in ASCII letters, digits and punctuation only, like name@agency.go.id; letters of other alphabets and special spaces are not allowed",
		"Hanya boleh memuat huruf latin biasa (ASCII), angka, dan tanda baca, seperti nama@instansi.go.id; huruf dari abjad lain dan spasi khusus tidak diperbolehkan.")
	CodeEmailAddressOnly = code("email.address_only",
		"must be the address alone, like name@agency.go.id, without a name, quotes or angle brackets",
		"Isi alamatnya saja, seperti nama@instansi.go.id, tanpa nama, tanda kutip, atau kurung sudut.")
	CodeEmailDomain = code("email.domain_dot",
		"must end in a domain with a dot, like name@agency.go.id",
		"Harus diakhiri nama domain yang memuat titik, seperti nama@instansi.go.id.")
	CodeEmailTaken = code("email.taken",
		"is already registered to another account",
		"Alamat email ini sudah terdaftar pada akun lain.")
)

// Codes of the NIP (nomor induk pegawai).
var (
	CodeNIPLength = code("nip.length",
		"must have 18 digits, like 198001152005011002 or 19800115 200501 1 002",
		"NIP harus terdiri atas 18 angka, seperti 198001152005011002 atau 19800115 200501 1 002.")
	CodeNIPBirthDate = code("nip.birth_date",
		"digits 1–8 must be a real birth date (YYYYMMDD) between 1930 and 2099",
		"Angka ke-1 sampai ke-8 harus berupa tanggal lahir yang benar (TTTTBBHH) antara tahun 1930 dan 2099.")
	CodeNIPAppointment = code("nip.appointment",
		"digits 9–14 must be a plausible appointment year and month (YYYYMM), from 195001 to 209912",
		"Angka ke-9 sampai ke-14 harus berupa tahun dan bulan pengangkatan yang wajar (TTTTBB), dari 195001 sampai 209912.")
	CodeNIPAppointmentAge = code("nip.appointment_age",
		"digits 9–14 must be a plausible appointment year and month (YYYYMM), at least 17 years after the birth year in digits 1–4",
		"Angka ke-9 sampai ke-14 harus berupa tahun dan bulan pengangkatan yang wajar (TTTTBB), paling cepat 17 tahun setelah tahun lahir pada angka ke-1 sampai ke-4.")
	CodeNIPSex = code("nip.sex",
		"digit 15 must be 1 (male) or 2 (female)",
		"Angka ke-15 harus 1 (laki-laki) atau 2 (perempuan).")
	CodeNIPTaken = code("nip.taken",
		"belongs to another account",
		"NIP ini sudah terdaftar pada akun lain.")
)

// Codes of text as text: what any string from outside must be.
var (
	CodeTextNotUTF8 = code("text.not_text",
		"must be UTF-8 text without NUL characters",
		"Harus berupa teks UTF-8 tanpa karakter NUL.")
	CodeTextSingleLine = code("text.single_line",
		"must be a single line of text, without tabs, line breaks or other control characters",
		"Harus berupa satu baris teks, tanpa tab, baris baru, atau karakter kontrol lainnya.")
	CodeTextBidi = code("text.bidi_control",
		"must not contain characters that reverse the direction of text (U+202A to U+202E, U+2066 to U+2069)",
		"Tidak boleh memuat karakter yang membalik arah teks (U+202A sampai U+202E, U+2066 sampai U+2069).")
	CodeTextControl = code("text.control",
		"must not contain control characters other than tabs and line breaks",
		"Tidak boleh memuat karakter kontrol selain tab dan baris baru.")
)

// Codes of paging and of the query of a list.
var (
	CodeQueryCursor = code("query.cursor",
		"is not a cursor from a previous page of this list",
		"Penanda halaman ini tidak berasal dari halaman sebelumnya pada daftar ini.")
	CodeQueryProjectStatus = code("query.project_status",
		"must be a project status: draft, design_submitted, design_approved, implementing, final_submitted or completed",
		"Pilih status proyek perubahan yang tersedia.")
	CodeQueryYear = code("query.year",
		"must be a year between 1990 and 2100",
		"Isi tahun antara 1990 dan 2100.")
)

// Codes of cohorts and their phases.
var (
	CodeCohortDatesOrder = code("cohort.dates.order",
		"must not be before startsOn",
		"Tanggal selesai tidak boleh sebelum tanggal mulai.")
	CodeCohortResponseDeadline = code("cohort.response_deadline",
		"must be between 1 and {max} days",
		"Harus antara 1 dan {max} hari.")
	CodeCohortPhasesOrder = code("cohort.phases.order",
		"phases must be listed once each, in the order design, design_seminar, implementation, final_seminar",
		"Setiap fase dicantumkan satu kali, berurutan: rancangan, seminar rancangan, implementasi, seminar akhir.")
	CodeCohortPhaseDates = code("cohort.phase.dates_required",
		"needs startsOn and endsOn",
		"Isi tanggal mulai dan tanggal selesai fase ini.")
	CodeCohortPhaseDatesOrder = code("cohort.phase.dates_order",
		"must not be before its startsOn",
		"Tanggal selesai fase tidak boleh sebelum tanggal mulainya.")
	CodeCohortPhaseOutside = code("cohort.phase.outside_cohort",
		"must lie within the cohort's startsOn and endsOn",
		"Fase harus berada di antara tanggal mulai dan tanggal selesai angkatan.")
	CodeCohortPhaseOverlap = code("cohort.phase.overlap",
		"must be after the end of the previous phase",
		"Fase harus dimulai setelah fase sebelumnya berakhir.")
	CodeCohortCodeTaken = code("cohort.code_taken",
		"is used by another cohort of this institution",
		"Kode ini sudah digunakan oleh angkatan lain di lembaga pelatihan ini.")
)

// Codes of the staff of a cohort.
var (
	CodeStaffLastOrganizer = code("staff.last_organizer",
		"a cohort keeps at least one organizer: add another organizer first",
		"Angkatan harus memiliki paling sedikit satu penyelenggara. Tambahkan penyelenggara lain terlebih dahulu.")
	CodeStaffCoachHasParticipants = code("staff.coach_has_participants",
		"this coach still coaches participants: assign them another coach first",
		"Coach ini masih mendampingi peserta. Tetapkan coach lain bagi mereka terlebih dahulu.")
)

// Codes of enrollments: a participant with their mentor and coach.
var (
	CodeEnrollmentSelf = code("enrollment.self",
		"must be someone other than the participant",
		"Harus orang lain, bukan peserta itu sendiri.")
	CodeEnrollmentCoachNotStaff = code("enrollment.coach_not_staff",
		"must be a coach of the cohort: add them as staff with the role coach first",
		"Harus coach di angkatan ini. Tambahkan terlebih dahulu sebagai staf dengan peran coach.")
	CodeEnrollmentExists = code("enrollment.already_enrolled",
		"is already enrolled in this cohort",
		"Peserta ini sudah terdaftar di angkatan ini.")
	CodeMentorIsParticipant = code("mentor.is_participant",
		"is a participant of this cohort and cannot also be a mentor in it",
		"Orang ini adalah peserta di angkatan ini sehingga tidak dapat sekaligus menjadi mentor.")
	CodeMentorIsCoach = code("mentor.is_coach",
		"is a coach of this cohort and cannot also be a participant's mentor",
		"Orang ini adalah coach di angkatan ini sehingga tidak dapat sekaligus menjadi mentor peserta.")
	CodeMentorIsExaminer = code("mentor.is_examiner",
		"is a examiner of this cohort and cannot also be a participant's mentor",
		"Orang ini adalah penguji di angkatan ini sehingga tidak dapat sekaligus menjadi mentor peserta.")
)

// Codes of mentor transfers.
var (
	CodeTransferAwaitsOrganizer = code("transfer.awaits_organizer",
		"this mentor transfer waits for an organizer of the cohort to confirm it first",
		"Pergantian mentor ini menunggu konfirmasi penyelenggara angkatan terlebih dahulu.")
	CodeTransferClosed = code("transfer.closed",
		"this mentor transfer is {status} already",
		"Pergantian mentor ini sudah selesai diproses.")
	CodeTransferMentorRequired = code("transfer.mentor_required",
		"is required: give the new mentor's account id or mentorEmail",
		"Wajib diisi: sebutkan akun mentor baru atau alamat emailnya.")
	CodeTransferMentorBoth = code("transfer.mentor_both",
		"give mentorId or mentorEmail, not both",
		"Isi akun mentor atau alamat email mentor, jangan keduanya.")
	CodeTransferMentorEmailUnknown = code("transfer.mentor_email_unknown",
		"no account has this e-mail address; ask the organizer to create one",
		"Tidak ada akun dengan alamat email ini. Mintalah penyelenggara untuk membuatnya.")
	CodeTransferSameMentor = code("transfer.same_mentor",
		"is the mentor already",
		"Orang ini sudah menjadi mentor peserta.")
)

// Codes of reviews in general: the decisions a reviewer gives.
var (
	CodeReviewApproveOrReturn = code("review.approve_or_return",
		"must be approve or return",
		"Pilih setujui atau kembalikan.")
	CodeReviewApproveOrReject = code("review.approve_or_reject",
		"must be approve or reject",
		"Pilih setujui atau tolak.")
)

// Codes of a project and its design.
var (
	CodeProjectNotDraft = code("project.not_draft",
		"the design can only be edited while the project is a draft; it is {status}",
		"Rancangan hanya dapat diubah selama proyek perubahan masih berstatus draf.")
	CodeProjectAreaEmpty = code("project.innovation_area_empty",
		"must not be empty",
		"Bidang inovasi tidak boleh kosong.")
	CodeProjectTooManyAreas = code("project.too_many_innovation_areas",
		"must have at most {max} tags",
		"Paling banyak {max} bidang inovasi.")
	CodeStakeholderKind = code("project.stakeholder_kind",
		"must be internal or external",
		"Pilih internal atau eksternal.")
	CodeStakeholderLevel = code("project.stakeholder_level",
		"must be high or low",
		"Pilih tinggi atau rendah.")
	CodeProjectNotApproved = code("project.design_not_approved",
		"implementation starts once the design is approved; the project is {status}",
		"Implementasi dimulai setelah rancangan disetujui.")
	CodeProjectAlreadyImplementing = code("project.already_implementing",
		"the implementation has begun already",
		"Implementasi sudah dimulai.")
	CodeProjectNotImplementing = code("project.not_implementing",
		"the final report is submitted during implementation; the project is {status}",
		"Laporan akhir diajukan selama fase implementasi.")
	CodeDesignNotDraft = code("design.not_draft",
		"only a draft can be submitted; the design is {status}",
		"Hanya rancangan berstatus draf yang dapat diajukan.")
	CodeDesignRequired = code("design.required_to_submit",
		"is required before the design is submitted",
		"Wajib diisi sebelum rancangan diajukan.")
	CodeDesignNeedsShortMilestone = code("design.needs_short_milestone",
		"the design needs at least one short-term milestone",
		"Rancangan memerlukan paling sedikit satu tahapan jangka pendek.")
	CodeDesignNotSubmitted = code("design.not_submitted",
		"only a submitted design can be reviewed; the design is {status}",
		"Hanya rancangan yang telah diajukan yang dapat ditelaah.")
	CodeDesignAlreadyReviewed = code("design.already_reviewed",
		"you have already reviewed this round of the design; wait for the participant to resubmit",
		"Anda sudah menelaah putaran rancangan ini. Tunggu peserta mengajukannya kembali.")
	CodeDesignReturnNeedsComment = code("design.return_needs_comment",
		"is required to return a design: say what to change",
		"Wajib diisi untuk mengembalikan rancangan: jelaskan apa yang perlu diubah.")
)

// Codes of milestones.
var (
	CodeMilestoneHorizon = code("milestone.horizon",
		"must be short, mid or long",
		"Pilih jangka pendek, menengah, atau panjang.")
	CodeMilestoneDesignNotApproved = code("milestone.design_not_approved",
		"milestones are claimed once the design is approved",
		"Capaian tahapan dapat diajukan setelah rancangan disetujui.")
	CodeMilestoneHorizonClosed = code("milestone.horizon_closed",
		"the project is {status}: its {horizon}-term milestones were assessed and stay as they are; mid- and long-term milestones stay open",
		"Tahapan pada jangka waktu ini sudah dinilai dan tidak dapat diubah lagi; tahapan jangka menengah dan jangka panjang tetap terbuka.")
	CodeMilestoneStatusMove = code("milestone.status_move",
		"a milestone moves only between planned and in_progress here; it is {status} (claim it to have it verified)",
		"Di sini status tahapan hanya dapat berpindah antara direncanakan dan sedang berjalan. Ajukan capaiannya agar diverifikasi.")
	CodeMilestoneNotPlanned = code("milestone.not_planned",
		"only a planned milestone can be deleted; it is {status}",
		"Hanya tahapan yang masih direncanakan yang dapat dihapus.")
	CodeMilestoneHasEvidence = code("milestone.has_evidence",
		"a milestone with evidence cannot be deleted",
		"Tahapan yang sudah memiliki bukti dukung tidak dapat dihapus.")
	CodeMilestoneNotOpen = code("milestone.not_open",
		"only a planned or in-progress milestone can be claimed; it is {status}",
		"Hanya tahapan yang direncanakan atau sedang berjalan yang dapat diajukan capaiannya.")
	CodeMilestoneNeedsEvidence = code("milestone.needs_evidence",
		"submit at least one evidence before claiming the milestone achieved",
		"Kirim paling sedikit satu bukti dukung sebelum mengajukan tahapan sebagai tercapai.")
	CodeMilestoneNotClaimed = code("milestone.not_claimed",
		"only a claimed milestone can be verified; it is {status}",
		"Hanya tahapan yang capaiannya telah diajukan yang dapat diverifikasi.")
	CodeMilestoneEvidencePending = code("milestone.evidence_pending",
		"review every submitted evidence of the milestone before verifying it",
		"Telaah setiap bukti dukung tahapan ini sebelum memverifikasinya.")
	CodeMilestoneNeedsApproved = code("milestone.needs_approved_evidence",
		"a milestone is verified on approved evidence: approve at least one first",
		"Tahapan diverifikasi berdasarkan bukti dukung yang disetujui. Setujui paling sedikit satu bukti dukung terlebih dahulu.")
	CodeMilestoneReturnNeedsComment = code("milestone.return_needs_comment",
		"is required to return a milestone: say what is missing",
		"Wajib diisi untuk mengembalikan tahapan: jelaskan apa yang masih kurang.")
	CodeMilestoneAchieved = code("milestone.achieved",
		"the milestone is achieved already",
		"Tahapan ini sudah tercapai.")
)

// Codes of evidence.
var (
	CodeEvidenceDesignNotApproved = code("evidence.design_not_approved",
		"evidence is submitted once the design is approved",
		"Bukti dukung dapat dikirim setelah rancangan disetujui.")
	CodeEvidenceIsLink = code("evidence.is_link",
		"this evidence is a link, not a file: open its url",
		"Bukti dukung ini berupa tautan, bukan berkas. Buka tautannya.")
	CodeEvidenceFileOrURL = code("evidence.file_or_url",
		"send a file or a url",
		"Pilih berkas atau isi alamat tautan.")
	CodeEvidenceFileAndURL = code("evidence.file_and_url",
		"send a file or a url, not both",
		"Kirim berkas atau tautan, jangan keduanya.")
	CodeEvidenceWithdrawNotPending = code("evidence.withdraw_not_pending",
		"only evidence waiting for review can be withdrawn; it is {status}",
		"Hanya bukti dukung yang menunggu telaah yang dapat ditarik kembali.")
	CodeEvidenceNotPending = code("evidence.not_pending",
		"only evidence waiting for review can be reviewed; it is {status}",
		"Hanya bukti dukung yang menunggu telaah yang dapat ditelaah.")
	CodeEvidenceRejectNeedsComment = code("evidence.reject_needs_comment",
		"is required to reject evidence: say why",
		"Wajib diisi untuk menolak bukti dukung: jelaskan alasannya.")
)

// Codes of uploads: the files and forms of evidence.
var (
	CodeUploadEmpty = code("upload.empty",
		"is empty",
		"Berkas kosong.")
	CodeUploadType = code("upload.type",
		"files of type {type} are not accepted as evidence: send a PDF, an image, an office document, text, CSV or ZIP",
		"Jenis berkas ini tidak diterima sebagai bukti dukung. Kirim PDF, gambar, dokumen perkantoran, teks, CSV, atau ZIP.")
	CodeUploadTooLarge = code("upload.too_large",
		"an evidence file may have at most {max} MiB",
		"Berkas bukti dukung paling besar {max} MiB.")
	CodeUploadMultipart = code("upload.multipart",
		"send the evidence as multipart/form-data",
		"Kirim bukti dukung sebagai multipart/form-data.")
	CodeUploadOverLimit = code("upload.over_limit",
		"the upload is over the limit",
		"Unggahan melebihi batas ukuran.")
	CodeUploadOneFile = code("upload.one_file",
		"send one file per evidence",
		"Kirim satu berkas untuk setiap bukti dukung.")
	CodeUploadFieldTooLong = code("upload.field_too_long",
		"is too long",
		"Isian ini terlalu panjang.")
	CodeUploadUnknownField = code("upload.unknown_field",
		"is not a field of evidence: send title, description, and file or url",
		"Bukan isian bukti dukung. Kirim judul, deskripsi, dan berkas atau tautan.")
)

// Codes of starting work on a milestone (start-milestone).
var (
	CodeMilestoneStartBeforeApproval = code("milestone.start_design_not_approved",
		"work on milestones begins once the design is approved",
		"Pekerjaan tahapan dimulai setelah rancangan disetujui.")
	CodeMilestoneAlreadyStarted = code("milestone.already_started",
		"only a planned milestone can be started; it is {status}",
		"Hanya tahapan yang direncanakan yang dapat dimulai; tahapan ini sudah berjalan atau selesai.")
)

// Codes of resumable uploads (the tus protocol) of evidence files.
var (
	CodeUploadOffsetMismatch = code("upload.offset_mismatch",
		"the upload continues at byte {offset}, not where this request began: ask with HEAD and send the rest from there",
		"Unggahan berlanjut dari bita ke-{offset}, bukan dari posisi permintaan ini. Lanjutkan unggahan dari posisi itu.")
	CodeUploadProtocol = code("upload.protocol",
		"this request does not follow the tus resumable upload protocol 1.0.0: send Tus-Resumable, Upload-Length to begin, Upload-Offset and Content-Type application/offset+octet-stream to continue",
		"Permintaan unggahan tidak sesuai protokol unggahan berlanjut.")
	CodeUploadBusy = code("upload.busy",
		"another request is sending this upload right now: try again in a moment",
		"Unggahan ini sedang dikirim oleh permintaan lain. Coba lagi sebentar lagi.")
)

// Codes of seminars, their rubrics and their assessments.
var (
	CodeSeminar = code("assessment.seminar",
		"must be design or final",
		"Pilih seminar rancangan atau seminar akhir.")
	CodeRubricCriteriaCount = code("rubric.criteria_count",
		"must list between 1 and 20 criteria",
		"Cantumkan 1 sampai 20 kriteria.")
	CodeRubricKey = code("rubric.key",
		"must be lower-case letters, digits and _ (at most 40), starting with a letter",
		"Gunakan huruf kecil, angka, dan _ (paling banyak 40 karakter), diawali huruf.")
	CodeRubricKeyTwice = code("rubric.key_twice",
		"is listed twice",
		"Tercantum dua kali.")
	CodeRubricWeight = code("rubric.weight",
		"must be between 1 and 100",
		"Harus antara 1 dan 100.")
	CodeRubricWeightsSum = code("rubric.weights_sum",
		"weights must sum to 100, not {sum}",
		"Jumlah bobot harus 100, bukan {sum}.")
	CodeRubricLocked = code("rubric.locked",
		"the {seminar} seminar has assessments already: its rubric can no longer change",
		"Seminar ini sudah memiliki penilaian sehingga rubriknya tidak dapat diubah lagi.")
	CodeAssessmentDesignDraft = code("assessment.design_draft",
		"the design seminar assesses a submitted design; this one is a draft",
		"Seminar rancangan menilai rancangan yang telah diajukan; rancangan ini masih berupa draf.")
	CodeAssessmentFinalNotSubmitted = code("assessment.final_not_submitted",
		"the final seminar assesses a submitted final report; the project is {status}",
		"Seminar akhir menilai laporan akhir yang telah diajukan; laporan akhir proyek perubahan ini belum diajukan.")
	CodeAssessmentUnknownCriterion = code("assessment.unknown_criterion",
		"{criterion} is not a criterion of the {seminar} seminar's rubric",
		"{criterion} bukan kriteria dalam rubrik seminar ini.")
	CodeAssessmentScoredTwice = code("assessment.scored_twice",
		"{criterion} is scored twice",
		"Kriteria {criterion} dinilai dua kali.")
	CodeAssessmentScore = code("assessment.score",
		"must be between 0 and 100, with at most one decimal",
		"Harus antara 0 dan 100, dengan paling banyak satu angka desimal.")
	CodeAssessmentMissingScore = code("assessment.missing_score",
		"the criterion {criterion} ({name}) has no score",
		"Kriteria {criterion} ({name}) belum diberi nilai.")
)

// Codes of the showcase: publications and studi tiru.
var (
	CodePublicationNotApproved = code("publication.design_not_approved",
		"a project is published once its design is approved; it is {status}",
		"Proyek perubahan dapat dipublikasikan setelah rancangannya disetujui.")
	CodePublicationInnovationRequired = code("publication.innovation_required",
		"is required: say what is new and how it works, for other regions",
		"Wajib diisi: jelaskan apa yang baru dan bagaimana cara kerjanya, bagi daerah lain.")
	CodePublicationForeignEvidence = code("publication.foreign_evidence",
		"is not evidence of this project",
		"Bukan bukti dukung proyek perubahan ini.")
	CodePublicationEvidenceNotApproved = code("publication.evidence_not_approved",
		"only approved evidence can be made public; this is {status}",
		"Hanya bukti dukung yang telah disetujui yang dapat dipublikasikan.")
	CodeShowcaseOwnAgency = code("showcase.replication_own_agency",
		"is the innovating agency itself: record the agencies that came to learn from it",
		"Ini adalah instansi pemilik inovasi. Catat instansi yang datang untuk mempelajarinya.")
	CodeShowcaseReplicationStatus = code("showcase.replication_status",
		"must be studied or adopted",
		"Pilih studi tiru atau diadopsi.")
	CodeShowcaseReplicationFuture = code("showcase.replication_future",
		"must not be in the future: record a studi tiru once it happened",
		"Tanggal tidak boleh di masa mendatang. Catat studi tiru setelah terlaksana.")
	CodeShowcaseReplicationRecorded = code("showcase.replication_recorded",
		"has this studi tiru of this innovation on this day recorded already",
		"Studi tiru instansi ini atas inovasi ini pada tanggal tersebut sudah tercatat.")
	CodeShowcaseDocumentKind = code("showcase.document_kind",
		"must be mou, pks, sk_adopsi, berita_acara or other",
		"Pilih jenis dokumen: MoU, PKS, SK adopsi, berita acara, atau lainnya.")
)

// Codes of a roster: the file an organizer imports to enroll a cohort.
var (
	CodeRosterEmpty = code("roster.empty",
		"has no rows",
		"Daftar peserta tidak berisi baris.")
	CodeRosterTooManyRows = code("roster.too_many_rows",
		"has more than {max} rows; split it into several files",
		"Daftar peserta lebih dari {max} baris. Bagi menjadi beberapa berkas.")
	CodeRosterOwnMentor = code("roster.own_mentor",
		"must differ from the participant's email; a participant cannot be their own mentor",
		"Harus berbeda dari email peserta: peserta tidak dapat menjadi mentornya sendiri.")
	CodeRosterOwnCoach = code("roster.own_coach",
		"must differ from the participant's email; a participant cannot be their own coach",
		"Harus berbeda dari email peserta: peserta tidak dapat menjadi coach-nya sendiri.")
	CodeRosterRepeated = code("roster.repeated",
		"is also on row {row}; list each participant once",
		"Juga tercantum pada baris {row}. Cantumkan setiap peserta satu kali.")
	CodeRosterCoachAsParticipant = code("roster.coach_as_participant",
		"is a coach of this cohort and cannot also be a participant",
		"Orang ini adalah coach di angkatan ini sehingga tidak dapat sekaligus menjadi peserta.")
	CodeRosterMentorNameRequired = code("roster.mentor_name_required",
		"is required for a mentor who has no account yet",
		"Wajib diisi untuk mentor yang belum memiliki akun.")
	CodeRosterNotACoach = code("roster.not_a_coach",
		"is not a coach of this cohort: add them as staff with the role coach first",
		"Bukan coach di angkatan ini. Tambahkan terlebih dahulu sebagai staf dengan peran coach.")
)

// Codes of a roster file that cannot be read as a CSV table.
var (
	CodeRosterBareQuote = code("roster.csv_bare_quote",
		`has a quote (") inside a value that does not start with one; put the whole value in quotes and double the quote inside ("") (see line {line})`,
		`Ada tanda petik (") di dalam nilai yang tidak diawali tanda petik (lihat baris {line}). Apit seluruh nilai dengan tanda petik dan gandakan tanda petik di dalamnya ("").`)
	CodeRosterOpenQuote = code("roster.csv_open_quote",
		"has a value in quotes that is not closed, or that has text after its closing quote (see line {line})",
		"Ada nilai bertanda petik yang tidak ditutup, atau ada teks setelah tanda petik penutupnya (lihat baris {line}).")
	CodeRosterUnreadable = code("roster.csv_unreadable",
		"cannot be read: {reason} (see line {line})",
		"Baris ini tidak dapat dibaca (lihat baris {line}).")
	CodeRosterValueCount = code("roster.csv_value_count",
		"has {values} values but the header has {columns} columns; look for a missing or extra {separator}",
		"Berisi {values} nilai, padahal judul kolom ada {columns}. Periksa apakah ada pemisah {separator} yang kurang atau berlebih.")
	CodeRosterUnnamedColumn = code("roster.csv_unnamed_column",
		"has a value in column {column}, which has no name in the header",
		"Ada nilai di kolom {column}, padahal kolom itu tidak berjudul.")
	CodeRosterUnknownColumn = code("roster.csv_unknown_column",
		"unknown column {column}; the columns are {columns}",
		"Kolom {column} tidak dikenal. Kolom yang dikenal: {columns}.")
	CodeRosterDuplicateColumn = code("roster.csv_duplicate_column",
		"duplicate column {column}",
		"Kolom {column} tercantum dua kali.")
	CodeRosterMissingColumn = code("roster.csv_missing_column",
		"missing column {column}",
		"Kolom {column} tidak ada.")
	CodeRosterNotUTF8 = code("roster.csv_not_utf8",
		`is not UTF-8 text (see line {line}); in Excel, save it as "CSV UTF-8" and upload it again`,
		`Berkas bukan teks UTF-8 (lihat baris {line}). Di Excel, simpan sebagai “CSV UTF-8” lalu unggah kembali.`)
)

// Codes of program templates, a cohort's copy of one, and co-organized
// cohorts.
var (
	CodeTemplateUnknown = code("template.unknown",
		"no such program template, or not one of your institution or of LAN",
		"Templat program tidak ditemukan di lembaga Anda maupun di LAN.")
	CodeTemplateProgramMismatch = code("template.program_mismatch",
		"is a template of program {program}; choose a template of the cohort's program",
		"Templat ini untuk program {program}. Pilih templat program angkatan ini.")
	CodeTemplateShipped = code("template.shipped",
		"LAN's templates are not changed here; copy one into your institution and adapt the copy",
		"Templat LAN tidak dapat diubah. Salin ke lembaga Anda lalu sesuaikan salinannya.")
	CodeThresholdsCount = code("thresholds.count",
		"must list between 1 and {max} thresholds",
		"Cantumkan 1 sampai {max} ambang kualifikasi.")
	CodeThresholdAbove = code("thresholds.above",
		"must be between 0 and 100",
		"Harus antara 0 dan 100.")
	CodeThresholdsOrder = code("thresholds.order",
		"thresholds go best first (sangat_memuaskan, memuaskan, cukup_memuaskan), each lower than the one before",
		"Urutkan ambang dari kualifikasi terbaik (Sangat Memuaskan, Memuaskan, Cukup Memuaskan), masing-masing lebih rendah dari sebelumnya.")
	CodeGraduationWeightsSum = code("graduation.weights_sum",
		"weights must sum to 100, not {sum}",
		"Jumlah bobot harus 100, bukan {sum}.")
	CodeCohortPartnerSelf = code("cohort.partner_self",
		"must be another institution than the cohort's own",
		"Lembaga mitra harus lembaga lain, bukan penyelenggara angkatan ini.")
	CodeCohortPartnerReadOnly = code("cohort.partner_read_only",
		"the organizers of a partner institution read this cohort and change nothing in it",
		"Penyelenggara lembaga mitra hanya dapat melihat angkatan ini, tidak dapat mengubahnya.")
)
