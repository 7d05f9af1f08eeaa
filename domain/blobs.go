package domain

import (
	"context"
	"errors"
	"io"
)

// BlobStore keeps the files of evidence, by key. Keys are made by Proper
// (random, never from user input). The persistence package implements it on
// a local folder or on S3-compatible storage.
type BlobStore interface {
	// Put stores everything r yields under key. If r fails or ctx ends
	// before r is drained, nothing is left under key, and the error is
	// returned (r's own error, such as *http.MaxBytesError, unwrapped as is).
	Put(ctx context.Context, key string, r io.Reader, mediaType string) error
	// Open returns the blob for reading, seekable so that ranges of it can
	// be served; ErrBlobNotFound when there is none.
	Open(ctx context.Context, key string) (io.ReadSeekCloser, error)
	// Delete removes the blob; deleting a missing blob is not an error.
	Delete(ctx context.Context, key string) error
}

// ErrBlobNotFound is returned by BlobStore.Open for a key with no blob.
var ErrBlobNotFound = errors.New("blob not found")
