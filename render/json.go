package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/kgx-project/kgx/graph"
)

// The graphology serialisation format
// (https://graphology.github.io/serialization.html).
type (
	gyGraph struct {
		Attributes gyGraphAttrs `json:"attributes"`
		Options    gyOptions    `json:"options"`
		Nodes      []gyNode     `json:"nodes"`
		Edges      []gyEdge     `json:"edges"`
	}
	gyGraphAttrs struct {
		Name string `json:"name,omitempty"`
	}
	gyOptions struct {
		Type           string `json:"type"`
		Multi          bool   `json:"multi"`
		AllowSelfLoops bool   `json:"allowSelfLoops"`
	}
	gyNode struct {
		Key        string      `json:"key"`
		Attributes gyNodeAttrs `json:"attributes"`
	}
	gyNodeAttrs struct {
		Label     string   `json:"label"`
		Type      string   `json:"entity_type"`
		Key       string   `json:"entity_key"`
		Size      float64  `json:"size"`
		Color     string   `json:"color"`
		Mentions  int      `json:"mentions"`
		Documents int      `json:"documents"`
		PageRank  float64  `json:"pagerank"`
		Community *int     `json:"community,omitempty"`
		Aliases   []string `json:"aliases"`
		Roles     []string `json:"roles"`
		FirstSeen string   `json:"first_seen,omitempty"`
		LastSeen  string   `json:"last_seen,omitempty"`
	}
	gyEdge struct {
		Key        string      `json:"key"`
		Source     string      `json:"source"`
		Target     string      `json:"target"`
		Undirected bool        `json:"undirected,omitempty"`
		Attributes gyEdgeAttrs `json:"attributes"`
	}
	gyEdgeAttrs struct {
		Label     string  `json:"label"`
		Relation  string  `json:"relation"`
		Category  string  `json:"category,omitempty"`
		Tone      string  `json:"tone"`
		Status    string  `json:"status,omitempty"` // asserted, negated, planned, reported
		Count     int     `json:"count"`
		Weight    int     `json:"weight"`
		Size      float64 `json:"size"`
		Color     string  `json:"color"`
		FirstSeen string  `json:"first_seen,omitempty"`
		LastSeen  string  `json:"last_seen,omitempty"`
		Evidence  string  `json:"evidence,omitempty"`
	}
)

// WriteJSON writes g in graphology's serialisation format, which
// graphology's Graph.from/import and sigma.js read. Node attributes
// include label, size and color (sigma's names; the entity type is
// entity_type, since sigma reserves "type" for renderers). The graph is
// a directed multigraph, or mixed when co-mentions (undirected) are
// present. <, >, & and bidi controls are \u-escaped.
func WriteJSON(w io.Writer, g *graph.Graph, opts Options) error {
	if err := opts.Check(); err != nil {
		return err
	}
	m := opts.metrics(g)
	size := newSizer(g, m, opts.SizeBy)
	out := gyGraph{
		Attributes: gyGraphAttrs{Name: opts.Title},
		Options:    gyOptions{Type: "directed", Multi: true},
		Nodes:      []gyNode{},
		Edges:      []gyEdge{},
	}
	if len(g.CoMentions()) > 0 {
		out.Options.Type = "mixed"
	}
	for _, e := range g.Entities() {
		a := gyNodeAttrs{
			Label: e.Name, Type: e.Type.String(), Key: e.Key, Size: round3(4 + 26*size.scale(e)),
			Color: styleOf(e.Type).Strong, Mentions: e.Mentions, Documents: e.Documents,
			PageRank: m.PageRank[e.ID], Aliases: aliasNames(e), Roles: e.Roles,
		}
		if a.Roles == nil {
			a.Roles = []string{}
		}
		if c, ok := m.Community[e.ID]; ok {
			a.Community = &c
		}
		if isDate(e.FirstSeen) {
			a.FirstSeen, a.LastSeen = e.FirstSeen, e.LastSeen
		}
		out.Nodes = append(out.Nodes, gyNode{Key: strconv.FormatInt(e.ID, 10), Attributes: a})
	}
	for _, r := range allEdges(g) {
		st := relStyle(r)
		a := gyEdgeAttrs{
			Label: r.Label, Relation: r.Label, Category: r.Category, Tone: st.Tone.String(), Status: statusOf(r), Count: r.Count,
			Weight: r.Count, Size: round3(penWidth(r.Count, st.Bold)), Color: st.Color, Evidence: firstEvidence(r),
		}
		if ds := evidenceDates(r); len(ds) > 0 {
			a.FirstSeen, a.LastSeen = ds[0], ds[len(ds)-1]
		}
		out.Edges = append(out.Edges, gyEdge{
			Key: edgeID(r), Source: strconv.FormatInt(r.Source, 10), Target: strconv.FormatInt(r.Target, 10),
			Undirected: r.Label == graph.CoMentioned, Attributes: a,
		})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("render: encode json: %w", err)
	}
	if _, err := w.Write(jsonSafe(buf.Bytes())); err != nil {
		return fmt.Errorf("render: write json: %w", err)
	}
	return nil
}

func round3(v float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 3, 64), 64)
	return f
}
