// Package store keeps the knowledge graph in a badger database on disk.
//
// It takes graph.Facts (one document's entities, relations and evidence)
// and writes each document in one transaction, idempotently by content
// hash; it gives back the merged graph.Graph, single entities by id or
// name, and the list of documents. Only this package imports badger. The
// key layout is documented in keys.go.
package store
