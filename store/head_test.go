package store

import (
	"testing"

	"github.com/kgx-project/kgx/graph"
)

// TestDecodeRelationHead checks that the head-only decoding of a relation
// value, which skips the evidence, gives the same head as a full decode.
func TestDecodeRelationHead(t *testing.T) {
	ev := func(s string) []graph.Evidence {
		return []graph.Evidence{{Doc: "d", Sentence: s, End: len(s), Date: "2025-06-04"}}
	}
	tests := []struct {
		name string
		r    graph.Relation
	}{
		{"with evidence", graph.Relation{Source: 1, Target: -2, Label: "met", Category: "CONSULT", Count: 3, Evidence: ev("Shoigu met Kim.")}},
		{"no evidence", graph.Relation{Source: 5, Target: 6, Label: "visited", Category: "CONSULT", Count: 1}},
		{"evidence quoting the field name", graph.Relation{Source: 7, Target: 8, Label: "said", Category: "", Count: 2, Evidence: ev(`x,"evidence":{"count":99}`)}},
		{"odd label", graph.Relation{Source: 9, Target: 10, Label: `a,"evidence":b`, Category: "AID", Count: 4, Evidence: ev("s")}},
	}
	for _, tt := range tests {
		for _, codec := range []struct {
			name string
			enc  func(any) ([]byte, error)
		}{{"binary", encode}, {"JSON", encodeJSON}} {
			t.Run(tt.name+"/"+codec.name, func(t *testing.T) {
				b, err := codec.enc(tt.r)
				if err != nil {
					t.Fatal(err)
				}
				got, err := decodeRelationHead(b)
				if err != nil {
					t.Fatal(err)
				}
				want := tt.r
				want.Evidence = nil
				if got.Source != want.Source || got.Target != want.Target || got.Label != want.Label || got.Category != want.Category || got.Count != want.Count {
					t.Errorf("head %+v, want %+v", got, want)
				}
			})
		}
	}
}
