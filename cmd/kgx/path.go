package main

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/graph"
	"github.com/kgx-project/kgx/store"
)

type pathOptions struct {
	K    int
	JSON bool
}

// maxPathExpand bounds the single shortest path search (entities
// expanded); past it the answer is "no path found within the limit".
const maxPathExpand = 200000

func newPathCmd(g *globalOptions) *cobra.Command {
	o := &pathOptions{}
	cmd := &cobra.Command{
		Use:   "path A B",
		Short: "Find how two entities are connected",
		Long: `Path finds the shortest chains of typed relations (in either direction)
between two entities, fewest hops first: one by a bidirectional breadth-first
search, or with --k N up to N loopless paths by Yen's algorithm. Each hop
shows its relations and the sentence that proves the strongest one. It reads
only the entities the search reaches.` + exitStatusHelp,
		Example: `  kgx path "Ri Chang Dae" "Kim Jong Un"
  kgx path Shoigu Putin --k 3 --json`,
		Args: cobra.ExactArgs(2),
		PreRunE: func(cmd *cobra.Command, args []string) error {
			if o.K < 1 || o.K > 100 {
				return usagef("--k %d: want 1 to 100", o.K)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return runPath(args[0], args[1], o, g) },
	}
	cmd.Flags().IntVar(&o.K, "k", 1, "how many paths (k shortest)")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	return cmd
}

type pathNodeJSON struct {
	ID   int64  `json:"id,string"`
	Name string `json:"name"`
	Type string `json:"type"`
}

type pathEdgeJSON struct {
	Source   int64  `json:"source,string"`
	Target   int64  `json:"target,string"`
	Type     string `json:"type"`
	Category string `json:"category"`
	Evidence string `json:"evidence"`
	Count    int    `json:"count"`
	Doc      string `json:"doc,omitempty"`
	Title    string `json:"title,omitempty"`
	Date     string `json:"date,omitempty"`
	Others   int    `json:"other_relations"`    // more relations between the same two entities
	Negated  bool   `json:"negated,omitempty"`  // the evidence says it did not happen
	Modality string `json:"modality,omitempty"` // planned or reported; empty when asserted
}

type pathJSON struct {
	Nodes []pathNodeJSON `json:"nodes"`
	Edges []pathEdgeJSON `json:"edges"`
}

// neighbourIDs reads the ids linked to an entity, sorted and distinct.
func neighbourIDs(db *store.View) graph.Neighbours {
	return func(id int64) ([]int64, error) {
		ls, err := db.Links(id)
		if err != nil {
			return nil, err
		}
		ids := make([]int64, 0, len(ls))
		for _, l := range ls {
			ids = append(ids, l.Other)
		}
		slices.Sort(ids)
		return slices.Compact(ids), nil
	}
}

// findPaths returns up to k shortest paths between a and b as entity ids.
func findPaths(db *store.View, a, b int64, k int) ([][]int64, error) {
	if k == 1 {
		p, err := graph.ShortestPath(a, b, neighbourIDs(db), maxPathExpand)
		if err != nil || p == nil {
			return nil, err
		}
		return [][]int64{p}, nil
	}
	return graph.KShortestPaths(a, b, k, neighbourIDs(db))
}

func runPath(nameA, nameB string, o *pathOptions, g *globalOptions) error {
	return withView(g, func(db *store.View) error {
		l := newLookup(db)
		a, err := l.find(nameA, g.Stderr)
		if err != nil {
			return err
		}
		b, err := l.find(nameB, g.Stderr)
		if err != nil {
			return err
		}
		if a.ID == b.ID {
			return usagef("%q and %q are the same entity, %s", nameA, nameB, clean(a.Name))
		}
		ps, err := findPaths(db, a.ID, b.ID, o.K)
		if errors.Is(err, graph.ErrTooFar) {
			return notFoundError{fmt.Sprintf("no path between %s and %s within %d entities searched", clean(a.Name), clean(b.Name), maxPathExpand)}
		}
		if err != nil {
			return err
		}
		if len(ps) == 0 {
			return notFoundError{fmt.Sprintf("no path between %s and %s", clean(a.Name), clean(b.Name))}
		}
		out := make([]pathJSON, 0, len(ps))
		for _, p := range ps {
			v, err := pathView(l, p)
			if err != nil {
				return err
			}
			out = append(out, v)
		}
		if o.JSON {
			return writeJSON(g.Stdout, out)
		}
		for i, p := range out {
			if i > 0 {
				fmt.Fprintln(g.Stdout)
			}
			fmt.Fprintf(g.Stdout, "path %d: %d hop(s)\n", i+1, len(p.Edges))
			names := map[int64]string{}
			for _, n := range p.Nodes {
				names[n.ID] = n.Name
			}
			for j, e := range p.Edges {
				from, to := p.Nodes[j], p.Nodes[j+1]
				fmt.Fprintf(g.Stdout, "  %s (%s)\n", clean(from.Name), from.Type)
				arrow := fmt.Sprintf("--%s-->", clean(e.Type))
				if e.Source != from.ID {
					arrow = fmt.Sprintf("<--%s--", clean(e.Type))
				}
				more := ""
				if e.Others > 0 {
					more = fmt.Sprintf(" (+%d more relations)", e.Others)
				}
				fmt.Fprintf(g.Stdout, "    %s x%d%s\n", arrow, e.Count, more)
				if e.Evidence != "" {
					ev := evidenceJSON{Doc: e.Doc, Title: e.Title, Date: e.Date, Negated: e.Negated, Modality: e.Modality}
					fmt.Fprintf(g.Stdout, "      %s“%s” (%s)\n", hedge(ev), clean(e.Evidence), clean(source(ev)))
				}
				if j == len(p.Edges)-1 {
					fmt.Fprintf(g.Stdout, "  %s (%s)\n", clean(to.Name), to.Type)
				}
			}
		}
		return nil
	})
}

// pathView describes a path: its entities, and for each hop the
// strongest relation between the two (highest count, then label) with
// its earliest evidence.
func pathView(l *lookup, p []int64) (pathJSON, error) {
	v := pathJSON{Nodes: []pathNodeJSON{}, Edges: []pathEdgeJSON{}}
	for _, id := range p {
		r, err := l.ref(id)
		if err != nil {
			return v, err
		}
		v.Nodes = append(v.Nodes, pathNodeJSON(r))
	}
	for i := 1; i < len(p); i++ {
		rs, err := l.db.Between(p[i-1], p[i])
		if err != nil {
			return v, err
		}
		if len(rs) == 0 {
			return v, fmt.Errorf("path: no relation between %d and %d (store changed?)", p[i-1], p[i])
		}
		best := slices.MinFunc(rs, func(a, b graph.Relation) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Label, b.Label), cmp.Compare(a.Source, b.Source))
		})
		e := pathEdgeJSON{Source: best.Source, Target: best.Target, Type: best.Label, Category: best.Category, Count: best.Count, Others: len(rs) - 1}
		if len(best.Evidence) > 0 {
			evs := make([]evidenceJSON, 0, len(best.Evidence))
			for _, ev := range best.Evidence {
				evs = append(evs, l.evidence(ev))
			}
			ev := slices.MinFunc(evs, compareEvidence) // a sentence that asserts the relation, earliest first
			e.Evidence, e.Doc, e.Title, e.Date, e.Negated, e.Modality = ev.Sentence, ev.Doc, ev.Title, ev.Date, ev.Negated, ev.Modality
		}
		v.Edges = append(v.Edges, e)
	}
	return v, nil
}
