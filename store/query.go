package store

// Reads for the CLI's queries that touch a few keys: the edges of one
// entity without their evidence (for walking paths), the relations
// between two entities, and the name index (for "did you mean").

import (
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgx-project/kgx/graph"
)

// Link is a typed relation seen from one of its ends, without reading its
// value: the entity at the other end, the label and the direction.
type Link struct {
	Other int64
	Label string
	Out   bool // the relation goes from the entity to Other
}

// Links returns the typed relations of id, outgoing then incoming, each
// sorted by the other end and label. It reads keys only.
func (s *DB) Links(id int64) ([]Link, error) {
	var out []Link
	err := s.db.View(func(txn *badger.Txn) error {
		p := key(pRelation, id8(id))
		if err := keysUnder(txn, p, func(k []byte) error {
			if len(k) < 17 {
				return fmt.Errorf("malformed relation key %q", k)
			}
			out = append(out, Link{Other: int64(beUint64(k[9:17])), Label: string(k[17:]), Out: true})
			return nil
		}); err != nil {
			return err
		}
		return reverseLinks(txn, id, func(src int64, label string) {
			out = append(out, Link{Other: src, Label: label})
		})
	})
	if err != nil {
		return nil, fmt.Errorf("links of %d: %w", id, err)
	}
	return out, nil
}

// Between returns the typed relations from a to b and then from b to a,
// with their evidence.
func (s *DB) Between(a, b int64) ([]graph.Relation, error) {
	var out []graph.Relation
	err := s.db.View(func(txn *badger.Txn) error {
		for _, p := range [][]byte{key(pRelation, id8(a), id8(b)), key(pRelation, id8(b), id8(a))} {
			if err := valuesUnder(txn, p, func(r graph.Relation) { out = append(out, r) }); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("relations between %d and %d: %w", a, b, err)
	}
	return out, nil
}

// EachName calls fn with every folded name and alias in the name index
// and the entity it names, in name order. It reads keys only.
func (s *DB) EachName(fn func(folded string, id int64) error) error {
	err := s.db.View(func(txn *badger.Txn) error {
		return keysUnder(txn, []byte{pName}, func(k []byte) error {
			if len(k) < 10 || k[len(k)-9] != 0 {
				return fmt.Errorf("malformed name key %q", k)
			}
			return fn(string(k[1:len(k)-9]), int64(beUint64(k[len(k)-8:])))
		})
	})
	if err != nil {
		return fmt.Errorf("list names in %s: %w", s.dir, err)
	}
	return nil
}

// keysUnder calls fn with every key under prefix, in order, reading no
// values. fn must not keep k.
func keysUnder(txn *badger.Txn, prefix []byte, fn func(k []byte) error) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if err := fn(it.Item().Key()); err != nil {
			return err
		}
	}
	return nil
}
