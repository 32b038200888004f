package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgx-project/kgx/cmd/kgx/internal/corpus"
	"github.com/kgx-project/kgx/extract"
	"github.com/kgx-project/kgx/store"
)

// ingestCorpus writes a small corpus for the pipeline tests: articles
// recombined from the seed news, the seed articles themselves, a duplicate
// of one (stored once), and a binary file (fails).
func ingestCorpus(t *testing.T) string {
	t.Helper()
	p, err := corpus.Load(context.Background(), "", "../../testdata/news")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	g := corpus.NewGenerator(p, 1)
	g.Paragraphs = [2]int{1, 2}
	if _, err := corpus.Write(g, 8, dir); err != nil {
		t.Fatal(err)
	}
	seeds, _ := filepath.Glob("../../testdata/news/*.txt")
	seeds = seeds[:2]
	for i, f := range seeds {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "s"+filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if err := os.WriteFile(filepath.Join(dir, "t-duplicate.txt"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "b-binary.txt"), []byte("abc\x00def"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// ingestWith runs the pipeline over paths into the store at db.
func ingestWith(ctx context.Context, t *testing.T, db string, workers, batch int, paths []string, progress func(ingestStats, string)) (ingestStats, []error, error) {
	t.Helper()
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := &pipeline{ex: ex, db: s, workers: workers, batch: batch, progress: progress}
	return p.run(ctx, paths)
}

// storedGraph checks the store's invariants and renders everything it
// holds as JSON, in the graph's own (sorted) order, evidence order
// included.
func storedGraph(t *testing.T, db string) string {
	t.Helper()
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rep, err := s.Check(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("store %s fails its check: %v", db, rep.Problems)
	}
	g, err := s.Graph()
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(map[string]any{
		"docs": g.Docs(), "entities": g.Entities(), "relations": g.Relations(), "co": g.CoMentions(),
	}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestIngestDeterministic checks that the stored graph does not depend on
// the number of workers or the batch size: a parallel, batched ingest
// stores exactly what a sequential, one-document-per-transaction one does.
func TestIngestDeterministic(t *testing.T) {
	paths, err := expandPaths([]string{ingestCorpus(t)})
	if err != nil {
		t.Fatal(err)
	}
	var want string
	var wantStats ingestStats
	for i, c := range []struct{ workers, batch int }{{1, 1}, {4, 3}, {3, 64}} {
		db := filepath.Join(t.TempDir(), "kgx.db")
		st, failures, err := ingestWith(context.Background(), t, db, c.workers, c.batch, paths, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(failures) != 1 || st.Failed != 1 || st.Skipped != 1 || st.Added != len(paths)-2 {
			t.Fatalf("workers %d batch %d: stats %+v, failures %v; want 1 failed, 1 skipped, %d added", c.workers, c.batch, st, failures, len(paths)-2)
		}
		got := storedGraph(t, db)
		if i == 0 {
			want, wantStats = got, st
			continue
		}
		if st != wantStats {
			t.Errorf("workers %d batch %d: stats %+v, sequential %+v", c.workers, c.batch, st, wantStats)
		}
		if got != want {
			t.Errorf("workers %d batch %d: stored graph differs from the sequential ingest: %s", c.workers, c.batch, firstDiff(want, got))
		}
	}
}

// TestIngestCancel cancels an ingest part way and checks that the store is
// consistent: it holds exactly the documents the ingest counted, the same
// graph as a sequential ingest of that prefix of the inputs, and ingesting
// again completes it to the full graph.
func TestIngestCancel(t *testing.T) {
	paths, err := expandPaths([]string{ingestCorpus(t)})
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "kgx.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const stopAfter = 3
	st, _, err := ingestWith(ctx, t, db, 2, 2, paths, func(st ingestStats, _ string) {
		if st.Docs == stopAfter {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled ingest returned %v, want context.Canceled", err)
	}
	if st.Docs < stopAfter || st.Docs >= len(paths) {
		t.Fatalf("cancelled ingest handled %d of %d inputs, want at least %d and not all", st.Docs, len(paths), stopAfter)
	}
	prefix := filepath.Join(t.TempDir(), "prefix.db")
	if _, _, err := ingestWith(context.Background(), t, prefix, 1, 1, paths[:st.Docs], nil); err != nil {
		t.Fatal(err)
	}
	if got, want := storedGraph(t, db), storedGraph(t, prefix); got != want {
		t.Fatalf("after cancelling, the store is not the ingest of the first %d inputs: %s", st.Docs, firstDiff(want, got))
	}

	if _, _, err := ingestWith(context.Background(), t, db, 2, 2, paths, nil); err != nil {
		t.Fatal(err)
	}
	full := filepath.Join(t.TempDir(), "full.db")
	if _, _, err := ingestWith(context.Background(), t, full, 1, 1, paths, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := storedGraph(t, db), storedGraph(t, full); got != want {
		t.Fatalf("resumed ingest differs from one uninterrupted ingest: %s", firstDiff(want, got))
	}
}

func TestCountWords(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{{"", 0}, {"  ", 0}, {"a", 1}, {" Kim met\tShoigu.\n\nThen ", 4}, {"naïve café", 2}} {
		if got := countWords(tt.in); got != tt.want {
			t.Errorf("countWords(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
