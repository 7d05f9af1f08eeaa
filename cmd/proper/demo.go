package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/proper-id/proper/api"
	"github.com/proper-id/proper/domain/demo"
)

func runDemo(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "demo", "demo [flags]")
	where := addStorageFlags(fs)
	if err := parse(fs, env, args); err != nil {
		return err
	}
	st, closeStorage, err := where.open(ctx, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return err
	}
	defer closeStorage()
	return printDemo(ctx, env, st.services(serviceOptions{}))
}

// printDemo loads the demo installation unless it is there, and prints its logins.
func printDemo(ctx context.Context, env *environment, s *api.Services) error {
	logins, created, err := demo.Load(ctx, s.Services, time.Now())
	if err != nil {
		return fmt.Errorf("load the demo: %w", err)
	}
	if created {
		fmt.Fprintln(env.stdout, "Loaded the demo cohort. Sign in with:")
	} else {
		fmt.Fprintln(env.stdout, "The demo cohort is there already. Sign in with:")
	}
	demo.PrintLogins(env.stdout, logins)
	return nil
}
