package store

import (
	"fmt"

	"github.com/kgx-project/kgx/graph"
)

// Facts returns every stored document's own facts, sorted by document
// id: with Curations, what `kgx export --format jsonl` dumps and `kgx
// import` replays (Put each, then AddCuration) into an identical store.
func (s *DB) Facts() ([]*graph.Facts, error) { return s.allFacts() }

// ValidateFacts reports whether Put would accept f (a document id, a
// content hash, entity ids matching their keys, relations joining the
// document's entities), without writing anything, so that a caller can
// check a whole import before storing any of it.
func ValidateFacts(f *graph.Facts) error {
	if _, err := newContributions(f); err != nil {
		return fmt.Errorf("document %s: %w", f.Doc.ID, err)
	}
	return nil
}
