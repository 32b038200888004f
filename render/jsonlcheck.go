package render

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"unicode/utf8"
	"unique"

	"github.com/kgx-project/kgx/graph"
)

// A CheckedDump is a JSONL dump that CheckJSONL accepted: its curation
// records, and where its facts records are, to be read again by
// EachFacts.
type CheckedDump struct {
	Curations []graph.Curation
	r         io.ReaderAt
	facts     []factsSpan
}

// span is where one record is in the file.
type span struct {
	line int
	off  int64
	n    int
}

// factsSpan is where a facts record is, and the digest of its bytes.
type factsSpan struct {
	span
	sum [sha256.Size]byte
}

// recordSum is one graph record (document, entity, relation or
// co-mention) of a dump: its kind and key, which give its place in
// WriteJSONL's order, and the digest of its canonical encoding, with
// each evidence sentence replaced by its own digest (sentenceSum).
type recordSum struct {
	kind     int // kindDoc ...: WriteJSONL's order of the groups
	doc      string
	src, dst int64 // entity id in src
	label    string
	sum      [sha256.Size]byte
	span     span // in the file; zero for a resolved record
}

const (
	kindDoc = iota
	kindEntity
	kindRelation
	kindCoMention
)

func compareRecords(a, b recordSum) int {
	return cmp.Or(cmp.Compare(a.kind, b.kind), cmp.Compare(a.doc, b.doc),
		cmp.Compare(a.src, b.src), cmp.Compare(a.dst, b.dst), cmp.Compare(a.label, b.label))
}

// CheckJSONL checks a dump written by WriteJSONL as ReadJSONL and
// Dump.Verify together do, without holding the dump: every line's JSON
// and kind, the header's version and counts (a truncated file is
// refused), each record's fields, every facts record with checkFacts
// (when not nil), that no document has two facts records, the curation
// records (graph.Curation.Validate), and that the dump's documents,
// entities, relations and co-mentions are exactly what its facts and
// curations resolve to (graph.Resolve). It keeps what resolution needs
// of the facts (with a digest for each evidence sentence instead of the
// text) and a digest of each graph record, so its memory grows with the
// number of entities and relations, not with the evidence text. Errors
// wrap ErrJSONL and name the line. Graph records may come in any order
// (WriteJSONL sorts them); a relation must follow its entities.
//
// r is read from the start to the end once; EachFacts reads the facts
// records from it again, and so does an error about a graph record, to
// quote it.
func CheckJSONL(ctx context.Context, r io.ReaderAt, checkFacts func(*graph.Facts) error) (*CheckedDump, error) {
	c := &CheckedDump{r: r}
	res := graph.NewResolver()
	var file []recordSum
	enc := newRecordEncoder()
	factsLine := map[string]int{} // document id -> line of its facts record
	sum := func(s *jsonlScanner, rec recordSum, v any) error {
		b, err := enc.encode(v)
		if err != nil {
			return err
		}
		rec.sum = sha256.Sum256(b)
		rec.span = span{line: s.line, off: s.off, n: len(s.rec)}
		file = append(file, rec)
		return nil
	}
	_, err := scanJSONL(ctx, io.NewSectionReader(r, 0, math.MaxInt64), jsonlVisitor{
		doc: func(s *jsonlScanner, d graph.Doc) error {
			return sum(s, recordSum{kind: kindDoc, doc: d.ID}, jsonlDoc{"document", d})
		},
		entity: func(s *jsonlScanner, e *graph.Entity) error {
			return sum(s, recordSum{kind: kindEntity, src: e.ID}, jsonlEntity{"entity", e})
		},
		relation: func(s *jsonlScanner, kind string, rel *graph.Relation) error {
			for i := range rel.Evidence {
				rel.Evidence[i].Sentence = sentenceSum(rel.Evidence[i].Sentence)
			}
			k := kindRelation
			if kind == "co_mention" {
				k = kindCoMention
			}
			return sum(s, recordSum{kind: k, src: rel.Source, dst: rel.Target, label: rel.Label}, jsonlRelation{kind, rel})
		},
		facts: func(s *jsonlScanner, f *graph.Facts) error {
			if checkFacts != nil {
				if err := checkFacts(f); err != nil {
					return err
				}
			}
			if l, ok := factsLine[f.Doc.ID]; ok {
				return fmt.Errorf("two facts records for document %q (the other is on line %d)", f.Doc.ID, l)
			}
			factsLine[f.Doc.ID] = s.line
			c.facts = append(c.facts, factsSpan{span{line: s.line, off: s.off, n: len(s.rec)}, sha256.Sum256(s.rec)})
			compact(f)
			res.Add(f)
			return nil
		},
		curation: func(_ *jsonlScanner, cu graph.Curation) error {
			if err := cu.Validate(); err != nil {
				return err
			}
			c.Curations = append(c.Curations, cu)
			return nil
		},
	})
	if err != nil {
		return nil, err
	}
	factsLine = nil
	// Relations join entities, so a dump with graph records has
	// entities.
	if len(c.facts) == 0 && len(file) > 0 {
		return nil, fmt.Errorf("%w: the dump has documents or entities but no facts records, which an import replays (write it with 'kgx export --format jsonl')", ErrJSONL)
	}
	slices.SortStableFunc(file, compareRecords)
	for i := 1; i < len(file); i++ {
		if a, b := &file[i-1], &file[i]; compareRecords(*a, *b) == 0 {
			return nil, fmt.Errorf("%w: line %d: %s appears twice (also on line %d)", ErrJSONL, b.span.line, a.describe(), a.span.line)
		}
	}
	resolved, _ := res.Resolve(c.Curations)
	res = nil
	want, err := graphSums(resolved, enc)
	if err != nil {
		return nil, err
	}
	resolved = nil
	if err := c.compare(file, want); err != nil {
		return nil, err
	}
	return c, nil
}

// Facts is the number of facts records, which EachFacts reads.
func (c *CheckedDump) Facts() int { return len(c.facts) }

// EachFacts reads the dump's facts records again, in file order, and
// calls fn with up to n of them at a time. A record whose bytes are not
// the ones CheckJSONL checked (the file changed) is an error, before fn
// sees it.
func (c *CheckedDump) EachFacts(ctx context.Context, n int, fn func([]*graph.Facts) error) error {
	var buf []byte
	for batch := range slices.Chunk(c.facts, max(n, 1)) {
		if err := ctx.Err(); err != nil {
			return err
		}
		fs := make([]*graph.Facts, 0, len(batch))
		for _, sp := range batch {
			buf = slices.Grow(buf[:0], sp.n)[:sp.n]
			if m, err := c.r.ReadAt(buf, sp.off); m < sp.n {
				return fmt.Errorf("read line %d again: %w", sp.line, cmp.Or(err, io.ErrUnexpectedEOF))
			}
			if sha256.Sum256(buf) != sp.sum {
				return fmt.Errorf("%w: line %d changed since it was checked", ErrJSONL, sp.line)
			}
			var f jsonlFacts
			if err := json.Unmarshal(buf, &f); err != nil || f.Facts == nil {
				return fmt.Errorf("%w: line %d: facts: %v", ErrJSONL, sp.line, err)
			}
			fs = append(fs, f.Facts)
		}
		if err := fn(fs); err != nil {
			return err
		}
	}
	return nil
}

// compare reports the first difference between the dump's graph records
// (file, sorted) and the resolved ones (want, in WriteJSONL's order) as
// Dump.Verify does: other counts, or the first record (counting in
// written order, the header being record 1) that differs, quoted from
// the file.
func (c *CheckedDump) compare(file, want []recordSum) error {
	count := func(rs []recordSum) jsonlHeader {
		h := jsonlHeader{Kind: "header", Format: jsonlFormat, Version: JSONLVersion, Facts: len(c.facts), Curations: len(c.Curations)}
		for _, r := range rs {
			switch r.kind {
			case kindDoc:
				h.Documents++
			case kindEntity:
				h.Entities++
			case kindRelation:
				h.Relations++
			case kindCoMention:
				h.CoMentions++
			}
		}
		return h
	}
	if got, exp := count(file), count(want); got != exp {
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(exp)
		return fmt.Errorf("%w: the facts and curations resolve to other counts than the dump's records:\n  records: %s\n  facts:   %s", ErrJSONL, g, w)
	}
	for i := range file {
		if file[i].sum == want[i].sum && compareRecords(file[i], want[i]) == 0 {
			continue
		}
		sp := file[i].span
		rec := make([]byte, min(sp.n, 200))
		if m, err := c.r.ReadAt(rec, sp.off); m < len(rec) {
			return fmt.Errorf("read line %d again: %w", sp.line, cmp.Or(err, io.ErrUnexpectedEOF))
		}
		quote := string(rec)
		if sp.n > len(rec) {
			for len(quote) > 0 && !utf8.ValidString(quote) {
				quote = quote[:len(quote)-1]
			}
			quote += "..."
		}
		there := ""
		if compareRecords(file[i], want[i]) != 0 {
			there = fmt.Sprintf(" (they give %s there)", want[i].describe())
		}
		return fmt.Errorf("%w: line %d: record %d (counting in written order) is not what the facts resolve to%s: %s",
			ErrJSONL, sp.line, i+2, there, quote)
	}
	return nil
}

// describe names a record by its kind and key.
func (r *recordSum) describe() string {
	switch r.kind {
	case kindDoc:
		return fmt.Sprintf("document %q", r.doc)
	case kindEntity:
		return fmt.Sprintf("entity %d", r.src)
	case kindRelation:
		return fmt.Sprintf("relation %d -> %d %q", r.src, r.dst, r.label)
	default:
		return fmt.Sprintf("co-mention %d -> %d", r.src, r.dst)
	}
}

// graphSums returns the record digests of g's documents, entities,
// relations and co-mentions in WriteJSONL's order. Evidence sentences
// must already be digests (compact).
func graphSums(g *graph.Graph, enc *recordEncoder) ([]recordSum, error) {
	var out []recordSum
	add := func(rec recordSum, v any) error {
		b, err := enc.encode(v)
		if err != nil {
			return fmt.Errorf("render: %w", err)
		}
		rec.sum = sha256.Sum256(b)
		out = append(out, rec)
		return nil
	}
	for _, d := range g.Docs() {
		if err := add(recordSum{kind: kindDoc, doc: d.ID}, jsonlDoc{"document", d}); err != nil {
			return nil, err
		}
	}
	for _, e := range g.Entities() {
		if err := add(recordSum{kind: kindEntity, src: e.ID}, jsonlEntity{"entity", e}); err != nil {
			return nil, err
		}
	}
	for _, r := range g.Relations() {
		if err := add(recordSum{kind: kindRelation, src: r.Source, dst: r.Target, label: r.Label}, jsonlRelation{"relation", r}); err != nil {
			return nil, err
		}
	}
	for _, r := range g.CoMentions() {
		if err := add(recordSum{kind: kindCoMention, src: r.Source, dst: r.Target, label: r.Label}, jsonlRelation{"co_mention", r}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// sentenceSum stands for an evidence sentence in a record's digest: a
// sentence is most of a dump's bytes, and only its equality matters.
func sentenceSum(s string) string {
	h := sha256.Sum256([]byte(s))
	return base64.RawStdEncoding.EncodeToString(h[:])
}

// compact makes one document's facts small enough to keep many of them
// for resolution: evidence sentences become their digests, and the
// strings that recur (document ids, dates, labels) are shared.
func compact(f *graph.Facts) {
	doc := f.Doc.ID
	in := func(s string) string {
		if s == doc {
			return doc
		}
		return unique.Make(s).Value()
	}
	for _, rs := range [][]graph.Relation{f.Relations, f.CoMentions} {
		for i := range rs {
			r := &rs[i]
			r.Label, r.Category = in(r.Label), in(r.Category)
			r.Evidence = slices.Clip(r.Evidence)
			for j := range r.Evidence {
				e := &r.Evidence[j]
				e.Sentence = sentenceSum(e.Sentence)
				e.Doc, e.Date, e.Modality, e.Place = in(e.Doc), in(e.Date), in(e.Modality), in(e.Place)
			}
		}
	}
}

// recordEncoder encodes records as WriteJSONL writes them.
type recordEncoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

func newRecordEncoder() *recordEncoder {
	e := &recordEncoder{}
	e.enc = json.NewEncoder(&e.buf)
	return e
}

// encode returns v's line; it is valid until the next call.
func (e *recordEncoder) encode(v any) ([]byte, error) {
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return nil, err
	}
	return jsonSafe(e.buf.Bytes()), nil
}
