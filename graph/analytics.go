package graph

import (
	"cmp"
	"errors"
	"math"
	"math/rand/v2"
	"slices"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/path"
)

// Analytics over the typed relations. Scores come back as maps keyed by
// entity id; callers sort them (SortScores) before showing them, so map
// order never shows. Everything random takes an explicit seed.

// Damping is the PageRank damping factor.
const Damping = 0.85

// ExactBetweennessLimit is the largest graph (in nodes) whose betweenness
// is computed exactly; larger graphs are sampled (BetweennessSamples
// sources).
const (
	ExactBetweennessLimit = 4000
	BetweennessSamples    = 500
)

// PageRank returns the PageRank of every entity (damping 0.85), with the
// walk following each typed relation both ways in proportion to its
// count. Direction is left out because it is grammar, not endorsement:
// "Shoigu met Kim" and "Kim met Shoigu" say the same, and a directed walk
// would rank the objects of sentences above their subjects. It is power
// iteration from the uniform vector (gonum's network.PageRankSparse
// starts from a random one, so its low bits change from run to run),
// stopped when the L1 change is below 1e-10 or after 1000 rounds.
func PageRank(g *Graph) map[int64]float64 { return pageRank(g.Undirected()) }

func pageRank(g gonum.Weighted) map[int64]float64 {
	ids := idsOf(g.Nodes())
	n := len(ids)
	if n == 0 {
		return map[int64]float64{}
	}
	index := make(map[int64]int32, n)
	for i, id := range ids {
		index[id] = int32(i)
	}
	// Compressed rows: for each u, its neighbours and the share of u's
	// rank each gets.
	start := make([]int, n+1)
	var to []int32
	var share []float64
	for i, id := range ids {
		it := g.From(id)
		total := 0.0
		first := len(to)
		for it.Next() {
			v := it.Node().ID()
			w, _ := g.Weight(id, v)
			if j, ok := index[v]; ok && w > 0 {
				to = append(to, j)
				share = append(share, w)
				total += w
			}
		}
		for k := first; k < len(to); k++ {
			share[k] /= total
		}
		start[i+1] = len(to)
	}
	rank := make([]float64, n)
	next := make([]float64, n)
	for i := range rank {
		rank[i] = 1 / float64(n)
	}
	for range 1000 {
		dangling := 0.0
		for i := range n {
			if start[i] == start[i+1] {
				dangling += rank[i]
			}
		}
		base := (1-Damping)/float64(n) + Damping*dangling/float64(n)
		for i := range next {
			next[i] = base
		}
		for i := range n {
			for k := start[i]; k < start[i+1]; k++ {
				next[to[k]] += Damping * rank[i] * share[k]
			}
		}
		diff := 0.0
		for i := range n {
			diff += math.Abs(next[i] - rank[i])
		}
		rank, next = next, rank
		if diff < 1e-10 {
			break
		}
	}
	out := make(map[int64]float64, n)
	for i, id := range ids {
		out[id] = rank[i]
	}
	return out
}

// Degree returns the number of distinct neighbours (by a relation in
// either direction) of every node of g.
func Degree(g gonum.Directed) map[int64]float64 {
	out := map[int64]float64{}
	nodes := g.Nodes()
	for nodes.Next() {
		id := nodes.Node().ID()
		seen := map[int64]bool{}
		for _, it := range []gonum.Nodes{g.From(id), g.To(id)} {
			for it.Next() {
				if v := it.Node().ID(); v != id {
					seen[v] = true
				}
			}
		}
		out[id] = float64(len(seen))
	}
	return out
}

// Betweenness returns the betweenness centrality of every node of g, with
// edges taken as undirected and unweighted (Brandes' algorithm; each
// ordered pair counted, as gonum's network.Betweenness does). With samples > 0 and fewer than the
// number of nodes, it runs from that many sources drawn with the seed and
// scales the result by n/samples, an unbiased estimate (Brandes and
// Pich 2007).
func Betweenness(g gonum.Graph, samples int, seed uint64) map[int64]float64 {
	ids := idsOf(g.Nodes())
	n := len(ids)
	index := make(map[int64]int32, n)
	for i, id := range ids {
		index[id] = int32(i)
	}
	adj := make([][]int32, n)
	for i, id := range ids {
		it := g.From(id)
		for it.Next() {
			if j, ok := index[it.Node().ID()]; ok && int(j) != i {
				adj[i] = append(adj[i], j)
			}
		}
	}
	// Undirected: add the reverse of every edge, then deduplicate.
	if _, directed := g.(gonum.Directed); directed {
		for i := range adj {
			for _, j := range adj[i] {
				if int(j) > i || !slices.Contains(adj[j], int32(i)) {
					adj[j] = append(adj[j], int32(i))
				}
			}
		}
	}
	for i := range adj {
		slices.Sort(adj[i])
		adj[i] = slices.Compact(adj[i])
	}

	sources := make([]int, n)
	for i := range sources {
		sources[i] = i
	}
	scale := 1.0
	if samples > 0 && samples < n {
		r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		r.Shuffle(n, func(i, j int) { sources[i], sources[j] = sources[j], sources[i] })
		sources = sources[:samples]
		scale *= float64(n) / float64(samples)
	}

	cb := make([]float64, n)
	sigma := make([]float64, n)
	dist := make([]int32, n)
	delta := make([]float64, n)
	stack := make([]int32, 0, n)
	queue := make([]int32, 0, n)
	for _, s := range sources {
		for i := range n {
			sigma[i], dist[i], delta[i] = 0, -1, 0
		}
		sigma[s], dist[s] = 1, 0
		stack, queue = stack[:0], append(queue[:0], int32(s))
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			stack = append(stack, v)
			for _, w := range adj[v] {
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					queue = append(queue, w)
				}
				if dist[w] == dist[v]+1 {
					sigma[w] += sigma[v]
				}
			}
		}
		for i := len(stack) - 1; i >= 0; i-- {
			w := stack[i]
			for _, v := range adj[w] {
				if dist[v] == dist[w]-1 {
					delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
				}
			}
			if int(w) != s {
				cb[w] += delta[w]
			}
		}
	}
	out := make(map[int64]float64, n)
	for i, id := range ids {
		out[id] = cb[i] * scale
	}
	return out
}

// Communities partitions g with the Louvain method (gonum's
// community.Modularize) at the given resolution (1 is standard modularity;
// higher gives smaller communities), treating edges as undirected and
// weighted by relation count. The seed makes it deterministic. Each
// community's ids are sorted; communities come largest first, then by
// smallest id.
func Communities(g *Graph, resolution float64, seed uint64) [][]int64 {
	if len(g.entities) == 0 {
		return nil
	}
	r := community.Modularize(g.Undirected(), resolution, rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var out [][]int64
	for _, c := range r.Communities() {
		ids := make([]int64, len(c))
		for i, n := range c {
			ids[i] = n.ID()
		}
		slices.Sort(ids)
		out = append(out, ids)
	}
	slices.SortFunc(out, func(a, b []int64) int { return cmp.Or(cmp.Compare(len(b), len(a)), cmp.Compare(a[0], b[0])) })
	return out
}

// ShortestPaths returns up to k loopless paths from one entity to another,
// shortest (fewest hops) first, with edges taken as undirected: Yen's
// algorithm (gonum path.YenKShortestPaths) over g. A path is the list of
// entity ids from from to to. Nil means no path.
func ShortestPaths(g gonum.Graph, from, to int64, k int) [][]int64 {
	if g.Node(from) == nil || g.Node(to) == nil || k < 1 {
		return nil
	}
	if _, ok := g.(gonum.Directed); ok {
		g = gonum.Undirect{G: g.(gonum.Directed)}
	}
	ps := path.YenKShortestPaths(unweighted{g}, k, math.Inf(1), Node(from), Node(to))
	out := make([][]int64, 0, len(ps))
	for _, p := range ps {
		ids := make([]int64, len(p))
		for i, n := range p {
			ids[i] = n.ID()
		}
		out = append(out, ids)
	}
	return out
}

// unweighted hides a graph's weights, so paths count hops.
type unweighted struct{ gonum.Graph }

// Neighbours returns the ids adjacent to id by a typed relation in either
// direction, for searches that walk a graph without holding all of it.
type Neighbours func(id int64) ([]int64, error)

// ErrTooFar is returned by ShortestPath when the search gives up.
var ErrTooFar = errors.New("no path within the search limit")

// ShortestPath finds one path with the fewest hops between from and to by
// a bidirectional breadth-first search that calls next only for the nodes
// it expands, always expanding the smaller frontier. Among equally short
// paths it returns the first found with neighbours in the order next
// gives them. It returns nil if there is none, and ErrTooFar after
// expanding maxExpand nodes (0: no limit).
func ShortestPath(from, to int64, next Neighbours, maxExpand int) ([]int64, error) {
	if from == to {
		return []int64{from}, nil
	}
	parent := [2]map[int64]int64{{from: from}, {to: to}}
	frontier := [2][]int64{{from}, {to}}
	expanded := 0
	for len(frontier[0]) > 0 && len(frontier[1]) > 0 {
		side := 0
		if len(frontier[1]) < len(frontier[0]) {
			side = 1
		}
		var nextFrontier []int64
		meet, found := int64(0), false
		for _, u := range frontier[side] {
			if maxExpand > 0 && expanded >= maxExpand {
				return nil, ErrTooFar
			}
			expanded++
			vs, err := next(u)
			if err != nil {
				return nil, err
			}
			for _, v := range vs {
				if _, seen := parent[side][v]; seen {
					continue
				}
				parent[side][v] = u
				if _, ok := parent[1-side][v]; ok {
					meet, found = v, true
					break
				}
				nextFrontier = append(nextFrontier, v)
			}
			if found {
				break
			}
		}
		if found {
			var p []int64
			for v := meet; ; v = parent[0][v] {
				p = append(p, v)
				if v == from {
					break
				}
			}
			slices.Reverse(p)
			for v := meet; v != to; {
				v = parent[1][v]
				p = append(p, v)
			}
			return p, nil
		}
		frontier[side] = nextFrontier
	}
	return nil, nil
}

// Score is one node's score.
type Score struct {
	ID    int64
	Score float64
}

// SortScores returns the scores highest first, ties by id.
func SortScores(m map[int64]float64) []Score {
	out := make([]Score, 0, len(m))
	for id, s := range m {
		out = append(out, Score{id, s})
	}
	slices.SortFunc(out, func(a, b Score) int { return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.ID, b.ID)) })
	return out
}

func idsOf(it gonum.Nodes) []int64 {
	var ids []int64
	for it.Next() {
		ids = append(ids, it.Node().ID())
	}
	slices.Sort(ids)
	return ids
}

// Undirected returns g seen as an undirected weighted graph: u and v are
// adjacent if a typed relation links them either way, and the weight is
// the total count both ways. Neighbours come in id order.
func (g *Graph) Undirected() gonum.WeightedUndirected { return undirectedView{g} }

type undirectedView struct{ g *Graph }

func (u undirectedView) Node(id int64) gonum.Node { return u.g.Node(id) }
func (u undirectedView) Nodes() gonum.Nodes       { return u.g.Nodes() }

func (u undirectedView) From(id int64) gonum.Nodes {
	if _, ok := u.g.entities[id]; !ok {
		return gonum.Empty
	}
	ids := idsOf(u.g.adjacent(u.g.out[id]))
	for _, v := range idsOf(u.g.adjacent(u.g.in[id])) {
		if _, ok := u.g.out[id][v]; !ok {
			ids = append(ids, v)
		}
	}
	ids = slices.DeleteFunc(ids, func(v int64) bool { return v == id })
	slices.Sort(ids)
	return nodesOf(ids)
}

func (u undirectedView) HasEdgeBetween(x, y int64) bool { return x != y && u.g.HasEdgeBetween(x, y) }
func (u undirectedView) Edge(x, y int64) gonum.Edge     { return u.WeightedEdgeBetween(x, y) }
func (u undirectedView) EdgeBetween(x, y int64) gonum.Edge {
	return u.WeightedEdgeBetween(x, y)
}
func (u undirectedView) WeightedEdge(x, y int64) gonum.WeightedEdge {
	return u.WeightedEdgeBetween(x, y)
}

func (u undirectedView) WeightedEdgeBetween(x, y int64) gonum.WeightedEdge {
	w, ok := u.Weight(x, y)
	if !ok || x == y {
		return nil
	}
	return Edge{Node(x), Node(y), w}
}

func (u undirectedView) Weight(x, y int64) (float64, bool) {
	if x == y {
		return 0, true
	}
	a, okA := u.g.Weight(x, y)
	b, okB := u.g.Weight(y, x)
	return a + b, okA || okB
}

// KShortestPaths is ShortestPaths over a graph known only by next, which
// is called (once per node) for the nodes the search reaches: Yen's
// algorithm over a lazily read, undirected, unweighted graph.
func KShortestPaths(from, to int64, k int, next Neighbours) ([][]int64, error) {
	lg := &lazyGraph{next: next, adj: map[int64][]int64{}}
	if _, err := lg.neighbours(from); err != nil {
		return nil, err
	}
	if _, err := lg.neighbours(to); err != nil {
		return nil, err
	}
	paths := ShortestPaths(lg, from, to, k)
	return paths, lg.err
}

// lazyGraph is an undirected gonum graph whose adjacency is read on first
// use. Nodes lists only the nodes seen so far, which is all Yen's
// algorithm and Dijkstra with a target need. The first error from next
// is kept in err and the node is then treated as having no neighbours.
type lazyGraph struct {
	next Neighbours
	adj  map[int64][]int64
	err  error
}

func (g *lazyGraph) neighbours(id int64) ([]int64, error) {
	if vs, ok := g.adj[id]; ok {
		return vs, nil
	}
	vs, err := g.next(id)
	if err != nil {
		if g.err == nil {
			g.err = err
		}
		return nil, err
	}
	vs = slices.DeleteFunc(slices.Clone(vs), func(v int64) bool { return v == id })
	g.adj[id] = vs
	return vs, nil
}

func (g *lazyGraph) Node(id int64) gonum.Node { return Node(id) }

func (g *lazyGraph) Nodes() gonum.Nodes {
	ids := make([]int64, 0, len(g.adj))
	for id := range g.adj {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return nodesOf(ids)
}

func (g *lazyGraph) From(id int64) gonum.Nodes {
	vs, _ := g.neighbours(id)
	return nodesOf(vs)
}

func (g *lazyGraph) HasEdgeBetween(x, y int64) bool {
	vs, _ := g.neighbours(x)
	return slices.Contains(vs, y)
}

func (g *lazyGraph) Edge(x, y int64) gonum.Edge { return g.EdgeBetween(x, y) }
func (g *lazyGraph) EdgeBetween(x, y int64) gonum.Edge {
	if !g.HasEdgeBetween(x, y) {
		return nil
	}
	return Edge{Node(x), Node(y), 1}
}

// Metrics holds per-entity centrality and community membership, computed
// over the typed relations (co-mentions excluded), for exports.
type Metrics struct {
	// PageRank is PageRank (see PageRank) rounded to 9 decimals; the
	// values sum to 1.
	PageRank map[int64]float64
	// Community numbers the Louvain communities (see Communities, at
	// resolution 1) 0, 1, ... from the largest; ties break on the
	// smallest entity id.
	Community map[int64]int
}

// Analyze computes PageRank and Louvain communities for g, the same
// figures as kgx rank and kgx communities. Louvain is randomised; seed
// fixes the result.
func Analyze(g *Graph, seed uint64) *Metrics {
	m := &Metrics{PageRank: map[int64]float64{}, Community: map[int64]int{}}
	for id, r := range PageRank(g) {
		m.PageRank[id] = math.Round(r*1e9) / 1e9
	}
	for i, c := range Communities(g, 1, seed) {
		for _, id := range c {
			m.Community[id] = i
		}
	}
	return m
}
