package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalRelations(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.jsonl")
	os.WriteFile(gold, []byte(`{"id":"a","date":"2025-12-26","text":"Sergei Shoigu met Kim Jong Un in Pyongyang on Wednesday.","relations":[{"source":["Sergei Shoigu"],"target":["Kim Jong Un"],"category":"CONSULT"}]}
{"id":"b","text":"The weather was fine.","relations":[]}
`), 0o644)
	var out, errb bytes.Buffer
	g := &globalOptions{Stdout: &out, Stderr: &errb}
	if err := runEvalRelations(context.Background(), &evalRelationsOptions{}, g, []string{gold}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "2 items, 1 gold relations") || !strings.Contains(out.String(), "source,target,category") {
		t.Errorf("unexpected output:\n%s", out.String())
	}
	out.Reset()
	if err := runEvalRelations(context.Background(), &evalRelationsOptions{JSON: true}, g, []string{gold}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"triple"`) {
		t.Errorf("no JSON scores:\n%s", out.String())
	}

	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte("{\"id\":\"a\",\"text\":\"x\",\"relations\":[]}\n{\"id\":\"b\"}\n"), 0o644)
	err := runEvalRelations(context.Background(), &evalRelationsOptions{}, g, []string{bad})
	if err == nil || !strings.Contains(err.Error(), "bad.jsonl:2") {
		t.Errorf("bad gold: err = %v, want one naming bad.jsonl:2", err)
	}
}

// TestEvalRelationsGoldSets runs the committed gold sets (go test -run
// GoldSets -v ./cmd/kgx prints the scores BENCHMARKS.md quotes).
func TestEvalRelationsGoldSets(t *testing.T) {
	if os.Getenv("KGX_GOLD") == "" {
		t.Skip("set KGX_GOLD=1 to score the gold sets (about a minute)")
	}
	files, _ := filepath.Glob("../../testdata/relations/*.jsonl")
	if len(files) < 3 {
		t.Fatalf("gold sets missing: %v", files)
	}
	var out bytes.Buffer
	g := &globalOptions{Stdout: &out, Stderr: &out}
	if err := runEvalRelations(context.Background(), &evalRelationsOptions{Baseline: true, GoldParse: true}, g, files); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
}
