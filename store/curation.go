package store

import (
	"encoding/binary"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgx-project/kgx/graph"
)

// Curation records (kgx merge, split, alias, rename, ignore) live under
//
//	'U' seq (8 bytes BE)     -> graph.Curation (JSON), seq from 1 in order
//
// They are never rewritten by ingest, so analysts' decisions survive
// re-ingesting the documents; ResolvedGraph applies them on every load.
const pCurationLog = 'U'

func curationLogKey(seq uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], seq)
	return key(pCurationLog, b[:])
}

// AddCuration validates and appends curation records, in order, in one
// transaction.
func (s *DB) AddCuration(cs ...graph.Curation) error {
	for _, c := range cs {
		if err := c.Validate(); err != nil {
			return fmt.Errorf("store %s: %w", s.dir, err)
		}
	}
	err := s.db.Update(func(txn *badger.Txn) error {
		seq, err := lastCuration(txn)
		if err != nil {
			return err
		}
		if err := txn.Delete(resolvedStampKey()); err != nil { // the resolved view is out of date
			return err
		}
		for _, c := range cs {
			seq++
			v, err := encode(c)
			if err != nil {
				return err
			}
			if err := txn.Set(curationLogKey(seq), v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store %s: add curation: %w", s.dir, err)
	}
	return nil
}

func lastCuration(txn *badger.Txn) (uint64, error) {
	it := txn.NewIterator(badger.IteratorOptions{Reverse: true, Prefix: []byte{pCurationLog}})
	defer it.Close()
	it.Seek(key(pCurationLog, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}))
	if !it.Valid() {
		return 0, nil
	}
	k := it.Item().Key()
	if len(k) != 9 {
		return 0, fmt.Errorf("bad curation key %q", k)
	}
	return binary.BigEndian.Uint64(k[1:]), nil
}

// Curations returns the curation records in the order they were added.
func (s *DB) Curations() ([]graph.Curation, error) {
	var out []graph.Curation
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(txn, []byte{pCurationLog}, func(_, b []byte) error {
			var c graph.Curation
			if err := decode(b, &c); err != nil {
				return err
			}
			out = append(out, c)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store %s: read curation: %w", s.dir, err)
	}
	return out, nil
}

// ResolvedGraph loads every stored document's facts and the curation
// records and resolves them into one graph (graph.Resolve): one node per
// real-world entity, ids independent of ingest order. The []error lists
// curation records that no longer apply (their names match nothing, or
// several entities); the error is for storage failures.
func (s *DB) ResolvedGraph() (*graph.Graph, []error, error) {
	return s.resolve(factsFull)
}

// resolve is ResolvedGraph over the facts that mode loads. The facts
// stream into a graph.Resolver, which keeps one record per entity key
// rather than every document's entities.
func (s *DB) resolve(mode factsMode) (*graph.Graph, []error, error) {
	cur, err := s.Curations()
	if err != nil {
		return nil, nil, err
	}
	return s.resolveWith(mode, cur)
}

// resolveWith is resolve under the curation records cur.
func (s *DB) resolveWith(mode factsMode, cur []graph.Curation) (*graph.Graph, []error, error) {
	r := graph.NewResolver()
	if err := s.eachFact(mode, r); err != nil {
		return nil, nil, fmt.Errorf("load facts from %s: %w", s.dir, err)
	}
	g, problems := r.Resolve(cur)
	return g, problems, nil
}

// factsMode says what eachFact loads.
type factsMode int

const (
	// factsFull: everything, evidence sentences included.
	factsFull factsMode = iota
	// factsIndex: what the resolved view needs (Reindex): entities and
	// typed relations with their evidence, no co-mentions. Resolution
	// does not look at co-mentions, so the entities and relations come
	// out the same, in a fraction of the memory.
	factsIndex
)

// factSink receives a store's facts (graph.Resolver is one).
type factSink interface {
	AddDoc(d graph.Doc)
	AddEntity(doc string, e graph.Entity)
	AddRelation(doc string, r graph.Relation) // relations and co-mentions
}

// docFacts collects facts by document.
type docFacts struct {
	byDoc map[string]*graph.Facts
	order []string
}

func (c *docFacts) AddDoc(d graph.Doc) {
	c.byDoc[d.ID] = &graph.Facts{Doc: d}
	c.order = append(c.order, d.ID)
}

func (c *docFacts) AddEntity(doc string, e graph.Entity) {
	f := c.byDoc[doc]
	f.Entities = append(f.Entities, e)
}

func (c *docFacts) AddRelation(doc string, r graph.Relation) {
	f := c.byDoc[doc]
	if r.Label == graph.CoMentioned {
		f.CoMentions = append(f.CoMentions, r)
	} else {
		f.Relations = append(f.Relations, r)
	}
}

// allFacts rebuilds every complete document's facts from its stored
// contributions (see keys.go), evidence sentences included, in document
// id order.
func (s *DB) allFacts() ([]*graph.Facts, error) {
	c := &docFacts{byDoc: map[string]*graph.Facts{}}
	if err := s.eachFact(factsFull, c); err != nil {
		return nil, err
	}
	out := make([]*graph.Facts, 0, len(c.order))
	for _, id := range c.order {
		out = append(out, c.byDoc[id])
	}
	return out, nil
}

// eachFact passes every complete document's facts, rebuilt from its
// stored contributions (see keys.go), to sink: the documents in id order
// first, then the entities, then the relations (evidence text filled
// in) and co-mentions, each in key order.
func (s *DB) eachFact(mode factsMode, sink factSink) error {
	return s.db.View(func(txn *badger.Txn) error {
		docs := map[string]string{} // id -> itself, shared by every fact of the document
		if err := scan(txn, []byte{pDoc}, func(_, v []byte) error {
			d, err := DecodeDoc(v)
			if err != nil {
				return err
			}
			docs[d.ID] = d.ID
			sink.AddDoc(d)
			return nil
		}); err != nil {
			return err
		}
		// The same names, keys, dates and labels recur in many
		// documents: keep one copy of each.
		pool := stringPool{}
		in := pool.intern
		if err := scan(txn, []byte{pEntityDoc}, func(k, v []byte) error {
			c, err := parseContribution(k)
			if err != nil {
				return err
			}
			doc, ok := docs[c.doc]
			if !ok {
				return nil // a document still being written or removed
			}
			e, err := decodeEntity(v, pool)
			if err != nil {
				return err
			}
			sink.AddEntity(doc, e)
			return nil
		}); err != nil {
			return err
		}
		prefixes := []byte{pRelDoc, pCoDoc}
		if mode == factsIndex {
			prefixes = prefixes[:1]
		}
		var rels []graph.Relation
		var of []string
		for _, p := range prefixes {
			if err := scan(txn, []byte{p}, func(k, v []byte) error {
				c, err := parseContribution(k)
				if err != nil {
					return err
				}
				doc, ok := docs[c.doc]
				if !ok {
					return nil
				}
				r, err := DecodeRelation(v)
				if err != nil {
					return err
				}
				in(&r.Label)
				in(&r.Category)
				for i := range r.Evidence {
					in(&r.Evidence[i].Doc)
					in(&r.Evidence[i].Date)
				}
				rels, of = append(rels, r), append(of, doc)
				return nil
			}); err != nil {
				return err
			}
		}
		// Evidence text, looked up in key order: the resolved view
		// keeps it for typed relations (a query then reads one value
		// per relation); co-mentions are only loaded in full.
		var evs []*graph.Evidence
		for i := range rels {
			evs = evidencePointers(evs, rels[i].Evidence)
		}
		if err := newHydrator(txn).fillAll(evs); err != nil {
			return err
		}
		for i, r := range rels {
			sink.AddRelation(of[i], r)
		}
		return nil
	})
}
