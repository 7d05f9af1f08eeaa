// Package mailtest is an SMTP server for tests, on net/textproto: it
// accepts every message (after failing as told) and keeps what it got, so
// that tests can send Proper's real e-mail through a real SMTP exchange.
package mailtest

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

// Server is a small SMTP server listening on loopback.
type Server struct {
	ln net.Listener
	// Delay slows each DATA down, so that racing workers overlap; set it
	// before anything is sent.
	Delay time.Duration

	mu       sync.Mutex
	messages []*mail.Message
	// failData answers the next n DATA commands with a temporary error.
	failData int
	// refuse answers RCPT TO for these addresses with a permanent error.
	refuse map[string]bool
}

// NewServer starts a server, closed when t ends.
func NewServer(t testing.TB) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{ln: ln, refuse: map[string]bool{}}
	t.Cleanup(func() { ln.Close() })
	go s.serve()
	return s
}

// URL is the SMTP URL of the server, for --smtp-url.
func (s *Server) URL() string {
	return "smtp://" + s.ln.Addr().String() + "?from=" + "Proper%20BPSDM%20%3Cnoreply@bpsdm.jatimprov.go.id%3E"
}

func (s *Server) serve() {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return
		}
		go s.session(conn)
	}
}

func (s *Server) session(conn net.Conn) {
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
			time.Sleep(s.Delay)
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

// FailData answers the next n DATA commands with a temporary error (451).
func (s *Server) FailData(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failData = n
}

// Refuse answers RCPT TO for the address with a permanent error (550).
func (s *Server) Refuse(address string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refuse[address] = true
}

// Received returns the messages accepted so far.
func (s *Server) Received() []*mail.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*mail.Message(nil), s.messages...)
}
