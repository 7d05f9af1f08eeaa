package persistence_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pgtest"
	"github.com/proper-id/proper/persistence/seed"
)

// searchFixture is one innovation of the search test corpus.
type searchFixture struct {
	key, title, problem, innovation string
	areas                           []string
	agency, regency, province       string
}

// searchCorpus holds innovations for each family, synonym and
// abbreviation of issue 23, and the unrelated ones a word used to be
// "corrected" to (sampai, tengah, manual, pengembangan, kelompok, banyak).
var searchCorpus = []searchFixture{
	{"mpp", "Mal Pelayanan Publik Kota Batam", "Warga harus mendatangi banyak kantor untuk mengurus izin dan dokumen.", "Satu gedung MPP menghimpun layanan perizinan, kependudukan dan pajak daerah.", []string{"pelayanan publik"}, "Pemerintah Kota Batam", "Kota Batam", "Kepulauan Riau"},
	{"antrean", "SIAP ANTRE: Antrean Daring Administrasi Kependudukan", "Antrean panjang di kantor Disdukcapil setiap pagi.", "Warga mengambil nomor antrean dari rumah lewat telepon genggam.", []string{"digitalisasi layanan"}, "Pemerintah Kota Batam", "Kota Batam", "Kepulauan Riau"},
	{"banksampah", "Bank Sampah Kelurahan Sehat", "Sampah rumah tangga menumpuk di tempat pembuangan sementara.", "Warga menabung sampah terpilah di bank sampah dan menerima saldo tabungan.", []string{"lingkungan hidup"}, "Pemerintah Kota Semarang", "Kota Semarang", "Jawa Tengah"},
	{"limbah", "Pengangkutan Limbah Medis Puskesmas", "Limbah medis puskesmas belum tertangani dengan aman.", "Jadwal pengangkutan dan pencatatan limbah B3 secara terpadu.", []string{"kesehatan", "lingkungan hidup"}, "Pemerintah Kabupaten Batanghari", "Kabupaten Batanghari", "Jambi"},
	{"persampahan", "Retribusi Persampahan Berbasis Aplikasi", "Penarikan retribusi persampahan dari rumah ke rumah tidak tercatat.", "Warga membayar retribusi lewat aplikasi dan petugas memindai kode QR.", []string{"keuangan daerah"}, "Pemerintah Kabupaten Batang", "Kabupaten Batang", "Jawa Tengah"},
	{"stunting", "Gerakan Cegah Stunting di Posyandu", "Angka stunting pada balita masih tinggi di desa.", "Kader posyandu memantau tumbuh kembang balita tiap bulan dan memberi makanan tambahan.", []string{"kesehatan"}, "Pemerintah Kabupaten Soppeng", "Kabupaten Soppeng", "Sulawesi Selatan"},
	{"ktpel", "Perekaman KTP-el Jemput Bola", "Warga lansia sulit datang untuk perekaman KTP elektronik.", "Petugas datang ke rumah warga dengan alat perekaman keliling.", []string{"pelayanan publik"}, "Pemerintah Kabupaten Klaten", "Kabupaten Klaten", "Jawa Tengah"},
	{"ektp", "Cetak e-KTP di Kecamatan", "Warga menunggu kartu berbulan-bulan karena blangko dicetak di kabupaten.", "Kecamatan mencetak e-KTP sendiri pada hari yang sama.", []string{"pelayanan publik"}, "Pemerintah Kota Palembang", "Kota Palembang", "Sumatera Selatan"},
	{"smartcity", "Semarang Smart City: Dasbor Layanan Kota", "Data layanan tersebar di puluhan dinas.", "Satu dasbor memadukan data lalu lintas, aduan dan layanan.", []string{"tata kelola"}, "Pemerintah Kota Semarang", "Kota Semarang", "Jawa Tengah"},
	{"kotacerdas", "Batang Menuju Kota Cerdas", "Pemerintah kabupaten belum memiliki rencana induk kota cerdas.", "Nota kesepahaman dengan Kota Semarang untuk membangun pusat data bersama.", []string{"tata kelola"}, "Pemerintah Kabupaten Batang", "Kabupaten Batang", "Jawa Tengah"},
	{"nontunai", "Retribusi Pasar Nontunai", "Setoran retribusi pasar secara tunai rawan hilang.", "Pedagang membayar retribusi harian dengan QRIS.", []string{"keuangan daerah"}, "Pemerintah Kabupaten Batang", "Kabupaten Batang", "Jawa Tengah"},
	{"cashless", "Parkir Tepi Jalan Cashless", "Kebocoran pendapatan parkir tepi jalan.", "Juru parkir menerima pembayaran cashless melalui aplikasi.", []string{"keuangan daerah"}, "Pemerintah Kota Palembang", "Kota Palembang", "Sumatera Selatan"},
	{"pbbp2", "Setoran PBB-P2 Lewat Desa", "Tunggakan PBB-P2 di perdesaan tinggi.", "Bendahara desa menerima setoran warga dan menyetorkannya ke kas daerah.", []string{"keuangan daerah"}, "Pemerintah Kabupaten Klaten", "Kabupaten Klaten", "Jawa Tengah"},
	{"pajakbumi", "Pemutakhiran Data Pajak Bumi dan Bangunan", "Data objek pajak bumi dan bangunan tidak mutakhir.", "Pendataan ulang objek pajak dengan peta bidang tanah.", []string{"keuangan daerah"}, "Pemerintah Kabupaten Soppeng", "Kabupaten Soppeng", "Sulawesi Selatan"},
	{"perizinan", "Perizinan Usaha Mikro Satu Hari", "Pelaku usaha mikro menunggu izin usaha berminggu-minggu.", "Izin berusaha diproses dalam satu hari kerja.", []string{"perizinan"}, "Pemerintah Kabupaten Batanghari", "Kabupaten Batanghari", "Jambi"},
	{"digitalisasi", "Digitalisasi Arsip Kepegawaian", "Arsip kepegawaian ASN masih berupa kertas.", "Pemindaian dan penyimpanan arsip dalam bentuk berkas elektronik.", []string{"kepegawaian"}, "Pemerintah Kota Palembang", "Kota Palembang", "Sumatera Selatan"},
	{"penduduk", "Pemutakhiran Data Penduduk Miskin", "Data penduduk miskin tidak sesuai kenyataan.", "Verifikasi lapangan oleh pendamping desa.", []string{"sosial"}, "Pemerintah Kabupaten Klaten", "Kabupaten Klaten", "Jawa Tengah"},
	{"peningkatan", "Peningkatan Kepuasan Pasien Puskesmas", "Kepuasan pasien rendah karena waktu tunggu lama.", "Survei kepuasan bulanan dan standar waktu tunggu yang baru.", []string{"kesehatan"}, "Pemerintah Kabupaten Soppeng", "Kabupaten Soppeng", "Sulawesi Selatan"},
	{"kelola", "Sistem Kelola Keuangan Desa", "Perangkat desa kesulitan mencatat dana desa.", "Aplikasi pencatatan keuangan desa yang sederhana.", []string{"keuangan daerah"}, "Pemerintah Kabupaten Batanghari", "Kabupaten Batanghari", "Jambi"},
	{"pengelolaan", "Pengelolaan Barang Milik Daerah", "Aset daerah tidak tercatat lengkap.", "Inventarisasi aset dengan label dan pemeriksaan tahunan.", []string{"keuangan daerah"}, "Pemerintah Kota Batam", "Kota Batam", "Kepulauan Riau"},
	{"tingkat", "Tingkat Kehadiran Guru", "Guru di sekolah terpencil sering tidak hadir.", "Presensi dengan lokasi dan laporan mingguan ke dinas.", []string{"pendidikan"}, "Pemerintah Kabupaten Batang", "Kabupaten Batang", "Jawa Tengah"},
	{"layanandigital", "Layanan Publik Berbasis Digital di Kecamatan", "Surat keterangan di kecamatan masih diketik manual.", "Warga mengajukan surat keterangan lewat aplikasi.", []string{"pelayanan publik"}, "Pemerintah Kota Palembang", "Kota Palembang", "Sumatera Selatan"},
	{"adminduk", "Layanan Adminduk Keliling", "Desa terpencil jauh dari kantor kabupaten.", "Mobil layanan keliling melayani akta kelahiran dan kartu keluarga.", []string{"pelayanan publik"}, "Pemerintah Kabupaten Soppeng", "Kabupaten Soppeng", "Sulawesi Selatan"},
	{"online", "Kanal Aduan Online Warga", "Keluhan warga tidak tercatat dan tidak ditindaklanjuti.", "Satu kanal aduan online terpadu untuk semua dinas.", []string{"pelayanan publik"}, "Pemerintah Kabupaten Batanghari", "Kabupaten Batanghari", "Jambi"},
	{"inovasi", "Lomba Inovasi Daerah", "Inovasi perangkat daerah jarang terdokumentasi.", "Basis data inovasi dan lomba tahunan.", []string{"tata kelola"}, "Pemerintah Kota Semarang", "Kota Semarang", "Jawa Tengah"},
	// Innovations a word used to be "corrected" to.
	{"sampai", "Surat Sampai Tepat Waktu", "Surat dinas sering terlambat sampai ke tujuan.", "Ekspedisi surat dengan pelacakan.", []string{"tata kelola"}, "Pemerintah Kabupaten Batang", "Kabupaten Batang", "Jawa Tengah"},
	{"tengah", "Festival Budaya di Tengah Kota", "Kunjungan wisata menurun.", "Festival tahunan dengan pasar kuliner.", []string{"pariwisata"}, "Pemerintah Kota Semarang", "Kota Semarang", "Jawa Tengah"},
	{"manual", "Buku Manual Pelayanan Publik Kecamatan", "Petugas kecamatan tidak punya pedoman kerja.", "Buku manual pelayanan publik untuk setiap loket.", []string{"pelayanan publik"}, "Pemerintah Kabupaten Klaten", "Kabupaten Klaten", "Jawa Tengah"},
	{"pengembangan", "Pengembangan Desa Wisata", "Desa wisata belum dikenal.", "Promosi bersama dan pelatihan pemandu.", []string{"pariwisata"}, "Pemerintah Kabupaten Soppeng", "Kabupaten Soppeng", "Sulawesi Selatan"},
	{"kelompok", "Pemberdayaan Kelompok Tani", "Kelompok tani kekurangan pupuk.", "Kios pupuk bersama dan jadwal tanam.", []string{"pertanian"}, "Pemerintah Kabupaten Batanghari", "Kabupaten Batanghari", "Jambi"},
	{"banyak", "Satu Data Banyak Manfaat", "Banyak dinas memakai angka yang berbeda.", "Portal satu data dengan walidata.", []string{"tata kelola"}, "Pemerintah Kota Batam", "Kota Batam", "Kepulauan Riau"},
}

// searchCase is a query of the table: the innovations it must find (want,
// each within the first ten), those that must come first (top, in the
// first len(top) in any order) and those it must not find (never).
type searchCase struct {
	query   string
	regency string
	want    []string
	top     []string
	never   []string
}

// searchCases are issue 23's searches and more: families, synonyms,
// abbreviations, valid words that must not be corrected, typos and
// natural multi-word queries.
var searchCases = []searchCase{
	// Valid words are never replaced.
	{query: "sampah", want: []string{"banksampah", "persampahan", "limbah"}, top: []string{"banksampah"}, never: []string{"sampai"}},
	{query: "bank sampah", want: []string{"banksampah"}, top: []string{"banksampah"}, never: []string{"sampai", "banyak"}},
	{query: "tengkes", want: []string{"stunting"}, top: []string{"stunting"}, never: []string{"tengah"}},
	{query: "mal pelayanan publik", want: []string{"mpp"}, top: []string{"mpp"}, never: []string{"manual"}},
	{query: "pengelolaan", want: []string{"pengelolaan", "kelola"}, never: []string{"pengembangan"}},
	{query: "kelola", want: []string{"kelola", "pengelolaan"}, never: []string{"kelompok"}},
	{query: "sampai", want: []string{"sampai"}, top: []string{"sampai"}, never: []string{"banksampah"}},
	{query: "manual", want: []string{"manual", "layanandigital"}, never: []string{"mpp"}},
	{query: "kelompok tani", want: []string{"kelompok"}, top: []string{"kelompok"}, never: []string{"kelola"}},
	{query: "pengembangan desa wisata", want: []string{"pengembangan"}, top: []string{"pengembangan"}, never: []string{"pengelolaan"}},
	{query: "inovasi", want: []string{"inovasi"}, top: []string{"inovasi"}},
	{query: "limbah medis", want: []string{"limbah"}, top: []string{"limbah"}},
	{query: "festival", want: []string{"tengah"}, top: []string{"tengah"}},
	// Families stay together.
	{query: "digital", want: []string{"digitalisasi", "layanandigital"}},
	{query: "digitalisasi", want: []string{"digitalisasi", "layanandigital"}},
	{query: "penduduk", want: []string{"penduduk", "antrean", "mpp"}, top: []string{"penduduk"}, never: []string{"duduk"}},
	{query: "kependudukan", want: []string{"penduduk", "antrean", "mpp"}},
	{query: "tingkat", want: []string{"tingkat", "peningkatan"}},
	{query: "peningkatan", want: []string{"peningkatan", "tingkat"}},
	{query: "meningkatkan kepuasan pasien", want: []string{"peningkatan"}, top: []string{"peningkatan"}},
	{query: "pelayanan", want: []string{"mpp", "layanandigital", "adminduk", "manual"}},
	{query: "layanan", want: []string{"mpp", "layanandigital", "adminduk"}},
	{query: "melayani", want: []string{"adminduk", "mpp"}},
	{query: "perekaman", want: []string{"ktpel"}, top: []string{"ktpel"}},
	{query: "rekam", want: []string{"ktpel"}, top: []string{"ktpel"}},
	{query: "pencatatan", want: []string{"limbah", "kelola"}},
	{query: "pemindaian arsip", want: []string{"digitalisasi"}, top: []string{"digitalisasi"}},
	{query: "pembayaran", want: []string{"cashless", "persampahan", "nontunai"}},
	{query: "kehadiran guru", want: []string{"tingkat"}, top: []string{"tingkat"}},
	{query: "tumbuh kembang balita", want: []string{"stunting"}, top: []string{"stunting"}},
	// Synonyms and abbreviations.
	{query: "daring", want: []string{"antrean", "online"}},
	{query: "online", want: []string{"online", "antrean"}},
	{query: "KTP-el", want: []string{"ktpel", "ektp"}, top: []string{"ktpel", "ektp"}},
	{query: "e-KTP", want: []string{"ektp", "ktpel"}, top: []string{"ktpel", "ektp"}},
	{query: "ktp elektronik", want: []string{"ktpel", "ektp"}, top: []string{"ktpel", "ektp"}},
	{query: "adminduk", want: []string{"adminduk", "antrean"}, top: []string{"adminduk", "antrean"}},
	{query: "dukcapil", want: []string{"adminduk", "antrean"}, top: []string{"adminduk", "antrean"}},
	{query: "administrasi kependudukan", want: []string{"adminduk", "antrean"}, top: []string{"adminduk", "antrean"}},
	{query: "MPP", want: []string{"mpp"}, top: []string{"mpp"}, never: []string{"manual"}},
	{query: "smart city", want: []string{"smartcity", "kotacerdas"}, top: []string{"smartcity", "kotacerdas"}},
	{query: "kota cerdas", want: []string{"kotacerdas", "smartcity"}, top: []string{"smartcity", "kotacerdas"}},
	{query: "nontunai", want: []string{"nontunai", "cashless"}, top: []string{"nontunai", "cashless"}},
	{query: "cashless", want: []string{"cashless", "nontunai"}, top: []string{"nontunai", "cashless"}},
	{query: "PBB-P2", want: []string{"pbbp2", "pajakbumi"}, top: []string{"pbbp2", "pajakbumi"}},
	{query: "pajak bumi dan bangunan", want: []string{"pajakbumi", "pbbp2"}, top: []string{"pbbp2", "pajakbumi"}},
	{query: "perijinan", want: []string{"perizinan", "mpp"}, top: []string{"perizinan"}},
	{query: "perizinan", want: []string{"perizinan", "mpp"}, top: []string{"perizinan"}},
	{query: "izin usaha", want: []string{"perizinan"}, top: []string{"perizinan"}},
	{query: "limbah", want: []string{"limbah", "banksampah", "persampahan"}, top: []string{"limbah"}},
	{query: "persampahan", want: []string{"persampahan", "banksampah", "limbah"}},
	{query: "stunting", want: []string{"stunting"}, top: []string{"stunting"}},
	{query: "antrian", want: []string{"antrean"}, top: []string{"antrean"}},
	{query: "keluhan warga", want: []string{"online"}, top: []string{"online"}},
	{query: "QRIS", want: []string{"nontunai", "persampahan"}},
	// Natural multi-word queries: any word finds, more words rank first.
	{query: "pelayanan publik berbasis digital", want: []string{"layanandigital", "mpp", "manual"}, top: []string{"layanandigital"}},
	{query: "antrean online kependudukan", want: []string{"antrean", "online"}, top: []string{"antrean"}},
	{query: "bank sampah di kelurahan", want: []string{"banksampah"}, top: []string{"banksampah"}},
	{query: "cara mencegah stunting balita", want: []string{"stunting"}, top: []string{"stunting"}},
	{query: "retribusi pasar tanpa uang tunai", want: []string{"nontunai", "persampahan"}, top: []string{"nontunai"}},
	{query: "inovasi pelayanan kependudukan yang bisa ditiru", want: []string{"antrean", "adminduk", "mpp", "inovasi"}},
	{query: "keuangan desa", want: []string{"kelola"}, top: []string{"kelola"}},
	{query: "aset daerah", want: []string{"pengelolaan"}, top: []string{"pengelolaan"}},
	// Typos find what their other words find, and never a replacement.
	{query: "sampah rumah tanga", want: []string{"banksampah", "persampahan"}, top: []string{"banksampah", "persampahan"}},
	{query: "antrean dringg", want: []string{"antrean"}, top: []string{"antrean"}},
	{query: "perizinann usaha", want: []string{"perizinan"}, top: []string{"perizinan"}},
	// Region by kabupaten/kota.
	{query: "layanan", regency: "Klaten", want: []string{"ktpel"}, never: []string{"mpp", "adminduk"}},
	{query: "retribusi", regency: "Kabupaten Batang", want: []string{"nontunai", "persampahan"}, never: []string{"cashless"}},
	{query: "sampah", regency: "Semarang", want: []string{"banksampah"}, never: []string{"persampahan", "limbah"}},
}

// TestTheSearchTableFindsWhatAVisitorMeans runs the search table on the
// fixture corpus: every wanted innovation within the first ten, the top
// ones first, the unrelated ones never; and reports precision@5 (wanted
// found in the first five, over the wanted, at most five) and recall@10.
func TestTheSearchTableFindsWhatAVisitorMeans(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.DB(t)
	if err := seed.Load(ctx, db, seed.Options{Projects: len(searchCorpus), Published: 1, Now: time.Now()}); err != nil {
		t.Fatal(err)
	}
	store := persistence.NewStore(db)
	var ids []uuid.UUID
	if err := db.NewRaw(`SELECT id FROM publications WHERE withdrawn_at IS NULL ORDER BY id`).Scan(ctx, &ids); err != nil {
		t.Fatal(err)
	}
	if len(ids) < len(searchCorpus) {
		t.Fatalf("the seed published %d projects, want %d", len(ids), len(searchCorpus))
	}
	keyOf := map[uuid.UUID]string{}
	for i, f := range searchCorpus {
		p, err := store.Publications().Get(ctx, ids[i])
		if err != nil {
			t.Fatal(err)
		}
		p.Title, p.Problem, p.Innovation, p.InnovationAreas = f.title, f.problem, f.innovation, f.areas
		p.AgencyName, p.Regency, p.Province, p.Region, p.UnitName = f.agency, f.regency, f.province, f.regency+", "+f.province, ""
		p.Version++
		if err := store.Publications().Update(ctx, p); err != nil {
			t.Fatal(err)
		}
		keyOf[ids[i]] = f.key
	}
	if _, err := db.ExecContext(ctx, `UPDATE publications SET withdrawn_at = now() WHERE id <> ALL(?)`, pgArray(ids[:len(searchCorpus)])); err != nil {
		t.Fatal(err)
	}

	if len(searchCases) < 60 {
		t.Errorf("the table has %d queries, want 60 or more", len(searchCases))
	}
	var precision, recall float64
	for _, c := range searchCases {
		q, err := domain.NewShowcaseQuery(c.query, domain.ShowcaseFilters{Regency: c.regency})
		if err != nil {
			t.Fatal(err)
		}
		r, err := store.Showcase().Search(ctx, q, domain.PageRequest{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range r.Items {
			got = append(got, keyOf[h.ID])
		}
		name := c.query
		if c.regency != "" {
			name += " in " + c.regency
		}
		found5, found10 := 0, 0
		for _, w := range c.want {
			if i := slices.Index(got, w); i >= 0 {
				found10++
				if i < 5 {
					found5++
				}
			} else {
				t.Errorf("%q: %s is not in the first ten: %v", name, w, got)
			}
		}
		precision += float64(found5) / float64(min(5, len(c.want)))
		recall += float64(found10) / float64(len(c.want))
		for _, w := range c.top {
			if i := slices.Index(got, w); i < 0 || i >= len(c.top) {
				t.Errorf("%q: %s is not among the first %d: %v", name, w, len(c.top), got)
			}
		}
		for _, n := range c.never {
			if slices.Contains(got, n) {
				t.Errorf("%q finds %s: %v", name, n, got)
			}
		}
		if r.Suggestion != "" {
			t.Errorf("%q found %d and suggests %q", name, len(r.Items), r.Suggestion)
		}
	}
	n := float64(len(searchCases))
	t.Logf("search table: %d queries, precision@5 %.3f, recall@10 %.3f", len(searchCases), precision/n, recall/n)
	fmt.Printf("search table: %d queries, precision@5 %.3f, recall@10 %.3f\n", len(searchCases), precision/n, recall/n)
}

// TestASearchSaysWhyItFoundAndNeverReplacesAWord checks the explanation of
// a hit, partial matches ranked after full ones, and the suggestion: only
// for a text that found nothing, for its unknown words, never searched.
func TestASearchSaysWhyItFoundAndNeverReplacesAWord(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := pgtest.DB(t)
	if err := seed.Load(ctx, db, seed.Options{Projects: 3, Published: 1, Now: time.Now()}); err != nil {
		t.Fatal(err)
	}
	store := persistence.NewStore(db)
	var ids []uuid.UUID
	if err := db.NewRaw(`SELECT id FROM publications ORDER BY id`).Scan(ctx, &ids); err != nil {
		t.Fatal(err)
	}
	texts := []searchFixture{searchCorpus[0], searchCorpus[1], searchCorpus[27]} // mpp, antrean, manual
	for i, f := range texts {
		p, err := store.Publications().Get(ctx, ids[i])
		if err != nil {
			t.Fatal(err)
		}
		p.Title, p.Problem, p.Innovation, p.InnovationAreas, p.AgencyName, p.Region, p.UnitName = f.title, f.problem, f.innovation, f.areas, f.agency, f.regency, ""
		p.Version++
		if err := store.Publications().Update(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	search := func(text string) domain.ShowcaseResults {
		t.Helper()
		r, err := store.Showcase().Search(ctx, domain.ShowcaseQuery{Text: text}, domain.PageRequest{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}

	r := search("MPP daring")
	if r.Terms != 2 || len(r.Items) != 2 {
		t.Fatalf("MPP daring: %d terms, %d hits", r.Terms, len(r.Items))
	}
	if got := r.Items[0].Matched; len(got) != 1 || got[0].Term != "MPP" || got[0].Synonym != "" || !slices.Equal(r.Items[0].Missing, []string{"daring"}) {
		t.Errorf("the MPP hit matched %+v, misses %v", got, r.Items[0].Missing)
	}

	r = search("mal pelayanan publik")
	if len(r.Items) != 1 || r.Items[0].ID != ids[0] {
		t.Fatalf("mal pelayanan publik finds %d: %+v", len(r.Items), r.Items)
	}
	marked := ""
	for _, p := range r.Items[0].TitleHighlight {
		if p.Match {
			marked += "[" + p.Text + "]"
		}
	}
	if marked != "[Mal][Pelayanan][Publik]" {
		t.Errorf("the title marks %s", marked)
	}

	r = search("online")
	if len(r.Items) != 1 || r.Items[0].ID != ids[1] || len(r.Items[0].Matched) != 1 || r.Items[0].Matched[0].Synonym != "daring" {
		t.Errorf("online: %+v", r.Items)
	}

	// Full matches first, then partial ones, which say what they miss.
	r = search("manual pelayanan publik kecamatan")
	if len(r.Items) != 3 || r.Items[0].ID != ids[2] || len(r.Items[0].Missing) != 0 || len(r.Items[1].Missing) != 2 || len(r.Items[2].Missing) != 3 ||
		r.Items[0].Score <= r.Items[1].Score || r.Items[1].Score <= r.Items[2].Score {
		t.Errorf("manual pelayanan publik kecamatan: %+v", r.Items)
	}

	// Nothing found: valid words get no suggestion, unknown ones do.
	for _, text := range []string{"tengkes", "sampah", "kelola", "bank sampah"} {
		if r := search(text); len(r.Items) != 0 || r.Suggestion != "" {
			t.Errorf("%q: %d hits, suggestion %q", text, len(r.Items), r.Suggestion)
		}
	}
	if r := search("antreaan"); len(r.Items) != 0 || r.Suggestion != "antrean" {
		t.Errorf("antreaan: %d hits, suggestion %q", len(r.Items), r.Suggestion)
	}
	if r := search("Pelayanann kependudukan"); len(r.Items) == 0 || r.Suggestion != "" {
		t.Errorf("a typo beside a found word: %d hits, suggestion %q", len(r.Items), r.Suggestion)
	}
	if r := search("dan atau yang"); r.Terms != 0 || len(r.Items) != 3 {
		t.Errorf("function words only: %d terms, %d hits (want the newest)", r.Terms, len(r.Items))
	}
}

// pgArray writes ids as a PostgreSQL uuid array literal.
func pgArray(ids []uuid.UUID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = id.String()
	}
	return "{" + strings.Join(s, ",") + "}"
}
