package store

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/kgx-project/kgx/graph"
)

// TestPutBatch checks that PutBatch stores what Put on each document in
// turn stores, including a document repeated within a batch (stored once)
// and one replacing an earlier document of the same batch (same path,
// other content), and that the store passes its check.
func TestPutBatch(t *testing.T) {
	fs := benchFacts(3, 28)
	dup := *fs[5]
	repl := *fs[20]
	repl.Doc.ID, repl.Doc.Hash, repl.Doc.Path = "0000000000000abc", "0000000000000abc", fs[18].Doc.Path
	for i := range repl.Relations {
		repl.Relations[i].Evidence = []graph.Evidence{{Doc: repl.Doc.ID, Sentence: "replacement", Start: 0, End: 11}}
	}
	for i := range repl.CoMentions {
		repl.CoMentions[i].Evidence = []graph.Evidence{{Doc: repl.Doc.ID, Sentence: "replacement", Start: 0, End: 11}}
	}
	all := append(fs[:20:20], &dup, &repl, nil)
	all = append(all, fs[20:]...)

	render := func(s *DB) string {
		t.Helper()
		rep, err := s.Check(context.Background(), false)
		if err != nil || !rep.OK() {
			t.Fatalf("check: %v %v", err, rep)
		}
		g, err := s.Graph()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal([]any{g.Docs(), g.Entities(), g.Relations(), g.CoMentions()})
		return string(b)
	}
	seq := MustOpen(t)
	var want []bool
	for _, f := range all {
		if f == nil {
			want = append(want, false)
			continue
		}
		ok, err := seq.Put(f)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, ok)
	}
	for _, size := range []int{2, 7, 64} {
		s := MustOpen(t)
		var got []bool
		for i := 0; i < len(all); i += size {
			added, err := s.PutBatch(all[i:min(i+size, len(all))])
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, added...)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("batch %d: document %d added %v, Put says %v", size, i, got[i], want[i])
			}
		}
		if render(s) != render(seq) {
			t.Errorf("batches of %d store another graph than Put one by one", size)
		}
	}
}
