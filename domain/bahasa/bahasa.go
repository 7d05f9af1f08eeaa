// Package bahasa reads Bahasa Indonesia for the showcase's search: it cuts a
// text into words, knows the words of a lexicon (the root words of the
// hunspell-id dictionary and Proper's own government terms, see NOTICE.md),
// and stems words by the confix and prefix rules of Indonesian morphology,
// checked against that lexicon, so that a word keeps its family
// (pengelolaan and kelola, kependudukan and penduduk, digitalisasi and
// digital) and a word that is a root itself is never cut.
//
// The same stems are made when a publication is stored and when a search is
// read, so PostgreSQL only needs its plain "simple" configuration.
package bahasa

import (
	_ "embed"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed lexicon-hunspell-id.txt
var hunspellRoots string

//go:embed lexicon-extra.txt
var extraRoots string

// lexicon holds every root word, lower case.
var lexicon = func() map[string]bool {
	words := map[string]bool{}
	for _, list := range []string{hunspellRoots, extraRoots} {
		for _, line := range strings.Split(list, "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
				words[line] = true
			}
		}
	}
	return words
}()

// Known reports whether a word (any case) is a root of the lexicon or
// stems to one: a valid Indonesian word that no search may "correct".
func Known(word string) bool {
	word = strings.ToLower(word)
	if lexicon[word] {
		return true
	}
	_, ok := root(word)
	return ok
}

// Word is a word of a text: where it is (byte offsets), as written, and
// its normalized form (lower case, without hyphens) and stem.
type Word struct {
	Start, End int
	Text       string
	Normal     string
	Stem       string
}

// stopwords are function words that say nothing of a project: they are
// neither indexed nor searched.
var stopwords = map[string]bool{
	"dan": true, "atau": true, "di": true, "ke": true, "dari": true, "yang": true, "untuk": true, "dengan": true,
	"pada": true, "dalam": true, "ini": true, "itu": true, "oleh": true, "bagi": true, "serta": true, "agar": true,
	"sebagai": true, "para": true, "akan": true, "juga": true, "tidak": true, "ada": true, "adalah": true, "the": true,
	"of": true, "and": true, "secara": true, "melalui": true, "terhadap": true,
}

// Stopword reports whether a normalized word is a function word.
func Stopword(normal string) bool { return stopwords[normal] }

// Words cuts a text into its words: runs of letters and digits, a hyphen
// inside a word keeping it whole. A reduplicated word (anak-anak) is read
// as its base; another hyphenated word (e-KTP, KTP-el, PBB-P2) is read
// without its hyphens (ektp, ktpel, pbbp2).
func Words(text string) []Word {
	var out []Word
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !wordRune(r) {
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if wordRune(r) {
				i += size
				continue
			}
			if r == '-' && i+size < len(text) {
				if next, _ := utf8.DecodeRuneInString(text[i+size:]); wordRune(next) {
					i += size
					continue
				}
			}
			break
		}
		written := text[start:i]
		normal := normalize(written)
		if normal == "" {
			continue
		}
		out = append(out, Word{Start: start, End: i, Text: written, Normal: normal, Stem: Stem(normal)})
	}
	return out
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// normalize lowers a word and resolves its hyphens.
func normalize(word string) string {
	word = strings.ToLower(word)
	if !strings.Contains(word, "-") {
		return word
	}
	parts := strings.Split(word, "-")
	if len(parts) == 2 && parts[0] == parts[1] {
		return parts[0]
	}
	return strings.Join(parts, "")
}

// Stems returns the stems of a text's words that are not function words,
// in order, joined by spaces: what the search indexes of a text.
func Stems(text string) string {
	var out []string
	for _, w := range Words(text) {
		if !Stopword(w.Normal) {
			out = append(out, w.Stem)
		}
	}
	return strings.Join(out, " ")
}

// Stem returns the root of a lower-case word: the word itself when it is a
// root of the lexicon or when no affix rule leads to one (so a name or an
// unknown loanword is never cut), else the root its affixes were taken from.
func Stem(word string) string {
	if utf8.RuneCountInString(word) < 4 {
		return word
	}
	if lexicon[word] {
		return loanRoot(word)
	}
	if r, ok := root(word); ok {
		return loanRoot(r)
	}
	return word
}

// loanRoot takes the -isasi of a loanword whose base is a root of six
// letters or more (digitalisasi, modernisasi, sosialisasi), not of a short
// base it only seems to have (organisasi).
func loanRoot(word string) string {
	if base, ok := strings.CutSuffix(word, "isasi"); ok && utf8.RuneCountInString(base) >= 6 && lexicon[base] {
		return base
	}
	return word
}

// root finds a root of the lexicon by taking a word's suffixes and then its
// prefixes (Nazief and Adriani's order): inflectional particles and
// possessives, then -kan, -an or -i, then up to three prefixes with their
// sound changes. The forms with fewer suffixes taken are tried after.
func root(word string) (string, bool) {
	for _, form := range suffixForms(word) {
		if lexicon[form] && form != word {
			return form, true
		}
		if r, ok := prefixed(form, 3, true); ok {
			return r, true
		}
	}
	return "", false
}

// suffixForms lists a word with its suffixes taken, the most taken first
// and the word itself last.
func suffixForms(word string) []string {
	forms := []string{word}
	base := word
	for _, particle := range []string{"lah", "kah", "tah", "pun"} {
		if b, ok := strings.CutSuffix(base, particle); ok && len(b) >= 4 {
			base = b
			forms = append(forms, base)
			break
		}
	}
	for _, possessive := range []string{"nya", "ku", "mu"} {
		if b, ok := strings.CutSuffix(base, possessive); ok && len(b) >= 4 {
			base = b
			forms = append(forms, base)
			break
		}
	}
	// The most stripped first: -an before -kan (pendidikan is pendidik
	// and -an, meningkatkan meningkat and -kan), then -i.
	slices.Reverse(forms)
	var derived []string
	for _, derivational := range []string{"an", "kan", "i"} {
		if b, ok := strings.CutSuffix(base, derivational); ok && len(b) >= 3 {
			derived = append(derived, b)
		}
	}
	return append(derived, forms...)
}

// prefixed takes up to depth prefixes of word and returns the first root of
// the lexicon found. di-, ke-, se- and me- only come first (outer): inside
// them only ber-, per-, ter- and pe- may follow (diperbaiki, keberlanjutan,
// pemberdayaan), so that a word is never cut to a short root by di- twice.
func prefixed(word string, depth int, outer bool) (string, bool) {
	if depth == 0 {
		return "", false
	}
	for _, rest := range withoutPrefix(word, outer) {
		if len(rest) < 3 {
			continue
		}
		if lexicon[rest] {
			return rest, true
		}
		if r, ok := prefixed(rest, depth-1, false); ok {
			return r, true
		}
	}
	return "", false
}

// nasal is how the nasal of me- and pe- (mem-, men-) stands before a
// root: kept before the consonants it leaves (membaca, mendengar), or in
// place of a first consonant it replaced before a vowel (memakai for
// pakai, menulis for tulis).
type nasal struct {
	kept        string
	beforeVowel []string
}

var nasals = map[byte]nasal{'m': {kept: "bfvp", beforeVowel: []string{"p", "m"}}, 'n': {kept: "cdjzt", beforeVowel: []string{"t", "n"}}}

func vowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// withoutPrefix lists what a word may be without its first prefix, by the
// sound changes of me-, pe-, ber-, per-, ter-, di-, ke- and se- (memakai is
// me- and pakai, menulis me- and tulis, pengelolaan pe- and kelola).
func withoutPrefix(w string, outer bool) []string {
	var out []string
	at := func(i int) byte {
		if i < len(w) {
			return w[i]
		}
		return 0
	}
	for _, p := range []string{"di", "ke", "se"} {
		if outer && strings.HasPrefix(w, p) {
			out = append(out, w[2:])
		}
	}
	for _, p := range []string{"ber", "ter", "per"} {
		if strings.HasPrefix(w, p) {
			out = append(out, w[3:])
			if vowel(at(3)) {
				out = append(out, "r"+w[3:]) // berupa: rupa
			}
		}
	}
	if w == "belajar" || w == "pelajar" {
		out = append(out, "ajar")
	}
	for _, p := range []string{"be", "te", "pe"} { // bekerja: kerja
		if strings.HasPrefix(w, p) && !vowel(at(2)) && at(2) != 'r' && strings.HasPrefix(w[3:], "er") {
			out = append(out, w[2:])
		}
	}
	for _, p := range []string{"me", "pe"} {
		if !strings.HasPrefix(w, p) || (p == "me" && !outer) {
			continue
		}
		rest := w[2:]
		switch {
		case strings.HasPrefix(rest, "ng"):
			r := rest[2:]
			if r != "" && vowel(r[0]) {
				out = append(out, r, "k"+r)
			} else if r != "" && strings.IndexByte("ghk", r[0]) >= 0 {
				out = append(out, r)
			}
			if strings.HasPrefix(r, "e") && len(r) > 3 { // mengebom: bom
				out = append(out, r[1:])
			}
		case strings.HasPrefix(rest, "ny"):
			r := rest[2:]
			if r != "" && vowel(r[0]) {
				out = append(out, "s"+r)
			}
		case strings.HasPrefix(rest, "m"), strings.HasPrefix(rest, "n"):
			n := nasals[rest[0]]
			r := rest[1:]
			if r != "" && strings.IndexByte(n.kept, r[0]) >= 0 {
				out = append(out, r)
			}
			if r != "" && vowel(r[0]) {
				for _, first := range n.beforeVowel {
					out = append(out, first+r)
				}
			}
		case rest != "" && strings.IndexByte("lrwy", rest[0]) >= 0:
			out = append(out, rest)
		}
	}
	return out
}

// Alternative is one way a search term may be found: a phrase of one or
// more stems, found when they stand side by side.
type Alternative struct {
	// Phrase is the alternative as the synonym dictionary writes it (the
	// query's own words for the term itself).
	Phrase string
	Stems  []string
	// Synonym is set for an alternative from the synonym dictionary.
	Synonym bool
	// start and end are where a quoted phrase is in the text, while read.
	start, end int
}

// closed returns a quoted phrase term once read.
func (t *Term) closed() Term {
	t.Alternatives[0].start, t.Alternatives[0].end = 0, 0
	return *t
}

// Term is one thing a search asks for: a word of the query, or several
// that form a phrase of the synonym dictionary, with every way it may be
// found.
type Term struct {
	// Written is the term as the query writes it.
	Written      string
	Alternatives []Alternative
	// Exclude is set for a word written with a minus (-plastik): what
	// matches it is left out.
	Exclude bool
}

// synonymPhrase is a phrase of the synonym dictionary read as stems.
type synonymPhrase struct {
	phrase string
	stems  []string
	group  int
}

// Terms reads a search text into its terms: words in double quotes form a
// phrase term ("bank sampah"); a word written with a minus (-plastik) is an
// excluded term; runs of other words that form a phrase of a synonym group
// (the longest first) become one term with every phrase of their group as
// alternatives; every other word that is not a function word becomes a
// term of its own stem. Each group lists phrases that mean the same
// (daring, online). The same term is asked for once.
func Terms(text string, groups [][]string) []Term {
	var phrases []synonymPhrase
	for g, group := range groups {
		for _, p := range group {
			if stems := strings.Fields(Stems(p)); len(stems) > 0 {
				phrases = append(phrases, synonymPhrase{phrase: p, stems: stems, group: g})
			}
		}
	}
	slices.SortStableFunc(phrases, func(a, b synonymPhrase) int { return len(b.stems) - len(a.stems) })
	var terms []Term
	seen := map[string]bool{}
	add := func(t Term) {
		key := strings.Join(t.Alternatives[0].Stems, " ")
		if len(t.Alternatives) > 1 {
			key = "group:" + key
		}
		if t.Exclude {
			key = "-" + key
		}
		if !seen[key] {
			seen[key] = true
			terms = append(terms, t)
		}
	}
	var words []Word
	var quoted *Term
	for _, w := range Words(text) {
		inQuotes := strings.Count(text[:w.Start], `"`)%2 == 1
		if quoted != nil && (!inQuotes || strings.Contains(text[quoted.Alternatives[0].end:w.Start], `"`)) {
			add(quoted.closed())
			quoted = nil
		}
		switch {
		case inQuotes && Stopword(w.Normal): // not indexed either
		case inQuotes:
			if quoted == nil {
				quoted = &Term{Written: w.Text, Alternatives: []Alternative{{Phrase: w.Text, Stems: []string{w.Stem}, end: w.End}}}
				quoted.Alternatives[0].start = w.Start
			} else {
				a := &quoted.Alternatives[0]
				a.Stems, a.end = append(a.Stems, w.Stem), w.End
				quoted.Written, a.Phrase = text[a.start:w.End], text[a.start:w.End]
			}
		case w.Start > 0 && text[w.Start-1] == '-' && (w.Start == 1 || text[w.Start-2] == ' '):
			add(Term{Written: w.Text, Exclude: true, Alternatives: []Alternative{{Phrase: w.Text, Stems: []string{w.Stem}}}})
		case !Stopword(w.Normal):
			words = append(words, w)
		}
	}
	if quoted != nil {
		add(quoted.closed())
	}
	for i := 0; i < len(words); {
		matched := false
		for _, p := range phrases {
			if i+len(p.stems) > len(words) || !sameStems(words[i:i+len(p.stems)], p.stems) {
				continue
			}
			written := text[words[i].Start:words[i+len(p.stems)-1].End]
			t := Term{Written: written}
			for _, other := range phrases {
				if other.group == p.group {
					t.Alternatives = append(t.Alternatives, Alternative{Phrase: other.phrase, Stems: other.stems, Synonym: !slices.Equal(other.stems, p.stems)})
				}
			}
			// The group's phrases in dictionary order; the one written
			// first, so that it names the term.
			slices.SortStableFunc(t.Alternatives, func(a, b Alternative) int {
				switch {
				case !a.Synonym && b.Synonym:
					return -1
				case a.Synonym && !b.Synonym:
					return 1
				}
				return 0
			})
			t.Alternatives = dedupeAlternatives(t.Alternatives)
			add(t)
			i += len(p.stems)
			matched = true
			break
		}
		if !matched {
			add(Term{Written: words[i].Text, Alternatives: []Alternative{{Phrase: words[i].Text, Stems: []string{words[i].Stem}}}})
			i++
		}
	}
	return terms
}

func sameStems(words []Word, stems []string) bool {
	for i, w := range words {
		if w.Stem != stems[i] {
			return false
		}
	}
	return true
}

// dedupeAlternatives drops alternatives with the stems of an earlier one
// (persampahan and sampah are both sampah).
func dedupeAlternatives(alts []Alternative) []Alternative {
	var out []Alternative
	for _, a := range alts {
		if !slices.ContainsFunc(out, func(b Alternative) bool { return slices.Equal(a.Stems, b.Stems) }) {
			out = append(out, a)
		}
	}
	return out
}
