package api

import (
	"bytes"
	"errors"
	"io"
	"mime/multipart"
	"testing"

	"github.com/proper-id/proper/domain"
)

const fuzzBoundary = "proper-fuzz-boundary"

// FuzzEvidenceForm reads arbitrary multipart bodies as evidence forms: no
// panic, every failure is a client's mistake (a domain error or a 4xx), and
// a file is stored at most once.
func FuzzEvidenceForm(f *testing.F) {
	var seed bytes.Buffer
	w := multipart.NewWriter(&seed)
	w.SetBoundary(fuzzBoundary)
	w.WriteField("title", "SK Tim Efektif")
	part, _ := w.CreateFormFile("file", "SK.pdf")
	part.Write([]byte("%PDF-1.4 isi"))
	w.Close()
	f.Add(seed.Bytes())
	f.Add([]byte("--" + fuzzBoundary + "\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttps://batam.go.id\r\n--" + fuzzBoundary + "--\r\n"))
	f.Add([]byte("--" + fuzzBoundary + "\r\n\r\n"))
	f.Fuzz(func(t *testing.T, body []byte) {
		stored := 0
		draft, err := readEvidenceForm(multipart.NewReader(bytes.NewReader(body), fuzzBoundary), func(name string, r io.Reader) (*domain.StoredFile, error) {
			stored++
			n, err := io.Copy(io.Discard, r)
			return &domain.StoredFile{Name: domain.SafeFileName(name), Size: n}, err
		})
		if stored > 1 {
			t.Fatalf("stored %d files from one form", stored)
		}
		if err == nil {
			return
		}
		var de *domain.Error
		var f *failure
		if !errors.As(err, &de) && !(errors.As(err, &f) && f.status < 500) {
			t.Fatalf("an error that would answer 500: %v (draft %+v)", err, draft)
		}
	})
}
