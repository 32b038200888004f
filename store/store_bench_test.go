package store

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// Store benchmarks: writes one document per transaction and in batches,
// and the reads a one-entity query makes. Run them with
//
//	go test -run XXX -bench . -benchmem ./store/
//
// The documents are synthetic but news-shaped: 40 entities drawn from a
// Zipf distribution over 20,000 names (a few entities recur in most
// documents, as countries and leaders do), 8 typed relations and 60
// co-mentions with 150-byte evidence sentences.

// benchFacts returns n documents' facts, the same for the same seed.
func benchFacts(seed uint64, n int) []*graph.Facts {
	rng := rand.New(rand.NewPCG(seed, 1))
	zipf := rand.NewZipf(rng, 1.1, 2, 19999)
	sentence := func(doc string, i int) graph.Evidence {
		s := fmt.Sprintf("In document %s, sentence %d says that one entity met another at a place on a date, which is about this long overall.", doc, i)
		return graph.Evidence{Doc: doc, Sentence: s, Start: i * 160, End: i*160 + len(s), Date: "2025-07-25"}
	}
	out := make([]*graph.Facts, n)
	for d := range n {
		id := fmt.Sprintf("%016x", rng.Uint64())
		f := &graph.Facts{Doc: graph.Doc{ID: id, Title: "Title " + id, Date: "2025-07-25", Path: "corpus/" + id + ".txt", Hash: id}}
		seen := map[int64]bool{}
		for len(f.Entities) < 40 {
			k := int(zipf.Uint64())
			key := "PERSON:entity " + strconv.Itoa(k)
			eid := graph.ID(key)
			if seen[eid] {
				continue
			}
			seen[eid] = true
			f.Entities = append(f.Entities, graph.Entity{ID: eid, Key: key, Name: "Entity " + strconv.Itoa(k), Type: extract.Person,
				Aliases: []extract.Alias{{Name: "E" + strconv.Itoa(k), Rule: "name part"}}, Mentions: 1 + rng.IntN(4), Documents: 1,
				FirstSeen: "2025-07-25", LastSeen: "2025-07-25"})
		}
		pick := func() (int64, int64) {
			a, b := f.Entities[rng.IntN(10)].ID, f.Entities[10+rng.IntN(30)].ID
			return a, b
		}
		for i := range 8 {
			a, b := pick()
			f.Relations = append(f.Relations, graph.Relation{Source: a, Target: b, Label: "met", Category: "CONSULT", Count: 1,
				Evidence: []graph.Evidence{sentence(id, i)}})
		}
		for i := range 60 {
			a, b := pick()
			if a > b {
				a, b = b, a
			}
			f.CoMentions = append(f.CoMentions, graph.Relation{Source: a, Target: b, Label: graph.CoMentioned, Count: 1,
				Evidence: []graph.Evidence{sentence(id, i)}})
		}
		out[d] = f
	}
	return out
}

func benchOpen(b *testing.B) *DB {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "kgx.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkPut stores documents one transaction each into a store that
// grows with b.N; ns/op is per document.
func BenchmarkPut(b *testing.B) {
	s := benchOpen(b)
	fs := benchFacts(1, b.N)
	b.ResetTimer()
	for i := range b.N {
		if _, err := s.Put(fs[i]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPutBatch stores the same documents 32 to a transaction, as
// kgx ingest does; ns/op is per document.
func BenchmarkPutBatch(b *testing.B) {
	s := benchOpen(b)
	fs := benchFacts(1, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i += 32 {
		if _, err := s.PutBatch(fs[i:min(i+32, b.N)]); err != nil {
			b.Fatal(err)
		}
	}
}

// benchQueryStore is a store of 2,000 documents for the read benchmarks.
func benchQueryStore(b *testing.B) *DB {
	b.Helper()
	s := benchOpen(b)
	fs := benchFacts(2, 2000)
	for i := 0; i < len(fs); i += 32 {
		if _, err := s.PutBatch(fs[i:min(i+32, len(fs))]); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkLookupEntity is the start of a one-entity query: the name
// index, then the entity, for a frequent name.
func BenchmarkLookupEntity(b *testing.B) {
	s := benchQueryStore(b)
	b.ResetTimer()
	for b.Loop() {
		ids, err := s.Lookup("Entity 3")
		if err != nil || len(ids) != 1 {
			b.Fatalf("lookup: %v %v", ids, err)
		}
		if _, err := s.Entity(ids[0]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGraph loads the whole merged graph, as the commands that need
// all of it do.
func BenchmarkGraph(b *testing.B) {
	s := benchQueryStore(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Graph(); err != nil {
			b.Fatal(err)
		}
	}
}
