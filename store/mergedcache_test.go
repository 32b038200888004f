package store

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/kgx-project/kgx/graph"
)

func TestMergedCache(t *testing.T) {
	type op struct {
		put  bool   // put k (v "" forgets it), else get k
		k, v string // get: v is the value wanted, "" none
	}
	tests := []struct {
		name  string
		limit int
		ops   []op
	}{
		{"PutGet", 1 << 10, []op{
			{put: true, k: "E1", v: "a"}, {k: "E1", v: "a"}, {k: "E2"},
			{put: true, k: "E1", v: "b"}, {k: "E1", v: "b"},
		}},
		{"Forget", 1 << 10, []op{
			{put: true, k: "E1", v: "a"}, {put: true, k: "E1"}, {k: "E1"},
		}},
		// Each entry costs 3 + mergedEntryCost bytes: two fit in a
		// generation, the third starts a new one, the fourth another,
		// which drops the first two.
		{"Generations", 2 * (3 + mergedEntryCost), []op{
			{put: true, k: "E1", v: "a"}, {put: true, k: "E2", v: "b"},
			{put: true, k: "E3", v: "c"}, {k: "E1", v: "a"}, // E1 moves to the current generation, with E3
			{put: true, k: "E4", v: "d"}, // E2 is dropped
			{k: "E2"}, {k: "E1", v: "a"}, {k: "E3", v: "c"}, {k: "E4", v: "d"},
		}},
		{"ForgetInPrevious", 3 + mergedEntryCost, []op{
			{put: true, k: "E1", v: "a"}, {put: true, k: "E2", v: "b"}, // E1 in the previous generation
			{put: true, k: "E1"}, {k: "E1"}, {k: "E2", v: "b"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newMergedCache(tt.limit)
			for i, o := range tt.ops {
				if o.put {
					var v []byte
					if o.v != "" {
						v = []byte(o.v)
					}
					c.put(o.k, v)
					continue
				}
				v, ok := c.get([]byte(o.k))
				if ok != (o.v != "") || string(v) != o.v {
					t.Fatalf("op %d: get(%s) = %q, %v; want %q", i, o.k, v, ok, o.v)
				}
			}
		})
	}
}

// TestMergedCacheBatch checks that a batch's merged writes are in the
// cache while it runs and after it commits, and that a batch that ends
// without committing (discarded, or failing as a too big PutBatch does
// before it stores each half) leaves nothing of them.
func TestMergedCacheBatch(t *testing.T) {
	s := MustOpen(t)
	k, v := entityKey(7), []byte("value")
	for _, commit := range []bool{false, true} {
		t.Run(fmt.Sprintf("commit=%v", commit), func(t *testing.T) {
			b := s.newBatch(false)
			if err := b.set(k, v); err != nil {
				t.Fatal(err)
			}
			if got, err := b.mergedValue(k); err != nil || !bytes.Equal(got, v) {
				t.Fatalf("in the batch: %q, %v", got, err)
			}
			if commit {
				if err := b.finish(); err != nil {
					t.Fatal(err)
				}
			} else {
				b.discard()
			}
			got, ok := s.values.get(k)
			if commit != ok || ok && !bytes.Equal(got, v) {
				t.Fatalf("after the batch: %q, %v", got, ok)
			}
		})
	}

	// Batches too big for a transaction of a small memtable are split
	// after a failed try; the store is the one Put gives.
	fs := benchFacts(5, 40)
	want := MustOpen(t)
	mustPut(t, want, fs...)
	for _, mt := range []int64{1 << 20, 2 << 20} {
		s, err := Open("", Options{InMemory: true, MemTableSize: mt})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		for i := 0; i < len(fs); i += 20 {
			if _, err := s.PutBatch(fs[i : i+20]); err != nil {
				t.Fatal(err)
			}
		}
		rep, err := s.Check(context.Background(), false)
		if err != nil || !rep.OK() {
			t.Fatalf("memtable %d: check: %v %v", mt, err, rep)
		}
		sameDump(t, fmt.Sprintf("memtable %d", mt), dumpStore(t, s), dumpStore(t, want))
	}
}

// TestMergedCacheComplete checks that the cache counts as complete only
// on a store without merged values, and that a process adding to a store
// written by another (whose values its cache lacks) stores what one
// process storing everything does.
func TestMergedCacheComplete(t *testing.T) {
	fs := benchFacts(9, 30)
	want := MustOpen(t)
	mustPut(t, want, fs...)
	if !want.values.complete {
		t.Error("the cache of a store that started empty is not complete")
	}
	dir := t.TempDir()
	for i, part := range [][]*graph.Facts{fs[:10], fs[10:20], fs[20:]} {
		s, err := Open(dir, Options{NoSync: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.PutBatch(part); err != nil {
			t.Fatal(err)
		}
		if got := s.values.complete; got != (i == 0) {
			t.Errorf("open %d: complete = %v", i, got)
		}
		if i == 2 {
			sameDump(t, "three processes", dumpStore(t, s), dumpStore(t, want))
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
