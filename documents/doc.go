// Package documents writes the PDFs Proper hands out: certificates, the Rancangan and the
// Laporan Proyek Perubahan with their endorsement sheets, and evidence indexes.
//
// It is the one place that knows a PDF library (codeberg.org/go-pdf/fpdf) and a QR library
// (github.com/skip2/go-qrcode); nothing here writes PDF or QR syntax by hand. Each document is a
// function from a plain view (already decided and worded by the domain) to bytes, built with the
// small vocabulary of Document: title, heading, paragraph, field, table, signature block, QR.
// Words are Indonesian and come from the caller; this package adds only page furniture.
//
// Tests read the text back with package pdftext instead of judging a file by its size.
package documents
