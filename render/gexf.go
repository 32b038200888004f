package render

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kgx-project/kgx/graph"
)

// GEXF 1.3 namespaces.
const (
	gexfNS    = "http://gexf.net/1.3"
	gexfVizNS = "http://gexf.net/1.3/viz"
)

// attr declares one GEXF or GraphML attribute.
type attr struct {
	id, typ string
}

var (
	nodeAttrs = []attr{
		{"type", "string"}, {"key", "string"}, {"mentions", "integer"}, {"documents", "integer"},
		{"pagerank", "double"}, {"community", "integer"}, {"aliases", "liststring"}, {"roles", "liststring"},
		{"first_seen", "string"}, {"last_seen", "string"},
	}
	edgeAttrs = []attr{
		{"relation", "string"}, {"category", "string"}, {"tone", "string"}, {"status", "string"}, {"count", "integer"},
		{"first_seen", "string"}, {"last_seen", "string"}, {"evidence", "string"},
	}
)

// WriteGEXF writes g as GEXF 1.3 for Gephi: node attributes type, key,
// mentions, documents, pagerank, community, aliases, roles and seen
// dates; edge attributes relation, category, tone, status (asserted,
// negated, planned or reported), count, seen dates and the first evidence
// sentence; viz colour, size and shape; and spells
// from document dates, so that Gephi's timeline slider works. Entities
// and relations without dates have no spells and show at every time.
// Co-mentions, if present, are "mutual" edges.
func WriteGEXF(w io.Writer, g *graph.Graph, opts Options) error {
	if err := opts.Check(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	writeGEXF(bw, g, &opts)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("render: write gexf: %w", err)
	}
	return nil
}

func writeGEXF(w *bufio.Writer, g *graph.Graph, opts *Options) {
	m := opts.metrics(g)
	size := newSizer(g, m, opts.SizeBy)
	spans := nodeSpans(g)
	dynamic := len(spans) > 0

	w.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(w, "<gexf xmlns=%q xmlns:viz=%q version=\"1.3\">\n", gexfNS, gexfVizNS)
	if d := latestDoc(g); d != "" {
		fmt.Fprintf(w, "  <meta lastmodifieddate=\"%s\">\n", d)
	} else {
		w.WriteString("  <meta>\n")
	}
	w.WriteString("    <creator>kgx</creator>\n")
	desc := opts.Title
	if desc == "" {
		desc = "kgx knowledge graph"
	}
	fmt.Fprintf(w, "    <description>%s</description>\n", xmlText(desc))
	w.WriteString("  </meta>\n")
	if dynamic {
		w.WriteString("  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\">\n")
	} else {
		w.WriteString("  <graph defaultedgetype=\"directed\" mode=\"static\">\n")
	}
	for _, class := range []struct {
		name  string
		attrs []attr
	}{{"node", nodeAttrs}, {"edge", edgeAttrs}} {
		fmt.Fprintf(w, "    <attributes class=\"%s\" mode=\"static\">\n", class.name)
		for _, a := range class.attrs {
			fmt.Fprintf(w, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", a.id, a.id, a.typ)
		}
		w.WriteString("    </attributes>\n")
	}

	ents := g.Entities()
	fmt.Fprintf(w, "    <nodes count=\"%d\">\n", len(ents))
	for _, e := range ents {
		st := styleOf(e.Type)
		fmt.Fprintf(w, "      <node id=\"%d\" label=\"%s\">\n", e.ID, xmlText(e.Name))
		w.WriteString("        <attvalues>\n")
		av := func(k, v string) {
			fmt.Fprintf(w, "          <attvalue for=\"%s\" value=\"%s\"/>\n", k, xmlText(v))
		}
		av("type", e.Type.String())
		av("key", e.Key)
		av("mentions", strconv.Itoa(e.Mentions))
		av("documents", strconv.Itoa(e.Documents))
		av("pagerank", formatFloat(m.PageRank[e.ID]))
		if c, ok := m.Community[e.ID]; ok {
			av("community", strconv.Itoa(c))
		}
		av("aliases", gexfList(aliasNames(e)))
		av("roles", gexfList(e.Roles))
		if isDate(e.FirstSeen) {
			av("first_seen", e.FirstSeen)
			av("last_seen", e.LastSeen)
		}
		w.WriteString("        </attvalues>\n")
		if s, ok := spans[e.ID]; ok {
			fmt.Fprintf(w, "        <spells>\n          <spell start=\"%s\" end=\"%s\"/>\n        </spells>\n", s[0], s[1])
		}
		r, gg, b := rgb(st.Strong)
		fmt.Fprintf(w, "        <viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>\n", r, gg, b)
		fmt.Fprintf(w, "        <viz:size value=\"%s\"/>\n", formatFloat(4+26*size.scale(e)))
		fmt.Fprintf(w, "        <viz:shape value=\"%s\"/>\n", st.Viz)
		w.WriteString("      </node>\n")
	}
	w.WriteString("    </nodes>\n")

	edges := allEdges(g)
	fmt.Fprintf(w, "    <edges count=\"%d\">\n", len(edges))
	for _, rel := range edges {
		st := relStyle(rel)
		typ := "directed"
		if rel.Label == graph.CoMentioned {
			typ = "mutual"
		}
		fmt.Fprintf(w, "      <edge id=\"%s\" source=\"%d\" target=\"%d\" type=\"%s\" label=\"%s\" kind=\"%s\" weight=\"%d\">\n",
			edgeID(rel), rel.Source, rel.Target, typ, xmlText(rel.Label), xmlText(rel.Label), rel.Count)
		w.WriteString("        <attvalues>\n")
		av := func(k, v string) {
			fmt.Fprintf(w, "          <attvalue for=\"%s\" value=\"%s\"/>\n", k, xmlText(v))
		}
		av("relation", rel.Label)
		if rel.Category != "" {
			av("category", rel.Category)
		}
		av("tone", st.Tone.String())
		if s := statusOf(rel); s != "" {
			av("status", s)
		}
		av("count", strconv.Itoa(rel.Count))
		dates := evidenceDates(rel)
		if len(dates) > 0 {
			av("first_seen", dates[0])
			av("last_seen", dates[len(dates)-1])
		}
		if ev := firstEvidence(rel); ev != "" {
			av("evidence", ev)
		}
		w.WriteString("        </attvalues>\n")
		if len(dates) > 0 {
			w.WriteString("        <spells>\n")
			for _, d := range dates {
				fmt.Fprintf(w, "          <spell start=\"%s\" end=\"%s\"/>\n", d, d)
			}
			w.WriteString("        </spells>\n")
		}
		r, gg, b := rgb(st.Color)
		fmt.Fprintf(w, "        <viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>\n", r, gg, b)
		fmt.Fprintf(w, "        <viz:thickness value=\"%s\"/>\n", formatFloat(penWidth(rel.Count, st.Bold)))
		if st.Style == "dashed" {
			w.WriteString("        <viz:shape value=\"dashed\"/>\n")
		}
		w.WriteString("      </edge>\n")
	}
	w.WriteString("    </edges>\n")
	w.WriteString("  </graph>\n</gexf>\n")
}

// gexfList writes a GEXF 1.3 list value as Gephi and graphology read
// it: [ "a", "b" ], each piece double-quoted with \\ and \" escaped.
func gexfList(items []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, s := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('"')
		for _, r := range strings.ToValidUTF8(s, "\ufffd") {
			switch r {
			case '"', '\\':
				b.WriteByte('\\')
				b.WriteRune(r)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				b.WriteRune(r)
			}
		}
		b.WriteByte('"')
	}
	b.WriteByte(']')
	return b.String()
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', 9, 64) }

// rgb splits a #rrggbb colour.
func rgb(hexColor string) (r, g, b int) {
	v, _ := strconv.ParseUint(strings.TrimPrefix(hexColor, "#"), 16, 32)
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}
