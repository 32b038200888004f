package tagger

import (
	"slices"
	"strings"

	"github.com/kgx-project/kgx/extract/internal/gazetteer"
)

// wordCacheMax bounds a word cache: when a sentence would take it past
// this many words, it is emptied first. Replayed over 586,000 words of
// mixed text (GUM, EWT, WikiGold, WNUT17, LitBank), such a cache answers
// 88% of lookups (90.6% with twice the bound, 92.3% unbounded). The two
// caches of a scratch took 10.8 MiB holding 16,800 words each (GUM), most
// of it the POS model's 109 class scores a word.
const wordCacheMax = 1 << 14

// wordCache holds, per distinct word, what tagging derives from the word
// alone: its feature strings (prepWord), its own gazetteer categories and
// whether it begins a longer phrase (NER), its tag dictionary class (POS), and the class scores of the
// features that depend on the word alone (nerStatic, posStatic).
//
// Scores start at zero and a model adds the weights of a feature list in
// order, so the scores after the static features, which come first, are a
// function of the word: copying them into a word's row and scoring only
// the contextual features gives the very float32 sums of scoring them all.
// Tagging with and without the cache is therefore bit-identical.
//
// A cache belongs to one scratch (one goroutine at a time, no locks) and
// is only filled from a frozen model, never from a Trainer.
type wordCache struct {
	owner   *Model               // the model the entries come from
	gaz     *gazetteer.Gazetteer // NER: the gazetteer of the solo categories
	k       int                  // classes per score vector
	index   map[string]int32     // "0" or "1" (allCaps), then the word as given -> entry
	entries []wordEntry
	scores  []float32 // entry e's static scores are scores[e*k:(e+1)*k]
	key     []byte    // lookup's key buffer (the map copies what it keeps)
}

// wordEntry is one word's cached view.
type wordEntry struct {
	info   tokInfo            // strings cloned: they must not pin the caller's text
	solo   gazetteer.Category // NER: gaz.LookupNorm(info.lower)
	starts bool               // NER: gaz.Starts(info.lower)
	dict   int32              // POS: the tag dictionary's class, or -1
}

// reset empties c and binds it to model m and gazetteer gaz, unless it is
// already bound to them and has room for n more words.
func (c *wordCache) reset(m *Model, gaz *gazetteer.Gazetteer, n int) {
	if c.owner == m && c.gaz == gaz && len(c.entries)+n <= wordCacheMax {
		return
	}
	if c.index == nil {
		c.index = make(map[string]int32)
	}
	clear(c.index)
	c.owner, c.gaz, c.k = m, gaz, len(m.Classes)
	c.entries, c.scores = c.entries[:0], c.scores[:0]
}

// lookup returns the entry of word w, read in a sentence in capitals if
// allCaps, adding it if it is new.
func (c *wordCache) lookup(w string, allCaps bool) int32 {
	c.key = append(c.key[:0], boolStr(allCaps)...)
	c.key = append(c.key, w...)
	if e, ok := c.index[string(c.key)]; ok {
		return e
	}
	m := c.owner
	var lex map[string]bool // POS reads words without the lexicon (see TagPOS)
	if m.Kind == NER {
		lex = m.Lower
	}
	info := prepWord(w, allCaps, lex)
	ent := wordEntry{info: cloneInfo(info), dict: -1}
	start := len(c.scores)
	c.scores = slices.Grow(c.scores, c.k)[:start+c.k]
	row := c.scores[start:]
	clear(row) // the arena's spare room may hold an emptied cache's scores
	var feats [10]uint64
	switch m.Kind {
	case NER:
		if c.gaz != nil {
			ent.solo = c.gaz.LookupNorm(info.lower)
			ent.starts = c.gaz.Starts(info.lower)
		}
		m.P.Score(nerStatic(feats[:0], &info), row)
	default:
		if d, ok := m.Dict[w]; ok {
			ent.dict = int32(d)
		} else {
			m.P.Score(posStatic(feats[:0], &info), row)
		}
	}
	e := int32(len(c.entries))
	c.entries = append(c.entries, ent)
	c.index[string(c.key)] = e
	return e
}

// static returns entry e's scores of the static features.
func (c *wordCache) static(e int32) []float32 {
	return c.scores[int(e)*c.k : (int(e)+1)*c.k]
}

// cloneInfo returns in with the strings that may share the caller's text
// (word, lower, cased) copied, equal ones sharing one copy. Shapes never
// do (wordShape builds them).
func cloneInfo(in tokInfo) tokInfo {
	out := in
	out.word = strings.Clone(in.word)
	switch in.lower {
	case out.word:
		out.lower = out.word
	default:
		out.lower = strings.Clone(in.lower)
	}
	switch in.cased {
	case out.word:
		out.cased = out.word
	case out.lower:
		out.cased = out.lower
	default:
		out.cased = strings.Clone(in.cased)
	}
	return out
}
