package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/extract"
)

type extractOptions struct {
	Input  string
	Events bool
}

func newExtractCmd(g *globalOptions) *cobra.Command {
	o := &extractOptions{}
	cmd := &cobra.Command{
		Use:   "extract [PATH...|-]",
		Short: "Print what kgx finds in articles, as JSON lines, without storing",
		Long: `Extract runs the pipeline on each input and prints one JSON object per
document per line: its entities with their mentions (byte offsets into the
input, end exclusive) and its relations with the evidence sentence. Nothing is
stored. With no PATH it reads standard input.

Inputs are read as 'kgx ingest' reads them: binary and empty files are skipped
with a warning naming the file; UTF-16 is decoded, a byte-order mark dropped,
CRLF made LF, invalid UTF-8 and NUL bytes replaced with U+FFFD; HTML (without
scripts, styles and navigation) and Markdown become text; a file over 2 MiB is
cut into parts, each printed as a document of its own. Each
failed input is reported, every good one is printed, and the exit status is 1
if any failed.

With --input jsonl each input line is {"id","text"} plus optional "title",
"date" (YYYY-MM-DD) and "url"; a line that is not such an object is reported
with its number (PATH:LINE) and the others are extracted.

With --events each object also lists "events": interactions that have a date
or a place, as nodes of their own ({"type","category","trigger",
"participants","place","date","evidence","start","end"}).` + exitStatusHelp,
		Example: `  kgx extract testdata/news/dprk-russia-security-ties-deepen.txt
  echo '{"id":"a1","text":"Sergei Shoigu met Kim Jong Un in Pyongyang."}' | kgx extract --input jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(cmd.Context(), o, g, args)
		},
	}
	cmd.Flags().StringVar(&o.Input, "input", "text", "input kind: text (text, Markdown, HTML files) or jsonl")
	cmd.Flags().BoolVar(&o.Events, "events", false, "also list event nodes (interactions with a date or place)")
	return cmd
}

func runExtract(ctx context.Context, o *extractOptions, g *globalOptions, args []string) error {
	if o.Input != "text" && o.Input != "jsonl" {
		return usagef("--input must be text or jsonl, not %q", o.Input)
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	paths, err := expandPaths(args)
	if err != nil {
		return err
	}
	var opts []extract.Option
	if o.Events {
		opts = append(opts, extract.WithEvents())
	}
	ex, err := extract.New(opts...)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(g.Stdout)
	enc.SetEscapeHTML(false)
	// The inputs are read as 'kgx ingest' reads them (read.go): binary and
	// empty files skipped with a warning naming them, UTF-16 decoded, BOMs
	// dropped, CRLF made LF, invalid UTF-8 and NUL made U+FFFD, HTML and
	// Markdown made text, long files in parts (path#1, path#2, ...), bad
	// JSONL lines reported with their number. A failed input is reported
	// and the others are still extracted; the exit status is then 1.
	var failures []error
	var fatal error // cancelled, or the output failed: stop
	one := func(f inputFile) error {
		if fatal != nil {
			return fatal
		}
		doc, err := ex.Extract(ctx, f.In)
		if isCancel(err) {
			fatal = err
			return err
		}
		if err != nil {
			failures = append(failures, inputErr{f.Path, err})
			return nil
		}
		v := extractView(doc)
		if o.Events {
			v.Events = eventsView(doc)
		}
		if err := enc.Encode(v); err != nil {
			fatal = fmt.Errorf("write output: %w", err)
			return fatal
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
			errs := readJSONLines(p, r, one)
			closeFn()
			if fatal == nil {
				failures = append(failures, errs...)
			}
		} else if _, err := readParts(p, g.Stdin, one); err != nil && fatal == nil {
			failures = append(failures, inputErr{p, err})
		}
		if fatal != nil {
			break
		}
	}
	for _, f := range failures {
		fmt.Fprintf(g.Stderr, "kgx: %v\n", f)
	}
	if fatal != nil {
		return fatal
	}
	if len(failures) > 0 {
		return silentError{exitFailed}
	}
	return nil
}
