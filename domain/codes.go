package domain

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Code is the stable name of why a request failed, a field broke a rule or
// an action is refused now, such as "milestone.needs_evidence" or
// "field.too_long". Clients decide on codes and word them; the words below
// are the one catalogue of how Proper says each: English for the API's own
// detail, Indonesian for the people who use it.
type Code string

// Language is a language Proper words its codes in.
type Language string

// The languages of the catalogue. English is the API's default; the web
// app, the e-mails and an API client asking with Accept-Language: id get
// Indonesian.
const (
	English    Language = "en"
	Indonesian Language = "id"
)

// Params fill the {placeholders} of a code's wording, such as {max}.
type Params map[string]any

// Wording is how Proper says a code in each language; {name} marks a
// parameter.
type Wording struct {
	Code       Code
	English    string
	Indonesian string
}

// catalogue holds the wording of every code, keyed by code.
var catalogue = map[Code]Wording{}

// code declares a code with its wording in both languages: a code cannot
// exist without them.
func code(name, english, indonesian string) Code {
	c := Code(name)
	if _, dup := catalogue[c]; dup {
		panic("domain: code declared twice: " + name)
	}
	catalogue[c] = Wording{Code: c, English: english, Indonesian: indonesian}
	return c
}

// Catalogue lists every code with its wording, sorted by code: the spec
// documents them, and the web app words problems from them.
func Catalogue() []Wording {
	out := make([]Wording, 0, len(catalogue))
	for _, w := range catalogue {
		out = append(out, w)
	}
	slices.SortFunc(out, func(a, b Wording) int { return strings.Compare(string(a.Code), string(b.Code)) })
	return out
}

// Known reports whether c is declared in the catalogue.
func (c Code) Known() bool {
	_, ok := catalogue[c]
	return ok
}

var placeholder = regexp.MustCompile(`\{(\w+)\}`)

// Text words c in lang with params filled in; a parameter that is not given
// stays as its {name}. An unknown code is returned as it is.
func (c Code) Text(lang Language, params Params) string {
	w, ok := catalogue[c]
	if !ok {
		return string(c)
	}
	text := w.English
	if lang == Indonesian {
		text = w.Indonesian
	}
	if len(params) == 0 {
		return text
	}
	return placeholder.ReplaceAllStringFunc(text, func(m string) string {
		if v, ok := params[m[1:len(m)-1]]; ok {
			return fmt.Sprint(v)
		}
		return m
	})
}

// Placeholders lists the {names} a wording uses.
func Placeholders(text string) []string {
	var names []string
	for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
		if !slices.Contains(names, m[1]) {
			names = append(names, m[1])
		}
	}
	slices.Sort(names)
	return names
}

// merge joins optional params into one map (nil when there are none).
func merge(params []Params) Params {
	switch len(params) {
	case 0:
		return nil
	case 1:
		return params[0]
	}
	out := Params{}
	for _, p := range params {
		for k, v := range p {
			out[k] = v
		}
	}
	return out
}
