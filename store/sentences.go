package store

// Evidence sentences, stored once per document (format 3, see keys.go):
// 'S' doc 0x00 start -> sentenceValue, and the search postings 'X' word
// 0x00 doc 0x00 start derived from its text. Contributions and the
// resolved view keep evidence without its text; hydrate puts it back.

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgx-project/kgx/graph"
)

// sentenceValue is the value under 'S': the end offset and the text of
// an evidence sentence (its document and start are in the key).
type sentenceValue struct {
	End  int    `json:"end"`
	Text string `json:"text"`
}

// DecodeSentence decodes a sentence value ('S') and checks it.
func DecodeSentence(b []byte) (sentenceValue, error) {
	var v sentenceValue
	if err := decode(b, &v); err != nil {
		return v, err
	}
	if v.End < 0 || v.Text == "" {
		return v, fmt.Errorf("%w: sentence with end %d and %d bytes of text", ErrCorrupt, v.End, len(v.Text))
	}
	return v, nil
}

// docSentence is one sentence of a document to store.
type docSentence struct {
	start int
	val   sentenceValue
}

// sentenceTable collects a document's evidence sentences as its
// contributions are encoded.
type sentenceTable struct {
	doc  string
	at   map[int]sentenceValue
	list []docSentence // in first-seen order
}

func newSentenceTable(doc string) *sentenceTable {
	return &sentenceTable{doc: doc, at: map[int]sentenceValue{}}
}

// strip returns a copy of r whose evidence sentences of this document
// are moved into the table (Sentence left empty). Evidence that cannot
// be moved (another document, a different sentence at an offset already
// taken, offsets out of range) keeps its text.
func (t *sentenceTable) strip(r graph.Relation) graph.Relation {
	if len(r.Evidence) == 0 {
		return r
	}
	evs := make([]graph.Evidence, len(r.Evidence))
	copy(evs, r.Evidence)
	for i := range evs {
		ev := &evs[i]
		if ev.Sentence == "" || ev.Doc != t.doc || ev.Start < 0 || ev.Start > math.MaxUint32 || ev.End < ev.Start {
			continue
		}
		v := sentenceValue{End: ev.End, Text: ev.Sentence}
		if old, ok := t.at[ev.Start]; ok {
			if old != v {
				continue
			}
		} else {
			t.at[ev.Start] = v
			t.list = append(t.list, docSentence{ev.Start, v})
		}
		ev.Sentence = ""
	}
	r.Evidence = evs
	return r
}

// write stores the table's sentences, each before its search postings
// (so that a roll back that finds the sentence finds its postings).
func (t *sentenceTable) write(b *batch) error {
	for _, s := range t.list {
		v, err := encode(s.val)
		if err != nil {
			return err
		}
		if err := b.set(sentenceKey(t.doc, s.start), v); err != nil {
			return err
		}
		for _, w := range SearchWords(s.val.Text) {
			if err := b.set(postingKey(w, t.doc, s.start), nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// deleteSentences removes doc's sentences and their search postings,
// each sentence after its postings (so that an interrupted removal can
// still find what is left).
func deleteSentences(b *batch, doc string) error {
	type sent struct {
		k    []byte
		text string
	}
	var all []sent
	p := sentencePrefix(doc)
	if err := scan(b.txn, p, func(k, v []byte) error {
		s := sent{k: bytes.Clone(k)}
		if sv, err := DecodeSentence(v); err == nil {
			s.text = sv.Text
		}
		all = append(all, s)
		return nil
	}); err != nil {
		return err
	}
	for _, s := range all {
		if len(s.k) != len(p)+4 {
			continue
		}
		start := int(getStart(s.k[len(p):]))
		for _, w := range SearchWords(s.text) {
			if err := b.del(postingKey(w, doc, start)); err != nil {
				return err
			}
		}
		if err := b.del(s.k); err != nil {
			return err
		}
	}
	return nil
}

// sentenceRef names a stored sentence.
type sentenceRef struct {
	doc   string
	start int
}

// parseSentenceRef parses doc 0x00 start (4 bytes BE), the end of a
// sentence key ('S') and of a search posting ('X').
func parseSentenceRef(b []byte) (sentenceRef, bool) {
	i := bytes.IndexByte(b, 0)
	if i < 0 || len(b) != i+5 {
		return sentenceRef{}, false
	}
	return sentenceRef{string(b[:i]), int(getStart(b[i+1:]))}, true
}

func getStart(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// hydrator fills in evidence sentences from the sentence table, caching
// what it read.
type hydrator struct {
	txn   *badger.Txn
	cache map[string]sentenceValue
}

func newHydrator(txn *badger.Txn) *hydrator {
	return &hydrator{txn: txn, cache: map[string]sentenceValue{}}
}

// fill sets the Sentence of every piece of evidence that has none from
// the table. Evidence whose sentence is not in the table keeps an empty
// Sentence (Check reports it).
func (h *hydrator) fill(evs []graph.Evidence) error {
	for i := range evs {
		ev := &evs[i]
		if ev.Sentence != "" || ev.End <= ev.Start || ev.Start < 0 || ev.Start > math.MaxUint32 {
			continue
		}
		k := sentenceKey(ev.Doc, ev.Start)
		v, ok := h.cache[string(k)]
		if !ok {
			raw, err := getRaw(h.txn, k)
			if errors.Is(err, badger.ErrKeyNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			if v, err = DecodeSentence(raw); err != nil {
				return fmt.Errorf("sentence %s: %w", printable(k), err)
			}
			if len(h.cache) > 1<<16 {
				clear(h.cache)
			}
			h.cache[string(k)] = v
		}
		if v.End == ev.End {
			ev.Sentence = v.Text
		}
	}
	return nil
}

// fillRelations fills the evidence of every relation in rs.
func (h *hydrator) fillRelations(rs []graph.Relation) error {
	ps := make([]*graph.Relation, len(rs))
	for i := range rs {
		ps[i] = &rs[i]
	}
	return h.fillRelationsAll(ps)
}

// fillAll is fill for many pieces of evidence at once: it looks their
// sentences up in key order through one iterator, so that each block of
// the table is read once however the evidence is spread over documents.
func (h *hydrator) fillAll(evs []*graph.Evidence) error {
	type want struct {
		k  string
		ev *graph.Evidence
	}
	var ws []want
	for _, ev := range evs {
		if ev.Sentence != "" || ev.End <= ev.Start || ev.Start < 0 || ev.Start > math.MaxUint32 {
			continue
		}
		ws = append(ws, want{string(sentenceKey(ev.Doc, ev.Start)), ev})
	}
	if len(ws) == 0 {
		return nil
	}
	slices.SortFunc(ws, func(a, b want) int { return strings.Compare(a.k, b.k) })
	it := h.txn.NewIterator(badger.IteratorOptions{Prefix: []byte{pSentence}})
	defer it.Close()
	var last string
	var v sentenceValue
	found := false
	for _, w := range ws {
		if w.k != last {
			last, found = w.k, false
			seekNear(it, []byte(w.k))
			if it.Valid() && string(it.Item().Key()) == w.k {
				raw, err := it.Item().ValueCopy(nil)
				if err != nil {
					return err
				}
				if v, err = DecodeSentence(raw); err != nil {
					return fmt.Errorf("sentence %s: %w", printable([]byte(w.k)), err)
				}
				found = true
			}
		}
		if found && v.End == w.ev.End {
			w.ev.Sentence = v.Text
		}
	}
	return nil
}

// nearSteps is how many keys seekNear steps over before it seeks. When
// fillAll looks up the evidence of every relation of a store, the next
// wanted sentence is most often a few keys on, and stepping to it costs
// much less than a seek through every level of the tree (hydrating the
// typed relations of a 4,000-document store: about 300 ms with seeks
// only, 100-160 ms stepping up to 32 keys, from a cold cache).
const nearSteps = 32

// seekNear moves it to the first key at or after k, which must not sort
// before the key it is at (if any): by stepping over at most nearSteps
// keys, else by seeking.
func seekNear(it *badger.Iterator, k []byte) {
	for range nearSteps {
		if !it.Valid() {
			break
		}
		if bytes.Compare(it.Item().Key(), k) >= 0 {
			return
		}
		it.Next()
	}
	it.Seek(k)
}

// fillRelationsAll fills the evidence of every relation in rs with
// fillAll.
func (h *hydrator) fillRelationsAll(rs []*graph.Relation) error {
	var evs []*graph.Evidence
	for _, r := range rs {
		evs = evidencePointers(evs, r.Evidence)
	}
	return h.fillAll(evs)
}

// evidencePointers appends a pointer to each element of evs to out.
func evidencePointers(out []*graph.Evidence, evs []graph.Evidence) []*graph.Evidence {
	for i := range evs {
		out = append(out, &evs[i])
	}
	return out
}
