package store

// The search index: which entities and which evidence sentences contain
// a word. Words are extract.Fold'ed (lower case, no diacritics), with a
// final possessive "'s" dropped and stop words left out (SearchWords).
// Keys:
//
//	'G' 'W' word 0x00 id                   -> nothing (a name or alias of the resolved entity has the word)
//	'X' word 0x00 doc 0x00 start (4 BE)    -> nothing (the evidence sentence has the word)
//
// The entity words are part of the resolved view (query.go), which
// Reindex writes. The sentence postings belong to the documents (format 3,
// keys.go): they are written and removed with each document's sentence
// table ('S'), so ingest never rebuilds them.

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// Sentence is an evidence sentence found by Search.
type Sentence struct {
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// SearchResult is what Search found: entities whose name or an alias has
// every word, in id order, and sentences with every word, in document
// and position order.
type SearchResult struct {
	Entities  []int64
	Sentences []Sentence
}

// stopWords are not indexed and are dropped from queries.
var stopWords = map[string]bool{
	"a": true, "an": true, "and": true, "as": true, "at": true, "by": true, "for": true, "from": true,
	"in": true, "is": true, "it": true, "of": true, "on": true, "or": true, "the": true, "to": true,
	"was": true, "were": true, "with": true, "that": true, "this": true, "be": true, "has": true, "had": true,
}

// possessives are the endings SearchWords drops from a word, in order,
// each after trimming closing punctuation (trimClosers).
var possessives = [...]string{"'s", "’s", "'S", "’S"}

// SearchWords splits text into the words the index uses, in order,
// without duplicates, stop words or words containing NUL: each
// whitespace-separated word, closing punctuation and a possessive
// trimmed, extract.Fold'ed and split again at the spaces Fold leaves.
// An ASCII word is folded here (foldASCII), which gives the same words
// without Fold's Unicode normalisation; every stored evidence sentence
// goes through it.
func SearchWords(text string) []string {
	var out []string
	add := func(f string) {
		if !stopWords[f] && !slices.Contains(out, f) && strings.IndexByte(f, 0) < 0 {
			out = append(out, f)
		}
	}
	var buf []byte
	for _, w := range strings.Fields(text) {
		for _, suffix := range possessives {
			w = strings.TrimSuffix(trimClosers(w), suffix)
		}
		if isASCII(w) {
			buf = foldASCII(w, buf, add)
			continue
		}
		for _, f := range strings.Fields(extract.Fold(w)) {
			add(f)
		}
	}
	return out
}

// trimClosers is strings.TrimRight(w, ".,;:!?\")]”").
func trimClosers(w string) string {
	for len(w) > 0 {
		switch w[len(w)-1] {
		case '.', ',', ';', ':', '!', '?', '"', ')', ']':
			w = w[:len(w)-1]
		default:
			if !strings.HasSuffix(w, "”") {
				return w
			}
			w = w[:len(w)-len("”")]
		}
	}
	return w
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// foldASCII calls add with each word of strings.Fields(extract.Fold(w))
// for an ASCII w: the runs of letters and digits, lower-cased, with
// apostrophes and full stops left out (not breaking a run). buf is
// scratch space, returned for reuse; a word that needs no change is a
// substring of w.
func foldASCII(w string, buf []byte, add func(string)) []byte {
	start, clean := -1, true // the current run's start in w; whether w[start:i] is the word
	buf = buf[:0]
	flush := func(end int) {
		if start >= 0 && len(buf) > 0 {
			if clean {
				add(w[start:end])
			} else {
				add(string(buf))
			}
		}
		start, clean, buf = -1, true, buf[:0]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			clean = false
		case c == '\'' || c == '.':
			if start >= 0 {
				clean = false
			}
			continue
		default:
			flush(i)
			continue
		}
		if start < 0 {
			start = i
		}
		buf = append(buf, c)
	}
	flush(len(w))
	return buf
}

// Search finds the entities whose name or an alias has every word of
// text (see SearchWords), in id order, and at most limit (0: no limit)
// evidence sentences with every word, in document and position order.
func (v *View) Search(text string, limit int) (SearchResult, error) {
	var res SearchResult
	words := SearchWords(text)
	if len(words) == 0 {
		return res, nil
	}
	if v.mem != nil {
		return v.searchMemory(words, limit)
	}
	err := v.s.db.View(func(txn *badger.Txn) error {
		var ents, sents map[string]bool
		for i, w := range words {
			e, st := map[string]bool{}, map[string]bool{}
			p := rkey(rWord, []byte(w), zero)
			if err := eachKey(txn, p, func(k []byte) error {
				if rest := string(k[len(p):]); i == 0 || ents[rest] {
					e[rest] = true
				}
				return nil
			}); err != nil {
				return err
			}
			p = key(pPosting, []byte(w), zero)
			if err := eachKey(txn, p, func(k []byte) error {
				if rest := string(k[len(p):]); i == 0 || sents[rest] {
					st[rest] = true
				}
				return nil
			}); err != nil {
				return err
			}
			ents, sents = e, st
		}
		for _, k := range sortedSet(ents) {
			if len(k) != 8 {
				return fmt.Errorf("%w: search posting %q", ErrCorrupt, k)
			}
			res.Entities = append(res.Entities, getID([]byte(k)))
		}
		for _, ref := range sortedSet(sents) {
			if limit > 0 && len(res.Sentences) >= limit {
				break
			}
			r, ok := parseSentenceRef([]byte(ref))
			if !ok {
				return fmt.Errorf("%w: search posting %q", ErrCorrupt, ref)
			}
			doc, start := r.doc, r.start
			raw, err := getRaw(txn, sentenceKey(doc, start))
			if errors.Is(err, badger.ErrKeyNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			sv, err := DecodeSentence(raw)
			if err != nil {
				return err
			}
			if _, err := getRaw(txn, docKey(doc)); errors.Is(err, badger.ErrKeyNotFound) {
				continue // document being written or removed
			} else if err != nil {
				return err
			}
			res.Sentences = append(res.Sentences, Sentence{Doc: doc, Start: start, End: sv.End, Text: sv.Text})
		}
		return nil
	})
	if err != nil {
		return res, fmt.Errorf("search %q in %s: %w", text, v.s.dir, err)
	}
	return res, nil
}

// searchMemory is Search over a graph resolved in memory.
func (v *View) searchMemory(words []string, limit int) (SearchResult, error) {
	var res SearchResult
	hasAll := func(text string) bool {
		have := SearchWords(text)
		return !slices.ContainsFunc(words, func(w string) bool { return !slices.Contains(have, w) })
	}
	for _, e := range v.mem.Entities() {
		names := []string{e.Name}
		for _, a := range e.Aliases {
			names = append(names, a.Name)
		}
		if hasAll(strings.Join(names, " ")) {
			res.Entities = append(res.Entities, e.ID)
		}
	}
	seen := map[string]bool{}
	for _, rs := range [][]*graph.Relation{v.mem.Relations(), v.mem.CoMentions()} {
		for _, r := range rs {
			for _, ev := range r.Evidence {
				ref := ev.Doc + "\x00" + string(start4(ev.Start))
				if !seen[ref] && hasAll(ev.Sentence) {
					res.Sentences = append(res.Sentences, Sentence{Doc: ev.Doc, Start: ev.Start, End: ev.End, Text: ev.Sentence})
				}
				seen[ref] = true
			}
		}
	}
	slices.SortFunc(res.Sentences, func(a, b Sentence) int {
		return cmp.Or(strings.Compare(a.Doc, b.Doc), cmp.Compare(a.Start, b.Start))
	})
	if limit > 0 && len(res.Sentences) > limit {
		res.Sentences = res.Sentences[:limit]
	}
	return res, nil
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Compare(a, b) })
	return out
}
