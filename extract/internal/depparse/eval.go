package depparse

import (
	"fmt"
	"strings"
	"time"
)

// Result is an attachment score.
type Result struct {
	Words      int     // scored words (all, punctuation included)
	UAS, LAS   float64 // head correct; head and full label correct
	ULAS       float64 // head and universal label (subtype stripped) correct
	Sentences  int
	Elapsed    time.Duration
	TokensPerS float64
}

func (r Result) String() string {
	return fmt.Sprintf("UAS %.4f LAS %.4f (universal labels %.4f) over %d words in %d sentences, %.0f words/s",
		r.UAS, r.LAS, r.ULAS, r.Words, r.Sentences, r.TokensPerS)
}

// Evaluate parses gold with p, using the sentences' own XPOS and UPOS
// tags, and scores the output against their trees.
func Evaluate(p *Parser, gold []Sentence) Result {
	var r Result
	var uas, las, ulas int
	heads := make([]int, 0, 256)
	deps := make([]string, 0, 256)
	var elapsed time.Duration
	for i := range gold {
		s := &gold[i]
		n := s.Len()
		heads, deps = heads[:0], deps[:0]
		for range n {
			heads = append(heads, 0)
			deps = append(deps, "")
		}
		t := time.Now()
		p.Parse(s.Words, s.XPOS, s.UPOS, heads, deps)
		elapsed += time.Since(t)
		for k := range n {
			if heads[k]+1 != s.Heads[k] {
				continue
			}
			uas++
			if deps[k] == s.Deps[k] {
				las++
			}
			if universal(deps[k]) == universal(s.Deps[k]) {
				ulas++
			}
		}
		r.Words += n
	}
	r.Sentences = len(gold)
	if r.Words > 0 {
		r.UAS = float64(uas) / float64(r.Words)
		r.LAS = float64(las) / float64(r.Words)
		r.ULAS = float64(ulas) / float64(r.Words)
	}
	r.Elapsed = elapsed
	if elapsed > 0 {
		r.TokensPerS = float64(r.Words) / elapsed.Seconds()
	}
	return r
}

func universal(l string) string {
	if i := strings.IndexByte(l, ':'); i >= 0 {
		return l[:i]
	}
	return l
}
