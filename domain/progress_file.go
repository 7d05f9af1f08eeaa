package domain

import (
	"strconv"
	"time"
)

// progressColumn is one column of a cohort's progress file: its heading in
// English (the API's form) and in Bahasa Indonesia (the organizers'
// spreadsheets), and its value in a row.
type progressColumn struct {
	english, indonesian string
	value               func(r ProgressRow, lang Language) string
}

// countColumn returns a column value that is a number of the row.
func countColumn(n func(ProgressRow) int) func(ProgressRow, Language) string {
	return func(r ProgressRow, _ Language) string { return strconv.Itoa(n(r)) }
}

// progressColumns are the columns of the progress file, in order. The
// Indonesian headings use the glossary's words (docs/GLOSSARY.md).
var progressColumns = []progressColumn{
	{"participant", "Peserta", func(r ProgressRow, _ Language) string { return r.ParticipantName }},
	{"class", "Kelas", func(r ProgressRow, _ Language) string { return r.ClassName }},
	{"group", "Kelompok", func(r ProgressRow, _ Language) string { return r.Group }},
	{"mentor", "Mentor", func(r ProgressRow, _ Language) string { return r.MentorName }},
	{"project", "Proyek perubahan", func(r ProgressRow, _ Language) string { return r.ProjectTitle }},
	{"status", "Status", func(r ProgressRow, lang Language) string {
		if lang == Indonesian {
			return r.ProjectStatus.Label()
		}
		return string(r.ProjectStatus)
	}},
	{"progress", "Kemajuan (%)", countColumn(ProgressRow.Progress)},
	{"short_achieved", "Tahapan jangka pendek tercapai", countColumn(func(r ProgressRow) int { return r.Short.Achieved })},
	{"short_total", "Tahapan jangka pendek", countColumn(func(r ProgressRow) int { return r.Short.Total })},
	{"short_awaiting_verification", "Tahapan jangka pendek menunggu verifikasi", countColumn(func(r ProgressRow) int { return r.Short.AwaitingVerification })},
	{"short_overdue", "Tahapan jangka pendek melewati tenggat", countColumn(func(r ProgressRow) int { return r.Short.Overdue })},
	{"mid_achieved", "Tahapan jangka menengah tercapai", countColumn(func(r ProgressRow) int { return r.Mid.Achieved })},
	{"mid_total", "Tahapan jangka menengah", countColumn(func(r ProgressRow) int { return r.Mid.Total })},
	{"long_achieved", "Tahapan jangka panjang tercapai", countColumn(func(r ProgressRow) int { return r.Long.Achieved })},
	{"long_total", "Tahapan jangka panjang", countColumn(func(r ProgressRow) int { return r.Long.Total })},
	{"pending_evidence", "Bukti dukung menunggu telaah", countColumn(func(r ProgressRow) int { return r.PendingEvidence })},
	{"last_activity_at", "Aktivitas terakhir", func(r ProgressRow, lang Language) string {
		switch {
		case r.LastActivityAt == nil:
			return ""
		case lang == Indonesian:
			return FileTime(*r.LastActivityAt)
		}
		return r.LastActivityAt.Format(time.RFC3339)
	}},
}

// ProgressFileHeader is the header row of a cohort's progress file in lang:
// snake_case names in English, the glossary's words in Indonesian.
func ProgressFileHeader(lang Language) []string {
	out := make([]string, len(progressColumns))
	for i, c := range progressColumns {
		out[i] = c.english
		if lang == Indonesian {
			out[i] = c.indonesian
		}
	}
	return out
}

// FileRecord is the row's line of the progress file in lang, under
// ProgressFileHeader: in English the statuses as the API names them and
// times in RFC 3339; in Indonesian the statuses' words and times in
// WIB ("2026-12-07 14:05 WIB").
func (r ProgressRow) FileRecord(lang Language) []string {
	out := make([]string, len(progressColumns))
	for i, c := range progressColumns {
		out[i] = c.value(r, lang)
	}
	return out
}
