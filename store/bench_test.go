package store

import (
	"fmt"
	"testing"

	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/graph"
)

// popularFacts returns n documents that all mention the same three
// entities (as news about one story does) plus a few of their own.
func popularFacts(n int) []*graph.Facts {
	fs := synthFacts(20, n)
	for i, f := range fs {
		for j := range 3 {
			name := fmt.Sprintf("Own %d-%d", i, j)
			k := extract.Key(extract.Person, name)
			f.Entities = append(f.Entities, graph.Entity{ID: graph.ID(k), Key: k, Name: name, Type: extract.Person, Mentions: 1, Documents: 1})
		}
	}
	return fs
}

// BenchmarkPut measures storing one more document into a store that
// already holds b.N-independent background documents sharing entities.
func BenchmarkPut(b *testing.B) {
	for _, size := range []int{0, 1000, 4000} {
		b.Run(fmt.Sprintf("stored=%d", size), func(b *testing.B) {
			s := mustOpenWith(b, b.TempDir(), Options{NoSync: true})
			fs := popularFacts(size + b.N)
			mustPut(b, s, fs[:size]...)
			b.ResetTimer()
			mustPut(b, s, fs[size:]...)
		})
	}
}
