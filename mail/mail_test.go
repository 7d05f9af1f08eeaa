package mail_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/uptrace/bun"

	"github.com/proper-id/proper/domain"
	"github.com/proper-id/proper/mail"
	"github.com/proper-id/proper/mail/mailtest"
	"github.com/proper-id/proper/persistence"
	"github.com/proper-id/proper/persistence/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// queue puts n messages in the outbox.
func queue(t testing.TB, db *bun.DB, n int, now time.Time) {
	t.Helper()
	mails := make([]domain.Mail, n)
	for i := range mails {
		mails[i] = domain.Mail{Kind: domain.MailReviewWaiting, To: fmt.Sprintf("mentor%d@batam.go.id", i), ToName: "Mentor Nomor " + fmt.Sprint(i),
			Subject: fmt.Sprintf("Bukti dukung menunggu telaah: “SK %d”", i), Body: "Yth. Mentor,\n\nMohon ditelaah.\n"}
	}
	if err := persistence.NewStore(db).Outbox().Enqueue(context.Background(), now, mails...); err != nil {
		t.Fatal(err)
	}
}

func sender(t testing.TB, s *mailtest.Server) *mail.Sender {
	t.Helper()
	snd, err := mail.ParseURL(s.URL())
	if err != nil {
		t.Fatal(err)
	}
	return snd
}

// outboxRow is the state of one message in the outbox.
type outboxRow struct {
	ID        int64      `bun:"id"`
	Attempts  int        `bun:"attempts"`
	SentAt    *time.Time `bun:"sent_at"`
	FailedAt  *time.Time `bun:"failed_at"`
	LastError string     `bun:"last_error"`
	NextAt    time.Time  `bun:"next_attempt_at"`
}

func rows(t testing.TB, db *bun.DB) []outboxRow {
	t.Helper()
	var out []outboxRow
	if err := db.NewRaw(`SELECT id, attempts, sent_at, failed_at, last_error, next_attempt_at FROM outbox ORDER BY id`).Scan(context.Background(), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTwoWorkersRacingOnOneOutboxSendEachMessageExactlyOnce(t *testing.T) {
	t.Parallel()
	url := pgtest.URL(t)
	open := func() *bun.DB {
		db, err := persistence.Open(url, persistence.DefaultPoolOptions)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	// Two replicas: each its own connection pool and worker.
	dbA, dbB := open(), open()
	const n = 40
	queue(t, dbA, n, time.Now())
	server := mailtest.NewServer(t)
	server.Delay = 5 * time.Millisecond

	var wg sync.WaitGroup
	sentBy := make([]int, 2)
	for i, db := range []*bun.DB{dbA, dbB} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outbox := domain.NewOutbox(persistence.NewStore(db), time.Now)
			err := outbox.Drain(context.Background(), sender(t, server), func(d domain.Delivery) {
				if d.Err != nil {
					t.Errorf("worker %d: %v", i, d.Err)
				}
				sentBy[i]++
			})
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()

	got := server.Received()
	ids := map[string]int{}
	for _, m := range got {
		ids[m.Header.Get("Message-ID")]++
	}
	if len(got) != n || len(ids) != n {
		t.Errorf("the server got %d messages with %d distinct ids, want %d each once", len(got), len(ids), n)
	}
	for id, count := range ids {
		if count != 1 {
			t.Errorf("%s arrived %d times", id, count)
		}
	}
	if sentBy[0] == 0 || sentBy[1] == 0 || sentBy[0]+sentBy[1] != n {
		t.Errorf("worker A sent %d and worker B %d: both should have worked, %d in all", sentBy[0], sentBy[1], n)
	}
	for _, r := range rows(t, dbA) {
		if r.SentAt == nil || r.Attempts != 1 {
			t.Errorf("message %d: sent at %v after %d attempts, want sent after 1", r.ID, r.SentAt, r.Attempts)
		}
	}
	t.Logf("worker A sent %d, worker B %d", sentBy[0], sentBy[1])
}

func TestAMessageTheServerRefusesOnceIsRetriedAfterABackoffAndSentOnce(t *testing.T) {
	t.Parallel()
	db := pgtest.DB(t)
	clock := time.Now().UTC().Truncate(time.Microsecond)
	now := func() time.Time { return clock }
	queue(t, db, 1, clock)
	server := mailtest.NewServer(t)
	server.FailData(1)
	outbox := domain.NewOutbox(persistence.NewStore(db), now)
	outbox.Retry = domain.RetryPolicy{Base: time.Minute, Cap: time.Hour, MaxAttempts: 5}
	snd := sender(t, server)

	d, err := outbox.DeliverNext(context.Background(), snd)
	if err != nil || d == nil || d.Err == nil || d.GaveUp {
		t.Fatalf("first attempt: %+v, %v; want a temporary failure", d, err)
	}
	r := rows(t, db)[0]
	if r.Attempts != 1 || r.SentAt != nil || !r.NextAt.Equal(clock.Add(time.Minute)) || !strings.Contains(r.LastError, "451") {
		t.Errorf("after the failure the message is %+v, want 1 attempt, retry in a minute", r)
	}
	// Not before its time...
	if d, err := outbox.DeliverNext(context.Background(), snd); d != nil || err != nil {
		t.Errorf("a message waiting for its retry was taken: %+v %v", d, err)
	}
	// ...and once it has come, sent exactly once.
	clock = clock.Add(time.Minute)
	if err := outbox.Drain(context.Background(), snd, nil); err != nil {
		t.Fatal(err)
	}
	r = rows(t, db)[0]
	if got := len(server.Received()); got != 1 || r.SentAt == nil || r.Attempts != 2 {
		t.Errorf("after the retry the server has %d messages and the row is %+v, want 1 sent after 2 attempts", got, r)
	}
}

func TestBackoffDoublesUpToItsCapAndGivesUp(t *testing.T) {
	t.Parallel()
	p := domain.RetryPolicy{Base: time.Minute, Cap: 10 * time.Minute, MaxAttempts: 3}
	for attempts, want := range map[int]time.Duration{1: time.Minute, 2: 2 * time.Minute, 3: 4 * time.Minute, 4: 8 * time.Minute, 5: 10 * time.Minute, 30: 10 * time.Minute} {
		if got := p.Delay(attempts); got != want {
			t.Errorf("Delay(%d) = %s, want %s", attempts, got, want)
		}
	}
	db := pgtest.DB(t)
	clock := time.Now().UTC().Truncate(time.Microsecond)
	queue(t, db, 1, clock)
	server := mailtest.NewServer(t)
	server.FailData(100)
	outbox := domain.NewOutbox(persistence.NewStore(db), func() time.Time { return clock })
	outbox.Retry = p
	var last *domain.Delivery
	for range 3 {
		var err error
		if last, err = outbox.DeliverNext(context.Background(), sender(t, server)); err != nil || last == nil {
			t.Fatalf("%+v %v", last, err)
		}
		clock = clock.Add(time.Hour)
	}
	if r := rows(t, db)[0]; !last.GaveUp || r.FailedAt == nil || r.Attempts != 3 {
		t.Errorf("after 3 failures: delivery %+v, row %+v; want given up", last, r)
	}
}

func TestAnAddressTheServerRefusesForGoodIsGivenUpAtOnce(t *testing.T) {
	t.Parallel()
	db := pgtest.DB(t)
	queue(t, db, 1, time.Now())
	server := mailtest.NewServer(t)
	server.Refuse("mentor0@batam.go.id")
	d, err := domain.NewOutbox(persistence.NewStore(db), time.Now).DeliverNext(context.Background(), sender(t, server))
	var permanent *domain.PermanentError
	if err != nil || d == nil || !d.GaveUp || !errors.As(d.Err, &permanent) {
		t.Errorf("a 550 answer gave %+v, %v; want given up as permanent", d, err)
	}
}

func TestMessagesAreIndonesianUTF8WithTheOutboxNumberInTheirID(t *testing.T) {
	t.Parallel()
	db := pgtest.DB(t)
	queue(t, db, 1, time.Now())
	server := mailtest.NewServer(t)
	if err := domain.NewOutbox(persistence.NewStore(db), time.Now).Drain(context.Background(), sender(t, server), nil); err != nil {
		t.Fatal(err)
	}
	m := server.Received()[0]
	subject, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	body, _ := io.ReadAll(m.Body)
	if subject != "Bukti dukung menunggu telaah: “SK 0”" || !strings.HasPrefix(m.Header.Get("Message-ID"), fmt.Sprintf("<proper-outbox-%d-", rows(t, db)[0].ID)) ||
		m.Header.Get("From") != `"Proper BPSDM" <noreply@bpsdm.jatimprov.go.id>` || !strings.Contains(string(body), "Mohon ditelaah.") {
		t.Errorf("message %v, subject %q, body %q", m.Header, subject, body)
	}
}

func TestTheOutboxCountsShowInTheMetrics(t *testing.T) {
	t.Parallel()
	db := pgtest.DB(t)
	queue(t, db, 3, time.Now())
	server := mailtest.NewServer(t)
	server.Refuse("mentor1@batam.go.id")
	store := persistence.NewStore(db)
	outbox := domain.NewOutbox(store, time.Now)
	w := mail.NewWorker(outbox, domain.NewServices(store, nil, time.Now, domain.Options{}).FollowUps, sender(t, server), slog.New(slog.DiscardHandler))
	reg := prometheus.NewRegistry()
	reg.MustRegister(w.Collectors()...)
	// Send one, give one up, leave one.
	for range 2 {
		if _, err := outbox.DeliverNext(context.Background(), sender(t, server)); err != nil {
			t.Fatal(err)
		}
	}
	want := `
# HELP proper_outbox_messages E-mail in the outbox by state: pending (waiting to be sent or retried), sent, failed (given up).
# TYPE proper_outbox_messages gauge
proper_outbox_messages{state="failed"} 1
proper_outbox_messages{state="pending"} 1
proper_outbox_messages{state="sent"} 1
`
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "proper_outbox_messages"); err != nil {
		t.Error(err)
	}
}

func TestParseURL(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"http://mail.example.go.id?from=a@b.go.id", "smtp://mail.example.go.id", "smtp://?from=a@b.go.id", "smtp://h?from=not-an-address"} {
		if _, err := mail.ParseURL(bad); err == nil {
			t.Errorf("ParseURL(%q) accepted it", bad)
		}
	}
	for raw, addr := range map[string]string{"smtp://u:p@mail.example.go.id?from=a@b.go.id": "mail.example.go.id:587",
		"smtps://mail.example.go.id?from=a@b.go.id": "mail.example.go.id:465", "smtp://127.0.0.1:2525?from=a@b.go.id": "127.0.0.1:2525"} {
		s, err := mail.ParseURL(raw)
		if err != nil || s.Address() != addr {
			t.Errorf("ParseURL(%q) = %v, %v; want %s", raw, s, err, addr)
		}
	}
}

func TestTheWorkerDrainsTheOutboxUntilStopped(t *testing.T) {
	t.Parallel()
	db := pgtest.DB(t)
	server := mailtest.NewServer(t)
	store := persistence.NewStore(db)
	w := mail.NewWorker(domain.NewOutbox(store, time.Now), domain.NewServices(store, nil, time.Now, domain.Options{}).FollowUps, sender(t, server), slog.New(slog.DiscardHandler))
	w.Poll = 10 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { w.Run(ctx); close(done) }()
	queue(t, db, 3, time.Now()) // queued while the worker runs: it picks them up on its next look
	deadline := time.Now().Add(10 * time.Second)
	for len(server.Received()) < 3 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
	if got := len(server.Received()); got != 3 {
		t.Errorf("the worker sent %d of 3 messages", got)
	}
}
