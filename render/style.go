package render

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// typeStyle is how one entity type is drawn.
type typeStyle struct {
	Name   string // legend text
	Shape  string // Graphviz shape
	Fill   string // light fill for diagrams
	Strong string // saturated colour for Gephi and web tools
	Viz    string // GEXF viz:shape
}

var typeStyles = map[extract.EntityType]typeStyle{
	extract.Person: {"Person", "ellipse", "#9ecae1", "#3182bd", "disc"},
	extract.Org:    {"Organisation", "box", "#c7e9c0", "#31a354", "square"},
	extract.GPE:    {"Country, city", "hexagon", "#fdd0a2", "#e6550d", "diamond"},
	extract.Loc:    {"Location", "octagon", "#dadaeb", "#756bb1", "diamond"},
	extract.Fac:    {"Facility", "box3d", "#fff3b0", "#c9a400", "square"},
	extract.NORP:   {"Group, nationality", "parallelogram", "#e5d8bd", "#8c6d31", "triangle"},
	extract.Event:  {"Event", "cds", "#fcc5c0", "#dd3497", "triangle"},
	extract.Date:   {"Date", "note", "#eeeeee", "#969696", "square"},
}

var noStyle = typeStyle{"Other", "ellipse", "#ffffff", "#bdbdbd", "disc"}

func styleOf(t extract.EntityType) typeStyle {
	if s, ok := typeStyles[t]; ok {
		return s
	}
	return noStyle
}

// Tone groups PLOVER categories so that cooperative, consultative and
// hostile relations are told apart at a glance.
type Tone int

// Tones, in legend order.
const (
	Cooperative Tone = iota
	Consultative
	Hostile
	Other
	CoMention
)

var toneNames = [...]string{"cooperative", "consultative", "hostile", "other", "co-mentioned"}

func (t Tone) String() string { return toneNames[t] }

// edgeStyle is how one PLOVER category is drawn.
type edgeStyle struct {
	Tone  Tone
	Color string
	Style string // Graphviz style
	Bold  bool   // material (not verbal) actions are drawn heavier
}

var categoryStyles = map[string]edgeStyle{
	// Verbal and material cooperation: greens.
	"AGREE":     {Cooperative, "#41ab5d", "solid", false},
	"SUPPORT":   {Cooperative, "#41ab5d", "solid", false},
	"CONCEDE":   {Cooperative, "#41ab5d", "solid", false},
	"COOPERATE": {Cooperative, "#006d2c", "solid", true},
	"AID":       {Cooperative, "#006d2c", "solid", true},
	"RETREAT":   {Cooperative, "#006d2c", "solid", true},
	// Consultation: blues.
	"CONSULT": {Consultative, "#2171b5", "solid", false},
	"REQUEST": {Consultative, "#6baed6", "solid", false},
	// Verbal conflict: dashed orange-red; material conflict: heavy dark red.
	"ACCUSE":   {Hostile, "#e6550d", "dashed", false},
	"REJECT":   {Hostile, "#e6550d", "dashed", false},
	"THREATEN": {Hostile, "#d94801", "dashed", false},
	"PROTEST":  {Hostile, "#e6550d", "dashed", false},
	"SANCTION": {Hostile, "#cb181d", "solid", true},
	"MOBILIZE": {Hostile, "#cb181d", "solid", true},
	"COERCE":   {Hostile, "#a50f15", "solid", true},
	"ASSAULT":  {Hostile, "#67000d", "solid", true},
}

var (
	otherStyle     = edgeStyle{Other, "#636363", "solid", false}
	coMentionStyle = edgeStyle{CoMention, "#bdbdbd", "dashed", false}
)

// toneColors is the legend colour of each tone.
var toneColors = [...]string{"#41ab5d", "#2171b5", "#cb181d", "#636363", "#bdbdbd"}

func relStyle(r *graph.Relation) edgeStyle {
	if r.Label == graph.CoMentioned {
		return coMentionStyle
	}
	if s, ok := categoryStyles[r.Category]; ok {
		return s
	}
	return otherStyle
}

// ToneOf returns the tone of a PLOVER category ("" or unknown is Other).
func ToneOf(category string) Tone {
	if s, ok := categoryStyles[category]; ok {
		return s.Tone
	}
	return Other
}

// penWidth grows with the log of a relation's count.
func penWidth(count int, bold bool) float64 {
	w := 1.2 + 1.3*math.Log2(float64(max(count, 1)))
	if bold {
		w += 1
	}
	return min(w, 7)
}

// sizer scales nodes by mentions or PageRank into [0, 1].
type sizer struct {
	byRank bool
	max    float64
	m      *graph.Metrics
}

func newSizer(g *graph.Graph, m *graph.Metrics, by string) sizer {
	s := sizer{byRank: by == "rank", m: m}
	for _, e := range g.Entities() {
		s.max = max(s.max, s.raw(e))
	}
	return s
}

func (s sizer) raw(e *graph.Entity) float64 {
	if s.byRank {
		return s.m.PageRank[e.ID]
	}
	return float64(e.Mentions)
}

// scale is the square root of the entity's share of the maximum, so
// that areas, not widths, follow the measure.
func (s sizer) scale(e *graph.Entity) float64 {
	if s.max <= 0 {
		return 0
	}
	return math.Sqrt(s.raw(e) / s.max)
}

// Auto layout thresholds: beyond these, dot's hierarchical layout is slow
// and unreadable, and sfdp takes over.
const (
	maxDotNodes = 120
	maxDotEdges = 300
	// In large views only the biggest nodes are labelled.
	largeLabels = 60
)

// DrawLimit is how many entities 'kgx render' draws unless told
// otherwise (--top): the highest-ranked ones. A whole store of a few
// thousand articles holds thousands of entities, most linked to nothing;
// drawn all at once they are an unreadable cloud that sfdp takes a minute
// to lay out (5,487 entities of 4,000 articles: 47 s, against 0.5 s for
// 300).
const DrawLimit = 300

// chooseLayout returns the Graphviz engine for a view.
func chooseLayout(o *Options, nodes, edges int) string {
	if o.Layout != "" {
		return o.Layout
	}
	if nodes > maxDotNodes || edges > maxDotEdges {
		return "sfdp"
	}
	return "dot"
}

// cluster is a named group of entities drawn in one box.
type cluster struct {
	Label string
	IDs   []int64
}

// clusters groups the entities of g for Options.Cluster. "community"
// uses the Louvain communities (singletons stay unboxed); "country" puts
// each place (GPE) in its own box with the entities most strongly tied
// to it, by relation and co-mention counts (ties to the smaller id).
func clusters(g *graph.Graph, m *graph.Metrics, how string) []cluster {
	groups := map[int64][]int64{} // key entity or community -> members
	label := map[int64]string{}
	switch how {
	case "community":
		for _, e := range g.Entities() {
			c, ok := m.Community[e.ID]
			if !ok {
				continue
			}
			k := int64(c)
			groups[k] = append(groups[k], e.ID)
			label[k] = fmt.Sprintf("Community %d", c+1)
		}
	case "country":
		tie := map[[2]int64]int{}
		add := func(a, b int64, n int) {
			tie[[2]int64{a, b}] += n
			tie[[2]int64{b, a}] += n
		}
		for _, r := range g.Relations() {
			add(r.Source, r.Target, 2*r.Count)
		}
		for _, r := range g.CoMentions() {
			add(r.Source, r.Target, r.Count)
		}
		for _, e := range g.Entities() {
			if e.Type == extract.GPE {
				groups[e.ID] = append(groups[e.ID], e.ID)
				label[e.ID] = e.Name
			}
		}
		for _, e := range g.Entities() {
			if e.Type == extract.GPE {
				continue
			}
			best, bestN := int64(0), 0
			for k := range groups {
				if n := tie[[2]int64{e.ID, k}]; n > bestN || (n == bestN && n > 0 && k < best) {
					best, bestN = k, n
				}
			}
			if bestN > 0 {
				groups[best] = append(groups[best], e.ID)
			}
		}
	default:
		return nil
	}
	var out []cluster
	for k, ids := range groups {
		if len(ids) < 2 {
			continue
		}
		slices.Sort(ids)
		out = append(out, cluster{label[k], ids})
	}
	slices.SortFunc(out, func(a, b cluster) int { return cmp.Compare(a.IDs[0], b.IDs[0]) })
	return out
}

// legend returns a Graphviz HTML label listing the entity types and
// relation tones present in g.
func legend(title string, g *graph.Graph) string {
	types := map[extract.EntityType]bool{}
	for _, e := range g.Entities() {
		types[e.Type] = true
	}
	tones := map[Tone]bool{}
	hedges := map[string]bool{}
	for _, r := range g.Relations() {
		tones[relStyle(r).Tone] = true
		switch hedgeOf(r) {
		case "":
		case "negated":
			hedges["negated"] = true
		default:
			hedges["hedged"] = true
		}
	}
	if len(g.CoMentions()) > 0 {
		tones[CoMention] = true
	}
	var b strings.Builder
	b.WriteString(`<<table border="0" cellborder="0" cellspacing="1" cellpadding="3">`)
	if title != "" {
		fmt.Fprintf(&b, `<tr><td colspan="2" align="left"><font point-size="14"><b>%s</b></font></td></tr>`, htmlText(title))
	}
	row := func(swatch, text string) {
		fmt.Fprintf(&b, `<tr><td align="center">%s</td><td align="left">%s</td></tr>`, swatch, htmlText(text))
	}
	for _, t := range append([]extract.EntityType{extract.NoType}, extract.EntityTypes()...) {
		if !types[t] {
			continue
		}
		s := styleOf(t)
		row(fmt.Sprintf(`<table border="1" cellborder="0" cellpadding="0" color="#555555"><tr><td bgcolor="%s" width="22" height="10"></td></tr></table>`, s.Fill), s.Name)
	}
	for t := Cooperative; t <= CoMention; t++ {
		if !tones[t] {
			continue
		}
		if t == CoMention {
			row(fmt.Sprintf(`<font color="%s"><b>– – –</b></font>`, toneColors[t]), toneLegend[t])
			continue
		}
		row(fmt.Sprintf(`<table border="0" cellborder="0" cellpadding="0" cellspacing="0"><tr><td bgcolor="%s" width="24" height="3" fixedsize="true"></td></tr></table>`, toneColors[t]), toneLegend[t])
	}
	if len(tones) > 0 {
		row("", "thicker line: reported more often")
	}
	if hedges["negated"] {
		row("", "dashed, “not …”: the text says it did not happen")
	}
	if hedges["hedged"] {
		row("", "dotted: planned or reported, not asserted")
	}
	b.WriteString(`</table>>`)
	return b.String()
}

var toneLegend = [...]string{
	"cooperative (agree, support, aid)",
	"consultative (meet, visit, request)",
	"hostile (dashed: verbal; heavy: material)",
	"other relation",
	"named in the same sentence",
}
