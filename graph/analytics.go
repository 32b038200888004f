package graph

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
)

// Metrics holds per-entity centrality and community membership, computed
// over the typed relations (co-mentions excluded).
type Metrics struct {
	// PageRank is the edge-weighted PageRank of each entity (damping
	// 0.85), rounded to 9 decimals; the values sum to 1.
	PageRank map[int64]float64
	// Community numbers the Louvain communities 0, 1, ... from the
	// largest; ties break on the smallest entity id.
	Community map[int64]int
}

// Analyze computes PageRank and Louvain communities for g. Louvain is
// randomised; seed fixes the result.
func Analyze(g *Graph, seed uint64) *Metrics {
	m := &Metrics{PageRank: map[int64]float64{}, Community: map[int64]int{}}
	if len(g.entities) == 0 {
		return m
	}
	// gonum starts the power iteration from a random vector, so the last
	// digits vary between runs; iterate to 1e-12 and round to 1e-9.
	for id, r := range network.PageRankSparse(g, 0.85, 1e-12) {
		m.PageRank[id] = math.Round(r*1e9) / 1e9
	}
	comms := community.Modularize(g, 1, rand.NewPCG(seed, seed)).Communities()
	for _, c := range comms {
		slices.SortFunc(c, func(a, b gonum.Node) int { return cmp.Compare(a.ID(), b.ID()) })
	}
	slices.SortFunc(comms, func(a, b []gonum.Node) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), cmp.Compare(a[0].ID(), b[0].ID()))
	})
	for i, c := range comms {
		for _, n := range c {
			m.Community[n.ID()] = i
		}
	}
	return m
}
