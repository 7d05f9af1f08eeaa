package domain

import (
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxEmailLength is the longest e-mail address that mail servers deliver to
// (RFC 5321 limits a path to 256 octets, two of them the angle brackets).
const MaxEmailLength = 254

// ParseEmail returns s as a normalized e-mail address (trimmed, lower-case),
// or an Invalid error naming the field "email". It accepts only a bare
// address such as "name@agency.go.id": no display name, no angle brackets,
// and a domain with at least one dot. Addresses are ASCII only, so that no
// two accounts have addresses that display alike ("аdmin@lan.go.id" with a
// Cyrillic а beside "admin@lan.go.id").
func ParseEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", Invalid("email", CodeFieldRequired)
	}
	// ToLower would quietly turn invalid bytes into U+FFFD; refuse them instead.
	if !utf8.ValidString(s) {
		return "", Invalid("email", CodeEmailInvalid)
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return "", Invalid("email", CodeEmailNotASCII)
		}
	}
	s = strings.ToLower(s)
	// Checked before parsing so that a huge input costs nothing more.
	if len(s) > MaxEmailLength {
		return "", Invalid("email", CodeFieldTooLong, Params{"max": MaxEmailLength})
	}
	addr, err := mail.ParseAddress(s)
	if err != nil {
		return "", Invalid("email", CodeEmailInvalid)
	}
	if addr.Address != s {
		return "", Invalid("email", CodeEmailAddressOnly)
	}
	at := strings.LastIndexByte(s, '@')
	if !validMailDomain(s[at+1:]) {
		return "", Invalid("email", CodeEmailDomain)
	}
	return s, nil
}

// validMailDomain reports whether domain is a host name mail can be sent to:
// at least two dot-separated labels, each made of letters, digits and inner
// hyphens. It rules out the address literals ("[10.0.0.1]") and the odd
// characters that net/mail accepts in a domain.
func validMailDomain(domain string) bool {
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return false
	}
	for _, label := range labels {
		if label == "" || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
	}
	return true
}
