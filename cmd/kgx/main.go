// Command kgx extracts a knowledge graph from news articles, keeps it in an
// embedded database, answers questions about it, draws it and exports it.
// Run `kgx --help` for the commands; `kgx demo` runs the whole pipeline on
// the bundled corpus.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
)

// ingestMemoryLimit is the Go runtime's soft memory limit for 'kgx
// ingest' when the environment sets no GOMEMLIMIT. What ingest keeps alive
// (the models, the store's memtables and table builders, the documents in
// flight, at the end the entities of the whole corpus for resolution)
// stays well below it, about 200 MiB on 10,000 articles (BENCHMARKS.md);
// without a limit the collector lets garbage grow to as much again, and
// the store's tables, read through mmap, come on top. The limit costs
// about 5% more CPU in the collector. GOMEMLIMIT (GOMEMLIMIT=off for none)
// replaces it.
const ingestMemoryLimit = 300 << 20

// limitMemory is set by main: the process is the kgx command, whose
// ingest may set the runtime's memory limit (tests running commands in
// process leave it alone).
var limitMemory bool

// setIngestMemoryLimit applies ingestMemoryLimit unless GOMEMLIMIT is set.
func setIngestMemoryLimit() {
	if _, ok := os.LookupEnv("GOMEMLIMIT"); limitMemory && !ok {
		debug.SetMemoryLimit(ingestMemoryLimit)
	}
}

func main() {
	limitMemory = true
	stopProfile := startProfile(os.Getenv("KGX_CPUPROFILE"))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	stopProfile()
	os.Exit(code)
}

// startProfile writes a CPU profile of the whole command to path, if path
// is not empty (KGX_CPUPROFILE=cpu.pprof kgx ingest ...; read it with go
// tool pprof). It returns the function that stops the profile.
func startProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "kgx: KGX_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
