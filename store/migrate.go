package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgx-project/kgx/graph"
)

// migrate brings a store of an older format up to FormatVersion. Each
// step is safe to interrupt and to run again.
func (s *DB) migrate(from uint64) error {
	if from == 1 {
		if err := s.migrate1to2(); err != nil {
			return err
		}
		from = 2
	}
	if from == 2 {
		if err := s.migrate2to3(); err != nil {
			return err
		}
		from = 3
	}
	if from == 3 || from == 4 {
		// Format 5 encodes entities, relations and co-mentions in
		// binary (bincodec.go): rewrite the contributions and the
		// resolved view's values. Format 4 added each merged value's
		// first document: a format-3 store recomputes its merged values
		// (which also encodes them anew), a format-4 store rewrites
		// them. Both steps are idempotent.
		prefixes := [][]byte{{pEntityDoc}, {pRelDoc}, {pCoDoc}, rkey(rEntity), rkey(rRelation)}
		if from == 4 {
			prefixes = append(prefixes, []byte{pEntity}, []byte{pRelation}, []byte{pCo})
		}
		if err := s.reencode(prefixes...); err != nil {
			return err
		}
		if from == 3 {
			if err := s.RecomputeAll(context.Background()); err != nil {
				return err
			}
		}
		if err := s.stampVersion(5); err != nil {
			return err
		}
		from = 5
	}
	if from == 5 {
		if err := s.packManifests(); err != nil {
			return err
		}
		return s.stampVersion(6)
	}
	return nil
}

// packManifests converts the manifests of formats 2 to 5, one empty key
// 'm' doc 0x00 <contribution key> per entry, into format 6's chunks
// (manifest.go). Per document it writes the chunks, then deletes the
// entries; a rerun after an interruption packs what the chunks already
// list with the entries left.
func (s *DB) packManifests() error {
	var docs []string
	err := s.db.View(func(txn *badger.Txn) error {
		return eachKey(txn, []byte{pManifest}, func(k []byte) error {
			i := bytes.IndexByte(k, 0)
			if i < 0 {
				return nil // Check reports it
			}
			if d := string(k[1:i]); len(docs) == 0 || docs[len(docs)-1] != d {
				docs = append(docs, d)
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	b := s.newBatch(true)
	for _, doc := range docs {
		if err := packManifest(b, doc); err != nil {
			b.discard()
			return fmt.Errorf("document %s: %w", doc, err)
		}
	}
	return b.finish()
}

func packManifest(b *batch, doc string) error {
	mp := manifestPrefix(doc)
	var old, entries [][]byte
	err := scan(b.txn, mp, func(k, v []byte) error {
		rest := k[len(mp):]
		if len(rest) != 4 { // an entry of format 5
			old = append(old, bytes.Clone(k))
			entries = append(entries, bytes.Clone(rest))
			return nil
		}
		return eachManifestEntry(v, func(ck []byte) error {
			entries = append(entries, bytes.Clone(ck))
			return nil
		})
	})
	if err != nil || len(old) == 0 {
		return err
	}
	entries = inKeyOrder(entries)
	entries = slices.CompactFunc(entries, bytes.Equal)
	if err := setManifest(b, doc, entries); err != nil {
		return err
	}
	for _, k := range old {
		if err := b.del(k); err != nil {
			return err
		}
	}
	return nil
}

// reencode rewrites every entity, relation and co-mention value under
// each of prefixes in the current encoding, in batches. Merged values
// keep their first document.
func (s *DB) reencode(prefixes ...[]byte) error {
	b := s.newBatch(true)
	for _, p := range prefixes {
		type kv struct{ k, v []byte }
		var sets []kv
		err := scan(b.txn, p, func(k, v []byte) error {
			if len(v) > 0 && v[0] != codecJSON {
				return nil // done before an interruption
			}
			var x any
			switch k[0] {
			case pEntity:
				x = &mergedEntity{}
			case pRelation, pCo:
				x = &mergedRelation{}
			case pEntityDoc:
				x = &graph.Entity{}
			case pRelDoc, pCoDoc:
				x = &graph.Relation{}
			default: // the resolved view
				if k[1] == rEntity {
					x = &graph.Entity{}
				} else {
					x = &graph.Relation{}
				}
			}
			if err := decode(v, x); err != nil {
				return fmt.Errorf("%s: %w", printable(k), err)
			}
			var nv []byte
			var err error
			switch x := x.(type) {
			case *mergedEntity:
				nv, err = encode(*x)
			case *mergedRelation:
				nv, err = encode(*x)
			default:
				nv, err = encode(x)
			}
			if err != nil {
				return err
			}
			sets = append(sets, kv{bytes.Clone(k), nv})
			return nil
		})
		if err != nil {
			b.discard()
			return fmt.Errorf("re-encode values: %w", err)
		}
		for _, x := range sets {
			if err := b.set(x.k, x.v); err != nil {
				b.discard()
				return err
			}
		}
	}
	return b.finish()
}

// stampVersion records the store's format version.
func (s *DB) stampVersion(v uint64) error {
	return s.db.Update(func(txn *badger.Txn) error {
		return txn.Set(versionKey(), binary.AppendUvarint(nil, v))
	})
}

// dropKeys deletes every key under each of prefixes, in batches.
func (s *DB) dropKeys(prefixes ...[]byte) error {
	b := s.newBatch(true)
	for _, p := range prefixes {
		var keys [][]byte
		if err := eachKey(b.txn, p, func(k []byte) error {
			keys = append(keys, bytes.Clone(k))
			return nil
		}); err != nil {
			b.discard()
			return err
		}
		for _, k := range keys {
			if err := b.del(k); err != nil {
				b.discard()
				return err
			}
		}
	}
	return b.finish()
}

// migrate2to3 moves the evidence sentences of format 2, which every
// relation and co-mention contribution (and the resolved view) carried
// inline, into each document's sentence table with its search postings
// (see sentences.go).
//
// Per document, in one batch: the sentences and postings first, then the
// contributions without their text. A rerun after a crash finds the text
// still inline in the contributions not yet rewritten; those already
// rewritten have their sentences stored. Then the resolved view's
// sentence index of format 2 ('G' 'S', 'G' 'T') is dropped with the
// view's stamp (prepare rebuilds the view), and the version is stamped
// last.
func (s *DB) migrate2to3() error {
	var docs []string
	err := s.db.View(func(txn *badger.Txn) error {
		return eachKey(txn, []byte{pManifest}, func(k []byte) error {
			i := bytes.IndexByte(k, 0)
			if i < 0 {
				return nil // Check reports it
			}
			if d := string(k[1:i]); len(docs) == 0 || docs[len(docs)-1] != d {
				docs = append(docs, d)
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	for _, doc := range docs {
		b := s.newBatch(true)
		if err := migrateDoc2(b, doc); err != nil {
			b.discard()
			return fmt.Errorf("document %s: %w", doc, err)
		}
		if err := b.finish(); err != nil {
			return fmt.Errorf("document %s: %w", doc, err)
		}
	}
	if err := s.dropKeys(resolvedStampKey(), []byte{pResolved, 'S'}, []byte{pResolved, 'T'}); err != nil {
		return err
	}
	return s.stampVersion(3)
}

func migrateDoc2(b *batch, doc string) error {
	type kv struct {
		k []byte
		r graph.Relation
	}
	var rels []kv
	mp := manifestPrefix(doc)
	err := eachKey(b.txn, mp, func(k []byte) error {
		ck := k[len(mp):]
		if len(ck) == 0 || (ck[0] != pRelDoc && ck[0] != pCoDoc) {
			return nil
		}
		raw, err := getRaw(b.txn, ck)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil // Check reports it
		}
		if err != nil {
			return err
		}
		r, err := DecodeRelation(raw)
		if err != nil {
			return fmt.Errorf("%s: %w", printable(ck), err)
		}
		rels = append(rels, kv{bytes.Clone(ck), r})
		return nil
	})
	if err != nil {
		return err
	}
	tbl := newSentenceTable(doc)
	for i := range rels {
		rels[i].r = tbl.strip(rels[i].r)
	}
	if err := tbl.write(b); err != nil {
		return err
	}
	for _, x := range rels {
		v, err := encode(x.r)
		if err != nil {
			return err
		}
		if err := b.set(x.k, v); err != nil {
			return err
		}
	}
	return nil
}

// migrate1to2 converts format 1, which kept each document's whole
// graph.Facts under 'F' (plain JSON) next to merged values.
//
// Phase A, one transaction per document: write its contributions and
// manifest, rewrite 'D' in the versioned encoding, add 'P', delete 'F'.
// A rerun after a crash finds only the documents still under 'F'.
// Phase B: drop format 1's merged values and name index, recompute
// everything, and stamp the new version last.
func (s *DB) migrate1to2() error {
	var ids []string
	err := s.db.View(func(txn *badger.Txn) error {
		return eachKey(txn, []byte{pFactsV1}, func(k []byte) error {
			ids = append(ids, string(k[1:]))
			return nil
		})
	})
	if err != nil {
		return err
	}
	for _, id := range ids {
		b := s.newBatch(true)
		if err := s.migrateDoc1(b, id); err != nil {
			b.discard()
			return fmt.Errorf("document %s: %w", id, err)
		}
		if err := b.finish(); err != nil {
			return fmt.Errorf("document %s: %w", id, err)
		}
	}
	if err := s.dropKeys([]byte{pEntity}, []byte{pRelation}, []byte{pCo}, []byte{pName}, []byte{pReverse}); err != nil {
		return err
	}
	if err := s.RecomputeAll(context.Background()); err != nil {
		return err
	}
	return s.stampVersion(2)
}

func (s *DB) migrateDoc1(b *batch, id string) error {
	raw, err := getRaw(b.txn, key(pFactsV1, []byte(id)))
	if err != nil {
		return err
	}
	var f graph.Facts
	if err := json.Unmarshal(raw, &f); err != nil {
		return fmt.Errorf("%w: format 1 facts: %v", ErrCorrupt, err)
	}
	c, err := newContributions(&f)
	if err != nil {
		return err
	}
	keys := c.keys()
	vals := make([]any, 0, len(keys))
	for _, e := range c.ent {
		vals = append(vals, e)
	}
	for _, r := range c.rel {
		vals = append(vals, r)
	}
	for _, r := range c.co {
		vals = append(vals, r)
	}
	for i, ck := range keys {
		v, err := encode(vals[i])
		if err != nil {
			return err
		}
		if err := b.set(ck.key(), v); err != nil {
			return err
		}
		if err := b.set(append(manifestPrefix(id), ck.key()...), nil); err != nil {
			return err
		}
	}
	d := c.doc
	d.ID = id
	dv, err := encode(d)
	if err != nil {
		return err
	}
	if err := b.set(docKey(id), dv); err != nil {
		return err
	}
	if err := b.set(hashKey(d.Hash), []byte(id)); err != nil {
		return err
	}
	if d.Path != "" {
		if err := b.set(pathKey(d.Path, id), nil); err != nil {
			return err
		}
	}
	return b.del(key(pFactsV1, []byte(id)))
}
