package render

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// Selection cuts a view out of a graph; render and export share it. The
// zero value selects every entity and typed relation, without
// co-mentions.
type Selection struct {
	Focus      []string             // entity names, aliases or ids to centre on
	Depth      int                  // hops from the focus (0 means 1)
	Types      []extract.EntityType // keep only these entity types
	Labels     []string             // keep only relations with these labels ("met")
	Categories []string             // keep only these PLOVER categories
	MinCount   int                  // keep relations seen at least this often
	Top        int                  // keep the N entities of highest PageRank linked to one another (focus always kept; topLinked)
	Since      string               // ISO date: keep evidence on or after
	Until      string               // ISO date: keep evidence on or before
	CoMentions bool                 // include co_mentioned edges
	Events     bool                 // include event nodes linked to the selected entities
}

// ErrNoEntity is returned when a focus name matches no entity.
var ErrNoEntity = errors.New("no entity")

// Check validates the selection's values.
func (s *Selection) Check() error {
	for _, d := range []string{s.Since, s.Until} {
		if d == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			return fmt.Errorf("%w: date %q is not YYYY-MM-DD", ErrBadOption, d)
		}
	}
	if s.Since != "" && s.Until != "" && s.Since > s.Until {
		return fmt.Errorf("%w: --since %s is after --until %s", ErrBadOption, s.Since, s.Until)
	}
	if s.Depth < 0 || s.MinCount < 0 || s.Top < 0 {
		return fmt.Errorf("%w: depth, min-count and top must not be negative", ErrBadOption)
	}
	for _, c := range s.Categories {
		if _, ok := categoryStyles[c]; !ok {
			return fmt.Errorf("%w: unknown PLOVER category %q", ErrBadOption, c)
		}
	}
	return nil
}

// Resolve finds the entities a name refers to: an entity id, or entities
// whose name or alias equals it after case folding; failing that, those
// whose name contains it as whole words. It fails with ErrNoEntity, or
// lists the candidates when a partial name is ambiguous.
func Resolve(g *graph.Graph, name string) ([]int64, error) {
	if id, err := strconv.ParseInt(name, 10, 64); err == nil && g.Entity(id) != nil {
		return []int64{id}, nil
	}
	q := extract.Fold(name)
	var exact, partial []int64
	for _, e := range g.Entities() {
		names := []string{e.Name}
		for _, a := range e.Aliases {
			names = append(names, a.Name)
		}
		for _, n := range names {
			f := extract.Fold(n)
			if f == q {
				exact = append(exact, e.ID)
				break
			}
			if q != "" && strings.Contains(" "+f+" ", " "+q+" ") {
				partial = append(partial, e.ID)
				break
			}
		}
	}
	switch {
	case len(exact) > 0:
		return exact, nil
	case len(partial) == 1:
		return partial, nil
	case len(partial) > 1:
		var ns []string
		for _, id := range partial {
			e := g.Entity(id)
			ns = append(ns, fmt.Sprintf("%s (%s, id %d)", e.Name, e.Type, e.ID))
		}
		return nil, fmt.Errorf("%w named %q; did you mean one of: %s", ErrNoEntity, name, strings.Join(ns, "; "))
	}
	return nil, fmt.Errorf("%w named %q", ErrNoEntity, name)
}

// Select returns the view of g that s describes, as a new graph, and the
// ids of the focus entities. Relations are filtered first (label,
// category, dates, count); then entities by type; then the focus
// neighbourhood is walked over the remaining edges in both directions;
// then --top keeps the highest-ranked entities (topLinked). m gives the ranks for
// --top (nil computes them from g).
func Select(g *graph.Graph, s Selection, m *graph.Metrics) (*graph.Graph, []int64, error) {
	if err := s.Check(); err != nil {
		return nil, nil, err
	}
	var focus []int64
	for _, name := range s.Focus {
		ids, err := Resolve(g, name)
		if err != nil {
			return nil, nil, err
		}
		focus = append(focus, ids...)
	}
	slices.Sort(focus)
	focus = slices.Compact(focus)

	keepType := func(e *graph.Entity) bool {
		// event nodes are asked for by --events, whatever the types
		return e != nil && (len(s.Types) == 0 || slices.Contains(s.Types, e.Type) || graph.IsEventNode(e.Key))
	}
	dated := s.Since != "" || s.Until != ""
	inRange := func(d string) bool {
		return d != "" && (s.Since == "" || d >= s.Since) && (s.Until == "" || d <= s.Until)
	}
	// filterRel applies the edge filters, trimming evidence to the date
	// range; it returns nil if the relation does not survive.
	filterRel := func(r *graph.Relation, typed bool) *graph.Relation {
		if typed && len(s.Labels) > 0 && !slices.Contains(s.Labels, r.Label) {
			return nil
		}
		if typed && len(s.Categories) > 0 && !slices.Contains(s.Categories, r.Category) {
			return nil
		}
		c := *r
		if dated {
			c.Evidence = nil
			for _, ev := range r.Evidence {
				if inRange(ev.Date) {
					c.Evidence = append(c.Evidence, ev)
				}
			}
			if len(c.Evidence) == 0 {
				return nil
			}
			if len(r.Evidence) > 0 {
				// Scale the count to the evidence kept (counts equal
				// evidence in a healthy store).
				c.Count = max(1, r.Count*len(c.Evidence)/len(r.Evidence))
			}
		}
		if c.Count < s.MinCount {
			return nil
		}
		if !keepType(g.Entity(c.Source)) || !keepType(g.Entity(c.Target)) {
			return nil
		}
		return &c
	}
	var rels []*graph.Relation
	for _, r := range g.Relations() {
		if c := filterRel(r, true); c != nil {
			rels = append(rels, c)
		}
	}
	var cos []*graph.Relation
	if s.CoMentions {
		for _, r := range g.CoMentions() {
			if c := filterRel(r, false); c != nil {
				cos = append(cos, c)
			}
		}
	}

	// Which entities are candidates.
	keep := map[int64]bool{}
	edgeFiltered := len(s.Labels) > 0 || len(s.Categories) > 0 || s.MinCount > 0 || dated
	if edgeFiltered {
		for _, r := range slices.Concat(rels, cos) {
			keep[r.Source], keep[r.Target] = true, true
		}
	} else {
		for _, e := range g.Entities() {
			if keepType(e) {
				keep[e.ID] = true
			}
		}
	}
	for _, id := range focus {
		keep[id] = true
	}

	if len(focus) > 0 {
		depth := max(s.Depth, 1)
		adj := map[int64][]int64{}
		for _, r := range slices.Concat(rels, cos) {
			adj[r.Source] = append(adj[r.Source], r.Target)
			adj[r.Target] = append(adj[r.Target], r.Source)
		}
		seen := map[int64]bool{}
		frontier := slices.Clone(focus)
		for _, id := range focus {
			seen[id] = true
		}
		for d := 0; d < depth && len(frontier) > 0; d++ {
			var next []int64
			for _, id := range frontier {
				for _, n := range adj[id] {
					if !seen[n] && keep[n] {
						seen[n] = true
						next = append(next, n)
					}
				}
			}
			frontier = next
		}
		keep = seen
	}

	cut := s.Top > 0 && len(keep) > s.Top
	if cut {
		if m == nil {
			m = graph.Analyze(g, 0)
		}
		keep = topLinked(g, keep, focus, slices.Concat(rels, cos), s.Top, m.PageRank)
	}

	out := graph.New()
	docs := map[string]bool{}
	var evs []*graph.Entity
	var evRels []*graph.Relation
	if s.Events {
		out.InlineEvents()
		limit := 0
		if cut {
			limit = s.Top
		}
		evs, evRels = selectEvents(g, keep, filterRel, limit)
	}
	for _, e := range g.Entities() {
		if keep[e.ID] {
			out.AddEntity(*e)
		}
	}
	for _, e := range evs {
		out.AddEntity(*e)
	}
	for _, r := range evRels {
		out.AddRelation(*r)
		for _, ev := range r.Evidence {
			docs[ev.Doc] = true
		}
	}
	for _, r := range slices.Concat(rels, cos) {
		if keep[r.Source] && keep[r.Target] {
			out.AddRelation(*r)
			for _, ev := range r.Evidence {
				docs[ev.Doc] = true
			}
		}
	}
	all := len(focus) == 0 && !edgeFiltered && len(s.Types) == 0 && s.Top == 0
	for _, d := range g.Docs() {
		if all || docs[d.ID] {
			out.AddDoc(d)
		}
	}
	return out, focus, nil
}

// topLinked returns the top entities of keep, the focus always among
// them, so that an entity drawn is linked to another one drawn: an entity
// whose every edge leads to one left out would be a dot linked to nothing
// (PageRank counts co-mentions, which a drawing leaves out unless asked,
// and a relation's source gains no rank from it). It takes the
// highest-ranked linked entities, drops those whose neighbours all missed
// the cut, and fills their places in rank order with entities linked to
// those kept; failing that, with the best-ranked entity not yet in and its
// best-ranked neighbour. Entities with no edge in the view come last.
// Ties in rank go to more edges, then more mentions, then the lower id.
func topLinked(g *graph.Graph, keep map[int64]bool, focus []int64, edges []*graph.Relation, top int, rank map[int64]float64) map[int64]bool {
	adj := map[int64][]int64{}
	for _, r := range edges {
		if r.Source != r.Target && keep[r.Source] && keep[r.Target] {
			adj[r.Source] = append(adj[r.Source], r.Target)
			adj[r.Target] = append(adj[r.Target], r.Source)
		}
	}
	mentions := func(id int64) int {
		if e := g.Entity(id); e != nil {
			return e.Mentions
		}
		return 0
	}
	ids := make([]int64, 0, len(keep))
	for id := range keep {
		if !slices.Contains(focus, id) {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b int64) int {
		da, db := len(adj[a]), len(adj[b])
		return cmp.Or(cmp.Compare(min(db, 1), min(da, 1)), cmp.Compare(rank[b], rank[a]), cmp.Compare(db, da),
			cmp.Compare(mentions(b), mentions(a)), cmp.Compare(a, b))
	})
	out := map[int64]bool{}
	for _, id := range focus {
		out[id] = true
	}
	n := min(max(top-len(focus), 0), len(ids))
	want := len(focus) + n
	for _, id := range ids[:n] {
		out[id] = true
	}
	linked := func(id int64) bool {
		for _, o := range adj[id] {
			if out[o] {
				return true
			}
		}
		return false
	}
	var orphans []int64
	for _, id := range ids[:n] {
		if len(adj[id]) > 0 && !linked(id) {
			orphans = append(orphans, id)
		}
	}
	for _, id := range orphans {
		delete(out, id)
	}
	// addLinked adds, in rank order, the entities linked to those kept.
	addLinked := func() (grew bool) {
		for _, id := range ids {
			if len(out) < want && !out[id] && linked(id) {
				out[id], grew = true, true
			}
		}
		return grew
	}
	// addPair adds the best-ranked entity not kept that has an edge, with
	// its best-ranked neighbour (not kept either, or addLinked would
	// have taken the entity).
	addPair := func() bool {
		for _, id := range ids {
			if out[id] || len(adj[id]) == 0 {
				continue
			}
			best := adj[id][0]
			for _, o := range adj[id][1:] {
				if cmp.Or(cmp.Compare(rank[o], rank[best]), cmp.Compare(best, o)) > 0 {
					best = o
				}
			}
			out[id], out[best] = true, true
			return true
		}
		return false
	}
	for len(out) < want {
		if addLinked() {
			continue
		}
		if len(out)+2 > want || !addPair() {
			break
		}
	}
	for _, id := range ids {
		if len(out) < want && len(adj[id]) == 0 {
			out[id] = true
		}
	}
	return out
}

// selectEvents picks the event nodes with a participant in the view and
// their edges, adding to keep the event's other participants and its
// place (of a kept type): an event is drawn whole. With a limit (when
// --top has cut the view), an event is picked only if all of them are
// already in it, so that the cut holds, and at most limit events are, the
// most often reported first. Edges pass filterRel
// (dates, counts, types) but not the label and category filters, which
// are for typed relations.
func selectEvents(g *graph.Graph, keep map[int64]bool, filterRel func(*graph.Relation, bool) *graph.Relation, limit int) ([]*graph.Entity, []*graph.Relation) {
	edges := map[int64][]*graph.Relation{}
	for _, r := range g.EventEdges() {
		if c := filterRel(r, false); c != nil {
			edges[r.Source] = append(edges[r.Source], c)
		}
	}
	var evs []*graph.Entity
	var rels []*graph.Relation
	var add []int64
	for _, ev := range g.EventNodes() {
		in, whole := false, true
		for _, r := range edges[ev.ID] {
			in = in || (r.Label == graph.EventParticipant && keep[r.Target])
			whole = whole && keep[r.Target]
		}
		if !in || limit > 0 && !whole {
			continue
		}
		evs = append(evs, ev)
	}
	if limit > 0 && len(evs) > limit {
		slices.SortStableFunc(evs, func(a, b *graph.Entity) int { return cmp.Compare(b.Mentions, a.Mentions) })
		evs = evs[:limit]
		slices.SortFunc(evs, func(a, b *graph.Entity) int { return cmp.Compare(a.ID, b.ID) })
	}
	for _, ev := range evs {
		for _, r := range edges[ev.ID] { // filterRel kept only targets of a kept type
			rels = append(rels, r)
			add = append(add, r.Target)
		}
	}
	for _, id := range add {
		keep[id] = true
	}
	return evs, rels
}
