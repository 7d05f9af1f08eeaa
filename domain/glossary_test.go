package domain

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// glossaryPath is docs/GLOSSARY.md, from the package's directory.
var glossaryPath = filepath.Join("..", "docs", "GLOSSARY.md")

// concept is a row of the glossary's table: the terms to write and the
// variants that are forbidden.
type concept struct {
	name  string
	terms []string
	never []*regexp.Regexp
}

// glossary is the table of docs/GLOSSARY.md, as web/test/glossary.test.mjs
// reads it too.
type glossary []concept

var backticked = regexp.MustCompile("`([^`]+)`")

// readGlossary reads the table of docs/GLOSSARY.md: the rows after the
// header "| Concept | Term | Never |", with the terms and the variants each
// in backticks.
func readGlossary(t testing.TB) glossary {
	t.Helper()
	src, err := os.ReadFile(glossaryPath)
	if err != nil {
		t.Fatal(err)
	}
	var (
		g       glossary
		inTable bool
	)
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "| Concept |"):
			inTable = true
			continue
		case !strings.HasPrefix(line, "|"):
			inTable = false
			continue
		case !inTable || strings.HasPrefix(line, "|---"):
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if len(cells) < 3 {
			t.Fatalf("%s: a row of the table has %d cells: %s", glossaryPath, len(cells), line)
		}
		c := concept{name: strings.TrimSpace(cells[0])}
		for _, m := range backticked.FindAllStringSubmatch(cells[1], -1) {
			c.terms = append(c.terms, m[1])
		}
		for _, m := range backticked.FindAllStringSubmatch(cells[2], -1) {
			c.never = append(c.never, regexp.MustCompile("(?i)"+regexp.QuoteMeta(m[1])))
		}
		if len(c.terms) == 0 {
			t.Fatalf("%s: %q has no term in backticks", glossaryPath, c.name)
		}
		g = append(g, c)
	}
	if len(g) < 20 {
		t.Fatalf("%s: read %d concepts from its table", glossaryPath, len(g))
	}
	return g
}

// isWordRune reports whether r is part of a word.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// problems lists the forbidden variants text uses, each with the terms to
// write instead. A variant counts as a whole word where it begins or ends
// with a letter or digit; an occurrence spelled as one of its row's terms
// is allowed. Placeholders ({status}) are left out.
func (g glossary) problems(text string) []string {
	text = placeholder.ReplaceAllString(text, "{}")
	var out []string
	for _, c := range g {
		for _, re := range c.never {
			for _, loc := range re.FindAllStringIndex(text, -1) {
				found := text[loc[0]:loc[1]]
				first, _ := utf8.DecodeRuneInString(found)
				last, _ := utf8.DecodeLastRuneInString(found)
				before, _ := utf8.DecodeLastRuneInString(text[:loc[0]])
				after, _ := utf8.DecodeRuneInString(text[loc[1]:])
				if isWordRune(first) && loc[0] > 0 && isWordRune(before) || isWordRune(last) && loc[1] < len(text) && isWordRune(after) ||
					slices.Contains(c.terms, found) {
					continue
				}
				out = append(out, strconv.Quote(found)+" (write "+strings.Join(c.terms, " / ")+")")
			}
		}
	}
	return out
}

// check fails the test for each forbidden variant that text, named what,
// uses.
func (g glossary) check(t *testing.T, what, text string) {
	t.Helper()
	for _, p := range g.problems(text) {
		t.Errorf("%s says %s: %q", what, p, text)
	}
}

func TestTheGlossaryFindsItsForbiddenVariantsOnly(t *testing.T) {
	g := readGlossary(t)
	for _, c := range []struct {
		text string
		bad  bool
	}{
		{"Milestone Anda yang jatuh tempo", true},
		{"Tahapan Anda dengan tenggat dalam 14 hari", false},
		{"Bukti capaian", true},
		{"Area inovasi", true},
		{"Semuanya ada di menu Tinjauan.", true},
		{"Mohon ditinjau.", true},
		{"Antrean telaah", false},
		{"Tambah tahapan", true},
		{"menambah tahapan", true},
		{"menambahkan tahapan; ditambahkan; tambahan", false},
		{"Proyek «Antrean»", true},
		{"Proyek “Antrean”", false},
		{"Sangat memuaskan", true},
		{"Sangat Memuaskan, Cukup Memuaskan", false},
		{"Setiap tahap berada di dalam tanggal pelatihan", true},
		{"tahapan jangka pendek", false},
		{"alamat e-mail", true},
		{"Penilaian seminar", false},
		{"Predikat", true},
	} {
		if got := len(g.problems(c.text)) > 0; got != c.bad {
			t.Errorf("%q: problems %q, want some: %v", c.text, g.problems(c.text), c.bad)
		}
	}
}

// identifier matches a string that names something rather than says it.
var identifier = regexp.MustCompile(`^[a-z0-9_.]+$`)

// stringLiterals returns the text of every string literal of a Go file.
func stringLiterals(t *testing.T, path string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		return true
	})
	return out
}

// sampleLetters are every letter the domain writes, composed from sample
// values and wrapped in their greeting and closing, by name.
func sampleLetters() map[string]letterText {
	t := MentorTransfer{ParticipantName: "Budi Santoso", MentorName: "Drs. Agus Salim", PreviousMentor: "Dra. Ratna Dewi",
		ProjectTitle: "Antrean Daring Adminduk", Note: "Atasan baru sejak Januari"}
	now := time.Date(2026, 12, 14, 2, 30, 0, 0, time.UTC)
	waiting := func(kind string, since time.Time) WaitingReview {
		return WaitingReview{ReviewItem: ReviewItem{Kind: kind, Title: "SK Tim Efektif", ParticipantName: "Budi Santoso", WaitingSince: since},
			ProjectTitle: "Antrean Daring Adminduk", ResponseDeadlineDays: 7}
	}
	d := digest{
		due: []DueMilestone{{Title: "Perda layanan daring", ProjectTitle: "Antrean Daring Adminduk", DueOn: NewDate(2026, 12, 10)},
			{Title: "Replikasi ke kecamatan", ProjectTitle: "Antrean Daring Adminduk", DueOn: NewDate(2026, 12, 20)}},
		waiting: []WaitingReview{waiting("evidence", now.AddDate(0, 0, -9)), waiting("milestone", now), waiting("design", now)},
	}
	letters := map[string]letterText{
		"activation":             activationLetter("ABCD-1234", now),
		"design submitted":       designSubmittedLetter("Budi Santoso", "Antrean Daring Adminduk"),
		"design approved":        designApprovedLetter("Dra. Ratna Dewi", "Antrean Daring Adminduk"),
		"design returned":        designReturnedLetter("Dra. Ratna Dewi", "Antrean Daring Adminduk", "Perjelas indikator"),
		"evidence approved":      evidenceReviewedLetter("Dra. Ratna Dewi", "Antrean Daring Adminduk", "SK Tim Efektif", EvidenceApprove, ""),
		"evidence rejected":      evidenceReviewedLetter("Dra. Ratna Dewi", "Antrean Daring Adminduk", "SK Tim Efektif", EvidenceReject, "Belum ditandatangani"),
		"milestone verified":     milestoneVerifiedLetter("Dra. Ratna Dewi", "Antrean Daring Adminduk", "Perda layanan daring", VerifyApprove, ""),
		"milestone returned":     milestoneVerifiedLetter("Dra. Ratna Dewi", "Antrean Daring Adminduk", "Perda layanan daring", VerifyReturn, "Lampirkan notula"),
		"transfer to organizers": transferToOrganizersLetter(t),
		"transfer to mentor":     transferToMentorLetter(t),
		"transfer accepted":      transferAcceptedLetter(t),
		"transfer declined":      transferDeclinedLetter(t, "Sedang tugas belajar"),
		"transfer refused":       transferRefusedLetter(t, "Bukan atasan langsung"),
		"digest":                 {Subject: digestSubject(DateOf(now)), Text: d.text(now)},
	}
	from := []sender{{Cohort: "PKN Tingkat II Angkatan XII Tahun 2026", Institution: "BPSDM Provinsi Jawa Timur"}}
	for name, l := range letters {
		l.Text = letter(l.Text, from, "")("Budi Santoso")
		letters[name] = l
	}
	return letters
}

func TestEmailsFollowTheGlossary(t *testing.T) {
	g := readGlossary(t)
	for _, s := range stringLiterals(t, "letters.go") {
		if !identifier.MatchString(s) { // keys such as "milestone" are no prose
			g.check(t, "letters.go", s)
		}
	}
	for name, l := range sampleLetters() {
		g.check(t, "the subject of the "+name+" letter", l.Subject)
		g.check(t, "the "+name+" letter", l.Text)
	}
}

func TestEmailsSetTitlesInDoubleQuotationMarksAndWriteDatesInIndonesian(t *testing.T) {
	letters := sampleLetters()
	if got := letters["design returned"].Subject; got != "Rancangan dikembalikan untuk diperbaiki: “Antrean Daring Adminduk”" {
		t.Errorf("subject %q", got)
	}
	for want, in := range map[string]string{
		"Ringkasan harian proyek perubahan (14 Desember 2026)":                                  letters["digest"].Subject,
		"- “Perda layanan daring” (proyek “Antrean Daring Adminduk”), tenggat 10 Desember 2026": letters["digest"].Text,
		"Kode ini berlaku sampai 14 Desember 2026 pukul 09.30 WIB.":                             letters["activation"].Text,
	} {
		if !strings.Contains(in, want) {
			t.Errorf("%q lacks %q", in, want)
		}
	}
	for name, l := range letters {
		if strings.ContainsAny(l.Subject+l.Text, "«»") || regexp.MustCompile(`\d{4}-\d{2}-\d{2}`).MatchString(l.Subject+l.Text) {
			t.Errorf("the %s letter uses «» or an ISO date:\n%s\n%s", name, l.Subject, l.Text)
		}
	}
}

func TestLettersAreSignedByTheOrganizersForTheInstitution(t *testing.T) {
	jatim := "BPSDM Provinsi Jawa Timur"
	body := letter("Teks.", []sender{{Cohort: "PKN Tingkat II Angkatan XII Tahun 2026", Institution: jatim}}, "")("Budi Santoso")
	if !strings.HasPrefix(body, "Yth. Budi Santoso,\n\nTeks.\n\nHormat kami,\nPenyelenggara PKN Tingkat II Angkatan XII Tahun 2026\nBPSDM Provinsi Jawa Timur\n\n") ||
		strings.Contains(body, "Proper —") || strings.Contains(body, "Salam,") {
		t.Errorf("the letter reads:\n%s", body)
	}
	for _, c := range []struct {
		from []sender
		want string
	}{
		{nil, "Hormat kami,\nPenyelenggara pelatihan"},
		{[]sender{{"PKA Angkatan I", jatim, TermsAksi}, {"PKP Angkatan III", jatim, TermsAksi}}, "Hormat kami,\nPenyelenggara PKA Angkatan I dan PKP Angkatan III\n" + jatim},
		{[]sender{{"PKA Angkatan I", jatim, TermsAksi}, {"PKN Tingkat I Angkatan II", "LAN RI", TermsProyek}, {"PKP Angkatan III", jatim, TermsAksi}},
			"Hormat kami,\nPenyelenggara PKA Angkatan I dan PKP Angkatan III\n" + jatim + "\n\nPenyelenggara PKN Tingkat I Angkatan II\nLAN RI"},
	} {
		if got := closing(c.from); got != c.want {
			t.Errorf("closing(%v) =\n%s\nwant\n%s", c.from, got, c.want)
		}
	}
	if got := joinAnd([]string{"A", "B", "C"}); got != "A, B, dan C" {
		t.Errorf("joinAnd = %q", got)
	}
}

func TestOrganizersSignTheLettersTheySendAboutTheirCohorts(t *testing.T) {
	mine, theirs := uuid.New(), uuid.New()
	actor := &Actor{Roles: []CohortRole{{CohortID: mine, Role: RoleOrganizer}, {CohortID: theirs, Role: RoleCoach}}}
	if got := organizedBy(actor, []uuid.UUID{theirs, mine}); !slices.Equal(got, []uuid.UUID{mine}) {
		t.Errorf("organizedBy = %v, want %v", got, mine)
	}
}

func TestDatesAreWrittenAsIndonesianLettersWriteThem(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{NewDate(2026, 12, 14).Indonesian(), "14 Desember 2026"},
		{NewDate(2027, 1, 1).Indonesian(), "1 Januari 2027"},
		{NewDate(2026, 8, 17).Indonesian(), "17 Agustus 2026"},
		{Date{}.Indonesian(), ""},
		{IndonesianDateTime(time.Date(2026, 12, 14, 2, 30, 0, 0, time.UTC)), "14 Desember 2026 pukul 09.30 WIB"},
		// 18.00 UTC on New Year's Eve is 01.00 on New Year's Day in Jakarta.
		{IndonesianDateTime(time.Date(2026, 12, 31, 18, 0, 0, 0, time.UTC)), "1 Januari 2027 pukul 01.00 WIB"},
		{FileTime(time.Date(2026, 12, 7, 7, 5, 0, 0, time.UTC)), "2026-12-07 14:05 WIB"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	if jakarta, err := time.LoadLocation("Asia/Jakarta"); err == nil {
		at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
		if a, b := at.In(jakarta).Format("15:04"), at.In(WIB).Format("15:04"); a != b {
			t.Errorf("WIB says %s, Asia/Jakarta %s", b, a)
		}
	}
}

func TestLabelsFollowTheGlossary(t *testing.T) {
	g := readGlossary(t)
	for status, label := range projectStatusLabels {
		g.check(t, "the label of "+string(status), label)
	}
	for p, label := range predicateLabels {
		g.check(t, "the label of "+string(p), label)
	}
	for _, heading := range ProgressFileHeader(Indonesian) {
		g.check(t, "the progress file", heading)
	}
	for program, seminars := range defaultRubrics {
		for seminar, criteria := range seminars {
			for _, c := range criteria {
				g.check(t, "the default rubric of "+string(program)+" "+string(seminar), c.Name)
			}
		}
	}
}

// webMessages are the messages of web/src/i18n/id.ts under prefix, by the
// rest of their key.
func webMessages(t *testing.T, prefix string) map[string]string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "web", "src", "i18n", "id.ts"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	re := regexp.MustCompile(`(?m)^\s*"` + regexp.QuoteMeta(prefix) + `([a-z_]+)": "([^"]*)",`)
	for _, m := range re.FindAllStringSubmatch(string(src), -1) {
		out[m[1]] = m[2]
	}
	return out
}

func TestLabelsAreTheWebAppsWords(t *testing.T) {
	for _, c := range []struct {
		prefix string
		labels map[string]string
	}{
		{"status.", func() map[string]string {
			out := map[string]string{}
			for s, l := range projectStatusLabels {
				out[string(s)] = l
			}
			return out
		}()},
		{"milestoneStatus.", stringKeys(milestoneStatusLabels)},
		{"evidenceStatus.", stringKeys(evidenceStatusLabels)},
		{"horizon.", stringKeys(horizonLabels)},
		{"participant.predicate.", func() map[string]string {
			out := map[string]string{}
			for p, l := range predicateLabels {
				out[string(p)] = l
			}
			return out
		}()},
	} {
		web := webMessages(t, c.prefix)
		for key, label := range c.labels {
			if web[key] != label {
				t.Errorf("the domain words %s%s %q, the web app %q", c.prefix, key, label, web[key])
			}
		}
		if len(web) != len(c.labels) {
			t.Errorf("the web app words %d of %s, the domain %d", len(web), c.prefix, len(c.labels))
		}
	}
}

func TestLettersLinkStraightToTheirPageWhenTheAddressIsKnown(t *testing.T) {
	transfer := MentorTransfer{ID: NewID(), ProjectTitle: "Antrean Daring", MentorName: "Drs. Jefridin", PreviousMentor: "Ir. Hendra"}
	l := transferToMentorLetter(transfer)
	with := Mailer{Enabled: true, PublicURL: "https://proper.bpsdm.jatimprov.go.id/"}
	body := letter(l.Text, nil, with.link(l.Link))("Drs. Jefridin")
	if want := "Buka langsung: https://proper.bpsdm.jatimprov.go.id/usulan-mentor/" + transfer.ID.String() + "\n"; !strings.Contains(body, want) {
		t.Errorf("the letter reads:\n%s\nwant it to contain %q", body, want)
	}
	without := Mailer{Enabled: true}
	if body := letter(l.Text, nil, without.link(l.Link))("Drs. Jefridin"); strings.Contains(body, "Buka langsung") {
		t.Errorf("without the installation's address the letter links somewhere:\n%s", body)
	}
}

// stringKeys is labels keyed by the strings of its keys.
func stringKeys[K ~string](labels map[K]string) map[string]string {
	out := map[string]string{}
	for k, l := range labels {
		out[string(k)] = l
	}
	return out
}
