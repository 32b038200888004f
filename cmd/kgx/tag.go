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

The tags are the names 'kgx extract' finds, as it names its entities: each
document goes through the same tagging, rules and entity resolution, and a
person's title is left out of the name ("Turkish Foreign Minister Hakan
Fidan": B-NORP, O, O, B-PERSON, I-PERSON).

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

func newEvalNERCmd(g *globalOptions) *cobra.Command {
	o := &extract.EvalOptions{}
	cmd := &cobra.Command{
		Use:   "ner FILE...",
		Short: "Score entity tags against gold BIO tags (conlleval semantics)",
		Long: `Eval ner scores named-entity tags on CoNLL-style files whose last column is
the gold BIO tag: it tags them exactly as 'kgx tag' does (with --model) and
prints, per entity type, gold/predicted/correct span counts and precision,
recall and F1 (exact span match, as conlleval), with the micro average last.

--tagged reads files that already carry predictions ('kgx tag' output): gold in
the next-to-last column, prediction in the last. --places merges GPE, LOC and
FAC into PLACE and scores only PERSON, ORG and PLACE.` + exitStatusHelp,
		Example: `  kgx eval ner --places dev/*.conll
  kgx tag dev/wikigold.conll | kgx eval ner --tagged /dev/stdin`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEvalNER(cmd.Context(), o, g, args)
		},
	}
	cmd.Flags().StringVar(&o.Tagger, "model", extract.TaggerKGX, "tagger: kgx or prose")
	cmd.Flags().BoolVar(&o.Tagged, "tagged", false, "files already hold predictions in the last column")
	cmd.Flags().BoolVar(&o.Places, "places", false, "merge GPE/LOC/FAC into PLACE; score PERSON, ORG, PLACE only")
	return cmd
}

func runEvalNER(ctx context.Context, o *extract.EvalOptions, g *globalOptions, args []string) error {
	if o.Tagger != extract.TaggerKGX && o.Tagger != extract.TaggerProse {
		return usagef("--model must be kgx or prose, not %q", o.Tagger)
	}
	return extract.EvalNER(ctx, args, g.Stdout, *o)
}
