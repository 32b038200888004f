package render

import (
	"bufio"
	"cmp"
	"context"
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
	enc := newRecordEncoder()
	put := func(v any) error {
		b, err := enc.encode(v)
		if err != nil {
			return err
		}
		_, err = bw.Write(b)
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
// Errors name the line. It holds the whole dump; CheckJSONL checks one
// without holding it.
func ReadJSONL(r io.Reader) (*Dump, error) {
	g := graph.New()
	d := &Dump{Graph: g}
	n, err := scanJSONL(context.Background(), r, jsonlVisitor{
		doc:    func(_ *jsonlScanner, doc graph.Doc) error { g.AddDoc(doc); return nil },
		entity: func(_ *jsonlScanner, e *graph.Entity) error { g.AddEntity(*e); return nil },
		relation: func(_ *jsonlScanner, _ string, rel *graph.Relation) error {
			g.AddRelation(*rel)
			return nil
		},
		facts:    func(_ *jsonlScanner, f *graph.Facts) error { d.Facts = append(d.Facts, f); return nil },
		curation: func(_ *jsonlScanner, c graph.Curation) error { d.Curations = append(d.Curations, c); return nil },
	})
	if err != nil {
		return nil, err
	}
	if len(g.Relations()) != n.Relations || len(g.CoMentions()) != n.CoMentions {
		return nil, fmt.Errorf("%w: a relation appears twice", ErrJSONL)
	}
	return d, nil
}
