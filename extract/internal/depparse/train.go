package depparse

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/kgx-project/kgx/extract/internal/perceptron"
)

// TrainOptions configures Train. The zero value is not useful; start from
// DefaultTrainOptions.
type TrainOptions struct {
	Epochs  int     // passes over the training data
	Seed    uint64  // shuffling and exploration
	Explore float64 // after the first epoch, follow the model's own (possibly wrong) move with this probability
	Prune   float32 // drop averaged weights with smaller magnitude
	// Dev, if not nil, is parsed after each epoch listed in EvalEvery
	// (every epoch when 0 and Dev is set) and the scores are logged.
	Dev       []Sentence
	EvalEvery int
	Log       func(format string, args ...any) // progress; may be nil
	// PruneSweep, if set with Dev, logs the dev score and model size of
	// each of these prune thresholds at the end (for choosing Prune).
	PruneSweep []float32
}

// DefaultTrainOptions are the settings of kgx's embedded model.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Epochs: 15, Seed: 1, Explore: 0.9, Prune: 1}
}

type example struct {
	words, xpos, upos []string
	gold              []int32 // projective gold heads, index 0 unused
	glab              []int16
}

// Train trains a parser on sents. Sentences whose tree is malformed are
// skipped; non-projective ones are projectivised.
func Train(ctx context.Context, sents []Sentence, o TrainOptions) (*Parser, error) {
	logf := o.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	labelSet := map[string]bool{"root": true, "punct": true, "parataxis": true}
	for i := range sents {
		for _, d := range sents[i].Deps {
			labelSet[d] = true
		}
	}
	labels := make([]string, 0, len(labelSet))
	for l := range labelSet {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	lid := make(map[string]int16, len(labels))
	for i, l := range labels {
		lid[l] = int16(i)
	}
	var exs []example
	lifted, skipped := 0, 0
	for i := range sents {
		s := &sents[i]
		gold := make([]int32, s.Len()+1)
		gold[0] = none
		for k, h := range s.Heads {
			gold[k+1] = int32(h)
		}
		if !isTree(gold) {
			skipped++
			continue
		}
		if projectivize(gold) > 0 {
			lifted++
		}
		glab := make([]int16, s.Len()+1)
		glab[0] = none
		for k, d := range s.Deps {
			glab[k+1] = lid[d]
		}
		exs = append(exs, example{words: s.Words, xpos: s.XPOS, upos: s.UPOS, gold: gold, glab: glab})
	}
	logf("depparse: %d training sentences (%d projectivised, %d skipped as not single-rooted trees), %d labels", len(exs), lifted, skipped, len(labels))
	if len(exs) == 0 {
		return nil, fmt.Errorf("depparse: no usable training sentences")
	}

	L := len(labels)
	C := numMoves + 2*L
	root := int(lid["root"])
	tr := perceptron.NewTrainer(C)
	rng := rand.New(rand.NewPCG(o.Seed, 0x6b6778646570))
	var st state
	var sc sentCtx
	var feats [numFeatures]uint64
	scores := make([]float32, C)
	var onStack []bool
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	for ep := 0; ep < o.Epochs; ep++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		steps, errs, arcs, lerrs := 0, 0, 0, 0
		for oi, ei := range order {
			if oi%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			ex := &exs[ei]
			n := len(ex.words)
			sc.reset(ex.words, ex.xpos, ex.upos)
			st.reset(n)
			onStack = slices.Grow(onStack[:0], n+1)[:n+1]
			clear(onStack)
			onStack[0] = true
			for !st.done() {
				extract(&st, &sc, feats[:])
				clear(scores)
				tr.Score(feats[:], scores)
				ok := st.legal()
				c := st.costs(ex.gold, onStack)
				minCost := math.MaxInt
				for m := range numMoves {
					if ok[m] {
						minCost = min(minCost, c[m])
					}
				}
				var mv [numMoves]float32
				copy(mv[:], scores[:numMoves])
				pred := bestMove(ok, &mv)
				gold := -1
				for m := range numMoves {
					if ok[m] && c[m] == minCost && (gold < 0 || mv[m] > mv[gold]) {
						gold = m
					}
				}
				if c[pred] > minCost {
					tr.Update(feats[:], gold, pred, 1)
					errs++
				}
				next := gold
				if ep > 0 && rng.Float64() < o.Explore {
					next = pred
				}
				s, b := st.s0(), st.b
				l := 0
				switch {
				case next == right && s == 0:
					l = root
				case next == left || next == right:
					dep, head, base := s, b, numMoves
					if next == right {
						dep, head, base = b, s, numMoves+L
					}
					pl := bestLabel(scores[base:base+L], root)
					l = pl
					if int(ex.gold[dep]) == head {
						arcs++
						if gl := int(ex.glab[dep]); gl != pl {
							tr.Update(feats[:], base+gl, base+pl, 1)
							lerrs++
							if next == gold {
								l = gl
							}
						}
					}
				}
				tr.Tick()
				steps++
				switch next {
				case shift, right:
					onStack[st.b] = true
				case reduce, left:
					onStack[st.s0()] = false
				}
				st.apply(next, l)
			}
		}
		logf("depparse: epoch %d: %d transitions, %.2f%% wrong moves, %.2f%% wrong labels, %s", ep+1, steps, 100*float64(errs)/float64(steps), 100*float64(lerrs)/float64(max(arcs, 1)), time.Since(start).Round(time.Millisecond))
		if o.Dev != nil && (o.EvalEvery == 0 || (ep+1)%o.EvalEvery == 0) && ep+1 < o.Epochs {
			p, err := newParser(labels, tr.Finalize(o.Prune))
			if err != nil {
				return nil, err
			}
			r := Evaluate(p, o.Dev)
			logf("depparse: epoch %d dev: %s", ep+1, r)
		}
	}
	for _, pr := range o.PruneSweep {
		if o.Dev == nil {
			break
		}
		p, err := newParser(labels, tr.Finalize(pr))
		if err != nil {
			return nil, err
		}
		var cw countWriter
		p.WriteTo(&cw)
		logf("depparse: prune %g: %d bytes, dev %s", pr, cw, Evaluate(p, o.Dev))
	}
	p, err := newParser(labels, tr.Finalize(o.Prune))
	if err != nil {
		return nil, err
	}
	logf("depparse: model: %d features, %d weights", p.model.Features(), p.model.Weights())
	if o.Dev != nil {
		logf("depparse: final dev: %s", Evaluate(p, o.Dev))
	}
	return p, nil
}

type countWriter int64

func (c *countWriter) Write(b []byte) (int, error) {
	*c += countWriter(len(b))
	return len(b), nil
}
