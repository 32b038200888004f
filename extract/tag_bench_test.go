package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kgx-project/kgx/extract/internal/gazetteer"
	kgxmodels "github.com/kgx-project/kgx/extract/models"
)

// newsDocs reads the committed news articles, segmented into tokens.
func newsDocs(tb testing.TB) []*Document {
	tb.Helper()
	files, err := filepath.Glob("../testdata/news/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no news files: %v", err)
	}
	var docs []*Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		doc := &Document{Text: string(b), Body: []Span{{0, len(b)}}}
		segment(doc)
		docs = append(docs, doc)
	}
	return docs
}

func countTokens(docs []*Document) int {
	n := 0
	for _, d := range docs {
		n += len(d.Tokens)
	}
	return n
}

// BenchmarkTagKGX measures kgx's tokenise + POS + NER on the news
// articles in testdata/news; it reports tokens per second.
func BenchmarkTagKGX(b *testing.B) {
	// NoRelations: tagging needs no parser, whose loading New would
	// otherwise start on another goroutine, inside the timed loop under
	// GOMAXPROCS=1.
	e, err := New(WithMode(NoRelations))
	if err != nil {
		b.Fatal(err)
	}
	docs := newsDocs(b)
	n := countTokens(docs)
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			doc := &Document{Text: d.Text, Body: d.Body}
			segment(doc)
			e.tagPOS(doc)
			e.recognise(doc)
		}
	}
	reportRates(b, n, cpuTime()-cpu0)
}

// BenchmarkTagProse measures prose v2's default model (tagging and NER,
// per sentence, on kgx's tokens) on the same articles.
func BenchmarkTagProse(b *testing.B) {
	docs := newsDocs(b)
	n := countTokens(docs)
	proseModel() // decode the model outside the timer, as kgx's are
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			doc := &Document{Text: d.Text, Body: d.Body}
			segment(doc)
			for _, s := range doc.Sentences {
				proseTagSentence(sentenceWords(doc, s))
			}
		}
	}
	reportRates(b, n, cpuTime()-cpu0)
}

func reportRates(b *testing.B, tokens int, cpu time.Duration) {
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(tokens*b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkLoadModels measures decoding all embedded models, the
// gazetteer included (done once per process).
func BenchmarkLoadModels(b *testing.B) {
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := decodeModels(modelsPOS(), modelsNER()); err != nil {
			b.Fatal(err)
		}
		if _, err := gazetteer.Read(bytes.NewReader(kgxmodels.Gazetteer)); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}
