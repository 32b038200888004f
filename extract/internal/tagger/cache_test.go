package tagger

import (
	"bytes"
	"context"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kgx-project/kgx/extract/internal/gazetteer"
	"github.com/kgx-project/kgx/extract/internal/perceptron"
	kgxmodels "github.com/kgx-project/kgx/extract/models"
)

// cacheSentences exercise the word cache: an all-caps headline, repeated
// words, one word in capitals both in a headline and in running text, digits
// (normalised to 0), curly quotes, a one-word sentence.
var cacheSentences = []string{
	"RUSSIA'S SHOIGU MEETS KIM JONG UN IN PYONGYANG",
	"Shoigu met Kim Jong Un in Pyongyang on Wednesday .",
	"Paris Hilton visited Paris , and Paris loved Paris Hilton in Paris .",
	"PARIS ATTACK KILLS THREE AS POLICE HUNT GUNMEN",
	"He flew to PARIS on Monday and back from Paris on Friday .",
	"In 1999 and 2024 , 3,000 troops and 12 ships left the U.S. base .",
	"“ Putin’s ” aides said the Kremlin ’s talks with NATO had stalled .",
	"Hello",
	"the the the the the",
}

// loadModels decodes the embedded POS and NER models and the gazetteer.
func loadModels(t *testing.T) (pm, nm *Model, gaz *gazetteer.Gazetteer) {
	t.Helper()
	pm, err := Decode(kgxmodels.POS)
	if err != nil {
		t.Fatalf("pos model: %v", err)
	}
	nm, err = Decode(kgxmodels.NER)
	if err != nil {
		t.Fatalf("ner model: %v", err)
	}
	gaz, err = gazetteer.Read(bytes.NewReader(kgxmodels.Gazetteer))
	if err != nil {
		t.Fatalf("gazetteer: %v", err)
	}
	return pm, nm, gaz
}

// uncachedPOS tags words as TagPOS did before the word cache, returning
// the classes and each word's scores (nil for a dictionary word).
func uncachedPOS(m *Model, words []string) ([]int, [][]float32) {
	infos := make([]tokInfo, len(words))
	prepare(infos, words, nil)
	out := make([]int, len(words))
	scores := make([][]float32, len(words))
	p1, p2 := "<s>", "<s>"
	for i, w := range words {
		c, ok := m.Dict[w]
		if !ok {
			s := make([]float32, len(m.Classes))
			m.P.Score(posFeatures(nil, infos, i, p1, p2), s)
			scores[i] = s
			c = perceptron.Argmax(s)
		}
		out[i] = c
		p2, p1 = p1, m.Classes[c]
	}
	return out, scores
}

// cachedPOSScores returns the scores TagPOS computes from sc's cache for
// word i of words, given the previous tags.
func cachedPOSScores(m *Model, sc *scratch, words []string, i int, p1, p2 string) []float32 {
	c := &sc.pos
	s := slices.Clone(c.static(sc.ents[i]))
	m.P.Score(posContext(nil, sc.infos, i, p1, p2), s)
	return s
}

func sameBits(a, b []float32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float32bits(a[i]) != math.Float32bits(b[i]) {
			return false
		}
	}
	return true
}

// TestWordCacheIdentical checks that tagging through the word cache, cold
// or warm, gives bit-identical scores and the same tags as scoring every
// feature of every word.
func TestWordCacheIdentical(t *testing.T) {
	pm, nm, gaz := loadModels(t)
	warm := new(scratch)
	for _, pass := range []string{"cold", "warm"} {
		for _, text := range cacheSentences {
			words := strings.Fields(text)
			sc := warm
			if pass == "cold" {
				sc = new(scratch)
			}

			// POS: same tags, and the same scores for every word
			// the dictionary does not tag.
			want, wantScores := uncachedPOS(pm, words)
			got := make([]int, len(words))
			pm.tagPOS(sc, words, nil, got)
			if !slices.Equal(got, want) {
				t.Errorf("%s POS %q: tags %v, want %v", pass, text, got, want)
			}
			p1, p2 := "<s>", "<s>"
			for i := range words {
				if wantScores[i] != nil {
					if s := cachedPOSScores(pm, sc, words, i, p1, p2); !sameBits(s, wantScores[i]) {
						t.Errorf("%s POS %q word %d: scores %v, want %v", pass, text, i, s, wantScores[i])
					}
				}
				p2, p1 = p1, pm.Classes[want[i]]
			}

			// NER: the same emission scores, bit for bit.
			upos := make([]string, len(words))
			for i, c := range want {
				upos[i], _ = SplitPOS(pm.Classes[c])
			}
			k := len(nm.Classes)
			ref := new(scratch)
			emissions(nm.P, ref, words, upos, gaz, nm.Lower, k)
			nm.cachedEmissions(sc, words, upos, gaz, false)
			if !sameBits(sc.emit[:len(words)*k], ref.emit[:len(words)*k]) {
				t.Errorf("%s NER %q: emissions differ", pass, text)
			}
		}
	}
	if n := len(warm.ner.entries); n >= 2*len(strings.Fields(strings.Join(cacheSentences, " "))) {
		t.Errorf("warm NER cache holds %d entries: repeated words are not shared", n)
	}
}

// TestWordCacheOwner checks that a scratch moving between models (and
// gazetteers) does not score one with another's cached entries.
func TestWordCacheOwner(t *testing.T) {
	_, nm, gaz := loadModels(t)
	tiny, err := TrainNER(context.Background(), tinyDocs(), nil, nil, TrainOptions{Epochs: 10, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Merkel", "visited", "Rome", "and", "Paris"}
	upos := []string{"PROPN", "VERB", "PROPN", "CCONJ", "PROPN"}
	sc := new(scratch)
	for _, step := range []struct {
		m   *Model
		gaz *gazetteer.Gazetteer
	}{{nm, gaz}, {tiny, nil}, {nm, nil}, {nm, gaz}, {tiny, gaz}} {
		k := len(step.m.Classes)
		ref := new(scratch)
		emissions(step.m.P, ref, words, upos, step.gaz, step.m.Lower, k)
		step.m.cachedEmissions(sc, words, upos, step.gaz, false)
		if !sameBits(sc.emit[:len(words)*k], ref.emit[:len(words)*k]) {
			t.Errorf("model %p gazetteer %p: emissions differ", step.m, step.gaz)
		}
	}
}

// TestWordCacheConcurrent tags the same sentences from several goroutines
// (each scratch and its caches is used by one at a time) and checks every
// goroutine gets the tags of the uncached path.
func TestWordCacheConcurrent(t *testing.T) {
	pm, nm, gaz := loadModels(t)
	type result struct{ pos, ner []int }
	want := make([]result, len(cacheSentences))
	for s, text := range cacheSentences {
		words := strings.Fields(text)
		want[s].pos, _ = uncachedPOS(pm, words)
		upos := make([]string, len(words))
		for i, c := range want[s].pos {
			upos[i], _ = SplitPOS(pm.Classes[c])
		}
		k := len(nm.Classes)
		ref := new(scratch)
		emissions(nm.P, ref, words, upos, gaz, nm.Lower, k)
		want[s].ner = make([]int, len(words))
		viterbi(ref.emit, transMatrix(nm.P, k), len(words), k, want[s].ner, nil, ref)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for rep := range 20 {
				s := (g + rep) % len(cacheSentences)
				words := strings.Fields(cacheSentences[s])
				pos := make([]int, len(words))
				pm.TagPOS(words, pos)
				upos := make([]string, len(words))
				for i, c := range pos {
					upos[i], _ = SplitPOS(pm.Classes[c])
				}
				ner := make([]int, len(words))
				nm.TagNER(words, upos, gaz, ner, nil)
				if !slices.Equal(pos, want[s].pos) || !slices.Equal(ner, want[s].ner) {
					select {
					case errs <- cacheSentences[s]:
					default:
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for s := range errs {
		t.Errorf("concurrent tags of %q differ from the uncached ones", s)
	}
}

// TestSurelyO: which words tagging may skip as outside any name.
func TestSurelyO(t *testing.T) {
	m := &Model{Lower: map[string]bool{"the": true, "said": true, "of": true, "talks": true, "1": true}}
	for _, tc := range []struct {
		text string
		i    int
		want bool
	}{
		{"officials said the talks ended", 1, true},  // lower case, lower case around
		{"officials said the talks ended", 4, false}, // "ended" not in the lexicon
		{"Putin said the talks ended", 1, false},     // a capital before
		{"the Bank of England said", 2, false},       // inside a name
		{"the talks , officials said", 2, true},      // punctuation between lower-case words
		{"Facility - 1 , for the", 3, false},         // punctuation after a number
		{"in 1 , for the", 1, false},                 // a number, though the lexicon holds it
		{"in 2024 , officials said", 1, false},       // a number
		{"the Kremlin , officials", 2, false},        // punctuation after a capital
		{"talks", 0, true},
	} {
		if got := m.surelyO(strings.Fields(tc.text), tc.i); got != tc.want {
			t.Errorf("surelyO(%q, %d) = %v, want %v", tc.text, tc.i, got, tc.want)
		}
	}
}

// TestSkipSameTags: skipping the words surelyO finds gives the same tags
// as scoring every word, on the cache test sentences.
func TestSkipSameTags(t *testing.T) {
	pm, nm, gaz := loadModels(t)
	for _, text := range cacheSentences {
		words := strings.Fields(text)
		tags := make([]int, len(words))
		pm.tagPOS(new(scratch), words, nil, tags)
		upos := make([]string, len(words))
		for i, c := range tags {
			upos[i], _ = SplitPOS(pm.Classes[c])
		}
		k := len(nm.Classes)
		nm.transOnce.Do(func() { nm.trans = transMatrix(nm.P, k) })
		var got [2][]int
		for j, skip := range []bool{false, true} {
			sc := new(scratch)
			nm.cachedEmissions(sc, words, upos, gaz, skip)
			got[j] = make([]int, len(words))
			viterbi(sc.emit, nm.trans, len(words), k, got[j], nil, sc)
		}
		if !slices.Equal(got[0], got[1]) {
			t.Errorf("%q: tags %v skipping, %v scoring every word", text, got[1], got[0])
		}
	}
}
