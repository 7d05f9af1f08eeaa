package main

import (
	"context"
	"strings"
	"testing"
)

func TestServeRefusesABadSMTPURLBeforeStarting(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		args []string
	}{
		{nil, []string{"serve", "--smtp-url", "http://mail.example.go.id?from=noreply@example.go.id"}},
		{map[string]string{"PROPER_SMTP_URL": "smtp://mail.example.go.id"}, []string{"serve"}},
	} {
		code, _, stderr := proper(t, context.Background(), c.env, c.args...)
		if code != 1 || !strings.Contains(stderr, "SMTP URL") {
			t.Errorf("%v %v: exit %d, %s; want 1 naming the SMTP URL", c.env, c.args, code, stderr)
		}
	}
}
