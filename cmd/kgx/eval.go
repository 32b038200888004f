package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/extract"
)

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
