package graph

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/kgx-project/kgx/extract"
)

// Rules that merge document entities across documents (Alias.Rule);
// extract's rules (extract.RuleSurname, ...) explain links made inside
// one document.
const (
	RuleSameKey         = "same key"        // the same normalised name and type class in several documents
	RuleTransliteration = "transliteration" // Sergei/Sergey, Shoigu/Shoygu (see Skeleton)
	RuleSameName        = "same name"       // the same name tagged with another type elsewhere; majority type wins
	RuleAliasElsewhere  = "alias elsewhere" // a name another document defined as an acronym or alias
	RuleCuratedMerge    = "curated merge"   // kgx merge
	RuleCuratedAlias    = "curated alias"   // kgx alias add, alias CSV
	RuleRenamed         = "renamed"         // the name before kgx rename
)

// Resolve merges the facts of many documents into one graph with one node
// per real-world entity. It is a pure function of the set of documents
// and the curation list: the order of facts does not matter, and an
// entity's id is ID of its canonical key, so re-ingesting gives the same
// ids.
//
// Document entities (extract.Entity, already resolved inside their
// document) are first grouped by key. Groups then merge, never across a
// curated split, when
//
//   - their names have the same Skeleton in the same type class
//     (transliteration, hyphen, case: "Sergey Shoygu", "Kim Jong-un",
//     "Tass");
//   - one is the same name as the other tagged with another type, in at
//     most half as many mentions ("TASS" as GPE once, ORG three times);
//   - one's name is an acronym another document defined for exactly one
//     group ("KCNA");
//   - one's name is a part of exactly one person's full name in the whole
//     corpus ("Shoigu" -> Sergei Shoigu), by extract.NamePart's rules, or
//     of one with ten times the mentions of the others (dominant), or
//     the first or last words of exactly one organisation's or event's
//     name ("Scientology"), by extract.ShortName's;
//   - curation merges them (kgx merge, kgx alias add).
//
// The canonical key of a group is the key of its representative document
// entity: a curated merge target, else the one of the majority type class
// with the most words among those found in at least a tenth of the
// documents of the group's most widespread name, ties to the smallest key.
// The display name is the most frequent name among the representative's
// spellings (or a curated rename). Every other name becomes an alias with
// the rule that brought it. Curation records that name no entity, or
// several, are returned as errors; they do not stop resolution.
func Resolve(facts []*Facts, curation []Curation) (*Graph, []error) {
	r := NewResolver()
	for _, f := range facts {
		r.Add(f)
	}
	return r.Resolve(curation)
}

// A Resolver is Resolve fed one document, entity or relation at a time,
// in any order: it keeps what resolution needs of each entity key (its
// names, types, aliases, roles, documents and mention counts, merged
// across documents) and the relations, not every document's entities, so
// that resolving a large store does not hold all of its facts.
type Resolver struct {
	members map[string]*member
	byID    map[int64]string // document entity id -> key
	docs    map[string]Doc
	rels    []docRelation
}

// docRelation is a relation or co-mention of one document.
type docRelation struct {
	doc string
	rel Relation
}

// NewResolver returns an empty Resolver.
func NewResolver() *Resolver {
	return &Resolver{members: map[string]*member{}, byID: map[int64]string{}, docs: map[string]Doc{}}
}

// Add adds one document's facts.
func (r *Resolver) Add(f *Facts) {
	r.AddDoc(f.Doc)
	for _, e := range f.Entities {
		r.AddEntity(f.Doc.ID, e)
	}
	for _, rel := range f.Relations {
		r.AddRelation(f.Doc.ID, rel)
	}
	for _, rel := range f.CoMentions {
		r.AddRelation(f.Doc.ID, rel)
	}
}

// AddDoc adds a document.
func (r *Resolver) AddDoc(d Doc) { r.docs[d.ID] = d }

// AddEntity adds an entity of document doc (already resolved inside it).
func (r *Resolver) AddEntity(doc string, e Entity) {
	m := r.members[e.Key]
	if m == nil {
		m = newMember(e.Key)
		r.members[e.Key] = m
	}
	r.byID[e.ID] = e.Key
	m.names[e.Name] += max(e.Mentions, 1)
	m.types[e.Type] += max(e.Mentions, 1)
	for _, a := range e.Aliases {
		addRuled(m.aliases, a.Name, a.Rule)
	}
	for _, ro := range e.Roles {
		m.roles[ro] = true
	}
	m.docs[doc] = true
	m.mentions += e.Mentions
	if e.FirstSeen != "" && (m.first == "" || e.FirstSeen < m.first) {
		m.first = e.FirstSeen
	}
	m.last = max(m.last, e.LastSeen)
}

// AddRelation adds a relation or co-mention of document doc, between the
// ids of that document's entities. A document's relations keep the
// order they were added in.
func (r *Resolver) AddRelation(doc string, rel Relation) {
	r.rels = append(r.rels, docRelation{doc, rel})
}

// Resolve returns the resolved graph of everything added, as Resolve
// does.
func (r *Resolver) Resolve(curation []Curation) (*Graph, []error) {
	res := newResolver(r.members)
	cur := effectiveCuration(curation)
	res.cannot = cur.cannot
	res.autoMerge()
	errs := res.curate(cur)
	g, _ := res.build(r)
	return g, errs
}

// member is one document-entity key with everything the documents said
// about it.
type member struct {
	key, class, folded string
	skeleton           string
	words              []string       // of folded
	skel               []string       // words of skeleton
	names              map[string]int // display names -> mentions
	types              map[extract.EntityType]int
	aliases            map[string]string // alias -> rule (first by rule precedence)
	roles              map[string]bool
	docs               map[string]bool
	mentions           int
	first, last        string
	parent             int    // union-find
	rule               string // how it joined its parent's group ("" for a root)
}

type resolver struct {
	ms     []*member
	byKey  map[string]int
	cannot map[[2]string]bool // folded names that must not share a group
	prefer map[int]int        // root -> member preferred as representative
	rename map[int]string     // root -> curated name
	ignore map[int]bool       // roots dropped
	extra  map[int]map[string]string
	mass   []int                   // root -> mentions in its group
	names  map[int]map[string]bool // root -> folded member names, once a split needs them
}

func newMember(k string) *member {
	class, folded, _ := strings.Cut(k, ":")
	skel := Skeleton(folded)
	return &member{
		key: k, class: class, folded: folded, skeleton: skel, words: strings.Fields(folded),
		skel:  strings.Fields(skel),
		names: map[string]int{}, types: map[extract.EntityType]int{}, aliases: map[string]string{},
		roles: map[string]bool{}, docs: map[string]bool{},
	}
}

// newResolver starts resolution of members, which it takes over, in key
// order.
func newResolver(members map[string]*member) *resolver {
	r := &resolver{byKey: map[string]int{}, prefer: map[int]int{}, rename: map[int]string{}, ignore: map[int]bool{}, extra: map[int]map[string]string{}}
	for _, k := range slices.Sorted(maps.Keys(members)) {
		m := members[k]
		m.parent = len(r.ms)
		r.byKey[k] = len(r.ms)
		r.ms = append(r.ms, m)
	}
	r.mass = make([]int, len(r.ms))
	for i, m := range r.ms {
		r.mass[i] = m.mentions
	}
	return r
}

// rulePrecedence orders the rules an alias may have: the first explains
// best.
var rulePrecedence = []string{
	RuleCuratedAlias, RuleCuratedMerge, extract.RuleAcronym, extract.RuleInitials, extract.RuleCountry, extract.RuleDemonym,
	extract.RuleSurname, extract.RuleGivenName, extract.RulePartial, extract.RuleMiddleName, RuleTransliteration, extract.RuleSpelling,
	RuleSameName, RuleAliasElsewhere, RuleSameKey,
}

func rank(rule string) int {
	if i := slices.Index(rulePrecedence, rule); i >= 0 {
		return i
	}
	return len(rulePrecedence)
}

// addRuled records an alias, keeping the best-ranked rule (then the
// smallest) whatever the order of calls.
func addRuled(m map[string]string, name, rule string) {
	old, ok := m[name]
	if !ok || rank(rule) < rank(old) || (rank(rule) == rank(old) && rule < old) {
		m[name] = rule
	}
}

func (r *resolver) find(i int) int {
	root := i
	for r.ms[root].parent != root {
		root = r.ms[root].parent
	}
	for r.ms[i].parent != root { // path compression; roots do not change
		i, r.ms[i].parent = r.ms[i].parent, root
	}
	return root
}

// members returns the members of each group, by root, in key order.
func (r *resolver) groups() map[int][]int {
	g := map[int][]int{}
	for i := range r.ms {
		root := r.find(i)
		g[root] = append(g[root], i)
	}
	return g
}

// union merges the groups of a and b (b's member joining by rule) unless
// a curated split forbids it. The smaller index stays root, so the result
// does not depend on the order of unions.
func (r *resolver) union(a, b int, rule string, force bool) bool {
	ra, rb := r.find(a), r.find(b)
	if ra == rb {
		return false
	}
	if !force && r.forbidden(ra, rb) {
		return false
	}
	if r.ms[b].rule == "" || force {
		r.ms[b].rule = rule
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	r.ms[rb].parent = ra
	r.mass[ra] += r.mass[rb]
	if r.names != nil {
		for n := range r.names[rb] {
			r.names[ra][n] = true
		}
		delete(r.names, rb)
	}
	for _, m := range []map[int]int{r.prefer} {
		if v, ok := m[rb]; ok {
			if _, has := m[ra]; !has {
				m[ra] = v
			}
			delete(m, rb)
		}
	}
	if v, ok := r.rename[rb]; ok {
		if _, has := r.rename[ra]; !has {
			r.rename[ra] = v
		}
		delete(r.rename, rb)
	}
	if v, ok := r.extra[rb]; ok {
		if r.extra[ra] == nil {
			r.extra[ra] = map[string]string{}
		}
		for n, ru := range v {
			addRuled(r.extra[ra], n, ru)
		}
		delete(r.extra, rb)
	}
	return true
}

func (r *resolver) forbidden(ra, rb int) bool {
	if len(r.cannot) == 0 {
		return false
	}
	if r.names == nil { // folded member names of each group, kept up by union
		r.names = map[int]map[string]bool{}
		for i, m := range r.ms {
			root := r.find(i)
			if r.names[root] == nil {
				r.names[root] = map[string]bool{}
			}
			r.names[root][m.folded] = true
		}
	}
	for p := range r.cannot {
		if (r.names[ra][p[0]] && r.names[rb][p[1]]) || (r.names[ra][p[1]] && r.names[rb][p[0]]) {
			return true
		}
	}
	return false
}

// autoMerge applies the automatic rules in a fixed order over members in
// key order.
func (r *resolver) autoMerge() {
	// Same skeleton, same class.
	bySkel := map[string]int{}
	for i, m := range r.ms {
		k := m.class + ":" + m.skeleton
		if j, ok := bySkel[k]; ok {
			r.union(j, i, spellingRule(m.folded, r.ms[j].folded), false)
			continue
		}
		bySkel[k] = i
	}
	// Same skeleton, other class: a class with at least twice the
	// mentions takes the name (the minority is taken for a tagger's
	// mistake); closer counts stay apart ("England" the country and the
	// football team).
	byName := map[string][]int{}
	for i, m := range r.ms {
		byName[m.skeleton] = append(byName[m.skeleton], i)
	}
	for _, s := range slices.Sorted(maps.Keys(byName)) {
		is := byName[s]
		if len(is) < 2 {
			continue
		}
		best := is[0]
		for _, i := range is[1:] {
			if r.weight(i) > r.weight(best) {
				best = i
			}
		}
		for _, i := range is {
			if i != best && r.weight(best) >= 2*r.weight(i) {
				r.union(best, i, RuleSameName, false)
			}
		}
	}
	// A name another document defined as an acronym or alias of one group.
	r.mergeByAlias()
	// A part of exactly one person's full name in the corpus.
	r.mergeNameParts()
}

// weight is the number of mentions of the member's whole group so far.
func (r *resolver) weight(i int) int { return r.mass[r.find(i)] }

func (r *resolver) mergeByAlias() {
	owners := map[string]map[int]bool{} // folded acronym -> roots defining it
	for i, m := range r.ms {
		for a, rule := range m.aliases {
			if rule != extract.RuleAcronym && rule != extract.RuleInitials {
				continue
			}
			f := extract.Fold(a)
			if owners[f] == nil {
				owners[f] = map[int]bool{}
			}
			owners[f][r.find(i)] = true
		}
	}
	for i, m := range r.ms {
		o := owners[m.folded]
		if len(o) == 0 {
			continue
		}
		// One defining group, or one with ten times the mentions of the
		// others together ("UN": the United Nations, not a stray
		// "Untied Nations"), by dominant's rule.
		var groups []partGroup
		for root := range o {
			if root != r.find(i) {
				groups = append(groups, partGroup{root: root, weight: r.weight(root)})
			}
		}
		if len(groups) == 0 {
			continue
		}
		g, ok := dominant(groups)
		if !ok {
			continue
		}
		if m.class == r.ms[g.root].class || m.class != "PERSON" {
			r.union(g.root, i, RuleAliasElsewhere, false)
		}
	}
}

func (r *resolver) mergeNameParts() {
	// Multi-word person, organisation and event members, indexed by what
	// a part of their name can be: each proper prefix and suffix, and the
	// first and last word together (a name without its middle names).
	parts := map[string][]int{} // class + ":" + part -> members
	for i, m := range r.ms {
		w := m.skel
		if len(w) < 2 || (m.class != "PERSON" && m.class != "ORG" && m.class != "EVENT") {
			continue
		}
		seen := map[string]bool{}
		add := func(part []string) {
			k := m.class + ":" + strings.Join(part, " ")
			if !seen[k] {
				seen[k] = true
				parts[k] = append(parts[k], i)
			}
		}
		for n := 1; n < len(w); n++ {
			add(w[:n])
			add(w[len(w)-n:])
		}
		if m.class == "PERSON" && len(w) > 2 {
			add([]string{w[0], w[len(w)-1]})
		}
	}
	candidates := func(class string, w []string) []int {
		c := parts[class+":"+strings.Join(w, " ")]
		if class == "PERSON" && len(w) > 1 {
			if mid := parts[class+":"+w[0]+" "+w[len(w)-1]]; len(mid) > 0 && len(w) > 2 {
				c = append(slices.Clone(c), mid...)
				slices.Sort(c)
				c = slices.Compact(c)
			}
		}
		return c
	}
	// Longer names first, so that "Kim Jong" joins "Kim Jong Un" before
	// "Kim" looks for its one full name.
	order := make([]int, len(r.ms))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(r.ms[b].words), len(r.ms[a].words)) })
	var groups []partGroup
	for _, i := range order {
		m := r.ms[i]
		if m.class != "PERSON" && m.class != "ORG" && m.class != "EVENT" {
			continue // a place named like a person's surname is a place ("Jordan")
		}
		w := m.skel
		if len(w) == 0 {
			continue
		}
		var cands []int
		if m.class != "EVENT" && !(len(w) == 1 && acronymShaped(m)) {
			cands = candidates("PERSON", w) // "UN" is no surname of Kim Jong Un
		}
		if m.class != "PERSON" {
			cands = append(cands, candidates(m.class, w)...)
		}
		// The groups the name is a part of, each with its last matching
		// member and rule and the mentions of its most mentioned
		// matching member.
		groups = groups[:0]
		for _, p := range cands {
			var rl string
			if r.ms[p].class == "PERSON" {
				rl = extract.NamePart(m.skel, r.ms[p].skel)
			} else {
				rl = extract.ShortName(m.skel, r.ms[p].skel, orgAcronym(m))
			}
			if rl == "" || r.find(p) == r.find(i) || (m.class != "PERSON" && rl == extract.RuleGivenName) {
				continue
			}
			root := r.find(p)
			k := slices.IndexFunc(groups, func(g partGroup) bool { return g.root == root })
			if k < 0 {
				k = len(groups)
				groups = append(groups, partGroup{root: root})
			}
			g := &groups[k]
			g.last, g.rule, g.weight = p, rl, max(g.weight, r.ms[p].mentions)
		}
		if len(groups) == 1 {
			r.union(groups[0].last, i, groups[0].rule, false)
		} else if len(groups) > 1 && m.class == "PERSON" {
			// Of a person's full names, through its surname or another
			// part than the given name alone.
			g, ok := dominant(groups)
			if ok && g.weight*10 >= m.mentions && r.ms[g.last].class == "PERSON" && g.rule != extract.RuleGivenName {
				r.union(g.last, i, g.rule, false)
			}
		}
	}
}

// partGroup is a group that a name is a part of (mergeNameParts): its
// root, its last matching member and that member's rule, and the mentions
// of its most mentioned matching member.
type partGroup struct {
	root, last int
	rule       string
	weight     int
}

// dominant returns, of several groups a part of a person's name can join,
// the one whose matching full name has at least ten times the mentions of
// those of all the others together: "Shoigu" joins Sergei Shoigu (2,000
// mentions), not a mis-tagged run "Domenico Ghirlandaio Shoigu" (4).
// Names of comparable weight leave the part apart ("Kim": Kim Jong Un,
// Ethan Kim). The caller also wants the full name to have a tenth of the
// part's mentions at least (not "Samuel Alito" joining a run "Samuel Alito
// Umar Islam"), and never joins given names this way ("Martin").
func dominant(groups []partGroup) (partGroup, bool) {
	best, rest := groups[0], 0
	for _, g := range groups[1:] {
		if g.weight > best.weight || (g.weight == best.weight && g.root < best.root) {
			rest += best.weight
			best = g
		} else {
			rest += g.weight
		}
	}
	return best, best.weight >= 10*rest
}

// acronymShaped reports whether every spelling of m is written as an
// acronym (extract.AcronymShaped).
func acronymShaped(m *member) bool { return allNames(m, extract.AcronymShaped) }

// orgAcronym reports whether every spelling of m is written as an
// organisation's acronym (extract.OrgAcronym: "ISIL" too).
func orgAcronym(m *member) bool { return allNames(m, extract.OrgAcronym) }

func allNames(m *member, f func(string) bool) bool {
	for n := range m.names {
		if !f(n) {
			return false
		}
	}
	return len(m.names) > 0
}

// build turns the groups into the graph, and returns the id of each
// member key's entity.
func (r *resolver) build(in *Resolver) (*Graph, map[string]int64) {
	g := New()
	ids := map[string]int64{} // member key -> entity id
	dropped := map[string]bool{}
	groups := r.groups()
	for _, root := range slices.Sorted(maps.Keys(groups)) {
		is := groups[root]
		if r.ignore[root] {
			for _, i := range is {
				dropped[r.ms[i].key] = true
			}
			continue
		}
		e := r.entity(root, is)
		for _, i := range is {
			ids[r.ms[i].key] = e.ID
		}
		g.AddEntity(e)
	}
	for _, d := range in.docs {
		g.AddDoc(d)
	}
	// Relations in document order, each document's in the order added.
	rels := in.rels
	slices.SortStableFunc(rels, func(a, b docRelation) int { return cmp.Compare(a.doc, b.doc) })
	for _, dr := range rels {
		rel := dr.rel
		s, okS := in.mapID(ids, dropped, rel.Source)
		t, okT := in.mapID(ids, dropped, rel.Target)
		if !okS || !okT || s == t {
			continue
		}
		if rel.Label == CoMentioned && s > t {
			s, t = t, s
		}
		rel.Source, rel.Target = s, t
		g.AddRelation(rel)
	}
	return g, ids
}

// mapID maps a document entity id to its resolved entity's id; ok is
// false if the entity was dropped (kgx ignore). An id no document
// entity has stays as it is.
func (in *Resolver) mapID(ids map[string]int64, dropped map[string]bool, id int64) (int64, bool) {
	k, found := in.byID[id]
	if !found {
		return id, true
	}
	if dropped[k] {
		return 0, false
	}
	return ids[k], true
}

// entity makes the merged entity of one group.
func (r *resolver) entity(root int, is []int) Entity {
	// Majority type over mentions, ties to the smaller type.
	types := map[extract.EntityType]int{}
	for _, i := range is {
		for t, n := range r.ms[i].types {
			types[t] += n
		}
	}
	typ := extract.NoType
	for _, t := range slices.Sorted(maps.Keys(types)) {
		if typ == extract.NoType || types[t] > types[typ] {
			typ = t
		}
	}
	class := extract.Class(typ)
	rep := -1
	if p, ok := r.prefer[root]; ok {
		rep = p
	} else {
		maxDocs := 0
		for _, i := range is {
			maxDocs = max(maxDocs, len(r.ms[i].docs))
		}
		for _, i := range is {
			if rep < 0 || better(r.ms[i], r.ms[rep], class, maxDocs) {
				rep = i
			}
		}
	}
	// Display name: the most frequent name among the representative's
	// spellings.
	names := map[string]int{}
	for _, i := range is {
		if r.ms[i].skeleton == r.ms[rep].skeleton {
			for n, c := range r.ms[i].names {
				names[n] += c
			}
		}
	}
	name := ""
	for _, n := range slices.Sorted(maps.Keys(names)) {
		if name == "" || names[n] > names[name] {
			name = n
		}
	}
	auto := name
	if v, ok := r.rename[root]; ok {
		name = v
	}
	e := Entity{ID: ID(r.ms[rep].key), Key: r.ms[rep].key, Name: name, Type: typ}
	aliases := map[string]string{}
	roles := map[string]bool{}
	docs := map[string]bool{}
	for _, i := range is {
		m := r.ms[i]
		rule := m.rule
		switch {
		case m.skeleton == r.ms[rep].skeleton && m.class == r.ms[rep].class:
			rule = spellingRule(m.folded, r.ms[rep].folded)
		case rule == "" && r.ms[rep].rule != "":
			// The group's root, named by a member that joined it: the
			// rule that joined them links the two names.
			rule = r.ms[rep].rule
		case rule == "":
			rule = RuleSameKey
		}
		for n := range m.names {
			if extract.Fold(n) == extract.Fold(name) {
				addRuled(aliases, n, extract.RuleSpelling) // "Kim Jong-un", "Tass"
				continue
			}
			addRuled(aliases, n, rule)
		}
		for n, ru := range m.aliases {
			addRuled(aliases, n, ru)
		}
		for ro := range m.roles {
			roles[ro] = true
		}
		for d := range m.docs {
			docs[d] = true
		}
		e.Mentions += m.mentions
		if m.first != "" && (e.FirstSeen == "" || m.first < e.FirstSeen) {
			e.FirstSeen = m.first
		}
		e.LastSeen = max(e.LastSeen, m.last)
	}
	for n, ru := range r.extra[root] {
		addRuled(aliases, n, ru)
	}
	if auto != name {
		aliases[auto] = RuleRenamed
	}
	delete(aliases, name)
	for n, ru := range aliases {
		// A title alone ("Minister") is a role, not a name: facts from
		// older extractions may still carry it as an alias.
		if ru != RuleCuratedAlias && ru != RuleRenamed && extract.IsTitle(n) {
			delete(aliases, n)
		}
	}
	for _, n := range slices.Sorted(maps.Keys(aliases)) {
		e.Aliases = append(e.Aliases, extract.Alias{Name: n, Rule: aliases[n]})
	}
	e.Roles = extract.FoldRoles(slices.Sorted(maps.Keys(roles)))
	e.Documents = len(docs)
	return e
}

// spellingRule names how two folded names with one skeleton differ.
func spellingRule(a, b string) string {
	switch {
	case a == b:
		return RuleSameKey
	case strings.ReplaceAll(a, " ", "") == strings.ReplaceAll(b, " ", ""):
		return extract.RuleSpelling
	}
	return RuleTransliteration
}

// better reports whether a should represent its group rather than b: of
// the group's type class, then found in at least a tenth of maxDocs (the
// documents of the group's most widespread name), then more words, more
// documents, and the smaller key.
func better(a, b *member, class string, maxDocs int) bool {
	if (a.class == class) != (b.class == class) {
		return a.class == class
	}
	// A name found in under a tenth of the documents of the group's most
	// widespread name is no full name of it but, most often, a mis-tagged
	// run that swallowed it ("Stable Operations Daesh" in 40 documents
	// beside "Daesh" in 3,600): the longer name wins only among names
	// that are common enough.
	if ca, cb := len(a.docs)*10 >= maxDocs, len(b.docs)*10 >= maxDocs; ca != cb {
		return ca
	}
	if len(a.words) != len(b.words) {
		return len(a.words) > len(b.words)
	}
	if len(a.docs) != len(b.docs) {
		return len(a.docs) > len(b.docs) // "NASA" before "Administration"
	}
	return a.key < b.key
}

var skeletonReplacer = strings.NewReplacer("kh", "h", "ks", "x", "ph", "f", "w", "v", "y", "i")

// Skeleton folds a normalised name (extract.Fold) to a key shared by its
// common romanisation variants: y and a final j become i ("Sergey",
// "Sergej" -> "sergei"; "Shoygu" -> "shoigu"), kh becomes h, ks x, w v,
// ph f, and doubled letters are single ("Dmitriy" -> "dmitri"); the word
// "the" is left out of a longer name ("Islamic State of Iraq and the
// Levant", "... and Levant"). Words stay apart, so "Kim Jong Un" and "Kim
// Jong-un" (both "kim jong un" after Fold) match but names with different
// words do not.
func Skeleton(folded string) string {
	words := strings.Fields(folded)
	if len(words) > 1 {
		if kept := slices.DeleteFunc(slices.Clone(words), func(w string) bool { return w == "the" }); len(kept) > 0 {
			words = kept
		}
	}
	for i, w := range words {
		w = skeletonReplacer.Replace(w)
		if strings.HasSuffix(w, "j") && len(w) > 2 {
			w = w[:len(w)-1] + "i"
		}
		var b strings.Builder
		var prev rune
		for _, c := range w {
			if c != prev {
				b.WriteRune(c)
			}
			prev = c
		}
		words[i] = b.String()
	}
	return strings.Join(words, " ")
}

// curationError is a curation record that could not be applied.
func curationError(c Curation, format string, args ...any) error {
	return fmt.Errorf("curation %s: %s", c, fmt.Sprintf(format, args...))
}
