package render

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/kgx-project/kgx/graph"
)

// WriteDOT writes g as a Graphviz digraph, styled for reading: node shape
// and colour by entity type, size by mentions or rank, edges coloured by
// the tone of their PLOVER category and as wide as their count, tooltips
// with the evidence, a legend, and the layout engine named in the graph
// so that `dot -Tsvg` picks the same one.
func WriteDOT(w io.Writer, g *graph.Graph, opts Options) error {
	if err := opts.Check(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	writeDOT(bw, g, &opts)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("render: write dot: %w", err)
	}
	return nil
}

// dotLayout returns the layout engine WriteDOT names for g.
func dotLayout(g *graph.Graph, opts *Options) string {
	return chooseLayout(opts, len(g.Entities()), len(g.Relations())+len(g.CoMentions()))
}

func nodeID(id int64) string { return "n" + strconv.FormatInt(id, 10) }

func writeDOT(w *bufio.Writer, g *graph.Graph, opts *Options) {
	m := opts.metrics(g)
	ents := g.Entities()
	rels := g.Relations()
	cos := g.CoMentions()
	layout := dotLayout(g, opts)
	large := layout != "dot" && len(ents) > maxDotNodes
	size := newSizer(g, m, opts.SizeBy)

	// In large views only the biggest entities carry a label.
	labelled := map[int64]bool{}
	if large {
		byScale := slices.Clone(ents)
		slices.SortStableFunc(byScale, func(a, b *graph.Entity) int {
			sa, sb := size.scale(a), size.scale(b)
			switch {
			case sa > sb:
				return -1
			case sa < sb:
				return 1
			}
			return 0
		})
		for _, e := range byScale[:min(largeLabels, len(byScale))] {
			labelled[e.ID] = true
		}
	}
	for _, id := range opts.Focus {
		labelled[id] = true
	}

	fmt.Fprintf(w, "// kgx: %d entities, %d relations, %d co-mention edges\n", len(ents), len(rels), len(cos))
	w.WriteString("digraph kgx {\n")
	attrs := []string{
		`charset="UTF-8"`, "layout=" + layout, `fontname="Helvetica,Arial,sans-serif"`, "fontsize=11",
		`bgcolor="white"`, "pad=0.3", "outputorder=edgesfirst",
	}
	switch layout {
	case "dot":
		attrs = append(attrs, "rankdir=LR", "nodesep=0.35", "ranksep=0.9", "newrank=true")
	case "sfdp":
		// overlap=scale, not prism or voronoi: in go-graphviz's WASM build
		// those overlap removers take a minute on 1,000 nodes (native
		// Graphviz: half a second); scaling takes well under one.
		attrs = append(attrs, "overlap=scale", "splines=false")
	case "neato", "fdp":
		attrs = append(attrs, "overlap=false", "splines=true", "sep=\"+8\"")
	case "circo":
		attrs = append(attrs, "overlap=false", "splines=true")
	}
	if !opts.NoLegend {
		attrs = append(attrs, "label="+legend(opts.Title, g), "labelloc=b", "labeljust=l")
	} else if opts.Title != "" {
		attrs = append(attrs, "label="+dotString(display(opts.Title)), "labelloc=t")
	}
	fmt.Fprintf(w, "\tgraph [%s];\n", strings.Join(attrs, ", "))
	w.WriteString("\tnode [fontname=\"Helvetica,Arial,sans-serif\", style=\"filled\", color=\"#4d4d4d\", penwidth=0.8, margin=\"0.10,0.04\"];\n")
	w.WriteString("\tedge [fontname=\"Helvetica,Arial,sans-serif\", fontsize=9, arrowsize=0.7, fontcolor=\"#404040\"];\n")

	inCluster := map[int64]bool{}
	for i, c := range clusters(g, m, opts.Cluster) {
		fmt.Fprintf(w, "\tsubgraph cluster_%d {\n", i)
		fmt.Fprintf(w, "\t\tgraph [label=%s, style=\"rounded,dashed\", color=\"#9e9e9e\", fontcolor=\"#616161\", fontsize=10];\n", dotString(display(c.Label)))
		for _, id := range c.IDs {
			inCluster[id] = true
			writeNode(w, "\t\t", g.Entity(id), opts, size, large && !labelled[id])
		}
		w.WriteString("\t}\n")
	}
	for _, e := range ents {
		if !inCluster[e.ID] {
			writeNode(w, "\t", e, opts, size, large && !labelled[e.ID])
		}
	}
	for _, r := range rels {
		writeEdge(w, g, r, large)
	}
	for _, r := range cos {
		writeEdge(w, g, r, large)
	}
	w.WriteString("}\n")
}

func writeNode(w *bufio.Writer, indent string, e *graph.Entity, opts *Options, size sizer, dotOnly bool) {
	st := styleOf(e.Type)
	sc := size.scale(e)
	attrs := []string{
		"shape=" + st.Shape,
		`fillcolor="` + st.Fill + `"`,
		"tooltip=" + dotString(entityTooltip(e)),
	}
	if dotOnly {
		d := 0.12 + 0.3*sc
		// A space, not "": the WebAssembly Graphviz that draws SVG and
		// PNG (go-graphviz v0.2.10) prints the node's id ("n7339...")
		// for an empty label, where the Graphviz binaries print nothing.
		attrs = append(attrs, `label=" "`, "fixedsize=true", fmt.Sprintf("width=%.2f", d), fmt.Sprintf("height=%.2f", d))
	} else {
		attrs = append(attrs, "label="+dotString(display(e.Name)), fmt.Sprintf("fontsize=%.1f", 10+10*sc))
	}
	if st.Shape == "box" {
		attrs[0] = "shape=box"
		attrs = append(attrs, `style="filled,rounded"`)
	}
	if slices.Contains(opts.Focus, e.ID) {
		attrs = append(attrs, "penwidth=2.5", `color="#000000"`, fmt.Sprintf("fontsize=%.1f", 20.0), `fontname="Helvetica-Bold,Arial Bold,sans-serif"`)
	}
	fmt.Fprintf(w, "%s%s [%s];\n", indent, nodeID(e.ID), strings.Join(attrs, ", "))
}

func writeEdge(w *bufio.Writer, g *graph.Graph, r *graph.Relation, large bool) {
	st := relStyle(r)
	attrs := []string{
		`color="` + st.Color + `"`,
		fmt.Sprintf("penwidth=%.1f", penWidth(r.Count, st.Bold)),
		"tooltip=" + dotString(relationTooltip(g, r)),
	}
	hedge := hedgeOf(r)
	switch {
	case hedge == "negated":
		attrs = append(attrs, `style="dashed"`, "arrowhead=tee")
	case hedge != "":
		attrs = append(attrs, `style="dotted"`)
	case st.Style != "solid":
		attrs = append(attrs, `style="`+st.Style+`"`)
	}
	if r.Label == graph.CoMentioned {
		attrs = append(attrs, "dir=none", "weight=0", "constraint=false")
	} else if !large {
		l := display(r.Label)
		switch hedge {
		case "":
		case "negated":
			l = "not " + l
		default:
			l += " (" + hedge + ")"
		}
		if r.Count > 1 {
			l += fmt.Sprintf(" ×%d", r.Count)
		}
		attrs = append(attrs, "label="+dotString(l), `fontcolor="`+st.Color+`"`)
	}
	fmt.Fprintf(w, "\t%s -> %s [%s];\n", nodeID(r.Source), nodeID(r.Target), strings.Join(attrs, ", "))
}

// hedgeOf says how a relation's evidence holds it when none of it
// asserts the relation: "negated" when every sentence negates it ("did
// not meet"), else "planned" or "reported" when every sentence has that
// modality; "" when some sentence asserts it, or there is no evidence.
// Drawings show such an edge dashed ("not met") or dotted ("visited
// (planned)"), so that a meeting that did not happen is not drawn as one.
func hedgeOf(r *graph.Relation) string {
	if len(r.Evidence) == 0 {
		return ""
	}
	neg, mod := true, r.Evidence[0].Modality
	for _, ev := range r.Evidence {
		neg = neg && ev.Negated
		if ev.Modality != mod {
			mod = ""
		}
	}
	switch {
	case neg:
		return "negated"
	case mod == "planned" || mod == "reported":
		return mod
	}
	return ""
}

// statusOf names how a typed relation's evidence holds it, for exports:
// hedgeOf's word when none of its sentences asserts it, else "asserted";
// "" for a co-mention.
func statusOf(r *graph.Relation) string {
	if r.Label == graph.CoMentioned {
		return ""
	}
	return cmp.Or(hedgeOf(r), "asserted")
}

func entityName(g *graph.Graph, id int64) string {
	if e := g.Entity(id); e != nil {
		return display(e.Name)
	}
	return strconv.FormatInt(id, 10)
}

// entityTooltip summarises an entity on a few lines.
func entityTooltip(e *graph.Entity) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)", display(e.Name), e.Type)
	if len(e.Aliases) > 0 {
		var as []string
		for _, a := range e.Aliases {
			as = append(as, display(a.Name))
		}
		fmt.Fprintf(&b, "\nalso: %s", truncate(strings.Join(as, ", "), 200))
	}
	if len(e.Roles) > 0 {
		var rs []string
		for _, r := range e.Roles {
			rs = append(rs, display(r))
		}
		fmt.Fprintf(&b, "\nroles: %s", truncate(strings.Join(rs, ", "), 200))
	}
	fmt.Fprintf(&b, "\n%d mentions in %d documents", e.Mentions, e.Documents)
	if e.FirstSeen != "" {
		fmt.Fprintf(&b, "\nseen %s to %s", e.FirstSeen, e.LastSeen)
	}
	return b.String()
}

// maxTooltipEvidence is how many evidence sentences a tooltip quotes.
const maxTooltipEvidence = 3

// relationTooltip names a relation and quotes its evidence.
func relationTooltip(g *graph.Graph, r *graph.Relation) string {
	var b strings.Builder
	if r.Label == graph.CoMentioned {
		fmt.Fprintf(&b, "%s and %s named in the same sentence (%d×)", entityName(g, r.Source), entityName(g, r.Target), r.Count)
	} else {
		fmt.Fprintf(&b, "%s —%s→ %s\n%s, %d×", entityName(g, r.Source), display(r.Label), entityName(g, r.Target), display(r.Category), r.Count)
		if f, l := r.FirstSeen(), r.LastSeen(); f != "" {
			if f == l {
				fmt.Fprintf(&b, ", %s", f)
			} else {
				fmt.Fprintf(&b, ", %s to %s", f, l)
			}
		}
	}
	for i, ev := range r.Evidence {
		if i == maxTooltipEvidence {
			fmt.Fprintf(&b, "\n(and %d more)", len(r.Evidence)-i)
			break
		}
		src := ev.Doc
		if d, ok := g.Doc(ev.Doc); ok && d.Title != "" {
			src = d.Title
		}
		if ev.Date != "" {
			src += ", " + ev.Date
		}
		neg := ""
		if ev.Negated {
			neg = "[negated] "
		}
		fmt.Fprintf(&b, "\n\n%s“%s”\n— %s", neg, truncate(display(ev.Sentence), 280), truncate(display(src), 100))
	}
	return b.String()
}
