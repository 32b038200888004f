// Command kgx extracts a knowledge graph from news articles, keeps it in an
// embedded database, answers questions about it, draws it and exports it.
// Run `kgx --help` for the commands; `kgx demo` runs the whole pipeline on
// the bundled corpus.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// defaultMemoryLimit is the Go runtime's soft memory limit when the
// environment sets no GOMEMLIMIT. The heap kgx keeps alive while it
// ingests (models, the store's tables and caches, the documents in
// flight, resolution of the whole corpus at the end) stays well below it
// (BENCHMARKS.md); without a limit the collector lets garbage grow to as
// much again as that, so the limit bounds the peak without making the
// collector run all the time. GOMEMLIMIT=off (or any other value) replaces
// it.
const defaultMemoryLimit = 384 << 20

func main() {
	if _, ok := os.LookupEnv("GOMEMLIMIT"); !ok {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
