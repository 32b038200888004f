package depparse

import (
	"unicode"
	"unicode/utf8"
)

// Feature hashing. Token attributes (word, tag) are hashed once per
// sentence; feature keys are then template ids mixed with those hashes and
// small integers, which does not allocate.

const (
	mulA = 0x9e3779b97f4a7c15
	mulB = 0xff51afd7ed558ccd
)

func mix(h, v uint64) uint64 {
	h ^= v
	h *= mulA
	h ^= h >> 29
	return h
}

func tmpl(t int) uint64 { return uint64(t+1) * mulB }

// Null attribute values, distinct from any string hash in practice.
const (
	nullVal = 0x6e756c6c6e756c6c // absent position
	rootVal = 0x726f6f74726f6f74 // the artificial root
)

// hashString is FNV-1a over s.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// hashWord hashes a word form lower-cased, with every digit mapped to 0.
// It does not allocate.
func hashWord(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case '0' <= c && c <= '9':
				c = '0'
			}
			h ^= uint64(c)
			h *= 1099511628211
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		r = unicode.ToLower(r)
		if unicode.IsDigit(r) {
			r = '0'
		}
		for k := 0; k < 4; k++ {
			h ^= uint64(byte(r >> (8 * k)))
			h *= 1099511628211
		}
		i += n
	}
	return h
}

// numFeatures is the number of feature templates extract fills.
const numFeatures = 96

// sentCtx holds per-token hashes for one sentence, token 0 being the root.
type sentCtx struct {
	w, p, sfx []uint64
	punct     []int32 // punct[i]: punctuation tokens among 1..i
}

// reset hashes one sentence's words and tags. The tag of a word is its
// XPOS combined with its UPOS (UD's AUX/VERB split is not in Penn tags);
// upos may be nil.
func (c *sentCtx) reset(words, xpos, upos []string) {
	n := len(words)
	if cap(c.w) < n+1 {
		c.w = make([]uint64, n+1)
		c.p = make([]uint64, n+1)
		c.sfx = make([]uint64, n+1)
		c.punct = make([]int32, n+1)
	}
	c.w, c.p, c.sfx, c.punct = c.w[:n+1], c.p[:n+1], c.sfx[:n+1], c.punct[:n+1]
	c.w[0], c.p[0], c.sfx[0], c.punct[0] = rootVal, rootVal, rootVal, 0
	for i := range words {
		w := words[i]
		c.w[i+1] = hashWord(w)
		c.p[i+1] = hashString(xpos[i])
		if upos != nil {
			c.p[i+1] = mix(c.p[i+1], hashString(upos[i]))
		}
		c.sfx[i+1] = hashWord(w[max(0, len(w)-3):])
		c.punct[i+1] = c.punct[i]
		if isPunct(xpos, upos, i) {
			c.punct[i+1]++
		}
	}
}

func dist(d int) uint64 {
	switch {
	case d < 5:
		return uint64(d)
	case d < 10:
		return 5
	}
	return 6
}

// extract fills f (len numFeatures) with the Zhang & Nivre (2011) rich
// non-local feature set for configuration st, plus a few s1 features.
func extract(st *state, c *sentCtx, f []uint64) {
	_ = f[numFeatures-1]
	W := func(i int32) uint64 {
		if i < 0 {
			return nullVal
		}
		return c.w[i]
	}
	P := func(i int32) uint64 {
		if i < 0 {
			return nullVal
		}
		return c.p[i]
	}
	L := func(i int32) uint64 {
		if i < 0 || st.label[i] < 0 {
			return nullVal
		}
		return uint64(st.label[i]) + 1
	}
	at := func(s []int32, i int32) int32 {
		if i < 0 {
			return none
		}
		return s[i]
	}

	s0 := int32(st.s0())
	var s1 int32 = none
	if len(st.stack) > 1 {
		s1 = st.stack[len(st.stack)-2]
	}
	n0, n1, n2 := int32(none), int32(none), int32(none)
	if st.b <= st.n {
		n0 = int32(st.b)
	}
	if st.b+1 <= st.n {
		n1 = int32(st.b + 1)
	}
	if st.b+2 <= st.n {
		n2 = int32(st.b + 2)
	}
	s0h := at(st.head, s0)
	s0h2 := at(st.head, s0h)
	s0l, s0l2, s0r, s0r2 := at(st.lc1, s0), at(st.lc2, s0), at(st.rc1, s0), at(st.rc2, s0)
	n0l, n0l2 := at(st.lc1, n0), at(st.lc2, n0)

	s0w, s0p, n0w, n0p := W(s0), P(s0), W(n0), P(n0)
	n1w, n1p, n2w, n2p := W(n1), P(n1), W(n2), P(n2)
	s0wp, n0wp := mix(s0w, s0p), mix(n0w, n0p)
	n1wp, n2wp := mix(n1w, n1p), mix(n2w, n2p)

	var d uint64 = 7
	if n0 >= 0 && s0 > 0 {
		d = dist(int(n0 - s0))
	}
	s0vl, s0vr, n0vl := uint64(st.nl[s0]), uint64(st.nr[s0]), uint64(0)
	var s0sl, s0sr, n0sl uint64 = st.lset[s0], st.rset[s0], 0
	if n0 >= 0 {
		n0vl, n0sl = uint64(st.nl[n0]), st.lset[n0]
	}

	i := 0
	add := func(h uint64) {
		f[i] = h
		i++
	}
	t := func(k int, vs ...uint64) uint64 {
		h := tmpl(k)
		for _, v := range vs {
			h = mix(h, v)
		}
		return h
	}
	// single words
	add(t(0, s0wp))
	add(t(1, s0w))
	add(t(2, s0p))
	add(t(3, n0wp))
	add(t(4, n0w))
	add(t(5, n0p))
	add(t(6, n1wp))
	add(t(7, n1w))
	add(t(8, n1p))
	add(t(9, n2wp))
	add(t(10, n2w))
	add(t(11, n2p))
	// word pairs
	add(t(12, s0wp, n0wp))
	add(t(13, s0wp, n0w))
	add(t(14, s0w, n0wp))
	add(t(15, s0wp, n0p))
	add(t(16, s0p, n0wp))
	add(t(17, s0w, n0w))
	add(t(18, s0p, n0p))
	add(t(19, n0p, n1p))
	// three words
	add(t(20, n0p, n1p, n2p))
	add(t(21, s0p, n0p, n1p))
	add(t(22, P(s0h), s0p, n0p))
	add(t(23, s0p, P(s0l), n0p))
	add(t(24, s0p, P(s0r), n0p))
	add(t(25, s0p, n0p, P(n0l)))
	// distance
	add(t(26, s0w, d))
	add(t(27, s0p, d))
	add(t(28, n0w, d))
	add(t(29, n0p, d))
	add(t(30, s0w, n0w, d))
	add(t(31, s0p, n0p, d))
	// valency
	add(t(32, s0w, s0vr))
	add(t(33, s0p, s0vr))
	add(t(34, s0w, s0vl))
	add(t(35, s0p, s0vl))
	add(t(36, n0w, n0vl))
	add(t(37, n0p, n0vl))
	// unigrams of heads and children
	add(t(38, W(s0h)))
	add(t(39, P(s0h)))
	add(t(40, L(s0)))
	add(t(41, W(s0l)))
	add(t(42, P(s0l)))
	add(t(43, L(s0l)))
	add(t(44, W(s0r)))
	add(t(45, P(s0r)))
	add(t(46, L(s0r)))
	add(t(47, W(n0l)))
	add(t(48, P(n0l)))
	add(t(49, L(n0l)))
	// third order
	add(t(50, W(s0h2)))
	add(t(51, P(s0h2)))
	add(t(52, L(s0h)))
	add(t(53, W(s0l2)))
	add(t(54, P(s0l2)))
	add(t(55, L(s0l2)))
	add(t(56, W(s0r2)))
	add(t(57, P(s0r2)))
	add(t(58, L(s0r2)))
	add(t(59, W(n0l2)))
	add(t(60, P(n0l2)))
	add(t(61, L(n0l2)))
	add(t(62, s0p, P(s0l), P(s0l2)))
	add(t(63, s0p, P(s0r), P(s0r2)))
	add(t(64, s0p, P(s0h), P(s0h2)))
	add(t(65, n0p, P(n0l), P(n0l2)))
	// label sets
	add(t(66, s0w, s0sr))
	add(t(67, s0p, s0sr))
	add(t(68, s0w, s0sl))
	add(t(69, s0p, s0sl))
	add(t(70, n0w, n0sl))
	add(t(71, n0p, n0sl))
	// second stack item, and whether s0 has a head
	var hasHead uint64
	if st.head[s0] >= 0 {
		hasHead = 1
	}
	add(t(72, W(s1)))
	add(t(73, P(s1)))
	add(t(74, P(s1), s0p, n0p))
	add(t(75, P(s1), s0p))
	add(t(76, hasHead, s0p, n0p))
	add(t(77, hasHead, L(s0), n0p))
	add(t(78, mix(W(s1), P(s1)), s0wp))
	add(t(79)) // bias

	// additions to Zhang & Nivre: suffixes, wider context, s1 pairs,
	// punctuation between s0 and n0
	S := func(i int32) uint64 {
		if i < 0 {
			return nullVal
		}
		return c.sfx[i]
	}
	var s2 int32 = none
	if len(st.stack) > 2 {
		s2 = st.stack[len(st.stack)-3]
	}
	var n3 int32 = none
	if st.b+3 <= st.n {
		n3 = int32(st.b + 3)
	}
	var pc uint64 = 9
	if n0 >= 0 {
		pc = uint64(min(c.punct[n0-1]-c.punct[s0], 3))
	}
	var d1 uint64 = 7
	if s1 > 0 {
		d1 = dist(int(s0 - s1))
	}
	add(t(80, S(s0), s0p))
	add(t(81, S(n0), n0p))
	add(t(82, S(n1), n1p))
	add(t(83, P(s2)))
	add(t(84, P(n3)))
	add(t(85, P(s2), P(s1), s0p))
	add(t(86, n0w, n1w))
	add(t(87, n0p, n1w))
	add(t(88, n0w, n1p))
	add(t(89, s0w, n0p, n1p))
	add(t(90, W(s1), n0w))
	add(t(91, P(s1), n0p))
	add(t(92, P(s1), n0p, n1p))
	add(t(93, pc, s0p, n0p))
	add(t(94, P(at(st.head, s1)), P(s1), s0p))
	add(t(95, d1, P(s1), s0p))
}
