package store

// The resolved view: the graph after entity resolution and curation
// (ResolvedGraph), saved in the store so that a query about one entity
// reads a few keys instead of resolving the whole corpus. Keys, all under
// the prefix 'G':
//
//	'G' 'V'                   -> resolvedStamp (JSON): the view is current
//	'G' 'E' id                -> graph.Entity (resolved)
//	'G' 'R' src dst label     -> graph.Relation (resolved, typed, with evidence)
//	'G' 'I' dst src label     -> nothing (reverse index of 'G' 'R')
//	'G' 'N' folded 0x00 id    -> nothing (names and aliases, extract.Fold'ed)
//	'G' 'W' word 0x00 id      -> nothing (entity words of the search index, search.go)
//
// Reindex rebuilds it. Every write that changes what resolution sees (Put,
// Remove, AddCuration) deletes the stamp in the same transaction, so a
// view without a stamp is never read: OpenView then resolves in memory
// instead (correct, but it reads everything) and says so with Stale.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

const (
	pResolved = 'G'

	rStamp    = 'V'
	rEntity   = 'E'
	rRelation = 'R'
	rReverse  = 'I'
	rName     = 'N'
	rWord     = 'W'
)

func resolvedStampKey() []byte { return []byte{pResolved, rStamp} }

func rkey(sub byte, parts ...[]byte) []byte {
	return key(pResolved, append([][]byte{{sub}}, parts...)...)
}

// resolvedStamp is the value of the stamp: the curation problems found
// when the view was built, to report with every read.
type resolvedStamp struct {
	Entities  int      `json:"entities"`
	Relations int      `json:"relations"`
	Problems  []string `json:"problems,omitempty"`
}

// Reindex resolves the stored documents and curation (ResolvedGraph) and
// saves the result as the resolved view. Ingest and curation call it after
// writing.
func (s *DB) Reindex() error {
	if err := s.writable(); err != nil {
		return err
	}
	g, problems, err := s.resolve(factsIndex)
	if err != nil {
		return err
	}
	st := resolvedStamp{Entities: len(g.Entities()), Relations: len(g.Relations())}
	for _, p := range problems {
		st.Problems = append(st.Problems, p.Error())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.newBatch(true)
	if err := s.saveResolved(b, g, st); err != nil {
		b.discard()
		return fmt.Errorf("store %s: save resolved view: %w", s.dir, err)
	}
	if err := b.finish(); err != nil {
		return fmt.Errorf("store %s: save resolved view: %w", s.dir, err)
	}
	return nil
}

// saveResolved makes the saved view that of g. It writes only the keys
// whose values change and deletes the keys g no longer has, so that a
// reindex after a small ingest writes little.
func (s *DB) saveResolved(b *batch, g *graph.Graph, st resolvedStamp) error {
	want := map[string][]byte{}
	for _, e := range g.Entities() {
		v, err := encode(e)
		if err != nil {
			return err
		}
		want[string(rkey(rEntity, id8(e.ID)))] = v
		names := []string{e.Name}
		for _, a := range e.Aliases {
			names = append(names, a.Name)
		}
		for _, n := range names {
			want[string(rkey(rName, []byte(extract.Fold(n)), zero, id8(e.ID)))] = nil
		}
		for _, w := range SearchWords(strings.Join(names, " ")) {
			want[string(rkey(rWord, []byte(w), zero, id8(e.ID)))] = nil
		}
	}
	for _, r := range g.Relations() {
		v, err := encode(r)
		if err != nil {
			return err
		}
		want[string(rkey(rRelation, id8(r.Source), id8(r.Target), []byte(r.Label)))] = v
		want[string(rkey(rReverse, id8(r.Target), id8(r.Source), []byte(r.Label)))] = nil
	}
	stamp := resolvedStampKey()
	var old [][]byte
	if err := scan(b.reader(), []byte{pResolved}, func(k, v []byte) error {
		if bytes.Equal(k, stamp) {
			return nil
		}
		if w, ok := want[string(k)]; ok {
			if bytes.Equal(w, v) {
				delete(want, string(k))
			}
			return nil
		}
		old = append(old, bytes.Clone(k))
		return nil
	}); err != nil {
		return err
	}
	if err := b.del(stamp); err != nil {
		return err
	}
	for _, k := range old {
		if err := b.del(k); err != nil {
			return err
		}
	}
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if err := b.set([]byte(k), want[k]); err != nil {
			return err
		}
	}
	v, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return b.set(stamp, v)
}

// View answers queries about the resolved graph: from the saved view when
// it is current, else from a graph resolved in memory.
type View struct {
	s        *DB
	mem      *graph.Graph // nil: read the saved view
	problems []error
}

// OpenView returns the resolved view of the store.
func (s *DB) OpenView() (*View, error) {
	var st resolvedStamp
	fresh := false
	err := s.db.View(func(txn *badger.Txn) error {
		raw, err := getRaw(txn, resolvedStampKey())
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		fresh = true
		return json.Unmarshal(raw, &st)
	})
	if err != nil {
		return nil, fmt.Errorf("store %s: read resolved view: %w", s.dir, err)
	}
	v := &View{s: s}
	for _, p := range st.Problems {
		v.problems = append(v.problems, errors.New(p))
	}
	if fresh {
		return v, nil
	}
	g, problems, err := s.ResolvedGraph()
	if err != nil {
		return nil, err
	}
	v.mem, v.problems = g, problems
	return v, nil
}

// Stale reports whether the saved view was out of date, so that this view
// resolved the whole store in memory (Reindex fixes that).
func (v *View) Stale() bool { return v.mem != nil }

// Problems lists the curation records that no longer apply.
func (v *View) Problems() []error { return v.problems }

// Lookup returns the ids of the entities with a name or alias that folds
// (extract.Fold) to the same string as name, in id order.
func (v *View) Lookup(name string) ([]int64, error) {
	want := extract.Fold(name)
	if v.mem != nil {
		var ids []int64
		for _, e := range v.mem.Entities() {
			if slices.Contains(foldedNames(e), want) {
				ids = append(ids, e.ID)
			}
		}
		return ids, nil
	}
	var ids []int64
	p := rkey(rName, []byte(want), zero)
	err := v.s.db.View(func(txn *badger.Txn) error {
		return eachKey(txn, p, func(k []byte) error {
			if len(k) != len(p)+8 {
				return fmt.Errorf("%w: name key %q", ErrCorrupt, k)
			}
			ids = append(ids, getID(k[len(p):]))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("look up %q in %s: %w", name, v.s.dir, err)
	}
	slices.Sort(ids)
	return ids, nil
}

func foldedNames(e *graph.Entity) []string {
	out := []string{extract.Fold(e.Name)}
	for _, a := range e.Aliases {
		out = append(out, extract.Fold(a.Name))
	}
	return out
}

// EachName calls fn with every folded name and alias and the entity it
// names.
func (v *View) EachName(fn func(folded string, id int64) error) error {
	if v.mem != nil {
		for _, e := range v.mem.Entities() {
			for _, n := range foldedNames(e) {
				if err := fn(n, e.ID); err != nil {
					return err
				}
			}
		}
		return nil
	}
	p := []byte{pResolved, rName}
	err := v.s.db.View(func(txn *badger.Txn) error {
		return eachKey(txn, p, func(k []byte) error {
			if len(k) < len(p)+9 || k[len(k)-9] != 0 {
				return fmt.Errorf("%w: name key %q", ErrCorrupt, k)
			}
			return fn(string(k[len(p):len(k)-9]), getID(k[len(k)-8:]))
		})
	})
	if err != nil {
		return fmt.Errorf("list names in %s: %w", v.s.dir, err)
	}
	return nil
}

// Entity returns the entity with id, or an error wrapping ErrNotFound.
func (v *View) Entity(id int64) (*graph.Entity, error) {
	if v.mem != nil {
		if e := v.mem.Entity(id); e != nil {
			return e, nil
		}
		return nil, fmt.Errorf("entity %d: %w", id, ErrNotFound)
	}
	var e graph.Entity
	err := v.s.db.View(func(txn *badger.Txn) error {
		raw, err := getRaw(txn, rkey(rEntity, id8(id)))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		e, err = DecodeEntity(raw)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("entity %d: %w", id, err)
	}
	return &e, nil
}

// Out returns the typed relations from id, with evidence, sorted by
// target and label.
func (v *View) Out(id int64) ([]graph.Relation, error) {
	if v.mem != nil {
		return deref(v.mem.Out(id)), nil
	}
	var out []graph.Relation
	err := v.s.db.View(func(txn *badger.Txn) error {
		if err := scan(txn, rkey(rRelation, id8(id)), func(_, b []byte) error {
			r, err := DecodeRelation(b)
			out = append(out, r)
			return err
		}); err != nil {
			return err
		}
		return newHydrator(txn).fillRelations(out)
	})
	if err != nil {
		return nil, fmt.Errorf("relations from %d: %w", id, err)
	}
	return out, nil
}

// In returns the typed relations to id, with evidence, sorted by source
// and label.
func (v *View) In(id int64) ([]graph.Relation, error) {
	if v.mem != nil {
		return deref(v.mem.In(id)), nil
	}
	var out []graph.Relation
	err := v.s.db.View(func(txn *badger.Txn) error {
		p := rkey(rReverse, id8(id))
		var keys [][]byte
		if err := eachKey(txn, p, func(k []byte) error {
			if len(k) < len(p)+8 {
				return fmt.Errorf("%w: reverse key %q", ErrCorrupt, k)
			}
			keys = append(keys, rkey(rRelation, k[len(p):len(p)+8], id8(id), k[len(p)+8:]))
			return nil
		}); err != nil {
			return err
		}
		for _, k := range keys {
			raw, err := getRaw(txn, k)
			if err != nil {
				return fmt.Errorf("reverse index points at %q: %w", k, err)
			}
			r, err := DecodeRelation(raw)
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return newHydrator(txn).fillRelations(out)
	})
	if err != nil {
		return nil, fmt.Errorf("relations to %d: %w", id, err)
	}
	return out, nil
}

func deref(rs []*graph.Relation) []graph.Relation {
	out := make([]graph.Relation, len(rs))
	for i, r := range rs {
		out[i] = *r
	}
	return out
}

// Link is a typed relation seen from one of its ends, without its value:
// the entity at the other end, the label and the direction.
type Link struct {
	Other int64
	Label string
	Out   bool // the relation goes from the entity to Other
}

// Links returns the typed relations of id, outgoing then incoming. From
// the saved view it reads keys only.
func (v *View) Links(id int64) ([]Link, error) {
	var out []Link
	if v.mem != nil {
		for _, r := range v.mem.Out(id) {
			out = append(out, Link{r.Target, r.Label, true})
		}
		for _, r := range v.mem.In(id) {
			out = append(out, Link{r.Source, r.Label, false})
		}
		return out, nil
	}
	err := v.s.db.View(func(txn *badger.Txn) error {
		for _, sub := range []byte{rRelation, rReverse} {
			p := rkey(sub, id8(id))
			if err := eachKey(txn, p, func(k []byte) error {
				if len(k) < len(p)+8 {
					return fmt.Errorf("%w: relation key %q", ErrCorrupt, k)
				}
				out = append(out, Link{Other: getID(k[len(p):]), Label: string(k[len(p)+8:]), Out: sub == rRelation})
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("links of %d: %w", id, err)
	}
	return out, nil
}

// Between returns the typed relations from a to b, then from b to a.
func (v *View) Between(a, b int64) ([]graph.Relation, error) {
	var out []graph.Relation
	if v.mem != nil {
		for _, p := range [][2]int64{{a, b}, {b, a}} {
			for _, r := range v.mem.Out(p[0]) {
				if r.Target == p[1] {
					out = append(out, *r)
				}
			}
		}
		return out, nil
	}
	err := v.s.db.View(func(txn *badger.Txn) error {
		for _, p := range [][]byte{rkey(rRelation, id8(a), id8(b)), rkey(rRelation, id8(b), id8(a))} {
			if err := scan(txn, p, func(_, val []byte) error {
				r, err := DecodeRelation(val)
				out = append(out, r)
				return err
			}); err != nil {
				return err
			}
		}
		return newHydrator(txn).fillRelations(out)
	})
	if err != nil {
		return nil, fmt.Errorf("relations between %d and %d: %w", a, b, err)
	}
	return out, nil
}

// EachEntity calls fn with every entity in id order.
func (v *View) EachEntity(fn func(e graph.Entity) error) error {
	if v.mem != nil {
		for _, e := range v.mem.Entities() {
			if err := fn(*e); err != nil {
				return err
			}
		}
		return nil
	}
	err := v.s.db.View(func(txn *badger.Txn) error {
		return scan(txn, []byte{pResolved, rEntity}, func(_, b []byte) error {
			e, err := DecodeEntity(b)
			if err != nil {
				return err
			}
			return fn(e)
		})
	})
	if err != nil {
		return fmt.Errorf("list entities in %s: %w", v.s.dir, err)
	}
	return nil
}

// EachRelation calls fn with every typed relation in (source, target,
// label) order; with noEvidence, Evidence is left nil.
func (v *View) EachRelation(noEvidence bool, fn func(r graph.Relation) error) error {
	if v.mem != nil {
		for _, r := range v.mem.Relations() {
			c := *r
			if noEvidence {
				c.Evidence = nil
			}
			if err := fn(c); err != nil {
				return err
			}
		}
		return nil
	}
	err := v.s.db.View(func(txn *badger.Txn) error {
		h := newHydrator(txn)
		return scan(txn, []byte{pResolved, rRelation}, func(_, b []byte) error {
			var r graph.Relation
			var err error
			if noEvidence {
				r, err = decodeRelationHead(b)
			} else if r, err = DecodeRelation(b); err == nil {
				err = h.fill(r.Evidence)
			}
			if err != nil {
				return err
			}
			return fn(r)
		})
	})
	if err != nil {
		return fmt.Errorf("list relations in %s: %w", v.s.dir, err)
	}
	return nil
}

// decodeRelationHead decodes a relation value without its evidence, which
// is most of the bytes: the fields are decoded into a struct that has no
// Evidence field, so encoding/json skips it.
func decodeRelationHead(b []byte) (graph.Relation, error) {
	if len(b) > 0 && b[0] == codecRelation {
		return readRelationHead(b)
	}
	var h struct {
		Source   int64  `json:"source"`
		Target   int64  `json:"target"`
		Label    string `json:"type"`
		Category string `json:"category"`
		Count    int    `json:"count"`
	}
	// The evidence, by far the largest part, is the last field: decode
	// only what comes before it (a full decode if that fails).
	if i := bytes.Index(b, []byte(`,"evidence":`)); i > 0 && decodeJSONHead(b[1:i], &h) == nil {
		return graph.Relation{Source: h.Source, Target: h.Target, Label: h.Label, Category: h.Category, Count: h.Count}, nil
	}
	if err := decode(b, &h); err != nil {
		return graph.Relation{}, err
	}
	return graph.Relation{Source: h.Source, Target: h.Target, Label: h.Label, Category: h.Category, Count: h.Count}, nil
}

// decodeJSONHead decodes the JSON object whose members are head (an
// object cut before its last members), into v.
func decodeJSONHead(head []byte, v any) error {
	obj := make([]byte, 0, len(head)+1)
	obj = append(append(obj, head...), '}')
	return json.Unmarshal(obj, v)
}

// Graph returns the whole resolved graph. Read from the saved view, its
// relations carry their evidence only if evidence is set: rank and
// communities need only the relations' heads, which are much cheaper to
// read. (A view resolved in memory always has the evidence.)
func (v *View) Graph(evidence bool) (*graph.Graph, error) {
	if v.mem != nil {
		return v.mem, nil
	}
	g := graph.New()
	if err := v.EachEntity(func(e graph.Entity) error { g.AddEntity(e); return nil }); err != nil {
		return nil, err
	}
	if err := v.EachRelation(!evidence, func(r graph.Relation) error { g.AddRelation(r); return nil }); err != nil {
		return nil, err
	}
	return g, nil
}

// Doc returns the document with id.
func (v *View) Doc(id string) (graph.Doc, error) { return v.s.Doc(id) }

// DocsByID returns the documents with the given ids that the store has,
// by id (DB.DocsByID).
func (v *View) DocsByID(ids []string) (map[string]graph.Doc, error) { return v.s.DocsByID(ids) }

// ReindexIfStale runs Reindex unless the resolved view is current. It
// reports whether it did.
func (s *DB) ReindexIfStale() (bool, error) {
	current := false
	err := s.db.View(func(txn *badger.Txn) error {
		_, err := getRaw(txn, resolvedStampKey())
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		current = err == nil
		return err
	})
	if err != nil || current {
		return false, err
	}
	return true, s.Reindex()
}
