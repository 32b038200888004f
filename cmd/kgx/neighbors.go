package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
	"github.com/kgx-project/kgx/store"
)

type neighborsOptions struct {
	Depth    int
	Rel      []string
	Category string
	Type     string
	Limit    int
	JSON     bool

	typ extract.EntityType
}

func newNeighborsCmd(g *globalOptions) *cobra.Command {
	o := &neighborsOptions{}
	cmd := &cobra.Command{
		Use:     "neighbors NAME",
		Aliases: []string{"neighbours"},
		Short:   "List the entities linked to one entity, up to a depth",
		Long: `Neighbors walks the typed relations (either direction) out from the entity
with this name or alias, breadth first, up to --depth hops, following only
the relations with the --rel labels and --category if given, and only into
entities of --type if given. It prints each relation found with the depth
of its farther end. It reads only the entities it reaches.` + exitStatusHelp,
		Example: `  kgx neighbors "Kim Jong Un"
  kgx neighbors Shoigu --depth 2 --rel met,visited --type PERSON
  kgx neighbors Shoigu --json | jq '.nodes[].name'`,
		Args:    cobra.ExactArgs(1),
		PreRunE: func(cmd *cobra.Command, args []string) error { return o.finalize() },
		RunE:    func(cmd *cobra.Command, args []string) error { return runNeighbors(args[0], o, g) },
	}
	cmd.Flags().IntVar(&o.Depth, "depth", 1, "how many hops to walk (1 to 6)")
	cmd.Flags().StringSliceVar(&o.Rel, "rel", nil, "follow only relations with these labels (comma-separated: met,visited)")
	cmd.Flags().StringVar(&o.Category, "category", "", "follow only relations of this category (CONSULT, ...)")
	cmd.Flags().StringVar(&o.Type, "type", "", "reach only entities of this type (PERSON, ORG, GPE, ...)")
	cmd.Flags().IntVar(&o.Limit, "limit", 1000, "stop after reaching this many entities")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	return cmd
}

func (o *neighborsOptions) finalize() error {
	if o.Depth < 1 || o.Depth > 6 {
		return usagef("--depth %d: want 1 to 6", o.Depth)
	}
	if o.Limit < 1 {
		return usagef("--limit %d: want 1 or more", o.Limit)
	}
	var err error
	o.typ, err = parseTypeFlag(o.Type)
	return err
}

type nodeJSON struct {
	ID    int64  `json:"id,string"`
	Name  string `json:"name"`
	Type  string `json:"type"`
	Depth int    `json:"depth"`
}

type edgeJSON struct {
	Source   int64  `json:"source,string"`
	Target   int64  `json:"target,string"`
	Type     string `json:"type"`
	Category string `json:"category"`
	Count    int    `json:"count"`
}

type neighborsJSON struct {
	Nodes []nodeJSON `json:"nodes"`
	Edges []edgeJSON `json:"edges"`
}

func runNeighbors(name string, o *neighborsOptions, g *globalOptions) error {
	return withView(g, func(db *store.View) error {
		l := newLookup(db)
		root, err := l.find(name, g.Stderr)
		if err != nil {
			return err
		}
		v, truncated, err := neighborhood(l, root, o)
		if err != nil {
			return err
		}
		if truncated {
			fmt.Fprintf(g.Stderr, "kgx: stopped at --limit %d entities\n", o.Limit)
		}
		if o.JSON {
			return writeJSON(g.Stdout, v)
		}
		if len(v.Edges) == 0 {
			return notFoundError{fmt.Sprintf("%s has no neighbours that match", clean(root.Name))}
		}
		nodes := map[int64]nodeJSON{}
		for _, n := range v.Nodes {
			nodes[n.ID] = n
		}
		fmt.Fprintf(g.Stdout, "%s (%s): %d entities within %d hop(s)\n", clean(root.Name), root.Type, len(v.Nodes)-1, o.Depth)
		tw := table(g.Stdout)
		fmt.Fprintln(tw, "DEPTH\tSOURCE\tRELATION\tTARGET\tCATEGORY\tCOUNT")
		for _, e := range v.Edges {
			s, t := nodes[e.Source], nodes[e.Target]
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\n", max(s.Depth, t.Depth), clean(s.Name), clean(e.Type), clean(t.Name), clean(e.Category), e.Count)
		}
		return tw.Flush()
	})
}

// neighborhood walks out from root breadth first. Edges come sorted by
// depth, count (highest first) and names.
func neighborhood(l *lookup, root *graph.Entity, o *neighborsOptions) (neighborsJSON, bool, error) {
	f := relationFilter{labels: o.Rel, category: o.Category}
	v := neighborsJSON{Nodes: []nodeJSON{{root.ID, root.Name, root.Type.String(), 0}}, Edges: []edgeJSON{}}
	depth := map[int64]int{root.ID: 0}
	seenEdge := map[edgeJSON]bool{}
	frontier := []int64{root.ID}
	truncated := false
	for d := 1; d <= o.Depth && len(frontier) > 0; d++ {
		var next []int64
		for _, u := range frontier {
			out, in, err := l.relations(u)
			if err != nil {
				return v, false, err
			}
			for _, r := range append(out, in...) {
				if _, ok := f.keep(r); !ok {
					continue
				}
				other := r.Target
				if other == u {
					other = r.Source
				}
				if _, ok := depth[other]; !ok {
					e, err := l.entity(other)
					if err != nil {
						return v, false, err
					}
					if o.typ != extract.NoType && e.Type != o.typ {
						continue
					}
					if len(v.Nodes)-1 >= o.Limit {
						truncated = true
						continue
					}
					depth[other] = d
					v.Nodes = append(v.Nodes, nodeJSON{other, e.Name, e.Type.String(), d})
					next = append(next, other)
				}
				k := edgeJSON{Source: r.Source, Target: r.Target, Type: r.Label, Category: r.Category, Count: r.Count}
				if !seenEdge[k] {
					seenEdge[k] = true
					v.Edges = append(v.Edges, k)
				}
			}
		}
		frontier = next
	}
	name := func(id int64) string { e, _ := l.entity(id); return e.Name }
	slices.SortStableFunc(v.Edges, func(a, b edgeJSON) int {
		da, db := max(depth[a.Source], depth[a.Target]), max(depth[b.Source], depth[b.Target])
		return cmp.Or(cmp.Compare(da, db), cmp.Compare(b.Count, a.Count),
			strings.Compare(name(a.Source), name(b.Source)), strings.Compare(name(a.Target), name(b.Target)), cmp.Compare(a.Type, b.Type))
	})
	slices.SortStableFunc(v.Nodes[1:], func(a, b nodeJSON) int {
		return cmp.Or(cmp.Compare(a.Depth, b.Depth), strings.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return v, truncated, nil
}
