// Package render draws a knowledge graph and writes it in the formats
// analysts take elsewhere: it takes a *graph.Graph (usually a view cut
// out of the merged graph by Select) and gives DOT, SVG and PNG diagrams
// and GEXF 1.3, GraphML, CSV, graphology JSON and kgx JSONL files.
//
// Each format has one file and one entry point, WriteX(w, g, opts), like
// go/printer: the text formats are written by this package's own code,
// in a deterministic order (entities by id, relations by source, target
// and label), so that two exports of the same graph are byte-identical
// and diffs mean something. Only svg.go touches Graphviz (go-graphviz,
// an embedded WebAssembly build); PNG is drawn from its layout.
//
// Every string in a graph comes from documents and is untrusted. Each
// writer escapes it for its format: XML character references in GEXF,
// GraphML and SVG (bidi controls included, characters XML cannot carry
// replaced by U+FFFD), quoted and entity-escaped strings in DOT,
// encoding/json plus \u escapes for bidi controls in JSON, and in CSV a
// leading = + - @ is neutralised with an apostrophe against formula
// injection. ReadJSONL reads a JSONL dump back; CheckJSONL checks one
// that is too big to hold, for kgx import.
package render
