package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
)

func runAdmin(ctx context.Context, env *environment, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		fmt.Fprintln(env.stderr, "Usage: proper admin create --email E --name N --password-stdin")
		return errUsage
	}
	fs := newFlagSet(env, "admin create", "admin create --email E --name N --password-stdin [flags]")
	email := fs.String("email", "", "e-mail address of the new platform admin")
	name := fs.String("name", "", "full name of the new platform admin")
	passwordStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	where := addStorageFlags(fs)
	if err := parse(fs, env, args[1:]); err != nil {
		return err
	}
	if *email == "" || *name == "" || !*passwordStdin {
		fs.Usage()
		return errUsage
	}
	line, err := bufio.NewReader(env.stdin).ReadString('\n')
	if err != nil && err != io.EOF {
		return fmt.Errorf("read password: %w", err)
	}
	password := strings.TrimRight(line, "\r\n")

	st, closeStorage, err := where.open(ctx, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return err
	}
	defer closeStorage()
	user, err := st.services(serviceOptions{}).Directory.CreatePlatformAdmin(ctx, *email, *name, password)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "created platform admin %s <%s> (id %s)\n", user.Name, user.Email, user.ID)
	return nil
}
