package render

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/kgx-project/kgx/graph"
)

// JSONLVersion is the version of kgx's JSONL dump that WriteJSONL writes
// and the newest ReadJSONL reads.
const JSONLVersion = 1

// The dump is one JSON object per line, each with a "kind": a header,
// then documents, entities, typed relations (with their evidence) and
// co-mentions, each group sorted by id. Records embed the graph types,
// so their fields are graph's JSON names.
type (
	jsonlHeader struct {
		Kind       string `json:"kind"`   // "header"
		Format     string `json:"format"` // "kgx-jsonl"
		Version    int    `json:"version"`
		Documents  int    `json:"documents"`
		Entities   int    `json:"entities"`
		Relations  int    `json:"relations"`
		CoMentions int    `json:"co_mentions"`
		Facts      int    `json:"facts"`
		Curations  int    `json:"curations"`
	}
	jsonlDoc struct {
		Kind string `json:"kind"` // "document"
		graph.Doc
	}
	jsonlEntity struct {
		Kind string `json:"kind"` // "entity"
		*graph.Entity
	}
	jsonlRelation struct {
		Kind string `json:"kind"` // "relation" or "co_mention"
		*graph.Relation
	}
	jsonlFacts struct {
		Kind  string       `json:"kind"` // "facts"
		Facts *graph.Facts `json:"facts"`
	}
	jsonlCuration struct {
		Kind string `json:"kind"` // "curation"
		graph.Curation
	}
)

// Dump is everything kgx's JSONL dump holds. Graph is the merged view
// that tools read; Facts (each document's own contribution) and
// Curations (the analyst's merges, aliases, renames) are what `kgx
// import` replays to rebuild an identical store.
type Dump struct {
	Graph     *graph.Graph
	Facts     []*graph.Facts
	Curations []graph.Curation
}

const jsonlFormat = "kgx-jsonl"

// WriteJSONL writes kgx's full dump: every document, entity (with
// aliases and roles), typed relation and co-mention of d.Graph with all
// its evidence, then each document's facts and the curation records,
// one JSON object per line, each group sorted. ReadJSONL reads it back.
// Selection does not apply: this is a backup format, and co-mentions are
// always written.
func WriteJSONL(w io.Writer, d *Dump) error {
	g := d.Graph
	if g == nil {
		g = graph.New()
	}
	bw := bufio.NewWriter(w)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	put := func(v any) error {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		_, err := bw.Write(jsonSafe(buf.Bytes()))
		return err
	}
	docs, ents, rels, cos := g.Docs(), g.Entities(), g.Relations(), g.CoMentions()
	facts := slices.Clone(d.Facts)
	slices.SortStableFunc(facts, func(a, b *graph.Facts) int { return cmp.Compare(a.Doc.ID, b.Doc.ID) })
	err := put(jsonlHeader{"header", jsonlFormat, JSONLVersion, len(docs), len(ents), len(rels), len(cos), len(facts), len(d.Curations)})
	for _, d := range docs {
		err = errors.Join(err, put(jsonlDoc{"document", d}))
	}
	for _, e := range ents {
		err = errors.Join(err, put(jsonlEntity{"entity", e}))
	}
	for _, r := range rels {
		err = errors.Join(err, put(jsonlRelation{"relation", r}))
	}
	for _, r := range cos {
		err = errors.Join(err, put(jsonlRelation{"co_mention", r}))
	}
	for _, f := range facts {
		err = errors.Join(err, put(jsonlFacts{"facts", f}))
	}
	// Curations keep their order: later records act on earlier results.
	for _, c := range d.Curations {
		err = errors.Join(err, put(jsonlCuration{"curation", c}))
	}
	if err := errors.Join(err, bw.Flush()); err != nil {
		return fmt.Errorf("render: write jsonl: %w", err)
	}
	return nil
}

// ErrJSONL is wrapped by every error ReadJSONL returns about its input.
var ErrJSONL = errors.New("bad kgx jsonl")

// maxJSONLLine bounds one record (an entity's evidence can be long).
const maxJSONLLine = 64 << 20

// ReadJSONL reads a dump written by WriteJSONL. It checks the header
// (format, and a version it knows: a newer dump is refused), every
// line's JSON and kind, that relations join known entities, and that
// the counts in the header match, so a truncated file is an error.
// Errors name the line.
func ReadJSONL(r io.Reader) (*Dump, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxJSONLLine)
	g := graph.New()
	d := &Dump{Graph: g}
	var h jsonlHeader
	var n jsonlHeader // counts seen
	line := 0
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: line %d: %s", ErrJSONL, line, fmt.Sprintf(format, args...))
	}
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var k struct {
			Kind string `json:"kind"`
		}
		if err := json.Unmarshal(b, &k); err != nil {
			return nil, bad("not JSON: %v", err)
		}
		if h.Kind == "" && k.Kind != "header" {
			return nil, bad("the first record must be the header, not %q", k.Kind)
		}
		switch k.Kind {
		case "header":
			if h.Kind != "" {
				return nil, bad("a second header")
			}
			if err := json.Unmarshal(b, &h); err != nil {
				return nil, bad("header: %v", err)
			}
			if h.Format != jsonlFormat {
				return nil, bad("format %q, want %q", h.Format, jsonlFormat)
			}
			if h.Version > JSONLVersion || h.Version < 1 {
				return nil, bad("dump version %d; this kgx reads versions 1 to %d", h.Version, JSONLVersion)
			}
		case "document":
			var d jsonlDoc
			if err := json.Unmarshal(b, &d); err != nil {
				return nil, bad("document: %v", err)
			}
			if d.ID == "" {
				return nil, bad("document without an id")
			}
			g.AddDoc(d.Doc)
			n.Documents++
		case "entity":
			e := jsonlEntity{Entity: new(graph.Entity)}
			if err := json.Unmarshal(b, &e); err != nil {
				return nil, bad("entity: %v", err)
			}
			if g.Entity(e.ID) != nil {
				return nil, bad("entity %d appears twice", e.ID)
			}
			g.AddEntity(*e.Entity)
			n.Entities++
		case "relation", "co_mention":
			rel := jsonlRelation{Relation: new(graph.Relation)}
			if err := json.Unmarshal(b, &rel); err != nil {
				return nil, bad("%s: %v", k.Kind, err)
			}
			if g.Entity(rel.Source) == nil || g.Entity(rel.Target) == nil {
				return nil, bad("%s %d -> %d joins an entity not defined above", k.Kind, rel.Source, rel.Target)
			}
			if (rel.Label == graph.CoMentioned) != (k.Kind == "co_mention") {
				return nil, bad("%s with label %q", k.Kind, rel.Label)
			}
			g.AddRelation(*rel.Relation)
			if k.Kind == "relation" {
				n.Relations++
			} else {
				n.CoMentions++
			}
		case "facts":
			var f jsonlFacts
			if err := json.Unmarshal(b, &f); err != nil {
				return nil, bad("facts: %v", err)
			}
			if f.Facts == nil || f.Facts.Doc.ID == "" {
				return nil, bad("facts without a document id")
			}
			d.Facts = append(d.Facts, f.Facts)
			n.Facts++
		case "curation":
			var c jsonlCuration
			if err := json.Unmarshal(b, &c); err != nil {
				return nil, bad("curation: %v", err)
			}
			if c.Op == "" || c.Name == "" {
				return nil, bad("curation without an op or name")
			}
			d.Curations = append(d.Curations, c.Curation)
			n.Curations++
		default:
			return nil, bad("unknown record kind %q", k.Kind)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: after line %d: %v", ErrJSONL, line, err)
	}
	if h.Kind == "" {
		return nil, fmt.Errorf("%w: empty input (no header)", ErrJSONL)
	}
	if n.Documents != h.Documents || n.Entities != h.Entities || n.Relations != h.Relations || n.CoMentions != h.CoMentions ||
		n.Facts != h.Facts || n.Curations != h.Curations {
		return nil, fmt.Errorf("%w: truncated or edited: header promises %d documents, %d entities, %d relations, %d co-mentions, %d facts, %d curations; found %d, %d, %d, %d, %d, %d",
			ErrJSONL, h.Documents, h.Entities, h.Relations, h.CoMentions, h.Facts, h.Curations,
			n.Documents, n.Entities, n.Relations, n.CoMentions, n.Facts, n.Curations)
	}
	if len(g.Relations()) != n.Relations || len(g.CoMentions()) != n.CoMentions {
		return nil, fmt.Errorf("%w: a relation appears twice", ErrJSONL)
	}
	return d, nil
}
