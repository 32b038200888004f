package store

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"math"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// The binary encodings of store format 5: entities (codecEntity) and
// relations and co-mentions (codecRelation). They are nearly all of a
// store's values (a co-mention contribution per pair of entities per
// document), and in JSON most of their bytes were member names, and most
// of the time spent storing them was JSON's.
//
// A string is a uvarint length and its bytes, unchanged (JSON replaced
// invalid UTF-8; this keeps it). Decoding rejects unknown flags,
// truncation and trailing bytes.
//
// A relation, after the codec byte:
//
//	flags      1 byte: relFirst (a merged value's first document follows)
//	source     8 bytes big endian
//	target     8 bytes big endian
//	label      string
//	category   string
//	count      varint
//	first_doc  string, if relFirst
//	evidence   uvarint n, then n times:
//	  flags    1 byte: evSameDoc (the document of the evidence before; the
//	           first's "before" is ""), evSentence, evDate, evNegated,
//	           evModality, evPlace, evConf
//	  doc      string, unless evSameDoc
//	  start    varint
//	  end      varint (end - start)
//	  sentence, date, modality, place: string, each if its flag is set
//	  conf     4 bytes big endian (float32 bits), if evConf
//
// An entity, after the codec byte:
//
//	flags      1 byte: entFirst (a merged value's first document follows)
//	id         8 bytes big endian
//	key, name  string
//	type       string (the type's name, as in JSON)
//	aliases    uvarint n, then n times name and rule (strings)
//	roles      uvarint n, then n strings
//	mentions, documents  varint
//	first_seen, last_seen  string
//	first_doc  string, if entFirst
const (
	relFirst = 1
	entFirst = 1
)

const (
	evSameDoc = 1 << iota
	evSentence
	evDate
	evNegated
	evModality
	evPlace
	evConf
	evAll = evConf<<1 - 1
)

// appendRelation appends the binary encoding of r (with first, a merged
// value's first document, if hasFirst) to dst.
func appendRelation(dst []byte, r *graph.Relation, first string, hasFirst bool) []byte {
	var flags byte
	if hasFirst {
		flags |= relFirst
	}
	dst = append(dst, codecRelation, flags)
	dst = binary.BigEndian.AppendUint64(dst, uint64(r.Source))
	dst = binary.BigEndian.AppendUint64(dst, uint64(r.Target))
	dst = appendString(dst, r.Label)
	dst = appendString(dst, r.Category)
	dst = binary.AppendVarint(dst, int64(r.Count))
	if hasFirst {
		dst = appendString(dst, first)
	}
	dst = binary.AppendUvarint(dst, uint64(len(r.Evidence)))
	prev := ""
	for i := range r.Evidence {
		ev := &r.Evidence[i]
		var f byte
		if ev.Doc == prev {
			f |= evSameDoc
		}
		if ev.Sentence != "" {
			f |= evSentence
		}
		if ev.Date != "" {
			f |= evDate
		}
		if ev.Negated {
			f |= evNegated
		}
		if ev.Modality != "" {
			f |= evModality
		}
		if ev.Place != "" {
			f |= evPlace
		}
		if ev.Conf != 0 {
			f |= evConf
		}
		dst = append(dst, f)
		if f&evSameDoc == 0 {
			dst = appendString(dst, ev.Doc)
		}
		prev = ev.Doc
		dst = binary.AppendVarint(dst, int64(ev.Start))
		dst = binary.AppendVarint(dst, int64(ev.End)-int64(ev.Start))
		for _, s := range [...]struct {
			bit byte
			s   string
		}{{evSentence, ev.Sentence}, {evDate, ev.Date}, {evModality, ev.Modality}, {evPlace, ev.Place}} {
			if f&s.bit != 0 {
				dst = appendString(dst, s.s)
			}
		}
		if f&evConf != 0 {
			dst = binary.BigEndian.AppendUint32(dst, math.Float32bits(ev.Conf))
		}
	}
	return dst
}

func appendString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

// relReader reads a binary relation, remembering the first problem.
type relReader struct {
	b    []byte
	what string // "entity"; "" for a relation
	err  error
	pool stringPool // nil: every string is a new copy
}

// stringPool keeps one copy of each string decoded through it: the same
// keys, names, dates and rules recur in many contributions, and looking
// a string up by its bytes allocates nothing.
type stringPool map[string]string

// intern replaces *s with the pool's copy, adding it if new.
func (p stringPool) intern(s *string) {
	if v, ok := p[*s]; ok {
		*s = v
	} else {
		p[*s] = *s
	}
}

// entity interns the strings of e.
func (p stringPool) entity(e *graph.Entity) {
	p.intern(&e.Key)
	p.intern(&e.Name)
	p.intern(&e.FirstSeen)
	p.intern(&e.LastSeen)
	for i := range e.Aliases {
		p.intern(&e.Aliases[i].Name)
		p.intern(&e.Aliases[i].Rule)
	}
	for i := range e.Roles {
		p.intern(&e.Roles[i])
	}
}

func (r *relReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s: %s", ErrCorrupt, cmp.Or(r.what, "relation"), what)
	}
	r.b = nil
}

// count reads the length of a list whose elements take at least min
// bytes each; 0 after an error.
func (r *relReader) count(what string, min int) int {
	n := r.uvarint(what)
	if n > uint64(len(r.b)/min) {
		r.fail(what + " beyond the value")
	}
	if r.err != nil {
		return 0
	}
	return int(n)
}

func (r *relReader) byte(what string) byte {
	if len(r.b) < 1 {
		r.fail("truncated " + what)
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *relReader) fixed(n int, what string) []byte {
	if len(r.b) < n {
		r.fail("truncated " + what)
		return make([]byte, n)
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *relReader) varint(what string) int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail("bad " + what)
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *relReader) uvarint(what string) uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail("bad " + what)
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *relReader) string(what string) string {
	n := r.uvarint(what + " length")
	if n > uint64(len(r.b)) {
		r.fail("truncated " + what)
		return ""
	}
	b := r.b[:n]
	r.b = r.b[n:]
	if r.pool == nil {
		return string(b)
	}
	if s, ok := r.pool[string(b)]; ok {
		return s
	}
	s := string(b)
	r.pool[s] = s
	return s
}

// int reads a varint that must fit an int.
func (r *relReader) int(what string) int {
	v := r.varint(what)
	if int64(int(v)) != v {
		r.fail(what + " out of range")
		return 0
	}
	return int(v)
}

// readRelationHead decodes the binary relation b without its first
// document and evidence.
func readRelationHead(b []byte) (graph.Relation, error) {
	if len(b) == 0 || b[0] != codecRelation {
		return graph.Relation{}, fmt.Errorf("%w: not a binary relation", ErrCorrupt)
	}
	r := relReader{b: b[1:]}
	if flags := r.byte("flags"); flags&^relFirst != 0 {
		r.fail(fmt.Sprintf("unknown flags %#x", flags))
	}
	var rel graph.Relation
	rel.Source = int64(binary.BigEndian.Uint64(r.fixed(8, "source")))
	rel.Target = int64(binary.BigEndian.Uint64(r.fixed(8, "target")))
	rel.Label = r.string("label")
	rel.Category = r.string("category")
	rel.Count = r.int("count")
	if r.err != nil {
		return graph.Relation{}, r.err
	}
	return rel, nil
}

// readRelation decodes the binary relation b into rel (replacing all of
// it) and returns the first document it records, if any.
func readRelation(b []byte, rel *graph.Relation) (first string, hasFirst bool, err error) {
	*rel = graph.Relation{}
	if len(b) == 0 || b[0] != codecRelation {
		return "", false, fmt.Errorf("%w: not a binary relation", ErrCorrupt)
	}
	r := relReader{b: b[1:]}
	flags := r.byte("flags")
	if flags&^relFirst != 0 {
		r.fail(fmt.Sprintf("unknown flags %#x", flags))
	}
	rel.Source = int64(binary.BigEndian.Uint64(r.fixed(8, "source")))
	rel.Target = int64(binary.BigEndian.Uint64(r.fixed(8, "target")))
	rel.Label = r.string("label")
	rel.Category = r.string("category")
	rel.Count = r.int("count")
	if flags&relFirst != 0 {
		first, hasFirst = r.string("first document"), true
	}
	n := r.count("evidence count", 3)
	if n > 0 {
		rel.Evidence = make([]graph.Evidence, n)
	}
	prev := ""
	for i := 0; r.err == nil && i < n; i++ {
		ev := &rel.Evidence[i]
		f := r.byte("evidence flags")
		if f&^evAll != 0 {
			r.fail(fmt.Sprintf("unknown evidence flags %#x", f))
			break
		}
		ev.Doc = prev
		if f&evSameDoc == 0 {
			ev.Doc = r.string("evidence document")
		}
		prev = ev.Doc
		ev.Start = r.int("evidence start")
		ev.End = ev.Start + r.int("evidence length")
		if f&evSentence != 0 {
			ev.Sentence = r.string("evidence sentence")
		}
		if f&evDate != 0 {
			ev.Date = r.string("evidence date")
		}
		ev.Negated = f&evNegated != 0
		if f&evModality != 0 {
			ev.Modality = r.string("evidence modality")
		}
		if f&evPlace != 0 {
			ev.Place = r.string("evidence place")
		}
		if f&evConf != 0 {
			ev.Conf = math.Float32frombits(binary.BigEndian.Uint32(r.fixed(4, "evidence confidence")))
		}
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail("trailing data")
	}
	if r.err != nil {
		*rel = graph.Relation{}
		return "", false, r.err
	}
	return first, hasFirst, nil
}

// appendEntity appends the binary encoding of e (with first, a merged
// value's first document, if hasFirst) to dst.
func appendEntity(dst []byte, e *graph.Entity, first string, hasFirst bool) []byte {
	var flags byte
	if hasFirst {
		flags |= entFirst
	}
	dst = append(dst, codecEntity, flags)
	dst = binary.BigEndian.AppendUint64(dst, uint64(e.ID))
	dst = appendString(dst, e.Key)
	dst = appendString(dst, e.Name)
	dst = appendString(dst, e.Type.String())
	dst = binary.AppendUvarint(dst, uint64(len(e.Aliases)))
	for _, a := range e.Aliases {
		dst = appendString(appendString(dst, a.Name), a.Rule)
	}
	dst = binary.AppendUvarint(dst, uint64(len(e.Roles)))
	for _, r := range e.Roles {
		dst = appendString(dst, r)
	}
	dst = binary.AppendVarint(dst, int64(e.Mentions))
	dst = binary.AppendVarint(dst, int64(e.Documents))
	dst = appendString(dst, e.FirstSeen)
	dst = appendString(dst, e.LastSeen)
	if hasFirst {
		dst = appendString(dst, first)
	}
	return dst
}

// readEntity decodes the binary entity b into e (replacing all of it) and
// returns the first document it records, if any.
func readEntity(b []byte, e *graph.Entity) (first string, hasFirst bool, err error) {
	return readEntityPooled(b, e, nil)
}

// readEntityPooled is readEntity taking its strings from pool.
func readEntityPooled(b []byte, e *graph.Entity, pool stringPool) (first string, hasFirst bool, err error) {
	*e = graph.Entity{}
	if len(b) == 0 || b[0] != codecEntity {
		return "", false, fmt.Errorf("%w: not a binary entity", ErrCorrupt)
	}
	r := relReader{b: b[1:], what: "entity", pool: pool}
	flags := r.byte("flags")
	if flags&^entFirst != 0 {
		r.fail(fmt.Sprintf("unknown flags %#x", flags))
	}
	e.ID = int64(binary.BigEndian.Uint64(r.fixed(8, "id")))
	e.Key = r.string("key")
	e.Name = r.string("name")
	if t := r.string("type"); r.err == nil {
		if err := e.Type.UnmarshalText([]byte(t)); err != nil {
			r.fail(err.Error())
		}
	}
	if n := r.count("alias count", 2); n > 0 {
		e.Aliases = make([]extract.Alias, n)
		for i := range e.Aliases {
			e.Aliases[i] = extract.Alias{Name: r.string("alias name"), Rule: r.string("alias rule")}
		}
	}
	if n := r.count("role count", 1); n > 0 {
		e.Roles = make([]string, n)
		for i := range e.Roles {
			e.Roles[i] = r.string("role")
		}
	}
	e.Mentions = r.int("mentions")
	e.Documents = r.int("documents")
	e.FirstSeen = r.string("first seen")
	e.LastSeen = r.string("last seen")
	if flags&entFirst != 0 {
		first, hasFirst = r.string("first document"), true
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail("trailing data")
	}
	if r.err != nil {
		*e = graph.Entity{}
		return "", false, r.err
	}
	return first, hasFirst, nil
}
