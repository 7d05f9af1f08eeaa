package seed

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/proper-id/proper/domain"
)

// The seed writes designs in Bahasa Indonesia from these parts, so that
// searching a seeded showcase meets words as varied as real projects use:
// a word such as "sampah" is in a few percent of the projects, not in all.

// seedTopics are what change projects are about: the subject, the problem
// it has, an area tag, and the agency unit that owns it.
var seedTopics = []struct{ Subject, Problem, Area string }{
	{"Pelayanan Administrasi Kependudukan", "warga menunggu berjam-jam untuk KTP-el dan kartu keluarga", "administrasi kependudukan"},
	{"Perizinan Berusaha", "izin usaha mikro terbit lebih dari tiga puluh hari", "perizinan"},
	{"Pencegahan Stunting", "angka stunting balita di atas rata-rata provinsi", "kesehatan"},
	{"Pengelolaan Sampah Rumah Tangga", "sampah rumah tangga menumpuk dan tidak terpilah", "lingkungan hidup"},
	{"Bank Sampah Desa", "sampah plastik dibuang ke sungai", "lingkungan hidup"},
	{"Pajak Daerah", "realisasi pajak bumi dan bangunan rendah", "pendapatan daerah"},
	{"Retribusi Pasar", "retribusi pasar dipungut tunai tanpa karcis", "pendapatan daerah"},
	{"Pengaduan Masyarakat", "aduan warga tidak ditindaklanjuti dan tidak terlacak", "pelayanan publik"},
	{"Kesehatan Ibu dan Anak", "kunjungan ibu hamil ke posyandu rendah", "kesehatan"},
	{"Layanan Puskesmas", "antrean puskesmas panjang dan rekam medis hilang", "kesehatan"},
	{"Penyaluran Bantuan Sosial", "data penerima bantuan sosial tidak tepat sasaran", "perlindungan sosial"},
	{"Pengadaan Barang dan Jasa", "paket pengadaan terlambat dan rawan sanggahan", "tata kelola"},
	{"Arsip Daerah", "arsip dinas tercecer dan sulit ditemukan kembali", "tata kelola"},
	{"Manajemen Kepegawaian", "data kepegawaian tidak mutakhir", "aparatur"},
	{"Pertanian Organik", "petani bergantung pada pupuk kimia bersubsidi", "pertanian"},
	{"Irigasi Desa", "saluran irigasi rusak dan sawah kekeringan", "pertanian"},
	{"Pariwisata Desa", "kunjungan wisatawan ke desa wisata menurun", "pariwisata"},
	{"Pemasaran Produk UMKM", "produk usaha mikro sulit menembus pasar daring", "ekonomi"},
	{"Literasi Sekolah Dasar", "minat baca siswa sekolah dasar rendah", "pendidikan"},
	{"Penyediaan Air Bersih", "warga kesulitan air bersih pada musim kemarau", "infrastruktur"},
	{"Penanggulangan Bencana", "peringatan dini banjir tidak sampai ke warga", "kebencanaan"},
	{"Transportasi Publik", "angkutan umum tidak terjadwal", "perhubungan"},
	{"Keuangan Desa", "laporan dana desa terlambat dan tidak transparan", "tata kelola"},
	{"Perpustakaan Daerah", "koleksi perpustakaan tidak terjangkau warga desa", "pendidikan"},
	{"Ketahanan Pangan", "harga pangan bergejolak menjelang hari raya", "pertanian"},
	{"Pemadam Kebakaran", "waktu tanggap kebakaran lebih dari lima belas menit", "kebencanaan"},
	{"Ruang Terbuka Hijau", "taman kota terbengkalai", "lingkungan hidup"},
	{"Budidaya Perikanan", "hasil tangkapan nelayan menurun", "kelautan dan perikanan"},
	{"Koperasi Desa", "koperasi desa tidak aktif", "ekonomi"},
	{"Penempatan Tenaga Kerja", "lulusan SMK menganggur", "ketenagakerjaan"},
	{"Pelayanan Disabilitas", "penyandang disabilitas sulit mengakses layanan", "inklusi sosial"},
	{"Pencatatan Akta Kelahiran", "banyak anak belum memiliki akta kelahiran", "administrasi kependudukan"},
	{"Imunisasi Anak", "cakupan imunisasi dasar lengkap rendah", "kesehatan"},
	{"Penerangan Jalan Umum", "lampu jalan padam dan laporan lambat ditangani", "infrastruktur"},
	{"Izin Mendirikan Bangunan", "persetujuan bangunan gedung memakan waktu berbulan-bulan", "perizinan"},
	{"Sanitasi Sekolah", "toilet sekolah tidak layak", "pendidikan"},
	{"Pelestarian Cagar Budaya", "situs cagar budaya rusak tanpa pendataan", "kebudayaan"},
	{"Pengendalian Inflasi Daerah", "harga cabai dan bawang tidak terpantau", "ekonomi"},
	{"Layanan Kesehatan Jiwa", "orang dengan gangguan jiwa tidak tertangani", "kesehatan"},
	{"Pengawasan Obat dan Makanan", "jajanan sekolah mengandung bahan berbahaya", "kesehatan"},
}

// seedApproaches are how a project changes its subject.
var seedApproaches = []struct{ Title, Means string }{
	{"Aplikasi", "aplikasi ponsel yang dipakai warga dan petugas"},
	{"Layanan Daring", "layanan daring dengan antrean dan jadwal terbuka"},
	{"Digitalisasi", "digitalisasi data dan formulir"},
	{"Gerakan", "gerakan bersama tokoh masyarakat dan kader desa"},
	{"Sistem Informasi", "sistem informasi terpadu antarperangkat daerah"},
	{"Percepatan", "tim percepatan lintas sektor"},
	{"Optimalisasi", "penataan ulang proses bisnis dan standar pelayanan"},
	{"Klinik", "klinik pendampingan keliling di setiap kecamatan"},
	{"Integrasi", "integrasi data dengan kementerian dan desa"},
	{"Kampung", "kampung percontohan yang dikelola warga"},
	{"Pojok", "pojok layanan di kantor kelurahan"},
	{"Dasbor", "dasbor pemantauan waktu nyata untuk pimpinan"},
}

// seedQualifiers end some titles.
var seedQualifiers = []string{"", "", "", "Terpadu", "Satu Pintu", "Berbasis Desa", "Ramah Disabilitas", "Tanpa Kertas", "Berbasis Masyarakat", "Partisipatif"}

// seedPlaces and seedProvinces name the seeded agencies and their regions.
var seedPlaces = []string{"Batam", "Klaten", "Soppeng", "Batanghari", "Batang", "Semarang", "Palembang", "Surabaya", "Malang", "Kediri",
	"Banyuwangi", "Jember", "Sleman", "Bantul", "Magelang", "Boyolali", "Sragen", "Wonogiri", "Cilacap", "Banyumas",
	"Bogor", "Bekasi", "Garut", "Cirebon", "Sumedang", "Kuningan", "Tasikmalaya", "Serang", "Lebak", "Pandeglang",
	"Padang", "Bukittinggi", "Agam", "Medan", "Deli Serdang", "Karo", "Pekanbaru", "Siak", "Kampar", "Jambi",
	"Muaro Jambi", "Bengkulu", "Lampung Selatan", "Pringsewu", "Pontianak", "Sambas", "Ketapang", "Banjarmasin", "Banjar", "Tabalong",
	"Samarinda", "Kutai Kartanegara", "Balikpapan", "Makassar", "Gowa", "Bone", "Wajo", "Manado", "Minahasa", "Palu",
	"Kendari", "Kolaka", "Gorontalo", "Mamuju", "Ambon", "Ternate", "Jayapura", "Merauke", "Sorong", "Manokwari",
	"Denpasar", "Badung", "Gianyar", "Mataram", "Lombok Timur", "Bima", "Kupang", "Sikka", "Ende", "Banda Aceh",
	"Aceh Besar", "Pidie", "Tanjungpinang", "Bintan", "Pangkalpinang", "Belitung", "Tangerang", "Depok", "Sukabumi", "Purwakarta"}

var seedProvinces = []string{"Kepulauan Riau", "Jawa Tengah", "Sulawesi Selatan", "Jambi", "Jawa Tengah", "Jawa Tengah", "Sumatera Selatan", "Jawa Timur", "Jawa Timur", "Jawa Timur",
	"Jawa Timur", "Jawa Timur", "DI Yogyakarta", "DI Yogyakarta", "Jawa Tengah", "Jawa Tengah", "Jawa Tengah", "Jawa Tengah", "Jawa Tengah", "Jawa Tengah",
	"Jawa Barat", "Jawa Barat", "Jawa Barat", "Jawa Barat", "Jawa Barat", "Jawa Barat", "Jawa Barat", "Banten", "Banten", "Banten",
	"Sumatera Barat", "Sumatera Barat", "Sumatera Barat", "Sumatera Utara", "Sumatera Utara", "Sumatera Utara", "Riau", "Riau", "Riau", "Jambi",
	"Jambi", "Bengkulu", "Lampung", "Lampung", "Kalimantan Barat", "Kalimantan Barat", "Kalimantan Barat", "Kalimantan Selatan", "Kalimantan Selatan", "Kalimantan Selatan",
	"Kalimantan Timur", "Kalimantan Timur", "Kalimantan Timur", "Sulawesi Selatan", "Sulawesi Selatan", "Sulawesi Selatan", "Sulawesi Selatan", "Sulawesi Utara", "Sulawesi Utara", "Sulawesi Tengah",
	"Sulawesi Tenggara", "Sulawesi Tenggara", "Gorontalo", "Sulawesi Barat", "Maluku", "Maluku Utara", "Papua", "Papua Selatan", "Papua Barat Daya", "Papua Barat",
	"Bali", "Bali", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Barat", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Nusa Tenggara Timur", "Nusa Tenggara Timur", "Aceh",
	"Aceh", "Aceh", "Kepulauan Riau", "Kepulauan Riau", "Kepulauan Bangka Belitung", "Kepulauan Bangka Belitung", "Banten", "Jawa Barat", "Jawa Barat", "Jawa Barat"}

// seedAgencyKinds are the kinds of agency per place.
var seedAgencyKinds = []string{"Pemerintah Kabupaten", "Pemerintah Kota", "Dinas Kesehatan", "Dinas Pendidikan", "Badan Pendapatan Daerah"}

// seedCities are the seedPlaces that are cities (kota); the others are
// regencies (kabupaten).
var seedCities = map[string]bool{"Batam": true, "Semarang": true, "Palembang": true, "Surabaya": true, "Malang": true, "Kediri": true,
	"Padang": true, "Bukittinggi": true, "Medan": true, "Pekanbaru": true, "Jambi": true, "Bengkulu": true, "Pontianak": true,
	"Banjarmasin": true, "Samarinda": true, "Balikpapan": true, "Makassar": true, "Manado": true, "Palu": true, "Kendari": true,
	"Gorontalo": true, "Ambon": true, "Ternate": true, "Jayapura": true, "Sorong": true, "Denpasar": true, "Mataram": true,
	"Kupang": true, "Banda Aceh": true, "Tanjungpinang": true, "Pangkalpinang": true, "Tangerang": true, "Depok": true,
	"Magelang": true, "Bogor": true, "Bekasi": true, "Cirebon": true, "Sukabumi": true, "Tasikmalaya": true, "Serang": true}

// seedUnits are the work units every seeded agency has.
var seedUnits = []string{"Dinas Kependudukan dan Pencatatan Sipil", "Dinas Komunikasi dan Informatika", "Badan Perencanaan Pembangunan Daerah",
	"Inspektorat", "Bagian Organisasi", "Dinas Kesehatan"}

// seedAgency names the i-th seeded agency and its place.
func seedAgency(i int) (name string, place domain.Place) {
	p := i % len(seedPlaces)
	kind := seedAgencyKinds[i/len(seedPlaces)%len(seedAgencyKinds)]
	name = kind + " " + seedPlaces[p]
	if round := i / (len(seedPlaces) * len(seedAgencyKinds)); round > 0 {
		name = fmt.Sprintf("%s %d", name, round+1)
	}
	regency := "Kabupaten " + seedPlaces[p]
	if seedCities[seedPlaces[p]] {
		regency = "Kota " + seedPlaces[p]
	}
	return name, domain.Place{Province: seedProvinces[p], Regency: regency}
}

// seedDesign writes a project's title, problem and goal, the account of
// its innovation for the showcase, and its areas, for a participant of the
// given place.
func seedDesign(rnd *rand.Rand, place string) (title, problem, goal, innovation string, areas []string) {
	topic := seedTopics[rnd.IntN(len(seedTopics))]
	approach := seedApproaches[rnd.IntN(len(seedApproaches))]
	title = strings.TrimSpace(approach.Title + " " + topic.Subject + " " + seedQualifiers[rnd.IntN(len(seedQualifiers))] + " " + place)
	problem = fmt.Sprintf("Di %s %s; keluhan masyarakat meningkat %d persen dalam dua tahun terakhir dan belum ada data yang dapat dipakai pimpinan untuk mengambil keputusan.",
		place, topic.Problem, 10+rnd.IntN(60))
	goal = fmt.Sprintf("Memperbaiki %s melalui %s sehingga capaian layanan naik %d persen dalam satu tahun.",
		strings.ToLower(topic.Subject), approach.Means, 20+rnd.IntN(50))
	innovation = fmt.Sprintf("%s %s: %s, dengan standar pelayanan baru yang ditetapkan kepala daerah dan dipantau setiap bulan.",
		approach.Title, strings.ToLower(topic.Subject), approach.Means)
	areas = []string{topic.Area}
	if rnd.IntN(2) == 0 && topic.Area != "pelayanan publik" {
		areas = append(areas, "pelayanan publik")
	}
	if approach.Title == "Aplikasi" || approach.Title == "Layanan Daring" || approach.Title == "Digitalisasi" || approach.Title == "Sistem Informasi" {
		areas = append(areas, "digitalisasi")
	}
	return title, problem, goal, innovation, areas
}

// Seeded people get Indonesian names: a given name and a family or second
// name, as officials' names are written, sometimes with an academic degree.
// A full name is shared by about one person in 2,500 (50 × 50), as in a real
// national directory, so that a search by name meets realistic numbers of
// alike names.
var (
	seedGivenNames = []string{"Agus", "Ahmad", "Andi", "Anisa", "Arief", "Ayu", "Bambang", "Bayu", "Budi", "Cahya", "Dani", "Dedi", "Dewi",
		"Dian", "Dimas", "Eko", "Endang", "Fajar", "Fitri", "Gita", "Hadi", "Hendra", "Ika", "Indah", "Irfan", "Joko", "Kartika", "Lina",
		"Made", "Maya", "Muhammad", "Nanda", "Nur", "Nyoman", "Putu", "Rahmat", "Rina", "Rizky", "Sari", "Siti", "Slamet", "Sri", "Taufik",
		"Teguh", "Tri", "Umar", "Wahyu", "Wayan", "Yanti", "Yusuf"}
	seedFamilyNames = []string{"Adiputra", "Amalia", "Anggraini", "Ardiansyah", "Basri", "Darmawan", "Fauzi", "Firmansyah", "Gunawan",
		"Harahap", "Hasibuan", "Hidayat", "Irawan", "Kurniawan", "Kusuma", "Lestari", "Lubis", "Mahendra", "Maharani", "Manurung",
		"Nasution", "Nugroho", "Permana", "Pertiwi", "Prasetyo", "Pratama", "Purba", "Putri", "Rahayu", "Ramadhan", "Saputra", "Sari",
		"Setiawan", "Simanjuntak", "Siregar", "Situmorang", "Sulistyo", "Susanti", "Susanto", "Syahputra", "Tambunan", "Utami", "Wibowo",
		"Widodo", "Wijaya", "Wulandari", "Yulianti", "Yusuf", "Zulkarnain", "Hakim"}
	seedDegrees = []string{"", "", "", ", S.Sos.", ", S.E.", ", S.T.", ", M.Si.", ", M.M.", ", S.H.", ", M.A.P."}
)

// seedPerson returns the name and e-mail address of the i-th seeded person
// of a kind (participant, mentor, coach, organizer): the address is unique.
func seedPerson(rnd *rand.Rand, kind string, i int) (name, email string) {
	given, family := seedGivenNames[rnd.IntN(len(seedGivenNames))], seedFamilyNames[rnd.IntN(len(seedFamilyNames))]
	name = given + " " + family + seedDegrees[rnd.IntN(len(seedDegrees))]
	return name, fmt.Sprintf("%s.%s.%s%d@seed.proper.id", strings.ToLower(given), strings.ToLower(family), kind, i)
}
