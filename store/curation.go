package store

import (
	"encoding/binary"
	"encoding/json"
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
const pCuration = 'U'

func curationKey(seq uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], seq)
	return key(pCuration, b[:])
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
		for _, c := range cs {
			seq++
			if err := setJSON(txn, curationKey(seq), c); err != nil {
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
	it := txn.NewIterator(badger.IteratorOptions{Reverse: true, Prefix: []byte{pCuration}})
	defer it.Close()
	it.Seek(key(pCuration, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}))
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
		return scan(txn, pCuration, func(b []byte) error {
			var c graph.Curation
			if err := json.Unmarshal(b, &c); err != nil {
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
	var facts []*graph.Facts
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(txn, pFacts, func(b []byte) error {
			f := new(graph.Facts)
			if err := json.Unmarshal(b, f); err != nil {
				return err
			}
			facts = append(facts, f)
			return nil
		})
	})
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
