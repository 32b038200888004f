package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// FormatVersion is the on-disk format this package writes.
const FormatVersion = 1

var (
	// ErrNotFound is returned when an entity or document does not exist.
	ErrNotFound = errors.New("not found")
	// ErrLocked is returned when another process has the store open.
	ErrLocked = errors.New("in use by another kgx process")
)

// Options configures Open.
type Options struct {
	ReadOnly bool
	InMemory bool // for tests: dir is ignored
}

// DB is an open store.
type DB struct {
	dir string
	db  *badger.DB
}

// Open opens (creating if needed) the store in dir.
func Open(dir string, opts Options) (*DB, error) {
	bo := badger.DefaultOptions(dir).
		WithLogger(nil).
		WithValueLogFileSize(16 << 20).
		WithMemTableSize(8 << 20).
		WithNumVersionsToKeep(1).
		WithReadOnly(opts.ReadOnly)
	if opts.InMemory {
		bo = bo.WithDir("").WithValueDir("").WithInMemory(true)
	}
	if opts.ReadOnly && !opts.InMemory {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("open store %s: %w", dir, err)
		}
	}
	db, err := badger.Open(bo)
	if err != nil {
		if strings.Contains(err.Error(), "Cannot acquire directory lock") || strings.Contains(err.Error(), "resource temporarily unavailable") {
			return nil, fmt.Errorf("store %s is %w", dir, ErrLocked)
		}
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	s := &DB{dir: dir, db: db}
	if !opts.ReadOnly {
		if err := s.db.Update(func(txn *badger.Txn) error {
			return txn.Set([]byte{pVersion}, []byte{FormatVersion})
		}); err != nil {
			db.Close()
			return nil, fmt.Errorf("open store %s: write version: %w", dir, err)
		}
	}
	return s, nil
}

// Close closes the store.
func (s *DB) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store %s: %w", s.dir, err)
	}
	return nil
}

// Has reports whether a document with this content hash is stored.
func (s *DB) Has(hash string) (bool, error) {
	var ok bool
	err := s.db.View(func(txn *badger.Txn) error {
		_, err := txn.Get(key(pHash, []byte(hash)))
		if err == nil {
			ok = true
			return nil
		}
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		return err
	})
	return ok, err
}

// Put stores one document's facts in one transaction and merges them into
// the graph. It reports false, and changes nothing, if a document with the
// same content hash is already stored.
func (s *DB) Put(f *graph.Facts) (bool, error) {
	added := false
	err := s.db.Update(func(txn *badger.Txn) error {
		if _, err := txn.Get(key(pHash, []byte(f.Doc.Hash))); err == nil {
			return nil
		} else if !errors.Is(err, badger.ErrKeyNotFound) {
			return err
		}
		added = true
		return putFacts(txn, f)
	})
	if err != nil {
		return false, fmt.Errorf("store document %s: %w", f.Doc.ID, err)
	}
	return added, nil
}

func putFacts(txn *badger.Txn, f *graph.Facts) error {
	if err := setJSON(txn, key(pDoc, []byte(f.Doc.ID)), f.Doc); err != nil {
		return err
	}
	if err := txn.Set(key(pHash, []byte(f.Doc.Hash)), []byte(f.Doc.ID)); err != nil {
		return err
	}
	if err := setJSON(txn, key(pFacts, []byte(f.Doc.ID)), f); err != nil {
		return err
	}
	for _, e := range f.Entities {
		var old graph.Entity
		found, err := getJSON(txn, entityKey(e.ID), &old)
		if err != nil {
			return err
		}
		if found {
			graph.MergeEntity(&old, e)
			e = old
		}
		if err := setJSON(txn, entityKey(e.ID), e); err != nil {
			return err
		}
		for _, n := range names(e) {
			if err := txn.Set(nameKey(n, e.ID), nil); err != nil {
				return err
			}
		}
	}
	if err := indexSearch(txn.Set, f); err != nil {
		return err
	}
	for _, r := range f.Relations {
		if err := mergeRelation(txn, relationKey(r.Source, r.Target, r.Label), r); err != nil {
			return err
		}
	}
	for _, r := range f.CoMentions {
		if err := mergeRelation(txn, coKey(r.Source, r.Target), r); err != nil {
			return err
		}
	}
	return nil
}

func names(e graph.Entity) []string {
	out := []string{extract.Fold(e.Name)}
	for _, a := range e.Aliases {
		out = append(out, extract.Fold(a.Name))
	}
	return out
}

func mergeRelation(txn *badger.Txn, k []byte, r graph.Relation) error {
	var old graph.Relation
	found, err := getJSON(txn, k, &old)
	if err != nil {
		return err
	}
	if found {
		old.Count += r.Count
		old.Evidence = append(old.Evidence, r.Evidence...)
		r = old
	}
	return setJSON(txn, k, r)
}

func setJSON(txn *badger.Txn, k []byte, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return txn.Set(k, b)
}

func getJSON(txn *badger.Txn, k []byte, v any) (bool, error) {
	item, err := txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, item.Value(func(b []byte) error { return json.Unmarshal(b, v) })
}

// Graph loads the whole merged graph.
func (s *DB) Graph() (*graph.Graph, error) {
	g := graph.New()
	err := s.db.View(func(txn *badger.Txn) error {
		if err := scan(txn, pDoc, func(b []byte) error {
			var d graph.Doc
			if err := json.Unmarshal(b, &d); err != nil {
				return err
			}
			g.AddDoc(d)
			return nil
		}); err != nil {
			return err
		}
		if err := scan(txn, pEntity, func(b []byte) error {
			var e graph.Entity
			if err := json.Unmarshal(b, &e); err != nil {
				return err
			}
			g.AddEntity(e)
			return nil
		}); err != nil {
			return err
		}
		for _, p := range []byte{pRelation, pCo} {
			if err := scan(txn, p, func(b []byte) error {
				var r graph.Relation
				if err := json.Unmarshal(b, &r); err != nil {
					return err
				}
				g.AddRelation(r)
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load graph from %s: %w", s.dir, err)
	}
	return g, nil
}

func scan(txn *badger.Txn, prefix byte, fn func([]byte) error) error {
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 100, Prefix: []byte{prefix}})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if err := it.Item().Value(fn); err != nil {
			return fmt.Errorf("decode %q: %w", it.Item().Key(), err)
		}
	}
	return nil
}

// Lookup returns the ids of entities whose name or alias folds to the
// same string as name.
func (s *DB) Lookup(name string) ([]int64, error) {
	var ids []int64
	prefix := key(pName, []byte(extract.Fold(name)), []byte{0})
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().Key()
			ids = append(ids, int64(beUint64(k[len(k)-8:])))
		}
		return nil
	})
	return ids, err
}

func beUint64(b []byte) uint64 {
	var v uint64
	for _, x := range b {
		v = v<<8 | uint64(x)
	}
	return v
}

// Entity returns the entity with id.
func (s *DB) Entity(id int64) (*graph.Entity, error) {
	var e graph.Entity
	err := s.db.View(func(txn *badger.Txn) error {
		found, err := getJSON(txn, entityKey(id), &e)
		if err == nil && !found {
			return ErrNotFound
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("entity %d: %w", id, err)
	}
	return &e, nil
}
