package domain

// The codes of the holiday calendar and of classes (kelas), with their
// wording; see catalogue.go for the rest.
var (
	CodeHolidayDateTaken = code("holiday.date_taken",
		"the calendar has a holiday on this date already",
		"Tanggal ini sudah tercatat sebagai hari libur.")
	CodeClassNameTaken = code("class.name_taken",
		"the cohort has a class of this name already",
		"Angkatan ini sudah memiliki kelas dengan nama ini.")
	CodeClassNotEmpty = code("class.not_empty",
		"the class still has {count} participants: move them to another class first",
		"Kelas ini masih berisi {count} peserta. Pindahkan mereka ke kelas lain terlebih dahulu.")
	CodeClassUnknown = code("class.unknown",
		"must be a class of this cohort",
		"Harus kelas di angkatan ini.")
)
