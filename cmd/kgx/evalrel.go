package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/extract"
)

type evalRelationsOptions struct {
	JSON      bool
	Baseline  bool
	GoldParse bool
}

// newEvalRelationsCmd is "kgx eval relations FILE...": register it under
// the eval command group (cmd/kgx/eval.go).
func newEvalRelationsCmd(g *globalOptions) *cobra.Command {
	o := &evalRelationsOptions{}
	cmd := &cobra.Command{
		Use:   "relations FILE...",
		Short: "Score typed relations against gold JSONL",
		Long: `Relations runs the extractor over each gold item and scores the typed
relations it finds against the gold: precision, recall and F1 of (source,
target, category) triples, directed and undirected, of (source, target) pairs
whatever the category, and per category.

Each line of FILE is one item:
  {"id":"DEMO-00","date":"1995-01-01","text":"...",
   "relations":[{"source":["Arnor"],"target":["Gondor"],"category":"COOPERATE"}]}
source and target list the names that count (an entity's name, alias or
mention text, compared case- and accent-folded; "Shoigu" matches "Sergei
Shoigu"); category is a PLOVER category or ATTRIBUTE. An item with no
relations counts whatever is predicted in it as false positives. Negated
relations are not predictions; attribute relations are scored only when the
gold has some. The gold sets in testdata/relations are derived from the
PETRARCH2 unit tests, the UniversalPetrarch validation records and re3d (see
testdata/relations/README.md).` + exitStatusHelp,
		Example: `  kgx eval relations testdata/relations/universalpetrarch-gsr.jsonl
  kgx eval relations --json testdata/relations/*.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEvalRelations(cmd.Context(), o, g, args)
		},
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print the scores as JSON")
	cmd.Flags().BoolVar(&o.GoldParse, "gold-parse", false, "also score relations over the items' gold dependency parses (\"conllu\" field), isolating the relation stage from the tokeniser, tagger and parser")
	cmd.Flags().BoolVar(&o.Baseline, "baseline", false, "also score the word-window baseline (nearest entities around a trigger verb) in the same run")
	return cmd
}

type scoreView struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func viewScore(s extract.Score) scoreView {
	return scoreView{s.TP, s.FP, s.FN, s.Precision(), s.Recall(), s.F1()}
}

type evalRelationsView struct {
	File       string               `json:"file"`
	Method     string               `json:"method"`
	Items      int                  `json:"items"`
	Gold       int                  `json:"gold"`
	Predicted  int                  `json:"predicted"`
	Triple     scoreView            `json:"triple"`
	Undirected scoreView            `json:"undirected"`
	Pair       scoreView            `json:"pair"`
	ByCategory map[string]scoreView `json:"by_category"`
}

func runEvalRelations(ctx context.Context, o *evalRelationsOptions, g *globalOptions, files []string) error {
	type method struct {
		name string
		ex   *extract.Extractor
		opts extract.RelEvalOptions
	}
	ex, err := extract.New()
	if err != nil {
		return err
	}
	methods := []method{{"parse", ex, extract.RelEvalOptions{}}}
	if o.GoldParse {
		methods = append(methods, method{"gold-parse", ex, extract.RelEvalOptions{GoldParse: true}})
	}
	if o.Baseline {
		wx, err := extract.New(extract.WithWindowRelations())
		if err != nil {
			return err
		}
		methods = append(methods, method{"window", wx, extract.RelEvalOptions{}})
	}
	var views []evalRelationsView
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("eval relations: %w", err)
		}
		items, err := extract.ReadRelationGold(f, path)
		f.Close()
		if err != nil {
			return fmt.Errorf("eval relations: %w", err)
		}
		for _, m := range methods {
			ev, err := m.ex.EvalRelations(ctx, items, m.opts)
			if err != nil {
				return fmt.Errorf("eval relations %s: %w", path, err)
			}
			v := evalRelationsView{File: path, Method: m.name, Items: ev.Items, Gold: ev.Gold, Predicted: ev.Predicted,
				Triple: viewScore(ev.Triple), Undirected: viewScore(ev.Undirected), Pair: viewScore(ev.Pair),
				ByCategory: map[string]scoreView{}}
			for _, c := range ev.Categories() {
				v.ByCategory[c] = viewScore(*ev.ByCategory[c])
			}
			views = append(views, v)
			if o.JSON {
				continue
			}
			if ev.Items == 0 {
				continue // no gold parses in this file
			}
			fmt.Fprintf(g.Stdout, "%s [%s relations]: %d items, %d gold relations, %d predicted\n", path, m.name, ev.Items, ev.Gold, ev.Predicted)
			tw := tabwriter.NewWriter(g.Stdout, 2, 4, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintln(tw, "match\tP\tR\tF1\tTP\tFP\tFN\t")
			row := func(name string, s extract.Score) {
				fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t\n", name, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
			}
			row("source,target,category", ev.Triple)
			row("undirected", ev.Undirected)
			row("source,target", ev.Pair)
			for _, c := range ev.Categories() {
				row("  "+c, *ev.ByCategory[c])
			}
			tw.Flush()
			if g.Verbose {
				for _, miss := range ev.Misses {
					fmt.Fprintln(g.Stderr, "missed:", miss)
				}
			}
		}
	}
	if o.JSON {
		enc := json.NewEncoder(g.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(views)
	}
	return nil
}
