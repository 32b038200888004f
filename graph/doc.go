// Package graph merges the Documents that extract produces into one
// knowledge graph: one node per real-world entity, relations aggregated
// per (source, label, target) with a count and the evidence that supports
// them, and weak co-mention edges kept apart from typed relations.
//
// It takes *extract.Document values (through FromDocument, which yields a
// document's Facts) and gives a *Graph, which implements gonum's
// graph.Directed and graph.Weighted so that gonum's algorithms run on it
// without copying. Resolve (resolve.go) merges the document entities of
// many documents across spelling, transliteration, type and name-part
// variants and applies analysts' Curation records (curation.go); each
// alias keeps the rule that merged it. A Resolver does the same fed one
// document, entity or relation at a time, keeping one record per entity
// key instead of every document's facts (the store resolves through it). Entity ids are derived from the
// canonical key, so they are stable across runs and independent of ingest
// order. EvalAliases scores the clustering on gold coreference.
package graph
