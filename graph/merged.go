package graph

import (
	"cmp"
	"slices"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
)

type edgeKey struct {
	src, dst int64
	label    string
}

// Graph is the merged knowledge graph. It implements gonum's
// graph.Directed and graph.Weighted over its typed relations (co-mentions
// are kept apart, in CoMentions); the weight of an edge u->v is the total
// count of the typed relations from u to v.
//
// A Graph is not safe for concurrent mutation.
type Graph struct {
	entities map[int64]*Entity
	rels     map[edgeKey]*Relation
	co       map[edgeKey]*Relation
	out, in  map[int64]map[int64][]*Relation
	docs     map[string]Doc
	// event nodes and their edges, kept apart (events.go) unless inline
	evNodes map[int64]*Entity
	evEdges map[edgeKey]*Relation
	inline  bool
}

// New returns an empty graph.
func New() *Graph {
	return &Graph{
		entities: map[int64]*Entity{}, rels: map[edgeKey]*Relation{}, co: map[edgeKey]*Relation{},
		out: map[int64]map[int64][]*Relation{}, in: map[int64]map[int64][]*Relation{}, docs: map[string]Doc{},
		evNodes: map[int64]*Entity{}, evEdges: map[edgeKey]*Relation{},
	}
}

// Merge folds the facts of many documents into a new graph by entity key
// alone, without cross-document resolution: what the store keeps as its
// merged values.
func Merge(facts ...*Facts) *Graph {
	g := New()
	for _, f := range facts {
		g.Add(f)
	}
	return g
}

// Build merges the facts of many documents into a new graph, one node
// per real-world entity (Resolve without curation).
func Build(facts ...*Facts) *Graph {
	g, _ := Resolve(facts, nil)
	return g
}

// Add merges one document's facts into g.
func (g *Graph) Add(f *Facts) {
	g.docs[f.Doc.ID] = f.Doc
	for _, e := range f.Entities {
		g.AddEntity(e)
	}
	for _, r := range f.Relations {
		g.AddRelation(r)
	}
	for _, r := range f.CoMentions {
		g.AddRelation(r)
	}
}

// AddDoc records a document.
func (g *Graph) AddDoc(d Doc) { g.docs[d.ID] = d }

// AddEntity adds e, or merges it into the entity with the same id.
// Event nodes are kept apart (EventNodes) unless the graph inlines them.
func (g *Graph) AddEntity(e Entity) {
	m := g.entities
	if !g.inline && IsEventNode(e.Key) {
		m = g.evNodes
	}
	if old, ok := m[e.ID]; ok {
		MergeEntity(old, e)
		return
	}
	c := e
	c.Aliases = slices.Clone(e.Aliases)
	c.Roles = slices.Clone(e.Roles)
	m[e.ID] = &c
}

// AddRelation adds r, or merges it into the relation with the same
// source, label and target (counts add, evidence appends). Relations to
// unknown entities are kept; callers add entities first. Co-mentions and
// event edges (unless the graph inlines events) are kept apart.
func (g *Graph) AddRelation(r Relation) {
	k := edgeKey{r.Source, r.Target, r.Label}
	m := g.rels
	if r.Label == CoMentioned {
		m = g.co
	}
	if !g.inline && IsEventEdge(r.Label) {
		m = g.evEdges
	}
	if old, ok := m[k]; ok {
		old.Count += r.Count
		old.Evidence = append(old.Evidence, r.Evidence...)
		return
	}
	c := r
	c.Evidence = slices.Clone(r.Evidence)
	m[k] = &c
	if r.Label == CoMentioned || (!g.inline && IsEventEdge(r.Label)) {
		return
	}
	link(g.out, r.Source, r.Target, &c)
	link(g.in, r.Target, r.Source, &c)
}

func link(m map[int64]map[int64][]*Relation, a, b int64, r *Relation) {
	inner := m[a]
	if inner == nil {
		inner = map[int64][]*Relation{}
		m[a] = inner
	}
	inner[b] = append(inner[b], r)
}

// Entity returns the entity or event node with id, or nil.
func (g *Graph) Entity(id int64) *Entity {
	if e, ok := g.entities[id]; ok {
		return e
	}
	return g.evNodes[id]
}

// Entities returns all entities sorted by id.
func (g *Graph) Entities() []*Entity {
	out := make([]*Entity, 0, len(g.entities))
	for _, e := range g.entities {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b *Entity) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// Relations returns the typed relations sorted by source, target, label.
func (g *Graph) Relations() []*Relation { return sortedRels(g.rels) }

// CoMentions returns the co-mention edges sorted by source and target.
func (g *Graph) CoMentions() []*Relation { return sortedRels(g.co) }

// Docs returns the documents sorted by id.
func (g *Graph) Docs() []Doc {
	out := make([]Doc, 0, len(g.docs))
	for _, d := range g.docs {
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b Doc) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// Doc returns the document with id.
func (g *Graph) Doc(id string) (Doc, bool) { d, ok := g.docs[id]; return d, ok }

func sortedRels(m map[edgeKey]*Relation) []*Relation {
	out := make([]*Relation, 0, len(m))
	for _, r := range m {
		out = append(out, r)
	}
	slices.SortFunc(out, CompareRelations)
	return out
}

// CompareRelations orders relations by source, target and label.
func CompareRelations(a, b *Relation) int {
	return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target), cmp.Compare(a.Label, b.Label))
}

// Out returns the typed relations from id, sorted.
func (g *Graph) Out(id int64) []*Relation { return flatten(g.out[id]) }

// In returns the typed relations to id, sorted.
func (g *Graph) In(id int64) []*Relation { return flatten(g.in[id]) }

func flatten(m map[int64][]*Relation) []*Relation {
	var out []*Relation
	for _, rs := range m {
		out = append(out, rs...)
	}
	slices.SortFunc(out, CompareRelations)
	return out
}

// gonum adapters.

// Node is a gonum node for an entity id.
type Node int64

// ID implements graph.Node.
func (n Node) ID() int64 { return int64(n) }

// Edge is a gonum weighted edge between two entities.
type Edge struct {
	F, T Node
	W    float64
}

func (e Edge) From() gonum.Node         { return e.F }
func (e Edge) To() gonum.Node           { return e.T }
func (e Edge) ReversedEdge() gonum.Edge { return Edge{e.T, e.F, e.W} }
func (e Edge) Weight() float64          { return e.W }

// Node implements graph.Graph.
func (g *Graph) Node(id int64) gonum.Node {
	if _, ok := g.entities[id]; !ok {
		return nil
	}
	return Node(id)
}

// Nodes implements graph.Graph, in id order.
func (g *Graph) Nodes() gonum.Nodes { return nodesOf(g.ids(nil)) }

func (g *Graph) ids(m map[int64][]*Relation) []int64 {
	var ids []int64
	if m == nil {
		ids = make([]int64, 0, len(g.entities))
		for id := range g.entities {
			ids = append(ids, id)
		}
	} else {
		for id := range m {
			if _, ok := g.entities[id]; ok {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	return ids
}

func nodesOf(ids []int64) gonum.Nodes {
	if len(ids) == 0 {
		return gonum.Empty
	}
	ns := make([]gonum.Node, len(ids))
	for i, id := range ids {
		ns[i] = Node(id)
	}
	return iterator.NewOrderedNodes(ns)
}

// From implements graph.Graph: the nodes reachable by one typed relation.
func (g *Graph) From(id int64) gonum.Nodes { return g.adjacent(g.out[id]) }

// To implements graph.Directed.
func (g *Graph) To(id int64) gonum.Nodes { return g.adjacent(g.in[id]) }

// adjacent returns the nodes of an adjacency map; a nil map (a node with
// no edges that way) has none, whereas ids(nil) means every node.
func (g *Graph) adjacent(m map[int64][]*Relation) gonum.Nodes {
	if len(m) == 0 {
		return gonum.Empty
	}
	return nodesOf(g.ids(m))
}

// HasEdgeBetween implements graph.Graph.
func (g *Graph) HasEdgeBetween(x, y int64) bool {
	return g.HasEdgeFromTo(x, y) || g.HasEdgeFromTo(y, x)
}

// HasEdgeFromTo implements graph.Directed.
func (g *Graph) HasEdgeFromTo(u, v int64) bool { return len(g.out[u][v]) > 0 }

// Edge implements graph.Graph.
func (g *Graph) Edge(u, v int64) gonum.Edge {
	if e := g.WeightedEdge(u, v); e != nil {
		return e
	}
	return nil
}

// WeightedEdge implements graph.Weighted.
func (g *Graph) WeightedEdge(u, v int64) gonum.WeightedEdge {
	w, ok := g.Weight(u, v)
	if !ok || u == v {
		return nil
	}
	return Edge{Node(u), Node(v), w}
}

// Weight implements graph.Weighted: the total count of typed relations
// from x to y; a node's weight to itself is 0.
func (g *Graph) Weight(x, y int64) (float64, bool) {
	if x == y {
		return 0, true
	}
	rs := g.out[x][y]
	if len(rs) == 0 {
		return 0, false
	}
	n := 0
	for _, r := range rs {
		n += r.Count
	}
	return float64(n), true
}

var (
	_ gonum.Directed = (*Graph)(nil)
	_ gonum.Weighted = (*Graph)(nil)
)
