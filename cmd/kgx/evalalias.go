package main

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

type evalAliasesOptions struct {
	Dir    string
	Genres string
	Errors int
	AsJSON bool
}

func (o *evalAliasesOptions) addFlags(cmd *cobra.Command) {
	dataDir := cmp.Or(os.Getenv("KGX_DATA"), "../shared/data")
	cmd.Flags().StringVar(&o.Dir, "gum", filepath.Join(dataDir, "ner/gum"), "GUM directory (CoNLL-U files with Entity= annotations)")
	cmd.Flags().StringVar(&o.Genres, "genres", "news,bio", "comma-separated GUM genres to read")
	cmd.Flags().IntVar(&o.Errors, "errors", 0, "also print this many wrong merges and splits")
	cmd.Flags().BoolVar(&o.AsJSON, "json", false, "print JSON")
}

func newEvalAliasesCmd(g *globalOptions) *cobra.Command {
	o := &evalAliasesOptions{}
	cmd := &cobra.Command{
		Use:   "aliases",
		Short: "Score name clustering (entity resolution) on GUM's coreference",
		Long: `Aliases reads the GUM documents of the chosen genres, takes every person,
organisation, place and event mention that contains a proper name (its first
run of proper nouns, as a name tagger would find it), resolves them as kgx
does (within each document, then across all of them), and scores the clusters
with B-cubed and pairwise precision, recall and F1: within documents against
GUM's coreference groups, and across documents against the Wikipedia
identities GUM links mentions to. The baseline groups mentions by exact
normalised name and type class only.` + exitStatusHelp,
		Example: `  kgx eval aliases --gum ../shared/data/ner/gum --genres news,bio`,
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return runEvalAliases(o, g) },
	}
	o.addFlags(cmd)
	return cmd
}

func runEvalAliases(o *evalAliasesOptions, g *globalOptions) error {
	var files []string
	for _, genre := range strings.Split(o.Genres, ",") {
		m, err := filepath.Glob(filepath.Join(o.Dir, "GUM_"+strings.TrimSpace(genre)+"_*.conllu"))
		if err != nil {
			return usagef("--genres %q: %v", o.Genres, err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		return usagef("no GUM_{%s}_*.conllu files in %s (set --gum)", o.Genres, o.Dir)
	}
	slices.Sort(files)
	var docs []graph.GoldDoc
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			return err
		}
		d, gold, err := extract.ReadGUMCoref(r, strings.TrimSuffix(filepath.Base(f), ".conllu"))
		r.Close()
		if err != nil {
			return err
		}
		docs = append(docs, graph.GoldDoc{Doc: d, Gold: gold})
	}
	ev := graph.EvalAliases(docs)
	if o.AsJSON {
		return writeJSON(g.Stdout, ev)
	}
	w := table(g.Stdout)
	fmt.Fprintf(w, "GUM %s: %d documents\n", o.Genres, ev.Docs)
	fmt.Fprintln(w, "scope\tsystem\tmentions\tgold\tclusters\tB3 P\tB3 R\tB3 F1\tpair P\tpair R\tpair F1")
	for _, row := range []struct {
		scope, sys string
		s          graph.ClusterScore
	}{
		{"within documents", "exact key", ev.WithinBaseline}, {"within documents", "kgx", ev.Within},
		{"across documents", "exact key", ev.AcrossBaseline}, {"across documents", "kgx", ev.Across},
	} {
		s := row.s
		fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\n", row.scope, row.sys, s.Mentions, s.GoldClusters, s.Clusters,
			s.B3P, s.B3R, s.B3F, s.PairP, s.PairR, s.PairF)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(g.Stdout, "links across documents only (pairs of mentions in different documents): exact key P %.3f R %.3f F1 %.3f; kgx P %.3f R %.3f F1 %.3f\n",
		ev.AcrossBaseline.CrossP, ev.AcrossBaseline.CrossR, ev.AcrossBaseline.CrossF, ev.Across.CrossP, ev.Across.CrossR, ev.Across.CrossF)
	if o.Errors > 0 {
		fmt.Fprintln(g.Stdout, "\nwrong merges (entity <- identities):")
		for _, m := range ev.Merges[:min(o.Errors, len(ev.Merges))] {
			fmt.Fprintln(g.Stdout, "  "+clean(m))
		}
		fmt.Fprintln(g.Stdout, "\nsplits (identity -> entities):")
		for _, s := range ev.Splits[:min(o.Errors, len(ev.Splits))] {
			fmt.Fprintln(g.Stdout, "  "+clean(s))
		}
	}
	return nil
}
