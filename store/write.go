package store

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// errInterrupted is what a test's failAfterCommits makes a write return.
var errInterrupted = errors.New("write interrupted (test hook)")

// errDiscarded is why a discarded batch ended without committing.
var errDiscarded = errors.New("batch discarded")

// batch is a write transaction that, when split is set, commits and starts
// a new transaction whenever the current one is full. Without split it is
// a plain transaction and ErrTxnTooBig goes back to the caller.
type batch struct {
	s       *DB
	txn     *badger.Txn
	split   bool
	commits int
	pending overlay         // uncommitted contribution writes, up to applied of notes
	notes   []note          // uncommitted contribution writes, in order
	applied int             // how many of notes pending has
	paths   map[string]bool // uncommitted path index writes: true set, false deleted
	journal map[string]byte // uncommitted journal writes: the state set, 0 deleted
	read    *badger.Txn     // read-only view of what is committed, for merged
	removed bool            // a document was removed in this transaction
	undo    []undoValue     // what the cache of merged values had before this transaction's writes
}

// undoValue is a key of the cache of merged values and what it held.
type undoValue struct {
	k   string
	v   []byte
	had bool
}

// note is a write of a contribution key; v and k are the slices given to
// badger, which stay unchanged until the transaction ends.
type note struct {
	k, v []byte
	del  bool
}

func (s *DB) newBatch(split bool) *batch {
	if s.values == nil {
		s.values = newMergedCache(mergedCacheLimit)
		s.values.complete = !s.hasMerged()
	}
	return &batch{s: s, txn: s.db.NewTransaction(true), split: split, pending: overlay{}}
}

// hasMerged reports whether the store has a merged value (or cannot
// tell).
func (s *DB) hasMerged() bool {
	found := false
	err := s.db.View(func(txn *badger.Txn) error {
		for _, p := range []byte{pEntity, pRelation, pCo} {
			if err := eachKey(txn, []byte{p}, func([]byte) error {
				found = true
				return errStop
			}); err != nil && !errors.Is(err, errStop) {
				return err
			}
		}
		return nil
	})
	return found || err != nil
}

// overlay returns the batch's uncommitted contribution writes by target,
// for merged. They are noted as they are written and grouped only here,
// since most batches never need them.
func (b *batch) overlay() overlay {
	for _, n := range b.notes[b.applied:] {
		b.pending.note(n.k, n.v, n.del)
	}
	b.applied = len(b.notes)
	return b.pending
}

// mergedValue returns the merged value under k as the batch's
// transaction sees it, or nil if there is none: from the cache of merged
// values (which has the batch's own writes, and when complete, all
// there is), else from badger.
func (b *batch) mergedValue(k []byte) ([]byte, error) {
	if v, ok := b.s.values.get(k); ok || b.s.values.complete {
		return v, nil
	}
	v, err := getRaw(b.txn, k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, nil
	}
	return v, err
}

// noteValue puts a write of the merged key k (v nil for a deletion) in
// the cache of merged values at once, noting what it replaces: only this
// batch reads the cache until it ends (ended).
func (b *batch) noteValue(k, v []byte) {
	if !isMergedKey(k) {
		return
	}
	ks := string(k)
	old, had := b.s.values.peek(ks)
	b.undo = append(b.undo, undoValue{ks, old, had})
	b.s.values.put(ks, v) // a deletion forgets k
}

// ended settles the cache of merged values when the transaction ends:
// committed (err nil), its writes stay; discarded (errDiscarded), they
// are undone; a failed commit, which may or may not have happened,
// empties the cache.
func (b *batch) ended(err error) {
	switch {
	case err == nil || len(b.undo) == 0:
	case errors.Is(err, errDiscarded):
		for i := len(b.undo) - 1; i >= 0; i-- {
			u := b.undo[i]
			b.s.values.put(u.k, u.v) // nil: forget
		}
	default:
		b.s.values.clear()
	}
	b.undo = b.undo[:0]
}

// reader returns a read-only transaction that sees everything committed
// so far; merged applies b.pending on top of it.
func (b *batch) reader() *badger.Txn {
	if b.read == nil {
		b.read = b.s.db.NewTransaction(false)
	}
	return b.read
}

func (b *batch) retry(op func() error) error {
	err := op()
	if b.split && errors.Is(err, badger.ErrTxnTooBig) {
		if err := b.commit(); err != nil {
			return err
		}
		return op()
	}
	return err
}

func (b *batch) set(k, v []byte) error {
	if err := b.retry(func() error { return b.txn.Set(k, v) }); err != nil {
		return err
	}
	if isContributionKey(k) {
		b.notes = append(b.notes, note{k, v, false})
	}
	b.noteValue(k, v)
	b.notePath(k, true)
	if len(k) > 0 && k[0] == pJournal {
		b.noteJournal(k, v)
	}
	return nil
}

func (b *batch) del(k []byte) error {
	if err := b.retry(func() error { return b.txn.Delete(k) }); err != nil {
		return err
	}
	if isContributionKey(k) {
		b.notes = append(b.notes, note{k, nil, true})
	}
	b.noteValue(k, nil)
	b.notePath(k, false)
	if len(k) > 0 && k[0] == pJournal {
		b.noteJournal(k, nil)
	}
	return nil
}

// noteJournal records a write of journal key k: its state (the value's
// first byte), or 0 for a deletion.
func (b *batch) noteJournal(k, v []byte) {
	if b.journal == nil {
		b.journal = map[string]byte{}
	}
	var state byte
	if len(v) > 0 {
		state = v[0]
	}
	b.journal[string(k)] = state
}

// excluded is excludedDocs as the batch's transaction sees it, read
// through the read-only view plus the batch's own journal writes: an
// iterator over the write transaction would sort all its pending writes.
func (b *batch) excluded() (map[string]bool, error) {
	out, err := excludedDocs(b.reader())
	if err != nil {
		return nil, err
	}
	for k, state := range b.journal {
		doc := k[1:]
		if state == 0 || state == stateMerging {
			delete(out, doc)
		} else {
			out[doc] = true
		}
	}
	return out, nil
}

func (b *batch) notePath(k []byte, set bool) {
	if len(k) == 0 || k[0] != pPath {
		return
	}
	if b.paths == nil {
		b.paths = map[string]bool{}
	}
	b.paths[string(k)] = set
}

// eachPathKey calls fn, in key order, for every path index key with the
// prefix as the batch's transaction sees it. It reads the committed keys
// through the read-only view and adds the batch's own writes, because an
// iterator over a write transaction sorts all its pending writes, which
// in a batch of many documents costs more than the rest of a put.
func (b *batch) eachPathKey(prefix []byte, fn func(k []byte) error) error {
	var keys []string
	err := eachKey(b.reader(), prefix, func(k []byte) error {
		if set, ok := b.paths[string(k)]; !ok || set {
			keys = append(keys, string(k))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for k, set := range b.paths {
		if set && strings.HasPrefix(k, string(prefix)) && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		if err := fn([]byte(k)); err != nil {
			return err
		}
	}
	return nil
}

// commit commits the current transaction and starts the next one.
func (b *batch) commit() error {
	err := b.txn.Commit()
	b.ended(err)
	if err != nil {
		return err
	}
	b.commits++
	b.pending, b.notes, b.applied = overlay{}, nil, 0
	b.paths = nil
	b.journal = nil
	if b.read != nil {
		b.read.Discard()
		b.read = nil
	}
	if n := b.s.opts.failAfterCommits; n > 0 && b.commits >= n {
		b.txn = b.s.db.NewTransaction(true)
		return errInterrupted
	}
	b.txn = b.s.db.NewTransaction(true)
	return nil
}

func (b *batch) discard() {
	b.txn.Discard()
	b.ended(errDiscarded)
	if b.read != nil {
		b.read.Discard()
		b.read = nil
	}
}

// finish commits the last transaction.
func (b *batch) finish() error {
	if b.read != nil {
		b.read.Discard()
		b.read = nil
	}
	err := b.txn.Commit()
	b.ended(err)
	return err
}

func (s *DB) writable() error {
	if s.opts.ReadOnly && !s.opts.InMemory {
		return fmt.Errorf("store %s: %w", s.dir, ErrReadOnly)
	}
	return nil
}

// Put stores one document's facts and merges them into the graph. It
// reports false, and changes nothing, if a document with the same content
// hash is already stored. A stored document with the same path or the
// same id but other content is removed first, in the same transaction.
//
// The document goes in with one badger transaction; if that is too big it
// is written through the journal (see keys.go), so a crash at any point
// leaves either the old state or the new one after the next Open.
func (s *DB) Put(f *graph.Facts) (bool, error) {
	if err := s.writable(); err != nil {
		return false, err
	}
	c, err := newContributions(f)
	if err != nil {
		return false, fmt.Errorf("store document %s: %w", f.Doc.ID, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.newBatch(false)
	added, err := s.put(b, c, false)
	if err == nil {
		err = b.finish()
	} else {
		b.discard()
	}
	if errors.Is(err, badger.ErrTxnTooBig) {
		b = s.newBatch(true)
		added, err = s.put(b, c, true)
		if err == nil {
			err = b.finish()
		} else {
			b.discard()
		}
	}
	if err != nil {
		return false, fmt.Errorf("store document %s: %w", f.Doc.ID, err)
	}
	return added, nil
}

// contributions is one document's facts in stored form.
type contributions struct {
	doc graph.Doc
	ent []graph.Entity
	rel []graph.Relation // one per (source, target, label), in first-evidence order
	co  []graph.Relation // one per pair
}

func newContributions(f *graph.Facts) (*contributions, error) {
	d := f.Doc
	if err := validDocID(d.ID); err != nil {
		return nil, err
	}
	if d.Hash == "" {
		return nil, errors.New("document has no content hash")
	}
	if strings.IndexByte(d.Path, 0) >= 0 {
		return nil, fmt.Errorf("path %q contains NUL", d.Path)
	}
	c := &contributions{doc: d}
	ids := map[int64]int{}
	for _, e := range f.Entities {
		if e.Key == "" || graph.ID(e.Key) != e.ID {
			return nil, fmt.Errorf("entity %q: id %d does not match its key %q", e.Name, e.ID, e.Key)
		}
		if e.Type == extract.NoType {
			return nil, fmt.Errorf("entity %q has no type", e.Name)
		}
		if i, ok := ids[e.ID]; ok {
			graph.MergeEntity(&c.ent[i], e)
			c.ent[i].Documents = 1
			continue
		}
		e.Aliases, e.Roles = slices.Clone(e.Aliases), slices.Clone(e.Roles)
		e.Documents = 1
		ids[e.ID] = len(c.ent)
		c.ent = append(c.ent, e)
	}
	slices.SortFunc(c.ent, func(a, b graph.Entity) int { return cmpID(a.ID, b.ID) })
	group := func(rs []graph.Relation, co bool) ([]graph.Relation, error) {
		var out []graph.Relation
		at := map[target]int{}
		for _, r := range rs {
			if strings.IndexByte(r.Label, 0) >= 0 || r.Label == "" {
				return nil, fmt.Errorf("relation label %q is empty or contains NUL", r.Label)
			}
			_, okS := ids[r.Source]
			_, okT := ids[r.Target]
			if !okS || !okT {
				return nil, fmt.Errorf("relation %d -%s-> %d refers to an entity not in the document", r.Source, r.Label, r.Target)
			}
			if co && r.Source > r.Target {
				r.Source, r.Target = r.Target, r.Source
			}
			t := target{kind: pRelation, src: r.Source, dst: r.Target, label: r.Label}
			if co {
				t = target{kind: pCo, src: r.Source, dst: r.Target, label: graphCoMentioned}
			}
			if i, ok := at[t]; ok {
				out[i].Count += r.Count
				out[i].Evidence = append(out[i].Evidence, r.Evidence...)
				continue
			}
			r.Evidence = slices.Clone(r.Evidence)
			at[t] = len(out)
			out = append(out, r)
		}
		return out, nil
	}
	var err error
	if c.rel, err = group(f.Relations, false); err != nil {
		return nil, err
	}
	if c.co, err = group(f.CoMentions, true); err != nil {
		return nil, err
	}
	return c, nil
}

func cmpID(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (c *contributions) keys() []contribution {
	var out []contribution
	for _, e := range c.ent {
		out = append(out, contribution{kind: pEntityDoc, src: e.ID, doc: c.doc.ID})
	}
	for _, r := range c.rel {
		out = append(out, contribution{kind: pRelDoc, src: r.Source, dst: r.Target, label: r.Label, doc: c.doc.ID})
	}
	for _, r := range c.co {
		out = append(out, contribution{kind: pCoDoc, src: r.Source, dst: r.Target, doc: c.doc.ID})
	}
	return out
}

func (s *DB) put(b *batch, c *contributions, journaled bool) (bool, error) {
	ok, targets, adds, err := s.stage(b, c, journaled)
	if err != nil || !ok {
		return false, err
	}
	one := make(map[string][]added, len(adds))
	for k, a := range adds {
		one[k] = []added{a}
	}
	if err := s.recomputeAdding(b, targets, one); err != nil {
		return false, err
	}
	if err := finishPut(b, c.doc); err != nil {
		return false, err
	}
	return true, nil
}

// stage writes a document's contributions, after removing what it
// supersedes, and returns the merged values to recompute and the
// contributions it added by target (for recomputeAdding); put recomputes
// them at once, PutBatch once per batch.
func (s *DB) stage(b *batch, c *contributions, journaled bool) (ok bool, targets []target, adds map[string]added, err error) {
	d := c.doc
	if existing, err := getRaw(b.txn, hashKey(d.Hash)); err == nil {
		if string(existing) == d.ID {
			return false, nil, nil, nil
		}
		// The same text under another id: stored once.
		return false, nil, nil, nil
	} else if !errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil, nil, err
	}
	// Replace what this document supersedes: the same id with other
	// content, and other documents from the same path.
	var old []string
	if _, err := getRaw(b.txn, docKey(d.ID)); err == nil {
		old = append(old, d.ID)
	} else if !errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil, nil, err
	}
	if d.Path != "" {
		err := b.eachPathKey(pathPrefix(d.Path), func(k []byte) error {
			id := string(k[len(pathPrefix(d.Path)):])
			if !slices.Contains(old, id) {
				old = append(old, id)
			}
			return nil
		})
		if err != nil {
			return false, nil, nil, err
		}
	}
	if err := b.del(resolvedStampKey()); err != nil { // the resolved view is out of date
		return false, nil, nil, err
	}
	for _, id := range old {
		if err := s.remove(b, id, journaled); err != nil {
			return false, nil, nil, fmt.Errorf("replace document %s: %w", id, err)
		}
	}
	if journaled {
		if err := setJournal(b, stateStaging, d); err != nil {
			return false, nil, nil, err
		}
		if err := b.commit(); err != nil {
			return false, nil, nil, err
		}
	}
	adds = map[string]added{}
	write := func(ck contribution, k []byte, v any) error {
		val, err := encode(v)
		if err != nil {
			return err
		}
		adds[string(ck.target().key())] = added{d.ID, val, v}
		targets = append(targets, ck.target())
		return b.set(k, val)
	}
	// The manifest goes first, so that a roll back after a crash finds
	// every contribution that was written.
	keys := c.keys()
	kb := make([][]byte, len(keys))
	for i, ck := range keys {
		kb[i] = ck.key()
	}
	if err := setManifest(b, d.ID, inKeyOrder(kb)); err != nil {
		return false, nil, nil, err
	}
	// Evidence sentences go into the document's sentence table, once
	// each, and the contributions keep only their offsets.
	tbl := newSentenceTable(d.ID)
	rels := make([]graph.Relation, 0, len(c.rel)+len(c.co))
	for _, r := range append(slices.Clip(c.rel), c.co...) {
		rels = append(rels, tbl.strip(r))
	}
	if err := tbl.write(b); err != nil {
		return false, nil, nil, err
	}
	i := 0
	for _, e := range c.ent {
		if err := write(keys[i], kb[i], e); err != nil {
			return false, nil, nil, err
		}
		i++
	}
	for _, r := range rels {
		if err := write(keys[i], kb[i], r); err != nil {
			return false, nil, nil, err
		}
		i++
	}
	if journaled {
		if err := setJournal(b, stateMerging, d); err != nil {
			return false, nil, nil, err
		}
		if err := b.commit(); err != nil {
			return false, nil, nil, err
		}
	}
	return true, targets, adds, nil
}

func finishPut(b *batch, d graph.Doc) error {
	val, err := encode(d)
	if err != nil {
		return err
	}
	if err := b.set(docKey(d.ID), val); err != nil {
		return err
	}
	if err := b.set(hashKey(d.Hash), []byte(d.ID)); err != nil {
		return err
	}
	if d.Path != "" {
		if err := b.set(pathKey(d.Path, d.ID), nil); err != nil {
			return err
		}
	}
	return clearJournal(b, d.ID)
}

// Remove removes a document and every fact only it supports; merged
// values it contributed to are recomputed without it. It returns
// ErrNotFound if no document has that id.
func (s *DB) Remove(docID string) error {
	if err := s.writable(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.db.View(func(txn *badger.Txn) error {
		_, err := getRaw(txn, docKey(docID))
		return err
	})
	if errors.Is(err, badger.ErrKeyNotFound) {
		return fmt.Errorf("remove document %s: %w", docID, ErrNotFound)
	}
	if err == nil {
		b := s.newBatch(false)
		err = s.remove(b, docID, false)
		if err == nil {
			err = b.finish()
		} else {
			b.discard()
		}
		if errors.Is(err, badger.ErrTxnTooBig) {
			b = s.newBatch(true)
			err = s.remove(b, docID, true)
			if err == nil {
				err = b.finish()
			} else {
				b.discard()
			}
		}
	}
	if err != nil {
		return fmt.Errorf("remove document %s: %w", docID, err)
	}
	return nil
}

// remove removes doc within b. Journaled, it first marks the document as
// being removed, so that a crash part way is finished by recover.
func (s *DB) remove(b *batch, doc string, journaled bool) error {
	if journaled {
		if err := setJournal(b, stateRemoving, graph.Doc{ID: doc}); err != nil {
			return err
		}
		if err := b.commit(); err != nil {
			return err
		}
	}
	return s.finishRemove(b, doc)
}

// finishRemove does the work of removing doc, which is excluded from
// merges (by its journal state, or because its contributions are gone by
// the time recompute reads them in a single transaction).
func (s *DB) finishRemove(b *batch, doc string) error {
	chunks, keys, err := readManifest(b.txn, doc)
	if err != nil {
		return err
	}
	targets := make([]target, 0, len(keys))
	for _, k := range keys {
		ck, err := parseContribution(k)
		if err != nil {
			return err
		}
		targets = append(targets, ck.target())
	}
	// Delete the contributions, then recompute; the manifest goes last
	// so that an interrupted removal can still find what is left.
	for _, k := range keys {
		if err := b.del(k); err != nil {
			return err
		}
	}
	if err := s.recompute(b, targets); err != nil {
		return err
	}
	for _, k := range chunks {
		if err := b.del(k); err != nil {
			return err
		}
	}
	if err := deleteSentences(b, doc); err != nil {
		return err
	}
	b.removed = true
	var d graph.Doc
	raw, err := getRaw(b.txn, docKey(doc))
	switch {
	case err == nil:
		if d, err = DecodeDoc(raw); err != nil {
			return fmt.Errorf("document %s: %w", doc, err)
		}
		if h, err := getRaw(b.txn, hashKey(d.Hash)); err == nil && string(h) == doc {
			if err := b.del(hashKey(d.Hash)); err != nil {
				return err
			}
		}
		if d.Path != "" {
			if err := b.del(pathKey(d.Path, doc)); err != nil {
				return err
			}
		}
		if err := b.del(docKey(doc)); err != nil {
			return err
		}
	case !errors.Is(err, badger.ErrKeyNotFound):
		return err
	}
	if err := b.del(resolvedStampKey()); err != nil { // the resolved view is out of date
		return err
	}
	return clearJournal(b, doc)
}

// excludedDocs returns the documents whose contributions must not count in
// a merge: those being staged or removed.
func excludedDocs(txn *badger.Txn) (map[string]bool, error) {
	out := map[string]bool{}
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false, Prefix: []byte{pJournal}})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		err := item.Value(func(v []byte) error {
			if len(v) > 0 && v[0] == stateMerging {
				return nil
			}
			out[string(item.Key()[1:])] = true
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// overlay holds a batch's uncommitted writes to contributions, by the
// merged value they fold into; a nil value is a deletion. merged reads
// committed contributions through a read-only transaction and applies the
// overlay, because an iterator over an update transaction sorts all its
// pending writes each time it is created, which makes big documents
// quadratic.
type overlay map[string]map[string][]byte

// isContributionKey reports whether k is a contribution's key.
func isContributionKey(k []byte) bool {
	return len(k) > 0 && (k[0] == pEntityDoc || k[0] == pRelDoc || k[0] == pCoDoc)
}

func (o overlay) note(k, v []byte, del bool) {
	if !isContributionKey(k) {
		return
	}
	ck, err := parseContribution(k)
	if err != nil {
		return
	}
	tk := string(ck.target().key())
	m := o[tk]
	if m == nil {
		m = map[string][]byte{}
		o[tk] = m
	}
	if del {
		m[string(k)] = nil
	} else {
		m[string(k)] = bytes.Clone(v)
		if v == nil {
			m[string(k)] = []byte{}
		}
	}
}

// contributionsOf reads the contributions to t, in document order,
// skipping excluded documents: txn as it is, with over (which may be nil)
// applied on top.
func contributionsOf(txn *badger.Txn, over overlay, t target, excluded map[string]bool) (keys, vals [][]byte, err error) {
	type kv struct{ k, v []byte }
	var all []kv
	prefix := t.contribPrefix()
	pend := over[string(t.key())]
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 16, Prefix: prefix})
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		if _, ok := pend[string(item.Key())]; ok {
			continue
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			it.Close()
			return nil, nil, err
		}
		all = append(all, kv{item.KeyCopy(nil), v})
	}
	it.Close()
	if len(pend) > 0 {
		for k, v := range pend {
			if v != nil {
				all = append(all, kv{[]byte(k), v})
			}
		}
		slices.SortFunc(all, func(a, b kv) int { return bytes.Compare(a.k, b.k) })
	}
	for _, x := range all {
		ck, err := parseContribution(x.k)
		if err != nil {
			return nil, nil, err
		}
		if !excluded[ck.doc] {
			keys, vals = append(keys, x.k), append(vals, x.v)
		}
	}
	return keys, vals, nil
}

// merged folds the contributions to t (see merge.go) and returns the
// merged value with its first document. It returns nil if there are none.
func merged(txn *badger.Txn, over overlay, t target, excluded map[string]bool) (v any, first string, err error) {
	keys, vals, err := contributionsOf(txn, over, t, excluded)
	if err != nil || len(vals) == 0 {
		return nil, "", err
	}
	ck, err := parseContribution(keys[0])
	if err != nil {
		return nil, "", err
	}
	if t.kind == pEntity {
		cs := make([]graph.Entity, len(vals))
		for i, v := range vals {
			if cs[i], err = DecodeEntity(v); err != nil {
				return nil, "", fmt.Errorf("%s from %s: %w", t, printable(keys[i]), err)
			}
		}
		return foldEntity(cs), ck.doc, nil
	}
	cs := make([]graph.Relation, len(vals))
	for i, v := range vals {
		if cs[i], err = DecodeRelation(v); err != nil {
			return nil, "", fmt.Errorf("%s from %s: %w", t, printable(keys[i]), err)
		}
	}
	return foldRelation(cs), ck.doc, nil
}

// entityPlus adds new contributions to the current merged entity e,
// which must not include them (see merge.go: all but what the first
// document gives commutes; the caller sees to that part). It changes e.
func entityPlus(e graph.Entity, adds []added) (any, error) {
	for _, a := range adds {
		c, err := a.entity()
		if err != nil {
			return nil, err
		}
		addEntity(&e, c)
	}
	return e, nil
}

// relationPlus is entityPlus for the encoded merged relation old.
func relationPlus(old []byte, adds []added) (any, error) {
	r, err := DecodeRelation(old)
	if err != nil {
		return nil, err
	}
	for _, a := range adds {
		c, err := a.relation()
		if err != nil {
			return nil, err
		}
		addRelation(&r, c)
	}
	return r, nil
}

// foldAdded merges the contributions adds of a value that has no others
// and returns it with its first document.
func foldAdded(t target, adds []added) (any, string, error) {
	adds = slices.SortedFunc(slices.Values(adds), func(a, b added) int { return strings.Compare(a.doc, b.doc) })
	if t.kind == pEntity {
		cs := make([]graph.Entity, len(adds))
		for i, a := range adds {
			var err error
			if cs[i], err = a.entity(); err != nil {
				return nil, "", fmt.Errorf("%s from %s: %w", t, a.doc, err)
			}
		}
		return foldEntity(cs), adds[0].doc, nil
	}
	cs := make([]graph.Relation, len(adds))
	for i, a := range adds {
		var err error
		if cs[i], err = a.relation(); err != nil {
			return nil, "", fmt.Errorf("%s from %s: %w", t, a.doc, err)
		}
	}
	return foldRelation(cs), adds[0].doc, nil
}

// entityNames returns the folded names and aliases an entity is found by,
// sorted and without duplicates.
func entityNames(e graph.Entity) []string {
	out := []string{extract.Fold(e.Name)}
	for _, a := range e.Aliases {
		out = append(out, extract.Fold(a.Name))
	}
	slices.Sort(out)
	out = slices.Compact(out)
	return slices.DeleteFunc(out, func(s string) bool { return s == "" || strings.IndexByte(s, 0) >= 0 })
}

// recompute rewrites the merged values of targets from their
// contributions, with their name and reverse indexes. It is idempotent.
func (s *DB) recompute(b *batch, targets []target) error {
	return s.recomputeAdding(b, targets, nil)
}

// added is one new contribution of a document, by its target's key.
type added struct {
	doc string
	val []byte
	v   any // the graph.Entity or graph.Relation val encodes
}

// entity returns the contribution a as an entity.
func (a added) entity() (graph.Entity, error) {
	if e, ok := a.v.(graph.Entity); ok {
		return e, nil
	}
	return DecodeEntity(a.val)
}

// relation returns the contribution a as a relation.
func (a added) relation() (graph.Relation, error) {
	if r, ok := a.v.(graph.Relation); ok {
		return r, nil
	}
	return DecodeRelation(a.val)
}

// recomputeAdding is recompute where adds holds, for some targets, the
// contributions the current write adds (one per document) to a merged
// value that does not include them yet; those are updated without reading
// the others when that is exact.
func (s *DB) recomputeAdding(b *batch, targets []target, adds map[string][]added) error {
	slices.SortFunc(targets, compareTargets)
	targets = slices.CompactFunc(targets, func(a, b target) bool { return compareTargets(a, b) == 0 })
	excluded, err := b.excluded()
	if err != nil {
		return err
	}
	for _, t := range targets {
		if err := s.recomputeOne(b, t, excluded, adds[string(t.key())]); err != nil {
			return fmt.Errorf("recompute %s: %w", t, err)
		}
	}
	return nil
}

func (s *DB) recomputeOne(b *batch, t target, excluded map[string]bool, adds []added) error {
	k := t.key()
	old, err := b.mergedValue(k)
	if err != nil {
		return err
	}
	// An old entity, decoded once: its names are read before the update
	// below changes it.
	var oldEntity graph.Entity
	var oldErr error
	var oldNames []string
	if t.kind == pEntity && old != nil {
		if oldEntity, oldErr = DecodeEntity(old); oldErr == nil {
			oldNames = entityNames(oldEntity)
		}
	}
	// Adding documents that all sort after the value's first updates it
	// in place (merge.go); otherwise every contribution is folded again.
	// A value that does not exist yet has no contributions but these.
	var v any
	first, ok := "", false
	switch {
	case len(adds) == 0 || slices.ContainsFunc(adds, func(a added) bool { return excluded[a.doc] }):
	case old == nil:
		ok = true
		if v, first, err = foldAdded(t, adds); err != nil {
			return err
		}
	default:
		first, ok = firstOf(old)
		ok = ok && !excluded[first] && !slices.ContainsFunc(adds, func(a added) bool { return a.doc == first })
		if !ok {
			break
		}
		// A relation takes only its category from its first document:
		// a new first document replaces it. An entity takes its key,
		// name and type: a new first document with the same key and
		// name replaces the type (the aliases leave out the same name
		// either way); with another name, the aliases would need what
		// the merged value no longer tells (which documents used the
		// old name as an alias): fold it again.
		lead := slices.MinFunc(adds, func(a, b added) int { return strings.Compare(a.doc, b.doc) })
		if lead.doc < first && t.kind == pEntity {
			if oldErr != nil {
				ok = false
				break
			}
			c, err := lead.entity()
			if err != nil {
				return fmt.Errorf("%s from %s: %w", t, lead.doc, err)
			}
			if c.Key != oldEntity.Key || c.Name != oldEntity.Name {
				ok = false
				break
			}
			oldEntity.Type = c.Type
		}
		switch {
		case t.kind != pEntity:
			v, err = relationPlus(old, adds)
		case oldErr != nil:
			err = oldErr
		default:
			v, err = entityPlus(oldEntity, adds)
		}
		if err != nil {
			return err
		}
		switch {
		case lead.doc >= first:
		case t.kind == pEntity:
			first = lead.doc
		default:
			c, err := lead.relation()
			if err != nil {
				return fmt.Errorf("%s from %s: %w", t, lead.doc, err)
			}
			r := v.(graph.Relation)
			r.Category = c.Category
			v, first = r, lead.doc
		}
	}
	if !ok {
		if v, first, err = merged(b.reader(), b.overlay(), t, excluded); err != nil {
			return err
		}
	}
	var val []byte
	if v != nil {
		if val, err = encodeMerged(v, first); err != nil {
			return err
		}
	}
	// An update in place (adds) leaves the index keys of the old value
	// in place; a recompute writes them all, which repairs a lost one.
	kept := len(adds) > 0 && old != nil
	if t.kind == pEntity {
		var newNames []string
		if v != nil {
			newNames = entityNames(v.(graph.Entity))
		}
		for _, n := range oldNames {
			if !slices.Contains(newNames, n) {
				if err := b.del(nameKey(n, t.src)); err != nil {
					return err
				}
			}
		}
		for _, n := range newNames {
			if kept && slices.Contains(oldNames, n) {
				continue
			}
			if err := b.set(nameKey(n, t.src), nil); err != nil {
				return err
			}
		}
	}
	if t.kind == pRelation {
		switch {
		case v == nil:
			err = b.del(reverseKey(t.src, t.dst, t.label))
		case !kept:
			err = b.set(reverseKey(t.src, t.dst, t.label), nil)
		}
		if err != nil {
			return err
		}
	}
	if v == nil {
		if old != nil {
			return b.del(k)
		}
		return nil
	}
	if bytes.Equal(old, val) {
		return nil
	}
	return b.set(k, val)
}

// recover finishes every journaled write an interrupted process left.
func (s *DB) recover() error {
	type entry struct {
		doc   string
		state byte
	}
	var todo []entry
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, Prefix: []byte{pJournal}})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			if len(v) == 0 {
				return fmt.Errorf("%w: journal entry %q", ErrCorrupt, it.Item().Key())
			}
			todo = append(todo, entry{string(it.Item().Key()[1:]), v[0]})
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.forgetValues()
	for _, e := range todo {
		b := s.newBatch(true)
		switch e.state {
		case stateStaging:
			err = s.rollBack(b, e.doc)
		case stateMerging:
			err = s.rollForward(b, e.doc)
		case stateRemoving:
			err = s.finishRemove(b, e.doc)
		default:
			err = fmt.Errorf("%w: journal state %q for document %s", ErrCorrupt, e.state, e.doc)
		}
		if err == nil {
			err = b.finish()
		} else {
			b.discard()
		}
		if err != nil {
			return fmt.Errorf("document %s: %w", e.doc, err)
		}
	}
	return nil
}

// rollBack deletes a staged document's contributions; no merged value
// includes them yet.
func (s *DB) rollBack(b *batch, doc string) error {
	chunks, keys, err := readManifest(b.txn, doc)
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := b.del(k); err != nil {
			return err
		}
	}
	for _, k := range chunks {
		if err := b.del(k); err != nil {
			return err
		}
	}
	if err := deleteSentences(b, doc); err != nil {
		return err
	}
	return clearJournal(b, doc)
}

// rollForward finishes merging a document whose contributions are all
// written. Its record comes from the journal entry, because 'D' is only
// written in the last transaction.
func (s *DB) rollForward(b *batch, doc string) error {
	d, err := stagedDoc(b.txn, doc)
	if err != nil {
		return err
	}
	_, keys, err := readManifest(b.txn, doc)
	if err != nil {
		return err
	}
	targets := make([]target, 0, len(keys))
	for _, k := range keys {
		ck, err := parseContribution(k)
		if err != nil {
			return err
		}
		targets = append(targets, ck.target())
	}
	if err := s.recompute(b, targets); err != nil {
		return err
	}
	return finishPut(b, d)
}

func getRaw(txn *badger.Txn, k []byte) ([]byte, error) {
	item, err := txn.Get(k)
	if err != nil {
		return nil, err
	}
	return item.ValueCopy(nil)
}

// eachKey calls fn with every key under prefix (fn may keep k only by
// copying it).
func eachKey(txn *badger.Txn, prefix []byte, fn func(k []byte) error) error {
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false, Prefix: prefix})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		if err := fn(it.Item().Key()); err != nil {
			return err
		}
	}
	return nil
}

// setJournal records doc's journal state; the value is the state byte
// followed by the encoded document record.
func setJournal(b *batch, state byte, d graph.Doc) error {
	val, err := encode(d)
	if err != nil {
		return err
	}
	return b.set(journalKey(d.ID), append([]byte{state}, val...))
}

func stagedDoc(txn *badger.Txn, doc string) (graph.Doc, error) {
	v, err := getRaw(txn, journalKey(doc))
	if err != nil {
		return graph.Doc{}, err
	}
	if len(v) < 2 {
		return graph.Doc{}, fmt.Errorf("%w: journal entry for %s has no document record", ErrCorrupt, doc)
	}
	return DecodeDoc(v[1:])
}

// RemoveStaleParts removes what is left of an earlier version of a file
// that is now stored as parts documents: ingest splits a long file into
// documents with paths path#1 ... path#n, and a short one keeps path. With
// parts > 1 it removes the document at path itself and parts numbered
// above parts; with parts <= 1 it removes every path#k. It returns the ids
// it removed.
func (s *DB) RemoveStaleParts(path string, parts int) ([]string, error) {
	if err := s.writable(); err != nil {
		return nil, err
	}
	if path == "" {
		return nil, nil
	}
	var stale []string
	err := s.db.View(func(txn *badger.Txn) error {
		p := key(pPath, []byte(path))
		return eachKey(txn, p, func(k []byte) error {
			rest := k[len(p):]
			i := bytes.IndexByte(rest, 0)
			if i < 0 {
				return nil
			}
			suffix, doc := string(rest[:i]), string(rest[i+1:])
			switch {
			case suffix == "":
				if parts > 1 {
					stale = append(stale, doc)
				}
			case strings.HasPrefix(suffix, "#"):
				var k int
				if _, err := fmt.Sscanf(suffix, "#%d", &k); err != nil || fmt.Sprintf("#%d", k) != suffix {
					return nil // another file whose name goes on with '#'
				}
				if parts <= 1 || k > parts {
					stale = append(stale, doc)
				}
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("find stale parts of %s: %w", path, err)
	}
	for _, id := range stale {
		if err := s.Remove(id); err != nil {
			return nil, err
		}
	}
	return stale, nil
}

// clearJournal deletes doc's journal entry if it has one. (Deleting
// unconditionally would leave a tombstone per document under 'Q', which
// every merge's scan of the journal would have to step over.)
func clearJournal(b *batch, doc string) error {
	if _, err := b.txn.Get(journalKey(doc)); errors.Is(err, badger.ErrKeyNotFound) {
		return nil
	} else if err != nil {
		return err
	}
	return b.del(journalKey(doc))
}
