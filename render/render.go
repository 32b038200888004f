package render

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/kgx-project/kgx/graph"
)

// Options controls how a graph is drawn or exported. The zero value is
// ready to use.
type Options struct {
	// Title names the graph (DOT label, GEXF description).
	Title string
	// Metrics gives PageRank and communities; nil computes them from the
	// graph being written, with Seed.
	Metrics *graph.Metrics
	Seed    uint64
	// SizeBy scales nodes by "mentions" (the default) or "rank".
	SizeBy string
	// Cluster groups nodes in DOT/SVG/PNG: "", "community" or "country".
	Cluster string
	// Layout is the Graphviz engine: "" chooses dot for small views and
	// sfdp for large ones; neato, fdp and circo may be asked for.
	Layout string
	// Focus lists the entities the view is centred on; they are drawn
	// bold.
	Focus []int64
	// Legend adds a legend to diagrams; NoLegend removes it.
	NoLegend bool
}

// Formats lists every output format, diagrams first.
var Formats = []string{"dot", "svg", "png", "gexf", "graphml", "csv", "json", "jsonl"}

// Layouts lists the Graphviz layout engines Options.Layout accepts.
var Layouts = []string{"dot", "sfdp", "neato", "fdp", "circo"}

// ErrBadOption reports an option value this package does not know.
var ErrBadOption = errors.New("render: bad option")

// Check validates the options.
func (o *Options) Check() error {
	switch o.SizeBy {
	case "", "mentions", "rank":
	default:
		return fmt.Errorf("%w: size by %q (want mentions or rank)", ErrBadOption, o.SizeBy)
	}
	switch o.Cluster {
	case "", "community", "country":
	default:
		return fmt.Errorf("%w: cluster %q (want community or country)", ErrBadOption, o.Cluster)
	}
	switch o.Layout {
	case "", "dot", "sfdp", "neato", "fdp", "circo":
	default:
		return fmt.Errorf("%w: layout %q (want dot, sfdp, neato, fdp or circo)", ErrBadOption, o.Layout)
	}
	return nil
}

// metrics returns the metrics to use for g.
func (o *Options) metrics(g *graph.Graph) *graph.Metrics {
	if o.Metrics != nil {
		return o.Metrics
	}
	return graph.Analyze(g, o.Seed)
}

// edgeID names a relation stably across exports: source, target and a
// label slug (the label itself when it is a plain ASCII word, else a
// hash of it). Valid as an XML NMTOKEN.
func edgeID(r *graph.Relation) string {
	slug := r.Label
	for _, c := range []byte(slug) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			slug = "x" + hex(fnv32(r.Label))
			break
		}
	}
	if slug == "" {
		slug = "x"
	}
	return fmt.Sprintf("%d-%d-%s", r.Source, r.Target, slug)
}

func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// allEdges returns the typed relations then the co-mentions of g.
func allEdges(g *graph.Graph) []*graph.Relation {
	return append(g.Relations(), g.CoMentions()...)
}

// spells returns the distinct evidence dates of r, sorted.
func evidenceDates(r *graph.Relation) []string {
	var ds []string
	for _, ev := range r.Evidence {
		if ev.Date != "" && isDate(ev.Date) {
			ds = append(ds, ev.Date)
		}
	}
	slices.Sort(ds)
	return slices.Compact(ds)
}

// isDate reports whether s is an ISO date (YYYY-MM-DD), the only form
// written into date-typed fields.
func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// nodeSpan returns the earliest and latest date an entity is seen, on
// its own or through its relations in g.
func nodeSpans(g *graph.Graph) map[int64][2]string {
	out := map[int64][2]string{}
	widen := func(id int64, d string) {
		if d == "" || !isDate(d) {
			return
		}
		s, ok := out[id]
		if !ok {
			out[id] = [2]string{d, d}
			return
		}
		if d < s[0] {
			s[0] = d
		}
		if d > s[1] {
			s[1] = d
		}
		out[id] = s
	}
	for _, e := range g.Entities() {
		widen(e.ID, e.FirstSeen)
		widen(e.ID, e.LastSeen)
	}
	for _, r := range allEdges(g) {
		for _, d := range evidenceDates(r) {
			widen(r.Source, d)
			widen(r.Target, d)
		}
	}
	return out
}

// aliasNames returns an entity's alias names.
func aliasNames(e *graph.Entity) []string {
	out := make([]string, 0, len(e.Aliases))
	for _, a := range e.Aliases {
		out = append(out, a.Name)
	}
	return out
}

// firstEvidence is the first evidence sentence of r, shortened.
func firstEvidence(r *graph.Relation) string {
	if len(r.Evidence) == 0 {
		return ""
	}
	return truncate(r.Evidence[0].Sentence, 500)
}

// latestDoc returns the latest document date in g, or "".
func latestDoc(g *graph.Graph) string {
	var d string
	for _, doc := range g.Docs() {
		if doc.Date > d && isDate(doc.Date) {
			d = doc.Date
		}
	}
	return d
}
