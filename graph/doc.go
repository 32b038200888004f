// Package graph merges the Documents that extract produces into one
// knowledge graph: entities keyed by their normalised names, relations
// aggregated per (source, label, target) with a count and the evidence
// that supports them, and weak co-mention edges kept apart from typed
// relations.
//
// It takes *extract.Document values (through FromDocument, which yields a
// document's Facts) and gives a *Graph, which implements gonum's
// graph.Directed and graph.Weighted so that gonum's algorithms run on it
// without copying. Entity ids are derived from the entity key, so they are
// stable across runs and independent of ingest order.
package graph
