// Package pdftext reads the text back out of a PDF, so that tests check what a document says
// rather than how large it is. It wraps github.com/ledongthuc/pdf.
package pdftext

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/ledongthuc/pdf"
)

// Text returns the text of every page of doc, pages separated by newlines, with runs of white
// space collapsed to one space within a page so that wrapped lines still match a phrase.
func Text(doc []byte) (string, error) {
	r, err := pdf.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		return "", fmt.Errorf("open pdf: %w", err)
	}
	var pages []string
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		rows, err := p.GetTextByRow()
		if err != nil {
			return "", fmt.Errorf("page %d: %w", i, err)
		}
		var b strings.Builder
		for _, row := range rows {
			for _, w := range row.Content {
				b.WriteString(w.S)
			}
			b.WriteString(" ")
		}
		pages = append(pages, strings.Join(strings.Fields(b.String()), " "))
	}
	return strings.Join(pages, "\n"), nil
}

// PageCount returns how many pages doc has.
func PageCount(doc []byte) (int, error) {
	r, err := pdf.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		return 0, fmt.Errorf("open pdf: %w", err)
	}
	return r.NumPage(), nil
}
