package store

import (
	"context"
	"fmt"
	"testing"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// TestMergeFirstDocument stores documents that name one entity (one key)
// in every order, one Put each (so that a document sorting before the
// merged value's first updates it) and in one PutBatch, and checks that
// every order gives the same store and that Check finds the merged values
// equal to the fold of their contributions: the cases where the new first
// document keeps the name (updated in place) and where it changes it
// (folded again).
func TestMergeFirstDocument(t *testing.T) {
	const key = "PERSON:smith"
	type mention struct {
		name    string
		typ     extract.EntityType
		aliases []extract.Alias
		roles   []string
	}
	tests := []struct {
		name string
		docs []mention // documents "d0", "d1", ... in id order
	}{
		{"SameNameOtherType", []mention{
			{name: "Smith", typ: extract.Org},
			{name: "Smith", typ: extract.Person, roles: []string{"minister"}},
			{name: "Smith", typ: extract.GPE},
		}},
		{"OtherName", []mention{
			{name: "John Smith", typ: extract.Person},
			{name: "Smith", typ: extract.Person, aliases: []extract.Alias{{Name: "John Smith", Rule: "acronym"}}},
			{name: "Smith", typ: extract.Org},
		}},
		{"AliasIsFirstName", []mention{
			{name: "Smith", typ: extract.Person, aliases: []extract.Alias{{Name: "J. Smith", Rule: "b"}}},
			{name: "J. Smith", typ: extract.Person, aliases: []extract.Alias{{Name: "Smith", Rule: "a"}}},
			{name: "Smith", typ: extract.Person, aliases: []extract.Alias{{Name: "J. Smith", Rule: "a"}}},
		}},
	}
	facts := func(i int, m mention) *graph.Facts {
		doc := fmt.Sprintf("d%d", i)
		other := graph.Entity{ID: graph.ID("GPE:paris"), Key: "GPE:paris", Name: "Paris", Type: extract.GPE, Mentions: 1}
		e := graph.Entity{ID: graph.ID(key), Key: key, Name: m.name, Type: m.typ, Aliases: m.aliases, Roles: m.roles, Mentions: i + 1}
		return &graph.Facts{
			Doc:      graph.Doc{ID: doc, Hash: doc, Path: doc + ".txt"},
			Entities: []graph.Entity{e, other},
			Relations: []graph.Relation{{Source: e.ID, Target: other.ID, Label: "visited", Category: fmt.Sprint("c", i), Count: 1,
				Evidence: []graph.Evidence{{Doc: doc, Sentence: m.name + " visited Paris.", Start: 0, End: len(m.name) + 14}}}},
		}
	}
	orders := [][]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []string
			for _, order := range orders {
				var fs []*graph.Facts
				for _, i := range order {
					fs = append(fs, facts(i, tt.docs[i]))
				}
				for _, batched := range []bool{false, true} {
					s := MustOpen(t)
					if batched {
						if _, err := s.PutBatch(fs); err != nil {
							t.Fatal(err)
						}
					} else {
						mustPut(t, s, fs...)
					}
					rep, err := s.Check(context.Background(), false)
					if err != nil {
						t.Fatal(err)
					}
					if !rep.OK() {
						t.Fatalf("order %v, batched %v: %v", order, batched, rep.Problems)
					}
					got := dumpStore(t, s)
					if want == nil {
						want = got
					} else {
						sameDump(t, fmt.Sprintf("order %v, batched %v", order, batched), got, want)
					}
				}
			}
		})
	}
}
