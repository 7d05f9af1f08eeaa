package domain

// Codes of regions and of the work units of agencies.
var (
	CodeProvinceUnknown = code("region.province_unknown",
		"is not a province of Indonesia; write it like \"Jawa Tengah\" or \"Kepulauan Riau\"",
		"Bukan nama provinsi di Indonesia. Tuliskan seperti \"Jawa Tengah\" atau \"Kepulauan Riau\".")
	CodeRegencyForm = code("region.regency_form",
		"write the regency or city in full, beginning with Kabupaten or Kota, like \"Kabupaten Klaten\" or \"Kota Batam\"",
		"Tuliskan kabupaten/kota secara lengkap, diawali \"Kabupaten\" atau \"Kota\", misalnya \"Kabupaten Klaten\" atau \"Kota Batam\".")
	CodeRegencyNeedsProvince = code("region.regency_needs_province",
		"name the province of the regency or city too",
		"Sebutkan juga provinsi kabupaten/kota ini.")
	CodeRegionForm = code("region.form",
		"write a province (\"Jawa Tengah\"), or a regency or city and its province (\"Kota Batam, Kepulauan Riau\"); or use province and regency",
		"Tuliskan provinsi (\"Jawa Tengah\"), atau kabupaten/kota beserta provinsinya (\"Kota Batam, Kepulauan Riau\").")
	CodeUnitUnknown = code("unit.unknown",
		"no work unit has this id",
		"Tidak ada unit kerja dengan pengenal ini.")
	CodeUnitNotOfAgency = code("unit.not_of_agency",
		"{unit} is not a work unit of this person's agency: choose a unit of their agency, or change the agency too",
		"{unit} bukan unit kerja pada instansi orang ini. Pilih unit kerja pada instansinya, atau ubah juga instansinya.")
	CodeUnitNameTaken = code("unit.name_taken",
		"the agency has a work unit with this name already",
		"Instansi ini sudah memiliki unit kerja dengan nama ini.")
	CodeRosterUnitWithoutAgency = code("roster.unit_without_agency",
		"a work unit belongs to an agency: fill in the agency of this row too",
		"Unit kerja adalah bagian dari instansi. Isi juga instansi pada baris ini.")
)
