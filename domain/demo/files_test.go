package demo

import (
	"bytes"
	"fmt"
	"image/png"
	"regexp"
	"strconv"
	"testing"
)

// TestGeneratedPDFHasACorrectCrossReferenceTable checks what a PDF reader
// relies on: every xref entry points at its object, and startxref at the table.
func TestGeneratedPDFHasACorrectCrossReferenceTable(t *testing.T) {
	doc := pdfDocument("SK Tim Efektif (draf)", "Peserta: Drs. Raja Firmansyah, M.Si.", "Baris dengan \\ garis miring")
	if !bytes.HasPrefix(doc, []byte("%PDF-1.4\n")) || !bytes.HasSuffix(doc, []byte("%%EOF\n")) {
		t.Fatalf("not framed as a PDF:\n%s", doc)
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n`).FindSubmatch(doc)
	if m == nil {
		t.Fatal("no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(doc[xref:], []byte("xref\n")) {
		t.Fatalf("startxref %d does not point at the xref table", xref)
	}
	entries := regexp.MustCompile(`(\d{10}) 00000 n `).FindAllSubmatch(doc[xref:], -1)
	if len(entries) != 6 {
		t.Fatalf("%d objects in the xref table, want 6", len(entries))
	}
	for i, e := range entries {
		off, _ := strconv.Atoi(string(e[1]))
		if want := fmt.Sprintf("%d 0 obj\n", i+1); !bytes.HasPrefix(doc[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q", i+1, doc[off:off+10])
		}
	}
}

func TestGeneratedPictureIsAPNG(t *testing.T) {
	a, b := pngPicture("0 Dokumentasi rapat"), pngPicture("1 Dokumentasi rapat")
	if _, err := png.Decode(bytes.NewReader(a)); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a, b) {
		t.Error("two pictures of different seeds are the same")
	}
	if !bytes.Equal(a, pngPicture("0 Dokumentasi rapat")) {
		t.Error("the same seed made different pictures")
	}
}
