package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// benchGraph is a synthetic graph of n entities and 3n typed relations,
// each with one evidence sentence, skewed towards a few hubs as news is.
func benchGraph(n int) *graph.Graph {
	r := rand.New(rand.NewPCG(1, 1))
	g := graph.New()
	g.AddDoc(graph.Doc{ID: "d", Title: "Synthetic report", Date: "2025-06-04", Path: "d.txt", Hash: "d"})
	types := []extract.EntityType{extract.Person, extract.Person, extract.Org, extract.GPE, extract.Loc, extract.Event}
	ids := make([]int64, n)
	for i := range ids {
		t := types[i%len(types)]
		key := fmt.Sprintf("%s:entity %d", t, i)
		ids[i] = graph.ID(key)
		g.AddEntity(graph.Entity{ID: ids[i], Key: key, Name: fmt.Sprintf("Entity %d", i), Type: t, Mentions: 1 + r.IntN(50), Documents: 1})
	}
	labels := []struct{ l, c string }{{"met", "CONSULT"}, {"praised", "SUPPORT"}, {"attacked", "ASSAULT"}, {"signed", "AGREE"}, {"accused", "ACCUSE"}}
	for i := range 3 * n {
		s := ids[i%n]
		t := ids[int(float64(n)*r.Float64()*r.Float64())]
		if s == t {
			continue
		}
		lc := labels[r.IntN(len(labels))]
		sent := fmt.Sprintf("Entity %d %s another entity on Wednesday.", i%n, lc.l)
		g.AddRelation(graph.Relation{Source: s, Target: t, Label: lc.l, Category: lc.c, Count: 1,
			Evidence: []graph.Evidence{{Doc: "d", Sentence: sent, End: len(sent), Date: "2025-06-04"}}})
	}
	return g
}

// BenchmarkSVG draws synthetic graphs to SVG with the automatic layout
// (dot when small, sfdp when large), metrics included, as 'kgx render' does:
//
//	go test ./render -run '^$' -bench SVG -benchtime 3x
func BenchmarkSVG(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("nodes=%d", n), func(b *testing.B) {
			g := benchGraph(n)
			opts := Options{Title: "bench", Metrics: graph.Analyze(g, 1), Seed: 1}
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				if err := WriteSVG(context.Background(), &buf, g, opts); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size)/1e6, "MB")
			b.ReportMetric(float64(len(g.Relations())), "edges")
		})
	}
}

// BenchmarkExport writes the text export formats of a 10,000-entity graph.
//
//	go test ./render -run '^$' -bench Export -benchtime 3x
func BenchmarkExport(b *testing.B) {
	g := benchGraph(10_000)
	opts := Options{Title: "bench", Metrics: graph.Analyze(g, 1), Seed: 1}
	for _, f := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{"gexf", func(w io.Writer) error { return WriteGEXF(w, g, opts) }},
		{"graphml", func(w io.Writer) error { return WriteGraphML(w, g, opts) }},
		{"dot", func(w io.Writer) error { return WriteDOT(w, g, opts) }},
	} {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				if err := f.write(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
