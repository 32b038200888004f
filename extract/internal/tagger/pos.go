package tagger

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"github.com/kgx-project/kgx/extract/internal/perceptron"
)

type scratch struct {
	infos  []tokInfo
	feats  []uint64
	scores []float32
	gaz    gazInfo
	emit   []float32
	back   []int32
	delta  []float32
	into   []float32 // viterbi's transitions, by class
	tags   []string
	ents   []int32   // the sentence's word cache entries
	pos    wordCache // TagPOS's
	ner    wordCache // TagNER's
}

// scratches keeps idle scratches for the next tagging call. Not a
// sync.Pool: a pool drops its objects after two garbage collections, and
// during an ingest (a collection every quarter second) the scratches' word
// caches, megabytes of scores each, were thrown away and grown again from
// empty many times a second. At most GOMAXPROCS scratches wait here.
var scratches struct {
	mu   sync.Mutex
	free []*scratch
}

// getScratch returns an idle scratch, or a new one.
func getScratch() *scratch {
	scratches.mu.Lock()
	defer scratches.mu.Unlock()
	if n := len(scratches.free); n > 0 {
		sc := scratches.free[n-1]
		scratches.free = scratches.free[:n-1]
		return sc
	}
	return new(scratch)
}

// putScratch gives sc back for reuse, unless enough wait already.
func putScratch(sc *scratch) {
	scratches.mu.Lock()
	defer scratches.mu.Unlock()
	if len(scratches.free) < runtime.GOMAXPROCS(0) {
		scratches.free = append(scratches.free, sc)
	}
}

// TagPOS tags words with POS classes (indices into m.Classes), writing
// them to out (len(words) long). Frequent unambiguous words take their
// dictionary tag; the others are decoded greedily left to right.
func (m *Model) TagPOS(words []string, out []int) { m.TagPOSFixed(words, nil, out) }

// TagPOSFixed is TagPOS with the classes of some words known: where
// fixed[i] >= 0 (fixed may be nil or shorter than words), word i takes
// class fixed[i], and the words after it are tagged knowing that.
func (m *Model) TagPOSFixed(words []string, fixed []int, out []int) {
	if m.Kind != POS {
		panic("tagger: TagPOS on a " + string(m.Kind) + " model")
	}
	sc := getScratch()
	defer putScratch(sc)
	m.tagPOS(sc, words, fixed, out)
}

// ClassIndex returns the index of class c ("PROPN NNP") in m.Classes, or
// -1.
func (m *Model) ClassIndex(c string) int { return slices.Index(m.Classes, c) }

// tagPOS is TagPOSFixed with scratch sc and its word cache.
func (m *Model) tagPOS(sc *scratch, words []string, fixed []int, out []int) {
	c := &sc.pos
	c.reset(m, nil, len(words))
	sc.infos = resize(sc.infos, len(words))
	sc.ents = resize(sc.ents, len(words))
	for i, w := range words {
		e := c.lookup(w, false)
		sc.ents[i], sc.infos[i] = e, c.entries[e].info
	}
	sc.scores = resize(sc.scores, len(m.Classes))
	p1, p2 := "<s>", "<s>"
	for i := range words {
		e := sc.ents[i]
		cl := int(c.entries[e].dict)
		if i < len(fixed) && fixed[i] >= 0 {
			cl = fixed[i]
		}
		if cl < 0 {
			// The scores of posFeatures: the cached static ones, then
			// the contextual ones added in order.
			copy(sc.scores, c.static(e))
			sc.feats = posContext(sc.feats[:0], sc.infos, i, p1, p2)
			m.P.Score(sc.feats, sc.scores)
			cl = perceptron.Argmax(sc.scores)
		}
		out[i] = cl
		p2, p1 = p1, m.Classes[cl]
	}
}

// TrainOptions control training.
type TrainOptions struct {
	Epochs int
	Seed   uint64
	Prune  float32   // drop averaged weights below this magnitude
	Log    io.Writer // progress, may be nil
}

func (o TrainOptions) logf(format string, args ...any) {
	if o.Log != nil {
		fmt.Fprintf(o.Log, format, args...)
	}
}

// TrainPOS trains a POS model on the sentences of docs that carry UPOS
// and XPOS tags.
func TrainPOS(ctx context.Context, docs []Doc, opt TrainOptions) (*Model, error) {
	var sents []*Sentence
	classIdx := map[string]int{}
	wordTags := map[string]map[string]int{}
	for d := range docs {
		for s := range docs[d].Sents {
			st := &docs[d].Sents[s]
			if st.UPOS == nil {
				continue
			}
			sents = append(sents, st)
			for i, w := range st.Words {
				c := st.UPOS[i] + " " + st.XPOS[i]
				classIdx[c] = 0
				if wordTags[w] == nil {
					wordTags[w] = map[string]int{}
				}
				wordTags[w][c]++
			}
		}
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("tagger: no POS-tagged sentences to train on")
	}
	m := &Model{Kind: POS, Dict: map[string]int{}}
	for c := range classIdx {
		m.Classes = append(m.Classes, c)
	}
	slices.Sort(m.Classes)
	for i, c := range m.Classes {
		classIdx[c] = i
	}
	for w, tags := range wordTags {
		n, best, bestN := 0, "", 0
		for t, k := range tags {
			n += k
			if k > bestN || k == bestN && t < best {
				best, bestN = t, k
			}
		}
		if n >= 10 && float64(bestN) >= 0.985*float64(n) {
			m.Dict[w] = classIdx[best]
		}
	}
	tr := perceptron.NewTrainer(len(m.Classes))
	rng := rand.New(rand.NewPCG(opt.Seed, 1))
	var infos []tokInfo
	var feats []uint64
	scores := make([]float32, len(m.Classes))
	for ep := range opt.Epochs {
		rng.Shuffle(len(sents), func(i, j int) { sents[i], sents[j] = sents[j], sents[i] })
		correct, total := 0, 0
		for _, st := range sents {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			infos = resize(infos, len(st.Words))
			prepare(infos, st.Words, nil)
			p1, p2 := "<s>", "<s>"
			for i := range st.Words {
				gold := classIdx[st.UPOS[i]+" "+st.XPOS[i]]
				guess, ok := m.Dict[st.Words[i]]
				if !ok {
					feats = posFeatures(feats[:0], infos, i, p1, p2)
					clear(scores)
					tr.Score(feats, scores)
					guess = perceptron.Argmax(scores)
					tr.Update(feats, gold, guess, 1)
				}
				tr.Tick()
				if guess == gold {
					correct++
				}
				total++
				p2, p1 = p1, m.Classes[guess]
			}
		}
		opt.logf("pos epoch %d: train accuracy %.4f\n", ep+1, float64(correct)/float64(total))
	}
	m.P = tr.Finalize(opt.Prune)
	opt.logf("pos model: %d classes, %d features, %d weights, %d dictionary words\n", len(m.Classes), m.P.Features(), m.P.Weights(), len(m.Dict))
	return m, nil
}

// EvalPOS returns UPOS and XPOS accuracy over the POS-tagged sentences of docs.
func (m *Model) EvalPOS(docs []Doc) (upos, xpos float64, n int) {
	var cu, cx int
	var out []int
	for _, d := range docs {
		for _, s := range d.Sents {
			if s.UPOS == nil {
				continue
			}
			out = resize(out, len(s.Words))
			m.TagPOS(s.Words, out)
			for i := range s.Words {
				u, x := SplitPOS(m.Classes[out[i]])
				if u == s.UPOS[i] {
					cu++
				}
				if x == s.XPOS[i] {
					cx++
				}
				n++
			}
		}
	}
	if n == 0 {
		return 0, 0, 0
	}
	return float64(cu) / float64(n), float64(cx) / float64(n), n
}
