package depparse

// The arc-eager system over words 1..n with an artificial root 0 that
// starts on the stack and is never popped. The buffer is always the suffix
// b..n of the sentence, so it is just an index.
//
// Actions are encoded as classes: 0 SHIFT, 1 REDUCE, 2+l LEFT-l (s0 <- b0),
// 2+L+l RIGHT-l (s0 -> b0, push b0), where L is the number of labels.

const (
	shift = iota
	reduce
	left
	right
	numMoves
)

const none = -1

// state is a parser configuration. Its slices are reused across sentences.
type state struct {
	n     int     // number of words; tokens are 0..n
	stack []int32 // stack[len-1] is s0
	b     int     // front of the buffer; the buffer is empty when b > n
	head  []int32 // assigned head or none
	label []int16 // assigned label index or none
	// children, kept incrementally: arc-eager adds left dependents from
	// nearest to farthest and right dependents from nearest to farthest, so
	// each new left (right) child is the new leftmost (rightmost).
	lc1, lc2, rc1, rc2 []int32
	nl, nr             []uint8 // left and right valency (saturating)
	lset, rset         []uint64
}

func (st *state) reset(n int) {
	st.n = n
	st.stack = append(st.stack[:0], 0)
	st.b = 1
	grow := func(s []int32) []int32 {
		if cap(s) < n+1 {
			s = make([]int32, n+1)
		}
		s = s[:n+1]
		for i := range s {
			s[i] = none
		}
		return s
	}
	st.head = grow(st.head)
	st.lc1, st.lc2, st.rc1, st.rc2 = grow(st.lc1), grow(st.lc2), grow(st.rc1), grow(st.rc2)
	if cap(st.label) < n+1 {
		st.label = make([]int16, n+1)
		st.nl = make([]uint8, n+1)
		st.nr = make([]uint8, n+1)
		st.lset = make([]uint64, n+1)
		st.rset = make([]uint64, n+1)
	}
	st.label, st.nl, st.nr = st.label[:n+1], st.nl[:n+1], st.nr[:n+1]
	st.lset, st.rset = st.lset[:n+1], st.rset[:n+1]
	for i := 0; i <= n; i++ {
		st.label[i] = none
		st.nl[i], st.nr[i] = 0, 0
		st.lset[i], st.rset[i] = 0, 0
	}
}

func (st *state) done() bool { return st.b > st.n }

func (st *state) s0() int { return int(st.stack[len(st.stack)-1]) }

// legal reports which moves are allowed: SHIFT and RIGHT need a buffer;
// REDUCE needs s0 to have a head; LEFT needs s0 headless and not the root.
// RIGHT from the root is allowed once, so parses have a single root.
func (st *state) legal() (ok [numMoves]bool) {
	if st.done() {
		return
	}
	s := st.s0()
	ok[shift] = true
	ok[reduce] = st.head[s] != none
	ok[left] = s != 0 && st.head[s] == none
	ok[right] = s != 0 || st.rc1[0] == none
	return
}

func (st *state) addArc(h, d int, l int) {
	st.head[d] = int32(h)
	st.label[d] = int16(l)
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		st.lc2[h], st.lc1[h] = st.lc1[h], int32(d)
		if st.nl[h] < 255 {
			st.nl[h]++
		}
		st.lset[h] |= bit
	} else {
		st.rc2[h], st.rc1[h] = st.rc1[h], int32(d)
		if st.nr[h] < 255 {
			st.nr[h]++
		}
		st.rset[h] |= bit
	}
}

// apply performs move m with label l; the move must be legal.
func (st *state) apply(m, l int) {
	switch m {
	case shift:
		st.stack = append(st.stack, int32(st.b))
		st.b++
	case reduce:
		st.stack = st.stack[:len(st.stack)-1]
	case left:
		st.addArc(st.b, st.s0(), l)
		st.stack = st.stack[:len(st.stack)-1]
	case right:
		st.addArc(st.s0(), st.b, l)
		st.stack = append(st.stack, int32(st.b))
		st.b++
	}
}

// costs returns, for each move, how many gold arcs it makes unreachable
// (Goldberg & Nivre 2012, arc-eager), ignoring labels. gold[i] is the gold
// head of token i (gold[0] unused) and must be projective.
func (st *state) costs(gold []int32, onStack []bool) (c [numMoves]int) {
	s, b := st.s0(), st.b
	// gold dependents of s and b in the stack (headless) and the buffer
	depsSinBuf := 0
	for k := b; k <= st.n; k++ {
		if int(gold[k]) == s {
			depsSinBuf++
		}
	}
	depsBinStack := 0
	for _, k := range st.stack {
		if gold[k] == int32(b) && st.head[k] == none {
			depsBinStack++
		}
	}
	gb := int(gold[b])
	// (0, b) is unreachable once the root has its one dependent.
	headBinStack := gb >= 0 && gb < b && onStack[gb] && !(gb == 0 && st.rc1[0] != none)
	// LEFT: s loses a head in the buffer beyond b and its buffer dependents.
	c[left] = depsSinBuf
	if s != 0 && int(gold[s]) > b {
		c[left]++
	}
	// RIGHT: b loses heads in the stack (other than s) or buffer, and its
	// headless dependents in the stack.
	c[right] = depsBinStack
	if gb > b || (headBinStack && gb != s) {
		c[right]++
	}
	// A right arc from the root is the only one it gets (legal allows one),
	// so attaching a non-root word there also costs the gold root word its
	// head if that word is still in the buffer.
	if s == 0 && gb != 0 {
		for k := b + 1; k <= st.n; k++ {
			if gold[k] == 0 {
				c[right]++
				break
			}
		}
	}
	// REDUCE: s loses its dependents in the buffer.
	c[reduce] = depsSinBuf
	// SHIFT: b loses a head or headless dependents in the stack.
	c[shift] = depsBinStack
	if headBinStack {
		c[shift]++
	}
	return
}

// projectivize lifts non-projective arcs (the shortest first) to the
// grandparent until the tree is projective, as in Nivre & Nilsson (2005)
// without path encoding. heads is 1-based with 0 the root, indexed from 1;
// it is modified in place. It reports how many arcs were lifted.
func projectivize(heads []int32) int {
	lifted := 0
	for {
		best, bestLen := -1, 1<<30
		for d := 1; d < len(heads); d++ {
			h := int(heads[d])
			if h == 0 {
				continue
			}
			lo, hi := min(h, d), max(h, d)
			if hi-lo >= bestLen {
				continue
			}
			for k := lo + 1; k < hi; k++ {
				if !dominates(heads, h, k) {
					best, bestLen = d, hi-lo
					break
				}
			}
		}
		if best < 0 {
			return lifted
		}
		heads[best] = heads[heads[best]]
		lifted++
	}
}

// dominates reports whether h is an ancestor of k (or k itself).
func dominates(heads []int32, h, k int) bool {
	for steps := 0; k != 0 && steps < len(heads); steps++ {
		if k == h {
			return true
		}
		k = int(heads[k])
	}
	return k == h
}

// isTree reports whether heads (1-based, 0 root, index 0 unused) form a
// tree rooted at 0 with exactly one word attached to the root.
func isTree(heads []int32) bool {
	roots := 0
	for d := 1; d < len(heads); d++ {
		h := int(heads[d])
		if h < 0 || h >= len(heads) || h == d {
			return false
		}
		if h == 0 {
			roots++
		}
		if !dominates(heads, 0, d) {
			return false
		}
	}
	return len(heads) <= 1 || roots == 1
}
