package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
	"github.com/kgx-project/kgx/store"
)

type ingestOptions struct {
	Input   string // text or jsonl
	Workers int    // extraction workers; 0 means GOMAXPROCS
	Batch   int    // documents per write transaction
}

func newIngestCmd(g *globalOptions) *cobra.Command {
	o := &ingestOptions{}
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Extract articles and add them to the store",
		Long: `Ingest reads articles (plain text, Markdown or HTML; directories recursively;
'-' for standard input), extracts their entities and relations, and adds them
to the store. A document whose content is already stored is skipped, so
ingesting twice changes nothing.

Ingest is a pipeline: one reader, a pool of extraction workers (--workers,
one per CPU by default) and one writer that stores documents in input order,
several per transaction, so the stored graph is the same whatever the number
of workers. Each document is stored whole or not at all. Interrupted (Ctrl-C),
ingest finishes the batch it is writing, stops, and exits 130; every document
it counted is stored, and running it again goes on where it stopped.

Memory: ingest runs with a soft memory limit of 300 MiB for the Go runtime
(GOMEMLIMIT overrides it, GOMEMLIMIT=off removes it); the store's tables,
read through mmap, come on top (BENCHMARKS.md).` + exitStatusHelp,
		Example: `  kgx ingest testdata/news
  kgx --db ~/cases/korea.db ingest articles/ extra.html
  curl -s https://example.org/a.html | kgx ingest -
  kgx ingest --input jsonl articles.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIngest(cmd.Context(), o, g, args)
		},
	}
	cmd.Flags().StringVar(&o.Input, "input", "text", "input kind: text (files of text, Markdown, HTML) or jsonl")
	cmd.Flags().IntVar(&o.Workers, "workers", 0, "extraction workers (default: the number of CPUs Go may use)")
	cmd.Flags().IntVar(&o.Batch, "batch", defaultBatch, "documents per write transaction")
	cmd.Flags().MarkHidden("batch")
	return cmd
}

// The writer stores up to defaultBatch documents per transaction, fewer
// if their facts come to more than batchBytes (estimated by factsSize),
// so that a batch fits in one transaction of a store opened with
// ingestMemTable (badger caps a transaction at 15% of the memtable).
// badger's table builders, pooled and reused, keep buffers as large as
// the biggest table they built, a flushed memtable's included: with
// 16 MiB memtables they held about 180 MiB of a 10,000-article ingest's
// heap, and the collector, held to the memory limit, ran without pause.
// Measured on that ingest (BENCHMARKS.md, "Scale"): 16 MiB memtables
// with 1 MiB batches took 132 s and 248 CPU-s at 458 MiB peak RSS, 8 MiB
// with 512 KiB batches 90 s and 167 CPU-s at 478 MiB, 4 MiB with 256 KiB
// batches 94 s and 175 CPU-s at 465 MiB.
//
// ingestLevelZero is the store's LevelZeroTables for ingest and import:
// badger compacts level 0 after 8 flushed memtables instead of 4, so that
// each compaction, which rewrites about the whole next level (every
// document's keys spread over all of it), comes half as often. Measured
// on 10,000 articles, store side only (BENCHMARKS.md, "Store side of
// ingest"): 71 and 65 CPU-s against 85 and 86 with 4.
const (
	defaultBatch    = 64
	batchBytes      = 512 << 10
	ingestMemTable  = 8 << 20
	ingestLevelZero = 8
)

// factsSize estimates what storing f writes, in bytes.
func factsSize(f *graph.Facts) int {
	if f == nil {
		return 0
	}
	n := 512 + 300*len(f.Entities)
	for _, rs := range [][]graph.Relation{f.Relations, f.CoMentions} {
		for _, r := range rs {
			n += 200
			for _, e := range r.Evidence {
				n += 2*len(e.Sentence) + 100
			}
		}
	}
	return n
}

// ingestStats summarises an ingest.
type ingestStats struct {
	Docs                   int // inputs handled, in order
	Added, Skipped, Failed int
	Tokens                 int // kgx tokens of the added documents
	Words                  int // whitespace-separated tokens of every extracted text
	Entities, Relations    int
}

func runIngest(ctx context.Context, o *ingestOptions, g *globalOptions, args []string) error {
	if o.Input != "text" && o.Input != "jsonl" {
		return usagef("--input must be text or jsonl, not %q", o.Input)
	}
	if o.Workers < 0 || o.Batch < 1 {
		return usagef("--workers must be >= 0 and --batch >= 1")
	}
	paths, err := expandPaths(args)
	if err != nil {
		return err
	}
	setIngestMemoryLimit()
	// Interactions with a date or place are stored as event nodes too;
	// render and export show them with --events.
	ex, err := extract.New(extract.WithEvents())
	if err != nil {
		return err
	}
	// The memtable size the batch bound is chosen for (badger caps a
	// transaction at 15% of it); it is the store's default today, named
	// so that the two stay together.
	db, err := store.Open(g.DB, g.storeOptions(store.Options{MemTableSize: ingestMemTable, LevelZeroTables: ingestLevelZero}))
	if err != nil {
		return err
	}
	defer db.Close()

	start := time.Now()
	bar := newProgress(g.Stderr, len(paths), o.Input == "jsonl")
	p := &pipeline{ex: ex, db: db, stdin: g.Stdin, jsonl: o.Input == "jsonl", workers: o.Workers, batch: o.Batch, progress: bar.update, parts: map[string]int{}}
	st, failures, err := p.run(ctx, paths)
	bar.done()
	if err == nil {
		// A file read again in fewer parts than before (it changed)
		// leaves its old parts behind: remove them.
		for _, path := range paths {
			if n, ok := p.parts[path]; ok && path != "-" {
				if _, err := db.RemoveStaleParts(path, n); err != nil {
					return err
				}
			}
		}
	}
	if _, rerr := db.ReindexIfStale(); rerr != nil && err == nil {
		err = rerr
	}
	for _, f := range failures {
		fmt.Fprintf(g.Stderr, "kgx: %v\n", f)
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(g.Stderr, "ingested %d documents (%d already stored, %d failed): %d tokens, %d entities, %d relations in %.1fs (%.0f docs/s, %.0f tokens/s) into %s\n",
		st.Added, st.Skipped, st.Failed, st.Tokens, st.Entities, st.Relations, secs,
		float64(st.Docs)/secs, float64(st.Words)/secs, g.DB)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintf(g.Stderr, "kgx: interrupted after %d of the inputs; every document counted above is stored, run the same command again to go on\n", st.Docs)
		}
		return err
	}
	if st.Failed > 0 {
		return silentError{exitFailed}
	}
	return nil
}

// pipeline ingests inputs: one reader, a pool of extraction workers, a
// collector that puts results back in input order and cuts them into
// batches, and one writer that stores the batches.
//
// Backpressure: the reader takes a slot from a window of 4 documents per
// worker before it reads a document, and the collector frees the slot once
// it has taken that document in order; the writer takes one batch at a
// time with at most one more waiting. So at most the window and two
// batches are in memory however slow the writer or one document is, and
// extraction goes on while a batch is written.
type pipeline struct {
	ex       *extract.Extractor
	db       *store.DB
	stdin    io.Reader
	jsonl    bool
	workers  int                       // 0: GOMAXPROCS
	batch    int                       // documents per transaction
	progress func(ingestStats, string) // called by the writer after each document; may be nil

	// written counts the batches the writer has stored, so that each
	// worker knows when its snapshot of the store (for skipping stored
	// documents) is out of date.
	written atomic.Int64

	// parts counts the documents each text file was read as (read.go
	// splits long files), for files read completely. Written by read;
	// read by run's caller after run returns.
	parts map[string]int
}

// ingestJob is one input, numbered in input order.
type ingestJob struct {
	seq int
	f   inputFile
	err error // reading failed
}

// ingestResult is one job after extraction.
type ingestResult struct {
	seq    int
	path   string
	facts  *graph.Facts // nil if failed or already stored
	stored bool         // the content was already in the store before extraction
	tokens int
	words  int
	err    error
}

// run ingests the files named by paths. It returns the statistics, the
// problems with single inputs (in input order), and the error that stopped
// it, if any: ctx.Err() if cancelled, or a store error. Every document
// counted in the statistics is stored.
func (p *pipeline) run(ctx context.Context, paths []string) (ingestStats, []error, error) {
	workers := p.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	batch := max(p.batch, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	window := make(chan struct{}, 4*workers)
	jobs := make(chan ingestJob, workers)
	results := make(chan ingestResult, 2*workers)

	if p.parts == nil {
		p.parts = map[string]int{}
	}
	go p.read(ctx, paths, window, jobs)
	done := make(chan struct{})
	for range workers {
		go func() {
			defer func() { done <- struct{}{} }()
			p.work(ctx, jobs, results)
		}()
	}
	go func() {
		for range workers {
			<-done
		}
		close(results)
	}()

	// The writer stores batches on its own goroutine, so that extraction
	// goes on while a batch is written; at most one more batch waits.
	type batchJob struct {
		queue []ingestResult
		facts []*graph.Facts
	}
	var (
		st       ingestStats
		failures []error
		writeErr error
	)
	batches := make(chan batchJob, 1)
	written := make(chan struct{})
	go func() {
		defer close(written)
		for b := range batches {
			if writeErr != nil || ctx.Err() != nil {
				continue // drain: after a failure or a cancellation nothing more is stored
			}
			added, err := p.db.PutBatch(b.facts)
			p.written.Add(1)
			if err != nil {
				writeErr = err
				cancel()
				continue
			}
			for i, r := range b.queue {
				switch {
				case r.err != nil:
					st.Failed++
					failures = append(failures, r.err)
				case r.stored || !added[i]:
					st.Skipped++
				default:
					st.Added++
					st.Tokens += r.tokens
					for _, e := range r.facts.Entities {
						if !graph.IsEventNode(e.Key) { // event nodes are not counted as entities
							st.Entities++
						}
					}
					for _, rel := range r.facts.Relations {
						if !graph.IsEventEdge(rel.Label) {
							st.Relations++
						}
					}
				}
				st.Docs++
				st.Words += r.words
				if p.progress != nil {
					p.progress(st, r.path)
				}
			}
		}
	}()

	var (
		pending = map[int]ingestResult{}
		next    int
		queue   []ingestResult // in order, not yet stored
		facts   []*graph.Facts
		size    int // factsSize of facts
		stopErr error
	)
	flush := func() {
		if len(queue) > 0 {
			batches <- batchJob{queue, facts}
			queue, facts, size = nil, nil, 0
		}
	}
	for r := range results {
		if stopErr != nil {
			continue // drain so the workers can exit
		}
		if r.err != nil && isCancel(r.err) {
			stopErr = r.err
			cancel()
			continue
		}
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			queue = append(queue, r)
			facts = append(facts, r.facts)
			size += factsSize(r.facts)
			if len(queue) >= batch || size >= batchBytes {
				flush()
			}
		}
	}
	if stopErr == nil {
		stopErr = ctx.Err()
	}
	// The writer stores what is left unless the ingest was cancelled.
	flush()
	close(batches)
	<-written
	if writeErr != nil && (stopErr == nil || isCancel(stopErr)) {
		stopErr = writeErr
	}
	return st, failures, stopErr
}

func isCancel(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// read sends every input, numbered, to jobs, taking a window slot for each,
// and closes jobs at the end or when ctx is done.
func (p *pipeline) read(ctx context.Context, paths []string, window chan struct{}, jobs chan<- ingestJob) {
	defer close(jobs)
	seq := 0
	emit := func(j ingestJob) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		select {
		case window <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		j.seq = seq
		seq++
		select {
		case jobs <- j:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	for _, path := range paths {
		if ctx.Err() != nil {
			return
		}
		if !p.jsonl {
			// read.go: bounded memory, long files in parts; binary and
			// empty files are skipped (and count as failed).
			n, err := readParts(path, p.stdin, func(f inputFile) error { return emit(ingestJob{f: f}) })
			switch {
			case isCancel(err):
				return
			case err != nil:
				if emit(ingestJob{f: inputFile{Path: path}, err: inputErr{path, err}}) != nil {
					return
				}
			default:
				p.parts[path] = n
			}
			continue
		}
		r, closeFn, err := openPath(path, p.stdin)
		if err != nil {
			if emit(ingestJob{f: inputFile{Path: path}, err: inputErr{path, err}}) != nil {
				return
			}
			continue
		}
		errs := readJSONLines(path, r, func(f inputFile) error { return emit(ingestJob{f: f}) })
		closeFn()
		for _, err := range errs {
			if isCancel(err) {
				return
			}
			if emit(ingestJob{err: err}) != nil {
				return
			}
		}
	}
}

// work extracts jobs until jobs is closed or ctx is done. Documents already
// in the store are not extracted again. They are looked up in a snapshot
// of the store, renewed after each batch the writer stores: a read on the
// store itself would wait for the batch being written.
func (p *pipeline) work(ctx context.Context, jobs <-chan ingestJob, results chan<- ingestResult) {
	var (
		snap *store.Snapshot
		seen int64
	)
	defer func() {
		if snap != nil {
			snap.Close()
		}
	}()
	for j := range jobs {
		r := ingestResult{seq: j.seq, path: j.f.Path, err: j.err}
		if r.err == nil {
			if w := p.written.Load(); snap == nil || w != seen {
				if snap != nil {
					snap.Close()
				}
				snap, seen = p.db.Snapshot(), w
			}
			r = p.extract(ctx, j, snap)
		}
		select {
		case results <- r:
		case <-ctx.Done():
			return
		}
	}
}

func (p *pipeline) extract(ctx context.Context, j ingestJob, snap *store.Snapshot) ingestResult {
	r := ingestResult{seq: j.seq, path: j.f.Path}
	in := j.f.In
	r.words = countWords(in.Text)
	if ok, err := snap.Has(extract.Hash(in.Text)); err == nil && ok {
		r.stored = true
		return r
	}
	doc, err := p.ex.Extract(ctx, in)
	if err != nil {
		if isCancel(err) {
			r.err = err
		} else {
			r.err = inputErr{j.f.Path, err}
		}
		return r
	}
	path := j.f.Path
	if path == "-" {
		path = "" // standard input names no file to replace
	}
	r.facts = graph.FromDocument(doc, path)
	r.tokens = len(doc.Tokens)
	return r
}

// countWords counts whitespace-separated tokens, the unit of the throughput
// figures.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		space := c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

func openPath(p string, stdin io.Reader) (io.Reader, func(), error) {
	if p == "-" {
		return stdin, func() {}, nil
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

// progress draws a one-line progress bar on a terminal, and nothing
// otherwise.
type progress struct {
	w     io.Writer
	on    bool
	of    int // files
	lines bool
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer, of int, lines bool) *progress {
	on := false
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		on = true
	}
	return &progress{w: w, on: on, of: of, lines: lines, start: time.Now()}
}

// update redraws the bar, at most ten times a second.
func (p *progress) update(st ingestStats, name string) {
	if !p.on {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	secs := now.Sub(p.start).Seconds()
	if len(name) > 30 {
		name = "…" + name[len(name)-29:]
	}
	if p.lines { // JSONL: the number of documents is not known in advance
		fmt.Fprintf(p.w, "\r%d docs %.0f docs/s %.0f tokens/s %-30s", st.Docs, float64(st.Docs)/secs, float64(st.Words)/secs, name)
		return
	}
	const width = 20
	filled := min(width*st.Docs/max(p.of, 1), width)
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d %.0f docs/s %.0f tokens/s %-30s", strings.Repeat("=", filled), strings.Repeat(" ", width-filled),
		st.Docs, p.of, float64(st.Docs)/secs, float64(st.Words)/secs, name)
}

func (p *progress) done() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
