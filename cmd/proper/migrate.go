package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/proper-id/proper/persistence"
)

func runMigrate(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "migrate", "migrate up|down|status [flags]")
	where := addStorageFlags(fs)
	// The action may come before or after the flags.
	var action string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		action, args = args[0], args[1:]
	}
	if err := parse(fs, env, args); err != nil {
		return err
	}
	if action == "" && fs.NArg() == 1 {
		action = fs.Arg(0)
	} else if fs.NArg() > 0 || action == "" {
		fs.Usage()
		return errUsage
	}
	if action != "up" && action != "down" && action != "status" {
		fmt.Fprintf(env.stderr, "proper migrate: unknown action %q: want up, down or status\n", action)
		return errUsage
	}
	conn, closeDB, err := where.openDatabase(ctx, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return err
	}
	defer closeDB()
	migrator := persistence.NewMigrator(conn)

	switch action {
	case "up":
		applied, err := migrator.Up(ctx)
		for _, m := range applied {
			fmt.Fprintf(env.stdout, "applied %04d_%s\n", m.Version, m.Name)
		}
		if err == nil && len(applied) == 0 {
			fmt.Fprintln(env.stdout, "the schema is current")
		}
		return err
	case "down":
		undone, err := migrator.Down(ctx)
		if undone != nil {
			fmt.Fprintf(env.stdout, "rolled back %04d_%s\n", undone.Version, undone.Name)
		} else if err == nil {
			fmt.Fprintln(env.stdout, "no migration is applied")
		}
		return err
	default:
		states, err := migrator.Status(ctx)
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "VERSION\tNAME\tAPPLIED")
		for _, s := range states {
			applied := "pending"
			if s.Applied() {
				applied = s.AppliedAt.UTC().Format(time.RFC3339)
			}
			fmt.Fprintf(w, "%04d\t%s\t%s\n", s.Version, s.Name, applied)
		}
		return w.Flush()
	}
}
