//go:build unix

package extract

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Per-stage benchmarks over the seed articles in testdata/news. Each
// reports whitespace tokens per second ("tokens/s"), the unit of the
// throughput targets; run them with
//
//	go test -run XXX -bench . -benchmem ./extract/
//
// Every stage runs on documents already taken through the stages before
// it, so a figure is that stage's own cost.

// benchDocs returns the seed articles, extracted up to (not including)
// the stage named by upto: "segment", "pos", "ner", "resolve", "parse",
// "relations" or "" (everything), and for each the recogniser's mentions
// (the parser's names, see Extractor.parse) when it ran.
func benchDocs(b *testing.B, e *Extractor, upto string) (docs []*Document, words int, names [][]Mention) {
	b.Helper()
	files, err := filepath.Glob("../testdata/news/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no seed articles: %v", err)
	}
	var ns []Mention
	stages := []struct {
		name string
		run  func(*Document)
	}{
		{"segment", segment}, {"pos", e.tagPOS}, {"ner", e.recognise},
		{"resolve", func(d *Document) { ns = slices.Clone(d.Mentions); e.resolve(d) }},
		{"parse", func(d *Document) { e.parse(d, ns) }}, {"relations", e.relate},
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text := string(raw)
		words += len(strings.Fields(text))
		doc := &Document{ID: Hash(text), Text: text}
		ns = nil
		clean(doc)
		for _, s := range stages {
			if s.name == upto {
				break
			}
			s.run(doc)
		}
		docs = append(docs, doc)
		names = append(names, ns)
	}
	return docs, words, names
}

func newBenchExtractor(b *testing.B) *Extractor {
	b.Helper()
	e, err := New()
	if err != nil {
		b.Fatal(err)
	}
	// Some models (the parser's) load on first use: load them now, so
	// that a short -benchtime does not time a one-off decode.
	if _, err := e.Extract(context.Background(), Input{Text: "Shoigu met Kim Jong Un in Pyongyang on Wednesday."}); err != nil {
		b.Fatal(err)
	}
	return e
}

// reportTokens reports whitespace tokens per second of wall time and per
// second of CPU time (user and system, all threads, since cpu0): on a
// shared machine the second is the steadier per-core figure.
func reportTokens(b *testing.B, words int, cpu0 time.Duration) {
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpuNow() - cpu0; cpu > 0 {
		b.ReportMetric(float64(words)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// cpuNow is the CPU time the process has used so far.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkExtract is the whole pipeline, one goroutine.
func BenchmarkExtract(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words, _ := benchDocs(b, e, "segment")
	ctx := context.Background()
	b.ResetTimer()
	c0 := cpuNow()
	for b.Loop() {
		for _, d := range docs {
			if _, err := e.Extract(ctx, Input{Text: d.Text}); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportTokens(b, words, c0)
}

// BenchmarkExtractParallel is the whole pipeline on GOMAXPROCS goroutines
// sharing one Extractor.
func BenchmarkExtractParallel(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words, _ := benchDocs(b, e, "segment")
	ctx := context.Background()
	b.ResetTimer()
	c0 := cpuNow()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for _, d := range docs {
				if _, err := e.Extract(ctx, Input{Text: d.Text}); err != nil {
					b.Error(err)
					return
				}
			}
		}
	})
	reportTokens(b, words, c0)
}

// BenchmarkClean is boilerplate removal.
func BenchmarkClean(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words, _ := benchDocs(b, e, "segment")
	c0 := cpuNow()
	for b.Loop() {
		for _, d := range docs {
			clean(&Document{Text: d.Text})
		}
	}
	reportTokens(b, words, c0)
}

// BenchmarkTokenise is sentence splitting and tokenisation.
func BenchmarkTokenise(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words, _ := benchDocs(b, e, "segment")
	c0 := cpuNow()
	for b.Loop() {
		for _, d := range docs {
			d.Sentences, d.Tokens = d.Sentences[:0], d.Tokens[:0]
			segment(d)
		}
	}
	reportTokens(b, words, c0)
}

// BenchmarkPOS is part-of-speech tagging.
func BenchmarkPOS(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words, _ := benchDocs(b, e, "pos")
	c0 := cpuNow()
	for b.Loop() {
		for _, d := range docs {
			e.tagPOS(d)
		}
	}
	reportTokens(b, words, c0)
}

// BenchmarkNER is entity mention recognition.
func BenchmarkNER(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words, _ := benchDocs(b, e, "ner")
	c0 := cpuNow()
	for b.Loop() {
		for _, d := range docs {
			d.Mentions = d.Mentions[:0]
			e.recognise(d)
		}
	}
	reportTokens(b, words, c0)
}

// BenchmarkParse is dependency parsing (of the sentences that need it).
func BenchmarkParse(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words, names := benchDocs(b, e, "parse")
	c0 := cpuNow()
	for b.Loop() {
		for i, d := range docs {
			e.parse(d, names[i])
		}
	}
	reportTokens(b, words, c0)
}

// BenchmarkRelations is relation extraction (on resolved entities).
func BenchmarkRelations(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words, _ := benchDocs(b, e, "relations")
	c0 := cpuNow()
	for b.Loop() {
		for _, d := range docs {
			d.Relations, d.CoMentions = d.Relations[:0], d.CoMentions[:0]
			e.relate(d)
		}
	}
	reportTokens(b, words, c0)
}

// BenchmarkResolve is within-document entity resolution.
func BenchmarkResolve(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words, _ := benchDocs(b, e, "resolve")
	orig := make([][]Mention, len(docs))
	for i, d := range docs {
		orig[i] = append([]Mention(nil), d.Mentions...)
	}
	c0 := cpuNow()
	for b.Loop() {
		for i, d := range docs {
			copy(d.Mentions, orig[i])
			d.Entities = d.Entities[:0]
			e.resolve(d)
		}
	}
	reportTokens(b, words, c0)
}
