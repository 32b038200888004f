package depparse

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/kgx-project/kgx/extract/internal/perceptron"
)

// Parser is a trained parser. It is safe for concurrent use.
type Parser struct {
	labels   []string          // relation labels; index = label id
	root     int               // id of the "root" label
	model    *perceptron.Model // for WriteTo; nil once loaded (Load)
	features int
	tab      *table    // for parsing
	pool     sync.Pool // *work
}

// work is per-call scratch space, pooled so Parse does not allocate.
type work struct {
	st     state
	ctx    sentCtx
	feats  [numFeatures]uint64
	rows   [numFeatures]uint32 // label rows of each feature (table.scoreMoves)
	scores []int32
}

func newParser(labels []string, m *perceptron.Model) (*Parser, error) {
	tab, err := newTable(m, len(labels))
	if err != nil {
		return nil, err
	}
	p := &Parser{labels: labels, root: -1, model: m, features: m.Features(), tab: tab}
	for i, l := range labels {
		if l == "root" {
			p.root = i
		}
	}
	if p.root < 0 {
		return nil, errors.New("depparse: label set has no \"root\"")
	}
	if m.Classes() != numMoves+2*len(labels) {
		return nil, fmt.Errorf("depparse: model has %d classes, want %d for %d labels", m.Classes(), numMoves+2*len(labels), len(labels))
	}
	p.pool.New = func() any { return &work{scores: make([]int32, len(labels))} }
	return p, nil
}

// Labels returns the relation labels the parser can predict.
func (p *Parser) Labels() []string { return p.labels }

// Features is the number of features in the model; Weights the number of
// stored weights.
func (p *Parser) Features() int { return p.features }

// Parse parses one sentence: words with their Penn (XPOS) and Universal
// (UPOS) tags; upos may be nil, at some cost in accuracy. It writes heads
// (0-based word index, -1 for the root word) and labels into heads and deps,
// which must have len(words) elements. The output is always a tree with
// exactly one root. Parse does not allocate once its pool is warm.
func (p *Parser) Parse(words, xpos, upos []string, heads []int, deps []string) {
	n := len(words)
	if n == 0 {
		return
	}
	w := p.pool.Get().(*work)
	defer p.pool.Put(w)
	w.ctx.reset(words, xpos, upos)
	st := &w.st
	st.reset(n)
	for !st.done() {
		extract(st, &w.ctx, w.feats[:])
		var mv [numMoves]int32
		p.tab.scoreMoves(&w.feats, &mv, &w.rows)
		m := bestMove(st.legal(), &mv)
		l := 0
		if m == left || m == right {
			l = p.label(st, m, w)
		}
		st.apply(m, l)
	}
	p.finish(st, xpos, upos)
	for i := 1; i <= n; i++ {
		heads[i-1] = int(st.head[i]) - 1
		deps[i-1] = p.labels[st.label[i]]
	}
}

// bestMove returns the highest-scoring legal move (the first on ties).
func bestMove[T int32 | float32](ok [numMoves]bool, sc *[numMoves]T) int {
	best := -1
	for m := range numMoves {
		if ok[m] && (best < 0 || sc[m] > sc[best]) {
			best = m
		}
	}
	return best
}

// label picks the label of an arc made by move m (left or right) from the
// label rows scoreMoves found (w.rows).
func (p *Parser) label(st *state, m int, w *work) int {
	if m == right && st.s0() == 0 {
		return p.root
	}
	sc := w.scores
	clear(sc)
	p.tab.scoreLabels(&w.rows, m, sc)
	return bestLabel(sc, p.root)
}

// bestLabel returns the highest-scoring label other than root.
func bestLabel[T int32 | float32](sc []T, root int) int {
	best := -1
	for l := range sc {
		if l != root && (best < 0 || sc[l] > sc[best]) {
			best = l
		}
	}
	return best
}

// finish attaches words left headless to make a single tree: the root's
// dependent (or, if none, the first headless word) becomes the root, and
// other headless words attach to it as punct or parataxis.
func (p *Parser) finish(st *state, xpos, upos []string) {
	r := int(st.rc1[0])
	for i := 1; i <= st.n && r < 0; i++ {
		if st.head[i] == none {
			r = i
		}
	}
	if st.head[r] == none {
		st.head[r], st.label[r] = 0, int16(p.root)
	}
	punct, para := p.labelID("punct"), p.labelID("parataxis")
	for i := 1; i <= st.n; i++ {
		if st.head[i] != none {
			continue
		}
		st.head[i] = int32(r)
		if isPunct(xpos, upos, i-1) {
			st.label[i] = int16(punct)
		} else {
			st.label[i] = int16(para)
		}
	}
}

// isPunct reports whether word i is tagged as punctuation.
func isPunct(xpos, upos []string, i int) bool {
	if upos != nil && upos[i] == "PUNCT" {
		return true
	}
	switch xpos[i] {
	case ".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP":
		return true
	}
	return false
}

func (p *Parser) labelID(s string) int {
	for i, l := range p.labels {
		if l == s {
			return i
		}
	}
	return p.root
}

const fileMagic = "KGXDEP02" // bump when the feature templates change

// ErrFormat is returned by Load for data that is not a parser model.
var ErrFormat = errors.New("depparse: not a kgx parser model (bad magic or version)")

// WriteTo writes the parser: magic, labels, then the perceptron model.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	k, _ := bw.WriteString(fileMagic)
	n += int64(k)
	var buf [binary.MaxVarintLen64]byte
	k, _ = bw.Write(buf[:binary.PutUvarint(buf[:], uint64(len(p.labels)))])
	n += int64(k)
	for _, l := range p.labels {
		k, _ = bw.Write(buf[:binary.PutUvarint(buf[:], uint64(len(l)))])
		n += int64(k)
		k, _ = bw.WriteString(l)
		n += int64(k)
	}
	if p.model == nil {
		return 0, errors.New("depparse: a loaded parser keeps only its inference table and cannot be written")
	}
	m, err := p.model.WriteTo(bw)
	n += m
	if err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// Load reads a parser written by WriteTo.
func Load(r io.Reader) (*Parser, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(fileMagic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != fileMagic {
		return nil, ErrFormat
	}
	nl, err := binary.ReadUvarint(br)
	if err != nil || nl == 0 || nl > 1000 {
		return nil, fmt.Errorf("depparse: bad label count: %w", ErrFormat)
	}
	labels := make([]string, nl)
	for i := range labels {
		ln, err := binary.ReadUvarint(br)
		if err != nil || ln > 100 {
			return nil, fmt.Errorf("depparse: bad label %d: %w", i, ErrFormat)
		}
		b := make([]byte, ln)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("depparse: truncated label %d: %w", i, ErrFormat)
		}
		labels[i] = string(b)
	}
	m, err := perceptron.Read(br)
	if err != nil {
		return nil, err
	}
	p, err := newParser(labels, m)
	if err != nil {
		return nil, err
	}
	// Parsing reads only the table: the model (about as large again,
	// with its index) is dropped.
	p.model = nil
	return p, nil
}
