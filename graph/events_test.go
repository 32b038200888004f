package graph

import (
	"strings"
	"testing"
	"time"

	"github.com/kgx-project/kgx/extract"
)

// eventDoc is "Lavrov met Wang in Beijing on Monday." with its meeting as
// an event node (extract.WithEvents), built by hand.
func eventDoc(id string, published time.Time) *extract.Document {
	text := "Lavrov met Wang in Beijing on Monday."
	ent := func(t extract.EntityType, name string) extract.Entity {
		return extract.Entity{Key: extract.Key(t, name), Name: name, Type: t}
	}
	d := &extract.Document{ID: id, Text: text, Published: published,
		Entities: []extract.Entity{ent(extract.Person, "Lavrov"), ent(extract.Person, "Wang"), ent(extract.GPE, "Beijing")}}
	sent := extract.Span{Start: 0, End: len(text)}
	d.Relations = []extract.Relation{{Source: 0, Target: 1, Label: "met", Category: "CONSULT", Trigger: extract.Span{Start: 7, End: 10},
		Evidence: sent, Place: 2, Date: "2025-03-03", Confidence: 0.9}}
	d.Events = []extract.EventNode{{Label: "met", Category: "CONSULT", Trigger: extract.Span{Start: 7, End: 10}, Evidence: sent,
		Participants: []int{0, 1}, Place: 2, Date: "2025-03-03", Relations: []int{0}}}
	return d
}

func TestEventNodesKeptApart(t *testing.T) {
	pub := time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)
	f := FromDocument(eventDoc("d1", pub), "a.txt")
	var ev *Entity
	for i, e := range f.Entities {
		if IsEventNode(e.Key) {
			ev = &f.Entities[i]
		}
	}
	if ev == nil {
		t.Fatalf("no event node in %+v", f.Entities)
	}
	if ev.Name != "met, Beijing, 2025-03-03" || ev.Type != extract.Event || ev.FirstSeen != "2025-03-03" {
		t.Errorf("event node = %+v", ev)
	}
	edges := map[string]bool{}
	for _, r := range f.Relations {
		if IsEventEdge(r.Label) {
			if r.Source != ev.ID || r.Evidence[0].Date != "2025-03-03" || r.Evidence[0].Place != "Beijing" {
				t.Errorf("event edge %+v", r)
			}
			edges[r.Label+" "+strings.Fields(f.Entities[indexOf(f.Entities, r.Target)].Name)[0]] = true
		}
	}
	for _, w := range []string{"event_participant Lavrov", "event_participant Wang", "event_place Beijing"} {
		if !edges[w] {
			t.Errorf("missing edge %q in %v", w, edges)
		}
	}

	// A second article on the same meeting gives the same node.
	f2 := FromDocument(eventDoc("d2", pub.AddDate(0, 0, 1)), "b.txt")
	for _, g := range []*Graph{Merge(f, f2), Build(f, f2)} {
		if n := len(g.EventNodes()); n != 1 {
			t.Errorf("%d event nodes, want 1", n)
		}
		if n := len(g.EventEdges()); n != 3 {
			t.Errorf("%d event edges, want 3", n)
		}
		for _, e := range g.Entities() {
			if IsEventNode(e.Key) {
				t.Errorf("event node %q among the entities", e.Name)
			}
		}
		for _, r := range g.Relations() {
			if IsEventEdge(r.Label) {
				t.Errorf("event edge among the typed relations: %+v", r)
			}
		}
		if len(g.Relations()) != 1 || g.Nodes().Len() != 3 {
			t.Errorf("typed graph: %d relations, %d nodes; want 1, 3", len(g.Relations()), g.Nodes().Len())
		}
		if g.Entity(g.EventNodes()[0].ID) == nil {
			t.Error("Entity does not find the event node by id")
		}
	}

	in := New()
	in.InlineEvents()
	in.Add(f)
	if len(in.Entities()) != 4 || len(in.Relations()) != 4 || len(in.EventNodes()) != 0 {
		t.Errorf("inline graph: %d entities, %d relations, %d event nodes; want 4, 4, 0",
			len(in.Entities()), len(in.Relations()), len(in.EventNodes()))
	}
}

func indexOf(es []Entity, id int64) int {
	for i, e := range es {
		if e.ID == id {
			return i
		}
	}
	return -1
}
