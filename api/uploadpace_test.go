package api_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/proper-id/proper/api"
)

// testUploadPace is short enough for tests to see a stalled upload cut off
// within seconds.
var testUploadPace = api.UploadPace{Bytes: 1 << 10, Window: 3 * time.Second}

// serveWith replaces the app's server by one serving the same services with
// its settings changed by tune.
func (a *app) serveWith(tune func(*api.Deps)) {
	a.t.Helper()
	deps := a.deps
	tune(&deps)
	a.server = serve(a.t, api.New(deps).Handler())
}

// pacedUpload is an evidence upload sent over a raw connection at a chosen
// pace: the request's head and the first burst bytes of the file at once,
// then piece bytes every interval.
type pacedUpload struct {
	token     string
	milestone uuid.UUID
	file      []byte
	burst     int
	piece     int
	every     time.Duration
}

// uploadAnswer is how a paced upload ended: the server's answer, or the
// error that ended the connection, and when.
type uploadAnswer struct {
	status int
	header http.Header
	body   []byte
	err    error
	took   time.Duration
}

// send sends the upload and waits at most limit for the server's answer.
func (a *app) send(u pacedUpload, limit time.Duration) uploadAnswer {
	a.t.Helper()
	form, contentType := multipartForm(a.t, map[string]string{"title": "SK Tim Efektif"}, "SK Tim Efektif.pdf", u.file)
	start := bytes.Index(form, u.file[:64]) + u.burst
	conn, err := net.Dial("tcp", a.server.Listener.Addr().String())
	if err != nil {
		a.t.Fatal(err)
	}
	defer conn.Close()
	head := fmt.Sprintf("POST /v1/milestones/%s/evidence HTTP/1.1\r\nHost: proper\r\nAuthorization: Bearer %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n",
		u.milestone, u.token, contentType, len(form))
	begun := time.Now()
	if _, err := conn.Write(append([]byte(head), form[:start]...)); err != nil {
		a.t.Fatal(err)
	}
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for rest := form[start:]; len(rest) > 0; {
			select {
			case <-stop:
				return
			case <-time.After(u.every):
			}
			n := min(u.piece, len(rest))
			if _, err := conn.Write(rest[:n]); err != nil {
				return // the server closed the connection
			}
			rest = rest[n:]
		}
	}()
	conn.SetReadDeadline(begun.Add(limit))
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return uploadAnswer{err: err, took: time.Since(begun)}
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return uploadAnswer{status: res.StatusCode, header: res.Header, body: body, took: time.Since(begun)}
}

func TestAnUploadTricklingOneByteEvery1500msIsCutOffAndLeavesNoFile(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeWorkflow(t)
	w.serveWith(func(d *api.Deps) { d.UploadPace = testUploadPace })
	m, _ := w.freshMilestone(false)
	filesBefore := blobFiles(t, w.blobDir)

	// 5,000 bytes at once, enough for the server to judge the file a PDF and
	// start writing it to a temporary file, then a byte every 1.5 s: under
	// the 1 KiB in 3 s asked.
	got := w.send(pacedUpload{token: w.tokenOf(roleParticipant), milestone: m.ID, file: pdf, burst: 5000, piece: 1, every: 1500 * time.Millisecond}, 30*time.Second)
	switch {
	case got.err != nil && isTimeout(got.err):
		t.Fatalf("the upload was still open after %s: the server waits for ever for a trickling client", got.took.Round(time.Second))
	case got.err != nil:
		t.Logf("the server closed the connection after %s: %v", got.took.Round(time.Millisecond), got.err)
	case got.status != http.StatusRequestTimeout:
		t.Fatalf("a stalled upload answered %d after %s, want 408: %s", got.status, got.took.Round(time.Millisecond), got.body)
	case got.header.Get("Content-Type") != "application/problem+json":
		t.Fatalf("the 408 is not a problem: %s %s", got.header.Get("Content-Type"), got.body)
	default:
		t.Logf("answered after %s: %d %s", got.took.Round(time.Millisecond), got.status, got.body)
	}

	if after := blobFiles(t, w.blobDir); !slices.Equal(after, filesBefore) {
		t.Fatalf("the stalled upload left files behind: before %q, after %q", filesBefore, after)
	}
	var list struct{ Items []any }
	expect(t, w.get("/v1/milestones/"+m.ID.String()+"/evidence", w.tokenOf(roleParticipant)), http.StatusOK).decode(t, &list)
	if len(list.Items) != 0 {
		t.Fatalf("a stalled upload became evidence: %v", list.Items)
	}
}

func TestAnUploadSentSlowlyButSteadilyIsAccepted(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeWorkflow(t)
	w.serveWith(func(d *api.Deps) { d.UploadPace = testUploadPace })
	m, _ := w.freshMilestone(false)

	// 2 KiB a second, twice the pace asked, for longer than one window:
	// the pace is a rate, not a deadline for the whole body.
	got := w.send(pacedUpload{token: w.tokenOf(roleParticipant), milestone: m.ID, file: pdf, burst: 600, piece: 2 << 10, every: time.Second}, time.Minute)
	if got.err != nil || got.status != http.StatusCreated {
		t.Fatalf("a steady upload ended with %d %s %v after %s, want 201", got.status, got.body, got.err, got.took.Round(time.Millisecond))
	}
	if got.took < testUploadPace.Window {
		t.Fatalf("the upload took %s, less than one window: the test proves nothing", got.took)
	}
}

// blobFiles lists the files under the blob folder, temporary ones included.
func blobFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	return files
}
