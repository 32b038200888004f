package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
	"github.com/kgx-project/kgx/store"
)

// The query benchmark runs on a synthetic store of benchEntities entities
// and benchRelations typed relations, each with one evidence sentence,
// written through store.Put in documents of benchPerDoc relations. It is
// built once under -bench.dir (default: a directory in the system temp
// dir named after the sizes and store format) and reused.
//
//	go test ./cmd/kgx -run '^$' -bench Queries -benchtime 200x
var (
	benchDir       = flag.String("bench.dir", "", "where to build (or find) the synthetic benchmark store")
	benchEntities  = flag.Int("bench.entities", 100_000, "entities in the synthetic store")
	benchRelations = flag.Int("bench.relations", 1_000_000, "typed relations in the synthetic store")
)

const benchPerDoc = 2500

var benchLabels = []struct{ label, category string }{
	{"met", "CONSULT"}, {"visited", "CONSULT"}, {"called", "CONSULT"}, {"thanked", "SUPPORT"}, {"praised", "SUPPORT"},
	{"criticized", "ACCUSE"}, {"attacked", "ASSAULT"}, {"signed", "AGREE"}, {"supplied", "COOPERATE"}, {"appointed", "COOPERATE"},
}

var benchSyllables = []string{"ka", "lo", "mi", "ra", "shu", "ven", "dor", "tal", "ni", "go", "zar", "pe", "sin", "ko", "ba", "yev"}

// benchName is a pronounceable, unique name for entity i.
func benchName(i int, r *rand.Rand) string {
	word := func() string {
		s := ""
		for range 2 + r.IntN(2) {
			s += benchSyllables[r.IntN(len(benchSyllables))]
		}
		return string(s[0]-'a'+'A') + s[1:]
	}
	return fmt.Sprintf("%s %s %d", word(), word(), i)
}

func benchEntity(i int, names []string) graph.Entity {
	types := []extract.EntityType{extract.Person, extract.Person, extract.Org, extract.GPE}
	t := types[i%len(types)]
	key := t.String() + ":" + extract.Fold(names[i])
	return graph.Entity{ID: graph.ID(key), Key: key, Name: names[i], Type: t, Mentions: 1, Documents: 1}
}

// buildBenchStore writes the synthetic store into dir. Sources are skewed
// towards low indices (u^1.5) and targets more so (u^2), so a few
// entities have thousands of relations, as "Russia" has in news.
func buildBenchStore(tb testing.TB, dir string, nEnt, nRel int) {
	r := rand.New(rand.NewPCG(6, 6))
	names := make([]string, nEnt)
	for i := range names {
		names[i] = benchName(i, r)
	}
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	pick := func(p float64) int { return min(nEnt-1, int(float64(nEnt)*math.Pow(r.Float64(), p))) }
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for d := 0; d*benchPerDoc < nRel; d++ {
		date := start.AddDate(0, 0, d%2000).Format(time.DateOnly)
		f := &graph.Facts{Doc: graph.Doc{ID: fmt.Sprintf("doc%06d", d), Title: fmt.Sprintf("Synthetic report %d", d), Date: date,
			Path: fmt.Sprintf("synthetic/%06d.txt", d), Hash: fmt.Sprintf("synthetic-%06d", d)}}
		seen := map[int]bool{}
		text := 0
		for range min(benchPerDoc, nRel-d*benchPerDoc) {
			s, t := pick(1.5), pick(2)
			if s == t {
				t = (t + 1) % nEnt
			}
			for _, e := range []int{s, t} {
				if !seen[e] {
					seen[e] = true
					ent := benchEntity(e, names)
					ent.FirstSeen, ent.LastSeen = date, date
					f.Entities = append(f.Entities, ent)
				}
			}
			l := benchLabels[r.IntN(len(benchLabels))]
			sentence := fmt.Sprintf("%s %s %s on %s.", names[s], l.label, names[t], date)
			f.Relations = append(f.Relations, graph.Relation{Source: benchEntity(s, names).ID, Target: benchEntity(t, names).ID,
				Label: l.label, Category: l.category, Count: 1,
				Evidence: []graph.Evidence{{Doc: f.Doc.ID, Sentence: sentence, Start: text, End: text + len(sentence), Date: date}}})
			text += len(sentence) + 1
		}
		if _, err := db.Put(f); err != nil {
			tb.Fatal(err)
		}
		if d%400 == 0 {
			tb.Logf("built %d of %d documents", d, (nRel+benchPerDoc-1)/benchPerDoc)
		}
	}
	t0 := time.Now()
	if err := db.Reindex(); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("resolved view saved in %v", time.Since(t0).Round(time.Millisecond))
}

// openBenchStore returns the synthetic store and its resolved view,
// building it if needed, and the names of its entities.
func openBenchStore(b *testing.B) (*store.DB, *store.View, []string) {
	dir := *benchDir
	if dir == "" {
		dir = filepath.Join(os.TempDir(), fmt.Sprintf("kgx-bench-%d-%d-f%d", *benchEntities, *benchRelations, store.FormatVersion))
	}
	if _, err := os.Stat(filepath.Join(dir, "DONE")); err != nil {
		os.RemoveAll(dir)
		t0 := time.Now()
		buildBenchStore(b, dir, *benchEntities, *benchRelations)
		if err := os.WriteFile(filepath.Join(dir, "DONE"), nil, 0o644); err != nil {
			b.Fatal(err)
		}
		b.Logf("built %s in %v", dir, time.Since(t0).Round(time.Second))
	}
	db, err := store.Open(dir, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	v, err := db.OpenView()
	if err != nil {
		b.Fatal(err)
	}
	if v.Stale() {
		b.Fatalf("the resolved view of %s is out of date", dir)
	}
	r := rand.New(rand.NewPCG(6, 6))
	names := make([]string, *benchEntities)
	for i := range names {
		names[i] = benchName(i, r)
	}
	return db, v, names
}

// reportPercentiles reports the p50, p90 and max of the timings in ms.
func reportPercentiles(b *testing.B, ds []time.Duration) {
	if len(ds) == 0 {
		return
	}
	slices.Sort(ds)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(ds[len(ds)/2]), "p50-ms")
	b.ReportMetric(ms(ds[len(ds)*9/10]), "p90-ms")
	b.ReportMetric(ms(ds[len(ds)-1]), "max-ms")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkQueries measures the queries in-process on an open store, each
// on entities drawn uniformly at random (a fixed seed): show (lookup by
// name, relations with evidence, card printed to io.Discard), neighbors
// at depth 1 and 2, path between two random entities, and PageRank over
// the whole graph (loading it from the store included).
func BenchmarkQueries(b *testing.B) {
	st, db, names := openBenchStore(b)
	defer st.Close()
	r := rand.New(rand.NewPCG(7, 7))
	randomName := func() string { return names[r.IntN(len(names))] }

	b.Run("show", func(b *testing.B) {
		var ds []time.Duration
		for b.Loop() {
			t0 := time.Now()
			l := newLookup(db)
			e, err := l.find(randomName(), nil)
			if err != nil {
				b.Fatal(err)
			}
			v, err := showView(l, e, 0)
			if err != nil {
				b.Fatal(err)
			}
			writeCard(io.Discard, v, 3)
			ds = append(ds, time.Since(t0))
		}
		reportPercentiles(b, ds)
	})
	for _, depth := range []int{1, 2} {
		b.Run(fmt.Sprintf("neighbors-depth%d", depth), func(b *testing.B) {
			var ds []time.Duration
			nodes := 0
			for b.Loop() {
				t0 := time.Now()
				l := newLookup(db)
				e, err := l.find(randomName(), nil)
				if err != nil {
					b.Fatal(err)
				}
				v, _, err := neighborhood(l, e, &neighborsOptions{Depth: depth, Limit: 1000})
				if err != nil {
					b.Fatal(err)
				}
				nodes += len(v.Nodes)
				ds = append(ds, time.Since(t0))
			}
			reportPercentiles(b, ds)
			b.ReportMetric(float64(nodes)/float64(len(ds)), "nodes/op")
		})
	}
	b.Run("path", func(b *testing.B) {
		var ds []time.Duration
		hops := 0
		for b.Loop() {
			t0 := time.Now()
			l := newLookup(db)
			a, err := l.find(randomName(), nil)
			if err != nil {
				b.Fatal(err)
			}
			c, err := l.find(randomName(), nil)
			if err != nil {
				b.Fatal(err)
			}
			ps, err := findPaths(db, a.ID, c.ID, 1)
			if err != nil {
				b.Fatal(err)
			}
			for _, p := range ps {
				if _, err := pathView(l, p); err != nil {
					b.Fatal(err)
				}
				hops += len(p) - 1
			}
			ds = append(ds, time.Since(t0))
		}
		reportPercentiles(b, ds)
		b.ReportMetric(float64(hops)/float64(len(ds)), "hops/op")
	})
	b.Run("pagerank", func(b *testing.B) {
		for b.Loop() {
			t0 := time.Now()
			gr, err := db.Graph(false)
			if err != nil {
				b.Fatal(err)
			}
			t1 := time.Now()
			pr := graph.PageRank(gr)
			t2 := time.Now()
			if len(pr) != *benchEntities {
				b.Fatalf("PageRank of %d entities, want %d", len(pr), *benchEntities)
			}
			b.ReportMetric(t1.Sub(t0).Seconds(), "load-s")
			b.ReportMetric(t2.Sub(t1).Seconds(), "pagerank-s")
		}
	})
}
