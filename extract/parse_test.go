package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
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

// TestNeedsParse checks which sentences the parser skips: those without
// two argument mentions of different entities (dates and unresolved
// mentions do not count) and without an event noun after their first
// word.
func TestNeedsParse(t *testing.T) {
	type ment struct {
		first, end int
		typ        EntityType
		entity     int
	}
	tests := []struct {
		name  string
		words string // space-separated word/UPOS pairs
		ments []ment
		want  bool
	}{
		{"no mentions", "The/DET weather/NOUN was/AUX cold/ADJ ./PUNCT", nil, false},
		{"one mention", "Putin/PROPN spoke/VERB ./PUNCT", []ment{{0, 1, Person, 0}}, false},
		{"two mentions", "Shoigu/PROPN met/VERB Kim/PROPN ./PUNCT", []ment{{0, 1, Person, 0}, {2, 3, Person, 1}}, true},
		{"same entity twice", "Kim/PROPN met/VERB Kim/PROPN ./PUNCT", []ment{{0, 1, Person, 0}, {2, 3, Person, 0}}, false},
		{"two names apart, nothing to read", "Putin/PROPN looked/VERB tired/ADJ ,/PUNCT and/CCONJ so/ADV did/AUX Kim/PROPN", []ment{{0, 1, Person, 0}, {7, 8, Person, 1}}, false},
		{"two names apart, a trigger", "Putin/PROPN looked/VERB tired/ADJ and/CCONJ then/ADV thanked/VERB the/DET Kim/PROPN", []ment{{0, 1, Person, 0}, {7, 8, Person, 1}}, true},
		{"two names apart, a title", "Putin/PROPN looked/VERB tired/ADJ ,/PUNCT as/ADP did/AUX leader/NOUN Kim/PROPN", []ment{{0, 1, Person, 0}, {7, 8, Person, 1}}, true},
		{"same entity twice, then another", "Kim/PROPN met/VERB Kim/PROPN and/CCONJ Putin/PROPN", []ment{{0, 1, Person, 0}, {2, 3, Person, 0}, {4, 5, Person, 1}}, true},
		{"mention and date", "Putin/PROPN spoke/VERB on/ADP Monday/PROPN", []ment{{0, 1, Person, 0}, {3, 4, Date, 1}}, false},
		{"unresolved mention", "Putin/PROPN met/VERB him/PRON", []ment{{0, 1, Person, 0}, {2, 3, Person, -1}}, false},
		{"event noun", "Crowds/NOUN watched/VERB the/DET parade/NOUN", nil, true},
		{"event noun capitalised", "Leaders/NOUN left/VERB the/DET Summit/PROPN", nil, true},
		{"event word as verb", "Crowds/NOUN parade/VERB", nil, false},
		{"event noun first", "Talks/NOUN ended/VERB ./PUNCT", nil, false},
		{"mention in the next sentence", "Putin/PROPN spoke/VERB ./PUNCT", []ment{{0, 1, Person, 0}, {3, 4, GPE, 1}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &Document{}
			var sb strings.Builder
			for i, wt := range strings.Fields(tt.words) {
				w, tag, _ := strings.Cut(wt, "/")
				if i > 0 {
					sb.WriteByte(' ')
				}
				start := sb.Len()
				sb.WriteString(w)
				doc.Tokens = append(doc.Tokens, Token{Span: Span{start, sb.Len()}, Tag: tag, Head: -1})
			}
			n := len(doc.Tokens)
			doc.Tokens = append(doc.Tokens, Token{Span: Span{sb.Len(), sb.Len()}, Head: -1}) // the next sentence
			doc.Text = sb.String()
			for _, m := range tt.ments {
				doc.Mentions = append(doc.Mentions, Mention{First: m.first, End: m.end, Type: m.typ, Entity: m.entity})
			}
			s := Sentence{Span: Span{0, len(doc.Text)}, First: 0, End: n}
			if got := needsParse(doc, s, doc.Mentions, nil, nil); got != tt.want {
				t.Errorf("needsParse(%q) = %v, want %v", tt.words, got, tt.want)
			}
		})
	}
}

// TestParseSkipsSentences checks the pipeline parses a sentence that can
// yield a relation and leaves one that cannot unparsed.
func TestParseSkipsSentences(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := e.Extract(context.Background(), Input{Text: "Sergei Shoigu met Kim Jong Un in Pyongyang on Wednesday. " +
		"The weather was cold."})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Sentences) != 2 {
		t.Fatalf("%d sentences, want 2", len(doc.Sentences))
	}
	for i, want := range []bool{true, false} {
		s := doc.Sentences[i]
		parsed := false
		for _, tok := range doc.Tokens[s.First:s.End] {
			parsed = parsed || tok.Dep != ""
		}
		if parsed != want {
			t.Errorf("sentence %d %q: parsed %v, want %v", i, doc.Slice(s.Span), parsed, want)
		}
	}
	if len(doc.Relations) == 0 {
		t.Error("no relation from the parsed sentence")
	}
}

func TestPronounAntecedents(t *testing.T) {
	ex, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"Sergei Shoigu arrived in Pyongyang. He met Kim Jong Un on Friday.", "He=Sergei Shoigu"},
		{"Choe Son Hui travelled to Moscow, where she met Vladimir Putin.", "she=Choe Son Hui"},
		{"Sergei Shoigu arrived. The visit was short. It rained. He left.", "He=Sergei Shoigu"},
		{"Sergei Shoigu arrived. The visit was short. It rained. Talks ended. He left.", ""}, // too far back
		{"He met Kim Jong Un.", ""},        // no one before
		{"Moscow said he would come.", ""}, // a place is no antecedent
		{"Kim Jong Un said he would stand with Russia.", "he=Kim Jong Un"},
		{"Sergei Shoigu arrived. Kim Jong Un welcomed him.", "him=Sergei Shoigu"},                               // not the subject
		{"Kim Jong Un said Vladimir Putin had invited him.", "him=Kim Jong Un"},                                 // the parse's subject
		{"Sergei Shoigu arrived. He thanked her.", "He=Sergei Shoigu"},                                          // only the subject before
		{"Choe Son Hui arrived. Sergei Lavrov praised her work.", ""},                                           // a possessive
		{"Sergei Shoigu arrived. He said Vladimir Putin would meet him.", "He=Sergei Shoigu him=Sergei Shoigu"}, // a pronoun names too
	} {
		doc, err := ex.Extract(context.Background(), Input{Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		ante := pronounAntecedents(doc)
		for tok := range doc.Tokens {
			if e, ok := ante[tok]; ok {
				got = append(got, doc.Slice(doc.Tokens[tok].Span)+"="+doc.Entities[e].Name)
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q: %q, want %q", tc.text, g, tc.want)
		}
	}
}
