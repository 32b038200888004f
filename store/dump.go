package store

import "github.com/kgx-project/kgx/graph"

// Facts returns every stored document's own facts, sorted by document
// id: with Curations, what `kgx export --format jsonl` dumps and `kgx
// import` replays (Put each, then AddCuration) into an identical store.
func (s *DB) Facts() ([]*graph.Facts, error) { return s.allFacts(factsFull) }
