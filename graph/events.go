package graph

import (
	"cmp"
	"slices"
	"strings"

	"github.com/kgx-project/kgx/extract"
)

// Event nodes (issue 4 item 6): an interaction with a date or a place
// ("met, Pyongyang, 2025-12-24") becomes a node of its own, of type
// EVENT, linked to its participants and its place by edges of a separate
// kind. They are stored as ordinary entities and relations (no new key
// kind), told apart by their key class and edge labels, and a Graph keeps
// them apart from the entities and typed relations (EventNodes,
// EventEdges) the way it keeps co-mentions apart: queries, analytics and
// default views never see them; render and export include them only when
// asked (--events).
const (
	// EventClass is the key class of event nodes ("INTERACTION:met ...").
	// No entity type has it, so entity resolution never merges an event
	// node with a named entity.
	EventClass = "INTERACTION"
	// EventParticipant links an event node to one of its participants.
	EventParticipant = "event_participant"
	// EventPlace links an event node to where it happened.
	EventPlace = "event_place"
)

// IsEventNode reports whether an entity key is an event node's.
func IsEventNode(key string) bool { return strings.HasPrefix(key, EventClass+":") }

// IsEventEdge reports whether a relation label is an event node's edge.
func IsEventEdge(label string) bool { return label == EventParticipant || label == EventPlace }

// eventFacts turns the document's event nodes into entities and edges.
// ids are the document entities' ids; date is the document's date. An
// event's key is its label, date (the document's when the text gives
// none), place and participants, so that two articles reporting the same
// meeting yield one node.
func eventFacts(d *extract.Document, ids []int64, date string) ([]Entity, []Relation) {
	var ents []Entity
	var rels []Relation
	for _, ev := range d.Events {
		if len(ev.Participants) == 0 {
			continue
		}
		when := cmp.Or(ev.Date, date)
		place := ""
		if ev.Place >= 0 {
			place = d.Entities[ev.Place].Name
		}
		var names []string
		for _, p := range ev.Participants {
			names = append(names, d.Entities[p].Name)
		}
		sorted := slices.Sorted(slices.Values(names))
		key := EventClass + ":" + extract.Fold(strings.Join(append([]string{ev.Label, when, place}, sorted...), " "))
		if when == "" {
			key += " " + extract.Fold(d.ID) // undated: never merged across documents
		}
		name := strings.Join(slices.DeleteFunc([]string{ev.Label, place, ev.Date}, func(s string) bool { return s == "" }), ", ")
		id := ID(key)
		ents = append(ents, Entity{ID: id, Key: key, Name: name, Type: extract.Event, Mentions: 1, Documents: 1,
			FirstSeen: when, LastSeen: when})
		evidence := Evidence{Doc: d.ID, Sentence: d.Slice(ev.Evidence), Start: ev.Evidence.Start, End: ev.Evidence.End,
			Date: when, Place: place}
		for _, ri := range ev.Relations {
			r := d.Relations[ri]
			evidence.Negated = evidence.Negated || r.Negated
			evidence.Modality = cmp.Or(evidence.Modality, string(r.Modality))
			evidence.Conf = max(evidence.Conf, r.Confidence)
		}
		seen := map[int64]bool{}
		for _, p := range ev.Participants {
			if seen[ids[p]] {
				continue
			}
			seen[ids[p]] = true
			rels = append(rels, Relation{Source: id, Target: ids[p], Label: EventParticipant, Category: ev.Category,
				Count: 1, Evidence: []Evidence{evidence}})
		}
		if ev.Place >= 0 && !seen[ids[ev.Place]] {
			rels = append(rels, Relation{Source: id, Target: ids[ev.Place], Label: EventPlace, Category: extract.Attribute,
				Count: 1, Evidence: []Evidence{evidence}})
		}
	}
	return ents, rels
}

// EventNodes returns the event nodes sorted by id.
func (g *Graph) EventNodes() []*Entity {
	out := make([]*Entity, 0, len(g.evNodes))
	for _, e := range g.evNodes {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b *Entity) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// EventEdges returns the event nodes' edges sorted by source, target,
// label.
func (g *Graph) EventEdges() []*Relation { return sortedRels(g.evEdges) }

// InlineEvents makes g hold event nodes and their edges as ordinary
// entities and relations from now on: a view built for drawing or export
// with --events, whose writers know only entities and relations.
func (g *Graph) InlineEvents() { g.inline = true }
