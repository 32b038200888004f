// Package store keeps the knowledge graph in a badger database on disk.
//
// It takes graph.Facts (one document's entities, relations and evidence)
// and stores them as that document's contributions, from which it keeps
// the merged entities and relations up to date: each document goes in
// with one transaction (or a journaled series when it is too big),
// idempotently by content hash, and a document can be removed again with
// every fact only it supports. It gives back the merged graph.Graph,
// single entities by id or by name without loading the graph, their
// relations in and out, the list of documents, and Check, which verifies
// (and repairs) the store's invariants. Only this package imports badger.
// The key layout, the merge rule and the journal are documented in
// keys.go.
package store
