package tagger

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgx-project/kgx/extract/internal/gazetteer"
)

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Shoigu met Kim.", "Shoigu|met|Kim|."},
		{"Russia’s troops didn’t go", "Russia|’s|troops|did|n’t|go"},
		{"He can't, won't.", "He|ca|n't|,|wo|n't|."},
		{"“We agree,” he said—then left…", "“|We|agree|,|”|he|said|—|then|left|…"},
		{"the U.S. and Gen. J. Smith", "the|U.S.|and|Gen.|J.|Smith"},
		{"Kim Jong-un paid $1,200.50 (about 3.5%).", "Kim|Jong-un|paid|$|1,200.50|(|about|3.5|%|)|."},
		{"see https://example.org/a?b=c, or mail a@b.org.", "see|https://example.org/a?b=c|,|or|mail|a@b.org|."},
		{"Sergej Šojgu und Zoë O'Brien", "Sergej|Šojgu|und|Zoë|O'Brien"},
		{"wait... what?!", "wait|...|what|?|!"},
		{"#Ukraine @UN", "#Ukraine|@UN"},
		{"OPEC+ agreed; G7+ and C++ and A+B", "OPEC+|agreed|;|G7+|and|C|+|+|and|A+B"},
		{"", ""},
	}
	for _, tt := range tests {
		toks := Tokenize(nil, tt.in, 0, len(tt.in))
		var got []string
		prev := 0
		for _, tk := range toks {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(tt.in) {
				t.Fatalf("%q: bad token %v after %d", tt.in, tk, prev)
			}
			if !utf8.RuneStart(tt.in[tk.Start]) || (tk.End < len(tt.in) && !utf8.RuneStart(tt.in[tk.End])) {
				t.Fatalf("%q: token %v not on rune boundaries", tt.in, tk)
			}
			prev = tk.End
			got = append(got, tt.in[tk.Start:tk.End])
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, g, tt.want)
		}
	}
}

func TestTokenizeRange(t *testing.T) {
	text := "skip this. Only “these” words. skip"
	s, e := strings.Index(text, "Only"), strings.Index(text, " skip")
	for _, tk := range Tokenize(nil, text, s, e) {
		if tk.Start < s || tk.End > e {
			t.Fatalf("token %v crosses [%d,%d)", tk, s, e)
		}
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Shoigu met Kim. They talked.", []string{"Shoigu met Kim.", "They talked."}},
		{"Gen. Kim spoke in the U.S. capital. He left.", []string{"Gen. Kim spoke in the U.S. capital.", "He left."}},
		{"He said “we agree.” Then he left.", []string{"He said “we agree.”", "Then he left."}},
		{"Russia and Korea sign pact\nMOSCOW — The two sides met.", []string{"Russia and Korea sign pact", "MOSCOW — The two sides met."}},
		{"A list:\n\nfirst item", []string{"A list:", "first item"}},
		{"it was 5 p.m. there", []string{"it was 5 p.m. there"}},
	}
	for _, tt := range tests {
		toks := Tokenize(nil, tt.in, 0, len(tt.in))
		var got []string
		for _, s := range SplitSentences(tt.in, toks) {
			got = append(got, tt.in[toks[s.First].Start:toks[s.End-1].End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestBIOSpans(t *testing.T) {
	tags := []string{"B-PER", "I-PER", "I-ORG", "O", "I-LOC", "I-LOC", "B-LOC", "B-LOC"}
	got := BIOSpans(tags)
	want := []Span{{0, 2, "PER"}, {2, 3, "ORG"}, {4, 6, "LOC"}, {6, 7, "LOC"}, {7, 8, "LOC"}}
	if !slices.Equal(got, want) {
		t.Errorf("BIOSpans = %v, want %v", got, want)
	}
}

func TestScore(t *testing.T) {
	s := NewScore()
	s.Add([]string{"B-PERSON", "I-PERSON", "O", "B-GPE"}, []string{"B-PERSON", "O", "O", "B-GPE"})
	s.Add([]string{"B-ORG", "O"}, []string{"B-ORG", "B-LOC"})
	tot := s.Total()
	if tot.Gold != 3 || tot.Pred != 4 || tot.Correct != 2 {
		t.Fatalf("totals %+v, want gold 3 pred 4 correct 2", tot)
	}
	var b bytes.Buffer
	if err := s.Write(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if !strings.HasPrefix(lines[len(lines)-1], "micro") || !strings.Contains(lines[len(lines)-1], "0.5714") {
		t.Errorf("last line %q, want micro F1 0.5714", lines[len(lines)-1])
	}
	p := NewScore()
	p.Map = func(t string) string {
		if t == "GPE" || t == "LOC" {
			return "PLACE"
		}
		return ""
	}
	p.Add([]string{"B-GPE", "O", "B-PERSON"}, []string{"B-LOC", "O", "B-PERSON"})
	if c := p.ByType["PLACE"]; c == nil || c.Correct != 1 || len(p.ByType) != 1 {
		t.Errorf("merged PLACE counts %+v (types %v)", c, Sorted(p.ByType))
	}
}

func TestReadColumns(t *testing.T) {
	in := "-DOCSTART- O\n\nJohn I-PER\nSmith I-PER\nvisited O\nParis I-LOC\n\n-DOCSTART- O\n\nIBM I-ORG\n"
	docs, err := readColumns(strings.NewReader(in), "x", "wikigold", 0, -1)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sents) != 1 || len(docs[1].Sents) != 1 {
		t.Fatalf("got %d docs: %+v", len(docs), docs)
	}
	want := []RawSpan{{0, 2, "PER"}, {3, 4, "LOC"}}
	if !slices.Equal(docs[0].Sents[0].Spans, want) {
		t.Errorf("spans %v, want %v", docs[0].Sents[0].Spans, want)
	}
	if _, err := readColumns(strings.NewReader("lonely\n"), "bad.conll", "x", 0, -1); err == nil || !strings.Contains(err.Error(), "bad.conll:1") {
		t.Errorf("want an error naming bad.conll:1, got %v", err)
	}
}

func TestGUMNamed(t *testing.T) {
	// "the President of the United States visited Moscow": GUM marks the
	// whole person mention (head President, a PROPN) and the nested places.
	s := Sentence{
		Words: []string{"the", "President", "of", "the", "United", "States", "visited", "Moscow"},
		UPOS:  []string{"DET", "PROPN", "ADP", "DET", "PROPN", "PROPN", "VERB", "PROPN"},
	}
	heads := []int{1, 6, 5, 5, 5, 1, -1, 6}
	misc := []string{"Entity=(1-person-new", "_", "_", "Entity=(2-place-new", "_", "Entity=2)1)", "_", "Entity=(3-place-new-x-y-z-Moscow)"}
	got := gumNamed(s, heads, misc)
	want := []RawSpan{{1, 6, "person"}, {7, 8, "place"}}
	if !slices.Equal(got, want) {
		t.Fatalf("gumNamed = %v, want %v", got, want)
	}
	gaz := testGazetteer(t)
	s.Spans = got
	MapLabels("gum", &s, gaz)
	wantNER := []string{"O", "?", "?", "?", "?", "?", "O", "B-GPE"}
	if !slices.Equal(s.NER, wantNER) {
		t.Errorf("MapLabels = %v, want %v (a title is not a name)", s.NER, wantNER)
	}
}

func TestMapLabels(t *testing.T) {
	gaz := testGazetteer(t)
	tests := []struct {
		corpus string
		words  []string
		spans  []RawSpan
		want   string
	}{
		{"redocred", []string{"the", "German", "army", "entered", "the", "United", "States"},
			[]RawSpan{{1, 2, "LOC"}, {4, 7, "LOC"}}, "O B-NORP O O O B-GPE I-GPE"},
		{"wikigold", []string{"Olympics", "in", "Sahara", "by", "French"},
			[]RawSpan{{0, 1, "MISC"}, {2, 3, "LOC"}, {4, 5, "MISC"}}, "B-EVENT O B-LOC O B-NORP"},
		{"redocred", []string{"the", "Finnish", "war", "ended"},
			[]RawSpan{{1, 3, "MISC"}}, "O ? ? O"},
		{"redocred", []string{"Windows", "runs", "on", "PlayStation", "2"},
			[]RawSpan{{0, 1, "MISC"}, {3, 5, "MISC"}}, "O O O O O"},
		{"gum", []string{"Eegimaa", "is", "spoken"},
			[]RawSpan{{0, 1, "abstract"}}, "O O O"},
		{"re3d", []string{"President", "Vladimir", "Putin", "said"},
			[]RawSpan{{0, 3, "Person"}}, "O B-PERSON I-PERSON O"},
		{"uner", []string{"American", "officials", "met", "IBM"},
			[]RawSpan{{3, 4, "ORG"}}, "B-NORP O O B-ORG"},
		{"re3d", []string{"10", "tanks"}, []RawSpan{{0, 2, "Weapon"}}, "O O"},
		{"re3d", []string{"Unknown", "thing"}, []RawSpan{{0, 2, "NoSuchType"}}, "? ?"},
	}
	for _, tt := range tests {
		s := Sentence{Words: tt.words, Spans: tt.spans}
		MapLabels(tt.corpus, &s, gaz)
		if got := strings.Join(s.NER, " "); got != tt.want {
			t.Errorf("%s %v: got %s, want %s", tt.corpus, tt.words, got, tt.want)
		}
	}
}

func testGazetteer(t *testing.T) *gazetteer.Gazetteer {
	t.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestViterbiRespectsBIO(t *testing.T) {
	k := len(NERClasses())
	rng := rand.New(rand.NewPCG(1, 2))
	sc := new(scratch)
	for range 200 {
		n := 1 + rng.IntN(12)
		emit := make([]float32, n*k)
		for i := range emit {
			emit[i] = rng.Float32()*10 - 5
		}
		trans := make([][]float32, k+1)
		for p := range trans {
			trans[p] = make([]float32, k)
			for c := range trans[p] {
				trans[p][c] = rng.Float32()*4 - 2
			}
		}
		out := make([]int, n)
		prob := make([]float32, n)
		viterbi(emit, trans, n, k, out, prob, sc)
		for i, c := range out {
			p := -1
			if i > 0 {
				p = out[i-1]
			}
			if !allowed(p, c) {
				t.Fatalf("class %d after %d violates BIO: %v", c, p, out)
			}
			if prob[i] < 0 || prob[i] > 1 {
				t.Fatalf("probability %v out of [0,1]", prob[i])
			}
		}
	}
}

// tinyDocs is a small labelled corpus for training round trips.
func tinyDocs() []Doc {
	mk := func(words, upos, ner string) Sentence {
		w := strings.Fields(words)
		u := strings.Fields(upos)
		x := make([]string, len(u))
		copy(x, u)
		return Sentence{Words: w, UPOS: u, XPOS: x, NER: strings.Fields(ner)}
	}
	s := []Sentence{
		mk("Putin visited Paris today", "PROPN VERB PROPN NOUN", "B-PERSON O B-GPE O"),
		mk("Merkel met Putin in Berlin", "PROPN VERB PROPN ADP PROPN", "B-PERSON O B-PERSON O B-GPE"),
		mk("the United Nations said no", "DET PROPN PROPN VERB INTJ", "O B-ORG I-ORG O O"),
		mk("Macron flew to Rome", "PROPN VERB ADP PROPN", "B-PERSON O O B-GPE"),
	}
	return []Doc{{Corpus: "test", ID: "t", Sents: s}}
}

func TestTrainAndRoundTrip(t *testing.T) {
	docs := tinyDocs()
	ctx := context.Background()
	pm, err := TrainPOS(ctx, docs, TrainOptions{Epochs: 5, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	nm, err := TrainNER(ctx, docs, nil, nil, TrainOptions{Epochs: 10, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []*Model{pm, nm} {
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		data := b.Bytes()
		m2, err := Read(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", m.Kind, err)
		}
		if !slices.Equal(m.Classes, m2.Classes) || m2.P.Features() != m.P.Features() {
			t.Fatalf("%s model changed in a round trip", m.Kind)
		}
		// The header's template version (after the magic and the hash
		// id) is the model kind's own: a file of the other version fails.
		if v := int(data[len(fileMagic)+1+len(hashID)]); v != version(m.Kind) {
			t.Fatalf("%s model written with template version %d, want %d", m.Kind, v, version(m.Kind))
		}
		other := bytes.Clone(data)
		other[len(fileMagic)+1+len(hashID)] ^= 7
		if _, err := Read(bytes.NewReader(other)); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: a file of another template version read with err %v, want ErrFormat", m.Kind, err)
		}
		for _, cut := range []int{0, 5, len(data) / 2, len(data) - 1} {
			if _, err := Read(bytes.NewReader(data[:cut])); err == nil {
				t.Errorf("%s: reading %d of %d bytes succeeded", m.Kind, cut, len(data))
			}
		}
	}
	words := []string{"Merkel", "visited", "Rome"}
	out := make([]int, 3)
	nm.TagNER(words, []string{"PROPN", "VERB", "PROPN"}, nil, out, nil)
	var got []string
	for _, c := range out {
		got = append(got, nm.Classes[c])
	}
	if strings.Join(got, " ") != "B-PERSON O B-GPE" {
		t.Errorf("tiny model tags %v", got)
	}
}

func TestTagDocConsistency(t *testing.T) {
	docs := tinyDocs()
	nm, err := TrainNER(context.Background(), docs, nil, nil, TrainOptions{Epochs: 10, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	words := [][]string{{"Merkel", "met", "Putin", "in", "Berlin"}, {"Merkel", "Putin"}}
	pos := [][]string{{"PROPN", "VERB", "PROPN", "ADP", "PROPN"}, {"PROPN", "PROPN"}}
	res := nm.TagDoc(words, pos, nil)
	for s := range words {
		for _, m := range SentMentions(s, res.Classes[s], res.Prob[s]) {
			if m.Score < 0 || m.Score > 1 {
				t.Errorf("score %v out of [0,1]", m.Score)
			}
		}
	}
	if len(res.Classes) != 2 || len(res.Classes[1]) != 2 {
		t.Fatalf("shape %v", res.Classes)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Shoigu met Kim.", "“U.S.” — n’t", "a\u00a0b\tc", "e-mail: x@y.z!", "...", "'90s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(nil, s, 0, len(s))
		prev := 0
		for _, tk := range toks {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("bad token %v after %d in %q", tk, prev, s)
			}
			prev = tk.End
		}
		for _, r := range SplitSentences(s, toks) {
			if r.First >= r.End || r.End > len(toks) {
				t.Fatalf("bad sentence %v", r)
			}
		}
	})
}

func TestNormDigits(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"Putin", "Putin"},
		{"2025", "0000"},
		{"0", "0"},
		{"100km", "000km"},
		{"F-16s", "F-00s"},
		{"٣", "٣"}, // only ASCII digits
		{"x9", "x0"},
	} {
		if got := normDigits(tt.in); got != tt.want {
			t.Errorf("normDigits(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWordShape(t *testing.T) {
	for _, tt := range []struct{ in, shape, short string }{
		{"", "", ""},
		{"Putin", "Xxxxx", "Xx"},
		{"Shoigu", "Xxxxx", "Xx"},
		{"NATO", "XXXX", "X"},
		{"KCNA-run", "XXXX-xxx", "X-x"},
		{"2025", "dddd", "d"},
		{"F-16s", "X-ddx", "X-dx"},
		{"U.S.", "X.X.", "X.X."},
		{"Ünal", "Xxxx", "Xx"},
		{"ABCDEFxyz1", "XXXXxxxd", "Xxd"},
		{",", ",", ","},
	} {
		shape, short := wordShape(tt.in)
		if shape != tt.shape || short != tt.short {
			t.Errorf("wordShape(%q) = %q, %q; want %q, %q", tt.in, shape, short, tt.shape, tt.short)
		}
	}
}
