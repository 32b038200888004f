package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

var dump = flag.Bool("dump", false, "keep test stores on disk and print where")

// MustOpen opens a fresh store for a test: in memory, or with -dump in a
// directory that is kept and printed.
func MustOpen(tb testing.TB) *DB {
	tb.Helper()
	opts := Options{InMemory: true}
	dir := ""
	if *dump {
		var err error
		dir, err = os.MkdirTemp("", "kgx-store-")
		if err != nil {
			tb.Fatal(err)
		}
		opts = Options{NoSync: true}
		tb.Logf("store kept in %s", dir)
	}
	return mustOpenWith(tb, dir, opts)
}

func mustOpenWith(tb testing.TB, dir string, opts Options) *DB {
	tb.Helper()
	s, err := Open(dir, opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// synthFacts returns n documents' facts over a small pool of entities, so
// that documents overlap, drawn from a seeded generator.
func synthFacts(seed uint64, n int) []*graph.Facts {
	r := rand.New(rand.NewPCG(seed, 1))
	names := []string{"Sergei Shoigu", "Kim Jong Un", "Vladimir Putin", "Pyongyang", "Moscow",
		"Korean People's Army", "Choe Son Hui", "Ukraine", "Kursk", "United Nations"}
	types := []extract.EntityType{extract.Person, extract.Person, extract.Person, extract.GPE, extract.GPE,
		extract.Org, extract.Person, extract.GPE, extract.GPE, extract.Org}
	labels := []string{"met", "visited", "criticized"}
	var out []*graph.Facts
	for d := range n {
		text := fmt.Sprintf("document %d of seed %d", d, seed)
		f := &graph.Facts{Doc: graph.Doc{ID: extract.Hash(text), Title: fmt.Sprintf("Doc %d", d),
			Date: fmt.Sprintf("2024-0%d-1%d", 1+r.IntN(9), r.IntN(10)), Path: fmt.Sprintf("news/%03d.txt", d), Hash: extract.Hash(text)}}
		var ids []int64
		for _, i := range r.Perm(len(names))[:2+r.IntN(5)] {
			name := names[i]
			if r.IntN(4) == 0 {
				name = strings.ToUpper(name)
			}
			k := extract.Key(types[i], names[i])
			e := graph.Entity{ID: graph.ID(k), Key: k, Name: name, Type: types[i], Mentions: 1 + r.IntN(4),
				Documents: 1, FirstSeen: f.Doc.Date, LastSeen: f.Doc.Date}
			if r.IntN(3) == 0 {
				e.Aliases = []extract.Alias{{Name: strings.Fields(names[i])[0], Rule: "short"}}
			}
			if r.IntN(3) == 0 {
				e.Roles = []string{"minister"}
			}
			f.Entities = append(f.Entities, e)
			ids = append(ids, e.ID)
		}
		for range r.IntN(6) {
			a, b := ids[r.IntN(len(ids))], ids[r.IntN(len(ids))]
			if a == b {
				continue
			}
			s := r.IntN(500)
			f.Relations = append(f.Relations, graph.Relation{Source: a, Target: b, Label: labels[r.IntN(len(labels))],
				Category: "CONSULT", Count: 1, Evidence: []graph.Evidence{{Doc: f.Doc.ID,
					Sentence: fmt.Sprintf("Sentence %d <b>&amp;</b> \"quoted\"\n", s), Start: s, End: s + 30, Date: f.Doc.Date}}})
		}
		for range r.IntN(4) {
			a, b := ids[r.IntN(len(ids))], ids[r.IntN(len(ids))]
			if a >= b {
				continue
			}
			f.CoMentions = append(f.CoMentions, graph.Relation{Source: a, Target: b, Label: graph.CoMentioned, Count: 1 + r.IntN(3),
				Evidence: []graph.Evidence{{Doc: f.Doc.ID, Sentence: "co", Start: 0, End: 2}}})
		}
		out = append(out, f)
	}
	return out
}

func mustPut(tb testing.TB, s *DB, fs ...*graph.Facts) {
	tb.Helper()
	for _, f := range fs {
		if _, err := s.Put(f); err != nil {
			tb.Fatal(err)
		}
	}
}

// dumpStore lists every key and value, for exact comparisons.
func dumpStore(tb testing.TB, s *DB) []string {
	tb.Helper()
	var out []string
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			out = append(out, fmt.Sprintf("%q = %q", it.Item().Key(), v))
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func sameDump(tb testing.TB, what string, got, want []string) {
	tb.Helper()
	if slices.Equal(got, want) {
		return
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			tb.Fatalf("%s: stores differ at entry %d:\n got %s\nwant %s", what, i, got[i], want[i])
		}
	}
	tb.Fatalf("%s: %d entries, want %d", what, len(got), len(want))
}

func mustCheck(tb testing.TB, s *DB) *Report {
	tb.Helper()
	rep, err := s.Check(context.Background(), false)
	if err != nil {
		tb.Fatal(err)
	}
	if !rep.OK() {
		tb.Fatalf("check: %d problems, first: %s", len(rep.Problems), rep.Problems[0])
	}
	return rep
}

func sortedByID(fs []*graph.Facts) []*graph.Facts {
	out := slices.Clone(fs)
	slices.SortFunc(out, func(a, b *graph.Facts) int { return strings.Compare(a.Doc.ID, b.Doc.ID) })
	return out
}

// reference is the merged graph the store must hold, computed the plain
// way: graph.Merge over the facts in document order, with each entity
// then rebuilt from its documents by the rule in merge.go (name and type
// of the first document, aliases sorted with their smallest rule, roles
// sorted).
func reference(fs []*graph.Facts) *graph.Graph {
	fs = sortedByID(fs)
	g := graph.Merge(fs...)
	for _, e := range g.Entities() {
		rules := map[string]string{}
		roles := map[string]bool{}
		first := true
		for _, f := range fs {
			for _, c := range f.Entities {
				if c.ID != e.ID {
					continue
				}
				if first {
					e.Name, e.Type, first = c.Name, c.Type, false
				}
				names := append([]extract.Alias{{Name: c.Name, Rule: "same key"}}, c.Aliases...)
				for _, a := range names {
					if r, ok := rules[a.Name]; !ok || a.Rule < r {
						rules[a.Name] = a.Rule
					}
				}
				for _, r := range c.Roles {
					roles[r] = true
				}
			}
		}
		e.Aliases, e.Roles = nil, nil
		for n, r := range rules {
			if n != e.Name && n != "" {
				e.Aliases = append(e.Aliases, extract.Alias{Name: n, Rule: r})
			}
		}
		slices.SortFunc(e.Aliases, func(a, b extract.Alias) int { return strings.Compare(a.Name, b.Name) })
		for r := range roles {
			e.Roles = append(e.Roles, r)
		}
		slices.Sort(e.Roles)
	}
	return g
}

// sameGraph compares the store's graph with the reference.
func sameGraph(tb testing.TB, s *DB, fs []*graph.Facts) {
	tb.Helper()
	got, err := s.Graph()
	if err != nil {
		tb.Fatal(err)
	}
	want := reference(fs)
	j := func(g *graph.Graph) string {
		b, _ := json.Marshal([]any{g.Docs(), g.Entities(), g.Relations(), g.CoMentions()})
		return string(b)
	}
	if a, b := j(got), j(want); a != b {
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				tb.Fatalf("graph from store differs from the reference at byte %d:\n got %.300s\nwant %.300s", i, a[max(0, i-100):], b[max(0, i-100):])
			}
		}
		tb.Fatalf("graph from store differs from the reference: %d bytes, want %d", len(a), len(b))
	}
}

func TestPut(t *testing.T) {
	fs := synthFacts(1, 30)
	t.Run("OK", func(t *testing.T) {
		s := MustOpen(t)
		mustPut(t, s, fs...)
		rep := mustCheck(t, s)
		if rep.Docs != 30 || rep.Entities == 0 || rep.Relations == 0 {
			t.Fatalf("report %+v", rep)
		}
		sameGraph(t, s, fs)
	})
	t.Run("Idempotent", func(t *testing.T) {
		s := MustOpen(t)
		mustPut(t, s, fs...)
		before := dumpStore(t, s)
		for _, f := range fs {
			added, err := s.Put(f)
			if err != nil || added {
				t.Fatalf("second Put of %s: added=%v err=%v", f.Doc.ID, added, err)
			}
		}
		sameDump(t, "after re-ingest", dumpStore(t, s), before)
	})
	t.Run("OrderIndependent", func(t *testing.T) {
		var want []string
		for i, seed := range []uint64{0, 7, 42} {
			order := slices.Clone(fs)
			rand.New(rand.NewPCG(seed, 2)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			s := MustOpen(t)
			mustPut(t, s, order...)
			if i == 0 {
				want = dumpStore(t, s)
				continue
			}
			sameDump(t, fmt.Sprintf("order %d", seed), dumpStore(t, s), want)
		}
	})
	t.Run("ErrBadFacts", func(t *testing.T) {
		s := MustOpen(t)
		bad := *fs[0]
		bad.Relations = append(slices.Clone(bad.Relations), graph.Relation{Source: 1, Target: 2, Label: "met", Count: 1})
		if _, err := s.Put(&bad); err == nil || !strings.Contains(err.Error(), "not in the document") {
			t.Fatalf("err = %v", err)
		}
		bad = *fs[0]
		bad.Doc.ID = "a\x00b"
		if _, err := s.Put(&bad); err == nil {
			t.Fatal("NUL in id accepted")
		}
	})
}

func TestRemove(t *testing.T) {
	fs := synthFacts(2, 20)
	for _, drop := range [][]int{{0}, {5, 6, 7}, {19}} {
		t.Run(fmt.Sprint(drop), func(t *testing.T) {
			s := MustOpen(t)
			mustPut(t, s, fs...)
			var keep []*graph.Facts
			for i, f := range fs {
				if slices.Contains(drop, i) {
					if err := s.Remove(f.Doc.ID); err != nil {
						t.Fatal(err)
					}
					continue
				}
				keep = append(keep, f)
			}
			mustCheck(t, s)
			clean := MustOpen(t)
			mustPut(t, clean, keep...)
			sameDump(t, "after remove", dumpStore(t, s), dumpStore(t, clean))
			sameGraph(t, s, keep)
		})
	}
	t.Run("All", func(t *testing.T) {
		s := MustOpen(t)
		empty := dumpStore(t, s)
		mustPut(t, s, fs...)
		for _, f := range fs {
			if err := s.Remove(f.Doc.ID); err != nil {
				t.Fatal(err)
			}
		}
		sameDump(t, "after removing everything", dumpStore(t, s), empty)
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		s := MustOpen(t)
		if err := s.Remove("nope"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestReplaceSamePath(t *testing.T) {
	fs := synthFacts(3, 6)
	changed := synthFacts(4, 6)
	for i := range changed {
		changed[i].Doc.Path = fs[i].Doc.Path // the same files, edited
	}
	s := MustOpen(t)
	mustPut(t, s, fs...)
	mustPut(t, s, changed[:3]...)
	mustCheck(t, s)
	want := append(slices.Clone(changed[:3]), fs[3:]...)
	clean := MustOpen(t)
	mustPut(t, clean, want...)
	sameDump(t, "after changing files", dumpStore(t, s), dumpStore(t, clean))

	// The same id with new content replaces too.
	f := *fs[4]
	f.Doc.Hash = "0123456789abcdef"
	f.Doc.Path = ""
	mustPut(t, s, &f)
	if d, err := s.Doc(f.Doc.ID); err != nil || d.Hash != f.Doc.Hash || d.Path != "" {
		t.Fatalf("doc %+v, %v", d, err)
	}
	mustCheck(t, s)
}

// bigFacts is one document too big for one small transaction.
func bigFacts(n int) *graph.Facts {
	f := &graph.Facts{Doc: graph.Doc{ID: "big", Hash: extract.Hash("big"), Path: "big.txt", Title: "Big"}}
	var prev int64
	for i := range n {
		k := extract.Key(extract.Person, fmt.Sprintf("person %d", i))
		f.Entities = append(f.Entities, graph.Entity{ID: graph.ID(k), Key: k, Name: fmt.Sprintf("Person %d", i), Type: extract.Person, Mentions: 1, Documents: 1})
		if i > 0 {
			f.Relations = append(f.Relations, graph.Relation{Source: prev, Target: graph.ID(k), Label: "met", Count: 1,
				Evidence: []graph.Evidence{{Doc: "big", Sentence: strings.Repeat("x", 100), Start: i * 100, End: i*100 + 100}}})
		}
		prev = graph.ID(k)
	}
	return f
}

func TestTxnTooBig(t *testing.T) {
	small := Options{InMemory: true, MemTableSize: 1 << 20} // transactions up to ~150 KiB
	others := synthFacts(5, 5)
	big := bigFacts(3000)
	for i := range 3 {
		k := extract.Key(extract.Person, fmt.Sprintf("person %d", i))
		others[i].Entities = append(others[i].Entities, graph.Entity{ID: graph.ID(k), Key: k, Name: fmt.Sprintf("Person %d", i), Type: extract.Person, Mentions: 2, Documents: 1})
	}
	s := mustOpenWith(t, "", small)
	mustPut(t, s, others...)
	if _, err := s.Put(big); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, s)
	ref := MustOpen(t)
	mustPut(t, ref, append(slices.Clone(others), big)...)
	sameDump(t, "journaled put", dumpStore(t, s), dumpStore(t, ref))

	if err := s.Remove("big"); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, s)
	ref = MustOpen(t)
	mustPut(t, ref, others...)
	sameDump(t, "journaled remove", dumpStore(t, s), dumpStore(t, ref))
}

// TestInterruptedWrite stops journaled writes after every possible number
// of commits, reopens, and expects either the old or the new store.
func TestInterruptedWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("reopens on-disk stores many times")
	}
	others := synthFacts(6, 4)
	big := bigFacts(700)
	k := extract.Key(extract.Person, "person 1")
	others[0].Entities = append(others[0].Entities, graph.Entity{ID: graph.ID(k), Key: k, Name: "Person 1", Type: extract.Person, Mentions: 2, Documents: 1})
	ref := func(fs ...*graph.Facts) []string {
		r := MustOpen(t)
		mustPut(t, r, fs...)
		return dumpStore(t, r)
	}
	without, with := ref(others...), ref(append(slices.Clone(others), big)...)
	small := Options{MemTableSize: 1 << 20, NoSync: true}
	for _, op := range []string{"put", "remove"} {
		for n := 1; ; n++ {
			dir := t.TempDir()
			s := mustOpenWith(t, dir, small)
			mustPut(t, s, others...)
			if op == "remove" {
				mustPut(t, s, big)
			}
			s.opts.failAfterCommits = n
			var err error
			if op == "put" {
				_, err = s.Put(big)
			} else {
				err = s.Remove("big")
			}
			s.Close()
			if err != nil && !errors.Is(err, errInterrupted) {
				t.Fatal(err)
			}
			// A read-only open finishes the interrupted write first.
			r := mustOpenWith(t, dir, Options{ReadOnly: true})
			mustCheck(t, r)
			got := dumpStore(t, r)
			r.Close()
			if !slices.Equal(got, without) && !slices.Equal(got, with) {
				t.Fatalf("%s interrupted after %d commits: store is neither before nor after", op, n)
			}
			if err == nil {
				if n < 3 {
					t.Fatalf("%s finished in %d commits: the test is not exercising the journal", op, n)
				}
				break
			}
		}
	}
}

func TestCheck(t *testing.T) {
	fs := synthFacts(8, 12)
	e0 := fs[0].Entities[0]
	var r0 graph.Relation
	for _, f := range fs {
		if len(f.Relations) > 0 {
			r0 = f.Relations[0]
			break
		}
	}
	tests := []struct {
		name       string
		corrupt    func(txn *badger.Txn) error
		want       string
		repairable bool
	}{
		{"MissingEntity", func(txn *badger.Txn) error { return txn.Delete(entityKey(e0.ID)) }, "missing from the merged graph", true},
		{"WrongCount", func(txn *badger.Txn) error {
			raw, err := getRaw(txn, entityKey(e0.ID))
			if err != nil {
				return err
			}
			e, _ := DecodeEntity(raw)
			e.Mentions += 5
			v, _ := encode(e)
			return txn.Set(entityKey(e0.ID), v)
		}, "mentions", true},
		{"RelationCount", func(txn *badger.Txn) error {
			k := relationKey(r0.Source, r0.Target, r0.Label)
			raw, err := getRaw(txn, k)
			if err != nil {
				return err
			}
			r, _ := DecodeRelation(raw)
			r.Count++
			v, _ := encode(r)
			return txn.Set(k, v)
		}, "count", true},
		{"OrphanFact", func(txn *badger.Txn) error {
			v, _ := encode(e0)
			return txn.Set(entityDocKey(e0.ID, "gone"), v)
		}, "does not exist", true},
		{"StaleAlias", func(txn *badger.Txn) error { return txn.Set(nameKey("nobody", e0.ID), nil) }, "no such name", true},
		{"MissingAlias", func(txn *badger.Txn) error { return txn.Delete(nameKey(extract.Fold(e0.Name), e0.ID)) }, "missing from the name index", true},
		{"StaleReverse", func(txn *badger.Txn) error { return txn.Set(reverseKey(1, 2, "met"), nil) }, "reverse index", true},
		{"MissingHash", func(txn *badger.Txn) error { return txn.Delete(hashKey(fs[1].Doc.Hash)) }, "hash index", true},
		{"DanglingRelation", func(txn *badger.Txn) error {
			v, _ := encode(graph.Relation{Source: e0.ID, Target: 99, Label: "met", Count: 0})
			return txn.Set(relationKey(e0.ID, 99, "met"), v)
		}, "no supporting facts", true},
		{"CorruptValue", func(txn *badger.Txn) error { return txn.Set(entityDocKey(e0.ID, fs[0].Doc.ID), []byte{1, '{'}) }, "corrupt", false},
		{"Journal", func(txn *badger.Txn) error { return txn.Set(journalKey("x"), []byte{stateStaging}) }, "unfinished write", true},
		{"MissingPosting", func(txn *badger.Txn) error {
			it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pPosting}})
			defer it.Close()
			it.Rewind()
			if !it.Valid() {
				return errors.New("no posting")
			}
			return txn.Delete(it.Item().KeyCopy(nil))
		}, "not in the search index", true},
		{"MissingFact", func(txn *badger.Txn) error { return txn.Delete(entityDocKey(e0.ID, fs[0].Doc.ID)) }, "manifest entry for a missing fact", true},
		{"UnlistedFact", func(txn *badger.Txn) error {
			k := manifestKey(fs[0].Doc.ID, 0)
			raw, err := getRaw(txn, k)
			if err != nil {
				return err
			}
			var keep [][]byte
			drop := entityDocKey(e0.ID, fs[0].Doc.ID)
			if err := eachManifestEntry(raw, func(ck []byte) error {
				if !bytes.Equal(ck, drop) {
					keep = append(keep, bytes.Clone(ck))
				}
				return nil
			}); err != nil {
				return err
			}
			if len(keep) == 0 || len(manifestChunks(keep)[0]) == len(raw) {
				return errors.New("chunk 0 does not list the fact, or nothing else")
			}
			return txn.Set(k, manifestChunks(keep)[0])
		}, "not listed in its document's manifest", true},
		{"MissingManifest", func(txn *badger.Txn) error { return txn.Delete(manifestKey(fs[0].Doc.ID, 0)) }, "not listed in its document's manifest", true},
		{"CorruptManifest", func(txn *badger.Txn) error {
			return txn.Set(manifestKey(fs[0].Doc.ID, 0), []byte{codecManifest, 200})
		}, "malformed manifest chunk", true},
		{"StrayManifest", func(txn *badger.Txn) error {
			return txn.Set(manifestKey("gone", 0), manifestChunks([][]byte{entityDocKey(e0.ID, "gone")})[0])
		}, "manifest of document \"gone\", which does not exist", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := MustOpen(t)
			mustPut(t, s, fs...)
			want := dumpStore(t, s)
			if err := s.db.Update(tt.corrupt); err != nil {
				t.Fatal(err)
			}
			rep, err := s.Check(context.Background(), false)
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK() {
				t.Fatal("check found nothing")
			}
			var msgs []string
			for _, p := range rep.Problems {
				msgs = append(msgs, p.String())
			}
			if all := strings.Join(msgs, "\n"); !strings.Contains(all, tt.want) {
				t.Fatalf("problems do not mention %q:\n%s", tt.want, all)
			}
			rep, err = s.Check(context.Background(), true)
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK() != tt.repairable {
				t.Fatalf("after repair OK=%v, want %v: %v", rep.OK(), tt.repairable, rep.Problems)
			}
			// Repair cannot bring back a deleted fact.
			if tt.repairable && tt.name != "MissingFact" {
				sameDump(t, "after repair", dumpStore(t, s), want)
			}
		})
	}
}

func TestFormatVersion(t *testing.T) {
	t.Run("ErrNewer", func(t *testing.T) {
		dir := t.TempDir()
		s := mustOpenWith(t, dir, Options{NoSync: true})
		if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(versionKey(), []byte{99}) }); err != nil {
			t.Fatal(err)
		}
		s.Close()
		for _, ro := range []bool{false, true} {
			_, err := Open(dir, Options{ReadOnly: ro})
			if !errors.Is(err, ErrNewerFormat) || !strings.Contains(err.Error(), "format version 99") || !strings.Contains(err.Error(), "upgrade kgx") {
				t.Fatalf("read-only=%v: err = %v", ro, err)
			}
		}
	})
	t.Run("Migrate1", func(t *testing.T) {
		fs := synthFacts(9, 10)
		dir := t.TempDir()
		writeFormat1(t, dir, fs)
		s := mustOpenWith(t, dir, Options{ReadOnly: true}) // migrates through a read-write open
		if v, _ := s.version(); v != FormatVersion {
			t.Fatalf("version %d", v)
		}
		mustCheck(t, s)
		sameGraph(t, s, fs)
		ref := MustOpen(t)
		mustPut(t, ref, fs...)
		sameDump(t, "migrated", dumpStore(t, s), dumpStore(t, ref))
	})
}

// writeFormat1 writes fs the way format 1 (commit 05cc233) did: plain
// JSON, 'F' doc -> Facts, merged values merged in ingest order.
func writeFormat1(tb testing.TB, dir string, fs []*graph.Facts) {
	tb.Helper()
	db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil))
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	set := func(txn *badger.Txn, k []byte, v any) {
		b, err := json.Marshal(v)
		if err != nil {
			tb.Fatal(err)
		}
		if err := txn.Set(k, b); err != nil {
			tb.Fatal(err)
		}
	}
	g := graph.Merge(fs...)
	err = db.Update(func(txn *badger.Txn) error {
		txn.Set([]byte{'V'}, []byte{1})
		for _, f := range fs {
			set(txn, docKey(f.Doc.ID), f.Doc)
			txn.Set(hashKey(f.Doc.Hash), []byte(f.Doc.ID))
			set(txn, key(pFactsV1, []byte(f.Doc.ID)), f)
		}
		for _, e := range g.Entities() {
			set(txn, entityKey(e.ID), e)
			txn.Set(nameKey(extract.Fold(e.Name), e.ID), nil)
		}
		for _, r := range g.Relations() {
			set(txn, relationKey(r.Source, r.Target, r.Label), r)
		}
		for _, r := range g.CoMentions() {
			set(txn, coKey(r.Source, r.Target), r)
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

func TestLocked(t *testing.T) {
	dir := t.TempDir()
	s := mustOpenWith(t, dir, Options{NoSync: true})
	_ = s
	for _, ro := range []bool{false, true} {
		_, err := Open(dir, Options{ReadOnly: ro})
		want := fmt.Sprintf("store %s is in use by another kgx process", dir)
		if !errors.Is(err, ErrLocked) || err.Error() != want {
			t.Fatalf("read-only=%v: err = %v, want %q", ro, err, want)
		}
	}
	t.Run("ReadOnlyMissing", func(t *testing.T) {
		_, err := Open(filepath.Join(dir, "nope"), Options{ReadOnly: true})
		if !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestQueries(t *testing.T) {
	fs := synthFacts(10, 25)
	s := MustOpen(t)
	mustPut(t, s, fs...)
	g := reference(fs)
	for _, want := range g.Entities() {
		got, err := s.Entity(want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Entity(%d) = %+v, want %+v", want.ID, got, want)
		}
		ids, err := s.Lookup(strings.ToLower(want.Name))
		if err != nil || !slices.Contains(ids, want.ID) {
			t.Fatalf("Lookup(%q) = %v, %v", want.Name, ids, err)
		}
		for _, a := range want.Aliases {
			if ids, _ := s.Lookup(a.Name); !slices.Contains(ids, want.ID) {
				t.Fatalf("Lookup(alias %q) = %v", a.Name, ids)
			}
		}
		rel := func(rs []*graph.Relation) []graph.Relation {
			var out []graph.Relation
			for _, r := range rs {
				out = append(out, *r)
			}
			return out
		}
		out, err := s.Out(want.ID)
		if err != nil || !reflect.DeepEqual(out, rel(g.Out(want.ID))) {
			t.Fatalf("Out(%d) = %v, %v", want.ID, out, err)
		}
		in, err := s.In(want.ID)
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(in, func(a, b graph.Relation) int { return graph.CompareRelations(&a, &b) })
		if !reflect.DeepEqual(in, rel(g.In(want.ID))) {
			t.Fatalf("In(%d) = %v", want.ID, in)
		}
	}
	if _, err := s.Entity(12345); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Entity(missing): %v", err)
	}
	if ids, err := s.LookupPrefix("SERG", 0); err != nil || len(ids) != 1 {
		t.Fatalf("LookupPrefix = %v, %v", ids, err)
	}
	n := 0
	if err := s.EachEntity(func(graph.Entity) error { n++; return nil }); err != nil || n != len(g.Entities()) {
		t.Fatalf("EachEntity: %d, %v", n, err)
	}
	docs, err := s.Docs()
	if err != nil || !reflect.DeepEqual(docs, g.Docs()) {
		t.Fatalf("Docs = %v, %v", docs, err)
	}
	for _, ref := range []string{fs[3].Doc.ID, fs[3].Doc.Path, fs[3].Doc.ID[:6]} {
		ds, err := s.FindDocs(ref)
		if err != nil || len(ds) != 1 || ds[0].ID != fs[3].Doc.ID {
			t.Fatalf("FindDocs(%q) = %v, %v", ref, ds, err)
		}
	}
	if _, err := s.FindDocs("zzzz"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("FindDocs(missing): %v", err)
	}
}

func TestRecomputeAll(t *testing.T) {
	fs := synthFacts(11, 8)
	s := MustOpen(t)
	mustPut(t, s, fs...)
	want := dumpStore(t, s)
	if err := s.RecomputeAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	sameDump(t, "after RecomputeAll", dumpStore(t, s), want)
}

func TestRemoveStaleParts(t *testing.T) {
	fs := synthFacts(12, 6)
	paths := []string{"a.txt", "a.txt#1", "a.txt#2", "a.txt#3", "a.txt#x", "a.txtb"}
	for i, f := range fs {
		f.Doc.Path = paths[i]
	}
	tests := []struct {
		parts int
		want  []int // indexes of fs removed
	}{
		{1, []int{1, 2, 3}},
		{2, []int{0, 3}},
		{3, []int{0}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.parts), func(t *testing.T) {
			s := MustOpen(t)
			mustPut(t, s, fs...)
			got, err := s.RemoveStaleParts("a.txt", tt.parts)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, i := range tt.want {
				want = append(want, fs[i].Doc.ID)
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("removed %v, want %v", got, want)
			}
			mustCheck(t, s)
		})
	}
}

// TestSnapshot checks that a snapshot sees what was stored when it was
// taken, and nothing written or removed after, while the DB's own Has
// sees every write.
func TestSnapshot(t *testing.T) {
	fs := synthFacts(5, 3)
	s := MustOpen(t)
	mustPut(t, s, fs[0], fs[1])
	snap := s.Snapshot()
	defer snap.Close()
	mustPut(t, s, fs[2])
	if err := s.Remove(fs[1].Doc.ID); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name       string
		hash       string
		snap, live bool
	}{
		{"stored before", fs[0].Doc.Hash, true, true},
		{"removed after", fs[1].Doc.Hash, true, false},
		{"stored after", fs[2].Doc.Hash, false, true},
		{"never stored", extract.Hash("no such text"), false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := snap.Has(c.hash)
			if err != nil || got != c.snap {
				t.Errorf("snapshot Has = %v, %v; want %v", got, err, c.snap)
			}
			got, err = s.Has(c.hash)
			if err != nil || got != c.live {
				t.Errorf("DB Has = %v, %v; want %v", got, err, c.live)
			}
		})
	}
}

// TestEmptyMemtableAfterKill checks that a store in which a killed
// process left a memtable file it had just created, still empty, opens
// read-only and read-write: badger cannot size the file read-only ("error
// while truncation"), and read-write it sizes it and then fails ("Create a
// new file"), so every command after such a crash failed.
func TestEmptyMemtableAfterKill(t *testing.T) {
	for _, readOnly := range []bool{true, false} {
		t.Run(fmt.Sprintf("readOnly=%v", readOnly), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "kgx.db")
			fs := synthFacts(7, 3)
			s := mustOpenWith(t, dir, Options{NoSync: true})
			mustPut(t, s, fs...)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "00099.mem"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			db, err := Open(dir, Options{ReadOnly: readOnly, NoSync: true})
			if err != nil {
				t.Fatalf("open after the kill: %v", err)
			}
			defer db.Close()
			for _, f := range fs {
				if ok, err := db.Has(f.Doc.Hash); err != nil || !ok {
					t.Errorf("document %s: stored %v, %v", f.Doc.ID, ok, err)
				}
			}
		})
	}
}

// TestDocsByID checks the batched document read against Doc, for ids
// close together in key order (stepped through), far apart (sought),
// repeated and missing.
func TestDocsByID(t *testing.T) {
	fs := synthFacts(1, 300)
	s := MustOpen(t)
	mustPut(t, s, fs...)
	all, err := s.Docs()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range all {
		ids = append(ids, d.ID)
	}
	every := func(n int) []string {
		var out []string
		for i := 0; i < len(ids); i += n {
			out = append(out, ids[i])
		}
		return out
	}
	for _, tc := range []struct {
		name string
		ids  []string
		want int
	}{
		{"none", nil, 0},
		{"one", ids[7:8], 1},
		{"all", ids, len(ids)},
		{"all, last first", slices.Concat(ids[150:], ids[:150]), len(ids)},
		{"every 3rd", every(3), len(every(3))},
		{"every 40th", every(40), len(every(40))},
		{"repeated", []string{ids[5], ids[5], ids[299], ids[5]}, 2},
		{"missing", []string{"nope", ids[0], "zzz", ids[len(ids)-1], ""}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.DocsByID(tc.ids)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tc.want {
				t.Fatalf("%d documents, want %d", len(got), tc.want)
			}
			for id, d := range got {
				want, err := s.Doc(id)
				if err != nil || !reflect.DeepEqual(d, want) {
					t.Fatalf("%s: %+v, Doc gives %+v, %v", id, d, want, err)
				}
			}
		})
	}
}
