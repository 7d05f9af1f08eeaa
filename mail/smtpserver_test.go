package mail_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/mail"
	"net/textproto"
	"strings"
	"sync"
	"testing"
	"time"
)

// smtpServer is a small SMTP server for the tests, on net/textproto: it
// accepts every message (after failing as told) and keeps what it got.
type smtpServer struct {
	t  testing.TB
	ln net.Listener
	// delay slows each DATA down, so that racing workers overlap.
	delay time.Duration

	mu       sync.Mutex
	messages []*mail.Message
	// failData answers the next n DATA commands with a temporary error.
	failData int
	// refuse answers RCPT TO for these addresses with a permanent error.
	refuse map[string]bool
}

func newSMTPServer(t testing.TB) *smtpServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpServer{t: t, ln: ln, refuse: map[string]bool{}}
	t.Cleanup(func() { ln.Close() })
	go s.serve()
	return s
}

// url is the SMTP URL of the server.
func (s *smtpServer) url() string {
	return "smtp://" + s.ln.Addr().String() + "?from=" + "Proper%20BPSDM%20%3Cnoreply@bpsdm.jatimprov.go.id%3E"
}

func (s *smtpServer) serve() {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return
		}
		go s.session(conn)
	}
}

func (s *smtpServer) session(conn net.Conn) {
	defer conn.Close()
	tp := textproto.NewConn(conn)
	reply := func(code int, msg string) { tp.PrintfLine("%d %s", code, msg) }
	reply(220, "test ESMTP")
	for {
		line, err := tp.ReadLine()
		if err != nil {
			return
		}
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO":
			tp.PrintfLine("250-test greets %s", arg)
			tp.PrintfLine("250 8BITMIME")
		case "HELO":
			reply(250, "test")
		case "MAIL":
			reply(250, "ok")
		case "RCPT":
			to := strings.Trim(strings.TrimPrefix(arg, "TO:"), "<>")
			s.mu.Lock()
			refused := s.refuse[to]
			s.mu.Unlock()
			if refused {
				reply(550, "no such mailbox")
				continue
			}
			reply(250, "ok")
		case "DATA":
			reply(354, "go ahead")
			body, err := tp.ReadDotBytes()
			if err != nil {
				return
			}
			time.Sleep(s.delay)
			s.mu.Lock()
			fail := s.failData > 0
			if fail {
				s.failData--
			}
			s.mu.Unlock()
			if fail {
				reply(451, "try again later")
				continue
			}
			msg, err := mail.ReadMessage(bufio.NewReader(strings.NewReader(string(body))))
			if err != nil {
				reply(554, fmt.Sprint(err))
				continue
			}
			b, _ := io.ReadAll(msg.Body)
			msg.Body = strings.NewReader(string(b))
			s.mu.Lock()
			s.messages = append(s.messages, msg)
			s.mu.Unlock()
			reply(250, "queued")
		case "RSET", "NOOP":
			reply(250, "ok")
		case "QUIT":
			reply(221, "bye")
			return
		default:
			reply(502, "not implemented")
		}
	}
}

// received returns the messages so far.
func (s *smtpServer) received() []*mail.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*mail.Message(nil), s.messages...)
}
