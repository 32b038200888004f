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
// reported false. On error, documents before the failing one may be
// stored.
func (s *DB) PutBatch(fs []*graph.Facts) (added []bool, err error) {
	added = make([]bool, len(fs))
	if err := s.writable(); err != nil {
		return added, err
	}
	cs := make([]*contributions, len(fs))
	for i, f := range fs {
		if f == nil {
			continue
		}
		if cs[i], err = newContributions(f); err != nil {
			return added, fmt.Errorf("store document %s: %w", f.Doc.ID, err)
		}
	}
	return added, s.putBatch(fs, cs, added)
}

func (s *DB) putBatch(fs []*graph.Facts, cs []*contributions, stored []bool) error {
	n, last := 0, -1
	for i, c := range cs {
		if c != nil {
			n, last = n+1, i
		}
	}
	switch n {
	case 0:
		return nil
	case 1:
		// Put knows how to write a document too big for one
		// transaction.
		ok, err := s.Put(fs[last])
		stored[last] = ok
		return err
	}
	got := make([]bool, len(cs))
	err := func() error {
		s.mu.Lock()
		defer s.mu.Unlock()
		b := s.newBatch(false)
		var targets []target
		adds := map[string][]added{}
		for i, c := range cs {
			if c == nil {
				continue
			}
			// The batch's reads see its own writes, so a document
			// repeated within the batch is skipped as Put would skip
			// it, and one replacing an earlier one of the batch (same
			// path) removes it.
			ok, ts, as, err := s.stage(b, c, false)
			if err == nil && ok {
				err = finishPut(b, c.doc)
			}
			if err != nil {
				b.discard()
				return fmt.Errorf("store document %s: %w", c.doc.ID, err)
			}
			got[i] = ok
			targets = append(targets, ts...)
			for k, a := range as {
				adds[k] = append(adds[k], a)
			}
		}
		// A merged value is the fold of its contributions in document
		// order, whatever order they were written in, so recomputing
		// each once for the whole batch gives what a recompute after
		// every document would. Values none of whose new contributions
		// come first are updated by adding those (recomputeOne), unless
		// a document was removed in the batch: its removal recomputed
		// values that may then include earlier documents of the batch.
		if b.removed {
			adds = nil
		}
		if err := s.recomputeAdding(b, targets, adds); err != nil {
			b.discard()
			return fmt.Errorf("store batch: %w", err)
		}
		return b.finish()
	}()
	if errors.Is(err, badger.ErrTxnTooBig) {
		// Too much for one transaction: store each half on its own.
		h := len(cs) / 2
		if err := s.putBatch(fs[:h], cs[:h], stored[:h]); err != nil {
			return err
		}
		return s.putBatch(fs[h:], cs[h:], stored[h:])
	}
	if err != nil {
		return err
	}
	copy(stored, got)
	return nil
}
