// Every text of the web app, in Bahasa Indonesia. Keys are grouped by
// screen; {name} marks a value filled in by t(). To add English, copy this
// file to en.ts with the same keys and pick it in i18n/index.ts.
export const id = {
  // Application frame
  "app.name": "Proper",
  "app.tagline": "Pelacak Proyek Perubahan pelatihan kepemimpinan",
  "app.skip": "Lewati ke konten utama",
  "nav.home": "Beranda",
  "nav.reviewQueue": "Antrean telaah",
  "nav.signOut": "Keluar",
  "nav.menu": "Navigasi utama",
  "nav.reviewCount": "{count} menunggu telaah",
  "common.loading": "Memuat…",
  "common.save": "Simpan",
  "common.saving": "Menyimpan…",
  "common.cancel": "Batal",
  "common.back": "Kembali",
  "common.retry": "Coba lagi",
  "common.empty": "Belum ada data.",
  "common.none": "—",
  "common.required": "wajib",
  "common.close": "Tutup",
  "common.details": "Rincian",
  "common.comment": "Komentar",
  "common.submit": "Kirim",
  "common.networkError": "Tidak dapat menghubungi server. Periksa koneksi Anda lalu coba lagi.",
  "common.notFound": "Halaman tidak ditemukan.",
  "common.problem": "Permintaan tidak berhasil",
  "common.fieldProblem": "Periksa isian yang ditandai.",
  "common.sessionExpired": "Sesi Anda telah berakhir. Silakan masuk lagi.",

  // Sign-in, activation
  "auth.signIn": "Masuk",
  "auth.signingIn": "Sedang masuk…",
  "auth.email": "Email",
  "auth.password": "Kata sandi",
  "auth.newPassword": "Kata sandi baru (minimal 10 karakter)",
  "auth.code": "Kode aktivasi",
  "auth.codeHint": "Kode dari penyelenggara, misalnya 7KQ2-M9XD-4TPA.",
  "auth.activate": "Aktifkan akun",
  "auth.activating": "Mengaktifkan…",
  "auth.haveCode": "Punya kode aktivasi? Aktifkan akun",
  "auth.haveAccount": "Sudah punya kata sandi? Masuk",
  "auth.activated": "Akun aktif. Selamat datang!",

  // Home
  "home.greeting": "Selamat datang, {name}",
  "home.roles": "Peran Anda",
  "home.noRoles": "Anda belum memegang peran di angkatan mana pun. Hubungi penyelenggara pelatihan.",
  "home.cohort": "Angkatan",
  "home.open": "Buka",
  "home.myProject": "Proyek saya",
  "home.dashboard": "Dasbor angkatan",
  "home.manage": "Kelola angkatan",
  "home.examine": "Penilaian seminar",
  "home.reviews": "Antrean telaah",
  "home.newCohort": "Buat angkatan baru",
  "home.noProject": "Proyek Anda belum dibuat.",
  "role.participant": "Peserta",
  "role.mentor": "Mentor",
  "role.coach": "Coach",
  "role.organizer": "Penyelenggara",
  "role.examiner": "Penguji",
  "role.admin": "Admin platform",

  // Project and milestone states
  "status.draft": "Draf",
  "status.design_submitted": "Rancangan diajukan",
  "status.design_approved": "Rancangan disetujui",
  "status.implementing": "Implementasi",
  "status.final_submitted": "Laporan akhir diajukan",
  "status.completed": "Selesai",
  "milestoneStatus.planned": "Direncanakan",
  "milestoneStatus.in_progress": "Berjalan",
  "milestoneStatus.awaiting_verification": "Menunggu verifikasi",
  "milestoneStatus.achieved": "Tercapai",
  "evidenceStatus.submitted": "Menunggu telaah",
  "evidenceStatus.approved": "Disetujui",
  "evidenceStatus.rejected": "Ditolak",
  "evidenceStatus.withdrawn": "Ditarik",
  "horizon.short": "Jangka pendek",
  "horizon.mid": "Jangka menengah",
  "horizon.long": "Jangka panjang",
  "program.pkn1": "PKN Tingkat I",
  "program.pkn2": "PKN Tingkat II",
  "program.pka": "PKA",
  "program.pkp": "PKP",
  "overdue": "Terlambat",

  // Participant: my project (pages/participant)
  "participant.ready": "",

  // Mentor: review queue and reviews (pages/mentor)
  "mentor.ready": "",

  // Examiner: assessment (pages/examiner)
  "examiner.ready": "",

  // Coach: cohort dashboard and coaching notes (pages/coach)
  "coach.ready": "",

  // Organizer: cohorts, roster, staff (pages/organizer)
  "organizer.ready": "",
} as const;

/** The name of a message. */
export type MessageKey = keyof typeof id;
