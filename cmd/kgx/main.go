// Command kgx extracts a knowledge graph from news articles, keeps it in an
// embedded database, answers questions about it, draws it and exports it.
// Run `kgx --help` for the commands; `kgx demo` runs the whole pipeline on
// the bundled corpus.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
