package bahasa

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestFamiliesKeepTheirRoot checks that the words of a family stem alike
// and that roots and loanwords are never cut.
func TestFamiliesKeepTheirRoot(t *testing.T) {
	families := [][]string{
		{"digital", "digitalisasi"},
		{"penduduk", "kependudukan"},
		{"kelola", "pengelolaan", "mengelola", "pengelola", "dikelola"},
		{"tingkat", "peningkatan", "meningkatkan", "ditingkatkan"},
		{"layanan", "pelayanan", "melayani", "dilayani"},
		{"sampah", "persampahan"},
		{"izin", "perizinan"},
		{"daya", "pemberdayaan", "berdaya"},
		{"didik", "pendidikan"},
		{"rekam", "perekaman", "merekam"},
		{"bangun", "pembangunan", "membangun"},
		{"tani", "pertanian"},
		{"sosial", "sosialisasi"},
	}
	for _, f := range families {
		stem := Stem(f[0])
		for _, w := range f[1:] {
			if got := Stem(w); got != stem {
				t.Errorf("%s stems to %q, %s to %q", f[0], stem, w, got)
			}
		}
	}
	// Roots, names and loanwords stay whole; short words too.
	for _, w := range []string{"kelola", "kelompok", "sampah", "sampai", "tengkes", "tengah", "mal", "manual", "bank", "banyak",
		"digital", "inovasi", "stunting", "online", "cashless", "organisasi", "perempuan", "masyarakat", "kabupaten", "dukcapil", "soppeng"} {
		if got := Stem(w); got != w {
			t.Errorf("%s stems to %q", w, got)
		}
	}
}

func TestWordsReadHyphensAndReduplication(t *testing.T) {
	var got []string
	for _, w := range Words("KTP-el, e-KTP dan PBB-P2; anak-anak -- rumah-") {
		got = append(got, w.Normal)
	}
	if want := []string{"ktpel", "ektp", "dan", "pbbp2", "anak", "rumah"}; !slices.Equal(got, want) {
		t.Errorf("words %v, want %v", got, want)
	}
	if got := Stems("Pelayanan dan Pengelolaan yang Digital"); got != "layan kelola digital" {
		t.Errorf("stems %q", got)
	}
	if !Known("Tengkes") || !Known("pengelolaan") || Known("antreaan") || Known("pelayanann") {
		t.Error("Known: a lexicon word or its derivation is known, a typo is not")
	}
}

func TestTermsJoinSynonymPhrases(t *testing.T) {
	groups := [][]string{{"MPP", "mal pelayanan publik"}, {"daring", "online"}, {"sampah", "limbah", "persampahan"}}
	terms := Terms("Mal Pelayanan Publik daring dan sampah pelayanan sampah", groups)
	var written []string
	for _, t := range terms {
		written = append(written, t.Written)
	}
	if want := []string{"Mal Pelayanan Publik", "daring", "sampah", "pelayanan"}; !slices.Equal(written, want) {
		t.Fatalf("terms %v, want %v", written, want)
	}
	mpp := terms[0].Alternatives
	if len(mpp) != 2 || strings.Join(mpp[0].Stems, " ") != "mal layan publik" || mpp[0].Synonym || mpp[1].Phrase != "MPP" || !mpp[1].Synonym {
		t.Errorf("the MPP term: %+v", mpp)
	}
	// persampahan stems like sampah: one alternative for both.
	if got := terms[2].Alternatives; len(got) != 2 || got[1].Phrase != "limbah" {
		t.Errorf("the sampah term: %+v", got)
	}
	if got := terms[3].Alternatives; len(got) != 1 || got[0].Synonym || got[0].Stems[0] != "layan" {
		t.Errorf("a word outside the dictionary: %+v", got)
	}
	if len(Terms("dan yang di", groups)) != 0 {
		t.Error("function words make terms")
	}
}

func TestTermsReadQuotesAndExclusions(t *testing.T) {
	terms := Terms(`"Bank dan Sampah" -plastik sekolah "tengkes" e-KTP`, nil)
	var got []string
	for _, t := range terms {
		got = append(got, fmt.Sprintf("%s|%s|%v", t.Written, strings.Join(t.Alternatives[0].Stems, " "), t.Exclude))
	}
	want := []string{"Bank dan Sampah|bank sampah|false", "plastik|plastik|true", "tengkes|tengkes|false", "sekolah|sekolah|false", "e-KTP|ektp|false"}
	if !slices.Equal(got, want) {
		t.Errorf("terms %v, want %v", got, want)
	}
}
