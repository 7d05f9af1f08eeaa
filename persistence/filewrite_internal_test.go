package persistence

import (
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"
)

// tricklingReader yields 4 KiB per read, as a multipart part does, for
// as long as it is read and counts them; after the first piece it slows
// down to a slow client's pace.
type tricklingReader struct{ read atomic.Int64 }

func (r *tricklingReader) Read(p []byte) (int, error) {
	if r.read.Load() >= pieceSize {
		time.Sleep(5 * time.Millisecond)
	}
	n := min(len(p), 4096)
	r.read.Add(int64(n))
	return n, nil
}

func TestAFileThatCannotBeWrittenStopsTheReading(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "blob")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	readOnly, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer readOnly.Close()
	src := &tricklingReader{}

	done := make(chan error, 1)
	go func() { done <- writeFile(readOnly, src) }()
	select {
	case err := <-done:
		if err == nil || errors.Is(err, errStopped) {
			t.Fatalf("writeFile = %v, want the file's error", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("writeFile still reads a source whose file cannot be written")
	}
	// The first piece fails to be written while the second is being read:
	// the reading stops there, not once that piece is full.
	if read := src.read.Load(); read >= 2*pieceSize {
		t.Errorf("read %d bytes, want the reading to stop in the second piece of %d", read, pieceSize)
	}
}

func TestAlignedBuffersSuitDirectWrites(t *testing.T) {
	t.Parallel()
	for range 10 {
		b := alignedBuffer(pieceSize)
		if len(b) != pieceSize || cap(b) != pieceSize {
			t.Fatalf("len %d cap %d, want %d", len(b), cap(b), pieceSize)
		}
		if addr := uintptr(unsafe.Pointer(&b[0])); addr%directAlign != 0 {
			t.Fatalf("buffer at %#x is not aligned to %d", addr, directAlign)
		}
	}
}
