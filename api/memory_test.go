package api_test

import (
	"bufio"
	"crypto/rand"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// rssBytes reads the process's resident memory from /proc.
func rssBytes(t *testing.T) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status on this system")
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// TestConcurrentUploadsKeepMemoryBounded streams eight 24 MiB uploads at
// once through the server (client and server share this process) and
// samples the resident memory: it grows by far less than what is uploaded,
// because files go to the blob store as they arrive.
func TestConcurrentUploadsKeepMemoryBounded(t *testing.T) {
	w := newWorld(t)
	w.arrangeWorkflow(t)
	w.workflow.MaxEvidenceBytes = 32 << 20
	const uploads, size = 8, 24 << 20

	before := rssBytes(t)
	var peak atomic.Int64
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
				if rss := rssBytes(t); rss > peak.Load() {
					peak.Store(rss)
				}
			}
		}
	}()

	token := w.tokenOf(roleParticipant)
	var wg sync.WaitGroup
	statuses := make([]int, uploads)
	for i := range uploads {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, writer := io.Pipe()
			form := multipart.NewWriter(writer)
			go func() {
				form.WriteField("title", "Laporan besar")
				part, _ := form.CreateFormFile("file", "laporan.pdf")
				part.Write(pdf)
				io.CopyN(part, rand.Reader, size-int64(len(pdf)))
				form.Close()
				writer.Close()
			}()
			req, _ := http.NewRequest(http.MethodPost, w.server.URL+"/v1/milestones/"+w.milestone.ID.String()+"/evidence", body)
			req.Header.Set("Content-Type", form.FormDataContentType())
			req.Header.Set("Authorization", "Bearer "+token)
			res, err := w.server.Client().Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			statuses[i] = res.StatusCode
		}()
	}
	wg.Wait()
	close(done)

	for _, s := range statuses {
		if s != http.StatusCreated {
			t.Fatalf("uploads answered %v", statuses)
		}
	}
	growth := peak.Load() - before
	t.Logf("RSS %d MiB before, %d MiB at the peak, while %d MiB were uploaded", before>>20, peak.Load()>>20, uploads*size>>20)
	if growth > uploads*size/2 {
		t.Fatalf("memory grew by %d MiB for %d MiB of uploads: files are being held in memory", growth>>20, uploads*size>>20)
	}
}
