package persistence

import (
	"errors"
	"io"
	"os"
	"syscall"
	"unsafe"
)

// pieceSize is how much of an upload is read while the piece before it is
// written to its file.
const pieceSize = 1 << 20

// directAlign is the alignment of memory, file offsets and lengths that
// O_DIRECT writes need: the logical block size, 512 or 4,096 bytes on the
// disks Proper runs on.
const directAlign = 4096

// writeFile copies src into f, the temporary file of a blob in a local
// folder, reading the next piece while the one before is written.
//
// Full pieces go straight to the disk (O_DIRECT) where the system allows
// it: Put syncs the file anyway, and bypassing the page cache spares a copy
// and the cache's write-back of 200 MB. On the 2-core bench machine a 200 MB
// file took 0.2 s to write directly against 0.5–0.7 s written through the
// cache and synced (docs/BENCHMARKS.md). The last, shorter piece, and every
// piece of a file system that refuses direct writes, go through the cache.
//
// writeFile returns once src is no longer being read: the error of src
// (as it is), or that of the file.
func writeFile(f *os.File, src io.Reader) error {
	direct := setDirectIO(f, true) == nil
	free := make(chan []byte, 2)
	free <- alignedBuffer(pieceSize)
	free <- alignedBuffer(pieceSize)
	filled := make(chan filledPiece)
	stop := make(chan struct{})
	go readPieces(src, free, filled, stop)
	defer func() {
		close(stop)
		for range filled { // wait for the reader to end
		}
	}()
	for p := range filled {
		if p.err != nil && p.err != io.EOF {
			return p.err
		}
		if len(p.data) > 0 {
			if direct && len(p.data)%directAlign != 0 {
				direct = setDirectIO(f, false) != nil
			}
			n, err := f.Write(p.data)
			if err != nil && direct && errors.Is(err, syscall.EINVAL) {
				direct = setDirectIO(f, false) != nil
				_, err = f.Write(p.data[n:])
			}
			if err != nil {
				return err
			}
		}
		if p.err == io.EOF {
			return nil
		}
		free <- p.data[:cap(p.data)]
	}
	return nil
}

// filledPiece is a piece of an upload read into one of writeFile's buffers,
// with the error that ended the reading (io.EOF after the last piece).
type filledPiece struct {
	data []byte
	err  error
}

// readPieces fills the free buffers from src and hands them over in order,
// until src ends or fails, or stop is closed.
func readPieces(src io.Reader, free chan []byte, filled chan<- filledPiece, stop <-chan struct{}) {
	defer close(filled)
	src = stoppableReader{src, stop}
	for {
		var buf []byte
		select {
		case buf = <-free:
		case <-stop:
			return
		}
		n, err := io.ReadFull(src, buf)
		if err == io.ErrUnexpectedEOF {
			err = io.EOF
		}
		select {
		case filled <- filledPiece{buf[:n], err}:
		case <-stop:
			return
		}
		if err != nil {
			return
		}
	}
}

// errStopped ends the reading of an upload whose file could not be written.
var errStopped = errors.New("stopped: the file could not be written")

// stoppableReader reads from r until stop is closed.
type stoppableReader struct {
	r    io.Reader
	stop <-chan struct{}
}

func (s stoppableReader) Read(p []byte) (int, error) {
	select {
	case <-s.stop:
		return 0, errStopped
	default:
		return s.r.Read(p)
	}
}

// alignedBuffer returns size bytes of memory whose start is aligned for
// O_DIRECT writes.
func alignedBuffer(size int) []byte {
	b := make([]byte, size+directAlign)
	skip := 0
	if off := int(uintptr(unsafe.Pointer(&b[0])) & (directAlign - 1)); off != 0 {
		skip = directAlign - off
	}
	return b[skip : skip+size : skip+size]
}
