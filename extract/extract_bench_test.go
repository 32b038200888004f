package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
// the stage named by upto: "segment", "pos", "ner", "parse", "resolve",
// "relations" or "" (everything).
func benchDocs(b *testing.B, e *Extractor, upto string) (docs []*Document, words int) {
	b.Helper()
	files, err := filepath.Glob("../testdata/news/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no seed articles: %v", err)
	}
	stages := []struct {
		name string
		run  func(*Document)
	}{
		{"segment", segment}, {"pos", e.tagPOS}, {"ner", e.recognise}, {"parse", e.parse},
		{"resolve", e.resolve}, {"relations", e.relate},
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text := string(raw)
		words += len(strings.Fields(text))
		doc := &Document{ID: Hash(text), Text: text}
		clean(doc)
		for _, s := range stages {
			if s.name == upto {
				break
			}
			s.run(doc)
		}
		docs = append(docs, doc)
	}
	return docs, words
}

func newBenchExtractor(b *testing.B) *Extractor {
	b.Helper()
	e, err := New()
	if err != nil {
		b.Fatal(err)
	}
	return e
}

func reportTokens(b *testing.B, words int) {
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkExtract is the whole pipeline, one goroutine.
func BenchmarkExtract(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words := benchDocs(b, e, "segment")
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if _, err := e.Extract(ctx, Input{Text: d.Text}); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportTokens(b, words)
}

// BenchmarkExtractParallel is the whole pipeline on GOMAXPROCS goroutines
// sharing one Extractor.
func BenchmarkExtractParallel(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words := benchDocs(b, e, "segment")
	ctx := context.Background()
	b.ResetTimer()
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
	reportTokens(b, words)
}

// BenchmarkClean is boilerplate removal.
func BenchmarkClean(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words := benchDocs(b, e, "segment")
	for b.Loop() {
		for _, d := range docs {
			clean(&Document{Text: d.Text})
		}
	}
	reportTokens(b, words)
}

// BenchmarkTokenise is sentence splitting and tokenisation.
func BenchmarkTokenise(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words := benchDocs(b, e, "segment")
	for b.Loop() {
		for _, d := range docs {
			d.Sentences, d.Tokens = d.Sentences[:0], d.Tokens[:0]
			segment(d)
		}
	}
	reportTokens(b, words)
}

// BenchmarkPOS is part-of-speech tagging.
func BenchmarkPOS(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words := benchDocs(b, e, "pos")
	for b.Loop() {
		for _, d := range docs {
			e.tagPOS(d)
		}
	}
	reportTokens(b, words)
}

// BenchmarkNER is entity mention recognition.
func BenchmarkNER(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words := benchDocs(b, e, "ner")
	for b.Loop() {
		for _, d := range docs {
			d.Mentions = d.Mentions[:0]
			e.recognise(d)
		}
	}
	reportTokens(b, words)
}

// BenchmarkParse is dependency parsing.
func BenchmarkParse(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words := benchDocs(b, e, "parse")
	for b.Loop() {
		for _, d := range docs {
			e.parse(d)
		}
	}
	reportTokens(b, words)
}

// BenchmarkRelations is relation extraction (on resolved entities).
func BenchmarkRelations(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words := benchDocs(b, e, "relations")
	for b.Loop() {
		for _, d := range docs {
			d.Relations, d.CoMentions = d.Relations[:0], d.CoMentions[:0]
			e.relate(d)
		}
	}
	reportTokens(b, words)
}

// BenchmarkResolve is within-document entity resolution.
func BenchmarkResolve(b *testing.B) {
	e := newBenchExtractor(b)
	docs, words := benchDocs(b, e, "resolve")
	orig := make([][]Mention, len(docs))
	for i, d := range docs {
		orig[i] = append([]Mention(nil), d.Mentions...)
	}
	for b.Loop() {
		for i, d := range docs {
			copy(d.Mentions, orig[i])
			d.Entities = d.Entities[:0]
			e.resolve(d)
		}
	}
	reportTokens(b, words)
}
