package store

import (
	"bytes"
	"fmt"
	"testing"
)

// TestCompareTargets checks that compareTargets orders targets as their
// keys sort.
func TestCompareTargets(t *testing.T) {
	targets := []target{
		{kind: pEntity, src: 1},
		{kind: pEntity, src: -1},
		{kind: pEntity, src: 1 << 62},
		{kind: pRelation, src: 1, dst: 2, label: "met"},
		{kind: pRelation, src: 1, dst: 2, label: "met with"},
		{kind: pRelation, src: 1, dst: 2, label: "criticised"},
		{kind: pRelation, src: 1, dst: -2, label: "met"},
		{kind: pRelation, src: -1, dst: 2, label: ""},
		{kind: pRelation, src: 2, dst: 1, label: "met"},
		{kind: pCo, src: 1, dst: 2, label: graphCoMentioned},
		{kind: pCo, src: 1, dst: -2, label: graphCoMentioned},
		{kind: pCo, src: -5, dst: 2, label: graphCoMentioned},
	}
	sign := func(n int) int { return min(max(n, -1), 1) }
	for _, a := range targets {
		for _, b := range targets {
			t.Run(fmt.Sprintf("%s/%s", a, b), func(t *testing.T) {
				if got, want := sign(compareTargets(a, b)), bytes.Compare(a.key(), b.key()); got != want {
					t.Errorf("compareTargets = %d, keys compare %d", got, want)
				}
			})
		}
	}
}
