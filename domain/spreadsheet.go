package domain

// SpreadsheetText returns a cell of an exported table (a CSV file) as a
// spreadsheet must read it: as text. Names and titles are typed by people,
// and a cell starting with =, +, -, @, TAB or CR is run by Excel and its
// kin as a formula (CSV injection: a HYPERLINK that sends the sheet away,
// a DDE command). Such a cell gets a single quote in front, as OWASP
// advises, and changed reports it so that the writer quotes the cell too.
// The web app applies the same rule to the files it writes
// (spreadsheetCell in web/src/pages/organizer/csv.ts).
func SpreadsheetText(cell string) (text string, changed bool) {
	if cell == "" {
		return cell, false
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + cell, true
	}
	return cell, false
}
