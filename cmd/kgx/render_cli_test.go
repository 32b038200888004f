package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kgx-project/kgx/render"
)

// TestRenderExportSeed draws and exports the seed store through the CLI:
// the relations kept by a view carry their evidence (SVG tooltips quote
// it, GEXF edges get first_seen and spells), date bounds select by
// evidence date, and an empty or unknown selection is a clear exit 1.
func TestRenderExportSeed(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the seed corpus")
	}
	db := seedStore(t)
	tests := []struct {
		name     string
		args     []string
		code     int
		want     []string // in stdout
		wantErr  string   // in stderr
		notInErr string
	}{
		{"dot", []string{"render", "--format", "dot"}, 0, []string{"digraph", `label="met"`}, "", ""},
		{"svg tooltip quotes evidence", []string{"render", "--format", "svg", "--focus", "Kim Jong Un"}, 0,
			[]string{"<svg", "met North Korean leader Kim Jong Un"}, "", ""},
		{"since keeps dated relations", []string{"render", "--format", "dot", "--since", "2025-01-01"}, 0, []string{"->"}, "", ""},
		{"gexf edges dated", []string{"export", "--format", "gexf"}, 0,
			[]string{`for="first_seen" value="2025-`, "<spell"}, "", ""},
		{"empty selection", []string{"render", "--format", "dot", "--since", "2999-01-01"}, 1, nil, "selection is empty", "kgx: kgx:"},
		{"unknown focus", []string{"render", "--format", "dot", "--focus", "Nobody At All"}, 1, nil, `no entity named "Nobody At All"`, "kgx: kgx:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runKgx(t, "", append([]string{"--db", db}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q", w)
				}
			}
			if !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.wantErr)
			}
			if tt.notInErr != "" && strings.Contains(stderr, tt.notInErr) {
				t.Errorf("stderr %q contains %q", stderr, tt.notInErr)
			}
		})
	}
}

// TestRenderDrawLimit checks that a drawing of a large store keeps the
// render.DrawLimit highest-ranked entities and says so, that --top 0
// draws every entity and that an explicit --top is obeyed silently; export
// is not limited.
func TestRenderDrawLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a store of 1,500 entities")
	}
	db := filepath.Join(t.TempDir(), "big.db")
	buildBenchStore(t, db, 1500, 2500)
	_, out, _ := runKgx(t, "", "--db", db, "entities", "--json")
	all := strings.Count(out, `"id"`)
	if all <= render.DrawLimit {
		t.Fatalf("store has %d entities, want more than %d", all, render.DrawLimit)
	}
	nodes := regexp.MustCompile(`(?m)^\tn[0-9]+ \[`)
	tests := []struct {
		name    string
		args    []string
		nodes   int
		wantErr string
	}{
		{"default", []string{"render", "--format", "dot"}, render.DrawLimit, fmt.Sprintf("drawing %d of %d entities, the highest-ranked linked", render.DrawLimit, all)},
		{"top 0 draws all", []string{"render", "--format", "dot", "--top", "0"}, all, ""},
		{"explicit top", []string{"render", "--format", "dot", "--top", "40"}, 40, ""},
		{"export keeps all", []string{"export", "--format", "graphml"}, all, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runKgx(t, "", append([]string{"--db", db}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			n := len(nodes.FindAllString(out, -1))
			if tt.args[0] == "export" {
				n = strings.Count(out, "<node ")
			}
			if n != tt.nodes {
				t.Errorf("%d nodes, want %d", n, tt.nodes)
			}
			if tt.wantErr == "" && stderr != "" {
				t.Errorf("unexpected stderr %q", stderr)
			}
			if !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.wantErr)
			}
		})
	}
}
