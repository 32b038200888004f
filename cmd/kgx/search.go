package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/graph"
	"github.com/kgx-project/kgx/store"
)

type searchOptions struct {
	Limit int
	JSON  bool
}

func newSearchCmd(g *globalOptions) *cobra.Command {
	o := &searchOptions{}
	cmd := &cobra.Command{
		Use:   "search TEXT...",
		Short: "Find entities and evidence sentences containing words",
		Long: `Search looks the words of TEXT up in the store's search index and prints the
entities whose name or an alias has every word (most mentioned first) and the
evidence sentences that have every word (with document title and date). Case,
diacritics, a possessive 's and common words (the, of, ...) do not matter.` + exitStatusHelp,
		Example: `  kgx search Kursk
  kgx search security council --json`,
		Args: cobra.MinimumNArgs(1),
		PreRunE: func(cmd *cobra.Command, args []string) error {
			if o.Limit < 0 {
				return usagef("--limit %d: want 0 or more", o.Limit)
			}
			if len(store.SearchWords(strings.Join(args, " "))) == 0 {
				return usagef("nothing to search for in %q", strings.Join(args, " "))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return runSearch(strings.Join(args, " "), o, g) },
	}
	cmd.Flags().IntVar(&o.Limit, "limit", 20, "show at most this many entities and this many sentences (0: all)")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	return cmd
}

type searchJSON struct {
	Entities  []entityJSON   `json:"entities"`
	Sentences []evidenceJSON `json:"sentences"`
}

func runSearch(text string, o *searchOptions, g *globalOptions) error {
	return withView(g, func(db *store.View) error {
		l := newLookup(db)
		res, err := db.Search(text, o.Limit)
		if err != nil {
			return err
		}
		v := searchJSON{Entities: []entityJSON{}, Sentences: []evidenceJSON{}}
		var es []*graph.Entity
		for _, id := range res.Entities {
			e, err := l.entity(id)
			if err != nil {
				return err
			}
			es = append(es, e)
		}
		slices.SortStableFunc(es, func(a, b *graph.Entity) int {
			return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.Name, b.Name))
		})
		for i, e := range es {
			if o.Limit > 0 && i == o.Limit {
				break
			}
			v.Entities = append(v.Entities, entityView(e))
		}
		for _, s := range res.Sentences {
			v.Sentences = append(v.Sentences, l.evidence(graph.Evidence{Doc: s.Doc, Sentence: s.Text, Start: s.Start, End: s.End}))
		}
		if len(v.Entities) == 0 && len(v.Sentences) == 0 {
			return notFoundError{fmt.Sprintf("nothing matches %q", clean(text))}
		}
		if o.JSON {
			return writeJSON(g.Stdout, v)
		}
		if len(v.Entities) > 0 {
			tw := table(g.Stdout)
			fmt.Fprintln(tw, "NAME\tTYPE\tMENTIONS\tDOCS")
			for _, e := range v.Entities {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%d\n", clean(e.Name), e.Type, e.Mentions, e.Documents)
			}
			tw.Flush()
		}
		if len(v.Sentences) > 0 {
			if len(v.Entities) > 0 {
				fmt.Fprintln(g.Stdout)
			}
			for _, s := range v.Sentences {
				fmt.Fprintf(g.Stdout, "“%s”\n    (%s)\n", clean(s.Sentence), clean(source(s)))
			}
		}
		return nil
	})
}
