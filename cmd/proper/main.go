// Command proper is the Proper service and its administration tools in one
// binary: `proper serve` runs the API (starting a private PostgreSQL when no
// database URL is given), and the other subcommands migrate, print the spec
// and manage data. `proper --help` lists them.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// command is one subcommand of proper.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *environment, args []string) error
}

// environment is what a subcommand reads and writes besides its arguments.
type environment struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

func commands() []command {
	return []command{
		{"serve", "run the API (starts a private PostgreSQL unless --database-url is set)", runServe},
		{"migrate", "apply (up), roll back (down) or list (status) database migrations", runMigrate},
		{"openapi", "print the OpenAPI spec (no database needed)", runOpenAPI},
		{"codes", "print the Indonesian wording of every problem code as a TypeScript module, for the web app", runCodes},
		{"admin", "create a platform admin: admin create --email E --name N --password-stdin", runAdmin},
		{"demo", "load a demo cohort (once) and print its logins", runDemo},
		{"seed", "generate a national dataset for load tests (COPY): seed --projects N", runSeed},
		{"backup", "write the database and the evidence files to a file: backup --to FILE", runBackup},
		{"restore", "replace the database and the evidence files with a backup: restore --from FILE", runRestore},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, &environment{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}, os.Args[1:])
	stop()
	os.Exit(code)
}

// errUsage marks a mistake in the command line; its message was printed.
var errUsage = errors.New("usage")

// run executes one command line and returns the process exit code: 0 on
// success, 2 for a usage mistake, 1 for any other failure.
func run(ctx context.Context, env *environment, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(env.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, env, args[1:])
		switch {
		case err == nil, errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		default:
			fmt.Fprintln(env.stderr, "proper:", err)
			return 1
		}
	}
	fmt.Fprintf(env.stderr, "proper: unknown command %q\n\n", args[0])
	usage(env.stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Proper tracks the change projects (proyek perubahan) of Indonesia's leadership trainings.")
	fmt.Fprintln(w, "\nUsage: proper <command> [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun `proper <command> --help` for a command's flags. Every flag can also be set by an")
	fmt.Fprintln(w, "environment variable: PROPER_ and its name in capitals (--data-dir: PROPER_DATA_DIR).")
}

// newFlagSet returns a flag set that reports mistakes as errUsage.
func newFlagSet(env *environment, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.stderr, "Usage: proper %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse reads every flag's PROPER_* environment variable (--data-dir from
// PROPER_DATA_DIR), then args, which win; mistakes are errUsage.
func parse(fs *flag.FlagSet, env *environment, args []string) error {
	var bad error
	fs.VisitAll(func(f *flag.Flag) {
		name := "PROPER_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v := env.getenv(name); v != "" && bad == nil {
			if err := f.Value.Set(v); err != nil {
				bad = fmt.Errorf("%s=%q: %w", name, v, err)
			}
		}
	})
	if bad != nil {
		return bad
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}
