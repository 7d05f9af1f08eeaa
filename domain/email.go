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

// notAnEmail tells a person what an acceptable address looks like.
const notAnEmail = "is not a valid e-mail address; write it like name@agency.go.id"

// notASCII tells a person why an address that looks right is refused: a
// letter of another alphabet (a Cyrillic а, a dotless ı) or a special space
// would make an address that displays like someone else's.
const notASCII = "must be written in ASCII letters, digits and punctuation only, like name@agency.go.id; letters of other alphabets and special spaces are not allowed"

// ParseEmail returns s as a normalized e-mail address (trimmed, lower-case),
// or an Invalid error naming the field "email". It accepts only a bare
// address such as "name@agency.go.id": no display name, no angle brackets,
// and a domain with at least one dot. Addresses are ASCII only, so that no
// two accounts have addresses that display alike ("аdmin@lan.go.id" with a
// Cyrillic а beside "admin@lan.go.id").
func ParseEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", Invalid("email", "is required")
	}
	// ToLower would quietly turn invalid bytes into U+FFFD; refuse them instead.
	if !utf8.ValidString(s) {
		return "", Invalid("email", notAnEmail)
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return "", Invalid("email", notASCII)
		}
	}
	s = strings.ToLower(s)
	// Checked before parsing so that a huge input costs nothing more.
	if len(s) > MaxEmailLength {
		return "", Invalid("email", "must have at most 254 characters")
	}
	addr, err := mail.ParseAddress(s)
	if err != nil {
		return "", Invalid("email", notAnEmail)
	}
	if addr.Address != s {
		return "", Invalid("email", "must be the address alone, like name@agency.go.id, without a name, quotes or angle brackets")
	}
	at := strings.LastIndexByte(s, '@')
	if !validMailDomain(s[at+1:]) {
		return "", Invalid("email", "must end in a domain with a dot, like name@agency.go.id")
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
