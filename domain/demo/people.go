package demo

import (
	"fmt"
	"strings"
)

// The institution, its cohort and the people of the demo. Everything here is
// made up: the names are common Indonesian names put together at random, not
// the officials who hold these positions.

// InstitutionCode is the code of the demo's training institution; Load finds
// an existing demo by it.
const InstitutionCode = "BPSDM-JATIM"

const (
	institutionName = "Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur"
	adminEmail      = "admin@demo.proper.id"
	adminName       = "Administrator Demo Proper"
	// bpsdmDomain is the mail domain of the institution's own staff.
	bpsdmDomain = "bpsdm.jatimprov.go.id"
	lanDomain   = "lan.go.id"
	groupCount  = 3
	// groupSize participants per group (kelompok), each group with its coach.
	groupSize = 10
)

// region is a local government that sends participants, with the names the
// projects' texts need.
type region struct {
	Agency   string // the agency (instansi), e.g. "Pemerintah Kota Batam"
	Province string // the agency's region
	Domain   string // its mail domain
	Area     string // "Kota Batam"
	Head     string // the head of the region, "Wali Kota Batam"
	// Participants and Mentors pair up: Mentors[k] mentors Participants[k].
	Participants []person
	Mentors      []person
}

// person is a made-up official; Prefix and Suffix are academic titles.
type person struct {
	Prefix, First, Last, Suffix string
	Female                      bool
}

// Name is how the person signs, titles included: "Drs. Raja Firmansyah, M.Si.".
func (p person) Name() string {
	name := p.First + " " + p.Last
	if p.Prefix != "" {
		name = p.Prefix + " " + name
	}
	if p.Suffix != "" {
		name += ", " + p.Suffix
	}
	return name
}

// Email is first.last at the person's office domain.
func (p person) Email(domain string) string {
	return strings.ToLower(p.First + "." + p.Last + "@" + domain)
}

// nip returns a valid NIP for a person born on the given day, appointed
// (TMT CPNS) in the given year and month, with a sequence number that keeps
// the demo's NIPs apart.
func nip(born [3]int, appointed [2]int, female bool, seq int) string {
	sex := 1
	if female {
		sex = 2
	}
	return fmt.Sprintf("%04d%02d%02d%04d%02d%d%03d", born[0], born[1], born[2], appointed[0], appointed[1], sex, seq)
}

// regions are the local governments of the participants. Participant i of
// the cohort comes from regions[i%len(regions)], the (i/len(regions))-th of
// that region.
var regions = []region{
	{Agency: "Pemerintah Kota Batam", Province: "Kepulauan Riau", Domain: "batam.go.id", Area: "Kota Batam", Head: "Wali Kota Batam",
		Participants: []person{{"Drs.", "Raja", "Firmansyah", "M.Si.", false}, {"", "Yuliana", "Sari", "S.STP., M.Si.", true}, {"Ir.", "Hendra", "Gunawan", "M.T.", false}, {"", "Nurul", "Hidayati", "S.E., M.M.", true}},
		Mentors:      []person{{"Drs.", "Azwan", "Syahrial", "M.Si.", false}, {"Dr.", "Dewi", "Kartika", "S.H., M.H.", true}, {"", "Syamsul", "Bahri", "S.E., M.Ak.", false}, {"", "Erwin", "Saputra", "S.Sos., M.AP.", false}}},
	{Agency: "Pemerintah Kota Surabaya", Province: "Jawa Timur", Domain: "surabaya.go.id", Area: "Kota Surabaya", Head: "Wali Kota Surabaya",
		Participants: []person{{"", "Agus", "Setiawan", "S.STP., M.Si.", false}, {"dr.", "Retno", "Anggraini", "M.Kes.", true}, {"Ir.", "Bagus", "Prasetyo", "M.T.", false}, {"", "Siti", "Maesaroh", "S.Sos., M.AP.", true}},
		Mentors:      []person{{"Dr.", "Heru", "Santoso", "S.H., M.Hum.", false}, {"", "Endang", "Purwaningsih", "S.E., M.Si.", true}, {"Ir.", "Wahyu", "Hidayat", "M.M.", false}, {"Dra.", "Lilik", "Suryani", "M.Si.", true}}},
	{Agency: "Pemerintah Kabupaten Klaten", Province: "Jawa Tengah", Domain: "klatenkab.go.id", Area: "Kabupaten Klaten", Head: "Bupati Klaten",
		Participants: []person{{"", "Joko", "Susilo", "S.Sos., M.M.", false}, {"", "Sri", "Handayani", "S.E., M.Si.", true}, {"Ir.", "Eko", "Purnomo", "M.P.", false}, {"", "Tri", "Wahyuni", "S.Pd., M.Pd.", true}},
		Mentors:      []person{{"Drs.", "Slamet", "Riyadi", "M.Si.", false}, {"", "Sunarto", "Wibowo", "S.H., M.H.", false}, {"", "Puji", "Lestari", "S.E., M.M.", true}, {"Drs.", "Haryanto", "Nugroho", "M.M.", false}}},
	{Agency: "Pemerintah Kabupaten Soppeng", Province: "Sulawesi Selatan", Domain: "soppengkab.go.id", Area: "Kabupaten Soppeng", Head: "Bupati Soppeng",
		Participants: []person{{"", "Andi", "Irwansyah", "S.STP., M.Si.", false}, {"", "Andi", "Nurhayati", "S.KM., M.Kes.", true}, {"Ir.", "Muhammad", "Yusuf", "M.Si.", false}, {"", "Hasniati", "Rahman", "S.E., M.Si.", true}},
		Mentors:      []person{{"Drs.", "Andi", "Amiruddin", "M.Si.", false}, {"", "Syamsuddin", "Latif", "S.H., M.H.", false}, {"Dr.", "Andi", "Rahmawati", "S.E., M.M.", true}, {"", "Baharuddin", "Sulle", "S.Sos., M.AP.", false}}},
	{Agency: "Pemerintah Kabupaten Batanghari", Province: "Jambi", Domain: "batangharikab.go.id", Area: "Kabupaten Batanghari", Head: "Bupati Batanghari",
		Participants: []person{{"", "Zulfikar", "Ahmad", "S.STP., M.Si.", false}, {"", "Rosmiati", "Yusuf", "S.E., M.M.", true}, {"Ir.", "Edi", "Marzuki", "M.Si.", false}, {"", "Herlina", "Putri", "S.Sos., M.Si.", true}},
		Mentors:      []person{{"Drs.", "Muhammad", "Azrai", "M.M.", false}, {"", "Fauzi", "Ismail", "S.H., M.H.", false}, {"", "Elly", "Susanti", "S.E., M.Si.", true}, {"", "Rudi", "Hermansyah", "S.Sos., M.Si.", false}}},
	{Agency: "Pemerintah Kota Semarang", Province: "Jawa Tengah", Domain: "semarangkota.go.id", Area: "Kota Semarang", Head: "Wali Kota Semarang",
		Participants: []person{{"", "Adi", "Nugroho", "S.T., M.T.", false}, {"", "Fitri", "Astuti", "S.E., M.Ak.", true}, {"", "Arief", "Wicaksono", "S.Kom., M.Kom.", false}, {"Dra.", "Ratna", "Kusumawati", "M.Si.", true}},
		Mentors:      []person{{"Dr.", "Bayu", "Prakoso", "S.H., M.Hum.", false}, {"Drs.", "Sutrisno", "Hadi", "M.M.", false}, {"", "Indah", "Permatasari", "S.E., M.Si.", true}, {"", "Widodo", "Santoso", "S.Sos., M.Si.", false}}},
	{Agency: "Pemerintah Kota Palembang", Province: "Sumatera Selatan", Domain: "palembang.go.id", Area: "Kota Palembang", Head: "Wali Kota Palembang",
		Participants: []person{{"", "Rizal", "Fahlevi", "S.STP., M.Si.", false}, {"", "Novita", "Sari", "S.E., M.M.", true}, {"Ir.", "Hendri", "Kurniawan", "M.T.", false}},
		Mentors:      []person{{"Drs.", "Ahmad", "Fauzan", "M.Si.", false}, {"", "Yanti", "Marlina", "S.H., M.H.", true}, {"", "Darmawan", "Saleh", "S.E., M.M.", false}}},
	{Agency: "Pemerintah Kabupaten Batang", Province: "Jawa Tengah", Domain: "batangkab.go.id", Area: "Kabupaten Batang", Head: "Bupati Batang",
		Participants: []person{{"", "Teguh", "Raharjo", "S.Sos., M.Si.", false}, {"", "Dwi", "Rahmawati", "S.Pd., M.Pd.", true}, {"Ir.", "Agung", "Wicaksono", "M.Eng.", false}},
		Mentors:      []person{{"Drs.", "Nur", "Cholis", "M.M.", false}, {"", "Sugeng", "Riyanto", "S.H., M.H.", false}, {"", "Anik", "Setyowati", "S.E., M.Si.", true}}},
}

// mentorPositions are the positions of a region's mentors, in the order of
// its Mentors: the participants' superiors in the regional secretariat.
var mentorPositions = []struct{ Position, Rank string }{
	{"Sekretaris Daerah", "Pembina Utama Madya (IV/d)"},
	{"Asisten Pemerintahan dan Kesejahteraan Rakyat Sekretariat Daerah", "Pembina Utama Muda (IV/c)"},
	{"Asisten Perekonomian dan Pembangunan Sekretariat Daerah", "Pembina Utama Muda (IV/c)"},
	{"Asisten Administrasi Umum Sekretariat Daerah", "Pembina Utama Muda (IV/c)"},
}

// participantRanks alternate between the ranks of heads of agencies (JPT Pratama).
var participantRanks = []string{"Pembina Tingkat I (IV/b)", "Pembina Tingkat I (IV/b)", "Pembina Utama Muda (IV/c)"}

// staffAgencies are the agencies of the institution's and LAN's staff.
var (
	provinceAgency = struct{ Name, Region string }{"Pemerintah Provinsi Jawa Timur", "Jawa Timur"}
	lanAgency      = struct{ Name, Region string }{"Lembaga Administrasi Negara", "DKI Jakarta"}
)

// staff is one of the institution's or LAN's people in the cohort.
type staff struct {
	person
	Position, Rank string
	Born           [3]int
	Appointed      [2]int
}

var (
	organizer = staff{person{"", "Rina", "Kartikasari", "S.Sos., M.AP.", true},
		"Kepala Bidang Pengembangan Kompetensi Manajerial BPSDM Provinsi Jawa Timur", "Pembina (IV/a)", [3]int{1979, 4, 17}, [2]int{2005, 3}}
	// coaches are widyaiswara of the institution; coaches[g] coaches group g.
	coaches = []staff{
		{person{"Dr.", "Bambang", "Sugiarto", "M.Si.", false}, "Widyaiswara Ahli Utama BPSDM Provinsi Jawa Timur", "Pembina Utama Madya (IV/d)", [3]int{1966, 8, 2}, [2]int{1991, 3}},
		{person{"Dr.", "Lusiana", "Dewi", "M.Pd.", true}, "Widyaiswara Ahli Madya BPSDM Provinsi Jawa Timur", "Pembina Utama Muda (IV/c)", [3]int{1972, 11, 23}, [2]int{1998, 12}},
		{person{"Dr.", "Hari", "Wijayanto", "S.Sos., M.AP.", false}, "Widyaiswara Ahli Utama BPSDM Provinsi Jawa Timur", "Pembina Utama Madya (IV/d)", [3]int{1968, 5, 9}, [2]int{1994, 3}},
	}
	// examiners are assessors from LAN RI.
	examiners = []staff{
		{person{"Dr.", "Meiliana", "Sitompul", "M.A.", true}, "Widyaiswara Ahli Utama Lembaga Administrasi Negara", "Pembina Utama (IV/e)", [3]int{1967, 2, 14}, [2]int{1992, 3}},
		{person{"Dr.", "Yogi", "Suryawan", "M.Si.", false}, "Analis Kebijakan Ahli Utama Lembaga Administrasi Negara", "Pembina Utama Madya (IV/d)", [3]int{1971, 9, 30}, [2]int{1997, 1}},
	}
)

// participant is one enrolled official with their mentor, by the order of
// enrollment.
type participant struct {
	Index  int // 0..29, the order of enrollment
	Group  int // 0..2
	Region region
	Theme  theme
	Person person
	Mentor person
	// MentorPosition and MentorRank describe the mentor.
	MentorPosition, MentorRank string
}

// GroupName is the kelompok of group g (0-based).
func groupName(g int) string { return fmt.Sprintf("Kelompok %d", g+1) }

// Position is the participant's jabatan, e.g. "Kepala Dinas Kesehatan Kota Surabaya".
func (p participant) Position() string { return p.Theme.Head + " " + p.Region.Area }

// Rank is the participant's pangkat/golongan.
func (p participant) Rank() string { return participantRanks[p.Index%len(participantRanks)] }

// NIP is the participant's NIP: born 1971–1980, appointed 24–28 years later.
func (p participant) NIP() string {
	i := p.Index
	born := 1971 + (i*7)%10
	return nip([3]int{born, 1 + (i*5)%12, 1 + (i*11)%28}, [2]int{born + 24 + i%5, []int{1, 3, 12}[i%3]}, p.Person.Female, 1+i)
}

// MentorNIP is the mentor's NIP: born 1965–1972, a few years before their participant.
func (p participant) MentorNIP() string {
	i := p.Index
	born := 1965 + (i*3)%8
	return nip([3]int{born, 1 + (i*7)%12, 1 + (i*13)%28}, [2]int{born + 23 + i%4, []int{3, 12, 1}[i%3]}, p.Mentor.Female, 101+i)
}

// participants lists the cohort's 30 participants in the order of
// enrollment: participant i is in group i/10 and works on themes[i%15].
func participants() []participant {
	var out []participant
	for i := 0; i < groupCount*groupSize; i++ {
		r := regions[i%len(regions)]
		k := i / len(regions)
		out = append(out, participant{Index: i, Group: i / groupSize, Region: r, Theme: themes[i%len(themes)],
			Person: r.Participants[k], Mentor: r.Mentors[k],
			MentorPosition: mentorPositions[k].Position + " " + r.Area, MentorRank: mentorPositions[k].Rank})
	}
	return out
}

// staffNIP is the NIP of a member of staff; seq keeps it apart from the others.
func (s staff) NIP(seq int) string { return nip(s.Born, s.Appointed, s.Female, seq) }
