package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/extract"
)

type tagOptions struct {
	Model string
}

func newTagCmd(g *globalOptions) *cobra.Command {
	o := &tagOptions{}
	cmd := &cobra.Command{
		Use:   "tag [FILE|-] [--model kgx|prose]",
		Short: "Tag CoNLL-style token lines with BIO entity tags",
		Long: `Tag reads CoNLL-style lines (token in the first column, other columns
ignored; a blank line ends a sentence; a -DOCSTART- line starts a new document
and is passed through) and writes every input line unchanged plus a TAB and
the predicted BIO tag (B-PERSON, I-ORG, O, ...). -DOCSTART- lines get O and
blank lines stay blank, so exactly as many lines come out as go in.

--model prose tags with prose v2's default model instead, for comparison.` + exitStatusHelp,
		Example: `  kgx tag dev/wikigold.conll > wikigold.tagged
  kgx eval ner --tagged wikigold.tagged`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTag(cmd.Context(), o, g, args)
		},
	}
	cmd.Flags().StringVar(&o.Model, "model", extract.TaggerKGX, "tagger: kgx or prose")
	return cmd
}

func runTag(ctx context.Context, o *tagOptions, g *globalOptions, args []string) error {
	if o.Model != extract.TaggerKGX && o.Model != extract.TaggerProse {
		return usagef("--model must be kgx or prose, not %q", o.Model)
	}
	var r io.Reader = g.Stdin
	name := "stdin"
	if len(args) == 1 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			return fmt.Errorf("tag: %w", err)
		}
		defer f.Close()
		r, name = f, args[0]
	}
	return extract.Tag(ctx, r, g.Stdout, name, o.Model)
}
