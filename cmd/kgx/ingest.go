package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

type ingestOptions struct {
	Input string // text or jsonl
}

func newIngestCmd(g *globalOptions) *cobra.Command {
	o := &ingestOptions{}
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Extract articles and add them to the store",
		Long: `Ingest reads articles (plain text, Markdown or HTML; directories recursively;
'-' for standard input), extracts their entities and relations, and adds them
to the store. Each document is written in one transaction; a document whose
content is already stored is skipped, so ingesting twice changes nothing.` + exitStatusHelp,
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
	return cmd
}

// ingestStats summarises an ingest.
type ingestStats struct {
	Added, Skipped, Failed int
	Tokens                 int
	Entities, Relations    int
}

func runIngest(ctx context.Context, o *ingestOptions, g *globalOptions, args []string) error {
	if o.Input != "text" && o.Input != "jsonl" {
		return usagef("--input must be text or jsonl, not %q", o.Input)
	}
	paths, err := expandPaths(args)
	if err != nil {
		return err
	}
	ex, err := extract.New()
	if err != nil {
		return err
	}
	db, err := g.openStore()
	if err != nil {
		return err
	}
	defer db.Close()

	start := time.Now()
	var st ingestStats
	bar := newProgress(g.Stderr, len(paths))
	var failures []error
	one := func(f inputFile) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		// Stored content is skipped before the costly extraction, so a
		// resumed ingest goes straight to the documents it has not done.
		if done, err := db.Has(extract.Hash(f.In.Text)); err != nil {
			return err
		} else if done {
			st.Skipped++
			return nil
		}
		doc, err := ex.Extract(ctx, f.In)
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return err
			}
			return inputErr{f.Path, err}
		}
		path := f.Path
		if path == "-" {
			path = "" // standard input names no file to replace
		}
		facts := graph.FromDocument(doc, path)
		added, err := db.Put(facts)
		if err != nil {
			return err
		}
		if added {
			st.Added++
			st.Tokens += len(doc.Tokens)
			st.Entities += len(facts.Entities)
			st.Relations += len(facts.Relations)
		} else {
			st.Skipped++
		}
		return nil
	}
	for _, p := range paths {
		if o.Input == "jsonl" {
			r, closeFn, err := openPath(p, g.Stdin)
			if err != nil {
				failures = append(failures, inputErr{p, err})
				continue
			}
			errs := readJSONLines(p, r, func(f inputFile) error {
				err := one(f)
				if err != nil && errors.Is(err, context.Canceled) {
					return err
				}
				return err
			})
			closeFn()
			failures = append(failures, errs...)
		} else {
			// read.go: bounded memory, long files in parts; binary and
			// empty files are skipped (and count as failed).
			n, err := readParts(p, g.Stdin, func(f inputFile) error {
				err := one(f)
				if err != nil && !errors.Is(err, context.Canceled) {
					failures = append(failures, err)
					return nil
				}
				return err
			})
			switch {
			case errors.Is(err, context.Canceled):
				return err
			case err != nil:
				failures = append(failures, inputErr{p, err})
			case p != "-":
				if _, err := db.RemoveStaleParts(p, n); err != nil {
					return err
				}
			}
		}
		bar.step(p)
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	bar.done()
	if _, err := db.ReindexIfStale(); err != nil {
		return err
	}
	st.Failed = len(failures)
	for _, f := range failures {
		fmt.Fprintf(g.Stderr, "kgx: %v\n", f)
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(g.Stderr, "ingested %d documents (%d already stored, %d failed): %d tokens, %d entities, %d relations in %.1fs into %s\n",
		st.Added, st.Skipped, st.Failed, st.Tokens, st.Entities, st.Relations, secs, g.DB)
	if st.Failed > 0 {
		return silentError{exitFailed}
	}
	return nil
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
	n, of int
	start time.Time
}

func newProgress(w io.Writer, of int) *progress {
	on := false
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		on = true
	}
	return &progress{w: w, on: on, of: of, start: time.Now()}
}

func (p *progress) step(name string) {
	p.n++
	if !p.on {
		return
	}
	const width = 30
	filled := width * p.n / max(p.of, 1)
	rate := float64(p.n) / time.Since(p.start).Seconds()
	if len(name) > 40 {
		name = "…" + name[len(name)-39:]
	}
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d %.1f docs/s %-40s", strings.Repeat("=", filled), strings.Repeat(" ", width-filled), p.n, p.of, rate, name)
}

func (p *progress) done() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
