package store

import (
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgx-project/kgx/graph"
)

// PutBatch stores several documents' facts, in order, with as few
// transactions as badger allows. The stored result is the one calling Put
// on each in turn would give, and every document is stored whole or not at
// all. added[i] reports whether fs[i] was new; nil entries are skipped and
// reported false. On error, the documents before the failing one may be
// stored.
func (s *DB) PutBatch(fs []*graph.Facts) (added []bool, err error) {
	added = make([]bool, len(fs))
	return added, s.putBatch(fs, added)
}

func (s *DB) putBatch(fs []*graph.Facts, added []bool) error {
	n := 0
	for _, f := range fs {
		if f != nil {
			n++
		}
	}
	switch n {
	case 0:
		return nil
	case 1:
		for i, f := range fs {
			if f != nil {
				ok, err := s.Put(f)
				added[i] = ok
				return err
			}
		}
	}
	got := make([]bool, len(fs))
	err := s.db.Update(func(txn *badger.Txn) error {
		for i, f := range fs {
			if f == nil {
				continue
			}
			// Reads in txn see its own writes, so a document repeated
			// within the batch is skipped as Put would skip it.
			if _, err := txn.Get(key(pHash, []byte(f.Doc.Hash))); err == nil {
				continue
			} else if !errors.Is(err, badger.ErrKeyNotFound) {
				return fmt.Errorf("store document %s: %w", f.Doc.ID, err)
			}
			got[i] = true
			if err := putFacts(txn, f); err != nil {
				return fmt.Errorf("store document %s: %w", f.Doc.ID, err)
			}
		}
		return nil
	})
	if errors.Is(err, badger.ErrTxnTooBig) {
		// Too much for one transaction: store each half on its own.
		h := len(fs) / 2
		if err := s.putBatch(fs[:h], added[:h]); err != nil {
			return err
		}
		return s.putBatch(fs[h:], added[h:])
	}
	if err != nil {
		return err
	}
	copy(added, got)
	return nil
}
