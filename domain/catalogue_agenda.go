package domain

// Codes of a cohort's agenda and its soft gates. They live beside the
// catalogue so that the agenda's words are in one place.
var (
	CodeAgendaDatesOrder = code("agenda.dates.order",
		"must not be before startsOn",
		"Tanggal selesai agenda tidak boleh sebelum tanggal mulainya.")
	CodeAgendaOutsideCohort = code("agenda.outside_cohort",
		"must lie within the cohort's dates, {startsOn} to {endsOn} (only the evaluasi pascapelatihan may come after)",
		"Agenda harus berada dalam rentang tanggal angkatan, {startsOn} sampai {endsOn} (kecuali evaluasi pascapelatihan).")
	CodeAgendaItemsOutside = code("cohort.agenda_outside",
		"the cohort's agenda has items outside these dates: move them first",
		"Agenda angkatan memiliki kegiatan di luar tanggal ini. Pindahkan kegiatan tersebut terlebih dahulu.")
	CodeAgendaNotEmpty = code("agenda.not_empty",
		"the cohort's agenda has items: a draft fills only an empty agenda; delete its items first",
		"Agenda angkatan sudah berisi kegiatan. Draf hanya mengisi agenda yang kosong; hapus kegiatannya terlebih dahulu.")
	CodeAgendaNoTemplate = code("agenda.no_template",
		"the cohort keeps no program template to draft its agenda from",
		"Angkatan ini tidak memiliki templat program untuk menyusun draf agenda.")
	CodeAgendaStepEarly = code("agenda.step_early",
		"the cohort's agenda opens this step on {date} ({item}); its organizers do not accept it earlier",
		"Langkah ini baru dapat dilakukan mulai {date} ({item}). Penyelenggara tidak menerimanya lebih awal.")
	CodeAgendaStepLate = code("agenda.step_late",
		"the cohort's agenda closed this step on {date} ({item}); its organizers do not accept it later",
		"Batas waktu langkah ini adalah {date} ({item}). Penyelenggara tidak menerimanya setelah itu.")
)
