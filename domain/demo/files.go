package demo

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"image"
	"image/color"
	"image/png"
	"strings"
	"unicode"
)

// pdfDocument returns a small, valid one-page PDF (A4, Helvetica) showing a
// title and a few lines: enough for a viewer to open the demo's evidence.
func pdfDocument(title string, lines ...string) []byte {
	var content bytes.Buffer
	fmt.Fprintf(&content, "BT /F1 16 Tf 56 780 Td (%s) Tj ET\n", pdfText(title))
	content.WriteString("BT /F1 11 Tf 15 TL 56 748 Td\n")
	for _, l := range lines {
		fmt.Fprintf(&content, "(%s) Tj T*\n", pdfText(l))
	}
	content.WriteString("ET\n")

	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		fmt.Sprintf("<< /Title (%s) /Producer (Proper demo) >>", pdfText(title)),
	}
	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, obj := range objects {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, obj)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, len(objects), xref)
	return out.Bytes()
}

// pdfText makes s safe inside a PDF string: ASCII only (the demo's texts
// are Indonesian without diacritics), with backslashes and parentheses escaped.
func pdfText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == '(' || r == ')':
			b.WriteRune('\\')
			b.WriteRune(r)
		case r > unicode.MaxASCII || unicode.IsControl(r):
			b.WriteRune('-')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// pngPicture returns a small PNG that stands in for a photo of an activity:
// a sky, a floor and a few bars whose colours follow from seed, so that
// every picture of the demo differs and every run makes the same bytes.
func pngPicture(seed string) []byte {
	h := fnv.New32a()
	h.Write([]byte(seed))
	v := h.Sum32()
	const w, ht = 240, 160
	img := image.NewRGBA(image.Rect(0, 0, w, ht))
	sky := color.RGBA{uint8(150 + v%60), uint8(190 + (v>>8)%50), 235, 255}
	floor := color.RGBA{uint8(120 + (v>>4)%60), uint8(110 + (v>>12)%50), 90, 255}
	for y := 0; y < ht; y++ {
		for x := 0; x < w; x++ {
			c := sky
			if y > ht*2/3 {
				c = floor
			}
			img.Set(x, y, c)
		}
	}
	// People standing in a row, as on a group photo of a meeting.
	for i := 0; i < 6; i++ {
		c := color.RGBA{uint8(40 + (v>>uint(i*3))%150), uint8(60 + (v>>uint(i*2))%120), uint8(80 + (v>>uint(i))%140), 255}
		x0, top := 20+i*36, 60+int((v>>uint(i*4))%25)
		for y := top; y < ht*2/3+10; y++ {
			for x := x0; x < x0+24; x++ {
				img.Set(x, y, c)
			}
		}
	}
	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		panic(err) // encoding an in-memory image does not fail
	}
	return out.Bytes()
}

// slug turns a title into a file name: lower case, words joined by hyphens.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if len(out) > 80 {
		out = strings.TrimSuffix(out[:80], "-")
	}
	return out
}
