package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgx-project/kgx/graph"
)

// Problem is one violated invariant.
type Problem struct {
	Key     string // the offending key, printable
	Message string
	// Repairable says whether Check with repair fixes it without losing
	// anything a document says: derived values are rebuilt, dangling index
	// entries and facts of documents that no longer exist are dropped.
	Repairable bool
}

func (p Problem) String() string { return p.Key + ": " + p.Message }

// Report is what Check found.
type Report struct {
	Docs, Entities, Relations, CoMentions, Contributions int
	Curations                                            int // curation records
	Problems                                             []Problem
	// Warnings are curation records that no longer apply: the names
	// they refer to match no entity, or several. The store is sound (a
	// record can name an entity of a document removed since, or one not
	// ingested yet), but the analyst's decision has no effect.
	Warnings []Problem
	Repaired int // problems fixed (with repair)

	curations []loggedCuration // the curation log, in order
}

// loggedCuration is a curation record and its key.
type loggedCuration struct {
	key []byte
	c   graph.Curation
}

// OK reports whether no problem remains.
func (r *Report) OK() bool { return len(r.Problems) == 0 }

// Check verifies the store's invariants:
//
//   - every value decodes and agrees with its key;
//   - documents, the hash index and the path index agree;
//   - every contribution belongs to a stored document and is listed in its
//     manifest, and every manifest entry exists; relations in a document
//     refer to entities of that document; a typed relation's count equals
//     its evidence;
//   - every merged entity, relation and co-mention equals the merge of its
//     contributions, so counts equal their evidence, and there is no
//     merged value without contributions; every relation's entities exist;
//   - the name and alias index and the reverse relation index are exactly
//     what the merged values imply;
//   - no journal entry is left;
//   - every curation record has a well-formed key, decodes and is a
//     valid record; one whose names no longer match exactly one entity
//     of the resolved graph is a warning (see Report.Warnings).
//
// With repair, it fixes what it safely can and checks again; the report
// then lists what is left.
func (s *DB) Check(ctx context.Context, repair bool) (*Report, error) {
	if repair {
		if err := s.writable(); err != nil {
			return nil, err
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		s.forgetValues()
	}
	var rep *Report
	var fix *fixes
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		rep, fix, err = check(ctx, txn)
		return err
	})
	if err == nil && (!repair || rep.OK()) {
		err = s.checkCurationApplies(rep)
	}
	if err != nil || !repair || rep.OK() {
		if err != nil {
			return nil, fmt.Errorf("check store %s: %w", s.dir, err)
		}
		return rep, nil
	}
	before := len(rep.Problems)
	if err := s.applyFixes(fix); err != nil {
		return nil, fmt.Errorf("repair store %s: %w", s.dir, err)
	}
	err = s.db.View(func(txn *badger.Txn) error {
		var err error
		rep, _, err = check(ctx, txn)
		return err
	})
	if err == nil {
		err = s.checkCurationApplies(rep)
	}
	if err != nil {
		return nil, fmt.Errorf("check store %s after repair: %w", s.dir, err)
	}
	rep.Repaired = before - len(rep.Problems)
	return rep, nil
}

// checkCurationApplies resolves the graph under the curation log and
// turns each record that did not apply into a warning on its key. It is
// skipped when the facts do not decode (check reported that already).
func (s *DB) checkCurationApplies(rep *Report) error {
	if len(rep.curations) == 0 {
		return nil
	}
	cs := make([]graph.Curation, len(rep.curations))
	for i, lc := range rep.curations {
		cs[i] = lc.c
	}
	_, errs, err := s.resolveWith(factsIndex, cs)
	if err != nil {
		rep.Problems = append(rep.Problems, Problem{Key: printable([]byte{pCurationLog}),
			Message: fmt.Sprintf("curation not checked against the graph: the facts do not load: %v", err)})
		return nil
	}
	used := make([]bool, len(rep.curations))
	for _, e := range errs {
		k := []byte{pCurationLog}
		for i, lc := range rep.curations {
			if !used[i] && strings.HasPrefix(e.Error(), "curation "+lc.c.String()+":") {
				used[i], k = true, lc.key
				break
			}
		}
		rep.Warnings = append(rep.Warnings, Problem{Key: printable(k), Message: e.Error()})
	}
	return nil
}

// fixes are the repairs check found safe.
type fixes struct {
	del     [][]byte
	set     [][2][]byte
	targets []target
	journal bool
}

type checker struct {
	rep *Report
	fix *fixes
}

func (c *checker) problem(k []byte, repairable bool, format string, args ...any) {
	c.rep.Problems = append(c.rep.Problems, Problem{Key: printable(k), Message: fmt.Sprintf(format, args...), Repairable: repairable})
}

// printable renders a key: its prefix letter, then ids as numbers where
// the layout has them, and the rest quoted.
func printable(k []byte) string {
	if len(k) == 0 {
		return `""`
	}
	switch k[0] {
	case pEntity, pEntityDoc:
		if len(k) >= 9 {
			return fmt.Sprintf("%c/%d/%q", k[0], getID(k[1:9]), k[9:])
		}
	case pRelation, pCo, pRelDoc, pCoDoc, pReverse:
		if len(k) >= 17 {
			return fmt.Sprintf("%c/%d/%d/%q", k[0], getID(k[1:9]), getID(k[9:17]), k[17:])
		}
	case pCurationLog:
		if len(k) == 9 {
			return fmt.Sprintf("%c/%d", k[0], binary.BigEndian.Uint64(k[1:]))
		}
	}
	return fmt.Sprintf("%c/%q", k[0], k[1:])
}

func check(ctx context.Context, txn *badger.Txn) (*Report, *fixes, error) {
	c := &checker{rep: &Report{}, fix: &fixes{}}
	// Format version.
	if v, err := getRaw(txn, versionKey()); err != nil {
		c.problem(versionKey(), false, "no format version: %v", err)
	} else if x, n := binary.Uvarint(v); n <= 0 || x != FormatVersion {
		c.problem(versionKey(), false, "format version %x, want %d", v, FormatVersion)
	}
	// Journal.
	if err := eachKey(txn, []byte{pJournal}, func(k []byte) error {
		c.problem(k, true, "unfinished write (journal entry left by an interrupted process)")
		c.fix.journal = true
		return nil
	}); err != nil {
		return nil, nil, err
	}
	// The curation log: well-formed keys, values that decode, valid
	// records. (Whether they still apply needs the resolved graph: see
	// checkCurationApplies.)
	if err := scan(txn, []byte{pCurationLog}, func(k, v []byte) error {
		if len(k) != 9 || binary.BigEndian.Uint64(k[1:]) == 0 {
			c.problem(k, false, "malformed curation log key")
			return nil
		}
		var cur graph.Curation
		if err := decode(v, &cur); err != nil {
			c.problem(k, false, "curation record does not decode: %v", err)
			return nil
		}
		if err := cur.Validate(); err != nil {
			c.problem(k, false, "%v", err)
			return nil
		}
		c.rep.Curations++
		c.rep.curations = append(c.rep.curations, loggedCuration{bytes.Clone(k), cur})
		return nil
	}); err != nil {
		return nil, nil, err
	}
	// Documents and their indexes.
	docs := map[string]graph.Doc{}
	if err := scan(txn, []byte{pDoc}, func(k, v []byte) error {
		d, err := DecodeDoc(v)
		if err != nil {
			c.problem(k, false, "%v", err)
			return nil
		}
		if d.ID != string(k[1:]) {
			c.problem(k, false, "document record has id %q", d.ID)
			return nil
		}
		docs[d.ID] = d
		c.rep.Docs++
		return nil
	}); err != nil {
		return nil, nil, err
	}
	for _, id := range sortedKeys(docs) {
		d := docs[id]
		h, err := getRaw(txn, hashKey(d.Hash))
		switch {
		case errors.Is(err, badger.ErrKeyNotFound):
			c.problem(docKey(id), true, "content hash %s not in the hash index", d.Hash)
			c.fix.set = append(c.fix.set, [2][]byte{hashKey(d.Hash), []byte(id)})
		case err != nil:
			return nil, nil, err
		case string(h) != id:
			c.problem(hashKey(d.Hash), false, "hash index names %q, but document %s has this hash", h, id)
		}
		if d.Path != "" {
			if _, err := txn.Get(pathKey(d.Path, id)); errors.Is(err, badger.ErrKeyNotFound) {
				c.problem(docKey(id), true, "path %q not in the path index", d.Path)
				c.fix.set = append(c.fix.set, [2][]byte{pathKey(d.Path, id), nil})
			} else if err != nil {
				return nil, nil, err
			}
		}
	}
	if err := scan(txn, []byte{pHash}, func(k, v []byte) error {
		d, ok := docs[string(v)]
		if !ok || d.Hash != string(k[1:]) {
			c.problem(k, true, "hash index entry for document %q, which does not exist or has another hash", v)
			c.fix.del = append(c.fix.del, bytes.Clone(k))
		}
		return nil
	}); err != nil {
		return nil, nil, err
	}
	if err := eachKey(txn, []byte{pPath}, func(k []byte) error {
		i := bytes.LastIndexByte(k, 0)
		if i < 0 {
			c.problem(k, true, "malformed path index key")
			c.fix.del = append(c.fix.del, bytes.Clone(k))
			return nil
		}
		path, id := string(k[1:i]), string(k[i+1:])
		if d, ok := docs[id]; !ok || d.Path != path {
			c.problem(k, true, "path index entry for document %q, which does not exist or has another path", id)
			c.fix.del = append(c.fix.del, bytes.Clone(k))
		}
		return nil
	}); err != nil {
		return nil, nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	// Sentence tables and their search postings.
	sentences, err := c.checkSentences(txn, docs)
	if err != nil {
		return nil, nil, err
	}
	// Manifests. A listed fact is looked for in the scan of the facts
	// below (state listed until it is seen there), not with a Get per
	// entry: a random read decompresses a table block, and there are as
	// many entries as facts. Repair rewrites a wrong manifest from the
	// facts found.
	const (
		listed = 1 + iota // entry read, its fact not seen yet
		found             // fact seen
	)
	type docManifest struct {
		chunks  [][]byte
		entries map[string]byte
		bad     bool // to rewrite
	}
	manifests := map[string]*docManifest{}
	manifestOf := func(doc string) *docManifest {
		m := manifests[doc]
		if m == nil {
			m = &docManifest{entries: map[string]byte{}}
			manifests[doc] = m
		}
		return m
	}
	if err := scan(txn, []byte{pManifest}, func(k, v []byte) error {
		i := bytes.IndexByte(k, 0)
		if i < 0 || len(k) != i+5 {
			c.problem(k, true, "malformed manifest key")
			c.fix.del = append(c.fix.del, bytes.Clone(k))
			return nil
		}
		doc := string(k[1:i])
		if _, ok := docs[doc]; !ok {
			c.problem(k, true, "manifest of document %q, which does not exist", doc)
			c.fix.del = append(c.fix.del, bytes.Clone(k))
			_ = eachManifestEntry(v, func(ck []byte) error {
				c.fix.del = append(c.fix.del, bytes.Clone(ck))
				if ct, err := parseContribution(ck); err == nil {
					c.fix.targets = append(c.fix.targets, ct.target())
				}
				return nil
			})
			return nil
		}
		m := manifestOf(doc)
		m.chunks = append(m.chunks, bytes.Clone(k))
		if err := eachManifestEntry(v, func(ck []byte) error {
			if len(ck) == 0 || !slices.Contains(factPrefixes, ck[0]) {
				c.problem(k, true, "manifest entry %s is no fact", printable(ck))
				m.bad = true
				return nil
			}
			m.entries[string(ck)] = listed
			return nil
		}); err != nil {
			c.problem(k, true, "%v", err)
			m.bad = true
		}
		return nil
	}); err != nil {
		return nil, nil, err
	}
	// Contributions.
	targets := map[string]target{}
	type docEnt struct {
		doc string
		id  int64
	}
	docEntities := map[docEnt]bool{}
	type relRef struct {
		k        []byte
		doc      string
		src, dst int64
	}
	var rels []relRef
	for _, p := range factPrefixes {
		if err := scan(txn, []byte{p}, func(k, v []byte) error {
			ck, err := parseContribution(k)
			if err != nil {
				c.problem(k, true, "%v", err)
				c.fix.del = append(c.fix.del, bytes.Clone(k))
				return nil
			}
			c.rep.Contributions++
			t := ck.target()
			if _, ok := docs[ck.doc]; !ok {
				c.problem(k, true, "fact of document %q, which does not exist", ck.doc)
				c.fix.del = append(c.fix.del, bytes.Clone(k))
				c.fix.targets = append(c.fix.targets, t)
				return nil
			}
			targets[string(t.key())] = t
			m := manifestOf(ck.doc)
			if st, ok := m.entries[string(k)]; !ok {
				c.problem(k, true, "fact not listed in its document's manifest")
				m.entries[string(k)] = found
				m.bad = true
			} else if st == listed {
				m.entries[string(k)] = found
			}
			if p == pEntityDoc {
				e, err := DecodeEntity(v)
				if err != nil {
					c.problem(k, false, "%v", err)
				} else if e.ID != ck.src {
					c.problem(k, false, "entity value has id %d", e.ID)
				}
				docEntities[docEnt{ck.doc, ck.src}] = true
				return nil
			}
			r, err := DecodeRelation(v)
			switch {
			case err != nil:
				c.problem(k, false, "%v", err)
			case r.Source != ck.src || r.Target != ck.dst || (p == pRelDoc && r.Label != ck.label):
				c.problem(k, false, "relation value %d -%s-> %d does not match its key", r.Source, r.Label, r.Target)
			case p == pRelDoc && r.Count != len(r.Evidence):
				c.problem(k, false, "count %d but %d pieces of evidence", r.Count, len(r.Evidence))
			default:
				for _, ev := range r.Evidence {
					if ev.Sentence == "" && ev.End > ev.Start && sentences[sentenceRef{ev.Doc, ev.Start}] != ev.End {
						c.problem(k, false, "evidence [%d,%d) of document %q has no sentence in the sentence table", ev.Start, ev.End, ev.Doc)
						break
					}
				}
			}
			rels = append(rels, relRef{bytes.Clone(k), ck.doc, ck.src, ck.dst})
			return nil
		}); err != nil {
			return nil, nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
	}
	for _, doc := range slices.Sorted(maps.Keys(manifests)) {
		m := manifests[doc]
		var keep [][]byte
		for _, k := range slices.Sorted(maps.Keys(m.entries)) {
			if m.entries[k] == listed {
				c.problem([]byte(k), true, "manifest entry for a missing fact")
				m.bad = true
				continue
			}
			keep = append(keep, []byte(k))
		}
		if !m.bad {
			continue
		}
		c.fix.del = append(c.fix.del, m.chunks...)
		for n, chunk := range manifestChunks(keep) {
			c.fix.set = append(c.fix.set, [2][]byte{manifestKey(doc, uint32(n)), chunk})
		}
	}
	for _, r := range rels {
		if !docEntities[docEnt{r.doc, r.src}] || !docEntities[docEnt{r.doc, r.dst}] {
			c.problem(r.k, false, "relation refers to an entity its document does not mention")
		}
	}
	// Merged values: compare each with the merge of its contributions.
	for _, p := range []byte{pEntity, pRelation, pCo} {
		if err := eachKey(txn, []byte{p}, func(k []byte) error {
			t, err := parseTarget(k)
			if err != nil {
				c.problem(k, true, "%v", err)
				c.fix.del = append(c.fix.del, bytes.Clone(k))
				return nil
			}
			targets[string(k)] = t
			return nil
		}); err != nil {
			return nil, nil, err
		}
	}
	excluded, err := excludedDocs(txn)
	if err != nil {
		return nil, nil, err
	}
	entities := map[int64][]string{}
	for _, tk := range sortedKeys(targets) {
		t := targets[tk]
		want, first, err := merged(txn, nil, t, excluded)
		if err != nil {
			c.problem(t.key(), false, "cannot merge its facts: %v", err)
			continue
		}
		got, err := getRaw(txn, t.key())
		if err != nil && !errors.Is(err, badger.ErrKeyNotFound) {
			return nil, nil, err
		}
		if want == nil {
			c.problem(t.key(), true, "merged %s has no supporting facts", t)
			c.fix.targets = append(c.fix.targets, t)
			continue
		}
		wantRaw, err := encodeMerged(want, first)
		if err != nil {
			return nil, nil, err
		}
		switch {
		case got == nil:
			c.problem(t.key(), true, "%s is missing from the merged graph", t)
			c.fix.targets = append(c.fix.targets, t)
		case !bytes.Equal(got, wantRaw):
			c.problem(t.key(), true, "merged %s differs from the merge of its facts%s", t, diffCounts(got, want))
			c.fix.targets = append(c.fix.targets, t)
		}
		switch v := want.(type) {
		case graph.Entity:
			c.rep.Entities++
			entities[v.ID] = entityNames(v)
		case graph.Relation:
			if t.kind == pRelation {
				c.rep.Relations++
			} else {
				c.rep.CoMentions++
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	for _, tk := range sortedKeys(targets) {
		t := targets[tk]
		if t.kind == pEntity {
			continue
		}
		for _, id := range []int64{t.src, t.dst} {
			if _, ok := entities[id]; !ok {
				c.problem(t.key(), false, "%s refers to entity %d, which does not exist", t, id)
			}
		}
	}
	// The reverse index, both ways.
	if err := eachKey(txn, []byte{pReverse}, func(k []byte) error {
		if len(k) < 17 {
			c.problem(k, true, "malformed reverse index key")
			c.fix.del = append(c.fix.del, bytes.Clone(k))
			return nil
		}
		rk := relationKey(getID(k[9:17]), getID(k[1:9]), string(k[17:]))
		if t, ok := targets[string(rk)]; !ok || t.kind != pRelation {
			c.problem(k, true, "reverse index entry for a relation that does not exist")
			c.fix.del = append(c.fix.del, bytes.Clone(k))
		}
		return nil
	}); err != nil {
		return nil, nil, err
	}
	for _, tk := range sortedKeys(targets) {
		t := targets[tk]
		if t.kind != pRelation {
			continue
		}
		if _, err := txn.Get(reverseKey(t.src, t.dst, t.label)); errors.Is(err, badger.ErrKeyNotFound) {
			c.problem(t.key(), true, "relation missing from the reverse index")
			c.fix.targets = append(c.fix.targets, t)
		} else if err != nil {
			return nil, nil, err
		}
	}
	// The name and alias index, both ways.
	seen := map[string]bool{}
	if err := eachKey(txn, []byte{pName}, func(k []byte) error {
		if len(k) < 10 || k[len(k)-9] != 0 {
			c.problem(k, true, "malformed name index key")
			c.fix.del = append(c.fix.del, bytes.Clone(k))
			return nil
		}
		name, id := string(k[1:len(k)-9]), getID(k[len(k)-8:])
		seen[string(k)] = true
		if !slices.Contains(entities[id], name) {
			c.problem(k, true, "name index entry %q for entity %d, which has no such name or alias", name, id)
			c.fix.del = append(c.fix.del, bytes.Clone(k))
		}
		return nil
	}); err != nil {
		return nil, nil, err
	}
	for _, id := range sortedKeys(entities) {
		for _, n := range entities[id] {
			if !seen[string(nameKey(n, id))] {
				c.problem(entityKey(id), true, "name or alias %q missing from the name index", n)
				c.fix.targets = append(c.fix.targets, target{kind: pEntity, src: id})
			}
		}
	}
	slices.SortStableFunc(c.rep.Problems, func(a, b Problem) int { return strings.Compare(a.Key, b.Key) })
	return c.rep, c.fix, nil
}

// factPrefixes are the key prefixes of per-document facts, the keys a
// manifest lists.
var factPrefixes = []byte{pEntityDoc, pRelDoc, pCoDoc}

// checkSentences checks the sentence tables ('S') and the search postings
// ('X'): every sentence belongs to a stored document and decodes, every
// posting names a stored sentence that has the word, and every word of a
// sentence is posted. It returns the end of every sentence.
func (c *checker) checkSentences(txn *badger.Txn, docs map[string]graph.Doc) (map[sentenceRef]int, error) {
	ends := map[sentenceRef]int{}
	var texts []struct {
		ref  sentenceRef
		text string
	}
	if err := scan(txn, []byte{pSentence}, func(k, v []byte) error {
		ref, ok := parseSentenceRef(k[1:])
		if !ok {
			c.problem(k, true, "malformed sentence key")
			c.fix.del = append(c.fix.del, bytes.Clone(k))
			return nil
		}
		sv, err := DecodeSentence(v)
		if _, ok := docs[ref.doc]; !ok {
			c.problem(k, true, "sentence of document %q, which does not exist", ref.doc)
			c.fix.del = append(c.fix.del, bytes.Clone(k))
			for _, w := range SearchWords(sv.Text) {
				c.fix.del = append(c.fix.del, postingKey(w, ref.doc, ref.start))
			}
			return nil
		}
		if err != nil {
			c.problem(k, false, "%v", err)
			return nil
		}
		ends[ref] = sv.End
		texts = append(texts, struct {
			ref  sentenceRef
			text string
		}{ref, sv.Text})
		return nil
	}); err != nil {
		return nil, err
	}
	// Every word of a sentence must have its posting, and every posting
	// a sentence with its word. One scan of the postings counts, per
	// sentence, the postings of its words (the words are distinct); only
	// a sentence that falls short has its postings looked up one by one
	// (a Get per posting would decompress a table block for each).
	words := map[sentenceRef][]string{}
	found := map[sentenceRef]int{}
	for _, t := range texts {
		words[t.ref] = SearchWords(t.text)
	}
	err := eachKey(txn, []byte{pPosting}, func(k []byte) error {
		i := bytes.IndexByte(k, 0)
		var ref sentenceRef
		ok := i >= 0
		if ok {
			ref, ok = parseSentenceRef(k[i+1:])
		}
		if !ok {
			c.problem(k, true, "malformed search posting")
			c.fix.del = append(c.fix.del, bytes.Clone(k))
			return nil
		}
		w := string(k[1:i])
		if !slices.Contains(words[ref], w) {
			c.problem(k, true, "search posting for a sentence that does not exist or lacks the word")
			c.fix.del = append(c.fix.del, bytes.Clone(k))
			return nil
		}
		found[ref]++
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, t := range texts {
		if found[t.ref] == len(words[t.ref]) {
			continue
		}
		for _, w := range words[t.ref] {
			pk := postingKey(w, t.ref.doc, t.ref.start)
			if _, err := txn.Get(pk); errors.Is(err, badger.ErrKeyNotFound) {
				c.problem(pk, true, "word %q of a sentence is not in the search index", w)
				c.fix.set = append(c.fix.set, [2][]byte{pk, nil})
			} else if err != nil {
				return nil, err
			}
		}
	}
	return ends, nil
}

func diffCounts(got []byte, want any) string {
	switch w := want.(type) {
	case graph.Entity:
		if g, err := DecodeEntity(got); err == nil && (g.Mentions != w.Mentions || g.Documents != w.Documents) {
			return fmt.Sprintf(" (mentions %d, documents %d; the facts say %d, %d)", g.Mentions, g.Documents, w.Mentions, w.Documents)
		}
	case graph.Relation:
		if g, err := DecodeRelation(got); err == nil && g.Count != w.Count {
			return fmt.Sprintf(" (count %d; the facts say %d)", g.Count, w.Count)
		}
	}
	return ""
}

func sortedKeys[K string | int64, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func (s *DB) applyFixes(f *fixes) error {
	if f.journal {
		s.mu.Unlock()
		err := s.recover()
		s.mu.Lock()
		if err != nil {
			return err
		}
	}
	b := s.newBatch(true)
	for _, k := range f.del {
		if err := b.del(k); err != nil {
			b.discard()
			return err
		}
	}
	for _, kv := range f.set {
		if err := b.set(kv[0], kv[1]); err != nil {
			b.discard()
			return err
		}
	}
	if err := b.commit(); err != nil {
		b.discard()
		return err
	}
	err := s.recompute(b, f.targets)
	if err == nil {
		err = b.finish()
	} else {
		b.discard()
	}
	return err
}

// RecomputeAll rewrites every merged value from the contributions (and
// removes merged values nothing supports). Entity resolution calls it when
// its rules change; it is also the heart of Check's repair.
func (s *DB) RecomputeAll(ctx context.Context) error {
	if err := s.writable(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.forgetValues()
	var targets []target
	err := s.db.View(func(txn *badger.Txn) error {
		for _, p := range []byte{pEntityDoc, pRelDoc, pCoDoc, pEntity, pRelation, pCo} {
			var last []byte
			err := eachKey(txn, []byte{p}, func(k []byte) error {
				var t target
				var err error
				if p == pEntity || p == pRelation || p == pCo {
					t, err = parseTarget(k)
				} else {
					var ck contribution
					ck, err = parseContribution(k)
					t = ck.target()
				}
				if err != nil {
					return err
				}
				if tk := t.key(); !bytes.Equal(tk, last) {
					targets = append(targets, t)
					last = tk
				}
				return ctx.Err()
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("recompute %s: %w", s.dir, err)
	}
	b := s.newBatch(true)
	if err := s.recompute(b, targets); err != nil {
		b.discard()
		return fmt.Errorf("recompute %s: %w", s.dir, err)
	}
	if err := b.finish(); err != nil {
		return fmt.Errorf("recompute %s: %w", s.dir, err)
	}
	return nil
}
