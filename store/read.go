package store

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// Has reports whether a document with this content hash is stored.
func (s *DB) Has(hash string) (bool, error) {
	var ok bool
	err := s.db.View(func(txn *badger.Txn) (err error) {
		ok, err = hasHash(txn, hash)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("look up hash %s in %s: %w", hash, s.dir, err)
	}
	return ok, nil
}

func hasHash(txn *badger.Txn, hash string) (bool, error) {
	_, err := txn.Get(hashKey(hash))
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, badger.ErrKeyNotFound):
		return false, nil
	}
	return false, err
}

// A Snapshot reads the store as it was when it was taken. A read on the
// DB itself first waits until every write already committing is applied
// (badger orders reads after commits); a Snapshot's reads never wait, so
// ingest's workers look up stored documents while its writer writes.
// Close it when done: until then badger keeps every value it can see.
// A Snapshot is for one goroutine at a time.
type Snapshot struct {
	txn *badger.Txn
	dir string
}

// Snapshot takes a snapshot of what is stored now: every write committed
// before the call returns is in it.
func (s *DB) Snapshot() *Snapshot {
	return &Snapshot{txn: s.db.NewTransaction(false), dir: s.dir}
}

// Has reports whether a document with this content hash was stored when
// the snapshot was taken.
func (v *Snapshot) Has(hash string) (bool, error) {
	ok, err := hasHash(v.txn, hash)
	if err != nil {
		return false, fmt.Errorf("look up hash %s in %s: %w", hash, v.dir, err)
	}
	return ok, nil
}

// Close releases the snapshot.
func (v *Snapshot) Close() { v.txn.Discard() }

// Graph loads the whole merged graph, relations with their evidence.
func (s *DB) Graph() (*graph.Graph, error) {
	g := graph.New()
	err := s.db.View(func(txn *badger.Txn) error {
		if err := scan(txn, []byte{pDoc}, func(_, v []byte) error {
			d, err := DecodeDoc(v)
			if err == nil {
				g.AddDoc(d)
			}
			return err
		}); err != nil {
			return err
		}
		if err := scan(txn, []byte{pEntity}, func(_, v []byte) error {
			e, err := DecodeEntity(v)
			if err == nil {
				g.AddEntity(e)
			}
			return err
		}); err != nil {
			return err
		}
		excluded, err := excludedDocs(txn)
		if err != nil {
			return err
		}
		for _, p := range []byte{pRelation, pCo} {
			rels, err := relationsWithEvidence(txn, p, excluded)
			if err != nil {
				return err
			}
			for _, r := range rels {
				g.AddRelation(*r)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load graph from %s: %w", s.dir, err)
	}
	return g, nil
}

// relationsWithEvidence reads every merged relation (p = 'R') or
// co-mention ('C') and gives each its evidence from the contributions,
// in document order.
func relationsWithEvidence(txn *badger.Txn, p byte, excluded map[string]bool) ([]*graph.Relation, error) {
	var rels []*graph.Relation
	byKey := map[string]*graph.Relation{}
	if err := scan(txn, []byte{p}, func(k, v []byte) error {
		r, err := DecodeRelation(v)
		if err != nil {
			return err
		}
		rels = append(rels, &r)
		byKey[string(k)] = &r
		return nil
	}); err != nil {
		return nil, err
	}
	cp := byte(pRelDoc)
	if p == pCo {
		cp = pCoDoc
	}
	err := scan(txn, []byte{cp}, func(k, v []byte) error {
		ck, err := parseContribution(k)
		if err != nil {
			return err
		}
		r := byKey[string(ck.target().key())]
		if r == nil || excluded[ck.doc] {
			return nil
		}
		c, err := DecodeRelation(v)
		if err != nil {
			return err
		}
		r.Evidence = append(r.Evidence, c.Evidence...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rels, newHydrator(txn).fillRelationsAll(rels)
}

// withEvidence gives r its evidence, read from its contributions.
func withEvidence(txn *badger.Txn, r *graph.Relation, excluded map[string]bool) error {
	t := target{kind: pRelation, src: r.Source, dst: r.Target, label: r.Label}
	if r.Label == graphCoMentioned {
		t = target{kind: pCo, src: r.Source, dst: r.Target, label: graphCoMentioned}
	}
	_, vals, err := contributionsOf(txn, nil, t, excluded)
	if err != nil {
		return err
	}
	r.Evidence = nil
	for _, v := range vals {
		c, err := DecodeRelation(v)
		if err != nil {
			return err
		}
		r.Evidence = append(r.Evidence, c.Evidence...)
	}
	return newHydrator(txn).fillAll(evidencePointers(nil, r.Evidence))
}

// scan calls fn with every key and value under prefix, in key order. fn
// must not keep k or v.
//
// Values are read in place, not prefetched: the value threshold
// (openBadger) keeps every value in the LSM tree, next to its key, and
// prefetching copies each one on another goroutine first, which made
// scanning the entity contributions of a 4,000-document store three to
// four times slower.
func scan(txn *badger.Txn, prefix []byte, fn func(k, v []byte) error) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		if err := item.Value(func(v []byte) error { return fn(item.Key(), v) }); err != nil {
			return fmt.Errorf("key %q: %w", item.Key(), err)
		}
	}
	return nil
}

// Lookup returns the ids of the entities whose name or an alias folds to
// the same string as name (extract.Fold), in id order. It reads only the
// name index.
func (s *DB) Lookup(name string) ([]int64, error) {
	var ids []int64
	prefix := key(pName, []byte(extract.Fold(name)), zero)
	err := s.db.View(func(txn *badger.Txn) error {
		return eachKey(txn, prefix, func(k []byte) error {
			if len(k) != len(prefix)+8 {
				return fmt.Errorf("%w: name key %q", ErrCorrupt, k)
			}
			ids = append(ids, getID(k[len(prefix):]))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("look up %q in %s: %w", name, s.dir, err)
	}
	return ids, nil
}

// LookupPrefix returns the ids of entities with a folded name or alias
// starting with the folded prefix, at most limit of them (0: no limit),
// in name order without duplicates. It serves completion and fuzzy
// queries without loading the graph.
func (s *DB) LookupPrefix(prefix string, limit int) ([]int64, error) {
	var ids []int64
	p := key(pName, []byte(extract.Fold(prefix)))
	err := s.db.View(func(txn *badger.Txn) error {
		return eachKey(txn, p, func(k []byte) error {
			if limit > 0 && len(ids) >= limit {
				return errStop
			}
			if len(k) < 10 {
				return fmt.Errorf("%w: name key %q", ErrCorrupt, k)
			}
			id := getID(k[len(k)-8:])
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
			return nil
		})
	})
	if err != nil && !errors.Is(err, errStop) {
		return nil, fmt.Errorf("look up prefix %q in %s: %w", prefix, s.dir, err)
	}
	return ids, nil
}

var errStop = errors.New("stop")

// Entity returns the merged entity with id.
func (s *DB) Entity(id int64) (*graph.Entity, error) {
	var e graph.Entity
	err := s.db.View(func(txn *badger.Txn) error {
		raw, err := getRaw(txn, entityKey(id))
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

// Out returns the typed relations from id, with their evidence, sorted by
// target and label. It reads only those relations.
func (s *DB) Out(id int64) ([]graph.Relation, error) {
	var out []graph.Relation
	err := s.db.View(func(txn *badger.Txn) error {
		excluded, err := excludedDocs(txn)
		if err != nil {
			return err
		}
		if err := scan(txn, key(pRelation, id8(id)), func(_, v []byte) error {
			r, err := DecodeRelation(v)
			out = append(out, r)
			return err
		}); err != nil {
			return err
		}
		for i := range out {
			if err := withEvidence(txn, &out[i], excluded); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("relations from %d: %w", id, err)
	}
	return out, nil
}

// In returns the typed relations to id, with their evidence, sorted by
// source and label. It reads the reverse index and then each relation.
func (s *DB) In(id int64) ([]graph.Relation, error) {
	var out []graph.Relation
	err := s.db.View(func(txn *badger.Txn) error {
		prefix := key(pReverse, id8(id))
		var keys [][]byte
		if err := eachKey(txn, prefix, func(k []byte) error {
			if len(k) < 17 {
				return fmt.Errorf("%w: reverse key %q", ErrCorrupt, k)
			}
			keys = append(keys, relationKey(getID(k[9:17]), id, string(k[17:])))
			return nil
		}); err != nil {
			return err
		}
		excluded, err := excludedDocs(txn)
		if err != nil {
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
			if err := withEvidence(txn, &r, excluded); err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("relations to %d: %w", id, err)
	}
	return out, nil
}

// EachEntity calls fn with every merged entity in id order, without
// building a graph. fn may keep e.
func (s *DB) EachEntity(fn func(e graph.Entity) error) error {
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(txn, []byte{pEntity}, func(_, v []byte) error {
			e, err := DecodeEntity(v)
			if err != nil {
				return err
			}
			return fn(e)
		})
	})
	if err != nil {
		return fmt.Errorf("list entities in %s: %w", s.dir, err)
	}
	return nil
}

// EachRelation calls fn with every typed relation (or, with coMentions,
// every co-mention edge) in (source, target, label) order, without
// building a graph. With noEvidence, Evidence is left nil and only the
// merged values are read.
func (s *DB) EachRelation(coMentions, noEvidence bool, fn func(r graph.Relation) error) error {
	p := byte(pRelation)
	if coMentions {
		p = pCo
	}
	err := s.db.View(func(txn *badger.Txn) error {
		excluded, err := excludedDocs(txn)
		if err != nil {
			return err
		}
		return scan(txn, []byte{p}, func(_, v []byte) error {
			r, err := DecodeRelation(v)
			if err != nil {
				return err
			}
			if !noEvidence {
				if err := withEvidence(txn, &r, excluded); err != nil {
					return err
				}
			}
			return fn(r)
		})
	})
	if err != nil {
		return fmt.Errorf("list relations in %s: %w", s.dir, err)
	}
	return nil
}

// Docs returns the stored documents in id order.
func (s *DB) Docs() ([]graph.Doc, error) {
	var out []graph.Doc
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(txn, []byte{pDoc}, func(_, v []byte) error {
			d, err := DecodeDoc(v)
			out = append(out, d)
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list documents in %s: %w", s.dir, err)
	}
	return out, nil
}

// Doc returns the document with id.
func (s *DB) Doc(id string) (graph.Doc, error) {
	var d graph.Doc
	err := s.db.View(func(txn *badger.Txn) error {
		raw, err := getRaw(txn, docKey(id))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		d, err = DecodeDoc(raw)
		return err
	})
	if err != nil {
		return d, fmt.Errorf("document %s: %w", id, err)
	}
	return d, nil
}

// DocsByID returns the documents with the given ids that the store has,
// by id, read in one transaction. The ids are read in key order, stepping
// through the document table where they lie close together (a card that
// quotes thousands of documents) and seeking where they do not, which
// costs far less than a Doc call each.
func (s *DB) DocsByID(ids []string) (map[string]graph.Doc, error) {
	keys := make([][]byte, 0, len(ids))
	for _, id := range ids {
		keys = append(keys, docKey(id))
	}
	slices.SortFunc(keys, bytes.Compare)
	keys = slices.CompactFunc(keys, bytes.Equal)
	out := make(map[string]graph.Doc, len(keys))
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pDoc}})
		defer it.Close()
		it.Rewind()
		for _, k := range keys {
			// A few steps forward cost less than a seek, which searches
			// every level again.
			for step := 0; it.Valid() && bytes.Compare(it.Item().Key(), k) < 0; step++ {
				if step == 16 {
					it.Seek(k)
					break
				}
				it.Next()
			}
			if !it.Valid() {
				break
			}
			if !bytes.Equal(it.Item().Key(), k) {
				continue
			}
			raw, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			d, err := DecodeDoc(raw)
			if err != nil {
				return fmt.Errorf("document %s: %w", k[1:], err)
			}
			out[string(k[1:])] = d
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read documents in %s: %w", s.dir, err)
	}
	return out, nil
}

// FindDocs resolves what a user typed to name documents: a document id, a
// path it was ingested from, or a unique prefix (at least 4 characters) of
// an id or content hash. It returns ErrNotFound if nothing matches, and an
// error naming the candidates if a prefix is ambiguous.
func (s *DB) FindDocs(ref string) ([]graph.Doc, error) {
	if d, err := s.Doc(ref); err == nil {
		return []graph.Doc{d}, nil
	} else if !errors.Is(err, ErrNotFound) {
		return nil, err
	}
	var ids []string
	err := s.db.View(func(txn *badger.Txn) error {
		pp := pathPrefix(ref)
		if err := eachKey(txn, pp, func(k []byte) error {
			ids = append(ids, string(k[len(pp):]))
			return nil
		}); err != nil || len(ids) > 0 || len(ref) < 4 {
			return err
		}
		if err := eachKey(txn, key(pDoc, []byte(ref)), func(k []byte) error {
			ids = append(ids, string(k[1:]))
			return nil
		}); err != nil || len(ids) > 0 {
			return err
		}
		return scan(txn, key(pHash, []byte(ref)), func(_, v []byte) error {
			ids = append(ids, string(v))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("find document %q: %w", ref, err)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if len(ids) == 0 {
		return nil, fmt.Errorf("document %q: %w", ref, ErrNotFound)
	}
	var out []graph.Doc
	for _, id := range ids {
		d, err := s.Doc(id)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// Contributions returns what each document says about entity id (its
// per-document facts, before merging), in document order. Entity
// resolution uses it to recompute merged entities under its own rules.
func (s *DB) Contributions(id int64) ([]graph.Entity, error) {
	var out []graph.Entity
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(txn, entityDocPrefix(id), func(_, v []byte) error {
			e, err := DecodeEntity(v)
			out = append(out, e)
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("contributions to entity %d: %w", id, err)
	}
	return out, nil
}
