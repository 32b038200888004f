package tagger

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Span is a typed span for scoring: words [Start, End) with a type name.
type Span struct {
	Start, End int
	Type       string
}

// BIOSpans decodes BIO or IOB1 tag strings with conlleval's rules: a span
// starts at B-X, at I-X after O or after a different type, and ends
// before the next B, O or change of type.
func BIOSpans(tags []string) []Span {
	var out []Span
	for i, t := range tags {
		if len(t) < 3 || t[1] != '-' {
			continue
		}
		typ := t[2:]
		if t[0] == 'I' && i > 0 && len(out) > 0 && out[len(out)-1].End == i && out[len(out)-1].Type == typ {
			out[len(out)-1].End = i + 1
			continue
		}
		out = append(out, Span{i, i + 1, typ})
	}
	return out
}

// Counts are the span counts for one type.
type Counts struct{ Gold, Pred, Correct int }

// P is the precision.
func (c Counts) P() float64 { return ratio(c.Correct, c.Pred) }

// R is the recall.
func (c Counts) R() float64 { return ratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of P and R.
func (c Counts) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Score accumulates exact-match span counts per type.
type Score struct {
	ByType map[string]*Counts
	Tokens int
	// Map, if set, renames types before scoring ("GPE" -> "PLACE");
	// types it maps to "" are ignored.
	Map func(string) string
}

// NewScore returns an empty score.
func NewScore() *Score { return &Score{ByType: map[string]*Counts{}} }

func (s *Score) counts(t string) *Counts {
	c := s.ByType[t]
	if c == nil {
		c = &Counts{}
		s.ByType[t] = c
	}
	return c
}

// Add scores one sentence of gold and predicted tags.
func (s *Score) Add(gold, pred []string) {
	s.Tokens += len(gold)
	g, p := BIOSpans(gold), BIOSpans(pred)
	if s.Map != nil {
		g, p = mapSpans(g, s.Map), mapSpans(p, s.Map)
	}
	for _, x := range g {
		s.counts(x.Type).Gold++
	}
	for _, x := range p {
		s.counts(x.Type).Pred++
		if slices.Contains(g, x) {
			s.counts(x.Type).Correct++
		}
	}
}

func mapSpans(sp []Span, f func(string) string) []Span {
	out := sp[:0:0]
	for _, x := range sp {
		if t := f(x.Type); t != "" {
			x.Type = t
			out = append(out, x)
		}
	}
	// merging types can join adjacent spans in BIO only when tags said so;
	// spans stay as decoded.
	return out
}

// Total sums the counts over all types.
func (s *Score) Total() Counts {
	var t Counts
	for _, c := range s.ByType {
		t.Gold += c.Gold
		t.Pred += c.Pred
		t.Correct += c.Correct
	}
	return t
}

// Write prints per-type precision, recall and F1 (sorted by type), then
// the micro-averaged totals on the last line.
func (s *Score) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s %6s %6s %6s %7s %7s %7s\n", "type", "gold", "pred", "ok", "P", "R", "F1")
	for _, t := range Sorted(s.ByType) {
		c := s.ByType[t]
		fmt.Fprintf(&b, "%-8s %6d %6d %6d %7.4f %7.4f %7.4f\n", t, c.Gold, c.Pred, c.Correct, c.P(), c.R(), c.F1())
	}
	c := s.Total()
	fmt.Fprintf(&b, "%-8s %6d %6d %6d %7.4f %7.4f %7.4f\n", "micro", c.Gold, c.Pred, c.Correct, c.P(), c.R(), c.F1())
	_, err := io.WriteString(w, b.String())
	return err
}
