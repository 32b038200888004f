package render

import (
	"slices"
	"testing"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

func TestSelectEvents(t *testing.T) {
	g := graph.New()
	add := func(t extract.EntityType, key, name string) int64 {
		id := graph.ID(key)
		g.AddEntity(graph.Entity{ID: id, Key: key, Name: name, Type: t, Mentions: 1, Documents: 1})
		return id
	}
	lav := add(extract.Person, "PERSON:lavrov", "Lavrov")
	wang := add(extract.Person, "PERSON:wang", "Wang")
	bei := add(extract.GPE, "GPE:beijing", "Beijing")
	kim := add(extract.Person, "PERSON:kim", "Kim")
	ev := add(extract.Event, graph.EventClass+":met 2025 03 03 beijing lavrov wang", "met, Beijing, 2025-03-03")
	rel := func(s, d int64, label, cat, date string) {
		g.AddRelation(graph.Relation{Source: s, Target: d, Label: label, Category: cat, Count: 1,
			Evidence: []graph.Evidence{{Doc: "d", Sentence: "s", Date: date}}})
	}
	rel(lav, wang, "met", "CONSULT", "2025-03-03")
	rel(kim, lav, "praised", "SUPPORT", "2025-01-01")
	rel(ev, lav, graph.EventParticipant, "CONSULT", "2025-03-03")
	rel(ev, wang, graph.EventParticipant, "CONSULT", "2025-03-03")
	rel(ev, bei, graph.EventPlace, "ATTRIBUTE", "2025-03-03")

	tests := []struct {
		name  string
		sel   Selection
		want  []string
		nRels int
	}{
		{"no events unless asked", Selection{}, []string{"Beijing", "Kim", "Lavrov", "Wang"}, 2},
		{"events", Selection{Events: true}, []string{"Beijing", "Kim", "Lavrov", "Wang", "met, Beijing, 2025-03-03"}, 5},
		{"focus brings the event whole", Selection{Events: true, Focus: []string{"Kim"}},
			[]string{"Beijing", "Kim", "Lavrov", "Wang", "met, Beijing, 2025-03-03"}, 5},
		{"types keep the event", Selection{Events: true, Types: []extract.EntityType{extract.Person}},
			[]string{"Kim", "Lavrov", "Wang", "met, Beijing, 2025-03-03"}, 4},
		{"dates filter events", Selection{Events: true, Until: "2025-02-01"}, []string{"Kim", "Lavrov"}, 1},
		{"label filters leave events", Selection{Events: true, Labels: []string{"met"}},
			[]string{"Beijing", "Lavrov", "Wang", "met, Beijing, 2025-03-03"}, 4},
		{"a top cut takes whole events only", Selection{Events: true, Top: 2}, []string{"Lavrov", "Wang"}, 1},
		{"a top that cuts nothing grows events", Selection{Events: true, Top: 10},
			[]string{"Beijing", "Kim", "Lavrov", "Wang", "met, Beijing, 2025-03-03"}, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub, _, err := Select(g, tt.sel, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := names(sub); !slices.Equal(got, tt.want) {
				t.Errorf("entities = %q, want %q", got, tt.want)
			}
			if n := len(sub.Relations()); n != tt.nRels {
				t.Errorf("%d relations, want %d", n, tt.nRels)
			}
		})
	}
}

// TestSelectEventsLimit checks that under a --top cut only whole events
// are drawn, at most limit of them, the most reported first.
func TestSelectEventsLimit(t *testing.T) {
	g := graph.New()
	add := func(typ extract.EntityType, key, name string, mentions int) int64 {
		id := graph.ID(key)
		g.AddEntity(graph.Entity{ID: id, Key: key, Name: name, Type: typ, Mentions: mentions, Documents: 1})
		return id
	}
	lav := add(extract.Person, "PERSON:lavrov", "Lavrov", 1)
	wang := add(extract.Person, "PERSON:wang", "Wang", 1)
	kim := add(extract.Person, "PERSON:kim", "Kim", 1)
	for i, ev := range []struct {
		name     string
		mentions int
		with     int64
	}{{"met, 2025-03-01", 1, wang}, {"met, 2025-03-02", 5, wang}, {"met, 2025-03-03", 3, wang}, {"met, 2025-03-04", 9, kim}} {
		id := add(extract.Event, graph.EventClass+":"+ev.name, ev.name, ev.mentions)
		for _, p := range []int64{lav, ev.with} {
			g.AddRelation(graph.Relation{Source: id, Target: p, Label: graph.EventParticipant, Category: "CONSULT", Count: 1,
				Evidence: []graph.Evidence{{Doc: "d", Sentence: "s", Date: "2025-03-0" + string(rune('1'+i))}}})
		}
	}
	keepRel := func(r *graph.Relation, _ bool) *graph.Relation { return r }
	tests := []struct {
		name  string
		limit int
		want  []string
	}{
		{"no limit: every event with a participant in, drawn whole", 0, []string{"met, 2025-03-01", "met, 2025-03-02", "met, 2025-03-03", "met, 2025-03-04"}},
		{"limit: whole events only, most reported first", 2, []string{"met, 2025-03-02", "met, 2025-03-03"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keep := map[int64]bool{lav: true, wang: true}
			evs, rels := selectEvents(g, keep, keepRel, tt.limit)
			var got []string
			for _, e := range evs {
				got = append(got, e.Name)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("events %q, want %q", got, tt.want)
			}
			if len(rels) != 2*len(tt.want) {
				t.Errorf("%d edges, want %d", len(rels), 2*len(tt.want))
			}
			if keep[kim] != (tt.limit == 0) {
				t.Errorf("Kim kept = %v with limit %d", keep[kim], tt.limit)
			}
		})
	}
}
