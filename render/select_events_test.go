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
