package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rules of text, from the loosest to the strictest. Every string from
// outside is text (CheckText), whatever it is for: a search, a password, a
// cursor. What people read as a label (a name, a title, a file name) is a
// single line (CheckSingleLine); what they write at length (a description,
// a note) is multi-line text (CheckMultiLine).

// CheckText returns an Invalid error naming field unless s is text at all:
// valid UTF-8 without NUL characters, which nothing downstream can store or
// show faithfully (PostgreSQL refuses both in text).
func CheckText(field, s string) error {
	if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
		return Invalid(field, CodeTextNotUTF8)
	}
	return nil
}

// CheckSingleLine returns an Invalid error naming field unless s is
// acceptable as one line of text, such as a name or a title: text without
// any control character (C0 including tab and line breaks, DEL, C1) and
// without the bidirectional overrides and isolates that make a string
// display as another one.
func CheckSingleLine(field, s string) error {
	if err := CheckText(field, s); err != nil {
		return err
	}
	for _, r := range s {
		switch {
		case unicode.IsControl(r):
			return Invalid(field, CodeTextSingleLine)
		case isBidiControl(r):
			return Invalid(field, CodeTextBidi)
		}
	}
	return nil
}

// CheckMultiLine returns an Invalid error naming field unless s is
// acceptable as text of several lines, such as a description: text whose
// only control characters are tabs and line breaks (TAB, LF, CR).
func CheckMultiLine(field, s string) error {
	if err := CheckText(field, s); err != nil {
		return err
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return Invalid(field, CodeTextControl)
		}
	}
	return nil
}

// unsafeInLine reports whether r may not appear in a single line of text.
func unsafeInLine(r rune) bool { return unicode.IsControl(r) || isBidiControl(r) }

// isBidiControl reports whether r is a bidirectional embedding, override
// or isolate (U+202A–U+202E, U+2066–U+2069), which reorder the text around
// them when it is displayed.
func isBidiControl(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}
