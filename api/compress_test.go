package api_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/proper-id/proper/api"
)

// rawClient sends only the Accept-Encoding a test sets and hands back the
// bytes as they came: Go's transport neither asks for gzip by itself nor
// decodes the answer.
var rawClient = &http.Client{Transport: &http.Transport{DisableCompression: true}}

// rawGet sends GET path to srv with the headers given and reads the answer
// as it came over the wire.
func rawGet(t *testing.T, url string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := rawClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

// decoded returns body decoded from the content coding named.
func decoded(t *testing.T, coding string, body []byte) []byte {
	t.Helper()
	var r io.Reader
	switch coding {
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	case "zstd":
		zr, err := zstd.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		r = zr
	default:
		return body
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decode %s: %v", coding, err)
	}
	return out
}

// varies reports whether the answer says it varies by Accept-Encoding.
func varies(h http.Header) bool {
	return strings.Contains(strings.Join(h.Values("Vary"), ","), "Accept-Encoding")
}

// TestJSONAnswersAreCompressedForClientsThatAskForIt: a JSON answer above
// 1 KiB comes compressed in the coding the client prefers, and decodes to
// the very bytes a client that asks for none receives (untouched, without
// Content-Encoding); a small answer is not worth compressing.
func TestJSONAnswersAreCompressedForClientsThatAskForIt(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(api.New(api.Deps{}).Handler())
	defer srv.Close()

	plain, want := rawGet(t, srv.URL+"/openapi.json", nil)
	if plain.StatusCode != http.StatusOK || plain.Header.Get("Content-Encoding") != "" || len(want) < 1024 {
		t.Fatalf("without Accept-Encoding: %d, Content-Encoding %q, %d bytes; want the spec as it is", plain.StatusCode, plain.Header.Get("Content-Encoding"), len(want))
	}
	for _, c := range []struct{ accept, coding string }{
		{"gzip", "gzip"},
		{"gzip, deflate, br, zstd", "zstd"}, // what Chromium sends
		{"zstd;q=0.5, gzip", "gzip"},
		{"gzip;q=0", ""},
		{"br", ""}, // no brotli for answers made on the fly
	} {
		res, body := rawGet(t, srv.URL+"/openapi.json", map[string]string{"Accept-Encoding": c.accept})
		if got := res.Header.Get("Content-Encoding"); got != c.coding {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", c.accept, got, c.coding)
			continue
		}
		if !varies(res.Header) {
			t.Errorf("Accept-Encoding %q: Vary %q lacks Accept-Encoding", c.accept, res.Header.Values("Vary"))
		}
		if c.coding != "" && len(body) >= len(want) {
			t.Errorf("Accept-Encoding %q: %d bytes compressed, %d plain", c.accept, len(body), len(want))
		}
		if !bytes.Equal(decoded(t, c.coding, body), want) {
			t.Errorf("Accept-Encoding %q: the answer decodes to other bytes than the plain one", c.accept)
		}
		if ct := res.Header.Get("Content-Type"); ct != plain.Header.Get("Content-Type") {
			t.Errorf("Accept-Encoding %q: Content-Type %q, want %q", c.accept, ct, plain.Header.Get("Content-Type"))
		}
	}

	res, _ := rawGet(t, srv.URL+"/v1/nowhere", map[string]string{"Accept-Encoding": "gzip"})
	if res.StatusCode != http.StatusNotFound || res.Header.Get("Content-Encoding") != "" {
		t.Errorf("a small problem: %d with Content-Encoding %q, want it plain", res.StatusCode, res.Header.Get("Content-Encoding"))
	}
}

// TestDownloadsAndTheirValidatorsAreNotTouchedByCompression: an evidence
// file goes out as it was stored, whatever the client accepts, with its
// ETag, and If-None-Match and Range work as without compression; a JSON
// answer keeps its ETag (the version If-Match names) when compressed.
func TestDownloadsAndTheirValidatorsAreNotTouchedByCompression(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.arrangeWorkflow(t)
	const browser = "gzip, deflate, br, zstd"
	auth := "Bearer " + w.tokenOf(roleMentor)
	url := w.server.URL + "/v1/evidence/" + w.fileEvidence.ID.String() + "/content"

	res, body := rawGet(t, url, map[string]string{"Authorization": auth, "Accept-Encoding": browser})
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Encoding") != "" || !bytes.Equal(body, pdf) || res.Header.Get("ETag") == "" {
		t.Fatalf("download: %d, Content-Encoding %q, %d bytes, ETag %q; want the stored file as it is", res.StatusCode, res.Header.Get("Content-Encoding"), len(body), res.Header.Get("ETag"))
	}
	etag := res.Header.Get("ETag")
	res, _ = rawGet(t, url, map[string]string{"Authorization": auth, "Accept-Encoding": browser, "If-None-Match": etag})
	if res.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match with the download's ETag: %d, want 304", res.StatusCode)
	}
	res, body = rawGet(t, url, map[string]string{"Authorization": auth, "Accept-Encoding": browser, "Range": "bytes=100-199"})
	if res.StatusCode != http.StatusPartialContent || res.Header.Get("Content-Encoding") != "" || !bytes.Equal(body, pdf[100:200]) {
		t.Errorf("range 100-199: %d, Content-Encoding %q, %q", res.StatusCode, res.Header.Get("Content-Encoding"), body)
	}

	cohort := w.server.URL + "/v1/cohorts/" + w.cohortA.ID.String()
	organizer := "Bearer " + w.tokenOf(roleOrganizer)
	plain, want := rawGet(t, cohort, map[string]string{"Authorization": organizer})
	res, body = rawGet(t, cohort, map[string]string{"Authorization": organizer, "Accept-Encoding": "gzip"})
	if res.StatusCode != http.StatusOK || res.Header.Get("ETag") == "" || res.Header.Get("ETag") != plain.Header.Get("ETag") {
		t.Fatalf("get-cohort: %d, ETag %q compressed and %q plain; want the same", res.StatusCode, res.Header.Get("ETag"), plain.Header.Get("ETag"))
	}
	if !bytes.Equal(decoded(t, res.Header.Get("Content-Encoding"), body), want) {
		t.Errorf("get-cohort: the answer (Content-Encoding %q) decodes to other bytes than the plain one", res.Header.Get("Content-Encoding"))
	}
}
