package mail

import (
	"context"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/proper-id/proper/domain"
)

// Worker drains the outbox and queues the daily digests. Every replica of
// Proper runs one; they share the work through the database (see
// domain.Outbox) and never send a message twice while running.
type Worker struct {
	Outbox    *domain.Outbox
	FollowUps *domain.FollowUps
	Sender    domain.Sender
	Logger    *slog.Logger
	// Poll is how often the outbox is looked at; messages queued meanwhile
	// wait at most this long.
	Poll time.Duration
	// DigestEvery is how often the digests are queued; each person gets at
	// most one a day whatever it is.
	DigestEvery time.Duration

	deliveries *prometheus.CounterVec
}

// NewWorker returns a worker polling every 10 seconds and queueing digests
// every hour (each person gets the day's digest once).
func NewWorker(outbox *domain.Outbox, followUps *domain.FollowUps, sender domain.Sender, logger *slog.Logger) *Worker {
	return &Worker{Outbox: outbox, FollowUps: followUps, Sender: sender, Logger: logger, Poll: 10 * time.Second, DigestEvery: time.Hour,
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "proper_mail_deliveries_total",
			Help: "E-mail this process tried to send, by outcome: sent, retry (failed, tried again later) or gave_up.",
		}, []string{"result"})}
}

// Run works until ctx ends.
func (w *Worker) Run(ctx context.Context) {
	poll := time.NewTicker(w.Poll)
	defer poll.Stop()
	digest := time.NewTicker(w.DigestEvery)
	defer digest.Stop()
	w.queueDigests(ctx)
	for {
		w.drain(ctx)
		select {
		case <-ctx.Done():
			return
		case <-poll.C:
		case <-digest.C:
			w.queueDigests(ctx)
		}
	}
}

// drain sends every due message.
func (w *Worker) drain(ctx context.Context) {
	err := w.Outbox.Drain(ctx, w.Sender, func(d domain.Delivery) {
		switch {
		case d.Err == nil:
			w.deliveries.WithLabelValues("sent").Inc()
		case d.GaveUp:
			w.deliveries.WithLabelValues("gave_up").Inc()
			w.Logger.Error("e-mail given up", "outbox_id", d.Mail.ID, "kind", d.Mail.Kind, "error", d.Err)
		default:
			w.deliveries.WithLabelValues("retry").Inc()
			w.Logger.Warn("e-mail not sent, will retry", "outbox_id", d.Mail.ID, "kind", d.Mail.Kind, "error", d.Err)
		}
	})
	if err != nil && ctx.Err() == nil {
		w.Logger.Warn("outbox", "error", err)
	}
}

func (w *Worker) queueDigests(ctx context.Context) {
	if w.FollowUps == nil {
		return
	}
	n, err := w.FollowUps.QueueDigests(ctx)
	if err != nil {
		if ctx.Err() == nil {
			w.Logger.Warn("digests", "error", err)
		}
		return
	}
	if n > 0 {
		w.Logger.Info("digests queued", "participants", n)
	}
}

// Collectors are the worker's metrics and the outbox's: how many messages
// wait, were sent (in the last 30 days, which the outbox keeps) and were
// given up, read from the database at each scrape.
func (w *Worker) Collectors() []prometheus.Collector {
	return []prometheus.Collector{w.deliveries, &outboxCollector{outbox: w.Outbox}}
}

// outboxCollector reads the outbox's counts at each scrape, in one query.
type outboxCollector struct{ outbox *domain.Outbox }

var outboxDesc = prometheus.NewDesc("proper_outbox_messages", "E-mail in the outbox by state: pending (waiting to be sent or retried), sent, failed (given up).",
	[]string{"state"}, nil)

func (c *outboxCollector) Describe(ch chan<- *prometheus.Desc) { ch <- outboxDesc }

func (c *outboxCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	st, err := c.outbox.Stats(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(outboxDesc, err)
		return
	}
	for state, n := range map[string]int64{"pending": st.Pending, "sent": st.Sent, "failed": st.Failed} {
		ch <- prometheus.MustNewConstMetric(outboxDesc, prometheus.GaugeValue, float64(n), state)
	}
}
