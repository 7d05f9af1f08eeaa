package api_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/proper-id/proper/api"
)

func TestShutdownLetsInFlightRequestsFinish(t *testing.T) {
	t.Parallel()
	srv := api.New(api.Deps{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	started := make(chan struct{})
	release := make(chan struct{})
	huma.Register(srv.API(), huma.Operation{OperationID: "test-slow", Method: http.MethodGet, Path: "/test/slow"},
		func(ctx context.Context, _ *struct{}) (*echoOutput, error) {
			close(started)
			<-release
			out := &echoOutput{}
			out.Body.Name = "finished"
			return out, nil
		})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() {
		served <- api.Serve(ctx, ln, srv.Handler(), slog.New(slog.NewTextHandler(io.Discard, nil)), api.Timeouts{ReadHeader: time.Second, Idle: time.Second, Grace: 10 * time.Second})
	}()

	answered := make(chan *http.Response, 1)
	go func() {
		res, err := http.Get("http://" + ln.Addr().String() + "/test/slow")
		if err != nil {
			t.Error(err)
		}
		answered <- res
	}()
	<-started
	stop() // SIGTERM arrives while the request runs
	if !eventually(func() bool { return !accepts(ln.Addr().String()) }) {
		t.Error("a shutting-down server should stop accepting connections")
	}
	close(release)

	res := <-answered
	if res == nil || res.StatusCode != http.StatusOK {
		t.Fatalf("the in-flight request did not finish: %+v", res)
	}
	res.Body.Close()
	if err := <-served; err != nil {
		t.Fatalf("Serve returned %v after a clean shutdown", err)
	}
}

func accepts(addr string) bool {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return false
	}
	conn.Close()
	return true
}

// eventually polls cond for up to ten seconds.
func eventually(cond func() bool) bool {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return true
		}
	}
	return false
}

func TestASlowClientIsCutOffWhileSendingHeaders(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan struct{})
	go func() {
		api.Serve(ctx, ln, api.New(api.Deps{Logger: slog.New(slog.DiscardHandler)}).Handler(), slog.New(slog.DiscardHandler),
			api.Timeouts{ReadHeader: 300 * time.Millisecond, Idle: time.Second, Grace: time.Second})
		close(served)
	}()
	defer func() { stop(); <-served }()

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.Write([]byte("GET /healthz HTTP/1.1\r\nHost: proper\r\n"))
	// Dribble a header byte every 100 ms, at most 50 times: a slowloris.
	for i := 0; i < 50; i++ {
		time.Sleep(100 * time.Millisecond)
		if _, err := conn.Write([]byte("X")); err != nil {
			return // the server closed the connection
		}
		conn.SetReadDeadline(time.Now().Add(10 * time.Millisecond))
		if _, err := conn.Read(make([]byte, 1)); err != nil && !isTimeout(err) {
			return // closed (EOF or reset)
		}
	}
	t.Fatal("the server kept a connection open for 5 s of dribbled headers")
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
