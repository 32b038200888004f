package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgx-project/kgx/extract/internal/depparse"
)

const depTestFile = "internal/depparse/testdata/ewt-test-head.conllu"

// TestEmbeddedParserAccuracy checks the embedded parser on the first 120
// sentences of EWT test (never trained on) with gold tags. The full test
// set scores are in BENCHMARKS.md; this slice scores close to them.
func TestEmbeddedParserAccuracy(t *testing.T) {
	s, err := EvalDep(context.Background(), depTestFile, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if s.UAS < 0.85 || s.LAS < 0.82 {
		t.Errorf("%s; want UAS >= 0.85 and LAS >= 0.82", s)
	}
	t.Log(s)
}

func TestEvalDepErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.conllu")
	os.WriteFile(bad, []byte("1\tI\n"), 0o644)
	if _, err := EvalDep(context.Background(), bad, nil, false); err == nil {
		t.Error("malformed CoNLL-U accepted")
	}
	if _, err := EvalDep(context.Background(), filepath.Join(dir, "missing.conllu"), nil, false); err == nil {
		t.Error("missing file accepted")
	}
	if _, err := EvalDep(context.Background(), depTestFile, []byte("not a model"), false); err == nil {
		t.Error("bad model accepted")
	}
}

// TestParseStage checks that the pipeline gives every sentence one tree:
// one root, heads inside the sentence, no cycles, a label on every token.
func TestParseStage(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := e.Extract(context.Background(), Input{Text: "Russian Security Council Secretary Sergei Shoigu met Kim Jong Un in Pyongyang on Wednesday. " +
		"Kim thanked Putin for his letter, state media said. North Korea sent troops to Russia's Kursk region."})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Sentences) == 0 {
		t.Fatal("no sentences")
	}
	for si, s := range doc.Sentences {
		roots := 0
		for i := s.First; i < s.End; i++ {
			tok := doc.Tokens[i]
			if tok.Dep == "" {
				t.Errorf("sentence %d token %d %q: no label", si, i, doc.Slice(tok.Span))
			}
			if tok.Head == -1 {
				roots++
				continue
			}
			if tok.Head < s.First || tok.Head >= s.End || tok.Head == i {
				t.Fatalf("sentence %d token %d: head %d outside [%d,%d)", si, i, tok.Head, s.First, s.End)
			}
			k, steps := i, 0
			for k != -1 && steps <= s.End-s.First {
				k, steps = doc.Tokens[k].Head, steps+1
			}
			if k != -1 {
				t.Fatalf("sentence %d token %d: cycle", si, i)
			}
		}
		if roots != 1 {
			t.Errorf("sentence %d: %d roots, want 1", si, roots)
		}
	}
	// "Sergei Shoigu met Kim Jong Un": met is the root, Sergei (the head of
	// the name, Shoigu being flat under it) its subject, Kim its object.
	want := map[string][2]string{"met": {"root", ""}, "Sergei": {"nsubj", "met"}, "Shoigu": {"flat", "Sergei"}, "Kim": {"obj", "met"}}
	checkArcs(t, doc, doc.Tokens[doc.Sentences[0].First:doc.Sentences[0].End], want)
}

// checkArcs checks the relation and head word of the tokens whose text is
// a key of want (want[text] = {dep, head text}, head "" for the root).
func checkArcs(t *testing.T, doc *Document, toks []Token, want map[string][2]string) {
	t.Helper()
	for _, tok := range toks {
		w, ok := want[doc.Slice(tok.Span)]
		if !ok {
			continue
		}
		head := ""
		if tok.Head >= 0 {
			head = doc.Slice(doc.Tokens[tok.Head].Span)
		}
		if tok.Dep != w[0] || head != w[1] {
			t.Errorf("%s: %s of %q, want %s of %q", doc.Slice(tok.Span), tok.Dep, head, w[0], w[1])
		}
	}
}

// BenchmarkParserGoldTags measures the embedded parser alone (gold tags,
// one goroutine) on the EWT test slice; words/s is the figure in
// BENCHMARKS.md.
func BenchmarkParserGoldTags(b *testing.B) {
	p, err := loadParser()
	if err != nil {
		b.Fatal(err)
	}
	sents, err := depparse.ReadCoNLLUFile(depTestFile)
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
