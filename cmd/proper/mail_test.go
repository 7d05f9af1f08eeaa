package main

import (
	"context"
	"mime"
	"strings"
	"testing"
	"time"

	"github.com/proper-id/proper/mail/mailtest"
)

func TestServeRefusesABadSMTPURLBeforeStarting(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		env  map[string]string
		args []string
	}{
		{nil, []string{"serve", "--smtp-url", "http://mail.example.go.id?from=noreply@example.go.id"}},
		{map[string]string{"PROPER_SMTP_URL": "smtp://mail.example.go.id"}, []string{"serve"}},
	} {
		code, _, stderr := proper(t, context.Background(), c.env, c.args...)
		if code != 1 || !strings.Contains(stderr, "SMTP URL") {
			t.Errorf("%v %v: exit %d, %s; want 1 naming the SMTP URL", c.env, c.args, code, stderr)
		}
	}
}

func TestServeMailsTheDailyDigestsThroughItsSMTPServer(t *testing.T) {
	t.Parallel()
	smtp := mailtest.NewServer(t)
	_, stop := serve(t, map[string]string{"PROPER_DATA_DIR": reachableDir(t), "PROPER_DEMO": "true", "PROPER_SMTP_URL": smtp.URL()})
	defer stop()
	// The demo's changes mail their notifications; the worker queues the
	// day's digests as it starts, and sends everything at once.
	digests := func() (n int) {
		for _, m := range smtp.Received() {
			subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(subject, "Ringkasan harian proyek perubahan") && strings.Contains(m.Header.Get("From"), "<noreply@bpsdm.jatimprov.go.id>") {
				n++
			}
		}
		return n
	}
	for deadline := time.Now().Add(30 * time.Second); digests() == 0 && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	if digests() == 0 {
		t.Fatalf("proper serve with --smtp-url sent %d messages, no daily digest", len(smtp.Received()))
	}
}
