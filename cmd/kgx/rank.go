package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
	"github.com/kgx-project/kgx/store"
)

type rankOptions struct {
	By    string
	Type  string
	Limit int
	Seed  uint64
	JSON  bool

	typ extract.EntityType
}

var rankMeasures = []string{"pagerank", "degree", "betweenness", "mentions"}

func newRankCmd(g *globalOptions) *cobra.Command {
	o := &rankOptions{}
	cmd := &cobra.Command{
		Use:   "rank",
		Short: "Rank entities by importance",
		Long: `Rank orders the entities by a measure over the typed relations:
  pagerank     PageRank (damping 0.85), walking relations in proportion to their counts
  degree       the number of distinct entities linked either way
  betweenness  how many shortest paths pass through the entity (edges undirected);
               exact up to ` + fmt.Sprint(graph.ExactBetweennessLimit) + ` entities, else estimated from ` + fmt.Sprint(graph.BetweennessSamples) + ` sampled sources (--seed)
  mentions     how often the entity is mentioned
Scores are computed over the whole graph; --type only filters what is shown.` + exitStatusHelp,
		Example: `  kgx rank
  kgx rank --by betweenness --type PERSON --limit 10
  kgx rank --json | jq '.[0].name'`,
		Args:    cobra.NoArgs,
		PreRunE: func(cmd *cobra.Command, args []string) error { return o.finalize() },
		RunE:    func(cmd *cobra.Command, args []string) error { return runRank(o, g) },
	}
	cmd.Flags().StringVar(&o.By, "by", "pagerank", "measure: "+strings.Join(rankMeasures, ", "))
	cmd.Flags().StringVar(&o.Type, "type", "", "show only entities of this type (PERSON, ORG, GPE, ...)")
	cmd.Flags().IntVar(&o.Limit, "limit", 20, "show this many (0: all)")
	cmd.Flags().Uint64Var(&o.Seed, "seed", 1, "seed for sampled betweenness")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	return cmd
}

func (o *rankOptions) finalize() error {
	o.By = strings.ToLower(o.By)
	if !strings.Contains(","+strings.Join(rankMeasures, ",")+",", ","+o.By+",") {
		return usagef("--by %q: want one of %s", o.By, strings.Join(rankMeasures, ", "))
	}
	if o.Limit < 0 {
		return usagef("--limit %d: want 0 or more", o.Limit)
	}
	var err error
	o.typ, err = parseTypeFlag(o.Type)
	return err
}

type scoreJSON struct {
	ID    int64   `json:"id,string"`
	Name  string  `json:"name"`
	Type  string  `json:"type"`
	Score float64 `json:"score"`
}

// rankScores computes the measure for every entity.
func rankScores(db *store.View, by string, seed uint64) (map[int64]float64, *graph.Graph, error) {
	gr, err := db.Graph(false)
	if err != nil {
		return nil, nil, err
	}
	switch by {
	case "pagerank":
		return graph.PageRank(gr), gr, nil
	case "degree":
		return graph.Degree(gr), gr, nil
	case "betweenness":
		samples := 0
		if len(gr.Entities()) > graph.ExactBetweennessLimit {
			samples = graph.BetweennessSamples
		}
		return graph.Betweenness(gr.Undirected(), samples, seed), gr, nil
	default: // mentions
		m := map[int64]float64{}
		for _, e := range gr.Entities() {
			m[e.ID] = float64(e.Mentions)
		}
		return m, gr, nil
	}
}

func runRank(o *rankOptions, g *globalOptions) error {
	return withView(g, func(db *store.View) error {
		scores, gr, err := rankScores(db, o.By, o.Seed)
		if err != nil {
			return err
		}
		out := []scoreJSON{}
		for _, s := range graph.SortScores(scores) {
			e := gr.Entity(s.ID)
			if e == nil || (o.typ != extract.NoType && e.Type != o.typ) {
				continue
			}
			out = append(out, scoreJSON{e.ID, e.Name, e.Type.String(), s.Score})
			if o.Limit > 0 && len(out) == o.Limit {
				break
			}
		}
		if len(out) == 0 {
			return notFoundError{"no entities to rank"}
		}
		if o.JSON {
			return writeJSON(g.Stdout, out)
		}
		tw := table(g.Stdout)
		fmt.Fprintf(tw, "RANK\tNAME\tTYPE\t%s\n", strings.ToUpper(o.By))
		for i, s := range out {
			score := fmt.Sprintf("%.4f", s.Score)
			if o.By == "degree" || o.By == "mentions" {
				score = fmt.Sprint(s.Score)
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", i+1, clean(s.Name), s.Type, score)
		}
		return tw.Flush()
	})
}
