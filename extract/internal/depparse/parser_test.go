package depparse

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
)

const testFile = "testdata/ewt-test-head.conllu"

// smallParser is a parser trained on the test slice, for tests of the
// machinery (not of accuracy: the embedded model is tested in extract).
var smallParser = sync.OnceValues(func() (*Parser, error) {
	sents, err := ReadCoNLLUFile(testFile)
	if err != nil {
		return nil, err
	}
	o := DefaultTrainOptions()
	o.Epochs = 8
	return Train(context.Background(), sents, o)
})

func TestTrainLearnsAndRoundTrips(t *testing.T) {
	p, err := smallParser()
	if err != nil {
		t.Fatal(err)
	}
	sents, _ := ReadCoNLLUFile(testFile)
	r := Evaluate(p, sents)
	if r.UAS < 0.9 || r.LAS < 0.85 {
		t.Errorf("on its own training data: %s; want UAS >= 0.9, LAS >= 0.85", r)
	}
	var buf bytes.Buffer
	if _, err := p.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	first := bytes.Clone(buf.Bytes())
	q, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if r2 := Evaluate(q, sents); r2.UAS != r.UAS || r2.LAS != r.LAS {
		t.Errorf("reloaded model scores %s, want %s", r2, r)
	}
	// Training is deterministic: the same data and options give the same bytes.
	o := DefaultTrainOptions()
	o.Epochs = 8
	p2, err := Train(context.Background(), sents, o)
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	p2.WriteTo(&buf)
	if !bytes.Equal(first, buf.Bytes()) {
		t.Error("two trainings with the same seed wrote different models")
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	for _, in := range []string{"", "KGXDEP0", "not a model at all", fileMagic + "\x03\x01a"} {
		if _, err := Load(strings.NewReader(in)); err == nil {
			t.Errorf("Load(%q) succeeded", in)
		}
	}
}

func TestTrainCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sents, _ := ReadCoNLLUFile(testFile)
	if _, err := Train(ctx, sents, DefaultTrainOptions()); err != context.Canceled {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

var fuzzTags = []string{"NN", "NNP", "VBD", "VBZ", "DT", "IN", "JJ", ",", ".", "PRP", "CC", "RB", "CD", "XX", ""}

// FuzzParse checks that any words and tags give a single-rooted tree with
// known labels, and that Parse never panics.
func FuzzParse(f *testing.F) {
	f.Add("Sergei Shoigu met Kim Jong Un in Pyongyang .")
	f.Add("")
	f.Add(", , , . . .")
	f.Add("a")
	f.Add(strings.Repeat("the dog ", 100))
	p, err := smallParser()
	if err != nil {
		f.Fatal(err)
	}
	known := map[string]bool{}
	for _, l := range p.Labels() {
		known[l] = true
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Fields(s)
		tags := make([]string, len(words))
		for i, w := range words {
			tags[i] = fuzzTags[int(hashString(w)%uint64(len(fuzzTags)))]
		}
		heads := make([]int, len(words))
		deps := make([]string, len(words))
		p.Parse(words, tags, nil, heads, deps)
		if len(words) == 0 {
			return
		}
		h := make([]int32, len(words)+1)
		h[0] = none
		for i, x := range heads {
			if x < -1 || x >= len(words) {
				t.Fatalf("word %d: head %d out of range", i, x)
			}
			h[i+1] = int32(x + 1)
			if !known[deps[i]] {
				t.Fatalf("word %d: unknown label %q", i, deps[i])
			}
			if (x == -1) != (deps[i] == "root") {
				t.Fatalf("word %d: head %d with label %q", i, x, deps[i])
			}
		}
		if !isTree(h) {
			t.Fatalf("not a single-rooted tree: %v", heads)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	p, err := smallParser()
	if err != nil {
		b.Fatal(err)
	}
	benchParse(b, p)
}

func benchParse(b *testing.B, p *Parser) {
	sents, err := ReadCoNLLUFile(testFile)
	if err != nil {
		b.Fatal(err)
	}
	heads := make([]int, 1000)
	deps := make([]string, 1000)
	words := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := &sents[i%len(sents)]
		p.Parse(s.Words, s.XPOS, s.UPOS, heads[:s.Len()], deps[:s.Len()])
		words += s.Len()
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
}
