package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
	"github.com/kgx-project/kgx/store"
)

// The list and lookup commands: entities, relations, docs, show. They read
// only the keys they need; the commands that need the whole graph (rank,
// communities, render, export) load it with store.View.Graph.

type listOptions struct {
	Type string
	JSON bool
}

func newEntitiesCmd(g *globalOptions) *cobra.Command {
	o := &listOptions{}
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "List the entities in the store",
		Long:  "Entities lists the stored entities, most mentioned first." + exitStatusHelp,
		Example: `  kgx entities --type PERSON
  kgx entities --json | jq '.[0]'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runEntities(o, g) },
	}
	cmd.Flags().StringVar(&o.Type, "type", "", "only entities of this type (PERSON, ORG, GPE, LOC, FAC, NORP, EVENT)")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	return cmd
}

func parseTypeFlag(s string) (extract.EntityType, error) {
	if s == "" {
		return extract.NoType, nil
	}
	t, ok := extract.ParseEntityType(strings.ToUpper(s))
	if !ok {
		return 0, usagef("unknown entity type %q (want PERSON, ORG, GPE, LOC, FAC, NORP, EVENT or DATE)", s)
	}
	return t, nil
}

// withStore opens the store read-only for the length of fn.
func withStore(g *globalOptions, fn func(db *store.DB) error) error {
	db, err := g.openStoreRead()
	if err != nil {
		return err
	}
	defer db.Close()
	return fn(db)
}

// withView opens the store read-only and its resolved view (the graph
// after entity resolution and curation) for the length of fn.
func withView(g *globalOptions, fn func(v *store.View) error) error {
	return withStore(g, func(db *store.DB) error {
		v, err := openView(g, db)
		if err != nil {
			return err
		}
		return fn(v)
	})
}

// openView opens db's resolved view. Curation records that no longer
// apply are warned about on stderr.
func openView(g *globalOptions, db *store.DB) (*store.View, error) {
	v, err := db.OpenView()
	if err != nil {
		return nil, err
	}
	warnProblems(g, v.Problems())
	if v.Stale() && g.Verbose {
		fmt.Fprintln(g.Stderr, "kgx: the store's resolved view is out of date; resolving every document now (the next ingest saves it)")
	}
	return v, nil
}

// resolvedGraph resolves every document of db in memory, with evidence,
// documents and event nodes (which the saved view does not hold), and
// warns about curation records that no longer apply.
func resolvedGraph(g *globalOptions, db *store.DB) (*graph.Graph, error) {
	gr, problems, err := db.ResolvedGraph()
	if err != nil {
		return nil, err
	}
	warnProblems(g, problems)
	return gr, nil
}

// warnProblems prints curation problems (graph.Resolve's) as warnings.
func warnProblems(g *globalOptions, problems []error) {
	for _, p := range problems {
		fmt.Fprintf(g.Stderr, "kgx: warning: %v\n", p)
	}
}

func runEntities(o *listOptions, g *globalOptions) error {
	typ, err := parseTypeFlag(o.Type)
	if err != nil {
		return err
	}
	var es []*graph.Entity
	err = withView(g, func(v *store.View) error {
		return v.EachEntity(func(e graph.Entity) error {
			if typ == extract.NoType || e.Type == typ {
				es = append(es, &e)
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	slices.SortStableFunc(es, func(a, b *graph.Entity) int {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.Name, b.Name))
	})
	if o.JSON {
		out := make([]entityJSON, 0, len(es))
		for _, e := range es {
			out = append(out, entityView(e))
		}
		return writeJSON(g.Stdout, out)
	}
	tw := table(g.Stdout)
	fmt.Fprintln(tw, "NAME\tTYPE\tMENTIONS\tDOCS\tALIASES")
	for _, e := range es {
		var al []string
		for _, a := range e.Aliases {
			al = append(al, a.Name)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\n", clean(e.Name), e.Type, e.Mentions, e.Documents, clean(strings.Join(al, ", ")))
	}
	return tw.Flush()
}

func table(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 0, 4, 2, ' ', 0) }

// clean makes untrusted text safe for a terminal table: control and bidi
// characters become spaces or are dropped.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return -1
		case (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f:
			return -1
		}
		return r
	}, s)
}

// lookup resolves names and ids to entities and documents, reading each
// at most once.
type lookup struct {
	db   *store.View
	ents map[int64]*graph.Entity
	docs map[string]graph.Doc
}

func newLookup(db *store.View) *lookup {
	return &lookup{db: db, ents: map[int64]*graph.Entity{}, docs: map[string]graph.Doc{}}
}

// entity returns the entity with id; an id the store lacks (a relation to
// an entity merged away) gives an entity with only the id.
func (l *lookup) entity(id int64) (*graph.Entity, error) {
	if e, ok := l.ents[id]; ok {
		return e, nil
	}
	e, err := l.db.Entity(id)
	if errors.Is(err, store.ErrNotFound) {
		e, err = &graph.Entity{ID: id, Name: fmt.Sprintf("#%d", id)}, nil
	}
	if err != nil {
		return nil, err
	}
	l.ents[id] = e
	return e, nil
}

func (l *lookup) ref(id int64) (refJSON, error) {
	e, err := l.entity(id)
	if err != nil {
		return refJSON{}, err
	}
	return refJSON{ID: id, Name: e.Name, Type: e.Type.String()}, nil
}

// prefetch reads the documents with these ids that l has not read yet,
// in one store call (View.DocsByID): a card that cites thousands of
// sentences would otherwise read their documents one at a time.
func (l *lookup) prefetch(ids []string) error {
	ids = slices.DeleteFunc(ids, func(id string) bool { _, ok := l.docs[id]; return ok })
	if len(ids) < 2 {
		return nil
	}
	docs, err := l.db.DocsByID(ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		d, ok := docs[id]
		if !ok {
			d = graph.Doc{ID: id}
		}
		l.docs[id] = d
	}
	return nil
}

func (l *lookup) doc(id string) graph.Doc {
	if d, ok := l.docs[id]; ok {
		return d
	}
	d, err := l.db.Doc(id)
	if err != nil {
		d = graph.Doc{ID: id}
	}
	l.docs[id] = d
	return d
}

// evidence is ev with its document's title (cite).
func (l *lookup) evidence(ev graph.Evidence) evidenceJSON {
	e := bareEvidence(ev)
	l.cite(&e)
	return e
}

// bareEvidence is ev without its document: no title, and only the date ev
// carries (the relation's or its document's: graph.Evidence).
func bareEvidence(ev graph.Evidence) evidenceJSON {
	e := evidenceJSON{Doc: ev.Doc, Date: ev.Date, Sentence: ev.Sentence, Start: ev.Start, End: ev.End, Negated: ev.Negated}
	if ev.Modality != "asserted" {
		e.Modality = ev.Modality
	}
	return e
}

// hedged reports whether the evidence does not assert its relation: it
// negates it or only plans or reports it.
func (ev evidenceJSON) hedged() bool { return ev.Negated || ev.Modality != "" }

// compareEvidence orders evidence as the card and path quote it: the
// sentences that assert the relation first, then by date, document and
// place in it.
func compareEvidence(a, b evidenceJSON) int {
	if a.hedged() != b.hedged() {
		if a.hedged() {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.Start, b.Start))
}

// hedge is how text output marks evidence that does not assert its
// relation: "[not] " for "did not meet", "[planned] ", "[reported] ".
func hedge(ev evidenceJSON) string {
	switch {
	case ev.Negated:
		return "[not] "
	case ev.Modality != "":
		return "[" + clean(ev.Modality) + "] "
	}
	return ""
}

// cite gives e its document's title, and the document's date if e has
// none; it reads the document (once per lookup).
func (l *lookup) cite(e *evidenceJSON) {
	d := l.doc(e.Doc)
	e.Title, e.Date = d.Title, cmp.Or(e.Date, d.Date)
}

// find resolves a name or alias (case and diacritics do not matter) to
// one entity. If several entities carry the name, the most mentioned
// wins and the others are listed on stderr. An unknown name is a
// notFoundError with the closest names as suggestions.
func (l *lookup) find(name string, stderr io.Writer) (*graph.Entity, error) {
	ids, err := l.db.Lookup(name)
	if err != nil {
		return nil, err
	}
	var found []*graph.Entity
	for _, id := range ids {
		e, err := l.db.Entity(id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		l.ents[id] = e
		found = append(found, e)
	}
	if len(found) == 0 {
		return nil, l.notFound(name)
	}
	slices.SortStableFunc(found, func(a, b *graph.Entity) int {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.ID, b.ID))
	})
	if len(found) > 1 && stderr != nil {
		var others []string
		for _, e := range found[1:] {
			others = append(others, fmt.Sprintf("%s (%s, %d mentions)", clean(e.Name), e.Type, e.Mentions))
		}
		fmt.Fprintf(stderr, "kgx: %q also names %s\n", clean(name), strings.Join(others, "; "))
	}
	return found[0], nil
}

// maxSuggestions is how many "did you mean" names an unknown name gets.
const maxSuggestions = 5

// notFound builds the error for an unknown name, suggesting the names and
// aliases closest to it by edit distance.
func (l *lookup) notFound(name string) error {
	want := extract.Fold(name)
	limit := max(1, len([]rune(want))/4)
	type cand struct {
		folded string
		id     int64
		dist   int
	}
	var cands []cand
	err := l.db.EachName(func(folded string, id int64) error {
		if d := editDistance(want, folded, limit); d <= limit {
			cands = append(cands, cand{folded, id, d})
			return nil
		}
		// A single word also matches a word of a longer name ("Shoygu" ~
		// "sergei shoigu"), ranked one step further.
		if strings.Contains(want, " ") {
			return nil
		}
		for _, w := range strings.Fields(folded) {
			if d := editDistance(want, w, limit); d <= limit {
				cands = append(cands, cand{folded, id, d + 1})
				return nil
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("no entity named %q", clean(name))
	if len(cands) == 0 {
		return notFoundError{msg}
	}
	type sugg struct {
		text     string
		dist     int
		mentions int
	}
	best := map[int64]sugg{}
	for _, c := range cands {
		e, err := l.entity(c.id)
		if err != nil {
			return err
		}
		text := e.Name + " (" + e.Type.String() + ")"
		for _, a := range e.Aliases {
			if extract.Fold(a.Name) == c.folded && extract.Fold(e.Name) != c.folded {
				text = a.Name + " (alias of " + e.Name + ", " + e.Type.String() + ")"
			}
		}
		if old, ok := best[c.id]; !ok || c.dist < old.dist {
			best[c.id] = sugg{text, c.dist, e.Mentions}
		}
	}
	var ss []sugg
	for _, s := range best {
		ss = append(ss, s)
	}
	slices.SortFunc(ss, func(a, b sugg) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(b.mentions, a.mentions), cmp.Compare(a.text, b.text))
	})
	msg += "; did you mean:"
	for i, s := range ss {
		if i == maxSuggestions {
			break
		}
		msg += "\n    " + clean(s.text)
	}
	return notFoundError{msg}
}

// editDistance is the Levenshtein distance between a and b in runes, or
// any value above limit once it is sure to exceed it.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c = 1 + min(prev[j-1], prev[j], cur[j-1])
			}
			cur[j] = c
			rowMin = min(rowMin, c)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// relations returns the typed relations of an entity, outgoing then
// incoming.
func (l *lookup) relations(id int64) (out, in []graph.Relation, err error) {
	if out, err = l.db.Out(id); err != nil {
		return nil, nil, err
	}
	if in, err = l.db.In(id); err != nil {
		return nil, nil, err
	}
	return out, in, nil
}

type relationsOptions struct {
	Type     string
	Category string
	Entity   string
	Since    string
	Until    string
	JSON     bool
}

func newRelationsCmd(g *globalOptions) *cobra.Command {
	o := &relationsOptions{}
	cmd := &cobra.Command{
		Use:   "relations",
		Short: "List the typed relations in the store",
		Long: `Relations lists the typed relations (met, visited, ...), most frequent first.
With --since or --until only evidence dated in the range counts (dates are
the relation's own date, else its document's), and undated relations are
left out.` + exitStatusHelp,
		Example: `  kgx relations --type met
  kgx relations --entity Shoigu --since 2024-06-01
  kgx relations --category CONSULT --json`,
		Args:    cobra.NoArgs,
		PreRunE: func(cmd *cobra.Command, args []string) error { return o.finalize() },
		RunE:    func(cmd *cobra.Command, args []string) error { return runRelations(o, g) },
	}
	cmd.Flags().StringVar(&o.Type, "type", "", "only relations with this label (met, visited, ...)")
	cmd.Flags().StringVar(&o.Category, "category", "", "only relations of this category (CONSULT, ...)")
	cmd.Flags().StringVar(&o.Entity, "entity", "", "only relations of this entity (name or alias)")
	cmd.Flags().StringVar(&o.Since, "since", "", "only evidence dated on or after `DATE` (YYYY-MM-DD)")
	cmd.Flags().StringVar(&o.Until, "until", "", "only evidence dated on or before `DATE` (YYYY-MM-DD)")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	return cmd
}

func (o *relationsOptions) finalize() error {
	for _, d := range []struct{ flag, v string }{{"since", o.Since}, {"until", o.Until}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.v); err != nil {
			return usagef("--%s %q: want a date like 2025-06-04", d.flag, d.v)
		}
	}
	if o.Since != "" && o.Until != "" && o.Since > o.Until {
		return usagef("--since %s is after --until %s", o.Since, o.Until)
	}
	return nil
}

// relationFilter is the part of the relations flags that selects
// relations and evidence.
type relationFilter struct {
	labels       []string // empty: all
	category     string
	since, until string
}

// keep returns r with only the evidence in the date range (Count set to
// the evidence kept), and whether r passes the filter.
func (f relationFilter) keep(r graph.Relation) (graph.Relation, bool) {
	if len(f.labels) > 0 && !slices.Contains(f.labels, r.Label) {
		return r, false
	}
	if f.category != "" && !strings.EqualFold(f.category, r.Category) {
		return r, false
	}
	if f.since == "" && f.until == "" {
		return r, true
	}
	var evs []graph.Evidence
	for _, ev := range r.Evidence {
		if ev.Date != "" && (f.since == "" || ev.Date[:min(10, len(ev.Date))] >= f.since) && (f.until == "" || ev.Date[:min(10, len(ev.Date))] <= f.until) {
			evs = append(evs, ev)
		}
	}
	r.Evidence, r.Count = evs, len(evs)
	return r, len(evs) > 0
}

type relationRowJSON struct {
	relationJSON
	FirstSeen string `json:"first_seen,omitempty"`
	LastSeen  string `json:"last_seen,omitempty"`
}

func runRelations(o *relationsOptions, g *globalOptions) error {
	f := relationFilter{category: o.Category, since: o.Since, until: o.Until}
	if o.Type != "" {
		f.labels = []string{o.Type}
	}
	return withView(g, func(db *store.View) error {
		l := newLookup(db)
		var rs []graph.Relation
		add := func(r graph.Relation) error {
			if r, ok := f.keep(r); ok {
				rs = append(rs, r)
			}
			return nil
		}
		if o.Entity != "" {
			e, err := l.find(o.Entity, g.Stderr)
			if err != nil {
				return err
			}
			out, in, err := l.relations(e.ID)
			if err != nil {
				return err
			}
			for _, r := range append(out, in...) {
				add(r)
			}
		} else if err := db.EachRelation(f.since == "" && f.until == "", add); err != nil {
			return err
		}
		if len(rs) == 0 {
			return notFoundError{"no relations match"}
		}
		slices.SortStableFunc(rs, func(a, b graph.Relation) int { return cmp.Compare(b.Count, a.Count) })
		out := make([]relationRowJSON, 0, len(rs))
		for _, r := range rs {
			src, err := l.ref(r.Source)
			if err != nil {
				return err
			}
			dst, err := l.ref(r.Target)
			if err != nil {
				return err
			}
			out = append(out, relationRowJSON{relationJSON{Source: src, Target: dst, Type: r.Label, Category: r.Category, Count: r.Count},
				r.FirstSeen(), r.LastSeen()})
		}
		if o.JSON {
			return writeJSON(g.Stdout, out)
		}
		tw := table(g.Stdout)
		fmt.Fprintln(tw, "SOURCE\tRELATION\tTARGET\tCATEGORY\tCOUNT")
		for _, r := range out {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", clean(r.Source.Name), clean(r.Type), clean(r.Target.Name), clean(r.Category), r.Count)
		}
		return tw.Flush()
	})
}

func newDocsCmd(g *globalOptions) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "docs",
		Short: "List the documents in the store",
		Long:  "Docs lists the stored documents with their id, date and title." + exitStatusHelp,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return withStore(g, func(db *store.DB) error {
				ds, err := db.Docs()
				if err != nil {
					return err
				}
				if asJSON {
					out := make([]docJSON, 0, len(ds))
					for _, d := range ds {
						out = append(out, docJSON(d))
					}
					return writeJSON(g.Stdout, out)
				}
				tw := table(g.Stdout)
				fmt.Fprintln(tw, "ID\tDATE\tTITLE\tPATH")
				for _, d := range ds {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", clean(d.ID), d.Date, clean(d.Title), clean(d.Path))
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

type showOptions struct {
	JSON     bool
	Evidence int
}

func newShowCmd(g *globalOptions) *cobra.Command {
	o := &showOptions{}
	cmd := &cobra.Command{
		Use:   "show NAME",
		Short: "Show one entity: aliases, roles, relations and their evidence",
		Long: `Show prints a card for the entity with this name or alias (case and
diacritics do not matter): its type, aliases with the rule that made each,
roles, counts, first and last dates seen, and its relations grouped by label,
each with the sentences that prove it (document title and date). An unknown
name exits 1 and suggests the closest names.` + exitStatusHelp,
		Example: `  kgx show "Kim Jong Un"
  kgx show shoigu --json`,
		Args: cobra.ExactArgs(1),
		PreRunE: func(cmd *cobra.Command, args []string) error {
			if o.Evidence < 0 {
				return usagef("--evidence %d: want 0 or more", o.Evidence)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return runShow(args[0], o, g) },
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&o.Evidence, "evidence", 3, "evidence sentences per relation in the card (0: all; JSON has all)")
	return cmd
}

func runShow(name string, o *showOptions, g *globalOptions) error {
	return withView(g, func(db *store.View) error {
		l := newLookup(db)
		found, err := l.find(name, g.Stderr)
		if err != nil {
			return err
		}
		titled := 0 // JSON: every evidence sentence with its document
		if !o.JSON {
			titled = o.Evidence
		}
		v, err := showView(l, found, titled)
		if err != nil {
			return err
		}
		if o.JSON {
			return writeJSON(g.Stdout, v)
		}
		writeCard(g.Stdout, v, o.Evidence)
		return nil
	})
}

// showView builds the card of entity e. Each relation's evidence is in
// date order, asserting sentences first; the first titled sentences of each (all if titled is 0)
// get their document's title, which costs a store read per document: the
// card prints only a few sentences of relations that have thousands.
func showView(l *lookup, e *graph.Entity, titled int) (showJSON, error) {
	v := showJSON{ID: e.ID, Name: e.Name, Type: e.Type.String(), Aliases: []string{}, AliasRules: []aliasJSON{},
		Roles: e.Roles, Mentions: e.Mentions, Documents: e.Documents,
		FirstSeen: e.FirstSeen, LastSeen: e.LastSeen, Relations: []showRelationJSON{}}
	if v.Roles == nil {
		v.Roles = []string{}
	}
	for _, a := range e.Aliases {
		v.Aliases = append(v.Aliases, a.Name)
		v.AliasRules = append(v.AliasRules, aliasJSON(a))
	}
	out, in, err := l.relations(e.ID)
	if err != nil {
		return v, err
	}
	// The documents to cite are read at once: in JSON every sentence's,
	// here; on the card the first titled sentences' of each relation,
	// once they are sorted (below).
	if titled == 0 {
		var docs []string
		for _, r := range slices.Concat(out, in) {
			for _, ev := range r.Evidence {
				docs = append(docs, ev.Doc)
			}
		}
		if err := l.prefetch(docs); err != nil {
			return v, err
		}
	}
	add := func(dir string, r graph.Relation, other int64) error {
		ref, err := l.ref(other)
		if err != nil {
			return err
		}
		sr := showRelationJSON{Direction: dir, Type: r.Label, Category: r.Category, Other: ref, Count: r.Count, Evidence: []evidenceJSON{}}
		for _, ev := range r.Evidence {
			e := bareEvidence(ev)
			if titled == 0 {
				l.cite(&e)
			}
			sr.Evidence = append(sr.Evidence, e)
		}
		// The card's order needs no document read: an evidence sentence
		// carries its date.
		slices.SortStableFunc(sr.Evidence, compareEvidence)
		v.Relations = append(v.Relations, sr)
		return nil
	}
	for _, r := range out {
		if err := add("out", r, r.Target); err != nil {
			return v, err
		}
	}
	for _, r := range in {
		if err := add("in", r, r.Source); err != nil {
			return v, err
		}
	}
	if titled > 0 {
		var docs []string
		for _, sr := range v.Relations {
			for _, e := range sr.Evidence[:min(titled, len(sr.Evidence))] {
				docs = append(docs, e.Doc)
			}
		}
		if err := l.prefetch(docs); err != nil {
			return v, err
		}
		for _, sr := range v.Relations {
			for i := range sr.Evidence[:min(titled, len(sr.Evidence))] {
				l.cite(&sr.Evidence[i])
			}
		}
	}
	slices.SortStableFunc(v.Relations, func(a, b showRelationJSON) int {
		return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(b.Count, a.Count), cmp.Compare(a.Other.Name, b.Other.Name), cmp.Compare(a.Direction, b.Direction))
	})
	return v, nil
}

// writeCard prints the show card; maxEv limits the evidence sentences per
// relation (0: all).
func writeCard(w io.Writer, v showJSON, maxEv int) {
	fmt.Fprintf(w, "%s (%s)\n", clean(v.Name), v.Type)
	if len(v.AliasRules) > 0 {
		fmt.Fprintln(w, "  aliases:")
		for _, a := range v.AliasRules {
			fmt.Fprintf(w, "    %s  [%s]\n", clean(a.Name), clean(a.Rule))
		}
	}
	if len(v.Roles) > 0 {
		fmt.Fprintf(w, "  roles: %s\n", clean(strings.Join(v.Roles, "; ")))
	}
	fmt.Fprintf(w, "  %d mentions in %d documents", v.Mentions, v.Documents)
	if v.FirstSeen != "" {
		fmt.Fprintf(w, ", first seen %s, last seen %s", v.FirstSeen, v.LastSeen)
	}
	fmt.Fprintln(w)
	if len(v.Relations) == 0 {
		fmt.Fprintln(w, "  no typed relations")
		return
	}
	// Totals per label, for the group headings.
	totals := map[string]int{}
	for _, r := range v.Relations {
		totals[r.Type] += r.Count
	}
	last := ""
	for _, r := range v.Relations {
		if r.Type != last {
			fmt.Fprintf(w, "\n  %s (%s): %d\n", clean(r.Type), clean(r.Category), totals[r.Type])
			last = r.Type
		}
		arrow := "->"
		if r.Direction == "in" {
			arrow = "<-"
		}
		fmt.Fprintf(w, "    %s %s (%s)  x%d\n", arrow, clean(r.Other.Name), r.Other.Type, r.Count)
		for i, ev := range r.Evidence {
			if maxEv > 0 && i == maxEv {
				fmt.Fprintf(w, "       ... %d more (--evidence 0 shows all)\n", len(r.Evidence)-maxEv)
				break
			}
			fmt.Fprintf(w, "       %s“%s” (%s)\n", hedge(ev), clean(ev.Sentence), clean(source(ev)))
		}
	}
}

// source names where evidence comes from: title (or id) and date.
func source(ev evidenceJSON) string {
	s := cmp.Or(ev.Title, ev.Doc)
	if ev.Date != "" {
		s += ", " + ev.Date
	}
	return s
}

// fillEvidence gives every typed relation of sub that has none its
// stored evidence (the sentences SVG tooltips quote and the dates that
// make first_seen, last_seen and the GEXF timeline spells), and adds the
// documents the evidence cites.
func fillEvidence(v *store.View, sub *graph.Graph) error {
	out := map[int64][]graph.Relation{}
	for _, r := range sub.Relations() {
		if len(r.Evidence) > 0 {
			continue
		}
		rs, ok := out[r.Source]
		if !ok {
			var err error
			if rs, err = v.Out(r.Source); err != nil {
				return err
			}
			out[r.Source] = rs
		}
		for _, s := range rs {
			if s.Target == r.Target && s.Label == r.Label {
				r.Evidence = s.Evidence
				break
			}
		}
	}
	// The documents the evidence cites, for their titles and dates.
	for _, r := range sub.Relations() {
		for _, ev := range r.Evidence {
			if _, ok := sub.Doc(ev.Doc); ok {
				continue
			}
			d, err := v.Doc(ev.Doc)
			if err != nil {
				return err
			}
			sub.AddDoc(d)
		}
	}
	return nil
}
