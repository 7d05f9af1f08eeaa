package demo

import (
	"strings"

	"github.com/proper-id/proper/domain"
)

// theme is a change project of the kind heads of regional agencies carry
// out in PKN II, written for any region: {daerah} stands for the region
// ("Kota Batam"), {kada} for its head ("Wali Kota Batam") and {unit} for the
// participant's agency unit in that region.
type theme struct {
	Unit string // the agency unit, e.g. "Dinas Kesehatan"
	Head string // its head's position, e.g. "Kepala Dinas Kesehatan"
	Title,
	Problem,
	Background,
	Goal,
	Benefits,
	Scope string
	Areas        []string
	Stakeholders []domain.Stakeholder
	// Short are the theme's short-term milestones after the common first
	// one (teamMilestone); Mid and Long look one and two years ahead.
	Short     [2]step
	Mid, Long step
}

// step is a milestone of a theme with its activities (kegiatan); each
// activity's Output names the evidence that proves it.
type step struct {
	Title, Description string
	Activities         []domain.Activity
}

// teamMilestone is the first short-term milestone of every project: the
// effective team (tim efektif) that every change project starts with.
var teamMilestone = step{"Tim efektif terbentuk dan rencana aksi disepakati",
	"Tim efektif ditetapkan dengan surat keputusan kepala {unit}; rencana aksi, pembagian peran dan jadwal disepakati bersama mentor.",
	acts("Menetapkan SK tim efektif", "SK Tim Efektif", "Rapat koordinasi tim efektif bersama mentor", "Notula rapat koordinasi tim efektif")}

func acts(titleOutput ...string) []domain.Activity {
	var out []domain.Activity
	for i := 0; i+1 < len(titleOutput); i += 2 {
		out = append(out, domain.Activity{Title: titleOutput[i], Output: titleOutput[i+1]})
	}
	return out
}

// sh is a stakeholder: internal or external, power and interest high or low.
func sh(name string, internal, highPower, highInterest bool) domain.Stakeholder {
	level := func(high bool) domain.Level {
		if high {
			return domain.LevelHigh
		}
		return domain.LevelLow
	}
	kind := domain.StakeholderExternal
	if internal {
		kind = domain.StakeholderInternal
	}
	return domain.Stakeholder{Name: name, Kind: kind, Power: level(highPower), Interest: level(highInterest)}
}

// fill replaces a theme's placeholders with the participant's region.
func (p participant) fill(s string) string {
	return strings.NewReplacer("{daerah}", p.Region.Area, "{kada}", p.Region.Head, "{unit}", p.Theme.Unit+" "+p.Region.Area).Replace(s)
}

var themes = []theme{
	{Unit: "Dinas Kependudukan dan Pencatatan Sipil", Head: "Kepala Dinas Kependudukan dan Pencatatan Sipil",
		Title:      "SIAP ANTRE: Layanan Antrean Daring Administrasi Kependudukan {daerah}",
		Problem:    "Warga menunggu rata-rata 3 sampai 4 jam untuk layanan KTP-el, kartu keluarga dan akta kelahiran; sebagian pulang tanpa terlayani karena kuota harian habis.",
		Background: "Survei kepuasan masyarakat tahun lalu menempatkan waktu tunggu sebagai keluhan utama. Nomor antrean masih dibagikan secara manual sejak subuh, tanpa informasi kuota dan jadwal, padahal sebagian besar warga sudah memakai ponsel pintar.",
		Goal:       "Menurunkan waktu tunggu layanan administrasi kependudukan menjadi kurang dari 30 menit melalui pendaftaran antrean daring dengan kuota dan jadwal yang terbuka.",
		Benefits:   "Warga tidak perlu datang berulang kali; petugas dapat merencanakan beban layanan harian; pimpinan memperoleh data kinerja layanan setiap hari.",
		Scope:      "Layanan KTP-el, kartu keluarga dan akta kelahiran di kantor dinas dan tiga kecamatan percontohan.",
		Areas:      []string{"pelayanan publik", "digitalisasi layanan", "administrasi kependudukan"},
		Stakeholders: []domain.Stakeholder{sh("{kada}", true, true, true), sh("Dinas Komunikasi dan Informatika {daerah}", false, true, false),
			sh("Camat dan petugas layanan kecamatan", true, false, true), sh("Ditjen Dukcapil Kementerian Dalam Negeri", false, true, false), sh("Warga pemohon layanan", false, false, true)},
		Short: [2]step{
			{"Aplikasi antrean daring siap diuji coba", "Pendaftaran antrean melalui laman dan WhatsApp dengan kuota harian per jenis layanan.",
				acts("Menyusun SOP layanan antrean daring", "SOP layanan antrean daring", "Membangun aplikasi antrean bersama Diskominfo", "Tangkapan layar aplikasi antrean versi uji coba")},
			{"Uji coba antrean daring di kantor dinas dan tiga kecamatan", "Uji coba dua minggu dengan pencatatan waktu tunggu harian.",
				acts("Sosialisasi antrean daring kepada warga", "Materi sosialisasi dan publikasi media sosial", "Evaluasi waktu tunggu selama uji coba", "Laporan evaluasi uji coba")}},
		Mid:  step{"Antrean daring berlaku di seluruh kecamatan", "Seluruh kecamatan melayani dengan antrean daring dan standar waktu tunggu.", acts("Menetapkan standar pelayanan antrean daring", "Keputusan {kada} tentang standar pelayanan")},
		Long: step{"Antrean terintegrasi dengan Mal Pelayanan Publik", "Satu akun antrean untuk seluruh layanan di Mal Pelayanan Publik {daerah}.", acts("Integrasi dengan aplikasi MPP", "Berita acara integrasi sistem")},
	},
	{Unit: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", Head: "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
		Title:      "SIPADU: Aplikasi Perizinan Terpadu Berbasis Risiko di {daerah}",
		Problem:    "Izin usaha dan persetujuan bangunan gedung diproses terpisah oleh lima perangkat daerah; rata-rata penyelesaian 21 hari kerja dan pemohon harus datang ke beberapa kantor.",
		Background: "Perizinan berbasis risiko melalui OSS sudah berlaku, tetapi persyaratan teknis daerah masih diperiksa secara manual dan berkas berpindah tangan antarinstansi tanpa pelacakan.",
		Goal:       "Memangkas waktu penyelesaian izin menjadi paling lama 7 hari kerja dengan satu aplikasi pelacakan berkas untuk seluruh perangkat daerah teknis.",
		Benefits:   "Kepastian waktu dan biaya bagi pelaku usaha, iklim investasi daerah yang lebih baik, dan berkurangnya peluang pungutan liar.",
		Scope:      "Izin usaha berisiko menengah dan tinggi serta persetujuan bangunan gedung.",
		Areas:      []string{"perizinan", "kemudahan berusaha", "digitalisasi layanan"},
		Stakeholders: []domain.Stakeholder{sh("{kada}", true, true, true), sh("Dinas Pekerjaan Umum dan Penataan Ruang {daerah}", false, true, false),
			sh("Tim teknis perizinan perangkat daerah", true, false, true), sh("Asosiasi pengusaha dan KADIN", false, false, true)},
		Short: [2]step{
			{"Proses bisnis perizinan terpadu disepakati", "Alur, waktu dan penanggung jawab setiap tahap izin disepakati lima perangkat daerah teknis.",
				acts("Rapat penyelarasan proses bisnis dengan perangkat daerah teknis", "Berita acara kesepakatan proses bisnis", "Menyusun peta proses perizinan", "Dokumen peta proses perizinan")},
			{"Aplikasi pelacakan berkas izin diluncurkan", "Pemohon dan petugas melihat posisi berkas dan batas waktu setiap tahap.",
				acts("Uji coba aplikasi bersama pemohon", "Laporan uji coba aplikasi", "Peluncuran aplikasi oleh pimpinan daerah", "Dokumentasi peluncuran aplikasi")}},
		Mid:  step{"Seluruh izin teknis daerah diproses melalui SIPADU", "Tidak ada lagi berkas fisik yang berpindah antarinstansi.", acts("Menetapkan peraturan tentang pendelegasian kewenangan perizinan", "Peraturan {kada} tentang pendelegasian kewenangan")},
		Long: step{"SIPADU terhubung dengan OSS dan SIMBG", "Data izin daerah tersinkron dengan sistem nasional tanpa input ulang.", acts("Integrasi API dengan OSS dan SIMBG", "Berita acara integrasi sistem")},
	},
	{Unit: "Dinas Perdagangan", Head: "Kepala Dinas Perdagangan",
		Title:      "E-RETRIBUSI: Pembayaran Retribusi Pasar Rakyat Nontunai di {daerah}",
		Problem:    "Realisasi retribusi pelayanan pasar hanya 62 persen dari potensi; penagihan tunai harian oleh juru pungut rawan kebocoran dan tidak tercatat per pedagang.",
		Background: "Terdapat belasan pasar rakyat dengan ribuan kios dan los. Karcis retribusi masih dicetak manual dan setoran dilakukan berjenjang, sehingga data tunggakan per pedagang tidak tersedia.",
		Goal:       "Menerapkan pembayaran retribusi pasar secara nontunai melalui QRIS dan virtual account di pasar percontohan dengan realisasi minimal 85 persen dari potensi.",
		Benefits:   "Pendapatan asli daerah meningkat, pedagang memperoleh bukti bayar yang sah, dan pengelola pasar mengetahui tunggakan setiap kios.",
		Scope:      "Tiga pasar rakyat percontohan dan seluruh pedagang kios dan los di dalamnya.",
		Areas:      []string{"pendapatan daerah", "transaksi nontunai", "pasar rakyat"},
		Stakeholders: []domain.Stakeholder{sh("Badan Pendapatan Daerah {daerah}", false, true, true), sh("Bank Pembangunan Daerah", false, true, true),
			sh("Kepala pasar dan juru pungut", true, false, true), sh("Paguyuban pedagang pasar", false, false, true), sh("Bank Indonesia perwakilan provinsi", false, true, false)},
		Short: [2]step{
			{"Pendataan ulang pedagang dan kios pasar percontohan", "Setiap kios dan los memiliki nomor, pemilik dan tarif retribusi yang terverifikasi.",
				acts("Pendataan pedagang di tiga pasar percontohan", "Basis data pedagang pasar percontohan", "Verifikasi tarif bersama Bapenda", "Berita acara verifikasi tarif")},
			{"Pembayaran QRIS berlaku di pasar percontohan", "Pedagang membayar retribusi harian melalui QRIS statis di setiap kios.",
				acts("Pemasangan QRIS di kios bersama bank", "Dokumentasi pemasangan QRIS", "Sosialisasi kepada paguyuban pedagang", "Daftar hadir dan notula sosialisasi")}},
		Mid:  step{"E-retribusi berlaku di seluruh pasar rakyat", "Seluruh pasar rakyat memungut retribusi secara nontunai.", acts("Menetapkan peraturan pemungutan retribusi nontunai", "Peraturan {kada} tentang retribusi nontunai")},
		Long: step{"Dasbor pendapatan pasar terhubung dengan sistem keuangan daerah", "Realisasi retribusi tampil harian di dasbor pimpinan.", acts("Integrasi dengan sistem pendapatan daerah", "Tangkapan layar dasbor pendapatan")},
	},
	{Unit: "Dinas Kesehatan", Head: "Kepala Dinas Kesehatan",
		Title:      "POSYANDU DIGITAL: Pemantauan Tumbuh Kembang Balita untuk Percepatan Penurunan Stunting di {daerah}",
		Problem:    "Data penimbangan balita di posyandu dicatat di buku dan baru direkap bulanan; balita berisiko stunting terlambat dirujuk dan prevalensi stunting belum turun sesuai target.",
		Background: "Kader posyandu mencatat hasil pengukuran secara manual dan puskesmas merekap ulang ke aplikasi pusat. Keterlambatan data membuat intervensi gizi tidak tepat sasaran.",
		Goal:       "Seluruh posyandu percontohan mencatat pengukuran balita secara digital sehingga balita berisiko terdeteksi dan dirujuk dalam 7 hari.",
		Benefits:   "Intervensi gizi lebih cepat dan tepat sasaran, beban rekap kader dan puskesmas berkurang, data stunting daerah lebih akurat.",
		Scope:      "Posyandu di wilayah lima puskesmas dengan prevalensi stunting tertinggi.",
		Areas:      []string{"kesehatan", "stunting", "pemberdayaan masyarakat"},
		Stakeholders: []domain.Stakeholder{sh("{kada}", true, true, true), sh("Kepala puskesmas", true, true, true),
			sh("Kader posyandu", false, false, true), sh("Tim Penggerak PKK", false, true, true), sh("Dinas Pengendalian Penduduk dan Keluarga Berencana", false, false, true)},
		Short: [2]step{
			{"Kader posyandu percontohan terlatih mencatat secara digital", "Kader memakai aplikasi pencatatan di ponsel untuk penimbangan dan pengukuran.",
				acts("Pelatihan kader posyandu", "Daftar hadir dan materi pelatihan kader", "Pendampingan penimbangan pertama", "Dokumentasi penimbangan dengan aplikasi")},
			{"Balita berisiko terdeteksi dan dirujuk dari data posyandu", "Puskesmas menerima daftar balita berisiko setiap minggu dan menindaklanjutinya.",
				acts("Menyusun alur rujukan balita berisiko", "SOP rujukan balita berisiko", "Rapat evaluasi bersama puskesmas", "Laporan tindak lanjut rujukan")}},
		Mid:  step{"Posyandu digital di seluruh puskesmas", "Seluruh posyandu mencatat secara digital.", acts("Replikasi ke seluruh wilayah puskesmas", "Laporan replikasi posyandu digital")},
		Long: step{"Prevalensi stunting turun sesuai target daerah", "Data posyandu menjadi dasar intervensi gizi spesifik dan sensitif.", acts("Evaluasi tahunan prevalensi stunting", "Laporan evaluasi percepatan penurunan stunting")},
	},
	{Unit: "Dinas Komunikasi dan Informatika", Head: "Kepala Dinas Komunikasi dan Informatika",
		Title:      "SATU DATA {daerah}: Portal Data Terpadu sebagai Dasar Perencanaan Pembangunan",
		Problem:    "Setiap perangkat daerah menerbitkan angka yang berbeda untuk indikator yang sama; perencanaan dan evaluasi pembangunan memakai data yang tidak dapat dibandingkan.",
		Background: "Peraturan Presiden tentang Satu Data Indonesia mewajibkan walidata daerah, tetapi forum data belum terbentuk dan data sektoral tersebar di lembar kerja masing-masing perangkat daerah.",
		Goal:       "Membentuk forum Satu Data dan meluncurkan portal data terpadu berisi data prioritas yang telah diverifikasi walidata.",
		Benefits:   "Pimpinan daerah dan publik memakai satu sumber data resmi; perencanaan lebih tepat dan permintaan data antarinstansi berkurang.",
		Scope:      "Data prioritas pendidikan, kesehatan, kemiskinan dan infrastruktur dari sepuluh perangkat daerah.",
		Areas:      []string{"tata kelola data", "perencanaan berbasis bukti", "transformasi digital"},
		Stakeholders: []domain.Stakeholder{sh("Sekretaris Daerah selaku Koordinator Forum Satu Data", true, true, true), sh("Badan Perencanaan Pembangunan Daerah {daerah}", false, true, true),
			sh("Badan Pusat Statistik kabupaten/kota", false, true, false), sh("Produsen data perangkat daerah", false, false, true)},
		Short: [2]step{
			{"Forum Satu Data terbentuk", "Walidata, produsen data dan pembina data ditetapkan dengan keputusan kepala daerah.",
				acts("Menyusun rancangan keputusan forum Satu Data", "Keputusan {kada} tentang Forum Satu Data", "Rapat perdana forum Satu Data", "Notula rapat forum Satu Data")},
			{"Portal Satu Data memuat data prioritas", "Data prioritas terverifikasi dan dapat diunduh publik.",
				acts("Verifikasi data prioritas oleh walidata", "Daftar data prioritas terverifikasi", "Peluncuran portal Satu Data", "Tangkapan layar portal Satu Data")}},
		Mid:  step{"Seluruh perangkat daerah memperbarui data secara berkala", "Jadwal rilis data sektoral dipatuhi seluruh produsen data.", acts("Menetapkan kalender rilis data", "Kalender rilis data sektoral")},
		Long: step{"Portal terhubung dengan portal Satu Data Indonesia", "Metadata dan data daerah tersinkron dengan portal nasional.", acts("Integrasi dengan portal nasional", "Berita acara integrasi portal")},
	},
	{Unit: "Badan Pendapatan Daerah", Head: "Kepala Badan Pendapatan Daerah",
		Title:      "E-PBB: Penyampaian SPPT dan Pembayaran PBB-P2 Secara Elektronik di {daerah}",
		Problem:    "SPPT PBB-P2 dicetak dan dibagikan melalui kelurahan; sebagian tidak sampai ke wajib pajak dan tingkat kepatuhan pembayaran stagnan di bawah 70 persen.",
		Background: "Biaya cetak dan distribusi SPPT tinggi, data objek pajak belum dimutakhirkan sejak lama, dan kanal pembayaran masih terbatas pada loket bank.",
		Goal:       "Menyampaikan SPPT secara elektronik dan membuka kanal pembayaran digital sehingga kepatuhan PBB-P2 naik menjadi 80 persen.",
		Benefits:   "Biaya pemungutan turun, wajib pajak membayar kapan saja, dan pendapatan asli daerah meningkat.",
		Scope:      "Wajib pajak PBB-P2 di kelurahan/desa percontohan.",
		Areas:      []string{"pajak daerah", "transaksi nontunai", "pelayanan publik"},
		Stakeholders: []domain.Stakeholder{sh("{kada}", true, true, true), sh("Bank Pembangunan Daerah", false, true, true),
			sh("Camat, lurah dan kepala desa", false, false, true), sh("Wajib pajak PBB-P2", false, false, true)},
		Short: [2]step{
			{"Data kontak wajib pajak percontohan dimutakhirkan", "Nomor ponsel dan surel wajib pajak terkumpul dan tervalidasi.",
				acts("Pemutakhiran data bersama kelurahan", "Rekap data kontak wajib pajak", "Validasi data objek pajak", "Berita acara validasi data")},
			{"SPPT elektronik terkirim dan dapat dibayar daring", "SPPT dikirim melalui WhatsApp dan surel dengan kode bayar.",
				acts("Uji coba pengiriman SPPT elektronik", "Laporan pengiriman SPPT elektronik", "Kerja sama kanal pembayaran digital", "Perjanjian kerja sama dengan bank")}},
		Mid:  step{"E-SPPT berlaku untuk seluruh wajib pajak", "Pencetakan SPPT kertas dihentikan kecuali atas permintaan.", acts("Menetapkan peraturan SPPT elektronik", "Peraturan {kada} tentang SPPT elektronik")},
		Long: step{"Kepatuhan PBB-P2 di atas 85 persen", "Tingkat kepatuhan dipantau per kelurahan setiap bulan.", acts("Evaluasi tahunan kepatuhan PBB-P2", "Laporan evaluasi kepatuhan")},
	},
	{Unit: "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", Head: "Kepala Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
		Title:      "SINERGI: Integrasi Perencanaan dan Penganggaran Berbasis Kinerja di {daerah}",
		Problem:    "Program dalam RKPD dan DPA sering tidak selaras; banyak kegiatan dianggarkan tanpa indikator kinerja yang mendukung sasaran RPJMD.",
		Background: "Penyusunan rencana kerja dan anggaran dilakukan di aplikasi yang berbeda dan diselaraskan secara manual menjelang penetapan APBD, sehingga cascading kinerja tidak terjaga.",
		Goal:       "Menyelaraskan seluruh program dan kegiatan perangkat daerah dengan sasaran RPJMD melalui pohon kinerja dan verifikasi kinerja sebelum penganggaran.",
		Benefits:   "Anggaran lebih fokus pada prioritas, nilai SAKIP meningkat, dan capaian kinerja daerah dapat dipantau.",
		Scope:      "Rencana kerja sepuluh perangkat daerah prioritas untuk tahun anggaran berikutnya.",
		Areas:      []string{"perencanaan", "akuntabilitas kinerja", "tata kelola"},
		Stakeholders: []domain.Stakeholder{sh("Tim Anggaran Pemerintah Daerah", true, true, true), sh("Badan Pengelolaan Keuangan dan Aset Daerah {daerah}", false, true, true),
			sh("Inspektorat Daerah {daerah}", false, true, false), sh("Perencana perangkat daerah", false, false, true), sh("DPRD {daerah}", false, true, false)},
		Short: [2]step{
			{"Pohon kinerja daerah tersusun", "Sasaran RPJMD diturunkan sampai indikator kegiatan perangkat daerah.",
				acts("Lokakarya penyusunan pohon kinerja", "Dokumen pohon kinerja daerah", "Asistensi perangkat daerah prioritas", "Daftar hadir dan notula asistensi")},
			{"Verifikasi kinerja rencana kerja perangkat daerah", "Rencana kerja diverifikasi keselarasannya sebelum masuk penganggaran.",
				acts("Verifikasi rencana kerja sepuluh perangkat daerah", "Berita acara verifikasi rencana kerja", "Rapat evaluasi bersama TAPD", "Notula rapat evaluasi")}},
		Mid:  step{"Seluruh perangkat daerah memakai pohon kinerja", "Cascading kinerja menjadi syarat penganggaran.", acts("Menetapkan pedoman cascading kinerja", "Peraturan {kada} tentang cascading kinerja")},
		Long: step{"Nilai SAKIP daerah naik satu predikat", "Keselarasan perencanaan dan penganggaran dinilai baik oleh evaluator.", acts("Evaluasi SAKIP", "Laporan hasil evaluasi SAKIP")},
	},
	{Unit: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", Head: "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
		Title:      "TALENTA: Penerapan Manajemen Talenta ASN di {daerah}",
		Problem:    "Pengisian jabatan administrator dan pengawas belum didasarkan pada profil kompetensi dan kinerja; banyak jabatan lowong lama dan rotasi tidak terencana.",
		Background: "Data kompetensi dan penilaian kinerja ASN tersebar di beberapa aplikasi. Sistem merit daerah masih berkategori baik sehingga belum memenuhi syarat pengisian jabatan melalui manajemen talenta.",
		Goal:       "Menyusun kelompok rencana suksesi (talent pool) untuk jabatan administrator berdasarkan pemetaan kinerja dan potensi.",
		Benefits:   "Pengisian jabatan lebih cepat dan objektif, ASN memiliki jalur karier yang jelas, dan indeks sistem merit meningkat.",
		Scope:      "Pejabat administrator dan pengawas di seluruh perangkat daerah.",
		Areas:      []string{"manajemen ASN", "sistem merit", "pengembangan kompetensi"},
		Stakeholders: []domain.Stakeholder{sh("{kada} selaku Pejabat Pembina Kepegawaian", true, true, true), sh("Sekretaris Daerah", true, true, true),
			sh("Badan Kepegawaian Negara kantor regional", false, true, false), sh("Pejabat administrator dan pengawas", false, false, true)},
		Short: [2]step{
			{"Pemetaan kinerja dan potensi pejabat administrator", "Nine box kinerja dan potensi tersusun untuk seluruh pejabat administrator.",
				acts("Uji kompetensi pejabat administrator", "Rekap hasil uji kompetensi", "Penyusunan nine box kinerja dan potensi", "Dokumen pemetaan talenta")},
			{"Talent pool jabatan administrator ditetapkan", "Kelompok rencana suksesi ditetapkan oleh pejabat pembina kepegawaian.",
				acts("Rapat komite talenta", "Notula rapat komite talenta", "Penetapan talent pool", "Keputusan penetapan talent pool")}},
		Mid:  step{"Pengisian jabatan melalui talent pool", "Jabatan lowong diisi dari talent pool tanpa seleksi terbuka.", acts("Pengisian jabatan dari talent pool", "Laporan pengisian jabatan")},
		Long: step{"Indeks sistem merit berkategori sangat baik", "Manajemen talenta berjalan untuk seluruh jenjang jabatan.", acts("Penilaian mandiri sistem merit", "Laporan penilaian sistem merit")},
	},
	{Unit: "Dinas Lingkungan Hidup", Head: "Kepala Dinas Lingkungan Hidup",
		Title:      "BANK SAMPAH DIGITAL: Pengurangan Sampah dari Sumber di {daerah}",
		Problem:    "Timbulan sampah yang masuk ke TPA naik setiap tahun dan umur TPA diperkirakan tinggal tiga tahun; bank sampah yang ada tidak aktif karena pencatatan tabungan manual dan harga tidak transparan.",
		Background: "Sebagian besar sampah rumah tangga sebenarnya dapat dipilah dan didaur ulang. Nasabah bank sampah menurun karena tidak mengetahui saldo dan jadwal penimbangan.",
		Goal:       "Mengaktifkan kembali bank sampah percontohan dengan aplikasi tabungan sampah sehingga sampah yang dikurangi dari sumber naik 20 persen.",
		Benefits:   "Beban TPA berkurang, warga memperoleh nilai ekonomi dari sampah, dan data pengurangan sampah daerah dapat dipertanggungjawabkan.",
		Scope:      "Bank sampah unit di kelurahan percontohan dan bank sampah induk.",
		Areas:      []string{"lingkungan hidup", "ekonomi sirkular", "pemberdayaan masyarakat"},
		Stakeholders: []domain.Stakeholder{sh("Pengelola bank sampah induk", false, false, true), sh("Camat dan lurah", false, true, false),
			sh("Pengepul dan industri daur ulang", false, true, false), sh("Tim Penggerak PKK", false, false, true), sh("Warga nasabah bank sampah", false, false, true)},
		Short: [2]step{
			{"Bank sampah percontohan aktif kembali", "Pengurus bank sampah unit dilatih dan jadwal penimbangan ditetapkan.",
				acts("Pelatihan pengurus bank sampah unit", "Daftar hadir dan materi pelatihan", "Penimbangan perdana bersama warga", "Dokumentasi penimbangan perdana")},
			{"Aplikasi tabungan sampah dipakai nasabah", "Nasabah melihat saldo, harga dan jadwal melalui aplikasi.",
				acts("Pendaftaran nasabah ke aplikasi", "Rekap nasabah terdaftar", "Kesepakatan harga dengan pengepul", "Perjanjian harga dengan pengepul")}},
		Mid:  step{"Bank sampah digital di seluruh kelurahan", "Setiap kelurahan memiliki bank sampah unit aktif.", acts("Replikasi ke seluruh kelurahan", "Laporan replikasi bank sampah")},
		Long: step{"Pengurangan sampah dari sumber mencapai target Jakstrada", "Capaian pengurangan sampah dilaporkan dari data bank sampah.", acts("Evaluasi capaian Jakstrada", "Laporan capaian pengurangan sampah")},
	},
	{Unit: "Dinas Sosial", Head: "Kepala Dinas Sosial",
		Title:      "SIGAP SOSIAL: Pemutakhiran Data Terpadu Kesejahteraan Sosial Berbasis Kelurahan di {daerah}",
		Problem:    "Banyak penerima bantuan sosial tidak tepat sasaran karena data terpadu kesejahteraan sosial jarang dimutakhirkan; usulan warga miskin baru tertahan berbulan-bulan.",
		Background: "Pemutakhiran data dilakukan secara kolektif setahun sekali dan bergantung pada musyawarah kelurahan. Warga tidak mengetahui status usulannya.",
		Goal:       "Membuka layanan usulan dan sanggahan data kesejahteraan sosial di setiap kelurahan dengan verifikasi paling lama 14 hari.",
		Benefits:   "Bantuan sosial lebih tepat sasaran, warga dapat melacak usulannya, dan data kemiskinan daerah lebih akurat.",
		Scope:      "Kelurahan/desa di dua kecamatan percontohan.",
		Areas:      []string{"perlindungan sosial", "tata kelola data", "pelayanan publik"},
		Stakeholders: []domain.Stakeholder{sh("{kada}", true, true, true), sh("Pendamping PKH dan TKSK", false, false, true),
			sh("Lurah dan kepala desa", false, true, true), sh("Kementerian Sosial", false, true, false)},
		Short: [2]step{
			{"Operator kelurahan terlatih dan layanan usulan dibuka", "Setiap kelurahan percontohan memiliki operator data kesejahteraan sosial.",
				acts("Pelatihan operator kelurahan", "Daftar hadir pelatihan operator", "Peluncuran layanan usulan dan sanggahan", "Dokumentasi peluncuran layanan")},
			{"Verifikasi usulan selesai dalam 14 hari", "Usulan warga diverifikasi lapangan dan statusnya diumumkan.",
				acts("Verifikasi lapangan usulan warga", "Berita acara verifikasi lapangan", "Publikasi status usulan", "Tangkapan layar papan status usulan")}},
		Mid:  step{"Layanan usulan berlaku di seluruh kelurahan", "Pemutakhiran data berjalan setiap bulan.", acts("Replikasi layanan ke seluruh kecamatan", "Laporan replikasi layanan")},
		Long: step{"Ketepatan sasaran bantuan sosial di atas 90 persen", "Hasil pemadanan data dipakai seluruh program bantuan daerah.", acts("Evaluasi ketepatan sasaran", "Laporan evaluasi ketepatan sasaran")},
	},
	{Unit: "Dinas Perhubungan", Head: "Kepala Dinas Perhubungan",
		Title:      "PARKIR CERDAS: Penerapan Parkir Tepi Jalan Nontunai di {daerah}",
		Problem:    "Pendapatan retribusi parkir tepi jalan jauh di bawah potensi dan kemacetan di koridor utama diperparah parkir liar.",
		Background: "Juru parkir menyetor jumlah tetap per hari tanpa pencatatan kendaraan; pengguna tidak menerima karcis dan tarif tidak seragam.",
		Goal:       "Menerapkan pembayaran parkir tepi jalan secara nontunai di koridor percontohan dengan pencatatan setiap transaksi.",
		Benefits:   "Retribusi parkir meningkat, juru parkir memperoleh penghasilan yang pasti, dan ketertiban lalu lintas membaik.",
		Scope:      "Titik parkir tepi jalan di dua koridor utama.",
		Areas:      []string{"transportasi", "transaksi nontunai", "pendapatan daerah"},
		Stakeholders: []domain.Stakeholder{sh("Juru parkir dan koordinator", false, false, true), sh("Satuan Polisi Pamong Praja {daerah}", false, true, false),
			sh("Kepolisian Resor", false, true, false), sh("Bank Pembangunan Daerah", false, true, true)},
		Short: [2]step{
			{"Juru parkir koridor percontohan terdata dan terlatih", "Juru parkir memiliki kartu identitas, seragam dan perangkat pembayaran.",
				acts("Pendataan juru parkir", "Basis data juru parkir", "Pelatihan pemakaian perangkat pembayaran", "Dokumentasi pelatihan juru parkir")},
			{"Parkir nontunai berlaku di koridor percontohan", "Pengguna membayar melalui QRIS dan menerima karcis elektronik.",
				acts("Uji coba parkir nontunai", "Laporan transaksi uji coba", "Sosialisasi kepada pengguna jalan", "Publikasi media sosial dan media massa")}},
		Mid:  step{"Parkir nontunai di seluruh titik parkir tepi jalan", "Seluruh titik parkir memakai pembayaran nontunai.", acts("Menetapkan peraturan parkir nontunai", "Peraturan {kada} tentang parkir nontunai")},
		Long: step{"Retribusi parkir mencapai 80 persen dari potensi", "Pendapatan parkir terpantau harian.", acts("Evaluasi pendapatan parkir", "Laporan evaluasi retribusi parkir")},
	},
	{Unit: "Badan Penanggulangan Bencana Daerah", Head: "Kepala Pelaksana Badan Penanggulangan Bencana Daerah",
		Title:      "SIAGA BANJIR: Sistem Peringatan Dini Banjir Berbasis Masyarakat di {daerah}",
		Problem:    "Banjir tahunan di permukiman bantaran sungai menimbulkan kerugian besar karena warga tidak menerima peringatan cukup dini untuk mengungsi.",
		Background: "Informasi tinggi muka air hanya tersedia di pos pengamatan dan disampaikan berantai melalui telepon. Relawan desa tangguh bencana belum terhubung dalam satu kanal.",
		Goal:       "Membangun sistem peringatan dini yang mengirimkan status siaga kepada warga bantaran sungai paling lambat dua jam sebelum banjir.",
		Benefits:   "Warga mengungsi lebih awal, kerugian jiwa dan harta berkurang, dan respons BPBD lebih terkoordinasi.",
		Scope:      "Desa/kelurahan di bantaran sungai utama yang paling sering terdampak.",
		Areas:      []string{"kebencanaan", "ketahanan masyarakat", "sistem informasi"},
		Stakeholders: []domain.Stakeholder{sh("Relawan desa tangguh bencana", false, false, true), sh("Balai Besar Wilayah Sungai", false, true, false),
			sh("BMKG", false, true, false), sh("Camat dan kepala desa", false, true, true), sh("Warga bantaran sungai", false, false, true)},
		Short: [2]step{
			{"Sensor tinggi muka air terpasang di titik pantau", "Data tinggi muka air terkirim otomatis ke pusat pengendalian operasi.",
				acts("Pemasangan sensor di titik pantau", "Dokumentasi pemasangan sensor", "Kalibrasi bersama balai wilayah sungai", "Berita acara kalibrasi")},
			{"Simulasi peringatan dini bersama warga", "Status siaga tersebar melalui grup pesan dan pengeras suara masjid.",
				acts("Simulasi evakuasi bersama relawan", "Laporan simulasi evakuasi", "Penetapan jalur dan titik evakuasi", "Peta jalur evakuasi")}},
		Mid:  step{"Peringatan dini mencakup seluruh bantaran sungai", "Semua desa rawan banjir terhubung ke sistem.", acts("Perluasan titik pantau", "Laporan perluasan titik pantau")},
		Long: step{"Rencana kontinjensi banjir terintegrasi", "Peringatan dini menjadi bagian rencana kontinjensi daerah.", acts("Penyusunan rencana kontinjensi", "Dokumen rencana kontinjensi banjir")},
	},
	{Unit: "Dinas Koperasi dan Usaha Mikro", Head: "Kepala Dinas Koperasi dan Usaha Mikro",
		Title:      "UMKM NAIK KELAS: Katalog Elektronik Lokal untuk Produk Usaha Mikro di {daerah}",
		Problem:    "Belanja pengadaan pemerintah daerah untuk produk usaha mikro lokal masih di bawah 40 persen karena produk UMKM belum tercantum di katalog elektronik.",
		Background: "Pelaku usaha mikro belum memiliki legalitas dan sertifikasi yang dibutuhkan, dan perangkat daerah tidak mengetahui produk lokal yang tersedia.",
		Goal:       "Menayangkan produk usaha mikro lokal di katalog elektronik daerah dan menaikkan belanja produk lokal menjadi 40 persen dari pagu pengadaan.",
		Benefits:   "Pasar bagi usaha mikro terbuka, perputaran ekonomi lokal meningkat, dan target penggunaan produk dalam negeri tercapai.",
		Scope:      "Usaha mikro binaan di sektor makanan olahan, konveksi dan kerajinan.",
		Areas:      []string{"ekonomi lokal", "UMKM", "pengadaan barang dan jasa"},
		Stakeholders: []domain.Stakeholder{sh("Bagian Pengadaan Barang dan Jasa Sekretariat Daerah", false, true, true), sh("LKPP", false, true, false),
			sh("Pelaku usaha mikro binaan", false, false, true), sh("Perangkat daerah pengguna anggaran", false, true, false)},
		Short: [2]step{
			{"Pelaku usaha mikro binaan siap tayang di katalog", "Legalitas, NIB dan foto produk pelaku usaha lengkap.",
				acts("Klinik legalitas dan NIB", "Rekap NIB pelaku usaha", "Pelatihan foto dan deskripsi produk", "Dokumentasi pelatihan")},
			{"Produk lokal tayang di katalog elektronik daerah", "Produk terverifikasi tayang dan dapat dibeli perangkat daerah.",
				acts("Verifikasi produk bersama Bagian PBJ", "Berita acara verifikasi produk", "Temu bisnis dengan perangkat daerah", "Notula temu bisnis")}},
		Mid:  step{"Belanja produk lokal mencapai 40 persen", "Perangkat daerah membeli produk lokal melalui katalog.", acts("Pemantauan belanja produk lokal", "Laporan realisasi belanja produk lokal")},
		Long: step{"UMKM binaan memasok pasar di luar daerah", "Produk lokal tayang di katalog nasional.", acts("Pendampingan tayang katalog nasional", "Daftar produk tayang katalog nasional")},
	},
	{Unit: "Dinas Pendidikan", Head: "Kepala Dinas Pendidikan",
		Title:      "KEMBALI SEKOLAH: Penanganan Anak Tidak Sekolah Berbasis Data di {daerah}",
		Problem:    "Ribuan anak usia sekolah tercatat tidak sekolah atau putus sekolah, tetapi belum ada data per anak yang dapat ditindaklanjuti sekolah dan desa.",
		Background: "Data anak tidak sekolah berasal dari beberapa sumber yang tidak dipadankan. Sekolah, desa dan pendamping sosial bekerja sendiri-sendiri.",
		Goal:       "Memadankan data anak tidak sekolah dan mengembalikan sedikitnya 300 anak ke sekolah formal atau pendidikan kesetaraan.",
		Benefits:   "Angka partisipasi sekolah meningkat, anak memperoleh hak pendidikannya, dan intervensi lintas sektor terarah.",
		Scope:      "Anak usia 7 sampai 18 tahun di kecamatan dengan angka putus sekolah tertinggi.",
		Areas:      []string{"pendidikan", "perlindungan anak", "tata kelola data"},
		Stakeholders: []domain.Stakeholder{sh("Kepala sekolah dan guru", true, false, true), sh("Dinas Sosial {daerah}", false, true, false),
			sh("Kepala desa dan lurah", false, true, true), sh("Pusat Kegiatan Belajar Masyarakat", false, false, true), sh("Orang tua anak tidak sekolah", false, false, true)},
		Short: [2]step{
			{"Data anak tidak sekolah terpadankan", "Data Dapodik, data kependudukan dan data desa dipadankan per anak.",
				acts("Pemadanan data bersama Disdukcapil", "Daftar anak tidak sekolah terpadankan", "Verifikasi lapangan oleh desa", "Berita acara verifikasi lapangan")},
			{"Anak tidak sekolah kembali belajar", "Anak terdata didampingi kembali ke sekolah atau program kesetaraan.",
				acts("Kunjungan rumah bersama guru dan pendamping", "Dokumentasi kunjungan rumah", "Pendaftaran ke sekolah dan PKBM", "Rekap anak kembali sekolah")}},
		Mid:  step{"Gerakan kembali sekolah di seluruh kecamatan", "Setiap kecamatan memiliki tim penanganan anak tidak sekolah.", acts("Pembentukan tim kecamatan", "Keputusan pembentukan tim kecamatan")},
		Long: step{"Angka partisipasi sekolah mencapai target RPJMD", "Penanganan anak tidak sekolah menjadi program rutin daerah.", acts("Evaluasi angka partisipasi sekolah", "Laporan evaluasi partisipasi sekolah")},
	},
	{Unit: "Inspektorat Daerah", Head: "Inspektur Daerah",
		Title:      "E-AUDIT: Pengawasan Berbasis Risiko dan Tindak Lanjut Daring di {daerah}",
		Problem:    "Tindak lanjut rekomendasi hasil pemeriksaan baru selesai sekitar 60 persen; pemantauan dilakukan dengan surat-menyurat dan rekap manual.",
		Background: "Perencanaan pengawasan belum berbasis risiko sehingga sumber daya auditor tersebar merata, sementara perangkat daerah berisiko tinggi kurang diawasi.",
		Goal:       "Menyusun rencana pengawasan berbasis risiko dan memantau tindak lanjut rekomendasi secara daring hingga mencapai 85 persen.",
		Benefits:   "Temuan berulang berkurang, kapabilitas APIP meningkat, dan opini laporan keuangan terjaga.",
		Scope:      "Program kerja pengawasan tahunan dan tindak lanjut rekomendasi di seluruh perangkat daerah.",
		Areas:      []string{"pengawasan internal", "manajemen risiko", "akuntabilitas"},
		Stakeholders: []domain.Stakeholder{sh("{kada}", true, true, true), sh("BPKP perwakilan provinsi", false, true, false),
			sh("Auditor dan P2UPD", true, false, true), sh("Pimpinan perangkat daerah", false, true, false)},
		Short: [2]step{
			{"Profil risiko perangkat daerah tersusun", "Risiko setiap perangkat daerah dinilai sebagai dasar program kerja pengawasan.",
				acts("Penilaian risiko perangkat daerah", "Dokumen profil risiko", "Penyusunan program kerja pengawasan berbasis risiko", "Program kerja pengawasan tahunan")},
			{"Pemantauan tindak lanjut daring berjalan", "Perangkat daerah mengunggah bukti tindak lanjut dan auditor memverifikasinya.",
				acts("Pelatihan operator tindak lanjut", "Daftar hadir pelatihan operator", "Rapat pemutakhiran tindak lanjut", "Notula rapat pemutakhiran")}},
		Mid:  step{"Tindak lanjut rekomendasi mencapai 85 persen", "Sisa rekomendasi dipantau setiap bulan.", acts("Pemantauan bulanan tindak lanjut", "Laporan pemantauan tindak lanjut")},
		Long: step{"Kapabilitas APIP mencapai level 3", "Pengawasan berbasis risiko menjadi praktik tetap.", acts("Penilaian kapabilitas APIP", "Laporan penilaian kapabilitas APIP")},
	},
}
