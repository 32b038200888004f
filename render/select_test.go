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
