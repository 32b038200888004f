package store

// The search index: which entities and which evidence sentences contain a
// word. Words are extract.Fold'ed (lower case, no diacritics), with a
// final possessive "'s" dropped. Keys:
//
//	'S' word 0x00 'e' id (8 bytes BE)                 -> nothing (a name or alias of the entity has the word)
//	'S' word 0x00 's' doc 0x00 start (4 bytes BE)      -> nothing (the sentence has the word)
//	'T' doc 0x00 start (4 bytes BE)                   -> Sentence (JSON, codec as the other values)
//
// indexSearch writes a document's part of it when the document is stored.
// Postings are not deleted with a document or a merged-away entity;
// Search checks that what a posting names still exists.

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

const (
	pSearch   = 'S'
	pSentence = 'T'
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

// SearchWords splits text into the words the index uses, in order,
// without duplicates or stop words.
func SearchWords(text string) []string {
	var out []string
	for _, w := range strings.Fields(text) {
		for _, suffix := range []string{"'s", "’s", "'S", "’S"} {
			w = strings.TrimSuffix(strings.TrimRight(w, ".,;:!?\")]”"), suffix)
		}
		for _, f := range strings.Fields(extract.Fold(w)) {
			if !stopWords[f] && !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

func searchKey(word string, kind byte, rest ...[]byte) []byte {
	return key(pSearch, append([]byte{}, append([]byte(word), 0, kind)...), bytes.Join(rest, nil))
}

func sentenceRef(doc string, start int) []byte {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], uint32(start))
	return append(append([]byte(doc), 0), b[:]...)
}

// indexSearch adds one document's names and evidence sentences to the
// search index, writing with set (a transaction's or batch's Set).
func indexSearch(set func(k, v []byte) error, f *graph.Facts) error {
	for _, e := range f.Entities {
		names := []string{e.Name}
		for _, a := range e.Aliases {
			names = append(names, a.Name)
		}
		for _, w := range SearchWords(strings.Join(names, " ")) {
			if err := set(searchKey(w, 'e', id8(e.ID)), nil); err != nil {
				return err
			}
		}
	}
	seen := map[int]bool{}
	for _, rs := range [][]graph.Relation{f.Relations, f.CoMentions} {
		for _, r := range rs {
			for _, ev := range r.Evidence {
				if ev.Doc != f.Doc.ID || seen[ev.Start] {
					continue
				}
				seen[ev.Start] = true
				ref := sentenceRef(ev.Doc, ev.Start)
				v, err := json.Marshal(Sentence{Doc: ev.Doc, Start: ev.Start, End: ev.End, Text: ev.Sentence})
				if err != nil {
					return err
				}
				if err := set(key(pSentence, ref), v); err != nil {
					return err
				}
				for _, w := range SearchWords(ev.Sentence) {
					if err := set(searchKey(w, 's', ref), nil); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

// Search finds the entities and evidence sentences that contain every
// word of text (see SearchWords): all such entities, and at most limit
// sentences (0: no limit).
// It reads the postings of each word and the sentences it returns.
func (s *DB) Search(text string, limit int) (SearchResult, error) {
	var res SearchResult
	words := SearchWords(text)
	if len(words) == 0 {
		return res, nil
	}
	err := s.db.View(func(txn *badger.Txn) error {
		var ents, sents map[string]bool
		for i, w := range words {
			e, st := map[string]bool{}, map[string]bool{}
			p := append([]byte{pSearch}, append([]byte(w), 0)...)
			if err := keysUnder(txn, p, func(k []byte) error {
				if len(k) <= len(p) {
					return fmt.Errorf("malformed search key %q", k)
				}
				rest := string(k[len(p)+1:])
				switch k[len(p)] {
				case 'e':
					if i == 0 || ents[rest] {
						e[rest] = true
					}
				case 's':
					if i == 0 || sents[rest] {
						st[rest] = true
					}
				}
				return nil
			}); err != nil {
				return err
			}
			ents, sents = e, st
		}
		for _, k := range sortedSet(ents) {
			if len(k) != 8 {
				return fmt.Errorf("malformed entity posting %q", k)
			}
			id := int64(binary.BigEndian.Uint64([]byte(k)))
			if _, err := txn.Get(entityKey(id)); err != nil {
				if errors.Is(err, badger.ErrKeyNotFound) {
					continue // merged away
				}
				return err
			}
			res.Entities = append(res.Entities, id)
		}
		for _, ref := range sortedSet(sents) {
			if limit > 0 && len(res.Sentences) >= limit {
				break
			}
			var sn Sentence
			found, err := getJSON(txn, key(pSentence, []byte(ref)), &sn)
			if err != nil {
				return err
			}
			if !found {
				continue
			}
			if _, err := txn.Get(key(pDoc, []byte(sn.Doc))); err != nil {
				if errors.Is(err, badger.ErrKeyNotFound) {
					continue // document removed
				}
				return err
			}
			res.Sentences = append(res.Sentences, sn)
		}
		return nil
	})
	if err != nil {
		return res, fmt.Errorf("search %q in %s: %w", text, s.dir, err)
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
