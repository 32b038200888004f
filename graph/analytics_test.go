package graph

import (
	"math"
	"testing"

	"github.com/kgx-project/kgx/extract"
)

func TestAnalyze(t *testing.T) {
	g := New()
	for _, k := range []string{"a", "b", "c", "d", "e", "f"} {
		g.AddEntity(Entity{ID: ID(k), Key: k, Name: k, Type: extract.Person})
	}
	rel := func(a, b string, n int) { g.AddRelation(Relation{Source: ID(a), Target: ID(b), Label: "met", Count: n}) }
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
