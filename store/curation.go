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

// resolve is ResolvedGraph over the facts that mode loads.
func (s *DB) resolve(mode factsMode) (*graph.Graph, []error, error) {
	facts, err := s.allFacts(mode)
	if err != nil {
		return nil, nil, fmt.Errorf("load facts from %s: %w", s.dir, err)
	}
	cur, err := s.Curations()
	if err != nil {
		return nil, nil, err
	}
	g, problems := graph.Resolve(facts, cur)
	return g, problems, nil
}

// factsMode says what allFacts loads.
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

// allFacts rebuilds every complete document's facts from its stored
// contributions (see keys.go), in document id order.
func (s *DB) allFacts(mode factsMode) ([]*graph.Facts, error) {
	byDoc := map[string]*graph.Facts{}
	var order []string
	err := s.db.View(func(txn *badger.Txn) error {
		if err := scan(txn, []byte{pDoc}, func(_, v []byte) error {
			d, err := DecodeDoc(v)
			if err != nil {
				return err
			}
			byDoc[d.ID] = &graph.Facts{Doc: d}
			order = append(order, d.ID)
			return nil
		}); err != nil {
			return err
		}
		prefixes := []byte{pEntityDoc, pRelDoc, pCoDoc}
		if mode == factsIndex {
			prefixes = prefixes[:2]
		}
		// The same names, keys, dates and labels recur in many
		// documents: keep one copy of each.
		pool := map[string]string{}
		in := func(s *string) {
			if v, ok := pool[*s]; ok {
				*s = v
			} else {
				pool[*s] = *s
			}
		}
		for _, p := range prefixes {
			if err := scan(txn, []byte{p}, func(k, v []byte) error {
				c, err := parseContribution(k)
				if err != nil {
					return err
				}
				f := byDoc[c.doc]
				if f == nil {
					return nil // a document still being written or removed
				}
				switch p {
				case pEntityDoc:
					e, err := DecodeEntity(v)
					if err != nil {
						return err
					}
					in(&e.Key)
					in(&e.Name)
					in(&e.FirstSeen)
					in(&e.LastSeen)
					for i := range e.Aliases {
						in(&e.Aliases[i].Name)
						in(&e.Aliases[i].Rule)
					}
					for i := range e.Roles {
						in(&e.Roles[i])
					}
					f.Entities = append(f.Entities, e)
				default:
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
					if p == pRelDoc {
						f.Relations = append(f.Relations, r)
					} else {
						f.CoMentions = append(f.CoMentions, r)
					}
				}
				return nil
			}); err != nil {
				return err
			}
		}
		// Evidence text, looked up in key order: the resolved view
		// keeps it for typed relations (a query then reads one value
		// per relation); co-mentions are only loaded in full.
		var evs []*graph.Evidence
		for _, f := range byDoc {
			for _, rs := range [][]graph.Relation{f.Relations, f.CoMentions} {
				for i := range rs {
					for j := range rs[i].Evidence {
						evs = append(evs, &rs[i].Evidence[j])
					}
				}
			}
		}
		return newHydrator(txn).fillAll(evs)
	})
	if err != nil {
		return nil, err
	}
	out := make([]*graph.Facts, 0, len(order))
	for _, id := range order {
		out = append(out, byDoc[id])
	}
	return out, nil
}
