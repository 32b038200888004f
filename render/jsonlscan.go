package render

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"unicode"

	"github.com/kgx-project/kgx/graph"
)

// jsonlScanner reads a dump one line at a time and checks what a line,
// with the lines before it, can show: JSON, the record kind, the header
// (first, once, a format and version this kgx reads), each record's
// required fields, that relations join entities defined above, and at
// the end that the header's counts are what the file holds. ReadJSONL
// and CheckJSONL share it and differ in what they keep of each record.
type jsonlScanner struct {
	sc        *bufio.Scanner
	line      int   // of the current record, from 1
	off       int64 // byte offset of the current record (trimmed)
	next      int64 // byte offset of the next line
	rec       []byte
	h, n      jsonlHeader // the header, and the counts seen
	entityIDs map[int64]struct{}
}

// jsonlVisitor receives the records of a dump as they are read. An error
// a visitor returns stops the scan, reported with the record's line.
type jsonlVisitor struct {
	doc      func(*jsonlScanner, graph.Doc) error
	entity   func(*jsonlScanner, *graph.Entity) error
	relation func(s *jsonlScanner, kind string, r *graph.Relation) error // kind "relation" or "co_mention"
	facts    func(*jsonlScanner, *graph.Facts) error
	curation func(*jsonlScanner, graph.Curation) error
}

// scanLine splits at newlines and keeps them, so that the scanner knows
// each line's byte offset.
func scanLine(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return i + 1, data[:i+1], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// bad formats an error about the current record.
func (s *jsonlScanner) bad(format string, args ...any) error {
	return fmt.Errorf("%w: line %d: %s", ErrJSONL, s.line, fmt.Sprintf(format, args...))
}

// scanJSONL reads the dump from r, passing each record to v, and returns
// the header's counts.
func scanJSONL(ctx context.Context, r io.Reader, v jsonlVisitor) (jsonlHeader, error) {
	s := &jsonlScanner{sc: bufio.NewScanner(r), entityIDs: map[int64]struct{}{}}
	s.sc.Buffer(make([]byte, 0, 64<<10), maxJSONLLine)
	s.sc.Split(scanLine)
	for s.sc.Scan() {
		s.line++
		raw := s.sc.Bytes()
		lead := len(raw) - len(bytes.TrimLeftFunc(raw, unicode.IsSpace))
		s.off = s.next + int64(lead)
		s.next += int64(len(raw))
		s.rec = bytes.TrimRightFunc(raw[lead:], unicode.IsSpace)
		if len(s.rec) == 0 {
			continue
		}
		if s.line%1024 == 1 {
			if err := ctx.Err(); err != nil {
				return s.n, err
			}
		}
		if err := s.record(v); err != nil {
			return s.n, err
		}
	}
	if err := s.sc.Err(); err != nil {
		return s.n, fmt.Errorf("%w: after line %d: %v", ErrJSONL, s.line, err)
	}
	h, n := s.h, s.n
	if h.Kind == "" {
		return n, fmt.Errorf("%w: empty input (no header)", ErrJSONL)
	}
	if n.Documents != h.Documents || n.Entities != h.Entities || n.Relations != h.Relations || n.CoMentions != h.CoMentions ||
		n.Facts != h.Facts || n.Curations != h.Curations {
		return n, fmt.Errorf("%w: truncated or edited: header promises %d documents, %d entities, %d relations, %d co-mentions, %d facts, %d curations; found %d, %d, %d, %d, %d, %d",
			ErrJSONL, h.Documents, h.Entities, h.Relations, h.CoMentions, h.Facts, h.Curations,
			n.Documents, n.Entities, n.Relations, n.CoMentions, n.Facts, n.Curations)
	}
	return n, nil
}

// record checks and decodes the current record and passes it on.
func (s *jsonlScanner) record(v jsonlVisitor) error {
	b := s.rec
	var k struct {
		Kind string `json:"kind"`
	}
	if err := json.Unmarshal(b, &k); err != nil {
		return s.bad("not JSON: %v", err)
	}
	if s.h.Kind == "" && k.Kind != "header" {
		return s.bad("the first record must be the header, not %q", k.Kind)
	}
	var err error
	switch k.Kind {
	case "header":
		if s.h.Kind != "" {
			return s.bad("a second header")
		}
		if err := json.Unmarshal(b, &s.h); err != nil {
			return s.bad("header: %v", err)
		}
		if s.h.Format != jsonlFormat {
			return s.bad("format %q, want %q", s.h.Format, jsonlFormat)
		}
		if s.h.Version > JSONLVersion || s.h.Version < 1 {
			return s.bad("dump version %d; this kgx reads versions 1 to %d", s.h.Version, JSONLVersion)
		}
		return nil
	case "document":
		var d jsonlDoc
		if err := json.Unmarshal(b, &d); err != nil {
			return s.bad("document: %v", err)
		}
		if d.ID == "" {
			return s.bad("document without an id")
		}
		s.n.Documents++
		err = v.doc(s, d.Doc)
	case "entity":
		e := jsonlEntity{Entity: new(graph.Entity)}
		if err := json.Unmarshal(b, &e); err != nil {
			return s.bad("entity: %v", err)
		}
		if _, ok := s.entityIDs[e.ID]; ok {
			return s.bad("entity %d appears twice", e.ID)
		}
		s.entityIDs[e.ID] = struct{}{}
		s.n.Entities++
		err = v.entity(s, e.Entity)
	case "relation", "co_mention":
		rel := jsonlRelation{Relation: new(graph.Relation)}
		if err := json.Unmarshal(b, &rel); err != nil {
			return s.bad("%s: %v", k.Kind, err)
		}
		_, okS := s.entityIDs[rel.Source]
		_, okT := s.entityIDs[rel.Target]
		if !okS || !okT {
			return s.bad("%s %d -> %d joins an entity not defined above", k.Kind, rel.Source, rel.Target)
		}
		if (rel.Label == graph.CoMentioned) != (k.Kind == "co_mention") {
			return s.bad("%s with label %q", k.Kind, rel.Label)
		}
		if k.Kind == "relation" {
			s.n.Relations++
		} else {
			s.n.CoMentions++
		}
		err = v.relation(s, k.Kind, rel.Relation)
	case "facts":
		var f jsonlFacts
		if err := json.Unmarshal(b, &f); err != nil {
			return s.bad("facts: %v", err)
		}
		if f.Facts == nil || f.Facts.Doc.ID == "" {
			return s.bad("facts without a document id")
		}
		s.n.Facts++
		err = v.facts(s, f.Facts)
	case "curation":
		var c jsonlCuration
		if err := json.Unmarshal(b, &c); err != nil {
			return s.bad("curation: %v", err)
		}
		if c.Op == "" || c.Name == "" {
			return s.bad("curation without an op or name")
		}
		s.n.Curations++
		err = v.curation(s, c.Curation)
	default:
		return s.bad("unknown record kind %q", k.Kind)
	}
	if err != nil {
		return fmt.Errorf("%w: line %d: %w", ErrJSONL, s.line, err)
	}
	return nil
}
