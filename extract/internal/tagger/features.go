package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgx-project/kgx/extract/internal/gazetteer"
	"github.com/kgx-project/kgx/extract/internal/perceptron"
)

// Template is a feature template id; a feature is the FNV-1a hash of its
// template and value (perceptron.Hash), so template ids must never be
// renumbered without bumping the model format version.
type Template uint8

// Feature templates. POS and NER share the numbering.
const (
	tBias Template = iota
	tWord
	tLower
	tShape
	tShort
	tPre1
	tPre2
	tPre3
	tSuf2
	tSuf3
	tSuf4
	tP1       // previous tag
	tP1P2     // previous two tags
	tP1Word   // previous tag + word
	tLowerM1  // word i-1
	tLowerM2  // word i-2
	tLowerP1  // word i+1
	tLowerP2  // word i+2
	tSuf3M1   // suffix of word i-1
	tSuf3P1   // suffix of word i+1
	tShapeM1  // shape i-1 + shape i
	tShapeP1  // shape i + shape i+1
	tPOS      // POS i
	tPOSM1    // POS i-1 + POS i
	tPOSP1    // POS i + POS i+1
	tPOSShape // POS i + short shape i
	tBigramM1 // word i-1 + word i
	tBigramP1 // word i + word i+1
	tGaz      // gazetteer category with B/I/L/U position and case
	tGazM1    // gazetteer categories of word i-1 alone
	tGazP1    // gazetteer categories of word i+1 alone
	tFirst    // sentence-initial + short shape
	tCaps     // sentence is all caps + short shape
	tTrans    // NER transition: previous class -> class
	tLen      // word length bucket + short shape
	tPrevWordCased
	tNextWordCased
	tLex // word usually written in lower case (the model's lexicon) + short shape + sentence-initial
	numTemplates
)

// templateVersion (POS) and nerTemplateVersion (NER) change whenever
// that model's feature set or hashing changes; model files carry it and
// loading refuses a mismatch.
const (
	templateVersion    = 3
	nerTemplateVersion = 4 // 4: tLex
)

// version returns the feature template version of a model kind.
func version(k Kind) int {
	if k == NER {
		return nerTemplateVersion
	}
	return templateVersion
}

// tokInfo holds a word's precomputed feature strings.
type tokInfo struct {
	word, lower, shape, short string
	cased                     string // word as it should be read (truecased in all-caps lines)
	lex                       bool   // the lower-case lexicon lists the word (NER only)
}

// wordShape maps "Putin" -> "Xxxxx" (runs of more than 4 collapsed to 4)
// and short shape "Xx". Common shapes come from shapes, without
// allocating.
func wordShape(w string) (shape, short string) {
	var bb, sb [32]byte
	b, s := bb[:0], sb[:0]
	var last rune
	run := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			run++
		} else {
			run = 0
			s = utf8.AppendRune(s, c)
		}
		if run < 4 {
			b = utf8.AppendRune(b, c)
		}
		last = c
	}
	return internShape(b), internShape(s)
}

// internShape returns b as a string, shared if it is in shapes.
func internShape(b []byte) string {
	if s, ok := shapes[string(b)]; ok {
		return s
	}
	return string(b)
}

// shapes holds every shape of up to six letters and digits ("Xxxxx",
// "dd", "XxX"): the shapes of most words.
var shapes = func() map[string]string {
	m := map[string]string{"": ""}
	var grow func(prefix string)
	grow = func(prefix string) {
		if len(prefix) == 6 {
			return
		}
		for _, c := range "Xxd" {
			p := prefix + string(c)
			if strings.HasSuffix(p, strings.Repeat(string(c), 5)) {
				continue // a shape never has a run of five
			}
			m[p] = p
			grow(p)
		}
	}
	grow("")
	return m
}()

func lowerASCIIFast(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}

// normDigits maps digits to 0 so that numbers share features. It
// allocates only for a word with a digit other than 0.
func normDigits(w string) string {
	for i := 0; i < len(w); i++ {
		if '1' <= w[i] && w[i] <= '9' {
			b := []byte(w)
			for j := i; j < len(b); j++ {
				if '1' <= b[j] && b[j] <= '9' {
					b[j] = '0'
				}
			}
			return string(b)
		}
	}
	return w
}

func prefix(s string, n int) string {
	i, k := 0, 0
	for i < len(s) && k < n {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
		k++
	}
	return s[:i]
}

func suffix(s string, n int) string {
	i, k := len(s), 0
	for i > 0 && k < n {
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
		k++
	}
	return s[i:]
}

// isAllCaps reports whether a sentence is written in capitals (a shouted
// headline): at least three words with letters, and no lower-case letter
// in at least 80% of them.
func isAllCaps(words []string) bool {
	n, caps := 0, 0
	for _, w := range words {
		hasLetter, hasLower := false, false
		for _, r := range w {
			if unicode.IsLetter(r) {
				hasLetter = true
				if unicode.IsLower(r) {
					hasLower = true
				}
			}
		}
		if hasLetter {
			n++
			if !hasLower {
				caps++
			}
		}
	}
	return n >= 3 && caps*5 >= n*4
}

// truecased reports whether prepare truecases the words of a sentence:
// it is in capitals and there is a lower-case lexicon to do it with.
func truecased(words []string, lowerLex map[string]bool) bool {
	return lowerLex != nil && isAllCaps(words)
}

// prepare fills infos for words. In an all-caps sentence words are
// truecased with the model's lower-case lexicon (common words lower case,
// others capitalised) before features are computed.
func prepare(infos []tokInfo, words []string, lowerLex map[string]bool) (allCaps bool) {
	allCaps = truecased(words, lowerLex)
	for i, w := range words {
		infos[i] = prepWord(w, allCaps, lowerLex)
	}
	return allCaps
}

// prepWord returns the feature strings of one word; allCaps says whether
// its sentence is in capitals (see prepare). The result depends on w,
// allCaps and lowerLex only.
func prepWord(w string, allCaps bool, lowerLex map[string]bool) tokInfo {
	w = straightQuotes(w)
	lw := lowerASCIIFast(w)
	cased := w
	if allCaps {
		if lowerLex[lw] {
			cased = lw
		} else if utf8.RuneCountInString(w) > 1 && !strings.ContainsAny(w, ".") {
			r, n := utf8.DecodeRuneInString(lw)
			cased = string(unicode.ToUpper(r)) + lw[n:]
		}
	}
	shape, short := wordShape(cased)
	return tokInfo{word: normDigits(w), lower: normDigits(lw), shape: shape, short: short, cased: normDigits(cased), lex: lowerLex[lw]}
}

func infoAt(infos []tokInfo, i int) *tokInfo {
	if i < 0 {
		return &startInfo
	}
	if i >= len(infos) {
		return &endInfo
	}
	return &infos[i]
}

var (
	startInfo = tokInfo{word: "<s>", lower: "<s>", shape: "<s>", short: "<s>", cased: "<s>"}
	endInfo   = tokInfo{word: "</s>", lower: "</s>", shape: "</s>", short: "</s>", cased: "</s>"}
)

func h(t Template, s string) uint64 { return perceptron.Hash(uint8(t), s) }

// posFeatures appends the POS features of word i given the two previous
// predicted tags: posStatic's, then posContext's.
func posFeatures(dst []uint64, infos []tokInfo, i int, p1, p2 string) []uint64 {
	return posContext(posStatic(dst, &infos[i]), infos, i, p1, p2)
}

// posStatic appends the POS features that depend on the word alone (its
// word, lower and shape), the first ones posFeatures scores.
func posStatic(dst []uint64, w *tokInfo) []uint64 {
	return append(dst,
		h(tBias, ""),
		h(tWord, w.word),
		h(tLower, w.lower),
		h(tShape, w.shape),
		h(tPre1, prefix(w.lower, 1)),
		h(tPre3, prefix(w.lower, 3)),
		h(tSuf2, suffix(w.lower, 2)),
		h(tSuf3, suffix(w.lower, 3)),
		h(tSuf4, suffix(w.lower, 4)),
	)
}

// posContext appends the POS features of word i that depend on its
// context: the previous tags, the neighbours, the sentence position.
func posContext(dst []uint64, infos []tokInfo, i int, p1, p2 string) []uint64 {
	w := &infos[i]
	m1, m2, n1, n2 := infoAt(infos, i-1), infoAt(infos, i-2), infoAt(infos, i+1), infoAt(infos, i+2)
	return append(dst,
		h(tP1, p1),
		perceptron.Mix(h(tP1P2, p1), p2),
		perceptron.Mix(h(tP1Word, p1), w.lower),
		h(tLowerM1, m1.lower),
		h(tLowerM2, m2.lower),
		h(tLowerP1, n1.lower),
		h(tLowerP2, n2.lower),
		h(tSuf3M1, suffix(m1.lower, 3)),
		h(tSuf3P1, suffix(n1.lower, 3)),
		perceptron.Mix(h(tShapeP1, w.short), n1.short),
		perceptron.Mix(h(tBigramP1, w.lower), n1.lower),
		perceptron.Mix(h(tFirst, boolStr(i == 0)), w.short),
	)
}

func boolStr(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// gazInfo is the gazetteer view of one sentence: per word, the categories
// of the phrase match covering it and the word's position in it.
type gazInfo struct {
	cats   []gazetteer.Category
	pos    []byte // 'B', 'I', 'L', 'U' or 0
	solo   []gazetteer.Category
	starts []bool // the word begins a longer phrase (gazetteer.Starts)
	lower  []string
}

func (g *gazInfo) fill(gaz *gazetteer.Gazetteer, infos []tokInfo) {
	g.reset(len(infos))
	for i := range infos {
		g.solo[i] = gaz.LookupNorm(infos[i].lower)
		g.starts[i] = gaz.Starts(infos[i].lower)
	}
	g.match(gaz, infos)
}

// reset sizes g for a sentence of n words.
func (g *gazInfo) reset(n int) {
	g.cats = resize(g.cats, n)
	g.solo = resize(g.solo, n)
	g.starts = resize(g.starts, n)
	g.pos = resize(g.pos, n)
	g.lower = resize(g.lower, n)
}

// match fills cats and pos from the phrase matches over infos; solo and
// starts must hold each word's own categories and Starts (of its lower
// field).
func (g *gazInfo) match(gaz *gazetteer.Gazetteer, infos []tokInfo) {
	for i := range infos {
		g.lower[i] = infos[i].lower
		g.cats[i], g.pos[i] = 0, 0
	}
	gaz.MatchCats(g.lower, g.solo, g.starts, func(s, e int, c gazetteer.Category) {
		for k := s; k < e; k++ {
			g.cats[k] = c
			switch {
			case e-s == 1:
				g.pos[k] = 'U'
			case k == s:
				g.pos[k] = 'B'
			case k == e-1:
				g.pos[k] = 'L'
			default:
				g.pos[k] = 'I'
			}
		}
	})
	clear(g.lower) // drop the words: the scratch outlives the sentence
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

var catStr = func() []string {
	out := make([]string, len(gazetteer.Categories()))
	for i, c := range gazetteer.Categories() {
		out[i] = c.String()
	}
	return out
}()

// nerFeatures appends the emission features of word i (they do not depend
// on predicted NER tags; transitions are scored separately): nerStatic's,
// then nerContext's.
func nerFeatures(dst []uint64, infos []tokInfo, pos []string, g *gazInfo, i int, allCaps bool) []uint64 {
	return nerContext(nerStatic(dst, &infos[i]), infos, pos, g, i, allCaps)
}

// nerStatic appends the NER emission features that depend on the word
// alone (its cased, lower, shape and short fields), the first ones
// nerFeatures scores.
func nerStatic(dst []uint64, w *tokInfo) []uint64 {
	return append(dst,
		h(tBias, ""),
		h(tWord, w.cased),
		h(tLower, w.lower),
		h(tShape, w.shape),
		h(tShort, w.short),
		h(tPre2, prefix(w.lower, 2)),
		h(tPre3, prefix(w.lower, 3)),
		h(tSuf2, suffix(w.lower, 2)),
		h(tSuf3, suffix(w.lower, 3)),
		h(tSuf4, suffix(w.lower, 4)),
	)
}

// nerContext appends the NER emission features of word i that depend on
// its context (neighbours, POS tags, gazetteer matches, sentence position
// and case) or come after those in the feature order (tLen, tLex).
func nerContext(dst []uint64, infos []tokInfo, pos []string, g *gazInfo, i int, allCaps bool) []uint64 {
	w := &infos[i]
	m1, m2, n1, n2 := infoAt(infos, i-1), infoAt(infos, i-2), infoAt(infos, i+1), infoAt(infos, i+2)
	posAt := func(k int) string {
		if k < 0 {
			return "<s>"
		}
		if k >= len(pos) {
			return "</s>"
		}
		return pos[k]
	}
	p := posAt(i)
	dst = append(dst,
		h(tLowerM1, m1.lower),
		h(tLowerM2, m2.lower),
		h(tLowerP1, n1.lower),
		h(tLowerP2, n2.lower),
		h(tPrevWordCased, m1.cased),
		h(tNextWordCased, n1.cased),
		perceptron.Mix(h(tShapeM1, m1.short), w.short),
		perceptron.Mix(h(tShapeP1, w.short), n1.short),
		h(tPOS, p),
		perceptron.Mix(h(tPOSM1, posAt(i-1)), p),
		perceptron.Mix(h(tPOSP1, p), posAt(i+1)),
		perceptron.Mix(h(tPOSShape, p), w.short),
		perceptron.Mix(h(tBigramM1, m1.lower), w.lower),
		perceptron.Mix(h(tBigramP1, w.lower), n1.lower),
		perceptron.Mix(h(tFirst, boolStr(i == 0)), w.short),
		perceptron.MixInt(h(tLen, w.short), min(utf8.RuneCountInString(w.word), 8)),
	)
	if allCaps {
		dst = append(dst, h(tCaps, w.short))
	}
	// A capitalised word the training text mostly writes in lower case
	// ("Government", "White", "Title") is seldom a name, least of all
	// at the start of a sentence.
	dst = append(dst, perceptron.Mix(perceptron.Mix(h(tLex, boolStr(w.lex)), w.short), boolStr(i == 0)))
	if g != nil {
		for k, c := range gazetteer.Categories() {
			if g.cats[i]&c != 0 {
				dst = append(dst, perceptron.MixInt(perceptron.Mix(h(tGaz, catStr[k]), w.short), int(g.pos[i])))
				dst = append(dst, h(tGaz, catStr[k]))
			}
			if i > 0 && g.solo[i-1]&c != 0 {
				dst = append(dst, perceptron.Mix(h(tGazM1, catStr[k]), w.short))
			}
			if i+1 < len(infos) && g.solo[i+1]&c != 0 {
				dst = append(dst, perceptron.Mix(h(tGazP1, catStr[k]), w.short))
			}
		}
	}
	return dst
}

// straightQuotes maps curly quotes and apostrophes to straight ones, as
// most training text writes them.
func straightQuotes(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return quoteRepl.Replace(w)
		}
	}
	return w
}

var quoteRepl = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "ʼ", "'")
