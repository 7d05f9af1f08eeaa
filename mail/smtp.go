// Package mail sends Proper's e-mail: an SMTP client configured by a URL
// (--smtp-url), the worker that drains the outbox and queues the daily
// digests, and the outbox's metrics. What is sent, and when, is decided in
// the domain; this package only carries it to a mail server.
package mail

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/proper-id/proper/domain"
)

// Sender sends messages to one SMTP server. It is safe for concurrent use:
// each message goes over its own connection.
type Sender struct {
	host, addr  string
	implicitTLS bool
	username    string
	password    string
	from        mail.Address
	// Timeout bounds one message's whole conversation with the server.
	Timeout time.Duration
	// TLSConfig, when set, replaces the default (verify the server's name).
	TLSConfig *tls.Config
}

var _ domain.Sender = (*Sender)(nil)

// ParseURL reads an SMTP URL: smtp://user:pass@host:port?from=… (STARTTLS
// when the server offers it; port 587 by default) or smtps://… (TLS from
// the start; port 465 by default). from is the sender's address, with an
// optional name ("Proper BPSDM <noreply@bpsdm.go.id>"), and is required.
// Credentials are sent only over TLS or to localhost.
func ParseURL(raw string) (*Sender, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("SMTP URL: %w", err)
	}
	s := &Sender{Timeout: 30 * time.Second}
	port := "587"
	switch u.Scheme {
	case "smtp":
	case "smtps":
		s.implicitTLS, port = true, "465"
	default:
		return nil, fmt.Errorf("SMTP URL: the scheme must be smtp or smtps, not %q", u.Scheme)
	}
	s.host = u.Hostname()
	if s.host == "" {
		return nil, errors.New("SMTP URL: no host")
	}
	if p := u.Port(); p != "" {
		port = p
	}
	s.addr = net.JoinHostPort(s.host, port)
	if u.User != nil {
		s.username = u.User.Username()
		s.password, _ = u.User.Password()
	}
	from := u.Query().Get("from")
	if from == "" {
		return nil, errors.New("SMTP URL: add ?from=<the sender's address>")
	}
	addr, err := mail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("SMTP URL: from=%q: %w", from, err)
	}
	s.from = *addr
	return s, nil
}

// Address is where the sender connects (host:port), for logs.
func (s *Sender) Address() string { return s.addr }

// Send delivers one message. A refusal the server calls permanent (5xx)
// is a *domain.PermanentError: retrying will not help.
func (s *Sender) Send(ctx context.Context, m domain.Mail) error {
	ctx, cancel := context.WithTimeout(ctx, s.Timeout)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", s.addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	if deadline, ok := ctx.Deadline(); ok {
		conn.SetDeadline(deadline)
	}
	if s.implicitTLS {
		conn = tls.Client(conn, s.tlsConfig())
	}
	c, err := smtp.NewClient(conn, s.host)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Hello(helloName(s.from.Address)); err != nil {
		return classify(err)
	}
	if !s.implicitTLS {
		if ok, _ := c.Extension("STARTTLS"); ok {
			if err := c.StartTLS(s.tlsConfig()); err != nil {
				return err
			}
		}
	}
	if s.username != "" {
		if err := c.Auth(smtp.PlainAuth("", s.username, s.password, s.host)); err != nil {
			return classify(err)
		}
	}
	if err := c.Mail(s.from.Address); err != nil {
		return classify(err)
	}
	if err := c.Rcpt(m.To); err != nil {
		return classify(err)
	}
	w, err := c.Data()
	if err != nil {
		return classify(err)
	}
	if _, err := w.Write(s.message(m)); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return classify(err)
	}
	return c.Quit()
}

func (s *Sender) tlsConfig() *tls.Config {
	if s.TLSConfig != nil {
		return s.TLSConfig
	}
	return &tls.Config{ServerName: s.host, MinVersion: tls.VersionTLS12}
}

// classify marks the server's permanent refusals.
func classify(err error) error {
	var te *textproto.Error
	if errors.As(err, &te) && te.Code >= 500 {
		return &domain.PermanentError{Err: err}
	}
	return err
}

// helloName is the name Proper greets the server with: the sender's domain.
func helloName(address string) string {
	if i := strings.LastIndexByte(address, '@'); i >= 0 && i < len(address)-1 {
		return address[i+1:]
	}
	return "localhost"
}

// message renders m as an RFC 5322 message: UTF-8 text, quoted-printable,
// with a Message-ID made of its outbox number so that a repeat after a
// crash (see domain.Outbox) can be recognised by the receiving side.
func (s *Sender) message(m domain.Mail) []byte {
	var b bytes.Buffer
	to := mail.Address{Name: m.ToName, Address: m.To}
	header := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	header("From", s.from.String())
	header("To", to.String())
	header("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	header("Date", time.Now().UTC().Format(time.RFC1123Z))
	header("Message-ID", "<proper-outbox-"+strconv.FormatInt(m.ID, 10)+"-"+strconv.FormatInt(m.CreatedAt.Unix(), 10)+"@"+helloName(s.from.Address)+">")
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "quoted-printable")
	header("Auto-Submitted", "auto-generated")
	header("X-Proper-Kind", m.Kind)
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	qp.Write([]byte(strings.ReplaceAll(m.Body, "\n", "\r\n")))
	qp.Close()
	return b.Bytes()
}
