package persistence

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gocloud.dev/blob"
	_ "gocloud.dev/blob/fileblob" // registers file:// URLs
	_ "gocloud.dev/blob/s3blob"   // registers s3:// URLs
	"gocloud.dev/gcerrors"

	"github.com/proper-id/proper/domain"
)

// BlobStore keeps the files of evidence in a gocloud bucket: a local folder
// or an S3-compatible store, chosen by URL.
type BlobStore struct {
	bucket *blob.Bucket
	// dir is the folder of a file:// store, whose writes Put syncs.
	dir string
}

var _ domain.BlobStore = (*BlobStore)(nil)

// fileDefaults are the query parameters OpenBlobStore adds to file:// URLs
// that do not set them. no_tmp_dir makes fileblob write its temporary file
// next to the blob instead of in os.TempDir, so that the final rename never
// crosses file systems (a tmpfs /tmp and a data volume would make every Put
// fail). metadata=skip keeps it from writing a ".attrs" side file for each
// blob; Proper keeps the media type in its own rows.
var fileDefaults = map[string]string{
	"no_tmp_dir": "true",
	"metadata":   "skip",
}

// OpenBlobStore opens the bucket at a gocloud URL:
//
//   - file:///abs/path keeps blobs as files under /abs/path, which is created
//     (mode 0700) if missing. Unless the URL says otherwise, temporary files
//     are written inside that folder (no_tmp_dir) and no ".attrs" side files
//     are written (metadata=skip); "?no_tmp_dir=&metadata=" restores
//     fileblob's own defaults. Temporary files that a crash left in the
//     folder are removed once they are an hour old (RemoveStaleTemporaryFiles).
//   - s3://bucket?region=eu-west-1 keeps them in an AWS S3 bucket, with
//     credentials from the usual AWS environment variables, shared config
//     files or instance role.
//   - s3://bucket?endpoint=https://minio.example:9000&region=us-east-1&use_path_style=true
//     keeps them in an S3-compatible store (MinIO, Garage, Ceph RGW, …); add
//     disable_https=true for a plain-HTTP endpoint, and
//     request_checksum_calculation=when_required&response_checksum_validation=when_required
//     for stores that do not speak the AWS SDK's default checksums.
//
// Give an S3 bucket a lifecycle rule that aborts incomplete multipart
// uploads after a day: an upload of more than 16 MiB that fails is sent in
// parts, and its abort is sent with the cancelled context, so the parts stay
// (invisible, but stored) until the rule removes them.
//
// See gocloud.dev/blob/fileblob and gocloud.dev/blob/s3blob for every
// parameter. The caller closes the store with Close.
func OpenBlobStore(ctx context.Context, rawURL string) (*BlobStore, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("blob store url: %w", err)
	}
	if u.Scheme == "file" {
		if err := os.MkdirAll(fileURLDir(u), 0o700); err != nil {
			return nil, fmt.Errorf("create blob folder: %w", err)
		}
		q := u.Query()
		for k, v := range fileDefaults {
			if _, set := q[k]; !set {
				q.Set(k, v)
			}
		}
		u.RawQuery = q.Encode()
	}
	bucket, err := blob.OpenBucket(ctx, u.String())
	if err != nil {
		return nil, fmt.Errorf("open blob store %s://%s%s: %w", u.Scheme, u.Host, u.Path, err)
	}
	store := &BlobStore{bucket: bucket}
	if u.Scheme == "file" {
		store.dir = fileURLDir(u)
		if _, err := store.RemoveStaleTemporaryFiles(time.Now()); err != nil {
			bucket.Close()
			return nil, err
		}
	}
	return store, nil
}

// fileURLDir is the folder a file:// URL names, read as fileblob reads it:
// a host of "." marks a path relative to the working directory.
func fileURLDir(u *url.URL) string {
	p := u.Path
	if u.Host == "." || os.PathSeparator != '/' {
		p = strings.TrimPrefix(p, "/")
	}
	return filepath.FromSlash(p)
}

// BlobDir returns the folder of a file:// blob URL, or "" for other stores.
func BlobDir(blobURL string) (string, error) {
	u, err := url.Parse(blobURL)
	if err != nil || u.Scheme != "file" {
		return "", err
	}
	return fileURLDir(u), nil
}

// LocalBlobURL returns the file:// URL of the folder "blobs" under dataDir:
// where evidence files live when no --blob-url is given.
func LocalBlobURL(dataDir string) (string, error) {
	dir, err := filepath.Abs(filepath.Join(dataDir, "blobs"))
	if err != nil {
		return "", fmt.Errorf("blob folder: %w", err)
	}
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") { // a Windows drive letter
		p = "/" + p
	}
	// url.URL escapes what a path may hold but a URL may not (spaces, '#', '?').
	return (&url.URL{Scheme: "file", Path: p}).String(), nil
}

// Close releases the bucket; the store cannot be used afterwards.
func (s *BlobStore) Close() error {
	return s.bucket.Close()
}

// writeBufferSize is how much Put gathers before each write to the store.
const writeBufferSize = 1 << 20

// Put streams everything r yields into the blob under key, replacing any
// blob there. If r fails or ctx ends first, the write is abandoned: nothing
// is left under key, and r's error (or ctx's) is returned as it is, so that
// errors.As still finds an *http.MaxBytesError. mediaType is kept by S3
// (as Content-Type) but not by a local folder, so callers keep their own copy.
func (s *BlobStore) Put(ctx context.Context, key string, r io.Reader, mediaType string) error {
	// The writer gets its own context so that a failed copy can cancel it
	// before Close: gocloud abandons a write whose context is done (fileblob
	// removes its temporary file, s3blob aborts the upload) instead of
	// committing what it has received so far.
	writeCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	var file *os.File // fileblob's temporary file, in a local folder
	w, err := s.bucket.NewWriter(writeCtx, key, &blob.WriterOptions{ContentType: mediaType,
		BeforeWrite: func(as func(any) bool) error { as(&file); return nil }})
	if err != nil {
		return fmt.Errorf("put blob: %w", err)
	}
	src := &sourceReader{ctx: ctx, r: r}
	if file != nil {
		err = writeFile(file, src)
	} else {
		err = copyInPieces(w, src)
	}
	if err != nil {
		cancel()
		_ = w.Close() // reports only the cancellation
		if src.err != nil {
			return src.err
		}
		return fmt.Errorf("put blob: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("put blob: %w", err)
	}
	if s.dir != "" {
		return syncFile(filepath.Join(s.dir, filepath.FromSlash(key)))
	}
	return nil
}

// copyInPieces writes to a bucket's writer in large pieces whatever sizes
// the source reads in (a multipart part yields at most 4 KiB at a time).
// (The struct hides the writer's ReadFrom, which bufio would hand the
// source to, small reads and all.)
func copyInPieces(w io.Writer, src io.Reader) error {
	buffered := bufio.NewWriterSize(struct{ io.Writer }{w}, writeBufferSize)
	if _, err := io.Copy(buffered, src); err != nil {
		return err
	}
	return buffered.Flush()
}

// syncFile makes a file just written, and its name in its folder, durable:
// fileblob renames its temporary file into place without fsync, so a crash
// soon after could lose evidence whose row (WAL-durable) refers to it.
func syncFile(path string) error {
	for _, name := range []string{path, filepath.Dir(path)} {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("put blob: sync: %w", err)
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return fmt.Errorf("put blob: sync %s: %w", name, err)
		}
	}
	return nil
}

// sourceReader reads from r until ctx ends, and remembers the error that
// stopped it, so that Put can tell the source's failure (returned as it is)
// from the bucket's (wrapped).
type sourceReader struct {
	ctx context.Context
	r   io.Reader
	err error
}

func (s *sourceReader) Read(p []byte) (int, error) {
	if err := s.ctx.Err(); err != nil {
		s.err = err
		return 0, err
	}
	n, err := s.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) {
		s.err = err
	}
	return n, err
}

// Open returns the blob under key for reading; it can Seek, so that ranges
// of it can be served. The reader uses ctx for all its reads and must be
// closed. A missing key gives domain.ErrBlobNotFound.
func (s *BlobStore) Open(ctx context.Context, key string) (io.ReadSeekCloser, error) {
	r, err := s.bucket.NewReader(ctx, key, nil)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return nil, domain.ErrBlobNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("open blob: %w", err)
	}
	return r, nil
}

// Delete removes the blob under key; a missing blob is not an error, so
// that a retried cleanup succeeds.
func (s *BlobStore) Delete(ctx context.Context, key string) error {
	err := s.bucket.Delete(ctx, key)
	if err != nil && gcerrors.Code(err) != gcerrors.NotFound {
		return fmt.Errorf("delete blob: %w", err)
	}
	return nil
}
