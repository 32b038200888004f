package graph

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/kgx-project/kgx/extract"
)

// testGraph builds a graph from "a->b" edges over entities named by
// single letters; ids are 1 for a, 2 for b, ...
func testGraph(edges ...string) *Graph {
	g := New()
	for _, e := range edges {
		s, t := rune(e[0]), rune(e[3])
		for _, r := range []rune{s, t} {
			g.AddEntity(Entity{ID: int64(r - 'a' + 1), Name: string(r), Mentions: 1})
		}
		g.AddRelation(Relation{Source: int64(s - 'a' + 1), Target: int64(t - 'a' + 1), Label: "met", Count: 1})
	}
	return g
}

func randomGraph(seed uint64, n, m int) *Graph {
	r := rand.New(rand.NewPCG(seed, 1))
	g := New()
	for i := range n {
		g.AddEntity(Entity{ID: int64(i + 1), Name: fmt.Sprint(i + 1)})
	}
	for range m {
		s, t := int64(r.IntN(n)+1), int64(r.IntN(n)+1)
		if s != t {
			g.AddRelation(Relation{Source: s, Target: t, Label: "met", Count: 1 + r.IntN(3)})
		}
	}
	return g
}

func TestBetweennessMatchesGonum(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		g := randomGraph(seed, 40, 80)
		u := simple.NewUndirectedGraph()
		for _, id := range idsOf(g.Nodes()) {
			u.AddNode(simple.Node(id))
		}
		for _, r := range g.Relations() {
			if !u.HasEdgeBetween(r.Source, r.Target) {
				u.SetEdge(simple.Edge{F: simple.Node(r.Source), T: simple.Node(r.Target)})
			}
		}
		want := network.Betweenness(u)
		got := Betweenness(g, 0, 0)
		for id, w := range want {
			if math.Abs(got[id]-w) > 1e-9 {
				t.Errorf("seed %d: node %d: got %v, want %v (gonum)", seed, id, got[id], w)
			}
		}
		for id, v := range got {
			if _, ok := want[id]; !ok && v != 0 {
				t.Errorf("seed %d: node %d: got %v, gonum has 0", seed, id, v)
			}
		}
	}
}

func TestBetweennessSampled(t *testing.T) {
	g := testGraph("a->b", "b->c", "c->d", "d->e")
	exact := Betweenness(g, 0, 0)
	if exact[3] != 8 || exact[1] != 0 {
		t.Fatalf("path a-b-c-d-e: got %v, want c=8 (4 pairs, both ways), a=0", exact)
	}
	a, b := Betweenness(g, 3, 7), Betweenness(g, 3, 7)
	if fmt.Sprint(SortScores(a)) != fmt.Sprint(SortScores(b)) {
		t.Errorf("sampled betweenness differs between runs with one seed: %v vs %v", a, b)
	}
}

func TestPageRankAndDegree(t *testing.T) {
	// Everyone points at c.
	g := testGraph("a->c", "b->c", "d->c", "c->e")
	pr := SortScores(PageRank(g))
	if pr[0].ID != 3 && pr[0].ID != 5 {
		t.Errorf("PageRank top = %d, want c (3) or e (5): %v", pr[0].ID, pr)
	}
	var sum float64
	for _, s := range pr {
		sum += s.Score
	}
	if math.Abs(sum-1) > 1e-6 {
		t.Errorf("PageRank sums to %v, want 1", sum)
	}
	deg := Degree(g)
	if deg[3] != 4 || deg[1] != 1 {
		t.Errorf("degree: got %v, want c=4 a=1", deg)
	}
}

func TestCommunities(t *testing.T) {
	// Two triangles joined by one edge.
	g := testGraph("a->b", "b->c", "c->a", "d->e", "e->f", "f->d", "c->d")
	for _, seed := range []uint64{1, 42} {
		got := Communities(g, 1, seed)
		want := [][]int64{{1, 2, 3}, {4, 5, 6}}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("seed %d: got %v, want %v", seed, got, want)
		}
	}
	if got := Communities(New(), 1, 1); got != nil {
		t.Errorf("empty graph: got %v", got)
	}
}

func TestShortestPaths(t *testing.T) {
	g := testGraph("a->b", "b->c", "d->c", "a->e", "e->f", "f->d")
	tests := []struct {
		name     string
		from, to int64
		k        int
		want     string
	}{
		{"direct", 1, 2, 1, "[[1 2]]"},
		{"against direction", 4, 1, 1, "[[4 3 2 1]]"},
		{"two paths", 1, 4, 3, "[[1 2 3 4] [1 5 6 4]]"},
		{"unknown", 1, 99, 1, "[]"},
		{"same", 1, 1, 1, "[[1]]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ShortestPaths(g.Undirected(), tt.from, tt.to, tt.k)
			if fmt.Sprint(got) != tt.want {
				t.Errorf("got %v, want %s", got, tt.want)
			}
		})
	}
}

// TestShortestPathBFS checks the bidirectional search against Yen's first
// path: same length, and a real path.
func TestShortestPathBFS(t *testing.T) {
	for seed := range uint64(20) {
		g := randomGraph(seed, 60, 70)
		u := g.Undirected()
		next := func(id int64) ([]int64, error) { return idsOf(u.From(id)), nil }
		for from := int64(1); from <= 60; from += 7 {
			for to := int64(2); to <= 60; to += 11 {
				if from == to {
					continue
				}
				want := ShortestPaths(u, from, to, 1)
				got, err := ShortestPath(from, to, next, 0)
				if err != nil {
					t.Fatal(err)
				}
				if len(want) == 0 {
					if got != nil {
						t.Errorf("seed %d %d->%d: got %v, want no path", seed, from, to, got)
					}
					continue
				}
				if len(got) != len(want[0]) || got[0] != from || got[len(got)-1] != to {
					t.Errorf("seed %d %d->%d: got %v, want length of %v", seed, from, to, got, want[0])
				}
				for i := 1; i < len(got); i++ {
					if !u.HasEdgeBetween(got[i-1], got[i]) {
						t.Errorf("seed %d: %v: no edge %d-%d", seed, got, got[i-1], got[i])
					}
				}
				if slices.Contains(got[1:], from) {
					t.Errorf("loop in %v", got)
				}
			}
		}
	}
	if _, err := ShortestPath(1, 2, func(int64) ([]int64, error) { return []int64{3}, nil }, 1); err != ErrTooFar {
		t.Errorf("limit: got %v, want ErrTooFar", err)
	}
}

func TestKShortestPathsLazy(t *testing.T) {
	for seed := range uint64(5) {
		g := randomGraph(seed, 30, 45)
		u := g.Undirected()
		calls := 0
		next := func(id int64) ([]int64, error) { calls++; return idsOf(u.From(id)), nil }
		for _, k := range []int{1, 3} {
			want := ShortestPaths(u, 1, 30, k)
			got, err := KShortestPaths(1, 30, k, next)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("seed %d k %d: lazy %v, want %v", seed, k, got, want)
			}
		}
	}
	boom := fmt.Errorf("boom")
	if _, err := KShortestPaths(1, 2, 2, func(int64) ([]int64, error) { return nil, boom }); err != boom {
		t.Errorf("got %v, want the error from next", err)
	}
}

func TestPageRankMatchesGonum(t *testing.T) {
	for _, seed := range []uint64{1, 2} {
		g := randomGraph(seed, 50, 120)
		want := network.PageRankSparse(bothWays{undirectedView{g}}, Damping, 1e-12)
		got := PageRank(g)
		for id, w := range want {
			if math.Abs(got[id]-w) > 1e-6 {
				t.Errorf("seed %d node %d: got %v, gonum %v", seed, id, got[id], w)
			}
		}
		if again := PageRank(g); fmt.Sprint(SortScores(again)) != fmt.Sprint(SortScores(got)) {
			t.Errorf("seed %d: PageRank differs between runs", seed)
		}
	}
}

// bothWays is an undirected view seen as a directed graph with every edge
// in both directions, for comparing with gonum's directed PageRank.
type bothWays struct{ undirectedView }

func (b bothWays) To(id int64) gonum.Nodes       { return b.From(id) }
func (b bothWays) HasEdgeFromTo(u, v int64) bool { return b.HasEdgeBetween(u, v) }
func (b bothWays) Edge(u, v int64) gonum.Edge    { return b.WeightedEdgeBetween(u, v) }
func (b bothWays) WeightedEdge(u, v int64) gonum.WeightedEdge {
	return b.WeightedEdgeBetween(u, v)
}
func TestAnalyze(t *testing.T) {
	g := New()
	for _, k := range []string{"a", "b", "c", "d", "e", "f"} {
		g.AddEntity(Entity{ID: ID(k), Key: k, Name: k, Type: extract.Person})
	}
	rel := func(a, b string, n int) {
		g.AddRelation(Relation{Source: ID(a), Target: ID(b), Label: "met", Count: n})
	}
	// Two triangles joined by one weak edge.
	rel("a", "b", 3)
	rel("b", "c", 3)
	rel("c", "a", 3)
	rel("d", "e", 3)
	rel("e", "f", 3)
	rel("f", "d", 3)
	rel("c", "d", 1)
	rel("a", "c", 2)

	m := Analyze(g, 1)
	sum := 0.0
	for _, v := range m.PageRank {
		sum += v
	}
	if math.Abs(sum-1) > 1e-6 || len(m.PageRank) != 6 {
		t.Fatalf("PageRank sums to %v over %d nodes, want 1 over 6", sum, len(m.PageRank))
	}
	if m.Community[ID("a")] != m.Community[ID("b")] || m.Community[ID("a")] != m.Community[ID("c")] ||
		m.Community[ID("d")] != m.Community[ID("e")] || m.Community[ID("a")] == m.Community[ID("d")] {
		t.Fatalf("communities = %v, want {a b c} and {d e f}", m.Community)
	}
	for i := 0; i < 5; i++ {
		again := Analyze(g, 1)
		for id, c := range m.Community {
			if again.Community[id] != c || again.PageRank[id] != m.PageRank[id] {
				t.Fatalf("Analyze is not deterministic for id %d: %d/%d %v/%v", id, again.Community[id], c, again.PageRank[id], m.PageRank[id])
			}
		}
	}
	if got := Analyze(New(), 1); len(got.PageRank) != 0 {
		t.Fatalf("empty graph: %v", got)
	}
}
