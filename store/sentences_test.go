package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// sharedSentenceFacts is one document whose two relations and co-mention
// all have the same evidence sentence.
func sharedSentenceFacts() *graph.Facts {
	text := "Shoigu met Kim Jong Un in Pyongyang."
	d := graph.Doc{ID: "doc-1", Title: "T", Date: "2025-12-26", Path: "a.txt", Hash: extract.Hash(text)}
	var ents []graph.Entity
	for _, n := range []string{"Shoigu", "Kim Jong Un", "Pyongyang"} {
		k := extract.Key(extract.Person, n)
		ents = append(ents, graph.Entity{ID: graph.ID(k), Key: k, Name: n, Type: extract.Person, Mentions: 1, Documents: 1})
	}
	ev := []graph.Evidence{{Doc: d.ID, Sentence: text, Start: 10, End: 10 + len(text), Date: d.Date}}
	return &graph.Facts{Doc: d, Entities: ents,
		Relations: []graph.Relation{
			{Source: ents[0].ID, Target: ents[1].ID, Label: "met", Category: "CONSULT", Count: 1, Evidence: ev},
			{Source: ents[0].ID, Target: ents[2].ID, Label: "visited", Category: "CONSULT", Count: 1, Evidence: ev},
		},
		CoMentions: []graph.Relation{{Source: min(ents[0].ID, ents[1].ID), Target: max(ents[0].ID, ents[1].ID), Label: graph.CoMentioned, Count: 1, Evidence: ev}},
	}
}

// countKeys counts the keys under prefix and those whose value contains
// sub.
func countKeys(t *testing.T, s *DB, prefix []byte, sub string) (keys, with int) {
	t.Helper()
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(txn, prefix, func(_, v []byte) error {
			keys++
			if sub != "" && bytes.Contains(v, []byte(sub)) {
				with++
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys, with
}

func TestSentencesStoredOnce(t *testing.T) {
	f := sharedSentenceFacts()
	text := f.Relations[0].Evidence[0].Sentence
	s := MustOpen(t)
	mustPut(t, s, f)
	if err := s.Reindex(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []byte{pRelDoc, pCoDoc} {
		if _, with := countKeys(t, s, []byte{p}, "Kim Jong Un in"); with != 0 {
			t.Errorf("%d values under %q carry the sentence text", with, p)
		}
	}
	if n, with := countKeys(t, s, []byte{pSentence}, "Kim Jong Un in"); n != 1 || with != 1 {
		t.Errorf("sentence table: %d keys, %d with the text; want 1, 1", n, with)
	}
	mustCheck(t, s)
	sameGraph(t, s, []*graph.Facts{f})

	v, err := s.OpenView()
	if err != nil || v.Stale() {
		t.Fatalf("OpenView: stale %v, %v", v.Stale(), err)
	}
	out, err := v.Out(f.Entities[0].ID)
	if err != nil || len(out) != 2 || out[0].Evidence[0].Sentence != text || out[1].Evidence[0].Sentence != text {
		t.Fatalf("view Out = %+v, %v", out, err)
	}
	res, err := v.Search("jong pyongyang", 0)
	if err != nil || len(res.Sentences) != 1 || res.Sentences[0].Text != text || res.Sentences[0].End != f.Relations[0].Evidence[0].End {
		t.Fatalf("Search = %+v, %v", res, err)
	}
	facts, err := s.Facts()
	if err != nil || facts[0].CoMentions[0].Evidence[0].Sentence != text {
		t.Fatalf("Facts = %+v, %v", facts, err)
	}

	if err := s.Remove(f.Doc.ID); err != nil {
		t.Fatal(err)
	}
	for _, p := range []byte{pSentence, pPosting} {
		if n, _ := countKeys(t, s, []byte{p}, ""); n != 0 {
			t.Errorf("%d keys left under %q after the document was removed", n, p)
		}
	}
	mustCheck(t, s)
}

func TestCheckSentences(t *testing.T) {
	f := sharedSentenceFacts()
	s := MustOpen(t)
	mustPut(t, s, f)
	// A stray posting, a missing posting and a sentence of no document.
	err := s.db.Update(func(txn *badger.Txn) error {
		for _, err := range []error{
			txn.Set(postingKey("zeppelin", f.Doc.ID, 10), nil),
			txn.Delete(postingKey("pyongyang", f.Doc.ID, 10)),
			txn.Set(sentenceKey("gone", 3), []byte("\x01{\"end\":9,\"text\":\"Gone away\"}")),
			txn.Set(postingKey("gone", "gone", 3), nil),
		} {
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.Check(t.Context(), false)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 4 {
		t.Fatalf("check found %d problems, want 4: %v", len(rep.Problems), rep.Problems)
	}
	rep, err = s.Check(t.Context(), true)
	if err != nil || !rep.OK() || rep.Repaired != 4 {
		t.Fatalf("repair: %+v, %v", rep, err)
	}
	// Evidence whose sentence is lost cannot be repaired.
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Delete(sentenceKey(f.Doc.ID, 10)) }); err != nil {
		t.Fatal(err)
	}
	rep, err = s.Check(t.Context(), true)
	if err != nil || rep.OK() || !strings.Contains(rep.Problems[0].Message, "no sentence") {
		t.Fatalf("check without the sentence: %+v, %v", rep, err)
	}
}

// downgradeTo2 rewrites a format 3 store the way format 2 kept it:
// evidence text inline in every contribution and in the resolved view,
// the sentence search index in the view ('G' 'S', 'G' 'T'), no 'S' or 'X'
// keys.
func downgradeTo2(t *testing.T, s *DB) {
	t.Helper()
	unpackManifests(t, s)
	err := s.db.Update(func(txn *badger.Txn) error {
		h := newHydrator(txn)
		type kv struct{ k, v []byte }
		var sets []kv
		var dels [][]byte
		for _, p := range [][]byte{{pRelDoc}, {pCoDoc}, {pResolved, 'R'}} {
			if err := scan(txn, p, func(k, v []byte) error {
				r, err := DecodeRelation(v)
				if err != nil {
					return err
				}
				if err := h.fill(r.Evidence); err != nil {
					return err
				}
				b, err := encodeJSON(r)
				sets = append(sets, kv{bytes.Clone(k), b})
				return err
			}); err != nil {
				return err
			}
		}
		for _, p := range []byte{pSentence, pPosting} {
			if err := scan(txn, []byte{p}, func(k, v []byte) error {
				dels = append(dels, bytes.Clone(k))
				if p == pSentence {
					sv, err := DecodeSentence(v)
					if err != nil {
						return err
					}
					ref := k[1:]
					b, _ := encode(Sentence{Doc: string(ref[:len(ref)-5]), Start: int(getStart(ref[len(ref)-4:])), End: sv.End, Text: sv.Text})
					sets = append(sets, kv{append([]byte{pResolved, 'T'}, ref...), b})
					for _, w := range SearchWords(sv.Text) {
						sets = append(sets, kv{append(append([]byte{pResolved, 'S'}, w...), append([]byte{0}, ref...)...), nil})
					}
				}
				return nil
			}); err != nil {
				return err
			}
		}
		for _, k := range dels {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		for _, x := range sets {
			if err := txn.Set(x.k, x.v); err != nil {
				return err
			}
		}
		return txn.Set(versionKey(), binary.AppendUvarint(nil, 2))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// migrationStores stores the same facts in a reference store and in a
// store on disk at dir, both reindexed: a test then downgrades s and
// reopens dir.
func migrationStores(t *testing.T) (fs []*graph.Facts, ref *DB, dir string, s *DB) {
	t.Helper()
	fs = append(synthFacts(12, 20), sharedSentenceFacts())
	ref = MustOpen(t)
	mustPut(t, ref, fs...)
	if err := ref.Reindex(); err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	s = mustOpenWith(t, dir, Options{NoSync: true})
	mustPut(t, s, fs...)
	if err := s.Reindex(); err != nil {
		t.Fatal(err)
	}
	return fs, ref, dir, s
}

// mustMigrated checks that s, reopened after a downgrade, has the current
// format, passes Check and holds what ref holds.
func mustMigrated(t *testing.T, s, ref *DB, fs []*graph.Facts) {
	t.Helper()
	if v, _ := s.version(); v != FormatVersion {
		t.Fatalf("version %d", v)
	}
	mustCheck(t, s)
	sameGraph(t, s, fs)
	sameDump(t, "migrated", dumpStore(t, s), dumpStore(t, ref))
}

func TestMigrate2(t *testing.T) {
	fs, ref, dir, s := migrationStores(t)
	downgradeTo2(t, s)
	jsonValues(t, s, true, 2)
	if _, with := countKeys(t, s, []byte{pCoDoc}, "Kim Jong Un in"); with == 0 {
		t.Fatal("downgrade left no inline text")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = mustOpenWith(t, dir, Options{ReadOnly: true}) // migrates through a read-write open
	mustMigrated(t, s, ref, fs)
}

// unpackManifests rewrites every manifest the way formats 2 to 5 kept
// it, one empty key 'm' doc 0x00 <contribution key> per entry, and stamps
// version 5.
func unpackManifests(t *testing.T, s *DB) {
	t.Helper()
	err := s.db.Update(func(txn *badger.Txn) error {
		var chunks, entries [][]byte
		if err := scan(txn, []byte{pManifest}, func(k, v []byte) error {
			i := bytes.IndexByte(k, 0)
			if len(k) != i+5 {
				return nil // unpacked already
			}
			chunks = append(chunks, bytes.Clone(k))
			return eachManifestEntry(v, func(ck []byte) error {
				entries = append(entries, append(bytes.Clone(k[:i+1]), ck...))
				return nil
			})
		}); err != nil {
			return err
		}
		for _, k := range chunks {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		for _, k := range entries {
			if err := txn.Set(k, nil); err != nil {
				return err
			}
		}
		return txn.Set(versionKey(), binary.AppendUvarint(nil, 5))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestMigrate5 opens a format 5 store, whose manifests have a key per
// entry, in the current format.
func TestMigrate5(t *testing.T) {
	fs, ref, dir, s := migrationStores(t)
	unpackManifests(t, s)
	if n, _ := countKeys(t, s, []byte{pManifest}, ""); n < 50 {
		t.Fatalf("%d manifest keys after unpacking", n)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	var notices []string
	s = mustOpenWith(t, dir, Options{ReadOnly: true, Notify: func(msg string) { notices = append(notices, msg) }})
	mustMigrated(t, s, ref, fs)
	if len(notices) != 1 || !strings.Contains(notices[0], "from format 5 to 6") {
		t.Errorf("notices %q, want one about the upgrade from format 5 to 6", notices)
	}
}

// stripFirst rewrites every merged value ('E', 'R', 'C') without its first
// document, the way formats 2 and 3 kept it, and stamps version v.
func stripFirst(t *testing.T, s *DB, v uint64) {
	t.Helper()
	unpackManifests(t, s)
	err := s.db.Update(func(txn *badger.Txn) error {
		type kv struct{ k, v []byte }
		var sets []kv
		for _, p := range []byte{pEntity, pRelation, pCo} {
			if err := scan(txn, []byte{p}, func(k, v []byte) error {
				var b []byte
				var err error
				if p == pEntity {
					var e graph.Entity
					if e, err = DecodeEntity(v); err == nil {
						b, err = encodeJSON(e)
					}
				} else {
					var r graph.Relation
					if r, err = DecodeRelation(v); err == nil {
						b, err = encodeJSON(r)
					}
				}
				sets = append(sets, kv{bytes.Clone(k), b})
				return err
			}); err != nil {
				return err
			}
		}
		if len(sets) == 0 {
			return fmt.Errorf("no merged values")
		}
		for _, x := range sets {
			if _, ok := firstOf(x.v); ok {
				return fmt.Errorf("%q still has its first document", x.v)
			}
			if err := txn.Set(x.k, x.v); err != nil {
				return err
			}
		}
		return txn.Set(versionKey(), binary.AppendUvarint(nil, v))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// jsonValues rewrites every entity, relation and co-mention value (the
// contributions and the resolved view's; with merged, also the merged
// values, keeping their first document) in JSON, as formats 1 to 4 kept
// them, and stamps version v.
func jsonValues(t *testing.T, s *DB, merged bool, v uint64) {
	t.Helper()
	unpackManifests(t, s)
	prefixes := [][]byte{{pEntityDoc}, {pRelDoc}, {pCoDoc}, rkey(rEntity), rkey(rRelation)}
	if merged {
		prefixes = append(prefixes, []byte{pEntity}, []byte{pRelation}, []byte{pCo})
	}
	err := s.db.Update(func(txn *badger.Txn) error {
		type kv struct{ k, v []byte }
		var sets []kv
		for _, p := range prefixes {
			if err := scan(txn, p, func(k, v []byte) error {
				var b []byte
				var err error
				entity := k[0] == pEntity || k[0] == pEntityDoc || (k[0] == pResolved && k[1] == rEntity)
				switch {
				case entity:
					var m mergedEntity
					if err = decode(v, &m); err != nil {
						return err
					}
					if k[0] == pEntity {
						b, err = encodeJSON(m)
					} else {
						b, err = encodeJSON(m.Entity)
					}
				default:
					var m mergedRelation
					if err = decode(v, &m); err != nil {
						return err
					}
					if k[0] == pRelation || k[0] == pCo {
						b, err = encodeJSON(m)
					} else {
						b, err = encodeJSON(m.Relation)
					}
				}
				sets = append(sets, kv{bytes.Clone(k), b})
				return err
			}); err != nil {
				return err
			}
		}
		if len(sets) == 0 {
			return fmt.Errorf("no values")
		}
		for _, x := range sets {
			if x.v[0] != codecJSON {
				return fmt.Errorf("%q is not JSON", x.v)
			}
			if err := txn.Set(x.k, x.v); err != nil {
				return err
			}
		}
		return txn.Set(versionKey(), binary.AppendUvarint(nil, v))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// binaryValues fails unless every entity, relation and co-mention value
// of s is in a binary encoding of format 5.
func binaryValues(t *testing.T, s *DB) {
	t.Helper()
	n := 0
	err := s.db.View(func(txn *badger.Txn) error {
		for _, p := range [][]byte{{pEntityDoc}, {pEntity}, {pRelDoc}, {pCoDoc}, {pRelation}, {pCo}, rkey(rEntity), rkey(rRelation)} {
			if err := scan(txn, p, func(k, v []byte) error {
				n++
				if len(v) == 0 || (v[0] != codecRelation && v[0] != codecEntity) {
					return fmt.Errorf("%s is not in a binary encoding: %q", printable(k), v)
				}
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no values")
	}
}

func TestMigrate4(t *testing.T) {
	fs, ref, dir, s := migrationStores(t)
	jsonValues(t, s, true, 4)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	var notices []string
	s = mustOpenWith(t, dir, Options{ReadOnly: true, Notify: func(msg string) { notices = append(notices, msg) }})
	mustMigrated(t, s, ref, fs)
	binaryValues(t, s)
	if len(notices) != 1 || !strings.Contains(notices[0], "from format 4 to 6") {
		t.Errorf("notices %q, want one about the upgrade from format 4 to 6", notices)
	}
}

func TestMigrate3(t *testing.T) {
	fs, ref, dir, s := migrationStores(t)
	stripFirst(t, s, 3)
	jsonValues(t, s, false, 3)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	var notices []string
	notify := func(msg string) { notices = append(notices, msg) }
	s = mustOpenWith(t, dir, Options{ReadOnly: true, Notify: notify}) // migrates through a read-write open
	mustMigrated(t, s, ref, fs)
	binaryValues(t, s)
	if len(notices) != 1 || !strings.Contains(notices[0], "from format 3 to 6") {
		t.Errorf("notices %q, want one about the upgrade from format 3 to 6", notices)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = mustOpenWith(t, dir, Options{ReadOnly: true, Notify: notify})
	if len(notices) != 1 {
		t.Errorf("a current store notified %q", notices[1:])
	}
	// Every merged value records its first document again.
	err := s.db.View(func(txn *badger.Txn) error {
		return scan(txn, []byte{pEntity}, func(k, v []byte) error {
			if _, ok := firstOf(v); !ok {
				return fmt.Errorf("%s has no first document", printable(k))
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestFirstOf(t *testing.T) {
	e := graph.Entity{ID: graph.ID("PERSON:a"), Key: "PERSON:a", Name: `he said ,"first_doc":"x"`, Type: extract.Person}
	withName, err := encodeMerged(e, "d1")
	if err != nil {
		t.Fatal(err)
	}
	plain, err := encode(e)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		in    []byte
		first string
		ok    bool
	}{
		{"merged", withName, "d1", true},
		{"format 3", plain, "", false},
		{"empty first", []byte(`{"a":1,"first_doc":""}`), "", false},
		{"not a string", []byte(`{"a":1,"first_doc":3}`), "", false},
		{"cut", []byte(`{"a":1,"first_doc":"d`), "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			first, ok := firstOf(tc.in)
			if first != tc.first || ok != tc.ok {
				t.Errorf("firstOf(%s) = %q, %v; want %q, %v", tc.in, first, ok, tc.first, tc.ok)
			}
		})
	}
}
