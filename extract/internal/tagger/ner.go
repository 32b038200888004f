package tagger

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"unicode"

	"github.com/kgx-project/kgx/extract/internal/gazetteer"
	"github.com/kgx-project/kgx/extract/internal/perceptron"
)

// NERClasses returns the NER class names: "O", then "B-T", "I-T" for each
// type T in Types.
func NERClasses() []string {
	out := []string{"O"}
	for _, t := range Types {
		out = append(out, "B-"+t, "I-"+t)
	}
	return out
}

// allowed reports whether class c may follow class p under BIO (p < 0 is
// the sentence start): I-T only after B-T or I-T.
func allowed(p, c int) bool {
	if c == 0 || c%2 == 1 {
		return true
	}
	return p == c || p == c-1
}

var transFeat = func() []uint64 {
	out := make([]uint64, 1+2*len(Types)+1)
	for p := range out {
		out[p] = perceptron.MixInt(h(tTrans, ""), p)
	}
	return out
}()

// transIndex maps a previous class (-1 = start) to its transition feature.
func transIndex(p int) uint64 { return transFeat[p+1] }

// scorer is what Viterbi needs: the trainer while training, the model after.
type scorer interface {
	Score(feats []uint64, scores []float32)
}

// viterbi decodes the best BIO-valid class sequence. emit holds n*k
// emission scores; trans[p+1][c] the transition scores. It writes the
// classes to out and, if prob is non-nil, each word's local probability
// (softmax of emission plus transition from the chosen previous class)
// for the words of names; a word decoded O gets 0, as only a name's
// words are read (a mention's score is its lowest word probability), and
// most words are O.
func viterbi(emit []float32, trans [][]float32, n, k int, out []int, prob []float32, sc *scratch) {
	sc.delta = resize(sc.delta, n*k)
	sc.back = resize(sc.back, n*k)
	delta, back := sc.delta, sc.back
	// into[c*k+p] = trans[p+1][c]: the transitions into c, contiguous.
	sc.into = resize(sc.into, k*k)
	into := sc.into
	for p := range k {
		for c, t := range trans[p+1][:k] {
			into[c*k+p] = t
		}
	}
	inf := float32(math.Inf(-1))
	for c := range k {
		if allowed(-1, c) {
			delta[c] = emit[c] + trans[0][c]
		} else {
			delta[c] = inf
		}
		back[c] = -1
	}
	for i := 1; i < n; i++ {
		prev := delta[(i-1)*k : i*k]
		for c := range k {
			best, arg := inf, int32(0)
			if c != 0 && c%2 == 0 {
				// I-X follows only B-X (c-1) or I-X (c)
				if v := prev[c-1] + trans[c][c]; v > best {
					best, arg = v, int32(c-1)
				}
				if v := prev[c] + trans[c+1][c]; v > best {
					best, arg = v, int32(c)
				}
			} else {
				col := into[c*k : c*k+len(prev)]
				for p, d := range prev {
					if v := d + col[p]; v > best {
						best, arg = v, int32(p)
					}
				}
			}
			delta[i*k+c] = best + emit[i*k+c]
			back[i*k+c] = arg
		}
	}
	best := 0
	for c := 1; c < k; c++ {
		if delta[(n-1)*k+c] > delta[(n-1)*k+best] {
			best = c
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = best
		best = int(back[i*k+best])
	}
	if prob == nil {
		return
	}
	for i := range n {
		if out[i] == 0 {
			prob[i] = 0
			continue
		}
		p := -1
		if i > 0 {
			p = out[i-1]
		}
		mx := inf
		for c := range k {
			if v := emit[i*k+c] + trans[p+1][c]; allowed(p, c) && v > mx {
				mx = v
			}
		}
		var sum float64
		for c := range k {
			if allowed(p, c) {
				sum += math.Exp(float64(emit[i*k+c] + trans[p+1][c] - mx))
			}
		}
		prob[i] = float32(math.Exp(float64(emit[i*k+out[i]]+trans[p+1][out[i]]-mx)) / sum)
	}
}

// transMatrix reads the transition scores from s.
func transMatrix(s scorer, k int) [][]float32 {
	t := make([][]float32, k+1)
	for p := -1; p < k; p++ {
		row := make([]float32, k)
		s.Score([]uint64{transIndex(p)}, row)
		t[p+1] = row
	}
	return t
}

// emissions fills sc.emit with the emission scores of a sentence. Training
// calls it with a Trainer; TagNER uses cachedEmissions, its equal for a
// frozen model.
func emissions(s scorer, sc *scratch, words, pos []string, gaz *gazetteer.Gazetteer, lower map[string]bool, k int) {
	n := len(words)
	sc.infos = resize(sc.infos, n)
	allCaps := prepare(sc.infos, words, lower)
	var g *gazInfo
	if gaz != nil {
		sc.gaz.fill(gaz, sc.infos)
		g = &sc.gaz
	}
	sc.emit = resize(sc.emit, n*k)
	clear(sc.emit)
	for i := range n {
		sc.feats = nerFeatures(sc.feats[:0], sc.infos, pos, g, i, allCaps)
		s.Score(sc.feats, sc.emit[i*k:(i+1)*k])
	}
}

// cachedEmissions is emissions with m's frozen model and sc's word cache:
// it fills sc.emit with the very same scores, except that with skip a
// word surelyO finds outside any name gets the row of a forced O and no
// features.
func (m *Model) cachedEmissions(sc *scratch, words, pos []string, gaz *gazetteer.Gazetteer, skip bool) {
	n, k := len(words), len(m.Classes)
	c := &sc.ner
	c.reset(m, gaz, n)
	allCaps := truecased(words, m.Lower)
	sc.infos = resize(sc.infos, n)
	sc.ents = resize(sc.ents, n)
	var g *gazInfo
	if gaz != nil {
		g = &sc.gaz
		g.reset(n)
	}
	for i, w := range words {
		e := c.lookup(w, allCaps)
		ent := &c.entries[e]
		sc.ents[i], sc.infos[i] = e, ent.info
		if g != nil {
			g.solo[i], g.starts[i] = ent.solo, ent.starts
		}
	}
	if g != nil {
		g.match(gaz, sc.infos)
	}
	sc.emit = resize(sc.emit, n*k)
	for i := range n {
		// The scores of nerFeatures: the cached static ones, then the
		// contextual ones added in order.
		row := sc.emit[i*k : (i+1)*k]
		if skip && !allCaps && m.surelyO(words, i) {
			forceO(row) // outside any name: features not scored
			continue
		}
		copy(row, c.static(sc.ents[i]))
		sc.feats = nerContext(sc.feats[:0], sc.infos, pos, g, i, allCaps)
		m.P.Score(sc.feats, row)
	}
}

// forbidden is the emission score of a class a word cannot take.
const forbidden = -1e30

// forceO makes an emission row allow only O (class 0).
func forceO(row []float32) {
	row[0] = 0
	for j := 1; j < len(row); j++ {
		row[j] = forbidden
	}
}

// surelyO reports whether word i can be no part of a name: it and the
// words either side of it start with no capital letter, and the training
// text writes it in lower case (the model's Lower) and it starts with a
// letter; or it is a punctuation mark between two such lower-case words
// (a span may run over punctuation after a number: "Facility - 1 ,").
// The model never tags such a word; skipping its features saves most of
// the tagging of running prose.
func (m *Model) surelyO(words []string, i int) bool {
	for j := max(i-1, 0); j <= i+1 && j < len(words); j++ {
		if startsUpper(words[j]) {
			return false
		}
	}
	w := words[i]
	if m.Lower[w] && startsLower(w) { // not "1", which the lexicon holds too
		return true
	}
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return w != "" && (i == 0 || startsLower(words[i-1])) && (i+1 == len(words) || startsLower(words[i+1]))
}

// TagNER tags one sentence, writing classes to out and per-word
// probabilities to prob (both len(words) long; prob may be nil).
func (m *Model) TagNER(words, pos []string, gaz *gazetteer.Gazetteer, out []int, prob []float32) {
	if m.Kind != NER {
		panic("tagger: TagNER on a " + string(m.Kind) + " model")
	}
	if len(words) == 0 {
		return
	}
	k := len(m.Classes)
	m.transOnce.Do(func() { m.trans = transMatrix(m.P, k) })
	sc := getScratch()
	defer putScratch(sc)
	m.cachedEmissions(sc, words, pos, gaz, true)
	for i, w := range words {
		if i < len(pos) && (pos[i] == "VERB" || pos[i] == "AUX") && startsLower(w) {
			// A verb in lower case is in no name: "Lavrov met Blinken"
			// was one place, the unknown names either side carrying
			// "met" into the span.
			forceO(sc.emit[i*k : (i+1)*k])
		}
	}
	viterbi(sc.emit, m.trans, len(words), k, out, prob, sc)
}

// TrainNER trains an NER model on docs whose sentences have NER labels
// (MapLabels) and POS tags in UPOS (predicted ones, as at run time). Words
// labelled Unknown are not learned from: their gold class is taken to be
// whatever the model predicts. weight gives a per-corpus update weight
// (default 1).
func TrainNER(ctx context.Context, docs []Doc, gaz *gazetteer.Gazetteer, weight map[string]float32, opt TrainOptions) (*Model, error) {
	m := &Model{Kind: NER, Classes: NERClasses()}
	k := len(m.Classes)
	idx := map[string]int{}
	for i, c := range m.Classes {
		idx[c] = i
	}
	type item struct {
		s *Sentence
		w float32
	}
	var items []item
	lowerCount := map[string][2]int{}
	for d := range docs {
		w := float32(1)
		if v, ok := weight[docs[d].Corpus]; ok {
			w = v
		}
		for s := range docs[d].Sents {
			st := &docs[d].Sents[s]
			if st.NER == nil || len(st.Words) == 0 {
				continue
			}
			items = append(items, item{st, w})
			for i, word := range st.Words {
				if i == 0 {
					continue
				}
				lw := strings.ToLower(word)
				c := lowerCount[lw]
				if word == lw {
					c[0]++
				} else {
					c[1]++
				}
				lowerCount[lw] = c
			}
		}
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("tagger: no NER-labelled sentences to train on")
	}
	m.Lower = map[string]bool{}
	for w, c := range lowerCount {
		if c[0] >= 3 && c[0] > 4*c[1] {
			m.Lower[w] = true
		}
	}
	tr := perceptron.NewTrainer(k)
	rng := rand.New(rand.NewPCG(opt.Seed, 2))
	sc := new(scratch)
	gold := []int{}
	guess := []int{}
	for ep := range opt.Epochs {
		rng.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
		errs, total := 0, 0
		for _, it := range items {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			st := it.s
			n := len(st.Words)
			trans := transMatrix(tr, k)
			emissions(tr, sc, st.Words, st.UPOS, gaz, m.Lower, k)
			guess = resize(guess, n)
			gold = resize(gold, n)
			viterbi(sc.emit, trans, n, k, guess, nil, sc)
			for i, l := range st.NER {
				if l == Unknown {
					gold[i] = guess[i]
				} else {
					gold[i] = idx[l]
				}
			}
			// Repair BIO-invalid gold (after masking) by turning a stray I- into B-.
			for i := range gold {
				p := -1
				if i > 0 {
					p = gold[i-1]
				}
				if !allowed(p, gold[i]) {
					gold[i]--
				}
			}
			wrong := false
			for i := range n {
				if gold[i] != guess[i] {
					wrong = true
					errs++
				}
				total++
			}
			if wrong {
				infos := sc.infos[:n]
				allCaps := truecased(st.Words, m.Lower)
				var g *gazInfo
				if gaz != nil {
					g = &sc.gaz
				}
				for i := range n {
					gp, pp := -1, -1
					if i > 0 {
						gp, pp = gold[i-1], guess[i-1]
					}
					if gold[i] != guess[i] {
						sc.feats = nerFeatures(sc.feats[:0], infos, st.UPOS, g, i, allCaps)
						tr.Update(sc.feats, gold[i], guess[i], it.w)
					}
					if gold[i] != guess[i] || gp != pp {
						tr.Add(transIndex(gp), gold[i], it.w)
						tr.Add(transIndex(pp), guess[i], -it.w)
					}
				}
			}
			tr.Tick()
		}
		opt.logf("ner epoch %d: token error rate %.4f\n", ep+1, float64(errs)/float64(total))
	}
	m.P = tr.Finalize(opt.Prune)
	opt.logf("ner model: %d classes, %d features, %d weights, %d lower-case words\n", k, m.P.Features(), m.P.Weights(), len(m.Lower))
	return m, nil
}
