package persistence_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/persistence"
)

// localBlobStore opens a store on a fresh folder and returns both.
func localBlobStore(t *testing.T) (*persistence.BlobStore, string) {
	t.Helper()
	dataDir := t.TempDir()
	url, err := persistence.LocalBlobURL(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	return openBlobStore(t, url), filepath.Join(dataDir, "blobs")
}

func openBlobStore(t *testing.T, url string) *persistence.BlobStore {
	t.Helper()
	store, err := persistence.OpenBlobStore(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := store.Close(); err != nil {
			t.Error(err)
		}
	})
	return store
}

func randomBytes(t *testing.T, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return b
}

// filesIn lists every file under dir, at any depth: blobs, side files and
// temporary files alike.
func filesIn(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func assertNoBlob(t *testing.T, store *persistence.BlobStore, key string) {
	t.Helper()
	r, err := store.Open(context.Background(), key)
	if err == nil {
		r.Close()
		t.Fatalf("Open(%q) found a blob, want none", key)
	}
	if !errors.Is(err, domain.ErrBlobNotFound) {
		t.Fatalf("Open(%q) = %v, want ErrBlobNotFound", key, err)
	}
}

func readAll(t *testing.T, store *persistence.BlobStore, key string) []byte {
	t.Helper()
	r, err := store.Open(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// assertRoundTrip puts data under key and reads it back whole and in a
// range reached by Seek.
func assertRoundTrip(t *testing.T, store *persistence.BlobStore, key string, data []byte) {
	t.Helper()
	ctx := context.Background()
	if err := store.Put(ctx, key, bytes.NewReader(data), "application/pdf"); err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, store, key); !bytes.Equal(got, data) {
		t.Fatalf("read back %d bytes that differ from the %d put", len(got), len(data))
	}

	r, err := store.Open(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	size, err := r.Seek(0, io.SeekEnd)
	if err != nil {
		t.Fatal(err)
	}
	if size != int64(len(data)) {
		t.Fatalf("Seek to the end = %d, want the size %d", size, len(data))
	}
	offset, length := int64(len(data)/3)+7, len(data)/4
	if pos, err := r.Seek(offset, io.SeekStart); err != nil || pos != offset {
		t.Fatalf("Seek(%d) = %d, %v", offset, pos, err)
	}
	part := make([]byte, length)
	if _, err := io.ReadFull(r, part); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(part, data[offset:offset+int64(length)]) {
		t.Fatalf("range [%d, %d) differs from what was put", offset, offset+int64(length))
	}
}

func TestBlobRoundTripsByteForByte(t *testing.T) {
	t.Parallel()
	store, dir := localBlobStore(t)
	assertRoundTrip(t, store, "evidence-1", randomBytes(t, 3<<20+123))

	// metadata=skip: the folder holds the blob and nothing beside it.
	if files := filesIn(t, dir); len(files) != 1 || filepath.Base(files[0]) != "evidence-1" {
		t.Fatalf("folder holds %v, want only the blob", files)
	}
}

func TestPutDoesNotNeedTheSystemTempDir(t *testing.T) {
	// fileblob would write to os.TempDir and rename across file systems,
	// which fails when /tmp is another mount than the data folder.
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	store, _ := localBlobStore(t)
	assertRoundTrip(t, store, "evidence-1", randomBytes(t, 1<<20))
}

func TestOpenBlobStoreCreatesAPrivateFolder(t *testing.T) {
	t.Parallel()
	dataDir := filepath.Join(t.TempDir(), "a data dir #1")
	url, err := persistence.LocalBlobURL(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	store := openBlobStore(t, url)
	if err := store.Put(context.Background(), "k", bytes.NewReader([]byte("bukti")), "text/plain"); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(filepath.Join(dataDir, "blobs"))
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o700 {
		t.Errorf("blob folder mode = %o, want 700", perm)
	}
	if _, err := os.Stat(filepath.Join(dataDir, "blobs", "k")); err != nil {
		t.Errorf("the blob is not in <data dir>/blobs: %v", err)
	}
}

// failingReader yields limit random-looking bytes, then fails with err.
type failingReader struct {
	limit int
	err   error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if f.limit == 0 {
		return 0, f.err
	}
	n := min(len(p), f.limit)
	for i := range p[:n] {
		p[i] = byte(i * 31)
	}
	f.limit -= n
	return n, nil
}

// sourceBroke is a failure of the uploaded stream, as a client hanging up.
type sourceBroke struct{ after int }

func (e *sourceBroke) Error() string { return "source broke" }

func TestAFailedUploadLeavesNothingBehind(t *testing.T) {
	t.Parallel()
	store, dir := localBlobStore(t)
	broke := &sourceBroke{after: 1 << 20}
	err := store.Put(context.Background(), "evidence-1", &failingReader{limit: 1 << 20, err: broke}, "image/jpeg")
	if !errors.Is(err, broke) {
		t.Fatalf("Put = %v, want the source's error", err)
	}
	var got *sourceBroke
	if !errors.As(err, &got) || got.after != 1<<20 {
		t.Fatalf("errors.As did not find the source's error in %v", err)
	}
	assertNoBlob(t, store, "evidence-1")
	if files := filesIn(t, dir); len(files) > 0 {
		t.Fatalf("a failed upload left files behind: %v", files)
	}
}

func TestUploadOverTheLimitLeavesNothing(t *testing.T) {
	t.Parallel()
	store, dir := localBlobStore(t)
	const limit = 2 << 20
	body := io.NopCloser(&failingReader{limit: 3 << 20, err: io.EOF})
	limited := http.MaxBytesReader(httptest.NewRecorder(), body, limit)

	err := store.Put(context.Background(), "evidence-1", limited, "application/pdf")
	var tooBig *http.MaxBytesError
	if !errors.As(err, &tooBig) {
		t.Fatalf("Put = %v, want an *http.MaxBytesError", err)
	}
	if tooBig.Limit != limit {
		t.Errorf("MaxBytesError.Limit = %d, want %d", tooBig.Limit, limit)
	}
	assertNoBlob(t, store, "evidence-1")
	if files := filesIn(t, dir); len(files) > 0 {
		t.Fatalf("an upload over the limit left files behind: %v", files)
	}
}

// cancellingReader cancels the upload's context once it has yielded limit
// bytes, as a request whose client went away.
type cancellingReader struct {
	failingReader
	cancel context.CancelFunc
}

func (c *cancellingReader) Read(p []byte) (int, error) {
	n, err := c.failingReader.Read(p)
	if c.limit == 0 {
		c.cancel()
	}
	return n, err
}

func TestAnUploadWhoseContextEndsLeavesNothing(t *testing.T) {
	t.Parallel()
	store, dir := localBlobStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	src := &cancellingReader{failingReader: failingReader{limit: 1 << 20, err: io.EOF}, cancel: cancel}

	err := store.Put(ctx, "evidence-1", src, "application/pdf")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Put = %v, want context.Canceled", err)
	}
	assertNoBlob(t, store, "evidence-1")
	if files := filesIn(t, dir); len(files) > 0 {
		t.Fatalf("a cancelled upload left files behind: %v", files)
	}
}

func TestMissingBlobIsNotFound(t *testing.T) {
	t.Parallel()
	store, _ := localBlobStore(t)
	assertNoBlob(t, store, "never-put")
}

func TestDeletingAMissingBlobIsFine(t *testing.T) {
	t.Parallel()
	store, _ := localBlobStore(t)
	if err := store.Delete(context.Background(), "never-put"); err != nil {
		t.Fatalf("Delete of a missing blob = %v, want nil", err)
	}
}

func TestDeletedBlobIsGone(t *testing.T) {
	t.Parallel()
	store, dir := localBlobStore(t)
	ctx := context.Background()
	if err := store.Put(ctx, "evidence-1", bytes.NewReader([]byte("bukti dukung")), "text/plain"); err != nil {
		t.Fatal(err)
	}
	if err := store.Delete(ctx, "evidence-1"); err != nil {
		t.Fatal(err)
	}
	assertNoBlob(t, store, "evidence-1")
	if files := filesIn(t, dir); len(files) > 0 {
		t.Fatalf("Delete left files behind: %v", files)
	}
}

// generatingReader yields size bytes made up as they are read, so that the
// test itself holds none of them. At the end it samples the heap, while
// the upload it feeds is still open.
type generatingReader struct {
	size, done   int64
	heapInUseEnd uint64
}

func (g *generatingReader) Read(p []byte) (int, error) {
	if g.done == g.size {
		if g.heapInUseEnd == 0 {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			g.heapInUseEnd = m.HeapInuse
		}
		return 0, io.EOF
	}
	n := int(min(int64(len(p)), g.size-g.done))
	for i := range p[:n] {
		p[i] = byte(g.done + int64(i))
	}
	g.done += int64(n)
	return n, nil
}

func TestPutStreamsWithoutHoldingTheFile(t *testing.T) {
	store, _ := localBlobStore(t)
	const size = 64 << 20
	src := &generatingReader{size: size}

	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	if err := store.Put(context.Background(), "big", src, "video/mp4"); err != nil {
		t.Fatal(err)
	}

	if src.heapInUseEnd == 0 {
		t.Fatal("the source was never read to its end")
	}
	grew := int64(src.heapInUseEnd) - int64(before.HeapInuse)
	if grew > 16<<20 {
		t.Errorf("heap in use grew by %d MiB while putting %d MiB; the upload is being buffered", grew>>20, size>>20)
	}

	r, err := store.Open(context.Background(), "big")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if n, err := r.Seek(0, io.SeekEnd); err != nil || n != size {
		t.Fatalf("stored blob has size %d (%v), want %d", n, err, size)
	}
}

// TestS3BlobRoundTripsAndDeletes runs against a real S3-compatible store,
// e.g. PROPER_TEST_S3_URL='s3://proper-test?endpoint=http://localhost:9000&region=us-east-1&use_path_style=true&disable_https=true'
// with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY set.
func TestS3BlobRoundTripsAndDeletes(t *testing.T) {
	t.Parallel()
	url := os.Getenv("PROPER_TEST_S3_URL")
	if url == "" {
		t.Skip("PROPER_TEST_S3_URL is not set; set it to an s3:// bucket URL to test S3 storage")
	}
	store := openBlobStore(t, url)
	ctx := context.Background()
	prefix := "proper-test/" + rand.Text() + "/"

	t.Run("round trip and delete", func(t *testing.T) {
		key := prefix + "evidence"
		t.Cleanup(func() { _ = store.Delete(ctx, key) })
		assertRoundTrip(t, store, key, randomBytes(t, 3<<20+123))
		if err := store.Delete(ctx, key); err != nil {
			t.Fatal(err)
		}
		assertNoBlob(t, store, key)
		if err := store.Delete(ctx, key); err != nil {
			t.Fatalf("Delete of a missing blob = %v, want nil", err)
		}
	})

	// Below and above the uploader's multipart threshold (16 MiB): one PutObject, or a
	// multipart upload that must not be completed.
	for _, size := range []int{1 << 20, 20 << 20} {
		t.Run("failed upload of "+strconv.Itoa(size>>20)+"MiB", func(t *testing.T) {
			key := prefix + "failed-" + strconv.Itoa(size>>20) + "MiB"
			t.Cleanup(func() { _ = store.Delete(ctx, key) })
			broke := &sourceBroke{after: size}
			err := store.Put(ctx, key, &failingReader{limit: size, err: broke}, "image/jpeg")
			if !errors.Is(err, broke) {
				t.Fatalf("Put = %v, want the source's error", err)
			}
			assertNoBlob(t, store, key)
		})
	}
}
