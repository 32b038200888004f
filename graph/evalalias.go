package graph

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	"github.com/kgx-project/kgx/extract"
)

// GoldDoc is a document with gold name mentions (extract.ReadGUMCoref).
type GoldDoc struct {
	Doc  *extract.Document
	Gold []extract.GoldMention
}

// ClusterScore is how well a clustering of mentions matches the gold one:
// B-cubed and pairwise precision, recall and F1.
type ClusterScore struct {
	Mentions, GoldClusters, Clusters int
	B3P, B3R, B3F                    float64
	PairP, PairR, PairF              float64
	CrossP, CrossR, CrossF           float64 // pairwise, over pairs of mentions in different documents only
}

// AliasEval scores name clustering within and across documents, for kgx's
// resolution and for the exact-key baseline (mentions grouped only by
// type class and extract.Fold of the name, no rules).
type AliasEval struct {
	Docs                   int
	Within, WithinBaseline ClusterScore // all name mentions; gold = the document's coreference groups
	Across, AcrossBaseline ClusterScore // linked name mentions; gold = Wikipedia identity, over all documents
	Merges                 []string     // wrong cross-document merges, the most frequent first (for reading)
	Splits                 []string     // identities kgx left in several entities
}

// EvalAliases resolves the gold mentions of docs (extract.Resolve in each
// document, then Resolve across them, without curation) and scores the
// clusters against the gold coreference groups and identities.
func EvalAliases(docs []GoldDoc) AliasEval {
	var ev AliasEval
	ev.Docs = len(docs)
	var facts []*Facts
	type item struct {
		group, ident, doc string
		sysLocal          string // doc + entity index
		baseLocal         string // doc + key of the raw mention name
		key               string // doc-level entity key
		baseKey           string
	}
	var items []item
	for _, gd := range docs {
		d := gd.Doc
		raw := map[extract.Span]string{}
		for _, m := range d.Mentions {
			raw[m.Span] = extract.Key(m.Type, d.Slice(m.Span))
		}
		extract.Resolve(d)
		facts = append(facts, FromDocument(d, d.Source))
		for _, g := range gd.Gold {
			it := item{group: g.Group, ident: g.Identity, doc: d.ID, baseKey: raw[g.Span]}
			it.baseLocal = d.ID + "#" + it.baseKey
			mi := mentionAt(d, g.Span)
			if mi >= 0 && d.Mentions[mi].Entity >= 0 {
				e := d.Mentions[mi].Entity
				it.sysLocal = fmt.Sprintf("%s#%d", d.ID, e)
				it.key = d.Entities[e].Key
			} else {
				it.sysLocal = fmt.Sprintf("%s@%d", d.ID, g.Span.Start) // unlinked: a singleton
				it.key = it.sysLocal
			}
			items = append(items, it)
		}
	}
	in := NewResolver()
	for _, f := range facts {
		in.Add(f)
	}
	r := newResolver(in.members)
	r.autoMerge()
	g, ids := r.build(in)
	within := func(sys func(item) string) ClusterScore {
		var s, gl []string
		for _, it := range items {
			s, gl = append(s, sys(it)), append(gl, it.group)
		}
		return scoreClusters(s, gl)
	}
	ev.Within = within(func(it item) string { return it.sysLocal })
	ev.WithinBaseline = within(func(it item) string { return it.baseLocal })
	across := func(sys func(item) string) ClusterScore {
		var s, gl, ds []string
		for _, it := range items {
			if it.ident != "" {
				s, gl, ds = append(s, sys(it)), append(gl, it.ident), append(ds, it.doc)
			}
		}
		sc := scoreClusters(s, gl)
		sc.CrossP, sc.CrossR = crossDocPairs(s, gl, ds)
		sc.CrossF = f1(sc.CrossP, sc.CrossR)
		return sc
	}
	sysID := func(it item) string {
		if id, ok := ids[it.key]; ok {
			return fmt.Sprint(id)
		}
		return it.key
	}
	ev.Across = across(sysID)
	ev.AcrossBaseline = across(func(it item) string { return it.baseKey })
	// Errors to read: entities holding several identities, identities in
	// several entities.
	idents := map[string]map[string]int{} // sys -> identity -> mentions
	ents := map[string]map[string]int{}   // identity -> sys -> mentions
	for _, it := range items {
		if it.ident == "" {
			continue
		}
		s := sysID(it)
		if idents[s] == nil {
			idents[s] = map[string]int{}
		}
		idents[s][it.ident]++
		if ents[it.ident] == nil {
			ents[it.ident] = map[string]int{}
		}
		ents[it.ident][s]++
	}
	name := func(s string) string {
		var id int64
		if _, err := fmt.Sscan(s, &id); err == nil {
			if e := g.Entity(id); e != nil {
				return e.Name
			}
		}
		return s
	}
	for _, s := range slices.Sorted(maps.Keys(idents)) {
		if len(idents[s]) > 1 {
			ev.Merges = append(ev.Merges, fmt.Sprintf("%s <- %v", name(s), sortedCounts(idents[s])))
		}
	}
	for _, id := range slices.Sorted(maps.Keys(ents)) {
		if len(ents[id]) > 1 {
			var ns []string
			for _, s := range slices.Sorted(maps.Keys(ents[id])) {
				ns = append(ns, fmt.Sprintf("%s(%d)", name(s), ents[id][s]))
			}
			ev.Splits = append(ev.Splits, fmt.Sprintf("%s -> %v", id, ns))
		}
	}
	return ev
}

func sortedCounts(m map[string]int) []string {
	keys := slices.Sorted(maps.Keys(m))
	slices.SortStableFunc(keys, func(a, b string) int { return cmp.Compare(m[b], m[a]) })
	var out []string
	for _, k := range keys {
		out = append(out, fmt.Sprintf("%s(%d)", k, m[k]))
	}
	return out
}

// mentionAt returns the mention with span s, else the first mention that
// contains it (an acronym's long form replaces its pieces), else -1.
func mentionAt(d *extract.Document, s extract.Span) int {
	in := -1
	for i, m := range d.Mentions {
		if m.Span == s {
			return i
		}
		if in < 0 && m.Span.Start <= s.Start && s.End <= m.Span.End {
			in = i
		}
	}
	return in
}

// crossDocPairs is pairwise precision and recall over the pairs of items
// from different documents: how well the links across documents alone
// are made.
func crossDocPairs(sys, gold, docs []string) (p, r float64) {
	pairs := func(label func(i int) string) float64 {
		all, same := map[string]int{}, map[[2]string]int{}
		for i := range sys {
			all[label(i)]++
			same[[2]string{label(i), docs[i]}]++
		}
		n := 0.0
		for _, c := range all {
			n += float64(c) * float64(c-1) / 2
		}
		for _, c := range same {
			n -= float64(c) * float64(c-1) / 2
		}
		return n
	}
	tp := pairs(func(i int) string { return sys[i] + "\x00" + gold[i] })
	return ratio(tp, pairs(func(i int) string { return sys[i] })), ratio(tp, pairs(func(i int) string { return gold[i] }))
}

// scoreClusters compares a system clustering with a gold one over the
// same items (sys[i] and gold[i] are item i's cluster labels).
func scoreClusters(sys, gold []string) ClusterScore {
	s := ClusterScore{Mentions: len(sys)}
	if len(sys) == 0 {
		return s
	}
	both := map[[2]string]int{}
	ns, ng := map[string]int{}, map[string]int{}
	for i := range sys {
		both[[2]string{sys[i], gold[i]}]++
		ns[sys[i]]++
		ng[gold[i]]++
	}
	s.Clusters, s.GoldClusters = len(ns), len(ng)
	var p, r float64
	for i := range sys {
		c := float64(both[[2]string{sys[i], gold[i]}])
		p += c / float64(ns[sys[i]])
		r += c / float64(ng[gold[i]])
	}
	s.B3P, s.B3R = p/float64(len(sys)), r/float64(len(sys))
	s.B3F = f1(s.B3P, s.B3R)
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var tp, sp, gp float64
	for _, n := range both {
		tp += pairs(n)
	}
	for _, n := range ns {
		sp += pairs(n)
	}
	for _, n := range ng {
		gp += pairs(n)
	}
	s.PairP, s.PairR = ratio(tp, sp), ratio(tp, gp)
	s.PairF = f1(s.PairP, s.PairR)
	return s
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 1
	}
	return a / b
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
