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

type communitiesOptions struct {
	Resolution float64
	Seed       uint64
	MinSize    int
	Limit      int
	JSON       bool
}

func newCommunitiesCmd(g *globalOptions) *cobra.Command {
	o := &communitiesOptions{}
	cmd := &cobra.Command{
		Use:   "communities",
		Short: "Find groups of closely linked entities",
		Long: `Communities partitions the graph of typed relations (taken as undirected,
weighted by count) with the Louvain method, and names each community by its
three most mentioned members. A higher --resolution gives more, smaller
communities. The same --seed gives the same communities.` + exitStatusHelp,
		Example: `  kgx communities
  kgx communities --resolution 2 --json`,
		Args: cobra.NoArgs,
		PreRunE: func(cmd *cobra.Command, args []string) error {
			if o.Resolution <= 0 {
				return usagef("--resolution %v: want more than 0", o.Resolution)
			}
			if o.MinSize < 1 || o.Limit < 0 {
				return usagef("--min-size wants 1 or more and --limit 0 or more")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return runCommunities(o, g) },
	}
	cmd.Flags().Float64Var(&o.Resolution, "resolution", 1, "Louvain resolution (1: standard modularity)")
	cmd.Flags().Uint64Var(&o.Seed, "seed", 1, "random seed")
	cmd.Flags().IntVar(&o.MinSize, "min-size", 2, "leave out communities smaller than this")
	cmd.Flags().IntVar(&o.Limit, "limit", 0, "show this many communities, largest first (0: all)")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	return cmd
}

type memberJSON struct {
	ID   int64  `json:"id,string"`
	Name string `json:"name"`
	Type string `json:"type"`
}

type communityJSON struct {
	ID      int          `json:"id"`
	Name    string       `json:"name"`
	Members []memberJSON `json:"members"`
}

func runCommunities(o *communitiesOptions, g *globalOptions) error {
	return withView(g, func(db *store.View) error {
		gr, err := db.Graph(false)
		if err != nil {
			return err
		}
		out := []communityJSON{}
		for _, c := range graph.Communities(gr, o.Resolution, o.Seed) {
			if len(c) < o.MinSize || (o.Limit > 0 && len(out) == o.Limit) {
				continue
			}
			es := make([]*graph.Entity, 0, len(c))
			for _, id := range c {
				es = append(es, gr.Entity(id))
			}
			// Members most mentioned first; the first three name the community.
			slices.SortStableFunc(es, func(a, b *graph.Entity) int {
				return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
			})
			cj := communityJSON{ID: len(out) + 1, Members: make([]memberJSON, 0, len(es))}
			var top []string
			for _, e := range es {
				cj.Members = append(cj.Members, memberJSON{e.ID, e.Name, e.Type.String()})
				if len(top) < 3 {
					top = append(top, e.Name)
				}
			}
			cj.Name = strings.Join(top, ", ")
			out = append(out, cj)
		}
		if len(out) == 0 {
			return notFoundError{fmt.Sprintf("no communities of %d or more entities", o.MinSize)}
		}
		if o.JSON {
			return writeJSON(g.Stdout, out)
		}
		for i, c := range out {
			if i > 0 {
				fmt.Fprintln(g.Stdout)
			}
			fmt.Fprintf(g.Stdout, "community %d: %s (%d members)\n", c.ID, clean(c.Name), len(c.Members))
			tw := table(g.Stdout)
			for _, m := range c.Members {
				fmt.Fprintf(tw, "  %s\t%s\n", clean(m.Name), m.Type)
			}
			tw.Flush()
		}
		return nil
	})
}
