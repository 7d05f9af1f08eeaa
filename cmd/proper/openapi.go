package main

import (
	"context"

	"github.com/proper-id/proper/api"
)

func runOpenAPI(_ context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "openapi", "openapi [--version 3.1|3.0] [--format yaml|json]")
	version := fs.String("version", "3.1", "OpenAPI version of the document: 3.1 or 3.0")
	format := fs.String("format", "yaml", "yaml or json")
	if err := parse(fs, env, args); err != nil {
		return err
	}
	spec, err := api.Spec(*version, *format)
	if err != nil {
		return err
	}
	_, err = env.stdout.Write(spec)
	return err
}
