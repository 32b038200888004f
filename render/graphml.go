package render

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/kgx-project/kgx/graph"
)

// graphmlKey is one typed GraphML key.
type graphmlKey struct {
	id, for_, name, typ string
}

var graphmlKeys = []graphmlKey{
	{"v_label", "node", "label", "string"},
	{"v_type", "node", "type", "string"},
	{"v_key", "node", "key", "string"},
	{"v_mentions", "node", "mentions", "int"},
	{"v_documents", "node", "documents", "int"},
	{"v_pagerank", "node", "pagerank", "double"},
	{"v_community", "node", "community", "int"},
	{"v_aliases", "node", "aliases", "string"},
	{"v_roles", "node", "roles", "string"},
	{"v_first_seen", "node", "first_seen", "string"},
	{"v_last_seen", "node", "last_seen", "string"},
	{"v_color", "node", "color", "string"},
	{"v_size", "node", "size", "double"},
	{"e_label", "edge", "label", "string"},
	{"e_relation", "edge", "relation", "string"},
	{"e_category", "edge", "category", "string"},
	{"e_tone", "edge", "tone", "string"},
	{"e_status", "edge", "status", "string"},
	{"e_count", "edge", "count", "int"},
	{"e_weight", "edge", "weight", "double"},
	{"e_first_seen", "edge", "first_seen", "string"},
	{"e_last_seen", "edge", "last_seen", "string"},
	{"e_evidence", "edge", "evidence", "string"},
	{"e_color", "edge", "color", "string"},
}

// WriteGraphML writes g as GraphML 1.1 with typed keys for the same
// attributes as GEXF (lists such as aliases are JSON arrays in a string,
// since GraphML has no list type). Co-mentions, if present, are directed
// edges whose relation is co_mentioned.
func WriteGraphML(w io.Writer, g *graph.Graph, opts Options) error {
	if err := opts.Check(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	writeGraphML(bw, g, &opts)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("render: write graphml: %w", err)
	}
	return nil
}

func writeGraphML(w *bufio.Writer, g *graph.Graph, opts *Options) {
	m := opts.metrics(g)
	size := newSizer(g, m, opts.SizeBy)
	w.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	w.WriteString("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"" +
		" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd\">\n")
	if opts.Title != "" {
		fmt.Fprintf(w, "  <desc>%s</desc>\n", xmlText(opts.Title))
	}
	for _, k := range graphmlKeys {
		fmt.Fprintf(w, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k.id, k.for_, k.name, k.typ)
	}
	w.WriteString("  <graph id=\"kgx\" edgedefault=\"directed\">\n")
	data := func(k, v string) {
		fmt.Fprintf(w, "      <data key=\"%s\">%s</data>\n", k, xmlText(v))
	}
	for _, e := range g.Entities() {
		fmt.Fprintf(w, "    <node id=\"%d\">\n", e.ID)
		data("v_label", e.Name)
		data("v_type", e.Type.String())
		data("v_key", e.Key)
		data("v_mentions", strconv.Itoa(e.Mentions))
		data("v_documents", strconv.Itoa(e.Documents))
		data("v_pagerank", formatFloat(m.PageRank[e.ID]))
		if c, ok := m.Community[e.ID]; ok {
			data("v_community", strconv.Itoa(c))
		}
		data("v_aliases", jsonList(aliasNames(e)))
		data("v_roles", jsonList(e.Roles))
		if isDate(e.FirstSeen) {
			data("v_first_seen", e.FirstSeen)
			data("v_last_seen", e.LastSeen)
		}
		data("v_color", styleOf(e.Type).Strong)
		data("v_size", formatFloat(4+26*size.scale(e)))
		w.WriteString("    </node>\n")
	}
	for _, r := range allEdges(g) {
		st := relStyle(r)
		fmt.Fprintf(w, "    <edge id=\"%s\" source=\"%d\" target=\"%d\">\n", edgeID(r), r.Source, r.Target)
		data("e_label", r.Label)
		data("e_relation", r.Label)
		if r.Category != "" {
			data("e_category", r.Category)
		}
		data("e_tone", st.Tone.String())
		if s := statusOf(r); s != "" {
			data("e_status", s)
		}
		data("e_count", strconv.Itoa(r.Count))
		data("e_weight", strconv.Itoa(r.Count))
		if ds := evidenceDates(r); len(ds) > 0 {
			data("e_first_seen", ds[0])
			data("e_last_seen", ds[len(ds)-1])
		}
		if ev := firstEvidence(r); ev != "" {
			data("e_evidence", ev)
		}
		data("e_color", st.Color)
		w.WriteString("    </edge>\n")
	}
	w.WriteString("  </graph>\n</graphml>\n")
}

// jsonList encodes a list of strings as a JSON array.
func jsonList(items []string) string {
	if items == nil {
		items = []string{}
	}
	b, _ := json.Marshal(items)
	return string(b)
}
