package render

import (
	"errors"
	"slices"
	"testing"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

func names(g *graph.Graph) []string {
	var out []string
	for _, e := range g.Entities() {
		out = append(out, e.Name)
	}
	slices.Sort(out)
	return out
}

func TestSelect(t *testing.T) {
	g := fixture()
	m := graph.Analyze(g, 1)
	tests := []struct {
		name      string
		sel       Selection
		want      []string // entity names, sorted; nil = don't check
		nRels     int
		nCo       int
		wantFocus int
		err       error
	}{
		{name: "all", sel: Selection{}, nRels: 8},
		{name: "co-mentions", sel: Selection{CoMentions: true}, nRels: 8, nCo: 1},
		{name: "focus depth 1", sel: Selection{Focus: []string{"Kim Jong Un"}},
			want: []string{"<script>alert('x')</script>", "Kim Jong Un", "Sergei Shoigu"}, nRels: 2, wantFocus: 1},
		{name: "focus by alias, depth 2", sel: Selection{Focus: []string{"shoigu"}, Depth: 2},
			want: []string{"<script>alert('x')</script>", "Kim Jong Un", "Sergei Shoigu"}, nRels: 2, wantFocus: 1},
		{name: "focus with co-mentions", sel: Selection{Focus: []string{"Kim Jong Un"}, CoMentions: true},
			want: []string{"<script>alert('x')</script>", "Kim Jong Un", "North Korea", "Sergei Shoigu"}, nRels: 2, nCo: 1, wantFocus: 1},
		{name: "types", sel: Selection{Types: []extract.EntityType{extract.GPE}},
			want: []string{"North Korea", "Russia"}, nRels: 2},
		{name: "category", sel: Selection{Categories: []string{"SANCTION", "ACCUSE"}},
			want: []string{"North Korea", "UN Security Council"}, nRels: 2},
		{name: "label", sel: Selection{Labels: []string{"met"}}, nRels: 2},
		{name: "min count", sel: Selection{MinCount: 2},
			want: []string{"Kim Jong Un", "Sergei Shoigu"}, nRels: 1},
		{name: "since trims evidence", sel: Selection{Since: "2025-07-01"},
			want: []string{"Kim Jong Un", "North Korea", "Sergei Shoigu", "UN Security Council"}, nRels: 3},
		{name: "until", sel: Selection{Until: "2025-06-30"},
			want: []string{"Kim Jong Un", "North Korea", "Russia", "Sergei Shoigu"}, nRels: 3},
		{name: "top", sel: Selection{Top: 2}, want: []string{"North Korea", "UN Security Council"}, nRels: 2},
		{name: "top keeps focus", sel: Selection{Top: 1, Focus: []string{"Sergei Shoigu"}}, want: []string{"Sergei Shoigu"}, wantFocus: 1},
		{name: "unknown focus", sel: Selection{Focus: []string{"Nobody"}}, err: ErrNoEntity},
		{name: "ambiguous partial", sel: Selection{Focus: []string{"kim"}}, err: ErrNoEntity},
		{name: "bad date", sel: Selection{Since: "June"}, err: ErrBadOption},
		{name: "since after until", sel: Selection{Since: "2025-08-01", Until: "2025-01-01"}, err: ErrBadOption},
		{name: "bad category", sel: Selection{Categories: []string{"HUG"}}, err: ErrBadOption},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub, focus, err := Select(g, tt.sel, m)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.want != nil && !slices.Equal(names(sub), tt.want) {
				t.Errorf("entities = %q, want %q", names(sub), tt.want)
			}
			if len(sub.Relations()) != tt.nRels || len(sub.CoMentions()) != tt.nCo {
				t.Errorf("%d relations, %d co-mentions; want %d, %d", len(sub.Relations()), len(sub.CoMentions()), tt.nRels, tt.nCo)
			}
			if len(focus) != tt.wantFocus {
				t.Errorf("focus = %v", focus)
			}
			for _, r := range append(sub.Relations(), sub.CoMentions()...) {
				if sub.Entity(r.Source) == nil || sub.Entity(r.Target) == nil {
					t.Errorf("relation %s joins an entity outside the view", edgeID(r))
				}
			}
		})
	}
	// Dates trim the evidence and the count with it.
	sub, _, _ := Select(g, Selection{Since: "2025-07-01", Labels: []string{"met"}}, m)
	if rs := sub.Relations(); len(rs) != 1 || rs[0].Count != 1 || len(rs[0].Evidence) != 1 {
		t.Errorf("since: relations = %+v, want one with count 1", rs)
	}
	// Select never changes its input.
	if len(g.Relations()) != 8 || g.Relations()[0].Count == 0 {
		t.Error("Select changed its input graph")
	}
}

func TestResolve(t *testing.T) {
	g := fixture()
	kim := graph.ID("PERSON:kim jong un")
	for _, q := range []string{"Kim Jong Un", "kim jong un", "Kim Jong-un", "5992085294981057585"} {
		ids, err := Resolve(g, q)
		if err != nil || len(ids) != 1 || ids[0] != kim {
			t.Errorf("Resolve(%q) = %v, %v; want [%d]", q, ids, err, kim)
		}
	}
}

// TestTopLinked checks that --top draws no entity linked only to entities
// left out: in rank order an entity joins when linked to one already in,
// or with its best-ranked neighbour when both fit; entities with no edge
// fill in last.
func TestTopLinked(t *testing.T) {
	g := graph.New()
	// Ranks: E (no edge) 0.5 > A 0.3 > F 0.25 > C 0.2 > B 0.1 > D 0.05 > G 0.01.
	rank := map[int64]float64{}
	for i, e := range []struct {
		name string
		rank float64
	}{{"A", 0.3}, {"B", 0.1}, {"C", 0.2}, {"D", 0.05}, {"E", 0.5}, {"F", 0.25}, {"G", 0.01}} {
		id := int64(i + 1)
		g.AddEntity(graph.Entity{ID: id, Key: "PERSON:" + e.name, Name: e.name, Type: extract.Person, Mentions: 1})
		rank[id] = e.rank
	}
	var edges []*graph.Relation
	for _, p := range [][2]int64{{1, 2}, {3, 4}, {6, 7}} { // A-B, C-D, F-G
		edges = append(edges, &graph.Relation{Source: p[0], Target: p[1], Label: "met", Count: 1})
	}
	id := map[string]int64{"A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7}
	tests := []struct {
		name  string
		top   int
		focus []string
		want  []string
	}{
		{"pair", 2, nil, []string{"A", "B"}},
		{"two pairs, F pulls in G before C", 4, nil, []string{"A", "B", "F", "G"}},
		{"no room for a pair: the unlinked fill in", 3, nil, []string{"A", "B", "E"}},
		{"focus pulls its neighbour", 2, []string{"C"}, []string{"C", "D"}},
		{"all", 7, nil, []string{"A", "B", "C", "D", "E", "F", "G"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keep := map[int64]bool{}
			for i := int64(1); i <= 7; i++ {
				keep[i] = true
			}
			var focus []int64
			for _, f := range tt.focus {
				focus = append(focus, id[f])
			}
			var got []string
			for k := range topLinked(g, keep, focus, edges, tt.top, rank) {
				got = append(got, g.Entity(k).Name)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("top %d: got %v, want %v", tt.top, got, tt.want)
			}
		})
	}
}
