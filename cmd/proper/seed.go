package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/proper-id/proper/persistence/seed"
)

func runSeed(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "seed", "seed --projects N [--published SHARE] [flags]")
	projects := fs.Int("projects", 2000, "how many participants and projects to generate")
	published := fs.Float64("published", 0.25, "the share of projects to put on the showcase, 0 to 1 (1: all)")
	where := addStorageFlags(fs)
	if err := parse(fs, env, args); err != nil {
		return err
	}
	if *projects <= 0 || *published < 0 || *published > 1 {
		fs.Usage()
		return errUsage
	}
	st, closeStorage, err := where.open(ctx, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return err
	}
	defer closeStorage()
	begun := time.Now()
	err = seed.Load(ctx, st.db, seed.Options{Projects: *projects, Published: *published, Now: time.Now(), Progress: func(table string, rows int) {
		fmt.Fprintf(env.stdout, "%8.1fs  %-14s %9d rows\n", time.Since(begun).Seconds(), table, rows)
	}})
	if err != nil {
		return err
	}
	if _, err := st.db.ExecContext(ctx, "ANALYZE"); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "seeded %d projects in %s\n", *projects, time.Since(begun).Round(time.Second))
	return nil
}
