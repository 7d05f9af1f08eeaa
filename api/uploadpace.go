package api

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sync/atomic"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
)

// UploadPace is the slowest a client may send the body of an upload (an
// evidence file, which the handler streams rather than Huma reading it
// under its own 5-second limit): at least Bytes more in every Window, until
// the body ends. An upload that falls behind — a stalled connection, or a
// client trickling bytes to hold a connection, a file and a goroutine open
// — is cut off with a 408 problem, its connection closed, and nothing of it
// kept. A rate rather than a deadline for the whole body, so that large
// files on slow links still arrive.
type UploadPace struct {
	// Bytes is how much must arrive in every window.
	Bytes int64
	// Window is how long the client has to send the next Bytes.
	Window time.Duration
}

// DefaultUploadPace asks for 32 KiB in every 30 s, about 1 KiB/s: far below
// a weak mobile link, far above a client that stalls. (The blob store's
// sweep of stale temporary files counts on uploads writing at least 1 MiB
// in an hour.)
var DefaultUploadPace = UploadPace{Bytes: 32 << 10, Window: 30 * time.Second}

// orDefault returns the pace, or DefaultUploadPace when it is not set.
func (p UploadPace) orDefault() UploadPace {
	if p.Bytes <= 0 || p.Window <= 0 {
		return DefaultUploadPace
	}
	return p
}

// streamsBody marks, in an operation's Metadata, an operation whose handler
// reads the request body itself: paceUploads holds its body to the pace.
const streamsBody = "proper.streamsBody"

// errUploadTooSlow ends the reading of a body that fell behind its pace.
var errUploadTooSlow = errors.New("the upload stalled")

// paceUploads holds the bodies of the operations marked streamsBody to the
// pace, through read deadlines on their connection.
func paceUploads(pace UploadPace) func(huma.Context, func(huma.Context)) {
	pace = pace.orDefault()
	return func(ctx huma.Context, next func(huma.Context)) {
		info := infoOf(ctx.Context())
		if streams, _ := ctx.Operation().Metadata[streamsBody].(bool); !streams || info == nil {
			next(ctx)
			return
		}
		_, w := humago.Unwrap(ctx)
		body := &pacedBody{ReadCloser: info.request.Body, conn: http.NewResponseController(w), header: w.Header(), pace: pace}
		if err := body.extend(); err != nil { // not a connection that can time out (a test's recorder)
			next(ctx)
			return
		}
		info.request.Body = body
		defer func() {
			// A stalled body keeps its passed deadline, so that nothing
			// waits for the rest of it; the connection closes.
			if !body.stalled.Load() {
				body.conn.SetReadDeadline(time.Time{})
			}
		}()
		next(ctx)
	}
}

// pacedBody is a request body that must deliver pace.Bytes in every
// pace.Window: each time it has, the connection's read deadline moves a
// window on; when the deadline passes first, reading fails with
// errUploadTooSlow.
type pacedBody struct {
	io.ReadCloser
	conn *http.ResponseController
	// header is the response's, to close the connection after a stall.
	header http.Header
	pace   UploadPace
	// due is how much must still arrive before the deadline moves on.
	due int64
	// stalled is set once the deadline passed.
	stalled atomic.Bool
}

// extend gives the client a new window to send the next pace.Bytes.
func (b *pacedBody) extend() error {
	b.due = b.pace.Bytes
	return b.conn.SetReadDeadline(time.Now().Add(b.pace.Window))
}

func (b *pacedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if b.due -= int64(n); b.due <= 0 && err == nil {
		b.extend()
	}
	switch {
	case err == io.EOF:
		// The body is complete: the deadline must not cut the connection
		// while the handler stores what it sent.
		b.conn.SetReadDeadline(time.Time{})
	case deadlinePassed(err):
		// Whatever of the body is still on its way must not be read (by the
		// server, which would wait for it) nor taken for the next request.
		b.stalled.Store(true)
		b.header.Set("Connection", "close")
		return n, fmt.Errorf("%w: less than %d bytes arrived in %s", errUploadTooSlow, b.pace.Bytes, b.pace.Window)
	}
	return n, err
}

// deadlinePassed reports whether err is a connection's read deadline passing.
func deadlinePassed(err error) bool {
	var ne net.Error
	return errors.Is(err, os.ErrDeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}
