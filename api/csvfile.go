package api

import (
	"bufio"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/proper-id/proper/domain"
)

// csvWriter writes the records of an exported CSV file (RFC 4180, CRLF line
// ends) with every cell made safe for spreadsheets by
// domain.SpreadsheetText. A cell it changed is always quoted, so the quote
// in front and the cell stay one text cell; other cells are quoted where
// RFC 4180 needs it, as encoding/csv does, which cannot be told to quote a
// cell.
type csvWriter struct {
	w     *bufio.Writer
	comma byte
}

func newCSVWriter(w io.Writer, comma byte) *csvWriter {
	return &csvWriter{w: bufio.NewWriter(w), comma: comma}
}

// Write writes one record.
func (c *csvWriter) Write(record []string) error {
	for i, cell := range record {
		if i > 0 {
			c.w.WriteByte(c.comma)
		}
		text, changed := domain.SpreadsheetText(cell)
		if !changed && !c.needsQuotes(text) {
			c.w.WriteString(text)
			continue
		}
		c.w.WriteByte('"')
		c.w.WriteString(strings.ReplaceAll(text, `"`, `""`))
		c.w.WriteByte('"')
	}
	_, err := c.w.WriteString("\r\n")
	return err
}

// needsQuotes is encoding/csv's rule: a separator, a quote or a line break
// in the cell, a space first, or the cell \. alone.
func (c *csvWriter) needsQuotes(cell string) bool {
	if cell == "" {
		return false
	}
	if cell == `\.` || strings.IndexByte(cell, c.comma) >= 0 || strings.ContainsAny(cell, "\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(cell)
	return unicode.IsSpace(r)
}

// Flush writes what is buffered.
func (c *csvWriter) Flush() error { return c.w.Flush() }
