package domain

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// The e-mails Proper writes, in Bahasa Indonesia: every subject and text is
// worded in this file, in the terms of docs/GLOSSARY.md (checked by
// TestEmailsFollowTheGlossary), with titles and names in “…”, dates as
// "14 Desember 2026", and each letter signed by the organizers of the
// cohort it is about, for their institution.

// letterText is the subject and the text of a letter, without its greeting
// and closing.
type letterText struct {
	Subject, Text string
	// Link is the page of the web app the letter is about (see the pages
	// below), which it links to when the installation's address is known.
	Link string
}

// The pages of the web app that letters link to: web/src/app.tsx routes
// them (a web test checks that it does), and they ask for a sign-in first.
const (
	homePage       = "/"
	activationPage = "/aktivasi"
)

func projectPage(project uuid.UUID) string      { return "/proyek/" + project.String() }
func designReviewPage(project uuid.UUID) string { return "/telaah/rancangan/" + project.String() }
func transferPage(transfer uuid.UUID) string    { return "/usulan-mentor/" + transfer.String() }

// quoted sets a title or a name off in double quotation marks.
func quoted(s string) string { return "“" + s + "”" }

// sender is who a letter comes from: the organizers (penyelenggara) of a
// cohort, for the institution that runs it.
type sender struct {
	Cohort, Institution string
	// Terms are the cohort's words for its product (see rewordFor).
	Terms ProgramTerms
}

// sendersOf returns who signs a letter about the cohorts: the organizers of
// each, for its institution, in the order given, each once. known, when not
// nil, keeps the senders already read, for a run of many letters.
func sendersOf(ctx context.Context, tx Store, known map[uuid.UUID]sender, cohorts ...uuid.UUID) ([]sender, error) {
	var out []sender
	seen := map[uuid.UUID]bool{}
	for _, id := range cohorts {
		if id == uuid.Nil || seen[id] {
			continue
		}
		seen[id] = true
		s, ok := known[id]
		if !ok {
			c, err := tx.Cohorts().Get(ctx, id)
			if err != nil {
				return nil, err
			}
			in, err := tx.Institutions().Get(ctx, c.InstitutionID)
			if err != nil {
				return nil, err
			}
			s = sender{Cohort: c.Name, Institution: in.Name, Terms: c.Terms}
			if known != nil {
				known[id] = s
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// rewordFor puts the senders' words for their product into a text worded
// in PKN words, when they all use the same words (a digest about cohorts of
// several programs keeps the general words).
func rewordFor(from []sender, s string) string {
	if len(from) == 0 {
		return s
	}
	for _, f := range from[1:] {
		if f.Terms != from[0].Terms {
			return s
		}
	}
	return from[0].Terms.Reword(s)
}

// organizedBy returns those of cohorts the actor organizes: a letter the
// actor has sent about a person of these cohorts is signed for them.
func organizedBy(actor *Actor, cohorts []uuid.UUID) []uuid.UUID {
	var out []uuid.UUID
	for _, c := range cohorts {
		if actor != nil && actor.Has(c, RoleOrganizer) {
			out = append(out, c)
		}
	}
	return out
}

// letter wraps a letter's text in a greeting for the recipient named name
// and the closing of its senders. When link (a full address) is not empty,
// the text is followed by it: one tap opens the page the letter is about.
func letter(text string, from []sender, link string) func(name string) string {
	if link != "" {
		text += "\n\nBuka langsung: " + link + "\n(Anda diminta masuk lebih dulu bila belum masuk.)"
	}
	return func(name string) string {
		return "Yth. " + name + ",\n\n" + text + "\n\n" + closing(from) + "\n\n" +
			"Email ini dikirim otomatis. Buka Proper untuk menindaklanjutinya; daftar pengingat Anda ada di menu Pengingat."
	}
}

// closing signs a letter for its senders: "Hormat kami," then, for each
// institution, "Penyelenggara <cohorts>" and the institution's name.
func closing(from []sender) string {
	if len(from) == 0 {
		return "Hormat kami,\nPenyelenggara pelatihan"
	}
	var institutions []string
	cohorts := map[string][]string{}
	for _, s := range from {
		if _, ok := cohorts[s.Institution]; !ok {
			institutions = append(institutions, s.Institution)
		}
		cohorts[s.Institution] = append(cohorts[s.Institution], s.Cohort)
	}
	blocks := make([]string, len(institutions))
	for i, in := range institutions {
		blocks[i] = "Penyelenggara " + joinAnd(cohorts[in]) + "\n" + in
	}
	return "Hormat kami,\n" + strings.Join(blocks, "\n\n")
}

// joinAnd lists names as Bahasa Indonesia does: "A", "A dan B", "A, B, dan C".
func joinAnd(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	case 2:
		return names[0] + " dan " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + ", dan " + names[len(names)-1]
}

// withComment adds a reviewer's comment to a letter's text.
func withComment(text, comment string) string {
	if comment == "" {
		return text
	}
	return text + "\n\nCatatan: " + comment
}

// activationLetter gives a person a new one-time activation code.
func activationLetter(code string, expires time.Time) letterText {
	return letterText{Subject: "Kode aktivasi akun Proper", Link: activationPage, Text: "Berikut kode aktivasi baru untuk akun Proper Anda: " + code +
		"\n\nKode ini berlaku sampai " + IndonesianDateTime(expires) + ". Buka Proper, pilih Aktivasi akun, lalu masukkan alamat email, " +
		"kode ini, dan kata sandi baru Anda. Jika Anda tidak meminta kode ini, abaikan email ini: kata sandi Anda tetap berlaku."}
}

// designSubmittedLetter asks the mentor and the coach to review a design.
func designSubmittedLetter(participant, project string) letterText {
	return letterText{Subject: "Rancangan proyek perubahan menunggu persetujuan: " + quoted(project),
		Text: participant + " mengajukan rancangan untuk disetujui pada proyek perubahan " + quoted(project) + ". " +
			"Mohon ditelaah di Antrean telaah; yang menunggu melewati batas waktu tanggapan angkatan akan diteruskan ke coach dan penyelenggara."}
}

// decisionLetter tells a participant that reviewer decided: what the
// reviewer did, on their project, with the reviewer's comment.
func decisionLetter(subject, reviewer, what, project, comment string) letterText {
	return letterText{Subject: subject, Text: withComment(reviewer+" "+what+" pada proyek perubahan "+quoted(project)+".", comment)}
}

// designApprovedLetter tells the participant that their design is approved.
func designApprovedLetter(reviewer, project string) letterText {
	return decisionLetter("Rancangan disetujui: "+quoted(project), reviewer,
		"menyetujui rancangan Anda; rancangan kini disetujui dan bukti dukung dapat diunggah", project, "")
}

// designReturnedLetter tells the participant that their design came back.
func designReturnedLetter(reviewer, project, comment string) letterText {
	return decisionLetter("Rancangan dikembalikan untuk diperbaiki: "+quoted(project), reviewer,
		"mengembalikan rancangan Anda untuk diperbaiki", project, comment)
}

// evidenceReviewedLetter tells the participant what the mentor decided on
// their evidence.
func evidenceReviewedLetter(reviewer, project, evidence string, decision EvidenceDecision, comment string) letterText {
	if decision == EvidenceReject {
		return decisionLetter("Bukti dukung ditolak: "+quoted(evidence), reviewer,
			"menolak bukti dukung "+quoted(evidence)+"; silakan unggah bukti dukung pengganti", project, comment)
	}
	return decisionLetter("Bukti dukung disetujui: "+quoted(evidence), reviewer, "menyetujui bukti dukung "+quoted(evidence), project, comment)
}

// milestoneVerifiedLetter tells the participant what the mentor decided on
// their claim that a milestone is achieved.
func milestoneVerifiedLetter(reviewer, project, milestone string, decision VerificationDecision, comment string) letterText {
	if decision == VerifyReturn {
		return decisionLetter("Tahapan dikembalikan: "+quoted(milestone), reviewer,
			"mengembalikan tahapan "+quoted(milestone)+" (belum dapat diverifikasi)", project, comment)
	}
	return decisionLetter("Tahapan terverifikasi: "+quoted(milestone), reviewer,
		"memverifikasi bahwa tahapan "+quoted(milestone)+" tercapai", project, comment)
}

// transferToOrganizersLetter asks the cohort's organizers to confirm a
// proposed mentor from outside the participant's agency.
func transferToOrganizersLetter(t MentorTransfer) letterText {
	return letterText{Link: transferPage(t.ID), Subject: "Usulan mentor baru menunggu konfirmasi: " + quoted(t.ProjectTitle),
		Text: withComment(t.ParticipantName+" mengusulkan "+t.MentorName+" sebagai mentor baru proyek perubahan "+quoted(t.ProjectTitle)+
			", menggantikan "+t.PreviousMentor+". Calon mentor ini bukan dari instansi peserta, jadi usulan menunggu konfirmasi penyelenggara sebelum calon mentor ditanya.", t.Note)}
}

// transferToMentorLetter asks a proposed mentor to accept or decline.
func transferToMentorLetter(t MentorTransfer) letterText {
	return letterText{Link: transferPage(t.ID), Subject: "Usulan menjadi mentor proyek perubahan " + quoted(t.ProjectTitle),
		Text: withComment(t.ParticipantName+" mengusulkan Anda sebagai mentor baru proyek perubahan "+quoted(t.ProjectTitle)+", menggantikan "+
			t.PreviousMentor+". Usulan ini berlaku setelah Anda menerimanya; Anda juga dapat menolaknya.", t.Note)}
}

// transferAcceptedLetter tells the participant that the new mentor accepted.
func transferAcceptedLetter(t MentorTransfer) letterText {
	return letterText{Link: transferPage(t.ID), Subject: "Mentor baru menerima usulan: " + quoted(t.ProjectTitle),
		Text: t.MentorName + " menerima usulan Anda dan kini menjadi mentor proyek perubahan " + quoted(t.ProjectTitle) + "."}
}

// transferDeclinedLetter tells the participant that the proposed mentor
// declined.
func transferDeclinedLetter(t MentorTransfer, comment string) letterText {
	return letterText{Link: transferPage(t.ID), Subject: "Usulan mentor baru ditolak: " + quoted(t.ProjectTitle),
		Text: withComment(t.MentorName+" menolak usulan menjadi mentor proyek perubahan "+quoted(t.ProjectTitle)+". Mentor Anda tetap "+
			t.PreviousMentor+"; Anda dapat mengusulkan mentor lain.", comment)}
}

// transferRefusedLetter tells the participant that the organizers refused
// the proposed mentor.
func transferRefusedLetter(t MentorTransfer, comment string) letterText {
	return letterText{Link: transferPage(t.ID), Subject: "Usulan mentor baru tidak disetujui: " + quoted(t.ProjectTitle),
		Text: withComment("Penyelenggara tidak menyetujui usulan "+t.MentorName+" sebagai mentor baru proyek perubahan "+quoted(t.ProjectTitle)+
			". Mentor Anda tetap "+t.PreviousMentor+"; Anda dapat mengusulkan mentor lain.", comment)}
}

// digestSubject is the subject of the daily digest of day.
func digestSubject(day Date) string {
	return "Ringkasan harian proyek perubahan (" + day.Indonesian() + ")"
}

// waitingLabels name the kinds of review items in a digest.
var waitingLabels = map[string]string{"evidence": "Bukti dukung", "milestone": "Verifikasi tahapan", "design": "Rancangan"}

// text writes the digest: what waits for the reader's decision (late items
// first), then their overdue and soon due milestones.
func (d digest) text(now time.Time) string {
	today := DateOf(now)
	text := "Berikut yang perlu Anda tindak lanjuti hari ini di Proper."
	if len(d.waiting) > 0 {
		var late, onTime string
		for _, w := range d.waiting {
			isLate, days, dueOn := d.cal.Late(w.ResponseDeadlineDays, w.WaitingSince, now)
			line := "- " + waitingLabels[w.Kind] + " " + quoted(w.Title) + " dari " + w.ParticipantName + " (proyek " + quoted(w.ProjectTitle) + "), menunggu " +
				strconv.Itoa(days) + " hari, batas waktu tanggapan " + dueOn.Indonesian() + "\n"
			if isLate {
				late += line
			} else {
				onTime += line
			}
		}
		text = withSection(text, "Melewati batas waktu tanggapan (diteruskan ke coach dan penyelenggara)", late)
		text = withSection(text, "Menunggu telaah Anda", onTime)
		text += "\nSemuanya ada di Antrean telaah, yang terlama di atas."
	}
	var overdue, soon string
	for _, m := range d.due {
		line := "- " + quoted(m.Title) + " (proyek " + quoted(m.ProjectTitle) + "), tenggat " + m.DueOn.Indonesian() + "\n"
		if m.DueOn.Before(today) {
			overdue += line
		} else {
			soon += line
		}
	}
	text = withSection(text, "Tahapan Anda yang melewati tenggat", overdue)
	text = withSection(text, "Tahapan Anda dengan tenggat dalam "+strconv.Itoa(ReminderWindowDays)+" hari", soon)
	if len(d.due) > 0 {
		text += "\nPerbarui kemajuannya, unggah bukti dukung, dan ajukan verifikasi kepada mentor Anda."
	}
	return text
}

// withSection adds a digest's list under its heading, unless it is empty.
func withSection(text, heading, lines string) string {
	if lines == "" {
		return text
	}
	return text + "\n\n" + heading + ":\n" + lines
}
