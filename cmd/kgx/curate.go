package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/graph"
	"github.com/kgx-project/kgx/store"
)

const curationHelp = `

Curation is stored with the graph and applied every time the graph is
resolved, so it survives re-ingesting the documents. NAME may be an entity's
display name, any of its aliases, or its key (PERSON:sergei shoigu, as in
'kgx entities --json'); case, hyphens and diacritics do not matter. A later
decision about the same two names overrides an earlier one.`

func newMergeCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "merge NAME OTHER",
		Short: "Merge OTHER into NAME (one real-world entity)",
		Long: `Merge makes OTHER's entity part of NAME's: NAME keeps its id and key, and
OTHER's names become aliases with the rule "curated merge".` + curationHelp + exitStatusHelp,
		Example: `  kgx merge "Sergei Shoigu" "S. K. Shoigu"`,
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCurate(g, graph.Curation{Op: graph.OpMerge, Name: args[0], Other: args[1]})
		},
	}
}

func newSplitCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "split NAME ALIAS",
		Short: "Take the entities named ALIAS out of NAME's entity",
		Long: `Split undoes a merge across documents: the document entities named ALIAS
leave NAME's entity and are never merged back into it automatically. (Links
made inside one document, such as a surname after the full name, are kept.)` + curationHelp + exitStatusHelp,
		Example: `  kgx split "Kim Jong Un" "Kim"`,
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCurate(g, graph.Curation{Op: graph.OpSplit, Name: args[0], Other: args[1]})
		},
	}
}

func newRenameCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:     "rename NAME NEW",
		Short:   "Display NAME's entity as NEW (its id does not change)",
		Long:    `Rename sets the display name of an entity; the id and key stay.` + curationHelp + exitStatusHelp,
		Example: `  kgx rename "Sergei Shoigu" "Sergei Kuzhugetovich Shoigu"`,
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCurate(g, graph.Curation{Op: graph.OpRename, Name: args[0], Other: args[1]})
		},
	}
}

func newIgnoreCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:     "ignore NAME",
		Short:   "Drop a junk entity and its relations",
		Long:    `Ignore hides an entity that is not a real one (a tagging mistake) with its relations.` + curationHelp + exitStatusHelp,
		Example: `  kgx ignore Furthermore`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCurate(g, graph.Curation{Op: graph.OpIgnore, Name: args[0]})
		},
	}
}

func newAliasCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "alias",
		Short: "Add aliases to entities, one at a time or from a CSV file",
		Long:  `Alias records other names of an entity; entities with that name join it.` + curationHelp + exitStatusHelp,
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(&cobra.Command{
		Use:     "add NAME ALIAS",
		Short:   "Record ALIAS as another name of NAME",
		Long:    `Add makes ALIAS a name of NAME's entity (rule "curated alias"); entities named ALIAS, now or in documents ingested later, join it.` + curationHelp + exitStatusHelp,
		Example: `  kgx alias add "Kim Jong Un" "Marshal Kim"`,
		Args:    cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			return runCurate(g, graph.Curation{Op: graph.OpAlias, Name: args[0], Other: args[1]})
		},
	}, &cobra.Command{
		Use:   "import FILE.csv",
		Short: "Record many aliases from a CSV file of name,alias rows",
		Long: `Import reads a CSV file (- for stdin) with one name,alias pair per row; a
header row "name,alias" and lines starting with # are skipped. Every NAME must
name exactly one entity; nothing is stored if any row is bad.` + curationHelp + exitStatusHelp,
		Example: `  kgx alias import aliases.csv`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			r, closeFn, err := openPath(args[0], g.Stdin)
			if err != nil {
				return err
			}
			defer closeFn()
			cs, err := graph.ReadAliasCSV(r)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			return runCurate(g, cs...)
		},
	})
	return cmd
}

func newCurationCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "curation",
		Short: "List the stored curation decisions, in order",
		Long:  `Curation lists every merge, split, alias, rename and ignore recorded, and warns about those that no longer name one entity.` + exitStatusHelp,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := g.openStoreRead()
			if err != nil {
				return err
			}
			defer db.Close()
			cs, err := db.Curations()
			if err != nil {
				return err
			}
			for i, c := range cs {
				fmt.Fprintf(g.Stdout, "%d\t%s\n", i+1, clean(c.String()))
			}
			_, err = resolvedGraph(g, db) // for its warnings
			return err
		},
	}
}

// runCurate checks that each record names existing entities, stores the
// records, and prints the entities they changed.
func runCurate(g *globalOptions, cs ...graph.Curation) error {
	for _, c := range cs {
		if err := c.Validate(); err != nil {
			return usageError{err}
		}
	}
	db, err := g.openStore()
	if err != nil {
		return err
	}
	defer db.Close()
	gr, _, err := db.ResolvedGraph()
	if err != nil {
		return err
	}
	for _, c := range cs {
		if err := checkNames(gr, c); err != nil {
			return err
		}
	}
	if err := db.AddCuration(cs...); err != nil {
		return err
	}
	if _, err := db.ReindexIfStale(); err != nil {
		return err
	}
	return printCurated(g, db, cs)
}

// checkNames requires the names a record refers to to name one entity
// each (an alias being added may be new).
func checkNames(gr *graph.Graph, c graph.Curation) error {
	refs := []string{c.Name}
	if c.Op == graph.OpMerge || c.Op == graph.OpSplit {
		refs = append(refs, c.Other)
	}
	for _, r := range refs {
		es := gr.Find(r)
		switch {
		case len(es) == 0:
			return notFoundError{fmt.Sprintf("%s: no entity named %q", c, r)}
		case len(es) > 1:
			var keys []string
			for _, e := range es {
				keys = append(keys, e.Key)
			}
			return usagef("%s: %q names %d entities; use one of the keys: %s", c, r, len(es), strings.Join(keys, ", "))
		}
	}
	if c.Op == graph.OpMerge && gr.Find(c.Name)[0].ID == gr.Find(c.Other)[0].ID {
		return usagef("%s: already one entity", c)
	}
	if c.Op == graph.OpSplit && gr.Find(c.Name)[0].ID != gr.Find(c.Other)[0].ID {
		return usagef("%s: %q is not part of %q", c, c.Other, c.Name)
	}
	return nil
}

func printCurated(g *globalOptions, db *store.DB, cs []graph.Curation) error {
	gr, err := resolvedGraph(g, db)
	if err != nil {
		return err
	}
	for _, c := range cs {
		if c.Op != graph.OpSplit {
			continue
		}
		a, b := gr.Find(c.Name), gr.Find(c.Other)
		if len(a) == 1 && slices.ContainsFunc(b, func(e *graph.Entity) bool { return e.ID == a[0].ID }) {
			fmt.Fprintf(g.Stderr, "kgx: note: %q is still part of %q: it was linked inside a document, which curation does not undo\n", c.Other, c.Name)
		}
	}
	seen := map[int64]bool{}
	for _, c := range cs {
		fmt.Fprintf(g.Stderr, "recorded: %s\n", clean(c.String()))
		name := c.Name
		if c.Op == graph.OpRename {
			name = c.Other
		}
		for _, n := range []string{name, c.Other} {
			if n == "" || (c.Op != graph.OpSplit && n == c.Other && c.Op != graph.OpRename) {
				continue
			}
			for _, e := range gr.Find(n) {
				if seen[e.ID] {
					continue
				}
				seen[e.ID] = true
				fmt.Fprintf(g.Stdout, "%d\t%s\t%s", e.ID, e.Type, clean(e.Name))
				for _, a := range e.Aliases {
					fmt.Fprintf(g.Stdout, "\t%s [%s]", clean(a.Name), a.Rule)
				}
				fmt.Fprintln(g.Stdout)
			}
		}
	}
	return nil
}
