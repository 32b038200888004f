package main

import (
	"strconv"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// eventJSON is one event node of `kgx extract --events`: an interaction
// with its participants, place and date (extract.EventNode).
type eventJSON struct {
	Type         string   `json:"type"`
	Category     string   `json:"category"`
	Trigger      string   `json:"trigger"`
	Participants []string `json:"participants"` // entity ids, as strings like every id
	Place        *int64   `json:"place,omitempty,string"`
	Date         string   `json:"date,omitempty"`
	Evidence     string   `json:"evidence"`
	Start        int      `json:"start"`
	End          int      `json:"end"`
}

// eventsView renders d.Events with entity ids as in extractView.
func eventsView(d *extract.Document) []eventJSON {
	out := []eventJSON{}
	for _, ev := range d.Events {
		v := eventJSON{Type: ev.Label, Category: ev.Category, Trigger: d.Slice(ev.Trigger), Participants: []string{},
			Date: ev.Date, Evidence: d.Slice(ev.Evidence), Start: ev.Evidence.Start, End: ev.Evidence.End}
		for _, p := range ev.Participants {
			v.Participants = append(v.Participants, strconv.FormatInt(graph.ID(d.Entities[p].Key), 10))
		}
		if ev.Place >= 0 {
			id := graph.ID(d.Entities[ev.Place].Key)
			v.Place = &id
		}
		out = append(out, v)
	}
	return out
}
