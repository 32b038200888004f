package main

import (
	"context"
	"encoding/json"
	"errors"
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

With --input jsonl each input line is {"id","text"} plus optional "title",
"date" (YYYY-MM-DD) and "url".

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
	var failures []error
	one := func(f inputFile) error {
		doc, err := ex.Extract(ctx, f.In)
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return err
			}
			return inputErr{f.Path, err}
		}
		v := extractView(doc)
		if o.Events {
			v.Events = eventsView(doc)
		}
		return enc.Encode(v)
	}
	for _, p := range paths {
		if o.Input == "jsonl" {
			r, closeFn, err := openPath(p, g.Stdin)
			if err != nil {
				failures = append(failures, inputErr{p, err})
				continue
			}
			failures = append(failures, readJSONL(p, r, one)...)
			closeFn()
			continue
		}
		f, err := readInput(p, g.Stdin)
		if err != nil {
			failures = append(failures, inputErr{p, err})
			continue
		}
		if err := one(f); err != nil {
			if errors.Is(err, context.Canceled) {
				return err
			}
			failures = append(failures, err)
		}
	}
	for _, f := range failures {
		fmt.Fprintf(g.Stderr, "kgx: %v\n", f)
	}
	if len(failures) > 0 {
		return silentError{exitFailed}
	}
	return nil
}
