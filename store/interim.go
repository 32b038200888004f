package store

// Interim single-entity reads over format 1, with the same signatures as
// the store branch's read.go (Out, In, EachEntity, EachRelation, Docs,
// Doc), so the queries in cmd/kgx can use them now. When the store branch
// lands, this file is deleted: its read.go replaces every function here
// (and In there uses the reverse index instead of a key scan).

import (
	"encoding/json"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgx-project/kgx/graph"
)

// Out returns the typed relations from id, with their evidence, sorted by
// target and label. It reads only those relations.
func (s *DB) Out(id int64) ([]graph.Relation, error) {
	var out []graph.Relation
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 16, Prefix: key(pRelation, id8(id))})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			var r graph.Relation
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &r) }); err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("relations from %d: %w", id, err)
	}
	return out, nil
}

// In returns the typed relations to id, with their evidence, sorted by
// source and label. (Interim: scans every relation key.)
func (s *DB) In(id int64) ([]graph.Relation, error) {
	var out []graph.Relation
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pRelation}})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().Key()
			if len(k) < 17 || int64(beUint64(k[9:17])) != id {
				continue
			}
			var r graph.Relation
			if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &r) }); err != nil {
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
// building a graph.
func (s *DB) EachEntity(fn func(e graph.Entity) error) error {
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(txn, pEntity, func(b []byte) error {
			var e graph.Entity
			if err := json.Unmarshal(b, &e); err != nil {
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
// every co-mention edge) in (source, target, label) order. With
// noEvidence, Evidence is left nil.
func (s *DB) EachRelation(coMentions, noEvidence bool, fn func(r graph.Relation) error) error {
	p := byte(pRelation)
	if coMentions {
		p = pCo
	}
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(txn, p, func(b []byte) error {
			var r graph.Relation
			if err := json.Unmarshal(b, &r); err != nil {
				return err
			}
			if noEvidence {
				r.Evidence = nil
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
		return scan(txn, pDoc, func(b []byte) error {
			var d graph.Doc
			err := json.Unmarshal(b, &d)
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
		found, err := getJSON(txn, key(pDoc, []byte(id)), &d)
		if err == nil && !found {
			return ErrNotFound
		}
		return err
	})
	if err != nil {
		return d, fmt.Errorf("document %s: %w", id, err)
	}
	return d, nil
}

// reverseLinks calls fn with the source and label of every typed relation
// to id. (Interim: scans every relation key; the store branch's reverse
// index 'I' dst src label makes this a prefix scan.)
func reverseLinks(txn *badger.Txn, id int64, fn func(src int64, label string)) error {
	return keysUnder(txn, []byte{pRelation}, func(k []byte) error {
		if len(k) >= 17 && int64(beUint64(k[9:17])) == id {
			fn(int64(beUint64(k[1:9])), string(k[17:]))
		}
		return nil
	})
}

// valuesUnder decodes every relation under prefix.
func valuesUnder(txn *badger.Txn, prefix []byte, fn func(r graph.Relation)) error {
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 16, Prefix: prefix})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		var r graph.Relation
		if err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &r) }); err != nil {
			return fmt.Errorf("decode %q: %w", it.Item().Key(), err)
		}
		fn(r)
	}
	return nil
}
